"""AP numerals: a figure from 1 to 9 that AP style spells out ("3 new products" is "three
new products"). Off by default; the ``ap`` preset turns it on.

Only a lone figure before a lower-case word is read, and AP's exceptions are left
alone: money, percentages, times, ages ("5 years old", "5-year-old"), measures and units
("3 miles", "2 GB"), ordinals, scores, ranges and ratios ("3-2", "2-3", "March 2 to
5", "1 in 5"), versions and numbers ("No. 3", "Phase 2", "Chapter 4": after a
capitalised word), "age 8", and a figure beside a number of 10 or more ("between 5 and
12")."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...lazyre import LazyPattern
from .. import Kind

WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_FIGURE = LazyPattern(r"(?<![\w.,$€£#/:+'’-])(?P<n>[1-9])[ \t]+(?P<next>[a-z]+)\b(?![%'’-])")
_UNITS = frozenset("""
percent percentage per am pm a.m p.m in of out to and or by x times million billion trillion thousand hundred
dozen inch inches ft feet foot yard yards mile miles mi km kilometers kilometres meter meters metre
metres cm mm m kg g lb lbs pound pounds ounce ounces oz ton tons tonnes gallon gallons liter liters
litre litres ml degree degrees mph kph gb mb tb kb ghz mhz hz kw mw kwh w v acre acres sq hectare
hectares point points pts star stars a p k
""".split())
_BEFORE_EXCLUDED = LazyPattern(r"(?:\b[A-Z][\w.]*|\bNo\.|\bno\.|#|\bnumber|\bpage|\bpages|\bstep|\bstage|\btier|"
                               r"\blevel|\bphase|\bversion|\bgrade|\bday|\bweek|\bround|\bsize|\bitem|\bexit|"
                               r"\bages?|\baged|"
                               # the end of a range or a ratio: "March 2 to 5", "1 in 7"
                               r"\d[ \t]*(?:to|through|thru|and|or|in|of|out[ \t]+of|-|–))"
                               r"[ \t]+\Z")
_AGE = LazyPattern(r"[ \t]+(?:years?|months?|weeks?|days?)[ \t]+old\b"
                   r"|[ \t]+(?:years?|months?)[ \t]+of[ \t]+age\b")
_BIG_NUMBER = LazyPattern(r"\b\d{2,}\b|\b\d[\d,]*\.\d")


class ApNumerals(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        for match in _FIGURE.finditer(prose):
            following = match.group("next")
            if following in _UNITS or following.endswith("th"):
                continue
            start = match.start()
            if _BEFORE_EXCLUDED.search(prose, max(0, start - 12), start):
                continue
            if _AGE.match(prose, match.end("n")):
                continue
            near = prose[max(0, start - 24):match.end() + 24]
            if _BIG_NUMBER.search(near):
                continue
            span = Span(*match.span("n"))
            figure = match.group("n")
            right = WORDS[int(figure) - 1]
            if _starts_sentence(prose, start):
                right = right.capitalize()
            yield self.rule.report(doc, span, Edit(span, right), found=figure, right=right,
                                   phrase=match.group())


def _starts_sentence(prose: str, start: int) -> bool:
    before = prose[max(0, start - 3):start].rstrip(" \t\"“*_")
    return not before or before[-1] in ".!?\n"
