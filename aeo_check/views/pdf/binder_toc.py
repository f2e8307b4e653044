"""The packed binder's table of contents, in both languages: item → documents → files, each file
with its size and SHA-256, as HTML and as PDF. jinja2 and weasyprint load only here; every text
is escaped, and the PDF renderer fetches nothing (the page carries its own styles)."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from aeo_check.binder.pack import Packed
from aeo_check.binder.plan import english_names, item_label, numbered
from aeo_check.views.pdf.report import make_fetcher, templates_dir
from aeo_check.words.i18n import both, t

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.binder.index import Index
    from aeo_check.catalogue.compiled import Catalogue

TEMPLATE = "binder_toc.html"


def _file(p: Packed) -> dict[str, Any]:
    return {"path": p.path, "size": f"{p.size:,}", "sha256": p.sha256}


def context(cat: Catalogue, index: Index, packed: list[Packed]) -> dict[str, Any]:
    """Items in the standards' order, each with its documents and their files; files outside every
    document's folder (the index, the README files) under "other files"."""
    names = english_names(cat)
    under: dict[str, list[Packed]] = {e.folder: [] for e in index.documents}
    others = []
    for p in packed:
        folder = next((f for f in under if p.path.startswith(f + "/")), None)
        (under[folder] if folder is not None else others).append(p)
    items = []
    for item in numbered(cat):
        docs = [e for e in index.documents if item.id in e.items]
        if docs:
            label = {lang: "{} {} {}".format(*item_label(cat, item, lang), getattr(item.title, lang))
                     for lang in ("zh", "en")}
            items.append({**label, "docs": [{"zh": e.doc, "en": names.get(e.doc, e.title or e.doc),
                                             "files": [_file(p) for p in under[e.folder]]} for e in docs]})
    heads = {k: both(f"binder.toc_{k}") for k in ("file", "size", "none", "other")}
    heads["doc"] = both("binder.col_doc")
    intro = [t("binder.toc_intro", lang, enterprise=index.enterprise, standard=index.standard) for lang in ("zh", "en")]
    return {"title": both("binder.toc_title"), "intro": intro, "items": items, "others": list(map(_file, others)),
            "heads": heads}


def html(cat: Catalogue, index: Index, packed: list[Packed]) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template(TEMPLATE).render(**context(cat, index, packed))


#: the time fontTools writes into each embedded font subset (SOURCE_DATE_EPOCH, when the caller
#: sets none): the zip's own date, so the same binder gives the same PDF bytes
EPOCH = "315532800"  # 1980-01-01T00:00:00Z


def pdf(page: str) -> bytes:
    """The HTML table of contents as PDF; nothing outside the page is fetched."""
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    doc = weasyprint.HTML(string=page, base_url=templates_dir().as_uri() + "/",
                          url_fetcher=make_fetcher([], [])).render()
    doc.metadata.authors = ["aeo-check"]
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.setdefault("SOURCE_DATE_EPOCH", EPOCH)
    try:
        return doc.write_pdf()
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


def extras(cat: Catalogue, index: Index):  # noqa: ANN201 - a binder.pack.Extras
    """The entries the archive adds beside the binder: the contents as HTML and PDF."""
    def make(packed: list[Packed]) -> list[tuple[str, bytes]]:
        page = html(cat, index, packed)
        return [("contents.html", page.encode()), ("contents.pdf", pdf(page))]

    return make
