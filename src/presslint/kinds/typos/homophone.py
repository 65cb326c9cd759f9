"""its / it's, whose / who's, your / you're, their / there / they're, decided from context.

A possessive ("its", "their", "your", "whose") must start a noun phrase; a contraction
("it's", "they're", "you're", "who's") must be followed by a predicate; existential
"there" by a verb. The words around the candidate are tagged with Brill's tagger
(kinds/typos/tagger.py: the lexicon, then contextual rules), and the candidate is reported only
when its neighbours allow the other reading alone:

- a possessive followed by what cannot start a noun phrase: an article or pronoun ("its a
  great day", "your not alone"), a wh-word ("its where we started"), "been", a predicate
  adjective closed by "to", "that" or the clause's end ("its easy to", "its clear that",
  "your welcome."), a participle or gerund followed by its object ("its sometimes called
  the", "its making a"); adverbs in between are skipped ("its truly a milestone");
- a contraction or "there" followed by a noun phrase (modifiers, then a noun head) where a
  noun phrase is an object ("tailors it's model", "of it's history", "on there website"),
  a subject (the head followed by a verb: "It's multi-layered approach is", "There
  engineers have"), or begins with "own" or an ordinal ("it's own", "it’s fifteenth
  anniversary").

- "its" opening a sentence (or a clause after a semicolon, "because", "whether", "so")
  that has no verb: "Its storytelling through hospitality.", "; its autonomous execution."

Most occurrences are settled without the tagger, by cached verdicts on words from the
lower-case word line: the next word alone ("its" before a noun, "there" before "is",
"it's" before "a" are fine), then the next two ("its innovative approach", "you're
looking for"), then the next two as the prose places them (punctuation between); only a
few hundred in a thousand releases are tagged.

This module is the kind: the pairs, those cheap first looks, and the one pass that finds
every pair's words. The readings of a tagged window are in kinds/typos/homophone_readings.py, on
the phrase grammar of kinds/typos/phrases.py; the verbless "its" sentences in
kinds/typos/verbless_its.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ... import lexicon, vocabulary
from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...scan import is_free_standing, match_case, next_words
from .. import Kind
from ..wordline import WordMatches, lower_word_line
from . import tagger
from .homophone_readings import (
    EXISTENTIAL_VERBS,
    NOT_AFTER_POSSESSIVE,
    ORDINAL,
    WH_WORDS,
    after_candidate,
    contraction_for_possessive,
    possessive_misread,
    there_for_their,
)
from .phrases import ADJECTIVES, MODIFIERS, NOUNS
from .tagger import Window
from .verbless_its import find_verbless_its


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

_POSSESSIVE, _CONTRACTION, _OTHER = range(3)


@lru_cache(maxsize=8192)
def _worth_a_look(role: int, word: str) -> bool:
    """Whether the next word leaves the candidate open: "its" before a noun, "there"
    before "is", "it's" before "a" are settled without looking further."""
    if not word or not word[0].isalpha() or word[0].isupper():
        return False
    if word.endswith(("'s", "’s")):
        word = word[:-2]  # "there child’s care"
    tag = lexicon.tag(word)
    classes = lexicon.classes(word)
    if role == _POSSESSIVE:
        if word in NOT_AFTER_POSSESSIVE or word in WH_WORDS or word in EXISTENTIAL_VERBS or word in {"part", "time"}:
            return True
        if "-" in word or word == "own":
            return False
        return tag in ADJECTIVES or tag in {"RB", "VBN", "VBG", "VBD", "VBZ", "MD", "DT", "PRP", "PRP$", "WRB"} \
            or word in {"has", "have", "will", "about"}
    if word in {"is", "are", "was", "were", "be", "been", "being"}:
        return False
    # After a contraction or "there": a word that may start a noun phrase.
    if word in {"own", "very"} or "-" in word or ORDINAL.match(word):
        return True
    if role == _CONTRACTION and (word in {"most", "more"} or (tag == "RB" and word.endswith("ly"))):
        return True  # "it's most legendary asset", "it's newly revamped home"
    if tag in {"DT", "PRP", "PRP$", "RB", "IN", "TO", "MD", "WRB", "WDT", "WP", "CC", "EX", "RP"}:
        return False
    if not tag and "V" in classes and word.endswith("ed"):
        return True  # "there weathered tombstones"
    if tag in {"VB", "VBP"} and "N" in classes:
        return role == _CONTRACTION  # "expanding it's reach"
    return tag in MODIFIERS or tag == "VBD" or (not tag and ("N" in classes or (not classes and word.isalpha())))


@lru_cache(maxsize=8192)
def _plainly_fine(role: int, word: str, after: str) -> bool:
    """Whether the next word and the one after it (in lower case, from the word line,
    before the words are placed in the prose) show the candidate right whatever stands
    between them: a possessive before a modifier and a word of a noun phrase ("its
    innovative approach", "their full potential"), a contraction before a predicate and
    what follows one ("you're looking for", "it's important to")."""
    # (The word after is looked up only when the next word leaves it to decide: a word
    # met for the first time costs a search of the lexicon.)
    if role == _POSSESSIVE:
        if word in NOT_AFTER_POSSESSIVE or word in WH_WORDS or word in {"about", "all", "going", "more", "less"}:
            return False
        if after in _PREDICATE_CLOSERS:
            return False
        tag = lexicon.tag(word)
        takes_modifier = tag in MODIFIERS or tag == "VBD" or (tag == "VBZ" and "N" in lexicon.classes(word))
        if not takes_modifier:
            return False
        after_tag = lexicon.tag(after)
        return after_tag in MODIFIERS or (not after_tag and after.isalpha()) or "-" in after
    if role == _CONTRACTION:
        return lexicon.tag(word) in {"JJ", "VBG", "VBN", "RB"} and word != "own" and lexicon.tag(after) in _CLAUSE_WORDS
    return False


# Words after an adjective that close a predicate: "easy to", "clear that", "better than".
_PREDICATE_CLOSERS = frozenset({"to", "that", "for", "than", "enough", "and", "or"})
# Tags that go on a predicate, not a noun phrase: "looking for", "been a", "proud of".
_CLAUSE_WORDS = frozenset({"IN", "TO", "DT", "PRP", "PRP$", "CC", "WDT", "WRB", "MD"})


@lru_cache(maxsize=8192)
def _second_look(role: int, word: str, after: str) -> bool:
    """Whether the next word and the one after it (``after``: "" when punctuation or the
    end comes first) leave the candidate open."""
    tag = lexicon.tag(word)
    if role == _POSSESSIVE:
        if word in NOT_AFTER_POSSESSIVE or word in WH_WORDS or word in EXISTENTIAL_VERBS \
                or word in {"about", "all", "going", "gonna", "more", "less", "has", "have", "will"}:
            return True
        if tag == "JJS" or (tag == "VBZ" and "N" in lexicon.classes(word)):
            return False  # "their best.", "their needs"
        if not after or after == ",":
            return True
        if tag == "RB":
            return lexicon.tag(after) not in NOUNS  # "its upward trajectory"
        if tag in ADJECTIVES:
            return after in _PREDICATE_CLOSERS
        if tag in {"VBN", "VBG", "VBD"}:
            return lexicon.tag(after) not in NOUNS | ADJECTIVES
        return True
    if word in {"own", "very"} or "-" in word or ORDINAL.match(word) or tag in NOUNS \
            or (not tag and ("N" in lexicon.classes(word) or not lexicon.classes(word))) \
            or (tag in {"VB", "VBP"} and "N" in lexicon.classes(word)):
        return True  # (a noun a rule may read as a verb: "expanding it's reach to")
    if not after:
        return False
    if after in {",", "and"}:
        return tag in ADJECTIVES  # a series: "known for it’s professional, welcoming", "there compassionate and"
    after_tag = lexicon.tag(after)
    return after_tag in MODIFIERS or not after_tag or "-" in after or after[0].isdigit()


@lru_cache(maxsize=8192)
def _may_stay_open(role: int, word: str, after: str) -> bool:
    """Whether :func:`_second_look` may leave the candidate open, whatever the prose puts
    between the next word and ``after`` (the word after it on the word line): the second
    look reads ``after``, or "" (punctuation between), or "," (a comma). When none of
    them does, the candidate is settled before it is placed in the prose."""
    return _second_look(role, word, after) or _second_look(role, word, "") or _second_look(role, word, ",")


class Homophone(Kind):
    FIX = "always"
    OPTIONS = {"pair": "its"}
    CHOICES = {"pair": tuple(PAIRS)}

    def setup(self) -> None:
        self.pair = PAIRS[self.options["pair"]]
        self.vocabulary = vocabulary.of(self.settings.vocabulary)
        self.forms = {form for word in self.pair.words for form in (word, word.capitalize(), word.upper())}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        # The pair's usual spellings ("its", "Its", "ITS", "it’s"...) must be among the
        # document's words (in C), or a mixed-case spelling ("iTs") is left alone.
        if doc.word_counts.keys().isdisjoint(self.forms):
            return
        matches, found = doc.shared("homophones", _find_homophones)
        texts = doc.tokens.texts
        # Each occurrence is judged on the next word alone first (a cached verdict per
        # word), which settles most of them; only the rest are tagged in context.
        candidates: list[tuple[int, int, str]] = []
        for ordinal, role, lower_next, lower_after in found[self.options["pair"]]:
            if not _worth_a_look(role, lower_next) or (lower_after and _plainly_fine(role, lower_next, lower_after)) \
                    or not _may_stay_open(role, lower_next, lower_after):
                continue
            index = matches.index(ordinal)
            text = texts[index]
            if role == _OTHER and text not in {"there", "There"}:
                continue  # "THERE" in a heading, "tHere"
            token = doc.tokens[index]
            if not is_free_standing(doc.prose, token.start, token.end):
                continue  # "$there", "@your": a variable or a handle
            # The word after the next one settles most of the rest ("its innovative
            # approach", "it's important to").
            next_two = next_words(doc.prose, token.end, 2)
            after_next = texts[index + 2].lower() if len(next_two) == 2 else ""
            if not after_next and next_two and doc.prose[next_two[0].end:next_two[0].end + 1] == ",":
                after_next = ","  # a series: "known for it’s professional, welcoming environment"
            if _second_look(role, lower_next, after_next):
                candidates.append((token.start, role, text))
        if self.pair.possessive == "its":
            # A sentence that "Its" opens and that has no verb: "Its storytelling through
            # hospitality." (its words may look fine two at a time).
            seen = {start for start, _, _ in candidates}
            candidates.extend((start, _POSSESSIVE, text) for start, text in find_verbless_its(doc) if start not in seen)
        for start, role, text in sorted(candidates):
            window = tagger.window(doc.prose, start)
            replacement = self._replacement(role, window)
            if replacement is None or self.vocabulary.accepts(text):
                continue
            suggestion = match_case(text, replacement)
            span = Span(start, start + len(text))
            after = after_candidate(window)
            following_word = window.words[after] if after < len(window.words) else ""
            yield self.rule.report(doc, span, Edit(span, suggestion), found=text, suggestion=suggestion,
                                   next=following_word)

    def _replacement(self, role: int, window: Window) -> str | None:
        """The word the candidate at ``window.at`` should be, or None if it may be right."""
        pair = self.pair
        if role == _POSSESSIVE:
            reading = possessive_misread(window, pair.possessive)
            if reading == "there":
                return pair.other or None
            if reading == "contraction":
                return pair.contraction.replace("'", "’" if "’" in window.words[window.at] else "'")
            return None
        if role == _OTHER:
            return pair.possessive if there_for_their(window) else None
        return pair.possessive if contraction_for_possessive(window, pair.possessive) else None



# Every word of every pair, in any case, and the word after it, found in one pass over
# the lower-case word line and shared by the four rules: "\n" + the word + "\n" is that
# whole word. A group per pair, whose common start the regex compiler factors out:
# "\nit(?:'s|’s|s)".
_HOMOPHONES = re.compile(r"\n((?:{}))(?=\n([^\n]*+)\n?([^\n]*+))".format(")|(?:".join(
    "|".join(pair.words) for pair in PAIRS.values())))
# Lower-case word -> its pair and its role.
_ROLES = {word: (name, _POSSESSIVE if word == pair.possessive else _OTHER if word == pair.other else _CONTRACTION)
          for name, pair in PAIRS.items() for word in pair.words}


def _find_homophones(doc: Document) -> tuple[WordMatches, dict[str, list[tuple[int, int, str, str]]]]:
    """The matches, and by pair its words in the document in order: the match's ordinal,
    the word's role, and the next word and the one after it in lower case ("" after the
    last word)."""
    matches = WordMatches(lower_word_line(doc), _HOMOPHONES)
    found: dict[str, list[tuple[int, int, str, str]]] = {name: [] for name in PAIRS}
    for ordinal, (text, next_word, after_next) in enumerate(matches.groups):
        name, role = _ROLES[text]
        found[name].append((ordinal, role, next_word, after_next))
    return matches, found
