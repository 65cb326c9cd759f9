"""Turn a file's bytes into text, remembering how they were encoded so fixes can write back."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .formats import BINARY, NotText, sniff

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BinaryFileError(ValueError):
    """The bytes are not text: a format formats.py names (a PDF, an image...), NUL bytes
    outside a UTF-16/32 file, or a UTF-16/32 byte-order mark before what is not. ``what``
    says which, and what to do."""

    def __init__(self, what: NotText) -> None:
        super().__init__(f"{what.name}: {what.advice}")
        self.what = what


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    bom: bool
    # Set when the file is not UTF-8 and the encoding was guessed by a detector.
    guessed: bool = False


def decode(data: bytes) -> Decoded:
    # The signature first: an uncompressed PDF or an RTF file decodes as text, and would be
    # checked as a release made of its own syntax.
    what = sniff(data)
    if what is not None:
        raise BinaryFileError(what)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding, bom=True)
            except UnicodeDecodeError as exc:
                raise BinaryFileError(NotText(
                    "a binary file", f"its {encoding} byte-order mark is followed by what is not {encoding} "
                    f"({exc.reason})")) from None
    if b"\x00" in data:
        raise BinaryFileError(BINARY)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", bom=False)
    except UnicodeDecodeError:
        return _guess(data)


def _guess(data: bytes) -> Decoded:
    # Imported here: almost every file is UTF-8, and the detector costs start-up time.
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        # Latin-1 decodes any byte string; the W rule still tells the user it is not UTF-8.
        return Decoded(data.decode("latin-1"), "latin-1", bom=False, guessed=True)
    text = str(best)
    # Several code pages often give the same text, and the detector names just one of
    # them; English releases were nearly always written in Windows-1252, so it wins a tie.
    try:
        if data.decode("cp1252") == text:
            return Decoded(text, "cp1252", bom=False, guessed=True)
    except UnicodeDecodeError:
        pass
    # It wins a tie of scores too: where the code pages differ only on letters that are
    # rare in any language ("naïve" is "naďve" in Windows-1250), the detector rates them
    # alike and names the first it tried, which is not the likeliest.
    for match in matches:
        if (match.encoding == "cp1252" and match.chaos <= best.chaos
                and match.coherence >= best.coherence):
            return Decoded(str(match), "cp1252", bom=False, guessed=True)
    return Decoded(text, codecs.lookup(best.encoding).name, bom=False, guessed=True)
