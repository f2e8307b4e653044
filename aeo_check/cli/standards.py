"""``aeo-check standards``: the catalogue's items, listed and shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from aeo_check.words.i18n import t

if TYPE_CHECKING:  # pragma: no cover

    from aeo_check.catalogue.compiled import Catalogue

from aeo_check.cli.app import (
    Fmt,
    Lang,
    Specific,
    StdTier,
    _h,
    _lang,
    _m,
    catalogue,
    err,
    out,
    standards_app,
)

# --------------------------------------------------------------------------- standards

def _standard_rows(cat: Catalogue, tier: str, specific: str | None) -> list[dict]:
    from aeo_check.scoring.result import text

    rows = []
    for item in cat.items_in(tier):
        if specific is None and item.category == "specific":
            continue
        if specific is not None and item.specific != specific:
            continue
        use = item.standards[tier]
        rows.append({
            "id": item.id,
            "official_no": use.number,
            "category": item.specific or item.category,
            "clause": text(item.clause.title),
            "title": text(item.title_for(tier)),
            "options": item.options_for(tier),
            "applies_to": list(item.applies_to),
            "params": dict(use.params),
            "owner": item.owner,
            "effort_days": item.effort_days,
        })
    return rows


@standards_app.command("list", help=_h("standards list"))
def standards_list(
    tier: Annotated[StdTier, typer.Option(help=_h("standards list --tier"))] = StdTier.advanced,
    specific: Annotated[Specific | None, typer.Option(help=_h("standards list --specific"))] = None,
    lang: Annotated[Lang | None, typer.Option(help=_h("standards list --lang"))] = None,
    format: Annotated[Fmt, typer.Option("--format", help=_h("standards list --format"))] = Fmt.table,
) -> None:
    cat = catalogue()
    rows = _standard_rows(cat, tier.value, specific.value if specific else None)
    if format is Fmt.json:
        from aeo_check.document.encode import dumps

        print(dumps(rows))
        return
    from aeo_check.views.terminal import render_standards

    render_standards(out, cat, rows, _lang(lang))


@standards_app.command("show", help=_h("standards show"))
def standards_show(
    item_id: Annotated[list[str], typer.Argument(metavar=_m("id"), help=_h("standards show item_id"))],
    lang: Annotated[Lang | None, typer.Option(help=_h("standards show --lang"))] = None,
    format: Annotated[Fmt, typer.Option("--format", help=_h("standards show --format"))] = Fmt.table,
) -> None:
    cat = catalogue()
    ui = _lang(lang)
    wanted = " ".join(item_id).strip()
    item = cat.items_by_id.get(wanted)
    if item is None:
        from aeo_check.catalogue.lookup import find_by_number

        found = find_by_number(cat, wanted)
        if found is not None:
            item, (standard, number) = found
            if item is None:
                err.print(t("cli.unknown_number", ui, standard=t(standard, ui), n=number), markup=False)
                raise typer.Exit(2)
    if item is None:
        import difflib

        close = difflib.get_close_matches(wanted, list(cat.items_by_id), n=3, cutoff=0.5)
        hint = t("cli.did_you_mean", ui, ids=", ".join(close)) if close else ""
        err.print(t("cli.unknown_item", ui, id=repr(wanted)) + hint, markup=False)
        raise typer.Exit(2)
    if format is Fmt.json:
        from aeo_check.document.encode import dumps, item_dict

        print(dumps(item_dict(cat, item)))
        return
    from aeo_check.views.terminal import render_item

    render_item(out, cat, item, _lang(lang))
