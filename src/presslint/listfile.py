"""Read a list file of the user's (terms, accepted words): one entry a line."""

from __future__ import annotations

from pathlib import Path

from .errors import UserFileError
from .userfiles import MAX_LIST_BYTES, read_bytes


def read_list_file(path: Path, what: str) -> list[str]:
    """The entries of a list file (``what``: "terms file", "words file"): one a line,
    blank lines and '#' comments ignored, a byte-order mark allowed. Only a regular file
    of at most 16 MB is read (not /dev/zero, a FIFO or a device)."""
    try:
        text = read_bytes(path, MAX_LIST_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UserFileError(str(path), None, f"cannot read the {what} ({reason})") from None
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [entry for entry in entries if entry]
