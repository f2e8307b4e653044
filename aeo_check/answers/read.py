"""Reading an answer file of any format (YAML, JSON, a filled workbook, a plan PDF) into an assessment."""

from __future__ import annotations

from pathlib import Path

from aeo_check.answers.model import WORKBOOK_SUFFIXES, Assessment, parse_answers
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.files.sourcefile import SourceDoc, read_file


def read_answers(path: Path, cat: Catalogue, display: str | None = None) -> SourceDoc:
    """An answer document from YAML, JSON or a filled workbook (one reader per format)."""
    if Path(path).suffix.lower() in WORKBOOK_SUFFIXES:
        from aeo_check.answers.workbook import (
            read_workbook,  # openpyxl only for workbooks
        )

        return read_workbook(Path(path), cat, display)
    return read_file(path, display)


def load_answers(path: Path, cat: Catalogue, display: str | None = None) -> Assessment:
    return parse_answers(read_answers(path, cat, display), cat)
