"""presslint: a fast, precise linter for press releases.

The Python API, for a CMS or a batch job, runs the same engine as the command line::

    import presslint
    for d in presslint.check_text("Teh deal closed.  It adds staff.\\n"):
        print(d.code, d.message)

``config`` is a :class:`presslint.config.Config`; ``None`` means the built-in defaults
(no configuration file or words file is looked for: pass
``presslint.config.discover(Path.cwd())`` for the command line's behaviour).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ._version import __version__

__all__ = ["__version__", "check_paths", "check_text"]

if TYPE_CHECKING:
    from .config import Config
    from .diagnostic import Diagnostic
    from .kinds import Kind

_checkers_cache: dict[str, list[Kind]] = {}


def _checkers(config: Config) -> list[Kind]:
    from .engine import load_selected

    key = repr(config)
    if key not in _checkers_cache:
        _checkers_cache[key] = load_selected(config)
    return _checkers_cache[key]


def check_text(text: str, path: str | None = None, config: Config | None = None) -> list[Diagnostic]:
    """Diagnostics for ``text``, sorted by position. ``path`` names it in the diagnostics
    and tells its kind by extension (``.md``, ``.html``; default plain text)."""
    from .config import Config
    from .decoding import Decoded
    from .document import Document
    from .engine import check_document

    config = config or Config()
    doc = Document.from_decoded(path or "<text>", Decoded(text, "utf-8", bom=False))
    return check_document(doc, _checkers(config))


def check_paths(paths: Iterable[str | Path], config: Config | None = None) -> list[Diagnostic]:
    """Diagnostics for files and directories (walked as on the command line).

    Raises :class:`OSError` naming the first path that cannot be read.
    """
    from .config import Config
    from .runner import check_files
    from .sources import collect

    config = config or Config()
    selection = collect([str(p) for p in paths], config.include, config.exclude, config.extend_include,
                        config.extend_exclude)
    if selection.errors:
        raise OSError(str(selection.errors[0]))
    diagnostics: list[Diagnostic] = []
    for result in check_files(selection.files, _checkers(config), config, jobs=1):
        if result.error:
            raise OSError(result.error)
        diagnostics.extend(result.diagnostics)
    return diagnostics
