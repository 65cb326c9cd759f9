"""Reading phrases in a tagged window of words (tagger.py): where a noun phrase starts
and what its head is, a predicate adjective, a verb, a word that takes an object, where a
clause opens.

Each reading is a question about the token at an index of the window; an index outside
the window reads as an empty word with an empty tag, so callers need not check bounds.
"""

from __future__ import annotations

from ... import lexicon
from .tagger import Window

NOUNS = frozenset({"NN", "NNS"})
ADJECTIVES = frozenset({"JJ", "JJR", "JJS"})
# Words that may stand between a possessive and its noun: "its new, fast-growing retail arm".
MODIFIERS = ADJECTIVES | NOUNS | {"VBN", "VBG", "CD"}
_FINITE_VERBS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_VERBS = _FINITE_VERBS | {"VB", "VBG", "VBN"}
_CLAUSE_END = frozenset({".", ":", ")"})
# Subordinators and other prepositions after which a clause can start ("because it's ready").
_CLAUSE_OPENERS = frozenset("""that because whether if as while since although though unless
    once so than until till whereas but and or nor when where what how why who which like
    before after whenever wherever yet""".split())


def _inflections(base: str) -> tuple[str, ...]:
    """A verb's regular forms, to match words against: "know", "knows", "knowed", "knowing"
    (an irregular past such as "said" or "knew" is not made; a wrong form does no harm)."""
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
# Forms that make "there" the subject of a verb ("is there", "will there be").
INVERTING = frozenset("""is are was were be been being 's 're will would can could should may
    might must has have had do does did""".split())


def word_at(window: Window, index: int) -> str:
    """The token at ``index``, or "" outside the window."""
    return window.words[index] if 0 <= index < len(window.words) else ""


def tag_at(window: Window, index: int) -> str:
    """The tag of the token at ``index``, or "" outside the window."""
    return window.tags[index] if 0 <= index < len(window.tags) else ""


def phrase_tag(window: Window, index: int) -> str:
    """The tag of token ``index`` for reading a noun phrase: the lexicon's noun or adjective
    where a contextual rule turned it into something a noun phrase cannot hold ("networks"
    made VBZ before "the", "annual" made NNP before a name)."""
    tag = tag_at(window, index)
    if tag in NOUNS | ADJECTIVES:
        return tag
    lexical = window.lexical[index] if 0 <= index < len(window.lexical) else "."
    if lexical in NOUNS | ADJECTIVES and lowercase_at(window, index) \
            and "V" not in lexicon.classes(word_at(window, index)):
        return lexical  # (a word that can be a verb keeps the rules' verdict: "you're planning on")
    return tag


def lowercase_at(window: Window, index: int) -> bool:
    """A word in lower case or a number: no name."""
    word = word_at(window, index)
    return bool(word) and (word[0].islower() or word[0].isdigit())


def verb_follows(window: Window, index: int) -> bool:
    """Whether a finite verb comes in the next few tokens from ``index``, before a comma or
    the clause's end: "its potential to grow is", not "its easy to see, I think"."""
    for at in range(index, index + 6):
        if tag_at(window, at) in {",", ".", ":"}:
            return False
        if finite_verb(window, at):
            return True
    return False


def opens_clause(window: Window, index: int) -> bool:
    """Whether a clause may start after token ``index``: a sentence start, punctuation, a
    subordinator or a verb that takes a clause ("know", "said")."""
    return index < 0 or tag_at(window, index) in {".", ":", ",", "``", "''", "("} \
        or word_at(window, index).lower() in _CLAUSE_OPENERS | _CLAUSE_VERBS


def glued_to_next(window: Window, index: int) -> bool:
    """Whether token ``index`` is glued to the next by a dash: "all–new", a compound."""
    return index + 1 < len(window.words) and window.words[index + 1] in {"-", "–", "—"} \
        and window.starts[index + 1] == window.starts[index] + len(window.words[index])


def predicate_adjective(window: Window, at: int) -> bool:
    """An adjective that ends a predicate: "easy to", "clear that", "welcome.", "better
    than", "important or very important that"."""
    word = word_at(window, at)
    classes = lexicon.classes(word)
    if word in {"own", "many", "several", "various", "other", "such", "much", "few", "only", "same", "next", "last"}:
        return False
    next_word, next_tag = word_at(window, at + 1), tag_at(window, at + 1)
    if next_word in {"and", "or"}:
        # "important or very important that": the second adjective decides.
        after = at + 2
        while tag_at(window, after) in {"RB", "RBR"} and after < at + 4:
            after += 1
        return tag_at(window, after) in ADJECTIVES and predicate_adjective(window, after)
    if next_word == "than":
        return tag_at(window, at) == "JJR" or word_at(window, at - 1) in {"more", "less"}
    if next_tag in _CLAUSE_END:
        # (Not the end of the window: a line of a hard-wrapped text ends anywhere; nor a
        # full stop glued to what follows: "your older .f file".)
        glued = at + 2 < len(window.words) and window.starts[at + 2] == window.starts[at + 1] + 1
        return "N" not in classes and not glued
    if next_word in {"that", "enough"}:
        return True
    if next_word in {"to", "for"}:
        # "easy to", "pivotal to"; a noun-like adjective takes "to" as a noun does: "its
        # key to success", "their potential to overcome".
        return "N" not in classes
    return False


