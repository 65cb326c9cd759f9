"""The reports ``--output-file FORMAT:PATH`` writes besides the main output, in the same run
(annotations on standard output and a SARIF file, say). Each file is opened before the
files are checked, so that an unwritable path is an error before any work, and written
through a temporary file in its folder renamed into place: a reader never sees half a report,
and a failed run leaves the previous report as it was."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import UserError

if TYPE_CHECKING:
    from .results import FileResult
    from .rule import Rule


@dataclass
class OutputFile:
    format: str
    path: Path
    temporary: str  # renamed to ``path`` once written
    handle: TextIO  # open on ``temporary``


def open_all(wanted: Sequence[tuple[str, Path]]) -> list[OutputFile]:
    """A temporary file beside each path; a UserError (one line, exit 2) if one cannot be made."""
    opened: list[OutputFile] = []
    for name, path in wanted:
        try:
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as exc:
            discard(opened)
            raise UserError(str(path), None, f"cannot write the {name} report: {exc.strerror or exc}") from None
        # Open until written (write_all) or discarded: no with-block can span the run.
        opened.append(OutputFile(name, path, temporary,
                                 open(descriptor, "w", encoding="utf-8", newline="")))  # noqa: SIM115
    return opened


def write_all(files: Sequence[OutputFile], results: Sequence[FileResult], rules: Sequence[Rule],
              errors: int) -> None:
    """Each file's report of ``results`` (``errors``: those the run printed, for summaries)."""
    from .report import Tally, get

    for output in files:
        tally = Tally()
        tally.errors = errors
        get(output.format)(output.handle, rules=rules, tally=tally).report(results)
        output.handle.close()
        try:
            # mkstemp makes the file readable by its owner only; a report is an ordinary file.
            os.chmod(output.temporary, 0o666 & ~_umask())
            os.replace(output.temporary, output.path)
        except OSError as exc:
            discard(files)
            raise UserError(str(output.path), None, f"cannot write the {output.format} report: "
                                                    f"{exc.strerror or exc}") from None


def discard(files: Sequence[OutputFile]) -> None:
    """Remove the temporary files not renamed into place (after an error)."""
    for output in files:
        output.handle.close()
        try:
            os.unlink(output.temporary)
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
