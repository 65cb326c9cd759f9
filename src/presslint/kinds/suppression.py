"""The kind behind P001 (unused-suppression)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostic import Diagnostic
from ..document import Document
from . import Kind


class UnusedSuppression(Kind):
    """Findings of this kind come from the engine, which sees every rule's findings
    (``suppressions.apply``); on its own it checks nothing."""

    MESSAGES = ("all-rules",)  # a suppression that names no rule
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return iter(())
