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

# AP abbreviations of US states: after one, C102 takes a lower-case word for no sentence
# start ("Calif. in"); written in lower case, C101 takes one for a name ("Santa Barbara,
# calif."). Not part of ABBREVIATIONS, which the sentence splitter reads.
STATE_ABBREVIATIONS = frozenset(
    """
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
    neb nev okla ore pa penn tenn va vt wash wis wyo
    """.split()
)

# A run of full stops and marks is tried from its first character only, and neither it nor
# the closing quotes give characters back (no shorter run could match: a mark or a quote
# would follow it): tried from every character of a run, to its end, a text of "...."
# took time cubic in its length.
_END = re.compile(r"""[.!?](?<![.!?]{2})[.!?]*+["'”’)\]]*+(?=\s)|\n[ \t]*\n|\n""")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def split(prose: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _END.finditer(prose):
        if not _is_boundary(prose, match):
            continue
        span = _trimmed(prose, start, match.end())
        if span is not None:
            spans.append(span)
        start = match.end()
    span = _trimmed(prose, start, len(prose))
    if span is not None:
        spans.append(span)
    return spans


def sentence_at(prose: str, offset: int) -> Span | None:
    """The sentence of ``split(prose)`` that holds ``offset`` (None between sentences),
    found by reading only around it: for a rule that needs the sentence of a few offsets."""
    reach = 256
    while True:
        sync = _sync_point(prose, max(0, offset - reach))
        # The sentence runs from the last boundary at or before the offset to the first after it.
        start, end, found_start = sync, len(prose), sync == 0
        for match in _END.finditer(prose, sync):
            if not _is_boundary(prose, match):
                continue
            if match.end() > offset:
                end = match.end()
                break
            start, found_start = match.end(), True
        if found_start:
            break
        reach *= 4  # the sentence began before the stretch read: read further back
    span = _trimmed(prose, start, end)
    return span if span is not None and span.start <= offset < span.end else None


# Every character a match of _END can hold.
_BOUNDARY_CHARACTERS = frozenset(".!?\"'”’)]\n \t")


def _sync_point(prose: str, offset: int) -> int:
    """A position at or before ``offset`` that no match of _END spans, so that reading
    boundaries from there finds the very matches a reading from the start finds."""
    while offset > 0 and prose[offset - 1] in _BOUNDARY_CHARACTERS:
        offset -= 1
    return offset


def _is_boundary(prose: str, match: re.Match[str]) -> bool:
    first = prose[match.start()]
    if first == "\n":
        # A single line break inside a wrapped paragraph does not end a sentence.
        end = match.end()
        return not (end - match.start() == 1 and prose[end:end + 1].islower() and _continues(prose, match.start()))
    return first != "." or not is_abbreviation(prose, match.start())


def _trimmed(prose: str, left: int, right: int) -> Span | None:
    """``prose[left:right]`` without surrounding white space, so a sentence starts at its
    first character; None when nothing is left."""
    isspace = str.isspace
    while left < right and isspace(prose[left]):
        left += 1
    while right > left and isspace(prose[right - 1]):
        right -= 1
    return Span(left, right) if left < right else None


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
