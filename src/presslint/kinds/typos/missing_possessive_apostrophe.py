"""A possessive that lost its apostrophe: "Microsofts alignment" when the document (or the
user's vocabulary or terms) names "Microsoft", and a noun phrase follows.

The evidence that a word is a name plus "s", strongest first:

- the document writes the name with its apostrophe elsewhere ("Prince George’s
  County"): even after "the", and even when the word is a name of the word lists;
- the document (or the user) names it, and the word is no English word ("Contosos",
  "NOVAs", "BrightPaths"): a noun phrase must follow (a noun, an adjective or a number
  before one, a gerund, a capitalised word);
- the word is a name of the word lists ("Adams", "Theresas"), and so may be a surname or
  a plural: a lower-case noun phrase must follow.

A name that is also a common word of the tagged lexicon ("Writer", "Check") is no
evidence: "Writers", "Checks" are its plurals.
"""

from __future__ import annotations

from collections.abc import Iterator

from ... import lexicon, vocabulary
from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...scan import Token, is_free_standing, next_words, starts_sentence, tokens_of
from .. import Kind
from .suspects import suspects

# A common word written capitalised this often (and never in lower case) is a name.
NAME_USES = 3
# A name of the word lists more frequent than this is a name on its own ("Americas").
COMMON_NAME = 10_000
_NOUN_TAGS = frozenset({"NN", "NNS"})
# A name that is also a common noun or adjective ("Writer", "Check"): its plural is a
# word. A verb ("Rethink") makes no such plural.
_COMMON_NAME_TAGS = frozenset({"NN", "NNS", "JJ", "CD", "IN", "DT", "RB", "PRP"})
# Words that begin a noun phrase before its noun: adjectives, participles, numbers.
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBD", "CD", "RBS"})
# Plurals and verbs of the word lists are plurals and verbs ("Hells", "Rethinks") unless
# the document writes the name with an apostrophe.
_PLURAL_OR_VERB = frozenset({"NNS", "VBZ", "NNPS"})


def _is_noun(word: str) -> bool:
    """A noun, or an adjective that is also one ("potential")."""
    if not (word.isalpha() and word.islower()):
        return False
    tag = lexicon.tag(word)
    return tag in _NOUN_TAGS or (tag == "JJ" and "N" in lexicon.classes(word))


def _modifies(word: str) -> bool:
    """An adjective, participle, number or "most" ("real-time", "award-winning",
    "continued", "eight", "most")."""
    if "-" in word:
        parts = word.split("-")
        return all(part.isalpha() and part.islower() for part in parts)
    return word.isalpha() and word.islower() and lexicon.tag(word) in _MODIFIER_TAGS


def _lower_noun_phrase(after: list[Token]) -> bool:
    """A lower-case noun, gerund, or a modifier before a noun or another modifier."""
    head = after[0].text
    if _is_noun(head) or (head.isalpha() and head.islower() and lexicon.tag(head) == "VBG"):
        return True
    if not _modifies(head) or len(after) < 2:
        return False
    second = after[1].text
    if lexicon.tag(head) in ("VBD", "VBN"):
        # "continued investment"; not "were recalled", "had sold"
        return head.endswith("ed") and _is_noun(second)
    return _is_noun(second) or _modifies(second) or (second.isupper() and second.isalpha())  # "real-time AI"


def _rare(word: str) -> bool:
    """A name of the lists that is seldom written: "Georges" is mostly "George's", while
    "Americas" or "Adams" is a name on its own."""
    return lexicon.frequency_rank().get(word.lower(), COMMON_NAME) >= COMMON_NAME


def _name_or_number(prose: str, token: Token) -> bool:
    """A capitalised word or an acronym in the same sentence ("Wynwood", "CEO"), or a
    number ("65,000 employees", "2D imaging")."""
    word = token.text
    if word[:1].isdigit():
        return True
    bare = word[:-2] if word[-2:] in ("'s", "’s") else word  # "Scott’s Addition"
    return word[:1].isupper() and bare.replace("-", "").isalpha() and not starts_sentence(prose, token.start)


