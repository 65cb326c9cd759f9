"""The parts of a press release that the P rules about its form read: the first body
line, the dateline (its place, its date and its separator), the release line ("FOR
IMMEDIATE RELEASE" or an embargo), the end mark, the media contact blocks and the "About"
section. Each is found once per document (``Document.shared``) and shared by the rules.

The dateline's date is the Dates family's (:func:`..dates.recognition.analyse`): a
dateline with a date is the one D109 compares with the release date, found the same way;
this module adds its place and separator, a place-only dateline ("SEATTLE — ...") and a
dateline with no separator at all ("TACOMA, WA, March 18, 2024 Acme said...").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, datetime, time, timedelta, timezone
from itertools import islice
from typing import TYPE_CHECKING, NamedTuple

from ...diagnostic import Span
from ...lazyre import LazyPattern
from ...markup import MASK, SEPARATOR
from ..dates.recognition import DateMention, analyse, find_dates

if TYPE_CHECKING:
    from ...document import Document
    from ...settings import DateSettings
    from ..dates.recognition import ReleaseDate

_REACH = 3000  # characters from the top that hold a release's header and dateline
# In an HTML page the top is where the first character a reader sees is, and the reach
# counts what a reader sees: the page's head, its tags and the chrome html_scope.py hides
# are no distance (a newsroom page's release starts many thousand characters in).
_SHOWN = LazyPattern(r"[^\s\ufffc\u2063]")
_SHOWN_REACH = LazyPattern(rf"(?:\ufffc*[^\ufffc]){{1,{_REACH}}}")

# --- the first body line ------------------------------------------------------------------

_LINE = LazyPattern(r"[^\n]+")
_WORDS = LazyPattern(r"[^\W_]+(?:['’.-][^\W_]+)*")
_EMPHASISED = LazyPattern(r"\A[\s>]*([*_]{1,3})(?:(?!\1).)+?\1[\s.]*\Z")
_LIST_ITEM = LazyPattern(r"[ \t>]*(?:[*+•▪·-]|\d{1,2}[.)])[ \t]")
# A body line has this many words at least: shorter lines before the body are its header
# (a subheadline, "FOR IMMEDIATE RELEASE", "Media contact: Jane Doe", a date).
BODY_WORDS = 8


def first_body_line(doc: Document) -> Span | None:
    """The first line of the body: not the headline or a heading, not set wholly in
    emphasis (a subheadline), not a list item (the highlights some wires put above the
    dateline), not a release line ("EMBARGOED UNTIL ..."), with at least
    :data:`BODY_WORDS` words."""
    return doc.shared("conventions.first_body_line", _first_body_line)


def top_reach(doc: Document) -> tuple[int, int]:
    """Where the top of the release starts and ends: the first :data:`_REACH` characters
    (of an HTML page: from its first shown character, counting only what it shows)."""
    return doc.shared("conventions.top_reach", _top_reach)


def _top_reach(doc: Document) -> tuple[int, int]:
    prose = doc.prose
    if doc.syntax != "html":
        return 0, min(len(prose), _REACH)
    first = _SHOWN.search(prose)
    if first is None:
        return 0, min(len(prose), _REACH)
    reach = _SHOWN_REACH.match(prose, first.start())
    return first.start(), reach.end() if reach else len(prose)


def _words_at_least(line: str, count: int) -> bool:
    """Whether ``line`` has ``count`` words (read no further: a line may be a whole paragraph)."""
    return sum(1 for _ in islice(_WORDS.finditer(line), count)) == count


def top_headings(doc: Document) -> list[Span]:
    """The headings in the top :data:`_REACH` characters of a Markdown document (all of
    them in HTML): a release's headline and header are there, and parsing only the top
    spares most releases a Markdown parse of the whole (a "---" line further down makes
    :attr:`Document.headings` parse it all)."""
    return doc.shared("conventions.top_headings", _top_headings)


def _top_headings(doc: Document) -> list[Span]:
    from ...markup import headings

    if doc.syntax != "markdown":
        return doc.headings
    text = doc.text
    cut = text.find("\n", _REACH)
    if "headings" in vars(doc) or doc.markup.headings is not None:  # parsed whole already: no second parse
        return [span for span in doc.headings if cut == -1 or span.start <= cut]
    return headings(text if cut == -1 else text[:cut + 1], "markdown")


def _first_body_line(doc: Document) -> Span | None:
    from ..capitalization.casing import headline_span

    prose, text = doc.prose, doc.text
    headings = top_headings(doc)
    headline = headline_span(doc, headings)
    reach = top_reach(doc)
    headers = _html_headers(text, reach[1]) if doc.syntax == "html" else []
    header_starts = [span.start for span in headers]
    for match in _LINE.finditer(prose, *reach):
        start, end = match.span()
        if headline is not None and start <= headline[0] < end:
            continue
        if any(span.start <= start < span.end for span in headings):
            continue
        if headers and _inside(headers, header_starts, start):
            continue  # the release's <header>: its subhead and byline are not the body
        line = _plain(match.group()).replace("\x01", " ")
        if not _words_at_least(line, BODY_WORDS) or _RELEASE_LINE.match(line):
            continue
        written = text[start:end]  # the marks of emphasis and lists, which the prose blanks
        if _EMPHASISED.match(written) or _LIST_ITEM.match(written):
            continue
        return Span(start, end)
    return None


_HEADER_OPEN = LazyPattern(r"<header\b", re.IGNORECASE)
_HEADER_CLOSE = LazyPattern(r"</header\s*>", re.IGNORECASE)


def _html_headers(text: str, reach: int) -> list[Span]:
    """The <header> elements of an HTML page that open before ``reach`` (the ends found
    once, so that a run of unclosed ones costs no search to the end each)."""
    openers = [match.start() for match in _HEADER_OPEN.finditer(text, 0, reach)]
    if not openers:
        return []
    closers = [match.end() for match in _HEADER_CLOSE.finditer(text)]
    spans: list[Span] = []
    for opener in openers:
        after = bisect_left(closers, opener)
        if after < len(closers):
            if spans and opener < spans[-1].end:  # inside the last: one span, in order
                spans[-1] = Span(spans[-1].start, max(spans[-1].end, closers[after]))
            else:
                spans.append(Span(opener, closers[after]))
    return spans


def _inside(spans: list[Span], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` is in one of ``spans`` (in order, apart; ``starts``: theirs)."""
    before = bisect_right(starts, offset) - 1
    return before >= 0 and offset < spans[before].end


