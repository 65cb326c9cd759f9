"""Amounts of money scaled two ways in one release: "$5M" and "$5 million", "$2B" and "$2
billion", "$40K" and "$40 thousand". Reported once, at the first of the rarer form, with
the count of each."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from ...lazyre import LazyPattern
from .. import Kind
from .numbers import minority
from .release_parts import headline

_SHORT = LazyPattern(r"[$€£]\d[\d,.]*[ \t]?(?:MM|M|B|BN|bn|Bn|K|k|mn)\b")
_LONG = LazyPattern(r"[$€£]\d[\d,.]*[ \t]+(?:million|billion|trillion|thousand)\b")


class MixedMoneyUnits(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        if "$" not in prose and "€" not in prose and "£" not in prose:
            return
        found = minority(prose, {"$5M": _SHORT, "$5 million": _LONG}, headline(doc))
        if found is not None:
            span, written, other, counts = found
            yield self.rule.report(doc, span, found=prose[span.start:span.end], written=written, other=other,
                                   count=counts[written], other_count=counts[other])
