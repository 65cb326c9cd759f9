"""A rule as a pack declares it: its identity, docs and examples, and the kind that runs it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from string import Formatter
from typing import TYPE_CHECKING, Any

from .diagnostic import Diagnostic, Edit, Fix, Severity, Span

if TYPE_CHECKING:
    from .document import Document
    from .kinds import Kind


@dataclass(slots=True)
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
    bad: tuple[str | bytes, ...]
    good: tuple[str | bytes, ...]
    options: dict[str, Any] = field(default_factory=dict)
    # Off unless selected by its code or name (noisier or style-dependent rules).
    default: bool = True
    pack: str = ""
    line: int = 0
    checker: Kind | None = field(default=None, repr=False)

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


class UserFileError(ValueError):
    """A file that the user's configuration names (a fact sheet, a terms or words file) is
    missing or wrong. ``str()`` is the whole line to print, naming that file."""


def read_list_file(path: Path, what: str) -> list[str]:
    """The entries of a list file (``what``: "terms file", "words file"): one a line,
    blank lines and '#' comments ignored, a byte-order mark allowed."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UserFileError(f"{path}: cannot read the {what} ({reason})") from None
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [entry for entry in entries if entry]


class _Fields(dict[str, object]):
    # A template naming a field the kind did not give shows the field, not a KeyError.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True, slots=True)
class Template:
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


@dataclass(frozen=True, slots=True)
class FixTemplate:
    """A rule's ``fix:`` entry: its titles by name ("" is ``title``) and whether
    ``--fix`` may apply it without ``--unsafe-fixes``."""

    titles: Mapping[str, Template]
    safe: bool
