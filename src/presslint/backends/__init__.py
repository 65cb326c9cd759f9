"""Optional grammar backends: a Document's prose in, ``G`` diagnostics out.

A backend is an outside checker (a LanguageTool server, the Harper library) that the
configuration turns on under ``backends:``. Backends are slow or unreliable compared with
the built-in rules, so the contract is narrow:

* :func:`parse_backends` validates the ``backends:`` mapping of the configuration into
  :class:`BackendSpec` values (plain, picklable data: they travel to worker processes);
* :data:`BACKENDS` names the class of each backend, which declares its options (checked
  by :mod:`presslint.options`, as a rule kind's are);
* :func:`create` turns a spec into a :class:`Backend`, importing its optional library only
  then (``pip install presslint[harper]`` if it is missing);
* :func:`run_backends` runs them on one document after the built-in rules: it never raises,
  turns every failure into one warning line, and drops a backend finding on exactly the
  span of a built-in one (the built-in finding is kept).

Nothing here sends text anywhere by itself: the LanguageTool backend talks only to the
server the configuration names, and to a non-loopback one only with ``allow-remote: true``.
"""

from __future__ import annotations

import abc
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar

from ..diagnostic import Diagnostic, Span
from ..errors import UserError
from ..markup import MASK, SEPARATOR
from ..options import validate_options

if TYPE_CHECKING:
    from ..document import Document
    from ..rule import Rule

__all__ = [
    "BACKENDS",
    "Backend",
    "BackendConfigError",
    "BackendError",
    "BackendSpec",
    "BackendUnavailable",
    "Codes",
    "ProseText",
    "create",
    "load",
    "notices",
    "parse_backends",
    "run_backends",
]


class BackendError(Exception):
    """A backend could not check a document (server down, timeout, bad answer)."""


class BackendUnavailable(BackendError, UserError):
    """The backend's optional library is not installed; ``str()`` says what to install."""

    def __init__(self, message: str) -> None:
        UserError.__init__(self, None, None, message)


