"""Which word of a homophone pair a tagged window allows: a possessive that cannot start a
noun phrase ("its a", "your welcome."), a contraction or "there" that does ("of it's
history", "on there website").

Each reading looks at the candidate at ``window.at`` and answers only when its neighbours
allow the other word alone; an unsure reading keeps the writer's word.
"""

from __future__ import annotations

import re

from ... import lexicon
from .phrases import (
    ADJECTIVES,
    INVERTING,
    NOUNS,
    adverb_of_modifier,
    finite_verb,
    glued_to_next,
    is_verb,
    lowercase_at,
    noun_phrase_head,
    opens_clause,
    phrase_tag,
    predicate_adjective,
    tag_at,
    takes_an_object,
    verb_follows,
    word_at,
)
from .tagger import Window
from .verbless_its import opens_sentence_or_clause, verbless_to_full_stop

# Articles and pronouns that only a contraction can be followed by ("its a", "your our").
NOT_AFTER_POSSESSIVE = frozenset("""a an the this these those that such not no been to
    we you he she they i me us them my our your his her their something anything nothing
    everything someone anyone everyone""".split())
# Tags that start no noun phrase.
_NO_PHRASE_START = frozenset({"RB", "DT", "IN", "TO", "MD", "PRP", "PRP$", "WRB", "WDT"})
WH_WORDS = frozenset({"where", "how", "when", "what", "why"})
# Nouns of time that follow the adverb "there" ("we met there last year", "there today").
_TIME_NOUNS = frozenset("""today tonight tomorrow yesterday day days week weeks weekend
    month months year years decade decades time times hour hours minute minutes night
    morning afternoon evening season summer winter spring fall autumn century""".split())
# Plural measures a predicate may be: "it's miles ahead", "it's steps from the beach".
_MEASURES = frozenset({"miles", "steps", "dollars", "points", "pennies", "inches", "feet", "yards", "leaps", "worlds"})
ORDINAL = re.compile(r"(?:\w+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
                     r"|\w+teenth|\w+tieth|hundredth|thousandth|\d+(?:st|nd|rd|th))\Z")
# "their is", "their has been": the existential "there".
EXISTENTIAL_VERBS = frozenset({"is", "are", "was", "were", "'s", "seems", "seem", "remains", "remain", "exists",
                               "exist"})


def after_candidate(window: Window) -> int:
    """The index of the first token after the candidate (after its clitic: "it" "'s")."""
    at = window.at + 1
    if at < len(window.words) and window.words[at] in {"'s", "'re"}:
        at += 1
    return at


