"""The kind behind P002 (malformed-suppression): a presslint comment that is no directive,
or that names a rule no pack has. Either silences nothing of what it meant to."""

from __future__ import annotations

from collections.abc import Iterator

from .. import suppressions
from ..diagnostic import Diagnostic
from ..document import Document
from . import Kind


class MalformedSuppression(Kind):
    """Each comment of :func:`suppressions.malformed`, and each selector of a directive
    that no rule answers to (not among the rules that ran, nor any pack's)."""

    AFTER_SUPPRESSIONS = True  # ``judged`` tells which directives name only rules that ran
    MESSAGES = ("unknown-rule",)

    def setup(self) -> None:
        self._known: tuple[frozenset[str], tuple[str, ...]] | None = None

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for comment in suppressions.malformed(doc):
            yield self.rule.report(doc, comment.span, what=comment.reason)
        for suppression in suppressions.of(doc):
            if suppression.judged:
                continue  # every rule it names ran: known
            for selector in suppression.selectors:
                if not self._is_known(selector):
                    yield self.rule.report(doc, suppression.span, key="unknown-rule", what=selector)

    def _is_known(self, selector: str) -> bool:
        if self._known is None:
            # Read once, and only for a directive that names a rule that did not run.
            from ..packs import builtin_packs, load_packs

            rules = load_packs([*builtin_packs(), *self.settings.rule_packs])
            self._known = frozenset(rule.name for rule in rules), tuple(rule.code for rule in rules)
        names, codes = self._known
        return selector in names or any(code.startswith(selector) for code in codes)
