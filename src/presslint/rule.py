"""A rule as a pack declares it: its identity, docs and examples, and the kind that runs it."""

from __future__ import annotations

from dataclasses import dataclass, field
from string import Formatter
from typing import TYPE_CHECKING, Any

from .diagnostic import Diagnostic, Fix, Severity, Span

if TYPE_CHECKING:
    from .document import Document


# Frozen: a rule is what its pack says, shared by every checker built from it (kinds.build).
@dataclass(frozen=True, eq=False, slots=True)
class Rule:
    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    docs: str
    bad: tuple[BadExample, ...]
    good: tuple[str | bytes, ...]
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
    # Reads the text as written, character references and all (the pack's 'reads:
    # as-written': whitespace, characters), not the words with references decoded.
    as_written: bool = False

    @property
    def family(self) -> str:
        return self.code[0]

    def report(
        self,
        doc: Document,
        span: Span,
        fix: Fix | None = None,
        message: str | None = None,
        **fields: object,
    ) -> Diagnostic:
        """Build a diagnostic of this rule; ``fields`` fill the message template."""
        text = (message or self.message).format_map(_Fields(fields))
        return Diagnostic(doc.path, span, self.code, self.name, self.severity, text, fix)


@dataclass(frozen=True, slots=True)
class Flagged:
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


@dataclass(frozen=True, slots=True)
class BadExample:
    """A text the rule flags, what exactly it flags, and the text its fixes give (``None``
    when the rule offers no fix). Bytes (YAML !!binary) are a file that is not UTF-8."""

    text: str | bytes
    flagged: tuple[Flagged, ...]
    fixed: str | bytes | None = None


class _Fields(dict[str, object]):
    # A template naming a field the kind did not give shows the field, not a KeyError.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}
