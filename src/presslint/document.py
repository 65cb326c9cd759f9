"""A decoded file: its text, where its lines start, its prose, words and sentences.

Everything a rule needs to look at is computed here at most once per document and
shared by every rule, so no rule tokenizes or counts lines on its own. Helpers that find
words in the prose and look around them are in scan.py.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from .decoding import Decoded
from .diagnostic import Span
from .lazyre import LazyPattern
from .scan import ASCII_WORD_PATTERN, WORD_PATTERN, Token, occurrences

if TYPE_CHECKING:
    from .diagnostic import Diagnostic
    from .markup import Markup

_NEWLINES = LazyPattern(r"\r\n|\r|\n")
_SPECIAL_CHARACTER = re.compile(r"[^\n\x20-\x7e]")

T = TypeVar("T")


class Tokens(Sequence[Token]):
    """The words of a document's prose, in order.

    Built for speed: the texts come from one C-level ``findall``. Every token's start
    offset costs a second regex pass and a match object per word, so :attr:`starts` is
    found only when a rule asks for it; :meth:`start_of` finds one token's offset without
    it, and a :class:`Token` is made only for the words a rule looks at. Rules should
    find candidates through :attr:`Document.word_counts` (or a search of the words) and
    place the few they suspect with :meth:`start_of` or :func:`scan.locate`.
    """

    __slots__ = ("_asked", "_known", "_pattern", "_prose", "_starts", "texts")

    # Past this many searched offsets in one document, all of them are found at once.
    _SINGLE_OFFSETS = 32
    # How far from a token whose offset is known the next ones are found by walking.
    _WALK = 8

    def __init__(self, prose: str, ascii_letters: bool = False) -> None:
        """``ascii_letters``: the caller knows that no letter or digit of ``prose`` is
        outside ASCII, so a faster pattern gives the same words."""
        self._prose = prose
        self._pattern = ASCII_WORD_PATTERN if ascii_letters else WORD_PATTERN
        # Interned: a word's many tokens share one string (a 50 MB file holds 6 million
        # tokens of 100,000 words; a string each would cost 55 bytes a token more).
        self.texts: list[str] = _interned_words(self._pattern, prose)
        # 8 bytes an offset, not an int object each.
        self._starts: array[int] | None = None
        self._asked = 0
        self._known: dict[int, int] = {}

    @property
    def starts(self) -> array[int]:
        if self._starts is None:
            self._starts = array("q", map(re.Match.start, self._pattern.finditer(self._prose)))
        return self._starts

    def start_of(self, index: int) -> int:
        """The offset of token ``index``, without every token's offset.

        From a token near it whose offset is known, the words in between are found one
        after the other with ``str.find`` (only non-word characters stand between two
        tokens, so a word's first occurrence after the token before it is the token). Else
        the word's n-th whole-token occurrence, n counted among the earlier tokens in C."""
        if self._starts is not None:
            return self._starts[index]
        texts = self.texts
        if index < 0:
            index += len(texts)
        if not 0 <= index < len(texts):
            raise IndexError(f"token index {index} out of range")
        known = self._known
        if index in known:
            return known[index]
        start = self._from_neighbour(index)
        if start is None:
            self._asked += 1
            if self._asked > self._SINGLE_OFFSETS:
                return self.starts[index]
            start = self._search(texts[index], index)
        known[index] = start
        return start

    def _search(self, word: str, index: int) -> int:
        prose = self._prose
        at = prose.find(word)
        if at != -1 and prose.find(word, at + 1) == -1:
            return at  # in the text once: that is the token (most suspects are rare words)
        return next(islice(occurrences(prose, word), self.texts[:index].count(word), None))

    def _from_neighbour(self, index: int) -> int | None:
        texts, known, prose = self.texts, self._known, self._prose
        for near in range(index - 1, max(index - self._WALK, -1), -1):
            if near in known:
                position = known[near]
                for between in range(near, index):
                    position = prose.find(texts[between + 1], position + len(texts[between]))
                return position
        for near in range(index + 1, min(index + self._WALK, len(texts))):
            if near in known:
                position = known[near]
                for between in range(near, index, -1):
                    position = prose.rfind(texts[between - 1], 0, position)
                return position
        return None

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        texts = self.texts
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(texts)))]
        text = texts[index]
        start = self.start_of(index)
        return Token(start, start + len(text), text)

    def __iter__(self) -> Iterator[Token]:
        starts = self.starts
        return (Token(start, start + len(text), text) for start, text in zip(starts, self.texts, strict=True))



# Words are found a megabyte of prose at a time, so that a long text's strings before
# interning are never all alive at once.
_CHUNK = 1 << 20
_SPACE = re.compile(r"\s")


def _interned_words(pattern: re.Pattern[str], prose: str) -> list[str]:
    """``pattern.findall(prose)``; past a megabyte, each word interned, found a chunk at a
    time (cut at white space, which no token holds, the chunks give the same words)."""
    if len(prose) <= _CHUNK:
        # A release: its words as found (interning them would cost a third of the time
        # tokenising takes, for memory that only a huge file misses).
        return pattern.findall(prose)
    words: list[str] = []
    start = 0
    while start < len(prose):
        space = _SPACE.search(prose, start + _CHUNK)
        end = space.start() if space else len(prose)
        words.extend(map(sys.intern, pattern.findall(prose, start, end)))
        start = end
    return words


