"""its / it's, whose / who's, your / you're, their / there / they're: when the next word
makes the reading certain.

The next word's part of speech comes from the lexicon (Brill's tags and lemminflect's word
classes, see src/presslint/data/typos/SOURCES.md). A contraction ("it's", "who's", "you're",
"they're") followed by a word that can only be a noun is a possessive ("it’s technology",
"it's own"); a possessive followed by what cannot start a noun phrase (an article, a
pronoun, "been", "not") is a contraction ("its a great day", "its been"). Anything the
next word leaves open is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import lexicon, vocabulary
from ..diagnostic import Diagnostic, Edit, Fix, Span
from ..document import Document
from ..wordtools import find_tokens, following, match_case
from . import Kind

_NOUN_TAGS = ("NN", "NNS")
# After a possessive only a noun phrase can come; these words cannot start one.
# (Not VBN: "its proven model", "your trusted advisor" are fine.)
_NOT_A_NOUN_PHRASE = frozenset({"DT", "PRP", "MD", "EX"})
# A noun right after "it's" is a possessive's head when the noun is a subject (a verb
# follows: "It's mission is") or an object (a verb or preposition comes before: "develop
# it's technology"). Otherwise it is a predicate: "It's sunshine, ocean breeze".
_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_OBJECT_TAGS = frozenset({"IN", "TO", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_CLAUSE_OPENERS = frozenset("""that because whether if as while since although though unless
    once so than until till whereas but and or when where what how why""".split())
_CERTAIN_AFTER_CONTRACTION = frozenset({"a", "an", "the", "been", "not", "this", "my", "our",
                                        "your", "their", "his", "her", "going", "gonna",
                                        "also", "always", "never", "about"})
# Noun phrases without an article that follow "it's" and friends in good English.
_OPEN_NOUNS = frozenset({"time", "business", "people", "money", "home", "school", "fun",
                         "noon", "midnight", "night", "morning", "summer", "winter", "spring",
                         "fall", "autumn", "christmas", "everything", "nothing", "something",
                         "anything", "everyone", "anyone", "someone", "nobody", "showtime"})


@dataclass(frozen=True)
class Pair:
    contraction: str  # "it's"
    possessive: str  # "its"
    # For their/there/they're: the word that existential "there" needs to be.
    other: str = ""


PAIRS = {
    "its": Pair("it's", "its"),
    "whose": Pair("who's", "whose"),
    "your": Pair("you're", "your"),
    "their": Pair("they're", "their", "there"),
}


def _only_noun(word: str) -> bool:
    """A lower-case word that the lexicon knows only as a noun ("technology", "customers")."""
    if not word.isalpha() or not word.islower() or word in _OPEN_NOUNS:
        return False
    return lexicon.tag(word) in _NOUN_TAGS and lexicon.classes(word) == "N"


class Homophone(Kind):
    name = "homophone"
    OPTIONS = {"pair": "its"}
    CHOICES = {"pair": tuple(PAIRS)}

    def setup(self) -> None:
        self.pair = PAIRS[self.options["pair"]]
        self.vocabulary = vocabulary.of(self.config)
        contraction = self.pair.contraction
        self.contractions = {contraction, contraction.replace("'", "’")}
        words = [contraction.replace("'", "['’]"), self.pair.possessive, self.pair.other]
        first = contraction[0]
        # The first letter as a class, then a look-behind for the word start: a regex that
        # starts with a class scans fast, one that starts with \b does not.
        rests = "|".join(w[1:] for w in words if w)
        self.forms = {form for word in (contraction, contraction.replace("'", "’"), self.pair.possessive,
                                        self.pair.other) if word
                      for form in (word, word.capitalize(), word.upper())}
        self.regex = re.compile(rf"[{first}](?<!\w[{first}])(?:{rests})\b", re.IGNORECASE)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        pair = self.pair
        tokens = doc.tokens
        if self.forms.isdisjoint(doc.word_counts):
            return
        for index in find_tokens(doc, self.regex):
            token = tokens[index]
            lowered = token.text.lower()
            if lowered in self.contractions:
                mistake = self._contraction_for_possessive(doc, index)
                replacement = pair.possessive
            elif lowered == pair.possessive:
                mistake = self._possessive_for_contraction(doc, index)
                replacement = pair.other or pair.contraction.replace("'", _apostrophe(doc))
            elif pair.other and lowered == pair.other:
                mistake = self._there_for_their(doc, index)
                replacement = pair.possessive
            else:
                continue
            if not mistake or self.vocabulary.accepts(token.text):
                continue
            suggestion = match_case(token.text, replacement)
            span = Span(token.start, token.end)
            fix = Fix(f"replace with {suggestion!r}", (Edit(span, suggestion),), safe=False)
            yield self.rule.report(doc, span, fix, found=token.text, suggestion=suggestion,
                                   next=tokens[index + 1].text)

    def _contraction_for_possessive(self, doc: Document, index: int) -> bool:
        after = following(doc, index, 2)
        if not after:
            return False
        word = after[0].text
        if word == "own":
            return True
        if not _only_noun(word):
            return False
        if len(after) > 1 and lexicon.tag(after[1].text) in _VERB_TAGS and after[1].text.islower():
            return True  # "It's mission is", "who's team has"
        before = _preceding(doc, index)
        return before is not None and before.islower() and before not in _CLAUSE_OPENERS \
            and lexicon.tag(before) in _OBJECT_TAGS

    def _possessive_for_contraction(self, doc: Document, index: int) -> bool:
        after = following(doc, index, 2)
        if not after:
            return False
        word = after[0].text
        if not word.islower() or doc.prose[after[0].end:after[0].end + 1] in "-–—":
            return False  # "its all-new platform"
        if self.pair.possessive == "their":
            # "their are", "their is": the existential there.
            return word in {"are", "is", "was", "were"} and (
                len(after) < 2 or after[1].text not in {"to", "no"})
        if word in _CERTAIN_AFTER_CONTRACTION:
            return True
        return lexicon.tag(word) in _NOT_A_NOUN_PHRASE and lexicon.classes(word) in {"D", "P", "V", "DP"}

    def _there_for_their(self, doc: Document, index: int) -> bool:
        """"there customers": existential "there" never takes a plural noun straight after."""
        after = following(doc, index, 2)
        if not after or doc.tokens[index].text != "there":
            return False
        word = after[0].text
        if lexicon.tag(word) != "NNS" or not _only_noun(word):
            return False
        return not (len(after) > 1 and after[1].text in {"who", "that", "which"})


def _preceding(doc: Document, index: int) -> str | None:
    """The word straight before token ``index`` (spaces only between), if any."""
    if index == 0:
        return None
    previous = doc.tokens[index - 1]
    if following(doc, index - 1, 1) != [doc.tokens[index]]:
        return None
    return previous.text


def _apostrophe(doc: Document) -> str:
    """The apostrophe the document uses most: curly if it has more curly than straight
    (counted once per document: a long one has many candidates)."""
    return doc.shared("apostrophe", _count_apostrophes)


def _count_apostrophes(doc: Document) -> str:
    text = doc.text
    return "’" if text.count("’") > text.count("'") else "'"
