"""Which files `presslint check` reads: no path (the configuration's paths or the current
folder), default excludes, .gitignore files, --extend-include/--extend-exclude, and a
summary that says when an error happened."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from presslint import check_paths
from presslint.report.text import _summary

from .test_cli import invoke

FLAWED = "Teh  deal.\n"  # W104 and T101 on every file


def tree(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(FLAWED, encoding="utf-8")


def checked(*args: str) -> list[str]:
    """The files with findings, as the output names them, in the output's order."""
    _, out, _ = invoke("check", "--quiet", "--select", "W104", *args)
    return [line.split(":")[0] for line in out.splitlines()]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree with releases and the folders tools leave behind."""
    (tmp_path / ".git").mkdir()
    tree(tmp_path, "top.md", "releases/a.md", "releases/2024/b.txt",
         "venv/lib/site.txt", ".venv/lib/site.txt", "env-3.12/notes.md", "node_modules/pkg/README.md",
         "build/out.html", "dist/out.txt", "__pycache__/x.txt", ".tox/py/x.txt", ".mypy_cache/x.md",
         ".pytest_cache/README.md", ".git/notes.txt")
    (tmp_path / "env-3.12" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")  # a venv by any name
    monkeypatch.chdir(tmp_path)
    return tmp_path


RELEASES = ["top.md", "releases/a.md", "releases/2024/b.txt"]


def test_no_path_checks_the_current_folder_without_tools_folders(project: Path) -> None:
    assert checked("--no-config") == RELEASES


def test_a_folder_named_explicitly_is_walked_with_the_default_excludes_too(project: Path) -> None:
    assert checked("--no-config", ".") == RELEASES
    assert checked("--no-config", str(project)) == [str(project / name) for name in RELEASES]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds_to_them(project: Path) -> None:
    assert checked("--no-config", "--extend-exclude", "2024") == ["top.md", "releases/a.md"]
    assert checked("--no-config", "--extend-exclude", "releases/2024/*.txt") == ["top.md", "releases/a.md"]
    replaced = checked("--no-config", "--exclude", "2024")
    assert {"venv/lib/site.txt", "env-3.12/notes.md", "node_modules/pkg/README.md", "build/out.html",
            "dist/out.txt", "__pycache__/x.txt"} <= set(replaced)
    assert "releases/2024/b.txt" not in replaced
    assert not any(name.startswith(".") for name in replaced)  # hidden folders are never walked


def test_include_replaces_the_defaults_and_extend_include_adds_to_them(project: Path) -> None:
    tree(project, "releases/c.rst")
    assert checked("--no-config", "--include", "*.rst") == ["releases/c.rst"]
    assert checked("--no-config", "--extend-include", "*.rst") == [*RELEASES[:2], "releases/c.rst", RELEASES[2]]


def test_the_extend_keys_of_the_configuration_and_the_command_line_add_up(project: Path) -> None:
    tree(project, "releases/c.rst")
    (project / ".presslint.yaml").write_text("extend-include: ['*.rst']\nextend-exclude: ['2024']\n",
                                            encoding="utf-8")
    assert checked() == ["top.md", "releases/a.md", "releases/c.rst"]
    assert checked("--extend-exclude", "top.md") == ["releases/a.md", "releases/c.rst"]
    replaced = checked("--exclude", "top.md")  # the defaults go; the configuration's extend-exclude stays
    assert "node_modules/pkg/README.md" in replaced and "releases/c.rst" in replaced
    assert "top.md" not in replaced and "releases/2024/b.txt" not in replaced
    (project / ".presslint.yaml").write_text("exclude: ['2024']\n", encoding="utf-8")
    assert "node_modules/pkg/README.md" in checked()


def test_gitignore_files_are_respected_nested_and_with_negation(project: Path) -> None:
    tree(project, "releases/draft-1.md", "releases/2024/keep.md", "releases/2024/c.md", "private/x.md")
    (project / ".gitignore").write_text("# drafts and private notes\ndraft-*.md\nprivate/\n", encoding="utf-8")
    (project / "releases" / "2024" / ".gitignore").write_text("*.md\n!keep.md\n", encoding="utf-8")
    assert checked("--no-config") == [*RELEASES[:2], "releases/2024/b.txt", "releases/2024/keep.md"]
    # Walking a folder below, the work tree's .gitignore above it still applies.
    assert checked("--no-config", "releases") == ["releases/a.md", "releases/2024/b.txt", "releases/2024/keep.md"]


def test_gitignore_above_the_walk_counts_only_inside_a_git_work_tree(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    tree(tmp_path, "site/releases/a.md", "site/releases/draft.md", "site/releases/old/b.md")
    (tmp_path / "site" / ".gitignore").write_text("draft.md\n", encoding="utf-8")
    (tmp_path / "site" / "releases" / ".gitignore").write_text("old/\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "site")
    # No .git: the walked folders' own .gitignore files apply, not those above them.
    assert checked("--no-config", ".") == ["releases/a.md"]
    assert checked("--no-config", "releases") == ["releases/a.md", "releases/draft.md"]
    (tmp_path / ".git").mkdir()
    assert checked("--no-config", "releases") == ["releases/a.md"]


def test_a_file_named_explicitly_is_checked_whatever_the_excludes(project: Path) -> None:
    (project / ".gitignore").write_text("a.md\n", encoding="utf-8")
    named = ["releases/a.md", "node_modules/pkg/README.md", "env-3.12/notes.md"]
    assert checked("--no-config", "--extend-exclude", "releases", *named) == named
    assert check_paths(["node_modules/pkg/README.md"])  # the Python API too
    assert check_paths(["node_modules"])  # a folder named is walked, as Ruff does; below it the excludes apply
    assert {d.path for d in check_paths(["."])} == {"top.md", "releases/2024/b.txt"}  # gitignored: a.md


def test_check_with_no_path_reads_the_configuration_paths_relative_to_its_file(project: Path) -> None:
    (project / ".presslint.yaml").write_text("paths: [releases/2024, top.md]\n", encoding="utf-8")
    assert checked() == ["releases/2024/b.txt", "top.md"]
    assert checked("releases/a.md") == ["releases/a.md"]  # paths on the command line win
    os.chdir(project / "releases")  # the config is found above; its paths stay relative to it
    assert checked() == ["2024/b.txt", str(project / "top.md")]


def test_a_bad_paths_key_is_an_error_at_its_line(project: Path) -> None:
    (project / ".presslint.yaml").write_text("select: [W]\npaths: releases\n", encoding="utf-8")
    code, _, err = invoke("check")
    assert code == 2
    assert err == (f"presslint: error: {project / '.presslint.yaml'}:2: 'paths' must be a list of files and "
                   "folders that `presslint check` with no path checks, not 'releases'\n")


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


def run(args: list[str], cwd: Path, stdin: bytes | None = None, code: str = "") -> subprocess.CompletedProcess[bytes]:
    script = code or "import sys; from presslint.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", script, *args], cwd=cwd, input=stdin, capture_output=True,
                          check=False, timeout=120)


def test_piped_input_with_no_path_is_not_read_and_the_warning_says_so(project: Path) -> None:
    done = run(["check", "--no-config", "--select", "W104"], project, stdin=b"Piped  text.\n")
    assert done.returncode == 1
    assert done.stderr.decode() == ("presslint: warning: standard input is not read without '-' "
                                    "(presslint check -); checking the current folder\n")
    assert [line.split(":")[0] for line in done.stdout.decode().splitlines()[::3]][:3] == RELEASES
    done = run(["check", "--no-config", "--select", "W104", "-q", "-"], project, stdin=b"Piped  text.\n")
    assert done.stdout.decode() == "-:1:6: W104 2 spaces between words\n"


IMPORTED = ("import sys; from presslint.cli import main; main(sys.argv[1:]); "
            "print('pathspec' in sys.modules, 'presslint.gitignore' in sys.modules)")


def test_the_gitignore_matcher_is_imported_only_when_a_walk_meets_a_gitignore(project: Path) -> None:
    assert run(["check", "--no-config", "top.md"], project, code=IMPORTED).stdout.endswith(b"False False\n")
    assert run(["check", "--no-config", "releases"], project, code=IMPORTED).stdout.endswith(b"False True\n")
    (project / ".gitignore").write_text("draft*\n", encoding="utf-8")
    assert run(["check", "--no-config", "releases"], project, code=IMPORTED).stdout.endswith(b"True True\n")


def test_this_repository_checks_its_demo_releases_not_its_data(monkeypatch: pytest.MonkeyPatch) -> None:
    from .conftest import ROOT

    monkeypatch.chdir(ROOT)
    _, out, _ = invoke("check", "--quiet")
    files = {line.split(":")[0] for line in out.splitlines()}
    assert files and all(name.startswith("examples/") for name in files)
