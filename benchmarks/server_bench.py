"""The language server as an editor meets it (a script, not a test).

    python benchmarks/server_bench.py [--repeat 20] [--words 5000] [CORPUS]

Starts ``python -m presslint server`` with pygls' client, opens a document of the corpus's
releases joined up to ``--words`` words (a long release, or a newsroom's page of them),
and prints:
  - the first-open time: from didOpen to its publishDiagnostics (the rules are built then);
  - the median, min and max over ``--repeat`` edits of the time from a didChange (one word
    typed in the middle of the text, full text sent as the server asks) to the
    publishDiagnostics of that version, with the debounce set to 0 (the initialization
    option debounceMs), so the figure is the check and the protocol, not the pause.
Run it with `nice` on a shared machine; figures vary by 10-20% there.
"""

from __future__ import annotations

import asyncio
import re
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

import _corpus
from lsprotocol import types
from pygls.lsp.client import LanguageClient


def document(folder: str, words: int) -> str:
    """The releases joined, in order, cut after ``words`` words (a release may be one long line)."""
    joined = []
    count = 0
    for path in _corpus.releases(folder, "server_bench"):
        text = path.read_text(encoding="utf-8")
        joined.append(text)
        count += len(text.split())
        if count >= words:
            break
    text = "\n".join(joined)
    last = list(islice(re.finditer(r"\S+", text), words))[-1]
    return text[:last.end()] + "\n"


async def measure(text: str, repeat: int) -> tuple[float, list[float], int]:
    client = LanguageClient("server-bench", "1")
    arrived: dict[int, asyncio.Future[int]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        waiting = arrived.get(params.version or 0)
        if waiting is not None and not waiting.done():
            waiting.set_result(len(params.diagnostics))

    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        await client.start_io(sys.executable, "-m", "presslint", "server", cwd=folder)
        await client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=workspace.as_uri(), process_id=None,
            initialization_options={"debounceMs": 0}))
        client.initialized(types.InitializedParams())
        uri = (workspace / "newsroom.md").as_uri()
        loop = asyncio.get_running_loop()

        arrived[1] = loop.create_future()
        started = time.perf_counter()
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="markdown", version=1, text=text)))
        findings = await asyncio.wait_for(arrived[1], 120)
        first_open = time.perf_counter() - started

        middle = text.index(" ", len(text) // 2)
        times = []
        for version in range(2, repeat + 2):
            edited = text[:middle] + f" word{version}" + text[middle:]
            arrived[version] = loop.create_future()
            started = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)]))
            await asyncio.wait_for(arrived[version], 120)
            times.append(time.perf_counter() - started)

        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return first_open, times, findings


def main() -> int:
    parser = _corpus.parser(__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--words", type=int, default=5000)
    args = parser.parse_args()
    text = document(args.corpus, args.words)
    first_open, times, findings = asyncio.run(measure(text, args.repeat))
    print(f"document: {len(text.split()):,} words, {len(text):,} characters, {findings} findings")
    print(f"first open (didOpen to publishDiagnostics, rules built): {first_open * 1000:.0f} ms")
    print(f"didChange to publishDiagnostics, debounce 0, median of {len(times)}: "
          f"{statistics.median(times) * 1000:.1f} ms (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
