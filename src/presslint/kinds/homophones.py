"""its / it's, whose / who's, your / you're, their / there / they're, decided from context.

A possessive ("its", "their", "your", "whose") must start a noun phrase; a contraction
("it's", "they're", "you're", "who's") must be followed by a predicate; existential
"there" by a verb. The words around the candidate are tagged with Brill's tagger
(presslint.tagger: the lexicon, then contextual rules), and the candidate is reported only
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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon, tagger, vocabulary
from ..diagnostic import Diagnostic, Edit, Fix, Span
from ..document import Document, next_words
from ..tagger import Window
from ..wordtools import match_case
from . import Kind
from .wordline import WordMatches, lower_word_line, word_line

_NOUNS = frozenset({"NN", "NNS"})
_ADJECTIVES = frozenset({"JJ", "JJR", "JJS"})
# Words that may stand between a possessive and its noun: "its new, fast-growing retail arm".
_MODIFIERS = _ADJECTIVES | _NOUNS | {"VBN", "VBG", "CD"}
_FINITE_VERBS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_VERBS = _FINITE_VERBS | {"VB", "VBG", "VBN"}
_CLAUSE_END = frozenset({".", ":", ")"})
# Articles and pronouns that only a contraction can be followed by ("its a", "your our").
_NOT_AFTER_POSSESSIVE = frozenset("""a an the this these those that such not no been to
    we you he she they i me us them my our your his her their something anything nothing
    everything someone anyone everyone""".split())
# Tags that start no noun phrase.
_NO_PHRASE_START = frozenset({"RB", "DT", "IN", "TO", "MD", "PRP", "PRP$", "WRB", "WDT"})
_WH_WORDS = frozenset({"where", "how", "when", "what", "why"})
# Subordinators and other prepositions after which a clause can start ("because it's ready").
_CLAUSE_OPENERS = frozenset("""that because whether if as while since although though unless
    once so than until till whereas but and or nor when where what how why who which like
    before after whenever wherever yet""".split())


def _inflections(base: str) -> tuple[str, ...]:
    stem = base[:-1] if base.endswith("e") else base
    return (base, base + "s", base + "es", stem + "ed", stem + "ing", base + "d")


# Verbs that take a clause without "that" ("said it's time"): after them "it's" is fine.
# (Not "announce", "report", "confirm": in a release they take a noun phrase, "announced
# its expansion", far more often than a clause.)
_CLAUSE_VERBS = frozenset(form for base in """say believe think know hope feel mean guess ensure
    find see agree recognize recognise realize realise bet wish admit argue claim expect
    understand notice learn discover decide suggest insist explain remember forget predict state
    prove warn worry assume doubt imagine suppose tell promise acknowledge estimate indicate
    reckon figure let help""".split() for form in _inflections(base))
# Nouns of time that follow the adverb "there" ("we met there last year", "there today").
_TIME_NOUNS = frozenset("""today tonight tomorrow yesterday day days week weeks weekend
    month months year years decade decades time times hour hours minute minutes night
    morning afternoon evening season summer winter spring fall autumn century""".split())
# Plural measures a predicate may be: "it's miles ahead", "it's steps from the beach".
_MEASURES = frozenset({"miles", "steps", "dollars", "points", "pennies", "inches", "feet", "yards", "leaps", "worlds"})
_ORDINAL = re.compile(r"(?:\w+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
                      r"|\w+teenth|\w+tieth|hundredth|thousandth|\d+(?:st|nd|rd|th))\Z")
# Forms that make "there" the subject of a verb ("is there", "will there be").
_INVERTING = frozenset("""is are was were be been being 's 're will would can could should may
    might must has have had do does did""".split())
# "their is", "their has been": the existential "there".
_EXISTENTIAL_VERBS = frozenset({"is", "are", "was", "were", "'s", "seems", "seem", "remains", "remain", "exists",
                                "exist"})


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
_CODE_MARKS = frozenset("$@#_\\/=<{[.")


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
        if word in _NOT_AFTER_POSSESSIVE or word in _WH_WORDS or word in _EXISTENTIAL_VERBS or word in {"part", "time"}:
            return True
        if "-" in word or word == "own":
            return False
        return tag in _ADJECTIVES or tag in {"RB", "VBN", "VBG", "VBD", "VBZ", "MD", "DT", "PRP", "PRP$", "WRB"} \
            or word in {"has", "have", "will", "about"}
    if word in {"is", "are", "was", "were", "be", "been", "being"}:
        return False
    # After a contraction or "there": a word that may start a noun phrase.
    if word in {"own", "very"} or "-" in word or _ORDINAL.match(word):
        return True
    if role == _CONTRACTION and (word in {"most", "more"} or (tag == "RB" and word.endswith("ly"))):
        return True  # "it's most legendary asset", "it's newly revamped home"
    if tag in {"DT", "PRP", "PRP$", "RB", "IN", "TO", "MD", "WRB", "WDT", "WP", "CC", "EX", "RP"}:
        return False
    if not tag and "V" in classes and word.endswith("ed"):
        return True  # "there weathered tombstones"
    if tag in {"VB", "VBP"} and "N" in classes:
        return role == _CONTRACTION  # "expanding it's reach"
    return tag in _MODIFIERS or tag == "VBD" or (not tag and ("N" in classes or (not classes and word.isalpha())))


@lru_cache(maxsize=8192)
def _plainly_fine(role: int, word: str, after: str) -> bool:
    """Whether the next word and the one after it (in lower case, from the word line,
    before the words are placed in the prose) show the candidate right whatever stands
    between them: a possessive before a modifier and a word of a noun phrase ("its
    innovative approach", "their full potential"), a contraction before a predicate and
    what follows one ("you're looking for", "it's important to")."""
    tag = lexicon.tag(word)
    after_tag = lexicon.tag(after)
    if role == _POSSESSIVE:
        if word in _NOT_AFTER_POSSESSIVE or word in _WH_WORDS or word in {"about", "all", "going", "more", "less"}:
            return False
        if after in _PREDICATE_CLOSERS:
            return False
        takes_modifier = tag in _MODIFIERS or tag == "VBD" or (tag == "VBZ" and "N" in lexicon.classes(word))
        return takes_modifier and (after_tag in _MODIFIERS or (not after_tag and after.isalpha()) or "-" in after)
    if role == _CONTRACTION:
        return tag in {"JJ", "VBG", "VBN", "RB"} and word != "own" and after_tag in _CLAUSE_WORDS
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
        if word in _NOT_AFTER_POSSESSIVE or word in _WH_WORDS or word in _EXISTENTIAL_VERBS \
                or word in {"about", "all", "going", "gonna", "more", "less", "has", "have", "will"}:
            return True
        if tag == "JJS" or (tag == "VBZ" and "N" in lexicon.classes(word)):
            return False  # "their best.", "their needs"
        if not after or after == ",":
            return True
        if tag == "RB":
            return lexicon.tag(after) not in _NOUNS  # "its upward trajectory"
        if tag in _ADJECTIVES:
            return after in {"to", "that", "for", "than", "enough", "and", "or"}
        if tag in {"VBN", "VBG", "VBD"}:
            return lexicon.tag(after) not in _NOUNS | _ADJECTIVES
        return True
    if word in {"own", "very"} or "-" in word or _ORDINAL.match(word) or tag in _NOUNS \
            or (not tag and ("N" in lexicon.classes(word) or not lexicon.classes(word))) \
            or (tag in {"VB", "VBP"} and "N" in lexicon.classes(word)):
        return True  # (a noun a rule may read as a verb: "expanding it's reach to")
    if not after:
        return False
    if after in {",", "and"}:
        return tag in _ADJECTIVES  # a series: "known for it’s professional, welcoming", "there compassionate and"
    after_tag = lexicon.tag(after)
    return after_tag in _MODIFIERS or not after_tag or "-" in after or after[0].isdigit()


class Homophone(Kind):
    name = "homophone"
    OPTIONS = {"pair": "its"}
    CHOICES = {"pair": tuple(PAIRS)}

    def setup(self) -> None:
        self.pair = PAIRS[self.options["pair"]]
        self.vocabulary = vocabulary.of(self.config)
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
            if not _worth_a_look(role, lower_next) or (lower_after and _plainly_fine(role, lower_next, lower_after)):
                continue
            index = matches.index(ordinal)
            text = texts[index]
            if role == _OTHER and text not in {"there", "There"}:
                continue  # "THERE" in a heading, "tHere"
            token = doc.tokens[index]
            if token.start and doc.prose[token.start - 1] in _CODE_MARKS:
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
            candidates.extend((start, _POSSESSIVE, text) for start, text in _verbless_its(doc) if start not in seen)
        for start, role, text in sorted(candidates):
            window = tagger.window(doc.prose, start)
            replacement = self._replacement(role, window)
            if replacement is None or self.vocabulary.accepts(text):
                continue
            suggestion = match_case(text, replacement)
            span = Span(start, start + len(text))
            after = _after(window)
            following_word = window.words[after] if after < len(window.words) else ""
            fix = Fix(f"replace with {suggestion!r}", (Edit(span, suggestion),), safe=False)
            yield self.rule.report(doc, span, fix, found=text, suggestion=suggestion, next=following_word)

    def _replacement(self, role: int, window: Window) -> str | None:
        """The word the candidate at ``window.at`` should be, or None if it may be right."""
        pair = self.pair
        if role == _POSSESSIVE:
            reading = _possessive_misread(window, pair.possessive)
            if reading == "there":
                return pair.other or None
            if reading == "contraction":
                return pair.contraction.replace("'", "’" if "’" in window.words[window.at] else "'")
            return None
        if role == _OTHER:
            return pair.possessive if _there_for_their(window) else None
        return pair.possessive if _contraction_for_possessive(window, pair.possessive) else None


# "Its" and the rest of its sentence to the full stop (a literal first: searched fast);
# that a sentence starts there is checked on the few found.
_ITS_TO_STOP = re.compile(r"Its ([^.!?;:()\"“”\n]{3,90}?)\.(?=\s|\Z)")
_STOP_BEFORE = re.compile(r"[.!?][\"”’)]?[ \t]+\Z")
_WORD = re.compile(r"[^\W\d_]+")


def _verbless_its(doc: Document) -> list[tuple[int, str]]:
    """The offsets of "its" opening a sentence, or a clause after a semicolon or a
    subordinator, whose words hold no verb (looked up word by word in the lexicon; the
    few found are then read in context)."""
    prose = doc.prose
    found = []
    if "\nIts\n" in word_line(doc):
        found = [(match.start(), "Its") for match in _ITS_TO_STOP.finditer(prose)
                 if _STOP_BEFORE.search(prose, max(0, match.start() - 6), match.start())
                 and not any(map(_may_be_verb, _WORD.findall(match.group(1))))]
    for opener in _CLAUSE_ITS:
        at = prose.find(opener)
        while at != -1:
            start = at + len(opener) - 4
            rest = _REST_TO_STOP.match(prose, start + 4)
            if rest and (at == 0 or not prose[at - 1].isalnum() or opener[0] == ";") \
                    and not any(map(_may_be_verb, _WORD.findall(rest.group(1)))):
                found.append((start, "its"))
            at = prose.find(opener, at + 1)
    return found


# A clause that "its" opens after a semicolon or a subordinator ("; its autonomous
# execution.", "whether its emails or tickets."), each a literal found with str.find.
_CLAUSE_ITS = ("; its ", "because its ", "whether its ", "so its ")
_REST_TO_STOP = re.compile(r"([^.!?;:()\"“”\n]{3,90}?)\.(?=\s|\Z)")


@lru_cache(maxsize=8192)
def _may_be_verb(word: str) -> bool:
    lowered = word.lower()
    if lowered in {"that", "which", "who", "its", "it"}:
        return True
    tag = lexicon.tag(lowered)
    return tag in {"VBZ", "VBD", "VBP", "MD", "VBN"} or (
        lowered.endswith(("s", "ed")) and "V" in lexicon.classes(lowered))


def _after(window: Window) -> int:
    """The index of the first token after the candidate (after its clitic: "it" "'s")."""
    at = window.at + 1
    if at < len(window.words) and window.words[at] in {"'s", "'re"}:
        at += 1
    return at


def _word(window: Window, index: int) -> str:
    return window.words[index] if 0 <= index < len(window.words) else ""


def _tag(window: Window, index: int) -> str:
    return window.tags[index] if 0 <= index < len(window.tags) else ""


def _phrase_tag(window: Window, index: int) -> str:
    """The tag of a word after the candidate, for reading a noun phrase: the lexicon's
    noun or adjective where a contextual rule turned it into something a noun phrase
    cannot hold ("networks" made VBZ before "the", "annual" made NNP before a name)."""
    tag = _tag(window, index)
    if tag in _NOUNS | _ADJECTIVES:
        return tag
    lexical = window.lexical[index] if 0 <= index < len(window.lexical) else "."
    if lexical in _NOUNS | _ADJECTIVES and _lower(window, index) and "V" not in lexicon.classes(_word(window, index)):
        return lexical  # (a word that can be a verb keeps the rules' verdict: "you're planning on")
    return tag


def _lower(window: Window, index: int) -> bool:
    """A word in lower case or a number: no name."""
    word = _word(window, index)
    return bool(word) and (word[0].islower() or word[0].isdigit())


def _possessive_misread(window: Window, possessive: str) -> str:
    """"contraction" if the possessive at ``window.at`` cannot start a noun phrase there
    ("its a", "your welcome."); "there" for "their is"; "" when it may be right."""
    at = window.at + 1
    word = _word(window, at).lower()
    if possessive == "their" and (
            word in _EXISTENTIAL_VERBS or (word in {"has", "have"} and _word(window, at + 1) == "been")
            or (word in {"will", "would", "may", "might"} and _word(window, at + 1) == "be")):
        return "there"
    if word in _EXISTENTIAL_VERBS and possessive != "whose":
        return "contraction" if possessive in {"its"} and word == "'s" else ""
    # Adverbs that may stand between: "its truly a milestone", "its so important", "its
    # more important than ever".
    skipped = 0
    while (_tag(window, at) in {"RB", "RBR"} or (_word(window, at) in {"more", "less"}
           and _tag(window, at + 1) == "JJ")) and _lower(window, at) and skipped < 2 \
            and _word(window, at) not in {"not", "very"}:
        at, skipped = at + 1, skipped + 1
    word, tag = _word(window, at), _tag(window, at)
    if not word or not word[0].islower() or _glued(window, at):
        return ""
    next_word, next_tag = _word(window, at + 1), _tag(window, at + 1)
    if word == "not" and (next_tag == "CD" or next_word in {"one", "least"}):
        return ""  # "their not one, but two finishes"
    if word == "to" and possessive != "its":
        return ""  # "their to": "there to help" as often as "they're to"
    if word in _NOT_AFTER_POSSESSIVE and not (word == "that" and next_tag in _NOUNS):
        return "contraction"
    if word == "all" and next_tag not in _NOUNS | _ADJECTIVES | {"CD", "VBG", "VBN"}:
        return "contraction"  # "its all there", "its all about"
    if word == "about" and (next_tag in {"VBG", "DT", "PRP", "PRP$", "WRB", "WP"}
                            or (next_word.endswith("ing") and "V" in lexicon.classes(next_word))):
        return "contraction"  # "its about empowering", "your about to"
    if word in _WH_WORDS and possessive != "whose":
        return "contraction"
    if word == "gonna" or (word == "going" and (next_word == "to" or next_tag in {",", ".", ":"})):
        return "contraction"
    # After a preposition or in a verb's object place the phrase is a noun phrase whatever
    # follows: "by its holding a reference", "from their usual.", "with its easy to use
    # interface".
    if _takes_an_object(window, window.at - 1):
        return ""
    set_phrase = (word == "part" and next_word == "of") or (
        word == "time" and next_word == "to" and _tag(window, at + 2) == "VB")
    if set_phrase and possessive == "its" and not _verb_follows(window, at + 2) and not _is_verb(window, window.at - 1):
        return "contraction"  # "its part of our DNA.", "now its time to act" (not "its time to market is")
    if skipped and tag == "VBG" and _phrase_tag(window, at + 1) not in _NOUNS:
        return "contraction"  # "its already shipping to", not "its fast growing portfolio"
    if (tag in {"VBN", "VBG", "VBD"} and next_tag in {"DT", "PRP", "PRP$"}
            and next_word not in {"all", "both", "each"}) \
            or (tag == "VBN" and (next_tag in {"TO", "WRB", "RB", "RBS"} or (next_tag == "IN" and next_word != "of"))):
        return "contraction"  # "its called the", "its making a", "its based in"
    if tag in _ADJECTIVES and tag != "JJS" and _predicate_adjective(window, at):
        return "contraction"
    if _opens_clause(window, window.at - 1):
        # Where a clause starts, a gerund without its object, or an adjective with "to"
        # and a verb and no finite verb after: "We know its working because", "so its
        # essential to verify credentials".
        if tag == "VBG" and next_tag in {"IN", "RB", ".", ",", ":"} and next_word != "of":
            return "contraction"
        if tag == "JJ" and next_word == "to" and _tag(window, at + 2) == "VB" and not _verb_follows(window, at + 3):
            return "contraction"
    if possessive == "its" and _opens_sentence_or_clause(window, window.at - 1) and _verbless(window, window.at + 1):
        return "contraction"  # "; its autonomous execution.", "Its storytelling through hospitality."
    return ""


def _opens_sentence_or_clause(window: Window, index: int) -> bool:
    """A sentence's start after a full stop or a semicolon, or after a subordinator (not
    after a colon, a comma or a dash, that may start a noun phrase in apposition: "the
    economy's most dynamic segment—its independent businesses"; nor after "as" or "but":
    "as its new CFO", "not the product but its service")."""
    word = _word(window, index)
    return word in {".", "!", "?", ";"} or word.lower() in {"because", "whether", "so"}


def _verbless(window: Window, start: int) -> bool:
    """Whether the tokens from ``start`` to the sentence's full stop hold no verb that
    could be finite (a verb tag, or a verb of the lexicon in -s or -ed): "its" would then
    begin a sentence without a verb. Unsure (no full stop in the window, a colon, a
    bracket, a quotation) is no."""
    for index in range(start, len(window.words)):
        word, tag = _word(window, index), _tag(window, index)
        if word in {".", "!"}:
            # (A full stop after a capital may end an abbreviation: "Inc.", "U.S.")
            return index > start + 1 and _lower(window, index - 1)
        if tag in {":", "(", ")", "``", "''", "XX"} or word in {"?", "that", "which", "who"}:
            return False
        if tag in {"VBZ", "VBD", "VBP", "MD", "VBN"}:
            return False
        if word.endswith(("s", "ed")) and "V" in lexicon.classes(word.lower()):
            return False
    return False


def _verb_follows(window: Window, index: int) -> bool:
    """Whether a finite verb comes in the next few tokens from ``index``, before a comma or
    the clause's end: "its potential to grow is", not "its easy to see, I think"."""
    for at in range(index, index + 6):
        if _tag(window, at) in {",", ".", ":"}:
            return False
        if _finite_verb(window, at):
            return True
    return False


