"""The headline in the house style: title case or sentence case.

The headline is the first Markdown heading, or else the first line with text. Words
with digits, inner capitals ("iPhone", "OpenAI") or all capitals are names or acronyms
and are left alone, as are the first word and any word after a colon.

* title: every word but the minor ones ("a", "and", "of", "to"...) starts with a
  capital; a lower-case major word is reported.
* sentence: a capitalised common word is reported when the release itself writes that
  word in lower case elsewhere, so that names ("Microsoft Teams") are not.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...lazyre import LazyPattern
from .. import Kind
from .casing import MINOR_WORDS, common_words, headline_span

_WORD = LazyPattern(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w'’])")


class HeadlineCase(Kind):
    OPTIONS = {"headline-case": "title"}
    CHOICES = {"headline-case": ("title", "sentence")}
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        headline = headline_span(doc)
        if headline is None:
            return
        start, end = headline
        line = prose[start:end].rstrip()
        letters = [c for c in line if c.isalpha()]
        if not letters or all(c.isupper() for c in letters):
            return  # an all-caps headline has no case to check
        style = self.options["headline-case"]
        words = list(_WORD.finditer(line))
        for index, match in enumerate(words):
            word = match.group()
            if index == 0 or _is_name(word) or _after_colon(line, match.start()):
                continue
            last = index == len(words) - 1
            if style == "title":
                wrong = word[0].islower() and (word.lower() not in MINOR_WORDS or last)
                right = word[0].upper() + word[1:]
            else:
                lowered = word.lower()
                wrong = (word[0].isupper() and lowered in common_words()
                         and lowered in doc.word_counts)
                right = lowered
            if wrong:
                span = Span(start + match.start(), start + match.end())
                yield self.rule.report(doc, span, Edit(span, right), found=word, right=right, style=style)


def _is_name(word: str) -> bool:
    return any(c.isupper() for c in word[1:]) or (word.isupper() and len(word) > 1)


def _after_colon(line: str, position: int) -> bool:
    # Walked back over the spaces and quotes before the word only (not a copy of the line
    # up to it, which made a long line's words quadratic).
    while position and line[position - 1] in " \t\"'“‘(":
        position -= 1
    return position > 0 and line[position - 1] in ":—–-|"
