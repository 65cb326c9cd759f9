"""The GitHub Action (action.yml): its steps run as the runner runs a composite action's
(bash -eo pipefail, the inputs in the step's env, GITHUB_PATH read between steps), in a fake
GITHUB_* environment on a repository with a pull request's changes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None,
                                reason="git and bash are needed")

ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def run_action(workspace: Path, inputs: dict[str, str], env: dict[str, str],
               install: bool = False) -> subprocess.CompletedProcess[str]:
    """Every step of the action in ``workspace``; the install step only with ``install``
    (a pip install, ten seconds: the other tests put this checkout's presslint on the PATH)."""
    runner_temp = workspace.parent / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    github_path = runner_temp / "github_path"
    github_path.touch()
    path = os.environ["PATH"] if install else f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    given = {name: inputs.get(name, spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    assert set(inputs) <= set(given), "an input the action does not declare"
    result = subprocess.CompletedProcess[str]([], 0, "", "")
    for step in ACTION["runs"]["steps"]:
        if step["id"] == "install" and not install:
            continue
        step_env = {key: EXPRESSION.sub(lambda m: given[m.group(1)], value)
                    for key, value in step.get("env", {}).items()}
        full_env = {**os.environ, "PATH": path, "GITHUB_ACTIONS": "true", "GITHUB_ACTION_PATH": str(ROOT),
                    "GITHUB_WORKSPACE": str(workspace), "GITHUB_PATH": str(github_path),
                    "RUNNER_TEMP": str(runner_temp), "NO_COLOR": "1", **env, **step_env}
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                cwd=workspace, env=full_env, capture_output=True, text=True)
        if result.returncode != 0:
            return result
        added = [line for line in github_path.read_text(encoding="utf-8").splitlines() if line]
        path = os.pathsep.join([*reversed(added), os.environ["PATH"]]) if added else path
    return result


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A clone whose HEAD changes one release of two (and a file that is no release) against
    its origin's main."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    git(origin, "config", "user.email", "test@example.com")
    git(origin, "config", "user.name", "Test")
    (origin / "releases").mkdir()
    (origin / "releases" / "old.md").write_text("# Old\n\nThe team  met.\n", encoding="utf-8")
    (origin / "releases" / "new.md").write_text("# New\n\nThe launch went well.\n", encoding="utf-8")
    git(origin, "add", ".")
    git(origin, "commit", "-q", "-m", "base")
    workspace = tmp_path / "workspace"
    git(tmp_path, "clone", "-q", str(origin), str(workspace))
    git(workspace, "config", "user.email", "test@example.com")
    git(workspace, "config", "user.name", "Test")
    (workspace / "releases" / "new.md").write_text("# New\n\nThe launch went well.The board agreed.\n",
                                                   encoding="utf-8")
    (workspace / "notes.py").write_text("x  = 1\n", encoding="utf-8")
    git(workspace, "add", ".")
    git(workspace, "commit", "-q", "-m", "the pull request")
    return workspace


def test_in_a_pull_request_the_changed_releases_are_annotated(pull_request: Path) -> None:
    result = run_action(pull_request, {"sarif-file": "presslint.sarif"}, {"GITHUB_BASE_REF": "main"})
    assert result.returncode == 1, result.stderr
    # The changed release only: old.md's doubled space is not this pull request's.
    assert result.stdout == ("::error file=releases/new.md,line=3,col=21,endLine=3,endColumn=22,"
                             "title=W106 missing-space-after-sentence::no space after '.' before 'The'\n")
    assert "Found 1 problem in 1 file (1 checked)." in result.stderr
    assert '"ruleId": "W106"' in (pull_request / "presslint.sarif").read_text(encoding="utf-8")


def test_on_a_push_every_file_is_checked_with_the_inputs(pull_request: Path) -> None:
    result = run_action(pull_request, {"paths": "releases", "args": "--select W104", "fail-on": "error"},
                        {"GITHUB_BASE_REF": ""})
    assert result.returncode == 0, result.stderr  # a warning, below fail-on: error
    assert result.stdout.startswith("::warning file=releases/old.md,line=3,col=9,")
    result = run_action(pull_request, {"changed-only": "false"}, {"GITHUB_BASE_REF": "main"})
    assert result.returncode == 1
    assert "Found 2 problems in 2 files (2 checked)." in result.stderr


def test_a_pull_request_that_changes_no_release_passes(pull_request: Path) -> None:
    result = run_action(pull_request, {"paths": "notes.py"}, {"GITHUB_BASE_REF": "main"})
    assert (result.returncode, result.stdout) == (0, "")
    assert "no release file changed against main" in result.stderr


def test_the_inputs_are_never_pasted_into_a_script() -> None:
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step["run"], step["id"]
    assert ACTION["runs"]["using"] == "composite"
    assert 'pip" install --quiet --disable-pip-version-check "$GITHUB_ACTION_PATH"' in ACTION["runs"]["steps"][0]["run"]


def test_the_install_step_installs_presslint_from_the_action(pull_request: Path) -> None:
    result = run_action(pull_request, {}, {"GITHUB_BASE_REF": "main"}, install=True)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::error file=releases/new.md")


def test_the_action_picks_changed_files_by_the_default_include_patterns() -> None:
    # scripts/action.sh chooses the changed release files with a shell pattern (a file named
    # on the command line is always checked, so presslint cannot filter them): it must be
    # the default include list of sources.py, written once more in shell.
    from presslint.sources import DEFAULT_INCLUDE

    script = (ROOT / "scripts" / "action.sh").read_text(encoding="utf-8")
    pattern = re.search(r"^\s*(\*\.[^)]*)\)", script, re.MULTILINE)
    assert pattern is not None
    assert tuple(pattern.group(1).split("|")) == DEFAULT_INCLUDE
