"""The date recognizer (presslint.kinds.dates.recognition) on its own: a table of real date strings and of
near-misses that are not dates, release-date detection, and relative dates."""

from __future__ import annotations

import re
from datetime import date

import pytest

from presslint.kinds.dates.recognition import (
    RELATIVE,
    analyse,
    dateline,
    find_dates,
    front_matter_date,
    resolve_relative,
)
from presslint.settings import DateSettings

from .conftest import document

# text, the span found (None: no date), (year, month, day) and the form.
TABLE = [
    # month first, with and without year, abbreviations, ordinals, no comma
    ("Acme reported on March 18, 2024 that", "March 18, 2024", (2024, 3, 18), "month-day-year"),
    ("filed Mar. 18, 2024.", "Mar. 18, 2024", (2024, 3, 18), "month-day-year"),
    ("filed Mar 18, 2024.", "Mar 18, 2024", (2024, 3, 18), "month-day-year"),
    ("on Sept. 5, 2025,", "Sept. 5, 2025", (2025, 9, 5), "month-day-year"),
    ("on Sep 5 2025 -", "Sep 5 2025", (2025, 9, 5), "month-day-year"),
    ("Onalaska, WI, April 26 2024 -", "April 26 2024", (2024, 4, 26), "month-day-year"),
    ("on March 31st, 2025 at", "March 31st, 2025", (2025, 3, 31), "month-day-year"),
    ("DECEMBER 1, 2024 —", "DECEMBER 1, 2024", (2024, 12, 1), "month-day-year"),
    ("opens March 18 at noon", "March 18", (None, 3, 18), "month-day"),
    ("due Jan. 2.", "Jan. 2", (None, 1, 2), "month-day"),
    ("by March 18,2024.", "March 18,2024", (2024, 3, 18), "month-day-year"),
    # weekday before or after
    ("on Monday, March 18, 2024.", "Monday, March 18, 2024", (2024, 3, 18), "month-day-year"),
    ("Wednesday Nov 22, 2023 @ 1:00 AM", "Wednesday Nov 22, 2023", (2023, 11, 22), "month-day-year"),
    ("on Tue. March 19", "Tue. March 19", (None, 3, 19), "month-day"),
    ("on March 18, 2024 (Monday).", "March 18, 2024 (Monday)", (2024, 3, 18), "month-day-year"),
    ("on Friday, the 5th of April", "Friday, the 5th of April", (None, 4, 5), "day-month"),
    # day first
    ("on 18 March 2024 in", "18 March 2024", (2024, 3, 18), "day-month-year"),
    ("on 18th March, 2024 in", "18th March, 2024", (2024, 3, 18), "day-month-year"),
    ("on the 18th of March 2024", "18th of March 2024", (2024, 3, 18), "day-month-year"),
    ("on 1 Apr, 2025,", "1 Apr, 2025", (2025, 4, 1), "day-month-year"),
    ("on Monday 18 March", "Monday 18 March", (None, 3, 18), "day-month"),
    # ranges
    ("runs March 18-20, 2024 in", "March 18-20, 2024", (2024, 3, 18), "month-day-year"),
    ("runs March 18 – 20, 2024 in", "March 18 – 20, 2024", (2024, 3, 18), "month-day-year"),
    ("runs March 18 to April 2, 2024.", "March 18 to April 2, 2024", (2024, 3, 18), "month-day-year"),
    ("from November 5th-7th, 2024 in", "November 5th-7th, 2024", (2024, 11, 5), "month-day-year"),
    ("runs 18-20 March 2024.", "18-20 March 2024", (2024, 3, 18), "day-month-year"),
    ("held from March 2 to 5 at", "March 2 to 5", (None, 3, 2), "month-day"),
    # numeric
    ("by 2024-03-18.", "2024-03-18", (2024, 3, 18), "ISO"),
    ("by 3/18/2024.", "3/18/2024", (2024, 3, 18), "numeric"),
    ("by 03/18/2024.", "03/18/2024", (2024, 3, 18), "numeric"),
    ("by 03-18-2024.", "03-18-2024", (2024, 3, 18), "numeric"),
    ("by 3/4/2024.", "3/4/2024", (2024, 3, 4), "numeric"),
    ("by 18/03/2024 (day first).", "18/03/2024", (2024, 3, 18), "numeric"),
    # month and year, quarters, fiscal years, years after a preposition
    ("in March 2024 the", "March 2024", (2024, 3, None), "month-year"),
    ("in May of 2025,", "May of 2025", (2025, 5, None), "month-year"),
    ("in Q3 2024,", "Q3 2024", (2024, None, None), "quarter"),
    ("its Q4 FY2025 results", "Q4 FY2025", (2025, None, None), "quarter"),
    ("in the third quarter of 2024,", "third quarter of 2024", (2024, None, None), "quarter"),
    ("for fiscal 2025,", "fiscal 2025", (2025, None, None), "fiscal"),
    ("for fiscal year 2025,", "fiscal year 2025", (2025, None, None), "fiscal"),
    ("in FY2025,", "FY2025", (2025, None, None), "fiscal"),
    ("in FY25,", "FY25", (2025, None, None), "fiscal"),
    ("was founded in 1975.", "1975", (1975, None, None), "year"),
    ("Since 2010, Acme", "2010", (2010, None, None), "year"),
    ("opens in 2204 in Austin", "2204", (2204, None, None), "year"),
    ("runs Through 2026, Acme", "2026", (2026, None, None), "year"),
    ("grew during 2023 and", "2023", (2023, None, None), "year"),
    ("for FISCAL 2024.", "FISCAL 2024", (2024, None, None), "fiscal"),
    ("in Fiscal Year 2025,", "Fiscal Year 2025", (2025, None, None), "fiscal"),
    ("in the 4th quarter of fiscal 2024.", "4th quarter of fiscal 2024", (2024, None, None), "quarter"),
    # impossible dates are still found (D101 reports them)
    ("on February 30, 2024.", "February 30, 2024", (2024, 2, 30), "month-day-year"),
    ("by 2024-13-05.", "2024-13-05", (2024, 13, 5), "ISO"),
    ("on 31 April.", "31 April", (None, 4, 31), "day-month"),
    # near-misses: not dates
    ("See Section 3/18 of the act.", None, None, None),
    ("Version 2.3.18 ships today.", None, None, None),
    ("Upgrade to v10.18.2024 now.", None, None, None),
    ("Call 555-123-4567 or 1-800-555-0199.", None, None, None),
    ("Tickets cost $3.18 each.", None, None, None),
    ("It runs 24/7/365.", None, None, None),
    ("Stores open in 2000 stores soon.", None, None, None),
    ("In May 35 people joined.", None, None, None),
    ("We may 2 times a day.", None, None, None),
    ("Revenue rose 12.5% to $2,024 million.", None, None, None),
    ("ISBN 978-1-2024-0318-5", None, None, None),
    ("Part 2024-3-18B is ready.", None, None, None),
    ("Room 3/18/24 is booked.", None, None, None),
    ("The march 18 miles long.", None, None, None),
    ("At 3:18 pm, doors open.", None, None, None),
    ("Mar-a-Lago hosted 2024 guests.", None, None, None),
    ("The Berlin 2025 Conference opens.", None, None, None),
]


