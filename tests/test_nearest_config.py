"""Each file is checked with the configuration nearest it (configs.Nearest), as in Ruff;
the run-wide keys are the run's; --config and --no-config choose one for every file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint.cli import cli

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Teh deal is  done.\n"  # T101 and W104


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".presslint.yaml").write_text("select: [W104]\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".presslint.yaml").write_text("select: [T101]\nquiet: false\njobs: 7\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (sub / "b.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _codes(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["check", "-q", *args])
    lines = [line.split(": ")[0] + " " + line.split(": ")[1].split()[0] for line in result.stdout.splitlines()]
    return result.exit_code, sorted(lines)


def test_a_file_below_another_configuration_is_checked_with_that_one(tree: Path) -> None:
    code, found = _codes(".")
    assert code == 1
    assert found == ["a.txt:1:12 W104", "sub/b.txt:1:1 T101"]


def test_the_command_line_wins_over_every_configuration(tree: Path) -> None:
    assert _codes(".", "--select", "W104")[1] == ["a.txt:1:12 W104", "sub/b.txt:1:12 W104"]


def test_config_or_no_config_chooses_one_for_every_file(tree: Path) -> None:
    assert _codes(".", "--config", ".presslint.yaml")[1] == ["a.txt:1:12 W104", "sub/b.txt:1:12 W104"]
    found = _codes(".", "--no-config")[1]
    assert "sub/b.txt:1:12 W104" in found and "sub/b.txt:1:1 T101" in found


def test_a_nearer_configuration_applies_without_one_in_the_current_folder(tree: Path) -> None:
    (tree / ".presslint.yaml").unlink()
    found = _codes(".")[1]
    assert "sub/b.txt:1:1 T101" in found and "sub/b.txt:1:12 W104" not in found
    assert "a.txt:1:12 W104" in found and "a.txt:1:1 T101" in found  # the defaults


def test_with_worker_processes_too(tree: Path) -> None:
    for i in range(6):
        (tree / f"a{i}.txt").write_text(TEXT, encoding="utf-8")
        (tree / "sub" / f"b{i}.txt").write_text(TEXT, encoding="utf-8")
    code, found = _codes(".", "--jobs", "2")
    assert code == 1 and len(found) == 14
    assert all(line.endswith("W104") for line in found if not line.startswith("sub/"))
    assert all(line.endswith("T101") for line in found if line.startswith("sub/"))


def test_a_mistake_in_a_nearer_configuration_names_its_file_and_line(tree: Path) -> None:
    (tree / "sub" / ".presslint.yaml").write_text("select: [T101]\nignore: [T1O1]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "."])
    assert result.exit_code == 2
    assert f"{tree / 'sub' / '.presslint.yaml'}:2:" in result.stderr and "'T1O1'" in result.stderr


def test_presslint_config_shows_the_nearest_configuration_with_the_run_wide_keys_of_the_run(tree: Path) -> None:
    out = CliRunner().invoke(cli, ["config", "sub/b.txt"]).stdout.splitlines()
    assert out[0] == f"# configuration file: {tree / 'sub' / '.presslint.yaml'}"
    assert out[1] == f"# run-wide keys from: {tree / '.presslint.yaml'}"
    assert 'select: ["T101"]  # configuration file .presslint.yaml' in out
    assert "jobs: null  # default" in out  # the sub folder's jobs: 7 is not the run's


def test_the_facts_demo_is_checked_against_its_fact_sheet_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", "-q", "examples"])
    assert "examples/facts-demo/release.txt:3:115: D106" in result.stdout


def test_show_release_date_says_each_files_date_from_its_nearest_configuration(tree: Path) -> None:
    (tree / "sub" / ".presslint.yaml").write_text("select: [T101]\nrelease-date: 2024-03-18\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-q", "--show-release-date", "."])
    lines = result.stderr.splitlines()
    assert "a.txt: release date none found" in lines
    assert "sub/b.txt: release date 2024-03-18 (from configuration file .presslint.yaml)" in lines
