"""Human-readable output: ``path:line:column: CODE message``, the line, and a caret."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import Reporter, located, printable

if TYPE_CHECKING:
    from ..results import FileResult
    from . import Tally

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
# Long lines (a whole paragraph in a press release) are cut around the problem.
_CONTEXT = 60


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def _excerpt(line: str, column: int, width: int) -> tuple[str, int]:
    """The part of ``line`` to show around 0-based ``column``, and the column within it."""
    if len(line) <= 2 * _CONTEXT + width:
        return line, column
    start = max(0, column - _CONTEXT)
    end = min(len(line), column + width + _CONTEXT)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(line) else ""
    return prefix + line[start:end] + suffix, column - start + len(prefix)


def _visible(text: str) -> str:
    # One character, one column: tabs and invisible characters would misplace the caret.
    # Most excerpts have none, and the check of the whole string runs in C.
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else " " for ch in text)


class TextReporter(Reporter):
    has_statistics = True

    def file(self, result: FileResult) -> str:
        return "".join(_lines(result, self.quiet, self.color))

    def write_statistics(self, counts: list[tuple[str, str, int]]) -> None:
        self.out.write(statistics_lines(counts))

    def write_summary(self) -> None:
        if not self.quiet:
            t = self.tally
            self.out.write(summary(t) + "\n")


def statistics_lines(counts: list[tuple[str, str, int]]) -> str:
    return "".join(f"{n:>6}  {code}  {rule}\n" for code, rule, n in counts)


def summary(t: Tally) -> str:
    """The summary line of a run, and the line of what the fixes could do, if any."""
    lines = _summary(t.checked, t.files, t.problems, t.fixed, t.diff, t.errors, t.skipped)
    fixable = _fixable(t.fixable, t.unsafe_fixable)
    return f"{lines}\n{fixable}" if fixable else lines


def _fixable(safe: int, unsafe: int) -> str:
    """As Ruff says it: "3 fixable with --fix (2 more with --unsafe-fixes)."."""
    if safe:
        more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
        return f"{safe} fixable with --fix{more}."
    return f"{unsafe} fixable with --fix --unsafe-fixes." if unsafe else ""


def _lines(result: FileResult, quiet: bool, color: bool) -> Iterator[str]:
    """The lines for one file's findings: each one's place and message, then (unless
    ``quiet``) its source line and a caret under the problem. The file name and the
    message are :func:`printable`: one finding, one line, and no escape sequence of theirs
    reaches the terminal."""
    path = printable(result.path)
    for _, diagnostic, at in located((result,)):
        severity = diagnostic.severity.value
        where = _paint(f"{path}:{at.line}:{at.column}:", _BOLD, color)
        code = _paint(diagnostic.code, _BOLD + _COLORS[severity], color)
        yield f"{where} {code} {printable(diagnostic.message)}\n"
        if quiet:
            continue
        line = result.snippets.get(at.line, "")
        width = (at.end_column - at.column) if at.end_line == at.line else len(line) - at.column + 1
        shown, caret_at = _excerpt(line, at.column - 1, max(width, 1))
        caret = " " * caret_at + "^" * max(1, min(width, len(shown) - caret_at))
        yield f"  {_visible(shown)}\n  {_paint(caret, _COLORS[severity], color)}\n"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(checked: int, files: int, problems: int, fixed: int, would: bool, errors: int = 0,
             skipped: int = 0) -> str:
    """The last line. After an error it starts with the count of errors and never says
    "All clear": "1 error; no files checked."; nor when a walk found only files that are
    not text. Those are counted in the parentheses: "All clear: no problems in 12 files
    (3 skipped: not text).", "Found 2 problems in 1 file (12 checked, 3 skipped: not text)."."""
    also = f", {skipped} skipped: not text" if skipped else ""
    if fixed:
        verb = "Would fix" if would else "Fixed"
        left = f"{problems} remaining in {_count(files, 'file')}" if problems else "none remaining"
        found = f"{verb} {_count(fixed, 'problem')}, {left} ({_count(checked, 'file')} checked{also})."
    elif problems:
        found = f"Found {_count(problems, 'problem')} in {_count(files, 'file')} ({checked} checked{also})."
    else:
        aside = f" ({also.removeprefix(', ')})" if skipped else ""
        if not errors and (checked or not skipped):
            return f"All clear: no problems in {_count(checked, 'file')}{aside}."
        found = f"No problems in {_count(checked, 'file')} checked" if checked else "No files checked"
        found += f"{aside}."
    return f"{_count(errors, 'error')}; {found[0].lower()}{found[1:]}" if errors else found
