"""The real pre-commit, running this checkout's hook on a release in a fresh repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_hook_fails_on_a_defect_and_passes_once_fixed(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs this checkout to be a git repository")
    repo = tmp_path / "releases"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.com")
    git(repo, "config", "user.name", "Test")
    release = repo / "launch.md"
    release.write_text("# Launch\n\nThe company announced its results.The board agreed.\n", encoding="utf-8")
    git(repo, "add", "launch.md")
    git(repo, "commit", "-q", "-m", "draft")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "presslint", "--files", "launch.md"]

    failing = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "launch.md:3:34: W106 no space after '.' before 'The'" in failing.stdout

    # require_serial: one run sees every file (pre-commit would otherwise split them
    # across processes, one per core: two summaries, and --consistency project sees half).
    # pre-commit splits into runs of at least 4 files: 8 files are two runs on 2 cores.
    notes = [f"notes{n}.md" for n in range(1, 8)]
    for name in notes:
        (repo / name).write_text("# Notes\n\nThe team  met.\n", encoding="utf-8")
    both = subprocess.run([*command, *notes], cwd=repo, capture_output=True, text=True, env=env)
    assert both.returncode == 1, both.stdout + both.stderr
    assert "notes7.md:3:9: W104 2 spaces between words" in both.stdout
    assert both.stdout.count("Found ") == 1 and "Found 8 problems in 8 files (8 checked)." in both.stdout

    release.write_text("# Launch\n\nThe company announced its results. The board agreed.\n", encoding="utf-8")
    passing = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout


def test_the_hook_runs_once_for_all_files() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["require_serial"] for hook in hooks] == [True]
