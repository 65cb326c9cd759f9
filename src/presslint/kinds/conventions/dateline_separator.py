"""The mark between a dateline and the text, against the house style
(``dateline-style``): an em dash for ap ("SEATTLE, March 18, 2024 — Acme..."), two
hyphens for wire ("SEATTLE, March 18, 2024 /PRNewswire/ -- Acme...", "SEATTLE--(BUSINESS
WIRE)--Acme..."). In every style, a dateline the text follows with no mark at all
("TACOMA, WA, March 18, 2024 Acme...") is reported."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...lazyre import LazyPattern
from .. import Kind
from .release_parts import dateline

_WANTED = {"ap": "—", "wire": "--"}
_DASHES = ("—", "--", "–", "-")
_WIRE_TAG = LazyPattern(r"[ \t]*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)")


class DatelineSeparator(Kind):
    # ``message``: a dash of another style; "missing": no mark at all.
    MESSAGES = ("missing",)
    FIX = "always"
    TITLES = ("missing",)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        line = dateline(doc, self.settings.dates)
        if line is None:
            return
        style = self.settings.conventions.dateline_style
        wanted = _WANTED.get(style, "—")
        prose = doc.prose
        if line.separator is None:
            if line.date is None or not prose[line.end:line.end + 2].strip():
                return  # a dateline on a line of its own
            span = Span(line.date.start, line.date.end)
            tag = _WIRE_TAG.match(prose, span.end)  # the mark goes after a wire's name
            at = tag.end() if tag else span.end
            yield self.rule.report(doc, span, Edit(Span(at, at), f" {wanted}"), key="missing",
                                   title="missing", found=line.date.text, right=wanted, style=style)
            return
        written = prose[line.separator.start:line.separator.end]
        if style in _WANTED and written in _DASHES and written != wanted:
            yield self.rule.report(doc, line.separator, Edit(line.separator, wanted), found=written,
                                   right=wanted, style=style)
