"""Percentages written two ways in one release: "42%" and "42 percent". Reported once,
at the first of the rarer form (the first written second, on a tie), with the count of
each. "percentage points" is a different unit and does not count."""

from __future__ import annotations

from ...lazyre import LazyPattern
from .numbers import MixedForms

_SIGN = LazyPattern(r"(?<![\d.,])\d[\d,.]*[ \t]?%")
_WORD = LazyPattern(r"(?<![\d.,])\d[\d,.]*[ \t]+(?:per[ \t]?cent|PERCENT|Percent)\b(?!age)")


class MixedPercentStyle(MixedForms):
    FORMS = {"%": _SIGN, "percent": _WORD}

    def worth_reading(self, prose: str) -> bool:
        return "%" in prose and ("ercent" in prose or "ERCENT" in prose)