class BackendConfigError(UserError, ValueError):
    """The ``backends:`` configuration is wrong. ``message`` is the text without the
    file name (for ``ConfigError(where, line, exc.message)``); ``str()`` has it."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        super().__init__(where or None, None, message)


@dataclass(frozen=True)
class BackendSpec:
    """One configured backend: its name and its validated options (keys as in the config,
    values already checked and normalised)."""

    name: str
    options: dict[str, Any] = field(default_factory=dict)


class Backend(abc.ABC):
    """A grammar checker outside the rule system. Its options are declared like a rule
    kind's (:mod:`presslint.options`): ``OPTIONS`` with their defaults, ``CHOICES``, and
    :meth:`check_options` for what one option alone cannot say."""

    #: the name under ``backends:`` ("languagetool", "harper")
    name: ClassVar[str] = ""
    OPTIONS: ClassVar[Mapping[str, Any]] = {"enabled": True}
    CHOICES: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    #: a line to print once on stderr when the backend is set up (e.g. that text leaves
    #: the machine), or None
    notice: str | None = None

    def __init__(self, options: dict[str, Any]) -> None:
        """``options``: as :meth:`validate` returned them."""
        self.options = options

    @classmethod
    def validate(cls, raw: Mapping[str, Any]) -> dict[str, Any]:
        """The options checked and normalised; ValueError with a message naming the key.
        Nothing is imported or contacted here."""
        return cls.check_options(validate_options(cls, raw, cls.name, "backend"))

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> dict[str, Any]:
        """What the declarations cannot check (ranges, options that exclude each other)."""
        return options

    @abc.abstractmethod
    def check(self, doc: Document) -> list[Diagnostic]:
        """Findings on the prose of ``doc``, with spans into ``doc.text``.

        Raises :class:`BackendError` when the backend cannot answer; other exceptions
        are bugs, which :func:`run_backends` also turns into a warning."""

    @abc.abstractmethod
    def status(self) -> tuple[bool, str]:
        """Whether the backend can check now, and one line of detail. Never raises."""

    def close(self) -> None:  # noqa: B027 - optional hook, most backends hold nothing
        """Release what the backend holds (a server it started, a connection)."""

    def worker_spec(self) -> BackendSpec:
        """A spec a worker process can :func:`create` without starting anything new
        (a LanguageTool server started by this backend is shared, not started again)."""
        raise NotImplementedError

    def __enter__(self) -> Backend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# backend name -> "module:Class", relative to this package; a module is imported (and
# its optional library only when the backend is created) when the configuration names it.
BACKENDS: dict[str, str] = {
    "harper": "harper:HarperBackend",
    "languagetool": "languagetool:LanguageToolBackend",
}


def load(name: str) -> type[Backend]:
    """The class of backend ``name``; KeyError if there is none."""
    module_name, class_name = BACKENDS[name].split(":")
    cls: type[Backend] = getattr(import_module(f".{module_name}", __name__), class_name)
    return cls


def _known() -> str:
    return f"known: {', '.join(BACKENDS)}"


def parse_backends(raw: Any, where: str = "") -> list[BackendSpec]:
    """Validate the ``backends:`` value of a configuration.

    ``raw`` is a mapping of backend name to its options (a mapping), or to ``true`` (on,
    defaults) or ``false``/``null`` (off). Unknown names, unknown keys and wrong values
    raise :class:`BackendConfigError` (a ValueError) naming the key and what it must be.
    Nothing is imported or contacted here.
    """
    if raw is None:
        return []
    if not isinstance(raw, Mapping):
        raise BackendConfigError(where, f"'backends' must be a mapping of backend name to options "
                                        f"({_known()}), not {raw!r}")
    specs: list[BackendSpec] = []
    for name, value in raw.items():
        if name not in BACKENDS:
            raise BackendConfigError(where, f"backends: unknown backend {name!r} ({_known()})")
        if value is None or value is False:
            continue
        if value is True:
            value = {}
        if not isinstance(value, Mapping):
            raise BackendConfigError(where, f"backends.{name} must be a mapping of options or true/false, "
                                            f"not {value!r}")
        try:
            options = load(name).validate(value)
        except ValueError as exc:
            raise BackendConfigError(where, f"backends.{name}: {exc}") from None
        if options["enabled"]:
            specs.append(BackendSpec(name, options))
    return specs


def create(spec: BackendSpec) -> Backend:
    """The backend for ``spec``. Imports its optional library now; raises
    :class:`BackendUnavailable` when it is not installed and :class:`BackendConfigError`
    when the spec breaks the privacy rule (a remote server without ``allow-remote``).
    Connects to nothing: a server that is down shows at the first check or status."""
    if spec.name not in BACKENDS:
        raise BackendConfigError("", f"backends: unknown backend {spec.name!r} ({_known()})")
    cls = load(spec.name)
    try:
        options = cls.validate(spec.options)
    except ValueError as exc:
        raise BackendConfigError("", f"backends.{spec.name}: {exc}") from None
    return cls(options)


def notices(backends: Iterable[Backend]) -> list[str]:
    """The one-time lines to print on stderr for these backends (remote servers)."""
    return [b.notice for b in backends if b.notice]


def run_backends(doc: Document, backends: Sequence[Backend],
                 builtin: Sequence[Diagnostic]) -> tuple[list[Diagnostic], list[str]]:
    """Run every backend on ``doc``; never raises.

    Returns the backends' diagnostics, sorted, without those on the same span as a
    built-in finding (or as an earlier backend's finding), and one warning line per failed
    backend. A failure loses only that backend's findings for this document. Warning lines
    do not name the document when the backend as a whole is down, so a caller printing
    each distinct line once prints one line however many files there are.
    """
    taken = {d.span for d in builtin}
    found: list[Diagnostic] = []
    warnings: list[str] = []
    for backend in backends:
        try:
            diagnostics = backend.check(doc)
        except BackendError as exc:
            warnings.append(f"warning: {backend.name} backend: {exc}; its findings are missing")
            continue
        except Exception as exc:  # a bug in a backend must not hide the built-in results
            warnings.append(f"warning: {backend.name} backend failed on {doc.path}: "
                            f"{type(exc).__name__}: {exc}; its findings are missing")
            continue
        for diagnostic in diagnostics:
            if diagnostic.span not in taken:
                taken.add(diagnostic.span)
                found.append(diagnostic)
    found.sort(key=lambda d: d.sort_key)
    return found, warnings


# --- shared helpers for backends -------------------------------------------------------


@dataclass(frozen=True)
class Codes:
    """What a backend reports under which code, as rules/grammar.yaml declares it: each
    category (lint kind) the backend names, and the rule for any other ("*")."""

    named: Mapping[str, Rule]
    other: Rule

    def of(self, category: str) -> Rule:
        return self.named.get(category, self.other)


@cache
def codes(backend: str) -> Codes:
    """The codes of ``backend``'s findings, read once from the built-in grammar pack."""
    from ..packs import backend_rules

    named: dict[str, Rule] = {}
    other = None
    for rule in backend_rules().values():
        if rule.backend == backend:
            for category in rule.finds:
                if category == "*":
                    other = rule
                else:
                    named[category] = rule
    assert other is not None, f"rules/grammar.yaml gives backend {backend!r} no rule that finds '*'"
    return Codes(named, other)


def kebab(identifier: str) -> str:
    """``MORFOLOGIK_RULE_EN_US`` -> ``morfologik-rule-en-us``; ``SpellCheck`` -> ``spell-check``."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", identifier)
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")


class ProseText:
    """The prose of a document as a backend should see it: masked parts (code, URLs, tags)
    cut out, with a map from offsets in :attr:`text` back to offsets in ``doc.text``.

    Where a cut leaves a space on both sides, one of them goes too, so "visit <URL> today"
    reads "visit today" and no checker complains of a doubled space that is not there.
    """

    __slots__ = ("_origins", "_starts", "text")

    def __init__(self, prose: str) -> None:
        pieces: list[tuple[int, int]] = []  # (start, end) of kept runs in the document
        position = 0
        length = len(prose)
        while position < length:
            cut = prose.find(MASK, position)
            if cut == -1:
                pieces.append((position, length))
                break
            if cut > position:
                pieces.append((position, cut))
            end = cut
            while end < length and prose[end] == MASK:
                end += 1
            before = prose[cut - 1] if cut else "\n"
            if end < length and prose[end] in " \t" and before in " \t\n":
                end += 1
            position = end
        self._starts: list[int] = []  # offset in self.text where each piece starts
        self._origins: list[int] = []  # offset in the document where each piece starts
        parts: list[str] = []
        offset = 0
        for start, end in pieces:
            self._starts.append(offset)
            self._origins.append(start)
            parts.append(prose[start:end])
            offset += end - start
        self.text = "".join(parts)

    def to_document(self, start: int, end: int) -> Span | None:
        """The document span of ``self.text[start:end]``, or None when the span crosses
        a cut (it would cover something that is not prose)."""
        if not self._starts or start < 0 or end > len(self.text) or start > end:
            return None
        index = bisect_right(self._starts, start) - 1
        if end > start:
            last = bisect_right(self._starts, end - 1) - 1
            if last != index:
                return None
        offset = self._origins[index] - self._starts[index]
        return Span(start + offset, end + offset)


def prose_text(doc: Document) -> ProseText:
    """The document's prose with the masked parts cut out, computed once per document
    and shared by every backend."""
    # Markup between words (SEPARATOR: "**", tags) is cut out like the rest of the markup.
    return doc.shared("presslint.backends.ProseText", lambda d: ProseText(d.prose.replace(SEPARATOR, MASK)))


def chunks(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """Split ``text`` into ``(start, end)`` ranges of at most ``limit`` UTF-16 code units
    (what a Java server counts), cutting after a blank line, else a line break, else a
    sentence end, else a space; a hard cut only inside an unbroken run longer than
    ``limit``."""
    if limit < 1:
        raise ValueError("limit must be positive")
    start = 0
    length = len(text)
    while start < length:
        end = _advance(text, start, limit)
        if end < length:
            window = text[start:end]
            for pattern in ("\n\n", "\n", ". ", "? ", "! ", " "):
                cut = window.rfind(pattern)
                if cut > 0:
                    end = start + cut + len(pattern)
                    break
        yield start, end
        start = end


def _advance(text: str, start: int, limit: int) -> int:
    """The furthest end such that ``text[start:end]`` is at most ``limit`` UTF-16 units."""
    end = min(len(text), start + limit)
    units = utf16_length(text[start:end])
    while units > limit:
        end -= 1
        units -= 2 if ord(text[end]) > 0xFFFF else 1
    return max(end, start + 1)


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF) if not text.isascii() else len(text)
