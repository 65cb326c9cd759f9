"""The plain values every stage passes along: spans, edits, fixes and diagnostics."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"severity must be one of {names}, not {value!r}") from None


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Offsets into a document's text, in code points; ``end`` is exclusive."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Edit:
    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """What to change, and whether ``--fix`` may apply it without ``--unsafe-fixes``.

    A fix is *safe* when applying it can never change what the text means (removing
    trailing spaces); spelling suggestions and the like are *unsafe*.
    """

    message: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = field(default=None, compare=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.start, self.span.end, self.code)
