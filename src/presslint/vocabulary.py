"""The user's vocabulary for the Typos (T) rules: accepted and rejected terms.

Accepted terms come from ``vocabulary: {accept: [...]}`` in the config and from a words
file, one term per line (``#`` starts a comment): the config's ``words-file``, or else the
nearest ``.presslint-words.txt`` that :func:`presslint.config.discover` found. Accepted
terms are never flagged by a T rule; rejected ones always are (by the rejected-term rule
T122). Matching ignores case and a trailing possessive.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .listfile import read_list_file

if TYPE_CHECKING:
    from .settings import VocabularySettings


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


def _key(word: str) -> str:
    lowered = word.lower()
    for suffix in ("'s", "’s"):
        if lowered.endswith(suffix):
            return lowered[: -len(suffix)]
    return lowered


@cache
def _read_words(path: Path) -> tuple[str, ...]:
    return tuple(read_list_file(path, "words file"))


@cache
def _build(accept: tuple[str, ...], reject: tuple[str, ...], words_file: Path | None) -> Vocabulary:
    terms = accept + (_read_words(words_file) if words_file else ())
    return Vocabulary(frozenset(_key(t) for t in terms), frozenset(_key(t) for t in reject),
                      frozenset(terms))


def forget_files() -> None:
    """Read the words files again when next asked: a long-running caller (the language
    server) calls this when one may have changed."""
    _read_words.cache_clear()
    _build.cache_clear()


def of(settings: VocabularySettings) -> Vocabulary:
    """The vocabulary the settings give."""
    return _build(settings.accept, settings.reject, settings.words_file)
