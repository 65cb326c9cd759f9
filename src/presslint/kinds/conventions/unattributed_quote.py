"""A quotation with no attribution in its paragraph: a reader (and an editor on the wire)
must be told who said it.

A quotation here is a pair of double marks around at least ``min-words`` words that end
like speech (a full stop, a question or exclamation mark, or a comma before the closing
mark), so titles and words in quotes ("the “Effective Time”") are no quotations. Its
paragraph attributes it with a verb of saying ("said", "says", "added", "according to",
...; ``verbs``), a colon before the opening mark ("Jane Doe, CEO: “...”"), or a dash and a
name after the closing mark ("” — Jane Doe"). Left alone too: a quotation whose previous
paragraph ends with a colon or holds an attributed quotation (the same speaker goes on,
as releases write it), one that goes on from the previous paragraph, and headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from .. import Kind
from .quotes import CLOSING, OPENING, double_marks, paragraphs

VERBS = (
    "said", "says", "say", "saying", "stated", "states", "stating", "added", "adds", "adding", "noted", "notes",
    "noting", "explained", "explains", "explaining", "commented", "comments", "commenting", "remarked",
    "remarks", "continued", "continues", "concluded", "concludes", "shared", "shares", "told", "tells",
    "wrote", "writes", "observed", "observes", "emphasized", "emphasizes", "emphasised", "emphasises",
    "highlighted", "highlights", "acknowledged", "acknowledges", "asserted", "asserts", "believes",
    "recalled", "recalls", "quipped", "declared", "declares", "announced", "announces", "pointed out",
    "points out", "according to", "affirmed", "affirms", "reflected", "reflects", "elaborated", "agreed",
    "agrees", "expressed", "expresses", "mentioned", "mentions", "put it", "puts it", "in a statement",
    "in the statement", "asked", "asks", "answered", "answers", "replied", "replies", "recommended",
    "urged", "urges", "predicted", "predicts", "described", "describes", "praised", "praises",
    "welcomed", "welcomes", "celebrated", "insisted", "insists", "admitted", "admits", "revealed",
    "reveals", "confirmed", "confirms", "advised", "advises", "promised", "promises", "observing",
    "sharing", "explains", "describing", "reflecting", "quoted", "quote", "quoting", "testimonial",
    "review", "reviewer", "wrote in", "posted", "tweeted", "heard", "hear", "think", "thinks", "thought",
    "ask", "asked", "warns", "warned", "muses", "mused", "in the words of", "titled", "entitled", "called",
    "named", "defined as", "known as", "motto", "slogan", "tagline", "theme",
)
# After the closing mark, a name: '," Cindy Syracuse, CMO.' (the verb left out, the speaker not).
_NAME_AFTER = re.compile(r"[\s\ufffc]*(?:[A-Z][\w.’'-]+ ){1,3}[A-Z][\w’'-]+[,.]")
_CAPITALISED = re.compile(r"\b[A-Z]")
_SPEECH_END = re.compile(r"[.!?,…][\s\ufffc]*$")
_COLON_BEFORE = re.compile(r":[\s\ufffc*_]*$")
_DASH_NAME_AFTER = re.compile(r"[\s\ufffc]*(?:[—–]|--?|~)\s*[A-Z\ufffc]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class UnattributedQuote(Kind):
    OPTIONS = {"min-words": 8, "verbs": VERBS, "extend-verbs": ()}

    def setup(self) -> None:
        if self.options["min-words"] < 1:
            raise ValueError("min-words must be 1 or more")
        verbs = [*self.options["verbs"], *self.options["extend-verbs"]]
        if not verbs:
            raise ValueError("verbs must name at least one verb of saying")
        alternatives = "|".join(sorted((re.escape(v.lower()).replace(r"\ ", r"\s+") for v in verbs),
                                       key=len, reverse=True))
        # Searched in lower-cased text: twice as fast as IGNORECASE, and only a yes or no is asked.
        self.attribution = re.compile(rf"\b(?:{alternatives})\b")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        if '"' not in prose and "“" not in prose:
            return
        previous_attributed = False
        previous_open = False
        previous_colon = False
        for start, text in paragraphs(prose):
            quotes, still_open = self._quotations(text, start)
            # The attribution is looked for only where there is a quotation: the verbs' regex
            # is the costly part.
            attributed = bool(quotes) and bool(self.attribution.search(self._outside(text, start, quotes).lower()))
            spoken = [(a, b) for a, b in quotes if self._spoken(prose, a, b)]
            excused = attributed or previous_attributed or previous_open or previous_colon
            # The headings (a Markdown parse) only when there is a quotation to report.
            if spoken and not excused and not any(h.start <= start < h.end for h in doc.headings):
                for a, b in spoken:
                    if (_COLON_BEFORE.search(prose, start, a) or _DASH_NAME_AFTER.match(prose, b + 1)
                            or _NAME_AFTER.match(prose, b + 1)):
                        continue
                    yield self.rule.report(doc, Span(a, b + 1), words=len(_WORD.findall(prose, a, b)))
            previous_attributed = bool(quotes) and (attributed or excused)
            previous_open = still_open
            previous_colon = bool(_COLON_BEFORE.search(text.rstrip()))

    @staticmethod
    def _quotations(text: str, start: int) -> tuple[list[tuple[int, int]], bool]:
        """(opening, closing) offsets of each quotation of the paragraph, and whether one
        is still open at its end."""
        pairs: list[tuple[int, int]] = []
        opened: int | None = None
        for mark in double_marks(text, start):
            if mark.part == OPENING:
                opened = mark.at
            elif mark.part == CLOSING and opened is not None:
                pairs.append((opened, mark.at))
                opened = None
        return pairs, opened is not None

    @staticmethod
    def _outside(text: str, start: int, quotes: list[tuple[int, int]]) -> str:
        parts, at = [], start
        for a, b in quotes:
            parts.append(text[at - start:a - start])
            at = b + 1
        parts.append(text[at - start:])
        return " ".join(parts)

    def _spoken(self, prose: str, a: int, b: int) -> bool:
        """Speech, not a title ("“Girls on the Go: Helping Teen Girls”": most words
        capitalised) nor a phrase quoted inside a sentence (it starts in lower case)."""
        words = len(_WORD.findall(prose, a + 1, b))
        if words < self.options["min-words"] or not _SPEECH_END.search(prose, a + 1, b):
            return False
        if prose[a + 1:a + 2].islower():
            return False
        return len(_CAPITALISED.findall(prose, a + 1, b)) * 2 < words
