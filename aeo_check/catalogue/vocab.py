"""The catalogue's fixed vocabularies: the ids the code itself names.

Kept apart from the pydantic models (:mod:`.models`) so that the scorer, the answer checker and
the views can use them without importing pydantic's model machinery, which only validating the
catalogue from source needs.
"""

STANDARDS: tuple[str, ...] = ("advanced", "certified")
GENERAL_CATEGORIES: tuple[str, ...] = ("internal_control", "financial", "compliance", "trade_security")
SPECIFIC_TYPES: tuple[str, ...] = ("health_quarantine", "animal_plant_quarantine", "food_cosmetics", "commodity_inspection")
ENTERPRISE_TYPES: tuple[str, ...] = ("importer_exporter", "customs_broker")
SECTIONS: tuple[str, ...] = (
    "profile",
    "internal_control",
    "financial",
    "compliance",
    "trade_security",
    "specific",
    "bonus",
)
TIERS: tuple[str, ...] = ("advanced", "certified", "regular", "discredited", "seriously_discredited")

#: Names every rule may use besides questions, derived values and parameters:
#: they come from the answer file's ``enterprise`` block.
PROFILE_NAMES = frozenset({"production", "enterprise_type", "specific_types", "current_tier"})
