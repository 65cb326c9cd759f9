"""Split prose into sentences, cheaply and predictably.

A boundary is a full stop, question or exclamation mark (with any closing quotes or
brackets) followed by white space, unless the word before it is a known abbreviation
or an initial; a blank line; or a line break after a line that does not continue into
a lower-case word (press releases put headlines, datelines and list items on lines of
their own).
"""

from __future__ import annotations

import re

from .diagnostic import Span

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft rev gen col lt sgt capt gov sen rep hon pres
    inc corp co ltd bros dept univ assn est approx appt apt ave blvd rd hwy
    vs etc al eg ie cf viz no nos vol fig figs pp ph pt op ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    am pm
    """.split()
)

_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s)|\n[ \t]*\n|\n""")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def split(prose: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    length = len(prose)
    for match in _END.finditer(prose):
        end = match.end()
        mark = match.group()
        if mark[0] == "\n":
            if mark == "\n" and _continues(prose, match.start(), end):
                continue
        elif mark[0] == "." and is_abbreviation(prose, match.start()):
            continue
        _add(spans, prose, start, end)
        start = end
    if start < length:
        _add(spans, prose, start, length)
    return spans


def _continues(prose: str, newline: int, after: int) -> bool:
    """A single line break inside a wrapped paragraph: the next line starts in lower case
    and this one does not end a sentence."""
    before = prose[:newline].rstrip()
    if not before or before[-1] in ".!?:":
        return False
    following = prose[after:after + 1]
    return following.islower()


def is_abbreviation(prose: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(prose, max(0, dot - 20), dot + 1)
    if match is None:
        return False
    word = match.group(1)
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isalpha():
        return True  # an initial ("J.", "U.S.") or a one-letter abbreviation
    return last.lower() in ABBREVIATIONS


def _add(spans: list[Span], prose: str, start: int, end: int) -> None:
    # Trim surrounding white space so a sentence starts at its first character.
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end))
