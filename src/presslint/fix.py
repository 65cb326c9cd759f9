"""Fix a file: check, choose non-overlapping edits, apply them, check again until
nothing changes; then write the file atomically (or show the diff, or print the text).

Edits are positions in a document's normalised text (every line break one ``\\n``). They
are applied to the file's text as it was stored, line breaks and all, so a fix changes
nothing outside the spans it reports: a CRLF file stays CRLF, and a file with mixed line
endings keeps them unless the mixed-line-endings fix itself is applied.
"""

from __future__ import annotations

import os
import re
import tempfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .decoding import Decoded
from .diagnostic import Diagnostic, Edit, Fix, Span
from .document import Document
from .engine import check_document, result_of
from .results import FileResult

if TYPE_CHECKING:
    from .kinds import Kind


@dataclass(frozen=True)
class FixMode:
    """What ``--fix`` and its friends ask for: ``action`` is "write" (the file), "diff"
    (print what would change) or "stdout" (print the fixed text: standard input)."""

    action: str = "write"
    unsafe: bool = False


# Fixes can uncover or enable others (removing a space may join two spaces); a few passes
# reach a fixed point, and the bound guarantees the loop ends whatever the rules do.
MAX_FIX_PASSES = 8


def fix_document(doc: Document, checkers: Sequence[Kind], mode: FixMode, raw: bytes) -> FileResult:
    """Fix ``doc`` (read from ``raw``) as ``mode`` asks; the result is the fixed text's."""
    original = stored_text(doc)
    applied = 0
    # The findings of the text as it now is: the pass that finds nothing to fix found the
    # result's, which are not looked for again (None: the passes ran out first).
    diagnostics: list[Diagnostic] | None = None
    for _ in range(MAX_FIX_PASSES):
        diagnostics = check_document(doc, checkers)
        fixes = choose(diagnostics, mode.unsafe)
        if not fixes:
            break
        diagnostics = None
        text = fixed_text(doc, fixes)
        applied += len(fixes)
        doc.forget()  # the caller holds the first: not its caches through every pass
        doc = Document.from_decoded(doc.path, Decoded(text, doc.source.encoding, doc.source.bom,
                                                      doc.source.guessed_encoding))
    result = result_of(doc, checkers, diagnostics=diagnostics)
    result.fixed = applied
    if not applied:
        if mode.action == "stdout":
            result.output = original
        return result
    text = stored_text(doc)
    if mode.action == "diff":
        import difflib

        result.diff = "".join(difflib.unified_diff(
            original.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=_diff_name("a/", doc.path), tofile=_diff_name("b/", doc.path)))
    elif mode.action == "stdout":
        result.output = text
    else:
        try:
            data = encode(text, doc)
        except UnicodeEncodeError as exc:
            return FileResult(doc.path, error=f"{doc.path}: not fixed: the fix needs {exc.object[exc.start]!r}, "
                                              f"which {doc.source.encoding} cannot store")
        if data != raw:
            try:
                write_fixes(Path(doc.path), data, raw)
            except ReadOnly:
                return FileResult(doc.path, error=f"{doc.path}: not fixed: the file is read-only")
            except ChangedSinceRead:
                return FileResult(doc.path, warning=f"{doc.path}: not fixed: the file changed while it was "
                                                    "checked; run again")
            except OSError as exc:
                return FileResult(doc.path, error=f"{doc.path}: cannot write the fixes ({exc.strerror or exc})")
    return result


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """``text`` with ``edits`` applied, and how many were applied.

    Edits are taken in order of position; one that overlaps an edit already taken is
    skipped (a later pass picks it up), so the result never depends on a guess about
    what two overlapping replacements would mean together.
    """
    parts: list[str] = []
    position = 0
    applied = 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        if edit.span.start < position:
            continue
        parts.append(text[position:edit.span.start])
        parts.append(edit.replacement)
        position = edit.span.end
        applied += 1
    parts.append(text[position:])
    return "".join(parts), applied


def choose(diagnostics: Sequence[Diagnostic], unsafe: bool) -> list[Fix]:
    """The fixes to apply in one pass: applicable ones, whole fixes only, no two touching
    the same text; ties are broken by position then code, so runs are deterministic."""
    taken = _Taken()
    chosen: list[Fix] = []
    for diagnostic in sorted(diagnostics, key=lambda d: d.sort_key):
        fix = diagnostic.fix
        if fix is None or not fix.edits or (not fix.safe and not unsafe):
            continue
        spans = [edit.span for edit in fix.edits]
        if any(map(taken.overlaps, spans)):
            continue
        taken.add(spans)
        chosen.append(fix)
    return chosen


