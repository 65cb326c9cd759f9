"""A term that must be written one way: any other capitalisation of it is reported.

The terms are the bundled list (``rules/terms.txt``), the rule's own ``terms`` option
and the team's ``terms:`` and ``terms-file:`` from the configuration, the team's winning.
A term is matched as a whole word without regard to case ("paypal", "Paypal" for
"PayPal"); a possessive ending is kept ("Paypal's" becomes "PayPal's").

Not reported: an all-caps form of a term that is not all caps itself (headlines,
emphasis); a name that starts in lower case by design, capitalised at the start of a
sentence or in a title line ("IPhone sales rose."); hashtags and handles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress
from typing import TYPE_CHECKING

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...listfile import read_list_file
from ...scan import locate
from .. import Kind
from .casing import POSSESSIVE, Lines, at_sentence_start, bundled_terms, capitalised_words, term_map, with_possessives

if TYPE_CHECKING:
    from ...settings import TermSettings


def configured_terms(settings: TermSettings) -> list[str]:
    """The team's own terms: ``terms:`` and the lines of ``terms-file:``."""
    terms = list(settings.terms)
    if settings.terms_file is not None:
        terms.extend(read_list_file(settings.terms_file, "terms file"))
    return terms


def all_terms(bundled: bool, own: list[str], settings: TermSettings) -> dict[str, str]:
    return term_map([*(bundled_terms() if bundled else ()), *own, *configured_terms(settings)])


class Term(Kind):
    OPTIONS = {"bundled": True, "terms": []}
    FIX = "always"

    def setup(self) -> None:
        own = self.options["terms"]
        if not all(isinstance(t, str) and t.strip() for t in own):
            raise ValueError("terms: each term must be a non-empty string")
        terms = all_terms(self.options["bundled"], [t.strip() for t in own], self.settings.terms)
        self.single = {k: v for k, v in terms.items() if " " not in k}
        # The lower-case words that are a term written wrong: "paypal", "paypal’s".
        self.lower_case_wrong = {word: term for key, term in self.single.items() if key != term
                                 for word in with_possessives({key})
                                 if POSSESSIVE.sub("", word) == key}
        # The same words by apostrophe ("" for none): a document's words are looked up
        # among the few of these its apostrophes allow, not the other way round.
        self.wrong_by_apostrophe: dict[str, list[str]] = {"": [], "’": [], "'": []}
        for word in self.lower_case_wrong:
            ending = POSSESSIVE.search(word)
            self.wrong_by_apostrophe[ending.group()[0] if ending else ""].append(word)
        self.multi = {" ".join(k.split()): v for k, v in terms.items() if " " in k}
        self.phrases: re.Pattern[str] | None = None
        if self.multi:
            alternatives = "|".join(r"\s+".join(map(re.escape, k.split()))
                                    for k in sorted(self.multi, key=len, reverse=True))
            self.phrases = re.compile(rf"(?<![\w#@])(?:{alternatives})(?!\w)", re.IGNORECASE)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        yield from self._single(doc)
        if self.phrases is not None:
            yield from self._multi(doc)

    def _single(self, doc: Document) -> Iterator[Diagnostic]:
        wrong = self._wrong_words(doc)
        if not wrong:
            return
        prose = doc.prose
        lines: Lines | None = None
        for start, word in locate(prose, wrong, doc.tokens):
            term = wrong[word]
            base = POSSESSIVE.sub("", word)
            if _skip_form(base, term) or (start and prose[start - 1] in "#@/"):
                continue
            if base == term[0].upper() + term[1:]:  # "IPhone": a capital where a sentence or title needs one
                if lines is None:
                    lines = Lines(prose, doc.syntax)
                if at_sentence_start(prose, start) or lines.exempt(start):
                    continue
            span = Span(start, start + len(base))
            yield self.rule.report(doc, span, Edit(span, term), found=base, term=term)

    def _wrong_words(self, doc: Document) -> dict[str, str]:
        """The words of ``doc`` that are a term written another way, and the term. Set
        operations in C first: most documents have none."""
        # A lower-case word ("paypal", "paypal’s") is its own key: looked up directly.
        counts = doc.word_counts.keys()
        prose = doc.prose
        found: set[str] = set()
        for apostrophe, words in self.wrong_by_apostrophe.items():
            if apostrophe in prose:  # "" always is
                found |= counts & words
        wrong = {word: self.lower_case_wrong[word] for word in found}
        capitals = capitalised_words(doc)
        single = self.single
        if not single.keys().isdisjoint(capitals.keys):
            for word, key in compress(zip(capitals.words, capitals.keys, strict=True),
                                      map(single.__contains__, capitals.keys)):
                if POSSESSIVE.sub("", word) != single[key]:
                    wrong[word] = single[key]
        return wrong

    def _multi(self, doc: Document) -> Iterator[Diagnostic]:
        assert self.phrases is not None
        prose = doc.prose
        for match in self.phrases.finditer(prose):
            found = match.group()
            term = self.multi[" ".join(found.lower().split())]
            if " ".join(found.split()) == term or _skip_form(found, term):
                continue
            span = Span(*match.span())
            # Keep the writer's line breaks and spacing; change only the letters.
            replacement = _recase(found, term)
            yield self.rule.report(doc, span, Edit(span, replacement), found=found, term=term)


def _skip_form(found: str, term: str) -> bool:
    # All caps is emphasis or a headline, unless the term itself is all caps.
    return found.isupper() and not term.isupper() and sum(c.isalpha() for c in found) > 1


def _recase(found: str, term: str) -> str:
    letters = iter(term.replace(" ", ""))
    return "".join(c if c.isspace() else next(letters) for c in found)
