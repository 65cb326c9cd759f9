"""A quotation mark with no partner in its paragraph: a quotation that never closes, a
closing mark with no opening one, a curly mark of the wrong shape ("the “Effective
Time“)"), an opening single curly quote that never closes.

Double marks, straight and curly, are read with :mod:`.quotes` (each mark's part from its
sides). Left alone: a quotation that goes on into the next paragraph, which by convention
opens with a mark and leaves the previous one without its closing mark (also when a wire
joins paragraphs with two spaces on one line); a quotation cut by a paragraph break in
mid-sentence (its paragraph ends in a word or a comma: the break is the mistake, and the
quotation is read on into the next paragraph); inch signs (`55" screens`); straight single
marks, which cannot be told from apostrophes; an opening single curly mark that elides
("‘90s", "rock ‘n’ roll").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from .. import Kind
from .quotes import INCH, OPENING, Mark, continues, double_marks, paragraphs

# An opening single curly mark that is no quotation: an elision or a mark inside a word.
_ELISION = re.compile(r"‘(?:\d|em\b|n’|tis\b|til\b|cause\b|(?:s|t|re|ll|ve|d)\b)", re.IGNORECASE)
# The Hawaiian ʻokina, often typed as "‘": "‘Ohana", "‘ohana" (a word of the Hawaiian
# alphabet that starts with a vowel).
_OKINA = re.compile(r"‘[aeiouAEIOU][aeiouhklmnpw]*\b(?!’)")
# A closing single curly mark: after a letter, before no letter (a plural possessive
# "partners’ " looks the same, so it counts as closing: a miss, never a false alarm).
_SINGLE_CLOSING = re.compile(r"(?<=[\w.,!?:;])’(?!\w)")
_OPENS_PARAGRAPH = re.compile("[\\s\ufffc\u2063*_>-]*[\"“]")


class UnbalancedQuotes(Kind):
    MESSAGES = ("stray", "shape", "single")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        if '"' not in prose and "“" not in prose and "”" not in prose and "‘" not in prose:
            return
        found: list[Diagnostic] = []
        paras = paragraphs(prose)
        carried: list[Mark] = []
        for index, (start, text) in enumerate(paras):
            following = paras[index + 1][1] if index + 1 < len(paras) else ""
            carried = self._doubles(doc, start, text, following, carried, found)
            if "‘" in text:
                found.extend(self._singles(doc, start, text))
        for mark in carried:  # the last paragraph broke off with a quotation open
            found.append(self._report(doc, mark, ""))
        yield from sorted(found, key=lambda d: d.span.start)

    def _doubles(self, doc: Document, start: int, text: str, following: str, carried: list[Mark],
                 found: list[Diagnostic]) -> list[Mark]:
        """Report the double marks of one paragraph that have no partner; return the marks
        still open that the next paragraph may close (a paragraph broken in mid-sentence)."""
        stack = list(carried)
        reported: set[int] = set()
        before = len(found)
        for mark in double_marks(text, start):
            if mark.shape_wrong:
                should = "”" if mark.char == "“" else "“"
                found.append(self._report(doc, mark, "shape", should=should))
                reported.add(mark.at)
            if mark.part == INCH:
                continue
            if mark.part == OPENING:
                if stack and continues(text, mark.at - start):
                    stack.pop()  # the open quotation went on into a paragraph inside the line
                elif stack and stack[-1].char == '"' == mark.char:
                    self._unclosed(doc, stack.pop(), reported, found)  # straight marks do not nest
                stack.append(mark)
            elif stack:
                stack.pop()
            else:
                if mark.at not in reported:
                    found.append(self._report(doc, mark, "stray"))
                    reported.add(mark.at)
                # ', " I'm': an opening mark typed after the space; what follows closes it
                after = text[mark.at - start + 1:mark.at - start + 3]
                if after[:1] == " " and after[1:].isalpha():
                    stack.append(mark)
        left: list[Mark] = []
        if stack and (text.rstrip()[-1:].isalnum() or text.rstrip().endswith(",")):
            left = stack  # broken off in mid-sentence: read on
        else:
            if stack and _OPENS_PARAGRAPH.match(following):
                stack.pop()  # goes on into the next paragraph, by convention
            for mark in stack:
                self._unclosed(doc, mark, reported, found)
        if not carried and text.count('"') % 2 == 0 and '"' in text:
            # An even number of straight marks pairs up, whatever their sides say (a title in
            # straight marks inside a straight quotation, a mark typed after its space).
            inches = sum(mark.part == INCH for mark in double_marks(text, start) if mark.char == '"')
            if inches == 0:
                found[before:] = [d for d in found[before:] if doc.text[d.span.start] != '"']
        return left

    def _unclosed(self, doc: Document, mark: Mark, reported: set[int], found: list[Diagnostic]) -> None:
        if mark.at not in reported:
            reported.add(mark.at)
            found.append(self._report(doc, mark, ""))

    def _singles(self, doc: Document, start: int, text: str) -> Iterator[Diagnostic]:
        at = text.find("‘")
        while at != -1:
            quotation = not (_ELISION.match(text, at) or _OKINA.match(text, at) or (at and text[at - 1].isalnum()))
            if quotation and not _SINGLE_CLOSING.search(text, at + 1):
                yield self.rule.report(doc, Span(start + at, start + at + 1), key="single", mark="‘")
            at = text.find("‘", at + 1)

    def _report(self, doc: Document, mark: Mark, key: str, **fields: str) -> Diagnostic:
        return self.rule.report(doc, Span(mark.at, mark.at + 1), key=key, mark=mark.char, **fields)
