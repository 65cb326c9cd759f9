"""Unknown lower-case words with a close correction.

A word is reported when it is lower case, no English word of the lists, no form of a word
made with a common prefix or suffix, used once in the document and not accepted by the
user, and a common word lies one edit away (a letter missing, extra, wrong or swapped).
Capitalised words, words with digits, URLs, e-mail addresses, handles, hashtags and
tickers are never reported: press releases are full of names. Terms the user rejects are
the rejected-term rule's (``rejected_term.py``), not reported here.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ... import lexicon, vocabulary
from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...scan import is_free_standing, match_case, quoted_words, recurs, tokens_of
from .. import Kind
from .slips import UNRANKED, closest, in_foreign_phrase
from .suspects import POSSESSIVE_FORM, REMEMBER, WORD_PART, suspects, title_non_words
from .words_run_together import best_split

_PREFIXES = ("re", "pre", "un", "non", "co", "multi", "over", "under", "out", "sub", "inter",
             "micro", "cyber", "mis", "anti", "de", "dis", "hyper", "super", "ultra", "mega",
             "semi", "self", "post", "mid", "e", "bio", "eco", "geo", "neuro", "tele", "auto")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "est", "ness", "ful", "less", "able",
             "ability", "ity", "ize", "ized", "izes", "izing", "ization", "ise", "ised", "ist",
             "ists", "ism", "ic", "al", "ally", "ment", "ments", "y", "ive", "ively", "ship",
             "ships", "wise", "like", "ware", "verse", "tech")
# A capitalised word this long with two letters swapped is reported.
SWAPPED_LENGTH = 7
COMMON_SWAPPED = 10_000
# A slip's correction this many times commoner than the word's base beats the derivation.
_FAR_COMMONER = 5
# A word made of a base more common than this is a coinage, whatever slip it resembles.
RARE_BASE = 1_000
# Words this long made of known words are coinages: typos seldom look like them.
LONG_WORD = 10
_SHORT_HALF_TAGS = frozenset({"NN", "NNS", "JJ"})
# A document with more distinct unknown lower-case words than this is no English prose (the
# 1,000 releases of the corpus together have under 700; one has at most 66), and judging
# each costs up to a millisecond: past it, the rule looks no further.
MOST_UNKNOWN = 2_000


def _derivation_rank(word: str) -> int | None:
    """The frequency rank of the commonest word ``word`` derives from with a common prefix
    or suffix ("rebrand", "impactful", "workflows"), if any: new words are made so, typos
    seldom are."""
    bases = lexicon.known_words().among(_bases(word), batch=False)
    if not bases:
        return None
    ranks = lexicon.frequency_rank().of(bases)
    return min((ranks.get(base, UNRANKED) for base in bases), default=UNRANKED)


def _bases(word: str) -> list[str]:
    """The words that ``word`` would be made from with a common prefix or suffix."""
    # filter() tries the affixes in C: a word has few of them.
    bases = [word[len(prefix):] for prefix in filter(word.startswith, _PREFIXES)
             if len(word) - len(prefix) >= 3]
    for suffix in filter(word.endswith, _SUFFIXES):
        stem = word[: -len(suffix)]
        if len(stem) >= 3:
            bases += (stem, stem + "e")
            if stem[-1:] == stem[-2:-1]:
                bases.append(stem[:-1])  # "planning"
            if stem.endswith("i"):
                bases.append(stem[:-1] + "y")  # "companies"
    return bases


def compound(word: str) -> bool:
    """Whether ``word`` is two words of three letters or more that a tagged corpus knows
    ("backend", "bitrate", "placemaking"): closed compounds are coined every day. Halves
    known only to the long word lists ("hun" + "deeds", "cen" + "tee"), a past tense
    ("eat" + "ate"), and a three-letter half that is no noun or adjective ("per" + "sob",
    "off" + "era", "mar" + "jet") make typos look like compounds."""
    return _compound_rank(word) is not None


def _compound_rank(word: str) -> int | None:
    """For the best split of ``word`` as a compound (see :func:`compound`), the frequency
    rank of its rarer half; None if it splits into none."""
    cuts = range(3, len(word) - 2)
    halves = lexicon.known_words().among([word[:cut] for cut in cuts] + [word[cut:] for cut in cuts], batch=False)
    # A long word of two known words is a compound ("countertops", "boatbuilders"): the
    # halves are checked only for the short words that typos make look like compounds.
    strict = len(word) < LONG_WORD
    valid = [cut for cut in cuts if word[:cut] in halves and word[cut:] in halves
             and (not strict or (_half(word[:cut]) and _half(word[cut:])))]
    if not valid:
        return None
    if not strict:
        return 0
    ranks = lexicon.frequency_rank().of({word[:cut] for cut in valid} | {word[cut:] for cut in valid})
    return min(max(ranks.get(word[:cut], UNRANKED), ranks.get(word[cut:], UNRANKED)) for cut in valid)


def _half(word: str) -> bool:
    tag = lexicon.tag(word)
    return tag in _SHORT_HALF_TAGS if len(word) == 3 else tag not in ("", "VBD")




@lru_cache(maxsize=REMEMBER)
def _made(word: str) -> int:
    """0 for a new derivation or compound, or T103's business: no typo ("rebrand",
    "workflows"); else the frequency rank of the rare word it would be made of (a slip of
    a far commoner word may explain it better: "cotracts" is "contracts", not "co" +
    "tracts"), or UNRANKED if it is made of nothing."""
    if best_split(word) is not None:
        return 0
    # A long derivation ("neuroinflammation") is made, whatever its base; so is a word of a
    # common base, whose slip's correction could not be commoner enough. Either settles it
    # before the dearer search for a compound.
    long = len(word) >= LONG_WORD
    derived = _derivation_rank(word)
    if derived is not None and (long or derived < _FAR_COMMONER * RARE_BASE):
        return 0
    compounded = _compound_rank(word)
    if compounded is None:
        return UNRANKED if derived is None else derived
    if long:
        return 0
    base = compounded if derived is None else min(derived, compounded)
    return 0 if base < _FAR_COMMONER * RARE_BASE else base



@lru_cache(maxsize=REMEMBER)
def _swapped(word: str) -> str:
    """The common word (one a tagged corpus knows, no name) that ``word``, no word itself,
    is with two letters after the first swapped: "boutqiue" -> "boutique"; or ""."""
    if lexicon.is_word(word) or word in lexicon.misspellings():
        return ""
    ranks = lexicon.frequency_rank().of(_swaps(word))
    common = sorted((rank, found) for found, rank in ranks.items()
                    if rank < COMMON_SWAPPED and lexicon.tag(found) not in ("", "NNP", "NNPS"))
    return common[0][1] if common else ""


def _swaps(word: str) -> set[str]:
    """``word`` with two letters after the first swapped, each way."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}