def _opens_clause(window: Window, index: int) -> bool:
    """Whether a clause may start after token ``index``: a sentence start, punctuation, a
    subordinator or a verb that takes a clause ("know", "said")."""
    return index < 0 or _tag(window, index) in {".", ":", ",", "``", "''", "("} \
        or _word(window, index).lower() in _CLAUSE_OPENERS | _CLAUSE_VERBS


def _glued(window: Window, index: int) -> bool:
    """Whether token ``index`` is glued to the next by a dash: "all–new", a compound."""
    return index + 1 < len(window.words) and window.words[index + 1] in {"-", "–", "—"} \
        and window.starts[index + 1] == window.starts[index] + len(window.words[index])


def _predicate_adjective(window: Window, at: int) -> bool:
    """An adjective that ends a predicate: "easy to", "clear that", "welcome.", "better
    than", "important or very important that"."""
    word = _word(window, at)
    classes = lexicon.classes(word)
    if word in {"own", "many", "several", "various", "other", "such", "much", "few", "only", "same", "next", "last"}:
        return False
    next_word, next_tag = _word(window, at + 1), _tag(window, at + 1)
    if next_word in {"and", "or"}:
        # "important or very important that": the second adjective decides.
        after = at + 2
        while _tag(window, after) in {"RB", "RBR"} and after < at + 4:
            after += 1
        return _tag(window, after) in _ADJECTIVES and _predicate_adjective(window, after)
    if next_word == "than":
        return _tag(window, at) == "JJR" or _word(window, at - 1) in {"more", "less"}
    if next_tag in _CLAUSE_END:
        # (Not the end of the window: a line of a hard-wrapped text ends anywhere; nor a
        # full stop glued to what follows: "your older .f file".)
        glued = at + 2 < len(window.words) and window.starts[at + 2] == window.starts[at + 1] + 1
        return "N" not in classes and not glued
    if next_word in {"that", "enough"}:
        return True
    if next_word in {"to", "for"}:
        # A noun-like adjective takes "to" as a noun does: "its key to success".
        # "easy to", "pivotal to"; a noun-like adjective takes "to" as a noun does: "its
        # key to success", "their potential to overcome".
        return "N" not in classes
    return False


