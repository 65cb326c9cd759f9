"""The user's vocabulary for the Typos (T) rules: accepted and rejected terms.

Accepted terms come from ``vocabulary: {accept: [...]}`` in the config and from a words
file, one term per line (``#`` starts a comment): the config's ``words-file``, or else the
nearest ``.presslint-words.txt`` in the current directory or a parent, found like the
config. Accepted terms are never flagged by a T rule; rejected ones always are (by the
unknown-word rule T102). Matching ignores case and a trailing possessive.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from .rule import read_list_file

if TYPE_CHECKING:
    from .config import Config

WORDS_FILE = ".presslint-words.txt"


@dataclass(frozen=True)
class Vocabulary:
    accept: frozenset[str]
    reject: frozenset[str]
    # Accepted terms as written, for the possessive rule ("Acme" makes "Acmes" suspect).
    names: frozenset[str]

    def accepts(self, word: str) -> bool:
        return bool(self.accept) and _key(word) in self.accept

    def rejects(self, word: str) -> bool:
        return bool(self.reject) and _key(word) in self.reject


EMPTY = Vocabulary(frozenset(), frozenset(), frozenset())


def _key(word: str) -> str:
    lowered = word.lower()
    for suffix in ("'s", "’s"):
        if lowered.endswith(suffix):
            return lowered[: -len(suffix)]
    return lowered


def find_words_file(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / WORDS_FILE
        if candidate.is_file():
            return candidate
    return None


@cache
def _read_words(path: Path) -> tuple[str, ...]:
    return tuple(read_list_file(path, "words file"))


@cache
def _build(accept: tuple[str, ...], reject: tuple[str, ...], words_file: Path | None) -> Vocabulary:
    terms = accept + (_read_words(words_file) if words_file else ())
    return Vocabulary(frozenset(_key(t) for t in terms), frozenset(_key(t) for t in reject),
                      frozenset(terms))


def of(config: Config | None) -> Vocabulary:
    """The vocabulary a config gives (the words file found from the current directory)."""
    words_file = config.words_file if config is not None else None
    if words_file is None:
        words_file = find_words_file(Path(os.getcwd()))
    if config is None:
        return _build((), (), words_file)
    return _build(tuple(config.vocabulary_accept), tuple(config.vocabulary_reject), words_file)
