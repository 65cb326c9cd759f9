"""The Harper backend: Automattic's Harper grammar checker, in process, through harper-py.

Offline: nothing leaves the process. Configuration (``backends: {harper: {...}}`` or
``backends: {harper: true}``)::

    dialect: american            # american, british, australian, canadian, indian
    disabled-rules: [...]        # Harper rule names (SpellCheck, OxfordComma, ...);
                                 # default: SpellCheck, OxfordComma, LongSentences
    enabled-rules: [...]         # Harper rules to turn on (also: undo a default above)
    disabled-kinds: [...]        # lint kinds to drop (Spelling, Formatting, ...);
                                 # default: Formatting
    words: [...]                 # words Harper must accept (names, products)

Why those rules are off by default: on the 1,000-release corpus Harper's SpellCheck makes
18,000 findings, nearly all names and brands that the T rules (with the project's
vocabulary) handle better; OxfordComma asks for the serial comma that AP style, the style
of most press releases, leaves out; LongSentences counts words, not mistakes. Formatting
(spaces, dashes) is the W rules' job: Harper reports the same whitespace again, line by
line (ten more findings on one seed whose blank tail W reports once).

Codes: a finding's code comes from Harper's lint kind, as rules/grammar.yaml's ``finds``
declares it (G2xx; an unknown kind is G299); its ``rule`` is ``harper-`` and the kind in kebab case. The first
suggestion becomes an unsafe fix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..diagnostic import Diagnostic, Edit, Fix, Span
from . import (
    Backend,
    BackendConfigError,
    BackendError,
    BackendSpec,
    BackendUnavailable,
    chunks,
    codes,
    kebab,
    prose_text,
)

if TYPE_CHECKING:
    from ..document import Document


DIALECTS = ("american", "british", "australian", "canadian", "indian")
_PIECE = 2_000  # characters per call to Harper


class HarperBackend(Backend):
    name = "harper"
    OPTIONS = {"dialect": "american", "enabled": True,
               "disabled-rules": ("SpellCheck", "OxfordComma", "LongSentences"), "enabled-rules": (),
               "disabled-kinds": ("Formatting",), "words": ()}
    CHOICES = {"dialect": DIALECTS}

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> dict[str, Any]:
        # Rule names are checked against Harper's own list when the backend is created.
        known = codes("harper").named
        bad = [k for k in options["disabled-kinds"] if k not in known]
        if bad:
            raise ValueError(f"'disabled-kinds': unknown lint kind {bad[0]!r} "
                             f"(known: {', '.join(sorted(known))})")
        return options

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        try:
            import harper
        except ImportError:
            raise BackendUnavailable("the harper backend needs harper-py: pip install 'presslint[harper]'") from None
        known = set(harper.get_default_lint_config())
        for key in ("disabled-rules", "enabled-rules"):
            bad = [r for r in self.options[key] if r not in known]
            if bad:
                raise BackendConfigError("", f"backends.harper: {key!r}: Harper has no rule {bad[0]!r} "
                                             f"(see harper.get_default_lint_config() for the {len(known)} names)")
        self._disabled_kinds = frozenset(self.options["disabled-kinds"])
        self._linter: Any = None

    def _get_linter(self) -> Any:
        # Building the linter loads Harper's dictionary (about a second): once per backend.
        if self._linter is None:
            import harper

            try:
                linter = harper.Linter(getattr(harper.Dialect, self.options["dialect"].upper()))
                config: dict[str, bool | None] = {rule: False for rule in self.options["disabled-rules"]}
                config.update({rule: True for rule in self.options["enabled-rules"]})
                linter.set_lint_config(config)
                if self.options["words"]:
                    linter.import_words(list(self.options["words"]))
            except Exception as exc:
                raise BackendError(f"cannot start Harper: {type(exc).__name__}: {exc}") from None
            self._linter = linter
        return self._linter

    def status(self) -> tuple[bool, str]:
        try:
            self._get_linter()
        except BackendError as exc:
            return False, str(exc)
        from importlib.metadata import version

        return True, (f"harper-py {version('harper-py')}, in process and offline, "
                      f"{self.options['dialect']} English")

    def close(self) -> None:
        self._linter = None

    def worker_spec(self) -> BackendSpec:
        return BackendSpec(self.name, dict(self.options))

    def check(self, doc: Document) -> list[Diagnostic]:
        linter = self._get_linter()
        prose = prose_text(doc)
        if not prose.text.strip():
            return []
        found: list[Diagnostic] = []
        # In pieces of at most _PIECE characters cut at paragraph (else line, sentence)
        # boundaries: bounds the cost of one call on a huge file. On the corpus it neither
        # speeds Harper up nor changes its findings (5 more in 16,400).
        for base, end in chunks(prose.text, _PIECE):
            piece = prose.text[base:end]
            if piece.strip():
                found.extend(self._lint(doc, linter, prose, piece, base))
        return found

    def _lint(self, doc: Document, linter: Any, prose: Any, piece: str, base: int) -> list[Diagnostic]:
        try:
            lints = linter.lint(piece, language="plaintext")
        except Exception as exc:
            raise BackendError(f"Harper failed on {doc.path}: {type(exc).__name__}: {exc}") from None
        found: list[Diagnostic] = []
        for lint in lints:
            kind = str(lint.lint_kind)
            if kind in self._disabled_kinds:
                continue
            span = prose.to_document(base + lint.span.start, base + lint.span.end)
            if span is None or span.start == span.end:
                continue
            declared = codes("harper").of(kind)
            found.append(Diagnostic(doc.path, span, declared.code, f"harper-{kebab(kind)}", declared.severity,
                                    " ".join(str(lint.message).split()), _fix(span, lint)))
        return found


def _fix(span: Span, lint: Any) -> Fix | None:
    suggestions = lint.suggestions
    if not suggestions:
        return None
    first = suggestions[0]
    kind = int(first.kind)  # harper.SuggestionKind: 0 replace, 1 remove, 2 insert after
    text = str(first.replacement_text)
    if kind == 0:
        edit, label = Edit(span, text), f"Replace with {text!r}"
    elif kind == 1:
        edit, label = Edit(span, ""), "Remove it"
    elif kind == 2:
        edit, label = Edit(Span(span.end, span.end), text), f"Insert {text!r} after it"
    else:
        return None
    return Fix(label, (edit,), safe=False)
