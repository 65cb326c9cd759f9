"""A word written twice: "the the", "to to", across a line break too.

Doubles that grammar allows ("had had", "that that", "is is") and reduplications ("bye
bye", "so so") are left alone, and so are names written twice in capitals ("Walla Walla").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from ..diagnostic import Diagnostic, Edit, Fix, Span
from ..document import Document
from . import Kind
from .wordline import lower_word_line, word_indices

_DOUBLE = re.compile(r"(\w+)([ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)(\1)\b(?!-\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]\w*$")
# A word whose next word is the same in lower case, or that word with an ending after an
# apostrophe ("it it's"): in the lower-case word line, at C speed (the next word in a
# look-ahead, so that "the the the" gives two pairs). Every double worth a look is among
# these; _folded then decides.
_NEIGHBOURS = re.compile(r"\n([^\n]++)(?=\n\1[\n'’])")
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
        # Neighbouring words equal once lower-cased, possessive endings dropped (so "it
        # it's" pairs too); then a close look at the few equal pairs.
        for i in word_indices(lower_word_line(doc), _NEIGHBOURS):
            if _folded(texts[i]) != _folded(texts[i + 1]):
                continue
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


def _folded(word: str) -> str:
    """The word in lower case without a possessive ending: "it's" -> "it"."""
    return _POSSESSIVE.sub("", word.lower())