def _noun_phrase(window: Window, start: int) -> int:
    """The index of the head of the noun phrase starting at ``start`` (lower-case
    modifiers, then a noun not followed by another), or -1."""
    head = -1
    index = start
    if _adverb_of_modifier(window, index):
        index += 1
    while index < start + 8 and _in_phrase(window, index):
        tag = _phrase_tag(window, index)
        if tag in _NOUNS or ("-" in _word(window, index) and _phrase_tag(window, index + 1) not in _MODIFIERS):
            head = index  # a noun, or a compound that ends the phrase: "its spin-off from"
        elif head != -1:
            break  # "its model used": the verb after the head ends the phrase
        index += 1
        if head == -1 and _adverb_of_modifier(window, index):
            index += 1
        # Adjectives in a series: "its beloved, soulful and resonant story", "its fresh,
        # French-inspired menu".
        if head == -1 and _word(window, index) in {",", "and"} and (
                _phrase_tag(window, index + 1) in _ADJECTIVES | {"VBG", "VBN"} or "-" in _word(window, index + 1)
                or _adverb_of_modifier(window, index + 1)):
            index += 1
            if _adverb_of_modifier(window, index):
                index += 1
    return head


def _adverb_of_modifier(window: Window, index: int) -> bool:
    """An adverb before a modifier: "vertically" in "its vertically integrated
    technology", "most" in "its most legendary asset"."""
    word = _word(window, index)
    return ((_tag(window, index) == "RB" and word.endswith("ly")) or word in {"most", "more"}) \
        and _phrase_tag(window, index + 1) in {"JJ", "VBN"}


