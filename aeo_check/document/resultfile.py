"""Assessment documents from a file: an answer file is built into one; a result JSON
(``score --format json``) is checked and its document built again from the answers it holds."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from aeo_check.answers.model import parse_answers
from aeo_check.answers.read import read_answers
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.document.build import Document, build
from aeo_check.files.safetext import quoted
from aeo_check.files.sourcefile import DataFileError, Problem, source_name
from aeo_check.scoring.result import RESULT_FORMAT

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.files.sourcefile import SourceDoc


def read_documents(cat: Catalogue, path: Path, binder: dict[str, str] | None = None) -> list[Document]:
    """The documents in ``path``: one for an answer file (YAML, JSON, xlsx), one or many for a
    result JSON written by ``score --format json``; ``binder`` as :func:`~aeo_check.document.build.build` takes it."""
    name = source_name(path)
    doc = read_answers(path, cat, name)
    data = doc.data
    items = data if isinstance(data, list) else [data]
    if items and all(_is_result(d) for d in items):
        base = (lambda i: (i,)) if isinstance(data, list) else (lambda i: ())
        return [_from_result(cat, doc, d, base(i), name, binder) for i, d in enumerate(items)]
    if isinstance(data, list):
        raise DataFileError([doc.problem((), "neither an answer file nor a result JSON (score --format json)")])
    return [build(cat, parse_answers(doc, cat), name, doc, binder)]


def _is_result(d: Any) -> bool:
    return isinstance(d, dict) and isinstance(d.get("format"), str) and d["format"].startswith("aeo-check/result/")


def _from_result(cat: Catalogue, doc: SourceDoc, d: dict[str, Any], base: tuple[Any, ...], path: str,
                 binder: dict[str, str] | None) -> Document:
    from aeo_check.document.resultcheck import check_result

    if d["format"] != RESULT_FORMAT:
        raise DataFileError(
            [
                doc.problem(
                    base + ("format",),
                    f"a result of an earlier aeo-check ({quoted(d['format'])}); "
                    f"make it again from its answer file: "
                    f"aeo-check score ANSWERS --format json",
                )
            ]
        )
    if d.get("standard") != cat.version:
        raise DataFileError(
            [
                doc.problem(
                    base + ("standard",),
                    f"result made with catalogue {quoted(d.get('standard'))}; this aeo-check knows {cat.version!r}",
                )
            ]
        )
    return build(cat, check_result(cat, doc, dict(d), base), d.get("file") or path, binder=binder)


def read_one(cat: Catalogue, path: Path, uscc: str | None = None, binder: dict[str, str] | None = None) -> Document:
    """The one document in ``path`` (for a list from score --format json: the one of the enterprise
    with that USCC)."""
    docs = read_documents(cat, path, binder)
    if len(docs) == 1:
        return docs[0]
    found = next((d for d in docs if uscc and d.result.enterprise.get("uscc") == uscc), None)
    if found is None:
        raise DataFileError(
            [
                Problem(
                    source_name(path),
                    None,
                    "",
                    f"holds {len(docs)} results; none matches the enterprise {uscc!r}"
                    if uscc
                    else f"holds {len(docs)} results; give a file with one",
                )
            ]
        )
    return found