def possessive_misread(window: Window, possessive: str) -> str:
    """"contraction" if the possessive at ``window.at`` cannot start a noun phrase there
    ("its a", "your welcome."); "there" for "their is"; "" when it may be right."""
    at = window.at + 1
    word = word_at(window, at).lower()
    if possessive == "their" and (
            word in EXISTENTIAL_VERBS or (word in {"has", "have"} and word_at(window, at + 1) == "been")
            or (word in {"will", "would", "may", "might"} and word_at(window, at + 1) == "be")):
        return "there"
    if word in EXISTENTIAL_VERBS and possessive != "whose":
        return "contraction" if possessive in {"its"} and word == "'s" else ""
    # Adverbs that may stand between: "its truly a milestone", "its so important", "its
    # more important than ever".
    skipped = 0
    while (tag_at(window, at) in {"RB", "RBR"} or (word_at(window, at) in {"more", "less"}
           and tag_at(window, at + 1) == "JJ")) and lowercase_at(window, at) and skipped < 2 \
            and word_at(window, at) not in {"not", "very"}:
        at, skipped = at + 1, skipped + 1
    word, tag = word_at(window, at), tag_at(window, at)
    if not word or not word[0].islower() or glued_to_next(window, at):
        return ""
    next_word, next_tag = word_at(window, at + 1), tag_at(window, at + 1)
    if word == "not" and (next_tag == "CD" or next_word in {"one", "least"}):
        return ""  # "their not one, but two finishes"
    if word == "to" and possessive != "its":
        return ""  # "their to": "there to help" as often as "they're to"
    if word in NOT_AFTER_POSSESSIVE and not (word == "that" and next_tag in NOUNS):
        return "contraction"
    if word == "all" and next_tag not in NOUNS | ADJECTIVES | {"CD", "VBG", "VBN"}:
        return "contraction"  # "its all there", "its all about"
    if word == "about" and (next_tag in {"VBG", "DT", "PRP", "PRP$", "WRB", "WP"}
                            or (next_word.endswith("ing") and "V" in lexicon.classes(next_word))):
        return "contraction"  # "its about empowering", "your about to"
    if word in WH_WORDS and possessive != "whose":
        return "contraction"
    if word == "gonna" or (word == "going" and (next_word == "to" or next_tag in {",", ".", ":"})):
        return "contraction"
    # After a preposition or in a verb's object place the phrase is a noun phrase whatever
    # follows: "by its holding a reference", "from their usual.", "with its easy to use
    # interface".
    if takes_an_object(window, window.at - 1):
        return ""
    set_phrase = (word == "part" and next_word == "of") or (
        word == "time" and next_word == "to" and tag_at(window, at + 2) == "VB")
    if set_phrase and possessive == "its" and not verb_follows(window, at + 2) and not is_verb(window, window.at - 1):
        return "contraction"  # "its part of our DNA.", "now its time to act" (not "its time to market is")
    if skipped and tag == "VBG" and phrase_tag(window, at + 1) not in NOUNS:
        return "contraction"  # "its already shipping to", not "its fast growing portfolio"
    if (tag in {"VBN", "VBG", "VBD"} and next_tag in {"DT", "PRP", "PRP$"}
            and next_word not in {"all", "both", "each"}) \
            or (tag == "VBN" and (next_tag in {"TO", "WRB", "RB", "RBS"} or (next_tag == "IN" and next_word != "of"))):
        return "contraction"  # "its called the", "its making a", "its based in"
    if tag in ADJECTIVES and tag != "JJS" and predicate_adjective(window, at):
        return "contraction"
    if opens_clause(window, window.at - 1):
        # Where a clause starts, a gerund without its object, or an adjective with "to"
        # and a verb and no finite verb after: "We know its working because", "so its
        # essential to verify credentials".
        if tag == "VBG" and next_tag in {"IN", "RB", ".", ",", ":"} and next_word != "of":
            return "contraction"
        if tag == "JJ" and next_word == "to" and tag_at(window, at + 2) == "VB" and not verb_follows(window, at + 3):
            return "contraction"
    if possessive == "its" and opens_sentence_or_clause(window, window.at - 1) \
            and verbless_to_full_stop(window, window.at + 1):
        return "contraction"  # "; its autonomous execution.", "Its storytelling through hospitality."
    return ""


