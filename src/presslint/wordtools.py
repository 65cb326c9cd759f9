"""Small helpers shared by the Typos (T) kinds: word shapes, case, neighbours in the prose."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Set
from itertools import filterfalse
from operator import methodcaller
from typing import NamedTuple

from .document import Document, Token, next_words
from .lexicon import is_word, known_words, misspellings

APOSTROPHES = "'’"
# Characters that make the word after them a handle, hashtag, ticker or path: never a typo.
_MARKERS_BEFORE = frozenset("@#$/\\_=&%~^*|<>[{:")
_MARKERS_AFTER = frozenset("@_/\\=&%~^*|<>]}")
# Zero-width characters and soft hyphens cut words in two ("T\u200dhese"): W's business.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffc")


def match_case(found: str, replacement: str) -> str:
    """``replacement`` written like ``found``: "TEH" -> "THE", "Teh" -> "The"."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def shape(word: str) -> str:
    """lower, title, upper or mixed (anything else: "iPhone", "McKinsey", "H2O")."""
    if not word.isalpha():
        return "mixed"
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[0].isupper() and word[1:].islower():
        return "title"
    return "mixed"


def slip(typed: str, meant: str) -> str:
    """The one slip of the fingers that turns ``meant`` into ``typed``: "dropped" (a letter
    left out), "added" (a letter too many), "replaced" (a letter wrong) or "swapped" (two
    neighbours the other way round); "" for the same word or more than one slip."""
    if len(typed) + 1 == len(meant):
        return "dropped" if _dropped(typed, meant) else ""
    if len(typed) == len(meant) + 1:
        return "added" if _dropped(meant, typed) else ""
    if len(typed) != len(meant):
        return ""
    diff = [i for i in range(len(typed)) if typed[i] != meant[i]]
    if len(diff) == 1:
        return "replaced"
    if len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == meant[diff[1]] \
            and typed[diff[1]] == meant[diff[0]]:
        return "swapped"
    return ""


