"""Kinds about single characters: invisible ones, mojibake, HTML entities, the encoding."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from ...lazyre import LazyPattern
from ...markup import ENTITY, ENTITY_BODY
from .. import Kind

# Spaces that look like a space but are not one; the fix is a plain space.
_ODD_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Characters with no width or a control function; the fix removes them.
_INVISIBLE = (
    "\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f"  # C0 controls but tab and line break
    "\u0080-\u009f"  # C1 controls
    "\u00ad"  # soft hyphen
    "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"  # zero-width and bidi
    "\ufeff"  # a byte-order mark inside the text
    "\ufffd"  # the replacement character: something was lost in a conversion
)
_CLASSES = {"spaces": _ODD_SPACES, "invisible": _INVISIBLE}
# A zero-width joiner between two pictographs builds one emoji (👩‍💻): leave it.
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x1F900, 0x1F9FF))


def _expand(character_class: str) -> Iterator[str]:
    """The characters of a regex class body made of single characters and ranges."""
    index = 0
    while index < len(character_class):
        if index + 2 < len(character_class) and character_class[index + 1] == "-":
            yield from map(chr, range(ord(character_class[index]), ord(character_class[index + 2]) + 1))
            index += 3
        else:
            yield character_class[index]
            index += 1


def _is_pictograph(ch: str) -> bool:
    code = ord(ch) if ch else 0
    return any(low <= code <= high for low, high in _EMOJI_RANGES) or ch == "\ufe0f"


def character_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, _CONTROL_NAMES.get(ch, 'CONTROL CHARACTER'))}"


_CONTROL_NAMES = {"\u0000": "NULL", "\u0008": "BACKSPACE", "\u000b": "LINE TABULATION",
                  "\u000c": "FORM FEED", "\u001b": "ESCAPE", "\u007f": "DELETE"}


class SpecialCharacter(Kind):
    OPTIONS = {"characters": "invisible"}
    CHOICES = {"characters": tuple(_CLASSES)}
    FIX = "always"  # but U+FFFD: what it replaced is lost

    def setup(self) -> None:
        characters = _CLASSES[self.options["characters"]]
        # "[X][X]*" rather than "[X]+": the regex engine skips ahead only to a first character
        # it can see, and a repeat hides it (the scan is three times faster).
        self.pattern = LazyPattern(f"[{characters}][{characters}]*")
        self.targets = frozenset(_expand(characters))
        self.replacement = " " if self.options["characters"] == "spaces" else ""

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.special_characters.isdisjoint(self.targets):
            return
        text = doc.text
        for match in self.pattern.finditer(text):
            start, end = match.span()
            found = match.group()
            if found == "\u200d" and _is_pictograph(text[start - 1:start]) and _is_pictograph(text[end:end + 1]):
                continue
            if "\u0080" <= found[0] <= "\u009f" and _MOJIBAKE.search(text, max(0, start - 3), end + 3):
                continue  # part of a mojibake run, which has its own rule and a better fix
            edits = (Edit(Span(start, end), self.replacement),) if found != "\ufffd" else ()
            names = ", ".join(dict.fromkeys(character_name(ch) for ch in found))
            yield self.rule.report(doc, Span(start, end), *edits, character=names)


@lru_cache(maxsize=1)
def _cp1252_table() -> tuple[dict[str, int], str, str]:
    """How each byte 0x80-0xFF looks when UTF-8 is misread as Windows-1252 (or Latin-1 for
    the five bytes Windows-1252 leaves undefined)."""
    to_byte: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            ch = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            ch = chr(byte)
        to_byte[ch] = byte
    leads = "".join(ch for ch, b in to_byte.items() if 0xC2 <= b <= 0xF4)
    continuations = "".join(ch for ch, b in to_byte.items() if 0x80 <= b <= 0xBF)
    return to_byte, leads, continuations


def _mojibake_pattern() -> LazyPattern:
    _, leads, continuations = _cp1252_table()
    sequence = f"[{re.escape(leads)}][{re.escape(continuations)}]{{1,3}}"
    # "X(?:X)*" rather than "(?:X)+": with its first character in sight the regex engine skips
    # ahead to a lead (five times faster than trying the group at every position).
    return LazyPattern(f"{sequence}(?:{sequence})*")


_MOJIBAKE = _mojibake_pattern()


def repair(found: str) -> str | None:
    """The text that ``found`` was before UTF-8 was misread as Windows-1252, if it was."""
    to_byte = _cp1252_table()[0]
    try:
        repaired = bytes(to_byte[ch] for ch in found).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
    if repaired == found or not all(_plausible(ch) for ch in repaired):
        return None
    return repaired


# What mojibake really hides: accented Latin letters, typographic punctuation, currency
# and trade marks. A repair to anything else ("KAFFÉ™" -> "KAFFə") is a coincidence.
_PLAUSIBLE = ((0x00A0, 0x017F), (0x2010, 0x203A), (0x20AC, 0x20AC), (0x2122, 0x2122))


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _PLAUSIBLE)


_LEADS = frozenset(_cp1252_table()[1])


class Mojibake(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.special_characters.isdisjoint(_LEADS):
            return
        for match in _MOJIBAKE.finditer(doc.text):
            repaired = repair(match.group())
            if repaired is None:
                continue
            span = Span(*match.span())
            yield self.rule.report(doc, span, Edit(span, repaired), found=match.group(), repaired=repaired)


# In Markdown and HTML an entity is markup, but an escaped one ("&amp;nbsp;") shows as text.
_DOUBLE_ESCAPED = LazyPattern("&amp;" + ENTITY_BODY)


class HtmlEntity(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if "&" not in doc.text:
            return
        from html import unescape  # after the gate, which two documents in three fail
        from html.entities import html5

        pattern = ENTITY if doc.syntax == "text" else _DOUBLE_ESCAPED
        for match in pattern.finditer(doc.prose):
            found = match.group()
            reference = found[1:] if doc.syntax == "text" else found[len("&amp;"):]
            # Only a complete reference: html.unescape also reads a legacy entity at the start
            # of an unknown name ("&copyright;" -> "©right;"), which would corrupt the word.
            # The pattern needs the ";", so no legacy form without one is ever reported.
            if not reference.startswith("#") and reference not in html5:
                continue  # not an entity HTML knows ("&Co;", "&copyright;")
            # A reference HTML knows always shows as something else; escaped, as the one meant.
            shown = unescape(found) if doc.syntax == "text" else "&" + reference
            span = Span(*match.span())
            replacement = " " if shown == "\u00a0" else shown
            yield self.rule.report(doc, span, Edit(span, replacement), found=found, replacement=replacement)


def encoding_name(codec: str) -> str:
    """The name people know an encoding by: "windows-1252" rather than Python's "cp1252"."""
    if codec.startswith("cp125") and codec[5:].isdigit():
        return f"windows-{codec[2:]}"
    if codec.startswith(("iso8859", "latin")):
        return {"latin-1": "ISO-8859-1", "latin_1": "ISO-8859-1"}.get(codec, codec.replace("iso8859", "ISO-8859"))
    return codec


class NotUtf8(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.source.guessed_encoding:
            yield self.rule.report(doc, Span(0, 0), encoding=encoding_name(doc.source.encoding))
