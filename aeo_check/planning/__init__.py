"""Planning: a scored result → a dated plan (steps with dates, targets per tier). No I/O."""

from aeo_check.planning.plan import Plan, Step, Target, make_plan

__all__ = ["Plan", "Step", "Target", "make_plan"]
