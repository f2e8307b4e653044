"""The assessment document: one source read, checked, scored and planned, once.

Every surface (the terminal screens, ``score``/``plan``/``portfolio`` tables, JSON, CSV, Excel,
JUnit, GitHub annotations, the HTML/PDF report, ``diff``) renders from a :class:`Document` and
never computes a number of its own. A source is an answer file (YAML, JSON, a filled workbook, a
plan PDF), standard input, or the interactive session's answers: :func:`read` takes the first two,
:func:`build` an assessment already in memory.

What the document adds to the scorer's result and the dated plan are the facts that several
surfaces show and that used to be counted in each (:mod:`.facts`): the counts of answers, the
recommended next tier and its dates, and the effort per tier split into remediation, verification
and the application dossier.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aeo_check import __version__
from aeo_check.document.facts import Facts, facts_of

if TYPE_CHECKING:  # pragma: no cover
    from aeo_check.answers.model import Assessment
    from aeo_check.catalogue.compiled import Catalogue
    from aeo_check.files.sourcefile import SourceDoc
    from aeo_check.planning import Plan
    from aeo_check.scoring.result import Result


@dataclass(frozen=True, eq=False, repr=False)
class Document:
    """One assessment, computed once: answers as read, result for every tier, dated plan, facts."""

    file: str
    assessment: Assessment
    result: Result
    plan: Plan
    facts: Facts
    standard: str
    tool_version: str = __version__
    #: the parsed file, for the origin (file and line, or sheet and cell) of each answer
    source: SourceDoc | None = field(default=None, repr=False, compare=False)

    def origin(self, qid: str) -> str | None:
        """Where the answer to ``qid`` was written: ``file:line`` (or the workbook cell)."""
        if self.source is None:
            return None
        where = self.source.line_of(("answers", qid))
        return f"{self.file}:{where}" if where is not None else None

    @functools.cached_property
    def data(self) -> dict[str, Any]:
        """The document as its JSON says it (the encoder's output, read back): what views read."""
        import orjson

        from aeo_check.document.encode import document_bytes

        return orjson.loads(document_bytes(self))

    @functools.cached_property
    def plan_data(self) -> dict[str, Any]:
        """The dated plan as the document's JSON says it (``data["plan"]``, without encoding the rest)."""
        import orjson

        from aeo_check.document.encode import plan_json

        return orjson.loads(plan_json(self.plan))


def build(cat: Catalogue, assessment: Assessment, file: str | None = None,
          source: SourceDoc | None = None, binder: dict[str, str] | None = None) -> Document:
    """Score ``assessment``, date its plan and derive the shared facts, once. ``binder``: each
    document's state in an evidence binder (``binder.check.Check.evidence_states``), which the
    evidence list then shows instead of the answers' (a held document is held everywhere)."""
    from aeo_check.planning import make_plan
    from aeo_check.scoring import score

    result = score(cat, assessment)
    if binder is not None:
        from aeo_check.binder.check import with_binder

        result = dataclasses.replace(result, _rows=with_binder(result.evidence_rows, binder), _evidence=None)
    plan = make_plan(cat, result)
    return Document(file=file or assessment.file or "", assessment=assessment, result=result, plan=plan,
                    facts=facts_of(cat, result, plan), standard=cat.version, source=source)


def read(cat: Catalogue, path: Path | str, display: str | None = None,
         binder: dict[str, str] | None = None) -> Document:
    """The document of one answer file; :class:`~aeo_check.files.sourcefile.DataFileError` with every
    problem (file, line, field) when it is not a valid answer file."""
    from aeo_check.answers.model import parse_answers
    from aeo_check.answers.read import read_answers
    from aeo_check.files.sourcefile import source_name

    name = source_name(display or path)
    doc = read_answers(Path(path), cat, name)
    return build(cat, parse_answers(doc, cat), name, doc, binder)
