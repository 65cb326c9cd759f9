"""Silence findings from the text itself, with HTML comments (Markdown and HTML files;
plain-text files can use them too, but the config's per-file-ignores is cleaner there):

    <!-- presslint-disable W104, T -->        off from here (all rules if none named)
    <!-- presslint-enable -->                 on again (or: presslint-enable W104)
    <!-- presslint-disable-next-line C101 --> off for the next line only

Rules are named by code, prefix or name. Each suppression records whether it silenced
anything, which the rule of unused suppressions (P001, ``kinds/unused_suppression.py``) reads, so
suppressions do not outlive the problems they were written for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .diagnostic import Diagnostic, Span
from .document import Document
from .rule import Rule

_COMMENT = re.compile(r"<!--\s*presslint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")


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


def _selects(selector: str, code: str, name: str) -> bool:
    return code.startswith(selector) or selector == name


def parse(doc: Document) -> list[Suppression]:
    if "presslint-" not in doc.text:
        return []
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    last_line = doc.lines.line_count
    code = doc.markup.code
    for match in _COMMENT.finditer(doc.text):
        if any(span.start <= match.start() < span.end for span in code):
            continue  # an example in a code block, not a directive
        action = match.group(1)
        selectors = tuple(s.strip() for s in match.group(2).replace(",", " ").split() if s.strip())
        line = doc.lines.position(match.start())[0]
        span = Span(match.start(), match.end())
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
    return found


def of(doc: Document) -> list[Suppression]:
    """The suppression comments of ``doc``, parsed once (``apply`` marks them)."""
    return doc.shared("suppressions", parse)


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
