"""Known misspellings: words from a list of frequent misspellings, with their one correction.

The list is codespell's (see src/presslint/data/typos/SOURCES.md), keeping only entries
with a single correction that are no English word. A word is matched whole, in lower
case, Title case or UPPER case; the fix keeps the case ("Teh" -> "The").
"""

from __future__ import annotations

from collections.abc import Iterator

from ... import lexicon, vocabulary
from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...lazyre import LazyPattern
from ...scan import (
    in_capitals_line,
    is_free_standing,
    match_case,
    next_words,
    quoted_words,
    recurs,
    shape,
    starts_sentence,
    tokens_of,
)
from .. import Kind
from .slips import in_foreign_phrase, slip
from .suspects import WORD_PART, suspects

# A misspelling this long is seldom an acronym or a name, in capitals or in Title case.
LONG = 7
# The commonest words ("the", "and", "with"): their misspellings are no names.
FUNCTION_RANK = 100


class Misspelling(Kind):
    FIX = "always"

    def setup(self) -> None:
        self.vocabulary = vocabulary.of(self.settings.vocabulary)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        texts = doc.tokens.texts
        # Walk the tokens only for the words that are suspect ("teh", "Teh", "re-use").
        for index in tokens_of(doc, suspects(doc).misspelt):
            token_start: int | None = None
            for offset, word, correction in self._candidates(doc, texts[index]):
                # Placed only now: what the word alone decides is settled.
                if token_start is None:
                    token_start = doc.tokens.start_of(index)
                start = token_start + offset
                end = start + len(word)
                form = shape(word)
                # Short capitals are mostly acronyms ("EHR", "INSEAD"): only in a headline set
                # in capitals, unless long.
                if form == "upper" and len(word) < LONG and not in_capitals_line(prose, start):
                    continue
                # Title case mid-sentence may be a name ("Holliday", "Synopsys", "Furthur"):
                # only a long one, written once, that a slip of the fingers made (a letter
                # lost or two swapped: "Enviroment", "Buisness"), not a spelling chosen.
                if form == "title" and not starts_sentence(prose, start) \
                        and not _slip_in_title(doc, word, correction, end) \
                        and not _opens_body(prose, start, correction) \
                        and (len(word) < LONG or doc.word_counts[word] > 1 or recurs(doc, word.lower())
                             or not typed_slip(word.lower(), correction)):
                    continue
                if not is_free_standing(prose, start, end) or in_foreign_phrase(doc, index):
                    continue
                suggestion = match_case(word, correction)
                span = Span(start, end)
                yield self.rule.report(doc, span, Edit(span, suggestion), found=word, suggestion=suggestion)

    def _candidates(self, doc: Document, text: str) -> Iterator[tuple[int, str, str]]:
        """The misspelt words of a token, with their offset in it and their correction: the
        token, or the parts of a compound, that pass the checks needing no position."""
        if text.isalpha():
            parts: list[tuple[int, str]] = [(0, text)]
        else:
            # Parts of a compound: short ones are often prefixes or suffixes ("add-ons").
            parts = [(m.start(), m.group()) for m in WORD_PART.finditer(text) if len(m.group()) >= 5]
        table = lexicon.misspellings()
        for offset, word in parts:
            correction = table.get(word.lower())
            # Mixed case is a name or a code ("SoCal", "iPhone").
            if correction is None or shape(word) == "mixed":
                continue
            if self.vocabulary.accepts(word) or _coined(doc, word):
                continue
            yield offset, word, correction


def _slip_in_title(doc: Document, word: str, correction: str, end: int) -> bool:
    """A misspelt function word inside a title set in Title case ("All Teh Joyful
    Things"): a name is seldom one of the commonest words misspelt."""
    if lexicon.frequency_rank().get(correction, FUNCTION_RANK) >= FUNCTION_RANK:
        return False
    after = next_words(doc.prose, end, 1)
    return bool(after) and after[0].text[:1].isupper()


# The dash that ends a dateline ("NEW YORK, March 18, 2024 – ", "SEATTLE -- (BUSINESS WIRE) -- "):
# the first dash of a line that opens with a place in capitals. The word after it opens the
# release's first sentence.
_DATELINE_DASH = LazyPattern(r"(?:\A|\n)[ \t\u2063*_>#]*[A-Z][A-Z.'’-]+\b[^\n–—]{0,100}?"
                             r"[ \t\u00a0\u2063](?:--|[–—])[ \t\u00a0\u2063]*\Z")


def _opens_body(prose: str, start: int, correction: str) -> bool:
    """A misspelt function word after a dateline's dash ("SEATTLE – Teh company"): it opens
    a sentence, and a name is seldom one of the commonest words misspelt."""
    return (lexicon.frequency_rank().get(correction, FUNCTION_RANK) < FUNCTION_RANK
            and bool(_DATELINE_DASH.search(prose, max(0, start - 200), start)))


def typed_slip(wrong: str, right: str) -> bool:
    """Whether ``wrong`` is ``right`` with a letter left out or two neighbours swapped:
    slips of the fingers, where names spelt on purpose double or change letters."""
    return slip(wrong, right) in ("dropped", "swapped")


def _coined(doc: Document, word: str) -> bool:
    """A word the document puts in quotes, or the plural of one: a coinage or a name."""
    quoted = quoted_words(doc)
    lowered = word.lower()
    return lowered in quoted or lowered.rstrip("s") in quoted

