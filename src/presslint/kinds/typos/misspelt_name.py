"""A name misspelt once: "Contsoo" in a release that writes "Contoso" three times.

A release spells its own names many times over; one of them written differently once, a
slip away (a letter missing, extra, wrong, or two swapped), is a typo no word list can
find. Both must be capitalised and no English word; the variant must occur once, and not
be the name with an ending ("Contosos", "Contoso's": possessives are T108's). A
capitalised word with a letter typed three times ("Elliottt") is reported when the release
or the word lists have it with two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from ... import lexicon, vocabulary
from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...scan import is_free_standing, recurs, tokens_of
from .. import Kind
from .slips import slip
from .suspects import title_non_words

_STUTTER = re.compile(r"([a-z])\1\1+")


def _deletes(word: str) -> set[str]:
    """``word`` and every string one letter shorter: two words a slip apart share one."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


class MisspeltName(Kind):
    OPTIONS = {"min-length": 5, "min-uses": 3}
    MESSAGES = ("stutter",)  # a letter typed three times ("Elliottt")
    FIX = "always"

    def setup(self) -> None:
        self.vocabulary = vocabulary.of(self.settings.vocabulary)

    @staticmethod
    def _variant_of(word: str, counts: Mapping[str, int], by_delete: dict[str, list[str]]) -> str:
        """The name ``word`` is a slip of, or ""."""
        if _STUTTER.search(word):
            stutter = _STUTTER.sub(r"\1\1", word)
            if stutter in counts or lexicon.is_word(stutter):
                return stutter  # "Elliottt": a key held down
        # The first two letters kept (see below): most words start like no name.
        if word[:2] not in by_delete:
            return ""
        matches = {name for key in _deletes(word) for name in by_delete.get(key, ())}
        # The first letter kept: names that differ there are mostly two names
        # ("Ariane", "Oriane"; "OByrne", "Byrne").
        found = [name for name in matches if name[0] == word[0] and word[1] == name[1]
                 and slip(word, name) and not _ending_of(word, name)]
        return found[0] if len(found) == 1 else ""

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        counts = doc.word_counts
        minimum = self.options["min-length"]
        uses = self.options["min-uses"]
        # Capitalised words that are no English word (judged once per run): the release's
        # names, written several times, and the variants, written once.
        proper = [word for word in title_non_words(doc) if len(word) >= minimum]
        once = [word for word in proper if counts[word] == 1]
        if not once:
            return
        # A variant keeps its name's first two letters (see _variant_of): only the names
        # that start like a word written once are indexed.
        starts = {word[:2] for word in once}
        names = [word for word in proper if counts[word] >= uses and word[:2] in starts]
        by_delete: dict[str, list[str]] = {}
        for name in names:
            for key in _deletes(name):
                by_delete.setdefault(key, []).append(name)
            by_delete.setdefault(name[:2], [])  # the starts of names, looked up first
        variants: dict[str, str] = {}
        for word in once:
            name = self._variant_of(word, counts, by_delete)
            # The document's other forms of the word last: most words match no name.
            if name and not recurs(doc, word.lower()) and not self.vocabulary.accepts(word):
                variants[word] = name
        prose = doc.prose
        texts = doc.tokens.texts
        for index in tokens_of(doc, set(variants)):
            word = texts[index]
            start, end, _ = doc.tokens[index]
            if not is_free_standing(prose, start, end):
                continue
            name = variants[word]
            span = Span(start, end)
            # A name written fewer than min-uses times: the word is a letter typed three times.
            key = "stutter" if counts[name] < uses else ""
            yield self.rule.report(doc, span, Edit(span, name), key=key, found=word, suggestion=name,
                                   count=counts[name])


def _ending_of(word: str, name: str) -> bool:
    """The name with an ending or without one ("Contosos", "Contoso" beside "Contosos"),
    or the two differing only in case."""
    return word.lower() == name.lower() or word.rstrip("s") == name.rstrip("s")
