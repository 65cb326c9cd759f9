"""Check files: read and decode each, then check it (or fix it); one after the other, or
in a pool of worker processes, in order."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .decoding import BinaryFileError, decode
from .document import Document
from .engine import cross_check, load_selected, result_of
from .errors import SourceError
from .results import FileResult
from .selection import rules_for
from .sources import is_word_document, read

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from .backends import Backend, BackendSpec
    from .cache import ResultCache
    from .config import Config
    from .configs import Nearest
    from .fix import FixMode
    from .kinds import Kind

    # A cache and the key of each configuration (by id), to keep the results in.
    Store = tuple[ResultCache, dict[int, str | None]]


def check_file(path: Path | str, checkers: Sequence[Kind], data: bytes | None = None,
               fix: FixMode | None = None, backends: Sequence[Backend] = ()) -> FileResult:
    name = str(path)
    if is_word_document(name):
        return _check_word_file(name, checkers, data, fix, backends)
    try:
        raw = read(Path(path)) if data is None else data
        decoded = decode(raw)
    except SourceError as exc:
        return FileResult(name, error=str(exc))
    except BinaryFileError as exc:
        return FileResult(name, not_text=exc.what)
    doc = Document.from_decoded(name, decoded)
    if fix is None:
        return result_of(doc, checkers, backends)
    from .fix import fix_document

    # Backends take no part in fixing: they are slow, may be remote, and their fixes unsafe.
    return fix_document(doc, checkers, fix, raw)


def _check_word_file(name: str, checkers: Sequence[Kind], data: bytes | None, fix: FixMode | None,
                     backends: Sequence[Backend]) -> FileResult:
    """A .docx, read through docx.py: checked, never written (--fix and --diff refused)."""
    from dataclasses import replace

    from .docx import is_layout, word_document

    try:
        doc = word_document(name, read(Path(name)) if data is None else data)
    except SourceError as exc:
        return FileResult(name, error=str(exc))
    except BinaryFileError as exc:  # another format named .docx (a PDF): as any file not text
        return FileResult(name, not_text=exc.what)
    result = result_of(doc, checkers, backends)
    # A whitespace finding on tabs alone is on Word's own layout (docx.py says why).
    kept = [diagnostic for diagnostic in result.diagnostics if not is_layout(doc, diagnostic)]
    if len(kept) < len(result.diagnostics):
        lines = {doc.lines.position(diagnostic.span.start)[0] for diagnostic in kept}
        result.diagnostics = kept
        result.snippets = {line: text for line, text in result.snippets.items() if line in lines}
    if fix is not None and result.diagnostics:
        from .fix import choose

        if choose(result.diagnostics, fix.unsafe):
            refused = "no fixes shown" if fix.action == "diff" else "not fixed"
            result.error = f"{name}: {refused}: presslint does not write Word documents; fix it in Word"
    # Nor does it offer fixes there: no "fixable with --fix" for a file --fix refuses.
    result.diagnostics = [replace(d, fix=None) if d.fix else d for d in result.diagnostics]
    return result


def check_files(files: Sequence[Path], checkers: Sequence[Kind], config: Config,
                jobs: int | None = None, fix: FixMode | None = None,
                backends: Sequence[Backend] = (), nearest: Nearest | None = None,
                cache: ResultCache | None = None) -> Iterator[FileResult]:
    """Results in the order of ``files``; with ``consistency: project``, only once every
    file is checked, since the cross-file checks need them all. With ``nearest``, a file
    below a configuration other than ``config`` is checked with that one's rules. With
    ``cache``, a file checked before is not checked again (never when fixing, with grammar
    backends or with the cross-file checks: the caller passes none then)."""
    # Every file's configuration is found first (a folder searched once).
    configs = [config] * len(files) if nearest is None else [nearest.for_path(path) for path in files]
    if cache is not None:
        from .cache import cached

        results = cached(cache, files, configs, lambda misses, keys: _check_each(
            [files[i] for i in misses], [configs[i] for i in misses], checkers, config, jobs, fix, backends,
            (cache, keys)))
    else:
        results = _check_each(files, configs, checkers, config, jobs, fix, backends)
    if config.consistency != "project":
        yield from results
        return
    collected = list(results)
    cross_check(collected, checkers)
    yield from collected


def _check_each(files: Sequence[Path], configs: Sequence[Config], checkers: Sequence[Kind], config: Config,
                jobs: int | None, fix: FixMode | None, backends: Sequence[Backend],
                store: Store | None = None) -> Iterator[FileResult]:
    """Each file checked with its configuration's rules (``checkers`` for the run's
    ``config``), each configuration's checkers built once; each result kept in the cache
    of ``store`` under its configuration's key."""
    distinct = list({id(found): found for found in configs}.values())
    # Built here first, in order, so that a mistake in a configuration is a UserError here.
    built = {id(found): list(checkers) if found is config else load_selected(found)
             for found in distinct}
    cache, keys = store or (None, {})
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < 2 * jobs:
        for path, found in zip(files, configs, strict=True):
            yield _check(path, rules_for(str(path), built[id(found)], found), fix, backends, cache,
                         keys.get(id(found)))
        return
    from concurrent.futures import ProcessPoolExecutor

    index = {id(found): i for i, found in enumerate(distinct)}
    specs = [backend.worker_spec() for backend in backends]
    initargs = (distinct, fix, specs, cache, [keys.get(id(found)) for found in distinct])
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=initargs)
    _quiet_pool_exit()
    from .fix import terminate_raises

    # SIGTERM and SIGHUP raise too, so that the workers end with the run, not after it.
    with terminate_raises():
        try:
            # The workers start (fork) as the work is handed out: with the signals blocked, so
            # that none reaches a worker before _init_worker has set what they do there.
            with _signals_blocked():
                results = pool.map(_check_in_worker, files, [index[id(found)] for found in configs],
                                   chunksize=max(1, len(files) // (jobs * 8)))
            yield from results
        except BaseException:
            # Ctrl-C, SIGTERM, a closed pipe, a killed worker: the files not begun are not checked.
            _stop(pool)
            raise
    pool.shutdown()


_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


@contextmanager
def _signals_blocked() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP wait (in this thread, and in the processes it forks) until
    the block ends; then they are delivered, none lost."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {getattr(signal, name) for name in _SIGNALS
                                                       if hasattr(signal, name)})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End ``pool`` now: the work not begun is dropped and the workers are sent SIGTERM, which
    a file being written waits for (fix.write_fixes), so every file stays whole."""
    import threading
    from concurrent.futures import InvalidStateError

    processes = list((pool._processes or {}).values())  # no public way to end them
    previous = threading.excepthook

    def quiet(args: threading.ExceptHookArgs) -> None:
        # Python 3.11's pool thread fails the futures already cancelled when it sees the
        # workers gone (InvalidStateError, harmless: this run is ending); only that is quiet.
        if not issubclass(args.exc_type, InvalidStateError):
            previous(args)

    threading.excepthook = quiet
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def _quiet_pool_exit() -> None:
    """Python 3.11's exit handler wakes every process pool's manager thread through a pipe
    that the thread may be closing at that moment (a CPython race); the write then fails
    with EBADF and Python prints "Exception ignored ... Bad file descriptor" after a run that
    ended as it should (Ctrl-C, SIGTERM). Only that failure is kept quiet."""
    previous = sys.unraisablehook
    if getattr(previous, "presslint_pool_exit", False):
        return

    def hook(unraisable: Any) -> None:
        error, trace = unraisable.exc_value, unraisable.exc_traceback
        frames = []
        while trace is not None:
            frames.append(trace.tb_frame.f_code.co_name)
            trace = trace.tb_next
        if isinstance(error, OSError) and error.errno == errno.EBADF and "_python_exit" in frames:
            return
        previous(unraisable)

    hook.presslint_pool_exit = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


def _check(path: Path, checkers: Sequence[Kind], fix: FixMode | None, backends: Sequence[Backend],
           cache: ResultCache | None = None, key: str | None = None) -> FileResult:
    """check_file, its result kept in ``cache`` under ``key`` (with the bytes it checked)."""
    if cache is None or key is None:
        return check_file(path, checkers, fix=fix, backends=backends)
    try:
        data = read(path)
    except SourceError:
        return check_file(path, checkers, fix=fix, backends=backends)  # which says why
    result = check_file(path, checkers, data=data, fix=fix, backends=backends)
    cache.store(key, str(path), data, result)
    return result


# Each worker process builds a configuration's checkers (and the backends) once, from
# picklable settings, when a file first needs them.
_worker_configs: list[Config] = []
_worker_built: dict[int, list[Kind]] = {}
_worker_fix: FixMode | None = None
_worker_backends: list[Backend] = []
_worker_cache: ResultCache | None = None
_worker_keys: list[str | None] = []


def _init_worker(configs: list[Config], fix: FixMode | None, specs: list[BackendSpec],
                 cache: ResultCache | None = None, keys: list[str | None] | None = None) -> None:
    global _worker_configs, _worker_fix, _worker_backends, _worker_cache, _worker_keys
    import signal

    # Ctrl-C reaches the whole process group: the main process alone decides what it means
    # (exit 130, after ending the workers), so a worker does not die with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])):
        signal.signal(signum, signal.SIG_DFL)  # not the main process's, which a fork inherits
    if hasattr(signal, "pthread_sigmask"):  # blocked while the pool forked this process
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {getattr(signal, name) for name in _SIGNALS
                                                     if hasattr(signal, name)})
    _worker_configs, _worker_fix = configs, fix
    _worker_cache, _worker_keys = cache, keys or []
    _worker_built.clear()
    if specs:
        from .backends import create

        _worker_backends = [create(spec) for spec in specs]


def _check_in_worker(path: Path, which: int) -> FileResult:
    found = _worker_configs[which]
    if which not in _worker_built:
        _worker_built[which] = load_selected(found)
    return _check(path, rules_for(str(path), _worker_built[which], found), _worker_fix, _worker_backends,
                  _worker_cache, _worker_keys[which] if _worker_cache else None)
