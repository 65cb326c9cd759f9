"""Build the common-word list of the Capitalization (C) rules from a maintained word list.

    pip install pyspellchecker lemminflect --no-deps
    python scripts/build_capitalization_data.py

Run at development time only: it writes src/presslint/data/capitalization/common-words.txt,
which ships in the wheel, so presslint needs no extra package to run. The file is left
uncompressed: the C rules read it on their first document, and decompressing it would
cost them more (3 ms) than reading it (the wheel compresses it anyway).

A *common word* is one the C rules never call a misspelt name when it is written in
lower case ("apple", "windows", "state", "chiller"). Two sources, only their data files
read, without importing the packages:

* pyspellchecker (MIT, https://github.com/barrust/pyspellchecker),
  spellchecker/resources/en.json.gz: lower-case words with their frequency in a large
  corpus of subtitles. Names are there too, lower-cased, but rarely, so a threshold
  keeps "microsoft" (50) out and "company" (160,438) in.
* lemminflect (MIT, https://github.com/bjascob/LemmInflect),
  lemminflect/resources/infl_lu.csv.gz: a lexicon that keeps the case of names
  ("Aachen"), so its lower-case lemmas and their inflections are common words however
  rare ("philanthropy", "chillers").
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from _packages import package_dir

OUT = Path(__file__).resolve().parents[1] / "src" / "presslint" / "data" / "capitalization"
MIN_FREQUENCY = 300
WORD = re.compile(r"^[a-z]+(?:[-'][a-z]+)*$")


def frequent_words() -> set[str]:
    path = package_dir("spellchecker") / "resources" / "en.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        frequencies: dict[str, int] = json.load(handle)
    return {w for w, n in frequencies.items() if n >= MIN_FREQUENCY and WORD.match(w)}


def lexicon_words() -> set[str]:
    """Lower-case lemmas of lemminflect's lexicon and their inflections."""
    path = package_dir("lemminflect") / "resources" / "infl_lu.csv.gz"
    words: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            lemma, _, *forms = line.rstrip("\n").split(",")
            if not WORD.match(lemma):
                continue  # a name ("Aachen") or not a word
            words.add(lemma)
            words.update(f for group in forms for f in group.split("/") if WORD.match(f))
    return words


def main() -> int:
    words = sorted(frequent_words() | lexicon_words())
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "common-words.txt").write_bytes(("\n".join(words) + "\n").encode("utf-8"))
    print(f"{len(words)} common words -> {OUT / 'common-words.txt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