class LineIndex:
    """Maps offsets to 1-based (line, column); columns count code points."""

    __slots__ = ("length", "starts")

    def __init__(self, text: str) -> None:
        starts = array("q", [0])  # 8 bytes a line, not an int object each
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts
        self.length = len(text)

    @classmethod
    def restored(cls, starts: list[int], length: int) -> LineIndex:
        """The index of a text whose line starts and length were kept (the result cache)."""
        index = cls.__new__(cls)
        index.starts, index.length = array("q", starts), length
        return index

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

    # What a line of :attr:`lines` is to the writer, for messages ("paragraph" in a .docx).
    line_unit = "line"

    def __init__(self, path: str, text: str, source: Source | None = None) -> None:
        self.path = path
        if source is None:
            text, source = _normalise(text, Decoded(text, "utf-8", bom=False))
        self.text = text
        self.source = source
        self.syntax = _syntax_of(path)
        # What of an HTML page is read: "main", the release, or "page" (html_scope.py);
        # set from the configuration by engine.check_with_backends.
        self.html_scope = "main"
        self._shared: dict[str, Any] = {}
        # For a view with entities decoded (entities.py): the text of the document it shows
        # and how its offsets map to the view's, for what is found on the file (headings)
        # only if asked. The text, not the document: the document keeps its view (for_words),
        # and a reference back would make a cycle that only the cyclic collector frees.
        self._view_of: tuple[str, Callable[[int], int]] | None = None
        self._words_view: tuple[Document, Callable[[Diagnostic], Diagnostic]] | None = None

    @classmethod
    def from_decoded(cls, path: str, decoded: Decoded) -> Document:
        text, source = _normalise(decoded.text, decoded)
        return cls(path, text, source)

    def forget(self) -> None:
        """Drop everything computed from the text (markup, tokens, the words' view, shared
        values): the fix loop's passes leave documents that their callers still hold, and a
        long file's are many times its size. Asked again, they are computed again."""
        for name in [name for name in vars(self) if isinstance(getattr(type(self), name, None), cached_property)]:
            del self.__dict__[name]
        self._shared.clear()
        self._words_view = None

    def read_html_as(self, scope: str) -> None:
        """Read an HTML page's release only ("main") or the whole page ("page")."""
        if scope != self.html_scope:
            self.forget()
            self.html_scope = scope

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

        return parse(self.text, self.syntax, self.html_scope)

    @property
    def prose(self) -> str:
        """The text with everything that is not prose (code, URLs, tags, front matter)
        replaced by a placeholder of the same length, so offsets stay exact."""
        return self.markup.prose

    @property
    def for_words(self) -> tuple[Document, Callable[[Diagnostic], Diagnostic] | None]:
        """The document as the rules that read words see it: character references
        decoded ("it&rsquo;s" reads "it’s"), and the function that maps that view's
        findings back onto this text; this document and None when there is none to
        decode. The whitespace and character rules read this document as it is."""
        # Not a cached_property: caching (self, None) would make the document refer to
        # itself, and a document in a cycle outlives its file until the cyclic collector
        # runs (rarely, with the CLI's thresholds), with every cached property it holds.
        if self._words_view is not None:
            return self._words_view
        if not self.markup.entities:
            return self, None
        from .entities import decoded_view

        text, markup, offsets = decoded_view(self.text, self.markup)
        view = Document(self.path, text, self.source)
        view.html_scope = self.html_scope
        # What was found on the file holds for the view: markup is never parsed again from
        # decoded text (where "&lt;p&gt;" would read as a tag).
        view.__dict__["markup"] = markup
        view._view_of = (self.text, offsets.to_view)
        if self.markup.headings is not None:  # found with this document's prose: not parsed again
            view.__dict__["headings"] = [Span(offsets.to_view(span.start), offsets.to_view(span.end))
                                         for span in self.headings]
        self._words_view = view, offsets.diagnostic_to_source
        return self._words_view

    @cached_property
    def headings(self) -> list[Span]:
        """Heading lines (Markdown ATX and setext, HTML h1-h6); spans cover whole lines
        (or the element, in HTML). Plain text has no marked headings."""
        from .markup import headings

        if self._view_of is None and self.markup.headings is not None:
            return list(self.markup.headings)  # found with the prose, by the same parse
        if self._view_of is not None:
            source, to_view = self._view_of
            return [Span(to_view(span.start), to_view(span.end))
                    for span in headings(source, self.syntax, self.html_scope)]
        return headings(self.text, self.syntax, self.html_scope)

    @cached_property
    def tokens(self) -> Tokens:
        # The special characters are the non-ASCII ones (and controls): when none is a
        # letter or digit, the words are all ASCII.
        return Tokens(self.prose, ascii_letters=not any(map(str.isalnum, self.special_characters)))

    @cached_property
    def word_counts(self) -> Counter[str]:
        return Counter(self.tokens.texts)

    @cached_property
    def sentences(self) -> list[Span]:
        from .sentences import split

        return split(self.prose)


# The extensions read as markup; a file with any other is plain text.
MARKUP_EXTENSIONS: dict[str, Literal["markdown", "html"]] = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}


def _syntax_of(path: str) -> str:
    dot = path.rfind(".")
    return MARKUP_EXTENSIONS.get(path[dot:].lower(), "text") if dot != -1 else "text"


def _normalise(text: str, decoded: Decoded) -> tuple[str, Source]:
    if "\r" not in text:
        return text, Source(decoded.encoding, decoded.bom, "\n", None, decoded.guessed)
    breaks = tuple(_NEWLINES.findall(text))
    counts = Counter(breaks)
    newline = counts.most_common(1)[0][0]
    mixed = breaks if len(counts) > 1 else None
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return normalised, Source(decoded.encoding, decoded.bom, newline, mixed, decoded.guessed)

