"""The Capitalization (C) rules on real text: the seeds, the team's own terms, project-wide
consistency, and the exceptions each rule promises beyond its documented examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from presslint.cli import cli
from presslint.config import Config
from presslint.engine import check_document, load_checkers
from presslint.fix import apply_edits
from presslint.runner import check_files
from presslint.selection import select

from .conftest import RULES, SEEDS, document, run, spans


def c_rules(config: Config) -> list:
    return [c for c in select(load_checkers(config), config) if c.rule.family == "C"]


# -- the seeds -----------------------------------------------------------------------------

def test_seed_capitalization_labels_are_found_with_fixes(shared_seeds: Path) -> None:
    labels = yaml.safe_load((SEEDS / "labels.yaml").read_text(encoding="utf-8"))
    for name, items in labels.items():
        path = SEEDS / name
        doc = document(path.read_bytes(), str(path))
        found = check_document(doc, c_rules(Config()))
        for label in items or ():
            if label["family"] != "capitalization":
                continue
            line_start = doc.lines.starts[label["line"] - 1]
            at = line_start + label["column"] - 1
            hits = [d for d in found if d.span.start <= at < d.span.end]
            assert hits, f"{name}:{label['line']}: {label['text']!r} not reported"
            assert all(d.fix for d in hits)
            fixed, _ = apply_edits(doc.text, [e for d in hits for e in d.fix.edits])
            assert fixed[at:at + len(label["text"])] == label["text"].capitalize()


def test_clean_seed_has_no_capitalization_findings(shared_seeds: Path) -> None:
    path = SEEDS / "000_7609e4628dd17c72.txt"
    doc = document(path.read_bytes(), str(path))
    assert check_document(doc, c_rules(Config())) == []


# -- C101 inconsistent case ----------------------------------------------------------------

def test_minority_form_is_reported_with_the_majority_as_fix() -> None:
    text = ("Acmetronics and OpenAI signed a deal. The deal lets Acmetronics’s teams use it, "
            "while acmetronics keeps rights and Acmetronics pays less.\n")
    found = run("C101", text)
    assert [(d.message, d.fix.edits[0].replacement) for d in found] == [
        ("'acmetronics' is written 'Acmetronics' elsewhere", "Acmetronics")]


def test_inner_capitals_follow_the_majority_even_at_a_sentence_start() -> None:
    text = "We use NinaData daily. NinaData helps us. Ninadata has helped us drive conversions.\n"
    assert spans("C101", text) == ["Ninadata"]


def test_a_tie_is_not_reported() -> None:
    assert run("C101", "We use NinaData daily, and Ninadata helps.\n") == []


def test_title_case_lines_and_all_caps_lines_do_not_count() -> None:
    text = ("# Wholly-Owned Units Of Acmetronics Grow\n\n"
            "ACMETRONICS UNITS GROW\n\n"
            "Acmetronics said its wholly-owned units grew. Acmetronics is a wholly-owned unit.\n")
    assert run("C101", text, "release.md") == []


def test_common_words_in_names_are_not_inconsistent() -> None:
    text = ("The Puget Law Group and the Foundation grew. The Foundation said the law changed "
            "and the foundation of the Puget Law Group held; the Foundation agreed.\n")
    assert run("C101", text) == []


def test_lower_case_name_needs_the_name_standing_alone() -> None:
    # "Chiller" is only ever part of "Chiller Pro": a product name, not the word.
    text = "The Chiller Pro ships. Buy the Chiller Pro today; the chiller keeps water cold.\n"
    assert run("C101", text) == []


def test_inner_capitals_are_compared_beside_an_all_caps_name() -> None:
    # An all-caps name has no forms to compare; it must not hide the names that have.
    text = "ACMETRON NEWS\n\nWe use NinaData daily. NinaData helps us. Ninadata has helped us.\n"
    assert spans("C101", text) == ["Ninadata"]


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_lower_case_possessive_is_a_lower_case_form(apostrophe: str) -> None:
    text = f"We met Acmetronics today. We thank Acmetronics and its staff; acmetronics{apostrophe}s rivals lag.\n"
    assert spans("C101", text) == ["acmetronics"]


def test_a_lower_case_form_needs_the_name_capitalised_in_mid_sentence() -> None:
    # "Acmetronics" twice, but only where any word takes a capital.
    text = "# Acmetronics Grows\n\nAcmetronics grew. The acmetronics team and acmetronics fans agree.\n"
    assert run("C101", text, "release.md") == []


# -- C102 lowercase sentence start ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Prices rose... then fell.\n",
    "Results vs. the plan were good, as in Fig. and Table 2.\n",
    "It is 3 p.m. now and the U.S. team is here.\n",
    "See https://example.com/a. then more.\n",
    "Acme Bhd. and Acme LLC. joined.\n",
    "It rose 4.5 percent. iOS users grew.\n",
])
def test_no_lowercase_start_where_none_is_needed(text: str) -> None:
    assert run("C102", text) == []


def test_lowercase_start_fix_capitalises_one_letter() -> None:
    (finding,) = run("C102", "Shares rose. the board met.\n")
    assert finding.fix is not None and finding.fix.edits[0].replacement == "T"
    assert finding.span.end - finding.span.start == len("the")


# -- C103 term spelling --------------------------------------------------------------------

def test_team_terms_from_config_and_file(tmp_path: Path) -> None:
    terms_file = tmp_path / "terms.txt"
    terms_file.write_text("# our names\nLeadStar\nPuget Law Group\n", encoding="utf-8")
    config = Config(terms=("AmeriLife",), terms_file=terms_file)
    (rule,) = [c for c in c_rules(config) if c.rule.code == "C103"]
    doc = document("Amerilife met Leadstar and the Puget law group on Youtube.\n")
    found = check_document(doc, [rule])
    assert [doc.text[d.span.start:d.span.end] for d in found] == [
        "Amerilife", "Leadstar", "Puget law group", "Youtube"]
    fixed, _ = apply_edits(doc.text, [e for d in found for e in d.fix.edits])
    assert "AmeriLife met LeadStar and the Puget Law Group on YouTube" in fixed


def test_team_terms_win_over_the_bundled_list() -> None:
    config = Config(terms=("Paypal",))
    (rule,) = [c for c in c_rules(config) if c.rule.code == "C103"]
    assert check_document(document("Pay with Paypal.\n"), [rule]) == []
    assert len(check_document(document("Pay with PayPal.\n"), [rule])) == 1


def test_unreadable_terms_file_is_an_error(tmp_path: Path) -> None:
    from presslint.errors import UserFileError

    # The message names the user's file, not the pack of the rule that reads it.
    with pytest.raises(UserFileError, match=r"missing\.txt: cannot read the terms file"):
        load_checkers(Config(terms_file=tmp_path / "missing.txt"))


def test_a_terms_file_saved_with_a_byte_order_mark_reads_like_the_words_file(tmp_path: Path) -> None:
    from presslint.kinds.capitalization.term import configured_terms

    terms_file = tmp_path / "terms.txt"
    terms_file.write_text("\ufeffAmeriLife  # the first line\n\nLeadStar\n", encoding="utf-8")
    assert configured_terms(Config(terms_file=terms_file).settings().terms) == ["AmeriLife", "LeadStar"]


def test_bundled_terms_list_is_sorted_and_unique() -> None:
    from presslint.kinds.capitalization.casing import bundled_terms

    terms = list(bundled_terms())
    assert terms == sorted(terms, key=str.lower)
    assert len({t.lower() for t in terms}) == len(terms)


# -- C104 day and month names --------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("We met on tuesday and in january.\n", ["tuesday", "january"]),
    ("It closed may 15, 2024, and march 2024 was slow.\n", ["may", "march"]),
    ("Sales started in early march, since august.\n", ["march", "august"]),
    ("Crowds may march to the august hall, and may 2025 bring joy.\n", []),
    ("Follow #tuesdaytips and see files/monday.txt.\n", []),
])
def test_calendar_names(text: str, expected: list[str]) -> None:
    assert spans("C104", text) == expected


# -- C105 headline case (opt-in) -----------------------------------------------------------

def test_headline_case_is_opt_in_and_follows_the_option() -> None:
    assert "C105" not in {c.rule.code for c in select(load_checkers(Config()), Config())}
    text = "# Acme Launches new Products for Teams\n\nThe products are new.\n"
    title = Config(select=("C105",))
    (rule,) = select(load_checkers(title), title)
    found = check_document(document(text, "a.md"), [rule])
    assert [d.message for d in found] == ["'new' in a title-case headline: write 'New'"]
    sentence = Config(select=("C105",), rule_options={"C105": {"headline-case": "sentence"}})
    (rule,) = select(load_checkers(sentence), sentence)
    found = check_document(document(text, "a.md"), [rule])
    assert [d.message for d in found] == ["'Products' in a sentence-case headline: write 'products'"]


# -- project consistency -------------------------------------------------------------------

def _releases(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"release-{i}.txt"
        name = "Dumpmedia" if i == 0 else "DumpMedia"
        path.write_text(f"The {name} app converts music. Fans like it.\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", [1, 2])
def test_project_consistency_compares_all_files(tmp_path: Path, jobs: int) -> None:
    files = _releases(tmp_path, 6)
    per_document = Config()
    results = list(check_files(files, c_rules(per_document), per_document, jobs=jobs))
    assert all(not r.diagnostics for r in results)
    project = Config(consistency="project")
    results = list(check_files(files, c_rules(project), project, jobs=jobs))
    assert [r.path for r in results] == [str(f) for f in files]
    findings = [(r.path, d.code, d.message) for r in results for d in r.diagnostics]
    assert findings == [(str(files[0]), "C101", "'Dumpmedia' is written 'DumpMedia' elsewhere")]
    assert results[0].snippets == {1: "The Dumpmedia app converts music. Fans like it."}


def test_project_consistency_on_the_command_line(tmp_path: Path) -> None:
    _releases(tmp_path, 3)
    runner = CliRunner()
    args = ["check", "--no-config", "--select", "C", "--output-format", "json", str(tmp_path)]
    assert runner.invoke(cli, args).exit_code == 0
    result = runner.invoke(cli, [*args, "--consistency", "project"])
    assert result.exit_code == 1
    assert "Dumpmedia" in result.output and "release-0.txt" in result.output


def test_every_c_rule_reports_under_its_own_code() -> None:
    assert {code for code in RULES if code.startswith("C")} == {"C101", "C102", "C103", "C104", "C105", "C106"}


@pytest.mark.parametrize(("path", "text"), [
    ("r.md", "Intro line\n\nNew plant opens in austin\n=========================\n\nBody.\n"),
    ("r.md", "# New plant opens in austin\n\nBody.\n"),
    ("r.html", "<html><body><h1 class='t'>New plant opens in austin</h1><p>Body.</p></body></html>\n"),
])
def test_headline_case_reads_the_first_heading_of_any_kind(path: str, text: str) -> None:
    from presslint import check_text

    config = Config(select=("C105",), rule_options={"C105": {"headline-case": "title"}})
    found = check_text(text, path=path, config=config)
    assert [text[d.span.start:d.span.end] for d in found] == ["plant", "opens", "austin"]


# -- the shared word helpers (casing) ------------------------------------------------------

def test_common_words_looked_up_in_place_agree_with_the_whole_list() -> None:
    from presslint.kinds.capitalization.casing import CommonWords, packaged_text

    listed = packaged_text("capitalization", "common-words.txt").split()
    words = CommonWords()
    sample = {*listed[::97], listed[0], listed[-1], "a", "zzz", "aardvarkz", "microsoft", "we’re", ""}
    expected = {w for w in sample if w.replace("’", "'") not in set(listed)}
    assert words.missing(sample) == expected
    assert words.missing(sample) == expected  # from the verdicts kept
    assert words.table._words is None
    # A run that asks about every word turns the list into a set, with the same answers.
    words.table._budget = 10
    assert words.missing(sample | {"acmetronics"}) == expected | {"acmetronics"}
    assert words.table._words is not None


def test_uncommon_keeps_names_and_compounds_of_names_only() -> None:
    from presslint.kinds.capitalization.casing import CommonWords

    words = CommonWords()
    keys = {"fastest-growing", "the", "acmetronics", "acmetronics-based", "wi-fi"}
    assert words.uncommon(keys) == {"acmetronics", "acmetronics-based"}
    assert words.not_known(keys) == {"acmetronics", "acmetronics-based"}


@pytest.mark.parametrize(("words", "bases"), [
    (["Acme’s", "x's", "it", "NASA’s"], ["Acme", "x", "it", "NASA"]),
    (["its", "’s-free", "Acme's"], ["its", "’s-free", "Acme"]),
    ([], []),
])
def test_base_forms_cut_every_possessive_ending_the_last_too(words: list[str], bases: list[str]) -> None:
    from presslint.kinds.capitalization.casing import base_forms

    assert base_forms(words) == bases


@pytest.mark.parametrize(("line", "caps"), [
    ("REDMOND, WA – MICROSOFT SAID TODAY", True),
    ("ACME CORPORATION ANNOUNCES RECORD profit", True),  # a fifth in lower case at most
    ("ACME ANNOUNCES new results", False),
    ("Acme announces new results for the quarter", False),
    ("ABC", False),
    ("A" * 120 + " and more and more and more and more", True),  # the whole line too
])
def test_caps_lines(line: str, caps: bool) -> None:
    from presslint.kinds.capitalization.casing import is_caps_line

    assert is_caps_line(line) is caps


# -- names in lower case (C101 against the release, C106 against the gazetteer) ----------

def test_gazetteer_lists_names_whose_lower_case_is_no_word() -> None:
    from presslint.kinds.capitalization.proper_nouns import gazetteer, is_ordinary

    denver = gazetteer("denver")
    assert denver is not None and denver.written == "Denver"
    assert gazetteer("mobile") is None and gazetteer("reading") is None
    assert not is_ordinary("denver") and is_ordinary("closet")


def test_compounds_of_english_words_are_no_names() -> None:
    from presslint.kinds.capitalization.proper_nouns import is_compound

    assert is_compound("workboat") and is_compound("cryptocurrency") and is_compound("coworking")
    assert not is_compound("stefanski") and not is_compound("moderna")


def test_dotted_abbreviations_end_no_sentence() -> None:
    from presslint.kinds.capitalization.lowercase_sentence_start import _dotted

    assert _dotted("P.Eng") and _dotted("M.Sc") and _dotted("Ph.D") and _dotted("e.g")
    assert not _dotted("2.0") and not _dotted("growth") and not _dotted("example.company")


def test_inverted_capitals_are_reported_at_a_sentence_start_too() -> None:
    # A gazetteer name in lower case there is C102's; "tEXAS" is the caps-lock key anywhere.
    assert spans("C106", "We grew. tEXAS is big. denver is near, and we flew to denver.\n") == ["tEXAS", "denver"]


def test_a_word_after_a_colon_is_found_by_looking_back_over_spaces_and_quotes_only() -> None:
    from presslint.kinds.capitalization.headline_case import _after_colon

    line = "Acme Wins: “ (new Deal |  \"ok — 'x and"
    assert [_after_colon(line, line.index(word)) for word in ("Wins", "new", "Deal", "ok", "x", "and")] == [
        False, True, False, True, True, False]
    assert not _after_colon("new", 0) and _after_colon(":" + " " * 100 + "x", 101)
