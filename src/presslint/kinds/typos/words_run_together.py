"""Words run together: "blendof", "kindsof", "toexclusively", "blastingAlice".

Text pasted from PDFs and web pages loses spaces. A token that is no word, that occurs once
in the document, and that splits into two common words (or a lower-case word and a
capitalised name) is reported with the split as its fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ... import lexicon, vocabulary
from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...scan import is_free_standing, quoted_words, recurs, tokens_of
from .. import Kind
from .suspects import CAMEL, REMEMBER, suspects

# Both halves must be this common (rank among ~83,000 words by frequency).
COMMON = 30_000
# Closed compounds of two content words are mostly real ("roadmap", "walkability"); a slip
# that drops a space usually joins a function word to its neighbour ("blendof", "toexclusively").
# Particles that also make prefixes and suffixes ("upskill", "startup", "login") are left out.
FUNCTION_LEFT = frozenset("""
    of the to and for with from is are was were be been has have had will would can could
    that this these those their our its his her your my an at as or but not which who than
    very more most such also when where while into
""".split())
FUNCTION_RIGHT = frozenset("""
    of the to and for with from is are was were that this these those their our its his her
    your an at as or but which who will has have be into than
""".split())


@lru_cache(maxsize=REMEMBER)
def best_split(word: str) -> tuple[str, str] | None:
    """The most likely split of a lower-case ``word`` into two common words, if any."""
    rank = lexicon.frequency_rank()
    best: tuple[int, str, str] | None = None
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if not (left in FUNCTION_LEFT or right in FUNCTION_RIGHT):
            continue
        left_rank, right_rank = rank.get(left, COMMON), rank.get(right, COMMON)
        if left_rank >= COMMON or right_rank >= COMMON or min(len(left), len(right)) < 2:
            continue
        content = right if left in FUNCTION_LEFT else left
        if content not in FUNCTION_LEFT | FUNCTION_RIGHT and (len(content) < 3 or not lexicon.classes(content)):
            continue  # "facto" is not "fac to"
        score = max(left_rank, right_rank)
        if best is None or score < best[0]:
            best = (score, left, right)
    return None if best is None else (best[1], best[2])


class WordsRunTogether(Kind):
    FIX = "always"

    def setup(self) -> None:
        self.vocabulary = vocabulary.of(self.settings.vocabulary)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        # Most lower-case suspects split into no two common words: that depends on the
        # word alone, and is judged once per run.
        words = {word for word in suspects(doc).run_together
                 if not word.islower() or best_split(word) is not None}
        texts = doc.tokens.texts
        for index in tokens_of(doc, words):
            word = texts[index]
            split = self._lower(doc, word) if word.islower() else self._camel(doc, word)
            if split is None:
                continue
            # Placed only now: what the word and the document decide is settled.
            token = doc.tokens[index]
            span = Span(token.start, token.end)
            if not is_free_standing(prose, span.start, span.end):
                continue
            replacement = " ".join(split)
            yield self.rule.report(doc, span, Edit(span, replacement), found=word, suggestion=replacement)

    def _lower(self, doc: Document, word: str) -> tuple[str, str] | None:
        if lexicon.is_word(word) or word in lexicon.misspellings() or self.vocabulary.accepts(word):
            return None
        # Brands and coinages recur and get quoted: a run-together slip occurs once.
        if recurs(doc, word) or word in quoted_words(doc):
            return None
        return best_split(word)

    def _camel(self, doc: Document, word: str) -> tuple[str, str] | None:
        match = CAMEL.fullmatch(word)
        if match is None or self.vocabulary.accepts(word) or doc.word_counts[word] > 1:
            return None
        left, right = match.groups()
        rank = lexicon.frequency_rank()
        if rank.get(left, COMMON) >= COMMON or len(left) < 4:
            return None  # "myPlan", "getStarted", "iPhone": product names
        # The capitalised half is a name the document uses on its own ("blastingAlice"), or a
        # function word that began the next sentence ("certificationWith").
        lowered = right.lower()
        if doc.word_counts[right] == 0 and lowered not in FUNCTION_LEFT | FUNCTION_RIGHT:
            return None
        return left, right
