"""The kind behind T122 (rejected-term): the terms the user rejects (``vocabulary:
reject``), wherever they occur."""

from __future__ import annotations

from collections.abc import Iterator

from ... import vocabulary
from ...diagnostic import Diagnostic, Span
from ...document import Document
from ...scan import tokens_of
from .. import Kind


class RejectedTerm(Kind):
    """Each word that the vocabulary rejects, ignoring case and a possessive ending."""

    def setup(self) -> None:
        self.vocabulary = vocabulary.of(self.settings.vocabulary)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if not self.vocabulary.reject:
            return
        rejected = set(filter(self.vocabulary.rejects, doc.word_counts))
        for index in tokens_of(doc, rejected):
            start, end, text = doc.tokens[index]
            yield self.rule.report(doc, Span(start, end), found=text)
