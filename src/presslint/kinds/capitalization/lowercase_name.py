"""Names written in lower case.

Two sources of evidence, two rules:

* :func:`lowercase_names`, for C101 (inconsistent-case): the release writes the word with
  a capital in mid-sentence elsewhere, and here in lower case, once or twice and no more
  often than with the capital; reported when the lower-case form is no ordinary English
  word ("Dave stefanski" beside "Stefanski", "at moderna" beside "Moderna", "greg"), or
  when the same phrase is capitalised elsewhere ("Rocky mount" beside "Rocky Mount").
* :class:`LowercaseName`, C106 (lowercase-name): a place or a first name of the gazetteer
  whose lower-case form is no ordinary word ("denver", "Austin, texas", "South korea"),
  which the release never writes with its capital in mid-sentence (then it is C101's);
  and a name with its capitals inverted by the caps-lock key ("mARCH", "tEXAS").

Quiet: the start of a sentence (C102's), hashtags, handles, URLs, e-mail addresses and
code (masked), file names, a word right after an opening quote, and a word the release
writes in lower case three times or more (a style of its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import compress

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document, Tokens
from ...lazyre import LazyPattern
from ...lexicon import classes
from ...scan import locate, tokens_of
from ...sentences import ABBREVIATIONS, STATE_ABBREVIATIONS, is_abbreviation
from .. import Kind
from .casing import POSSESSIVE_ENDINGS, Lines, at_sentence_start, capitalised_words, common_words
from .lowercase_day_or_month import CALENDAR_NAMES
from .proper_nouns import (
    MIN_STANDALONE,
    NAME_WORD,
    capitalised,
    frequent_words,
    gazetteer,
    gazetteer_keys,
    in_prose,
    is_compound,
    is_unknown,
    same_phrase_capitalised,
)

# Particles of names, in lower case by design in many ("Abdulla bin Touq", "Ludwig van
# Beethoven", "Leonardo da Vinci") and capitalised in others.
_PARTICLES = frozenset("bin bint ibn abu al el de da das dos del della di du la le van von der den ter ten".split())
# Kinds of the gazetteer reported without a capitalised form in the release (C106).
_ON_THEIR_OWN = ("place", "first")
# What :func:`_named` finds a key to be.
_GAZETTEER = "gazetteer"
_UNKNOWN = "unknown"
_UNKNOWN_ONCE = "unknown, capitalised once"
_INNER_CAPITAL = LazyPattern(r"[a-z][A-Z]")
# "Dave stefanski", "said dulin", "notes bettano", "in dothan, Ala.".
_FIRST_NAME_BEFORE = LazyPattern(r"(?<![\w’'-])([A-Z][a-z]+)(?:[’']s)?[ \t]+$")
_AT_BEFORE = LazyPattern(r"\b(?:at|with|by|from)[ \t]+$")
_SAYS = (r"(?:said|says|notes|noted|adds|added|explains|explained|continued|continues|commented|"
         r"comments|stated|states|shared|shares|concluded|concludes|recalls|recalled|observed|"
         r"observes|told|asked)")
_SAID_BEFORE = LazyPattern(rf"\b(?:{_SAYS}|according[ \t]+to)[ \t]+$")
_SAID_AFTER = LazyPattern(rf"[ \t]+{_SAYS}\b")
_TOWN = LazyPattern(r",[ \t]+[A-Z]")
_ARTICLE_BEFORE = LazyPattern(r"\b(?:[Tt]he|[Aa]n?)[ \t]+$")
_NAME_BEFORE = LazyPattern(rf"(?<![.!?:]\s)(?<![\w’'-]){NAME_WORD}[ \t]+$")
_PREPOSITION_BEFORE = LazyPattern(r"\b(?:at|with|by|from|on|to|via|of)[ \t]+$")
_NAME_AFTER = LazyPattern(r"[’']?s?(?:[ \t]*(?:[.,;:!?–—]|$)|[ \t]+[A-Z])", re.MULTILINE)
# A lower-case word written in lower case this often is the release's own style.
_MOST_LOWER = 2
# Abbreviations of titles and states, which may stand in a name ("prof. Ann Weiss",
# "Santa Barbara, calif.").
_ABBREVIATIONS = ABBREVIATIONS | STATE_ABBREVIATIONS
# Keys this long at least: shorter ones are abbreviations and particles more often
# than names, and each would cost a regex to find.
MIN_KEY = 4
# A letter in lower case, then capitals only: the caps-lock key ("mARCH").
_INVERTED_WORD = LazyPattern(r"^[a-z][A-Z]{2,}$", re.MULTILINE)


@cache
def _frequent_not_names() -> frozenset[str]:
    """The most frequent words that are no names of the gazetteer."""
    return frequent_words() - gazetteer_keys()


# Verdicts on a key, which depend on the word alone: kept for the run in a small dict,
# so that a document asks no big word list (slow once other rules have pushed the lists
# out of the processor's caches) about a key an earlier one asked about.
_IN_GAZETTEER = 1  # a name of the gazetteer
_UNCOMMON = 2  # no common word
_VERDICTS: dict[str, int] = {}
# Whether a key can be a noun, or is an abbreviation of a title or a state: asked of
# the lexicon only for the ordinary words that stand beside a capitalised word.
_NOUNS: dict[str, bool] = {}
# Keys found to be common words that are no names of the gazetteer, nor nouns nor
# abbreviations ("founded", "strategic"): never reported, so set aside at once.
_NEVER_NAMES: set[str] = set()


def _verdicts(keys: set[str]) -> dict[str, int]:
    """The verdicts on ``keys``, those not met before judged now, in one batch."""
    new = keys.difference(_VERDICTS)
    if new:
        names = gazetteer_keys()
        unknown = common_words().missing(new)
        for key in new:
            _VERDICTS[key] = (_IN_GAZETTEER if key in names else 0) | (_UNCOMMON if key in unknown else 0)
    return _VERDICTS


def _can_be_noun(key: str) -> bool:
    noun = _NOUNS.get(key)
    if noun is None:
        noun = _NOUNS[key] = "N" in classes(key) or key in _ABBREVIATIONS
        if not noun and not _VERDICTS.get(key, _UNCOMMON):
            _NEVER_NAMES.add(key)
    return noun


# Keys that are never names in lower case, whatever the release: shorter than MIN_KEY, not
# letters only, or among the most frequent words (see :func:`lowercase_names`).
_SET_ASIDE: set[str] = set()


def _capitals(doc: Document) -> dict[str, list[str]]:
    """The words of ``doc`` with a capital first ("Moderna", "Moderna’s", not "iPhone" or
    "NASA") whose key (lower case, no possessive) the release also writes in lower case,
    by key: set operations in C over the few capitalised words, never a loop over every
    word."""
    words = capitalised_words(doc)
    # The keys with a lower-case form first (in C), then the few words of those keys.
    # (Less the most frequent words, "company", "today": see :func:`lowercase_names`.)
    # (Plain lower-case forms only: a name met only as "moderna’s" is left to C101's
    # other pass, which is dearer.)
    # An intersection and a difference in C first ("the" of "The" is in most releases:
    # the keys set aside before, kept for the run, go at once), then the few keys new
    # to the run.
    present = doc.word_counts.keys() & words.keys
    present = present.difference(_SET_ASIDE)  # (not "-=": that walks the whole set aside)
    if present:
        aside = {key for key in present if len(key) < MIN_KEY or not key.isalpha()}
        aside |= present & _frequent_not_names()
        _SET_ASIDE.update(aside)
        present -= aside
    capitals: dict[str, list[str]] = {}
    if present:
        for word, base, key in compress(zip(words.words, words.bases, words.keys, strict=True),
                                        map(present.__contains__, words.keys)):
            if base[:1].isupper() and not base.isupper():
                capitals.setdefault(key, []).append(word)
    return capitals


# What may stand beside a name written in lower case for the release's capitals to
# tell it from a common word: a capitalised word, an item's comma, initials in brackets.
_CONTEXT_BEFORE = LazyPattern(r"(?:[A-Z][\w’'&.-]*|,)[ \t]+$")
_CONTEXT_AFTER = LazyPattern(r"[’']?s?(?:\.?[ \t]+[A-Z(]|,)")


def _has_context(prose: str, start: int, end: int) -> bool:
    return bool(_CONTEXT_BEFORE.search(prose, max(0, start - 30), start) or _CONTEXT_AFTER.match(prose, end))


def lowercase_names(doc: Document, terms: frozenset[str], project: bool = False
                    ) -> Iterator[tuple[Span, str]]:
    """Lower-case forms of names the release writes with a capital (C101): each span with
    the form to write."""
    capitals_of = doc.shared("lowercase_names._capitals", _capitals)
    # The most frequent words ("company", "board", "today", left out by _capitals) are
    # capitalised by house styles and titles, and are seldom a part of a name written
    # in lower case.
    keys = capitals_of.keys() - terms - _PARTICLES - _NEVER_NAMES
    if not keys:
        return  # most releases
    prose = doc.prose
    lines = Lines(prose, doc.syntax)
    counts = doc.word_counts
    candidates: dict[str, list[str]] = {}
    lower_counts: dict[str, int] = {}
    for key in keys:
        lower_forms = [form for form in (key, key + "’s", key + "'s") if form in counts]
        lower_count = sum(counts[form] for form in lower_forms)
        if lower_count <= _MOST_LOWER and lower_count <= sum(counts[w] for w in capitals_of[key]):
            candidates[key] = lower_forms
            lower_counts[key] = lower_count
        # (else the release's own lower case, or a common word)
    if not candidates:
        return
    verdicts = _verdicts(set(candidates))
    named_keys = {key for key in candidates if verdicts[key] & _IN_GAZETTEER}
    unknown = {key for key in candidates if verdicts[key] & _UNCOMMON} if not project else set()
    # An ordinary word is a name only beside a capitalised word (or initials): the words
    # next to each token, in C, before any offset is looked for (most keys end here).
    ordinary = {form: key for key, lower_forms in candidates.items()
                if key not in named_keys and (key not in unknown or lower_counts[key] > 1)
                for form in lower_forms}
    # An ordinary word is reported only with a name around it (_has_context) and where
    # its place says it is one (_placed_as_name): asked of its few places, found with one
    # search, before any token is looked for (most keys end here).
    places = _places(prose, ordinary, doc.tokens)
    for key in set(ordinary.values()):
        if not _may_be_name(prose, places.get(key, []), lines):
            del candidates[key]
    ordinary = {form: key for form, key in ordinary.items() if key in candidates}
    # The tokens of the candidates' lower-case forms (found in C); those of their
    # capitalised forms only for the keys left after.
    texts = doc.tokens.texts
    indices = _token_indices(doc, {form for forms_ in candidates.values() for form in forms_})
    if ordinary:
        last = len(texts) - 1
        beside = {form for form in ordinary for i in indices.get(form, ())
                  if (i and texts[i - 1][:1].isupper()) or (i < last and texts[i + 1][:1].isupper())}
        for key in set(ordinary.values()):
            # ... and only a word that can be a noun ("mount", "closet", "airlines"; not
            # "founded", "strategic", "internationally", capitalised in titles).
            if beside.isdisjoint(candidates[key]) or not _can_be_noun(key):
                del candidates[key]
    # (The ordinary words left have passed _may_be_name: a name around them, and a
    # place that says they are one.)
    where = _spans_by_key(doc, indices, {form: key for key, forms_ in candidates.items() for form in forms_})
    judged: dict[str, list[tuple[int, int]]] = {}
    for key in sorted(candidates):
        lower = [(s, e) for s, e in where.get(key, []) if not at_sentence_start(prose, s) and in_prose(prose, s, e)]
        if lower:
            judged[key] = lower
    indices.update(_token_indices(doc, {word for key in judged for word in capitals_of[key]}))
    capital_spans = _spans_by_key(doc, indices, {word: key for key in judged for word in capitals_of[key]})
    for key, lower in judged.items():
        lower_count = lower_counts[key]
        every = [(s, e) for s, e in capital_spans.get(key, []) if in_prose(prose, s, e, quoted=True)]
        if lower_count > len(every):
            continue
        capitals = [(s, e) for s, e in every if not lines.exempt(s)]
        mid = [(s, e) for s, e in capitals if mid_sentence(prose, s)]
        named = _named(key, lower_count, every, prose, project)
        if not (named or mid):
            continue
        right = _most_common([prose[s:e] for s, e in mid or capitals or every])
        for start, end in lower:
            # (An abbreviation counts even where its capital stands only at a sentence's
            # start: "Prof. Ann Weiss chairs it." beside "with prof. Ann Weiss".)
            if named == _GAZETTEER or (named == _UNKNOWN and _stands_as_name(prose, start, end)) \
                    or (named == _UNKNOWN_ONCE and _person_or_town(prose, start, end)) \
                    or (_placed_as_name(prose, start, end, lines) if mid else _abbreviated_name(prose, start, end)):
                yield Span(start, end), right


def _places(prose: str, key_of: dict[str, str], tokens: Tokens) -> dict[str, list[tuple[int, int]]]:
    """Where each lower-case form of ``key_of`` stands, as the span of its base form, by
    its key. One search for all of them (``locate``): a search per form is cheap in a
    release but quadratic in a long document, whose many forms each scan all of it."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, form in locate(prose, key_of, tokens):
        size = len(form) - 2 if form.endswith(POSSESSIVE_ENDINGS) else len(form)
        spans.setdefault(key_of[form], []).append((start, start + size))
    return spans


