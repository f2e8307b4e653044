"""Helpers shared by the catalogue's pydantic models and its frozen records (:mod:`.compiled`)."""

from __future__ import annotations

from typing import Any


class TextOps:
    """A text in both languages (``zh``, ``en``)."""

    __slots__ = ()

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en  # type: ignore[attr-defined]


class RuleOps:
    """How an item's rating follows from the facts."""

    __slots__ = ()

    def expressions(self) -> list[tuple[str, Any]]:
        out = []
        for name in ("na_if", "deemed_pass", "deemed_fail", "pass_", "partial"):
            e = getattr(self, name)
            if e is not None:
                out.append((name.rstrip("_"), e))
        return out


class ItemOps:
    """One criterion: what its place in a standard overrides."""

    __slots__ = ()

    def use(self, standard: str) -> Any:
        return self.standards[standard]  # type: ignore[attr-defined]

    def rule_for(self, standard: str) -> Any:
        u = self.standards.get(standard)  # type: ignore[attr-defined]
        return u.rule if u is not None and u.rule is not None else self.rule  # type: ignore[attr-defined]

    def options_for(self, standard: str) -> list[str]:
        u = self.standards.get(standard)  # type: ignore[attr-defined]
        return list(u.options) if u is not None and u.options is not None else list(self.options)  # type: ignore[attr-defined]

    def title_for(self, standard: str) -> Any:
        u = self.standards.get(standard)  # type: ignore[attr-defined]
        return u.title if u is not None and u.title is not None else self.title  # type: ignore[attr-defined]

    def requirement_for(self, standard: str) -> Any:
        u = self.standards.get(standard)  # type: ignore[attr-defined]
        return (u.requirement if u is not None and u.requirement is not None
                else self.requirement)  # type: ignore[attr-defined]


class PlanningOps:
    """``rules/planning.yaml``: the assumptions its constants rest on."""

    __slots__ = ()

    def assumption_ids(self) -> list[str]:
        s = self
        limits = [lim.assumption for lim in s.application.limits.values() if lim.assumption]  # type: ignore[attr-defined]
        return [s.work.assumption, s.check.assumption, s.records.assumption, s.waits.assumption,  # type: ignore[attr-defined]
                s.statements.assumption, s.application.assumption, s.keep.assumption,  # type: ignore[attr-defined]
                s.annual_report.assumption,  # type: ignore[attr-defined]
                s.repair.assumption, s.recommendation.assumption,  # type: ignore[attr-defined]
                s.application.receipt_assumption, *limits]  # type: ignore[attr-defined]
