"""Day and month names written in lower case where they are dates: "on tuesday",
"march 3, 2024", "in january".

Day names and the months that are no other word are reported wherever they stand in
lower case. "march", "may" and "august" are also a verb, a modal and an adjective, so
they are reported only with a date around them: a day or a year after them
("may 15", "march 2024"), or "early", "late", "mid-", "since", "until" before them,
or "in" before and the end of a clause after ("in march.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...lazyre import LazyPattern
from .. import Kind

_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTHS = "january february april june july september october november december".split()
_AMBIGUOUS = frozenset({"march", "may", "august"})
# Every day and month, in lower case (also C106's: "mARCH" with its capitals inverted).
CALENDAR_NAMES = frozenset([*_DAYS, *_MONTHS, *_AMBIGUOUS])
_NAMES = CALENDAR_NAMES | {d + "s" for d in _DAYS}
# A day or a year after an ambiguous name: "may 15", "march 3, 2024", "august of 2025".
_DAY_AFTER = r",?[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?\b(?![.,]?\d|[ \t]*%)"
_YEAR_AFTER = r"|(?:of[ \t]+)?(?:19|20)\d\d\b"
_DATE_AFTER = LazyPattern(_DAY_AFTER + _YEAR_AFTER + ")")
# "may 2025 bring joy" is the modal: after "may" a year must end the clause.
_MAY_DATE_AFTER = LazyPattern(
    _DAY_AFTER + _YEAR_AFTER + r"(?=[.,;:)]|[ \t]+(?:and|or|to|through|when|with)\b|[ \t]*$))",
    re.MULTILINE,
)
_DATE_BEFORE = LazyPattern(r"(?:\b(?:early|late|since|until)[ \t]+|\bmid-)$")
_IN_BEFORE = LazyPattern(r"\bin[ \t]+$")


class LowercaseDayOrMonth(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        # Set operations over the distinct words first (the dict view walks the few
        # names): most releases have none of these.
        present = doc.word_counts.keys() & _NAMES
        if "mid-" in prose:
            present |= {w for w in _AMBIGUOUS if "mid-" + w in prose}
        if not present:
            return
        for start, end in _occurrences(prose, present):
            found = prose[start:end]
            before = prose[start - 1] if start else ""
            after = prose[end:end + 2]
            if before in "#@/._" or after[:1] in "@_" or (after[:1] in ".-" and after[1:2].isalnum()):
                continue  # hashtags, handles, file names
            if found in _AMBIGUOUS and not _is_date(prose, start, end):
                continue
            if before == "-" and not (found in _AMBIGUOUS and prose.endswith("mid-", 0, start)):
                continue  # part of a compound other than "mid-march"
            right = found[0].upper() + found[1:]
            yield self.rule.report(doc, Span(start, end), Edit(Span(start, start + 1), right[0]), found=found,
                                   right=right)


def _occurrences(prose: str, names: set[str]) -> list[tuple[int, int]]:
    """Where each of ``names`` stands as a word of its own (``\\b`` on both sides), in order."""
    spans = [match.span() for name in names for match in _pattern(name).finditer(prose)]
    spans.sort()
    return spans


@cache
def _pattern(name: str) -> re.Pattern[str]:
    # The name first, so that the regex engine looks for its letters at C speed; the
    # word boundary before it is checked behind.
    return re.compile(name + r"\b(?<!\w" + name + ")")


def _is_date(prose: str, start: int, end: int) -> bool:
    if (_MAY_DATE_AFTER if prose[start:end] == "may" else _DATE_AFTER).match(prose, end):
        return True
    window = max(0, start - 12)
    if _DATE_BEFORE.search(prose, window, start):
        return True
    return bool(_IN_BEFORE.search(prose, window, start)) and prose[end:end + 1] in ".,;:)"