def _may_be_name(prose: str, spans: list[tuple[int, int]], lines: Lines) -> bool:
    """What :func:`lowercase_names` asks of an ordinary word's places (``spans``) before
    it reports one: a name around one, and a place that says it is a name."""
    if not any(_has_context(prose, s, e) for s, e in spans):
        return False
    return any(not at_sentence_start(prose, s) and in_prose(prose, s, e) and _placed_as_name(prose, s, e, lines)
               for s, e in spans)


def _placed_as_name(prose: str, start: int, end: int, lines: Lines) -> bool:
    """The lower-case word at ``start:end`` stands where its place says it is a name: in
    a list of names, before its initials, joined to a name that shares its last word, as
    an abbreviation of a title or a state, or in a phrase capitalised elsewhere. (The last
    loop of :func:`lowercase_names` asks it too, where the word's capital stands in
    mid-sentence.)"""
    return _in_list_of_names(prose, start, end) or _spelt_out(prose, start, end) \
        or _coordinated(prose, start, end) \
        or _abbreviated_name(prose, start, end) or same_phrase_capitalised(prose, start, end, lines)


# Two names that share their last word, joined: "Battelle laboratories and Hazelton
# Laboratories", "the West Inland and East inland regions".
_NAME_WORD_BEFORE = LazyPattern(rf"(?<![\w’'-]){NAME_WORD}[ \t]+$")
_SIBLING_AFTER = LazyPattern(rf",?[ \t]+(?:and|or|&)[ \t]+{NAME_WORD}[ \t]+(\w+)")
_SIBLING_BEFORE = LazyPattern(rf"(?<![\w’'-]){NAME_WORD}[ \t]+(\w+),?[ \t]+(?:and|or|&)[ \t]+{NAME_WORD}[ \t]+$")


