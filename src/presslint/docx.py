"""Read a Word document (.docx): its text, paragraph by paragraph, in Word's order, as a
:class:`Document` whose lines are Word's paragraphs.

python-docx opens the package (the zip, its content types and relationships, the main
part whatever its name, the notes parts found through its relationships); the
WordprocessingML is walked here, because python-docx's ``paragraph.text`` leaves out
inserted runs, text boxes and notes. Not docx2python, which by default writes hyperlinks
and other markup into the text as HTML, nor mammoth, which makes HTML: both lose the
exact characters a column counts. python-docx is maintained, and is what the tests use to
make documents.

What is read, and how Word's own characters are written, is in docs/formats.md:
- the main story's paragraphs in order (tables cell by cell, each table row ending with an
  empty paragraph, as Word counts its end-of-row mark), then text boxes, footnotes and
  endnotes, each paragraph numbered on from the body's last; headers and footers are
  page furniture and are left out, as are comments;
- the text as it reads with tracked changes accepted: insertions and moves in, deletions
  out; field results in, field codes out; a text box read once (``mc:Choice``, not the
  VML copy in ``mc:Fallback``).

The paragraphs are joined by a blank line, so that a .docx reads as a .txt release does
(every rule works unchanged) and a finding's line is the paragraph's number in Word.
"""

from __future__ import annotations

import io
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .diagnostic import Diagnostic, Span
from .document import Document, LineIndex, Source
from .errors import SourceError
from .sources import MAX_FILE_BYTES

# An lxml element (lxml ships no type hints, and python-docx's own element classes do not
# cover every tag this module walks).
_Element = Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"

# Word's own characters, written so that the whitespace rules do not report what Word wrote
# (each is one character, as Word counts it, except the optional hyphen):
# - a tab stays a tab (a gap between words, as in Word's own plain-text export); a
#   whitespace finding on tabs alone is Word's layout and is dropped (:func:`is_layout`),
#   while the spaces a writer typed around a tab are still reported;
# - a manual line break (w:br, w:cr, page and column breaks too) is a line break inside the
#   paragraph, so spaces typed before it are trailing whitespace, as in a .txt;
# - a non-breaking hyphen is a hyphen, so "e-mail" reads as the word it is;
# - an optional hyphen is left out: it only shows at the end of a line, and a character
#   in its place would cut the word in two for the spelling rules;
# - a symbol (w:sym) is its character (a symbol font's is in the Private Use Area).
# No-break spaces and other odd spaces typed in the text are in w:t as they are: reported.
_CHARACTERS = {
    _W + "tab": "\t", _W + "ptab": "\t",
    _W + "br": "\n", _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
    _W + "softHyphen": "",
}
# Left out with everything in them: deletions, the VML copy of a drawing, properties,
# comment marks, math (its m:t is not w:t, but its properties may be long).
_SKIPPED = frozenset({
    _W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "delInstrText",
    _MC + "Fallback", _W + "pPr", _W + "rPr", _W + "sdtPr", _W + "sdtEndPr", _W + "tblPr", _W + "tblGrid",
    _W + "trPr", _W + "tcPr", _W + "sectPr", _W + "commentReference", _W + "annotationRef",
    _W + "footnoteRef", _W + "endnoteRef", _W + "separator", _W + "continuationSeparator",
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara",
})
_NOTE_KINDS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


@dataclass
class Stories:
    """The paragraphs' texts in Word's order: the body's, then the text boxes', the
    footnotes' and the endnotes'."""

    paragraphs: list[str] = field(default_factory=list)
    body: int = 0  # how many of them are the main story's


