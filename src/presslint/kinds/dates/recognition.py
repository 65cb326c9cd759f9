"""Date recognition shared by the D rules: find the dates a release writes, and its release date.

:func:`find_dates` makes one pass of one compiled regex over the text and returns every
date mention with its exact span: "March 18, 2024", "Mar. 18, 2024", "18 March 2024",
"2024-03-18", "3/18/2024" (or "18/03/2024" with ``order="dmy"``), "March 18" (no year),
weekday names before or after, ranges ("March 18-20, 2024"), "March 2024", "Q3 2024",
"fiscal 2025" and years after a preposition ("in 2025"). Impossible dates (February 30,
month 13) are returned too, with ``problem`` saying what is wrong, so rules can report them.

:func:`release_date` finds the date a release is dated: the configured one, else YAML
front matter (``date:``), else the dateline. Nothing here reads the clock.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from ...lazyre import LazyPattern
from ...markup import MASK, SEPARATOR

if TYPE_CHECKING:
    from ...document import Document
    from ...settings import DateSettings

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(day: date) -> str:
    """A day written out as the messages quote it: "March 18, 2024"."""
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


_MONTH_OF: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, 1):
    for _form in (_name, _name[:3], *(("Sept",) if _number == 9 else ())):
        _MONTH_OF[_form.lower()] = _number
_WEEKDAY_OF: dict[str, int] = {}
for _number, _name in enumerate(WEEKDAY_NAMES):
    for _form in (_name, _name[:3], *({1: ("Tues",), 3: ("Thur", "Thurs")}.get(_number, ()))):
        _WEEKDAY_OF[_form.lower()] = _number


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored by common prefixes ("J(?:an(?:uary)?|...)")
    so that a failing position costs one or two character comparisons, not one per word."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + render(tree) + ")"


def _words(full: tuple[str, ...], short: list[str]) -> str:
    # Title Case or CAPITALS, never lower case ("may", "march" and "sat" are verbs far more
    # often than dates). Only abbreviations take a full stop ("Mar." but not "April.").
    # Plain lists, not tries: a list compiles faster, and _DATES and _WEEKDAY_BEFORE are
    # tried at few places. (Each longer word comes before its prefix: "Sept" before "Sep".)
    def either_case(words: Iterable[str]) -> str:
        return "|".join([*words, *(w.upper() for w in words)])

    return rf"(?:(?:{either_case(full)})\b|(?:{either_case(short)})\b\.?)"


_MON = _words(MONTH_NAMES, ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"])
_WD = _words(WEEKDAY_NAMES, ["Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun"])
_ORD = r"(?:st|nd|rd|th)?"
_DAY = r"\d{1,2}" + _ORD + r"(?![\d:%]|\.\d)"
_YEAR = r"(?:1[6-9]|2\d)\d{2}(?![\d%]|[.,]\d)"
_RANGE = r"\s*(?:-|–|—|to|through|thru|until|&)\s*"


def _behind(words: Iterable[str], whole_words: Iterable[str] = ()) -> str:
    """Lookbehinds for a year's first digit right after one of ``words`` or ``whole_words``
    (which must start a word). A lookbehind needs a fixed width, so there is one per word
    length, its words in a trie: a dozen lookbehinds, not one per word, compile faster."""
    by_width: dict[tuple[str, int], list[str]] = {}
    for boundary, group in (("", words), (r"\b", whole_words)):
        for word in group:
            by_width.setdefault((boundary, len(word)), []).append(word)
    return "(?:" + "|".join(f"(?<={boundary}{_trie(same)} [12])"
                            for (boundary, _), same in sorted(by_width.items())) + ")"


def _after(name: str, words: Iterable[str], whole_words: Iterable[str] = ()) -> str:
    """A year (group ``name``) right after one of ``words`` or ``whole_words``: the year's
    first digit, then lookbehinds for the words. So every alternative of the date regex
    starts at a capital letter or a digit, and _DATE_START can find where it may match."""
    return rf"(?P<{name}>[12]{_behind(words, whole_words)}\d{{3}}(?![\d%]|[.,]\d))"


_PREPOSITIONS = [w for base in ("in", "since", "by", "from", "until", "during", "through", "before",
                                "after", "early", "late") for w in (base, base.title())]
_QUARTER_WORDS_BEFORE = ("quarter", "Quarter", "quarter of", "Quarter of", "quarter fiscal", "quarter of fiscal")
_FISCAL_WORDS_BEFORE = ("fiscal", "Fiscal", "fiscal year", "Fiscal Year", "Fiscal year", "FISCAL")
# Tried only where _DATE_START says a date may start (see find_dates).
_DATES = re.compile(
    r"(?:"
    # A month name, then a day: March 18, 2024 / Monday, Mar. 18 / March 18-20, 2024 /
    # March 18 – April 2, 2024; or a year: March 2024 / May of 2025. (One month name for
    # both, as month names are the dearest part of the regex to compile.)
    rf"(?P<m>{_MON})(?:\s+(?P<d>{_DAY})"
    rf"(?:{_RANGE}(?:(?P<m2>{_MON})\s+)?(?P<d2>{_DAY}))?"
    rf"(?:(?:,[ \t]*|[ \t]+)(?P<y>{_YEAR}))?(?:,?\s+\((?P<wb>{_WD})\))?"
    rf"|,?\s+(?:of\s+)?(?P<my>{_YEAR}))"
    # 18 March 2024 / Monday 18 March / 18th of March 2024 / 18-20 March 2024
    rf"|(?P<dd>\d(?<![\w.,/$€£#-]\d)\d?{_ORD}(?![\d:%]|\.\d))(?:{_RANGE}(?P<dd2>{_DAY}))?"
    rf"\s+(?:of\s+)?(?P<dm>{_MON})(?:,?[ \t]+(?P<dy>{_YEAR}))?"
    # 2024-03-18
    r"|(?P<iy>[12](?<![\w./-][12])\d{3})-(?P<im>\d{2})-(?P<id>\d{2})(?![\w/-]|\.\d)"
    # 3/18/2024, 18/03/2024, 03-18-2024
    r"|(?P<na>\d(?<![\w./$-]\d)\d?)(?P<ns>[/-])(?P<nb>\d{1,2})(?P=ns)(?P<ny>(?:1[6-9]|2\d)\d{2})(?![\w/-]|\.\d)"
    # Q3 2024, Q3 FY2024; "third quarter of 2024" is found at its year, see _QUARTER_BEFORE
    rf"|Q(?P<q>[1-4])(?:\s+of)?(?:\s+[Ff]iscal(?:\s+[Yy]ear)?|\s*FY)?\s*['’]?(?P<qy>{_YEAR})"
    rf"|{_after('qwy', _QUARTER_WORDS_BEFORE)}"
    # FY2025, FY25, fiscal 2025, fiscal year 2025
    r"|FY\s?['’]?(?P<fy>(?:19|20)\d{2}|\d{2})\b"
    rf"|{_after('fw', _FISCAL_WORDS_BEFORE)}"
    # in 2025, since 1975 (a year after a preposition, not a count: "in 2000 stores")
    rf"|{_after('yy', (), _PREPOSITIONS)}"
    r"(?=\s*$|[^\w\s/-]|\s+(?:[A-Z]|(?:and|or|to|through|when|as|at|with|after|for|the|a|in|on)\b)))",
    re.MULTILINE,
)
# Where a date may start: a cheap first look, so that _DATES is tried at a few places and
# not at every character. It finds a superset of the places _DATES matches at: a month name
# before a space (then a day or a year), "Q3", "FY", and a digit that starts a number (no
# letter, dot, slash or hyphen before it) and then a numeric date, a day before a month name
# or a range ("18-20"), or a year after a preposition. The pattern starts with a character
# class, so the engine skips every other character in C; a one-character lookbehind holding
# a lookahead reads that character again as the first of the alternatives. (A pattern that
# starts with a lookahead, as _DATES would, gets no such skip: the engine tries every position.)
_MONTH_WORD = _trie([*MONTH_NAMES, *(w.upper() for w in MONTH_NAMES),
                     *(w for name in MONTH_NAMES for w in (name[:3], name[:3].upper())), "Sept", "SEPT"])
_DATE_START = re.compile(
    r"[ADFJMNOSQ0-9](?<=(?="
    rf"{_MONTH_WORD}\b\.?,?\s+(?:of\s+)?\d"
    r"|Q[1-4]|FY"
    r"|[0-9](?<![\w./-][0-9])(?:"
    r"\d{0,3}[/-]\d\d?[/-]\d"
    rf"|\d?(?:st|nd|rd|th)?(?:\s+(?:of\s+)?{_MONTH_WORD}\b|{_RANGE}\d)"
    rf"|(?<= [12]){_behind((*_QUARTER_WORDS_BEFORE, *_FISCAL_WORDS_BEFORE), _PREPOSITIONS)}\d{{3}})"
    r").)"
)
_QUARTER_BEFORE = LazyPattern(r"(?i:\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of)?"
                              r"(?:\s+fiscal)?\s*)\Z")
_FISCAL_BEFORE = LazyPattern(r"(?i:\bfiscal(?:\s+year)?\s)\Z")

_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# Forms, for the consistency rule: how a full date (with its year) is written.
TEXT_MDY, TEXT_DMY, ISO, NUMERIC = "month-day-year", "day-month-year", "ISO", "numeric"
FORM_EXAMPLES = {TEXT_MDY: "March 18, 2024", TEXT_DMY: "18 March 2024", ISO: "2024-03-18",
                 NUMERIC: "03/18/2024"}


class DateMention(NamedTuple):
    start: int
    end: int
    text: str
    # What is known: day-precision dates have all three; "March 2024" has no day;
    # "in 2025", "Q3 2024" and "fiscal 2025" only a year (and a quarter).
    year: int | None
    month: int | None
    day: int | None
    form: str  # TEXT_MDY, TEXT_DMY, ISO, NUMERIC, "month-year", "quarter", "fiscal", "year"
    weekday: int | None = None  # 0 = Monday, as written
    weekday_span: tuple[int, int] | None = None
    year_span: tuple[int, int] | None = None
    last: tuple[int, int] | None = None  # (month, day) a range ends on
    problem: str | None = None  # why the date cannot exist
    quarter: int | None = None

    def exact(self, year: int | None = None) -> date | None:
        """The (first) day meant, with ``year`` standing in for a missing one."""
        year = self.year or year
        if year is None or self.month is None or self.day is None or self.problem:
            return None
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None

    def interval(self, release: date | None = None) -> tuple[date, date] | None:
        """First and last day the mention covers; a missing year is the one that puts the
        date nearest ``release`` (None when that choice is unsure, over four months away)."""
        if self.problem:
            return None
        if self.form == "fiscal":
            return None  # fiscal years start in any month
        year = self.year
        if year is None:
            if release is None or self.month is None or self.day is None:
                return None
            year = _nearest_year(self.month, self.day, release)
            if year is None:
                return None
        if self.quarter:
            first = date(year, 3 * self.quarter - 2, 1)
            return first, _month_end(year, 3 * self.quarter)
        if self.month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if self.day is None:
            return date(year, self.month, 1), _month_end(year, self.month)
        try:
            first = date(year, self.month, self.day)
        except ValueError:
            return None
        last = first
        if self.last:
            month, day = self.last
            try:
                last = date(year + (month < self.month), month, day)
            except ValueError:
                last = first
        return first, last


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _nearest_year(month: int, day: int, release: date) -> int | None:
    best: tuple[int, int] | None = None
    for year in (release.year - 1, release.year, release.year + 1):
        try:
            distance = abs((date(year, month, day) - release).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    if best is None or best[0] > 120:
        return None
    return best[1]


def _problem(year: int | None, month: int, day: int) -> str | None:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day < 1:
        return "there is no day 0"
    if month == 2 and day == 29:
        if year is not None and not calendar.isleap(year):
            return f"{year} is not a leap year, so February has 28 days"
        return None
    days = calendar.monthrange(year or 2000, month)[1]
    if day > days:
        return f"{MONTH_NAMES[month - 1]} has {days} days"
    return None


def _month(word: str) -> int:
    return _MONTH_OF[word.rstrip(".").lower()[:4] if word.lower().startswith("sept") else
                     word.rstrip(".").lower()[:3]]


def _weekday(word: str | None) -> int | None:
    if word is None:
        return None
    key = word.rstrip(".").lower()
    return _WEEKDAY_OF.get(key, _WEEKDAY_OF.get(key[:3]))


def _day(text: str) -> int:
    return int(text.rstrip("stndrdth"))  # noqa: B005 - any of the letters of an ordinal suffix


def find_dates(text: str, order: str = "mdy") -> list[DateMention]:
    """Every date mention in ``text``, in order. ``order`` ("mdy" or "dmy") reads 3/4/2024."""
    found: list[DateMention] = []
    for match in matches_at(_DATES, text, map(re.Match.start, _DATE_START.finditer(text))):
        mention = _mention(match, order)
        if mention is not None:
            found.append(mention)
    return found


def matches_at(pattern: re.Pattern[str] | LazyPattern, text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, trying ``pattern`` only at ``starts`` (ascending,
    and including every place a match can start): a cheap search finds where to look.
    ``pattern`` must not match the empty string."""
    end = 0
    match_at = pattern.match
    for start in starts:
        if start < end:
            continue  # inside the match just found
        match = match_at(text, start)
        if match is not None:
            end = match.end()
            yield match


