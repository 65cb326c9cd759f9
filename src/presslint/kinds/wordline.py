"""The document's words as one string, a word a line: whole-word searches at C speed.

A Python loop over every token costs more than a rule may spend on a document, so the
context rules (homophones, doubled words, articles, the pattern rules' gates) search a
string instead: ``"\\n".join(tokens)`` with a line break before the first word and after
the last, so that every word has one on each side. A regex whose first character is that
line break finds whole words ("\\nits(?=\\n)" is the word "its", never "visits"), and the
index of the word a match starts at is the number of line breaks before the match,
counted (in C) only for the few matches a rule cannot settle from the matched words
alone. The string is built once per document and shared (``doc.shared``), with its
lower-case copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any

from ..document import Document
from ..scan import JOINERS


def word_line(doc: Document) -> str:
    """The document's words, each on its own line, with a line break first and last."""
    return doc.shared("word-line", _word_line)


def lower_word_line(doc: Document) -> str:
    """:func:`word_line` in lower case: finds a word in any case ("Its", "ITS")."""
    return doc.shared("lower-word-line", _lower_word_line)


def _word_line(doc: Document) -> str:
    # One join, with empty words first and last for the outer line breaks: adding them to
    # the joined words would copy the whole line twice more.
    texts = doc.tokens.texts
    return "\n".join(chain(("",), texts, ("",))) if texts else "\n\n"


def _lower_word_line(doc: Document) -> str:
    return lowered(word_line(doc))


_LOWER_CHUNK = 1 << 20
_UNCASED = re.compile(r"[\n ]")


def lowered(text: str) -> str:
    """``text.lower()``, a megabyte at a time. Lower-casing a string that is not ASCII
    holds three 4-byte characters per character while it works, so one call over a 50 MB
    document costs 600 MB at once. The chunks end at a line break or a space, which are
    neither cased nor ignored by case rules: a final sigma's form, the only one that
    depends on its neighbours, is the same as in the whole text."""
    if len(text) <= _LOWER_CHUNK or text.isascii():
        return text.lower()
    parts = []
    start = 0
    while start < len(text):
        cut = _UNCASED.search(text, start + _LOWER_CHUNK)
        end = cut.start() if cut else len(text)
        parts.append(text[start:end].lower())
        start = end
    return "".join(parts)


class WordIndex:
    """The token index of a word's leading line break in a word line: the line breaks
    before it, counted in C on from the position asked before (from the start if that
    came later). Asking only for the few words a rule suspects saves counting the rest."""

    __slots__ = ("_index", "_line", "_position")

    def __init__(self, line: str) -> None:
        self._line = line
        self._position = self._index = 0

    def __call__(self, position: int) -> int:
        if position < self._position:
            self._position = self._index = 0
        self._index += self._line.count("\n", self._position, position)
        self._position = position
        return self._index


class WordMatches:
    """A regex's matches in a word line, each at a word's leading line break: the groups
    of all of them from one ``findall`` (in C, no match objects), and the token index of
    a match only when a rule asks for it, for the few matches its groups leave open.
    (For a regex with many matches, most of which the groups settle.)"""

    __slots__ = ("_index_at", "_line", "_matches", "_regex", "_starts", "groups")

    def __init__(self, line: str, regex: re.Pattern[str]) -> None:
        self._line = line
        self._regex = regex
        self._starts: list[int] = []
        self._matches: Iterator[re.Match[str]] | None = None
        self._index_at = WordIndex(line)
        self.groups: list[Any] = regex.findall(line)

    def index(self, ordinal: int) -> int:
        """The token index of match ``ordinal`` (its place in :attr:`groups`). The matches
        are found again, once, as far as the last one asked for, to place them."""
        starts = self._starts
        if ordinal >= len(starts):
            if self._matches is None:
                self._matches = self._regex.finditer(self._line)
            starts.extend(match.start() for match in islice(self._matches, ordinal + 1 - len(starts)))
        return self._index_at(starts[ordinal])


class PartFinder:
    """Which of some lower-case words are parts of the document's joined words: "it's"
    has the parts "it" and "s", "Wi-Fi" "wi" and "fi" ("U.S.-based" is "U.S" and a word
    "based"). A part is a run of characters between a joiner and a line break or another
    joiner in the word line, so a regex that starts at a joiner, a literal the regex
    engine finds fast, finds the parts after one, and the same regex over the line
    reversed, with the words reversed, the parts before one."""

    def __init__(self, words: Iterable[str]) -> None:
        words = sorted(words)
        self._after = _part_after_a_joiner(words)
        self._before = _part_after_a_joiner([word[::-1] for word in words])

    def __call__(self, doc: Document) -> set[str]:
        line = _joined_line(doc)
        if JOINERS[0] not in line:
            return set()
        found = set(self._after.findall(line))
        found.update(part[::-1] for part in self._before.findall(doc.shared("reversed-joined-line", _reversed)))
        return found


def _part_after_a_joiner(words: list[str]) -> re.Pattern[str]:
    joiner = re.escape(JOINERS[0])
    return re.compile(f"{joiner}({'|'.join(map(re.escape, words))})(?=[\n{joiner}])")


def _joined_line(doc: Document) -> str:
    """The lower-case word line with every joiner made the first (an apostrophe)."""
    return doc.shared("joined-line", _unify_joiners)


def _unify_joiners(doc: Document) -> str:
    line = lower_word_line(doc)
    for joiner in JOINERS[1:]:
        if joiner in line:
            line = line.replace(joiner, JOINERS[0])
    return line


def _reversed(doc: Document) -> str:
    return _joined_line(doc)[::-1]
