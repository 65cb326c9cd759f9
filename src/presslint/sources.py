"""Expand the paths given on the command line into the files to check.

A file named explicitly is always checked, whatever its extension and the excludes. A
folder is walked for the files that match the include patterns, leaving out hidden files
and folders, what the exclude patterns name (by default :data:`DEFAULT_EXCLUDE` and any
folder holding a ``pyvenv.cfg``: a virtual environment), and what the ``.gitignore``
files say (:mod:`presslint.gitignore`).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase, translate
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .errors import SourceError

if TYPE_CHECKING:
    from .gitignore import GitIgnores

__all__ = ["DEFAULT_EXCLUDE", "DEFAULT_INCLUDE", "MAX_FILE_BYTES", "Selection", "SourceError", "collect", "matches",
           "read", "read_stdin"]

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.docx")
# Word's lock file beside an open document ("~$release.docx"): a few bytes, never a release.
LOCK_FILE_PREFIX = "~$"
# Folders that hold tools' files, not releases: version control, virtual environments
# (any folder with a pyvenv.cfg too), packages, build output and caches. Hidden folders
# are never walked anyway; their names are here so that the list reads as what it means.
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "site-packages",
    "__pypackages__", "build", "dist", "_build", ".eggs", "__pycache__", ".mypy_cache",
    ".pytest_cache", ".ruff_cache",
)
VENV_MARKER = "pyvenv.cfg"
# The largest file checked. A release is a few KB and a year of them back to back some MB;
# a file over this is an archive or a disk image (or an 8 GB sparse file), whose check would
# need gigabytes of memory: one error line names it instead, before a byte is read.
MAX_FILE_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class Selection:
    files: list[Path]
    errors: list[SourceError]  # paths that cannot be checked: one error line each, exit 2
    # Files a walk met and left out, which are not errors: a broken symbolic link, a FIFO.
    skipped: list[SourceError] = field(default_factory=list)
    # The files named on the command line, not found by a walk: one of them that is not
    # text (a PDF, an image) is an error, where a walk's is only skipped and counted.
    named: set[Path] = field(default_factory=set)


class _Patterns:
    """Exclude globs, compiled once: a pattern with a slash matches the path from the
    walked folder (or its end), others match a name ("drafts" excludes every folder named
    drafts). One regex each, run in C, not one fnmatch per pattern and path."""

    def __init__(self, patterns: Sequence[str]) -> None:
        names = [p.rstrip("/") for p in patterns if "/" not in p.rstrip("/")]
        paths = [p.strip("/") for p in patterns if "/" in p.rstrip("/")]
        self.name = _compiled(names)
        self.path = _compiled([*paths, *("*/" + p for p in paths)])

    def __bool__(self) -> bool:
        return self.name is not None or self.path is not None

    def match(self, folder: str, name: str) -> bool:
        """Whether ``name`` in ``folder`` (from the walked folder: "" or "a/b/") is excluded,
        its folders being walked (so not excluded)."""
        return bool((self.name and self.name(name)) or (self.path and self.path(folder + name)))


def _compiled(globs: Sequence[str]) -> Callable[[str], re.Match[str] | None] | None:
    return re.compile("|".join(map(translate, globs))).match if globs else None


def matches(path: PurePosixPath, patterns: Iterable[str]) -> bool:
    """Whether ``path`` matches a glob: patterns with a slash match the whole path,
    others match any one part of it (per-file-ignores: "legal/*.txt")."""
    text = path.as_posix()
    for pattern in patterns:
        if "/" in pattern.rstrip("/"):
            if fnmatchcase(text, pattern.strip("/")) or fnmatchcase(text, "*/" + pattern.strip("/")):
                return True
        elif any(fnmatchcase(part, pattern.rstrip("/")) for part in path.parts):
            return True
    return False


def is_word_document(name: str) -> bool:
    """Whether ``name`` is a Word document's (read by docx.py, never written), in any case."""
    return name.lower().endswith(".docx")


def collect(paths: Iterable[str], include: Sequence[str] | None = None, exclude: Sequence[str] | None = None,
            extend_include: Sequence[str] = (), extend_exclude: Sequence[str] = ()) -> Selection:
    """Files to check, in a stable order; errors for paths that are missing or empty of files.

    ``include`` and ``exclude`` replace the defaults (None: the defaults); the ``extend_``
    patterns add to what they give.
    """
    included = (*(include or DEFAULT_INCLUDE), *extend_include)
    excluded = _Patterns((*(DEFAULT_EXCLUDE if exclude is None else exclude), *extend_exclude))
    skip_venvs = exclude is None
    files: list[Path] = []
    errors: list[SourceError] = []
    skipped: list[SourceError] = []
    seen: set[Path] = set()
    named: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            from .gitignore import GitIgnores  # only a walk reads .gitignore files

            before = len(errors)
            walk = _walk(path, included, excluded, skip_venvs, GitIgnores(path), errors, skipped)
            found = [f for f in walk if f not in seen]
            if not found and len(errors) == before and not any(
                    True for _ in _walk(path, included, _Patterns(()), False, None, [], [])):
                errors.append(SourceError(str(raw), None, f"no files to check (looked for {', '.join(included)})"))
            seen.update(found)
            files.extend(found)
        elif path.exists() or path.is_symlink():
            if not path.exists():
                errors.append(SourceError(str(raw), None, _broken_link(path)))
            elif not path.is_file():
                errors.append(SourceError(str(raw), None, "not a regular file"))  # a FIFO would block
            else:
                named.add(path)  # a walk may have found it first
                if path not in seen:  # named, so checked whatever the excludes (as Ruff does)
                    seen.add(path)
                    files.append(path)
        else:
            errors.append(SourceError(str(raw), None, _missing(path)))
    return Selection(files, errors, skipped, named)


