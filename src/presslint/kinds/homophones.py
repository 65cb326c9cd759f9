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
from functools import lru_cache

from .. import lexicon, vocabulary
from ..diagnostic import Diagnostic, Edit, Fix, Span
from ..document import Document
from ..wordtools import following, match_case
from . import Kind
from .wordline import WordMatches, lower_word_line

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
# "their are", "their is": the existential "there".
_FORMS_OF_BE = frozenset({"are", "is", "was", "were"})


@dataclass(frozen=True)
class Pair:
    contraction: str  # "it's"
    possessive: str  # "its"
    # For their/there/they're: the word that existential "there" needs to be.
    other: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        """The spellings the rule looks at, in lower case: "it's", "it’s", "its"."""
        curly = self.contraction.replace("'", "’")
        return tuple(word for word in (self.contraction, curly, self.possessive, self.other) if word)


PAIRS = {
    "its": Pair("it's", "its"),
    "whose": Pair("who's", "whose"),
    "your": Pair("you're", "your"),
    "their": Pair("they're", "their", "there"),
}


@lru_cache(maxsize=8192)
def _only_noun(word: str) -> bool:
    """A lower-case word that the lexicon knows only as a noun ("technology", "customers")."""
    if not word.isalpha() or not word.islower() or word in _OPEN_NOUNS:
        return False
    return lexicon.tag(word) in _NOUN_TAGS and lexicon.classes(word) == "N"


def _own_or_only_noun(word: str) -> bool:
    """"own" or a noun after "it's": "it's own", "it’s technology"."""
    return word == "own" or _only_noun(word)


@lru_cache(maxsize=8192)
def _only_plural_noun(word: str) -> bool:
    """"customers" in "there customers"."""
    return lexicon.tag(word) == "NNS" and _only_noun(word)


@lru_cache(maxsize=8192)
def _lower_verb(word: str) -> bool:
    """A lower-case verb form: "is" in "It's mission is"."""
    return lexicon.tag(word) in _VERB_TAGS and word.islower()


@lru_cache(maxsize=8192)
def _takes_an_object(word: str) -> bool:
    """A lower-case verb or preposition that is no clause opener: "develop" in "develop
    it's technology"."""
    return word.islower() and word not in _CLAUSE_OPENERS and lexicon.tag(word) in _OBJECT_TAGS


@lru_cache(maxsize=8192)
def _cannot_follow_possessive(word: str) -> bool:
    """A lower-case word that cannot start a noun phrase: "a", "not", "been"."""
    if not word.islower():
        return False
    if word in _CERTAIN_AFTER_CONTRACTION:
        return True
    return lexicon.tag(word) in _NOT_A_NOUN_PHRASE and lexicon.classes(word) in {"D", "P", "V", "DP"}


_POSSESSIVE, _CONTRACTION, _OTHER = range(3)