@pytest.mark.parametrize(("text", "span", "parts", "form"), TABLE, ids=[row[0] for row in TABLE])
def test_recognizer_table(text: str, span: str | None, parts: tuple[int | None, ...] | None,
                          form: str | None) -> None:
    found = find_dates(text)
    if span is None:
        assert found == [], [m.text for m in found]
        return
    assert len(found) == 1, [m.text for m in found]
    mention = found[0]
    assert text[mention.start:mention.end] == span == mention.text
    assert (mention.year, mention.month, mention.day) == parts
    assert mention.form == form


def test_the_table_is_big_enough() -> None:
    assert len(TABLE) >= 60
    assert sum(1 for row in TABLE if row[1] is None) >= 10


def test_date_order_reads_numeric_dates() -> None:
    assert (find_dates("by 3/4/2024.")[0].month, find_dates("by 3/4/2024.")[0].day) == (3, 4)
    dmy = find_dates("by 3/4/2024.", order="dmy")[0]
    assert (dmy.month, dmy.day) == (4, 3)


def test_impossible_dates_say_why() -> None:
    assert find_dates("on February 29, 2023")[0].problem == "2023 is not a leap year, so February has 28 days"
    assert find_dates("on February 29, 2024")[0].problem is None
    assert find_dates("on 13/13/2024")[0].problem == "there is no month 13"
    assert find_dates("on April 31, 2024")[0].problem == "April has 30 days"


