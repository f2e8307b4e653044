"""The catalogue of GACC certification standards, loaded from ``questionnaires/``."""

from .loader import Catalogue, data_root, get_catalogue, load_catalogue

__all__ = ["Catalogue", "data_root", "get_catalogue", "load_catalogue"]
