"""Amounts of money scaled two ways in one release: "$5M" and "$5 million", "$2B" and "$2
billion", "$40K" and "$40 thousand". Reported once, at the first of the rarer form, with
the count of each."""

from __future__ import annotations

from ...lazyre import LazyPattern
from .numbers import MixedForms

_SHORT = LazyPattern(r"[$€£]\d[\d,.]*[ \t]?(?:MM|M|B|BN|bn|Bn|K|k|mn)\b")
_LONG = LazyPattern(r"[$€£]\d[\d,.]*[ \t]+(?:million|billion|trillion|thousand)\b")


class MixedMoneyUnits(MixedForms):
    FORMS = {"$5M": _SHORT, "$5 million": _LONG}

    def worth_reading(self, prose: str) -> bool:
        return "$" in prose or "€" in prose or "£" in prose