def headline(doc: Document) -> tuple[int, int] | None:
    """The release's headline: the first heading, or else the first line with text (as
    C103 headline-case reads it) when a blank line follows it; and a body line after it.
    A text of one paragraph (a snippet, a note, sentences one a line) has no headline."""
    from ..capitalization.casing import headline_span

    headings = top_headings(doc)
    found = headline_span(doc, headings)
    body = first_body_line(doc)
    if found is None or body is None or body.start < found[1]:
        return None
    prose = doc.prose
    heading = any(span.start <= found[0] < span.end for span in headings)
    line_end = prose.find("\n", found[1])
    following = prose[line_end + 1:prose.find("\n", line_end + 1)] if line_end != -1 else ""
    if not heading and (line_end == -1 or following.strip()):
        return None  # a first line that runs on into the next: no headline
    return found


def headline_text(doc: Document) -> tuple[int, str] | None:
    """Where the headline starts and its text, without trailing white space."""
    found = headline(doc)
    if found is None:
        return None
    return found[0], doc.prose[found[0]:found[1]].rstrip()


def _plain(text: str) -> str:
    return text.replace(SEPARATOR, " ").replace(MASK, "\x01")


# --- the dateline -------------------------------------------------------------------------

class Dateline(NamedTuple):
    line: int  # where its line starts
    place: Span | None  # "TACOMA, WA" ("" before a date alone: None)
    city: Span | None
    state: Span | None  # the part after the city's comma: a state, province or country
    date: DateMention | None
    separator: Span | None  # "—", "--", "–", "-", ":"... None: the text follows at once
    end: int  # where the text after it starts


