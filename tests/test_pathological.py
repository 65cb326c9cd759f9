"""Hostile input: the Markdown and HTML readers and the suppression comments take time
linear in the text, whatever it holds (issue 18). benchmarks/pathological.py measures it;
its bounded form runs here. The other tests pin down what each linear scan finds on the
shapes that were quadratic, against the pattern it stands for (at sizes where the
pattern's own search is still quick)."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from presslint import check_text, sentences
from presslint.config import Config
from presslint.html_prose import _Reader, parse, read
from presslint.markup import (
    _COMMENT_OR_TAG,
    _EMPHASIS,
    _IMAGE,
    _LINK_DESTINATION,
    _addresses,
    _emphasis,
    _first_email,
    _images,
    _link_destinations,
    _tags_and_comments,
)
from presslint.scan import WORD, Token, next_words
from presslint.suppressions import _comments

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import pathological  # noqa: E402

# Shapes that are still slower than linear in parts other than the readers: the rules
# (kinds) and the --fix loop, which another part of issue 18 makes linear. Take a shape off
# this list when it passes.
SHAPES = [shape.name for shape in pathological.SHAPES]


def test_presslint_is_linear_on_every_hostile_shape() -> None:
    """The bounded benchmark: each shape (the readers', the rules' and the --fix loop's) at
    8, 32 and 128 KB, in a child process."""
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "pathological.py"), "--quick",
                          "--shape", *SHAPES], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"all {len(SHAPES)} shapes linear" in run.stdout


def spans(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(pattern, text, flags)]


def mixes(pieces: list[str], count: int = 3000, seed: int = 18) -> list[str]:
    """Random texts of up to 30 pieces each: the fuzzer that found the shapes."""
    rng = random.Random(seed)
    return [("".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))) for _ in range(count)]


IMAGE = _IMAGE.pattern
DESTINATION = _LINK_DESTINATION.pattern
TAG_OR_COMMENT = _COMMENT_OR_TAG.pattern
MARKDOWN_PIECES = ["![", "](", "[", "]", "(", ")", "<!--", "-->", ">", "<", "</", "<a", "a", " ", "\n", '"', "!"]


@pytest.mark.parametrize("text", [
    "![" * 3000 + "![a](b.png)",
    "![](" * 2000 + ")",
    "![a](" * 1000 + "\n![b](c)",
    "![a](b" + "![](" * 1000,
])
def test_images_of_a_run_of_openers(text: str) -> None:
    assert _images(text) == spans(IMAGE, text)


@pytest.mark.parametrize("text", [
    "](" * 3000 + "[a](b)",
    '](a "' + "](a " * 1000 + '")',
    "[a](" + "x" * 3000 + " y)",
])
def test_link_destinations_of_a_run_of_openers(text: str) -> None:
    assert _link_destinations(text) == spans(DESTINATION, text)


@pytest.mark.parametrize("text", [
    "<!--" * 1000 + "<b>",
    "<!-- a -->" + "<!--" * 2000 + "-->",
    "<a <a <a <b>" * 500,
])
def test_tags_and_comments_of_a_run_of_openers(text: str) -> None:
    assert _tags_and_comments(text) == spans(TAG_OR_COMMENT, text, re.DOTALL)


def test_markdown_scans_find_what_their_patterns_find() -> None:
    for text in mixes(MARKDOWN_PIECES):
        assert _images(text) == spans(IMAGE, text), text
        assert _link_destinations(text) == spans(DESTINATION, text), text
        assert _tags_and_comments(text) == spans(TAG_OR_COMMENT, text, re.DOTALL), text


def emphasis(mark: str, text: str) -> list[tuple[int, int, int]]:
    return [(*match.span(), 1 + len(match.group(1))) for match in _EMPHASIS[mark].finditer(text)]


@pytest.mark.parametrize("text", ["*a " * 1000, "**a " * 1000 + "b**", "_a " * 1000 + "b_", "*a*" * 1000,
                                  "***a " * 500 + "a***", "*a\\* " * 500])
def test_emphasis_of_a_line_of_openers(text: str) -> None:
    for mark in "*_":
        assert _emphasis(text, mark) == emphasis(mark, text)


def test_emphasis_is_what_its_pattern_finds() -> None:
    for text in mixes(["*", "**", "_", "__", "a", " ", "\n", "\\", "é", ".", "***"]):
        for mark in "*_":
            assert _emphasis(text, mark) == emphasis(mark, text), text


SENTENCE_END = r"""[.!?]+["'”’)\]]*(?=\s)|\n[ \t]*\n|\n"""


@pytest.mark.parametrize("text", ["." * 300, "!?" * 150 + " a", ".)" * 150 + "\n", "a" + "." * 300 + " b. c"])
def test_sentence_ends_of_runs_of_full_stops(text: str) -> None:
    assert [match.span() for match in sentences._END.finditer(text)] == spans(SENTENCE_END, text)


def test_sentence_ends_are_what_the_pattern_finds() -> None:
    for text in mixes([".", "!", "?", '"', "”", ")", "]", " ", "\n", "\t", "a", "..."]):
        assert [match.span() for match in sentences._END.finditer(text)] == spans(SENTENCE_END, text), text


def test_the_word_after_a_run_of_blanks() -> None:
    adjacent = re.compile(rf"[ \t\u2063]*\n?[ \t\u2063]*({WORD})")
    for text in ["a" + " " * 400 + ".", "a" + " \t" * 200 + "\n" + " " * 200 + "b", "a \n\nb", "a\u2063 b-c d"]:
        expected = [Token(*match.span(1), match.group(1)) for match in [adjacent.match(text, 1)] if match]
        assert next_words(text, 1) == expected, text


EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


def test_first_email_is_the_patterns_first_match() -> None:
    for text in mixes(["@", "a", "b", ".", "co", " ", "-", "+", "_", "é", "@@", ".."]):
        for start in (0, len(text) // 3):
            match = re.compile(EMAIL).search(text, start)
            assert _first_email(text, start, len(text)) == (match.span() if match else None), (text, start)


@pytest.mark.parametrize(("text", "found"), [
    ("@" * 20000, []),
    ("a@" * 10000, []),
    ("@" * 5000 + " write to a@b.co today", ["a@b.co"]),
    ("a@" * 5000 + "b.co", ["a@b.co"]),
    ("x" * 3000 + "@b.co", ["x" * 500 + "@b.co"]),  # an address is never over 500 long
    ("see www.a.com and a@b.co@c.io", ["www.a.com", "a@b.co", "a@b.co", "a@b.co@c.io"]),
])
def test_addresses_in_runs_of_at_signs(text: str, found: list[str]) -> None:
    assert [text[start:end] for start, end in _addresses(text)] == found


COMMENT = r"<!--\s*(presslint\b[^>]*?)\s*-->"


@pytest.mark.parametrize("text", [
    "<!-- presslint-disable" + " " * 3000,
    "<!-- presslint-disable" + " " * 3000 + "-->",
    "<!-- presslint " * 2000 + "-->",
    "<!-- presslint-disable W101 \u00a0\x1c -->",
])
def test_suppression_comments_of_hostile_shapes(text: str) -> None:
    expected = [(match.span(), match.group(1)) for match in re.finditer(COMMENT, text)]
    assert [((span.start, span.end), comment) for span, comment in _comments(text)] == expected


def test_suppression_comments_are_what_the_pattern_finds() -> None:
    pieces = ["<!--", "-->", "--", ">", " ", "\n", "presslint", "presslintx", "-disable", " W101", "\t"]
    for text in mixes(pieces):
        expected = [(match.span(), match.group(1)) for match in re.finditer(COMMENT, text)]
        assert [((span.start, span.end), comment) for span, comment in _comments(text)] == expected, text


def codes(text: str) -> list[tuple[str, int]]:
    return [(d.code, text.count("\n", 0, d.span.start) + 1)
            for d in check_text(text, path="release.md", config=Config(select=("W104", "P001")))]


def test_many_next_line_suppressions_each_silence_their_line() -> None:
    used = "<!-- presslint-disable-next-line W104 -->\nTwo  spaces.\n"
    unused = "<!-- presslint-disable-next-line W104 -->\nOne space.\n"
    text = (used + unused) * 400
    assert codes(text) == [("P001", line) for line in range(3, 1600, 4)]


def test_many_ranges_that_name_other_rules_silence_nothing() -> None:
    text = "<!-- presslint-disable W101 -->\nTwo  spaces.\n" * 300 + "<!-- presslint-enable W102 -->\n"
    assert codes(text) == [("W104", line) for line in range(2, 601, 2)]


def test_many_ranges_ended_by_one_enable() -> None:
    text = "<!-- presslint-disable W104 -->\nTwo  spaces.\n" * 300 + "<!-- presslint-enable -->\nA  b.\n"
    assert codes(text) == [("W104", 602)]


class PlainReader(_Reader):
    """The reader with html.parser's own search for the ends of comments and sections."""
    parse_comment = HTMLParser.parse_comment
    parse_marked_section = _Reader._marked_section


@pytest.mark.parametrize("opener", ["<!--", "</", "<a ", "<?", "<![CDATA[", "<!", "<p title='", "<!-- a >",
                                    "<![CDATA[ a >", "<![if x >", '<a title="x> '])
def test_html_openers_left_open_read_as_html_parser_reads_them(opener: str) -> None:
    text = "<p>Some <b>text</b> here.</p>\n" + opener * 500
    assert tuple(read(text)) == tuple(parse(text, text, PlainReader))


def test_html_reads_as_html_parser_reads_it() -> None:
    pieces = [*"<!->?'\"ab =/&#;\n[]", "CDATA", "if", "<![", "--", "<p>", "</p>", "<script>", "</script>", "<h1>",
              "</h1>", "\x01"]
    for text in mixes(pieces):
        assert tuple(read(text)) == tuple(parse(text, text, PlainReader)), text


@pytest.mark.parametrize("text", ["<![-", "<p>A <![x y> b.</p>", "<![ a", "x<![<!["])
def test_an_unknown_marked_section_is_a_bogus_comment_not_a_crash(text: str) -> None:
    html = read(text)
    if ">" in text[text.index("<!["):]:
        start = text.index("<![")
        assert (start, text.index(">", start) + 1) in [(span.start, span.end) for span in html.hidden]
