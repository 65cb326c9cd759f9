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
from .wordline import WordIndex, lower_word_line

_DOUBLE = re.compile(r"(\w+)([ \t]+\n?[ \t]*|[ \t]*\n[ \t]*)(\1)\b(?!-\w)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]\w*$")
# A word whose next word is the same in lower case, or that word with an ending after an
# apostrophe ("it it's"): in the lower-case word line, at C speed (the next word in a
# look-ahead, so that "the the the" gives two pairs). Every double worth a look is among
# these; the two words then decide most of them, _DOUBLE the rest.
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
        line = lower_word_line(doc)
        index_at = WordIndex(line)
        for pair in _NEIGHBOURS.finditer(line):
            after = pair.end() + 1
            if not _equal_words(pair.group(1), line[after:line.index("\n", after)]):
                continue
            i = index_at(pair.start())
            if not _may_be_doubled(texts[i], texts[i + 1]):
                continue
            # All offsets at once (one pass of a compiled regex): cheaper than compiling
            # a pattern for a word that is seldom doubled, and the documents are few.
            start = tokens.starts[i]
            match = _DOUBLE.match(prose, start)
            if match is None:
                continue
            next_start = prose.find(texts[i + 1], start + len(texts[i]))
            if not next_start < match.end() <= next_start + len(texts[i + 1]):
                continue
            if start and prose[start - 1] in "'’-.":
                continue
            if prose[max(0, match.start() - 6):match.start()].strip().lower() == "about":
                continue  # "About iuvo iuvo is": a heading run into its paragraph
            second = match.group(3)
            span = Span(match.start(2), match.end(3))
            fix = Fix(f"remove the second {second!r}", (Edit(span, ""),), safe=False)
            yield self.rule.report(doc, Span(match.start(1), match.end(3)), fix, found=second)


def _equal_words(first: str, second: str) -> bool:
    """Whether two lower-case words are one, possessive endings dropped ("it it's"),
    and no double that grammar allows."""
    return first not in GRAMMATICAL and (first == second or _folded(first) == _folded(second))


def _may_be_doubled(first: str, second: str) -> bool:
    """What two equal words alone tell about a pair _DOUBLE matches (whose groups are the
    first word and the second's start): no name written twice ("Walla Walla", "Duran
    Duran", "AI AI", "pgEdge pgEdge"), and a word of letters."""
    return not second[0].isupper() and first.isalpha() and (first.islower() or first.istitle())


def _folded(word: str) -> str:
    """The word in lower case without a possessive ending: "it's" -> "it"."""
    return _POSSESSIVE.sub("", word.lower())
