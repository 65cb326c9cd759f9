"""Quotation marks in the prose, as the quote rules (P102-P105) read them: paragraphs,
and the part each double mark plays (opening, closing, an inch sign).

A straight mark's part is read from its sides, as a typesetter would: after a space or an
opening bracket and before a word it opens, after a word and before a space or punctuation
it closes; after a digit and with nothing open it is an inch sign (`55" screens`); a mark
with a word or a space on both sides takes the part the marks before it leave (it closes
when one is open). A curly mark's part is its shape, unless its sides say the other
("the “Effective Time“)": an opening mark typed to close), which is a mistake of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# A paragraph: lines up to a blank line.
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
DOUBLE = re.compile('["“”]')
OPENING, CLOSING, INCH = "opening", "closing", "inch"
# Before an opening mark: the start, a space, an opening bracket, a dash or a slash, or
# masked markup (U+FFFC) and a markup separator (U+2063).
_BEFORE_OPENING = frozenset(" \t\n([{—–-/|\ufffc\u2063")
# After a closing mark: a space, punctuation, a closing bracket or a dash.
_AFTER_CLOSING = frozenset(" \t\n.,;:!?)]}—–-\ufffc\u2063…*_")
# A quotation goes on into the next paragraph, by convention, when the next one opens
# with a mark: two or more spaces or a line break after a sentence's end are a paragraph
# break inside a line (wires that join paragraphs with two spaces).
_BREAK_BEFORE = re.compile(r"[.!?,;:…\ufffc][\"'’”)\]]*(?: {2,}|\t|\n[ \t]*)$")


class Mark(NamedTuple):
    at: int  # offset in the text
    char: str
    part: str  # OPENING, CLOSING or INCH
    shape_wrong: bool  # a curly mark whose sides say the other part


# Script pasted into a page's text (wires embed ad code in the release body): its marks
# are code's, not the release's.
_CODE = re.compile(r"[;{}]\s*(?:var|let|const|function|if|return)\b|\bfunction\s*\(|\bdocument\.\w+\(")


def paragraphs(prose: str) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph of ``prose``, less those that are script."""
    return [(m.start(), text) for m in PARAGRAPH.finditer(prose)
            if not (";" in (text := m.group()) and _CODE.search(text))]


def _sides(text: str, i: int) -> tuple[bool, bool]:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _BEFORE_OPENING, after in _AFTER_CLOSING


def double_marks(text: str, start: int = 0) -> Iterator[Mark]:
    """The double quotation marks of one paragraph ``text`` (at ``start`` in the document),
    each with its part. Straight and curly marks are read as one sequence."""
    open_now = False
    for m in DOUBLE.finditer(text):
        i, char = m.start(), m.group()
        opens_by_sides, closes_by_sides = _sides(text, i)
        if opens_by_sides and not closes_by_sides:
            part = OPENING
        elif closes_by_sides and not opens_by_sides:
            part = INCH if not open_now and text[i - 1:i].isdigit() else CLOSING
        elif char == "“":
            part = OPENING
        elif char == "”":
            # '.”This is': with nothing open, a closing mark before a word opens
            part = OPENING if not open_now and text[i + 1:i + 2].isalnum() else CLOSING
        else:
            part = CLOSING if open_now else OPENING
        wrong = (char == "“" and part == CLOSING) or (char == "”" and part == OPENING)
        if part == OPENING:
            open_now = True
        elif part == CLOSING:
            open_now = False
        yield Mark(start + i, char, part, wrong)


def continues(text: str, i: int) -> bool:
    """Whether the opening mark at ``i`` of paragraph ``text`` starts a paragraph inside the
    line (after a sentence's end and two spaces or a line break): a quotation left open
    before it may go on there, by convention."""
    return bool(_BREAK_BEFORE.search(text, 0, i)) or not text[:i].strip()