def _in_phrase(window: Window, index: int) -> bool:
    """Whether token ``index`` can be part of a noun phrase: a lower-case modifier or
    noun, a capitalised compound ("French-inspired"), or an acronym before a lower-case
    noun ("live GPS location")."""
    word = _word(window, index)
    if not word:
        return False
    if not _lower(window, index):
        if "-" in word and word.split("-")[-1].islower():
            return True
        return word.isupper() and len(word) > 1 and _lower(window, index + 1) \
            and _phrase_tag(window, index + 1) in _NOUNS
    tag = _phrase_tag(window, index)
    return tag in _MODIFIERS or (tag == "VBD" and word.endswith("ed"))


def _takes_an_object(window: Window, index: int) -> bool:
    """Whether token ``index`` is a preposition or a verb that takes a noun phrase next:
    "of" in "of it's history", "tailors" in "tailors it's model"; not a word that takes a
    clause ("because it's", "said it's")."""
    word, tag = _word(window, index).lower(), _tag(window, index)
    if not word or tag == "NNP" or word in _CLAUSE_OPENERS or word in _INVERTING:
        return False
    if tag in {"IN", "TO"} or window.lexical[index] == "IN":
        return True
    return _is_verb(window, index) and word not in _CLAUSE_VERBS


def _finite_verb(window: Window, index: int) -> bool:
    """A finite verb that the lexicon knows as a verb ("is", "have"; not "security", that a
    rule may tag VBP after a plural)."""
    word = _word(window, index).lower()
    return _tag(window, index) in _FINITE_VERBS and word != "'s" and "V" in lexicon.classes(word)


