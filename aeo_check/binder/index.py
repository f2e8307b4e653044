"""``binder.yaml``: the binder's index, one entry per document, each naming its folder and items.

The user may add to an entry the dates its documents cover (``from``/``to``: the first and last
day of a record period; ``dated``: the date of a procedure) and a ``note``, and may add entries
of their own (any name, with the items it serves). ``binder init`` only ever appends entries for
documents the index does not have yet, so nothing a user wrote in it changes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from aeo_check.files.sourcefile import DataFileError, Problem, SourceDoc, read_file
from aeo_check.words.i18n import en_zh

INDEX = "binder.yaml"
FORMAT = "aeo-check/binder/1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Entry(_Strict):
    """One document of the binder."""

    doc: str = Field(min_length=1, max_length=300)
    folder: str = Field(min_length=1, max_length=1000)
    items: list[str] = Field(min_length=1, max_length=50)
    title: str | None = Field(default=None, max_length=300)
    from_: dt.date | None = Field(default=None, alias="from")
    to: dt.date | None = None
    dated: dt.date | None = None
    note: str | None = Field(default=None, max_length=2000)


class Index(_Strict):
    format: str
    standard: str
    language: str = Field(pattern="^(zh|en)$")
    enterprise: str = Field(max_length=300)
    documents: list[Entry] = Field(default_factory=list, max_length=5000)


@dataclass(frozen=True, slots=True)
class Binder:
    root: Path
    index: Index
    doc: SourceDoc


def folder_ok(folder: str) -> bool:
    """Whether ``folder`` (as written in the index) names a folder inside the binder."""
    if "\\" in folder or folder.startswith("/") or (len(folder) > 1 and folder[1] == ":"):
        return False
    parts = folder.split("/")
    return not any(p in ("", ".", "..") for p in parts) and parts[0] != INDEX


def _problems(doc: SourceDoc, index: Index, item_ids: set[str]) -> list[Problem]:
    out = []
    if index.format != FORMAT:
        out.append(doc.problem(("format",), en_zh("binder.bad_format", format=FORMAT)))
    seen: dict[str, int] = {}
    for n, e in enumerate(index.documents):
        where = ("documents", n)
        if not folder_ok(e.folder):
            out.append(doc.problem(where + ("folder",), en_zh("binder.bad_folder")))
        if e.doc in seen:
            out.append(doc.problem(where + ("doc",), en_zh("binder.twice", other=seen[e.doc])))
        seen.setdefault(e.doc, n)
        out += [doc.problem(where + ("items",), en_zh("binder.unknown_item", item=i)) for i in e.items if i not in item_ids]
        if e.from_ and e.to and e.from_ > e.to:
            out.append(doc.problem(where + ("to",), en_zh("binder.ends_before", start=e.from_)))
    return out


def read_index(root: Path, item_ids: set[str]) -> Binder:
    """The binder at ``root``; :class:`DataFileError` naming file, line and field when its index
    is missing or invalid, :class:`OSError` when it cannot be opened."""
    path = root / INDEX
    name = str(path)
    if not os.path.isdir(root):
        raise DataFileError([Problem(str(root), None, "", en_zh("binder.not_folder"))])
    if not os.path.lexists(path):
        raise DataFileError([Problem(str(root), None, "", en_zh("binder.not_binder"))])
    with open(path, "rb"):  # a file it may not read is an I/O error (exit 3), not an invalid binder
        pass
    doc = read_file(path, name)
    if not isinstance(doc.data, dict):
        raise DataFileError([Problem(name, 1, "", en_zh("binder.not_mapping"))])
    try:
        index = Index.model_validate({**doc.data, "documents": doc.data.get("documents") or []})
    except ValidationError as exc:
        raise DataFileError([doc.problem(tuple(_key(p) for p in err["loc"]), err["msg"])
                             for err in exc.errors()]) from None
    problems = _problems(doc, index, item_ids)
    if problems:
        raise DataFileError(problems)
    return Binder(root, index, doc)


def _key(part: Any) -> Any:
    return "from" if part == "from_" else part


def _q(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's escapes are YAML's; YAML's own line breaks
    are escaped too, so the text stays on its line)."""
    s = json.dumps(text, ensure_ascii=False)
    return s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\x85")


HEADER = """\
{comment}
format: {format}
standard: {standard}
language: {language}
enterprise: {enterprise}
documents:
"""


def header(comment: str, standard: str, language: str, enterprise: str) -> str:
    comment = "\n".join(f"# {line}".rstrip() for line in comment.splitlines())
    return HEADER.format(comment=comment, format=FORMAT, standard=_q(standard), language=language,
                         enterprise=_q(enterprise))


def entry_text(doc: str, folder: str, items: tuple[str, ...], title: str) -> str:
    """One appended entry: the keys ``init`` writes; the dates are left for the user."""
    lines = [f"  - doc: {_q(doc)}", f"    folder: {_q(folder)}", f"    items: [{', '.join(items)}]"]
    if title != doc:
        lines.append(f"    title: {_q(title)}")
    return "\n".join(lines) + "\n"