def _mention(match: re.Match[str], order: str) -> DateMention | None:
    group = match.group
    start, end = match.span()
    if group("d") is not None or group("dm") is not None:
        text_mdy = group("d") is not None
        month = _month(group("m") if text_mdy else group("dm"))
        day_group, last_group, year_group = ("d", "d2", "y") if text_mdy else ("dd", "dd2", "dy")
        day = _day(group(day_group))
        year = int(group(year_group)) if group(year_group) else None
        last: tuple[int, int] | None = None
        if group(last_group):
            last_month = _month(group("m2")) if text_mdy and group("m2") else month
            last_day = _day(group(last_group))
            if (last_month, last_day) > (month, day) or last_month < month:
                last = (last_month, last_day)
            else:  # "March 18 & 2 more": not a range; the date ends at its day
                end = match.end(day_group)
                year = None
        weekday_span: tuple[int, int] | None = None
        if group("wb") and match.end("wb") <= end:
            weekday_span = match.span("wb")
        else:
            before = _WEEKDAY_BEFORE.search(match.string, max(0, start - 16), start)
            if before is not None:
                start, weekday_span = before.start(), before.span("wd")
        weekday = _weekday(match.string[weekday_span[0]:weekday_span[1]]) if weekday_span else None
        if year is None and day > 31:
            return None  # "in May 35 people came": a count, not a day
        form = (TEXT_MDY if text_mdy else TEXT_DMY) if year is not None else ("month-day" if text_mdy else "day-month")
        year_span = match.span(year_group) if year is not None else None
        if year_span is not None and year_span[1] > end:
            year_span, year = None, None
        return DateMention(start, end, match.string[start:end], year, month, day, form, weekday,
                           weekday_span, year_span, last,
                           _problem(year, month, day) or (_problem(year, *last) if last else None))
    if group("my") is not None:
        return DateMention(start, end, group(), int(group("my")), _month(group("m")), None,
                           "month-year", year_span=match.span("my"))
    if group("iy") is not None:
        year, month, day = int(group("iy")), int(group("im")), int(group("id"))
        if year < 1600:
            return None
        return DateMention(start, end, group(), year, month, day, ISO, year_span=match.span("iy"),
                           problem=_problem(year, month, day))
    if group("na") is not None:
        a, b, year = int(group("na")), int(group("nb")), int(group("ny"))
        if a == 0 or b == 0:
            return None
        month, day = (a, b) if order == "mdy" else (b, a)
        problem = _problem(year, month, day)
        if problem and _problem(year, day, month) is None:
            # Written the other way round (18/03/2024 in an mdy document): still a date.
            month, day, problem = day, month, None
        return DateMention(start, end, group(), year, month, day, NUMERIC, year_span=match.span("ny"),
                           problem=problem)
    if group("qy") is not None:
        return DateMention(start, end, group(), int(group("qy")), None, None, "quarter",
                           year_span=match.span("qy"), quarter=int(group("q")))
    if group("qwy") is not None:
        before = _QUARTER_BEFORE.search(match.string, max(0, start - 40), start)
        if before is None:
            return None
        start = before.start()
        return DateMention(start, end, match.string[start:end], int(group("qwy")), None, None, "quarter",
                           year_span=match.span("qwy"), quarter=_QUARTER_WORDS[before.group(1).lower()])
    if group("fy") is not None or group("fw") is not None:
        fiscal = group("fy") or group("fw")
        year = int(fiscal) if len(fiscal) == 4 else 2000 + int(fiscal)
        if group("fw") is not None:
            before = _FISCAL_BEFORE.search(match.string, max(0, start - 20), start)
            start = before.start() if before else start
        return DateMention(start, end, match.string[start:end], year, None, None, "fiscal",
                           year_span=match.span("fy" if group("fy") else "fw"))
    if group("yy") is not None:
        if int(group("yy")) < 1600:
            return None
        return DateMention(start, end, group("yy"), int(group("yy")), None, None, "year",
                           year_span=match.span("yy"))
    return None


