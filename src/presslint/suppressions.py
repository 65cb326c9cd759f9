"""Silence findings from the text itself, with HTML comments (Markdown and HTML files;
plain-text files can use them too, but the config's per-file-ignores is cleaner there):

    <!-- presslint-disable W104, T -->        off from here (all rules if none named)
    <!-- presslint-enable -->                 on again (or: presslint-enable W104)
    <!-- presslint-disable-next-line C101 --> off for the next line only

Rules are named by code, prefix or name. A suppression that silences nothing is itself
reported (rule P001), so suppressions do not outlive the problems they were written for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .diagnostic import Diagnostic, Edit, Span
from .document import Document
from .rule import Rule

_COMMENT = re.compile(r"<!--\s*presslint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
UNUSED_CODE = "P001"


@dataclass
class Suppression:
    span: Span
    selectors: tuple[str, ...]  # empty: every rule
    first_line: int
    last_line: int  # inclusive
    used: bool = field(default=False)

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
            for suppression in list(open_ranges):
                if not selectors or set(selectors) & set(suppression.selectors) or not suppression.selectors:
                    suppression.last_line = line
                    open_ranges.remove(suppression)
    return found


def apply(doc: Document, diagnostics: list[Diagnostic], rules: Sequence[Rule]) -> list[Diagnostic]:
    """``diagnostics`` without the suppressed ones, plus a P001 finding for each
    suppression that silenced nothing (when P001 is among ``rules``)."""
    suppressions = parse(doc)
    if not suppressions:
        return diagnostics
    kept = []
    for diagnostic in diagnostics:
        line = doc.lines.position(diagnostic.span.start)[0]
        covering = [s for s in suppressions if s.covers(diagnostic, line)]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(diagnostic)
    unused_rule = next((r for r in rules if r.code == UNUSED_CODE), None)
    if unused_rule is not None:
        running = [r for r in rules if r.code != UNUSED_CODE]
        for suppression in suppressions:
            # A rule that did not run cannot have been silenced: only judge the others.
            judged = all(any(_selects(s, r.code, r.name) for r in running) for s in suppression.selectors)
            if not suppression.used and judged:
                kept.append(unused_rule.report(doc, suppression.span, Edit(_removal(doc, suppression.span), ""),
                                               key="" if suppression.selectors else "all-rules",
                                               what=", ".join(suppression.selectors)))
    return kept


def _removal(doc: Document, span: Span) -> Span:
    """The comment, with its line when it stands alone on one."""
    line_start = doc.text.rfind("\n", 0, span.start) + 1
    line_end = doc.text.find("\n", span.end)
    line_end = len(doc.text) if line_end == -1 else line_end
    alone = not doc.text[line_start:span.start].strip() and not doc.text[span.end:line_end].strip()
    if alone:
        return Span(line_start, min(line_end + 1, len(doc.text)))
    return span
