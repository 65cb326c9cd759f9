"""A release with no media contact that a journalist can use: no contact block, or
only blocks that give neither an e-mail address nor a telephone number (a name and a
website). Off by default: wires print the contact apart; the presets turn it on."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from .. import Kind
from .release_parts import contact_blocks, reachable, top


class MissingMediaContact(Kind):
    MESSAGES = ("unreachable",)  # ``message``: no contact block at all

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        where = top(doc)
        if where is None:
            return
        prose = doc.prose
        blocks = contact_blocks(doc)
        if any(reachable(doc.text, block.text) for block in blocks):
            return
        if blocks:
            label = blocks[0].label
            yield self.rule.report(doc, label, key="unreachable", found=prose[label.start:label.end])
            return
        yield self.rule.report(doc, where, found=prose[where.start:where.end])