_WEEKDAYS = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
# What the line holds before a dateline's date: markup, the place, a wire's name (in
# brackets, between slashes, or masked as an address) and a weekday.
_BEFORE_DATE = LazyPattern(
    r"[\s*_>#|\-–—(]*(?P<place>[^\W\d_][^()/\x01\n]*?)?[\s*_,]*"
    r"(?:\([^()\n]*\)|/[^/\n]*/|\x01+)?[\s*_,]*(?:" + _WEEKDAYS + r",?\s*)?(?:the\s+)?\Z", re.IGNORECASE)
_SEPARATOR = LazyPattern(r"\s?(--|—|–|(?<=\s)[-/](?=\s)|:(?!\d)|\|)")
# A place-only dateline: a place whose city is in capitals, maybe a wire's name, a dash.
_PLACE_ONLY = LazyPattern(
    r"[\s*_>]*(?P<place>[A-Z][A-Z.'’ -]*[A-Z.](?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})?)[*_]*[ \t]*"
    r"(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?[ \t]*(?P<sep>--|—|–)")
# A dateline with no separator: a place, a comma, a full date, and the text at once.
_UNDASHED = LazyPattern(r"[\s*_>]*(?P<place>[A-Z][\w.'’ -]*(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2}){0,2}),"
                        r"[ \t]*(?=[A-Z0-9])")


def dateline(doc: Document, settings: DateSettings) -> Dateline | None:
    """The release's dateline, if it has one at the start of a line near the top."""
    key = f"conventions.dateline {settings.date_order} {settings.release_date} {settings.release_date_source}"
    return doc.shared(key, lambda doc: _dateline(doc, settings))


def _dateline(doc: Document, settings: DateSettings) -> Dateline | None:
    prose = doc.prose
    found = analyse(doc, settings).dateline
    if found is not None:
        line = prose.rfind("\n", 0, found.start) + 1
        before = _plain(prose[line:found.start])
        parts = _BEFORE_DATE.match(before)
        place = None
        if parts is not None and parts.group("place"):
            place = Span(line + parts.start("place"), line + parts.end("place"))
        end_of_line = prose.find("\n", found.end)
        stop = min(found.end + 80, len(prose) if end_of_line == -1 else end_of_line)
        separator = _SEPARATOR.search(prose, found.end, stop)
        span = Span(*separator.span(1)) if separator else None
        return _with_place(prose, line, place, found, span, span.end if span else found.end)
    body = first_body_line(doc)
    if body is None:
        return None
    only = _PLACE_ONLY.match(prose, body.start, body.end)
    if only is not None:
        place = Span(*only.span("place"))
        return _with_place(prose, body.start, place, None, Span(*only.span("sep")), only.end())
    undashed = _UNDASHED.match(prose, body.start, body.end)
    if undashed is not None:
        mentions = find_dates(prose[undashed.end():min(body.end, undashed.end() + 40)], settings.date_order)
        if mentions and mentions[0].start == 0 and mentions[0].day is not None and mentions[0].year is not None:
            mention = mentions[0]._replace(start=mentions[0].start + undashed.end(),
                                           end=mentions[0].end + undashed.end())
            if re.match(r"[ \t]+[A-Z\"“]", prose[mention.end:mention.end + 3]):
                place = Span(*undashed.span("place"))
                return _with_place(prose, body.start, place, mention, None, mention.end)
    return None


def _with_place(prose: str, line: int, place: Span | None, found: DateMention | None,
                separator: Span | None, end: int) -> Dateline:
    city = state = None
    if place is not None:
        text = prose[place.start:place.end].rstrip(" ,")
        place = Span(place.start, place.start + len(text))
        comma = text.find(",")
        if comma == -1:
            city = place
        else:
            city = Span(place.start, place.start + comma)
            rest = text[comma + 1:]
            second = rest.split(",", 1)[0]
            offset = place.start + comma + 1 + len(second) - len(second.lstrip())
            state = Span(offset, offset + len(second.strip()))
    return Dateline(line, place, city, state, found, separator, end)


# --- the release line and the embargo -----------------------------------------------------

_RELEASE_LINE = LazyPattern(
    r"^[\s*_#>]*(?:(?P<immediate>for\s+immediate\s+release|immediate\s+release)"
    r"|(?P<embargo>embargo(?:ed)?\b)[^\S\n]*(?P<rest>[^\n]{0,120})$"
    r"|for\s+release\b)", re.IGNORECASE | re.MULTILINE)
