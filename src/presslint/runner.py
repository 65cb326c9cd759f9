"""Check many files: one after the other, or in a pool of worker processes, in order."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .engine import FileResult, FixMode, check_file, cross_check, load_rules, rules_for, select
from .rule import Rule

if TYPE_CHECKING:
    from .backends import Backend, BackendSpec


def check_files(files: Sequence[Path], rules: Sequence[Rule], config: Config,
                jobs: int | None = None, fix: FixMode | None = None,
                backends: Sequence[Backend] = ()) -> Iterator[FileResult]:
    """Results in the order of ``files``; with ``consistency: project``, only once every
    file is checked, since the cross-file checks need them all."""
    results = _check_each(files, rules, config, jobs, fix, backends)
    if config.consistency != "project":
        yield from results
        return
    collected = list(results)
    cross_check(collected, rules)
    yield from collected


def _check_each(files: Sequence[Path], rules: Sequence[Rule], config: Config, jobs: int | None,
                fix: FixMode | None, backends: Sequence[Backend]) -> Iterator[FileResult]:
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < 2 * jobs:
        for path in files:
            yield check_file(path, rules_for(str(path), rules, config), fix=fix, backends=backends)
        return
    from concurrent.futures import ProcessPoolExecutor

    specs = [backend.worker_spec() for backend in backends]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config, fix, specs)) as pool:
        yield from pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (jobs * 8)))


# Each worker process builds its rules (and backends) once, from picklable settings.
_worker_rules: list[Rule] = []
_worker_fix: FixMode | None = None
_worker_config: Config | None = None
_worker_backends: list[Backend] = []


def _init_worker(config: Config, fix: FixMode | None, specs: list[BackendSpec]) -> None:
    global _worker_rules, _worker_fix, _worker_config, _worker_backends
    _worker_rules = select(load_rules(config), config)
    _worker_fix = fix
    _worker_config = config
    if specs:
        from .backends import create

        _worker_backends = [create(spec) for spec in specs]


def _check_in_worker(path: Path) -> FileResult:
    assert _worker_config is not None
    rules = rules_for(str(path), _worker_rules, _worker_config)
    return check_file(path, rules, fix=_worker_fix, backends=_worker_backends)
