"""The evidence binder: one folder per item the audit will ask about, an index (``binder.yaml``)
of the documents each item needs, and the check of what the folders hold.

Stage: above scoring (it reads a scored result's evidence checklist), below the document (whose
evidence list takes the binder's states). Nothing here reads a document's bytes except
:mod:`.pack`, which streams them into the archive.
"""
