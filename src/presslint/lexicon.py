"""The word lists of the Typos (T) rules, loaded from src/presslint/data/typos/ once, lazily.

The files are built at development time by scripts/build_typos_data.py from maintained
packages (codespell, symspellpy, pyspellchecker, lemminflect, textblob); see SOURCES.md
beside them. Nothing here downloads anything or reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from .wordlist import SortedTable, packaged_text

__all__ = ["SortedTable", "classes", "frequency_rank", "is_word", "known_words", "misspellings", "tag"]


def _text(name: str) -> str:
    return packaged_text("typos", name)


@cache
def misspellings() -> SortedTable:
    """Lower-case misspelling -> its one correction ("teh" -> "the")."""
    return SortedTable(_text("misspellings.tsv"))


@cache
def known_words() -> SortedTable:
    """Every lower-case English word of the lists, names and inflections included."""
    return SortedTable(_text("words.txt"))


@cache
def _ranks() -> SortedTable:
    return SortedTable(_text("frequency.tsv"))


class _Ranks:
    """Common words -> rank, 0 the most frequent ("the"); a mapping view of the table."""

    def get(self, word: str, default: int) -> int:
        value = _ranks().get(word)
        return default if value is None else int(value)

    def __contains__(self, word: str) -> bool:
        return word in _ranks()

    def of(self, words: Iterable[str]) -> dict[str, int]:
        """The rank of each of ``words`` that is in the table. Every ranked word is a known
        word (see scripts/build_typos_data.py), so ``words`` are first sifted through the
        known words at once (in C once that table has its set), and the few left looked up."""
        ranks = _ranks()
        found = ((word, ranks.get(word)) for word in known_words().among(words, batch=False))
        return {word: int(rank) for word, rank in found if rank is not None}


def frequency_rank() -> _Ranks:
    return _Ranks()


@cache
def _pos() -> SortedTable:
    return SortedTable(_text("pos.tsv"))


# A rule asks about the same word from several places (the next word's tag and classes,
# then the tagger's first tag): the answers are kept, as a dict lookup costs a tenth of
# the table's.
@lru_cache(maxsize=16384)
def tag(word: str) -> str:
    """The word's most likely Penn Treebank tag in Brill's lexicon, or ''."""
    value = _pos().get(word.lower())
    return value.split("\t", 1)[0] if value else ""


@lru_cache(maxsize=16384)
def classes(word: str) -> str:
    """Every word class the word can have: N noun, V verb, J adjective, R adverb, I
    preposition, D determiner, C conjunction, P pronoun, W wh-word, U interjection."""
    value = _pos().get(word.lower())
    return value.split("\t", 1)[1] if value and "\t" in value else ""


def is_word(word: str) -> bool:
    lowered = word.lower()
    if lowered in known_words():
        return True
    # "company's", "company’s", "companies'"
    for suffix in ("'s", "’s", "'", "’"):
        if lowered.endswith(suffix) and lowered[: -len(suffix)] in known_words():
            return True
    return False
