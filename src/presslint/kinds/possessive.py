"""A possessive that lost its apostrophe: "Microsofts alignment" when the document (or the
user's vocabulary or terms) names "Microsoft", and a noun follows.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import lexicon, vocabulary
from ..diagnostic import Diagnostic, Edit, Fix, Span
from ..document import Document, next_words
from ..wordtools import is_free_standing, suspects, tokens_of
from . import Kind

_NOUN_TAGS = frozenset({"NN", "NNS"})
_ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})


def _is_noun(word: str) -> bool:
    return word.isalpha() and word.islower() and lexicon.tag(word) in _NOUN_TAGS


class MissingPossessive(Kind):
    name = "missing-possessive"

    def setup(self) -> None:
        self.vocabulary = vocabulary.of(self.config)
        terms = self.config.terms if self.config is not None else ()
        self.names = frozenset(terms) | self.vocabulary.names

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        counts = doc.word_counts
        prose = doc.prose
        # "Microsofts" when the document (or the user) names "Microsoft", written once. The
        # suspects are no words ("Apples", "Solutions", "Teslas" are plurals); and a name
        # that ends in s on its own is written more than once ("Dynamics").
        words = {word for word in suspects(doc).possessive
                 if (word[:-1] in counts or word[:-1] in self.names) and counts[word] == 1}
        texts = doc.tokens.texts
        for index in tokens_of(doc, words):
            word = texts[index]
            name = word[:-1]
            if self.vocabulary.accepts(word):
                continue
            if index and texts[index - 1].lower() == "the":
                continue  # "the Karchers plan to": a family, in the plural
            # Placed only now: what the words decide is settled.
            start, end, _ = doc.tokens[index]
            if not is_free_standing(prose, start, end):
                continue
            # The words after it, found in the prose: no other token is placed.
            after = next_words(prose, end, 2)
            if not after:
                continue
            head = after[0].text
            if not (_is_noun(head) or (lexicon.tag(head) in _ADJECTIVE_TAGS and len(after) > 1
                                       and _is_noun(after[1].text))):
                continue
            suggestion = f"{name}{_apostrophe(doc)}s"
            span = Span(start, end)
            fix = Fix(f"replace with {suggestion!r}", (Edit(span, suggestion),), safe=False)
            yield self.rule.report(doc, span, fix, found=word, suggestion=suggestion, name=name)


def _apostrophe(doc: Document) -> str:
    text = doc.text
    return "’" if text.count("’") > text.count("'") else "'"
