"""The catalogue of GACC certification standards, loaded from ``questionnaires/``.

``get_catalogue()`` is what commands use (compiled, cached, no pydantic); ``load_catalogue()``
validates the files from source (:mod:`.loader`, imported only when asked for).
"""

from typing import Any

from aeo_check.catalogue.cache import get_catalogue
from aeo_check.catalogue.compiled import Catalogue, data_root

__all__ = ["Catalogue", "data_root", "get_catalogue", "load_catalogue"]


def __getattr__(name: str) -> Any:
    if name == "load_catalogue":
        from aeo_check.catalogue.loader import load_catalogue

        return load_catalogue
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
