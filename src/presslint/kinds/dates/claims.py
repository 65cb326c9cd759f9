"""Kinds that check date claims against the release date: relative dates ("yesterday"),
past or future tense about a date on the wrong side of it, and a dateline that disagrees
with the release date given."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from ...diagnostic import Diagnostic, Span
from ...document import Document
from ...lazyre import LazyPattern
from ...sentences import sentence_at
from .. import Kind
from .recognition import RELATIVE, DateMention, DocumentDates, analyse, long_date, matches_at, resolve_relative


def _release_note(facts: DocumentDates) -> str:
    assert facts.release is not None
    return f"{long_date(facts.release.date)}, from the {facts.release.source}".replace(
        "the --release-date", "--release-date")


class UnanchoredRelativeDate(Kind):
    """'today', 'yesterday', 'next Tuesday'... in a release with no date to resolve them
    against: reported once per document, at the first one."""

    MESSAGES = ("and-more",)  # at the first of several

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        facts = analyse(doc, self.settings.dates)
        if facts.release is not None:
            return
        prose = doc.prose
        matches = [m for m in _relative_dates(prose) if _is_claim(prose, m)]
        if matches:
            first = matches[0]
            more = len(matches) - 1
            yield self.rule.report(doc, Span(*first.span()), key="and-more" if more else "",
                                   found=first.group(), more=more)


# Where RELATIVE can start, for a whole-text search: each pattern starts with a rare letter or
# the rest of a word (the engine finds a literal start fast, but would try RELATIVE at every
# position), with how far before its match the word starts.
_RELATIVE_LETTERS = tuple((LazyPattern(pattern), back) for pattern, back in (
    (r"y(?<=\b[Tt]oday)", 4), (r"y(?<=\b[Yy]esterday)", 8), (r"w(?<=\b[Tt]omorrow)", 7),
    (r"g(?<=\b[Tt]onig)", 4), (r"x(?<=\b[Nn]ex)", 2), (r"his(?<=\b[Tt]his)", 1), (r"ast(?<=\b[Ll]ast)", 1)))


def _relative_dates(prose: str) -> Iterator[re.Match[str]]:
    """RELATIVE.finditer(prose), tried only where one of its words starts."""
    starts = sorted(found.start() - back for pattern, back in _RELATIVE_LETTERS for found in pattern.finditer(prose))
    return matches_at(RELATIVE, prose, starts)


# "today" is a date claim beside a news verb ("today announced", "Today, Acme launched");
# alone it is often "nowadays" ("Request a brochure today", "Psychology Today").
_NEWS_VERB = LazyPattern(
    r"\b(?:announc(?:e|es|ed|ing)|said|says|launch(?:es|ed|ing)?|unveil(?:s|ed|ing)?|releas(?:e|es|ed|ing)|"
    r"introduc(?:e|es|ed|ing)|reveal(?:s|ed|ing)?|named|names|appoint(?:s|ed)|open(?:s|ed)|"
    r"celebrat(?:es|ed|ing)|marks|began|begins|debut(?:s|ed)?|kick(?:s|ed)\s+off|clos(?:es|ed)|"
    r"sign(?:s|ed)|complet(?:es|ed)|fil(?:ed|es)|publish(?:es|ed)|report(?:s|ed)|join(?:s|ed)|"
    r"expand(?:s|ed)|award(?:s|ed)|acquir(?:es|ed)|rais(?:es|ed)|receiv(?:es|ed)|host(?:s|ed))\b",
    re.IGNORECASE)
_NAME_BEFORE = LazyPattern(r"[A-Z][\w&.]*\s\Z")


def _is_claim(prose: str, match: re.Match[str]) -> bool:
    simple = match.group("simple")
    if simple is None or simple.lower() not in ("today", "tonight", "tomorrow"):
        return True
    if simple[0] == "T" and _NAME_BEFORE.search(prose, max(0, match.start() - 20), match.start()):
        return False  # "Psychology Today", "USA Today"
    return _NEWS_VERB.search(prose, max(0, match.start() - 30), min(len(prose), match.end() + 50)) is not None


# Between a relative word and the date that restates it: "today, March 18," "today (March 18)".
_ADJACENT = LazyPattern(r"[\s,()–—-]*(?:on|is|was)?[\s,()–—-]*")


class RelativeDateContradiction(Kind):
    """A relative date that, resolved against the release date, disagrees with the date
    written right beside it ("today, March 19" in a release dated March 18)."""

    # ``message``: a relative date that means one day; "days": one that means several
    # ("this week").
    MESSAGES = ("days",)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        facts = analyse(doc, self.settings.dates)
        if facts.release is None:
            return
        prose = doc.prose
        mentions = facts.mentions
        # Only a relative word right beside a date can contradict it: look near the dates.
        for mention in mentions:
            if mention.day is None:
                continue
            low, high = max(0, mention.start - 24), min(len(prose), mention.end + 24)
            for match in RELATIVE.finditer(prose, low, high):
                if match.end() <= mention.start:
                    between = prose[match.end():mention.start]
                elif match.start() >= mention.end:
                    between = prose[mention.end:match.start()]
                else:
                    continue
                if len(between) >= 12 or not _ADJACENT.fullmatch(between) or mention is facts.dateline:
                    continue
                yield from self._compare(doc, facts, match, mention)

    def _compare(self, doc: Document, facts: DocumentDates, match: re.Match[str],
                 explicit: DateMention) -> Iterator[Diagnostic]:
        assert facts.release is not None
        meant = resolve_relative(match, facts.release.date)
        stated = explicit.interval(facts.release.date)
        if meant is None or stated is None:
            return
        if stated[1] < meant[0] or stated[0] > meant[1]:
            yield self.rule.report(doc, Span(*match.span()), key="" if meant[0] == meant[1] else "days",
                                   found=match.group(), resolved=long_date(meant[0]), last=long_date(meant[1]),
                                   stated=explicit.text, release=_release_note(facts))


class DatelineContradictsReleaseDate(Kind):
    """A dateline whose date is not the release date given with --release-date, in the
    config or in the front matter: a dateline says the day the release is issued."""

    # ``message``: a dateline later than the release date; "earlier": one before it.
    MESSAGES = ("earlier",)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        facts = analyse(doc, self.settings.dates)
        line = facts.dateline
        if line is None or facts.release is None or facts.release.source == "dateline":
            return
        written: date | None = line.exact()
        given = facts.release.date
        if written is None or written == given:
            return
        days = (written - given).days
        key = "" if days > 0 else "earlier"
        yield self.rule.report(doc, Span(line.start, line.end), key=key, found=line.text,
                               release=_release_note(facts), days=abs(days))


# was, were, had been, has been, have been (by first letter, for _ANY_CUE)
_AUXILIARIES = ("w(?:as|ere)", r"ha(?:d|s|ve)\s+been")
_PARTICIPLE = (
    r"\s+(?:held|launched|announced|released|opened|completed|hosted|signed|founded|established|"
    r"introduced|unveiled|published|awarded|acquired|closed|finalized|celebrated|organized|formed|"
    r"honored|named|appointed|elected|presented)")
_PAST_VERBS = ("launched", r"announced(?=\s+(?:on|in)\s)", r"took\s+place", "debuted", "unveiled", "premiered",
               "hosted", "celebrated", "concluded", r"kicked\s+off", r"went\s+live", "signed", "completed", "opened")
_WILLS = ("will", "shall")
_TO_BE = ("is", "are")
_SCHEDULED_FOR = r"\s+(?:scheduled|set|slated|expected|planned|due|poised|going)\s+(?:to|for|on|in)"
_UPCOMING_WORDS = ("upcoming", "forthcoming")


def _one_of(alternatives: Iterable[str]) -> str:
    return "(?:" + "|".join(alternatives) + ")"


_AUXILIARY_PAST = _one_of(_AUXILIARIES) + _PARTICIPLE
_PAST_VERB = _one_of(_PAST_VERBS)
_NOT_AFTER = r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bto )(?<!\bwill )(?<!\bnewly )(?<!\bis )(?<!\bare )"
_WILL = _one_of(_WILLS) + r"\s+"
_SCHEDULED = _one_of(_TO_BE) + _SCHEDULED_FOR
_UPCOMING = _one_of(_UPCOMING_WORDS)
# (The lookahead spares most positions the eight lookbehinds.)
_PAST = LazyPattern(rf"\b(?:{_AUXILIARY_PAST}|(?={_PAST_VERB}){_NOT_AFTER}{_PAST_VERB})\b")
_FUTURE = LazyPattern(rf"\b{_WILL}(?!have\b)(?:not\s+)?\w+|\b{_SCHEDULED}\b|\b{_UPCOMING}\b")
# Either cue, read loosely (no word boundary, lookbehind or "have" test, which a window's
# ends can decide): whatever _PAST or _FUTURE find in a window, this finds in any wider one.
# A quick look that spares most dates the search for their sentence: few have a cue nearby.
# One flat list of alternatives, each starting with a letter, so that the engine skips in C
# to where one of those letters stands: over twice as fast as nested groups, which hide them.
_ANY_CUE = LazyPattern("|".join([*(auxiliary + _PARTICIPLE for auxiliary in _AUXILIARIES), *_PAST_VERBS,
                                *(will + r"\s+\w" for will in _WILLS), *(be + _SCHEDULED_FOR for be in _TO_BE),
                                *_UPCOMING_WORDS]))
# A cue inside a relative clause ("technologies that will shape the future") describes a
# noun, not the date; a date after "since" is a start, whatever the tense.
_RELATIVE_PRONOUN = LazyPattern(r"\b(?:that|which|who)\s+\Z")
# A cue after its date counts only when the date opens the clause ("On March 30, Acme will...").
_CLAUSE_OPENING = LazyPattern(
    r"(?:\A|--|[—–;:]|[.!?]\s)\s*(?:[Oo]n|[Bb]y|[Ii]n|[Ss]tarting|[Bb]eginning|[Ff]rom|[Aa]s\s+of)?\s*\Z")
_RANGE_JOIN = LazyPattern(r",?\s*(?:to|through|until|thru|-|–|—)\s*\Z")
_OTHER_CLAUSE = LazyPattern(r"[;:\"“”()]|\b(?:and|but|while|which|who|that|when|after|before|until)\b")
_WINDOW = 80  # characters between a tense cue and the date it is about


class TenseAgainstReleaseDate(Kind):
    """A past-tense claim ('launched', 'was held') about a date after the release date, or a
    future-tense one ('will launch', 'is scheduled to') about a date before it."""

    MESSAGES = ("future",)  # ``message``: the past tense

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        facts = analyse(doc, self.settings.dates)
        if facts.release is None:
            return
        release = facts.release.date
        prose = doc.prose
        mentions = facts.mentions
        joined: set[int] = set()
        for index, mention in enumerate(mentions):
            if mention is facts.dateline or mention.form in ("fiscal", "quarter") or index in joined:
                continue
            interval = mention.interval(release)
            if interval is None:
                continue
            # "from June 18, 2024, to June 27, 2024": one range in two mentions.
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if following is not None and following.start - mention.end < 16 \
                    and _RANGE_JOIN.search(prose, mention.end, following.start):
                joined.add(index + 1)
                last = following.interval(release)
                if last is not None and last[1] > interval[1]:
                    interval = (interval[0], last[1])
            if interval[0] <= release <= interval[1]:
                continue
            if prose[max(0, mention.start - 6):mention.start].rstrip().endswith(("since", "Since")):
                continue
            if not _ANY_CUE.search(prose, max(0, mention.start - _WINDOW), mention.end + 2 * _WINDOW):
                continue  # no tense cue near the date (_nearest_cue reads within these bounds)
            after = interval[0] > release
            sentence = sentence_at(prose, mention.start)
            if sentence is None:
                continue
            verb = _nearest_cue(prose, sentence, mention, mentions, index, after)
            if verb is None:
                continue
            yield self.rule.report(doc, Span(mention.start, mention.end), key="" if after else "future",
                                   found=mention.text, verb=verb, release=_release_note(facts))


def _nearest_cue(prose: str, sentence: Span, mention: DateMention, mentions: list[DateMention],
                 index: int, after: bool) -> str | None:
    """The tense cue nearest the date in its clause, if it is of the tense that contradicts."""
    low = max(sentence.start, mention.start - _WINDOW)
    high = min(sentence.end, mention.end + 2 * _WINDOW)
    # Do not reach past a neighbouring date: its cue is its own.
    if index > 0 and mentions[index - 1].end > low:
        low = mentions[index - 1].end
    if index + 1 < len(mentions) and mentions[index + 1].start < high:
        high = mentions[index + 1].start
    opens_clause = _CLAUSE_OPENING.search(prose, max(sentence.start, mention.start - 40), mention.start) \
        is not None or mention.start == sentence.start
    # A cue before the date ("will launch on March 2") is about it; one after it
    # ("On March 30, Acme will...") only when none comes before.
    best: tuple[bool, int, str, str] | None = None
    for tense, regex in (("past", _PAST), ("future", _FUTURE)):
        for match in regex.finditer(prose, low, high):
            if match.end() <= mention.start:
                gap, following = prose[match.end():mention.start], False
            elif match.start() >= mention.end and opens_clause:
                gap, following = prose[mention.end:match.start()], True
            else:
                continue
            if not following and len(gap) > _WINDOW:
                continue
            in_relative_clause = "," in gap and _RELATIVE_PRONOUN.search(prose, max(0, match.start() - 8),
                                                                         match.start())
            if _OTHER_CLAUSE.search(gap) or in_relative_clause:
                continue  # another clause: the cue is about something else
            candidate = (following, len(gap), tense, match.group())
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    if best is None:
        return None
    _, _, tense, verb = best
    return verb if (tense == "past") == after else None
