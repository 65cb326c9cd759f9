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
    bad: tuple[str | bytes, ...]
    good: tuple[str | bytes, ...]
    options: dict[str, Any] = field(default_factory=dict)
    # Off unless selected by its code or name (noisier or style-dependent rules).
    default: bool = True
    pack: str = ""
    line: int = 0

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


class _Fields(dict[str, object]):
    # A template naming a field the kind did not give shows the field, not a KeyError.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}
