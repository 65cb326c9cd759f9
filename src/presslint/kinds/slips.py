"""Real words in the wrong place ("Phase 2 trail", "pubic offering"): a pattern rule opened
only by a document that has the wrong word itself.

The pattern kind's gates (a literal in the word line, or words with their parts in joined
words) cost a search of the document per rule; these rules look for a rare word that
stands alone, so the document's word counts (a set lookup, in C) settle nearly every
document before the pattern runs.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostic import Diagnostic
from ..document import Document
from .pattern import Pattern


class RealWordSlip(Pattern):
    name = "real-word-slip"
    OPTIONS = {**Pattern.OPTIONS, "wrong": []}

    def setup(self) -> None:
        super().setup()
        wrong = self.options["wrong"]
        if not wrong or not all(isinstance(word, str) and word.isalpha() and word.islower() for word in wrong):
            raise ValueError("wrong must be a list of lower-case words")
        self.wrong = frozenset(form for word in wrong for form in (word, word.capitalize()))

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        # The counts' view first: it looks up each of the few wrong words in the counts
        # (the set first would look up every word of the document in the set: 50 times
        # slower).
        if doc.word_counts.keys().isdisjoint(self.wrong):
            return
        yield from super().check(doc)
