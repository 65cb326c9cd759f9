"""The result cache: what checking a file found, kept so that a file checked before, with
the same configuration, is not checked again (as Ruff's ``.ruff_cache``).

An entry is one file's result, named by a hash of everything the result depends on: this
presslint (its version, and the size and modification time of each of its own files, so
that an edited checkout never serves old findings), Python's version, the configuration
that checks the file (every key that can change a finding, the content of the packs and of
the words, terms and facts files it names), the file's name as reported (it decides the
syntax and ``per-file-ignores``) and a hash of the file's bytes. A change to any of them is
another name: a miss, never a stale hit. Entries are written to a temporary file and
renamed into place, so that runs at the same time never see half an entry; one that cannot
be read or parsed is a miss. Entries not used for :data:`MAX_AGE` seconds, and the least
recently used beyond :data:`MAX_BYTES`, are removed once a day (by the file system's clock:
a file's modification time says when its entry was last used; presslint reads no clock).

The cache is used only by a check of files on disk (`check` without ``--fix``/``--diff``,
without grammar backends, with ``consistency: document``): fixing, a remote backend and
the cross-file pass read it never (runner.check_files, cli.check). The entries are JSON:
nothing in a cache folder is executed, whoever wrote it.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ._version import __version__
from .digest import digest as _digest

if TYPE_CHECKING:
    from .config import Config
    from .results import FileResult

__all__ = ["NAME", "Deferred", "ResultCache", "clean", "enabled", "location"]

T = TypeVar("T")

NAME = ".presslint_cache"
# Bumped when what an entry holds changes: entries of another format are other names.
FORMAT = "1"
MAX_AGE = 30 * 24 * 3600  # an entry not used for 30 days is removed
MAX_BYTES = 512 * 1024 * 1024  # beyond it, the least recently used entries are removed
_PRUNE_EVERY = 24 * 3600
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by presslint.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")
_GITIGNORE = "# Created by presslint automatically.\n*\n"
# The Config fields that cannot change a finding: how the run walks, reports and exits.
# Every other field is part of an entry's name, so a key added later is, until listed here.
_NOT_FINDINGS = frozenset({
    "lines", "given", "discovered", "paths", "include", "exclude", "extend_include", "extend_exclude",
    "output_format", "output_file", "fail_on", "quiet", "exit_zero", "statistics", "jobs", "unsafe_fixes",
    "show_release_date", "backend_required", "cache", "cache_dir"})


def location(config: Config) -> Path:
    """The cache folder: ``--cache-dir``, else ``PRESSLINT_CACHE_DIR``, else the
    configuration's ``cache-dir``, else ``.presslint_cache`` in the project's root (the
    folder of the run's configuration file, or the current folder)."""
    if "cache_dir" in config.given and config.cache_dir is not None:
        return config.cache_dir
    environment = os.environ.get("PRESSLINT_CACHE_DIR")
    if environment:
        return Path(environment).absolute()
    if config.cache_dir is not None:
        return config.cache_dir
    return (config.path.parent if config.path is not None else Path.cwd()) / NAME


def enabled(config: Config) -> bool:
    """``--cache``/``--no-cache``, else not when ``PRESSLINT_NO_CACHE`` is set, else the
    configuration's ``cache`` (default: true)."""
    if "cache" in config.given:
        return config.cache
    return config.cache and not os.environ.get("PRESSLINT_NO_CACHE")


class Deferred(Sequence[T]):
    """A list made the first time it is read (the run's checkers, which a run served
    from the cache never needs)."""

    def __init__(self, make: Callable[[], list[T]]) -> None:
        self._make: Callable[[], list[T]] | None = make
        self._items: list[T] = []

    @property
    def items(self) -> list[T]:
        if self._make is not None:
            self._items, self._make = self._make(), None
        return self._items

    def __getitem__(self, index: Any) -> Any:  # Sequence's overloads, as list's
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)


_code: str | None = None


def _code_fingerprint() -> str:
    """This presslint's own files (code, word lists, the built-in packs), by name, size and
    modification time: a checkout edited or switched without a version bump is another
    presslint. Once per process."""
    global _code
    if _code is None:
        from .bundled import builtin_pack_dir

        rows = [__version__, FORMAT, sys.version]
        for top in (Path(__file__).parent, builtin_pack_dir()):
            for folder, folders, names in os.walk(top):
                folders[:] = sorted(name for name in folders if name != "__pycache__")
                for name in sorted(names):
                    path = os.path.join(folder, name)
                    stat = os.stat(path)
                    rows.append(f"{os.path.relpath(path, top)}\0{stat.st_size}\0{stat.st_mtime_ns}")
        _code = _digest("\n".join(rows).encode("utf-8", "surrogateescape"))
    return _code


