"""The LanguageTool backend: a LanguageTool server, through language-tool-python.

Configuration (``backends: {languagetool: {...}}``)::

    url: http://localhost:8081   # a running server (its /v2/ API), or
    local: true                  # let language-tool-python start one (Java; it downloads
                                 # LanguageTool on first use unless LTP_PATH has it)
    language: en-US              # default en-US
    disabled-rules: [...]        # LanguageTool rule ids, sent as disabledRules
    enabled-rules: [...]         # ... enabledRules
    disabled-categories: [...]   # category ids (TYPOS, STYLE, ...), disabledCategories
    enabled-categories: [...]    # ... enabledCategories
    enabled-only: false          # check only the enabled rules and categories
    picky: false                 # LanguageTool's picky level
    allow-remote: false          # needed for a server that is not on this machine
    timeout: 15                  # seconds per request (language-tool-python tries twice)
    max-text-length: 20000       # characters per request; lowered by itself when the
                                 # server answers that its limit is lower

Privacy: press releases are often under embargo. A ``url`` whose host is not loopback
(``localhost``, 127.0.0.0/8, ``::1``) is refused unless ``allow-remote: true``, and then
the backend's :attr:`notice` says, once, that the text leaves the machine. Host names are
never resolved to decide this: ``myserver.local`` is remote even if it resolves to
127.0.0.1. Requests to a loopback server go direct, past any ``HTTP_PROXY`` of the
environment.

Codes: a finding's ``rule`` is the LanguageTool rule id in lower kebab case
(``MORFOLOGIK_RULE_EN_US`` -> ``morfologik-rule-en-us``); its code comes from the rule's
category, as rules/grammar.yaml's ``finds`` declares it (G1xx; an unknown category is G199). Replacements
become unsafe fixes (the first one).
"""

from __future__ import annotations

import ipaddress
import re
import urllib.parse
from typing import TYPE_CHECKING, Any

from ..diagnostic import Diagnostic, Edit, Fix
from . import (
    Backend,
    BackendError,
    BackendSpec,
    BackendUnavailable,
    ProseText,
    chunks,
    codes,
    kebab,
    prose_text,
)

