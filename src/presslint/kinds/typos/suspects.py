"""The few distinct words of a document that a Typos (T) rule looks at further: its suspects.

Which rule a word is a suspect for depends on the word alone, so each distinct word is
judged once per run and the verdicts are kept across documents (:class:`Verdicts`). A
document then costs one C-level pass over its distinct words against the words judged no
suspect before (not the 170,000-word list), leaving its suspects and its new words, and
judging what is new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import filterfalse
from operator import methodcaller
from typing import TYPE_CHECKING, NamedTuple

from ...lexicon import known_words, misspellings

if TYPE_CHECKING:
    from ...document import Document

CAMEL = re.compile(r"([a-z]{3,})([A-Z][a-z]{2,})")
"""A lower-case word of three letters or more, then a capitalised word: "blastingAlice"."""
WORD_PART = re.compile(r"[^\W\d_]+")
"""The letters between hyphens and apostrophes of a compound ("add-ons")."""
POSSESSIVE_FORM = re.compile(r"[^\W\d_]+['’]s")
"""A word of letters with a possessive ending: "goverment’s"."""
LOWER_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")
"""Lower-case ASCII words joined by hyphens: "cost-effective"."""
LOWER_POSSESSIVE = re.compile(r"[a-z]+['’]s")
"""A lower-case ASCII word with a possessive ending: "peopke’s"."""


class Suspects(NamedTuple):
    """A document's suspects, per rule. None is a lower-case word of the lists."""

    misspelt: frozenset[str]
    """T101: the word, or a part of a hyphenated or possessive one, lower-cased is a known
    misspelling."""
    unknown: frozenset[str]
    """T102: lower-case ASCII letters, and no known misspelling (any length); or such a
    word with a possessive ending ("peopke’s")."""
    run_together: frozenset[str]
    """T103: five letters or more, lower-case or "blastingAlice"."""
    possessive: frozenset[str]
    """T108: four letters or more, capitalised, ends in s."""
    proper: frozenset[str]
    """T102, T120: Title case, five ASCII letters or more, and no word lower-cased: names,
    and typos in capitals ("Contsoo", "Boutqiue")."""



LONGEST_WORD = 50
"""A token longer than this is no suspect for any rule: a digest, a gene sequence, a pasted
blob. (The longest word of the lists has 45 letters; judging a word costs work that grows
with the square of its length, and a 20,000-letter token would cost minutes and gigabytes.)"""

REMEMBER = 500_000
"""Verdicts on at most this many words are kept across documents (a bound on memory); the
T kinds' own caches of answers per word are bounded by it too."""
_NO_SUSPECTS = Suspects(*(frozenset() for _ in Suspects._fields))


class Verdicts:
    """Which rules each word judged so far is a suspect for, kept across the documents of a
    run: the words that are no suspect, those that are a suspect for some rule, and those
    per rule. :data:`VERDICTS`, the one the T kinds share, belongs to this module and lives
    as long as the process (a run, or one worker of a run's pool); past ``limit`` words it
    forgets them all and starts again, so memory stays bounded on any number of files."""

    __slots__ = ("_plain", "_suspected", "_suspected_by", "limit")

    def __init__(self, limit: int = REMEMBER) -> None:
        self.limit = limit
        self._plain: set[str] = set()  # the words judged so far that are no suspect
        self._suspected: set[str] = set()  # and those that are a suspect for some rule
        self._suspected_by: tuple[set[str], ...] = tuple(set() for _ in Suspects._fields)  # and per rule

    def of(self, counts: Iterable[str]) -> Suspects:
        """The suspects among ``counts`` (a document's distinct words), the new ones judged."""
        plain, suspected = self._plain, self._suspected
        # The suspects and the new words: filterfalse walks the counts in C and the lookups
        # reuse the hashes they hold (cheaper than copying them all into a set first).
        rest = set(filterfalse(plain.__contains__, counts))
        new = rest.difference(suspected)
        if new:
            if len(plain) + len(suspected) + len(new) > self.limit:
                self.clear()
                rest = new = set(counts)
            self._record(new)
        found = rest & suspected
        if not found:
            return _NO_SUSPECTS
        return Suspects(*(frozenset(found & rule) for rule in self._suspected_by))

    def clear(self) -> None:
        for judged in (self._plain, self._suspected, *self._suspected_by):
            judged.clear()

    def _record(self, words: set[str]) -> None:
        # max() runs in C: a Python step per word only for a document with a long token.
        judged = words
        if max(map(len, words), default=0) > LONGEST_WORD:
            judged = {word for word in words if len(word) <= LONGEST_WORD}
        verdicts = _judge(judged)
        # A word counts as judged once in _suspected or _plain: the rules' sets come first.
        for rule, found in zip(self._suspected_by, verdicts, strict=True):
            rule.update(found)
        suspected = set().union(*verdicts)
        self._suspected.update(suspected)
        self._plain.update(words - suspected)


VERDICTS = Verdicts()
"""The verdicts every T kind reads, kept for the run (see :class:`Verdicts`)."""


