"""Kinds about the ends of lines and of the file: trailing blanks, final newline, line breaks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from .. import Kind

_BREAK_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}


def blank_tail(text: str) -> Span | None:
    """The whitespace-only lines that end ``text``, if any (a lone final newline is fine)."""
    content_end = len(text.rstrip(" \t\n"))
    if content_end == 0:
        return Span(0, len(text)) if text else None
    newline = text.find("\n", content_end)
    if newline == -1 or newline + 1 == len(text):
        return None  # the last line has text; it may lack a final newline, or have one
    return Span(newline + 1, len(text))


# A line break after a space or a tab. Searched from the line break, a single literal the
# regex engine skips to fastest (faster than str.find(" \n"), and it finds the tabs in the
# same pass); ``[ \t]+$`` would be tried at every space of the text.
_BREAK_AFTER_BLANK = re.compile(r"\n(?<=[ \t]\n)")


def _trailing_runs(text: str, limit: int) -> list[Span]:
    """The runs of spaces and tabs that end a line, before ``limit``, in order."""
    ends = [match.start() for match in _BREAK_AFTER_BLANK.finditer(text, 0, limit)]
    if limit == len(text) and text[-1:] in (" ", "\t"):
        ends.append(limit)  # the last line, with no line break after it
    runs = []
    for end in ends:
        start = end - 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        runs.append(Span(start, end))
    return runs


class TrailingWhitespace(Kind):
    MESSAGES = ("whitespace-only",)
    FIX = "always"
    # In Markdown, exactly two trailing spaces are a hard line break, not junk.
    OPTIONS = {"markdown-hard-breaks": True}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        tail = blank_tail(text)
        limit = tail.start if tail else len(text)
        allow_breaks = self.options["markdown-hard-breaks"] and doc.syntax == "markdown"
        for span in _trailing_runs(text, limit):
            start = span.start
            blank_line = start == 0 or text[start - 1] == "\n"
            if allow_breaks and not blank_line and text[start:span.end] == "  ":
                continue
            yield self.rule.report(doc, span, Edit(span, ""), key="whitespace-only" if blank_line else "")


class EndOfFileBlankLines(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        tail = blank_tail(doc.text)
        if tail is None:
            return
        count = doc.text.count("\n", tail.start, tail.end) + (0 if doc.text.endswith("\n") else 1)
        yield self.rule.report(doc, tail, Edit(tail, ""), count=count)


class MissingFinalNewline(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        if not text or text.endswith("\n") or blank_tail(text) is not None:
            return  # empty, fine, or the whitespace-only tail is reported (and fixed) instead
        end = Span(len(text), len(text))
        yield self.rule.report(doc, end, Edit(end, "\n"))


class MixedLineEndings(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        breaks = doc.source.line_breaks
        if breaks is None:
            return
        usual = doc.source.newline
        starts = doc.lines.starts
        for number, found in enumerate(breaks):
            if found == usual:
                continue
            newline_at = starts[number + 1] - 1
            span = Span(newline_at, newline_at + 1)
            # Positions are lines and columns, so replacing this line's break with the
            # usual one is exact in the original file too.
            yield self.rule.report(doc, span, Edit(span, usual), found=_BREAK_NAMES[found], usual=_BREAK_NAMES[usual])

