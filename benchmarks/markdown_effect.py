"""What reading Markdown as Markdown changes on the corpus (a script, not a test).

    python benchmarks/markdown_effect.py [--select W] [CORPUS]

Counts the findings of the selected rules with each release read as plain text and as
Markdown, and counts findings whose span touches a URL, a link destination or an image
(found here by patterns independent of presslint's own masking): there should be none.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import _corpus

from presslint import check_text
from presslint.config import Config

NOT_PROSE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|https?://[^\s)\]>]+|www\.[^\s)\]>]+")


def main() -> int:
    parser = _corpus.parser(__doc__)
    parser.add_argument("--select", default=None)
    args = parser.parse_args()
    config = Config(select=tuple(args.select.split(",")) if args.select else None)
    as_text: Counter[str] = Counter()
    as_markdown: Counter[str] = Counter()
    inside: list[str] = []
    for path in sorted(Path(args.corpus).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        as_text.update(d.code for d in check_text(text, path=path.stem + ".txt", config=config))
        found = check_text(text, path=path.name, config=config)
        as_markdown.update(d.code for d in found)
        hidden = [m.span() for m in NOT_PROSE.finditer(text)]
        for d in found:
            if d.span.end > d.span.start and any(s < d.span.end and d.span.start < e for s, e in hidden):
                inside.append(f"{path.name}: {d.code} {text[d.span.start:d.span.end]!r}")
    print(f"{'rule':<8} {'as text':>8} {'as Markdown':>12}")
    for code in sorted(set(as_text) | set(as_markdown)):
        print(f"{code:<8} {as_text[code]:>8} {as_markdown[code]:>12}")
    print(f"{'all':<8} {sum(as_text.values()):>8} {sum(as_markdown.values()):>12}")
    print(f"\nfindings inside a URL, link destination or image: {len(inside)}")
    for line in inside[:20]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
