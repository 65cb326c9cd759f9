"""Tell from a file's first bytes what it is when it is not text (a PDF, an image, an
archive...), so that a file presslint cannot read is named for what it is, with what to do.

By content (the magic numbers), never by the name: a PDF saved as ``release.txt`` is a
PDF. A signature made only of letters ("BM", "MZ", "OTTO") could begin a sentence, so
each of those is taken only with the bytes that follow it in the format, which text does
not hold; PDF and RTF are text formats whose signature ("%PDF-", "{\\rtf") no release
begins with. SVG is XML text, but an SVG file is an image, not a release: a file whose
root element is ``<svg>`` and that ends with ``</svg>`` is named as one (an HTML page
with an inline icon is neither).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class NotText(NamedTuple):
    """What a file is, as a sentence names it ("a PDF document"), and what to do about it
    (or why it cannot be checked)."""

    name: str
    advice: str


_EXPORT = "export it as .docx, .md or .txt"
_COPY = "copy the release into a .docx, .md or .txt file"
_IMAGE = "presslint reads text, not images"
_MEDIA = "presslint reads text, not audio or video"
_ARCHIVE = "extract it and check the files inside"
_PROGRAM = "presslint reads text, not programs"
_DATA = "presslint reads text (.txt, .md, .html, .docx)"

# A file that holds NUL bytes but no signature presslint knows.
BINARY = NotText("a binary file", "it holds NUL bytes, which text does not")

PDF = NotText("a PDF document", _EXPORT)
RTF = NotText("an RTF document", "save it as .docx or .txt")
PNG = NotText("a PNG image", _IMAGE)
ZIP = NotText("a ZIP archive", _ARCHIVE)

# Signatures at the first byte that say it all.
_PREFIXES: tuple[tuple[bytes, NotText], ...] = (
    (b"%PDF-", PDF),
    (b"{\\rtf", RTF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", NotText("a JPEG image", _IMAGE)),
    (b"II*\x00", NotText("a TIFF image", _IMAGE)),
    (b"MM\x00*", NotText("a TIFF image", _IMAGE)),
    (b"II+\x00", NotText("a TIFF image", _IMAGE)),
    (b"\x00\x00\x01\x00", NotText("an icon (ICO) image", _IMAGE)),
    (b"\x00\x00\x02\x00", NotText("a cursor (CUR) image", _IMAGE)),
    (b"8BPS\x00", NotText("a Photoshop image", _IMAGE)),
    (b"\x1f\x8b", NotText("a gzip archive", _ARCHIVE)),
    (b"\xfd7zXZ\x00", NotText("an xz archive", _ARCHIVE)),
    (b"\x28\xb5\x2f\xfd", NotText("a Zstandard archive", _ARCHIVE)),
    (b"7z\xbc\xaf\x27\x1c", NotText("a 7-Zip archive", _ARCHIVE)),
    (b"Rar!\x1a\x07", NotText("a RAR archive", _ARCHIVE)),
    (b"\x04\x22\x4d\x18", NotText("an LZ4 archive", _ARCHIVE)),
    (b"\x7fELF", NotText("an ELF executable", _PROGRAM)),
    (b"\xfe\xed\xfa\xce", NotText("a Mach-O executable", _PROGRAM)),
    (b"\xfe\xed\xfa\xcf", NotText("a Mach-O executable", _PROGRAM)),
    (b"\xce\xfa\xed\xfe", NotText("a Mach-O executable", _PROGRAM)),
    (b"\xcf\xfa\xed\xfe", NotText("a Mach-O executable", _PROGRAM)),
    (b"\x00asm", NotText("a WebAssembly module", _PROGRAM)),
    (b"SQLite format 3\x00", NotText("an SQLite database", _DATA)),
    (b"OggS\x00", NotText("an Ogg audio or video file", _MEDIA)),
    (b"\x1aE\xdf\xa3", NotText("a Matroska or WebM video", _MEDIA)),
    (b"\x00\x01\x00\x00\x00", NotText("a TrueType font", _DATA)),
    (b"OTTO\x00", NotText("an OpenType font", _DATA)),
)
_FIRST = tuple(prefix for prefix, _ in _PREFIXES)

# RIFF and IFF containers: the form type at byte 8.
_RIFF = {b"WEBP": NotText("a WebP image", _IMAGE), b"WAVE": NotText("a WAV audio file", _MEDIA),
         b"AVI ": NotText("an AVI video", _MEDIA)}
_AIFF = NotText("an AIFF audio file", _MEDIA)

# ISO media files (MP4, QuickTime, HEIF): "ftyp" at byte 4, then the major brand.
_HEIC = NotText("a HEIC image", _IMAGE)
_AVIF = NotText("an AVIF image", _IMAGE)
_BRANDS = {b"heic": _HEIC, b"heix": _HEIC, b"hevc": _HEIC, b"heim": _HEIC, b"heis": _HEIC,
           b"mif1": _HEIC, b"msf1": _HEIC, b"avif": _AVIF, b"avis": _AVIF,
           b"qt  ": NotText("a QuickTime video", _MEDIA), b"M4A ": NotText("an MP4 audio file", _MEDIA)}
_MP4 = NotText("an MP4 video", _MEDIA)

# ZIP-based documents: an OpenDocument or EPUB file names its type in a first, stored
# entry "mimetype"; an Office Open XML file by the parts it holds, whose names every ZIP
# keeps uncompressed (in the entries' headers and the central directory at the end).
_MIMETYPES = (
    (b"application/vnd.oasis.opendocument.text", NotText("an OpenDocument text (.odt)", "save it as .docx")),
    (b"application/vnd.oasis.opendocument.spreadsheet", NotText("an OpenDocument spreadsheet (.ods)", _COPY)),
    (b"application/vnd.oasis.opendocument.presentation", NotText("an OpenDocument presentation (.odp)", _COPY)),
    (b"application/epub+zip", NotText("an EPUB e-book", _EXPORT)),
)
# A Word document: what formats.py says of one under another name (docx.py reads a .docx).
WORD = NotText("a Word document (.docx) under another name", "name it .docx")
_OFFICE_PARTS = (
    (b"word/document.xml", WORD),
    (b"xl/workbook.xml", NotText("an Excel workbook (.xlsx)", _COPY)),
    (b"ppt/presentation.xml", NotText("a PowerPoint presentation (.pptx)", _COPY)),
)

# OLE2 compound files (Office before 2007, Outlook messages): told apart by the names of
# their streams, stored in UTF-16.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first entry, or an empty zip's end
_OLE2_STREAMS = (
    ("WordDocument", NotText("an old Word document (.doc)", "save it as .docx")),
    ("PowerPoint Document", NotText("an old PowerPoint presentation (.ppt)", _COPY)),
    ("Workbook", NotText("an old Excel workbook (.xls)", _COPY)),
    ("__substg1.0_", NotText("an Outlook message (.msg)", _COPY)),
)
_OLD_OFFICE = NotText("an old Office document", "save it as .docx")

# Compiled when a file first looks like SVG (re caches it), not at every start-up.
_SVG_ROOT = rb"(?:<\?xml[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*<svg[\s>]"


def sniff(data: bytes) -> NotText | None:
    """What ``data`` is if it is a file of a format that is not text; None for text (and
    for binary data of no known format, which the decoder refuses by its NUL bytes)."""
    if data.startswith(_FIRST):
        return next(what for prefix, what in _PREFIXES if data.startswith(prefix))
    head = data[:16]
    if head.startswith(ZIP_SIGNATURES):
        return _zip(data)
    if head.startswith(OLE2):
        return _ole2(data)
    if head[4:8] == b"ftyp" and head[:1] == b"\x00":  # after the box's size, big-endian and small
        return _BRANDS.get(head[8:12], _MP4)
    if head.startswith(b"RIFF") and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if head.startswith(b"FORM") and head[8:12] in (b"AIFF", b"AIFC"):
        return _AIFF
    # "ustar" may end a word at byte 257 of a release ("custard"): the header's name field
    # before it is padded with NULs.
    if data[257:263] in (b"ustar\x00", b"ustar ") and b"\x00" in data[:100]:
        return NotText("a tar archive", _ARCHIVE)
    return _lettered(data) or _svg(data)


def _lettered(data: bytes) -> NotText | None:
    """The formats whose signature is letters a sentence could begin with, taken only with
    the bytes the format puts after them."""
    head = data[:64]
    # Every GIF's image data ends with a NUL (its block terminator).
    if head.startswith((b"GIF87a", b"GIF89a")) and b"\x00" in data:
        return NotText("a GIF image", _IMAGE)
    if head.startswith(b"BZh") and head[4:10] in (b"1AY&SY", b"\x17rE8P\x90"):  # a block, or the end
        return NotText("a bzip2 archive", _ARCHIVE)
    if head.startswith(b"BM") and len(data) > 26 and head[6:10] == b"\x00\x00\x00\x00":
        return NotText("a BMP image", _IMAGE)
    if head.startswith(b"MZ") and len(head) == 64 and b"\x00" in head:
        return NotText("a Windows executable", _PROGRAM)
    if head.startswith(b"ID3") and head[3:4] in (b"\x02", b"\x03", b"\x04") and head[4:5] == b"\x00":
        return NotText("an MP3 audio file", _MEDIA)
    if head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):  # an MPEG audio frame, no ID3 tag
        return NotText("an MP3 audio file", _MEDIA)
    if head.startswith(b"fLaC") and head[4:5] in (b"\x00", b"\x80"):
        return NotText("a FLAC audio file", _MEDIA)
    if head.startswith((b"wOFF", b"wOF2")) and head[4:8] in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        return NotText("a WOFF web font", _DATA)
    if head.startswith(b"ttcf") and head[4:5] == b"\x00":
        return NotText("a TrueType font collection", _DATA)
    if head.startswith(b"\xca\xfe\xba\xbe") and len(head) >= 8:
        # A universal Mach-O binary counts its architectures here; a Java class its version.
        if int.from_bytes(head[4:8], "big") < 45:
            return NotText("a Mach-O executable", _PROGRAM)
        return NotText("a Java class file", _PROGRAM)
    return None


def _zip(data: bytes) -> NotText:
    if data[30:38] == b"mimetype":
        for mimetype, what in _MIMETYPES:
            if data[38:38 + len(mimetype)] == mimetype:
                return what
    for part, what in _OFFICE_PARTS:
        if part in data:
            return what
    return ZIP


def _ole2(data: bytes) -> NotText:
    for stream, what in _OLE2_STREAMS:
        if stream.encode("utf-16-le") in data:
            return what
    return _OLD_OFFICE


def _svg(data: bytes) -> NotText | None:
    """An SVG image: an XML document whose root is ``<svg>``, and nothing after it."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    # Slices, not the whole file stripped: this runs on every file that is not one.
    if data[start:start + 512].lstrip()[:1] != b"<" or not data[-512:].rstrip().endswith(b"</svg>"):
        return None
    if re.compile(_SVG_ROOT, re.DOTALL).match(data, start, start + 8192) is None:
        return None
    return NotText("an SVG image", _IMAGE)
