"""The P rules about a release's form (P120-P137) beyond their pack examples: the
dateline style and ``now`` from the command line and the configuration, embargo times
across time zones, what the dateline rules leave to D109, and the edges of the parts
they read (one-paragraph texts, list highlights, contact blocks)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint.cli import cli
from presslint.config import Config, ConfigError, parse
from presslint.diagnostic import Diagnostic
from presslint.engine import check_document, load_checkers
from presslint.selection import select

from .conftest import document

CODES = tuple(f"P{number}" for number in range(120, 138))
# Those on by default (the others are a house style's: the presets turn them on).
DEFAULT_ON = tuple(code for code in CODES if code not in ("P120", "P124", "P128", "P130", "P131", "P134"))
EMBARGOED = ("EMBARGOED UNTIL {terms}\n\n# Acme Opens an Office\n\n"
             "SEATTLE — The office will employ forty people by the end of the year.\n")


DEFAULTS = Config()


def run(text: str, config: Config = DEFAULTS, codes: tuple[str, ...] = CODES,
        path: str = "release.md") -> list[Diagnostic]:
    config = replace(config, select=codes)
    return check_document(document(text, path), select(load_checkers(config), config))


def codes_of(found: list[Diagnostic]) -> list[str]:
    return [d.code for d in found]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


# --- settings -------------------------------------------------------------------------------

def test_dateline_style_and_now_come_from_the_command_line(tmp_path: Path) -> None:
    release = tmp_path / "release.md"
    release.write_text("# Acme Opens an Office\n\nTACOMA, WA, March 18, 2024 -- The office will employ forty "
                       "people by the end of the year.\n", encoding="utf-8")
    code, out, _ = invoke("check", "--no-config", "-q", "--select", "P121,P122", str(release))
    assert code == 0 and out == ""  # the default style, any, takes the wires' dateline
    code, out, _ = invoke("check", "--no-config", "-q", "--select", "P121,P122", "--dateline-style", "ap",
                          str(release))
    assert code == 1 and "P121 'WA' in an AP dateline is 'Wash.'" in out and "P122 '--' after the dateline" in out
    code, out, _ = invoke("check", "--no-config", "-q", "--select", "P121,P122", "--dateline-style", "wire",
                          str(release))
    assert code == 0 and out == ""


def test_now_from_the_command_line_and_a_bad_one_is_one_line(tmp_path: Path) -> None:
    release = tmp_path / "release.md"
    release.write_text(EMBARGOED.format(terms="9:00 a.m. ET, March 18, 2024"), encoding="utf-8")
    args = ("check", "--no-config", "-q", "--select", "P127", str(release))
    assert invoke(*args)[0] == 0  # no --now: rules never read the clock
    assert invoke(*args, "--now", "2024-03-18T12:59Z")[0] == 0  # 8:59 a.m. EDT
    code, out, _ = invoke(*args, "--now", "2024-03-18T13:01+00:00")
    assert code == 1 and "P127" in out
    code, _, err = invoke(*args, "--now", "yesterday")
    assert code == 2 and "'--now'" in err and "Traceback" not in err


def test_the_configuration_keys_are_checked(tmp_path: Path) -> None:
    config = parse({"dateline-style": "ap", "now": "2024-03-18T09:00"}, tmp_path / ".presslint.yaml")
    assert config.settings().conventions.dateline_style == "ap"
    assert config.settings().conventions.now == datetime(2024, 3, 18, 9, 0)
    assert parse({"now": date(2024, 3, 18)}, tmp_path / "x.yaml").now == datetime(2024, 3, 18)
    for bad in ({"dateline-style": "reuters"}, {"now": "soon"}, {"now": 5}):
        with pytest.raises(ConfigError):
            parse(bad, tmp_path / ".presslint.yaml")


# --- embargoes ------------------------------------------------------------------------------

@pytest.mark.parametrize(("terms", "now", "passed"), [
    ("9:00 a.m. ET, March 18, 2024", datetime(2024, 3, 18, 12, 59, tzinfo=UTC), False),  # EDT: 13:00Z
    ("9:00 a.m. ET, March 18, 2024", datetime(2024, 3, 18, 13, 1, tzinfo=UTC), True),
    ("9:00 a.m. ET, March 8, 2024", datetime(2024, 3, 8, 13, 59, tzinfo=UTC), False),  # EST: 14:00Z
    ("9:00 a.m. EST, March 18, 2024", datetime(2024, 3, 18, 13, 59, tzinfo=UTC), False),
    ("noon PT, November 5, 2024", datetime(2024, 11, 5, 19, 59, tzinfo=UTC), False),  # PST: 20:00Z
    ("13:00 GMT, March 18, 2024", datetime(2024, 3, 18, 13, 1), True),  # a naive now is UTC
    ("9:00 a.m., March 18, 2024", datetime(2024, 3, 18, 8, 59, tzinfo=UTC), False),  # wall clocks
    ("9:00 a.m., March 18, 2024", datetime(2024, 3, 18, 9, 1, tzinfo=UTC), True),
    ("March 18, 2024", datetime(2024, 3, 17, 23, 0), False),  # no time: from the start of its day
    ("March 18, 2024", datetime(2024, 3, 18, 0, 1), True),
])
def test_an_embargo_has_passed_by_now_across_time_zones(terms: str, now: datetime, passed: bool) -> None:
    found = run(EMBARGOED.format(terms=terms), Config(now=now), ("P127",))
    assert codes_of(found) == (["P127"] if passed else [])


@pytest.mark.parametrize("terms", ["9:00 a.m. ET, Feb. 30, 2024", "25:00 ET, March 18, 2024",
                                   "13 p.m. ET, March 18, 2024", "9:00 a.m. ET, March 18", "noon on launch day"])
def test_an_embargo_that_does_not_read(terms: str) -> None:
    assert codes_of(run(EMBARGOED.format(terms=terms), codes=("P125",))) == ["P125"]


def test_an_embargo_without_a_year_takes_the_release_dates() -> None:
    text = EMBARGOED.format(terms="9:00 a.m. ET, March 19")
    assert codes_of(run(text, Config(release_date=date(2024, 3, 18)), ("P125", "P126"))) == ["P126"]


def test_an_embargo_is_compared_with_the_datelines_date_when_none_is_given() -> None:
    text = ("EMBARGOED UNTIL 9:00 a.m. ET, March 19, 2024\n\n# Acme Opens an Office\n\n"
            "SEATTLE, March 18, 2024 — The office will employ forty people by the end of the year.\n")
    found = run(text, codes=("P126",))
    assert codes_of(found) == ["P126"] and "from the dateline" in found[0].message


def test_a_sentence_about_an_embargo_is_no_embargo_line() -> None:
    text = ("# Trade Rules Change\n\nSEATTLE — Embargoed goods from the region may again be shipped, "
            "the agency said on Monday, after talks that ran for a year.\n")
    assert run(text, codes=DEFAULT_ON) == []


# --- the dateline ---------------------------------------------------------------------------

def test_a_dateline_whose_date_contradicts_the_release_date_is_d109s_alone() -> None:
    text = "# Acme Opens an Office\n\nSEATTLE, March 19, 2024 — The office will employ forty people by December.\n"
    config = Config(release_date=date(2024, 3, 18), dateline_style="ap")
    found = run(text, config, ("D109", *CODES))
    assert {"P120", "P123", "P121", "P122"}.isdisjoint(codes_of(found))
    found = run(text, config, ("D109", *DEFAULT_ON))
    assert codes_of(found) == ["D109"]


def test_the_mark_goes_after_the_wires_name_when_there_is_none() -> None:
    text = ("# Acme Opens an Office\n\nABU DHABI, UAE, March 1, 2025 /24-7PressRelease/ Acme opened "
            "its new office in the city on Monday.\n")
    found = run(text, Config(dateline_style="wire"), ("P122",))
    assert codes_of(found) == ["P122"]
    assert found[0].fix is not None
    edit = found[0].fix.edits[0]
    assert text[:edit.span.start].endswith("/24-7PressRelease/") and edit.replacement == " --"


def test_highlights_above_the_dateline_do_not_push_it_from_the_start() -> None:
    text = ("# Acme Opens an Office\n\n* The office will employ forty people by the end of the year\n"
            "* It is the first office of the company on the West Coast\n\n"
            "SEATTLE, March 18, 2024 — Acme Corp. opened its new office in the city on Monday.\n")
    assert run(text, Config(dateline_style="ap"), ("P120", "P121", "P122", "P123")) == []


def test_a_place_alone_is_a_dateline_and_a_one_paragraph_text_needs_none() -> None:
    place_only = "# Acme Opens an Office\n\nSEATTLE (AP) — Acme Corp. opened its new office in the city on Monday.\n"
    assert run(place_only, Config(dateline_style="ap"), ("P120", "P121", "P122", "P123")) == []
    assert run("Short notes: the office opens on Monday, with forty people in it.\n", codes=("P120",)) == []


def test_ap_datelines_spell_out_the_eight_states_and_let_cities_stand_alone() -> None:
    def flagged(place: str) -> list[str]:
        text = (f"# Acme Opens an Office\n\n{place}, March 18, 2024 — Acme opened its new office in the city "
                "on Monday.\n")
        return [text[d.span.start:d.span.end] for d in run(text, Config(dateline_style="ap"), ("P121",))]

    assert flagged("AUSTIN, TX") == ["TX"]
    assert flagged("AUSTIN, Texas") == []
    assert flagged("NEW YORK, N.Y.") == [", N.Y."]
    assert flagged("LONDON, England") == [", England"]
    assert flagged("TORONTO, ON") == [", ON"]
    assert flagged("HAMILTON, ON") == []  # a province: AP's list is the US states'


# --- contacts, headline, numbers ------------------------------------------------------------

def test_each_contact_block_ends_where_the_next_begins() -> None:
    text = ("# Acme Opens an Office\n\nSEATTLE — The office will employ forty people by the end of the year.\n\n"
            "Media contact: Jane Doe, jane@acme\nPress contact: John Roe, john@acme.com, 206-555-01234\n")
    found = run(text, codes=("P129",))
    assert [text[d.span.start:d.span.end] for d in found] == ["jane@acme", "206-555-01234"]


def test_the_headline_limit_is_an_option() -> None:
    text = ("# Acme Opens an Office in Seattle, Its First on the Coast\n\n"
            "SEATTLE — The office opens on Monday with forty people in it.\n")
    config = Config(select=("P135",), rule_options={"P135": {"max-length": 40}})
    found = check_document(document(text, "release.md"), select(load_checkers(config), config))
    assert [text[d.span.start:d.span.end] for d in found] == ["First on the Coast"]
    with pytest.raises(ConfigError, match="P135: max-length must be 10 characters or more"):
        load_checkers(replace(config, rule_options={"P135": {"max-length": 5}}))


def test_the_headline_may_abbreviate_money_the_text_writes_out() -> None:
    text = "# Acme Raises $47M\n\nAcme raised $47 million in March, after $12 million last year, from three funds.\n"
    assert run(text, codes=("P132", "P133")) == []
    text = "# Acme Raises Money\n\nAcme raised $47M in March, after $12 million last year, from three funds.\n"
    assert codes_of(run(text, codes=("P133",))) == ["P133"]


def test_sentences_one_a_line_have_no_headline() -> None:
    lines = ("Jane Roe, P.Eng. has led the team since 2019, and she leads it still.\n"
             "She holds an M.Sc. in physics and a Ph.D. from Example University.\n")
    assert run(lines, codes=("P135", "P136", "P137"), path="notes.txt") == []
    # The same first line with a blank line after it is a headline, and a heading always is.
    assert codes_of(run(lines.replace("\n", "\n\n", 1), codes=("P136",), path="notes.txt")) == ["P136"]
    assert codes_of(run("# " + lines, codes=("P136",))) == ["P136"]


def test_places_joined_by_and_are_in_capitals() -> None:
    text = ("# Acme Opens Two Offices\n\nMILFORD and BRIGHTON, Mich., March 18, 2024 — Acme opened two new "
            "offices in the towns on Monday.\n")
    assert run(text, Config(dateline_style="ap"), ("P121",)) == []


def test_a_feed_that_repeats_the_headline_does_not_count_its_money_twice() -> None:
    text = ("# Acme Raises $47M Series A\n\nAcme raised $47 million in March, after $12 million last year, "
            "from three funds.\n\nThe post Acme Raises $47M Series A appeared first on the news site.\n")
    assert run(text, codes=("P133",)) == []


def test_the_separator_comes_after_a_time_in_the_dateline() -> None:
    text = ("# Acme Opens an Office\n\nColumbus, OH (Newsworthy.ai) Wednesday Nov 22, 2023 @ 1:00 AM Eastern — "
            "Acme opened its new office in the city on Monday.\n")
    found = run(text, Config(dateline_style="wire"), ("P122",))
    assert [text[d.span.start:d.span.end] for d in found] == ["—"]


def test_a_slash_after_the_time_is_a_separator() -> None:
    text = ("# Harbor Foods Opens a Kitchen\n\n/ Wire Name / October 7, 2024 4:50 PM / Harbor Foods today "
            "opened its second kitchen in Austin.\n")
    assert run(text, codes=("P122",)) == []
