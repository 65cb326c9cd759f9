"""Links to presslint's repository and its rules' docs, for the formats that carry them
(SARIF's informationUri and helpUri, rdjson's source).

The address is the package's ``Repository`` project URL (``[project.urls]`` in
pyproject.toml), read from the installed package's metadata. presslint is installed from
its repository, not from a package index; a build that declares no repository links
nothing, rather than to a page that does not exist.
"""

from __future__ import annotations

from functools import cache


@cache
def repository() -> str | None:
    """The repository's address, without a trailing slash; None if the package names none."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata("presslint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in ("repository", "source", "source code") and url.strip():
            return url.strip().rstrip("/")
    return None


def rule_docs(code: str, name: str) -> str | None:
    """The rule's section of docs/rules/<family>.md in the repository, at this version's tag."""
    from .._version import __version__

    base = repository()
    if base is None:
        return None
    return f"{base}/blob/v{__version__}/docs/rules/{code[0]}.md#{rule_anchor(code, name)}"


def rule_anchor(code: str, name: str) -> str:
    """The anchor of a rule's section in its family's page (rule_docs.py heads it "T101
    common-misspelling", which GitHub and the editors' renderers make "t101-common-misspelling")."""
    return f"{code.lower()}-{name}"
