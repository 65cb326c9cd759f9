"""Expand the paths given on the command line into the files to check."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase, translate
from pathlib import Path, PurePosixPath

from .errors import SourceError

__all__ = ["Selection", "SourceError", "collect", "matches", "read"]

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True)
class Selection:
    files: list[Path]
    errors: list[SourceError]


def matches(path: PurePosixPath, patterns: Iterable[str]) -> bool:
    """Whether ``path`` matches a glob: patterns with a slash match the whole path,
    others match any one part of it ("drafts" excludes every folder named drafts)."""
    text = path.as_posix()
    for pattern in patterns:
        if "/" in pattern.rstrip("/"):
            if fnmatchcase(text, pattern.strip("/")) or fnmatchcase(text, "*/" + pattern.strip("/")):
                return True
        elif any(fnmatchcase(part, pattern.rstrip("/")) for part in path.parts):
            return True
    return False


def collect(paths: Iterable[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Selection:
    """Files to check, in a stable order; errors for paths that are missing or empty of files.

    A file named explicitly is checked whatever its extension (but not if excluded);
    directories are walked for files that match ``include``.
    """
    include = include or DEFAULT_INCLUDE
    files: list[Path] = []
    errors: list[SourceError] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [f for f in _walk(path, include, exclude) if f not in seen]
            if not found and not any(True for _ in _walk(path, include, ())):
                errors.append(SourceError(str(raw), None, f"no files to check (looked for {', '.join(include)})"))
            seen.update(found)
            files.extend(found)
        elif path.exists() or path.is_symlink():
            if not path.exists():
                errors.append(SourceError(str(raw), None, "broken symbolic link"))
            elif not path.is_file():
                errors.append(SourceError(str(raw), None, "not a regular file"))  # a FIFO would block
            elif not matches(PurePosixPath(path.as_posix()), exclude) and path not in seen:
                seen.add(path)
                files.append(path)
        else:
            errors.append(SourceError(str(raw), None, "no such file or directory"))
    return Selection(files, errors)


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path]:
    included = re.compile("|".join(map(translate, include))).match  # one match a name, not one per pattern
    for folder, subfolders, names in os.walk(root):
        relative = PurePosixPath(Path(folder).relative_to(root).as_posix())
        subfolders[:] = sorted(
            name for name in subfolders
            if not name.startswith(".") and name not in SKIPPED_FOLDERS
            and not matches(relative / name, exclude)
        )
        for name in sorted(names):
            if name.startswith(".") or not included(name):
                continue
            # Paths are built only for the files a pattern includes, and the exclusions
            # read only when there are some: a folder of 1,000 releases costs a few ms.
            if exclude and matches(relative / name, exclude):
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
