"""The language server (``presslint server``), end to end with pygls' LanguageClient
running it as a subprocess over stdio, and its parts (positions, debounce) without one."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

pytest.importorskip("pygls")

from lsprotocol import types
from pygls.lsp.client import LanguageClient

import presslint
from presslint.server.actions import Snapshot, WordsFile, add_words, append_word, fix_all, quick_fixes
from presslint.server.configuration import Configurations
from presslint.server.debounce import Debouncer
from presslint.server.positions import PositionMap, code_points, units

from .conftest import ROOT

SEED = ROOT / "tests" / "data" / "seed_004.txt"
# Generous: the machine is shared; nothing waits this long unless the server is broken.
TIMEOUT = 60.0
T = TypeVar("T")

UTF16 = types.PositionEncodingKind.Utf16
UTF8 = types.PositionEncodingKind.Utf8
UTF32 = types.PositionEncodingKind.Utf32


# -- the parts, without a server ---------------------------------------------------------

def test_columns_count_utf16_code_units_past_an_emoji_and_curly_quotes() -> None:
    text = "Launch 🚀 day: “Teh” end.\r\nNext line’s Teh\n"
    positions = PositionMap(text, UTF16)
    first = text.index("Teh")
    # The emoji is one code point and two UTF-16 units; curly quotes are one of each.
    assert positions.position(first) == types.Position(line=0, character=first + 1)
    # Line 2 starts after one "\n" in presslint's text, whatever the file's break.
    normalised = text.replace("\r\n", "\n")
    second = normalised.index("Teh", first + 1)
    assert positions.position(second) == types.Position(line=1, character=len("Next line’s "))
    assert positions.offset(types.Position(line=0, character=first + 1)) == first
    assert positions.offset(positions.position(second)) == second
    assert PositionMap(text, UTF32).position(first).character == first
    assert PositionMap(text, UTF8).position(first).character == len("Launch 🚀 day: “".encode())


def test_a_column_inside_a_surrogate_pair_is_the_characters_start() -> None:
    assert code_points("a🚀b", 2, UTF16) == 1
    assert code_points("a🚀b", 3, UTF16) == 2
    assert units("a🚀b", UTF16) == 4 and units("a🚀b", UTF8) == 6 and units("a🚀b", UTF32) == 3


def test_only_cr_lf_and_crlf_break_lines_not_form_feeds_or_line_separators() -> None:
    text = "one\x0ctwo\u2028three\rfour"
    positions = PositionMap(text)
    assert positions.lines == ["one\x0ctwo\u2028three", "four"]
    assert positions.position(len("one\x0ctwo\u2028three\n")) == types.Position(line=1, character=0)
    assert positions.end() == types.Position(line=1, character=4)


class _Documents:
    """Stand-ins for the editor's documents and a check the test can hold up."""

    def __init__(self) -> None:
        self.versions: dict[str, tuple[int, str]] = {}
        self.checked: list[tuple[int, str]] = []
        self.published: list[tuple[int, str]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.started = threading.Event()

    def version(self, key: str) -> tuple[int, str] | None:
        return self.versions.get(key)

    def check(self, key: str, version: tuple[int, str]) -> str:
        self.started.set()
        self.gate.wait(TIMEOUT)
        self.checked.append(version)
        return version[1].upper()

    def publish(self, key: str, version: tuple[int, str], result: str) -> None:
        self.published.append((version[0], result))


def _debounced(delay: float) -> tuple[_Documents, Debouncer[str, tuple[int, str], str], ThreadPoolExecutor]:
    documents = _Documents()
    executor = ThreadPoolExecutor(max_workers=1)
    return documents, Debouncer(delay, executor, documents.version, documents.check, documents.publish), executor


def test_a_burst_of_changes_is_checked_once_on_the_latest_text() -> None:
    async def scenario() -> _Documents:
        documents, debouncer, executor = _debounced(0.05)
        for number, text in enumerate(["T", "Te", "Teh", "The"], 1):
            documents.versions["a"] = (number, text)
            debouncer.changed("a")
        await asyncio.wait_for(debouncer.idle(), TIMEOUT)
        executor.shutdown()
        return documents

    documents = asyncio.run(scenario())
    assert documents.checked == [(4, "The")]
    assert documents.published == [(4, "THE")]


def test_a_change_during_a_check_drops_its_stale_result_and_checks_again() -> None:
    async def scenario() -> _Documents:
        documents, debouncer, executor = _debounced(0.0)
        documents.gate.clear()
        documents.versions["a"] = (1, "old")
        debouncer.changed("a")
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, documents.started.wait, TIMEOUT)  # the check of "old" is running
        documents.versions["a"] = (2, "new")
        debouncer.changed("a")
        await asyncio.sleep(0.02)  # the change's timer runs out while the check still runs
        documents.gate.set()
        await asyncio.wait_for(debouncer.idle(), TIMEOUT)
        executor.shutdown()
        return documents

    documents = asyncio.run(scenario())
    assert documents.checked == [(1, "old"), (2, "new")]
    assert documents.published == [(2, "NEW")]  # never the stale "OLD"