# --- the release date ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ReleaseDate:
    date: date
    # "front matter", "dateline", or where the given date came from (DateSettings):
    # "--release-date" or "configuration file .presslint.yaml"
    source: str
    offset: int | None = None  # where in the text it was found


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_DATE = LazyPattern(r"^date[ \t]*:[ \t]*[\"']?(?P<value>[^\n\"']+)", re.MULTILINE)
_WEEKDAY_BEFORE = re.compile(rf"(?P<wd>{_WD}),?\s+(?:the\s+)?\Z")
# The markup the prose keeps around a dateline ("**AUSTIN** –", "&mdash;" in HTML, a masked
# "/EINPresswire.com/") is read as a space (markup.SEPARATOR) or a \x01 (markup.MASK), so
# the patterns hold no character beyond Latin-1 in a class (which costs the regex
# compiler a large table, at every start).
_PLAIN = str.maketrans({SEPARATOR: " ", MASK: "\x01"})
# A wire's name, before the date or after it: in brackets ("(Newsworthy.ai)"), between
# slashes ("/PRNewswire/") or masked as an address ("/EINPresswire.com/").
_BRACKETED = r"\([^()\n]{1,40}\)"
_SLASHED = r"(?:/[^/\n]{1,40}/|\x01+)"
_DASH = r"(?:--|—|–|-)"
# Before a dateline's date: the place, capitalised words with commas, dashes, slashes or
# colons ("FLINT, MI: DETROIT, MI:"), the wire's name in brackets or slashes
# ("Columbus, OH (Newsworthy.ai)", "/ Wire Name /"), a label ("Release Date:",
# "Published on"), or nothing but a dash or a bracket ("- 15 June 2026 -", "(July 31, 2024)—").
_DATELINE_BEFORE = re.compile(
    r"(?:[ \t*_>#/|(\-]|–|—)*(?:(?:[A-Z][\w.'’&-]*|de|la|du|del|of|upon|on|am|and|" + _BRACKETED + "|" + _SLASHED
    + r")(?:[ \t*_]*(?:,+|" + _DASH + r"|/|:|\()[ \t*_]*|[ \t*_]+|\Z)){0,10}\Z")
