"""Kinds that check how a date is written: dates that cannot exist, weekdays that do not
match their date, years that look mistyped, and one release mixing date formats."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...lazyre import LazyPattern
from .. import Kind
from .recognition import (
    FORM_EXAMPLES,
    ISO,
    NUMERIC,
    TEXT_DMY,
    TEXT_MDY,
    WEEKDAY_NAMES,
    DateMention,
    analyse,
    long_date,
)


class ImpossibleDate(Kind):
    """February 30, April 31, month 13, February 29 of a year that is not a leap year."""

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for mention in analyse(doc, self.settings.dates).mentions:
            if mention.problem:
                yield self.rule.report(doc, Span(mention.start, mention.end), found=mention.text,
                                       reason=mention.problem)


class WeekdayMismatch(Kind):
    """A weekday name beside a date that falls on another day; the fix names the right one."""

    MESSAGES = ("year-from-release",)  # a date without its year, which the release date gives
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        facts = analyse(doc, self.settings.dates)
        release = facts.release.date if facts.release else None
        for mention in facts.mentions:
            if mention.weekday is None or mention.weekday_span is None:
                continue
            interval = mention.interval(release)
            if interval is None or mention.last is not None:
                continue
            actual = interval[0].weekday()
            if actual == mention.weekday:
                continue
            start, end = mention.weekday_span
            written = doc.text[start:end]
            right = _same_style(written, WEEKDAY_NAMES[actual])
            yield self.rule.report(doc, Span(mention.start, mention.end), Edit(Span(start, end), right),
                                   key="" if mention.year else "year-from-release", found=mention.text,
                                   date=long_date(interval[0]), year=interval[0].year, actual=WEEKDAY_NAMES[actual],
                                   written=written.rstrip(".,"), right=right)


def _same_style(written: str, name: str) -> str:
    """``name`` written like ``written``: full or abbreviated ("Tue."), capitals kept."""
    core = written.rstrip(".")
    full = core.lower() in (n.lower() for n in WEEKDAY_NAMES)
    text = name if full else name[:3]
    if core.isupper():
        text = text.upper()
    return text + written[len(core):]


# A day with an ordinal suffix ("May 31st, 2025", "31st May 2025"): a style of its own.
_ORDINAL_DAY = re.compile(r"\d(?:st|nd|rd|th)\b")
_ORDINAL = " with an ordinal day"
_STYLE_EXAMPLES = {**FORM_EXAMPLES, TEXT_MDY + _ORDINAL: "March 18th, 2024", TEXT_DMY + _ORDINAL: "18th March 2024"}


def _style(mention: DateMention) -> str:
    """How a full date is written: its form, and whether its day has an ordinal suffix."""
    if mention.form in (TEXT_MDY, TEXT_DMY) and _ORDINAL_DAY.search(mention.text):
        return mention.form + _ORDINAL
    return mention.form


# A date without a year, by the order of its month and day, and the full form of that order.
_ORDER_OF_PARTIAL = {"month-day": TEXT_MDY, "day-month": TEXT_DMY}


def _order_of_days(mentions: list[DateMention], style: str) -> str | None:
    """The full form whose order every date without a year follows ("September 20" is
    month-day-year), when that is not ``style``'s order; else None."""
    orders = {_ORDER_OF_PARTIAL[m.form] for m in mentions if m.form in _ORDER_OF_PARTIAL}
    if len(orders) != 1:
        return None
    order = orders.pop()
    return None if style.startswith(order) else order