class _Taken:
    """The spans of the fixes chosen so far, sorted by start, so that whether a span
    overlaps one of them costs a bisection and a look at its few neighbours, not a walk
    over them all (a file with 100,000 fixes)."""

    __slots__ = ("_longest", "_spans", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._spans: list[Span] = []
        self._longest = 0

    def overlaps(self, span: Span) -> bool:
        starts, spans = self._starts, self._spans
        # Only a span starting at most at this one's end can overlap it, and only one that
        # starts at most the longest taken span's length before this one's start reaches it.
        reach = span.start - self._longest
        for index in range(bisect_right(starts, span.end) - 1, -1, -1):
            if starts[index] < reach:
                return False
            if _overlaps(span, spans[index]):
                return True
        return False

    def add(self, spans: Iterable[Span]) -> None:
        for span in spans:
            self._longest = max(self._longest, span.end - span.start)
            if not self._starts or span.start >= self._starts[-1]:
                self._starts.append(span.start)  # the usual case: fixes come in order
                self._spans.append(span)
            else:
                index = bisect_right(self._starts, span.start)
                self._starts.insert(index, span.start)
                self._spans.insert(index, span)


def _overlaps(a: Span, b: Span) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions clash only at the same point
        return b.start <= a.start <= b.end if a.start == a.end else a.start <= b.start <= a.end
    return a.start < b.end and b.start < a.end


def stored_text(doc: Document) -> str:
    """The document's text with the line breaks it was stored with."""
    source = doc.source
    if source.line_breaks is None:
        return doc.text if source.newline == "\n" else doc.text.replace("\n", source.newline)
    lines = doc.text.split("\n")
    breaks = source.line_breaks
    return "".join(line + (breaks[i] if i < len(breaks) else "") for i, line in enumerate(lines))


def _stored_offsets(doc: Document, stored: str) -> list[int]:
    starts = [0]
    index = 0
    for line_break in doc.source.line_breaks or ():
        index = stored.index(line_break, index) + len(line_break)
        starts.append(index)
    return starts


def fixed_text(doc: Document, fixes: Sequence[Fix]) -> str:
    """The stored text (as written on disk) with ``fixes`` applied."""
    stored = stored_text(doc)
    newline = doc.source.newline
    if newline == "\n" and doc.source.line_breaks is None:
        # Stored as normalised: the offsets are the same, no line to look up per edit.
        edits = [edit if "\r" not in edit.replacement else Edit(edit.span, _stored_breaks(edit.replacement, newline))
                 for fix in fixes for edit in fix.edits]
        return apply_edits(stored, edits)[0]
    if doc.source.line_breaks is None:
        line_starts_stored = [s + i * (len(newline) - 1) for i, s in enumerate(doc.lines.starts)]
    else:
        line_starts_stored = _stored_offsets(doc, stored)

    def to_stored(offset: int) -> int:
        line, column = doc.lines.position(offset)
        return line_starts_stored[line - 1] + column - 1

    edits = [Edit(Span(to_stored(edit.span.start), to_stored(edit.span.end)),
                  _stored_breaks(edit.replacement, newline)) for fix in fixes for edit in fix.edits]
    return apply_edits(stored, edits)[0]


def _stored_breaks(replacement: str, newline: str) -> str:
    """``replacement`` with the file's line break for each of its own."""
    return replacement.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)


def encode(text: str, doc: Document) -> bytes:
    """``text`` in the document's encoding, with its byte-order mark if it had one."""
    encoding = doc.source.encoding
    data = text.encode(encoding)
    if doc.source.bom:
        bom = "\ufeff".encode(encoding)
        data = bom + data
    return data


class ReadOnly(Exception):
    """The file has no write permission: --fix leaves it alone (as Ruff does), even as root."""


class ChangedSinceRead(Exception):
    """The file's bytes are no longer those the run read: someone edited it meanwhile."""


