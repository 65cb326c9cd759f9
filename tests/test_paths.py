"""The summary line says when an error happened."""

from __future__ import annotations

from pathlib import Path

from presslint.report.text import _summary

from .test_cli import invoke


def test_a_missing_folder_never_ends_all_clear(tmp_path: Path) -> None:
    code, out, err = invoke("check", "--no-config", str(tmp_path / "releases"))
    assert code == 2
    assert err == f"presslint: error: {tmp_path / 'releases'}: no such file or directory\n"
    assert out == "1 error; no files checked.\n"
    (tmp_path / "fine.txt").write_text("Fine.\n", encoding="utf-8")
    code, out, _ = invoke("check", "--no-config", str(tmp_path / "fine.txt"), str(tmp_path / "nope.md"))
    assert (code, out) == (2, "1 error; no problems in 1 file checked.\n")


def test_the_summary_counts_errors_beside_what_was_found() -> None:
    assert _summary(3, 0, 0, 0, False) == "All clear: no problems in 3 files."  # unchanged without errors
    assert _summary(0, 0, 0, 0, False, errors=2) == "2 errors; no files checked."
    assert _summary(3, 0, 0, 0, False, errors=1) == "1 error; no problems in 3 files checked."
    assert _summary(3, 1, 2, 0, False, errors=1) == "1 error; found 2 problems in 1 file (3 checked)."
    assert _summary(3, 0, 0, 2, True, errors=1) == "1 error; would fix 2 problems, none remaining (3 files checked)."