if TYPE_CHECKING:
    from ..document import Document


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*|auto")
_TOO_LONG = re.compile(r"limit of ([\d,.\s]+) characters", re.IGNORECASE)
# No proxy for a server on this machine, whatever HTTP_PROXY says ("" means direct).
_DIRECT = {"http": "", "https": ""}


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a URL's host name) is this machine, without resolving it."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def _valid_url(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"'url' must be a URL such as http://localhost:8081, not {value!r}")
    parts = urllib.parse.urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"'url' must be an http:// or https:// URL such as http://localhost:8081, "
                         f"not {value!r}")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"'url' must not contain a user name or password: {value!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"'url' must not have a query or fragment: {value!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ValueError(f"'url' has a bad port: {value!r}") from None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    # language-tool-python appends "v2/": accept a URL that already ends with it.
    if path.endswith("/v2/"):
        path = path[:-3]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class LanguageToolBackend(Backend):
    name = "languagetool"
    OPTIONS = {"url": "", "local": False, "language": "en-US", "timeout": 15.0, "max-text-length": 20_000,
               "disabled-rules": (), "enabled-rules": (), "disabled-categories": (), "enabled-categories": (),
               "enabled-only": False, "picky": False, "allow-remote": False, "enabled": True}

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> dict[str, Any]:
        if not 0 < options["timeout"] <= 600:
            raise ValueError(f"'timeout' must be a number of seconds (0 < timeout <= 600), not {options['timeout']!r}")
        if options["max-text-length"] < 100:
            raise ValueError(f"'max-text-length' must be a whole number of characters, at least 100, "
                             f"not {options['max-text-length']!r}")
        if not _LANGUAGE.fullmatch(options["language"]):
            raise ValueError(f"'language' must be a language code such as en-US, not {options['language']!r}")
        url = options["url"] = _valid_url(options["url"]) if options["url"] else ""
        if options["local"] == bool(url):
            raise ValueError("give either 'url' (a running LanguageTool server) or 'local: true' "
                             "(language-tool-python starts one), not both or neither")
        if url and not options["allow-remote"] and not is_loopback(urllib.parse.urlsplit(url).hostname or ""):
            raise ValueError(
                f"url {url!r} is not on this machine, and checking sends the full text of every "
                f"file there (press releases are often under embargo); add 'allow-remote: true' "
                f"to send it anyway")
        return options

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        try:
            import language_tool_python  # noqa: F401 - only to fail early and clearly
        except ImportError:
            raise BackendUnavailable(
                "the languagetool backend needs language-tool-python: "
                "pip install 'presslint[languagetool]'") from None
        url = self.options["url"]
        self.remote = bool(url) and not is_loopback(urllib.parse.urlsplit(url).hostname or "")
        if self.remote:
            self.notice = (f"notice: the languagetool backend sends the text of every checked file "
                           f"to {url} (allow-remote: true)")
        self._limit: int = self.options["max-text-length"]
        self._tool: Any = None
        self._down: str | None = None

    # --- connection ------------------------------------------------------------------

    @property
    def where(self) -> str:
        return str(self.options["url"] or "a local LanguageTool server")

    def _client(self) -> Any:
        if self._down is not None:
            raise BackendError(self._down)
        if self._tool is None:
            try:
                self._tool = self._connect()
            except Exception as exc:
                self._down = self._describe(exc)
                raise BackendError(self._down) from None
        return self._tool

    def _connect(self) -> Any:
        import language_tool_python

        # The class attribute is what language-tool-python passes to requests as the
        # timeout, the first request (GET /v2/languages, in the constructor) included.
        client = type("LanguageTool", (language_tool_python.LanguageTool,),
                      {"_TIMEOUT": self.options["timeout"]})
        options = self.options
        tool: Any
        if options["local"]:
            tool = client(options["language"])
            if is_loopback(str(tool.host)):
                # Its public setter refuses proxies for a local server; "direct" is what we
                # want, so that an HTTP_PROXY of the environment never sees the text.
                tool._proxies = _DIRECT
        else:
            tool = client(options["language"], remote_server=options["url"],
                          proxies=None if self.remote else _DIRECT)
        tool.disabled_rules = set(options["disabled-rules"])
        tool.enabled_rules = set(options["enabled-rules"])
        tool.disabled_categories = set(options["disabled-categories"])
        tool.enabled_categories = set(options["enabled-categories"])
        tool.enabled_rules_only = options["enabled-only"]
        tool.picky = options["picky"]
        return tool

    def _describe(self, exc: BaseException) -> str:
        import requests

        cause: BaseException | None = exc
        while cause is not None:
            if isinstance(cause, requests.Timeout):
                return f"no answer from {self.where} within {self.options['timeout']:g} s"
            if isinstance(cause, requests.ConnectionError):
                return f"cannot connect to {self.where} (is the server running?)"
            cause = cause.__cause__ or cause.__context__
        text = " ".join(str(exc).split())
        if isinstance(exc, (KeyError, TypeError, AttributeError)) or "Expecting value" in text:
            return f"{self.where} did not answer like a LanguageTool server ({type(exc).__name__}: {text[:80]})"
        if type(exc).__name__ == "LanguageToolError":
            return f"{self.where} did not answer like a LanguageTool server: {text[:120]!r}"
        return f"{self.where}: {type(exc).__name__}: {text[:120]}"

    def status(self) -> tuple[bool, str]:
        try:
            tool = self._client()
        except BackendError as exc:
            return False, str(exc)
        return True, f"{self.where} ({'remote' if self.remote else 'this machine'}), language {tool.language}"

    def close(self) -> None:
        if self._tool is not None:
            try:
                self._tool.close()
            finally:
                self._tool = None

    def worker_spec(self) -> BackendSpec:
        """For a local server this backend started, a spec pointing at its URL so that
        worker processes share it rather than each starting a JVM."""
        options = dict(self.options)
        if options["local"]:
            tool = self._client()
            url = str(tool.url)
            options.update(local=False, url=url[:-3] if url.endswith("/v2/") else url)
        return BackendSpec(self.name, options)

    # --- checking --------------------------------------------------------------------

    def check(self, doc: Document) -> list[Diagnostic]:
        tool = self._client()
        prose = prose_text(doc)
        for _ in range(4):  # a server with a smaller limit than ours: cut smaller, again
            try:
                return self._check(doc, tool, prose)
            except _TooLong as exc:
                if exc.limit >= self._limit:
                    break
                self._limit = exc.limit
        self._down = f"{self.where} refused the text as too long even in chunks of {self._limit} characters"
        raise BackendError(self._down)

    def _check(self, doc: Document, tool: Any, prose: ProseText) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        text = prose.text
        for start, end in chunks(text, self._limit):
            piece = text[start:end]
            if not piece.strip():
                continue
            try:
                matches = tool.check(piece)
            except Exception as exc:
                limit = _too_long(exc)
                if limit is not None:
                    raise _TooLong(limit) from None
                self._down = self._describe(exc)
                raise BackendError(self._down) from None
            for match in matches:
                try:
                    diagnostic = self._diagnostic(doc, prose, piece, start, match)
                except (AttributeError, TypeError, ValueError) as exc:
                    self._down = self._describe(exc)
                    raise BackendError(self._down) from None
                if diagnostic is not None:
                    found.append(diagnostic)
        return found

    def _diagnostic(self, doc: Document, prose: ProseText, piece: str, base: int,
                    match: Any) -> Diagnostic | None:
        offset = int(match.offset)
        if not 0 <= offset <= len(piece):
            raise ValueError(f"a match offset {offset} outside the {len(piece)} characters sent")
        end = _end_of(piece, offset, int(match.error_length))
        span = prose.to_document(base + offset, base + end)
        if span is None or span.start == span.end:
            return None
        declared = codes("languagetool").of(str(match.category))
        rule = kebab(str(match.rule_id)) or "languagetool"
        fix = None
        replacements = [r for r in match.replacements if isinstance(r, str)]
        if replacements:
            first = replacements[0]
            fix = Fix(f"Replace with {first!r}", (Edit(span, first),), safe=False)
        message = " ".join(str(match.message).split())
        return Diagnostic(doc.path, span, declared.code, rule, declared.severity, message, fix)


class _TooLong(Exception):
    def __init__(self, limit: int) -> None:
        self.limit = limit


def _too_long(exc: BaseException) -> int | None:
    """The server's limit when ``exc`` says the text was too long (HTTP 413: "Your text
    exceeds the limit of 10000 characters ...")."""
    found = _TOO_LONG.search(str(exc))
    if not found:
        return None
    digits = re.sub(r"\D", "", found.group(1))
    # Leave room: the server may count a little differently (line breaks, its own text).
    return max(100, int(digits) * 9 // 10) if digits else None


def _end_of(text: str, start: int, units: int) -> int:
    """The end, in code points, of a match of ``units`` UTF-16 code units at ``start``
    (LanguageTool counts in Java chars: an emoji is two)."""
    end = start
    while units > 0 and end < len(text):
        units -= 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return end

