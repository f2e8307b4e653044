"""Progress between two assessments of one enterprise: a pure comparison of two result documents.

:func:`compare` takes two result dicts (``Result.to_dict()`` or what ``score --format json``
printed) and returns what changed: the tier, both standards' scores, the gaps closed, opened,
changed and unchanged, the blockers that appeared or went away, the answers that changed, and the
dates that moved. It reads no file and prints nothing; :mod:`aeo_check.views.progress` shows it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aeo_check.scoring.result import tier_rank

PROGRESS_FORMAT = "aeo-check/progress/1"
STANDARDS = ("advanced", "certified")
#: a blocker is an item at fail or unanswered: no score makes up for it
BLOCKING = ("fail", "unanswered")


def _gap_map(R: dict[str, Any], sid: str) -> dict[str, dict[str, Any]]:
    return {g["id"]: g for g in R["standards"][sid]["gaps"]}


def _given(R: dict[str, Any]) -> dict[str, Any]:
    """Every answer the file gave, "don't know yet" included."""
    out = dict(R.get("answers", {}))
    for qid in R.get("dont_know", []):
        out.setdefault(qid, "dont_know")
    return out


def _dates(R: dict[str, Any]) -> dict[str, str | None]:
    """The dated milestones of a result, by a stable key."""
    out: dict[str, str | None] = {"may_apply_from": (R.get("timing") or {}).get("may_apply_from")}
    plan = R.get("plan") or {}
    for tier, target in (plan.get("targets") or {}).items():
        if isinstance(target, dict):
            for key in ("apply_on", "decision_by"):
                if key in target:
                    out[f"{tier}.{key}"] = target[key]
    return out


def _days(old: str | None, new: str | None) -> int | None:
    if not old or not new:
        return None
    try:
        return (dt.date.fromisoformat(new) - dt.date.fromisoformat(old)).days
    except ValueError:
        return None


def _entry(gid: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, Any]:
    g = new or old
    assert g is not None
    return {
        "id": gid,
        "official_no": g["official_no"],
        "category": g["category"],
        "title": g["title"],
        "rating_old": old["rating"] if old else "pass",
        "rating_new": new["rating"] if new else "pass",
        "blocker_old": bool(old and old["rating"] in BLOCKING),
        "blocker_new": bool(new and new["rating"] in BLOCKING),
        "points_lost_old": old["points_lost"] if old else 0,
        "points_lost_new": new["points_lost"] if new else 0,
        "effort_days": g["effort_days"],
    }


def compare(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What changed from ``old`` to ``new`` (two result documents of the same enterprise)."""
    rank_old, rank_new = tier_rank(old["tier"]), tier_rank(new["tier"])
    gaps, blockers = _gaps_and_blockers(old, new)
    return {
        "format": PROGRESS_FORMAT,
        "enterprise": {"name": new["enterprise"]["name"], "uscc": new["enterprise"]["uscc"]},
        "same_enterprise": old["enterprise"].get("uscc") == new["enterprise"].get("uscc"),
        "catalogue": {"old": old["standard"], "new": new["standard"]},
        "assessed_on": {"old": old["assessed_on"], "new": new["assessed_on"],
                        "days": _days(old["assessed_on"], new["assessed_on"])},
        "tier": {"old": old["tier"], "new": new["tier"],
                 "change": "up" if rank_new > rank_old else "down" if rank_new < rank_old else "same"},
        "provisional": {"old": old["provisional"], "new": new["provisional"]},
        "standards": {sid: _standard_change(old["standards"][sid], new["standards"][sid]) for sid in STANDARDS},
        "gaps": gaps,
        "blockers": blockers,
        "triggers": _trigger_changes(old, new),
        "answers": _answer_changes(old, new),
        "dates": _date_changes(old, new),
        "paths": _path_changes(old, new),
    }


def _standard_change(so: dict[str, Any], sn: dict[str, Any]) -> dict[str, Any]:
    return {"old": so["score"], "new": sn["score"], "delta": sn["score"] - so["score"],
            "threshold": sn["threshold"], "passed_old": so["passed"], "passed_new": sn["passed"]}