_NO_DATE_EMBARGO = LazyPattern(r"further\s+notice|notice", re.IGNORECASE)


class ReleaseLine(NamedTuple):
    span: Span
    embargo: bool
    rest: Span | None  # an embargo's terms: "UNTIL 9:00 a.m. ET, March 18, 2024"


def release_line(doc: Document) -> ReleaseLine | None:
    """"FOR IMMEDIATE RELEASE", "FOR RELEASE ...", or an embargo line ("EMBARGOED UNTIL
    ...", "Embargo: ..."), at the start of a line in the header (before the body's second
    line)."""
    return doc.shared("conventions.release_line", _release_line)


def _release_line(doc: Document) -> ReleaseLine | None:
    prose = doc.prose
    body = first_body_line(doc)
    start, reach = top_reach(doc)
    if body is not None:
        reach = min(len(prose), body.end)
    for match in _RELEASE_LINE.finditer(prose, start, reach):
        if match.group("embargo") is None:
            return ReleaseLine(Span(*match.span()), False, None)
        line_end = prose.find("\n", match.start())
        line = prose[match.start():len(prose) if line_end == -1 else line_end]
        if _words_at_least(line, 17):
            continue  # a sentence about an embargo, not the line that sets one
        rest = Span(*match.span("rest"))
        return ReleaseLine(Span(match.start() + len(match.group()) - len(match.group().lstrip(" \t*_#>")),
                                match.end()), True, rest)
    return None


_TIME = LazyPattern(
    r"\b(?:(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?[ \t]*(?P<half>[AaPp])\.?[ \t]?[Mm]\b\.?"
    r"|(?P<hour24>\d{1,2}):(?P<minute24>\d{2})(?![ \t]*[AaPp]\.?[ \t]?[Mm]\b)(?:[ \t]*(?:h|hrs|hours)\b)?"
    r"|(?P<word>noon|midnight))", re.IGNORECASE)
_ZONE = LazyPattern(r"\b(?P<zone>E[SD]?T|C[SD]?T|M[SD]?T|P[SD]?T|GMT|UTC|BST|CES?T|Eastern|Central|Mountain|"
                    r"Pacific)\b")
