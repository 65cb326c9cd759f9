"""Rule kinds: the Python behind the YAML rules.

A kind is a class with a name, the options it accepts (with their types and defaults)
and a ``check`` method. Packs name kinds; kinds are imported only when a selected rule
uses them, so a run pays only for what it checks.

Adding a kind: write ``kinds/<family>/<module>.py`` (or ``kinds/<module>.py`` for one
that serves every family) with a :class:`Kind` subclass and add one
line to :data:`REGISTRY`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from ..config import Config
    from ..diagnostic import Diagnostic
    from ..document import Document
    from ..rule import Rule

# kind name -> "module:Class", the module relative to this package (a family's in its subpackage).
REGISTRY: dict[str, str] = {
    "pattern": "pattern:Pattern",
    "trailing-whitespace": "whitespace.lines:TrailingWhitespace",
    "end-of-file-blank-lines": "whitespace.lines:EndOfFileBlankLines",
    "missing-final-newline": "whitespace.lines:MissingFinalNewline",
    "mixed-line-endings": "whitespace.lines:MixedLineEndings",
    "doubled-space": "whitespace.spacing:DoubledSpace",
    "sentence-spacing": "whitespace.spacing:SentenceSpacing",
    "missing-sentence-space": "whitespace.spacing:MissingSentenceSpace",
    "inner-tab": "whitespace.spacing:InnerTab",
    "space-before-punctuation": "whitespace.spacing:SpaceBeforePunctuation",
    "special-character": "whitespace.characters:SpecialCharacter",
    "mojibake": "whitespace.characters:Mojibake",
    "html-entity": "whitespace.characters:HtmlEntity",
    "not-utf8": "whitespace.characters:NotUtf8",
    "unused-suppression": "suppression:UnusedSuppression",
    # Typos (T)
    "misspelling": "typos.common_misspelling:Misspelling",
    "unknown-word": "typos.unknown_word:UnknownWord",
    "run-together": "typos.run_together:RunTogether",
    "homophone": "typos.homophone:Homophone",
    "missing-possessive": "typos.missing_possessive:MissingPossessive",
    "name-variant": "typos.name_variant:NameVariant",
    "wrong-apostrophe": "typos.wrong_apostrophe:WrongApostrophe",
    "doubled-word": "typos.doubled_word:DoubledWord",
    "article": "typos.article:Article",
    "comparative-then": "typos.comparative_then:ComparativeThen",
    # Capitalization (C)
    "case-consistency": "capitalization.case_consistency:CaseConsistency",
    "lowercase-sentence-start": "capitalization.lowercase_sentence_start:LowercaseSentenceStart",
    "term": "capitalization.term:Term",
    "lowercase-calendar-name": "capitalization.lowercase_calendar_name:LowercaseCalendarName",
    "headline-case": "capitalization.headline_case:HeadlineCase",
    "lowercase-name": "capitalization.lowercase_name:LowercaseName",
    # Dates (D)
    "impossible-date": "dates.checks:ImpossibleDate",
    "weekday-mismatch": "dates.checks:WeekdayMismatch",
    "mixed-date-formats": "dates.checks:MixedDateFormats",
    "suspicious-year": "dates.checks:SuspiciousYear",
    "unanchored-relative-date": "dates.claims:UnanchoredRelativeDate",
    "relative-date-contradiction": "dates.claims:RelativeDateContradiction",
    "tense-against-release-date": "dates.claims:TenseAgainstReleaseDate",
    "fact-check": "dates.fact_check:FactCheck",
}


class OptionError(ValueError):
    """An option of a rule is missing, unknown or of the wrong type."""


class Kind:
    """Base class of every kind.

    ``OPTIONS`` maps each option a rule of this kind may set to its default value; the
    default's type is the option's type, and a default of ``None`` makes it required
    (a string). ``CHOICES`` restricts string options to a set of values.
    """

    name: ClassVar[str] = ""
    OPTIONS: ClassVar[Mapping[str, Any]] = {}
    CHOICES: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    def __init__(self, rule: Rule, options: Mapping[str, Any], config: Config | None = None) -> None:
        self.rule = rule
        self.options = validate_options(type(self), options)
        self.config = config
        self.setup()

    def setup(self) -> None:
        """Prepare from ``self.options`` (compile patterns...); raise ValueError on bad values."""

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        raise NotImplementedError


def validate_options(kind: type[Kind], given: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(given) - set(kind.OPTIONS))
    if unknown:
        allowed = ", ".join(sorted(kind.OPTIONS)) or "none"
        raise OptionError(f"unknown option {unknown[0]!r} for kind {kind.name!r} (allowed: {allowed})")
    values: dict[str, Any] = {}
    for key, default in kind.OPTIONS.items():
        if key not in given:
            if default is None:
                raise OptionError(f"kind {kind.name!r} needs the option {key!r}")
            values[key] = default
            continue
        value = given[key]
        expected = str if default is None else type(default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise OptionError(f"option {key!r} must be {_type_name(expected)}, not {_type_name(type(value))}")
        choices = kind.CHOICES.get(key)
        if choices and value not in choices:
            raise OptionError(f"option {key!r} must be one of {', '.join(choices)}, not {value!r}")
        values[key] = value
    return values


def _type_name(expected: type) -> str:
    return {str: "a string", bool: "true or false", int: "a whole number", float: "a number",
            list: "a list", dict: "a mapping"}.get(expected, expected.__name__)


def load(kind_name: str) -> type[Kind]:
    """The class of ``kind_name``; KeyError if no such kind is registered."""
    module_name, class_name = REGISTRY[kind_name].split(":")
    module = import_module(f".{module_name}", __name__)
    cls: type[Kind] = getattr(module, class_name)
    return cls
