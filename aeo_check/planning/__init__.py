"""Planning: a scored result → a dated plan (steps with dates, targets per tier). No I/O."""

from .plan import Plan, Step, Target, make_plan

__all__ = ["Plan", "Step", "Target", "make_plan"]
