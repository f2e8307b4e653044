"""Zip archives made in memory for tests: the container of a workbook, honest or crafted."""

from __future__ import annotations

import io
import zipfile


def zip_bytes(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip holding ``entries`` (name -> content), each stored with ``method``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()
