"""A release with no end mark: a line "###" (or "# # #"), "-30-" or "END" after the text,
which tells an editor that nothing was lost. Off by default (few web releases print one);
the ``ap`` preset turns it on."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from ...markup import MASK, SEPARATOR
from .. import Kind
from .release_parts import end_mark, first_body_line


class MissingEndMark(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if first_body_line(doc) is None or end_mark(doc):
            return
        prose = doc.prose
        # In HTML, the release's last shown line: not the closing tags nor the page's footer
        # after it, which are masked. (In Markdown a last line of a URL is still the last line.)
        blank = " \t\n" + (MASK + SEPARATOR if doc.syntax == "html" else "")
        end = len(prose.rstrip(blank))
        start = prose.rfind("\n", 0, end) + 1
        line = prose[start:end]
        start += len(line) - len(line.lstrip(blank))
        yield self.rule.report(doc, Span(start, end), found=prose[start:end])
