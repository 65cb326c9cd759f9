"""The Typos (T) family on real text: seeds, vocabulary, case, and the hard cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import presslint
from presslint import lexicon, scan
from presslint.config import WORDS_FILE, Config, discover
from presslint.document import Document
from presslint.engine import check_document, load_checkers
from presslint.kinds.typos import suspects as suspects_module
from presslint.kinds.typos.a_an import vowel_sound
from presslint.wordlist import SortedTable

from .conftest import CHECKERS, CORPUS, RULES, document, run, spans


def typos(text: str, config: Config | None = None) -> list[tuple[str, str]]:
    rules = [c for c in (load_checkers(config) if config else CHECKERS.values())
             if c.rule.family == "T" and c.rule.default]
    doc = document(text)
    return [(d.code, doc.text[d.span.start:d.span.end]) for d in check_document(doc, rules)]


def test_seeds_are_found_with_fixes(shared_seeds: Path) -> None:
    found = {}
    for name in ("001_c976c608bfa77165.txt", "004_383c40b382e2333e.txt"):
        doc = document((shared_seeds / name).read_bytes(), name)
        for d in check_document(doc, [c for c in CHECKERS.values() if c.rule.family == "T"]):
            found[doc.text[d.span.start:d.span.end]] = d
    assert found["Teh"].fix and found["Teh"].fix.edits[0].replacement == "The"
    assert found["it’s"].fix and found["it’s"].fix.edits[0].replacement == "its"
    assert found["Microsofts"].fix and found["Microsofts"].fix.edits[0].replacement == "Microsoft’s"


def test_clean_seed_is_silent(shared_seeds: Path) -> None:
    doc = document((shared_seeds / "000_7609e4628dd17c72.txt").read_bytes())
    assert check_document(doc, [c for c in CHECKERS.values() if c.rule.family == "T"]) == []


@pytest.mark.parametrize(("text", "fixed"), [("Teh deal", "The"), ("TEH DEAL WAS SIGNED", "THE"),
                                             ("we recieve it", "receive")])
def test_misspelling_fix_keeps_case(text: str, fixed: str) -> None:
    [finding] = run("T101", text + "\n")
    assert finding.fix is not None and finding.fix.edits[0].replacement == fixed


def test_names_brands_and_handles_are_not_typos() -> None:
    text = ("Nvidia's Blackwell GPUs and Salesforce's Agentforce reached Snowflake, said Satya "
            "Nadella of Microsoft; follow @qwizzle, #fintechweek and $NVDA at https://qwizz.ly/x.\n")
    assert typos(text) == []


def test_unknown_word_needs_a_close_correction_and_a_single_use() -> None:
    assert spans("T102", "Our partnershp grew.\n") == ["partnershp"]
    assert spans("T102", "Our zqxwvy grew.\n") == []  # nothing close: not reported
    assert spans("T102", "The partnershp grew; each partnershp counts.\n") == []  # the document's own word


def test_unknown_word_fix_title_says_what_the_fix_does() -> None:
    # The fix applies the best suggestion: its title names that one, the message them all.
    [finding] = run("T102", "We sell high-qualiry goods.\n")
    assert finding.fix is not None and finding.fix.edits[0].replacement == "quality"
    assert finding.fix.message == "replace with 'quality'"
    assert finding.message == "'qualiry' is not a known word; did you mean quality, qualify?"


def test_vocabulary_accepts_and_rejects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    accept = Config(vocabulary_accept=("partnershp",), vocabulary_reject=("utilize",))
    found = typos("Our partnershp will utilize Utilize data.\n", accept)
    assert found == [("T122", "utilize"), ("T122", "Utilize")]
    # A rejected word is T122's alone, even one T102 would take for a slip ("partnershp").
    reject = Config(vocabulary_reject=("partnershp",))
    assert typos("Our partnershp grew.\n", reject) == [("T122", "partnershp")]


def test_words_file_is_found_from_the_current_directory(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / WORDS_FILE).write_text("# our terms\nrecieve\nZentrix\n", encoding="utf-8")
    sub = tmp_path / "releases"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert typos("We recieve it. Zentrix said Zentrixs new plant opens.\n", discover(Path.cwd())) == [
        ("T108", "Zentrixs")]  # T101 silenced; "Zentrixs" is a possessive of an accepted name
    # A words file the config names must exist: a typo in its name is an error, not silence.
    from presslint.errors import UserFileError

    with pytest.raises(UserFileError, match=r"none\.txt: cannot read the words file"):
        typos("We recieve it.\n", Config(words_file=tmp_path / "none.txt"))


def test_the_words_file_is_read_only_by_the_command_lines_discovery(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Config() (the API's default, and --no-config) reads no file of the current folder.
    (tmp_path / WORDS_FILE).write_text("recieve\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert discover(tmp_path).words_file == tmp_path / WORDS_FILE
    assert typos("We recieve it.\n", Config()) == [("T101", "recieve")]
    assert [d.code for d in presslint.check_text("We recieve it.\n")] == ["T101"]
    # A words file the config names is kept, not replaced by the one found.
    named = tmp_path / "ours.txt"
    named.write_text("Zentrix\n", encoding="utf-8")
    (tmp_path / ".presslint.yaml").write_text("words-file: ours.txt\n", encoding="utf-8")
    assert discover(tmp_path).words_file == named


def test_suspects_are_judged_per_word_and_kept_across_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Teh partnershp, a blendof trust, went blastingAlice; Microsofts gain and the "
            "goverment-backed plan. Alice said Microsoft grew, and the company grew.\n")
    expected = suspects_module.Suspects(
        misspelt=frozenset({"Teh", "goverment-backed"}),
        unknown=frozenset({"partnershp", "blendof"}),
        run_together=frozenset({"partnershp", "blendof", "blastingAlice"}),
        possessive=frozenset({"Microsofts"}),
        proper=frozenset({"Microsofts"}))
    # The second document finds the verdicts of the first: the same answer.
    assert suspects_module.suspects(document(text)) == expected
    assert suspects_module.suspects(document(text)) == expected
    assert suspects_module.suspects(document("The company grew.\n")) == suspects_module.Suspects(
        *(frozenset() for _ in suspects_module.Suspects._fields))
    # Past the bound on memory the verdicts are dropped, and the words judged again.
    monkeypatch.setattr(suspects_module.VERDICTS, "limit", 5)
    assert suspects_module.suspects(document(text + "A new word: zqxwvyk.\n")) == expected._replace(
        unknown=expected.unknown | {"zqxwvyk"}, run_together=expected.run_together | {"zqxwvyk"})
    assert suspects_module.suspects(document(text)) == expected


def test_verdicts_are_an_object_of_their_own() -> None:
    # A Verdicts of one's own (a test's, a second run's) answers as the shared one does and
    # shares nothing with it; cleared, it judges the words again, to the same answer.
    text = "Teh partnershp, a blendof trust; Microsofts gain.\n"
    counts = document(text).word_counts
    own = suspects_module.Verdicts(limit=100)
    assert own.of(counts) == suspects_module.suspects(document(text)) != suspects_module.Suspects(
        *(frozenset() for _ in suspects_module.Suspects._fields))
    assert own is not suspects_module.VERDICTS and suspects_module.VERDICTS.limit == suspects_module.REMEMBER
    first = own.of(counts)
    own.clear()
    assert own.of(counts) == first


def test_misspellings_are_no_known_words() -> None:
    # The suspects of T101 are sought among the words that are no known word only.
    assert lexicon.misspellings().keys().isdisjoint(lexicon.known_words().keys())


def test_known_words_are_lower_case_and_hold_every_ranked_word() -> None:
    # suspects looks up only lower-case words; frequency_rank().of() sifts through the
    # known words before the ranks.
    known = lexicon.known_words().keys()
    assert all(map(str.islower, known))
    assert lexicon._ranks().keys() <= known


def test_a_token_longer_than_any_word_is_no_suspect() -> None:
    # A digest, a gene sequence, a pasted blob: judging such a token costs work that grows
    # with the square of its length, and it is no word. One letter shorter it is judged.
    longest = suspects_module.LONGEST_WORD
    for word in ("acgt" * longest)[:longest + 1], "blendof" * 1000:
        assert suspects_module.suspects(document(f"The sequence {word} is new.\n")).unknown == frozenset()
        assert not run("T102", f"The sequence {word} is new.\n") and not run("T103", f"A {word} here.\n")
    judged = ("acgt" * longest)[:longest]
    assert judged in suspects_module.suspects(document(f"The sequence {judged} is new.\n")).unknown


def test_recurs_ignores_case() -> None:
    assert scan.recurs(document("The blockchain and Blockchain.\n"), "blockchain")
    assert scan.recurs(document("A blockchain, a blockchain.\n"), "blockchain")
    assert not scan.recurs(document("A blockchain-based blockchain.\n"), "blockchain")


def test_sorted_table_answers_the_same_in_place_and_with_its_set() -> None:
    words = ["apple", "banana", "kiwi", "pear"]
    lazy, materialised = (SortedTable("apple\t1\nkiwi\t2\npear\t3\n") for _ in range(2))
    assert materialised.keys() == {"apple", "kiwi", "pear"}
    for table in (lazy, materialised):
        assert table.among(words) == {"apple", "kiwi", "pear"}
        assert table.missing(words) == {"banana"}
        assert [table.get(word) for word in words] == ["1", None, "2", "3"]
    assert lazy._words is None  # a few lookups do not build the set


def test_sorted_table_of_words_alone_and_its_budget() -> None:
    text = "".join(f"w{i:04}\n" for i in range(3000))
    table = SortedTable(text)
    assert "w0042" in table and "w0042x" not in table and table.get("w2999") == ""
    assert table.missing(["w0001", "w3000", "", "a\nw0002", "w0003\t"]) == {"w3000", "", "a\nw0002", "w0003\t"}
    assert table._words is None
    # Past its budget of distinct words looked up, the table builds its set: the same answers.
    words = [f"x{i}" for i in range(table._budget)]
    assert table.missing(words, batch=False) == set(words) and table._words is not None
    assert table.among(["w0042", "x"]) == {"w0042"} and table.get("w0042x") is None
    assert len(table.keys()) == 3000 and table.get("w0007") == ""


def test_sorted_table_knows_the_starts_of_its_words() -> None:
    text = "".join(f"w{i:04}\n" for i in range(3000))
    table = SortedTable(text)  # many sampled windows: starts across their borders too
    words = text.split()
    for start in ("", "w", "w0", "w29", "w2999", "w0000", "w1024", "w3", "w30", "w29999", "x", "a", "v9"):
        assert table.begins(start) == any(word.startswith(start) for word in words), start
    small = SortedTable("apple\t1\nkiwi\t2\npear\t3\n")
    assert small.begins("ki") and small.begins("pear") and not small.begins("pears") and not small.begins("b")


def test_its_both_ways_straight_and_curly() -> None:
    assert spans("T104", "The firm will expand it's revenue.\n") == ["it's"]
    assert spans("T104", "The firm will expand it’s revenue.\n") == ["it’s"]
    assert spans("T104", "It's mission is simple.\n") == ["It's"]
    assert spans("T104", "Its not over.\n") == ["Its"]
    assert spans("T104", "It's free, it's fast and it's now in beta; its growth is real.\n") == []


def test_doubled_word_across_a_line_break() -> None:
    assert spans("T109", "We will go to\nto Paris.\n") == ["to\nto"]
    assert spans("T109", "We will go to\n\nto Paris.\n") == []  # a blank line is a new paragraph


@pytest.mark.parametrize(("word", "vowel"), [("apple", True), ("hour", True), ("user", False),
                                             ("FBI", True), ("CEO", False), ("8-week", True),
                                             ("18-month", True), ("180-day", False), ("one-time", False),
                                             ("European", False), ("historic", None), ("NASA", None)])
def test_vowel_sound(word: str, vowel: bool | None) -> None:
    assert vowel_sound(word) is vowel


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_corpus_rate_stays_low() -> None:
    rules = [c for c in CHECKERS.values() if c.rule.family == "T" and c.rule.default]
    files = sorted(CORPUS.glob("*.md"))[:200]
    words = findings = 0
    for path in files:
        doc = document(path.read_bytes(), str(path))
        words += len(doc.tokens)
        findings += len(check_document(doc, rules))
    assert findings * 1000 / words <= 1.0


def test_homophones_in_any_case_once_the_usual_spelling_is_there() -> None:
    # The word line is lower case: "ITS" and "iTs" are found like "its"; a mixed-case
    # spelling alone does not open the rule (as before the word line).
    assert spans("T104", "ITS a deal. Its been a year.\n") == ["ITS", "Its"]
    assert spans("T104", "Its fine. iTs a deal.\n") == ["iTs"]
    assert spans("T104", "iTs a deal.\n") == []
    assert spans("T107", "Their are many. there customers.\n") == ["Their", "there"]


def test_doubled_word_pairs_overlap_and_take_possessives() -> None:
    assert spans("T109", "We saw the the the plan.\n") == ["the the", "the the"]
    assert spans("T109", "Then it it's done.\n") == ["it it"]
    assert spans("T109", "Read the the.x file and the The end.\n") == []


def test_article_matches_do_not_overlap() -> None:
    # "a an" is one match (left alone: "an" is a function word); the "an user" inside it
    # is not looked at, as finditer would not.
    assert spans("T110", "It is a an user.\n") == []
    assert spans("T110", "It is an user.\n") == ["an"]
    assert spans("T110", "Re-a apple and -a apple, but a apple.\n") == ["a"]


def test_pattern_words_gate_sees_parts_of_joined_words() -> None:
    # "say" and "per" are parts of joined tokens here ("say-so", "x-per"): the words gate
    # must let the document through.
    assert spans("T114", "It is not, per say-so, a merger.\n") == ["per say"]
    assert spans("T114", "The x-per say rule.\n") == ["per say"]
    assert spans("T112", "Teams may re-loose weight.\n") == ["loose"]


def test_pattern_words_standing_alone_without_joined_words() -> None:
    # T115 ("trail" after a trial's name) asks for its words standing alone: a "trail"
    # inside "trail-blazing" does not open it, while the same pattern with joined words
    # finds the match the regex makes there.
    from presslint.kinds.pattern import Pattern

    text = "The Phase 2 trail-blazing study began.\n"
    assert spans("T115", text) == []
    rule = RULES["T115"]
    joined = Pattern(rule, {**CHECKERS["T115"].options, "joined-words": True})
    assert [d.code for d in joined.check(document(text))] == ["T115"]
    assert spans("T115", "The Phase 2 trail began.\n") == ["trail"]


def test_pattern_prefilter_in_the_word_line_and_in_the_prose() -> None:
    from presslint.kinds.pattern import _in_word_line

    assert _in_word_line("peak my") and _in_word_line(" then") and _in_word_line("n't of")
    assert not _in_word_line("e,  then") and not _in_word_line("'s") and not _in_word_line("ος x")
    assert spans("T113", "Sales grew more then ever.\n") == ["then"]


@pytest.mark.parametrize(("words", "message"), [
    (["Sneak peak"], "is not one word in lower case"),
    (["peak-time"], "is not one word in lower case"),
    ([""], "non-empty strings"),
])
def test_pattern_words_are_checked(words: list[str], message: str) -> None:
    from presslint.kinds.pattern import Pattern

    rule = RULES["T114"]
    with pytest.raises(ValueError, match=message):
        Pattern(rule, {**CHECKERS["T114"].options, "words": words})


def _joined_parts(doc: Document) -> set[str]:
    """The parts of the document's joined words, read plainly from its tokens: the
    reference the part finder must agree with."""
    from presslint.scan import JOINER

    return {part.lower() for text in doc.tokens.texts for part in re.split(JOINER, text)
            if re.search(JOINER, text)}


def test_word_line_helpers_agree_with_the_tokens() -> None:
    from presslint.kinds.wordline import PartFinder

    doc = document("It's the U.S.-based firm's  plan;\nnot  yours.\n\nNew para here\n")
    assert _joined_parts(doc) == {"it", "s", "u", "firm"}  # "-based" is a word of its own
    assert PartFinder({"it", "s", "u", "firm", "based", "plan"})(doc) == {"it", "s", "u", "firm"}


def test_following_crosses_spaces_and_one_line_break_only() -> None:
    doc = document("It's the U.S.-based firm's  plan;\nnot  yours.\n\nNew para\nhere\n")
    texts = doc.tokens.texts

    def after(word: str, count: int) -> list[str]:
        return [token.text for token in scan.following(doc, texts.index(word), count)]

    assert after("firm's", 2) == ["plan"]  # two spaces, then a semicolon stops it
    assert after("not", 2) == ["yours"]
    assert after("yours", 1) == []  # a full stop and a blank line
    assert after("New", 2) == ["para", "here"]  # across one line break


def test_context_rules_judge_the_words_before_placing_them() -> None:
    # Names written twice and a capital second word are left alone, a sentence start is not.
    assert spans("T109", "The the plan. Pickup Pickup trucks. you you've seen. the THE end.\n") == [
        "The the", "you you"]
    # "a a" is a match that hides "a apple"; an article as the last word has nothing after it.
    assert spans("T110", "It is a a apple. He saw an\n") == []
    # The lower-case search says yes to "there customers" and "its the"; the words
    # themselves then say no to "its The" (a title). A sentence may start with "There"
    # written for "Their": existential "there" needs a verb, not "customers came".
    assert spans("T107", "There customers came. And there customers left.\n") == ["There", "there"]
    assert spans("T104", "its The plan. Its been fine.\n") == ["Its"]


def test_homophone_rules_share_one_search_in_any_order() -> None:
    doc = document("Its a deal, your going, their are many, whose been there. it's own.\n")
    codes = ("T104", "T105", "T106", "T107")
    expected = [("T104", "Its"), ("T106", "your"), ("T107", "their"), ("T105", "whose"), ("T104", "it's")]
    for order in (codes, codes[::-1]):
        found = [(d.code, doc.text[d.span.start:d.span.end]) for d in check_document(doc, [CHECKERS[c] for c in order])]
        assert sorted(found) == sorted(expected)


def test_word_matches_place_matches_in_any_order() -> None:
    import re

    from presslint.kinds.wordline import WordMatches, word_line

    doc = document("The cat, the dog and THE bird saw the end.\n")
    matches = WordMatches(word_line(doc), re.compile(r"\n(the)(?=\n)", re.IGNORECASE))
    assert matches.groups == ["The", "the", "THE", "the"]
    texts = doc.tokens.texts
    for ordinal in (0, 3, 1, 2, 0):
        assert texts[matches.index(ordinal)] == matches.groups[ordinal]


def test_part_finder_agrees_with_joined_parts() -> None:
    from presslint.kinds.wordline import PartFinder

    doc = document("Our say-so and x-per say rule: co-op’s U.S.-based firm's Wi-Fi PER-say.\n")
    words = {"say", "per", "op", "co", "firm", "u", "fi", "wi", "based", "rule", "our"}
    assert PartFinder(words)(doc) == words & _joined_parts(doc) == words - {"based", "rule", "our"}
    assert PartFinder(words)(document("No joined words here.\n")) == set()


def test_prefilter_literals_that_start_or_end_alike_are_looked_for_at_once() -> None:
    from presslint.kinds.pattern import _any_of

    literals = ["ight\nof", "n't\nof", "ould\nof", "peak\nmy", "peak\nyour", "peak\nher\n", "in\nthe\nbutt",
                "hone"]
    find = _any_of(literals)
    assert find is not None
    for line in ("\ncould\nof\n", "\nof\n", "\nmight\nof", "\nwon't\nof\n", "\nknight\noff\n", "\nof\nould\n",
                 "\npeak\nyours\n", "\npeak\nher\n", "\npeak\nhers", "\nin\nthe\nbutt", "\nphone\n", "\nspeak\n"):
        assert bool(find(line)) == any(literal in line for literal in literals), line
    assert _any_of([]) is None
    # One literal, or one group: the test itself, a scan or a regex search.
    for alone in (["loose\n"], ["ight\nof", "n't\nof", "ould\nof"]):
        find = _any_of(alone)
        assert find is not None
        for line in ("\nloose\nweight\n", "\nmight\nof\n", "\nof\nloose", "\nshould\noff\n"):
            assert bool(find(line)) == any(literal in line for literal in alone), (alone, line)


def test_tokens_of_in_one_pass_finds_what_the_word_scans_find(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = document("Teh plan, the Teh-like plan and Teh plan.\n")
    words = {"Teh", "plan", "absent"}
    by_word = list(scan.tokens_of(doc, words))
    monkeypatch.setattr(scan, "_SCAN_BUDGET", 0)  # as for a long document
    assert list(scan.tokens_of(doc, words)) == by_word == [0, 1, 4, 6, 7]


def test_a_long_text_is_lower_cased_a_chunk_at_a_time_to_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # str.lower() of a long non-ASCII text holds 12 bytes a character at once: lowered()
    # cuts it at line breaks and spaces, where a final sigma's form cannot change.
    from presslint.kinds import wordline

    monkeypatch.setattr(wordline, "_LOWER_CHUNK", 3)
    for text in ("ΟΔΟΣ ΟΔΟΣ\nΣΑΣ İstanbul’s ΑΣ\nΣ", "Ab’ C\nD ΣΣ Σ\nΣa", "ASCII ONLY\nTEXT", "ΣΣΣΣΣΣΣΣ"):
        assert wordline.lowered(text) == text.lower(), text


def test_a_document_of_mostly_unknown_words_is_no_english_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    # Past MOST_UNKNOWN distinct unknown lower-case words, T102 looks no further: each costs
    # up to a millisecond, and 130,000 of them (a word list, a data dump) took minutes.
    from presslint.kinds.typos import unknown_word

    text = "The partnershp will serve our custmers and collaborrate.\n"
    assert len(run("T102", text)) == 3
    monkeypatch.setattr(unknown_word, "MOST_UNKNOWN", 2)
    assert run("T102", text) == []