def contraction_for_possessive(window: Window, possessive: str) -> bool:
    """Whether the contraction at ``window.at`` ("it's", "they're", "who's") starts a
    noun phrase, so it is the possessive."""
    at = after_candidate(window)
    if at == window.at + 1:
        return False  # the clitic was not split off: not a contraction this tagger reads
    word = word_at(window, at)
    if not word or not word[0].islower():
        return False
    if word == "own" or (word == "very" and word_at(window, at + 1) == "own"):
        return True
    before = window.at - 1
    if word in NOT_AFTER_POSSESSIVE or (tag_at(window, at) in _NO_PHRASE_START \
            and not adverb_of_modifier(window, at)):
        return False
    head = noun_phrase_head(window, at)
    if head == -1 and takes_an_object(window, before) and "N" in lexicon.classes(word) \
            and tag_at(window, at) in {"VB", "VBP"} and tag_at(window, at + 1) in {"TO", "IN", ",", ".", "CC"}:
        return True  # "expanding it’s reach to", where a rule made "reach" a verb
    if head == -1:
        # Where a noun phrase goes, modifiers before a name: "to it's non-voting Class C
        # shares", "announced it’s enhanced ED Optimization solution", "as it’s new Chief
        # Solutions Officer".
        if not (takes_an_object(window, before) or word_at(window, before).lower() == "as"):
            return False
        index = at
        while index < at + 3 and (phrase_tag(window, index) in ADJECTIVES | {"VBN"} or "-" in word_at(window, index)
                                  or adverb_of_modifier(window, index)):
            index += 1
        return (index > at and tag_at(window, index) == "NNP") or (word_at(window, before).lower() == "as" \
            and tag_at(window, at) == "NNP" and word_at(window, at)[0].isupper())
    if takes_an_object(window, before) and tag_at(window, at) != "VBG":
        return True  # "in it’s building", "tailors it’s model"
    if head == at and word.endswith("ing") and "V" in lexicon.classes(word) \
            and tag_at(window, at + 1) in {"IN", "TO", "DT", "PRP", "PRP$", "RB"}:
        return False  # "you're planning on": a verb, whatever a rule made of it
    if ORDINAL.match(word) and tag_at(window, head) in NOUNS:
        return True  # "it’s fifteenth anniversary"
    if takes_an_object(window, before) or _joins_nouns(window, before, head):
        return True
    if word_at(window, before).lower() in {"since", "after", "before", "until", "like"} \
            and lexicon.classes(word_at(window, head)) == "N" and word_at(window, head) not in _TIME_NOUNS \
            and tag_at(window, head + 1) in {",", ".", ":", "IN", "CC"}:
        return True  # "since it's inception,", "since it's early days?": a noun phrase, not a clause
    # A subject: the head followed by a verb ("It's multi-layered approach is"), at the
    # start of a clause.
    # ("who's" is a clause of its own: "a founder who's mission is".)
    clause_starts = possessive == "whose" or opens_clause(window, before)
    if clause_starts and finite_verb(window, head + 1) and tag_at(window, at) != "VBG":
        return lexicon.classes(word_at(window, head)) not in {"", "V"} and word_at(window, at) not in _TIME_NOUNS
    return False


def _joins_nouns(window: Window, before: int, head: int) -> bool:
    """Whether "and" at ``before`` joins two noun phrases: after the contraction a plural
    noun ("Keystone and it’s services"), or, with a common noun straight before "and", a
    noun phrase whose head can only be a noun, closed by a verb, a preposition or
    punctuation ("the neighborhood and it’s resurgence", "operations and it’s location
    in Israel")."""
    if word_at(window, before) != "and":
        return False
    word = word_at(window, head)
    if word_at(window, head + 1) in {"who", "that", "which"} or word in _TIME_NOUNS | _MEASURES:
        return False  # a cleft, a measure: "and it's people who count", "and it's miles ahead"
    if phrase_tag(window, head) == "NNS" and "-" not in word:
        return True  # "Keystone and it’s services", "KBR and it’s shareholders"
    return tag_at(window, before - 1) in NOUNS and lowercase_at(window, before - 1) and lexicon.classes(word) == "N" \
        and (finite_verb(window, head + 1) or tag_at(window, head + 1) in {"IN", ".", ",", ":"})


def there_for_their(window: Window) -> bool:
    """Whether "there" at ``window.at`` starts a noun phrase, so it is "their": "on there
    website", "There engineers have", "there own"."""
    at = window.at + 1
    word = word_at(window, at)
    if not word or not word[0].islower():
        return False
    if word == "own":
        return True
    before = window.at - 1
    if word_at(window, before).lower() in INVERTING and (
            word == "been" or word_at(window, before).lower() not in {"has", "have", "had"}):
        return False  # "is there demand", "will there be", "have there been"
    head = noun_phrase_head(window, at)
    if head == -1 or (word_at(window, head) in _TIME_NOUNS and (head == at or any(
            word_at(window, index) in {"last", "next", "every", "few", "several", "many"}
            or tag_at(window, index) == "CD"
            for index in range(at, head)))):
        return False  # "we met there last year", "there today"
    after = tag_at(window, head + 1)
    head_classes = lexicon.classes(word_at(window, head))
    if head == at and "V" in head_classes and tag_at(window, at) != "NNS":
        # "there stand ..." could be a verb: only in object place, before a verb, or
        # closed by punctuation or a preposition ("precondition there skin,").
        return takes_an_object(window, before) or finite_verb(window, head + 1) \
            or (tag_at(window, at) == "NN" and after in {",", ".", ":", "IN", "CC"})
    return after not in NOUNS

