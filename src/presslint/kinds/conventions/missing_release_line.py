"""A release with neither "FOR IMMEDIATE RELEASE" nor an embargo line in its header.
Off by default: the wires and most web releases print none; a house whose releases
always carry one turns it on (the ``press`` and ``ap`` presets do)."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from .. import Kind
from .release_parts import release_line, top


class MissingReleaseLine(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        where = top(doc)
        if where is None or release_line(doc) is not None:
            return
        yield self.rule.report(doc, where, found=doc.prose[where.start:where.end])
