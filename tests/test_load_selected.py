"""A run builds only the rules it selects (engine.load_selected)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from presslint.config import Config
from presslint.engine import load_checkers, load_selected
from presslint.errors import UserError
from presslint.selection import select


def test_the_selected_checkers_are_selects_choice_in_its_order() -> None:
    config = Config(select=("W1", "T101"), ignore=("W103",), extend_select=("P106",))
    assert [c.rule.code for c in load_selected(config)] == [c.rule.code for c in select(load_checkers(config), config)]
    assert "P106" in {c.rule.code for c in load_selected(config)}


def test_an_opt_in_rule_not_selected_is_neither_built_nor_imported() -> None:
    code = ("import sys\nfrom presslint.config import Config\nfrom presslint.engine import load_selected\n"
            "load_selected(Config())\nprint('presslint.kinds.conventions.jargon' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_wrong_option_of_a_rule_not_selected_is_still_an_error() -> None:
    config = Config(rule_options={"P106": {"no-such-option": 1}})
    with pytest.raises(UserError, match="P106"):
        load_selected(config)