def _is_verb(window: Window, index: int) -> bool:
    """Whether token ``index`` is a verb: tagged one, or a word the lexicon knows as a
    verb and a noun in verb place ("further develop", "the firm centers", "visit")."""
    word, tag = _word(window, index).lower(), _tag(window, index)
    if tag in _VERBS:
        return True
    classes = lexicon.classes(word)
    if tag not in _NOUNS or "V" not in classes:
        return False
    if "N" not in classes and "J" not in classes:
        return True
    before = _tag(window, index - 1)
    if tag == "NNS":
        return before in {"NNP", "PRP", "NN"}  # "NT Logistics tailors", "the firm centers"
    return before in {"TO", "MD", "VB", "VBP", "VBZ", "VBD", "RB", ",", ".", ":"} or _word(window, index - 1) == "and"


def _contraction_for_possessive(window: Window, possessive: str) -> bool:
    """Whether the contraction at ``window.at`` ("it's", "they're", "who's") starts a
    noun phrase, so it is the possessive."""
    at = _after(window)
    if at == window.at + 1:
        return False  # the clitic was not split off: not a contraction this tagger reads
    word = _word(window, at)
    if not word or not word[0].islower():
        return False
    if word == "own" or (word == "very" and _word(window, at + 1) == "own"):
        return True
    before = window.at - 1
    if word in _NOT_AFTER_POSSESSIVE or (_tag(window, at) in _NO_PHRASE_START \
            and not _adverb_of_modifier(window, at)):
        return False
    head = _noun_phrase(window, at)
    if head == -1 and _takes_an_object(window, before) and "N" in lexicon.classes(word) \
            and _tag(window, at) in {"VB", "VBP"} and _tag(window, at + 1) in {"TO", "IN", ",", ".", "CC"}:
        return True  # "expanding it’s reach to", where a rule made "reach" a verb
    if head == -1:
        # Where a noun phrase goes, modifiers before a name: "to it's non-voting Class C
        # shares", "announced it’s enhanced ED Optimization solution", "as it’s new Chief
        # Solutions Officer".
        if not (_takes_an_object(window, before) or _word(window, before).lower() == "as"):
            return False
        index = at
        while index < at + 3 and (_phrase_tag(window, index) in _ADJECTIVES | {"VBN"} or "-" in _word(window, index)
                                  or _adverb_of_modifier(window, index)):
            index += 1
        return (index > at and _tag(window, index) == "NNP") or (_word(window, before).lower() == "as" \
            and _tag(window, at) == "NNP" and _word(window, at)[0].isupper())
    if _takes_an_object(window, before) and _tag(window, at) != "VBG":
        return True  # "in it’s building", "tailors it’s model"
    if head == at and word.endswith("ing") and "V" in lexicon.classes(word) \
            and _tag(window, at + 1) in {"IN", "TO", "DT", "PRP", "PRP$", "RB"}:
        return False  # "you're planning on": a verb, whatever a rule made of it
    if _ORDINAL.match(word) and _tag(window, head) in _NOUNS:
        return True  # "it’s fifteenth anniversary"
    if _takes_an_object(window, before) or _joins_nouns(window, before, head):
        return True
    if _word(window, before).lower() in {"since", "after", "before", "until", "like"} \
            and lexicon.classes(_word(window, head)) == "N" and _word(window, head) not in _TIME_NOUNS \
            and _tag(window, head + 1) in {",", ".", ":", "IN", "CC"}:
        return True  # "since it's inception,", "since it's early days?": a noun phrase, not a clause
    # A subject: the head followed by a verb ("It's multi-layered approach is"), at the
    # start of a clause.
    # ("who's" is a clause of its own: "a founder who's mission is".)
    opens_clause = possessive == "whose" or _opens_clause(window, before)
    if opens_clause and _finite_verb(window, head + 1) and _tag(window, at) != "VBG":
        return lexicon.classes(_word(window, head)) not in {"", "V"} and _word(window, at) not in _TIME_NOUNS
    return False


