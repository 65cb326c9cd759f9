"""Build the contextual rules of presslint's part-of-speech tagger from textblob's data.

    pip install textblob --no-deps
    python scripts/build_tagger_data.py

Reads textblob/en/en-context.txt (Brill's contextual rules, trained on the Brown corpus and
the Penn Treebank, as shipped with pattern and textblob; MIT) and writes the rules, one a
line with tab-separated fields, in their order, to src/presslint/data/typos/context.tsv.
presslint.kinds.typos.tagger applies them after the lexicon (pos.tsv, built by build_typos_data.py).
Run at development time only; presslint needs no textblob at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _packages import package_dir

OUT = Path(__file__).resolve().parents[1] / "src" / "presslint" / "data" / "typos" / "context.tsv"
# The rule templates presslint.kinds.typos.tagger knows; a rule of another template would be skipped
# silently, so the build fails instead.
TEMPLATES = {"PREVTAG", "NEXTTAG", "PREV2TAG", "NEXT2TAG", "PREV1OR2TAG", "NEXT1OR2TAG",
             "PREV1OR2OR3TAG", "NEXT1OR2OR3TAG", "SURROUNDTAG", "CURWD", "PREVWD", "NEXTWD",
             "PREV1OR2WD", "NEXT1OR2WD", "WDPREVTAG", "WDNEXTTAG", "WDAND2AFT", "WDAND2TAGBFR",
             "WDAND2TAGAFT", "LBIGRAM", "RBIGRAM", "PREVBIGRAM", "NEXTBIGRAM"}


def main() -> int:
    source = package_dir("textblob") / "en" / "en-context.txt"
    rules = []
    for line in source.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields or line.startswith(";;;"):
            continue
        if len(fields) < 4 or fields[2] not in TEMPLATES:
            sys.exit(f"build_tagger_data: unknown rule {line!r}")
        rules.append("\t".join(fields))
    OUT.write_text("\n".join(rules) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(rules)} rules")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
