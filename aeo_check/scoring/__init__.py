"""Scoring: answers → likely tier, both standards' scores, gaps and paths. No I/O."""

from aeo_check.scoring.engine import score
from aeo_check.scoring.result import Result, tier_rank

__all__ = ["Result", "score", "tier_rank"]