def _with_swapped(words: list[str]) -> set[str]:
    """Those of ``words`` (capitalised) that :func:`_swapped` finds a common word for. Nearly
    every one is a name with no known word among its swaps: the swaps of them all are
    looked up at once (in C), and only the words with a known one are judged."""
    lowered = {word: word.lower() for word in words}
    swaps = {word: _swaps(lower) for word, lower in lowered.items()}
    known = lexicon.known_words().among(set().union(*swaps.values()), batch=False)
    if not known:
        return set()
    return {word for word, found in swaps.items() if not known.isdisjoint(found) and _swapped(lowered[word])}


def _beats(correction: str, base: int) -> bool:
    """Whether ``correction`` explains a word better than the word it would be made of,
    of frequency rank ``base`` (UNRANKED: made of nothing)."""
    return base == UNRANKED or lexicon.frequency_rank().get(correction, UNRANKED) * _FAR_COMMONER < base




@lru_cache(maxsize=REMEMBER)
def _parts(word: str) -> tuple[tuple[int, str], ...]:
    """The words of a token T102 judges, with their offsets: the word without its
    possessive ending ("peopke’s" -> "peopke"), the unknown parts of a hyphenated word
    ("cost-efective" -> "efective"), or the word."""
    if POSSESSIVE_FORM.fullmatch(word):
        return ((0, word[:-2]),)
    if "-" in word:
        return tuple((match.start(), match.group()) for match in WORD_PART.finditer(word)
                     if not lexicon.is_word(match.group()))
    return ((0, word),)


class UnknownWord(Kind):
    OPTIONS = {"min-length": 6}
    FIX = "always"

    def setup(self) -> None:
        self.vocabulary = vocabulary.of(self.settings.vocabulary)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        minimum = self.options["min-length"]
        rejects = self.vocabulary.rejects
        # What depends on the word alone first, judged once per run: most suspects are new
        # derivations and compounds ("rebrand", "backend"). Whether a common word is one slip
        # away, dearer to find, is asked only of the words the document leaves.
        unknown = suspects(doc).unknown
        if len(unknown) > MOST_UNKNOWN:
            return  # no English prose: a word list, a text in another language, a data dump
        words = {word for word in unknown if any(len(part) >= minimum and _made(part) for _, part in _parts(word))}
        # Capitalised words with two letters swapped ("Boutqiue"): a name is not typed so.
        counts = doc.word_counts
        capitals = [word for word in title_non_words(doc)
                    if len(word) >= SWAPPED_LENGTH and counts[word] == 1]
        swapped = {word for word in _with_swapped(capitals) if not recurs(doc, word.lower())}
        words |= swapped
        texts = doc.tokens.texts
        for index in tokens_of(doc, words):
            text = texts[index]
            if rejects(text):
                continue  # the rejected-term rule's
            if text in swapped:
                start = doc.tokens.start_of(index)
                if is_free_standing(prose, start, start + len(text)) and not self.vocabulary.accepts(text):
                    yield self._report(doc, Span(start, start + len(text)), text, (_swapped(text.lower()),))
                continue
            if self.vocabulary.accepts(text):
                continue
            for offset, word in _parts(text):
                if len(word) < minimum or not _made(word) or self.vocabulary.accepts(word):
                    continue
                if recurs(doc, word) or word in quoted_words(doc):
                    continue  # the document's own vocabulary: a name, a coinage
                # Placed only now: what the word and the document decide is settled.
                token_start = doc.tokens.start_of(index)
                start = token_start + offset
                end = start + len(word)
                if not is_free_standing(prose, token_start, token_start + len(text)):
                    continue
                if (word == text and prose[end:end + 1] in "'’") or in_foreign_phrase(doc, index):
                    continue  # "drunkin’", "magna cum laude"
                # Last, the dearest test (hundreds of slips looked up): a third of the words
                # that reach it on the corpus are ruled out by their place first.
                options = closest(word)
                if not options or not _beats(options[0], _made(word)):
                    continue
                yield self._report(doc, Span(start, end), word, options)

    def _report(self, doc: Document, span: Span, word: str, options: tuple[str, ...]) -> Diagnostic:
        options = tuple(match_case(word, option) for option in options)
        return self.rule.report(doc, span, Edit(span, options[0]), found=word, suggestion=options[0],
                                suggestions=", ".join(options))
