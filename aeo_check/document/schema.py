"""JSON Schemas (draft-07) for answer files and for the result JSON.

The answer-file schema is generated from what ``aeo-check validate`` itself uses: the envelope
(format, enterprise, dates) from the pydantic-core schema its validator is built from
(:func:`aeo_check.answers.model.envelope_schema`), and every question from the catalogue (its
type, choices, range and text in both languages), so an editor (the YAML language server, VS Code,
JetBrains) completes and checks answers as they are typed. The two agree on every answer file
except for the checks JSON Schema cannot state, which the schema's ``description`` lists
(:data:`BEYOND` and the cross-field consistency rules); a property test over mutated answer files
holds them to that (``tests/document/test_schema.py``).

The shipped copies in ``schemas/`` are written by ``aeo-check schema answers|result`` and a test
keeps them equal to what the catalogue generates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aeo_check.answers.migrate import current_version
from aeo_check.answers.model import DONT_KNOW, LEGACY_BANDS, YES_NO_PATTERN, allowed
from aeo_check.catalogue.compiled import Catalogue
from aeo_check.catalogue.vocab import ENTERPRISE_TYPES, TIERS
from aeo_check.files.limits import FIRST_ASSESSED_ON, LAST_ASSESSED_ON
from aeo_check.scoring.result import RESULT_FORMAT

if TYPE_CHECKING:  # pragma: no cover - annotations only
    from aeo_check.catalogue.models import Question

DRAFT = "http://json-schema.org/draft-07/schema#"  # draft-07: what editors' YAML servers support
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
#: true/false, or yes/no as text (what the checker accepts: YAML 1.2 reads an unquoted yes as text)
YES_NO = {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": YES_NO_PATTERN}]}
_MONTH = r"^(19|[2-9]\d)\d{2}-(0[1-9]|1[0-2])$"


def _describe(cat: Catalogue, q: Question) -> str:
    parts = [q.text.zh, q.text.en, f"allowed: {allowed(cat, q)}"]
    if q.choices or q.choice_set:
        parts.append("; ".join(f"{c.value} = {c.label.zh} / {c.label.en}" for c in cat.choices_of(q)))
    if q.unit is not None:
        parts.append(f"unit: {q.unit.zh} / {q.unit.en}")
    if q.ask_if is not None:
        parts.append(f"answer only if: {q.ask_if.source}")
    parts.append(f"{DONT_KNOW}: not known yet")
    return "\n".join(parts)


_DATE = {"type": ["string", "null"], "format": "date"}
_WORKDAY = "a working day in China's calendar (weekends and public holidays off, make-up working days worked)"
_PLAN: dict[str, Any] = {
    "type": "object",
    "description": "the dated plan, when the planner made one. Every span is inclusive: start is the first day "
                   "and end the last day of a step, both counted.",
    "properties": {
        "steps": {"type": "array", "items": {"type": "object", "properties": {
            "start": {**_DATE, "description": "the step's first day (inclusive); for check, work and apply " + _WORKDAY},
            "end": {**_DATE, "description": "the step's last day (inclusive); for check, work and apply " + _WORKDAY
                    + "; for records, waits, statements and repair the calendar date the period ends"},
            "end_earliest": {**_DATE, "description": "when only a range is known: the earliest last day (inclusive)"},
            "tiers": {"type": "array", "items": {"type": "string"}, "description": "the tiers the step serves"},
            "depends_on": {"type": "array", "items": {"type": "string"},
                           "description": "ids of the steps that must end before this one starts (finish-to-start)"},
        }}},
        "targets": {"type": "object", "additionalProperties": {"type": "object", "properties": {
            "apply_on": {**_DATE, "description": "the submission, " + _WORKDAY},
            "onsite_by": {**_DATE, "description": "on-site verification expected by (an assumption; see limits)"},
            "decision_by": {**_DATE, "description": "the decision's time limit from receipt; a last day off moves to "
                                                    "the next working day (Civil Code Art. 203)"},
            "decision_latest": {**_DATE, "description": "the time limit when extended in special cases"},
        }}},
        "limits": {"type": "array", "items": {"type": "object", "required": ["id", "days", "from", "source",
                                                                             "assumption"]},
                   "description": "the time limits of the milestones, each with its source or its assumption"},
        "calendar": {"type": "object", "description": "the years of China's calendar the plan's dates fall in, "
                                                      "each 'official' or 'estimated' (by rule), and notes"},
    },
}


def _value_schema(cat: Catalogue, q: Question) -> dict[str, Any]:
    t = q.type
    if t == "yes_no":
        return YES_NO
    if t == "choice":
        return {"enum": [c.value for c in cat.choices_of(q)]}
    if t == "multi":
        return {"type": "array", "uniqueItems": True, "items": {"enum": [c.value for c in cat.choices_of(q)]}}
    if t in ("integer", "number", "money", "percent"):
        s: dict[str, Any] = {"type": "integer" if t == "integer" else "number"}
        if q.min is not None:
            s["minimum"] = int(q.min) if float(q.min).is_integer() else q.min
        if q.max is not None:
            s["maximum"] = int(q.max) if float(q.max).is_integer() else q.max
        return s
    if t == "date":
        return dict(DATE)
    if t == "last_event":
        return {"anyOf": [{"enum": ["never", *LEGACY_BANDS]},
                          {"type": "string", "pattern": _MONTH},
                          {**DATE, "pattern": r"^(19|[2-9]\d)\d{2}-\d{2}-\d{2}$"}]}
    if t == "text":
        return {"type": "string"}
    raise AssertionError(t)  # pragma: no cover


def answers_schema(cat: Catalogue) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for q in cat.questions.values():
        props[q.id] = {
            "title": q.text.en,
            "description": _describe(cat, q),
            "anyOf": [_value_schema(cat, q), {"const": DONT_KNOW}, {"type": "null"}],
        }
    not_for: dict[str, list[str]] = {t: [q.id for q in cat.questions.values() if t not in q.applies_to]
                                     for t in ENTERPRISE_TYPES}
    rules = [
        {"if": {"properties": {"enterprise": {"properties": {"type": {"const": t}}, "required": ["type"]}},
                "required": ["enterprise"]},
         "then": {"properties": {"answers": {"properties": {
             qid: {"anyOf": [{"type": "null"}, {"const": DONT_KNOW}]} for qid in ids}}}}}
        for t, ids in not_for.items() if ids
    ]
    from pydantic.json_schema import GenerateJsonSchema

    from aeo_check.answers.model import envelope_schema

    envelope = GenerateJsonSchema().generate(envelope_schema())  # the validator's own schema
    fields = envelope["properties"]
    fields["standard"] = {"const": cat.version, "description": "catalogue version answered against"}
    fields["questionnaire_version"].update(
        maximum=current_version(),
        description="questionnaire version the file was written for (older files are read through aeo-check "
                    "migrate's renames)")
    fields["language"]["description"] = "language of reports made from it"
    fields["answers"] = {"type": "object", "additionalProperties": False, "properties": props}
    fields["notes"]["propertyNames"] = {"enum": list(cat.questions)}
    return {"$schema": DRAFT, "$id": f"urn:aeo-check:answers:{cat.version}", "title": "aeo-check answer file",
            "description": _description(cat), **envelope, "allOf": rules}


def _description(cat: Catalogue) -> str:
    """What the file is, and what ``aeo-check validate`` checks beyond this schema."""
    rules = "; ".join(f"{r.id}: {r.message.en}" for r in cat.consistency)
    return (f"One assessment of one enterprise against {cat.meta.title.en} / {cat.meta.title.zh}. "
            f"aeo-check validate also checks what this schema cannot state: {'; '.join(BEYOND)}; and the "
            f"cross-field consistency rules (questionnaires/rules/consistency.yaml): {rules}")


#: the checks of ``aeo-check validate`` that JSON Schema cannot state (one field's value alone)
BEYOND = (
    "the USCC check digit (the schema checks length and characters only)",
    "a last-event date after assessed_on",
    f"assessed_on between {FIRST_ASSESSED_ON} and {LAST_ASSESSED_ON}",
    "an enterprise name that is blank or holds control characters",
    'numbers written as text with thousands separators or units ("1,000"), which validate reads',
)


_TEXT = {"type": "object", "required": ["zh", "en"], "additionalProperties": False,
         "properties": {"zh": {"type": "string"}, "en": {"type": "string"}}}


def result_schema(cat: Catalogue) -> dict[str, Any]:
    """The result JSON (``score --format json`` prints a list of these, each with its ``file``)."""
    return {
        "$schema": DRAFT,
        "$id": f"urn:aeo-check:result:{cat.version}",
        "title": "aeo-check result",
        "description": "The result of scoring one assessment (aeo-check score --format json prints a list of them).",
        "definitions": {
            "result": _result_envelope(cat),
            "invalid": _invalid_schema(),
            "tier": {"enum": list(TIERS)},
            "item_id": {"enum": sorted(i.id for i in cat.items)},
            "question_id": {"enum": list(cat.questions)},
        },
        "anyOf": [
            {"$ref": "#/definitions/result"},
            {"$ref": "#/definitions/invalid"},
            {
                "type": "array",
                "items": {"anyOf": [{"$ref": "#/definitions/result"}, {"$ref": "#/definitions/invalid"}]},
            },
        ],
    }


# the definitions the parts refer to
_TIER_REF = {"$ref": "#/definitions/tier"}
_ITEM_ID_REF = {"$ref": "#/definitions/item_id"}
_QUESTION_ID_REF = {"$ref": "#/definitions/question_id"}
_RATINGS = ("pass", "partial", "fail", "na", "unanswered")
_GAP_FIELDS = ("id", "official_no", "category", "rating", "points", "points_lost", "blocker", "title",
               "requirement", "why", "remediation", "evidence", "effort_days", "owner", "rectifiable")
_RESULT_FIELDS = ("format", "standard", "assessed_on", "language", "enterprise", "tier", "reason", "provisional",
                  "unanswered", "dont_know", "standards", "paths", "timing", "answers", "assumptions", "plan",
                  "facts", "tool")


def _fact_schema() -> dict[str, Any]:
    """One fact behind a gap: a question, derived value or profile field, and its state."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "kind", "value", "state"],
        "properties": {
            "id": {"type": "string"},
            "kind": {"enum": ["question", "derived", "profile"]},
            "value": {},
            "state": {"enum": ["answered", "unanswered", "dont_know", "skipped", "computed", "unknown"]},
        },
    }


