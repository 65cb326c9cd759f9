"""Apply the edits of fixes to text. Writing files back comes with ``--fix``."""

from __future__ import annotations

from collections.abc import Iterable

from .diagnostic import Edit


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """``text`` with ``edits`` applied, and how many were applied.

    Edits are taken in order of position; one that overlaps an edit already taken is
    skipped (a later run picks it up), so the result never depends on a guess about
    what two overlapping replacements would mean together.
    """
    parts: list[str] = []
    position = 0
    applied = 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        if edit.span.start < position:
            continue
        parts.append(text[position:edit.span.start])
        parts.append(edit.replacement)
        position = edit.span.end
        applied += 1
    parts.append(text[position:])
    return "".join(parts), applied