def read_docx(name: str, data: bytes) -> Stories:
    """The paragraphs of the Word document ``data``. A :class:`SourceError` (one line) when
    it is a Word document that cannot be read (damaged, encrypted); a
    :class:`BinaryFileError` naming what it is when it is another format named .docx (a PDF,
    a spreadsheet), which the run treats as any file that is not text."""
    _check_package(name, data)
    # Imported here: only a run that meets a .docx pays for python-docx and lxml.
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
    except (ValueError, KeyError, PackageNotFoundError) as exc:  # no main part, or not a Word one
        _not_word(data)
        raise SourceError(name, None, f"not a Word document ({_first_line(exc)})") from None
    except Exception as exc:  # a damaged part: bad XML, a broken relationship
        _not_word(data)
        raise SourceError(name, None, f"damaged Word document ({type(exc).__name__}: {_first_line(exc)})") from None
    try:
        return _Walk(word).stories()
    except Exception as exc:  # a notes part that is not XML
        raise SourceError(name, None, f"damaged Word document ({type(exc).__name__}: {_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# Word encrypts a document with a password into an OLE2 file holding this stream.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def _not_word(data: bytes) -> None:
    """A BinaryFileError naming the format of ``data`` when formats.py knows it and it is
    not a Word document (a PDF, an old .doc, an Excel workbook, a plain zip)."""
    from .decoding import BinaryFileError
    from .formats import WORD, ZIP, sniff

    what = sniff(data)
    if what is None or what is WORD:
        return
    if what is ZIP and b"[Content_Types].xml" in data:
        return  # an Office package that lost its main part: a damaged document
    raise BinaryFileError(what)


def _check_package(name: str, data: bytes) -> None:
    """Refuse before python-docx reads a part: an encrypted document, another format named
    .docx (:func:`_not_word`), a file that is not a zip, or a zip bomb (a part over the
    file cap uncompressed, or all of them over twice the cap)."""
    import zipfile

    from .formats import OLE2, ZIP_SIGNATURES

    if data.startswith(OLE2) and _ENCRYPTED in data:
        raise SourceError(name, None, "cannot open a password-protected (encrypted) Word document: "
                                      "save a copy without a password")
    if not data.startswith(ZIP_SIGNATURES):
        _not_word(data)
        raise SourceError(name, None, "not a Word document, or a damaged one (not a zip)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise SourceError(name, None, f"damaged Word document (not a whole zip: {exc})") from None
    # The declared sizes bound what zipfile inflates, so these checks hold.
    for member in members:
        if member.file_size > MAX_FILE_BYTES:
            raise SourceError(name, None, f"refused: its part {member.filename} is {member.file_size / 2**20:,.0f} MB "
                                          f"uncompressed (the limit is {MAX_FILE_BYTES // 2**20} MB)")
    total = sum(member.file_size for member in members)
    if total > 2 * MAX_FILE_BYTES:
        raise SourceError(name, None, f"refused: its parts are {total / 2**20:,.0f} MB uncompressed "
                                      f"(the limit is {2 * MAX_FILE_BYTES // 2**20} MB)")


class _Walk:
    """One pass over a document's stories, collecting paragraph texts."""

    def __init__(self, word: object) -> None:
        self.word = word
        self.paragraphs: list[str] = []
        self.text_boxes: list[_Element] = []  # met in order, read after the body
        self.note_ids: dict[str, list[str]] = {"footnote": [], "endnote": []}  # referenced, in order

    def stories(self) -> Stories:
        part = self.word.part  # type: ignore[attr-defined]
        self._blocks(part.element.body)
        body = len(self.paragraphs)
        # Text boxes met while reading text boxes are read after those before them.
        read = 0
        while read < len(self.text_boxes):
            self._blocks(self.text_boxes[read])
            read += 1
        for kind, reltype in (("footnote", _FOOTNOTES), ("endnote", _ENDNOTES)):
            notes = _notes(part, reltype, kind)
            for note_id in dict.fromkeys(self.note_ids[kind]):
                if note_id in notes:
                    self._blocks(notes[note_id])
        return Stories(self.paragraphs, body)

    def _blocks(self, container: _Element) -> None:
        """The paragraphs of a story or a part of one (a cell, a content control)."""
        for child in container:
            tag = child.tag
            if tag == _W + "p":
                pieces: list[str] = []
                self._inline(child, pieces, [])
                self.paragraphs.append("".join(pieces))
            elif tag == _W + "tbl":
                self._table(child)
            elif tag == _MC + "AlternateContent":
                self._blocks(_choice(child))
            elif isinstance(tag, str) and tag not in _SKIPPED:
                self._blocks(child)  # w:sdt, w:sdtContent, w:customXml, w:ins...

    def _table(self, table: _Element) -> None:
        for row in _descendants(table, _W + "tr", stop=_W + "tbl"):
            for cell in _descendants(row, _W + "tc", stop=_W + "tbl"):
                self._blocks(cell)
            self.paragraphs.append("")  # the end-of-row mark, a paragraph to Word

    def _inline(self, element: _Element, pieces: list[str], fields: list[bool]) -> None:
        """Append the text of a paragraph's content to ``pieces``. ``fields`` holds, for each
        complex field open here, whether its result has begun (its code is left out)."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _W + "t":
                if all(fields):
                    # A carriage return (&#13;) is a line break, one character as in Word.
                    pieces.append((child.text or "").replace("\r", "\n"))
            elif tag in _CHARACTERS:
                if all(fields):
                    pieces.append(_CHARACTERS[tag])
            elif tag == _W + "sym":
                if all(fields):
                    pieces.append(_symbol(child))
            elif tag == _W + "fldChar":
                kind = child.get(_W + "fldCharType")
                if kind == "begin":
                    fields.append(False)
                elif kind == "separate" and fields:
                    fields[-1] = True
                elif kind == "end" and fields:
                    fields.pop()
            elif tag in (_W + "footnoteReference", _W + "endnoteReference"):
                kind = "footnote" if tag == _W + "footnoteReference" else "endnote"
                note_id = child.get(_W + "id")
                if note_id is not None:
                    self.note_ids[kind].append(note_id)
            elif tag == _W + "txbxContent":
                self.text_boxes.append(child)  # a story of its own, read after the body
            elif tag == _MC + "AlternateContent":
                self._inline(_choice(child), pieces, fields)
            else:
                # w:r, w:ins, w:moveTo, w:hyperlink, w:smartTag, w:fldSimple (its result),
                # w:sdt and w:sdtContent, and drawings on the way to a text box.
                self._inline(child, pieces, fields)


def _choice(alternate: _Element) -> _Element:
    """The first mc:Choice of an mc:AlternateContent (empty when it has none): the
    mc:Fallback is a copy of the same content for older readers."""
    for child in alternate:
        if child.tag == _MC + "Choice":
            return child
    return alternate.makeelement(_MC + "Choice")


def _descendants(element: _Element, tag: str, stop: str) -> Iterator[_Element]:
    """The ``tag`` elements below ``element`` (through content controls and custom XML),
    not below a ``stop`` element (a nested table's rows are its own)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif isinstance(child.tag, str) and child.tag != stop and child.tag not in _SKIPPED:
            if child.tag == _MC + "AlternateContent":
                yield from _descendants(_choice(child), tag, stop)
            else:
                yield from _descendants(child, tag, stop)


def _symbol(sym: _Element) -> str:
    try:
        return chr(int(sym.get(_W + "char") or "", 16))
    except (ValueError, OverflowError):
        return ""


def _notes(part: object, reltype: str, kind: str) -> dict[str, _Element]:
    """The footnotes (or endnotes) of the main part, by id, found through its
    relationships (whatever the part's name); Word's separators are left out."""
    from docx.oxml.parser import parse_xml

    for rel in part.rels.values():  # type: ignore[attr-defined]
        if rel.reltype != reltype or rel.is_external:
            continue
        target = rel.target_part
        root = target.element if hasattr(target, "element") else parse_xml(target.blob)
        return {note.get(_W + "id"): note for note in root.iter(_W + kind)
                if note.get(_W + "type") not in _NOTE_KINDS and note.get(_W + "id") is not None}
    return {}


# -- the document ---------------------------------------------------------------------------

_SOURCE = Source("utf-8", bom=False, newline="\n", line_breaks=None)
_SEPARATOR = "\n\n"


class ParagraphIndex(LineIndex):
    """A LineIndex whose lines are a Word document's paragraphs: ``position`` gives the
    paragraph's number and the column in it; ``line_span`` is the paragraph's text."""

    __slots__ = ("ends",)

    def __init__(self, paragraphs: Iterable[str], length: int) -> None:
        starts, ends = array("q"), array("q")
        at = 0
        for text in paragraphs:
            # Empty paragraphs at the very end have no text of their own: they start at the end.
            starts.append(min(at, length))
            ends.append(min(at + len(text), length))
            at += len(text) + len(_SEPARATOR)
        if not starts:
            starts.append(0)
            ends.append(0)
        self.starts, self.ends, self.length = starts, ends, length

    def line_span(self, line: int) -> Span:
        return Span(self.starts[line - 1], self.ends[line - 1])


class WordDocument(Document):
    """A .docx as the rules read it: the paragraphs joined by a blank line (a .txt release),
    ending with one line break; its lines are the paragraphs."""

    line_unit = "paragraph"

    def __init__(self, path: str, stories: Stories) -> None:
        joined = _SEPARATOR.join(stories.paragraphs).rstrip("\n")
        super().__init__(path, joined + "\n" if joined else "", _SOURCE)
        self.stories = stories

    @cached_property
    def lines(self) -> LineIndex:
        return ParagraphIndex(self.stories.paragraphs, len(self.text))


def word_document(path: str, data: bytes) -> WordDocument:
    return WordDocument(path, read_docx(path, data))


def is_layout(doc: Document, diagnostic: Diagnostic) -> bool:
    """Whether ``diagnostic`` is a whitespace rule's (W) about Word's layout: the white
    space it flags is tabs and nothing else (a tab is always Word's w:tab in a .docx: a tab
    between words, at the end of a paragraph, before a colon aligned on a tab stop). A
    space typed beside a tab is a writer's and is still reported."""
    if not diagnostic.code.startswith("W"):
        return False
    blanks = [ch for ch in doc.text[diagnostic.span.start:diagnostic.span.end] if ch.isspace()]
    return bool(blanks) and all(ch == "\t" for ch in blanks)