def test_a_closed_document_is_not_checked() -> None:
    async def scenario() -> _Documents:
        documents, debouncer, executor = _debounced(0.05)
        documents.versions["a"] = (1, "text")
        debouncer.changed("a")
        debouncer.closed("a")
        del documents.versions["a"]
        await asyncio.wait_for(debouncer.idle(), TIMEOUT)
        executor.shutdown()
        return documents

    assert asyncio.run(scenario()).checked == []


def _snapshot(text: str, uri: str = "file:///r.txt") -> Snapshot:
    return Snapshot(uri, 1, text, tuple(presslint.check_text(text, "r.txt")))


def test_a_quick_fix_in_a_crlf_text_edits_the_right_columns_and_keeps_its_line_breaks() -> None:
    text = "Acme grows.\r\nIt ships today.Orders open.\r\n"
    snapshot = _snapshot(text)
    positions = PositionMap(text)
    everything = types.Range(start=types.Position(line=0, character=0), end=positions.end())
    [fix] = [a for a in quick_fixes(snapshot, positions, everything) if a.title.endswith("(W106)")]
    assert fix.edit is not None and fix.edit.changes is not None
    [edit] = fix.edit.changes[snapshot.uri]
    assert edit.range.start == types.Position(line=1, character=len("It ships today."))
    assert apply_edits(text, [edit]) == "Acme grows.\r\nIt ships today. Orders open.\r\n"
    # Nothing offered away from the finding.
    first_line = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=3))
    assert quick_fixes(snapshot, positions, first_line) == []


def test_fix_all_edits_only_the_lines_that_change_with_the_documents_line_break() -> None:
    text = "Acme grows.\r\nTrailing   \r\nKept line.\r\nIt ships today.Orders open."
    snapshot = _snapshot(text)
    assert snapshot.newline == "\r\n"
    action = fix_all(snapshot, PositionMap(text), lambda changed: presslint.check_text(changed, "r.txt"))
    assert action is not None and action.edit is not None and action.edit.changes is not None
    edits = action.edit.changes[snapshot.uri]
    assert [(e.range.start.line, e.range.end.line) for e in edits] == [(1, 2), (3, 3)]
    assert all("\r\n" in e.new_text or "\n" not in e.new_text for e in edits)
    assert apply_edits(text, edits) == "Acme grows.\r\nTrailing\r\nKept line.\r\nIt ships today. Orders open.\r\n"


def test_nothing_to_fix_is_no_fix_all_action() -> None:
    text = "Acme grows.\n"
    assert fix_all(_snapshot(text), PositionMap(text), lambda changed: []) is None