def config_key(config: Config) -> str | None:
    """What of ``config`` can change a file's findings, as a hash; None when a file it
    names cannot be read now (such a configuration is not cached)."""
    from dataclasses import fields

    from .packs import builtin_packs

    try:
        rows = [_code_fingerprint(), repr(config.settings())]
        rows += [f"{f.name}={getattr(config, f.name)!r}" for f in fields(config) if f.name not in _NOT_FINDINGS]
        files = [*builtin_packs(), *config.rules, config.words_file, config.terms_file, config.facts]
        rows += [f"{path}\0{_file_digest(path)}" for path in files if path is not None]
    except OSError:
        return None
    return _digest("\n".join(rows).encode("utf-8", "surrogateescape"))


_MAX_NAMED_FILE = 64 * 1024 * 1024


def _file_digest(path: Path) -> str:
    """A hash of a file the configuration names; OSError unless it is a regular file of a
    sane size (a FIFO or /dev/zero is refused by the check that reads it, never read here)."""
    import stat

    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_NAMED_FILE:
        raise OSError(f"{path}: not cached")
    return _digest(path.read_bytes())


class ResultCache:
    """One cache folder. Plain attributes only: it goes to the worker processes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.results = os.path.join(folder, "results")  # a string: a run joins it a thousand times
        self.pruned: float | None = None  # when the entries were last pruned (0: never)

    def _entry(self, key: str, name: str, data: bytes) -> tuple[str, str]:
        digest = _digest(f"{key}\0{name}\0{_digest(data)}".encode("utf-8", "surrogateescape"))
        return os.path.join(self.results, digest[:2], digest[2:] + ".json"), digest

    def lookup(self, key: str, name: str, data: bytes) -> tuple[str, str] | None:
        """Where the entry of ``name`` with these bytes is, if there is one (it is read
        by :meth:`load`, when its turn comes)."""
        entry = self._entry(key, name, data)
        return entry if os.path.isfile(entry[0]) else None

    def load(self, entry: tuple[str, str], name: str) -> FileResult | None:
        """The result an entry holds; None when it is gone, unreadable or damaged."""
        path, digest = entry
        try:
            with open(path, "rb") as handle:
                stored = json.loads(handle.read())
                if os.fstat(handle.fileno()).st_mtime < self._last_pruned():
                    os.utime(path)  # used since the last pruning: kept by the next
            if stored["key"] != digest or stored["path"] != name:
                return None
            return _result(stored)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None

    def store(self, key: str, name: str, data: bytes, result: FileResult) -> None:
        """Keep ``result`` (of ``name`` with the bytes ``data``); a result with an error,
        or that the cross-file pass needs, is not kept. A cache that cannot be written is
        only a slower run."""
        if result.error or result.summaries or result.backend_warnings or result.fixed or result.diff:
            return
        entry, digest = self._entry(key, name, data)
        text = json.dumps({"key": digest, **_stored(result)}, separators=(",", ":"))
        path = Path(entry)
        try:
            if not path.parent.is_dir():
                self._make_folder(path.parent)
            _write(path, text)
        except OSError:
            pass

    def _make_folder(self, folder: Path) -> None:
        """The entries' folder; the cache folder first, tagged (CACHEDIR.TAG: backup tools
        leave it out) and ignored by git, as Ruff's is."""
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", _GITIGNORE)):
            if not (self.folder / name).exists():
                _write(self.folder / name, text)
        folder.mkdir(parents=True, exist_ok=True)

    def _last_pruned(self) -> float:
        if self.pruned is None:
            try:
                self.pruned = (self.folder / "results" / "PRUNED").stat().st_mtime
            except OSError:
                self.pruned = 0.0
        return self.pruned

    def close(self) -> None:
        """At the end of a run that wrote entries: removes the old ones, once a day."""
        results = self.folder / "results"
        try:
            _write(results / "LAST-RUN", "")  # its time is now, by the file system's clock
            now = (results / "LAST-RUN").stat().st_mtime
            self.pruned = None
            if now - self._last_pruned() >= _PRUNE_EVERY:
                _write(results / "PRUNED", "")
                prune(self.folder, now)
        except OSError:
            pass


# The check of the files that missed (their indexes in the run's files), given the
# configurations' keys (by id): what runner.check_files passes to :func:`cached`.
Check = Callable[[list[int], dict[int, "str | None"]], Iterator["FileResult"]]


