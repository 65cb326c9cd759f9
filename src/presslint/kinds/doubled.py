"""A word written twice: "the the", "to to", across a line break too.

Doubles that grammar allows ("had had", "that that", "is is") and reduplications ("bye
bye", "so so") are left alone, and so are names written twice in capitals ("Walla Walla").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count, islice
from operator import eq

from ..diagnostic import Diagnostic, Edit, Fix, Span
from ..document import Document
from . import Kind

_DOUBLE = re.compile(r"(\w+)([ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)(\1)\b(?!-\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]\w*$", re.MULTILINE)
GRAMMATICAL = frozenset("""
    had that is do bye no so ha very really many more much far long well again yes
    knock tut chop hush pom aye boo dum yada blah cha win buy highly super extremely
""".split())


class DoubledWord(Kind):
    name = "doubled-word"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        tokens = doc.tokens
        texts = tokens.texts
        if len(texts) < 2:
            return
        # Compare neighbouring words in C (lower-cased, possessive endings dropped, so
        # "it it's" pairs too), then look closely at the few equal pairs.
        folded = _POSSESSIVE.sub("", "\n".join(texts).lower()).split("\n")
        if len(folded) != len(texts):  # a case mapping changed the line count: be exact
            folded = [_POSSESSIVE.sub("", text.lower()) for text in texts]
        pairs = compress(count(), map(eq, folded, islice(folded, 1, None)))
        for i in pairs:
            match = _DOUBLE.match(prose, tokens[i].start)
            if match is None or not tokens[i + 1].start < match.end() <= tokens[i + 1].end:
                continue
            first, second = match.group(1), match.group(3)
            if first.lower() in GRAMMATICAL or not first.isalpha():
                continue
            if tokens[i].start and prose[tokens[i].start - 1] in "'’-.":
                continue
            if second[0].isupper() or not (first.islower() or first.istitle()):
                continue  # "Walla Walla", "Duran Duran", "AI AI", "pgEdge pgEdge"
            if prose[max(0, match.start() - 6):match.start()].strip().lower() == "about":
                continue  # "About iuvo iuvo is": a heading run into its paragraph
            span = Span(match.start(2), match.end(3))
            fix = Fix(f"remove the second {second!r}", (Edit(span, ""),), safe=False)
            yield self.rule.report(doc, Span(match.start(1), match.end(3)), fix, found=second)