def _coordinated(prose: str, start: int, end: int) -> bool:
    """The lower-case word at ``start:end`` ends a name ("Battelle laboratories") joined
    by "and", "or" or "&" to another whose same last word is capitalised ("Hazelton
    Laboratories"), after it or before it."""
    if not _NAME_WORD_BEFORE.search(prose, max(0, start - 40), start):
        return False
    word = capitalised(prose[start:end])
    after = _SIBLING_AFTER.match(prose, end)
    if after and after.group(1) == word:
        return True
    before = _SIBLING_BEFORE.search(prose, max(0, start - 80), start)
    return bool(before and before.group(1) == word)


def _token_indices(doc: Document, words: set[str]) -> dict[str, list[int]]:
    """The indices of the tokens that are ``words``, by word."""
    texts = doc.tokens.texts
    found: dict[str, list[int]] = {}
    for index in tokens_of(doc, words):
        found.setdefault(texts[index], []).append(index)
    return found


def _spans_by_key(doc: Document, indices: dict[str, list[int]], key_of: dict[str, str]
                  ) -> dict[str, list[tuple[int, int]]]:
    """Where each word of ``key_of`` stands (its tokens at ``indices``), as the span of
    its base form, by its key; placed with ``start_of`` (every offset at once past a few)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    tokens = doc.tokens
    for word, key in key_of.items():
        size = len(word) - 2 if word.endswith(POSSESSIVE_ENDINGS) else len(word)
        spans.setdefault(key, []).extend((start, start + size)
                                         for start in map(tokens.start_of, indices.get(word, ())))
    for found in spans.values():
        found.sort()
    return spans


def mid_sentence(prose: str, start: int) -> bool:
    """The word at ``start`` is not the first of a sentence, an abbreviation's full stop
    aside ("Mr. Evans", "Dr. Nancy Grasmick")."""
    if not at_sentence_start(prose, start):
        return True
    window = max(0, start - 20)
    before = prose[window:start].rstrip(" \t")
    return before.endswith(".") and is_abbreviation(prose, window + len(before) - 1)


def _named(key: str, lower: int, capitals: list[tuple[int, int]], prose: str, project: bool) -> str:
    """Whether ``key``, written with its capital elsewhere (at ``capitals``) and in lower
    case ``lower`` times, is a name whatever stands around it: a place or a first name of
    the gazetteer ("greg", "allentown"), a surname of it capitalised in mid-sentence
    ("Rick jones" beside "Rick Jones"), or a word of no word list and no compound of
    English ones, written in lower case once ("Dave stefanski" beside "Stefanski",
    "moderna"): :data:`_GAZETTEER`, :data:`_UNKNOWN` (then the lower-case word must
    also stand as a name: :func:`_stands_as_name`), or "". Words of the trade
    ("cryptocurrency", "glueless", "coworking") are capitalised in title-case phrases
    but are no names."""
    entry = gazetteer(key)
    if entry is not None:
        if entry.category in _ON_THEIR_OWN:
            return _GAZETTEER
        return _GAZETTEER if any(mid_sentence(prose, s) for s, _ in capitals) else ""
    if project or lower > 1 or not key.isascii() or not is_unknown(key):
        return ""  # (the project pass compares unknown words across files)
    # Capitals inside the word ("SoftSpot", "HealthPlex"): a brand's spelling, whatever
    # its parts (a compound of English words too); its lower-case form, no word, is that
    # brand written wrong where it stands as a name ("the creator of softspot,"; not
    # "workboat operators" beside the magazine "WorkBoat").
    if any(_INNER_CAPITAL.search(prose, s + 1, e) for s, e in capitals):
        return _UNKNOWN
    if is_compound(key):
        return ""
    # Capitalised twice: a name recurs; a word of the trade is capitalised in its one
    # heading ("Enterprise-Level Analytics:", "Certificate Altnames"). Once is enough
    # where the lower-case word stands as a person's or a town's name (:func:`_person_or_town`).
    return _UNKNOWN if len(capitals) > 1 else _UNKNOWN_ONCE


# An item of a list of names: "Quincy, Randolph, rockland," or "convoy, Microsoft,
# Sephora": the item before and the item after capitalised (or the end of the list).
_ITEM_BEFORE = LazyPattern(r"(?:^|[\s(])[A-Z][\w’'&.-]*,[ \t]+(?:(?:and|or)[ \t]+)?$")
_TWO_ITEMS_BEFORE = LazyPattern(
    r"(?:^|[\s(])[A-Z][\w’'&-]*,[ \t]+[A-Z][\w’'&-]*,[ \t]+(?:(?:and|or)[ \t]+)?$")
_TWO_ITEMS_AFTER = LazyPattern(r",[ \t]+[A-Z][\w’'&-]*,[ \t]+(?:(?:and|or)[ \t]+)?[A-Z]")
_CAPITAL_AFTER_STOP = LazyPattern(r"[ \t]+[A-Z][a-z]")
# "American Airlines, Japan airlines, GOL": an item of two words, the first capitalised.
_TWO_WORD_ITEM_BEFORE = LazyPattern(r"[A-Z][\w’'&.-]*,[ \t]+[A-Z][\w’'&.-]*[ \t]+$")
_ITEM_AFTER = LazyPattern(r",[ \t]+(?:(?:and|or)[ \t]+)?[A-Z]")
_LIST_END = LazyPattern(r"[ \t]*(?:[.;]|,?$)", re.MULTILINE)
_LIST_START = LazyPattern(r"(?:such[ \t]+as|including|like)[ \t]+$")
# A name spelt out before its initials: "Very High Throughput satellites (VHTS)".
_INITIALS_AFTER = LazyPattern(r"[ \t]+\(([A-Z]{2,6})s?\)")


def _abbreviated_name(prose: str, start: int, end: int) -> bool:
    """An abbreviation of a title or a state, in lower case before its full stop, that the
    release writes with its capital: "prof. Cliff Tabin", "Santa Barbara, calif."."""
    if prose[end:end + 1] != "." or prose[start:end] not in _ABBREVIATIONS:
        return False
    return bool(_CAPITAL_AFTER_STOP.match(prose, end + 1) or _ITEM_BEFORE.search(prose, max(0, start - 40), start))


def _in_list_of_names(prose: str, start: int, end: int) -> bool:
    """The lower-case word at ``start:end`` is an item of a list of capitalised names."""
    before = _ITEM_BEFORE.search(prose, max(0, start - 40), start) \
        or _TWO_WORD_ITEM_BEFORE.search(prose, max(0, start - 60), start)
    after = _ITEM_AFTER.match(prose, end)
    if before and after:
        return True
    if _LIST_END.match(prose, end) and _TWO_ITEMS_BEFORE.search(prose, max(0, start - 80), start):
        return True  # the last item: "Quincy, Randolph, rockland."
    if after and _LIST_START.search(prose, max(0, start - 20), start):
        return True
    # "welcome gimena, Kerry, and Namrata": the word an item of its own (not "Erickson
    # communities, Charlestown, Oak Crest", a name's common noun).
    return bool(_TWO_ITEMS_AFTER.match(prose, end)) and not _NAME_BEFORE.search(prose, max(0, start - 40), start)


def _spelt_out(prose: str, start: int, end: int) -> bool:
    """The lower-case word at ``start:end`` ends a name whose initials follow it."""
    initials = _INITIALS_AFTER.match(prose, end)
    if not initials:
        return False
    letters = initials.group(1)
    words = prose[max(0, start - 80):end].split()[-len(letters):]
    if len(words) != len(letters):
        return False
    # The words before it capitalised, each with its letter; the word itself in lower case.
    return all(w[:1] == c for w, c in zip(words[:-1], letters, strict=False)) \
        and words[-1][:1].lower() == letters[-1].lower()


_PLACE_BEFORE = LazyPattern(
    r"\b(?:in|to|from|at|of|near|across|throughout|outside|inside|into|via|visit|visited|"
    r"visiting|between|and)[ \t]+$")
_CAPITALISED_BEFORE = LazyPattern(r"[A-Z][\w’'.&-]*,?[ \t]+$")
_NAME_WORD_AFTER = LazyPattern(r"[’']?s?,?[ \t]+[A-Z][a-z]")


def _stands_as_place_or_person(prose: str, start: int, end: int) -> bool:
    """The lower-case word at ``start:end`` stands where a place or a person's name does:
    after a preposition ("to denver"), beside a capitalised word ("South korea", "Austin,
    texas", "greg Smith") or a verb of saying ("said greg"); not "your pet chihuahua"."""
    window = max(0, start - 30)
    return bool(_PLACE_BEFORE.search(prose, window, start) or _CAPITALISED_BEFORE.search(prose, window, start)
                or _SAID_BEFORE.search(prose, window, start) or _SAID_AFTER.match(prose, end)
                or _NAME_WORD_AFTER.match(prose, end))


def _person_or_town(prose: str, start: int, end: int) -> bool:
    """The lower-case word at ``start:end`` follows a first name ("Dave stefanski") or
    another capitalised word and ends the name there ("Holy Cross healthplex."), says
    something ("said dulin", "notes bettano"), follows "at", "with", "by" or "from" as a
    firm's name does ("at unilever") or is a town before its state ("in dothan, Ala.")."""
    first = _FIRST_NAME_BEFORE.search(prose, max(0, start - 20), start)
    # (At a sentence's start the word before must be no common word: "Giordano morichi –",
    # not "The weanlings,".)
    if first and (mid_sentence(prose, first.start(1))
                  or (_NAME_AFTER.match(prose, end) and first.group(1).lower() not in common_words())):
        entry = gazetteer(first.group(1).lower())
        if (entry is not None and entry.category in ("first", "name")) or _NAME_AFTER.match(prose, end):
            return True  # "Dave stefanski", "Bill featherston.", "Nancy grasmick Leadership"
    if _SAID_BEFORE.search(prose, max(0, start - 20), start) or _SAID_AFTER.match(prose, end):
        return True
    if _AT_BEFORE.search(prose, max(0, start - 6), start):
        return True  # a firm's name: "at unilever", "designed by arquitectonica"
    return prose.endswith("in ", 0, start) and bool(_TOWN.match(prose, end))


def _stands_as_name(prose: str, start: int, end: int) -> bool:
    """The lower-case word at ``start:end`` stands where a name does: before a stop,
    comma or dash ("said dulin.", "At moderna,"), before a capitalised word ("arzo
    Haider", "temescal Valley"), after one ("Dave stefanski") or after a preposition
    ("with sourcere", "the rise of ozempic use"); not after an article
    ("the weanlings") nor before a lower-case word it modifies ("elven magic",
    "govcon companies", "bioinformatics pipelines")."""
    if _ARTICLE_BEFORE.search(prose, max(0, start - 6), start):
        return False
    if _NAME_BEFORE.search(prose, max(0, start - 40), start) \
            or _PREPOSITION_BEFORE.search(prose, max(0, start - 8), start):
        return True
    return bool(_NAME_AFTER.match(prose, end))


def _most_common(forms: list[str]) -> str:
    # Ties go to the first in sorted order, so the fix does not depend on the file order.
    return max(sorted(set(forms)), key=forms.count)


class LowercaseName(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        counts = doc.word_counts
        prose = doc.prose
        words = capitalised_words(doc)  # (shared with C101)
        # Gazetteer names in lower case (a set operation in C over the distinct words)
        # that the release never writes with their capital (those are C101's).
        lower = gazetteer_keys().intersection(counts)
        found: list[tuple[int, int, str]] = []
        if lower:
            for key in sorted(lower.difference(words.keys)):
                entry = gazetteer(key)
                if entry is None or entry.category not in _ON_THEIR_OWN or len(key) < MIN_STANDALONE:
                    continue  # a surname alone says nothing: many are words of other languages
                if counts[key] <= _MOST_LOWER:
                    found.extend((s, s + len(key), entry.written) for s, _ in locate(prose, [key])
                                 if _stands_as_place_or_person(prose, s, s + len(key)))
        # Capitals inverted: "mARCH", "tEXAS": among the words not in lower case, found
        # by one regex pass over them all, joined (a match per word would cost more).
        for word in _INVERTED_WORD.findall("\n".join(words.words)):
            key = word.lower()
            if key in CALENDAR_NAMES or gazetteer(key) is not None or capitalised(key) in counts:
                found.extend((s, s + len(word), capitalised(key)) for s, _ in locate(prose, [word]))
        for start, end, right in sorted(found):
            if at_sentence_start(prose, start) and prose[start:end].islower():
                continue  # C102's (the gazetteer's names; a word with inverted capitals is C106's there too)
            if not in_prose(prose, start, end):
                continue
            span = Span(start, end)
            yield self.rule.report(doc, span, Edit(span, right), found=prose[start:end], right=right)
