"""Scoring: answers → likely tier, both standards' scores, gaps and paths. No I/O."""

from .engine import score
from .result import Result, tier_rank

__all__ = ["Result", "score", "tier_rank"]
