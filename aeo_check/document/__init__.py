"""The assessment document: computed once per source, encoded once; every surface renders it."""