def _gap_schema() -> dict[str, Any]:
    """An item not passed: why, what to do, what to show, who and how long."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(_GAP_FIELDS),
        "properties": {
            "id": dict(_ITEM_ID_REF),
            "official_no": {"type": "integer"},
            "category": {"type": "string"},
            "rating": {"enum": list(_RATINGS)},
            "points": {"type": "integer"},
            "points_lost": {"type": "integer", "minimum": 0},
            "blocker": {"type": "boolean"},
            "deemed": {"enum": ["pass", "fail", None]},
            "missing": {"type": ["string", "null"]},
            "title": _TEXT,
            "requirement": _TEXT,
            "why": {"type": "array", "items": _fact_schema()},
            "remediation": {"type": "array", "items": _TEXT},
            "evidence": {"type": "array", "items": _TEXT},
            "audit_methods": {"type": "array", "items": {"type": "string"}},
            "effort_days": {"type": "integer"},
            "owner": {"type": "string"},
            "rectifiable": {"type": "boolean"},
        },
    }


def _standard_schema() -> dict[str, Any]:
    """One standard's outcome: score against threshold, categories, every item and the gaps."""
    counts = ("items", "pass", "partial", "fail", "na", "unanswered", "points", "points_lost")
    category = {
        "type": "object",
        "additionalProperties": False,
        "required": list(counts),
        "properties": {k: {"type": "integer"} for k in counts},
    }
    item = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "official_no", "category", "rating", "points"],
        "properties": {
            "id": dict(_ITEM_ID_REF),
            "official_no": {"type": "integer"},
            "category": {"type": "string"},
            "rating": {"enum": list(_RATINGS)},
            "points": {"type": "integer"},
            "deemed": {"enum": ["pass", "fail", None]},
        },
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["passed", "score", "threshold", "gaps", "items", "categories", "fail_items"],
        "properties": {
            "passed": {"type": "boolean"},
            "score": {"type": "integer"},
            "threshold": {"type": "integer"},
            "base": {"type": "integer"},
            "item_points": {"type": "integer"},
            "bonus_points": {"type": "integer"},
            "bonus_cap": {"type": "integer"},
            "points_short": {"type": "integer"},
            "fail_items": {"type": "array", "items": dict(_ITEM_ID_REF)},
            "unanswered_items": {"type": "array", "items": dict(_ITEM_ID_REF)},
            "partial_count": {"type": "integer"},
            "categories": {"type": "object", "additionalProperties": category},
            "items": {"type": "array", "items": item},
            "not_applicable": {"type": "array", "items": dict(_ITEM_ID_REF)},
            "gaps": {"type": "array", "items": _gap_schema()},
            "bonus_open": {"type": "array", "items": {"type": "object"}},
        },
    }


