"""A headline that ends with a full stop. Headlines take none; a final abbreviation
("Acme Inc.", "in the U.S.") or an ellipsis is left alone."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...sentences import is_abbreviation
from .. import Kind
from .release_parts import headline_text

# Company forms that end a name with a full stop, beyond the sentence splitter's list.
_COMPANY_FORMS = frozenset({"kft", "plc", "bv", "nv", "ag", "sa", "spa", "pty", "pte", "gmbh", "llc", "llp", "lp"})


class HeadlineFullStop(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        found = headline_text(doc)
        if found is None:
            return
        prose = doc.prose
        start, text = found
        text = text.rstrip("*_")
        if not text.endswith(".") or text.endswith(".."):
            return
        dot = start + len(text) - 1
        last_word = text[:-1].rsplit(None, 1)[-1].lower() if text[:-1].split() else ""
        if is_abbreviation(prose, dot) or last_word.rstrip(".") in _COMPANY_FORMS:
            return
        span = Span(dot, dot + 1)
        yield self.rule.report(doc, span, Edit(span, ""))
