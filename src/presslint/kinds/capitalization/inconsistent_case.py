"""The same name written with different capitals: "Microsoft" nine times, "microsoft" once.

Two kinds of difference are reported, always the minority form, with the majority form
(or the team's term) as the fix:

* inner capitals differ ("OpenAI" / "Openai", "Wi-Fi" / "Wi-fi", "QuickBooks" /
  "Quickbooks"): counted everywhere but in headings, title lines and all-caps lines;
* a lower-case form of a capitalised name ("microsoft"), counted only in the middle of
  sentences, and only for words that are not common lower-case words ("apple",
  "state", "company" are left alone); the name must be capitalised in mid-sentence at
  least twice, as a word of its own rather than a part of a longer title-case name.

Never counted: all-caps forms ("MICROSOFT"), hashtags and handles, URLs and code (masked
in the prose), words in headings, the headline, title-case and all-caps lines. Terms
that rule C103 knows (the bundled list and the team's ``terms:``) are left to it.

With ``consistency: project`` (``--consistency project``) the forms are counted over all
files of the run: :meth:`summarise` condenses a document, :meth:`check_project` compares.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import compress, filterfalse
from typing import Any, NamedTuple

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...scan import locate
from .. import Kind
from .casing import (
    CapitalisedWords,
    Lines,
    at_sentence_start,
    base_forms,
    capitalised_words,
    common_words,
    in_lower_case,
    stands_alone,
    with_possessives,
)
from .lowercase_name import lowercase_names
from .term import all_terms


class Occurrence(NamedTuple):
    start: int
    end: int
    mid: bool  # in the middle of a sentence
    alone: bool  # not next to another capitalised word


# A document's summary: lower-case key -> form -> occurrences; and the lines they are on.
Tally = dict[str, dict[str, list[Occurrence]]]


class Conflict(NamedTuple):
    key: str
    form: str  # the minority form
    right: str  # what to write instead


class InconsistentCase(Kind):
    OPTIONS = {"min-capitalised": 2}
    FIX = "always"

    def setup(self) -> None:
        # Terms belong to C103; the team's terms also name the right form here.
        self.terms = all_terms(True, [], self.settings.terms)
        self.term_keys = frozenset(self.terms)
        self.project = self.settings.consistency == "project"

    # -- one document -------------------------------------------------------------------

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        reported: set[int] = set()
        if not self.project:  # else the project pass reports, with the forms of every file
            for diagnostic in self._check_forms(doc):
                reported.add(diagnostic.span.start)
                yield diagnostic
        # A name written in lower case beside its capitalised form in this release.
        for span, right in lowercase_names(doc, self.term_keys, project=self.project):
            if span.start not in reported:
                conflict = Conflict(right.lower(), doc.prose[span.start:span.end], right)
                yield self._diagnostic(doc.path, span, conflict)

    def _check_forms(self, doc: Document) -> Iterator[Diagnostic]:
        capitals = capitalised_words(doc)
        suspects = self._suspects(doc, capitals)
        if not suspects:
            return  # most releases
        # Every form of the suspects, judged as the whole document would be: what is
        # said of a key depends only on the words with that key.
        forms = _forms(doc, capitals, suspects)
        bases = base_forms(forms)
        keys = self._may_conflict(doc, _repeated_keys(bases), forms, bases)
        if not keys:
            return
        tally = self._tally(doc, [w for w, base in zip(forms, bases, strict=True) if base.lower() in keys])
        for conflict in self._conflicts([tally]):
            yield from self._report(doc, conflict, tally[conflict.key][conflict.form])

    def _suspects(self, doc: Document, capitals: CapitalisedWords) -> set[str]:
        """The keys of names that may be written in more than one way: a superset of
        what :func:`_repeated_keys` finds, from set operations in C on the few
        capitalised words, so that most documents are done with at once."""
        # Less, first, the keys already found to be common words ("The"); then those
        # with a lower-case form ("acme", "acme’s"; a word without case, "2024", is its
        # own) or two capitalised ones ("OpenAI" and "Openai", or "ACME") ...
        keys = common_words().not_known(set(capitals.keys))
        suspects = in_lower_case(doc, keys)
        # (isupper() sets all-caps forms aside, and stops at the first small letter.)
        suspects |= _two_forms(set(filterfalse(str.isupper, compress(
            capitals.bases, map(keys.__contains__, capitals.keys)))))
        # ... and last, for the few left, words without case, the other common words and
        # their compounds ("fast-growing"), and terms.
        suspects -= set(map(str.upper, suspects))
        return self._names(suspects) if suspects else suspects

    def _may_conflict(self, doc: Document, keys: set[str], forms: list[str], bases: list[str]) -> set[str]:
        """Those of ``keys`` whose forms (``forms``, words of ``doc``, and their ``bases``)
        could make a conflict (:meth:`_conflicts`): two forms, and two shapes of them or a
        name capitalised in mid-sentence often enough, always on its own. Judged from the
        word counts, each at least the occurrences the tally keeps, and then from a tally
        of the capitalised forms alone (the lower-case ones are the many)."""
        found: dict[str, dict[str, int]] = {}
        counts = doc.word_counts
        pairs = list(zip(forms, bases, strict=True))
        for word, base in pairs:
            key = base.lower()
            if key in keys and base[0].isalpha() and not _all_caps(base):
                by_base = found.setdefault(key, {})
                by_base[base] = by_base.get(base, 0) + counts[word]
        found = {key: by_base for key, by_base in found.items() if len(by_base) > 1}
        shapes = {key for key, by_base in found.items() if len(set(map(_shape, by_base))) > 1}
        least = max(self.options["min-capitalised"], 2)
        names = {key for key, by_base in found.items() if key not in shapes and key in by_base
                 and sum(n for base, n in by_base.items() if not base.islower()) >= least}
        if names:
            tally = self._tally(doc, [word for word, base in pairs
                                      if base.lower() in names and not base.islower()])
            names = {key for key in names if _alone_often(tally.get(key, {}), least)}
        return shapes | names

    def _names(self, keys: set[str]) -> set[str]:
        """Those of ``keys`` that may be names: neither common words nor compounds of
        them, nor C103's terms."""
        return common_words().uncommon(keys) - self.term_keys

    # -- all the files of a run (engine.cross_check) -------------------------------------

    def summarise(self, doc: Document) -> dict[str, Any] | None:
        """What the project pass needs of ``doc``: the forms of every candidate name, where
        they are, and the text of their lines."""
        if not self.project:
            return None
        counts = doc.word_counts
        keys = [base.lower() for base in base_forms(counts)]
        names = self._names(set(keys))
        tally = self._tally(doc, [w for w, key in zip(counts, keys, strict=True) if key in names])
        if not tally:
            return None
        # Where each occurrence is: its line and the line's text, for the report's snippets
        # (a line's text is one object, however many occurrences it has, when pickled).
        index = doc.lines
        texts: dict[int, str] = {}
        where: dict[int, tuple[int, str]] = {}
        for forms in tally.values():
            for occurrences in forms.values():
                for occurrence in occurrences:
                    line = index.position(occurrence.start)[0]
                    if line not in texts:
                        span = index.line_span(line)
                        texts[line] = doc.text[span.start:span.end]
                    where[occurrence.start] = (line, texts[line])
        return {"tally": tally, "where": where}

    def check_project(self, summaries: list[tuple[str, dict[str, Any]]]
                      ) -> Iterator[tuple[Diagnostic, int, str]]:
        """Diagnostics of every file, from the summaries of all the files of a run, each
        with its line and the line's text."""
        tallies = [summary["tally"] for _, summary in summaries]
        for conflict in self._conflicts(tallies):
            for (path, summary), tally in zip(summaries, tallies, strict=True):
                for occurrence in tally.get(conflict.key, {}).get(conflict.form, ()):
                    line, text = summary["where"][occurrence.start]
                    span = Span(occurrence.start, occurrence.end)
                    yield self._diagnostic(path, span, conflict), line, text

    # -- the counting and the judging ----------------------------------------------------

    def _tally(self, doc: Document, forms: list[str]) -> Tally:
        """Where each of ``forms`` (words of ``doc``) counts, by key and form."""
        if not forms:
            return {}
        prose = doc.prose
        lines = Lines(prose, doc.syntax)
        words = set(forms)
        base_of = dict(zip(words, base_forms(words), strict=True))
        tally: Tally = {}
        for start, word in locate(prose, words, doc.tokens):
            form = base_of[word]
            if not form[0].isalpha() or _all_caps(form) or lines.exempt(start):
                continue
            if start and prose[start - 1] in "#@/\\":
                continue
            mid = not at_sentence_start(prose, start)
            alone = mid and not form.islower() and stands_alone(prose, start, start + len(word))
            occurrence = Occurrence(start, start + len(form), mid, alone)
            tally.setdefault(form.lower(), {}).setdefault(form, []).append(occurrence)
        return tally

    def _conflicts(self, tallies: Iterable[Tally]) -> Iterator[Conflict]:
        merged: dict[str, dict[str, list[Occurrence]]] = {}
        for tally in tallies:
            for key, forms in tally.items():
                target = merged.setdefault(key, {})
                for form, occurrences in forms.items():
                    target.setdefault(form, []).extend(occurrences)
        common = common_words()
        least = self.options["min-capitalised"]
        for key, forms in merged.items():
            if len(forms) < 2 or len(key) < 2:
                continue
            # Group the forms by their letters after the first of each part ("Wholly-Owned"
            # in a title and "wholly-owned" in a sentence are one group).
            groups: Counter[str] = Counter()
            for form, occurrences in forms.items():
                groups[_shape(form)] += len(occurrences)
            ranked = groups.most_common()
            if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
                continue  # a tie: nothing to go by
            majority = [f for f in forms if _shape(f) == ranked[0][0] and not f.islower()]
            named = [f for f in forms if not f.islower()]
            if not majority:
                continue  # mostly lower case: a common word, or nothing to go by
            right = _most_common(majority, forms)
            # Inner capitals: "Openai" where "OpenAI" is the rule.
            for form in named:
                if _shape(form) != ranked[0][0]:
                    yield Conflict(key, form, right)
            # A lower-case name: "microsoft" where "Microsoft" stands alone in sentences.
            if key not in forms or key in common or "-" in key or len(key) < 3:
                continue
            capitalised = [o for f in named for o in forms[f] if o.mid]
            if (len(capitalised) >= least and len(capitalised) > len(forms[key])
                    and all(o.alone for o in capitalised)):
                yield Conflict(key, key, right)

    def _report(self, doc: Document, conflict: Conflict, occurrences: list[Occurrence]
                ) -> Iterator[Diagnostic]:
        for occurrence in occurrences:
            yield self._diagnostic(doc.path, Span(occurrence.start, occurrence.end), conflict)

    def _diagnostic(self, path: str, span: Span, conflict: Conflict) -> Diagnostic:
        return self.rule.report_at(path, span, Edit(span, conflict.right), found=conflict.form, right=conflict.right)