# Hours from UTC; a "T" zone (ET, PT...) follows the US daylight-saving rule.
_ZONE_HOURS = {"E": -5, "C": -6, "M": -7, "P": -8}
_FIXED_ZONES = {"GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2}


class Embargo(NamedTuple):
    day: date | None  # None: no date that reads as one
    moment: datetime | None  # the day and time it lifts (aware when a zone is given)
    problem: str  # "" when it reads; else what is wrong, for the message
    text: str  # the terms, as written


def embargo(doc: Document, line: ReleaseLine, year: int | None) -> Embargo | None:
    """The terms of an embargo line; None for one lifted "until further notice"."""
    assert line.rest is not None
    text = doc.prose[line.rest.start:line.rest.end].strip()
    if _NO_DATE_EMBARGO.search(text):
        return None
    mentions = [mention for mention in find_dates(text) if mention.day is not None]
    if not mentions:
        return Embargo(None, None, "it gives no date", text)
    mention = mentions[0]
    if mention.problem:
        return Embargo(None, None, f"'{mention.text}' {mention.problem}", text)
    day = mention.exact(year)
    if day is None:
        return Embargo(None, None, f"'{mention.text}' has no year", text)
    found = _TIME.search(text)
    if found is None:
        if re.search(r"\d{1,2}[:.]\d{2}|\b\d{1,2}\s*[ap]\b", text, re.IGNORECASE):
            return Embargo(day, None, "its time does not read as one", text)
        return Embargo(day, datetime(day.year, day.month, day.day), "", text)
    clock = _clock(found)
    if clock is None:
        return Embargo(day, None, f"'{found.group()}' is no time of day", text)
    moment = datetime.combine(day, clock)
    zone = _ZONE.search(text)
    if zone is not None:
        moment = moment.replace(tzinfo=_tz(zone.group("zone"), moment))
    return Embargo(day, moment, "", text)


class EmbargoLine(NamedTuple):
    line: ReleaseLine
    release: ReleaseDate | None  # the release date, as the D rules find it
    terms: Embargo | None  # None: "until further notice"


def embargo_line(doc: Document, dates: DateSettings, year: int | None = None) -> EmbargoLine | None:
    """The release's embargo line, the release date and the embargo's terms (a date
    without a year takes the release date's, else ``year``); None without an embargo."""
    line = release_line(doc)
    if line is None or not line.embargo:
        return None
    release = analyse(doc, dates).release
    return EmbargoLine(line, release, embargo(doc, line, release.date.year if release else year))


def _clock(found: re.Match[str]) -> time | None:
    if found.group("word"):
        return time(12) if found.group("word").lower() == "noon" else time(0)
    if found.group("hour24"):
        hour, minute = int(found.group("hour24")), int(found.group("minute24"))
        return time(hour, minute) if hour < 24 and minute < 60 else None
    hour, minute = int(found.group("hour")), int(found.group("minute") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour %= 12
    return time(hour + (12 if found.group("half").lower() == "p" else 0), minute)


def _tz(zone: str, moment: datetime) -> timezone:
    if zone in _FIXED_ZONES:
        return timezone(timedelta(hours=_FIXED_ZONES[zone]))
    hours = _ZONE_HOURS[zone[0]]
    if zone.endswith("DT") or ((len(zone) == 2 or len(zone) > 3) and _us_summer(moment)):
        hours += 1  # EDT, or ET / "Eastern" in summer time
    return timezone(timedelta(hours=hours))


def _us_summer(moment: datetime) -> bool:
    """US daylight saving time: from the second Sunday of March to the first of November."""
    def sunday(month: int, nth: int) -> date:
        first = date(moment.year, month, 1)
        return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
    return sunday(3, 2) <= moment.date() < sunday(11, 1)


# --- the end mark, contacts, the About section ---------------------------------------------

_END_MARK = LazyPattern(r"^[ \t*_]*(?:#[ \t]?#[ \t]?#|-[ \t]?30[ \t]?-|ENDS?)[ \t*_]*$", re.MULTILINE)


# In an HTML page, on its prose: the tags around the mark ("<p>###</p>") are masked, and
# a mark in the chrome html_scope.py hides is none.
_HTML_END_MARK = LazyPattern(r"^[ \t*_\ufffc\u2063]*(?:#[ \t]?#[ \t]?#|-[ \t]?30[ \t]?-|ENDS?)[ \t*_\ufffc\u2063]*$",
                             re.MULTILINE)


def end_mark(doc: Document) -> bool:
    """Whether a line is an end mark: "###", "# # #", "-30-" or "END"."""
    if doc.syntax == "html":
        return _HTML_END_MARK.search(doc.prose) is not None
    return _END_MARK.search(doc.text) is not None


_CONTACT = LazyPattern(
    r"(?:^|(?<=\s\s)|(?<=\*\*)|(?<=\|)|(?<=[.!?]\s))[ \t*" + SEPARATOR + r"]*"
    r"(?:(?:media|press|pr|news|public\s+relations)\s+contacts?"
    r"|contacts?(?:\s+information)?(?:\s+for\s+[^:\n]{1,30})?|for\s+(?:more\s+information|media\s+inquiries|"
    r"further\s+information)[^:\n]{0,40}?)[ \t*" + SEPARATOR + r"]*:", re.IGNORECASE | re.MULTILINE)
_BLOCK_END = LazyPattern(r"\n[ \t]*\n|(?:\s\s|\*\*|^)About\s|\n---", re.MULTILINE)
_BLOCK_REACH = 400


class ContactBlock(NamedTuple):
    label: Span  # "Media Contact:"
    text: Span  # what follows it


def contact_blocks(doc: Document) -> list[ContactBlock]:
    """Each media-contact label and the text after it ("Media Contact:", "Contact:", "For more
    information, contact:"), to a blank line, an "About" section or 400 characters."""
    return doc.shared("conventions.contact_blocks", _contact_blocks)


# Every label holds one of these words (lower case): the label pattern, whose lookbehinds
# would be tried at every position, runs only around them.
_LABEL_WORDS = ("contact", "information", "inquiries")


def _contact_blocks(doc: Document) -> list[ContactBlock]:
    prose = doc.prose
    lowered = prose.lower()
    labels: dict[int, re.Match[str]] = {}
    if len(lowered) != len(prose):  # a letter whose lower case is longer ("İ"): offsets differ
        labels = {match.start(): match for match in _CONTACT.finditer(prose)}
    for word in _LABEL_WORDS if not labels else ():
        at = lowered.find(word)
        while at != -1:
            # A label starts at most 60 characters before its word and ends soon after it.
            for match in _CONTACT.finditer(prose, max(0, at - 60), min(len(prose), at + len(word) + 50)):
                if match.start() <= at < match.end():
                    labels.setdefault(match.start(), match)
            at = lowered.find(word, at + len(word))
    found = [labels[start] for start in sorted(labels)]
    blocks = []
    for index, match in enumerate(found):
        reach = min(len(prose), match.end() + _BLOCK_REACH)
        if index + 1 < len(found):
            reach = min(reach, found[index + 1].start())  # the next label starts the next block
        stop = _BLOCK_END.search(prose, match.end() + 1, reach)
        label = match.group()
        start = match.start() + len(label) - len(label.lstrip())
        blocks.append(ContactBlock(Span(start, match.end()), Span(match.end(), stop.start() if stop else reach)))
    return blocks


EMAIL = LazyPattern(r"(?<![\w.+'-])[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w@-])")
_AT_WORD = LazyPattern(r"(?<![\w.+'-])[\w.+'-]+@[^\s|,;<>()]*")
PHONE = LazyPattern(r"(?<![\w+])(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}(?!\d)"
                    r"|(?<![\w])\+\d[\d ().-]{6,18}\d(?![\w])")
# Looks like a North American number but has a wrong number of digits: "212-896-899".
_BAD_PHONE = LazyPattern(r"(?<![\w+(.-])\(?\d{3}\)?[ .-]\d{3}[ .-](?:\d{1,3}|\d{5,})(?![\w.-]|\s\d)")
_TELEPHONE = LazyPattern(r"(?:phone|tel|mobile|cell|call)[.:]?[ \t]*\Z", re.IGNORECASE)


def bad_contacts(text: str, block: Span) -> list[tuple[Span, str]]:
    """What in a contact block looks like an e-mail address or a telephone number and is
    not one: (span, "email" or "phone"). ``text`` is the document's text, not its prose,
    where addresses are masked."""
    found = []
    for match in _AT_WORD.finditer(text, block.start, block.end):
        word = match.group().rstrip(".")
        if EMAIL.fullmatch(word) is None and "@" in word and not word.startswith("@"):
            found.append((Span(match.start(), match.start() + len(word)), "email"))
    for match in _BAD_PHONE.finditer(text, block.start, block.end):
        found.append((Span(*match.span()), "phone"))
    return sorted(found)


def reachable(text: str, block: Span) -> bool:
    """Whether a contact block gives an e-mail address or a telephone number (``text``:
    the document's text)."""
    return EMAIL.search(text, block.start, block.end) is not None \
        or PHONE.search(text, block.start, block.end) is not None


_ABOUT = LazyPattern(r"(?:^|(?<=\s\s)|(?<=\*\*))[ \t#*_>" + SEPARATOR + r"]*(?:About|ABOUT)[ \t]+"
                     r"(?:the[ \t]+|THE[ \t]+)?[A-Z0-9" + MASK + "]", re.MULTILINE)


def about_section(doc: Document) -> bool:
    """Whether the release has an "About <Company>" section: a line (or, in text whose
    paragraphs ran together, a stretch after two spaces) that starts with "About" and a name."""
    return _ABOUT.search(doc.prose) is not None


def top(doc: Document) -> Span | None:
    """Where a finding about the whole release goes: its headline, else its first body
    line's first word; None for a text with neither (no release to judge)."""
    from ..capitalization.casing import headline_span

    body = first_body_line(doc)
    if body is None:
        return None
    headline = headline_span(doc, top_headings(doc))
    if headline is not None and headline[0] < body.start:
        return Span(*headline)
    word = _WORDS.search(doc.prose, body.start, body.end)
    return Span(*word.span()) if word else body
