"""Throughput of the default rule set with and without the Harper backend (a script, not a test).

    python benchmarks/backends_bench.py [--limit N] [--repeat 1] [CORPUS]

In one process on one core, over the corpus's files already decoded into Documents (so
reading and decoding are not counted): the default rules alone, then the default rules
plus Harper through `run_backends` (its duplicates of built-in findings dropped). Prints
files/s, MB/s and findings for each, Harper's one-time start-up (building its
dictionary), and how many findings Harper adds by lint kind. Needs `presslint[harper]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import _corpus

from presslint.backends import create, parse_backends, run_backends
from presslint.config import Config
from presslint.decoding import decode
from presslint.document import Document
from presslint.engine import check_document, load_checkers
from presslint.selection import select


def documents(corpus: Path, limit: int | None) -> list[Document]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())[:limit]
    return [Document.from_decoded(str(p), decode(p.read_bytes())) for p in files]


def fresh(docs: list[Document]) -> list[Document]:
    # Documents cache tokens and prose: every timed pass starts from new ones.
    return [Document(d.path, d.text, d.source) for d in docs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=_corpus.DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    docs = documents(args.corpus, args.limit)
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    config = Config()
    rules = select(load_checkers(config), config)
    print(f"{len(docs)} files, {size / 1e6:.2f} MB, {len(rules)} default rules, one process")

    started = time.perf_counter()
    [spec] = parse_backends({"harper": True}, "bench")
    harper = create(spec)
    ok, detail = harper.status()  # builds Harper's linter
    print(f"harper start-up: {time.perf_counter() - started:.2f} s ({detail})")
    if not ok:
        return 1

    def builtin_only() -> int:
        return sum(len(check_document(doc, rules)) for doc in fresh(docs))

    kinds: Counter[str] = Counter()

    def with_harper() -> int:
        total = 0
        kinds.clear()
        for doc in fresh(docs):
            builtin = check_document(doc, rules)
            found, warnings = run_backends(doc, [harper], builtin)
            if warnings:
                print(*warnings, sep="\n", file=sys.stderr)
            kinds.update(d.code for d in found)
            total += len(builtin) + len(found)
        return total

    for label, run in (("default rules", builtin_only), ("default rules + harper", with_harper)):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            findings = run()
            times.append(time.perf_counter() - t0)
        wall = statistics.median(times)
        print(f"{label:24} {wall:7.2f} s  {len(docs) / wall:8.1f} files/s  "
              f"{size / 1e6 / wall:6.3f} MB/s  {findings} findings")
    print("harper findings kept, by code:", ", ".join(f"{c} {n}" for c, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