def _path_schema() -> dict[str, Any]:
    """The way to one tier: the standard that decides it, the items to fix and what must wait."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["tier", "standard", "items", "triggers", "score", "waits"],
        "properties": {
            "tier": dict(_TIER_REF),
            "standard": {"enum": ["advanced", "certified", None]},
            "items": {"type": "array", "items": dict(_ITEM_ID_REF)},
            "triggers": {"type": "array", "items": {"type": "string"}},
            "score": {"type": ["integer", "null"]},
            "waits": {"type": "array", "items": dict(_ITEM_ID_REF)},
        },
    }


def _result_envelope(cat: Catalogue) -> dict[str, Any]:
    """One scored assessment: who, when, the tier and why, both standards, the paths, the plan, the facts."""
    tiers, qids = _TIER_REF, _QUESTION_ID_REF
    standard = _standard_schema()
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(_RESULT_FIELDS),
        "properties": {
            "file": {"type": "string", "description": "the answer file (score --format json)"},
            "format": {"const": RESULT_FORMAT},
            "standard": {"const": cat.version},
            "assessed_on": DATE,
            "language": {"enum": ["zh", "en"]},
            "enterprise": {"type": "object", "required": ["name", "uscc", "type", "current_tier"],
                           "properties": {"name": {"type": "string"}, "uscc": {"type": "string"},
                                          "type": {"enum": list(ENTERPRISE_TYPES)}, "current_tier": dict(tiers)}},
            "tier": dict(tiers),
            "floor_tier": {**tiers, "description": "the tier if every unanswered discredit trigger held"},
            "unknown_triggers": {"type": "array", "items": {"type": "string"},
                                 "description": "discredit triggers that depend on unanswered questions"},
            "reason": _TEXT,
            "provisional": {"type": "boolean"},
            "unanswered": {"type": "array", "items": dict(qids)},
            "skipped": {"type": "array", "items": dict(qids)},
            "dont_know": {"type": "array", "items": dict(qids)},
            "discredit": {"type": "array", "items": {"type": "object", "required": ["id", "tier", "title"]}},
            "standards": {"type": "object", "additionalProperties": False, "required": ["advanced", "certified"],
                          "properties": {"advanced": standard, "certified": standard}},
            "paths": {"type": "object", "propertyNames": dict(tiers), "additionalProperties": _path_schema()},
            "timing": {"type": "object", "properties": {"may_apply_from": {"anyOf": [DATE, {"type": "null"}]},
                                                        "barred": {"type": ["boolean", "null"]}}},
            "tolerance": {"type": ["object", "null"]},
            "answers": {"type": "object", "propertyNames": dict(qids)},
            "notes": {"type": "object", "additionalProperties": {"type": "string"}},
            "derived": {"type": "object"},
            "evidence": {"type": "array", "items": {"type": "object", "required": ["zh", "en", "category"]}},
            "assumptions": {"type": "array", "items": {"type": "object", "required": ["id", "text", "source"]}},
            "plan": {
                **_PLAN,
                "properties": {
                    **_PLAN["properties"],
                    "recommended": {
                        "anyOf": [dict(tiers), {"type": "null"}],
                        "description": "the target the plan points the reader to",
                    },
                },
            },
            "facts": _facts_schema(dict(tiers)),
            "tool": {
                "type": "object",
                "required": ["name", "version"],
                "properties": {"name": {"const": "aeo-check"}, "version": {"type": "string"}},
            },
        },
    }


def _invalid_schema() -> dict[str, Any]:
    """A file that could not be scored, with its problems."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["file", "format", "valid", "problems"],
        "description": "a file that is not a valid answer file, with its problems (score --format json|jsonl)",
        "properties": {
            "file": {"type": "string"},
            "format": {"const": RESULT_FORMAT},
            "valid": {"const": False},
            "problems": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["file", "line", "field", "message"],
                    "properties": {
                        "file": {"type": "string"},
                        "line": {"type": ["integer", "string", "null"]},
                        "field": {"type": "string"},
                        "message": {"type": "string"},
                    },
                },
            },
        },
    }