# Labels of a date that is not the release's: "When: March 18, 2024", "Event Date:", and
# a bare "Date:", which in an event's details is the event's ("Release Date:" is the release's).
_NOT_RELEASE_LABEL = re.compile(r"\b(?:When|Where|Event|Events|Deadline|Time|Ends|Starts|Opens|Closes|Expires)\b"
                                r"|(?<![Rr]elease )(?<![Pp]ublication )\b(?:Date|DATE)s?[ \t]*:")
# After it: a separator ("—", "--", "/24-7PressRelease/ --", "@ 1:00 AM Eastern —", ":"),
# maybe after a time ("October 7, 2024 4:50 PM /") or a closing bracket ("(July 31, 2024)—").
_DATELINE_AFTER = re.compile(
    r"[ \t*_]*\)?(?:[ \t,]*(?:at[ \t]+)?\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \t]+(?:[A-Z]{1,4}|(?:Eastern|Pacific|Central|Mountain)(?:[ \t]+(?:Standard|Daylight))?)"
    r"(?:[ \t]+Time)?)?)?"
    r"[ \t*_]*(?:" + _BRACKETED + r"[ \t]*)?(?:" + _SLASHED + r"[ \t]*)?"
    r"(?:" + _DASH + r"|:|\||@|\(|/|$)")
