"""The W rules' scans: patterns split for speed must still find every case, in text order."""

from __future__ import annotations

from presslint.config import Config
from presslint.diagnostic import Diagnostic
from presslint.engine import load_checkers

from .conftest import CHECKERS, document, spans


def checked(code: str, text: str, path: str = "example.txt") -> list[Diagnostic]:
    """The findings of one rule in the order its kind yields them (not sorted afterwards)."""
    return list(CHECKERS[code].check(document(text, path)))


def test_missing_sentence_space_after_each_mark_in_text_order() -> None:
    text = "Is it ready?Yes, sales rose 12%.Profit fell!Shares rallied.The board met.\n"
    found = checked("W106", text)
    assert [text[d.span.start] for d in found] == ["?", ".", "!", "."]
    assert [d.message for d in found] == ["no space after '?' before 'Yes'", "no space after '.' before 'Profit'",
                                          "no space after '!' before 'Shares'", "no space after '.' before 'The'"]


def test_space_before_punctuation_after_spaces_and_tabs_in_text_order() -> None:
    text = "The company\t, based in Austin , grew \t; it ships in May .\nDone :\n"
    found = checked("W107", text)
    assert [text[d.span.start:d.span.end] for d in found] == ["\t,", " ,", " \t;", " .", " :"]
    assert [d.fix.edits[0].replacement for d in found if d.fix] == [",", ",", ";", ".", ":"]


def test_space_before_punctuation_leaves_ellipses_and_decimals() -> None:
    assert not checked("W107", "Reviewers called it \"wise . . . and funny\" at .99 cents.\n")
    assert not checked("W107", "Reviewers called it \"wise\t. . . and funny\".\n")


def test_tab_in_prose_only_between_two_non_blanks() -> None:
    text = ("\tIndented. Highlights: •\tFaster checkout.\nQ3\t$4.2M\t$3.9M\n"
            "The tools allow:\t\tDetect drones. Gap \tthere.\t\n")
    found = checked("W108", text)
    assert [(d.span.start, d.span.end) for d in found] == [(24, 25), (73, 75)]


def test_mojibake_run_of_several_sequences_is_one_finding() -> None:
    text = "Microsoftâ€™s cafÃ© said â€œhelloâ€\u009d today.\n"
    assert spans("W111", text) == ["â€™", "Ã©", "â€œ", "â€\u009d"]
    found = checked("W111", "Le cafÃ©Ã© ouvre.\n")
    assert [d.message for d in found] == ["'Ã©Ã©' is mojibake (UTF-8 read as Windows-1252); it should read 'éé'"]


def test_unusual_spaces_in_a_run_are_one_finding() -> None:
    assert spans("W109", "Revenue grew by 5\u202f\u00a0percent, not\u00a0six.\n") == ["\u202f\u00a0", "\u00a0"]


def test_space_runs_split_between_doubled_space_and_sentence_spacing() -> None:
    text = ("The company  announced it.  Shares of Example Inc.  rose \"fast.\"   Then  they fell.\n"
            "    Indented  line.\n| a  | b   |\nName       Title        Phone\nEnd  \n")

    def places(code: str) -> list[tuple[int, int]]:
        return [(d.span.start, d.span.end) for d in checked(code, text)]

    assert places("W104") == [(11, 13), (50, 52), (71, 73), (96, 98)]  # "company", "Inc.", "Then", "Indented"
    assert places("W105") == [(26, 28), (64, 67)]  # after "it." and after "fast.\""
    assert [d.message for d in checked("W105", text)] == [
        "2 spaces after a sentence; the house style is one space",
        "3 spaces after a sentence; the house style is one space"]


def test_trailing_whitespace_runs_of_spaces_and_tabs_in_text_order() -> None:
    text = "Spaces.   \nTab.\t\nMixed. \t \n\t\nHard break  \nLast line.\n   \n \t"
    found = checked("W101", text, path="release.md")
    assert [text[d.span.start:d.span.end] for d in found] == ["   ", "\t", " \t ", "\t"]
    assert [d.message for d in found] == ["trailing whitespace"] * 3 + ["whitespace-only line"]
    # Outside Markdown two trailing spaces are junk too; the blank tail is W102's either way.
    assert spans("W101", text) == ["   ", "\t", " \t ", "\t", "  "]
    assert spans("W101", "No line break after this line. \t") == [" \t"]


def test_sentence_spacing_two_flags_one_space_after_a_sentence() -> None:
    checkers = load_checkers(Config(rule_options={"W105": {"sentence-spacing": "two"}}))
    checker = next(c for c in checkers if c.rule.code == "W105")
    text = "It closed. \"We agree.\" Shares of Example Inc. rose.  Then (as planned) 2 more. Done. ok.\n"
    found = list(checker.check(document(text)))
    assert [d.span.start for d in found] == [10, 22, 78]  # after "closed.", "agree.\"" and "more."
    assert {d.message for d in found} == {"1 space after a sentence; the house style is two spaces"}
