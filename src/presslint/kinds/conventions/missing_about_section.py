"""A release with no "About <Company>" section, the boilerplate that tells a journalist
who issued it. Off by default; the presets turn it on."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from .. import Kind
from .release_parts import about_section, top


class MissingAboutSection(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        where = top(doc)
        if where is None or about_section(doc):
            return
        yield self.rule.report(doc, where, found=doc.prose[where.start:where.end])
