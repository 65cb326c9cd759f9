"""The files a configuration brings in (itself, rule packs, fact sheets, terms and words
files) are data from whoever wrote the configuration, so they are read with care.

Read: only a regular file, and only up to a size limit, so that a path that is
``/dev/zero``, a FIFO, a device or a 20 MB file is one line of error, never a read
that hangs or fills the memory. (The file is looked at with ``stat`` before it is
opened: opening a FIFO would wait for a writer.)

Named: a path a configuration gives (``rules``, ``words-file``, ``terms-file``,
``facts``, ``paths``, ``output-file``) must lie inside the configuration's project: the
git work tree that holds the configuration file, else its folder. A configuration
cloned with a repository could otherwise read ``~/.ssh`` or ``../../.env`` into the
findings, or write a report over any file. The command line's
``--allow-outside-paths`` lifts this; a configuration cannot grant it to itself.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from functools import cache
from pathlib import Path

# A configuration, pack or fact sheet is a few KB (the largest bundled pack is 42 KB).
MAX_YAML_BYTES = 4 * 1024 * 1024
# A words or terms file may hold a large glossary.
MAX_LIST_BYTES = 16 * 1024 * 1024


class Refused(OSError):
    """Not a file presslint reads: ``strerror`` says why, as an OSError's does, so the
    callers' "cannot read" messages show it."""

    def __init__(self, reason: str) -> None:
        super().__init__(errno.EINVAL, reason)


class NotRegular(Refused):
    """A folder (``folder``), or a device, FIFO or socket."""

    def __init__(self, reason: str, folder: bool) -> None:
        super().__init__(reason)
        self.folder = folder


class TooLarge(Refused):
    """Over the limit: ``size`` bytes, or more (the bytes read when the file grew)."""

    def __init__(self, reason: str, size: int) -> None:
        super().__init__(reason)
        self.size = size


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (a file to check, a configuration, a pack, a
    words file): :class:`NotRegular` for a folder, device, FIFO or socket, :class:`TooLarge`
    past ``limit`` bytes (told from ``stat`` before a byte is read), any other OSError as
    the system raises it. Opened without waiting, so a FIFO put in the file's place since it
    was found is refused, not waited on."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise NotRegular("it is a folder", folder=True) from None
    try:
        info = os.fstat(descriptor)
    except OSError:
        os.close(descriptor)
        raise
    if not stat.S_ISREG(info.st_mode):  # before open(), which refuses a folder's descriptor
        os.close(descriptor)
        folder = stat.S_ISDIR(info.st_mode)
        raise NotRegular("it is a folder" if folder else "not a regular file (a device, FIFO or socket)", folder)
    with open(descriptor, "rb") as handle:
        if info.st_size > limit:
            raise TooLarge(_too_large(info.st_size, limit), info.st_size)
        data: bytes = handle.read(limit + 1)  # a file that grows, or lies about its size (/proc)
    if len(data) > limit:
        raise TooLarge(_too_large(len(data), limit), len(data))
    return data


def _too_large(size: int, limit: int) -> str:
    return f"{_megabytes(size)} is over the limit of {_megabytes(limit)}"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size > 1024 * 1024 else f"{size} bytes"


@cache
def project_of(config_file: Path) -> Path:
    """The project a configuration file belongs to: the git work tree that holds it (the
    nearest folder with a ``.git``), else the file's own folder."""
    folder = config_file.resolve().parent
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return folder


def outside(path: Path, config_file: Path) -> Path | None:
    """The project of ``config_file`` when ``path`` (a path the configuration names, links
    followed) lies outside it; None when it is inside."""
    root = project_of(config_file)
    return None if path.resolve().is_relative_to(root) else root


def stamps(paths: Iterable[Path | None]) -> tuple[tuple[int, int, int] | None, ...]:
    """Each file's modification time, size and inode (None for one that is missing or not
    named): a few stat calls, no reading, that tell a long-running caller (the API, the
    language server) whether a file it read may have changed since."""
    found: list[tuple[int, int, int] | None] = []
    for path in paths:
        try:
            status = os.stat(path) if path is not None else None
        except OSError:
            status = None
        found.append(None if status is None else (status.st_mtime_ns, status.st_size, status.st_ino))
    return tuple(found)
