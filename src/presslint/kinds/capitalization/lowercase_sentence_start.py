"""A sentence that starts in lower case: "... with other partners. any AGI declaration ...".

A full stop, question or exclamation mark, then spaces and a lower-case word on the same
line. Not reported: after a closing quote ("Great!” she said) or bracket ("(yes, really!)
of"), after an abbreviation ("U.S. officials", "approx. 20", "e.g. this",
"Inc. and") or a dotted one of short parts ("P.Eng. has", "M.Sc. in", "Ph.D. from"),
after an ellipsis, after a list number at the start of a line ("1. use"),
after "Yahoo!"-like names (a capitalised word before "!" or "?"), inside URLs and code
(masked), and before a name that is lower case by design ("iPhone", "eBay", "npm").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...scan import matches_in_order
from ...sentences import STATE_ABBREVIATIONS, is_abbreviation
from .. import Kind

# The mark must follow a word, a number, a percent sign or a closing bracket or quote (so
# not a second dot: "..." is an ellipsis); closing quotes may follow it. One pattern a
# mark, each starting with its literal, which the regex engine finds far faster than a
# set of characters; and "!" and "?" are rare enough to look for first.
_LOWER_START = {
    mark: re.compile(re.escape(mark) + r"(?<=[\w%)\]\"”’']" + re.escape(mark)
                     + r")[ \t]+[\"“‘']?(?P<word>[a-z][\w’'-]*)")
    for mark in ".!?"
}
# The word is taken whole (++: giving some back could never reach the end), or the
# search would retry every shorter word at every position of its window.
_WORD_BEFORE = re.compile(r"([\w.&'’-]++)$")
# Abbreviations beyond the sentence splitter's: units, legal forms, AP state names.
_MORE_ABBREVIATIONS = frozenset(
    """
    ca cont ex et cos kft min max ref ext tel govt intl natl assoc mfg mgmt yrs yr hrs hr mins lbs lb oz sq
    pg para sec misc div esp orig incl excl avg qty dia ht wt bldg ste fl tbsp tsp
    llc llp plc esq phd gmbh bhd pty pvt
    """.split()
) | STATE_ABBREVIATIONS
# Lower case by design, and name particles that stay lower case at a sentence's start.
_LOWER_BY_DESIGN = frozenset(
    "npm pnpm adidas bpost iphone ebay de da di du van von der den la le ter".split()
)


class LowercaseSentenceStart(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        # No match overlaps another: each holds its mark only at its start.
        for match in matches_in_order((_LOWER_START[mark] for mark in ".!?" if mark in prose), prose):
            mark = match.start()
            word = match.group("word")
            # A capital inside ("eBay"); islower() first, in C, clears most words at once.
            if word in _LOWER_BY_DESIGN or (not word.islower() and any(c.isupper() for c in word)):
                continue
            if _not_an_end(prose, mark, prose[mark]):
                continue
            start = match.start("word")
            span = Span(start, start + 1)
            capital = word[0].upper()
            yield self.rule.report(doc, Span(start, match.end("word")), Edit(span, capital), found=word,
                                   right=capital + word[1:])


def _dotted(word: str) -> bool:
    """A dotted abbreviation: short runs of letters, each but the last ended by a dot
    ("P.Eng", "M.Sc", "Ph.D", "e.g", "B.A"): degrees, titles and Latin abbreviations,
    which a lower-case word may follow ("P.Eng. has", "M.Sc. in", "e.g. the")."""
    parts = word.split(".")
    return len(parts) > 1 and all(0 < len(part) <= 4 and part.isalpha() for part in parts)


def _not_an_end(prose: str, mark: int, char: str) -> bool:
    before = _WORD_BEFORE.search(prose, max(0, mark - 30), mark)
    word = before.group(1) if before else ""
    if char != ".":
        # "Yahoo! users", "Jeopardy! champions": a name, not the end of a sentence.
        return word[:1].isupper()
    if is_abbreviation(prose, mark) or _dotted(word):
        return True
    last = word.rsplit(".", 1)[-1].lower()
    if last in _MORE_ABBREVIATIONS:
        return True
    if last.isdigit():
        # "1. use the form": a list number at the start of a line.
        line_start = prose.rfind("\n", 0, mark) + 1
        return not prose[line_start:mark - len(last)].strip()
    return False