def test_weekday_and_range() -> None:
    mention = find_dates("Monday, March 19, 2024")[0]
    assert mention.weekday == 0 and mention.weekday_span == (0, 6)
    ranged = find_dates("March 18-20, 2024")[0]
    assert ranged.interval() == (date(2024, 3, 18), date(2024, 3, 20))


def test_missing_year_is_the_one_nearest_the_release_date() -> None:
    early_january = find_dates("on January 5")[0]
    assert early_january.interval(date(2024, 12, 20)) == (date(2025, 1, 5), date(2025, 1, 5))
    assert find_dates("on March 2")[0].interval(date(2024, 3, 18)) == (date(2024, 3, 2), date(2024, 3, 2))
    # Half a year away: the year is a guess, so no interval.
    assert find_dates("on September 18")[0].interval(date(2024, 3, 18)) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("REDMOND, Wash. — March 18, 2024 — Microsoft today announced", date(2024, 3, 18)),
    ("HALTOM CITY, TX, March 14, 2024 /24-7PressRelease/ -- Acme said", date(2024, 3, 14)),
    ("Onalaska, WI, April 26 2024 - Acme said", date(2024, 4, 26)),
    ("Columbus, OH (Newsworthy.ai) Wednesday Nov 22, 2023 @ 1:00 AM Eastern — Acme", date(2023, 11, 22)),
    ("SEATTLE, June 2, 2025 /PRNewswire/ — Keystone.ai said", date(2025, 6, 2)),
    ("**NEW YORK** – March 18, 2024 – Acme said", date(2024, 3, 18)),
    ("March 18, 2024 — Acme said", date(2024, 3, 18)),
    # The forms other wires use.
    ("LONDON - 15 June 2026 - Acme said", date(2026, 6, 15)),
    ("- 15 June 2026 - Acme said", date(2026, 6, 15)),
    ("/ Wire Name / October 7, 2024 4:50 PM / Acme said", date(2024, 10, 7)),
    ("AUSTIN, Texas / Wire Name / October 7, 2024 4:50 PM ET -- Acme said", date(2024, 10, 7)),
    ("AUSTIN, Texas (July 31, 2024)— Acme said", date(2024, 7, 31)),
    ("(July 31, 2024)— Acme said", date(2024, 7, 31)),
    ("Release Date: July 31, 2024\n\nAcme said", date(2024, 7, 31)),
    ("Published on July 31, 2024\n\nAcme said", date(2024, 7, 31)),
    ("CHICAGO and TOKYO, July 23, 2025 /PRNewswire/ — Acme said", date(2025, 7, 23)),
    ("FLINT, MI: DETROIT, MI: STATE of MICHIGAN: USA, October 16, 2025 /24-7PressRelease/ -- Acme", date(2025, 10, 16)),
    ("AUSTIN, TX, UNITED STATES, July 31, 2024 /EINPresswire.com/ -- Acme said", date(2024, 7, 31)),
    ("LOS ANGELES, CA,, November 06, 2024 /24-7PressRelease/ -- Acme said", date(2024, 11, 6)),
    ("NEW YORK, NY / ACCESSWIRE / March 3, 2025 / Acme said", date(2025, 3, 3)),
    ("March 3, 2025 09:00 AM Eastern Standard Time\n\nAcme said", date(2025, 3, 3)),
])
def test_dateline(line: str, expected: date) -> None:
    text = "Acme Launches a Thing\n\n" + line + " it launched a thing.\n"
    # As the rules read it: an address ("EINPresswire.com") is masked.
    text = document(text).prose
    found = dateline(text, find_dates(text))
    assert found is not None and found.exact() == expected


@pytest.mark.parametrize("line", [
    "Acme said on March 18, 2024 that it launched a thing.",
    "The event runs March 18, 2024 through the spring.",
    "In 2019, Acme launched a thing.",
    # An event's date, labelled as such, does not date the release.
    "When: September 18, 2025",
    "Event Date: September 18, 2025",
    "Date: September 18, 2025",
])
def test_not_a_dateline(line: str) -> None:
    text = "Acme Launches a Thing\n\n" + line + "\n"
    assert dateline(text, find_dates(text)) is None


