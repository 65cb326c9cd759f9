"""What the P rules about numbers share: the rarer of two ways of writing one thing."""

from __future__ import annotations

from collections.abc import Mapping

from ...diagnostic import Span
from ...lazyre import LazyPattern


def minority(prose: str, forms: Mapping[str, LazyPattern],
             headline: tuple[int, int] | None) -> tuple[Span, str, str, dict[str, int]] | None:
    """When ``prose`` writes both forms (name -> pattern) outside the headline (which may
    abbreviate, "$7M", where the text writes "$7 million"): the first match of the rarer
    one (on a tie, of the one that appears second), its name, the other's, and the counts."""
    (one, first), (two, second) = forms.items()
    low, high = headline or (0, 0)

    def spans(pattern: LazyPattern) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(prose) if not low <= m.start() < high]

    found = {one: spans(first), two: spans(second)}
    if not found[one] or not found[two]:
        return None
    counts = {name: len(spans) for name, spans in found.items()}
    if counts[one] != counts[two]:
        rare = one if counts[one] < counts[two] else two
    else:
        rare = one if found[one][0] > found[two][0] else two
    other = two if rare == one else one
    return Span(*found[rare][0]), rare, other, counts