def write_fixes(path: Path, data: bytes, original: bytes) -> None:
    """Write ``data`` over ``path``, which held ``original`` when it was read, keeping what
    the run does not own: a symlink stays a link (its target is fixed), hard links stay
    one file, owner, group and mode stay. A crash or a signal leaves the old file or the
    new one, never half of one, and no temporary file (a SIGKILL may leave one: its name,
    ``.NAME.XXXXXXXX.presslint``, says whose it is, and a later ``--fix`` writing in that
    folder removes it once it is :data:`STALE_AFTER` seconds old).

    Raises ``ReadOnly`` or ``ChangedSinceRead`` and writes nothing in those cases.
    """
    target = Path(os.path.realpath(path))  # through symlinks: the link itself stays as it is
    try:
        status = os.stat(target)
    except FileNotFoundError:  # deleted while it was checked: nothing to write back to
        raise ChangedSinceRead(str(path)) from None
    # os.access alone says yes to root, whatever the mode: a file nobody may write is read-only.
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise ReadOnly(str(path))
    with terminate_raises():
        temporary = ""
        try:
            # The new bytes go to a temporary file first, in the same folder (so the same
            # file system): either renamed over the file, or kept until the copy is done. Made
            # with signals held, so that none falls between its creation and its name known.
            with _signals_held():
                handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".presslint",
                                                     dir=target.parent)
            _sweep(target.parent, os.fstat(handle).st_mtime)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            if status.st_nlink > 1:
                # Renaming would give this name a new inode and break the hard links, so the
                # bytes go into the same inode; signals wait until the copy is whole.
                with _signals_held():
                    _check_unchanged(target, original)
                    _overwrite(target, data)
            else:
                _keep_owner(temporary, status)
                os.chmod(temporary, status.st_mode & 0o7777)  # after chown, which may clear set-id bits
                with _signals_held():
                    _check_unchanged(target, original)
                    os.replace(temporary, target)
        finally:
            try:
                if temporary:
                    os.unlink(temporary)
            except FileNotFoundError:
                pass


def _check_unchanged(target: Path, original: bytes) -> None:
    """Raise ``ChangedSinceRead`` unless ``target`` still holds ``original`` (the size
    first, then the bytes: an edit that keeps the size and the mtime is still seen)."""
    try:
        if os.stat(target).st_size != len(original) or target.read_bytes() != original:
            raise ChangedSinceRead(str(target))
    except FileNotFoundError:
        raise ChangedSinceRead(str(target)) from None


def _overwrite(target: Path, data: bytes) -> None:
    with open(target, "r+b") as out:
        out.write(data)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())


def _keep_owner(temporary: str, status: os.stat_result) -> None:
    """Give the new file the old one's owner and group, where the user may (root, or the
    owner for a group they belong to); a refusal leaves the defaults, as cp does."""
    if not hasattr(os, "chown") or os.geteuid() not in (0, status.st_uid):
        return
    try:
        os.chown(temporary, status.st_uid, status.st_gid)
    except PermissionError:
        pass


# A temporary file of write_fixes: tempfile's eight random characters between the name and
# the suffix. One older than STALE_AFTER seconds belongs to no live run (a file is written in
# well under a second, 50 MB included): a run that SIGKILL ended left it.
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.presslint\Z")
STALE_AFTER = 600
_swept: set[Path] = set()


def _sweep(folder: Path, now: float) -> None:
    """Remove the stale temporary files of earlier runs from ``folder``, once a process: a
    folder is read once, however many of its files are fixed. ``now`` is the time of the
    file system (a new file's mtime), not the clock: the one the stale files were stamped by."""
    if folder in _swept:
        return
    _swept.add(folder)
    cutoff = now - STALE_AFTER
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if (entry.name.endswith(".presslint") and _TEMPORARY.match(entry.name)
                        and entry.is_file(follow_symlinks=False)
                        and entry.stat(follow_symlinks=False).st_mtime < cutoff):
                    os.unlink(entry.path)
    except OSError:  # unreadable, or removed by another run meanwhile: the fix goes on
        pass


@contextmanager
def terminate_raises() -> Iterator[None]:
    """While a file is written (and while the pool runs: runner.py), SIGTERM and SIGHUP raise
    (exit 128 + the signal) so that ``finally`` blocks remove the temporary file (and end the
    workers); outside these moments the default (end at once) loses nothing. A worker process
    of the pool ends once the file is clean, instead of going on with the next files (the
    pool would catch the exit)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def terminate(signum: int, frame: object) -> None:
        caught.append(signum)
        raise SystemExit(128 + signum)

    wanted = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    previous = {signum: signal.signal(signum, terminate) for signum in wanted}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if caught and _in_worker():
            os._exit(128 + caught[0])


def _in_worker() -> bool:
    import multiprocessing

    return multiprocessing.parent_process() is not None


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait (and are delivered after) while the file is compared and
    replaced or overwritten, so an interruption never falls between the two."""
    import signal

    held = {signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _diff_name(side: str, path: str) -> str:
    """A ``---``/``+++`` header's name: as it is, or quoted and escaped as git writes a name
    that is not printable, so that a newline or an escape sequence in a file's name cannot
    forge a line of the diff or reach the terminal."""
    from .report import printable

    name = side + path
    if name.isprintable() and '"' not in name:
        return name
    return '"' + printable(name).replace('"', '\\"') + '"'
