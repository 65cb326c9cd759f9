"""Kinds that check dates against known facts: the team's fact sheet (``facts:`` in the
config, D106), and founding years against "for 20 years" or "40th anniversary" (D110)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ...diagnostic import Diagnostic, Span
from ...document import Document
from ...lazyre import LazyPattern
from ...sentences import sentence_at
from .. import Kind
from .fact_sheet import Fact, load
from .recognition import RELATIVE, DateMention, analyse, matches_at, resolve_relative


def _fact_sheet(kind: Kind) -> tuple[Fact, ...]:
    """The facts of the sheet the settings name, if any (a FactsError names the sheet and
    goes to the user as it is)."""
    return load(kind.settings.facts) if kind.settings.facts is not None else ()


class FactCheck(Kind):
    """A date in a sentence that names an event of the fact sheet and disagrees with it."""

    # ``message``: a date against the fact sheet's date of the event; "year-of-fact": one
    # against the year that the sheet gives.
    MESSAGES = ("year-of-fact",)

    def setup(self) -> None:
        self.facts = _fact_sheet(self)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if not self.facts:
            return
        facts = analyse(doc, self.settings.dates)
        release = facts.release.date if facts.release else None
        prose = doc.prose
        # Every place an event is named, grouped by sentence.
        by_sentence: dict[Span, list[tuple[int, re.Match[str], Fact]]] = {}
        for fact in self.facts:
            for hit in fact.pattern.finditer(prose):
                sentence = sentence_at(prose, hit.start())
                if sentence is not None:
                    by_sentence.setdefault(sentence, []).append((hit.start(), hit, fact))
        source = self.settings.facts.name if self.settings.facts else ""
        for sentence, hits in sorted(by_sentence.items()):
            explicit, implicit = _claims(prose, sentence, facts.mentions, facts.dateline, release)
            # Dates written in the sentence are about the event named nearest them; without
            # any, the dateline and "today" date the event the sentence announces.
            for start, end, when in explicit or implicit[:1]:
                _, hit, fact = min(hits, key=lambda h: abs(h[0] - start))
                if _agrees(fact, when):
                    continue
                yield self.rule.report(doc, Span(start, end), key="" if fact.date else "year-of-fact",
                                       found=prose[start:end], event=hit.group(), fact=fact.event, when=fact.when,
                                       source=source)


class FoundingYearMismatch(Kind):
    """A founding year (from the fact sheet or the release) that does not add up with "for
    20 years" in its sentence or "its 40th anniversary"."""

    # ``message``: a founding year against "for 20 years" in its sentence; "anniversary":
    # the founding year (of the fact sheet or the release) against one.
    MESSAGES = ("anniversary",)

    def setup(self) -> None:
        self.founded = next((f for f in _fact_sheet(self) if f.is_founding), None)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        if " years" not in prose and "anniversary" not in prose:
            return
        facts = analyse(doc, self.settings.dates)
        release = facts.release.date.year if facts.release else None
        stated = {int(m.group("year")): m for m in _founding_years(prose)}
        founded_by_doc = next(iter(stated)) if len(stated) == 1 else None
        source = "the fact sheet" if self.founded else "the release"
        founded = self.founded.year if self.founded else founded_by_doc
        # "for 20 years" in the very sentence that gives the founding year.
        for year, match in stated.items():
            sentence = sentence_at(prose, match.start())
            if sentence is None or release is None:
                continue
            for claim in _SPAN_CLAIM.finditer(prose, sentence.start, sentence.end):
                between = prose[min(match.end(), claim.end()):max(match.start(), claim.start())]
                if _PERSON.search(between) or _PERSON.search(prose, sentence.start, min(match.start(), claim.start())):
                    continue
                years = int(claim.group("n"))
                if not _fits(claim.group("qual"), bool(claim.group("plus")), years, release - year):
                    yield self._report(doc, claim, "", year, release)
        if founded is None:
            return
        for claim in _anniversaries(prose):
            number = claim.group("n") or claim.group("cn")
            years = int(number) if number else _ORDINAL_WORDS[claim.group("word").lower()]
            sentence = sentence_at(prose, claim.start())
            in_sentence = [int(y) for y in _YEAR.findall(prose, sentence.start, sentence.end)] if sentence else []
            other_years = [y for y in in_sentence if y != founded]
            reference = other_years[0] if len(other_years) == 1 else release
            if reference is None or years == reference - founded:
                continue
            yield self._report(doc, claim, "anniversary", founded, reference, source)

    def _report(self, doc: Document, claim: re.Match[str], key: str, founded: int, reference: int,
                source: str = "") -> Diagnostic:
        return self.rule.report(doc, Span(*claim.span()), key=key, found=claim.group(), founded=founded,
                                source=source, expected=reference - founded, year=reference)


Claim = tuple[int, int, tuple[date, date]]


