"""Grammar backends: the interface, LanguageTool through a fake server on 127.0.0.1 (the
real language-tool-python client end to end), the privacy rule, chunking, failures, and
Harper on real text and on the seeds."""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
import yaml

from presslint.backends import (
    BackendConfigError,
    BackendError,
    BackendSpec,
    ProseText,
    chunks,
    create,
    kebab,
    notices,
    parse_backends,
    run_backends,
    utf16_length,
)
from presslint.backends.languagetool import is_loopback
from presslint.config import Config
from presslint.diagnostic import Diagnostic, Severity, Span
from presslint.engine import check_document
from presslint.selection import select

from .conftest import _ALL_CHECKERS, SEEDS, document

DATA = Path(__file__).parent / "data" / "languagetool"
SENTENCE = "We will use the funds to continue our research and developed AI for everyone."


# --- the fake LanguageTool server --------------------------------------------------------


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeLanguageTool:
    """LanguageTool's /v2/languages and /v2/check, answered from tests/data/languagetool."""

    def __init__(self) -> None:
        self.languages = json.loads((DATA / "languages.json").read_text(encoding="utf-8"))
        self.envelope = json.loads((DATA / "check-response.json").read_text(encoding="utf-8"))
        self.rules = json.loads((DATA / "rules.json").read_text(encoding="utf-8"))["rules"]
        self.requests: list[dict[str, str]] = []  # the form fields of every /v2/check
        self.limit = 100_000
        self.mode = "ok"  # or "garbage", "wrong-shape", "slow"
        self.delay = 0.0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                if self.path.split("?")[0].endswith("/v2/languages"):
                    self._send(200, json.dumps(fake.languages), "application/json")
                else:
                    self._send(404, "not found", "text/plain")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
                if not self.path.endswith("/v2/check"):
                    self._send(404, "not found", "text/plain")
                    return
                fake.requests.append(form)
                status, body, kind = fake.answer(form)
                self._send(status, body, kind)

            def _send(self, status: int, body: str, kind: str) -> None:
                data = body.encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind + "; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, form: dict[str, str]) -> tuple[int, str, str]:
        if self.mode == "slow":
            time.sleep(self.delay)
        if self.mode == "garbage":
            return 200, "<html><body>502 Bad Gateway</body></html>", "text/html"
        if self.mode == "wrong-shape":
            return 200, json.dumps({"status": "ok", "result": []}), "application/json"
        text = form["text"]
        if _utf16(text) > self.limit:
            return 413, (f"Error: Your text exceeds the limit of {self.limit} characters "
                         f"(it's {_utf16(text)} characters). Please submit a shorter text."), "text/plain"
        disabled = set(filter(None, form.get("disabledRules", "").split(",")))
        disabled_categories = set(filter(None, form.get("disabledCategories", "").split(",")))
        matches = []
        for rule in self.rules:
            if rule["rule"] in disabled or rule["category"] in disabled_categories:
                continue
            start = text.find(rule["find"])
            while start != -1:
                offset = _utf16(text[:start])
                sentence_start = max(text.rfind(". ", 0, start) + 2, 0) if ". " in text[:start] else 0
                context_start = max(0, start - 40)
                context = text[context_start:start + len(rule["find"]) + 40]
                matches.append({
                    "message": rule["message"], "shortMessage": rule["shortMessage"],
                    "replacements": [{"value": v} for v in rule["replacements"]],
                    "offset": offset, "length": rule["length"],
                    "context": {"text": context, "offset": _utf16(text[context_start:start]),
                                "length": rule["length"]},
                    "sentence": text[sentence_start:text.find(".", start) + 1 or len(text)],
                    "type": {"typeName": "Other"},
                    "rule": {"id": rule["rule"], "description": rule["description"],
                             "issueType": rule["issueType"],
                             "category": {"id": rule["category"], "name": rule["categoryName"]}},
                    "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
                })
                start = text.find(rule["find"], start + 1)
        response = copy.deepcopy(self.envelope)
        response["matches"] = matches
        response["sentenceRanges"] = [[0, _utf16(text)]]
        return 200, json.dumps(response), "application/json"

    def __enter__(self) -> FakeLanguageTool:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def fake() -> Iterator[FakeLanguageTool]:
    pytest.importorskip("language_tool_python", reason="language-tool-python is not installed "
                                                       "(pip install 'presslint[languagetool]')")
    with FakeLanguageTool() as server:
        yield server