def cached(cache: ResultCache, files: Sequence[Path], configs: Sequence[Config], check: Check) -> Iterator[FileResult]:
    """The results of ``files`` (each checked with its configuration), in order: from the
    cache when there, else from ``check``, which keeps them. Every file is looked up
    first, so that the files to check go to the processes together; a hit is read when its
    turn comes (a damaged one is checked then)."""
    from .errors import SourceError
    from .sources import read

    # Each configuration's key first, before its checkers are built from the same files.
    keys = {id(config): config_key(config) for config in {id(config): config for config in configs}.values()}
    found: list[tuple[str, str] | None] = []
    for path, config in zip(files, configs, strict=True):
        key, entry = keys[id(config)], None
        if key is not None:
            try:
                entry = cache.lookup(key, str(path), read(path))
            except SourceError:
                pass  # the check says why
        found.append(entry)
    misses = [i for i, entry in enumerate(found) if entry is None]
    checked = check(misses, keys) if misses else iter(())
    for i, entry in enumerate(found):
        result = None if entry is None else cache.load(entry, str(files[i]))
        if result is None:
            result = next(checked) if entry is None else _only(check([i], keys))
        yield result
    # Run the check of the misses to its end, so that its process pool is shut down now,
    # not by the garbage collector at exit (a generator left at its last yield).
    for _ in checked:
        pass
    if misses:
        cache.close()


def _only(results: Iterator[FileResult]) -> FileResult:
    """The one result of a check of one file, the check run to its end."""
    (result,) = results
    return result


_serial = itertools.count()


def _write(path: Path, text: str) -> None:
    """``text`` into ``path`` at once: a temporary file beside it, renamed into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{next(_serial)}.tmp")
    try:
        with open(temporary, "x", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _stored(result: FileResult) -> dict[str, Any]:
    """A result as JSON can hold it; each diagnostic as its flat pickling tuple, less the path."""
    if result.index is None:
        return {"path": result.path, "warning": result.warning, "not_text": result.not_text}
    return {"path": result.path, "warning": result.warning, "length": result.index.length,
            "starts": result.index.starts.tolist(), "snippets": list(result.snippets.items()),
            "diagnostics": [d.__reduce__()[1][1:] for d in result.diagnostics]}


def _result(stored: dict[str, Any]) -> FileResult:
    from .diagnostic import _diagnostic
    from .document import LineIndex
    from .results import FileResult

    path = stored["path"]
    if "starts" not in stored:
        from .formats import NotText

        not_text = stored.get("not_text")
        return FileResult(path, warning=stored["warning"], not_text=NotText(*not_text) if not_text else None)
    index = LineIndex.restored(stored["starts"], stored["length"])
    diagnostics = [_diagnostic(path, *row) for row in stored["diagnostics"]]
    snippets = {int(line): text for line, text in stored["snippets"]}
    return FileResult(path, diagnostics, index, snippets, warning=stored["warning"])


def _entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    for bucket in os.scandir(folder / "results"):
        if bucket.is_dir(follow_symlinks=False):
            yield from (entry for entry in os.scandir(bucket.path) if entry.is_file(follow_symlinks=False))


def prune(folder: Path, now: float, max_bytes: int = MAX_BYTES, max_age: float = MAX_AGE) -> int:
    """Remove the entries not used for ``max_age`` seconds before ``now`` (and temporary
    files a killed run left), then the least recently used beyond ``max_bytes``; the number
    removed."""
    kept: list[tuple[float, int, str]] = []
    removed = 0
    for entry in _entries(folder):
        try:
            stat = entry.stat(follow_symlinks=False)
            stale = entry.name.endswith(".tmp") and now - stat.st_mtime > 3600
            if stale or now - stat.st_mtime > max_age:
                os.unlink(entry.path)
                removed += 1
            else:
                kept.append((stat.st_mtime, stat.st_size, entry.path))
        except OSError:
            continue
    total = sum(size for _, size, _ in kept)
    for _, size, path in sorted(kept):
        if total <= max_bytes:
            break
        try:
            os.unlink(path)
            removed += 1
        except OSError:
            pass
        total -= size
    return removed


def clean(folder: Path) -> bool:
    """Remove the cache folder: the entries, the tag and .gitignore it made, the parsed YAML
    files when the folder holds those too (``PRESSLINT_CACHE_DIR``), and the folder if
    nothing else is in it (never a file presslint did not write). Whether there was a
    cache to remove."""
    import re
    import shutil

    results = folder / "results"
    found = results.is_dir()
    if found:
        shutil.rmtree(results)
    for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", _GITIGNORE)):
        path = folder / name
        try:
            if path.read_text(encoding="utf-8") == text:
                path.unlink()
                found = True
        except (OSError, UnicodeDecodeError):
            pass
    if folder.is_dir():
        for path in folder.iterdir():
            if re.fullmatch(r"yaml-[0-9a-f]{8,64}\.json", path.name) and path.is_file():
                path.unlink()
                found = True
    try:
        folder.rmdir()
    except OSError:
        pass
    return found
