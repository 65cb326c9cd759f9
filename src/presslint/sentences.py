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
    isspace = str.isspace
    for match in _END.finditer(prose):
        end = match.end()
        first = prose[match.start()]
        if first == "\n":
            # A single line break inside a wrapped paragraph does not end a sentence.
            if end - match.start() == 1 and prose[end:end + 1].islower() and _continues(prose, match.start()):
                continue
        elif first == "." and is_abbreviation(prose, match.start()):
            continue
        # Trim surrounding white space so a sentence starts at its first character.
        left, right = start, end
        while left < right and isspace(prose[left]):
            left += 1
        while right > left and isspace(prose[right - 1]):
            right -= 1
        if left < right:
            spans.append(Span(left, right))
        start = end
    if start < length:
        left = start
        while left < length and isspace(prose[left]):
            left += 1
        right = length
        while right > left and isspace(prose[right - 1]):
            right -= 1
        if left < right:
            spans.append(Span(left, right))
    return spans


def _continues(prose: str, newline: int) -> bool:
    """Whether the line ending at ``newline`` does not end a sentence (the next line,
    starting in lower case, continues it)."""
    before = prose[max(0, newline - 200):newline].rstrip()
    return bool(before) and before[-1] not in ".!?:"


def is_abbreviation(prose: str, dot: int) -> bool:
    if dot == 0 or not prose[dot - 1].isalpha():
        return False  # "2024." or "...)." ends a sentence; abbreviations end in a letter
    match = _WORD_BEFORE.search(prose, max(0, dot - 20), dot + 1)
    if match is None:
        return False
    word = match.group(1)
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isalpha():
        return True  # an initial ("J.", "U.S.") or a one-letter abbreviation
    return last.lower() in ABBREVIATIONS
