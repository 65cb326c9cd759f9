"""The plain values every stage passes along: spans, edits, fixes and diagnostics."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


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

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Worker processes send the main process thousands of diagnostics. Pickled as they
        # are, each is five objects restored field by field in Python (unpickling the
        # corpus's 13,700 took 150 ms of the main process, which shares the cores with the
        # workers); as one flat tuple, one call rebuilds it (a fifth of the time).
        fix = self.fix
        return _diagnostic, (
            self.path, self.span.start, self.span.end, self.code, self.rule, self.severity.value, self.message,
            None if fix is None else (fix.message, fix.safe, *(
                (edit.span.start, edit.span.end, edit.replacement) for edit in fix.edits)))


_SEVERITIES = {severity.value: severity for severity in Severity}


def _diagnostic(path: str, start: int, end: int, code: str, rule: str, severity: str, message: str,
                fix: tuple[Any, ...] | None) -> Diagnostic:
    """A diagnostic from the flat tuple of :meth:`Diagnostic.__reduce__`."""
    rebuilt = None
    if fix is not None:
        fix_message, safe, *edits = fix
        rebuilt = Fix(fix_message, tuple(Edit(Span(at, to), text) for at, to, text in edits), safe)
    return Diagnostic(path, Span(start, end), code, rule, _SEVERITIES[severity], message, rebuilt)
