"""What a binder holds for one enterprise: the items that need evidence, each with its folder
name, and the documents each needs (what, how far back its records must reach, who owns it).

Made from a scored result's evidence checklist, so the binder asks for exactly the documents the
report lists (a document the answers make not applicable, such as a penalty decision where no
penalty was given, gets no folder).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aeo_check.words.i18n import t

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.catalogue.models import Item


@dataclass(frozen=True, slots=True)
class Need:
    """One document the audit asks for."""

    doc: str  # the catalogue's Chinese name: the document's key in binder.yaml
    en: str
    items: tuple[str, ...]  # item ids, catalogue order; the first keeps the document's folder
    owner: str
    kind: str  # procedure | records | other
    months: int | None  # records: how many months before the check they must reach back

    def title(self, lang: str) -> str:
        return self.doc if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class ItemFolder:
    item: str
    folder: str  # e.g. 高级-27-未列入信用信息异常名录
    docs: tuple[Need, ...]  # the documents kept in this folder
    shared: tuple[Need, ...]  # documents this item also needs, kept in another item's folder


# characters no file system takes in a name, and runs of white space
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_SPACE = re.compile(r"\s+")
#: the longest document or item title kept in a folder name, in characters (a Chinese character
#: takes 3 bytes of the 255 a name may have)
NAME_CHARS = 60


def safe_name(text: str) -> str:
    """``text`` as one folder name: unsafe characters become '-', cut to :data:`NAME_CHARS`."""
    name = _SPACE.sub(" ", _UNSAFE.sub("-", text)).strip(" .-")
    return name[:NAME_CHARS].rstrip(" .-") or "-"


def item_label(cat: Catalogue, item: Item, lang: str) -> tuple[str, int]:
    """The standard an item is numbered in, as a folder name starts (高级, 认证 or the specific
    standard's name), and its number there (the Advanced standard's where it has one)."""
    std = "advanced" if "advanced" in item.standards else "certified"
    number = item.standards[std].number  # type: ignore[index]
    if item.specific is not None:
        spec = next(s for s in cat.meta.specific_types if s.id == item.specific)
        return spec.title.zh if lang == "zh" else spec.title.en, number
    return t(f"binder.std_{std}", lang), number


def item_folder(cat: Catalogue, item: Item, lang: str) -> str:
    """``高级-27-未列入信用信息异常名录``: the number has two digits, so folders sort in its order."""
    word, number = item_label(cat, item, lang)
    return safe_name(f"{word}-{number:02d}-{item.title.zh if lang == 'zh' else item.title.en}")


def doc_folder(position: int, need: Need, lang: str) -> str:
    """A document's folder inside its item's folder: its place in the item's list, then its name."""
    return f"{position}-{safe_name(need.title(lang))}"


def numbered(cat: Catalogue) -> list[Item]:
    """Every item in the order the standards number them (see :func:`folders`)."""
    def key(item: Item) -> tuple:
        word = "advanced" if "advanced" in item.standards else "certified"
        return (item.specific is not None, item.specific or "", item.standards[word].number)  # type: ignore[index]

    return sorted(cat.items, key=key)


def english_names(cat: Catalogue) -> dict[str, str]:
    """Each document's English name by its Chinese one: the first item's, as the evidence list has
    it (two items may word the same document differently)."""
    names: dict[str, str] = {}
    for item in cat.items:
        for e in item.evidence:
            names.setdefault(e.zh, e.en)
    return names


def needs(cat: Catalogue, rows: list[tuple]) -> list[Need]:
    """Every document of a result's evidence checklist (``Result.evidence_rows``) that applies, in
    catalogue order, its items in the standards' order (the first keeps the document)."""
    kinds: dict[str, Any] = cat.evidence_kinds
    rank = {item.id: n for n, item in enumerate(numbered(cat))}
    out = []
    for _, _, zh, en, state, items, owner, _, _ in sorted(rows, key=lambda row: row[1]):
        if state != "na":
            kind, months = kinds.get(zh, ("other", None))
            out.append(Need(zh, en, tuple(sorted(items, key=rank.__getitem__)), owner, kind, months))
    return out


def folders(cat: Catalogue, docs: list[Need], lang: str) -> list[ItemFolder]:
    """One folder per item that needs a document, in the order the standards number them (the
    general and bonus items by their Advanced number, or Certified where they have none, then the
    specific standards')."""
    kept: dict[str, list[Need]] = {}
    shared: dict[str, list[Need]] = {}
    for need in docs:
        kept.setdefault(need.items[0], []).append(need)
        for other in need.items[1:]:
            shared.setdefault(other, []).append(need)
    out = []
    for item in numbered(cat):
        if item.id in kept or item.id in shared:
            out.append(ItemFolder(item.id, item_folder(cat, item, lang), tuple(kept.get(item.id, ())),
                                  tuple(shared.get(item.id, ()))))
    return out
