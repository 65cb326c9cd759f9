"""Rule kinds: the Python behind the YAML rules.

A kind is a class with the options it accepts (with their types and defaults), the
names of the messages and fix titles it prints (their text is the rule's entry) and a
``check`` method; its name is its key in :data:`REGISTRY`. Packs name kinds (a rule's
kind is the one named as the rule unless it says ``kind:``); kinds are imported only
when a selected rule uses them, so a run pays only for what it checks.

Adding a kind: write ``kinds/<family>/<module>.py`` (or ``kinds/<module>.py`` for one
that serves every family) with a :class:`Kind` subclass and add one line to
:data:`REGISTRY`. The engine builds a rule's checker with :func:`build`: an
instance of its kind, holding the (frozen) rule, its options and the settings it reads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ..options import OptionError, validate_options
from ..settings import DEFAULT, Settings

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..document import Document
    from ..rule import Rule

# kind name -> "module:Class", the module relative to this package (a family's kinds in
# its subpackage). A kind that serves one rule is named as that rule (its entry needs no
# ``kind:``); the others serve several.
REGISTRY: dict[str, str] = {
    "pattern": "pattern:Pattern",
    "trailing-whitespace": "whitespace.lines:TrailingWhitespace",
    "blank-lines-at-end-of-file": "whitespace.lines:EndOfFileBlankLines",
    "missing-final-newline": "whitespace.lines:MissingFinalNewline",
    "mixed-line-endings": "whitespace.lines:MixedLineEndings",
    "doubled-space": "whitespace.spacing:DoubledSpace",
    "sentence-spacing": "whitespace.spacing:SentenceSpacing",
    "missing-space-after-sentence": "whitespace.spacing:MissingSentenceSpace",
    "tab-in-prose": "whitespace.spacing:InnerTab",
    "space-before-punctuation": "whitespace.spacing:SpaceBeforePunctuation",
    "special-character": "whitespace.characters:SpecialCharacter",
    "mojibake": "whitespace.characters:Mojibake",
    "html-entity": "whitespace.characters:HtmlEntity",
    "not-utf8": "whitespace.characters:NotUtf8",
    "unused-suppression": "unused_suppression:UnusedSuppression",
    "malformed-suppression": "malformed_suppression:MalformedSuppression",
    # Typos (T)
    "common-misspelling": "typos.common_misspelling:Misspelling",
    "unknown-word": "typos.unknown_word:UnknownWord",
    "rejected-term": "typos.rejected_term:RejectedTerm",
    "words-run-together": "typos.words_run_together:WordsRunTogether",
    "homophone": "typos.homophone:Homophone",
    "missing-possessive-apostrophe": "typos.missing_possessive_apostrophe:MissingPossessiveApostrophe",
    "misspelt-name": "typos.misspelt_name:MisspeltName",
    "wrong-apostrophe": "typos.wrong_apostrophe:WrongApostrophe",
    "doubled-word": "typos.doubled_word:DoubledWord",
    "a-an": "typos.a_an:Article",
    "then-than": "typos.then_than:ThenThan",
    # Capitalization (C)
    "inconsistent-case": "capitalization.inconsistent_case:InconsistentCase",
    "lowercase-sentence-start": "capitalization.lowercase_sentence_start:LowercaseSentenceStart",
    "term": "capitalization.term:Term",
    "lowercase-day-or-month": "capitalization.lowercase_day_or_month:LowercaseDayOrMonth",
    "headline-case": "capitalization.headline_case:HeadlineCase",
    "lowercase-name": "capitalization.lowercase_name:LowercaseName",
    # Dates (D)
    "impossible-date": "dates.checks:ImpossibleDate",
    "weekday-mismatch": "dates.checks:WeekdayMismatch",
    "mixed-date-formats": "dates.checks:MixedDateFormats",
    "suspicious-year": "dates.checks:SuspiciousYear",
    "unanchored-relative-date": "dates.claims:UnanchoredRelativeDate",
    "contradicts-release-date": "dates.claims:RelativeDateContradiction",
    "dateline-contradicts-release-date": "dates.claims:DatelineContradictsReleaseDate",
    "tense-against-release-date": "dates.claims:TenseAgainstReleaseDate",
    "fact-check": "dates.fact_check:FactCheck",
    "founding-year-mismatch": "dates.fact_check:FoundingYearMismatch",
    # Press-release conventions (P)
    "placeholder": "conventions.placeholder:Placeholder",
    "unbalanced-quotes": "conventions.unbalanced_quotes:UnbalancedQuotes",
    "mixed-apostrophes": "conventions.mixed_apostrophes:MixedApostrophes",
    "mixed-quotation-marks": "conventions.mixed_quotation_marks:MixedQuotationMarks",
    "unattributed-quote": "conventions.unattributed_quote:UnattributedQuote",
    "jargon": "conventions.jargon:Jargon",
    # Press-release conventions (P), datelines and structure
    "missing-dateline": "conventions.missing_dateline:MissingDateline",
    "dateline-place-style": "conventions.dateline_place_style:DatelinePlaceStyle",
    "dateline-separator": "conventions.dateline_separator:DatelineSeparator",
    "dateline-not-first": "conventions.dateline_not_first:DatelineNotFirst",
    "missing-release-line": "conventions.missing_release_line:MissingReleaseLine",
    "embargo-unreadable": "conventions.embargo_unreadable:EmbargoUnreadable",
    "embargo-after-release-date": "conventions.embargo_after_release_date:EmbargoAfterReleaseDate",
    "embargo-passed": "conventions.embargo_passed:EmbargoPassed",
    "missing-end-mark": "conventions.missing_end_mark:MissingEndMark",
    "malformed-contact": "conventions.malformed_contact:MalformedContact",
    "missing-media-contact": "conventions.missing_media_contact:MissingMediaContact",
    "missing-about-section": "conventions.missing_about_section:MissingAboutSection",
    "mixed-percent-style": "conventions.mixed_percent_style:MixedPercentStyle",
    "mixed-money-units": "conventions.mixed_money_units:MixedMoneyUnits",
    "ap-numerals": "conventions.ap_numerals:ApNumerals",
    "headline-too-long": "conventions.headline_too_long:HeadlineTooLong",
    "headline-full-stop": "conventions.headline_full_stop:HeadlineFullStop",
    "headline-all-caps": "conventions.headline_all_caps:HeadlineAllCaps",
}


class Kind:
    """Base class of every kind.

    ``OPTIONS`` maps each option a rule of this kind may set to its default value; the
    default's type is the option's type, and a default of ``None`` makes it required
    (a string). ``CHOICES`` restricts string options to a set of values.

    What a kind prints is the rule's entry: ``message`` and the names it gives
    ``rule.report(..., key=)`` under ``messages`` (``MESSAGES``); a fix, if ``FIX`` says
    the findings have one, titled by ``fix.title`` and the names it gives ``title=`` under
    ``fix.titles`` (``TITLES``). A rule that lacks one of them, or has one more, is a pack
    error when the rule is built.
    """

    OPTIONS: ClassVar[Mapping[str, Any]] = {}
    CHOICES: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    MESSAGES: ClassVar[tuple[str, ...]] = ()
    # "optional": the findings have a fix when the rule's entry has a ``fix:``.
    FIX: ClassVar[Literal["never", "always", "optional"]] = "never"
    TITLES: ClassVar[tuple[str, ...]] = ()
    # True: checks once the other rules' findings went through the document's suppression
    # comments, which then tell what they silenced (``suppressions.of``).
    AFTER_SUPPRESSIONS: ClassVar[bool] = False

    def __init__(self, rule: Rule, options: Mapping[str, Any], settings: Settings = DEFAULT) -> None:
        self.rule = rule
        self.options = validate_options(type(self), options, rule.kind)
        check_templates(type(self), rule)
        self.settings = settings
        self.setup()

    def setup(self) -> None:
        """Prepare from ``self.options`` (compile patterns...); raise ValueError on bad values."""

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        raise NotImplementedError

    # -- checks across the files of one run (engine.cross_check; consistency: project) ---
    # A kind that compares documents returns from ``summarise`` a small picklable summary
    # of one document (computed with its other checks, in a worker if there are workers)
    # and yields from ``check_project``, given (path, summary) of every file, each finding
    # with its line and the line's text, in the main process. Most kinds compare nothing.

    def summarise(self, doc: Document) -> Any:
        """What :meth:`check_project` needs of ``doc``; None: nothing to compare."""
        return None

    def check_project(self, summaries: list[tuple[str, Any]]) -> Iterator[tuple[Diagnostic, int, str]]:
        return iter(())


def build(rule: Rule, options: Mapping[str, Any], settings: Settings = DEFAULT) -> Kind:
    """The checker of ``rule``: its kind built with ``options`` (the pack's and any
    overrides). Raises ValueError (OptionError, re.error...) when an option is wrong, and
    :class:`~presslint.errors.UserFileError` when a file the settings name is."""
    return load(rule.kind)(rule, options, settings)


def check_templates(kind: type[Kind], rule: Rule) -> None:
    """OptionError unless ``rule`` has the messages and fix titles that ``kind`` prints,
    and no others."""
    if rule.fix is None and kind.FIX == "always":
        raise OptionError(f"kind {rule.kind!r} fixes what it finds: the rule needs "
                          "'fix: {title: ..., safety: safe or unsafe}'")
    if rule.fix is not None and kind.FIX == "never":
        raise OptionError(f"kind {rule.kind!r} has no fix: the rule's 'fix' would never be used")
    _same_names(rule.kind, "messages", kind.MESSAGES, rule.messages)
    if rule.fix is not None:
        _same_names(rule.kind, "fix.titles", kind.TITLES, rule.fix.titles)


def _same_names(kind: str, where: str, wanted: tuple[str, ...], given: Mapping[str, object]) -> None:
    names = set(given) - {""}  # "": the main one (``message``, ``fix.title``)
    # A name the kind never prints first: a misspelt name is also a missing one.
    unused = sorted(names - set(wanted))
    if unused:
        known = ", ".join(wanted) or "none"
        raise OptionError(f"{where}.{unused[0]}: kind {kind!r} never prints it (its {where}: {known})")
    missing = sorted(set(wanted) - names)
    if missing:
        raise OptionError(f"kind {kind!r} prints {where}.{missing[0]}, which the rule lacks")


def load(kind_name: str) -> type[Kind]:
    """The class of ``kind_name``; KeyError if no such kind is registered."""
    module_name, class_name = REGISTRY[kind_name].split(":")
    module = import_module(f".{module_name}", __name__)
    cls: type[Kind] = getattr(module, class_name)
    return cls
