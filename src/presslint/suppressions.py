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
from collections.abc import Sequence
from dataclasses import dataclass, field

from .diagnostic import Diagnostic, Span
from .document import Document
from .rule import Rule

# Any comment that begins with presslint is meant as a directive; _DIRECTIVE is the form
# one must have, each selector a code or prefix (W, W1, W104) or a name (doubled-space).
_COMMENT = re.compile(r"<!--\s*(presslint\b[^>]*?)\s*-->")
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

    def covers(self, diagnostic: Diagnostic, line: int) -> bool:
        if not self.first_line <= line <= self.last_line:
            return False
        return not self.selectors or any(_selects(s, diagnostic.code, diagnostic.rule) for s in self.selectors)


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


def parse(doc: Document) -> Parsed:
    if "presslint" not in doc.text:
        return Parsed([], [])
    found: list[Suppression] = []
    malformed: list[Malformed] = []
    open_ranges: list[Suppression] = []
    last_line = doc.lines.line_count
    code = doc.markup.code
    for match in _COMMENT.finditer(doc.text):
        if any(span.start <= match.start() < span.end for span in code):
            continue  # an example in a code block, not a directive
        span = Span(match.start(), match.end())
        directive = _DIRECTIVE.match(match.group(1))
        if directive is None:
            malformed.append(Malformed(span, _why_not(match.group(1))))
            continue
        action = directive.group(1)
        selectors = tuple(s.strip() for s in directive.group(2).replace(",", " ").split() if s.strip())
        line = doc.lines.position(match.start())[0]
        if action == "disable-next-line":
            found.append(Suppression(span, selectors, line + 1, line + 1))
        elif action == "disable":
            suppression = Suppression(span, selectors, line, last_line)
            found.append(suppression)
            open_ranges.append(suppression)
        else:
            ended = [suppression for suppression in open_ranges
                     if not selectors or set(selectors) & set(suppression.selectors) or not suppression.selectors]
            for suppression in ended:
                suppression.last_line = line
                open_ranges.remove(suppression)
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
    kept = []
    for diagnostic in diagnostics:
        line = doc.lines.position(diagnostic.span.start)[0]
        covering = [s for s in suppressions if s.covers(diagnostic, line)]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(diagnostic)
    return kept