def _forms(doc: Document, capitals: CapitalisedWords, keys: set[str]) -> list[str]:
    """The words of ``doc`` with one of ``keys``: capitalised, or the key itself in lower
    case, possessive or not."""
    forms = list(compress(capitals.words, map(keys.__contains__, capitals.keys)))
    return forms + list(doc.word_counts.keys() & with_possessives(keys))


def _two_forms(named: set[str]) -> set[str]:
    """The keys of two or more of ``named`` (capitalised forms)."""
    keys = list(map(str.lower, named))
    if len(set(keys)) == len(keys):
        return set()
    return {key for key, count in Counter(keys).items() if count > 1}


def _repeated_keys(bases: list[str]) -> set[str]:
    """Lower-case keys written in more than one way among ``bases`` (base forms of words:
    :func:`base_forms`), all-caps forms aside."""
    distinct = set(bases)
    named = distinct - set(map(str.lower, distinct))  # forms with a capital
    named -= set(map(str.upper, named))  # less the all-caps ones
    repeated = set(map(str.lower, named)) & distinct  # ... whose lower-case form is there too
    return repeated | _two_forms(named)


def _alone_often(capitalised: dict[str, list[Occurrence]], least: int) -> bool:
    """The capitalised forms of a key stand ``least`` times or more in mid-sentence, and
    there always on their own."""
    mid = [occurrence for occurrences in capitalised.values() for occurrence in occurrences
           if occurrence.mid]
    return len(mid) >= least and all(occurrence.alone for occurrence in mid)


def _most_common(forms: list[str], occurrences: dict[str, list[Occurrence]]) -> str:
    # Ties go to the first in sorted order, so the fix does not depend on the file order.
    return max(sorted(forms), key=lambda f: len(occurrences[f]))


def _shape(form: str) -> str:
    """The form with the first letter of each hyphenated part in lower case."""
    return "-".join(part[:1].lower() + part[1:] for part in form.split("-"))


def _all_caps(form: str) -> bool:
    return form.isupper() and sum(c.isalpha() for c in form) > 1