def test_a_word_is_appended_on_a_line_of_its_own_and_a_new_file_is_created_first(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    existing = WordsFile(words, words.as_uri(), "# ours\r\nAcme", True)
    edit = append_word(existing, "Zorblax", UTF16)
    assert edit.changes is not None
    [insert] = edit.changes[words.as_uri()]
    assert insert.range.start == types.Position(line=1, character=4) and insert.new_text == "\r\nZorblax\r\n"
    created = append_word(WordsFile(words, words.as_uri(), "", False), "Zorblax", UTF16)
    assert created.document_changes is not None and isinstance(created.document_changes[0], types.CreateFile)
    snapshot = _snapshot("The deal closed. Teh team’s ready.\n")
    positions = PositionMap(snapshot.text)
    everything = types.Range(start=types.Position(line=0, character=0), end=positions.end())
    titles = [a.title for a in add_words(snapshot, positions, everything, existing, can_create=False)]
    assert titles == ["presslint: add 'Teh' to the words file (words.txt)"]
    assert add_words(snapshot, positions, everything, WordsFile(words, words.as_uri(), "", False), False) == []


def _site_with_ignores(folder: Path) -> Path:
    """A project whose configuration turns T101 off for docs/*.txt; its document docs/a.txt."""
    (folder / "docs").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / ".presslint.yaml").write_text('per-file-ignores:\n  "docs/*.txt": [T101]\n', encoding="utf-8")
    return folder / "docs" / "a.txt"


def test_a_workspace_folder_added_or_removed_is_the_root_its_documents_are_named_from(tmp_path: Path) -> None:
    site = tmp_path / "site"
    document = _site_with_ignores(site)
    reports: list[str] = []
    configurations = Configurations([tmp_path / "elsewhere"], reports.append)
    assert configurations.for_path(document).root == site / "docs"  # in no folder: its own
    configurations.change_roots([site], [])
    found = configurations.for_path(document)
    assert (found.root, found.relative(document)) == (site, "docs/a.txt")
    configurations.change_roots([], [site])
    assert configurations.for_path(document).root == site / "docs" and reports == []


# -- end to end: a client, a server process ---------------------------------------------

