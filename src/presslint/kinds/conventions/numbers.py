"""What the P rules about numbers share: the rarer of two ways of writing one thing."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

from ...diagnostic import Span
from ...lazyre import LazyPattern
from .. import Kind
from .release_parts import headline

if TYPE_CHECKING:
    from ...diagnostic import Diagnostic
    from ...document import Document


class MixedForms(Kind):
    """A thing written two ways in one release (``FORMS``: the name of each way, as the
    message says it, and its pattern); reported once, at the first of the rarer way."""

    FORMS: ClassVar[Mapping[str, LazyPattern]] = {}

    def worth_reading(self, prose: str) -> bool:
        """False when ``prose`` cannot hold both forms (a quick test)."""
        return True

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        if not self.worth_reading(prose):
            return
        found = minority(prose, self.FORMS, headline(doc))
        if found is not None:
            span, written, other, counts = found
            yield self.rule.report(doc, span, found=prose[span.start:span.end], written=written, other=other,
                                   count=counts[written], other_count=counts[other])


def minority(prose: str, forms: Mapping[str, LazyPattern],
             headline: tuple[int, int] | None) -> tuple[Span, str, str, dict[str, int]] | None:
    """When ``prose`` writes both forms (name -> pattern) outside the headline (which may
    abbreviate, "$7M", where the text writes "$7 million") and its repetitions ("The post
    <headline> appeared first on ..."): the first match of the rarer one (on a tie, of the
    one that appears second), its name, the other's, and the counts."""
    (one, first), (two, second) = forms.items()
    skipped = []
    if headline is not None and headline[1] - headline[0] >= 12:
        title = prose[headline[0]:headline[1]]
        at = headline[0]
        while at != -1:
            skipped.append((at, at + len(title)))
            at = prose.find(title, at + len(title))

    def spans(pattern: LazyPattern) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(prose) if not any(low <= m.start() < high for low, high in skipped)]

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
