"""Expand the paths given on the command line into the files to check.

A file named explicitly is always checked, whatever its extension and the excludes. A
folder is walked for the files that match the include patterns, leaving out hidden files
and folders, what the exclude patterns name (by default :data:`DEFAULT_EXCLUDE` and any
folder holding a ``pyvenv.cfg``: a virtual environment), and what the ``.gitignore``
files say (:mod:`presslint.gitignore`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase, translate
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .errors import SourceError

if TYPE_CHECKING:
    from .gitignore import GitIgnores

__all__ = ["DEFAULT_EXCLUDE", "DEFAULT_INCLUDE", "Selection", "SourceError", "collect", "matches", "read"]

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
# Folders that hold tools' files, not releases: version control, virtual environments
# (any folder with a pyvenv.cfg too), packages, build output and caches. Hidden folders
# are never walked anyway; their names are here so that the list reads as what it means.
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "site-packages",
    "__pypackages__", "build", "dist", "_build", ".eggs", "__pycache__", ".mypy_cache",
    ".pytest_cache", ".ruff_cache",
)
VENV_MARKER = "pyvenv.cfg"


@dataclass(frozen=True)
class Selection:
    files: list[Path]
    errors: list[SourceError]


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
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            from .gitignore import GitIgnores  # only a walk reads .gitignore files

            found = [f for f in _walk(path, included, excluded, skip_venvs, GitIgnores(path)) if f not in seen]
            if not found and not any(True for _ in _walk(path, included, _Patterns(()), False, None)):
                errors.append(SourceError(str(raw), None, f"no files to check (looked for {', '.join(included)})"))
            seen.update(found)
            files.extend(found)
        elif path.exists() or path.is_symlink():
            if not path.exists():
                errors.append(SourceError(str(raw), None, "broken symbolic link"))
            elif not path.is_file():
                errors.append(SourceError(str(raw), None, "not a regular file"))  # a FIFO would block
            elif path not in seen:  # named, so checked whatever the excludes (as Ruff does)
                seen.add(path)
                files.append(path)
        else:
            errors.append(SourceError(str(raw), None, "no such file or directory"))
    return Selection(files, errors)


def _walk(root: Path, include: Sequence[str], exclude: _Patterns, skip_venvs: bool,
          ignores: GitIgnores | None) -> Iterator[Path]:
    included = re.compile("|".join(map(translate, include))).match  # one match a name, not one per pattern
    for folder, subfolders, names in os.walk(root):
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
            if name.startswith(".") or not included(name):
                continue
            # Paths are built only for the files a pattern includes: a folder of 1,000
            # releases costs a few ms.
            if exclude and exclude.match(relative, name):
                continue
            if ignored and ignored(name, False):
                continue
            found = Path(folder, name)
            if found.is_file():  # not a FIFO or socket, which would block or fail
                yield found


def read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise SourceError(str(path), None, "is a directory") from None
    except PermissionError:
        raise SourceError(str(path), None, "permission denied") from None
    except OSError as exc:
        raise SourceError(str(path), None, f"cannot read ({exc.strerror or exc})") from None
