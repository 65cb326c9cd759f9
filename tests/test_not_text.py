"""Files presslint cannot read (a PDF, an RTF file, an image, an archive...): named on the
command line, one error line that names the format and exit 2; found by a walk, skipped and
counted in the summary. The files are made here as their formats lay them out: with the
standard library where it writes the format (ZIP, tar, gzip, SQLite, WAV...), else the
format's header as its specification gives it."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import sqlite3
import struct
import subprocess
import sys
import tarfile
import wave
import xml.etree.ElementTree as ElementTree
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint.cli import cli
from presslint.decoding import BinaryFileError, decode
from presslint.formats import NotText, sniff
from presslint.report import FORMATS
from presslint.runner import check_file

CLEAN = "The board agreed to the plan.\n"


# -- the files ------------------------------------------------------------------------------

def _pdf_compressed() -> bytes:
    content = zlib.compress(b"BT /F1 12 Tf 72 712 Td (ACME announces record sales) Tj ET")
    return (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n4 0 obj\n<< /Length " + str(len(content)).encode()
            + b" /Filter /FlateDecode >>\nstream\n" + content + b"\nendstream\nendobj\n"
            b"trailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n")


def _pdf_uncompressed() -> bytes:
    # Every byte of it is ASCII: today's decoder took it for text.
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n4 0 obj\n<< /Length 52 >>\n"
            b"stream\nBT /F1 12 Tf 72 712 Td (ACME announces record sales) Tj ET\nendstream\nendobj\n"
            b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


def _rtf() -> bytes:
    return (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\n"
            b"\\f0\\fs24 ACME announces record sales.\\par\nThe board agreed.\\par\n}\n")


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _bmp() -> bytes:
    pixels = b"\x00\x00\xff\x00"  # one red pixel, its row padded to 4 bytes
    return (b"BM" + struct.pack("<IHHI", 14 + 40 + len(pixels), 0, 0, 54)
            + struct.pack("<IiiHHIIiiII", 40, 1, 1, 1, 24, 0, len(pixels), 2835, 2835, 0, 0) + pixels)


def _ico() -> bytes:
    image = _png()
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 1, 1, 0, 0, 1, 32, len(image), 22) + image


def _ftyp(brand: bytes) -> bytes:
    return struct.pack(">I", 24) + b"ftyp" + brand + b"\x00\x00\x00\x00" + brand + b"mp41" + b"\x00\x00\x00\x08free"


def _riff(form: bytes, body: bytes) -> bytes:
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + form + body


def _zip(entries: dict[str, bytes], mimetype: bytes | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:  # first and stored, as ODF and EPUB require
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _ooxml(part: str) -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>", part: b"<x/>"})


def _ole2(stream: str) -> bytes:
    # The header (signature, version 3, little-endian, 512-byte sectors), then a directory
    # sector whose entries name the streams in UTF-16.
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)
              + bytes(512 - 32))
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64)
                       for name in ("Root Entry", stream))
    return header + entries.ljust(512, b"\x00")


def _tar() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        info = tarfile.TarInfo("release.txt")
        info.size = len(CLEAN)
        archive.addfile(info, io.BytesIO(CLEAN.encode()))
    return out.getvalue()


def _sqlite(tmp: Path) -> bytes:
    path = tmp / "db.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("create table releases (title text)")
    data = path.read_bytes()
    path.unlink()
    return data


def _wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\x00\x00" * 80)
    return out.getvalue()


def _pe() -> bytes:
    # The DOS header: "MZ", then e_lfanew (at 0x3C) pointing at the "PE\0\0" signature.
    return b"MZ\x90\x00\x03" + bytes(0x3C - 5) + struct.pack("<I", 0x40) + b"PE\x00\x00\x4c\x01" + bytes(18)


FILES: dict[str, tuple[str, Callable[[Path], bytes]]] = {
    "pdf-compressed": ("a PDF document", lambda _: _pdf_compressed()),
    "pdf-uncompressed": ("a PDF document", lambda _: _pdf_uncompressed()),
    "rtf": ("an RTF document", lambda _: _rtf()),
    "png": ("a PNG image", lambda _: _png()),
    "jpeg": ("a JPEG image", lambda _: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
    "gif": ("a GIF image", lambda _: b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04"
                                    b"\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"),
    "webp": ("a WebP image", lambda _: _riff(b"WEBP", b"VP8L" + struct.pack("<I", 5) + b"\x2f\x00\x00\x00\x00")),
    "tiff": ("a TIFF image", lambda _: b"II*\x00\x08\x00\x00\x00\x00\x00"),
    "bmp": ("a BMP image", lambda _: _bmp()),
    "ico": ("an icon (ICO) image", lambda _: _ico()),
    "heic": ("a HEIC image", lambda _: _ftyp(b"heic")),
    "avif": ("an AVIF image", lambda _: _ftyp(b"avif")),
    "svg": ("an SVG image", lambda _: b'<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"'
                                      b' width="10" height="10"><text>ACME</text></svg>\n'),
    "docx-renamed": ("a Word document (.docx) under another name", lambda _: _ooxml("word/document.xml")),
    "xlsx": ("an Excel workbook (.xlsx)", lambda _: _ooxml("xl/workbook.xml")),
    "pptx": ("a PowerPoint presentation (.pptx)", lambda _: _ooxml("ppt/presentation.xml")),
    "odt": ("an OpenDocument text (.odt)",
            lambda _: _zip({"content.xml": b"<x/>"}, b"application/vnd.oasis.opendocument.text")),
    "epub": ("an EPUB e-book", lambda _: _zip({"OEBPS/a.xhtml": b"<x/>"}, b"application/epub+zip")),
    "zip": ("a ZIP archive", lambda _: _zip({"release.txt": CLEAN.encode()})),
    "doc": ("an old Word document (.doc)", lambda _: _ole2("WordDocument")),
    "xls": ("an old Excel workbook (.xls)", lambda _: _ole2("Workbook")),
    "ppt": ("an old PowerPoint presentation (.ppt)", lambda _: _ole2("PowerPoint Document")),
    "msg": ("an Outlook message (.msg)", lambda _: _ole2("__substg1.0_0037001F")),
    "gzip": ("a gzip archive", lambda _: gzip.compress(CLEAN.encode())),
    "bzip2": ("a bzip2 archive", lambda _: bz2.compress(CLEAN.encode())),
    "xz": ("an xz archive", lambda _: lzma.compress(CLEAN.encode())),
    "zstd": ("a Zstandard archive", lambda _: b"\x28\xb5\x2f\xfd\x04\x58\x01\x00\x00x\x00"),
    "7z": ("a 7-Zip archive", lambda _: b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24)),
    "rar": ("a RAR archive", lambda _: b"Rar!\x1a\x07\x01\x00" + bytes(8)),
    "tar": ("a tar archive", lambda _: _tar()),
    "elf": ("an ELF executable", lambda _: b"\x7fELF\x02\x01\x01\x00" + bytes(56)),
    "mach-o": ("a Mach-O executable", lambda _: b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + bytes(24)),
    "pe": ("a Windows executable", lambda _: _pe()),
    "java": ("a Java class file", lambda _: b"\xca\xfe\xba\xbe\x00\x00\x00\x41" + bytes(8)),
    "wasm": ("a WebAssembly module", lambda _: b"\x00asm\x01\x00\x00\x00"),
    "sqlite": ("an SQLite database", _sqlite),
    "mp3": ("an MP3 audio file", lambda _: b"ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb\x90\x64" + bytes(32)),
    "mp4": ("an MP4 video", lambda _: _ftyp(b"isom")),
    "ogg": ("an Ogg audio or video file", lambda _: b"OggS\x00\x02" + bytes(20) + b"\x01\x1e\x01vorbis"),
    "wav": ("a WAV audio file", lambda _: _wav()),
    "flac": ("a FLAC audio file", lambda _: b"fLaC\x80\x00\x00\x22" + bytes(34)),
    "ttf": ("a TrueType font", lambda _: b"\x00\x01\x00\x00\x00\x0a\x00\x80\x00\x03\x00\x20"),
    "otf": ("an OpenType font", lambda _: b"OTTO\x00\x0a\x00\x80\x00\x03\x00\x20"),
    "woff2": ("a WOFF web font", lambda _: b"wOF2\x00\x01\x00\x00" + bytes(40)),
}


@pytest.mark.parametrize("kind", sorted(FILES))
def test_each_format_is_named_from_its_bytes(kind: str, tmp_path: Path) -> None:
    name, make = FILES[kind]
    data = make(tmp_path)
    what = sniff(data)
    assert what is not None and what.name == name
    with pytest.raises(BinaryFileError) as raised:
        decode(data)
    assert raised.value.what == what
    # And so for a file that the command line reads.
    result = check_file(tmp_path / "release.txt", [], data=data)
    assert result.not_text == what and not result.diagnostics and result.index is None


def test_the_advice_fits_each_family(tmp_path: Path) -> None:
    advice = {name: what.advice for name, make in FILES.values() if (what := sniff(make(tmp_path)))}
    assert advice["a PDF document"] == "export it as .docx, .md or .txt"
    assert advice["an old Word document (.doc)"] == "save it as .docx"
    assert advice["a PNG image"] == advice["an SVG image"] == "presslint reads text, not images"
    assert advice["a ZIP archive"] == advice["a tar archive"] == "extract it and check the files inside"
    assert advice["a Word document (.docx) under another name"] == "name it .docx"


@pytest.mark.parametrize("text", [
    "PDF-1.4 support arrives in the new reader.\n",
    " %PDF-1.4 is quoted here, not at the first byte.\n",
    "Our reader now opens {\\rtf1 files.\n",
    "BMW announced a new plant today.\n",
    "MZ Holdings named a new chief executive.\n",
    "OTTO GmbH opened a store in Hamburg.\n",
    "ID3 tags are now edited in the app.\n",
    "GIF89a was the format of the year.\n",
    "RIFF Records signed a new band.\n",
    "wOFF is a font format, and so is ttcf.\n",
    "fLaC is a codec.\n",
    "Rar! said the lion.\n",
    "SQLite format 3 is used by the app.\n",
    '<svg class="logo"></svg>\n<p>ACME announced record sales.</p>\n',
    '<p>ACME announced record sales.</p>\n<svg class="logo"></svg>\n',
    "Caf\xe9 owners met on Monday.\n",
    "The ftyp box is described in the new standard.\n",
    "-" * 257 + "ustar GmbH opened a store.\n",  # a tar header's "ustar " at byte 257, no NUL before
])
def test_text_that_starts_like_a_signature_is_text(text: str) -> None:
    data = text.encode("cp1252")
    assert sniff(data) is None
    assert decode(data).text == text


def test_an_unknown_binary_file_is_still_a_binary_file() -> None:
    what = sniff(b"\x01\x02\x00\x00\x03")
    assert what is None
    with pytest.raises(BinaryFileError) as raised:
        decode(b"\x01\x02\x00\x00\x03")
    assert raised.value.what == NotText("a binary file", "it holds NUL bytes, which text does not")


# -- the command line -----------------------------------------------------------------------

def invoke(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    run = CliRunner().invoke(cli, ["check", "--no-config", "--no-cache", *args], input=input)
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    return run.exit_code, run.stdout, run.stderr


NAMED = {"release.pdf": "pdf-compressed", "plain.pdf": "pdf-uncompressed", "release.rtf": "rtf", "logo.png": "png"}


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A folder with a clean release and a compressed PDF, an uncompressed PDF, an RTF file
    and a PNG image."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "release.txt").write_text(CLEAN, encoding="utf-8")
    for name, kind in NAMED.items():
        (folder / name).write_bytes(FILES[kind][1](tmp_path))
    return folder


@pytest.mark.parametrize("name", sorted(NAMED))
def test_a_file_named_that_is_not_text_is_one_error_line_and_exit_2(files: Path, name: str) -> None:
    path = files / name
    code, out, err = invoke(str(path))
    what = sniff(path.read_bytes())
    assert what is not None and what.name == FILES[NAMED[name]][0]
    assert code == 2
    assert err == f"presslint: error: {path}: cannot check {what.name}: {what.advice}\n"
    assert "All clear" not in out and out == "1 error; no files checked.\n"


def test_the_exact_lines_for_a_pdf_an_rtf_file_and_a_png_image(files: Path) -> None:
    code, out, err = invoke(*(str(files / name) for name in ("release.pdf", "release.rtf", "logo.png")),
                            str(files / "release.txt"))
    assert code == 2
    assert err.splitlines() == [
        f"presslint: error: {files}/release.pdf: cannot check a PDF document: export it as .docx, .md or .txt",
        f"presslint: error: {files}/release.rtf: cannot check an RTF document: save it as .docx or .txt",
        f"presslint: error: {files}/logo.png: cannot check a PNG image: presslint reads text, not images",
    ]
    assert out == "3 errors; no problems in 1 file checked.\n"


def test_an_uncompressed_pdf_is_not_checked_as_text(files: Path) -> None:
    """Before, it decoded as text and its syntax was reported (W114, T1...): now no finding."""
    code, out, err = invoke("--output-format", "json", str(files / "plain.pdf"))
    assert code == 2 and json.loads(out) == [] and "cannot check a PDF document" in err


def test_standard_input_that_is_a_pdf_is_an_error(files: Path) -> None:
    data = (files / "release.pdf").read_bytes()
    code, out, err = invoke("-", input=data)
    assert code == 2 and out == "1 error; no files checked.\n"
    assert err == "presslint: error: -: cannot check a PDF document: export it as .docx, .md or .txt\n"
    code, _, err = invoke("--stdin-filename", "release.md", "-", input=data)
    assert code == 2 and err.startswith("presslint: error: release.md: cannot check a PDF document")


def test_fix_on_standard_input_that_is_a_pdf_gives_its_bytes_back(files: Path) -> None:
    data = (files / "plain.pdf").read_bytes()
    run = CliRunner().invoke(cli, ["check", "--no-config", "--fix", "-"], input=data)
    assert run.exit_code == 2 and run.stdout_bytes == data
    assert "-: cannot check a PDF document" in run.stderr


def test_a_walk_skips_and_counts_what_is_not_text(files: Path) -> None:
    """A broad --include picks up the PDFs and the image: skipped without a line each
    (their names say what they are), counted in the summary, exit 0 for a clean release."""
    code, out, err = invoke("--include", "*", str(files))
    assert (code, out, err) == (0, "All clear: no problems in 1 file (4 skipped: not text).\n", "")


def test_a_walk_warns_about_a_file_whose_name_says_text(files: Path) -> None:
    """A release.txt that is really a PDF is a surprise: one warning names it."""
    (files / "notes.txt").write_bytes((files / "release.pdf").read_bytes())
    (files / "logo.md").write_bytes((files / "logo.png").read_bytes())
    code, out, err = invoke(str(files))
    assert code == 0
    assert err.splitlines() == [
        f"presslint: warning: {files}/logo.md: skipped, a PNG image: presslint reads text, not images",
        f"presslint: warning: {files}/notes.txt: skipped, a PDF document: export it as .docx, .md or .txt",
    ]
    assert out == "All clear: no problems in 1 file (2 skipped: not text).\n"
    code, out, err = invoke("--quiet", str(files))
    assert (code, out, err) == (0, "", "")


def test_the_count_goes_with_findings_and_errors(files: Path, tmp_path: Path) -> None:
    (files / "release.txt").write_text("Sales  rose.\n", encoding="utf-8")
    code, out, _ = invoke("--include", "*", str(files))
    assert code == 1 and out.splitlines()[-2] == "Found 1 problem in 1 file (1 checked, 4 skipped: not text)."
    code, out, _ = invoke("--include", "*", str(files), str(tmp_path / "missing.txt"))
    assert code == 2 and out.splitlines()[-2] == "1 error; found 1 problem in 1 file (1 checked, 4 skipped: not text)."


def test_a_walk_of_only_files_that_are_not_text_is_not_all_clear(files: Path) -> None:
    (files / "release.txt").unlink()
    code, out, _ = invoke("--include", "*", str(files))
    assert (code, out) == (0, "No files checked (4 skipped: not text).\n")


def test_a_file_named_and_found_by_a_walk_is_named(files: Path) -> None:
    code, _, err = invoke("--include", "*", str(files), str(files / "logo.png"))
    assert code == 2 and err == (f"presslint: error: {files}/logo.png: cannot check a PNG image: "
                                 "presslint reads text, not images\n")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_output_format_stays_parseable(files: Path, fmt: str) -> None:
    """Named (an error) and walked (skipped) at once; the machine formats print no summary."""
    (files / "release.txt").write_text("Sales  rose.\n", encoding="utf-8")
    code, out, err = invoke("--output-format", fmt, "--include", "*", str(files), str(files / "release.rtf"))
    assert code == 2
    assert err.splitlines()[0].startswith(f"presslint: error: {files}/release.rtf: cannot check an RTF document")
    if fmt in ("json", "sarif", "gitlab", "rdjson"):
        document = json.loads(out)
        assert "W104" in json.dumps(document) and "skipped" not in out
    elif fmt == "junit":
        ElementTree.fromstring(out)
        assert "W104" in out
    elif fmt == "github":
        assert out.startswith("::error file=") or out.startswith("::warning file=")
        assert "1 error; found 1 problem in 1 file (1 checked, 3 skipped: not text)." in err.splitlines()
    else:
        assert out.splitlines()[-2] == "1 error; found 1 problem in 1 file (1 checked, 3 skipped: not text)."


def test_the_cache_and_a_process_pool_give_the_same_count(files: Path, tmp_path: Path) -> None:
    """The result of a file that is not text crosses processes and is kept in the cache."""
    for i in range(6):
        (files / f"copy{i}.txt").write_text(CLEAN, encoding="utf-8")
        (files / f"scan{i}.pdf").write_bytes((files / "release.pdf").read_bytes())
    command = [sys.executable, "-m", "presslint", "check", "--no-config", "--include", "*", "--jobs", "2",
               "--cache-dir", str(tmp_path / "cache"), str(files)]
    runs = [subprocess.run(command, capture_output=True, text=True, check=False) for _ in range(2)]
    expected = "All clear: no problems in 7 files (10 skipped: not text).\n"
    assert [(r.returncode, r.stdout, r.stderr) for r in runs] == [(0, expected, "")] * 2
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 17
