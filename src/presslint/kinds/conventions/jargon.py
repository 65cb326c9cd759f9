"""Press-release jargon and hype: "cutting-edge", "best-in-class", "world-class",
"innovative", "leading provider", "synergy", "seamless"... words that every release uses
and no reader believes; saying what the product does is stronger.

The list is the ``words`` option (phrases allowed, matched in any case, with a hyphen or a
space between their words alike); ``extend-words`` adds a team's own words to it without
restating it. An opt-in rule (the ``press`` preset turns it on): a release may use one
such word, and the count per release (``--statistics`` counts the findings) tells how
thick it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from .. import Kind

WORDS = (
    "cutting-edge", "best-in-class", "best-of-breed", "world-class", "world-leading", "next-generation",
    "next-gen", "innovative", "leading provider", "industry-leading", "market-leading", "groundbreaking",
    "revolutionary", "revolutionize", "revolutionizes", "revolutionizing", "synergy", "synergies", "robust",
    "seamless", "seamlessly", "game-changing", "game-changer", "state-of-the-art", "disruptive", "paradigm shift",
    "bleeding-edge", "turnkey", "unparalleled", "unprecedented", "holistic", "leverage", "leverages",
    "leveraging", "mission-critical", "empower", "empowers", "empowering", "thought leader", "thought leadership",
    "one-stop shop", "value-added", "first-of-its-kind", "award-winning",
)


class Jargon(Kind):
    OPTIONS = {"words": WORDS, "extend-words": ()}

    def setup(self) -> None:
        words = [w.strip() for w in (*self.options["words"], *self.options["extend-words"]) if w.strip()]
        if not words:
            raise ValueError("words must name at least one word")
        alternatives = "|".join(sorted((r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", w.lower()))) for w in words),
                                       key=len, reverse=True))
        # Matched in the lower-cased prose (twice as fast as IGNORECASE), or with IGNORECASE
        # when lower-casing changes the text's length ("İ").
        self.lower = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        self.any_case = re.compile(self.lower.pattern, re.IGNORECASE)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        lowered = prose.lower()
        matches = self.lower.finditer(lowered) if len(lowered) == len(prose) else self.any_case.finditer(prose)
        for match in matches:
            start, end = match.span()
            yield self.rule.report(doc, Span(start, end), found=prose[start:end], word=match.group().lower())