_DATELINE_REACH = 1500  # characters from the start of the prose


def _plain(text: str) -> str:
    return text.translate(_PLAIN) if MASK in text or SEPARATOR in text else text


# What may follow a dateline's date before its separator is short; a longer line is cut,
# with a character that is no line's end, so that "$" does not match where it was cut.
_AFTER_REACH = 160


def _rest_of_line(prose: str, start: int) -> str:
    end = prose.find("\n", start, start + _AFTER_REACH + 1)
    if end != -1:
        return _plain(prose[start:end])
    if start + _AFTER_REACH >= len(prose):
        return _plain(prose[start:])
    return _plain(prose[start:start + _AFTER_REACH]) + "\x02"


def dateline(prose: str, mentions: list[DateMention], html: bool = False) -> DateMention | None:
    """The date of the release's dateline: a full date near the top, on a line that starts
    with a place and goes on with a separator."""
    counted = shown = 0  # what a reader sees before ``counted``, counted as the mentions go
    for mention in mentions:
        # Counted in what a reader sees: an HTML page's head and tags are no distance, nor
        # (in HTML) the line breaks and indentation between its tags.
        if mention.start > _DATELINE_REACH:
            shown += _shown(prose, counted, mention.start, html)
            counted = mention.start
            if shown > _DATELINE_REACH:
                break
        if mention.year is None or mention.day is None or mention.form in ("year",):
            continue
        line_start = prose.rfind("\n", 0, mention.start) + 1
        if mention.start - line_start > 120:
            continue
        before = _plain(prose[line_start:mention.start])
        if not _DATELINE_BEFORE.match(before) or _NOT_RELEASE_LABEL.search(before):
            continue
        if not _DATELINE_AFTER.match(_rest_of_line(prose, mention.end)):
            continue
        if mention.problem:
            continue
        return mention
    return None