def test_release_date_sources_in_order() -> None:
    markdown = "---\ntitle: X\ndate: 2024-03-20\n---\n\nAUSTIN, Texas — March 18, 2024 — Acme said.\n"
    doc = document(markdown, "release.md")
    assert analyse(doc, DateSettings()).release.source == "front matter"  # type: ignore[union-attr]
    assert analyse(doc, DateSettings()).release.date == date(2024, 3, 20)  # type: ignore[union-attr]
    given = analyse(doc, DateSettings(release_date=date(2024, 3, 1))).release
    assert given is not None and (given.date, given.source) == (date(2024, 3, 1), "--release-date")
    plain = document("AUSTIN, Texas — March 18, 2024 — Acme said.\n")
    found = analyse(plain, DateSettings()).release
    assert found is not None and (found.date, found.source) == (date(2024, 3, 18), "dateline")
    assert analyse(document("Acme said so.\n"), DateSettings()).release is None


def test_analysis_is_shared_per_document_and_date_order() -> None:
    doc = document("AUSTIN, Texas — 3/4/2024 — Acme said.\n")
    mdy = analyse(doc, DateSettings())
    assert analyse(doc, DateSettings()) is mdy  # computed once, for every D rule
    dmy = analyse(doc, DateSettings(date_order="dmy"))
    assert (mdy.mentions[0].month, dmy.mentions[0].month) == (3, 4)
    assert (mdy.release.date, dmy.release.date) == (date(2024, 3, 4), date(2024, 4, 3))  # type: ignore[union-attr]

def test_front_matter_dates_in_other_formats() -> None:
    assert front_matter_date('---\ndate: "March 18, 2024"\n---\n') == (date(2024, 3, 18), 11)
    assert front_matter_date("---\ntitle: x\n---\n") is None


@pytest.mark.parametrize(("words", "first", "last"), [
    ("today", date(2024, 3, 18), date(2024, 3, 18)),
    ("yesterday", date(2024, 3, 17), date(2024, 3, 17)),
    ("last week", date(2024, 3, 11), date(2024, 3, 17)),
    ("this month", date(2024, 3, 1), date(2024, 3, 31)),
    ("next month", date(2024, 4, 1), date(2024, 4, 30)),
    ("last year", date(2023, 1, 1), date(2023, 12, 31)),
    ("next Tuesday", date(2024, 3, 19), date(2024, 3, 26)),
])
def test_relative_dates_resolve(words: str, first: date, last: date) -> None:
    match = RELATIVE.search(f"It happens {words}.")
    assert match is not None
    assert resolve_relative(match, date(2024, 3, 18)) == (first, last)  # a Monday


def test_today_possessive_is_not_a_relative_date() -> None:
    assert RELATIVE.search("Today's shoppers want more.") is None
    assert re.fullmatch(r"today", RELATIVE.search("Acme today said")[0])  # type: ignore[index]


def test_find_dates_finds_what_a_plain_scan_finds() -> None:
    # find_dates tries _DATES only where _DATE_START says a date may start; a scan that
    # tries every position must find the same dates.
    from presslint.kinds.dates import recognition as dates

    text = "\n".join(row[0] for row in TABLE) + (
        "\nMarch\n\n 18 and 18-20  March; on 1٣ March, Q3 2024 vs FY’25; $2024-03-18; 3/18/2024, 18 to 20 May"
        " of 2025, in\t2024's report; ZMarch 18; 18th\nof\nMarch 2024 (Monday); fiscal year 2025; mid-May 5")
    plain = (dates._mention(match, "mdy") for match in re.finditer(dates._DATES.pattern, text, re.MULTILINE))
    expected = [mention for mention in plain if mention is not None]
    assert len(expected) > len(TABLE) / 2
    assert find_dates(text) == expected


def test_sentence_at_is_the_sentence_split_gives() -> None:
    from presslint.sentences import sentence_at, split

    text = ("Acme Inc. said so.  Mr. J. Smith agreed!\nThe line\ngoes on\n\n\n  \"Quoted.\" (Yes.) End"
            + " of a long sentence" * 40 + ". Last one?\n")
    sentences = split(text)
    for offset in range(len(text)):
        inside = [span for span in sentences if span.start <= offset < span.end]
        assert sentence_at(text, offset) == (inside[0] if inside else None), offset


def test_an_html_dateline_with_an_entity_dates_the_release() -> None:
    doc = document("<p>AUSTIN, Texas, July 31, 2024 &mdash; Acme today said so.</p>\n", "r.html")
    found = analyse(doc.for_words[0], DateSettings()).release
    assert found is not None and found.date == date(2024, 7, 31)
