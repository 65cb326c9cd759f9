"""Findings per rule on the development corpus, and a random sample of each to judge.

    python benchmarks/corpus_report.py [--select W] [--sample 20] [--seed 1] [CORPUS]

Prints, per rule: findings, findings per 1,000 words, and a sample of findings with the
text around each, so a person can judge how many are real. Not a test: judging is ours.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import _corpus


def main() -> int:
    parser = _corpus.parser(__doc__)
    parser.add_argument("--select", default=None)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--context", type=int, default=50)
    parser.add_argument("--extra", nargs="*", default=[], help="more options for presslint check")
    args = parser.parse_args()

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus_report: no corpus at {corpus}", file=sys.stderr)
        return 2
    command = [sys.executable, "-m", "presslint", "check", "--no-config", "--output-format", "json",
               *(["--select", args.select] if args.select else []), *args.extra, str(corpus)]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(run.stderr, file=sys.stderr)
        return 2
    findings = json.loads(run.stdout)
    words = sum(len(re.findall(r"\w+", p.read_text(encoding="utf-8", errors="replace")))
                for p in corpus.rglob("*.md"))
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        by_rule[f"{finding['code']} {finding['rule']}"].append(finding)
    print(f"{len(findings)} findings in {words:,} words "
          f"({1000 * len(findings) / max(words, 1):.2f} per 1,000 words)\n")
    rng = random.Random(args.seed)
    lines_cache: dict[str, list[str]] = {}
    for rule, items in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
        print(f"== {rule}: {len(items)} findings, {1000 * len(items) / words:.3f} per 1,000 words")
        for finding in rng.sample(items, min(args.sample, len(items))):
            path = finding["path"]
            if path not in lines_cache:
                lines_cache[path] = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
            lines = lines_cache[path]
            line = lines[finding["line"] - 1] if finding["line"] <= len(lines) else ""
            column = finding["column"] - 1
            end = finding["end_column"] - 1 if finding["end_line"] == finding["line"] else len(line)
            before = line[max(0, column - args.context):column]
            inside = line[column:end]
            after = line[end:end + args.context]
            print(f"  {Path(path).name[:40]}:{finding['line']}:{finding['column']}  "
                  f"{before!r} [[{inside!r}]] {after!r}  -- {finding['message']}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
