"""then / than: "then" straight after a comparative ("more then ever", "bigger then",
"rather then") is "than".

A word is a comparative when Brill's lexicon tags it JJR or RBR (see
src/presslint/data/typos/SOURCES.md), so every comparative is covered, not a list of them;
"rather" and "other" take "than" too. "then" of time after a comparative is left alone
when punctuation stands between ("it grew larger, then slowed") or a time word follows
("smaller then on").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ... import lexicon
from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...scan import following, match_case
from .. import Kind
from ..wordline import WordMatches, lower_word_line

# The word before "then" and the word after it, in the lower-case word line.
_THEN = re.compile(r"\n([^\n]+)\nthen(?=\n([^\n]*+))")
_TIME_WORDS = frozenset({"on", "again", "later", "onward", "onwards", "until", "till", "and", "as"})


@lru_cache(maxsize=4096)
def _takes_than(word: str, next_word: str) -> bool:
    """Whether "then" between these words is "than"."""
    if next_word in _TIME_WORDS or word == "later":  # "later then" may be of time
        return False
    return word in {"rather", "other"} or lexicon.tag(word) in {"JJR", "RBR"}


class ThenThan(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        counts = doc.word_counts
        if "then" not in counts and "Then" not in counts:
            return
        matches = WordMatches(lower_word_line(doc), _THEN)
        texts = doc.tokens.texts
        for ordinal, (word, next_word) in enumerate(matches.groups):
            if not _takes_than(word, next_word):
                continue
            index = matches.index(ordinal) + 1
            # Adjacent to the comparative, nothing but spaces between.
            if texts[index] != "then" or len(following(doc, index - 1, 1)) != 1:
                continue
            token = doc.tokens[index]
            span = Span(token.start, token.end)
            suggestion = match_case(texts[index], "than")
            yield self.rule.report(doc, span, Edit(span, suggestion), found=texts[index], before=texts[index - 1],
                                   suggestion=suggestion)
