"""JUnit XML output, in the common form CI servers read (GitLab, Jenkins, Azure Pipelines):
one ``<testsuite name="presslint">``, one ``<testcase>`` per checked file, and one
``<failure>`` in each file with findings, listing them as ``line:column: CODE message``.

The document is plain ASCII (anything else as character references), so it survives
whatever encoding the output stream has; characters XML 1.0 cannot hold at all (most
control characters) are written as ``\\uXXXX``. ``statistics`` and ``quiet`` change
nothing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import DocumentReporter, position, printable

if TYPE_CHECKING:
    from ..results import FileResult

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def _problems(n: int) -> str:
    return f"{n} problem{'' if n == 1 else 's'}"


def testsuite(results: Sequence[FileResult]) -> ET.Element:
    failures = sum(1 for r in results if r.diagnostics)
    suite = ET.Element("testsuite", name="presslint", tests=str(len(results)),
                       failures=str(failures), errors="0", skipped="0")
    for result in results:
        case = ET.SubElement(suite, "testcase", classname="presslint", name=xml_text(result.path))
        if not result.diagnostics:
            continue
        lines = []
        for diagnostic in result.diagnostics:
            at = position(result, diagnostic.span)
            # One line each: a message's line break or control character is escaped.
            lines.append(f"{at.line}:{at.column}: {diagnostic.code} {printable(diagnostic.message)}")
        failure = ET.SubElement(case, "failure", message=_problems(len(lines)), type="presslint")
        failure.text = xml_text("\n".join(lines))
    return suite


class JunitReporter(DocumentReporter):
    def document(self, results: Sequence[FileResult]) -> ET.Element:
        return testsuite(results)

    def render(self, document: ET.Element) -> str:
        ET.indent(document)
        data: bytes = ET.tostring(document, encoding="us-ascii", xml_declaration=True)
        return data.decode("ascii")
