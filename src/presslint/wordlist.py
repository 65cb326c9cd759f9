"""Large word lists shipped with presslint, searched in place so that loading one is cheap."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"


_KEY = re.compile(r"\n([^\t\n]+)")  # a line's word, before its value


def packaged_text(folder: str, name: str) -> str:
    """A data file of ``presslint/data/<folder>/``. (A plain path, not importlib.resources,
    whose import alone costs 5 ms of start-up; and plain text, not gzip, which would cost
    13 ms a run for the large word lists, while the wheel compresses them anyway.)"""
    return (_DATA / folder / name).read_text(encoding="utf-8")


class SortedTable:
    """A sorted word list, looked up in place: every line ``word``, or every line
    ``word<TAB>value``.

    Building a set of 170,000 words costs about 30 ms, which a pre-commit run on one file
    should not pay for the few hundred words it looks up. So the file's text is kept as
    one string: a sample of every line starting near each 1 KB mark is bisected to find
    the window a word's line must be in, and ``str.find`` looks there at C speed (1.5-4
    µs a word; answers are kept, so a word asked again costs a dict lookup). Only when a
    run looks up so many words that the set would have cost less does the table build
    it, for membership and set operations in C: past a number of distinct words looked
    up that grows with the table (as the set's cost does), or at the third batch of a
    document's words (a long run). Values are still read in place, for the few words
    found (a dict of them all would cost twice the set).
    """

    _STEP = 1024
    # The set costs about as much as looking up a word in place (in a long run, where
    # the table is out of the processor's caches) for every 80 characters of the table.
    _CHARACTERS_PER_LOOKUP = 80
    _MIN_BUDGET = 100  # a small table stays as it is for a few lookups
    _LONG_RUN = 3  # batches

    def __init__(self, text: str) -> None:
        # Each line between line breaks, so that "\nword\n" or "\nword\t" finds a word.
        self._text = "\n" + (text if text.endswith("\n") and not text.startswith("\n") else text.strip("\n") + "\n")
        # What follows a word on its line: its value, or the line's end.
        self._after_word = "\t" if "\t" in self._text else "\n"
        self._samples: tuple[list[int], list[str]] | None = None
        # The answers of the lookups in place so far: the words found with their values,
        # and the words not there.
        self._found: dict[str, str] = {}
        self._absent: dict[str, None] = {}
        self._budget = max(len(self._text) // self._CHARACTERS_PER_LOOKUP, self._MIN_BUDGET)
        self._batches = 0
        self._words: frozenset[str] | None = None

    def _sampled(self) -> tuple[list[int], list[str]]:
        """The starts of the sampled lines and their words, between sentinels: the start
        of the first line with "" (before every word), and the end of the text."""
        if self._samples is None:
            text = self._text
            starts: list[int] = [1]
            keys: list[str] = [""]
            for mark in range(self._STEP, len(text) - 1, self._STEP):
                line = text.find("\n", mark) + 1
                if line == 0 or line >= len(text) or starts[-1] == line:
                    continue
                end = text.find("\n", line)
                tab = text.find("\t", line, end)
                starts.append(line)
                keys.append(text[line:end if tab == -1 else tab])
            starts.append(len(text))
            self._samples = (starts, keys)
        return self._samples

    def _look_up(self, words: Iterable[str]) -> None:
        """Find ``words`` (none looked up before) in place, recording the answers."""
        starts, keys = self._sampled()
        text = self._text
        find = text.find
        after = self._after_word
        found, absent = self._found, self._absent
        for word in words:
            if "\n" in word or "\t" in word:
                absent[word] = None
                continue
            # The word's line, if any, lies between the sampled lines around it.
            index = bisect_right(keys, word)
            at = find(f"\n{word}{after}", starts[index - 1] - 1, starts[index] + len(word) + 2)
            if at == -1:
                absent[word] = None
            elif after == "\n":
                found[word] = ""
            else:
                value_start = at + len(word) + 2
                found[word] = text[value_start:find("\n", value_start)]

    def _over_budget(self, more: int) -> bool:
        return len(self._found) + len(self._absent) + more > self._budget

    def _value(self, word: str) -> str | None:
        words = self._words
        if words is None:
            if word in self._absent:
                return None
            if word in self._found or not self._over_budget(1):
                if word not in self._found:
                    self._look_up((word,))
                return self._found.get(word)
            words = self.keys()
        if word not in words:
            return None
        if self._after_word == "\n":
            return ""
        if word not in self._found:
            self._look_up((word,))  # a word of the table: its value, in place
        return self._found[word]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._value(word) is not None

    def get(self, word: str, default: str | None = None) -> str | None:
        value = self._value(word)
        return default if value is None else value

    def keys(self) -> frozenset[str]:
        """Every word, for set operations: builds the set of them, once."""
        if self._words is None:
            text = self._text
            if self._after_word == "\t":
                self._words = frozenset(_KEY.findall(text))  # one regex pass, no Python loop
            else:
                # Not the line breaks around the text: no "" among the words.
                self._words = frozenset(text[1:-1].split("\n"))
            self._absent.clear()  # answered by the set now
        return self._words

    def begins(self, prefix: str) -> bool:
        """Whether a word of the table starts with ``prefix``: the first word not before it
        in order does if any does, and lies between the sampled lines around it."""
        starts, keys = self._sampled()
        index = bisect_right(keys, prefix)
        return self._text.find(f"\n{prefix}", starts[index - 1] - 1, starts[index] + len(prefix) + 1) != -1

    def missing(self, words: Iterable[str], *, batch: bool = True) -> set[str]:
        """Those of ``words`` not in the table. A batch is a document's words (a third
        means a long run); other calls are lookups of their words."""
        given = words if isinstance(words, set) else set(words)
        if self._words is None:
            self._batches += batch
            new = given.difference(self._found).difference(self._absent)
            if self._batches < self._LONG_RUN and not self._over_budget(len(new)):
                self._look_up(new)
                return given.difference(self._found)
        return given.difference(self.keys())

    def among(self, words: Iterable[str], *, batch: bool = True) -> set[str]:
        """Those of ``words`` in the table (for ``batch``, see :meth:`missing`)."""
        given = words if isinstance(words, set) else set(words)
        if self._words is not None:
            return given.intersection(self._words)  # one pass over the words, not two
        return given - self.missing(given, batch=batch)
