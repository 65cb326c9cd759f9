"""``presslint server``: a language server (LSP, over standard input and output) that
gives an editor presslint's findings as diagnostics and its fixes as code actions.
docs/editors.md says how to set editors up. Needs pygls: ``pip install 'presslint[server]'``.
"""

from __future__ import annotations

MISSING = "the language server needs pygls: pip install 'presslint[server]'"


def available() -> bool:
    """Whether pygls (2.x) can be imported."""
    try:
        import pygls.lsp.server  # noqa: F401
    except ImportError:
        return False
    return True


def serve() -> None:
    """Run the server on standard input and output until the client says exit."""
    import logging
    import sys

    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="presslint server: %(message)s")
    from .protocol import create_server

    create_server().start_io()