class Session:
    """pygls' LanguageClient on an event loop of its own thread, talking to one
    ``python -m presslint server``; what the server sends is kept and waited for."""

    def __init__(self, workspace: Path, encodings: list[str] | None = None) -> None:
        self.workspace = workspace
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client = LanguageClient("presslint-tests", "1")
        self.published: list[types.PublishDiagnosticsParams] = []
        self.messages: list[types.ShowMessageParams] = []
        self.registrations: list[types.Registration] = []
        self.changed = threading.Condition()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            with self.changed:
                self.published.append(params)
                self.changed.notify_all()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams) -> None:
            with self.changed:
                self.messages.append(params)
                self.changed.notify_all()

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            with self.changed:
                self.registrations.extend(params.registrations)
                self.changed.notify_all()

        self.run(self.client.start_io(sys.executable, "-m", "presslint", "server", cwd=str(workspace)))
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
                workspace_edit=types.WorkspaceEditClientCapabilities(
                    document_changes=True, resource_operations=[types.ResourceOperationKind.Create])))
        self.initialized = self.run(self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, root_uri=workspace.as_uri(), process_id=None,
            workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="releases")],
            initialization_options={"debounceMs": 50})))
        self.client.initialized(types.InitializedParams())

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = TIMEOUT) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def call(self, function: Callable[..., Any], *args: Any) -> None:
        """A notification, sent from the client's loop (its writer is not thread-safe)."""
        async def send() -> None:
            function(*args)

        self.run(send())

    def wait(self, found: Callable[[], T | None], what: str) -> T:
        deadline = time.monotonic() + TIMEOUT
        with self.changed:
            while (value := found()) is None:
                left = deadline - time.monotonic()
                assert left > 0, f"no {what} within {TIMEOUT} s"
                self.changed.wait(left)
        return value

    def diagnostics(self, uri: str, version: int | None = None, after: int = 0) -> list[types.Diagnostic]:
        """The diagnostics of ``uri`` published after the first ``after`` publications (of
        ``version``, when given)."""
        def latest() -> list[types.Diagnostic] | None:
            for params in reversed(self.published[after:]):
                if params.uri == uri and (version is None or params.version == version):
                    return list(params.diagnostics)
            return None

        return self.wait(latest, f"diagnostics for {uri}")

    def open(self, path: Path, text: str, language: str = "plaintext") -> str:
        uri = path.as_uri()
        self.call(self.client.text_document_did_open, types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        self.call(self.client.text_document_did_change, types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    def files_changed(self, *paths: Path) -> None:
        self.call(self.client.workspace_did_change_watched_files, types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed) for path in paths]))

    def actions(self, uri: str, at: types.Range, only: list[str] | None = None) -> list[types.CodeAction]:
        result = self.run(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=at,
            context=types.CodeActionContext(diagnostics=[], only=only))))
        return [action for action in result or () if isinstance(action, types.CodeAction)]

    def close(self) -> tuple[int | None, bytes]:
        """Shut the server down as an editor does: its exit code and standard error."""
        self.run(self.client.shutdown_async(None))
        self.call(self.client.exit, None)
        self.run(self.client.stop())
        server = self.client._server
        assert server is not None and server.stderr is not None
        errors = self.run(server.stderr.read())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(TIMEOUT)
        return server.returncode, errors


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """What an editor does with ``edits`` (UTF-16 positions) to ``text``, line breaks and all."""
    lines = re.split(r"(?<=\r\n)|(?<=\n)(?<!\r\n)|(?<=\r)(?!\n)", text)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        if position.line >= len(lines):
            return len(text)
        line = lines[position.line].rstrip("\r\n")
        return starts[position.line] + code_points(line, position.character, UTF16)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    workspace = tmp_path_factory.mktemp("workspace")
    (workspace / ".git").mkdir()  # the project's root: the configuration's files stay inside
    started = Session(workspace)
    yield started
    started.close()


def _cli_findings(path: Path) -> list[dict[str, Any]]:
    done = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-cache", "--output-format", "json",
                           str(path)], capture_output=True, text=True, cwd=path.parent, timeout=TIMEOUT)
    findings: list[dict[str, Any]] = json.loads(done.stdout)
    return findings


def _seed(session: Session, name: str) -> tuple[Path, str, str]:
    path = session.workspace / name
    text = SEED.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return path, text, session.open(path, text)


def _the(diagnostics: list[types.Diagnostic], code: str) -> types.Diagnostic:
    [found] = [d for d in diagnostics if d.code == code]
    return found


