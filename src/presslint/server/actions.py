"""Code actions: a quick fix for each fix a finding carries (unsafe ones marked so in the
title: the writer chooses), "Fix all safe problems" (``source.fixAll.presslint``), and
"Add 'word' to the words file" for a word the Typos rules do not know.

Every change is an edit for the editor to apply: the server writes no file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

from ..document import Document
from .convert import to_lsp
from .positions import PositionMap

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic, Edit

FIX_ALL = "source.fixAll.presslint"

# The rules that flag a word as unknown or misspelt, and accept it once it is in the
# vocabulary (each asks Vocabulary.accepts of the word it reports).
WORD_RULES = frozenset({"T101", "T102", "T103", "T120"})

_POSSESSIVE = re.compile(r"['’]s\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Snapshot:
    """One version of a document as it was checked: its text as the editor holds it,
    presslint's (each line break one ``\\n``) and the findings there."""

    uri: str
    version: int | None
    text: str
    diagnostics: tuple[Diagnostic, ...]

    @cached_property
    def _read(self) -> Document:
        """The text as presslint reads it: line breaks made one ``\\n``, the commonest kept
        (as --fix writes them back)."""
        return Document(self.uri, self.text)

    @property
    def normalised(self) -> str:
        return self._read.text

    @property
    def newline(self) -> str:
        """The document's commonest line break, for the line breaks an edit inserts."""
        return self._read.source.newline


def quick_fixes(snapshot: Snapshot, positions: PositionMap, wanted: types.Range) -> list[types.CodeAction]:
    """A quick fix for each finding with a fix whose range meets ``wanted``."""
    actions = []
    for diagnostic in snapshot.diagnostics:
        fix = diagnostic.fix
        if fix is None or not fix.edits:
            continue
        lsp = to_lsp(diagnostic, positions)
        if not _meets(lsp.range, wanted):
            continue
        title = f"presslint: {fix.message} ({diagnostic.code})"
        if not fix.safe:
            title += " [unsafe: check it]"
        actions.append(types.CodeAction(
            title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[lsp], is_preferred=fix.safe,
            edit=types.WorkspaceEdit(changes={snapshot.uri: _text_edits(fix.edits, positions, snapshot.newline)})))
    return actions


def _meets(found: types.Range, wanted: types.Range) -> bool:
    def at(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return at(found.start) <= at(wanted.end) and at(wanted.start) <= at(found.end)


def _text_edits(edits: Sequence[Edit], positions: PositionMap, newline: str) -> list[types.TextEdit]:
    return [types.TextEdit(range=positions.range(edit.span.start, edit.span.end),
                           new_text=edit.replacement.replace("\n", newline)) for edit in edits]


def fix_all(snapshot: Snapshot, positions: PositionMap,
            check: Callable[[str], Sequence[Diagnostic]]) -> types.CodeAction | None:
    """Every safe fix, applied pass after pass as ``--fix`` does (``check`` finds the
    findings of a text), as edits of the lines that change; None when there is none."""
    from ..fix import MAX_FIX_PASSES, apply_edits, choose

    original = snapshot.normalised
    text, diagnostics = original, snapshot.diagnostics
    for _ in range(MAX_FIX_PASSES):
        fixes = choose(diagnostics, unsafe=False)
        if not fixes:
            break
        text = apply_edits(text, [edit for fix in fixes for edit in fix.edits])[0]
        diagnostics = tuple(check(text))
    if text == original:
        return None
    edits = _line_edits(original, text, positions, snapshot.newline)
    return types.CodeAction(title="presslint: fix all safe problems", kind=FIX_ALL,
                            edit=types.WorkspaceEdit(changes={snapshot.uri: edits}))


def _line_edits(before: str, after: str, positions: PositionMap, newline: str) -> list[types.TextEdit]:
    """Edits that make ``before`` into ``after`` (both with ``\\n`` line breaks), whole
    lines at a time, so that the editor keeps the cursor and marks on the others."""
    from difflib import SequenceMatcher

    # str.splitlines also splits at form feeds and the like, which are no line break to
    # presslint or LSP: split at "\n" only, keeping it.
    old, new = _lines(before), _lines(after)
    starts = [0]
    for line in old:
        starts.append(starts[-1] + len(line))
    edits = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(types.TextEdit(range=positions.range(starts[i1], starts[i2]),
                                    new_text="".join(new[j1:j2]).replace("\n", newline)))
    return edits


def _lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def word_of(snapshot: Snapshot, diagnostic: Diagnostic) -> str | None:
    """The word a finding of a WORD_RULES rule is about, without a possessive ending."""
    if diagnostic.code not in WORD_RULES:
        return None
    word = _POSSESSIVE.sub("", snapshot.normalised[diagnostic.span.start:diagnostic.span.end]).strip()
    return word if word and not any(c.isspace() for c in word) else None


@dataclass(frozen=True)
class WordsFile:
    """Where a word goes: the file, its text now (the editor's if it is open, else the
    disk's; empty when it does not exist) and whether it exists."""

    path: Path
    uri: str
    text: str
    exists: bool


def add_words(snapshot: Snapshot, positions: PositionMap, wanted: types.Range, words: WordsFile,
              can_create: bool) -> list[types.CodeAction]:
    """"Add 'word' to the words file" for each unknown word whose range meets ``wanted``;
    none when the file does not exist and the client cannot create files."""
    if not words.exists and not can_create:
        return []
    actions = []
    seen: set[str] = set()
    for diagnostic in snapshot.diagnostics:
        word = word_of(snapshot, diagnostic)
        if word is None or word in seen:
            continue
        lsp = to_lsp(diagnostic, positions)
        if not _meets(lsp.range, wanted):
            continue
        seen.add(word)
        actions.append(types.CodeAction(
            title=f"presslint: add '{word}' to the words file ({words.path.name})",
            kind=types.CodeActionKind.QuickFix, diagnostics=[lsp], edit=append_word(words, word, positions.encoding)))
    return actions


def append_word(words: WordsFile, word: str, encoding: str) -> types.WorkspaceEdit:
    """The edit that appends ``word`` on a line of its own: after creating the file, when
    it does not exist (``ignoreIfExists``, should it appear meanwhile)."""
    text = words.text
    newline = Snapshot(words.uri, None, text, ()).newline
    addition = ("" if not text or text.endswith(("\n", "\r")) else newline) + word + newline
    insert = types.TextEdit(range=types.Range(start=PositionMap(text, encoding).end(),
                                              end=PositionMap(text, encoding).end()), new_text=addition)
    if words.exists:
        return types.WorkspaceEdit(changes={words.uri: [insert]})
    return types.WorkspaceEdit(document_changes=[
        types.CreateFile(uri=words.uri, options=types.CreateFileOptions(ignore_if_exists=True)),
        types.TextDocumentEdit(text_document=types.OptionalVersionedTextDocumentIdentifier(uri=words.uri, version=None),
                               edits=[insert]),
    ])
