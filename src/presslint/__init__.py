"""presslint: a fast, precise linter for press releases.

The Python API, for a CMS, a batch job or the language server, runs the same engine as
the command line::

    import presslint
    for d in presslint.check_text("Teh deal closed.  It adds staff.\\n"):
        print(d.code, d.message)

``config`` is a :class:`presslint.config.Config`; ``None`` means the built-in defaults
(no configuration file or words file is looked for: pass
``presslint.config.discover(Path.cwd())`` for the command line's behaviour).
docs/api.md has more.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ._version import __version__

__all__ = ["__version__", "check_paths", "check_text"]

if TYPE_CHECKING:
    from datetime import date

    from .config import Config
    from .diagnostic import Diagnostic
    from .kinds import Kind

Syntax = Literal["text", "markdown", "html"]

# The checkers of each configuration, with the state of the files it names when they were
# built: a long-running caller (the language server) sees an edited words file or pack.
# The few most recently built are kept: each edit of a configuration file makes a new one.
_checkers_cache: dict[str, tuple[tuple[object, ...], list[Kind]]] = {}
_CHECKERS_KEPT = 16


def _stamp(config: Config) -> tuple[object, ...]:
    """The state of each file ``config`` reads when its rules are built."""
    from .userfiles import stamps

    return stamps([config.path, config.words_file, config.terms_file, config.facts, *config.rules])


def _checkers(config: Config) -> list[Kind]:
    from . import vocabulary
    from .engine import load_selected

    key = repr(config)
    stamp = _stamp(config)
    cached = _checkers_cache.get(key)
    if cached is None or cached[0] != stamp:
        # Rare (a first call, an edited file): the words files are read again with it, since
        # one may have changed since another configuration naming it was built.
        vocabulary.forget_files()
        built = load_selected(config)
        _checkers_cache.pop(key, None)
        while len(_checkers_cache) >= _CHECKERS_KEPT:
            del _checkers_cache[next(iter(_checkers_cache))]  # the oldest built
        _checkers_cache[key] = (stamp, built)
    return _checkers_cache[key][1]


def check_text(text: str, path: str | None = None, config: Config | None = None, *,
               syntax: Syntax | None = None, release_date: date | None = None) -> list[Diagnostic]:
    """Diagnostics for ``text``, sorted by position; offsets count code points in the text
    with every line break read as one ``\\n``.

    ``path`` names it in the diagnostics, tells its syntax by extension (``.md``,
    ``.html``; default plain text) and is matched against ``per-file-ignores``.
    ``syntax`` overrides the extension (an editor's unsaved buffer); ``release_date``
    overrides the configuration's, as ``--release-date`` does. Raises
    :class:`presslint.errors.UserError` for a configuration whose rules cannot be built
    (a broken pack, an unreadable words file). A words, terms or facts file, or a pack,
    edited between two calls is read again.
    """
    from .config import Config
    from .decoding import Decoded
    from .document import Document
    from .engine import check_document
    from .selection import rules_for

    config = config or Config()
    if release_date is not None:
        config = config.merged(release_date=release_date)
    name = path or "<text>"
    doc = Document.from_decoded(name, Decoded(text, "utf-8", bom=False))
    if syntax is not None:
        doc.syntax = syntax
    checkers = _checkers(config)
    return check_document(doc, rules_for(name, checkers, config) if path else checkers)


def check_paths(paths: Iterable[str | Path], config: Config | None = None) -> list[Diagnostic]:
    """Diagnostics for files and directories (walked as on the command line).

    Raises :class:`OSError` naming the first path that cannot be read, and the first file
    named in ``paths`` that is not text (a PDF, an image: the command line's exit 2); such
    a file found by walking a folder is skipped, as on the command line.
    """
    from .config import Config
    from .runner import check_files
    from .sources import collect

    config = config or Config()
    selection = collect([str(p) for p in paths], config.include, config.exclude, config.extend_include,
                        config.extend_exclude)
    if selection.errors:
        raise OSError(str(selection.errors[0]))
    named = {str(path) for path in selection.named}
    diagnostics: list[Diagnostic] = []
    for result in check_files(selection.files, _checkers(config), config, jobs=1):
        if result.error:
            raise OSError(result.error)
        if result.not_text is not None and result.path in named:
            raise OSError(f"{result.path}: cannot check {result.not_text.name}: {result.not_text.advice}")
        diagnostics.extend(result.diagnostics)
    return diagnostics