class Homophone(Kind):
    name = "homophone"
    OPTIONS = {"pair": "its"}
    CHOICES = {"pair": tuple(PAIRS)}

    def setup(self) -> None:
        self.pair = PAIRS[self.options["pair"]]
        self.vocabulary = vocabulary.of(self.config)
        self.forms = {form for word in self.pair.words for form in (word, word.capitalize(), word.upper())}
        # The verdict on the next word, by role. After the possessive: "their are", "its
        # been"; after the contraction: "it's own", "it's technology"; after "there":
        # "there customers" (existential "there" never takes a plural noun straight after).
        wrong_after_possessive = (_FORMS_OF_BE.__contains__ if self.pair.possessive == "their"
                                  else _cannot_follow_possessive)
        self.next_word_verdicts = (wrong_after_possessive, _own_or_only_noun, _only_plural_noun)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        # The pair's usual spellings ("its", "Its", "ITS", "it’s"...) must be among the
        # document's words (in C), or a mixed-case spelling ("iTs") is left alone.
        if doc.word_counts.keys().isdisjoint(self.forms):
            return
        matches, found = doc.shared("homophones", _find_homophones)
        texts = doc.tokens.texts
        verdicts = self.next_word_verdicts
        # Each occurrence is judged on the next word alone first (a cached verdict per
        # word), which settles most of them; only the rest are placed in the prose. The
        # search gives the words in lower case: a verdict says yes only to a lower-case
        # word, so a no in lower case is a no, and a yes is asked again of the words
        # themselves.
        for ordinal, role, lower_next in found[self.options["pair"]]:
            if not (lower_next and verdicts[role](lower_next)):
                continue
            index = matches.index(ordinal)
            text = texts[index]
            if index + 1 == len(texts) or not verdicts[role](texts[index + 1]) \
                    or (role == _OTHER and text != "there"):
                continue
            replacement = self._replacement(doc, role, index)
            if replacement is None or self.vocabulary.accepts(text):
                continue
            suggestion = match_case(text, replacement)
            token = doc.tokens[index]
            span = Span(token.start, token.end)
            fix = Fix(f"replace with {suggestion!r}", (Edit(span, suggestion),), safe=False)
            yield self.rule.report(doc, span, fix, found=text, suggestion=suggestion, next=texts[index + 1])

    def _replacement(self, doc: Document, role: int, index: int) -> str | None:
        """The word token ``index`` should be, once the verdict on the next word said yes."""
        pair = self.pair
        if role == _POSSESSIVE:
            if self._possessive_for_contraction(doc, index):
                return pair.other or pair.contraction.replace("'", _apostrophe(doc))
        elif role == _CONTRACTION:
            if self._contraction_for_possessive(doc, index):
                return pair.possessive
        elif self._there_for_their(doc, index):
            return pair.possessive
        return None

    # The tests below are for a token that has a next one, the next word already judged.

    def _contraction_for_possessive(self, doc: Document, index: int) -> bool:
        texts = doc.tokens.texts
        after = len(following(doc, index, 2))
        if not after:
            return False
        if texts[index + 1] == "own":
            return True
        if after == 2 and _lower_verb(texts[index + 2]):
            return True  # "It's mission is", "who's team has"
        # "develop it's technology": the word straight before takes an object.
        return index > 0 and len(following(doc, index - 1, 1)) == 1 and _takes_an_object(texts[index - 1])

    def _possessive_for_contraction(self, doc: Document, index: int) -> bool:
        texts = doc.tokens.texts
        after = following(doc, index, 2)
        if not after:
            return False
        if doc.prose[after[0].end:after[0].end + 1] in "-–—":
            return False  # "its all-new platform"
        # "there are to be": not "their".
        return self.pair.possessive != "their" or len(after) < 2 or texts[index + 2] not in {"to", "no"}

    def _there_for_their(self, doc: Document, index: int) -> bool:
        after = len(following(doc, index, 2))
        return after == 1 or (after == 2 and doc.tokens.texts[index + 2] not in {"who", "that", "which"})


# Every word of every pair, in any case, and the word after it, found in one pass over
# the lower-case word line and shared by the four rules: "\n" + the word + "\n" is that
# whole word. A group per pair, whose common start the regex compiler factors out:
# "\nit(?:'s|’s|s)".
_HOMOPHONES = re.compile(r"\n((?:{}))(?=\n([^\n]*+))".format(")|(?:".join(
    "|".join(pair.words) for pair in PAIRS.values())))
# Lower-case word -> its pair and its role.
_ROLES = {word: (name, _POSSESSIVE if word == pair.possessive else _OTHER if word == pair.other else _CONTRACTION)
          for name, pair in PAIRS.items() for word in pair.words}


def _find_homophones(doc: Document) -> tuple[WordMatches, dict[str, list[tuple[int, int, str]]]]:
    """The matches, and by pair its words in the document in order: the match's ordinal,
    the word's role and the next word in lower case ("" after the last word)."""
    matches = WordMatches(lower_word_line(doc), _HOMOPHONES)
    found: dict[str, list[tuple[int, int, str]]] = {name: [] for name in PAIRS}
    for ordinal, (text, next_word) in enumerate(matches.groups):
        name, role = _ROLES[text]
        found[name].append((ordinal, role, next_word))
    return matches, found


def _apostrophe(doc: Document) -> str:
    """The apostrophe the document uses most: curly if it has more curly than straight
    (counted once per document: a long one has many candidates)."""
    return doc.shared("apostrophe", _count_apostrophes)


def _count_apostrophes(doc: Document) -> str:
    text = doc.text
    return "’" if text.count("’") > text.count("'") else "'"
