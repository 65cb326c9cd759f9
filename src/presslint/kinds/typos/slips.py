"""Typing slips: the common words a slip or two of the fingers away from a typed word,
the one slip between a typed and a meant word, and the phrases in another language where
a word that is no English word is no slip either."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ... import lexicon
from ...lexicon import is_word, misspellings
from ...scan import following
from ...wordlist import SortedTable, packaged_text
from .suspects import REMEMBER

if TYPE_CHECKING:
    from ...document import Document

# Letters next to each other on a QWERTY keyboard: a wrong letter is mostly a neighbour.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _key in enumerate(_row):
        near = {_row[_c - 1] if _c else "", _row[_c + 1] if _c + 1 < len(_row) else ""}
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < 3:
                near |= set(_ROWS[_other][max(0, _c - 1):_c + 2])
        _NEIGHBOURS[_key] = "".join(sorted(near - {""}))
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A suggestion must be at least this common (rank by frequency among ~83,000 words).
COMMON = 40_000
# Two slips away, the word must be long (and a suggestion more common: the consonant
# index holds only the commoner words, see scripts/build_typos_data.py).
TWO_SLIPS_LENGTH = 8
_VOWELS = "aeiou"
_NO_VOWELS = str.maketrans("", "", _VOWELS)
# The rank of a word no list ranks.
UNRANKED = 100_000


def suggestions(word: str, limit: int = 3) -> list[str]:
    """Common words one slip away from ``word``: a letter missing, a letter typed twice or
    with its neighbour, two letters swapped, a neighbouring key for the right one, or one
    vowel for another ("indipendent"). Failing those, a long word's common words a vowel
    confusion and a second small slip away. The most frequent first."""
    ranks = lexicon.frequency_rank().of(_slips(word) | _vowels(word))
    ranked = sorted((rank, found) for found, rank in ranks.items() if rank < COMMON)
    if not ranked and len(word) >= TWO_SLIPS_LENGTH:
        ranked = _two_slips(word)
    return [found for _, found in ranked[:limit]]


def _vowels(word: str) -> set[str]:
    """``word`` with one vowel written as another: "indipendent", "seperate"."""
    reach = _reach(word)
    return {word[:i] + vowel + word[i + 1:] for i, letter in enumerate(word[:reach + 1]) if letter in _VOWELS
            for vowel in _VOWELS if vowel != letter}


@lru_cache(maxsize=64)  # asked for the slips and then the vowels of a word
def _reach(word: str) -> int:
    """The length of the longest start of ``word`` that starts a known word: a slip made
    after it leaves that start, and so makes no word (the slips are built only up to it)."""
    known = lexicon.known_words()
    low, high = 0, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if known.begins(word[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def _slips(word: str) -> set[str]:
    """Every string one slip of the keyboard away from ``word`` (see :func:`suggestions`)."""
    # Only the slips that could be words (see _reach): a typo's start soon leaves every word.
    cuts = [(word[:i], word[i:]) for i in range(_reach(word) + 1)]
    # A letter missing, anywhere: most of the slips, made in one comprehension.
    found = {head + letter + tail for head, tail in cuts for letter in _LETTERS}
    for head, tail in cuts:
        if not tail:
            break
        first, rest = tail[0], tail[1:]
        near = _NEIGHBOURS.get(first, "")
        # An extra letter: typed twice, or a neighbour of the letter before or after.
        if any(first == ch or ch in near for ch in head[-1:] + rest[:1]):
            found.add(head + rest)
        if rest:
            found.add(head + rest[0] + first + rest[1:])  # two letters swapped
        found.update([head + letter + rest for letter in near])  # a neighbouring key
    found.discard(word)
    return found


def _two_slips(word: str) -> list[tuple[int, str]]:
    """Vowels confused twice, or a vowel confused and one missing or extra ("indipendant",
    "definatly"): common words with the same consonants two edits away, with their rank,
    the most frequent first. The consonants kept rule out another ending ("fragilis",
    "accessorials")."""
    others = _consonant_index().get(word.translate(_NO_VOWELS))
    if not others:
        return []
    ranks = lexicon.frequency_rank()
    return [(ranks.get(other, UNRANKED), other) for other in others.split(" ")
            if abs(len(other) - len(word)) <= 1 and other != word and _distance(word, other) <= 2]


@cache
def _consonant_index() -> SortedTable:
    """Common long words by their consonants (see scripts/build_typos_data.py), read the
    first time a long word has no correction a slip away."""
    return SortedTable(packaged_text("typos", "consonants.tsv"))


def _distance(first: str, second: str) -> int:
    """Levenshtein distance: letters inserted, deleted or replaced."""
    previous = list(range(len(second) + 1))
    for i, letter in enumerate(first, 1):
        current = [i]
        for j, other in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1]


@lru_cache(maxsize=REMEMBER)
def closest(word: str) -> tuple[str, ...]:
    """:func:`suggestions` of ``word``, remembered: T102 asks of its suspects, and
    :func:`in_foreign_phrase` of their neighbours, again and again."""
    return tuple(suggestions(word))


def is_slip(word: str) -> bool:
    """Whether a common word is a slip or two away from ``word`` (no word itself)."""
    return bool(closest(word))



def slip(typed: str, meant: str) -> str:
    """The one slip of the fingers that turns ``meant`` into ``typed``: "dropped" (a letter
    left out), "added" (a letter too many), "replaced" (a letter wrong) or "swapped" (two
    neighbours the other way round); "" for the same word or more than one slip."""
    if len(typed) + 1 == len(meant):
        return "dropped" if _dropped(typed, meant) else ""
    if len(typed) == len(meant) + 1:
        return "added" if _dropped(meant, typed) else ""
    if len(typed) != len(meant):
        return ""
    diff = [i for i in range(len(typed)) if typed[i] != meant[i]]
    if len(diff) == 1:
        return "replaced"
    if len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == meant[diff[1]] \
            and typed[diff[1]] == meant[diff[0]]:
        return "swapped"
    return ""


def _dropped(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with one letter left out."""
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))



def in_foreign_phrase(doc: Document, index: int) -> bool:
    """A neighbour (up to two words away) that is no English word either: a phrase in
    another language ("abogado de accidentes"). A neighbour that is a slip of a common
    word (:func:`is_slip`) is a second typo, not a foreign word ("indipendent cuatomers")."""
    texts = doc.tokens.texts
    for other in (index - 2, index - 1, index + 1, index + 2):
        if 0 <= other < len(texts):
            neighbour = texts[other]
            # The words first: placing tokens costs more, and most neighbours are English.
            if neighbour.isalpha() and neighbour.islower() and _foreign(neighbour) \
                    and not is_slip(neighbour) and _joined(doc, *sorted((index, other))):
                return True
    return False


def _foreign(word: str) -> bool:
    """No English word, and no English word's typo either: a known misspelling is a
    second slip in the sentence, not a phrase in another language ("recieve the
    goverment"), and a loanword keeps its accent ("café")."""
    if is_word(word) or word in misspellings():
        return False
    if word.isascii():
        return True
    import unicodedata  # only for a word with an accent: no cost at start-up

    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return not (plain != word and is_word(plain))


def _joined(doc: Document, low: int, high: int) -> bool:
    """Whether tokens ``low`` to ``high`` follow each other with only spaces between."""
    return len(following(doc, low, high - low)) == high - low

