"""The protocol glue: pygls' LanguageServer, the events it answers and what each does.

Diagnostics are published on didOpen and didSave at once and on didChange after a pause
(debounce.py); code actions come from actions.py; each document's configuration from
configuration.py. Nothing here writes a file: a change is an edit the editor applies.
Standard output is the protocol; logs go to standard error.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .. import check_text
from .._version import __version__
from ..config import Config
from ..errors import UserError
from .actions import FIX_ALL, Snapshot, WordsFile, add_words, fix_all, quick_fixes
from .configuration import WATCHED_NAMES, Configurations, Found
from .convert import to_lsp
from .debounce import Debouncer
from .documents import path_of, syntax_of
from .positions import PositionMap

logger = logging.getLogger("presslint.server")

# How long the typing must pause before a check (the initialization option debounceMs).
DEFAULT_DELAY = 0.25

Token = tuple[int | None, str]  # a document's version and text: what a check is of


@dataclass(frozen=True)
class Checked:
    snapshot: Snapshot
    found: Found


class PresslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("presslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        # One thread: checks run one at a time, off the event loop, which goes on reading.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslint-check")
        self.debouncer: Debouncer[str, Token, Checked] = Debouncer(
            DEFAULT_DELAY, self.executor, self.token, self.check, self.publish)
        self.configurations = Configurations([], self.show_error_soon)
        self.checked: dict[str, Checked] = {}
        self.watched: set[str] = set()
        self.loop: asyncio.AbstractEventLoop | None = None

    # -- messages -------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        logger.error("%s", message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                         message=f"presslint: {message}"))

    def show_error_soon(self, message: str) -> None:
        """show_error from the checking thread: on the event loop, which owns the output."""
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self.show_error, message)

    # -- documents ------------------------------------------------------------------

    def token(self, uri: str) -> Token | None:
        """The open document's version and text; None when it is closed or not checked."""
        document = self.workspace.text_documents.get(_unquote(uri))
        if document is None or syntax_of(path_of(uri), document.language_id) is None:
            return None
        return document.version, document.source

    def check(self, uri: str, token: Token) -> Checked:
        """Check one version of a document (in the checking thread). A configuration or
        rule pack that cannot be used is reported, and the defaults used meanwhile."""
        document = self.workspace.text_documents.get(_unquote(uri))
        path = path_of(uri)
        syntax = syntax_of(path, document.language_id if document else None) or "text"
        found = self.configurations.for_path(path)
        name = found.relative(path.absolute()) if path is not None else None
        version, text = token
        try:
            try:
                diagnostics = check_text(text, name, found.config, syntax=syntax)
            except UserError as exc:
                self.configurations.complain(str(exc))
                diagnostics = check_text(text, name, Config(), syntax=syntax)
        except Exception as exc:  # a bug must not end the server: report it, check on
            logger.exception("checking %s", uri)
            self.configurations.complain(f"internal error checking {uri}: {type(exc).__name__}: {exc}")
            diagnostics = []
        return Checked(Snapshot(uri, version, text, tuple(diagnostics)), found)

    def publish(self, uri: str, token: Token, checked: Checked) -> None:
        self.checked[uri] = checked
        positions = self.positions(checked.snapshot.text)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=token[0], diagnostics=[to_lsp(d, positions) for d in checked.snapshot.diagnostics]))
        self.watch(checked.found.config)

    def positions(self, text: str) -> PositionMap:
        return PositionMap(text, str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16))

    # -- configuration --------------------------------------------------------------

    def watch(self, config: Config) -> None:
        """Ask the client to tell of changes to the configuration files, and to the words,
        terms and facts files and packs a configuration names (once each name)."""
        names = {*WATCHED_NAMES, *(path.name for path in (config.words_file, config.terms_file, config.facts,
                                                           *config.rules) if path is not None)}
        new = sorted(names - self.watched)
        if not new or not _can_register_watchers(self.client_capabilities):
            return
        self.watched.update(new)
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in new])
        self.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id=f"presslint-watch-{len(self.watched)}", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options)]))

    def recheck_all(self) -> None:
        self.configurations.forget()
        for uri in list(self.workspace.text_documents):
            if self.token(uri) is not None:
                self.debouncer.changed(uri, 0)

    # -- code actions ---------------------------------------------------------------

    def actions(self, params: types.CodeActionParams, token: Token) -> list[types.CodeAction]:
        """The code actions at ``params.range`` (in the checking thread)."""
        uri = params.text_document.uri
        checked = self.checked.get(uri)
        if checked is None or (checked.snapshot.version, checked.snapshot.text) != token:
            checked = self.check(uri, token)
        snapshot, found = checked.snapshot, checked.found
        positions = self.positions(snapshot.text)
        only = params.context.only
        actions: list[types.CodeAction] = []
        if only is None or any(types.CodeActionKind.QuickFix.startswith(kind) for kind in only):
            actions += quick_fixes(snapshot, positions, params.range)
            actions += add_words(snapshot, positions, params.range, self.words_file(found),
                                 _can_create_files(self.client_capabilities))
        if only is None or any(FIX_ALL.startswith(kind) for kind in only):
            path = path_of(uri)
            name = found.relative(path.absolute()) if path is not None else None
            document = self.workspace.text_documents.get(_unquote(uri))
            syntax = syntax_of(path, document.language_id if document else None) or "text"
            fixed = fix_all(snapshot, positions, lambda text: check_text(text, name, found.config, syntax=syntax))
            if fixed is not None:
                actions.append(fixed)
        return actions

    def words_file(self, found: Found) -> WordsFile:
        from pygls.uris import from_fs_path

        path = found.words_file()
        uri = from_fs_path(str(path)) or path.as_uri()
        open_document = self.workspace.text_documents.get(_unquote(uri))
        if open_document is not None:
            return WordsFile(path, uri, open_document.source, True)
        try:
            return WordsFile(path, uri, path.read_text(encoding="utf-8", errors="replace"), True)
        except FileNotFoundError:
            return WordsFile(path, uri, "", False)
        except OSError:  # unreadable: appending to it would fail too
            return WordsFile(path, uri, "", path.exists())


