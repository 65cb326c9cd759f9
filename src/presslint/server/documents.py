"""Which documents the server checks, and as what: the syntaxes presslint reads, told by
the file's extension when it is one presslint knows, else by the editor's languageId (an
unsaved buffer, a file with another name)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..document import MARKUP_EXTENSIONS

if TYPE_CHECKING:
    from .. import Syntax

_BY_EXTENSION: dict[str, Syntax] = {**MARKUP_EXTENSIONS, ".txt": "text", ".text": "text"}
_BY_LANGUAGE: dict[str, Syntax] = {"plaintext": "text", "text": "text", "markdown": "markdown", "html": "html"}


def path_of(uri: str) -> Path | None:
    """The file a ``file:`` URI names; None for other schemes (an unsaved buffer)."""
    from pygls.uris import to_fs_path, uri_scheme

    if uri_scheme(uri) != "file":
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def syntax_of(path: Path | None, language_id: str | None) -> Syntax | None:
    """How presslint reads the document; None for one it does not check (code, data)."""
    if path is not None and path.suffix.lower() in _BY_EXTENSION:
        return _BY_EXTENSION[path.suffix.lower()]
    return _BY_LANGUAGE.get(language_id or "")
