"""Spelling, possessives and doubled words (issue 13): the parts the case files do not show."""

from __future__ import annotations

import pytest

from presslint.kinds.typos.common_misspelling import typed_slip
from presslint.kinds.typos.slips import slip, suggestions
from presslint.kinds.typos.unknown_word import compound

from .conftest import run, spans


def test_misspellings_close_together_do_not_hide_each_other() -> None:
    assert spans("T101", "The team will recieve the goverment grant.\n") == ["recieve", "goverment"]
    assert spans("T102", "Our cuatomers and partnershp grew.\n") == ["cuatomers", "partnershp"]
    # A phrase in another language still hides its words.
    assert spans("T102", "Ask an abogado de accidentes today.\n") == []


def test_an_accented_loanword_is_english() -> None:
    assert spans("T101", "Teh café opened.\n") == ["Teh"]


@pytest.mark.parametrize(("word", "expected"), [
    ("indipendent", "independent"),  # a vowel confused
    ("hundeeds", "hundreds"),  # a neighbouring key
    ("annnounces", "announces"),  # a stutter
    ("indipendant", "independent"),  # a vowel and a second slip, apart
])
def test_suggestions(word: str, expected: str) -> None:
    assert suggestions(word)[0] == expected


def test_two_slips_side_by_side_are_another_ending() -> None:
    assert suggestions("fragilis") == []
    assert suggestions("accessorials") == []


def test_compounds_need_halves_a_tagged_corpus_knows() -> None:
    assert compound("bitrate") and compound("sunray")
    assert not compound("hundeeds") and not compound("eatate") and not compound("centee")


def test_possessive_of_an_unknown_word() -> None:
    [finding] = run("T102", "It changed peopke’s lives.\n")
    assert finding.fix is not None and finding.fix.edits[0].replacement == "people"


def test_capitalised_misspellings_only_when_a_finger_slipped() -> None:
    assert typed_slip("enviroment", "environment") and typed_slip("buisness", "business")
    assert not typed_slip("holliday", "holiday") and not typed_slip("furthur", "further")
    assert spans("T101", "He joined Holliday Fenoglio Fowler and Furthur Films.\n") == []
    assert spans("T101", "The Enviroment desk met. GOVERMENT grants grew.\n") == ["Enviroment", "GOVERMENT"]
    # A Title-case misspelling the release writes twice is a name.
    assert spans("T101", "We met Enviroment Inc. and Enviroment Inc. hired us.\n") == []


def test_one_slip() -> None:
    assert slip("Contsoo", "Contoso") and slip("Kristof", "Kristoff")
    assert not slip("Contoso", "Contoso") and not slip("Contoso", "Cantosa")
    assert [slip("Contso", "Contoso"), slip("Conttoso", "Contoso"), slip("Contaso", "Contoso"),
            slip("Contsoo", "Contoso"), slip("Cntsoo", "Contoso")] == ["dropped", "added", "replaced", "swapped", ""]


def test_misspelt_name_needs_three_uses_and_the_same_start() -> None:
    three = "Contoso grew. Contoso hired. Contoso sold. "
    assert spans("T120", three + "Contsoo said so.\n") == ["Contsoo"]
    assert spans("T120", "Contoso grew. Contoso hired. Contsoo said so.\n") == []
    assert spans("T120", "Oriane wrote it. Oriane read it. Oriane sold it at Ariane Editions.\n") == []
    assert spans("T120", three + "Contosos rivals lost.\n") == []


def test_wrong_apostrophe_fix() -> None:
    [finding] = run("T121", "The company`s plan.\n")
    assert finding.fix is not None and finding.fix.edits[0].replacement == "'"  # the document's style
    assert (finding.span.start, finding.span.end) == (11, 12)


def test_possessive_of_a_name_written_with_its_apostrophe() -> None:
    text = "Prince George’s County grew. The Prince Georges County board met.\n"
    assert spans("T108", text) == ["Georges"]
    # "Americas" is a name of its own, frequent in the lists.
    assert spans("T108", "America’s Cup. The Americas Regional Director spoke.\n") == []


@pytest.mark.parametrize(("text", "found"), [
    ("Acme hires experts, ensuring that that expertise is near.\n", ["that that"]),
    ("It is healthcare that that travels with you.\n", ["that that"]),
    ("He said that that the plan works.\n", ["that that"]),
    ("He said that that plan works.\n", []),
    ("The fact that that is true helps.\n", []),
    ("The tools that that team built work.\n", []),
    ("Our base is is a mix.\n", ["is is"]),
    ("What it is is a new bank.\n", []),
])
def test_that_that_and_is_is(text: str, found: list[str]) -> None:
    assert spans("T109", text) == found


def test_doubled_word_across_markup_keeps_the_markup() -> None:
    [finding] = run("T109", "We approved the **the** budget.\n", "x.md")
    assert finding.fix is not None
    edit = finding.fix.edits[0]
    text = "We approved the **the** budget.\n"
    assert text[:edit.span.start] + edit.replacement + text[edit.span.end:] == "We approved **the** budget.\n"
