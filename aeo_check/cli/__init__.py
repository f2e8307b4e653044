"""The ``aeo-check`` command line: one module per command group."""
