"""The part-of-speech tagger and the context the confusable-word rules read (T104-T107,
T110, T113)."""

from __future__ import annotations

import pytest

from presslint.kinds.typos import tagger
from presslint.kinds.typos.a_an import vowel_sound

from .conftest import spans


def test_brill_contextual_rules_correct_the_lexicon() -> None:
    # "plan" is a noun in the lexicon; after "to" a contextual rule makes it a verb.
    assert tagger.tag(("we", "want", "to", "plan", "ahead")) == ("PRP", "VBP", "TO", "VB", "RB")
    # Unknown words by their shape: a compound modifier, a name, a number.
    assert tagger.tag(("a", "go-to-market", "plan")) [1] == "JJ"
    assert tagger.tag(("met", "Zorblax", "on", "12")) == ("VBD", "NNP", "IN", "CD")


def test_a_window_splits_clitics_and_keeps_the_word_in_doubt_out_of_the_rules() -> None:
    prose = "NT Logistics tailors it’s model to the unique needs."
    window = tagger.window(prose, prose.index("it’s"))
    assert window.words[window.at:window.at + 3] == ["it", "'s", "model"]
    assert window.tags[window.at:window.at + 2] == ["XX", "XX"]
    assert window.starts[window.at] == prose.index("it’s")
    # "quality" stays a noun: the rules do not read "there" as an adverb before it.
    prose = "It helps families improve there quality of life."
    window = tagger.window(prose, prose.index("there"))
    assert window.tags[window.at + 1] == "NN"


@pytest.mark.parametrize("text", [
    "The firm will expand it's revenue.\n",
    "Despite it's deteriorating finances, the chain grew.\n",
    "The museum kept it’s old-world gravitas.\n",
    "Shake Shack will receive it’s very own foam finger.\n",
    "The site is on it's newly revamped Fifth Avenue home page.\n",
    "Its truly a milestone for us.\n",
    "We know its working because sales grew.\n",
    "It is more than food. Its storytelling through hospitality.\n",
    "The future is not insight; its autonomous execution.\n",
    "It is more than a meal service; its about restoring dignity.\n",
])
def test_its_misused(text: str) -> None:
    assert len(spans("T104", text)) == 1


@pytest.mark.parametrize("text", [
    "It's important, it's now available and it’s proven.\n",
    "It's worth noting that the pill is new.\n",
    "Whether it's ensuring data security or speed, we help.\n",
    "The economy's most dynamic segment—its independent businesses.\n",
    "Kraken has appointed Tim Wan as its new CFO.\n",
    "The method is required by its holding a reference.\n",
    "Apps with its easy to use interface sell.\n",
    "Its proprietary Inc. 5000 list, produced every year, is out.\n",
    "More than a sound—it's emotion, personality and storytelling.\n",
    "Its growing portfolio and its reshaping of the market.\n",
])
def test_its_used_well(text: str) -> None:
    assert spans("T104", text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("The tours enjoyed there largest attendance this past year.\n", ["there"]),
    ("Each person has there own story.\n", ["there"]),
    ("Trees shade there weathered tombstones.\n", ["there"]),
    ("Families talk about there child’s care.\n", ["there"]),
    ("Their is no write activity to replicate.\n", ["Their"]),
    ("We met there last year; is there demand?\n", []),
    ("Shake Shack celebrated their not one, but two finishes.\n", []),
    ("The best tools out there today are free.\n", []),
    ("Push to $there tag v1.2.3 now.\n", []),
    ("They're helping define it, and they’re looking for more.\n", []),
])
def test_their_there(text: str, found: list[str]) -> None:
    assert spans("T107", text) == found


def test_your_and_whose() -> None:
    assert spans("T106", "We hope your ready. If your going to come, call.\n") == ["your", "your"]
    assert spans("T106", "State that you're planning on a visit; you’re doing well.\n") == []
    assert spans("T105", "A team whose members vote, and who's team has grown.\n") == ["who's"]


def test_a_code_like_string_is_no_candidate_but_an_ellipsis_is_prose() -> None:
    # scan.is_free_standing, as for the spelling rules.
    assert spans("T106", "The field user:your not set.\n") == []
    assert spans("T104", "We waited...its a great day.\n") == ["its"]


def test_then_after_any_comparative() -> None:
    assert spans("T113", "It is bigger then the old one and arrived sooner then planned.\n") == ["then", "then"]
    assert spans("T113", "It grew bigger, then shrank; later then it rose.\n") == []


@pytest.mark.parametrize(("word", "vowel"), [("LUX", None), ("SIM", None), ("MIT", True), ("SUV", True),
                                             ("FBI", True), ("CEO", False), ("MBA", True), ("NATO", None)])
def test_acronyms_said_as_words_are_open(word: str, vowel: bool | None) -> None:
    assert vowel_sound(word) is vowel


def test_its_part_and_time_only_where_no_verb_takes_them() -> None:
    assert spans("T104", "It is a priority for us – its part of our DNA.\n") == ["its"]
    assert spans("T104", "The shift is real—but now its time to take it mainstream.\n") == ["its"]
    assert spans("T104", "Its time to market is short; the firm did its part of the work.\n") == []
    assert spans("T104", "We cut its time to market.\n") == []
