"""Names written in lower case: what rules C101 (against the release's own capitals) and
C106 (against a gazetteer) share.

A lower-case word is a name written wrong when its lower-case form is no ordinary English
word ("stefanski", "moderna", "denver", "greg") or when the same phrase stands with the
capital elsewhere ("Rocky mount" beside "Rocky Mount", "prince George’s" beside "Prince
George’s"). Ordinary words ("closet", "company", "tony") are never reported on their own:
"the company" beside "the Company" is a house style, not a typo.

The gazetteer (data/capitalization/proper-nouns.tsv, built by
scripts/build_proper_nouns.py) lists places, first names and frequent surnames whose
lower-case form is no ordinary word; the project's other word lists hold names
lower-cased, so a word counts as ordinary when it is in them and not in the gazetteer.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .casing import Lines, at_sentence_start, common_words
from .lexicon import known_words
from .wordlist import SortedTable, packaged_text

# Characters before a word that make it no prose word: hashtags, handles, paths, files.
NOT_PROSE_BEFORE = frozenset("#@/\\_.")
# A place name with the capital lost is reported on its own only when this long
# ("utu", "ola" and "ira" are too short to tell from an abbreviation or a foreign word).
MIN_STANDALONE = 4
# The word before a name and the joiner between them ("Plato’s closet", "Pasta & go").
_PREVIOUS = re.compile(r"([\w’'.-]++)([ \t]+(?:&[ \t]+)?)$")
_NEXT = re.compile(r"([ \t]+(?:&[ \t]+)?)([\w’'-]+)")
_OPENING_QUOTES = "\"“‘'"


class Gazetteer(NamedTuple):
    written: str  # "Denver"
    kind: str  # place, first or last


@cache
def _table() -> SortedTable:
    return SortedTable(packaged_text("capitalization", "proper-nouns.tsv"))


def gazetteer(word: str) -> Gazetteer | None:
    """The gazetteer's entry for a lower-case word, if it is a name there."""
    value = _table().get(word)
    if value is None:
        return None
    written, kind = value.split("\t")
    return Gazetteer(written, kind)


def in_gazetteer(words: set[str]) -> set[str]:
    """Those of ``words`` (lower case) that the gazetteer lists."""
    return _table().among(words, batch=False)


def is_ordinary(word: str) -> bool:
    """A lower-case word that English writes in lower case: in the word lists and not a
    name of the gazetteer."""
    key = word.replace("’", "'")
    if key not in common_words() and key not in known_words():
        return False
    return gazetteer(key) is None


def capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def same_phrase_capitalised(prose: str, start: int, end: int, lines: Lines) -> bool:
    """The lower-case word at ``start:end`` stands beside a capitalised word, and the same
    phrase is written elsewhere with both capitals: "Rocky mount" beside "Rocky Mount",
    "prince George’s" beside "Prince George’s", "Plato’s closet" beside "Plato’s Closet"."""
    word = prose[start:end]
    right = capitalised(word)
    before = _PREVIOUS.search(prose, max(0, start - 40), start)
    if before:
        neighbour = before.group(1).rstrip(".")
        if _name_word(prose, before.start(1), neighbour, lines) \
                and _elsewhere(prose, neighbour + before.group(2) + right, lines):
            return True
    after = _NEXT.match(prose, end)
    if after:
        neighbour = after.group(2)
        if _name_word(prose, after.start(2), neighbour, lines) \
                and _elsewhere(prose, right + after.group(1) + neighbour, lines):
            return True
    return False


def _name_word(prose: str, start: int, word: str, lines: Lines) -> bool:
    """A capitalised word that is a name's, not one capitalised by its place: not at the
    start of a sentence, unless it is no ordinary word ("The" at a sentence start is
    nothing to go by)."""
    if not word[:1].isupper() or word.isupper() or lines.exempt(start):
        return False
    if at_sentence_start(prose, start):
        return not is_ordinary(word.lower())
    return True


def _elsewhere(prose: str, phrase: str, lines: Lines) -> bool:
    """``phrase`` stands in ``prose`` as words of their own, not in a heading or a
    title-case or all-caps line."""
    position = prose.find(phrase)
    while position != -1:
        end = position + len(phrase)
        whole = (position == 0 or not prose[position - 1].isalnum()) and \
            (end == len(prose) or not prose[end].isalnum())
        if whole and not lines.exempt(position):
            return True
        position = prose.find(phrase, position + 1)
    return False


def in_prose(prose: str, start: int, end: int) -> bool:
    """The word at ``start:end`` is a word of a sentence: not a hashtag, handle, path or
    file name, nor right after an opening quote (a quoted coinage or slogan)."""
    before = prose[start - 1] if start else ""
    if before in NOT_PROSE_BEFORE or before in _OPENING_QUOTES:
        return False
    after = prose[end:end + 2]
    return not (after[:1] in "@_" or (after[:1] in ".-/" and after[1:2].isalnum()))
