"""The Typos (T) family on real text: seeds, vocabulary, case, and the hard cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslint import lexicon, vocabulary, wordtools
from presslint.config import Config
from presslint.engine import check_document, load_rules
from presslint.kinds.articles import vowel_sound
from presslint.wordlist import SortedTable

from .conftest import CORPUS, RULES, document, run, spans


def typos(text: str, config: Config | None = None) -> list[tuple[str, str]]:
    rules = [r for r in (load_rules(config) if config else RULES.values()) if r.family == "T" and r.default]
    doc = document(text)
    return [(d.code, doc.text[d.span.start:d.span.end]) for d in check_document(doc, rules)]


def test_seeds_are_found_with_fixes(shared_seeds: Path) -> None:
    found = {}
    for name in ("001_c976c608bfa77165.txt", "004_383c40b382e2333e.txt"):
        doc = document((shared_seeds / name).read_bytes(), name)
        for d in check_document(doc, [r for r in RULES.values() if r.family == "T"]):
            found[doc.text[d.span.start:d.span.end]] = d
    assert found["Teh"].fix and found["Teh"].fix.edits[0].replacement == "The"
    assert found["it’s"].fix and found["it’s"].fix.edits[0].replacement == "its"
    assert found["Microsofts"].fix and found["Microsofts"].fix.edits[0].replacement == "Microsoft’s"


def test_clean_seed_is_silent(shared_seeds: Path) -> None:
    doc = document((shared_seeds / "000_7609e4628dd17c72.txt").read_bytes())
    assert check_document(doc, [r for r in RULES.values() if r.family == "T"]) == []


@pytest.mark.parametrize(("text", "fixed"), [("Teh deal", "The"), ("TEH DEAL WAS SIGNED", "THE"),
                                             ("we recieve it", "receive")])
def test_misspelling_fix_keeps_case(text: str, fixed: str) -> None:
    [finding] = run("T101", text + "\n")
    assert finding.fix is not None and finding.fix.edits[0].replacement == fixed


def test_names_brands_and_handles_are_not_typos() -> None:
    text = ("Nvidia's Blackwell GPUs and Salesforce's Agentforce reached Snowflake, said Satya "
            "Nadella of Microsoft; follow @qwizzle, #fintechweek and $NVDA at https://qwizz.ly/x.\n")
    assert typos(text) == []


def test_unknown_word_needs_a_close_correction_and_a_single_use() -> None:
    assert spans("T102", "Our partnershp grew.\n") == ["partnershp"]
    assert spans("T102", "Our zqxwvy grew.\n") == []  # nothing close: not reported
    assert spans("T102", "The partnershp grew; each partnershp counts.\n") == []  # the document's own word


def test_vocabulary_accepts_and_rejects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    accept = Config(vocabulary_accept=("partnershp",), vocabulary_reject=("utilize",))
    found = typos("Our partnershp will utilize Utilize data.\n", accept)
    assert found == [("T102", "utilize"), ("T102", "Utilize")]


def test_words_file_is_found_from_the_current_directory(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / vocabulary.WORDS_FILE).write_text("# our terms\nrecieve\nZentrix\n", encoding="utf-8")
    sub = tmp_path / "releases"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert typos("We recieve it. Zentrix said Zentrixs new plant opens.\n", Config()) == [
        ("T108", "Zentrixs")]  # T101 silenced; "Zentrixs" is a possessive of an accepted name
    # A words file the config names must exist: a typo in its name is an error, not silence.
    from presslint.rule import UserFileError

    with pytest.raises(UserFileError, match=r"none\.txt: cannot read the words file"):
        typos("We recieve it.\n", Config(words_file=tmp_path / "none.txt"))


def test_suspects_are_judged_per_word_and_kept_across_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Teh partnershp, a blendof trust, went blastingAlice; Microsofts gain and the "
            "goverment-backed plan. Alice said Microsoft grew, and the company grew.\n")
    expected = wordtools.Suspects(
        misspelt=frozenset({"Teh", "goverment-backed"}),
        unknown=frozenset({"partnershp", "blendof"}),
        run_together=frozenset({"partnershp", "blendof", "blastingAlice"}),
        possessive=frozenset({"Microsofts"}))
    # The second document finds the verdicts of the first: the same answer.
    assert wordtools.suspects(document(text)) == expected
    assert wordtools.suspects(document(text)) == expected
    assert wordtools.suspects(document("The company grew.\n")) == wordtools.Suspects(
        frozenset(), frozenset(), frozenset(), frozenset())
    # Past the bound on memory the verdicts are dropped, and the words judged again.
    monkeypatch.setattr(wordtools, "REMEMBER", 5)
    assert wordtools.suspects(document(text + "A new word: zqxwvyk.\n")) == expected._replace(
        unknown=expected.unknown | {"zqxwvyk"}, run_together=expected.run_together | {"zqxwvyk"})
    assert wordtools.suspects(document(text)) == expected


def test_misspellings_are_no_known_words() -> None:
    # The suspects of T101 are sought among the words that are no known word only.
    assert lexicon.misspellings().keys().isdisjoint(lexicon.known_words().keys())


def test_recurs_ignores_case() -> None:
    assert wordtools.recurs(document("The blockchain and Blockchain.\n"), "blockchain")
    assert wordtools.recurs(document("A blockchain, a blockchain.\n"), "blockchain")
    assert not wordtools.recurs(document("A blockchain-based blockchain.\n"), "blockchain")


def test_sorted_table_answers_the_same_in_place_and_as_a_dict() -> None:
    words = ["apple", "banana", "kiwi", "pear"]
    lazy, materialised = (SortedTable("apple\t1\nkiwi\t2\npear\t3\n") for _ in range(2))
    materialised.as_dict()
    for table in (lazy, materialised):
        assert table.among(words) == {"apple", "kiwi", "pear"}
        assert table.missing(words) == {"banana"}
        assert [table.get(word) for word in words] == ["1", None, "2", "3"]
    assert lazy._dict is None  # a few lookups do not build the dict


def test_its_both_ways_straight_and_curly() -> None:
    assert spans("T104", "The firm will expand it's revenue.\n") == ["it's"]
    assert spans("T104", "The firm will expand it’s revenue.\n") == ["it’s"]
    assert spans("T104", "It's mission is simple.\n") == ["It's"]
    assert spans("T104", "Its not over.\n") == ["Its"]
    assert spans("T104", "It's free, it's fast and it's now in beta; its growth is real.\n") == []


def test_doubled_word_across_a_line_break() -> None:
    assert spans("T109", "We will go to\nto Paris.\n") == ["to\nto"]
    assert spans("T109", "We will go to\n\nto Paris.\n") == []  # a blank line is a new paragraph


@pytest.mark.parametrize(("word", "vowel"), [("apple", True), ("hour", True), ("user", False),
                                             ("FBI", True), ("CEO", False), ("8-week", True),
                                             ("18-month", True), ("180-day", False), ("one-time", False),
                                             ("European", False), ("historic", None), ("NASA", None)])
def test_vowel_sound(word: str, vowel: bool | None) -> None:
    assert vowel_sound(word) is vowel


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_corpus_rate_stays_low() -> None:
    rules = [r for r in RULES.values() if r.family == "T" and r.default]
    files = sorted(CORPUS.glob("*.md"))[:200]
    words = findings = 0
    for path in files:
        doc = document(path.read_bytes(), str(path))
        words += len(doc.tokens)
        findings += len(check_document(doc, rules))
    assert findings * 1000 / words <= 1.0