def _gaps_and_blockers(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Per standard, each gap as closed, opened, changed or unchanged (by official number); and the
    blockers the new result has that the old had not, and those it no longer has."""
    gaps: dict[str, Any] = {}
    blockers: dict[str, list[dict[str, Any]]] = {"new": [], "cleared": []}
    for sid in STANDARDS:
        go, gn = _gap_map(old, sid), _gap_map(new, sid)
        out: dict[str, list[dict[str, Any]]] = {"closed": [], "opened": [], "changed": [], "unchanged": []}
        for gid in [*go, *(g for g in gn if g not in go)]:
            e = _entry(gid, go.get(gid), gn.get(gid))
            out[_gap_change(gid, go, gn, e)].append(e)
            if e["blocker_new"] and not e["blocker_old"]:
                blockers["new"].append({"standard": sid, **e})
            elif e["blocker_old"] and not e["blocker_new"]:
                blockers["cleared"].append({"standard": sid, **e})
        for key in out:
            out[key].sort(key=lambda e: e["official_no"])
        gaps[sid] = out
    return gaps, blockers


def _gap_change(gid: str, go: dict[str, Any], gn: dict[str, Any], e: dict[str, Any]) -> str:
    if gid not in gn:
        return "closed"
    if gid not in go:
        return "opened"
    return "changed" if e["rating_old"] != e["rating_new"] else "unchanged"


def _trigger_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    trig_old = {t["id"]: t for t in old.get("discredit", [])}
    trig_new = {t["id"]: t for t in new.get("discredit", [])}
    return {
        "new": [{"id": k, "tier": t["tier"], "title": t["title"]} for k, t in trig_new.items() if k not in trig_old],
        "cleared": [{"id": k, "tier": t["tier"], "title": t["title"]} for k, t in trig_old.items() if k not in trig_new],
    }


def _answer_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    ao, an = _given(old), _given(new)
    answers: dict[str, list[dict[str, Any]]] = {"changed": [], "added": [], "removed": []}
    for qid in [*ao, *(q for q in an if q not in ao)]:
        if qid not in an:
            answers["removed"].append({"id": qid, "old": ao[qid], "new": None})
        elif qid not in ao:
            answers["added"].append({"id": qid, "old": None, "new": an[qid]})
        elif ao[qid] != an[qid]:
            answers["changed"].append({"id": qid, "old": ao[qid], "new": an[qid]})
    return answers


def _date_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    do, dn = _dates(old), _dates(new)
    if not ((old.get("timing") or {}).get("barred") or (new.get("timing") or {}).get("barred")):
        do.pop("may_apply_from"), dn.pop("may_apply_from")  # not barred: it is only the assessment date
    return [{"what": k, "old": do.get(k), "new": dn.get(k), "days": _days(do.get(k), dn.get(k))}
            for k in [*do, *(k for k in dn if k not in do)] if do.get(k) != dn.get(k)]


def _path_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    paths_old, paths_new = old.get("paths", {}), new.get("paths", {})
    changes = {}
    for tier in [*paths_old, *(t for t in paths_new if t not in paths_old)]:
        po, pn = paths_old.get(tier), paths_new.get(tier)
        changes[tier] = {
            "effort_days_old": _effort(old, tier),
            "effort_days_new": _effort(new, tier),
            "items_old": len(po["items"]) if po else None,
            "items_new": len(pn["items"]) if pn else None,
        }
    return changes


def new_blockers(diff: dict[str, Any]) -> list[str]:
    """Blockers (items at fail or unanswered, discredit triggers) the old result did not have, as
    ``standard:item`` and ``trigger:id`` strings, for ``score --fail-on-new-blockers``."""
    return [f"{b['standard']}:{b['id']}" for b in diff["blockers"]["new"]] + [
        f"trigger:{t['id']}" for t in diff["triggers"]["new"]
    ]


def blockers_of(doc: dict[str, Any]) -> dict[str, Any]:
    """What :func:`gained_blockers` needs of a result document: each standard's gaps (id → rating,
    in the document's order) and the discredit triggers' ids."""
    return {"gaps": {sid: {g["id"]: g["rating"] for g in doc["standards"][sid]["gaps"]} for sid in STANDARDS},
            "triggers": [t["id"] for t in doc.get("discredit", [])]}


def blockers_of_result(res: Any) -> dict[str, Any]:
    """:func:`blockers_of` of a scored :class:`~aeo_check.scoring.result.Result` (no document made)."""
    return {"gaps": {sid: {g.result.id: g.result.rating for g in res.standards[sid].gaps} for sid in STANDARDS},
            "triggers": [t.id for t in res.triggers]}


def gained_blockers(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    """``new_blockers(compare(old, new))`` from two :func:`blockers_of` summaries, in the same order;
    no old result (None): every blocker is new."""
    out: list[str] = []
    for sid in STANDARDS:
        go = old["gaps"][sid] if old else {}
        gn = new["gaps"][sid]
        for gid in [*go, *(g for g in gn if g not in go)]:
            if gn.get(gid) in BLOCKING and go.get(gid) not in BLOCKING:
                out.append(f"{sid}:{gid}")
    seen = set(old["triggers"]) if old else set()
    return out + [f"trigger:{t}" for t in dict.fromkeys(new["triggers"]) if t not in seen]


def _effort(doc: dict[str, Any], tier: str) -> int | None:
    """The person-days towards ``tier`` as the document's facts give them (the plan's steps)."""
    e = doc["facts"]["effort"].get(tier)
    return e["total_days"] if e else None


def match_old(new: dict[str, Any], olds: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The old result of the same enterprise (same USCC), or None."""
    uscc = new["enterprise"].get("uscc")
    for o in olds:
        if o.get("enterprise", {}).get("uscc") == uscc:
            return o
    return None
