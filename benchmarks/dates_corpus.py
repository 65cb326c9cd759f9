"""The D (dates) rules on the development corpus, each file checked against its own date.

    python benchmarks/dates_corpus.py [--sample 20] [--seed 1] [--select D] [--no-release-date] [CORPUS]

File names are ``<service>_<year>_<mmdd>_<slug>.md``; that date is the publication date,
passed to the rules as the release date (like ``--release-date``). Prints how many datelines
disagree with it, findings per rule (and per 1,000 words), a random sample of each rule's
findings with the text around them to judge, and how fast the D rules ran. Not a test:
judging the samples is ours. The corpus texts stay in ../shared; nothing is copied.
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

import _corpus

from presslint import packs
from presslint.config import Config
from presslint.decoding import decode
from presslint.diagnostic import Diagnostic
from presslint.document import Document
from presslint.engine import check_document
from presslint.kinds import Kind, build
from presslint.kinds.dates.recognition import analyse
from presslint.selection import select

NAME = re.compile(r"^[^_]+_(?P<year>\d{4})_(?P<month>\d{2})(?P<day>\d{2})_")


def publication_date(path: Path) -> date | None:
    match = NAME.match(path.name)
    if match is None:
        return None
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


def main() -> int:
    parser = _corpus.parser(__doc__)
    parser.add_argument("--select", default="D")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--context", type=int, default=70)
    parser.add_argument("--no-release-date", action="store_true",
                        help="do not pass the file name's date: rules find a dateline themselves")
    parser.add_argument("--show-datelines", type=int, default=10, help="list this many disagreeing datelines")
    args = parser.parse_args()

    corpus = Path(args.corpus)
    files = sorted(corpus.rglob("*.md"))
    if not files:
        print(f"dates_corpus: no Markdown files in {corpus}", file=sys.stderr)
        return 2
    base = Config(select=tuple(args.select.split(",")))
    # Only the selected rules are built, so a family in progress elsewhere cannot stop this
    # benchmark; built again for each release date, which their settings hold.
    wanted = [r for r in packs.load_packs(packs.builtin_packs())
              if any(r.code.startswith(s) or r.name == s for s in base.select or ())]
    built: dict[date | None, list[Kind]] = {}

    findings: list[tuple[Document, Diagnostic]] = []
    words = 0
    size = 0
    seconds = 0.0
    datelines = 0
    differences: Counter[int] = Counter()
    disagreeing: list[tuple[str, str, date]] = []
    for path in files:
        raw = path.read_bytes()
        size += len(raw)
        published = publication_date(path)
        config = base if args.no_release_date or published is None else replace(base, release_date=published)
        if config.release_date not in built:
            built[config.release_date] = select([build(r, r.options, config.settings()) for r in wanted], config)
        rules = built[config.release_date]
        doc = Document.from_decoded(str(path), decode(raw))
        words += len(doc.tokens)
        started = time.perf_counter()
        diagnostics = check_document(doc, rules)
        seconds += time.perf_counter() - started
        findings.extend((doc, d) for d in diagnostics)
        line = analyse(doc, config.settings().dates).dateline
        if line is not None and published is not None:
            datelines += 1
            written = line.exact()
            if written is not None and written != published:
                differences[(written - published).days] += 1
                disagreeing.append((path.name, line.text, published))

    print(f"{len(files)} files, {words:,} words, {size / 1e6:.1f} MB")
    print(f"datelines found: {datelines}; disagreeing with the file name's date: {sum(differences.values())}")
    if differences:
        shown = ", ".join(f"{days:+d} d: {count}" for days, count in sorted(differences.items()))
        print(f"  by difference (dateline minus file name): {shown}")
        for name, text, published in disagreeing[:args.show_datelines]:
            print(f"  {name[:60]}: dateline {text!r}, file name {published.isoformat()}")
    print(f"D rules ({', '.join(r.code for r in rules)}): {seconds:.2f} s of checking, "
          f"{size / 1e6 / max(seconds, 1e-9):.1f} MB/s (documents already decoded; prose and "
          f"sentences are shared with other families in a full run)\n")

    by_rule: dict[str, list[tuple[Document, Diagnostic]]] = defaultdict(list)
    for doc, diagnostic in findings:
        by_rule[f"{diagnostic.code} {diagnostic.rule}"].append((doc, diagnostic))
    print(f"{len(findings)} findings ({1000 * len(findings) / max(words, 1):.3f} per 1,000 words)\n")
    rng = random.Random(args.seed)
    for rule, items in sorted(by_rule.items()):
        print(f"== {rule}: {len(items)} findings, {1000 * len(items) / max(words, 1):.3f} per 1,000 words")
        for doc, diagnostic in rng.sample(items, min(args.sample, len(items))):
            start, end = diagnostic.span.start, diagnostic.span.end
            line, column = doc.lines.position(start)
            before = doc.text[max(0, start - args.context):start].replace("\n", " ")
            after = doc.text[end:end + args.context].replace("\n", " ")
            print(f"  {Path(doc.path).name[:48]}:{line}:{column}  ...{before}[[{doc.text[start:end]}]]{after}...")
            print(f"      -> {diagnostic.message}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