def _unquote(uri: str) -> str:
    from urllib.parse import unquote

    return unquote(uri)


def _can_register_watchers(capabilities: types.ClientCapabilities) -> bool:
    workspace = capabilities.workspace
    watched = workspace.did_change_watched_files if workspace else None
    return bool(watched and watched.dynamic_registration)


def _can_create_files(capabilities: types.ClientCapabilities) -> bool:
    workspace = capabilities.workspace
    edit = workspace.workspace_edit if workspace else None
    return bool(edit and edit.document_changes
                and types.ResourceOperationKind.Create in (edit.resource_operations or ()))


def _paths(uris: Iterable[str]) -> list[Path]:
    """The folders that ``file:`` URIs name (others, such as ``untitled:``, have none)."""
    from pygls.uris import to_fs_path

    return [Path(path) for path in map(to_fs_path, uris) if path]


def create_server() -> PresslintServer:
    server = PresslintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: PresslintServer, params: types.InitializeParams) -> None:
        options: Any = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounceMs"), (int, float)):
            ls.debouncer.delay = max(0.0, options["debounceMs"] / 1000)
        uris = [folder.uri for folder in params.workspace_folders or ()] or ([params.root_uri] if params.root_uri
                                                                              else [])
        roots = _paths(uris)
        if not roots and params.root_path:
            roots = [Path(params.root_path)]
        ls.configurations = Configurations(roots, ls.show_error_soon)
        ls.loop = asyncio.get_running_loop()

    @server.feature(types.INITIALIZED)
    def initialized(ls: PresslintServer, params: types.InitializedParams) -> None:
        ls.watch(Config())

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PresslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.loop = asyncio.get_running_loop()
        if ls.token(params.text_document.uri) is not None:
            ls.debouncer.changed(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PresslintServer, params: types.DidChangeTextDocumentParams) -> None:
        if ls.token(params.text_document.uri) is not None:
            ls.debouncer.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PresslintServer, params: types.DidSaveTextDocumentParams) -> None:
        if ls.token(params.text_document.uri) is not None:
            ls.debouncer.changed(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PresslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.debouncer.closed(uri)
        if ls.checked.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: PresslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.recheck_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def did_change_workspace_folders(ls: PresslintServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
        ls.configurations.change_roots(_paths(folder.uri for folder in params.event.added),
                                       _paths(folder.uri for folder in params.event.removed))
        ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False))
    async def code_action(ls: PresslintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        token = ls.token(params.text_document.uri)
        if token is None:
            return None
        return await asyncio.get_running_loop().run_in_executor(ls.executor, ls.actions, params, token)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: PresslintServer, params: None) -> None:
        for uri in list(ls.workspace.text_documents):
            ls.debouncer.closed(uri)
        ls.executor.shutdown(wait=False, cancel_futures=True)

    return server
