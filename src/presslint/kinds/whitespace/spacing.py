"""Kinds about the spaces between words and sentences, and tabs inside prose."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...scan import matches_in_order
from ...sentences import is_abbreviation
from .. import Kind

_CLOSERS = "\"'”’)]*_"
# Runs of two spaces or more between words: not indentation or trailing blanks (a line
# break or a tab on either side) nor table padding (a "|" on either side). The look-behind
# after the literal "  " lets the regex engine skip from double space to double space, and
# inside a longer run it fails at once (a space before), so indentation never reaches Python.
_SPACE_RUN = re.compile("  (?<=[^ \t\n|]  ) *(?=[^ \t\n|])")
# One space after a sentence mark (or a mark and a closing quote) and before a sentence start,
# for the "two spaces" style. The look-behinds come after the literal space, so the regex
# engine skips from space to space rather than trying them at every character (5x faster).
_ONE_SPACE = re.compile(r" (?:(?<=[.!?] )|(?<=[.!?][\"'”’)] ))(?=[A-Z0-9\"“‘(])")
# Column layout (contact blocks, plain-text tables): two or more wide gaps on one line.
# Three spaces or more between two non-blanks, found from their literal prefix (a pattern
# starting with \S would be tried at every character).
_WIDE_GAP = re.compile(r"   (?<=\S   ) *(?=\S)")
_BULLETS = "•·▪◦‣●-*–"
# A run of tabs between two non-blanks. The look-behind comes after the first tab, so the
# regex engine skips from tab to tab instead of trying the look-behind at every character.
_INNER_TABS = re.compile(r"\t(?<=\S\t)\t*(?=\S)")
# "models.The": a word of two lower-case letters or more (or a number, a closing bracket or
# quote) ending a sentence, and a capitalised word straight after the mark.
# The next word must be a plain capitalised word ("window.AdButler" is code) of two letters
# or more, or "A"/"I" and a space: "Psy.D." and "Ph.D." are degrees, not two sentences.
# One pattern per mark: the regex engine skips ahead to a literal first character, where
# "[.!?]" would be checked at every character (three such scans cost a third of one).
_NO_SPACE = tuple(
    re.compile(re.escape(mark) + r"(?:(?<=[a-z]{2}[.!?])|(?<=[0-9%)][.!?]))[\"”’)]?"
               r"(?=[A-Z][a-z]+(?![A-Za-z0-9_(])|[AI] )")
    for mark in ".!?")


def _ends_sentence(prose: str, before: int) -> bool:
    """Whether the text ending at ``before`` ends a sentence (closing quotes skipped)."""
    position = before - 1
    while position >= 0 and prose[position] in _CLOSERS:
        position -= 1
    if position < 0 or prose[position] not in ".!?":
        return False
    return not (prose[position] == "." and is_abbreviation(prose, position))


def _starts_sentence(prose: str, at: int) -> bool:
    following = prose[at:at + 1]
    return following.isupper() or following.isdigit() or following in "\"“‘("


class _SpaceRuns(NamedTuple):
    """The runs of two or more spaces between words, split between the two rules that
    report them; computed once per document for both."""

    within_sentences: list[Span]
    between_sentences: list[Span]


def _space_runs(doc: Document) -> _SpaceRuns:
    prose = doc.prose
    runs = _SpaceRuns([], [])
    layout_lines: dict[int, bool] = {}  # line start -> laid out in columns
    for match in _SPACE_RUN.finditer(prose):
        start, end = match.span()
        if end - start >= 3:
            line_start = prose.rfind("\n", 0, start) + 1
            if line_start not in layout_lines:
                layout_lines[line_start] = _is_layout(prose, start)
            if layout_lines[line_start]:
                continue
        if _starts_sentence(prose, end) and _ends_sentence(prose, start):  # the cheaper test first
            runs.between_sentences.append(Span(start, end))
        else:
            runs.within_sentences.append(Span(start, end))
    return runs


def _line_of(prose: str, position: int) -> str:
    line_start = prose.rfind("\n", 0, position) + 1
    line_end = prose.find("\n", position)
    return prose[line_start:line_end if line_end != -1 else len(prose)]


def _is_layout(prose: str, position: int) -> bool:
    return len(_WIDE_GAP.findall(_line_of(prose, position))) >= 2


class DoubledSpace(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for span in doc.shared("space-runs", _space_runs).within_sentences:
            yield self.rule.report(doc, span, Edit(span, " "), count=span.end - span.start)


class SentenceSpacing(Kind):
    # The message and fix title of the "two spaces" style (``message`` and ``fix.title``: "one").
    MESSAGES = ("two-spaces",)
    FIX = "always"
    TITLES = ("two-spaces",)
    OPTIONS = {"sentence-spacing": "one"}
    CHOICES = {"sentence-spacing": ("one", "two", "any")}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        style = self.options["sentence-spacing"]
        if style == "any":
            return
        prose = doc.prose
        if style == "one":
            for span in doc.shared("space-runs", _space_runs).between_sentences:
                yield self.rule.report(doc, span, Edit(span, " "), count=span.end - span.start)
            return
        for match in _ONE_SPACE.finditer(prose):
            start, end = match.span()
            if _ends_sentence(prose, start):
                span = Span(start, end)
                yield self.rule.report(doc, span, Edit(span, "  "), key="two-spaces", title="two-spaces", count=1)


class MissingSentenceSpace(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        for match in matches_in_order(_NO_SPACE, prose):
            start, end = match.span()
            if _inside_name(prose, start):
                continue
            mark = Span(start, start + 1)
            yield self.rule.report(doc, mark, Edit(Span(end, end), " "), mark=prose[start],
                                   next=_word_at(prose, end))


def _word_at(prose: str, start: int) -> str:
    end = start
    while end < len(prose) and prose[end].isalnum():
        end += 1
    return prose[start:end]


def _inside_name(prose: str, mark: int) -> bool:
    """Dotted names that are not two sentences: "Amazon.Com", "ASP.NET", "Vue.Js".

    The word before the mark must start in lower case or with a capital followed by lower
    case, and must not itself contain a dot (file names and domains do: "site.co.Uk")."""
    start = mark
    while start > 0 and not prose[start - 1].isspace() and prose[start - 1] not in "(\"“'‘[":
        start -= 1
    word = prose[start:mark]
    if "." in word or "@" in word or "/" in word:
        return True
    # "eBay.Com"-like: lower, upper mix inside the left word suggests a brand, not a sentence.
    return any(ch.isupper() for ch in word[1:])


# A mark after a space (then one after a tab, searched only when the document has a tab).
# Starting with a literal, the regex engine skips from space to space, which is faster
# than checking every character against the marks' class (W107: a third of the time).
_SPACE_BEFORE_MARK, _TAB_BEFORE_MARK = (
    re.compile(blank + r"[,.;:!?](?=\s|$)(?![ \t]\.)", re.MULTILINE) for blank in " \t")
# What may stand before the space: a word, a closing bracket or quote, a percent sign. Not
# a line start (indentation) or another mark (". . ." is a spaced ellipsis).
_WORD_END = re.compile(r"[\w)\]\"”’%]")


class SpaceBeforePunctuation(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        tabbed = "\t" in doc.special_characters
        patterns = (_SPACE_BEFORE_MARK, _TAB_BEFORE_MARK) if tabbed else (_SPACE_BEFORE_MARK,)
        for match in matches_in_order(patterns, prose):
            start, end = match.span()
            while start > 0 and prose[start - 1] in " \t":
                start -= 1
            if not start or not _WORD_END.match(prose, start - 1):
                continue
            mark = prose[end - 1]
            span = Span(start, end)
            yield self.rule.report(doc, span, Edit(span, mark), mark=mark)


class InnerTab(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if "\t" not in doc.special_characters:
            return
        prose = doc.prose
        tabbed_lines: dict[int, bool] = {}  # line start -> several tab runs (a table)
        for match in _INNER_TABS.finditer(prose):
            start, end = match.span()
            if prose[start - 1] not in _BULLETS:
                line_start = prose.rfind("\n", 0, start) + 1
                if line_start not in tabbed_lines:
                    tabbed_lines[line_start] = len(_INNER_TABS.findall(_line_of(prose, start))) >= 2
                if tabbed_lines[line_start]:
                    continue  # several tabs on a line: a table pasted as text, laid out on purpose
            yield self.rule.report(doc, Span(start, end), Edit(Span(start, end), " "))
