"""A decoded file: its text, where its lines start, its prose, words and sentences.

Everything a rule needs to look at is computed here at most once per document and
shared by every rule, so no rule tokenizes or counts lines on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, overload

from .decoding import Decoded
from .diagnostic import Span

if TYPE_CHECKING:
    from .markup import Markup

_NEWLINES = re.compile(r"\r\n|\r|\n")
# A word: letters and digits, with inner apostrophes, hyphens, and dots between letters
# kept together ("it's", "Wi-Fi", "U.S"), so rules see what a reader sees as one word.
_SPECIAL_CHARACTER = re.compile(r"[^\n\x20-\x7e]")
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")


T = TypeVar("T")


class Token(NamedTuple):
    start: int
    end: int
    text: str


class Tokens(Sequence[Token]):
    """The words of a document's prose, in order.

    Built for speed: one regex pass gives every word's text and start offset as two flat
    lists (C-level ``map`` over the matches), and a :class:`Token` is made only for the
    words a rule looks at. Rules should find candidates through
    :attr:`Document.word_counts` or :meth:`indices_of`, not by iterating every token.
    """

    __slots__ = ("starts", "texts")

    def __init__(self, prose: str) -> None:
        # Nearly every document needs offsets for some word, so both come from one scan
        # (measured: a third faster than findall now and finditer later).
        matches = list(_WORD.finditer(prose))
        self.texts: list[str] = list(map(re.Match.group, matches))
        self.starts: list[int] = list(map(re.Match.start, matches))

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        starts, texts = self.starts, self.texts
        if isinstance(index, slice):
            return [Token(starts[i], starts[i] + len(texts[i]), texts[i]) for i in range(*index.indices(len(texts)))]
        text = texts[index]
        start = starts[index]
        return Token(start, start + len(text), text)

    def __iter__(self) -> Iterator[Token]:
        starts = self.starts
        return (Token(start, start + len(text), text) for start, text in zip(starts, self.texts, strict=True))

    def indices_of(self, words: Iterable[str]) -> list[int]:
        """Sorted indices of the tokens whose text is one of ``words``; a C-speed scan per
        word, for the few rare words a rule suspects."""
        texts = self.texts
        wanted = set(words)
        if len(wanted) > 4 and len(texts) > 5_000:
            # Many words in a long document: one pass beats a scan per word.
            return [index for index, text in enumerate(texts) if text in wanted]
        found: list[int] = []
        for word in wanted:
            index = -1
            try:
                while True:
                    index = texts.index(word, index + 1)
                    found.append(index)
            except ValueError:
                pass
        found.sort()
        return found


class LineIndex:
    """Maps offsets to 1-based (line, column); columns count code points."""

    __slots__ = ("length", "starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int) -> Span:
        """The span of 1-based ``line`` without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else self.length
        return Span(start, end)

    @property
    def line_count(self) -> int:
        return len(self.starts)


@dataclass(frozen=True, slots=True)
class Source:
    """How the file was stored, so that a fix can be written back the same way."""

    encoding: str
    bom: bool
    newline: str  # the most common line break: "\n", "\r\n" or "\r"
    # Only for files with mixed line breaks: the break that ends each line, in order.
    line_breaks: tuple[str, ...] | None
    guessed_encoding: bool = False


class Document:
    """One file, decoded, with line breaks normalised to ``\\n``.

    Offsets everywhere are indices into :attr:`text`. Because every kind of line break
    becomes one ``\\n``, CRLF and CR files get the same lines and columns as LF files.
    """

    def __init__(self, path: str, text: str, source: Source | None = None) -> None:
        self.path = path
        if source is None:
            text, source = _normalise(text, Decoded(text, "utf-8", bom=False))
        self.text = text
        self.source = source
        self.kind = _kind_of(path)
        self._shared: dict[str, Any] = {}

    @classmethod
    def from_decoded(cls, path: str, decoded: Decoded) -> Document:
        text, source = _normalise(decoded.text, decoded)
        return cls(path, text, source)

    def shared(self, key: str, compute: Callable[[Document], T]) -> T:
        """A value computed once per document and shared by every rule that asks for it
        under ``key`` (by convention the computing function's qualified name)."""
        if key not in self._shared:
            self._shared[key] = compute(self)
        value: T = self._shared[key]
        return value

    @cached_property
    def special_characters(self) -> frozenset[str]:
        """The distinct characters of the text that are not printable ASCII or a line
        break: tabs, controls and everything non-ASCII. Rules looking for rare characters
        (tabs, no-break spaces, mojibake) return at once when none is there. (A set of
        every character would cost a pass over the text in Python's set code; this scan
        runs in the regex engine and keeps only the few odd characters.)"""
        return frozenset(_SPECIAL_CHARACTER.findall(self.text))

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def markup(self) -> Markup:
        from .markup import parse

        return parse(self.text, self.kind)

    @property
    def prose(self) -> str:
        """The text with everything that is not prose (code, URLs, tags, front matter)
        replaced by a placeholder of the same length, so offsets stay exact."""
        return self.markup.prose

    @cached_property
    def headings(self) -> list[Span]:
        """Heading lines (Markdown ATX and setext, HTML h1-h6); spans cover whole lines
        (or the element, in HTML). Plain text has no marked headings."""
        from .markup import headings

        return headings(self.text, self.kind)

    @cached_property
    def tokens(self) -> Tokens:
        return Tokens(self.prose)

    @cached_property
    def word_counts(self) -> Counter[str]:
        return Counter(self.tokens.texts)

    @cached_property
    def sentences(self) -> list[Span]:
        from .sentences import split

        return split(self.prose)


def _kind_of(path: str) -> str:
    lowered = path.lower()
    if lowered.endswith((".md", ".markdown", ".mdown", ".mkd")):
        return "markdown"
    if lowered.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def _normalise(text: str, decoded: Decoded) -> tuple[str, Source]:
    if "\r" not in text:
        return text, Source(decoded.encoding, decoded.bom, "\n", None, decoded.guessed)
    breaks = tuple(_NEWLINES.findall(text))
    counts = Counter(breaks)
    newline = counts.most_common(1)[0][0]
    mixed = breaks if len(counts) > 1 else None
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return normalised, Source(decoded.encoding, decoded.bom, newline, mixed, decoded.guessed)