def _broken_link(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
    return "broken symbolic link"


def _missing(path: Path) -> str:
    """Why ``path``, which does not seem to exist, cannot be checked: it may exist in a folder
    that cannot be searched, or have a name too long for the system."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            return f"cannot read ({exc.strerror or exc})"
    return "no such file or directory"


def _walk(root: Path, include: Sequence[str], exclude: _Patterns, skip_venvs: bool,
          ignores: GitIgnores | None, errors: list[SourceError], skipped: list[SourceError]) -> Iterator[Path]:
    """The files below ``root`` to check; a folder that cannot be searched (permission
    denied, a path longer than the system allows) is added to ``errors``, an included name
    that is not a regular file to ``skipped``: nothing is left out without a word."""
    included = re.compile("|".join(map(translate, include))).match  # one match a name, not one per pattern

    def unsearchable(exc: OSError) -> None:
        errors.append(SourceError(str(Path(exc.filename or root)), None,
                                  f"cannot search the folder ({exc.strerror or exc}); its files are not checked"))

    for folder, subfolders, names in os.walk(root, onerror=unsearchable):
        relative = Path(folder).relative_to(root).as_posix()
        relative = "" if relative == "." else relative + "/"
        ignored = ignores.enter(folder, names) if ignores is not None else None
        subfolders[:] = sorted(
            name for name in subfolders
            if not name.startswith(".")
            and not (exclude and exclude.match(relative, name))
            and not (skip_venvs and os.path.isfile(os.path.join(folder, name, VENV_MARKER)))
            and not (ignored and ignored(name, True))
        )
        for name in sorted(names):
            if name.startswith((".", LOCK_FILE_PREFIX)) or not included(name):
                continue
            # Paths are built only for the files a pattern includes: a folder of 1,000
            # releases costs a few ms.
            if exclude and exclude.match(relative, name):
                continue
            if ignored and ignored(name, False):
                continue
            found = Path(folder, name)
            try:
                regular = stat.S_ISREG(os.stat(found).st_mode)  # not a FIFO or socket, which would block
            except OSError:
                regular = False
            if regular:
                yield found
            else:
                _left_out(found, errors, skipped)


def _left_out(path: Path, errors: list[SourceError], skipped: list[SourceError]) -> None:
    """Say why a walk does not check ``path``, an included name that is no regular file."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            skipped.append(SourceError(str(path), None, "skipped, broken symbolic link"))
        elif exc.errno == errno.ELOOP:
            skipped.append(SourceError(str(path), None, "skipped, symbolic link loop"))
        elif exc.errno != errno.ENOENT:  # deleted since the folder was listed: nothing to say
            errors.append(SourceError(str(path), None, f"cannot read ({exc.strerror or exc})"))
        return
    skipped.append(SourceError(str(path), None, "skipped, not a regular file"))


def read(path: Path) -> bytes:
    """The bytes of the file at ``path``, at most :data:`MAX_FILE_BYTES` of them. Opened
    without waiting, so that a FIFO or a device put in a file's place since the walk is
    refused, not waited on or read forever."""
    from .userfiles import NotRegular, TooLarge, read_bytes

    try:
        return read_bytes(path, MAX_FILE_BYTES)
    except NotRegular as exc:
        raise SourceError(str(path), None, "is a directory" if exc.folder else "not a regular file") from None
    except TooLarge as exc:
        raise _too_large(str(path), exc.size) from None
    except PermissionError:
        raise SourceError(str(path), None, "permission denied") from None
    except OSError as exc:
        raise SourceError(str(path), None, f"cannot read ({exc.strerror or exc})") from None


def read_stdin() -> bytes:
    """Standard input's bytes, at most :data:`MAX_FILE_BYTES` (``< /dev/zero`` ends)."""
    import sys

    if sys.stdin is None:
        raise SourceError("-", None, "standard input is closed")
    try:
        data: bytes = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        return _capped("-", len(data), data)
    except OSError as exc:
        raise SourceError("-", None, f"cannot read standard input ({exc.strerror or exc})") from None


def _capped(name: str, size: int, data: bytes = b"") -> bytes:
    """``data`` (``size`` bytes), unless that is more than a file may have."""
    if size > MAX_FILE_BYTES:
        raise _too_large(name, size)
    return data


def _too_large(name: str, size: int) -> SourceError:
    shown = f"{size / 2**20:,.0f} MB" if size > MAX_FILE_BYTES + 1 else f"over {MAX_FILE_BYTES // 2**20} MB"
    return SourceError(name, None, f"too large to check ({shown}; the limit is {MAX_FILE_BYTES // 2**20} MB)")