def _facts_schema(tiers: dict[str, Any]) -> dict[str, Any]:
    """The facts every surface shows (:mod:`aeo_check.document.facts`)."""
    n = {"type": "integer", "minimum": 0}
    day = {"anyOf": [DATE, {"type": "null"}]}
    counts = {
        "type": "object",
        "additionalProperties": False,
        "required": ["in_scope", "answered", "dont_know", "unanswered", "not_applicable"],
        "description": "questions in scope = answered + dont_know + unanswered",
        "properties": {k: n for k in ("in_scope", "answered", "dont_know", "unanswered", "not_applicable")},
    }
    recommended = {
        "anyOf": [
            {"type": "null"},
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["tier", "route", "ready_on", "apply_on", "decision_by", "decision_latest"],
                "properties": {
                    "tier": tiers,
                    "route": {"enum": ["apply", "keep", "climb", "repair"]},
                    "ready_on": day,
                    "apply_on": day,
                    "decision_by": day,
                    "decision_latest": day,
                },
            },
        ]
    }
    effort = {
        "type": "object",
        "additionalProperties": False,
        "required": ["remediation_days", "verification_days", "application_days", "total_days"],
        "description": "person-days of the plan's steps towards the tier",
        "properties": {k: n for k in ("remediation_days", "verification_days", "application_days", "total_days")},
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["counts", "recommended", "effort"],
        "properties": {
            "counts": counts,
            "recommended": recommended,
            "effort": {"type": "object", "propertyNames": tiers, "additionalProperties": effort},
        },
    }


def make(kind: str, cat: Catalogue) -> dict[str, Any]:
    return answers_schema(cat) if kind == "answers" else result_schema(cat)


def schema_text(schema: dict[str, Any]) -> str:
    import json

    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
