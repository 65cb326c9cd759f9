"""The document as the word rules read it: character references shown as the characters
they stand for ("it&rsquo;s" reads "it’s"), with a map from its offsets back to the file's.

The whitespace and character rules read the file as written (an entity is markup there,
or W112's business in plain text); every other rule reads this view, and its findings are
mapped back, so a diagnostic on "it’s" covers "it&rsquo;s" in the file.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from .diagnostic import Diagnostic, Edit, Fix, Span

if TYPE_CHECKING:
    from .markup import Markup


class OffsetMap:
    """Offsets of a text where some references of the file became one character each."""

    __slots__ = ("_cumulative", "_source_ends", "_view_starts")

    def __init__(self, decoded: list[tuple[int, int, int]]) -> None:
        """``decoded``: (offset of the character in the view, start and end of its
        reference in the file), in order."""
        self._view_starts = [view for view, _, _ in decoded]
        self._source_ends = [end for _, _, end in decoded]
        cumulative, total = [], 0
        for _, start, end in decoded:
            total += end - start - 1
            cumulative.append(total)
        self._cumulative = cumulative

    def to_source(self, offset: int) -> int:
        """The file's offset of the view's character at ``offset`` (or of the end, for
        an offset just past a decoded character: a span's end covers the reference)."""
        before = bisect_left(self._view_starts, offset)
        return offset + (self._cumulative[before - 1] if before else 0)

    def to_view(self, offset: int) -> int:
        """The view's offset of the file's ``offset`` (which is in no reference)."""
        before = bisect_right(self._source_ends, offset)
        return offset - (self._cumulative[before - 1] if before else 0)

    def span_to_source(self, span: Span) -> Span:
        return Span(self.to_source(span.start), self.to_source(span.end))

    def diagnostic_to_source(self, diagnostic: Diagnostic) -> Diagnostic:
        fix = diagnostic.fix
        if fix is not None:
            edits = tuple(Edit(self.span_to_source(edit.span), edit.replacement) for edit in fix.edits)
            fix = Fix(fix.message, edits, fix.safe)
        return replace(diagnostic, span=self.span_to_source(diagnostic.span), fix=fix)


def decoded_view(text: str, markup: Markup) -> tuple[str, Markup, OffsetMap]:
    """``text`` (whose ``markup`` has character references: ``markup.entities``) with them
    decoded, the view's markup, and the map back; Document.for_words makes the view a
    document. (Spaces and invisible ones keep their length, in the view's prose only: see
    markup.py.)"""
    from .markup import Markup

    prose = markup.prose
    text_parts: list[str] = []
    prose_parts: list[str] = []
    decoded: list[tuple[int, int, int]] = []
    position = length = 0
    for start, end, shown in markup.entities:
        text_parts.append(text[position:start])
        prose_parts.append(prose[position:start])
        length += start - position
        if len(shown) == 1:
            decoded.append((length, start, end))
            text_parts.append(shown)
            length += 1
        else:
            text_parts.append(text[start:end])
            length += end - start
        prose_parts.append(shown)
        position = end
    text_parts.append(text[position:])
    prose_parts.append(prose[position:])
    offsets = OffsetMap(decoded)

    def spans(found: tuple[Span, ...] | list[Span]) -> tuple[Span, ...]:
        return tuple(Span(offsets.to_view(span.start), offsets.to_view(span.end)) for span in found)

    view_markup = Markup("".join(prose_parts), spans(markup.masked), spans(markup.code))
    return "".join(text_parts), view_markup, offsets
