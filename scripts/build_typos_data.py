"""Build the word lists of the Typos (T) rules from the packages that maintain them.

    pip install codespell symspellpy pyspellchecker lemminflect textblob --no-deps
    python scripts/build_typos_data.py

Run at development time only: it writes compact files to src/presslint/data/typos/, which
ship in the wheel, so presslint needs none of these packages (nor any download) to run.
Only the packages' data files are read, found without importing the packages.

Sources (see src/presslint/data/typos/SOURCES.md for the licences):
  codespell      codespell_lib/data/dictionary.txt, dictionary_rare.txt: misspellings
  symspellpy     frequency_dictionary_en_82_765.txt: common words with their frequencies
  pyspellchecker spellchecker/resources/en.json.gz: a large English word list
  lemminflect    lemminflect/resources/infl_lu.csv.gz: lemmas, parts of speech, inflections
  textblob       textblob/en/en-lexicon.txt: Brill's part-of-speech lexicon
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from _packages import package_dir

OUT = Path(__file__).resolve().parents[1] / "src" / "presslint" / "data" / "typos"
WORD = re.compile(r"^[a-z]+(?:'[a-z]+)?$")
# Brill tags kept, by the class the T rules ask about.
BRILL_CLASS = {"NN": "N", "NNS": "N", "VB": "V", "VBD": "V", "VBG": "V", "VBN": "V", "VBP": "V",
               "VBZ": "V", "MD": "V", "JJ": "J", "JJR": "J", "JJS": "J", "RB": "R", "RBR": "R",
               "RBS": "R", "IN": "I", "DT": "D", "PRP$": "D", "PDT": "D", "CD": "D", "CC": "C",
               "PRP": "P", "WDT": "W", "WP": "W", "WRB": "W", "TO": "I", "RP": "R", "EX": "P",
               "UH": "U"}
LEMMINFLECT_CLASS = {"noun": "N", "verb": "V", "adj": "J", "adv": "R"}


NO_VOWELS = str.maketrans("", "", "aeiou")


def read_symspell() -> dict[str, int]:
    path = package_dir("symspellpy") / "frequency_dictionary_en_82_765.txt"
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, count = line.split()
        if WORD.match(word):
            counts[word] = int(count)
    return counts


def read_pyspellchecker() -> set[str]:
    path = package_dir("spellchecker") / "resources" / "en.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return {w for w in json.load(handle) if WORD.match(w)}


def read_lemminflect() -> dict[str, set[str]]:
    path = package_dir("lemminflect") / "resources" / "infl_lu.csv.gz"
    classes: dict[str, set[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            lemma, upos, *forms = line.strip().split(",")
            for form in [lemma, *(f for field in forms for f in field.split("/"))]:
                form = form.lower()
                if WORD.match(form):
                    classes.setdefault(form, set()).add(LEMMINFLECT_CLASS[upos])
    return classes


def read_brill() -> dict[str, str]:
    path = package_dir("textblob") / "en" / "en-lexicon.txt"
    tags: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(";;;"):
            continue
        parts = line.split()
        if len(parts) >= 2 and WORD.match(parts[0]) and parts[1] in BRILL_CLASS:
            tags.setdefault(parts[0], parts[1])
    return tags


def read_codespell(known: set[str]) -> dict[str, str]:
    """Misspellings with one correction, that are no English word in any of the lists."""
    data = package_dir("codespell_lib") / "data"
    rare = set()
    for line in (data / "dictionary_rare.txt").read_text(encoding="utf-8").splitlines():
        rare.add(line.split("->")[0].strip().lower())
    result: dict[str, str] = {}
    for line in (data / "dictionary.txt").read_text(encoding="utf-8").splitlines():
        typo, _, fixes = line.partition("->")
        typo = typo.strip().lower()
        # "a->b, c," is ambiguous; "a->b, reason" is disabled by codespell: keep "a->b" only.
        if "," in fixes or not WORD.match(typo) or "'" in typo:
            continue
        fix = fixes.strip()
        if typo in known or typo in rare or len(typo) < 3:
            continue
        if not all(WORD.match(part) and part in known for part in fix.split(" ")):
            continue
        result[typo] = fix
    return result


def write_lines(name: str, lines: list[str]) -> None:
    # Plain text, not gzip: the wheel compresses it anyway, and presslint reads it at
    # every run (decompressing the three large lists cost 13 ms of each start).
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines):,} lines")


def consonant_index(ranks: dict[str, int]) -> list[str]:
    """Lines ``consonants<TAB>word word ...``: the common words of seven letters or more
    (rank below 20,000) by their letters without vowels, most frequent first, sorted by
    key for lexicon.SortedTable. T102 finds there the words a long typo is two vowel
    slips away from ("indipendant" -> "independent") with one lookup."""
    by_key: dict[str, list[tuple[int, str]]] = {}
    for word, rank in ranks.items():
        if len(word) >= 7 and rank < 20_000 and word.isalpha() and word.isascii():
            by_key.setdefault(word.translate(NO_VOWELS), []).append((rank, word))
    return [f"{key}\t{' '.join(word for _, word in sorted(words))}" for key, words in sorted(by_key.items())]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    frequency = read_symspell()
    lemmas = read_lemminflect()
    brill = read_brill()
    # Brill's lexicon and lemminflect hold some misspellings ("occured", "goverment"):
    # only the two spell-checker lists decide what is a word for the misspelling list.
    clean = set(frequency) | read_pyspellchecker()
    misspellings = read_codespell(clean)
    known = clean | set(lemmas) | set(brill)
    known |= {part for fix in misspellings.values() for part in fix.split(" ")}
    known -= set(misspellings)
    write_lines("misspellings.tsv", [f"{t}\t{f}" for t, f in sorted(misspellings.items())])
    write_lines("words.txt", sorted(known))
    ranked = sorted((w for w in frequency if w not in misspellings), key=lambda w: (-frequency[w], w))
    # Sorted by word with the rank beside it, so lexicon.SortedTable can search it in place.
    write_lines("frequency.tsv", sorted(f"{word}\t{rank}" for rank, word in enumerate(ranked)))
    write_lines("consonants.tsv", consonant_index({word: rank for rank, word in enumerate(ranked)}))
    pos = []
    for word in sorted(set(lemmas) | set(brill)):
        tag = brill.get(word, "")
        classes = set(lemmas.get(word, ()))
        if tag:
            classes.add(BRILL_CLASS[tag])
        pos.append(f"{word}\t{tag}\t{''.join(sorted(classes))}")
    write_lines("pos.tsv", pos)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