def _shown(prose: str, start: int, end: int, html: bool) -> int:
    """How many characters a reader sees from ``start`` to ``end``."""
    shown = end - start - prose.count(MASK, start, end)
    if html:
        shown -= sum(prose.count(space, start, end) for space in " \n\t")
    return shown


def front_matter_date(text: str, order: str = "mdy") -> tuple[date, int] | None:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    field = _FRONT_DATE.search(match.group(1))
    if field is None:
        return None
    value = field.group("value").strip()
    offset = match.start(1) + field.start("value")
    try:
        return date.fromisoformat(value[:10]), offset
    except ValueError:
        pass
    for mention in find_dates(value, order):
        found = mention.exact()
        if found is not None:
            return found, offset
    return None


# --- one analysis per document, shared by every D rule --------------------------------------

@dataclass(slots=True)
class DocumentDates:
    """What the D rules share about one document."""

    mentions: list[DateMention]
    release: ReleaseDate | None
    dateline: DateMention | None


def analyse(doc: Document, settings: DateSettings) -> DocumentDates:
    """The document's dates, computed once per document (and per date settings: the
    key holds the two that change the result) and shared by every D rule."""
    order, given, source = settings.date_order, settings.release_date, settings.release_date_source

    def compute(doc: Document) -> DocumentDates:
        prose = doc.prose
        mentions = find_dates(prose, order)
        line = dateline(prose, mentions, doc.syntax == "html")
        return DocumentDates(mentions, _release(doc, given, source, order, line), line)

    return doc.shared(f"dates.analyse {order} {given} {source}", compute)


