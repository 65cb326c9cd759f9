"""Offsets in presslint's text and positions in the editor's, both ways.

presslint counts code points in the text with every line break read as one ``\\n``; LSP
counts lines split at ``\\n``, ``\\r\\n`` and ``\\r`` (the same lines: nothing else is a
line break to either, unlike ``str.splitlines``) and columns in the code units of the
negotiated encoding, UTF-16 unless the client offered UTF-8 or UTF-32 first.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` (an LSP PositionEncodingKind) ``text`` takes."""
    if text.isascii() or encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def code_points(line: str, count: int, encoding: str) -> int:
    """The code-point column of the column ``count`` in ``encoding``'s units of ``line``; a
    column inside a character (half a surrogate pair) is that character's start."""
    if line.isascii() or encoding == types.PositionEncodingKind.Utf32:
        return min(count, len(line))
    seen = 0
    for index, character in enumerate(line):
        seen += units(character, encoding)
        if seen > count:
            return index
    return len(line)


class PositionMap:
    """One text's lines, to convert presslint's offsets into LSP positions and back."""

    __slots__ = ("encoding", "lines", "starts")

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.encoding = encoding
        self.lines = _LINE_BREAK.split(text)
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)  # + one "\n" in presslint's text
        self.starts = starts

    def position(self, offset: int) -> types.Position:
        line = bisect_right(self.starts, offset) - 1
        column = offset - self.starts[line]
        return types.Position(line=line, character=units(self.lines[line][:column], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        if position.line >= len(self.lines):
            return self.starts[-1] + len(self.lines[-1])
        line = self.lines[position.line]
        return self.starts[position.line] + code_points(line, position.character, self.encoding)

    def end(self) -> types.Position:
        """The position after the last character."""
        return self.position(self.starts[-1] + len(self.lines[-1]))
