"""Time spent in each rule over the corpus, in one process (a script, not a test).

    python benchmarks/rule_times.py [--select W] [CORPUS]

The figures are CPU seconds per rule (process time, which a busy machine hurts less than
wall time) summed over every file in one pass (as a real run pays them: word lists loaded,
per-word verdicts made cold), plus the shared work every document needs (reading, decoding,
masking prose, words and their counts). What only some rules need (word offsets, sentences)
is paid by the first rule that asks for it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

import _corpus

from presslint.config import Config
from presslint.decoding import decode
from presslint.document import Document
from presslint.engine import load_checkers
from presslint.selection import select


def main() -> int:
    parser = _corpus.parser(__doc__)
    parser.add_argument("--select", default=None)
    args = parser.parse_args()
    config = Config(select=tuple(args.select.split(",")) if args.select else None)
    checkers = select(load_checkers(config), config)
    files = sorted(Path(args.corpus).rglob("*.md"))
    spent: dict[str, float] = defaultdict(float)
    size = 0
    for path in files:
        started = time.process_time()
        data = path.read_bytes()
        size += len(data)
        doc = Document.from_decoded(str(path), decode(data))
        _ = doc.prose
        spent["(shared) read, decode, mask prose"] += time.process_time() - started
        started = time.process_time()
        _ = doc.tokens.texts, doc.word_counts
        spent["(shared) words and counts"] += time.process_time() - started
        for checker in checkers:
            started = time.process_time()
            for _ in checker.check(doc):
                pass
            spent[f"{checker.rule.code} {checker.rule.name}"] += time.process_time() - started
    total = sum(spent.values())
    print(f"{len(files)} files, {size / 1e6:.2f} MB, {total:.3f} s in all: {size / total / 1e6:.2f} MB/s\n")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{seconds * 1000:9.1f} ms  {100 * seconds / total:5.1f}%  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
