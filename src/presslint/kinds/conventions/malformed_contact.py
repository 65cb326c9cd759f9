"""In a media contact block ("Media Contact:", "Contact:", "For more information,
contact:"), an e-mail address or a telephone number that is not one: "jane@acme" (no
domain), "jane@acme,com", "212-896-899" (a North American number one digit short). The
journalist who copies it reaches nobody."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from .. import Kind
from .release_parts import bad_contacts, contact_blocks


class MalformedContact(Kind):
    MESSAGES = ("phone",)  # ``message``: an e-mail address

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for block in contact_blocks(doc):
            for span, what in bad_contacts(text, block.text):
                yield self.rule.report(doc, span, key="" if what == "email" else what, found=text[span.start:span.end])
