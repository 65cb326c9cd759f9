"""The Python API (presslint.check_text, check_paths) as a script or the language server
calls it: the keyword-only options, per-file-ignores, files edited between two calls."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

import presslint
from presslint.config import Config, discover

DATELINE = "NEW YORK, March 18, 2024 – Acme today launched its app.\n"


def test_release_date_is_compared_with_the_dateline() -> None:
    assert presslint.check_text(DATELINE, "release.txt") == []
    [found] = presslint.check_text(DATELINE, "release.txt", release_date=date(2024, 3, 19))
    assert found.code == "D109" and "from --release-date" in found.message


def test_syntax_overrides_the_extension() -> None:
    text = "Acme ships it.\n\n```\nTeh code\n```\n"
    assert "T101" in {d.code for d in presslint.check_text(text, "untitled")}
    assert "T101" not in {d.code for d in presslint.check_text(text, "untitled", syntax="markdown")}


def test_per_file_ignores_apply_to_the_path_given(tmp_path: Path) -> None:
    (tmp_path / ".presslint.yaml").write_text("per-file-ignores:\n  'legal/*.txt': [T101]\n", encoding="utf-8")
    config = discover(tmp_path)
    text = "The deal closed. Teh team grows.\n"
    assert [d.code for d in presslint.check_text(text, "legal/terms.txt", config)] == []
    assert [d.code for d in presslint.check_text(text, "news/release.txt", config)] == ["T101"]


def test_a_words_file_edited_between_two_calls_is_read_again(tmp_path: Path) -> None:
    words = tmp_path / ".presslint-words.txt"
    words.write_text("# our words\n", encoding="utf-8")
    config = discover(tmp_path)
    text = "The deal closed. Teh team grows.\n"
    assert [d.code for d in presslint.check_text(text, "a.txt", config)] == ["T101"]
    words.write_text("# our words\nTeh\n", encoding="utf-8")
    os.utime(words, ns=(1, 1))  # a different stamp even on a coarse clock
    assert presslint.check_text(text, "a.txt", config) == []


def test_check_paths_raises_for_a_named_file_that_is_not_text_and_skips_a_walked_one(tmp_path: Path) -> None:
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    (tmp_path / "note.txt").write_text("Teh deal closed.\n", encoding="utf-8")
    with pytest.raises(OSError, match=r"release\.pdf: cannot check a PDF document"):
        presslint.check_paths([pdf])
    # In a walk (a user's include of every file) the PDF is left out; the text is checked.
    found = presslint.check_paths([tmp_path], config=Config(include=("*",)))
    assert [(Path(d.path).name, d.code) for d in found] == [("note.txt", "T101")]