class MixedDateFormats(Kind):
    """Full dates written in more than one way in one release ("March 18, 2024" and
    "18/03/2024", "March 18th, 2024"): each date not in the release's own form, which the
    dateline sets, or else the most common form. A release's only full date written in
    figures ("09/18/2025", "2025-09-18") is judged against the form releases write dates in,
    with the month's name."""

    # A release's only full date: "in-figures", against the form with the month's name;
    # "other-days", against how its other days are written.
    MESSAGES = ("in-figures", "other-days")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        facts = analyse(doc, self.settings.dates)
        full = [(m, _style(m)) for m in facts.mentions if m.form in FORM_EXAMPLES]
        if not full:
            return
        forms = Counter(style for _, style in full)
        key = ""
        if len(forms) < 2:
            # Most releases write their full dates one way. A lone date in figures is
            # unlike how releases write dates (AP: "Sept. 18, 2025"); a lone "18 September
            # 2025" unlike a release that writes "September 20" elsewhere (and the reverse).
            lone, style = full[0]
            if len(full) > 1 or lone is facts.dateline:
                return
            if style in (ISO, NUMERIC):
                dominant = TEXT_DMY if self.settings.dates.date_order == "dmy" else TEXT_MDY
                key = "in-figures"
            else:
                order = _order_of_days(facts.mentions, style)
                if order is None:
                    return
                dominant = order
                key = "other-days"
        else:
            # The dateline sets the house form; without one, the most common form does,
            # and between forms as common the month's name without an ordinal (the form
            # releases write), then the one met first.
            first_seen = {style: i for i, (_, style) in reversed(list(enumerate(full)))}
            dominant = max(forms, key=lambda f: (forms[f], f in (TEXT_MDY, TEXT_DMY), -first_seen[f]))
            if facts.dateline is not None and facts.dateline.form in FORM_EXAMPLES:
                dominant = _style(facts.dateline)
        for mention, style in full:
            if style != dominant:
                yield self.rule.report(doc, Span(mention.start, mention.end), key=key, found=mention.text,
                                       form=f"{style} ({_STYLE_EXAMPLES[style]})",
                                       dominant=f"{dominant} ({_STYLE_EXAMPLES[dominant]})")


# A year with a letter O in it, and what must come before it for it to be a year.
_O_YEAR = LazyPattern(r"(?P<year>[12](?<![\w.][12])(?:[Oo][0-9Oo]{2}|[0-9][Oo][0-9Oo]|[0-9]{2}[Oo]))(?!\w|[.-]\w)")
# A cheap first look: every such year starts with 1 or 2 and has an O among its next three
# characters. Two patterns that start with a digit each, as the engine finds a given
# character fast but tries a class at every position.
_MAY_BE_O_YEAR = (re.compile(r"1(?=[0-9Oo]{0,2}[Oo])"), re.compile(r"2(?=[0-9Oo]{0,2}[Oo])"))
_YEAR_CONTEXT = LazyPattern(
    r"(?:\b(?:[Ii]n|[Ss]ince|[Bb]y|[Oo]f|[Ff]rom|[Uu]ntil|[Dd]uring|[Yy]ear|[Ff]iscal|FY|Q[1-4]),?"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\Z")


class SuspiciousYear(Kind):
    """A year that is probably a typo: a letter O for a zero ("2O24"), or a year in a date
    claim far from the release date ("in 2204" in a 2024 release)."""

    OPTIONS = {"years-ahead": 50, "years-ahead-full-date": 25}
    # ``message``: a year far after the release's; "digits-swapped": one whose digits are
    # the release year's; "letter-o": a year with a letter O for a zero (fixed).
    MESSAGES = ("digits-swapped", "letter-o")
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        facts = analyse(doc, self.settings.dates)
        prose = doc.prose
        may_have_o_year = any(pattern.search(prose) for pattern in _MAY_BE_O_YEAR)
        for match in _O_YEAR.finditer(prose) if may_have_o_year else ():
            year = match.group("year")
            plausible = 1800 <= int(year.replace("O", "0").replace("o", "0")) < 2200
            if plausible and _YEAR_CONTEXT.search(prose, max(0, match.start() - 30), match.start()):
                fixed = year.replace("O", "0").replace("o", "0")
                span = Span(*match.span("year"))
                yield self.rule.report(doc, span, Edit(span, fixed), key="letter-o", found=year, fixed=fixed)
        if facts.release is None:
            return
        reference = facts.release.date.year
        for mention in facts.mentions:
            year = mention.year
            if year is None or mention.problem or not mention.year_span or not self._too_far(mention, reference):
                continue
            swapped = sorted(str(year)) == sorted(str(reference))
            yield self.rule.report(doc, Span(*mention.year_span), key="digits-swapped" if swapped else "",
                                   found=str(year), after=year - reference, reference=reference)

    def _too_far(self, mention: DateMention, reference: int) -> bool:
        """Whether the year of ``mention`` is further after ``reference`` than the options allow."""
        assert mention.year is not None
        ahead: int = self.options["years-ahead-full-date"] if mention.day else self.options["years-ahead"]
        return mention.year - reference > ahead