def test_seed_004_gets_the_findings_of_presslint_check_at_their_positions(session: Session) -> None:
    path, text, uri = _seed(session, "release.txt")
    diagnostics = session.diagnostics(uri, version=1)
    expected = _cli_findings(path)
    assert expected, "the seed has findings"
    got = [(d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1,
            d.range.end.character + 1) for d in diagnostics]
    # The seed's curly apostrophes are one UTF-16 unit each: LSP's columns are the CLI's.
    assert got == [(f["code"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in expected]
    teh = _the(diagnostics, "T101")
    lines = text.split("\n")
    assert lines[teh.range.start.line][teh.range.start.character:teh.range.end.character] == "Teh"
    assert teh.source == "presslint"
    assert teh.severity == types.DiagnosticSeverity.Error
    assert _the(diagnostics, "C103").severity == types.DiagnosticSeverity.Warning
    assert teh.message == "'Teh' is a misspelling of 'The'"
    assert teh.code_description is not None and teh.code_description.href.endswith("T.md#t101-common-misspelling")


def test_a_quick_fix_applied_and_sent_back_clears_its_finding(session: Session) -> None:
    _, text, uri = _seed(session, "quickfix.txt")
    diagnostics = session.diagnostics(uri, version=1)
    lower = _the(diagnostics, "C103")
    actions = session.actions(uri, lower.range)
    [fix] = [a for a in actions if a.title.endswith("(C103)")]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert fix.edit is not None and fix.edit.changes is not None
    fixed = apply_edits(text, list(fix.edit.changes[uri]))
    assert "ensuring Microsoft maintains" in fixed and "microsoft" not in fixed
    published = len(session.published)
    session.change(uri, 2, fixed)
    after = session.diagnostics(uri, version=2, after=published)
    assert "C103" not in {d.code for d in after}
    assert {d.code for d in after} == {d.code for d in diagnostics} - {"C103"}
    # An unsafe fix is offered too, and says so.
    teh = _the(after, "T101")
    [unsafe] = [a for a in session.actions(uri, teh.range) if a.title.endswith("(T101) [unsafe: check it]")]
    assert not unsafe.is_preferred


def test_fix_all_safe_problems_leaves_only_what_needs_a_human(session: Session) -> None:
    _, text, uri = _seed(session, "fixall.txt")
    before = session.diagnostics(uri, version=1)
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    [fix_all] = session.actions(uri, whole, only=["source.fixAll"])
    assert fix_all.kind == "source.fixAll.presslint"
    assert fix_all.edit is not None and fix_all.edit.changes is not None
    fixed = apply_edits(text, list(fix_all.edit.changes[uri]))
    published = len(session.published)
    session.change(uri, 2, fixed)
    after = session.diagnostics(uri, version=2, after=published)
    assert {d.code for d in before} == {"T104", "T101", "C103", "C102", "W106", "W103"}
    assert {d.code for d in after} == {"T104", "T101", "C102"}  # their fixes are unsafe


def test_columns_past_an_emoji_are_utf16_units(session: Session) -> None:
    text = "Launch day 🚀 with “Acme”. Teh team is ready.\n"
    uri = session.open(session.workspace / "emoji.md", text, "markdown")
    teh = _the(session.diagnostics(uri, version=1), "T101")
    assert teh.range.start == types.Position(line=0, character=text.index("Teh") + 1)
    assert text.encode("utf-16-le")[2 * teh.range.start.character:2 * teh.range.end.character].decode(
        "utf-16-le") == "Teh"


def test_a_word_added_to_the_words_file_by_the_editor_is_accepted(session: Session) -> None:
    text = "The Zorblax launch is set. Teh team is ready.\n"
    uri = session.open(session.workspace / "words.txt", text)
    teh = _the(session.diagnostics(uri, version=1), "T101")
    [add] = [a for a in session.actions(uri, teh.range) if a.title.startswith("presslint: add 'Teh'")]
    words = session.workspace / ".presslint-words.txt"
    assert not words.exists()  # the server wrote nothing
    assert add.edit is not None and add.edit.document_changes is not None
    create, edit = add.edit.document_changes
    assert isinstance(create, types.CreateFile) and create.uri == words.as_uri()
    assert create.options is not None and create.options.ignore_if_exists
    assert isinstance(edit, types.TextDocumentEdit) and edit.text_document.uri == words.as_uri()
    words.write_text(apply_edits("", [e for e in edit.edits if isinstance(e, types.TextEdit)]), encoding="utf-8")
    assert words.read_text(encoding="utf-8") == "Teh\n"
    published = len(session.published)
    session.files_changed(words)
    assert "T101" not in {d.code for d in session.diagnostics(uri, after=published)}
    words.unlink()
    published = len(session.published)
    session.files_changed(words)
    assert "T101" in {d.code for d in session.diagnostics(uri, after=published)}


def test_a_configuration_change_and_a_broken_one(session: Session) -> None:
    _, text, uri = _seed(session, "configured.txt")
    assert "T101" in {d.code for d in session.diagnostics(uri, version=1)}
    config = session.workspace / ".presslint.yaml"
    session.wait(lambda: session.registrations or None, "file watcher registration")
    options: Any = session.registrations[0].register_options  # as JSON: its type is the method's
    assert session.registrations[0].method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    assert "**/.presslint.yaml" in {watcher["globPattern"] for watcher in options["watchers"]}
    try:
        config.write_text("ignore: [T101]\n", encoding="utf-8")
        published = len(session.published)
        session.files_changed(config)
        assert "T101" not in {d.code for d in session.diagnostics(uri, after=published)}

        config.write_text("ignore: [T101\n", encoding="utf-8")  # not YAML
        published = len(session.published)
        shown = len(session.messages)
        session.files_changed(config)
        message = session.wait(lambda: session.messages[shown:] or None, "a message")[0]
        assert message.type == types.MessageType.Error and ".presslint.yaml" in message.message
        # The last good configuration is kept, and the server goes on answering.
        after = session.diagnostics(uri, after=published)
        assert after and "T101" not in {d.code for d in after}
        published = len(session.published)
        session.change(uri, 2, text + "\n")
        assert "W103" not in {d.code for d in session.diagnostics(uri, version=2, after=published)}
        assert len(session.messages) == shown + 1  # one message, not one a check

        # A pack that does not load: one message, and the defaults meanwhile.
        (session.workspace / "house.yaml").write_text("rules: [\n", encoding="utf-8")
        config.write_text("rules: [house.yaml]\nignore: [T101]\n", encoding="utf-8")
        published = len(session.published)
        shown = len(session.messages)
        session.files_changed(config)
        message = session.wait(lambda: session.messages[shown:] or None, "a message")[0]
        assert message.type == types.MessageType.Error and "house.yaml" in message.message
        assert "T101" in {d.code for d in session.diagnostics(uri, after=published)}
    finally:
        config.unlink()
    published = len(session.published)
    session.files_changed(config)
    assert "T101" in {d.code for d in session.diagnostics(uri, after=published)}


def test_a_workspace_folder_added_later_brings_its_per_file_ignores(
        session: Session, tmp_path_factory: pytest.TempPathFactory) -> None:
    site = tmp_path_factory.mktemp("site")
    document = _site_with_ignores(site)
    text = "The deal closed. Teh team is ready.\n"
    document.write_text(text, encoding="utf-8")
    uri = session.open(document, text)
    # Outside the workspace its name is "a.txt", which "docs/*.txt" does not match.
    assert "T101" in {d.code for d in session.diagnostics(uri, version=1)}
    published = len(session.published)
    folder = types.WorkspaceFolder(uri=site.as_uri(), name="site")
    session.call(session.client.workspace_did_change_workspace_folders, types.DidChangeWorkspaceFoldersParams(
        event=types.WorkspaceFoldersChangeEvent(added=[folder], removed=[])))
    assert "T101" not in {d.code for d in session.diagnostics(uri, after=published)}
    published = len(session.published)
    session.call(session.client.workspace_did_change_workspace_folders, types.DidChangeWorkspaceFoldersParams(
        event=types.WorkspaceFoldersChangeEvent(added=[], removed=[folder])))
    assert "T101" in {d.code for d in session.diagnostics(uri, after=published)}


def test_shutdown_and_exit_end_the_server_cleanly(tmp_path: Path) -> None:
    started = Session(tmp_path, encodings=[UTF32, UTF16])
    assert started.initialized.capabilities.position_encoding == UTF32  # the client's first choice
    uri = started.open(tmp_path / "a.txt", "Launch 🚀 day. Teh team is ready.\n")
    teh = _the(started.diagnostics(uri, version=1), "T101")
    assert teh.range.start.character == len("Launch 🚀 day. ")  # code points, as negotiated
    assert started.close() == (0, b"")  # and no log line: nothing went wrong


def test_server_without_pygls_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from presslint.cli import cli

    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    result = CliRunner().invoke(cli, ["server"])
    assert result.exit_code == 2
    assert result.output == "presslint: error: the language server needs pygls: pip install 'presslint[server]'\n"
