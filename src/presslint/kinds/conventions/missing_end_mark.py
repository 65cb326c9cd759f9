"""A release with no end mark: a line "###" (or "# # #"), "-30-" or "END" after the text,
which tells an editor that nothing was lost. Off by default (few web releases print one);
the ``ap`` preset turns it on."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from .. import Kind
from .release_parts import end_mark, first_body_line


class MissingEndMark(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if first_body_line(doc) is None or end_mark(doc):
            return
        prose = doc.prose
        end = len(prose.rstrip())
        start = prose.rfind("\n", 0, end) + 1
        line = prose[start:end]
        start += len(line) - len(line.lstrip())
        yield self.rule.report(doc, Span(start, end), found=prose[start:end])
