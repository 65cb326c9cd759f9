"""Check files: read and decode each, then check it (or fix it); one after the other, or
in a pool of worker processes, in order."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .decoding import BinaryFileError, decode
from .document import Document
from .engine import cross_check, load_checkers, result_of
from .errors import SourceError
from .results import FileResult
from .selection import rules_for, select
from .sources import read

if TYPE_CHECKING:
    from .backends import Backend, BackendSpec
    from .config import Config
    from .configs import Nearest
    from .fix import FixMode
    from .kinds import Kind


def check_file(path: Path | str, checkers: Sequence[Kind], data: bytes | None = None,
               fix: FixMode | None = None, backends: Sequence[Backend] = ()) -> FileResult:
    name = str(path)
    try:
        raw = read(Path(path)) if data is None else data
        decoded = decode(raw)
    except SourceError as exc:
        return FileResult(name, error=str(exc))
    except BinaryFileError as exc:
        return FileResult(name, warning=f"{name}: skipped, {exc}")
    doc = Document.from_decoded(name, decoded)
    if fix is None:
        return result_of(doc, checkers, backends)
    from .fix import fix_document

    # Backends take no part in fixing: they are slow, may be remote, and their fixes unsafe.
    return fix_document(doc, checkers, fix, raw)


def check_files(files: Sequence[Path], checkers: Sequence[Kind], config: Config,
                jobs: int | None = None, fix: FixMode | None = None,
                backends: Sequence[Backend] = (), nearest: Nearest | None = None) -> Iterator[FileResult]:
    """Results in the order of ``files``; with ``consistency: project``, only once every
    file is checked, since the cross-file checks need them all. With ``nearest``, a file
    below a configuration other than ``config`` is checked with that one's rules."""
    results = (_check_each(files, checkers, config, jobs, fix, backends) if nearest is None
               else _check_each_nearest(files, checkers, config, jobs, fix, backends, nearest))
    if config.consistency != "project":
        yield from results
        return
    collected = list(results)
    cross_check(collected, checkers)
    yield from collected


def _check_each(files: Sequence[Path], checkers: Sequence[Kind], config: Config, jobs: int | None,
                fix: FixMode | None, backends: Sequence[Backend]) -> Iterator[FileResult]:
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < 2 * jobs:
        for path in files:
            yield check_file(path, rules_for(str(path), checkers, config), fix=fix, backends=backends)
        return
    from concurrent.futures import ProcessPoolExecutor

    specs = [backend.worker_spec() for backend in backends]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config, fix, specs)) as pool:
        yield from pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (jobs * 8)))


def _check_each_nearest(files: Sequence[Path], checkers: Sequence[Kind], config: Config, jobs: int | None,
                        fix: FixMode | None, backends: Sequence[Backend], nearest: Nearest) -> Iterator[FileResult]:
    """As ``_check_each``, each file with its nearest configuration: every file's is found
    first (a folder searched once), then each configuration's checkers built once."""
    configs = [nearest.for_path(path) for path in files]
    if all(found is config for found in configs):
        yield from _check_each(files, checkers, config, jobs, fix, backends)
        return
    distinct = list({id(found): found for found in configs}.values())
    # Built here first, in order, so that a mistake in a configuration is a UserError here.
    built = {id(found): list(checkers) if found is config else select(load_checkers(found), found)
             for found in distinct}
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < 2 * jobs:
        for path, found in zip(files, configs, strict=True):
            yield check_file(path, rules_for(str(path), built[id(found)], found), fix=fix, backends=backends)
        return
    from concurrent.futures import ProcessPoolExecutor

    index = {id(found): i for i, found in enumerate(distinct)}
    specs = [backend.worker_spec() for backend in backends]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker_nearest,
                             initargs=(distinct, fix, specs)) as pool:
        yield from pool.map(_check_in_worker_nearest, files, [index[id(found)] for found in configs],
                            chunksize=max(1, len(files) // (jobs * 8)))


# Each worker process builds its checkers (and backends) once, from picklable settings.
_worker_checkers: list[Kind] = []
_worker_fix: FixMode | None = None
_worker_config: Config | None = None
_worker_backends: list[Backend] = []


def _init_worker(config: Config, fix: FixMode | None, specs: list[BackendSpec]) -> None:
    global _worker_checkers, _worker_fix, _worker_config, _worker_backends
    _worker_checkers = select(load_checkers(config), config)
    _worker_fix = fix
    _worker_config = config
    if specs:
        from .backends import create

        _worker_backends = [create(spec) for spec in specs]


def _check_in_worker(path: Path) -> FileResult:
    assert _worker_config is not None
    checkers = rules_for(str(path), _worker_checkers, _worker_config)
    return check_file(path, checkers, fix=_worker_fix, backends=_worker_backends)


# With configurations nearer the files: each one's checkers, built when a file first needs them.
_worker_configs: list[Config] = []
_worker_built: dict[int, list[Kind]] = {}


def _init_worker_nearest(configs: list[Config], fix: FixMode | None, specs: list[BackendSpec]) -> None:
    global _worker_configs, _worker_fix, _worker_backends
    _worker_configs, _worker_fix = configs, fix
    _worker_built.clear()
    if specs:
        from .backends import create

        _worker_backends = [create(spec) for spec in specs]


def _check_in_worker_nearest(path: Path, which: int) -> FileResult:
    found = _worker_configs[which]
    if which not in _worker_built:
        _worker_built[which] = select(load_checkers(found), found)
    return check_file(path, rules_for(str(path), _worker_built[which], found), fix=_worker_fix,
                      backends=_worker_backends)
