"""aeo-check: find out, before customs does, whether an enterprise would pass GACC certification."""

__version__ = "0.1.0"
