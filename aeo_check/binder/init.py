"""``binder init``: make the binder's folders, each item's README.md and the index, or add to an
existing binder what it lacks. Only ever adds: an existing folder, README.md, file or index
entry is never moved, renamed, rewritten or deleted."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aeo_check.binder.index import INDEX, Binder, entry_text, header, read_index
from aeo_check.binder.plan import ItemFolder, Need, doc_folder, folders, needs
from aeo_check.files.sourcefile import DataFileError, Problem, parse_text
from aeo_check.words.i18n import en_zh

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.scoring.result import Result


@dataclass(slots=True)
class Made:
    """What ``init`` added (paths relative to the binder); everything else was already there."""

    folders: list[str] = field(default_factory=list)
    readmes: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)
    index_created: bool = False


#: writes an item folder's README.md from the folder and where each document is kept
Readme = Callable[[ItemFolder, dict[str, str]], str]


def init(cat: Catalogue, result: Result, root: Path, readme: Readme, comment: str) -> Made:
    """Make or complete the binder at ``root`` for ``result``'s enterprise and answers;
    ``readme`` writes each item's README.md, ``comment`` opens a new index (both are views)."""
    lang = result.language
    made = Made()
    existing: Binder | None = None
    if os.path.lexists(root / INDEX):
        existing = read_index(root, {i.id for i in cat.items})
    else:
        root.mkdir(parents=True, exist_ok=True)
    listed = {e.doc: e.folder for e in existing.index.documents} if existing else {}
    plan = folders(cat, needs(cat, result.evidence_rows), lang)
    places: dict[str, str] = dict(listed)
    new: list[tuple[Need, str]] = []
    for f in plan:  # the index lists documents in the order of their folders
        for n, need in enumerate(f.docs, 1):
            if need.doc not in places:
                places[need.doc] = f"{f.folder}/{doc_folder(n, need, lang)}"
                new.append((need, places[need.doc]))
    for f in plan:
        _mkdir(root, f.folder, made)
        for need in f.docs:
            _mkdir(root, places[need.doc], made)
        target = root / f.folder / "README.md"
        if not os.path.lexists(target):
            _write_new(target, readme(f, places))
            made.readmes.append(f"{f.folder}/README.md")
    _index(root, existing, new, result, comment, made)
    return made


def _mkdir(root: Path, rel: str, made: Made) -> None:
    path = root / rel
    if os.path.lexists(path):
        if not path.is_dir() or path.is_symlink():
            raise DataFileError([Problem(str(path), None, "", en_zh("binder.in_the_way"))])
        return
    path.mkdir(parents=True)
    made.folders.append(rel)


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet (never over a user's file, even one made meanwhile)."""
    with open(path, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _index(root: Path, existing: Binder | None, new: list[tuple[Need, str]], result: Result,
           comment: str, made: Made) -> None:
    lang = result.language
    entries = "".join(entry_text(need.doc, place, need.items, need.title(lang)) for need, place in new)
    made.entries = [place for _, place in new]
    path = root / INDEX
    if existing is None:
        _write_new(path, header(comment, result.catalogue, lang, str(result.enterprise.get("name") or ""))
                   + entries)
        made.index_created = True
        return
    if not new:
        return
    old = path.read_text(encoding="utf-8-sig")
    text = old + ("" if old.endswith("\n") else "\n") + entries
    data = parse_text(text, str(path)).data
    if not isinstance(data, dict) or len(data.get("documents") or []) != len(existing.index.documents) + len(new):
        raise DataFileError([Problem(str(path), None, "documents", en_zh("binder.append_last"))])
    with open(path, "a", encoding="utf-8", newline="\n") as fh:
        fh.write(text[len(old):])