def suspects(doc: Document) -> Suspects:
    """The document's suspects, computed once per document."""
    return doc.shared("suspects.suspects", _of_document)


def _of_document(doc: Document) -> Suspects:
    return VERDICTS.of(doc.word_counts)


def _judge(words: set[str]) -> tuple[set[str], ...]:
    """Which rules each of ``words`` (new) is a suspect for, in the order of
    :class:`Suspects`' fields: set operations in C over them all, for a first document
    brings hundreds of new words."""
    # Every known word is lower case: only the lower-case words are looked up.
    unknown = words.difference(known_words().among(filter(str.islower, words)))
    letters = set(filter(str.isalpha, unknown))
    lower = set(filter(str.islower, letters))
    capitalised = letters - lower  # or mixed: "Teh", "TEH", "blastingAlice", "Microsofts"
    not_letters = unknown - letters
    misspelt = _misspelt(lower, capitalised, not_letters)
    # Possessives of unknown lower-case words ("peopke’s"), and lower-case hyphenated words
    # with an unknown part ("cost-efective"): T102 judges their base, their parts.
    others = not_letters - misspelt
    # filter() runs the patterns over the words in C, with no Python step per word.
    owned = set(filter(LOWER_POSSESSIVE.fullmatch, others))
    bases = {word[:-2] for word in owned}
    # Looked up at once; batch=False: a few words, not the document's batch, which would
    # build the whole list's set on a one-file run's first document.
    unknown_bases = known_words().missing(bases, batch=False) if bases else bases
    owners = {word for word in owned if word[:-2] in unknown_bases}
    owners |= _with_unknown_part(set(filter(LOWER_HYPHENATED.fullmatch, others)))
    return (
        misspelt,
        (set(filter(str.isascii, lower)) - misspelt) | owners,
        {word for word in lower if len(word) >= 5} | set(filter(CAMEL.fullmatch, capitalised)),
        _possessives(capitalised),
        _proper(capitalised),
    )


def _misspelt(lower: set[str], capitalised: set[str], others: set[str]) -> set[str]:
    """Those of the words of letters only (``lower``, ``capitalised``) whose lower-case form
    is a known misspelling ("teh", "Teh", "TEH"), and those of ``others`` with hyphens and no
    digit ("x86-64" is a code) that have a part whose lower-case form is one
    ("goverment-backed"). The forms are looked up among the misspellings at once, as a
    document's batch: from the third document on, the table answers from its set in C."""
    compounds = [word for word in others if ("-" in word or POSSESSIVE_FORM.fullmatch(word))
                 and not any(map(str.isdigit, word))]
    # The parts of every compound in one pass: a line break parts no letters.
    parts = map(str.lower, WORD_PART.findall("\n".join(compounds)))
    hits = misspellings().among(lower.union(map(str.lower, capitalised), parts))
    if not hits:
        return set()
    return ({word for word in lower | capitalised if word.lower() in hits}
            | {word for word in compounds if any(part.lower() in hits for part in WORD_PART.findall(word))})


def _with_unknown_part(words: set[str]) -> set[str]:
    """Those of ``words`` (hyphenated) with a part of six letters or more that is no known
    word: the parts looked up at once."""
    if not words:
        return set()
    # The words are lower-case ASCII letters and hyphens: their long parts are one findall.
    parts = set(_LONG_PART.findall("\n".join(words)))
    unknown = known_words().missing(parts, batch=False)  # a few words: no batch
    if not unknown:
        return set()  # the common case: no word to walk in Python
    return {word for word in words if any(part in unknown for part in word.split("-"))}


def _possessives(capitalised: set[str]) -> set[str]:
    """Those of ``capitalised`` (letters only) of four letters or more that begin with a
    capital and end in s: "Microsofts", "NOVAs", "Adams" (T108 asks the document whether
    they name something)."""
    # The words ending in s first, in C: most capitalised words do not.
    return {word for word in filter(_ENDS_IN_S, capitalised) if len(word) >= 4 and word[0].isupper()}


_ENDS_IN_S = methodcaller("endswith", "s")
_LONG_PART = re.compile(r"[a-z]{6,}")


def title_non_words(doc: Document) -> frozenset[str]:
    """The document's words in Title case of five ASCII letters or more that are no word
    even lower-cased: its names, and typos in capitals ("Contoso", "Contsoo", "Boutqiue")."""
    return suspects(doc).proper


def _proper(capitalised: set[str]) -> set[str]:
    """Those of ``capitalised`` (letters only) in Title case, of five ASCII letters or more,
    that are no word lower-cased: looked up at once, as a batch."""
    titles = [word for word in filter(str.istitle, filter(str.isascii, capitalised)) if len(word) >= 5]
    if not titles:
        return set()
    # A Title-case word of ASCII letters is its lower-case form capitalised: the forms are
    # looked up at once (a few words, no batch) and the unknown ones capitalised back.
    return set(map(str.capitalize, known_words().missing(set(map(str.lower, titles)), batch=False)))
