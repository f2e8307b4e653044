"""Find an item by its official number, as people quote it: "advanced 48", "(48)", "认证 30",
"food_cosmetics 2"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from aeo_check.catalogue.models import SPECIFIC_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.catalogue.loader import Catalogue
    from aeo_check.catalogue.models import Item

# Input syntax, not interface words: the names people type for a standard (高级 48, 认证 30) and, in
# _FORM, 第…项 and full-width parentheses around the number.
_STANDARD_WORDS = {"advanced": "advanced", "adv": "advanced", "高级": "advanced", "高级认证": "advanced",
                   "高级认证企业标准": "advanced", "certified": "certified", "cert": "certified",
                   "认证": "certified", "认证企业": "certified", "认证企业标准": "certified"}
_FORM = re.compile(r"^\s*(?P<std>[a-z_\u4e00-\u9fff]+)?\s*(?:第)?\s*[(（]?\s*(?P<n>\d{1,3})\s*[)）]?\s*(?:项)?\s*$",
                   re.IGNORECASE)


def find_by_number(cat: Catalogue, text: str) -> tuple[Item | None, tuple[str, int]] | None:
    """None when ``text`` is not an official number; else (the item or None, (standard, number)).

    Without a standard the Advanced standard's numbering is used; a specific standard's name
    (e.g. ``food_cosmetics 2``) looks in that specific standard (Advanced numbering)."""
    m = _FORM.match(text)
    if not m:
        return None
    word, n = (m.group("std") or "").lower(), int(m.group("n"))
    standard, specific = "advanced", None
    if word:
        if word in _STANDARD_WORDS:
            standard = _STANDARD_WORDS[word]
        elif word in SPECIFIC_TYPES:
            specific = word
        else:
            return None
    for item in cat.items_in(standard):
        if item.specific == specific and item.standards[standard].number == n:
            return item, (standard, n)
    return None, (standard, n)
