"""Large word lists shipped with presslint, searched in place so that loading one is cheap."""

from __future__ import annotations

import gzip
import re
from bisect import bisect_right
from collections.abc import Iterable, KeysView
from pathlib import Path


_DATA = Path(__file__).resolve().parent / "data"


_PAIR = re.compile(r"^([^\t\n]+)\t([^\n]*)$", re.MULTILINE)


def packaged_text(folder: str, name: str) -> str:
    """A data file of ``presslint/data/<folder>/``, decompressed if it ends in ``.gz``.
    (A plain path, not importlib.resources, whose import alone costs 5 ms of start-up.)"""
    raw = (_DATA / folder / name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


class SortedTable:
    """A sorted word list (``word`` or ``word<TAB>value`` lines), looked up in place.

    Building a set or dict of 170,000 words costs 50-90 ms, which a pre-commit run on
    one file should not pay for the few hundred words it looks up. So the file's text is
    kept as one string: a sample of every line starting near each 2 KB mark is bisected
    to find the window a word's line must be in, and ``str.find`` looks there at C speed.
    A long run (many documents) makes many lookups: at the third batch of a document's
    words, or past a threshold of words looked up, the table turns itself into a dict,
    whose lookups and set operations are faster still.
    """

    _STEP = 2048
    _MATERIALISE_AFTER = 4_000
    _LONG_RUN = 3  # batches

    def __init__(self, text: str) -> None:
        self._text = "\n" + text.strip("\n") + "\n"
        self._samples: tuple[list[int], list[str]] | None = None
        self._lookups = 0
        self._batches = 0
        self._dict: dict[str, str] | None = None

    def _sampled(self) -> tuple[list[int], list[str]]:
        if self._samples is None:
            text = self._text
            starts: list[int] = []
            keys: list[str] = []
            for mark in range(0, len(text) - 1, self._STEP):
                line = text.find("\n", mark) + 1
                if line == 0 or line >= len(text) or (starts and starts[-1] == line):
                    continue
                end = text.find("\n", line)
                tab = text.find("\t", line, end)
                starts.append(line)
                keys.append(text[line:end if tab == -1 else tab])
            self._samples = (starts, keys)
        return self._samples

    def _count(self, words: int, batch: bool = False) -> None:
        self._lookups += words
        self._batches += batch
        if self._dict is None and (self._lookups > self._MATERIALISE_AFTER or self._batches >= self._LONG_RUN):
            self.as_dict()

    def _value(self, word: str) -> str | None:
        self._count(1)
        if self._dict is not None:
            return self._dict.get(word)
        return self._search(word)

    def _search(self, word: str) -> str | None:
        if not word or "\n" in word or "\t" in word:
            return None
        starts, keys = self._sampled()
        index = bisect_right(keys, word)
        text = self._text
        low = starts[index - 1] - 1 if index > 0 else 0
        high = (starts[index] if index < len(starts) else len(text)) + len(word) + 2
        at = text.find("\n" + word + "\t", low, high)
        if at != -1:
            value_start = at + len(word) + 2
            return text[value_start:text.find("\n", value_start)]
        return "" if text.find("\n" + word + "\n", low, high) != -1 else None

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._value(word) is not None

    def get(self, word: str, default: str | None = None) -> str | None:
        value = self._value(word)
        return default if value is None else value

    def as_dict(self) -> dict[str, str]:
        if self._dict is None:
            text = self._text
            if "\t" in text:
                # One regex pass and dict() over its tuples: no Python loop per line.
                self._dict = dict(_PAIR.findall(text))
            else:
                self._dict = dict.fromkeys(text.split("\n"), "")
                self._dict.pop("", None)
        return self._dict

    def keys(self) -> KeysView[str]:
        """Every word, for set operations: turns the table into a dict."""
        return self.as_dict().keys()

    def missing(self, words: Iterable[str], *, batch: bool = True) -> set[str]:
        """Those of ``words`` not in the table. A batch is a document's words (a third
        means a long run); other calls count as lookups of their words."""
        given = set(words)
        self._count(len(given), batch)
        if self._dict is not None:
            # set.difference(dict) walks the set and looks each word up in the dict, in C
            # (given dict.keys() instead, it would walk all the keys).
            return given.difference(self._dict)
        return {word for word in given if self._search(word) is None}

    def among(self, words: Iterable[str], *, batch: bool = True) -> set[str]:
        """Those of ``words`` in the table (for ``batch``, see :meth:`missing`)."""
        given = set(words)
        return given - self.missing(given, batch=batch)