def _claims(prose: str, sentence: Span, mentions: list[DateMention], dateline: DateMention | None,
            release: date | None) -> tuple[list[Claim], list[Claim]]:
    """The dates a sentence states: written ones, and the dateline and "today" (resolved)."""
    explicit: list[Claim] = []
    implicit: list[Claim] = []
    for mention in mentions:
        if sentence.start <= mention.start < sentence.end and mention.form != "fiscal":
            interval = mention.interval(release)
            if interval is not None:
                (implicit if mention is dateline else explicit).append((mention.start, mention.end, interval))
    if release is not None:
        for match in RELATIVE.finditer(prose, sentence.start, sentence.end):
            if match.group("simple"):
                interval = resolve_relative(match, release)
                if interval is not None:
                    implicit.append((match.start(), match.end(), interval))
    return explicit, implicit


def _agrees(fact: Fact, when: tuple[date, date]) -> bool:
    if fact.date is not None:
        return when[0] <= fact.date <= when[1]
    return when[0].year <= fact.year <= when[1].year


_FOUNDED = LazyPattern(r"\b(?:[Ff]ounded|[Ee]stablished|[Ii]ncorporated|[Ii]n business since)"
                      r"(?:\s+in)?\s+(?P<year>(?:1[6-9]|20)\d{2})\b(?![-–/]\d)")


def _founding_years(prose: str) -> Iterator[re.Match[str]]:
    """_FOUNDED.finditer(prose), tried only one letter before its words' stems (found by
    str.find, which is fast; most releases name no founding)."""
    starts = sorted(found - 1 for stem in ("ounded", "stablished", "ncorporated", "n business since")
                    for found in _occurrences(prose, stem) if found)
    return matches_at(_FOUNDED, prose, starts)


def _occurrences(text: str, word: str) -> Iterator[int]:
    find = text.find
    found = find(word)
    while found != -1:
        yield found
        found = find(word, found + 1)


_ORDINAL_WORDS = {"tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                  "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80,
                  "ninetieth": 90, "hundredth": 100, "centennial": 100, "fifth": 5, "fifteenth": 15,
                  "twenty-fifth": 25}
_CELEBRATES = r"(?:[Cc]elebrates|[Mm]arks|[Cc]ommemorates|(?:is|are)\s+celebrating|will\s+(?:celebrate|mark))"
# _ANNIVERSARY's verbs, by a part that is in every form of them: "celebrates", "marks" and
# "commemorates" start a letter before it; "is celebrating", "are celebrating", "will
# celebrate" and "will mark" at the "is", "are" or "will" before that letter.
_CELEBRATE_STEMS = ("elebrat", "ark", "ommemorates")


def _anniversaries(prose: str) -> Iterator[re.Match[str]]:
    """_ANNIVERSARY.finditer(prose), tried only where one of its verbs is (it has no
    literal start, so a plain search would try every character)."""
    starts: set[int] = set()
    for stem in _CELEBRATE_STEMS:
        for found in _occurrences(prose, stem):
            if not found:
                continue
            verb = found - 1
            starts.add(verb)
            space = verb
            while space > 0 and prose[space - 1].isspace():
                space -= 1
            if space < verb:
                starts.update(space - len(auxiliary) for auxiliary in ("is", "are", "will")
                              if space >= len(auxiliary) and prose.startswith(auxiliary, space - len(auxiliary)))
    return matches_at(_ANNIVERSARY, prose, sorted(starts))


_ANNIVERSARY = LazyPattern(
    _CELEBRATES + r"\s+(?:its|our|their|the\s+(?:company|firm)['’]s)\s+(?:(?P<n>\d{1,3})(?:st|nd|rd|th)|"
    r"(?P<word>" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r"))\s+anniversary\b"
    r"|" + _CELEBRATES + r"\s+(?:its\s+|our\s+)?(?P<cn>\d{1,3})\s+years\b"
    r"(?!\s+of\s+(?!service|business|operations?|serving|excellence))")
# "for 20 years", "for over 20 years", "for 20+ years"; not "20 years of experience".
_SPAN_CLAIM = LazyPattern(
    r"\bfor\s+(?P<qual>over\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+|some\s+)?"
    r"(?P<n>\d{1,3})(?P<plus>\+)?\s+years\b(?!\s+of\s+experience)")
# Words that show a sentence is about a person, not the company that was founded.
_PERSON = LazyPattern(r"\b(?:by|who|whose|he|she|his|her|[Mm]r|[Mm]s|[Dd]r)\b")
_YEAR = LazyPattern(r"\b(?:19|20)\d{2}\b")


def _fits(qualifier: str | None, plus: bool, claimed: int, actual: int) -> bool:
    qualifier = " ".join((qualifier or "").split())
    if plus or qualifier in ("over", "more than"):
        return actual >= claimed
    if qualifier in ("nearly", "almost"):
        return claimed - 2 <= actual <= claimed
    if qualifier in ("about", "some"):
        return abs(actual - claimed) <= 2
    return abs(actual - claimed) <= 1  # "for 20 years": exact, give or take the anniversary date
