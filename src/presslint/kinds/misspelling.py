"""Known misspellings: words from a list of frequent misspellings, with their one correction.

The list is codespell's (see src/presslint/data/typos/SOURCES.md), keeping only entries
with a single correction that are no English word. A word is matched whole, in lower
case, Title case or UPPER case; the fix keeps the case ("Teh" -> "The").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import lexicon, vocabulary
from ..diagnostic import Diagnostic, Edit, Fix, Span
from ..document import Document
from ..wordtools import (
    in_capitals_line,
    in_foreign_phrase,
    is_free_standing,
    match_case,
    quoted_words,
    shape,
    starts_sentence,
    tokens_of,
    unknown_forms,
)
from . import Kind

_PART = re.compile(r"[^\W\d_]+")


class Misspelling(Kind):
    name = "misspelling"

    def setup(self) -> None:
        self.vocabulary = vocabulary.of(self.config)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        table = lexicon.misspellings()
        # Look each distinct word up once; walk the tokens only when one is suspect.
        # Lower-case hits by set intersection; other forms are no lower-case word at all.
        suspects = table.among(doc.word_counts)
        # Other forms ("Teh", "TEH", "re-use"): looked up lower-cased, all at once.
        forms = unknown_forms(doc)
        lowered = {form: form.lower() for form in forms if form.isalpha()}
        hits = table.among(lowered.values())
        suspects |= {form for form, lower in lowered.items() if lower in hits}
        suspects |= {form for form in forms if not form.isalpha() and _suspect(form, table)}
        prose = doc.prose
        for index in tokens_of(doc, suspects):
            token = doc.tokens[index]
            text = token.text
            if text.isalpha():
                parts: list[tuple[int, str]] = [(token.start, text)]
            else:
                # Parts of a compound: short ones are often prefixes or suffixes ("add-ons").
                parts = [(token.start + m.start(), m.group()) for m in _PART.finditer(text)
                         if len(m.group()) >= 5]
            for start, word in parts:
                correction = table.get(word.lower())
                if correction is None:
                    continue
                form = shape(word)
                # Capitals are mostly acronyms ("EHR", "INSEAD"): only in a headline set in capitals.
                if form == "mixed" or (form == "upper" and not in_capitals_line(prose, start)):
                    continue
                # Title case mid-sentence is a name ("Holliday", "Synopsys").
                if form == "title" and not starts_sentence(prose, start):
                    continue
                end = start + len(word)
                if not is_free_standing(prose, start, end) or self.vocabulary.accepts(word):
                    continue
                if _coined(doc, word) or in_foreign_phrase(doc, index):
                    continue
                suggestion = match_case(word, correction)
                fix = Fix(f"replace with {suggestion!r}", (Edit(Span(start, end), suggestion),), safe=False)
                yield self.rule.report(doc, Span(start, end), fix, found=word, suggestion=suggestion)


def _suspect(word: str, table: lexicon.SortedTable) -> bool:
    if word.isalpha():
        return word.lower() in table
    if "-" in word and not any(ch.isdigit() for ch in word):
        return any(part.lower() in table for part in _PART.findall(word))
    return False

def _coined(doc: Document, word: str) -> bool:
    """A word the document puts in quotes, or the plural of one: a coinage or a name."""
    quoted = quoted_words(doc)
    lowered = word.lower()
    return lowered in quoted or lowered.rstrip("s") in quoted