class MissingPossessiveApostrophe(Kind):
    FIX = "always"

    def setup(self) -> None:
        self.vocabulary = vocabulary.of(self.settings.vocabulary)
        terms = self.settings.terms.terms
        # Lower-cased: the user's name matches the document's in any case ("Nova", "NOVAs").
        self.names = frozenset(name.lower() for name in frozenset(terms) | self.vocabulary.names)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        counts = doc.word_counts
        prose = doc.prose
        # "Microsofts" when the document (or the user) names "Microsoft", written once: a
        # name that ends in s on its own is written more than once ("Dynamics"). Each word
        # is kept with its evidence (see _evidence), which the checks below read again.
        evidence = {word: found for word in suspects(doc).possessive
                    if counts[word] == 1 and (found := self._evidence(doc, word[:-1])) is not None}
        texts = doc.tokens.texts
        for index in tokens_of(doc, evidence.keys()):
            word = texts[index]
            name = word[:-1]
            if self.vocabulary.accepts(word):
                continue
            written_with_apostrophe = evidence[word]
            # A name of the lists may be a surname or a first name ("Torres González",
            # "Elias Alvarado"): only a lower-case noun phrase after it tells.
            listed = lexicon.is_word(word)
            tag = lexicon.tag(word)
            if listed and not written_with_apostrophe and tag in _PLURAL_OR_VERB \
                    and not (tag == "VBZ" and not self._has_subject(doc, index)):
                continue  # "Hells", "Rethinks": a plural or a verb of the lists
            if not written_with_apostrophe and index and texts[index - 1].lower() == "the":
                continue  # "the Karchers plan to": a family, in the plural
            # Placed only now: what the words decide is settled.
            start, end, _ = doc.tokens[index]
            # Brackets around the word are link text or an editor's insertion ("[AGMTs]
            # mission"): the words after the bracket follow it.
            bracketed = prose[start - 1:start] == "[" and prose[end:end + 1] == "]"
            if not (bracketed or is_free_standing(prose, start, end)):
                continue
            # The words after it, found in the prose: no other token is placed.
            after = next_words(prose, _past_parenthesis(prose, end + bracketed), 2)
            # A rare name of the lists ("Miamis", "Richmonds") before a capitalised word,
            # when the release names the place or person more than once: a possessive;
            # "Torres González", "Elias Alvarado" are names of their own.
            name_before = not listed or (_rare(word) and (written_with_apostrophe or counts[name] >= 2))
            # "Wound Healing and Hyperbarics Program": a word in a run of capitalised words
            # joined by "and" is part of a name, whatever capitalised word follows.
            if index >= 2 and texts[index - 1] in ("and", "&") and texts[index - 2][:1].isupper():
                name_before = False
            if not after or not (_lower_noun_phrase(after) or (name_before and _name_or_number(prose, after[0]))):
                continue
            suggestion = f"{name}{apostrophe(doc)}s"
            span = Span(start, end)
            yield self.rule.report(doc, span, Edit(span, suggestion), found=word, suggestion=suggestion, name=name)

    @staticmethod
    def _has_subject(doc: Document, index: int) -> bool:
        """Whether a verb at token ``index`` may have a subject before it: not at the start
        of a sentence, nor after a preposition or determiner ("Each of Rethinks")."""
        if not index or starts_sentence(doc.prose, doc.tokens.start_of(index)):
            return False
        return lexicon.tag(doc.tokens.texts[index - 1]) not in ("IN", "DT")

    def _evidence(self, doc: Document, name: str) -> bool | None:
        """True when the document writes ``name`` with a possessive apostrophe, False when
        it (or the user) names it otherwise, None when it does not name it."""
        counts = doc.word_counts
        lowered = name.lower()
        # The document's words first (dict lookups); the lexicon only for names it uses.
        if f"{name}’s" in counts or f"{name}'s" in counts:
            found: bool | None = True
        elif name in counts or lowered in self.names:
            found = False
        else:
            return None
        classes = lexicon.classes(name)
        if "J" in classes and lexicon.tag(name) != "NN" \
                and ("N" in classes or counts[name] < NAME_USES or counts[lowered]):
            return None  # an adjective ("American"): "Americans" is the plural noun; but
            # "Tony", written capitalised in three places and never in lower case, is a name
        if lexicon.tag(name) in _COMMON_NAME_TAGS and (counts[name] < NAME_USES or counts[lowered] * 2 >= counts[name]):
            return None  # a common word ("Writer", "Check"): "Writers" is its plural; but
            # "Tony" written capitalised in many places and never in lower case is a name
        in_lower = counts[lowered] + counts[f"{lowered}s"]
        if lowered != name and in_lower and in_lower >= counts[name] and lexicon.is_word(lowered):
            return None  # the release writes it in lower case as often ("insole"): no name
        return found


def _past_parenthesis(prose: str, end: int) -> int:
    """The end of a short parenthesis right after ``end`` ("Riots (NASDAQ: RIOT)
    vision"), or ``end``."""
    if prose[end:end + 2] == " (":
        close = prose.find(")", end + 2, end + 60)
        if close != -1 and "\n" not in prose[end:close]:
            return close + 1
    return end


def apostrophe(doc: Document) -> str:
    """The apostrophe the document mostly uses: curly or straight."""
    text = doc.text
    return "’" if text.count("’") > text.count("'") else "'"