class NoRemote:
    """Records every connection and name look-up, and refuses any that is not loopback,
    so a test can prove that nothing was sent off the machine (and nothing ever is)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.attempts: list[Any] = []
        self.lookups: list[str] = []
        guard = self
        real_getaddrinfo = socket.getaddrinfo

        def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
            guard.lookups.append(str(host))
            if not (host is None or is_loopback(str(host))):
                raise socket.gaierror(f"test guard: no look-up of {host!r}")
            return real_getaddrinfo(host, *args, **kwargs)

        class GuardedSocket(socket.socket):
            def connect(self, address: Any) -> None:
                guard.attempts.append(address)
                if isinstance(address, tuple) and not is_loopback(str(address[0])):
                    raise ConnectionRefusedError(f"test guard: no connection to {address!r}")
                super().connect(address)

            def connect_ex(self, address: Any) -> int:
                guard.attempts.append(address)
                if isinstance(address, tuple) and not is_loopback(str(address[0])):
                    return 111
                return super().connect_ex(address)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        monkeypatch.setattr(socket, "socket", GuardedSocket)
        monkeypatch.setattr(socket, "create_connection", _guarded_create_connection(guard))

    def remote_attempts(self) -> list[Any]:
        return [a for a in self.attempts if isinstance(a, tuple) and not is_loopback(str(a[0]))]


def _guarded_create_connection(guard: NoRemote) -> Any:
    real = socket.create_connection

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        guard.attempts.append(address)
        if not is_loopback(str(address[0])):
            raise ConnectionRefusedError(f"test guard: no connection to {address!r}")
        return real(address, *args, **kwargs)

    return create_connection


@pytest.fixture
def no_remote(monkeypatch: pytest.MonkeyPatch) -> NoRemote:
    return NoRemote(monkeypatch)


def languagetool(url: str, **options: Any) -> Any:
    [spec] = parse_backends({"languagetool": {"url": url, **options}}, "test.yaml")
    return create(spec)


# --- the interface ------------------------------------------------------------------------


def test_parse_backends_accepts_both_backends() -> None:
    specs = parse_backends({"languagetool": {"url": "http://localhost:8081", "language": "en-US",
                                             "disabled-rules": ["WHITESPACE_RULE"],
                                             "enabled-categories": ["GRAMMAR"]},
                            "harper": True}, "x.yaml")
    assert [s.name for s in specs] == ["languagetool", "harper"]
    assert specs[0].options["disabled-rules"] == ("WHITESPACE_RULE",)
    assert specs[0].options["url"] == "http://localhost:8081/"
    assert parse_backends({"harper": False}, "x.yaml") == []
    assert parse_backends(None, "x.yaml") == []


@pytest.mark.parametrize(("raw", "message"), [
    ({"grammarly": {}}, "unknown backend 'grammarly' (known: harper, languagetool)"),
    ({"languagetool": {"url": "http://localhost:8081", "ur": 1}}, "backends.languagetool: unknown option 'ur'"),
    ({"languagetool": {}}, "give either 'url'"),
    ({"languagetool": {"url": "http://localhost:8081", "local": True}}, "give either 'url'"),
    ({"languagetool": {"url": "localhost:8081"}}, "must be an http:// or https:// URL"),
    ({"languagetool": {"url": "http://localhost:8081", "timeout": -1}}, "'timeout' must be"),
    ({"languagetool": {"url": "http://localhost:8081", "disabled-rules": "A_RULE"}}, "'disabled-rules' must be a list"),
    ({"harper": {"dialect": "klingon"}}, "'dialect' must be one of"),
    ({"harper": {"disabled-kinds": ["Nonsense"]}}, "unknown lint kind 'Nonsense'"),
    ({"harper": 3}, "backends.harper must be a mapping"),
    (["harper"], "'backends' must be a mapping"),
])
def test_parse_backends_errors_name_the_key(raw: Any, message: str) -> None:
    with pytest.raises(BackendConfigError) as caught:
        parse_backends(raw, "x.yaml")
    assert message in str(caught.value)
    assert str(caught.value).startswith("x.yaml: ")
    assert isinstance(caught.value, ValueError)


def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    # None in sys.modules makes "import harper" fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, "harper", None)
    monkeypatch.setitem(sys.modules, "language_tool_python", None)
    from presslint.backends import BackendUnavailable

    with pytest.raises(BackendUnavailable, match=r"pip install 'presslint\[harper\]'"):
        create(BackendSpec("harper", {}))
    with pytest.raises(BackendUnavailable, match=r"pip install 'presslint\[languagetool\]'"):
        create(parse_backends({"languagetool": {"url": "http://localhost:1"}})[0])


def _diagnostic(start: int, end: int, code: str = "G101") -> Diagnostic:
    return Diagnostic("a.txt", Span(start, end), code, "x", Severity.WARNING, "m")


class _Fixed:
    name = "fixed"
    notice = None

    def __init__(self, found: list[Diagnostic] | Exception) -> None:
        self.found = found

    def check(self, doc: Any) -> list[Diagnostic]:
        if isinstance(self.found, Exception):
            raise self.found
        return list(self.found)


def test_run_backends_drops_duplicates_of_builtin_findings_and_never_raises() -> None:
    doc = document("Some text here.")
    builtin = [_diagnostic(0, 4, "T101")]
    ok = _Fixed([_diagnostic(5, 9), _diagnostic(0, 4), _diagnostic(5, 9, "G201")])
    broken = _Fixed(ZeroDivisionError("bug"))
    down = _Fixed(BackendError("cannot connect to http://localhost:8081/ (is the server running?)"))
    found, warnings = run_backends(doc, [ok, broken, down], builtin)  # type: ignore[list-item]
    assert [(d.span, d.code) for d in found] == [(Span(5, 9), "G101")]
    assert len(warnings) == 2
    assert "ZeroDivisionError: bug" in warnings[0] and "example.txt" in warnings[0]
    assert warnings[1] == ("warning: fixed backend: cannot connect to http://localhost:8081/ "
                           "(is the server running?); its findings are missing")


def test_prose_text_cuts_non_prose_and_maps_offsets_back() -> None:
    doc = document("Visit https://acme.example.com/x today, and `code here` too.\n", "a.md")
    prose = ProseText(doc.prose)
    assert prose.text == "Visit today, and too.\n"
    start = prose.text.index("today")
    span = prose.to_document(start, start + 5)
    assert span is not None and doc.text[span.start:span.end] == "today"
    # A span across a cut covers something that is not prose: dropped.
    assert prose.to_document(prose.text.index("and"), prose.text.index("too") + 3) is None


def test_chunks_respect_the_limit_and_cut_at_boundaries() -> None:
    text = "First paragraph. It has two sentences.\n\nSecond one 😀 here. " * 50
    pieces = list(chunks(text, 100))
    assert "".join(text[a:b] for a, b in pieces) == text
    assert all(utf16_length(text[a:b]) <= 100 for a, b in pieces)
    assert all(text[a:b].endswith(("\n\n", "\n", ". ", " ")) for a, b in pieces[:-1])
    assert list(chunks("x" * 250, 100)) == [(0, 100), (100, 200), (200, 250)]


def test_kebab() -> None:
    assert kebab("MORFOLOGIK_RULE_EN_US") == "morfologik-rule-en-us"
    assert kebab("WordChoice") == "word-choice"
    assert kebab("EN_A_VS_AN") == "en-a-vs-an"


# --- LanguageTool, end to end through the fake server --------------------------------------


def test_languagetool_end_to_end(fake: FakeLanguageTool, no_remote: NoRemote) -> None:
    text = f"Acme and Microsoft Announce Results\n\n{SENTENCE} Microsofts cloud is very unique.\n"
    doc = document(text)
    backend = languagetool(fake.url, **{"disabled-rules": ["WHITESPACE_RULE"],
                                        "enabled-categories": ["GRAMMAR", "STYLE"]})
    assert backend.notice is None and notices([backend]) == []
    assert backend.status() == (True, f"{fake.url}/ (this machine), language en-US")
    builtin = check_document(doc, select(_ALL_CHECKERS, Config()))
    found, warnings = run_backends(doc, [backend], builtin)
    backend.close()
    assert warnings == []
    got = [(doc.text[d.span.start:d.span.end], d.code, d.rule, d.severity) for d in found]
    assert ("developed", "G101", "to-non-base", Severity.WARNING) in got
    assert ("very unique", "G104", "very-unique", Severity.INFO) in got
    # The built-in T rules report "Microsofts" on the same span: the backend's copy goes.
    assert any(doc.text[d.span.start:d.span.end] == "Microsofts" for d in builtin)
    assert "Microsofts" not in [g[0] for g in got]
    developed = next(d for d in found if d.code == "G101")
    assert developed.fix is not None and not developed.fix.safe
    assert developed.fix.edits[0].replacement == "develop"
    assert developed.message.startswith("The verb after “to” should be in the base form")
    # What language-tool-python sent: the configured language, rules and categories.
    form = fake.requests[-1]
    assert form["language"] == "en-US"
    assert form["disabledRules"] == "WHITESPACE_RULE"
    assert form["enabledCategories"] in ("GRAMMAR,STYLE", "STYLE,GRAMMAR")
    assert no_remote.remote_attempts() == []


def test_languagetool_disabled_rules_reach_the_server(fake: FakeLanguageTool) -> None:
    doc = document(SENTENCE)
    backend = languagetool(fake.url, **{"disabled-rules": ["TO_NON_BASE"]})
    assert backend.check(doc) == []


def test_languagetool_offsets_count_utf16_like_java(fake: FakeLanguageTool) -> None:
    doc = document("Launch day 🚀 was 😀 grate for everyone.\n")
    [finding] = languagetool(fake.url).check(doc)
    assert doc.text[finding.span.start:finding.span.end] == "😀 grate"
    assert finding.code == "G106"


def test_languagetool_only_sees_prose(fake: FakeLanguageTool) -> None:
    text = "Intro text.\n\n```\nteh code is not prose\n```\n\nVisit https://teh.example.com now.\n"
    doc = document(text, "release.md")
    assert languagetool(fake.url).check(doc) == []
    sent = " ".join(form["text"] for form in fake.requests)
    assert "teh" not in sent and "\ufffc" not in sent


def test_languagetool_long_document_is_sent_in_chunks(fake: FakeLanguageTool) -> None:
    paragraph = "Acme grew in every region this year. " * 6 + SENTENCE + "\n\n"
    text = paragraph * 40  # about 14,000 characters
    doc = document(text)
    fake.limit = 1_000
    backend = languagetool(fake.url, **{"max-text-length": 1_000})
    found = backend.check(doc)
    assert len(fake.requests) >= len(text) // 1_000
    assert all(_utf16(form["text"]) <= 1_000 for form in fake.requests)
    assert len(found) == 40
    assert all(doc.text[d.span.start:d.span.end] == "developed" for d in found)


def test_languagetool_learns_a_smaller_server_limit(fake: FakeLanguageTool) -> None:
    text = ("Acme grew in every region this year. " * 6 + SENTENCE + "\n\n") * 10
    doc = document(text)
    fake.limit = 700  # the server's limit is lower than ours: it answers 413
    backend = languagetool(fake.url, **{"max-text-length": 20_000})
    found = backend.check(doc)
    assert len(found) == 10
    assert all(doc.text[d.span.start:d.span.end] == "developed" for d in found)
    assert any(_utf16(f["text"]) > 700 for f in fake.requests)  # the refused first try
    assert backend.check(doc) and all(_utf16(f["text"]) <= 700 for f in fake.requests[-3:])


# --- failures: one warning line, no exception, the built-in results intact -----------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_languagetool_server_down_is_one_warning(no_remote: NoRemote) -> None:
    pytest.importorskip("language_tool_python")
    backend = languagetool(f"http://127.0.0.1:{_free_port()}", timeout=2)
    ok, detail = backend.status()
    assert not ok and "cannot connect to http://127.0.0.1:" in detail
    builtin = [_diagnostic(0, 3, "T101")]
    warnings = []
    for _ in range(3):  # three files: the same line each time, and no retry after the first
        found, lines = run_backends(document("Teh end."), [backend], builtin)
        assert found == []
        warnings.extend(lines)
    assert len(set(warnings)) == 1
    [line] = set(warnings)
    assert line.startswith("warning: languagetool backend: cannot connect to http://127.0.0.1:")
    assert line.endswith("(is the server running?); its findings are missing")
    assert no_remote.remote_attempts() == []


@pytest.mark.parametrize(("mode", "expected"), [
    ("garbage", "did not answer like a LanguageTool server"),
    ("wrong-shape", "did not answer like a LanguageTool server"),
])
def test_languagetool_garbage_is_a_warning(fake: FakeLanguageTool, mode: str, expected: str) -> None:
    backend = languagetool(fake.url)
    assert backend.status()[0]
    fake.mode = mode
    found, warnings = run_backends(document(SENTENCE), [backend], [])
    assert found == []
    assert len(warnings) == 1 and expected in warnings[0] and "\n" not in warnings[0]


def test_languagetool_timeout_is_a_warning(fake: FakeLanguageTool) -> None:
    backend = languagetool(fake.url, timeout=0.3)
    assert backend.status()[0]
    fake.mode, fake.delay = "slow", 1.5
    started = time.monotonic()
    found, warnings = run_backends(document(SENTENCE), [backend], [])
    assert found == [] and len(warnings) == 1
    assert "no answer from" in warnings[0] and "within 0.3 s" in warnings[0]
    assert time.monotonic() - started < 5  # language-tool-python tries twice: 2 x 0.3 s


# --- privacy: nothing leaves 127.0.0.1 without allow-remote ---------------------------------


@pytest.mark.parametrize("url", [
    "https://api.languagetool.org", "http://languagetool.example.com:8081",
    "http://10.0.0.5:8081", "http://192.168.1.10:8081", "http://myserver.local:8081",
    "http://127.0.0.1@evil.example.com/",
])
def test_remote_url_is_refused_without_allow_remote(url: str, no_remote: NoRemote) -> None:
    with pytest.raises(BackendConfigError, match=r"is not on this machine|user name"):
        parse_backends({"languagetool": {"url": url}}, "x.yaml")
    # Even a spec built by hand (not through the config) is refused by the backend itself.
    pytest.importorskip("language_tool_python")
    with pytest.raises(BackendConfigError, match=r"is not on this machine|user name"):
        create(BackendSpec("languagetool", {"url": url}))
    assert no_remote.attempts == [] and no_remote.lookups == []


@pytest.mark.parametrize("url", ["http://localhost:8081", "http://127.0.0.1:8081",
                                 "http://127.8.9.10:8081", "http://[::1]:8081"])
def test_loopback_urls_need_no_permission(url: str) -> None:
    [spec] = parse_backends({"languagetool": {"url": url}}, "x.yaml")
    assert spec.options["allow-remote"] is False


def test_allow_remote_gives_a_notice_and_is_the_only_way_out(no_remote: NoRemote) -> None:
    pytest.importorskip("language_tool_python")
    backend = languagetool("https://api.languagetool.org", **{"allow-remote": True, "timeout": 2})
    assert notices([backend]) == [
        "notice: the languagetool backend sends the text of every checked file to "
        "https://api.languagetool.org/ (allow-remote: true)"]
    # The guard stands in for the internet: the backend does try the remote host now, and
    # the failure is an ordinary warning.
    found, warnings = run_backends(document(SENTENCE), [backend], [])
    assert found == [] and len(warnings) == 1
    assert "api.languagetool.org" in " ".join(no_remote.lookups)


def test_loopback_server_is_reached_directly_not_through_an_environment_proxy(
        fake: FakeLanguageTool, no_remote: NoRemote, monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy would see the embargoed text; for a server on this machine there is none.
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://192.0.2.1:3128")
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    found = languagetool(fake.url).check(document(SENTENCE))
    assert [d.rule for d in found] == ["to-non-base"]
    assert no_remote.remote_attempts() == []


def test_local_server_is_started_by_language_tool_python(monkeypatch: pytest.MonkeyPatch) -> None:
    language_tool_python = pytest.importorskip("language_tool_python")
    started: list[tuple[Any, ...]] = []

    def fake_init(self: Any, language: Any = None, *args: Any, **kwargs: Any) -> None:
        started.append((language, args, kwargs))
        self._host, self._url, self._remote, self._server = "127.0.0.1", "http://127.0.0.1:8123/v2/", False, None
        self._disabled_rules = self._enabled_rules = self._disabled_categories = set()
        self._enabled_categories = self._preferred_variants = set()
        self._enabled_rules_only = self._picky = False
        self._proxies = None

    monkeypatch.setattr(language_tool_python.LanguageTool, "__init__", fake_init)
    monkeypatch.setattr(language_tool_python.LanguageTool, "close", lambda self: None)
    [spec] = parse_backends({"languagetool": {"local": True, "language": "en-GB"}}, "x.yaml")
    backend = create(spec)
    assert backend.notice is None
    worker = backend.worker_spec()  # starts the server once, and workers share it
    assert started == [("en-GB", (), {})]
    assert worker.options["url"] == "http://127.0.0.1:8123/" and worker.options["local"] is False


# --- Harper ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def harper_backend() -> Any:
    pytest.importorskip("harper", reason="harper-py is not installed (pip install 'presslint[harper]')")
    return create(parse_backends({"harper": True}, "x.yaml")[0])


def test_harper_on_real_text(harper_backend: Any) -> None:
    doc = document("This is an test of the linter. We will go their tomorrow.\n")
    found = harper_backend.check(doc)
    got = {doc.text[d.span.start:d.span.end]: d for d in found}
    assert "an" in got and got["an"].code.startswith("G2")
    assert got["an"].fix is not None and got["an"].fix.edits[0].replacement == "a"
    assert all(d.code.startswith("G2") and d.rule.startswith("harper-") for d in found)
    assert harper_backend.status()[0]


def test_harper_spans_survive_masked_markup(harper_backend: Any) -> None:
    text = "# Launch\n\nSee `an code` and https://x.example.com/a for an test.\n"
    doc = document(text, "a.md")
    found = harper_backend.check(doc)
    assert [doc.text[d.span.start:d.span.end] for d in found if d.fix] == ["an"]
    assert found[0].span.start == text.index("an test")


def test_harper_options(harper_backend: Any) -> None:
    doc = document("This is an test.\n")
    quiet = create(parse_backends({"harper": {"disabled-kinds": ["Miscellaneous"], "disabled-rules": ["AnA"]}})[0])
    assert [d for d in quiet.check(doc) if doc.text[d.span.start:d.span.end] == "an"] == []
    with pytest.raises(BackendConfigError, match="Harper has no rule 'NoSuchRule'"):
        create(parse_backends({"harper": {"disabled-rules": ["NoSuchRule"]}})[0])


def _seed_labels() -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load((SEEDS / "labels.yaml").read_text(encoding="utf-8"))
    return {name: labels or [] for name, labels in data.items()}


def _covers(doc: Any, diagnostic: Diagnostic, label: dict[str, Any]) -> bool:
    line, column = label["line"], label["column"]
    start = doc.lines.starts[line - 1] + column - 1
    end_line = label.get("end_line", line)
    end = (start + len(label["text"]) if "end_line" not in label
           else doc.lines.line_span(end_line).end)
    return diagnostic.span.start < max(end, start + 1) and diagnostic.span.end > start


@pytest.mark.skipif(not (SEEDS / "labels.yaml").is_file(), reason="no shared seeds")
def test_harper_on_the_seeds(harper_backend: Any) -> None:
    """What Harper adds to the default rule set on the labelled seeds (measured, and
    kept this way: a change in harper-py or in the mapping shows here)."""
    from presslint.decoding import decode
    from presslint.document import Document

    rules = select(_ALL_CHECKERS, Config())
    added: dict[str, list[str]] = {}
    extra: dict[str, list[str]] = {}
    for name, labels in _seed_labels().items():
        doc = Document.from_decoded(str(SEEDS / name), decode((SEEDS / name).read_bytes()))
        builtin = check_document(doc, rules)
        found, warnings = run_backends(doc, [harper_backend], builtin)
        assert warnings == []
        for d in found:
            assert d.code.startswith("G2") and 0 <= d.span.start < d.span.end <= len(doc.text)
        for label in labels:
            by_builtin = any(_covers(doc, d, label) for d in builtin)
            if not by_builtin and any(_covers(doc, d, label) for d in found):
                added.setdefault(name, []).append(label["text"])
        covered = [d for d in found if not any(_covers(doc, d, label) for label in labels)]
        extra[name] = sorted(doc.text[d.span.start:d.span.end] for d in covered)
    # No label is found by Harper that the default rules miss (its hits on labels, Teh,
    # microsoft, any, Microsofts, are on the built-in findings' spans and dropped)...
    assert added == {}
    # ... and what it reports beyond the labels, with its default settings:
    assert extra == {
        "000_7609e4628dd17c72.txt": ["Sam"],
        "001_c976c608bfa77165.txt": ["Conversely", "both 2019", "multi-billion", "multi-year",
                                     "non-profit", "supercomputing"],
        "004_383c40b382e2333e.txt": ["finetuning"],
    }


# --- wired into the command line ---------------------------------------------------------

def _cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from presslint.cli import cli

    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.skipif(importlib.util.find_spec("harper") is None, reason="harper-py is not installed")
def test_harper_findings_join_the_report_and_obey_selection(tmp_path: Path) -> None:
    (tmp_path / ".presslint.yaml").write_text("backends: {harper: {}}\n", encoding="utf-8")
    # ("Their going" is T107's since it reads context; "alot" is Harper's alone.)
    (tmp_path / "r.txt").write_text("This is an test of the the system. We did it alot.\n", encoding="utf-8")
    code, out, err = _cli("check", "--output-format", "json", "r.txt", cwd=tmp_path)
    found = json.loads(out)
    codes = {f["code"] for f in found}
    assert code == 1 and any(c.startswith("G2") for c in codes), (out, err)
    assert "T109" in codes  # the built-in doubled word stays; Harper's copy on that span is dropped
    _, out, _ = _cli("check", "--output-format", "json", "--ignore", "G", "r.txt", cwd=tmp_path)
    assert not any(f["code"].startswith("G") for f in json.loads(out))
    _, out, _ = _cli("check", "--output-format", "json", "--select", "G", "r.txt", cwd=tmp_path)
    assert {f["code"][0] for f in json.loads(out)} == {"G"}


def test_backends_command_reports_an_unreachable_server(tmp_path: Path) -> None:
    (tmp_path / ".presslint.yaml").write_text(
        "backends: {languagetool: {url: 'http://127.0.0.1:9', timeout: 1}}\n", encoding="utf-8")
    code, out, _ = _cli("backends", cwd=tmp_path)
    assert code == 1 and out.startswith("languagetool: unreachable")
    (tmp_path / ".presslint.yaml").write_text("select: [W]\n", encoding="utf-8")
    code, out, _ = _cli("backends", cwd=tmp_path)
    assert code == 0 and "no grammar backends configured" in out


def test_a_down_server_is_one_warning_and_changes_no_exit_code(tmp_path: Path) -> None:
    (tmp_path / ".presslint.yaml").write_text(
        "backends: {languagetool: {url: 'http://127.0.0.1:9', timeout: 1}}\n", encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Fine text here.\n", encoding="utf-8")
    code, out, err = _cli("check", "--jobs", "1", "a.txt", "b.txt", cwd=tmp_path)
    assert code == 0 and "no problems" in out
    assert err.count("presslint: warning: languagetool backend") == 1, err
    code, out, _ = _cli("check", "--jobs", "1", "--backend-required", "a.txt", cwd=tmp_path)
    assert code == 2
    assert out.splitlines()[-1] == "1 error; no problems in 1 file checked."  # not "All clear"


def test_a_remote_server_needs_allow_remote(tmp_path: Path) -> None:
    (tmp_path / ".presslint.yaml").write_text(
        "backends: {languagetool: {url: 'https://api.languagetool.org'}}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    code, _, err = _cli("check", "a.txt", cwd=tmp_path)
    assert code == 2 and "allow-remote" in err and err.count("\n") == 1


def test_grammar_selectors_are_the_grammar_packs_codes_and_names() -> None:
    from presslint.selection import SelectionError, grammar_wanted

    assert grammar_wanted("G101", "morfologik-rule-en-us", Config(select=("languagetool-grammar",)))
    assert grammar_wanted("G201", "harper-spelling", Config(select=("W", "G2")))
    assert not grammar_wanted("G101", "morfologik-rule-en-us", Config(select=("G2",)))
    assert not grammar_wanted("G101", "morfologik-rule-en-us", Config(ignore=("languagetool-grammar",)))
    assert select(_ALL_CHECKERS, Config(select=("G", "harper-typo"))) == []  # no kind runs them
    with pytest.raises(SelectionError, match="'G3'"):
        select(_ALL_CHECKERS, Config(select=("G3",)))
