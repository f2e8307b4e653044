"""Reading the answer file back out of a plan.

``aeo-check report --pdf-variant pdf/a-3b`` embeds the answer file in the PDF (an associated
file of the PDF/A-3 document). This module finds it again, so ``validate``, ``score`` and
``report`` accept a plan wherever they accept an answer file, and ``aeo-check import`` writes it
back out. pypdf is imported only here, and only when a PDF is given.
"""

from __future__ import annotations

import io

PDF_MAGIC = b"%PDF-"
ATTACHMENT_PREFIX = "aeo-answers"


class NoAnswersInPdf(Exception):
    """The PDF carries no answer file (or cannot be read)."""


def is_pdf(raw: bytes) -> bool:
    return raw[:1024].lstrip().startswith(PDF_MAGIC)


def answers_from_pdf(raw: bytes) -> tuple[str, bytes]:
    """The embedded answer file of a plan: (its name, its bytes)."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        found = {name: data for name, data in reader.attachments.items()}
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise NoAnswersInPdf(f"cannot read this PDF ({exc.__class__.__name__})") from None
    for name in sorted(found):
        if name.startswith(ATTACHMENT_PREFIX) and found[name]:
            return name, found[name][0]
    raise NoAnswersInPdf("this PDF carries no answer file: make the plan with "
                         "`aeo-check report FILE --pdf-variant pdf/a-3b` to embed one")