def _release(doc: Document, given: date | None, source: str, order: str,
             line: DateMention | None) -> ReleaseDate | None:
    if given is not None:
        return ReleaseDate(given, source)
    if doc.syntax == "markdown":
        front = front_matter_date(doc.text, order)
        if front is not None:
            return ReleaseDate(front[0], "front matter", front[1])
    if line is not None:
        found = line.exact()
        if found is not None:
            return ReleaseDate(found, "dateline", line.start)
    return None


def describe_release_date(doc: Document, settings: DateSettings, given_by: str = "--release-date") -> str:
    """One line for ``presslint check --show-release-date``."""
    found = analyse(doc.for_words[0], settings).release
    if found is None:
        return f"{doc.path}: release date none found"
    where = given_by if found.source == "--release-date" else found.source
    if found.offset is not None:
        where += f", {doc.line_unit} {doc.lines.position(found.offset)[0]}"
    return f"{doc.path}: release date {found.date.isoformat()} (from {where})"


# --- relative dates ------------------------------------------------------------------------

_WEEKDAY_WORDS = "|".join(WEEKDAY_NAMES)
RELATIVE = re.compile(
    r"(?=[TtYyLlNn])\b(?:(?P<simple>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?!['’]s|\s+(?:and|&)\s+(?:tomorrow|beyond))"
    r"|(?P<which>[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<unit>week|month|year|" + _WEEKDAY_WORDS + r")\b(?!['’]s))"
)


def resolve_relative(match: re.Match[str], release: date) -> tuple[date, date] | None:
    """The days a relative expression can mean, given the release date; None when they
    lie past the calendar's ends ("next year" of a release dated 9999-12-31)."""
    try:
        return _resolve_relative(match, release)
    except (OverflowError, ValueError):  # a day before 0001-01-01 or after 9999-12-31
        return None


def _resolve_relative(match: re.Match[str], release: date) -> tuple[date, date] | None:
    simple = match.group("simple")
    if simple:
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[simple.lower()]
        day = release + timedelta(days=shift)
        return day, day
    which, unit = match.group("which").lower(), match.group("unit")
    step = {"this": 0, "last": -1, "next": 1}[which]
    if unit == "week":
        monday = release - timedelta(days=release.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        month_index = release.year * 12 + release.month - 1 + step
        year, month = divmod(month_index, 12)
        return date(year, month + 1, 1), _month_end(year, month + 1)
    if unit == "year":
        return date(release.year + step, 1, 1), date(release.year + step, 12, 31)
    weekday = WEEKDAY_NAMES.index(unit)
    if step == 0:  # "this Tuesday": within the week around the release date
        return release - timedelta(days=6), release + timedelta(days=6)
    # "next Tuesday" is the coming one or the one after; "last Tuesday" the mirror image.
    days = [release + timedelta(days=step * n) for n in range(1, 14)]
    candidates = [d for d in days if d.weekday() == weekday]
    return min(candidates), max(candidates)


def release_date_report(path: str, settings: DateSettings, data: bytes | None = None,
                        given_by: str = "--release-date", html_scope: str = "main") -> str:
    """The --show-release-date line for a file on disk (or ``data``, from standard input),
    read as it was checked (an HTML page: ``html_scope``)."""
    from pathlib import Path

    from ...decoding import decode
    from ...document import Document
    from ...sources import is_word_document

    raw = data if data is not None else Path(path).read_bytes()
    if is_word_document(path):
        from ...docx import word_document
        from ...errors import SourceError

        try:
            return describe_release_date(word_document(path, raw), settings, given_by)
        except SourceError as exc:  # changed since it was checked
            raise ValueError(exc.message) from None
    doc = Document.from_decoded(path, decode(raw))
    doc.read_html_as(html_scope)
    return describe_release_date(doc, settings, given_by)
