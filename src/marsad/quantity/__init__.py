"""How many: counts, bounds, vague amounts and money, with what is counted."""

from marsad.quantity.extract import QuantityRules, QuantitySettings, extract_quantities, load_quantity_rules

__all__ = ["QuantityRules", "QuantitySettings", "extract_quantities", "load_quantity_rules"]
