"""Results to compare or summarise: an answer file is scored, a result JSON is taken as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .answers import parse_answers, read_answers
from .catalogue.compiled import Catalogue
from .scoring.result import RESULT_FORMAT
from .sourcefile import DataFileError


def load_results(cat: Catalogue, path: Path) -> list[dict[str, Any]]:
    """The result documents in ``path``: one for an answer file (YAML, JSON, xlsx), one or many for
    a result JSON written by ``score --format json``."""
    doc = read_answers(path, cat, str(path))
    data = doc.data
    items = data if isinstance(data, list) else [data]
    if items and all(isinstance(d, dict) and d.get("format") == RESULT_FORMAT for d in items):
        for i, d in enumerate(items):
            for key in ("tier", "standards", "enterprise", "assessed_on"):
                if key not in d:
                    raise DataFileError([doc.problem((i, key) if isinstance(data, list) else (key,),
                                                     "required field of a result is missing")])
        from .views.resultcheck import check_result

        # held to the result schema before anything is drawn from it (issue 11)
        return [check_result(cat, doc, dict(d), (i,) if isinstance(data, list) else ()) for i, d in enumerate(items)]
    if isinstance(data, list):
        raise DataFileError([doc.problem((), "neither an answer file nor a result JSON (score --format json)")])
    from .scoring import score
    from .views.jsonout import result_document

    a = parse_answers(doc, cat)
    return [{"file": str(path), **result_document(cat, score(cat, a))}]
