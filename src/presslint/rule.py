"""A rule as a pack declares it: its identity, docs and examples, and the kind that runs it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Formatter
from typing import TYPE_CHECKING, Any, NamedTuple

from .diagnostic import Diagnostic, Edit, Fix, Severity, Span

if TYPE_CHECKING:
    from .document import Document


# Frozen: a rule is what its pack says, shared by every checker built from it (kinds.build).
@dataclass(frozen=True, eq=False, slots=True)
class Rule:
    code: str
    name: str
    kind: str
    severity: Severity
    # What it prints, from the entry: its messages by name ("" is ``message:``), and its fix
    # (titles by name, "" is ``fix.title``, and safety), or None when it has no ``fix:``.
    messages: Mapping[str, Template]
    fix: FixTemplate | None
    docs: str
    bad: tuple[BadExample, ...]
    good: tuple[str | bytes, ...]
    # The configuration every example runs with (``examples.settings``): configuration keys
    # as a user writes them ("release-date", "vocabulary"...), except that ``facts`` holds
    # the fact sheet itself. Empty for most rules; a rule that reads a setting to fire
    # (a release date, a reject list) needs it for its examples to show anything.
    example_settings: Mapping[str, Any] = field(default_factory=dict)
    example_settings_line: int = 0  # where they are written, for errors in their values
    options: dict[str, Any] = field(default_factory=dict)
    # Off unless selected by its code or name (noisier or style-dependent rules).
    default: bool = True
    pack: str = ""
    line: int = 0
    # For the docs: a line for the tables, the version the rule appeared in, more reading.
    summary: str = ""
    since: str = ""
    link: str = ""
    # A grammar backend's rule (rules/grammar.yaml): the backend named here finds it, no kind.
    backend: str = ""
    # ... and what that backend reports under the code (its categories; "*": any other).
    finds: tuple[str, ...] = ()
    # Reads the text as written, character references and all (the pack's 'reads:
    # as-written': whitespace, characters), not the words with references decoded.
    as_written: bool = False

    @property
    def family(self) -> str:
        return self.code[0]

    def report(self, doc: Document, span: Span, *edits: Edit, key: str = "", title: str = "",
               **fields: object) -> Diagnostic:
        """A diagnostic of this rule at ``span``: the message named ``key`` and, given
        ``edits``, the fix titled by the title named ``title``; ``fields`` fill both."""
        return self.report_at(doc.path, span, *edits, key=key, title=title, **fields)

    def report_at(self, path: str, span: Span, *edits: Edit, key: str = "", title: str = "",
                  **fields: object) -> Diagnostic:
        """:meth:`report` for a file by its path (a check across files has no document)."""
        values = _Fields(fields)
        fix = None
        if edits:
            assert self.fix is not None, f"rule {self.code}: edits without a 'fix:' entry"
            fix = Fix(self.fix.titles[title].format(values), edits, self.fix.safe)
        return Diagnostic(path, span, self.code, self.name, self.severity, self.messages[key].format(values), fix)


class Flagged(NamedTuple):
    """The text one finding of a bad example covers; ``after`` is the text right before it,
    when the covered text alone occurs more than once (an empty span needs it too, unless
    it is at the start: a finding on the whole file)."""

    text: str
    after: str = ""

    def span(self, text: str) -> tuple[int, int] | None:
        """Where this finding lies in ``text`` (the decoded document), if anywhere."""
        at = text.find(self.after + self.text)
        if at < 0:
            return None
        start = at + len(self.after)
        return start, start + len(self.text)


class BadExample(NamedTuple):
    """A text the rule flags, what exactly it flags, and the text its fixes give (``None``
    when the rule offers no fix). Bytes (YAML !!binary) are a file that is not UTF-8."""

    text: str | bytes
    flagged: tuple[Flagged, ...]
    fixed: str | bytes | None = None


class _Fields(dict[str, object]):
    # A template naming a field the kind did not give shows the field, not a KeyError.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Template(NamedTuple):
    """A message or fix title as the pack writes it, parsed once when the pack is loaded.

    Fields are ``str.format`` fields ("'{found}'", "{right!r}") that the kind fills. A
    field ``{count|space|spaces}`` is the noun that agrees with the number in the field
    ``count``: "space" when it is 1, else "spaces" ("1 space", "2 spaces")."""

    text: str
    fields: frozenset[str]  # the fields the kind must fill (a noun's count, not the noun)
    # (the noun's field, its count's field, the singular, the plural), for each noun field
    nouns: tuple[tuple[str, str, str, str], ...] = ()

    @classmethod
    def parse(cls, text: str) -> Template:
        """The template of ``text``; ValueError if it is not one."""
        fields: set[str] = set()
        nouns = []
        for _, name, _, _ in Formatter().parse(text):
            if not name:
                continue
            if "|" not in name:
                fields.add(name)
                continue
            parts = name.split("|")
            if len(parts) != 3 or not all(parts):
                raise ValueError(f"'{{{name}}}' must be {{count|singular|plural}}, like {{count|line|lines}}")
            fields.add(parts[0])
            nouns.append((name, parts[0], parts[1], parts[2]))
        return cls(text, frozenset(fields), tuple(nouns))

    def format(self, values: dict[str, object]) -> str:
        for name, count, singular, plural in self.nouns:
            values[name] = singular if values.get(count) == 1 else plural
        return self.text.format_map(values)


class FixTemplate(NamedTuple):
    """A rule's ``fix:`` entry: its titles by name ("" is ``title``) and whether
    ``--fix`` may apply it without ``--unsafe-fixes``."""

    titles: Mapping[str, Template]
    safe: bool
