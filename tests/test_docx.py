"""Word documents (docx.py): real .docx files made with python-docx, each typo reported at
Word's paragraph and the column in it; what Word hides (deletions, field codes, comments,
the VML copy of a text box) never read; never written."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml

import presslint.runner
from presslint import check_paths
from presslint.cli import cli
from presslint.docx import read_docx

DATA = Path(__file__).parent / "data" / "docx-equivalence"
NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
DECLARED = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())


def _xml(fragment: str) -> Any:
    """A WordprocessingML element from its XML (python-docx's API has no call for it)."""
    return parse_xml(re.sub(r"^<([\w:]+)", lambda m: f"<{m.group(1)} {DECLARED}", fragment, count=1))


def _paragraph_xml(word: Any, fragment: str) -> None:
    """Add a paragraph written in XML at the end of the body (before its section properties)."""
    word.element.body.sectPr.addprevious(_xml(fragment))


def _text_box(text: str) -> str:
    """A run holding a text box as Word writes one: the DrawingML box in mc:Choice and its
    VML copy in mc:Fallback."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return ("<w:r><mc:AlternateContent>"
            "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
            "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
            f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
            "</w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


def _add_footnotes(word: Any, notes: dict[int, str]) -> None:
    """A footnotes part, related to the main part as Word relates it, with Word's separators."""
    body = "".join(f'<w:footnote w:id="{number}"><w:p><w:r><w:footnoteRef/></w:r>'
                   f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
                   for number, text in notes.items())
    xml = (f'<w:footnotes {DECLARED}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           f'</w:p></w:footnote>{body}</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES)


def _add_endnotes(word: Any, notes: dict[int, str]) -> None:
    body = "".join(f'<w:endnote w:id="{number}"><w:p><w:r><w:endnoteRef/></w:r>'
                   f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:endnote>'
                   for number, text in notes.items())
    xml = (f'<w:endnotes {DECLARED}><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
           f'</w:p></w:endnote>{body}</w:endnotes>')
    part = Part(PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, xml.encode(), word.part.package)
    word.part.relate_to(part, RT.ENDNOTES)


def _save(word: Any, path: Path) -> Path:
    word.save(str(path))
    return path


def release(path: Path) -> Path:
    """A release with a typo in each place a writer puts text. Word's paragraphs:
    1 heading, 2 bold split word, 3-8 a 2x2 table (cells 3, 4 and 6, 7; row ends 5 and 8),
    9 list item, 10 tracked changes, 11 field, 12 comment, 13 text box anchor with a footnote
    reference; then 14 the text box, 15 the footnote."""
    word = docx.Document()
    word.add_heading("Acme Anounces a New Widget", level=1)  # 1
    split = word.add_paragraph()  # 2: "Te" bold + "h" plain
    split.add_run("Te").bold = True
    split.add_run("h company grew.")
    table = word.add_table(rows=2, cols=2)  # 3 4 [5] 6 7 [8]
    table.cell(0, 0).text = "Region"
    table.cell(0, 1).text = "Sales"
    table.cell(1, 0).text = "Europe"
    table.cell(1, 1).text = "The goverment bought more."
    word.add_paragraph("A list item with an adress in it.", style="List Bullet")  # 9
    _paragraph_xml(word, (  # 10: a tracked deletion and insertion
        '<w:p><w:r><w:t xml:space="preserve">The board </w:t></w:r>'
        '<w:del w:id="1" w:author="Ed"><w:r><w:delText xml:space="preserve">Teh </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="Ed"><w:r><w:t xml:space="preserve">recieved </w:t></w:r></w:ins>'
        '<w:r><w:t>the plan.</w:t></w:r></w:p>'))
    _paragraph_xml(word, (  # 11: a field: its code left out, its result read
        '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK \\l "the goverment plan" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>our site</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t>.</w:t></w:r></w:p>'))
    commented = word.add_paragraph().add_run("Shares rose.")  # 12
    word.add_comment(commented, text="Teh goverment wording is fine?", author="Ed")
    _paragraph_xml(word, (  # 13
        f'<w:p><w:r><w:t xml:space="preserve">Details below.</w:t></w:r>{_text_box("We will recieve it.")}'
        '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'))
    _add_footnotes(word, {1: "Figures from the goverment survey."})  # 14 the box, 15 the note
    return _save(word, path / "release.docx")


def check(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-cache", *args], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def findings(*args: str) -> list[tuple[str, int, int, str]]:
    code, out, _ = check("--output-format", "json", *args)
    assert code in (0, 1, 2)
    return [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(out)]


def test_each_typo_is_at_words_paragraph_and_column(tmp_path: Path) -> None:
    path = release(tmp_path)
    found = [(code, line, column) for code, line, column, _ in findings("--select", "T101", str(path))]
    assert found == [
        ("T101", 1, 6),    # heading: "Acme Anounces"
        ("T101", 2, 1),    # "Te" bold + "h" plain reads "Teh"
        ("T101", 7, 5),    # table cell, second row, second column
        ("T101", 9, 21),   # list item: "adress"
        ("T101", 10, 11),  # the tracked insertion; the deletion "Teh " is not read
        ("T101", 14, 9),   # the text box, read once (not its VML copy)
        ("T101", 15, 19),  # the footnote, after its reference mark's space
    ]


def test_the_text_read_is_the_text_as_word_shows_it_with_changes_accepted(tmp_path: Path) -> None:
    stories = read_docx("release.docx", release(tmp_path).read_bytes())
    assert stories.paragraphs == [
        "Acme Anounces a New Widget", "Teh company grew.", "Region", "Sales", "", "Europe",
        "The goverment bought more.", "", "A list item with an adress in it.", "The board recieved the plan.",
        "See our site.", "Shares rose.", "Details below.", "We will recieve it.", " Figures from the goverment survey.",
    ]
    assert stories.body == 13
    assert not any("Teh goverment wording" in text for text in stories.paragraphs)  # the comment


def test_content_controls_links_fields_and_moves_read_as_word_shows_them(tmp_path: Path) -> None:
    word = docx.Document()
    for fragment in (
        '<w:sdt><w:sdtPr><w:alias w:val="Headline"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Acme grows</w:t>'
        '</w:r></w:p></w:sdtContent></w:sdt>',
        '<w:p><w:r><w:t xml:space="preserve">Visit </w:t></w:r><w:hyperlink w:anchor="top"><w:r><w:t>our site'
        '</w:t></w:r></w:hyperlink><w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t xml:space="preserve">'
        ' in Austin</w:t></w:r></w:smartTag><w:sdt><w:sdtContent><w:r><w:t>, today</w:t></w:r></w:sdtContent>'
        '</w:sdt><w:r><w:t>.</w:t></w:r></w:p>',
        '<w:p><w:r><w:t xml:space="preserve">Dated </w:t></w:r><w:fldSimple w:instr=" DATE \\@ &quot;MMMM d&quot; ">'
        '<w:r><w:t>March 3</w:t></w:r></w:fldSimple><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
        '<w:instrText>IF 1 = 1 "</w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r>'
        '<w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r>'
        '<w:instrText>"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>, 2024'
        '</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        '<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="Ed"/></w:rPr></w:pPr><w:del w:id="8" w:author="Ed"><w:r>'
        '<w:delText>A whole paragraph deleted.</w:delText></w:r></w:del></w:p>',
        '<w:p><w:moveFrom w:id="9" w:author="Ed"><w:r><w:t xml:space="preserve">Later, </w:t></w:r></w:moveFrom>'
        '<w:r><w:t xml:space="preserve">Sales rose</w:t></w:r><w:moveTo w:id="10" w:author="Ed"><w:r>'
        '<w:t xml:space="preserve"> later</w:t></w:r></w:moveTo><w:r><w:t>.</w:t></w:r></w:p>',
    ):
        _paragraph_xml(word, fragment)
    stories = read_docx("t.docx", _save(word, tmp_path / "t.docx").read_bytes())
    assert stories.paragraphs == ["Acme grows", "Visit our site in Austin, today.", "Dated March 3, 2024", "",
                                  "Sales rose later."]


def test_a_nested_table_is_read_inside_its_cell(tmp_path: Path) -> None:
    word = docx.Document()
    outer = word.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Outer"
    inner = outer.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Inner"
    word.add_paragraph("After.")
    stories = read_docx("t.docx", _save(word, tmp_path / "t.docx").read_bytes())
    # Cell 2 holds its empty first paragraph, the inner table (its cell, its row end), then
    # the paragraph Word requires after a table in a cell.
    assert stories.paragraphs == ["Outer", "", "Inner", "", "", "", "After."]


def test_the_release_date_shown_for_a_docx_is_its_datelines(tmp_path: Path) -> None:
    path = _save(_word("Acme Grows", "AUSTIN, Texas, March 4, 2024 -- Acme grew today."), tmp_path / "t.docx")
    code, _, err = check("--show-release-date", "-q", str(path))
    assert code == 0 and err == f"{path}: release date 2024-03-04 (from dateline, paragraph 2)\n"


def test_the_excerpt_is_the_paragraph(tmp_path: Path) -> None:
    _, out, _ = check("--select", "T101", str(release(tmp_path)))
    lines = out.splitlines()
    at = lines.index(f"{tmp_path / 'release.docx'}:7:5: T101 'goverment' is a misspelling of 'government'")
    assert lines[at + 1:at + 3] == ["  The goverment bought more.", "      ^^^^^^^^^"]


def _word(*paragraphs: str) -> Any:
    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text)
    return word


def test_words_tabs_and_breaks_are_not_reported_but_a_writers_spaces_are(tmp_path: Path) -> None:
    word = _word("Phone:\t212-555-0100", "Name\tTitle\tPhone", "Date\t: March 4")
    word.add_paragraph("Jane Doe, Head of Press ").add_run().add_break()  # a space typed before a line break
    word.paragraphs[-1].add_run("Acme  Corp\u00a0Inc.")
    _paragraph_xml(word, '<w:p><w:r><w:t>e</w:t><w:noBreakHyphen/><w:t>mail and inter</w:t><w:softHyphen/>'
                         '<w:t>national</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>')
    found = [(code, line, column) for code, line, column, _ in findings(str(_save(word, tmp_path / "t.docx")))]
    assert found == [("W101", 4, 24), ("W104", 4, 30), ("W109", 4, 36)]
    stories = read_docx("t.docx", (tmp_path / "t.docx").read_bytes())
    assert stories.paragraphs[4] == "e-mail and international\uf0b7"


def test_a_trailing_tab_typed_after_text_is_words_layout_but_a_space_is_reported(tmp_path: Path) -> None:
    found = findings("--select", "W", str(_save(_word("Total:\t", "Done. "), tmp_path / "t.docx")))
    assert [(code, line, column) for code, line, column, _ in found] == [("W101", 2, 6)]


def test_empty_paragraphs_at_the_end_are_not_blank_lines_at_the_end_of_a_file(tmp_path: Path) -> None:
    path = _save(_word("Acme grew.", "", ""), tmp_path / "t.docx")
    assert findings("--select", "W", str(path)) == []
    assert findings("--select", "W", str(_save(_word(), tmp_path / "empty.docx"))) == []


def test_fix_and_diff_are_refused_the_findings_reported_and_other_files_fixed(tmp_path: Path) -> None:
    path = release(tmp_path)
    text = tmp_path / "other.txt"
    text.write_text("Acme  grew.\n", encoding="utf-8")
    before = path.read_bytes()
    code, out, err = check("--fix", "--unsafe-fixes", str(path), str(text))
    assert code == 2
    assert err.splitlines() == [f"presslint: error: {path}: not fixed: presslint does not write Word documents; "
                                "fix it in Word"]
    assert f"{path}:1:6: T101" in out
    assert path.read_bytes() == before
    assert text.read_text(encoding="utf-8") == "Acme grew.\n"
    code, out, err = check("--diff", "--unsafe-fixes", str(path))
    assert code == 2 and "no fixes shown: presslint does not write Word documents" in err
    assert "+++" not in out and path.read_bytes() == before
    code, out, _ = check(str(path))
    assert code == 1 and "fixable" not in out  # --fix would be refused: not offered
    assert all(finding["fix"] is None for finding in json.loads(check("--output-format", "json", str(path))[1]))


def test_fix_on_a_docx_with_nothing_to_fix_says_nothing(tmp_path: Path) -> None:
    path = _save(_word("Acme grew."), tmp_path / "t.docx")
    assert check("--fix", str(path))[::2] == (0, "")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _retyped(good: bytes, content_type: bytes) -> bytes:
    """``good`` with its main part declared as another Office format's."""
    with zipfile.ZipFile(io.BytesIO(good)) as package:
        members = {name: package.read(name) for name in package.namelist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", content_type)
    return _zip(members)


def _ole2(*streams: str) -> bytes:
    """The start of an OLE2 compound file naming ``streams`` (as Word's .doc and encrypted
    .docx files do in their directory)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + b"".join(s.encode("utf-16-le") for s in streams)


@pytest.mark.parametrize(("make", "said"), [
    (lambda good: good[:len(good) // 2], "damaged Word document (not a whole zip"),
    (lambda good: _ole2("EncryptionInfo", "EncryptedPackage"),
     "cannot open a password-protected (encrypted) Word document: save a copy without a password"),
    (lambda good: _zip({"[Content_Types].xml": b"<Types", "word/document.xml": b"<"}), "damaged Word document"),
    (lambda good: good.replace(b"word/document.xml", b"word/documenX.xml"), "not a Word document ("),
    (lambda good: _retyped(good, b"spreadsheetml.sheet.main+xml"), "not a Word document (file"),
    (lambda good: b"Acme grew.\n", "not a Word document, or a damaged one (not a zip)"),
    # Other formats named .docx are named for what they are (formats.py), as any file not text.
    (lambda good: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "cannot check a PDF document: export it as .docx"),
    (lambda good: _ole2("WordDocument"), "cannot check an old Word document (.doc): save it as .docx"),
    (lambda good: _zip({"notes.txt": b"hello"}), "cannot check a ZIP archive"),
    (lambda good: _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
     "cannot check an Excel workbook (.xlsx)"),
], ids=["truncated", "encrypted", "bad-xml", "no-main-part", "retyped", "text", "pdf", "doc", "zip", "xlsx"])
def test_a_file_that_is_not_a_readable_docx_is_one_line_and_exit_2(
        tmp_path: Path, make: Callable[[bytes], bytes], said: str) -> None:
    good = _save(_word("Acme grew."), tmp_path / "good.docx").read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(make(good))
    code, out, err = check(str(bad), str(tmp_path / "good.docx"))
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith(f"presslint: error: {bad}: ") and said in err, err
    assert "Traceback" not in out + err and "1 error" in out


def test_in_a_walk_a_pdf_named_docx_is_skipped_and_counted_but_a_damaged_docx_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    _save(_word("Acme grew."), tmp_path / "b.docx")
    code, out, err = check(str(tmp_path))
    assert (code, err) == (0, f"presslint: warning: {tmp_path / 'a.docx'}: skipped, a PDF document: "
                              "export it as .docx, .md or .txt\n")
    assert "1 skipped" in out
    (tmp_path / "c.docx").write_bytes(_save(_word("Acme grew."), tmp_path / "c.docx").read_bytes()[:300])
    code, out, err = check(str(tmp_path))
    assert code == 2 and f"presslint: error: {tmp_path / 'c.docx'}: damaged Word document" in err


def test_a_part_over_the_file_cap_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _save(_word("Acme grew. " * 50_000), tmp_path / "big.docx")
    with zipfile.ZipFile(path) as package:
        sizes = {member.filename: member.file_size for member in package.infolist()}
    assert sizes["word/document.xml"] == max(sizes.values())
    monkeypatch.setattr("presslint.docx.MAX_FILE_BYTES", sizes["word/document.xml"] - 1)
    monkeypatch.setattr("docx.Document", lambda *args: pytest.fail("python-docx read a part over the cap"))
    code, _, err = check(str(path))
    assert code == 2 and "refused: its part word/document.xml is" in err


def test_a_folder_of_word_files_is_walked_and_words_lock_files_are_left_out(tmp_path: Path) -> None:
    folder = tmp_path / "releases"
    folder.mkdir()
    _save(_word("Acme Anounces results."), folder / "a.docx")
    (folder / "~$a.docx").write_bytes(b"\x05Jane  " + bytes(150))  # Word's lock file while a.docx is open
    code, out, err = check(str(folder))
    assert (code, err) == (1, "")
    assert out.startswith(f"{folder / 'a.docx'}:1:6: T101") and "1 file (1 checked)" in out
    (folder / "a.docx").rename(folder / "B.DOCX")  # named explicitly, any case is a .docx
    code, out, err = check(str(folder / "B.DOCX"))
    assert (code, err) == (1, "") and out.startswith(f"{folder / 'B.DOCX'}:1:6: T101")


def test_standard_input_named_docx_is_read_as_one(tmp_path: Path) -> None:
    data = release(tmp_path).read_bytes()
    code, out, _ = check("--select", "T101", "-q", "-", "--stdin-filename", "press.docx", stdin=data)
    assert code == 1 and out.splitlines()[0] == "press.docx:1:6: T101 'Anounces' is a misspelling of 'Announces'"


def test_fix_on_standard_input_gives_the_document_back_unchanged(tmp_path: Path) -> None:
    data = release(tmp_path).read_bytes()
    done = subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", "--fix", "--unsafe-fixes", "-",
                           "--stdin-filename", "press.docx"], input=data, capture_output=True, check=False, timeout=120)
    assert done.returncode == 2 and done.stdout == data
    assert b"not fixed: presslint does not write Word documents" in done.stderr


def test_the_python_api_checks_word_documents(tmp_path: Path) -> None:
    release(tmp_path)
    assert [d.code for d in check_paths([tmp_path]) if d.code == "T101"] == ["T101"] * 7
    (tmp_path / "broken.docx").write_bytes((tmp_path / "release.docx").read_bytes()[:500])
    with pytest.raises(OSError, match=r"broken\.docx: damaged Word document"):
        check_paths([tmp_path / "broken.docx"])


def test_a_cache_hit_gives_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = release(tmp_path)
    monkeypatch.setenv("PRESSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PRESSLINT_NO_CACHE", raising=False)

    def run(fmt: str) -> str:
        result = CliRunner().invoke(cli, ["check", "--no-config", "--output-format", fmt, str(path)])
        assert result.exit_code == 1, result.output
        return result.stdout

    first = {fmt: run(fmt) for fmt in ("text", "json")}
    monkeypatch.setattr(presslint.runner, "check_file", lambda *a, **k: pytest.fail("not served from the cache"))
    assert {fmt: run(fmt) for fmt in ("text", "json")} == first
    assert "release.docx:7:5: T101" in first["text"]


# How each output format writes paragraph 7, column 5 (the table cell's "goverment").
PLACES = {
    "text": r"release\.docx:7:5: T101",
    "json": r'"line": 7,\s*"column": 5,',
    "github": r"file=[^,]*release\.docx,line=7,col=5,",
    "sarif": r'"startLine": 7,\s*"startColumn": 5,',
    "gitlab": r'"begin": 7',
    "junit": r'name="[^"]*release\.docx">(.|\n)*\n7:5: T101 \'goverment\'',
    "rdjson": r'"start": \{\s*"line": 7,\s*"column": 5\s*\}',
}


@pytest.mark.parametrize("fmt", sorted(PLACES))
def test_every_output_format_shows_paragraph_and_column(tmp_path: Path, fmt: str) -> None:
    code, out, _ = check("--select", "T101", "--output-format", fmt, str(release(tmp_path)))
    assert code == 1
    assert re.search(PLACES[fmt], out), out


def test_reading_a_docx_is_imported_only_when_one_is_checked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Acme grew.\n", encoding="utf-8")
    _save(_word("Acme grew."), tmp_path / "b.docx")
    script = ("import sys; from presslint.cli import main; main(sys.argv[1:]); "
              "print('docx' in sys.modules, 'lxml' in sys.modules, 'presslint.docx' in sys.modules)")
    for name, imported in (("a.txt", b"False False False\n"), ("b.docx", b"True True True\n")):
        done = subprocess.run([sys.executable, "-c", script, "check", "--no-config", "--no-cache", name],
                              cwd=tmp_path, capture_output=True, check=False, timeout=120)
        assert done.stdout.endswith(imported), done


# -- the same findings from a .txt and a .docx of the same text ----------------------------


def _paragraphs(text: str) -> list[str]:
    """A release's paragraphs (blank-line separated), each on one line."""
    return [" ".join(block.splitlines()) for block in re.split(r"\n[ \t]*\n", text) if block.strip()]


@pytest.mark.parametrize("source", sorted(DATA.glob("*.md")), ids=lambda p: p.name[:40])
def test_a_docx_gives_the_findings_of_the_same_text_as_txt(tmp_path: Path, source: Path) -> None:
    paragraphs = _paragraphs(source.read_text(encoding="utf-8"))
    (tmp_path / "release.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    _save(_word(*paragraphs), tmp_path / "release.docx")
    as_text = findings(str(tmp_path / "release.txt"))
    as_word = findings(str(tmp_path / "release.docx"))
    assert as_text, "a release with no finding proves nothing"
    # Paragraph n is line 2n - 1 of the .txt; its columns are the same.
    assert as_word == [(code, (line + 1) // 2, column, message) for code, line, column, message in as_text]


def test_the_cross_file_checks_place_a_docx_finding_at_its_paragraph(tmp_path: Path) -> None:
    _save(_word("Acme makes widgets.", "", "Analysts said ZenTrix will grow."), tmp_path / "a.docx")
    (tmp_path / "b.txt").write_text("Analysts like Zentrix.\n\nThe board of Zentrix met. Zentrix grew.\n",
                                    encoding="utf-8")
    code, out, _ = check("--consistency", "project", "--select", "C101", str(tmp_path / "a.docx"),
                         str(tmp_path / "b.txt"))
    assert code == 1
    assert out.splitlines()[:2] == [f"{tmp_path / 'a.docx'}:3:15: C101 'ZenTrix' is written 'Zentrix' elsewhere",
                                    "  Analysts said ZenTrix will grow."]
    # --fix never writes a Word document, so its cross-file findings offer no fix either.
    assert "fixable" not in out


def test_stories_follow_the_body_text_boxes_then_footnotes_by_reference_then_endnotes(tmp_path: Path) -> None:
    word = docx.Document()
    _paragraph_xml(word, '<w:p><w:r><w:t>First.</w:t></w:r><w:r><w:endnoteReference w:id="5"/></w:r>'
                         '<w:r><w:footnoteReference w:id="2"/></w:r></w:p>')
    _paragraph_xml(word, f'<w:p><w:r><w:t>Second.</w:t></w:r>{_text_box("Box one.")}{_text_box("Box two.")}'
                         '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    _add_footnotes(word, {1: "Note one.", 2: "Note two.", 3: "Never referenced."})
    _add_endnotes(word, {5: "The end note."})
    stories = read_docx("t.docx", _save(word, tmp_path / "t.docx").read_bytes())
    assert stories.paragraphs == ["First.", "Second.", "Box one.", "Box two.", " Note two.", " Note one.",
                                  " The end note."]
