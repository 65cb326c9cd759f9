"""The kind behind P001 (unused-suppression): a suppression comment that silenced nothing."""

from __future__ import annotations

from collections.abc import Iterator

from .. import suppressions
from ..diagnostic import Diagnostic, Edit, Span
from ..document import Document
from . import Kind


class UnusedSuppression(Kind):
    """Each suppression of the document that silenced nothing of the rules it names that
    ran; the fix removes the comment, and the ``enable`` comment that ends its range."""

    AFTER_SUPPRESSIONS = True
    MESSAGES = ("all-rules",)  # a suppression that names no rule
    TITLES = ("with-enable",)  # a disable removed with its enable
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for suppression in suppressions.of(doc):
            if suppression.judged and not suppression.used:
                edits = [Edit(_removal(doc, suppression.span), "")]
                if suppression.enable is not None:
                    edits.append(Edit(_removal(doc, suppression.enable), ""))
                yield self.rule.report(doc, suppression.span, *edits,
                                       key="" if suppression.selectors else "all-rules",
                                       title="with-enable" if suppression.enable else "",
                                       what=", ".join(suppression.selectors))


def _removal(doc: Document, span: Span) -> Span:
    """The comment, with its line when it stands alone on one."""
    line_start = doc.text.rfind("\n", 0, span.start) + 1
    line_end = doc.text.find("\n", span.end)
    line_end = len(doc.text) if line_end == -1 else line_end
    alone = not doc.text[line_start:span.start].strip() and not doc.text[span.end:line_end].strip()
    if alone:
        return Span(line_start, min(line_end + 1, len(doc.text)))
    return span