def noun_phrase_head(window: Window, start: int) -> int:
    """The index of the head of the noun phrase starting at ``start`` (lower-case
    modifiers, then a noun not followed by another), or -1."""
    head = -1
    index = start
    if adverb_of_modifier(window, index):
        index += 1
    while index < start + 8 and _in_phrase(window, index):
        tag = phrase_tag(window, index)
        if tag in NOUNS or ("-" in word_at(window, index) and phrase_tag(window, index + 1) not in MODIFIERS):
            head = index  # a noun, or a compound that ends the phrase: "its spin-off from"
        elif head != -1:
            break  # "its model used": the verb after the head ends the phrase
        index += 1
        if head == -1 and adverb_of_modifier(window, index):
            index += 1
        # Adjectives in a series: "its beloved, soulful and resonant story", "its fresh,
        # French-inspired menu".
        if head == -1 and word_at(window, index) in {",", "and"} and (
                phrase_tag(window, index + 1) in ADJECTIVES | {"VBG", "VBN"} or "-" in word_at(window, index + 1)
                or adverb_of_modifier(window, index + 1)):
            index += 1
            if adverb_of_modifier(window, index):
                index += 1
    return head


def adverb_of_modifier(window: Window, index: int) -> bool:
    """An adverb before a modifier: "vertically" in "its vertically integrated
    technology", "most" in "its most legendary asset"."""
    word = word_at(window, index)
    return ((tag_at(window, index) == "RB" and word.endswith("ly")) or word in {"most", "more"}) \
        and phrase_tag(window, index + 1) in {"JJ", "VBN"}


def _in_phrase(window: Window, index: int) -> bool:
    """Whether token ``index`` can be part of a noun phrase: a lower-case modifier or
    noun, a capitalised compound ("French-inspired"), or an acronym before a lower-case
    noun ("live GPS location")."""
    word = word_at(window, index)
    if not word:
        return False
    if not lowercase_at(window, index):
        if "-" in word and word.split("-")[-1].islower():
            return True
        return word.isupper() and len(word) > 1 and lowercase_at(window, index + 1) \
            and phrase_tag(window, index + 1) in NOUNS
    tag = phrase_tag(window, index)
    return tag in MODIFIERS or (tag == "VBD" and word.endswith("ed"))


def takes_an_object(window: Window, index: int) -> bool:
    """Whether token ``index`` is a preposition or a verb that takes a noun phrase next:
    "of" in "of it's history", "tailors" in "tailors it's model"; not a word that takes a
    clause ("because it's", "said it's")."""
    word, tag = word_at(window, index).lower(), tag_at(window, index)
    if not word or tag == "NNP" or word in _CLAUSE_OPENERS or word in INVERTING:
        return False
    if tag in {"IN", "TO"} or window.lexical[index] == "IN":
        return True
    return is_verb(window, index) and word not in _CLAUSE_VERBS


def finite_verb(window: Window, index: int) -> bool:
    """A finite verb that the lexicon knows as a verb ("is", "have"; not "security", that a
    rule may tag VBP after a plural)."""
    word = word_at(window, index).lower()
    return tag_at(window, index) in _FINITE_VERBS and word != "'s" and "V" in lexicon.classes(word)


def is_verb(window: Window, index: int) -> bool:
    """Whether token ``index`` is a verb: tagged one, or a word the lexicon knows as a
    verb and a noun in verb place ("further develop", "the firm centers", "visit")."""
    word, tag = word_at(window, index).lower(), tag_at(window, index)
    if tag in _VERBS:
        return True
    classes = lexicon.classes(word)
    if tag not in NOUNS or "V" not in classes:
        return False
    if "N" not in classes and "J" not in classes:
        return True
    before = tag_at(window, index - 1)
    if tag == "NNS":
        return before in {"NNP", "PRP", "NN"}  # "NT Logistics tailors", "the firm centers"
    return before in {"TO", "MD", "VB", "VBP", "VBZ", "VBD", "RB", ",", ".", ":"} or word_at(window, index - 1) == "and"