def _joins_nouns(window: Window, before: int, head: int) -> bool:
    """Whether "and" at ``before`` joins two noun phrases: after the contraction a plural
    noun ("Keystone and it’s services"), or, with a common noun straight before "and", a
    noun phrase whose head can only be a noun, closed by a verb, a preposition or
    punctuation ("the neighborhood and it’s resurgence", "operations and it’s location
    in Israel")."""
    if _word(window, before) != "and":
        return False
    word = _word(window, head)
    if _word(window, head + 1) in {"who", "that", "which"} or word in _TIME_NOUNS | _MEASURES:
        return False  # a cleft, a measure: "and it's people who count", "and it's miles ahead"
    if _phrase_tag(window, head) == "NNS" and "-" not in word:
        return True  # "Keystone and it’s services", "KBR and it’s shareholders"
    return _tag(window, before - 1) in _NOUNS and _lower(window, before - 1) and lexicon.classes(word) == "N" \
        and (_finite_verb(window, head + 1) or _tag(window, head + 1) in {"IN", ".", ",", ":"})


def _there_for_their(window: Window) -> bool:
    """Whether "there" at ``window.at`` starts a noun phrase, so it is "their": "on there
    website", "There engineers have", "there own"."""
    at = window.at + 1
    word = _word(window, at)
    if not word or not word[0].islower():
        return False
    if word == "own":
        return True
    before = window.at - 1
    if _word(window, before).lower() in _INVERTING and (
            word == "been" or _word(window, before).lower() not in {"has", "have", "had"}):
        return False  # "is there demand", "will there be", "have there been"
    head = _noun_phrase(window, at)
    if head == -1 or (_word(window, head) in _TIME_NOUNS and (head == at or any(
            _word(window, index) in {"last", "next", "every", "few", "several", "many"} or _tag(window, index) == "CD"
            for index in range(at, head)))):
        return False  # "we met there last year", "there today"
    after = _tag(window, head + 1)
    head_classes = lexicon.classes(_word(window, head))
    if head == at and "V" in head_classes and _tag(window, at) != "NNS":
        # "there stand ..." could be a verb: only in object place, before a verb, or
        # closed by punctuation or a preposition ("precondition there skin,").
        return _takes_an_object(window, before) or _finite_verb(window, head + 1) \
            or (_tag(window, at) == "NN" and after in {",", ".", ":", "IN", "CC"})
    return after not in _NOUNS


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
