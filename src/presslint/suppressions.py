"""Silence findings from the text itself, with HTML comments (Markdown and HTML files;
plain-text files can use them too, but the config's per-file-ignores is cleaner there):

    <!-- presslint-disable W104, T -->        off from here (all rules if none named)
    <!-- presslint-enable -->                 on again (or: presslint-enable W104)
    <!-- presslint-disable-next-line C101 --> off for the next line only

Rules are named by code, prefix or name. Each suppression records whether it silenced
anything, which the rule of unused suppressions (P001, ``kinds/unused_suppression.py``) reads, so
suppressions do not outlive the problems they were written for.

A comment that starts ``presslint`` but is not one of the three directives with a list of
codes, prefixes or names (``presslint-disabel W101``, ``presslint-disable-nextline W101``)
silences nothing: it is kept as :class:`Malformed`, which P002
(``kinds/malformed_suppression.py``) reports, with the codes no rule has.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from .diagnostic import Diagnostic, Span
from .document import Document
from .rule import Rule

# Any comment that begins with presslint is meant as a directive; _DIRECTIVE is the form
# one must have, each selector a code or prefix (W, W1, W104) or a name (doubled-space).
# A comment is r"<!--\s*(presslint\b[^>]*?)\s*-->", found by _comments in time linear in
# the text (the pattern alone would read each "<!-- presslint" to the next ">", and try
# each blank before it as the comment's end).
_COMMENT_START = re.compile(r"<!--\s*presslint\b")
_DIRECTIVE = re.compile(r"presslint-(disable-next-line|disable|enable)((?:[\s,]+[A-Za-z][\w-]*)*)[\s,]*\Z")
DIRECTIVES = ("disable", "disable-next-line", "enable")


@dataclass
class Suppression:
    span: Span
    selectors: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int  # inclusive
    # The ``enable`` comment that ends a ``disable``'s range, when it ends that range alone
    # (one that ends several belongs to none of them): an unused disable goes with it.
    enable: Span | None = None
    # Set by ``apply``: whether it silenced a finding, and whether every rule it names
    # ran (a rule that did not run cannot have been silenced, so the other is no news).
    used: bool = field(default=False)
    judged: bool = field(default=False)


@dataclass(frozen=True)
class Malformed:
    """A presslint comment that is no directive, and why."""
    span: Span
    reason: str


@dataclass
class Parsed:
    suppressions: list[Suppression]
    malformed: list[Malformed]


def _selects(selector: str, code: str, name: str) -> bool:
    return code.startswith(selector) or selector == name


def _why_not(comment: str) -> str:
    """Why ``comment`` (from ``presslint`` on) is no directive."""
    word = re.match(r"presslint[-\w]*", comment)
    directive = word.group(0).removeprefix("presslint-") if word else ""
    if directive not in DIRECTIVES:
        import difflib

        close = difflib.get_close_matches(directive, DIRECTIVES, n=1, cutoff=0.6)
        hint = f"; did you mean presslint-{close[0]}?" if close else ""
        return f"unknown directive {word.group(0) if word else comment!r}{hint}"
    return "the rules must be codes, prefixes or names separated by commas or spaces"


def _comments(text: str) -> Iterator[tuple[Span, str]]:
    """Each comment that starts ``presslint``, and its text from ``presslint`` to the
    blanks before its end."""
    match = _COMMENT_START.search(text)
    while match is not None:
        close = text.find(">", match.end())
        if close == -1:
            return
        if close - 2 >= match.end() and text.startswith("--", close - 2):
            yield Span(match.start(), close + 1), text[match.end() - len("presslint"):close - 2].rstrip()
        # A comment that does not end at the first ">" is no comment, nor is any that
        # begins before that ">".
        match = _COMMENT_START.search(text, close + 1)


def parse(doc: Document) -> Parsed:
    if "presslint" not in doc.text:
        return Parsed([], [])
    found: list[Suppression] = []
    malformed: list[Malformed] = []
    # The disable comments still open: those that name rules under each name, and those
    # that name none. One that an enable ends may stay in other lists: it is skipped there.
    open_named: dict[str, list[Suppression]] = {}
    open_all: list[Suppression] = []
    closed: set[int] = set()
    last_line = doc.lines.line_count
    code = doc.markup.code
    code_starts = [span.start for span in code]
    code_reach = list(accumulate((span.end for span in code), max))
    for span, comment in _comments(doc.text):
        before = bisect_right(code_starts, span.start)
        if before and code_reach[before - 1] > span.start:
            continue  # an example in a code block, not a directive
        directive = _DIRECTIVE.match(comment)
        if directive is None:
            malformed.append(Malformed(span, _why_not(comment)))
            continue
        action = directive.group(1)
        selectors = tuple(s.strip() for s in directive.group(2).replace(",", " ").split() if s.strip())
        line = doc.lines.position(span.start)[0]
        if action == "disable-next-line":
            found.append(Suppression(span, selectors, line + 1, line + 1))
        elif action == "disable":
            suppression = Suppression(span, selectors, line, last_line)
            found.append(suppression)
            for selector in dict.fromkeys(selectors):
                open_named.setdefault(selector, []).append(suppression)
            if not selectors:
                open_all.append(suppression)
        else:
            # Ended: every open one if the enable names no rule; else those that share a
            # rule with it, and those that name none.
            lists = list(open_named.values()) if not selectors else [open_named.pop(s, []) for s in selectors]
            if not selectors:
                open_named.clear()
            lists.append(open_all)
            open_all = []
            ended = list({id(s): s for group in lists for s in group if id(s) not in closed}.values())
            for suppression in ended:
                suppression.last_line = line
                closed.add(id(suppression))
            if len(ended) == 1:
                ended[0].enable = span
    return Parsed(found, malformed)


def of(doc: Document) -> list[Suppression]:
    """The suppression comments of ``doc``, parsed once (``apply`` marks them)."""
    return doc.shared("suppressions", parse).suppressions


def malformed(doc: Document) -> list[Malformed]:
    """The comments of ``doc`` that start ``presslint`` but are no directive."""
    return doc.shared("suppressions", parse).malformed


def apply(doc: Document, diagnostics: list[Diagnostic], rules: Sequence[Rule]) -> list[Diagnostic]:
    """``diagnostics`` (the findings of ``rules``) without the suppressed ones; each
    suppression of :func:`of` is marked used or not, and judged or not."""
    suppressions = of(doc)
    if not suppressions:
        return diagnostics
    for suppression in suppressions:
        # Marked afresh: a document may be checked twice (the fix loop's last pass).
        suppression.used = False
        suppression.judged = all(any(_selects(s, r.code, r.name) for r in rules) for s in suppression.selectors)
    lines = [doc.lines.position(diagnostic.span.start)[0] for diagnostic in diagnostics]
    by_line = sorted(range(len(diagnostics)), key=lines.__getitem__)
    suppressed = [False] * len(diagnostics)
    groups: dict[tuple[str, ...], list[Suppression]] = {}
    for suppression in suppressions:
        groups.setdefault(suppression.selectors, []).append(suppression)
    # Each group of suppressions that name the same rules is swept once over the findings
    # in the order of their lines, so a finding costs a look-up per group, not a look at
    # every suppression: the first finding of a line a suppression reaches marks it used,
    # or it never will be.
    for selectors, group in groups.items():
        group.sort(key=lambda s: s.first_line)
        firsts = [suppression.first_line for suppression in group]
        reach = list(accumulate((suppression.last_line for suppression in group), max))
        judged = 0  # the group's suppressions before this one have been marked, or never will be
        for index in by_line:
            diagnostic = diagnostics[index]
            if selectors and not any(_selects(s, diagnostic.code, diagnostic.rule) for s in selectors):
                continue
            line = lines[index]
            started = bisect_right(firsts, line)
            if not started or reach[started - 1] < line:
                continue
            suppressed[index] = True
            for suppression in group[judged:started]:
                if suppression.last_line >= line:
                    suppression.used = True
            judged = started
    return [diagnostic for diagnostic, hidden in zip(diagnostics, suppressed, strict=True) if not hidden]