def _dropped(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with one letter left out."""
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def is_free_standing(prose: str, start: int, end: int) -> bool:
    """Not part of a handle, hashtag, ticker, path, domain or code-like string."""
    before = prose[start - 1] if start else " "
    after = prose[end] if end < len(prose) else " "
    if before in _MARKERS_BEFORE or after in _MARKERS_AFTER or before in _INVISIBLE or after in _INVISIBLE:
        return False
    if after == "." and end + 1 < len(prose) and prose[end + 1].isalnum():
        return False  # "example.com", "node.js"
    return not (before == "." and start >= 2 and prose[start - 2].isalnum())


def following(doc: Document, index: int, count: int = 1) -> list[Token]:
    """Up to ``count`` tokens straight after token ``index`` in the same sentence-ish run:
    separated by spaces only (no punctuation, no blank line). Found in the prose after
    the token, so only token ``index`` is placed."""
    return next_words(doc.prose, doc.tokens[index].end, count)


def recurs(doc: Document, word: str) -> bool:
    """Whether the lower-case ``word`` occurs more than once in the document, in any case
    ("blockchain" and "Blockchain")."""
    if doc.word_counts[word] > 1:
        return True
    # A word that occurs once has one form; a second form lowering to it is a second use.
    return _lowered_forms(doc).count(f"\n{word}\t") > 1


def _lowered_forms(doc: Document) -> str:
    """The distinct words lower-cased, each between a line break and a tab (no token holds
    either), made only for a document that has a suspect. Lower-casing the joined words is
    one C-level pass, and the same as lower-casing each: only a sigma's form depends on its
    neighbours, and the separators end a word as the string's ends do."""
    return doc.shared("wordtools._lowered_forms", lambda d: ("\n" + "\t\n".join(d.word_counts) + "\t").lower())


def in_capitals_line(prose: str, start: int) -> bool:
    """Whether the line around ``start`` is set in capitals (a headline): three or more
    words and no lower-case letter."""
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", start)
    line = prose[line_start:line_end if line_end != -1 else len(prose)]
    return not any(ch.islower() for ch in line) and len(line.split()) >= 3


# U+2063 is markup.SEPARATOR: emphasis marks, link brackets, tags ("**Teh**", "[Teh link]").
_SENTENCE_START = re.compile(r"(?:\A|\n)[ \t\u2063]*(?:[#>*+\-•]+[ \t\u2063]*|\d+[.)][ \t\u2063]*)*"
                             r"[\"“‘'(]?\u2063*\Z|[.!?][\"”’')\u2063]*[ \t]+[\"“‘'(\u2063]*\Z")


def starts_sentence(prose: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a list item."""
    return bool(_SENTENCE_START.search(prose, max(0, start - 12), start))


_QUOTED = re.compile(r"[\"“‘'](\w[\w\-]*)[\"”’']")


def quoted_words(doc: Document) -> frozenset[str]:
    """Lower-case words that the document puts in quotes on their own ("a “spaw” menu"):
    coinages and names, not typos."""
    cache = doc.__dict__.get("_typos_quoted")
    if cache is None:
        cache = frozenset(m.group(1).lower() for m in _QUOTED.finditer(doc.prose))
        doc.__dict__["_typos_quoted"] = cache
    return cache


def in_foreign_phrase(doc: Document, index: int, typo: Callable[[str], bool]) -> bool:
    """A neighbour (up to two words away) that is no English word either: a phrase in
    another language ("abogado de accidentes"). A neighbour that ``typo`` says is a slip
    of an English word is a second typo, not a foreign word ("indipendent cuatomers")."""
    texts = doc.tokens.texts
    for other in (index - 2, index - 1, index + 1, index + 2):
        if 0 <= other < len(texts):
            neighbour = texts[other]
            # The words first: placing tokens costs more, and most neighbours are English.
            if neighbour.isalpha() and neighbour.islower() and _foreign(neighbour) \
                    and not typo(neighbour) and _joined(doc, *sorted((index, other))):
                return True
    return False


def _foreign(word: str) -> bool:
    """No English word, and no English word's typo either: a known misspelling is a
    second slip in the sentence, not a phrase in another language ("recieve the
    goverment"), and a loanword keeps its accent ("café")."""
    if is_word(word) or word in misspellings():
        return False
    if word.isascii():
        return True
    import unicodedata  # only for a word with an accent: no cost at start-up

    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return not (plain != word and is_word(plain))


def _joined(doc: Document, low: int, high: int) -> bool:
    """Whether tokens ``low`` to ``high`` follow each other with only spaces between."""
    return len(following(doc, low, high - low)) == high - low


# Tokens that scanning word by word may compare before one pass over them all is cheaper.
_SCAN_BUDGET = 2_000_000


def tokens_of(doc: Document, words: Set[str]) -> Iterator[int]:
    """Indices of the tokens whose text is one of ``words`` (usually a few rare ones), in
    order; ``list.index`` scans for each at C speed, and no token offset is needed."""
    if not words:
        return
    texts = doc.tokens.texts
    if len(words) * len(texts) > _SCAN_BUDGET:
        # Many words in a long document: one pass over the tokens beats a scan per word.
        yield from (index for index, text in enumerate(texts) if text in words)
        return
    found: list[int] = []
    for word in words:
        index = -1
        try:
            while True:
                index = texts.index(word, index + 1)
                found.append(index)
        except ValueError:
            pass
    found.sort()
    yield from found


# Suspects: the few distinct words of a document that a T rule looks at further. Which
# rule a word is a suspect for depends on the word alone, so each distinct word is judged
# once per run and the verdicts are kept across documents. A document then costs one
# C-level pass over its distinct words against the words judged no suspect before (not the
# 170,000-word list), leaving its suspects and its new words, and judging what is new.
CAMEL = re.compile(r"([a-z]{3,})([A-Z][a-z]{2,})")
"""A lower-case word of three letters or more, then a capitalised word: "blastingAlice"."""
WORD_PART = re.compile(r"[^\W\d_]+")
"""The letters between hyphens and apostrophes of a compound ("add-ons")."""
POSSESSIVE_FORM = re.compile(r"[^\W\d_]+['’]s")
"""A word of letters with a possessive ending: "goverment’s"."""
LOWER_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")
"""Lower-case ASCII words joined by hyphens: "cost-effective"."""
LOWER_POSSESSIVE = re.compile(r"[a-z]+['’]s")
"""A lower-case ASCII word with a possessive ending: "peopke’s"."""


class Suspects(NamedTuple):
    """A document's suspects, per rule. None is a lower-case word of the lists."""

    misspelt: frozenset[str]
    """T101: the word, or a part of a hyphenated or possessive one, lower-cased is a known
    misspelling."""
    unknown: frozenset[str]
    """T102: lower-case ASCII letters, and no known misspelling (any length); or such a
    word with a possessive ending ("peopke’s")."""
    run_together: frozenset[str]
    """T103: five letters or more, lower-case or "blastingAlice"."""
    possessive: frozenset[str]
    """T108: four letters or more, capitalised, ends in s."""
    proper: frozenset[str]
    """T102, T120: Title case, five ASCII letters or more, and no word lower-cased: names,
    and typos in capitals ("Contsoo", "Boutqiue")."""


REMEMBER = 500_000
"""Verdicts on at most this many words are kept across documents (a bound on memory)."""
_PLAIN: set[str] = set()  # the words judged so far that are no suspect
_SUSPECTED: set[str] = set()  # and those that are a suspect for some rule
_SUSPECTED_BY: tuple[set[str], ...] = tuple(set() for _ in Suspects._fields)  # and per rule
_NO_SUSPECTS = Suspects(*(frozenset() for _ in Suspects._fields))


def suspects(doc: Document) -> Suspects:
    """The document's suspects, computed once per document."""
    return doc.shared("wordtools.suspects", _find_suspects)


def _find_suspects(doc: Document) -> Suspects:
    counts = doc.word_counts
    # The suspects and the new words: filterfalse walks the counts in C and the lookups
    # reuse the hashes they hold (cheaper than copying them all into a set first).
    rest = set(filterfalse(_PLAIN.__contains__, counts))
    new = rest.difference(_SUSPECTED)
    if new:
        if len(_PLAIN) + len(_SUSPECTED) + len(new) > REMEMBER:
            for judged in (_PLAIN, _SUSPECTED, *_SUSPECTED_BY):
                judged.clear()
            rest = new = set(counts)
        _judge(new)
    found = rest & _SUSPECTED
    if not found:
        return _NO_SUSPECTS
    return Suspects(*(frozenset(found & rule) for rule in _SUSPECTED_BY))


def _judge(words: set[str]) -> None:
    """Record which rules each of ``words`` (new) is a suspect for: set operations in C over
    them all, for a first document brings hundreds of new words."""
    # Every known word is lower case: only the lower-case words are looked up.
    unknown = words.difference(known_words().among(filter(str.islower, words)))
    letters = set(filter(str.isalpha, unknown))
    lower = set(filter(str.islower, letters))
    capitalised = letters - lower  # or mixed: "Teh", "TEH", "blastingAlice", "Microsofts"
    not_letters = unknown - letters
    misspelt = _misspelt(lower, capitalised, not_letters)
    # Possessives of unknown lower-case words ("peopke’s"), and lower-case hyphenated words
    # with an unknown part ("cost-efective"): T102 judges their base, their parts.
    others = not_letters - misspelt
    # filter() runs the patterns over the words in C, with no Python step per word.
    owned = set(filter(LOWER_POSSESSIVE.fullmatch, others))
    bases = {word[:-2] for word in owned}
    # Looked up at once; batch=False: a few words, not the document's batch, which would
    # build the whole list's set on a one-file run's first document.
    unknown_bases = known_words().missing(bases, batch=False) if bases else bases
    owners = {word for word in owned if word[:-2] in unknown_bases}
    owners |= _with_unknown_part(set(filter(LOWER_HYPHENATED.fullmatch, others)))
    verdicts = (
        misspelt,
        (set(filter(str.isascii, lower)) - misspelt) | owners,
        {word for word in lower if len(word) >= 5} | set(filter(CAMEL.fullmatch, capitalised)),
        _possessives(capitalised),
        _proper(capitalised),
    )
    # A word counts as judged once in _SUSPECTED or _PLAIN: the rules' sets come first.
    for rule, found in zip(_SUSPECTED_BY, verdicts, strict=True):
        rule.update(found)
    suspected = set().union(*verdicts)
    _SUSPECTED.update(suspected)
    _PLAIN.update(words - suspected)


def _misspelt(lower: set[str], capitalised: set[str], others: set[str]) -> set[str]:
    """Those of the words of letters only (``lower``, ``capitalised``) whose lower-case form
    is a known misspelling ("teh", "Teh", "TEH"), and those of ``others`` with hyphens and no
    digit ("x86-64" is a code) that have a part whose lower-case form is one
    ("goverment-backed"). The forms are looked up among the misspellings at once, as a
    document's batch: from the third document on, the table answers from its set in C."""
    compounds = [word for word in others if ("-" in word or POSSESSIVE_FORM.fullmatch(word))
                 and not any(map(str.isdigit, word))]
    # The parts of every compound in one pass: a line break parts no letters.
    parts = map(str.lower, WORD_PART.findall("\n".join(compounds)))
    hits = misspellings().among(lower.union(map(str.lower, capitalised), parts))
    if not hits:
        return set()
    return ({word for word in lower | capitalised if word.lower() in hits}
            | {word for word in compounds if any(part.lower() in hits for part in WORD_PART.findall(word))})


def _with_unknown_part(words: set[str]) -> set[str]:
    """Those of ``words`` (hyphenated) with a part of six letters or more that is no known
    word: the parts looked up at once."""
    if not words:
        return set()
    # The words are lower-case ASCII letters and hyphens: their long parts are one findall.
    parts = set(_LONG_PART.findall("\n".join(words)))
    unknown = known_words().missing(parts, batch=False)  # a few words: no batch
    if not unknown:
        return set()  # the common case: no word to walk in Python
    return {word for word in words if any(part in unknown for part in word.split("-"))}


def _possessives(capitalised: set[str]) -> set[str]:
    """Those of ``capitalised`` (letters only) of four letters or more that begin with a
    capital and end in s: "Microsofts", "NOVAs", "Adams" (T108 asks the document whether
    they name something)."""
    # The words ending in s first, in C: most capitalised words do not.
    return {word for word in filter(_ENDS_IN_S, capitalised) if len(word) >= 4 and word[0].isupper()}


_ENDS_IN_S = methodcaller("endswith", "s")
_LONG_PART = re.compile(r"[a-z]{6,}")


def title_non_words(doc: Document) -> frozenset[str]:
    """The document's words in Title case of five ASCII letters or more that are no word
    even lower-cased: its names, and typos in capitals ("Contoso", "Contsoo", "Boutqiue")."""
    return suspects(doc).proper


def _proper(capitalised: set[str]) -> set[str]:
    """Those of ``capitalised`` (letters only) in Title case, of five ASCII letters or more,
    that are no word lower-cased: looked up at once, as a batch."""
    titles = [word for word in filter(str.istitle, filter(str.isascii, capitalised)) if len(word) >= 5]
    if not titles:
        return set()
    # A Title-case word of ASCII letters is its lower-case form capitalised: the forms are
    # looked up at once (a few words, no batch) and the unknown ones capitalised back.
    return set(map(str.capitalize, known_words().missing(set(map(str.lower, titles)), batch=False)))
