"""Read YAML files (rule packs, configuration) safely, with line numbers, and fast.

Safe: a SafeLoader that records the line of every mapping and refuses duplicate keys;
nothing in a file is executed. Fast: a file's parsed content is cached as JSON under the
user's cache folder, keyed by its path, size and modification time, so a run that finds
every file unchanged never imports PyYAML (about 15 ms of a pre-commit run on one file).
Set ``PRESSLINT_NO_CACHE=1`` to turn the cache off, ``PRESSLINT_CACHE_DIR`` to move it.
"""

from __future__ import annotations

import datetime
import json
import os
from binascii import crc32
from pathlib import Path
from typing import Any

from ._version import __version__
from .errors import PackError, UserError

# Bumped when what the cache stores changes, so entries of the old shape are not read.
_CACHE_FORMAT = "2"


class LineDict(dict[Any, Any]):
    """A mapping that knows the line it starts on and the line of each key (1-based)."""

    line = 0
    key_lines: dict[str, int]

    def line_of(self, key: object) -> int:
        """The line of ``key`` (the mapping's own line if unknown)."""
        lines: dict[str, int] = getattr(self, "key_lines", {})
        return lines.get(str(key), self.line)


def read_yaml(path: Path, error: type[UserError] = PackError) -> Any:
    """Parse a YAML file safely; a file that cannot be read or parsed raises ``error``
    (a pack's or the configuration's) with the line."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise error(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    cached, key = _cache_entry(path, stat)
    if cached is not None:
        try:
            stored = json.loads(cached.read_text(encoding="utf-8"))
            if stored["key"] == key:  # not another file's entry under the same name
                return _decode(stored["data"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing or damaged: parse again
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(str(path), None, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    data = _parse(text, str(path), error)
    if cached is not None:
        _write(cached, json.dumps({"key": key, "data": _encode(data)}, ensure_ascii=False))
    return data


def _parse(text: str, where: str, error: type[UserError]) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error(where, line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise error(where, None, f"invalid YAML: {exc}") from None
    except ValueError as exc:  # a value YAML parses but Python refuses: "2024-02-30"
        raise error(where, None, f"invalid YAML: {exc}") from None


_LOADER: Any = None


def _loader() -> Any:
    """The safe loader, recording the line of every mapping and refusing duplicate keys."""
    global _LOADER
    if _LOADER is None:
        import yaml

        base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class Loader(base):  # type: ignore[misc]
            pass

        def construct_mapping(loader: Any, node: Any) -> Any:
            data = LineDict()
            data.line = node.start_mark.line + 1
            data.key_lines = {}
            yield data
            for key_node, _ in node.value:
                if key_node.value in data.key_lines:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key_node.value!r}", key_node.start_mark)
                data.key_lines[key_node.value] = key_node.start_mark.line + 1
            data.update(loader.construct_mapping(node, deep=True))

        Loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
        _LOADER = Loader
    return _LOADER


# --- the cache: JSON with tags for what JSON lacks -------------------------------------

def _cache_entry(path: Path, stat: os.stat_result) -> tuple[Path | None, str]:
    """Where the cache keeps ``path``'s data, and what the entry is valid for: this version
    of presslint and this file as it is. (No file when the cache is off.)"""
    if os.environ.get("PRESSLINT_NO_CACHE"):
        return None, ""
    folder = os.environ.get("PRESSLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "presslint")
    key = f"{__version__}\0{_CACHE_FORMAT}\0{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"
    # Named by a CRC of the key, and the entry holds the key itself: two keys that share a
    # name only miss the cache. (hashlib would load OpenSSL, 4 ms of every start.)
    return Path(folder) / f"yaml-{crc32(key.encode()):08x}.json", key


def _write(target: Path, text: str) -> None:
    import tempfile  # only on a cache miss: its import costs start-up time

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError:
        pass  # a cache that cannot be written is only a slower run


def _encode(value: Any) -> Any:
    if isinstance(value, LineDict):
        return {"@map": [[_encode(k), _encode(v)] for k, v in value.items()], "@line": value.line,
                "@keys": getattr(value, "key_lines", {})}
    if isinstance(value, dict):
        return {"@map": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, bytes):
        from base64 import b64encode

        return {"@bytes": b64encode(value).decode("ascii")}
    if isinstance(value, datetime.datetime):
        return {"@datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"@date": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "@map" in value:
        result: dict[Any, Any] = LineDict() if "@line" in value else {}
        if "@line" in value:
            result.line = value["@line"]  # type: ignore[attr-defined]
            result.key_lines = value.get("@keys", {})  # type: ignore[attr-defined]
        for key, item in value["@map"]:
            result[_decode(key)] = _decode(item)
        return result
    if "@bytes" in value:
        from base64 import b64decode

        return b64decode(value["@bytes"])
    if "@datetime" in value:
        return datetime.datetime.fromisoformat(value["@datetime"])
    if "@date" in value:
        return datetime.date.fromisoformat(value["@date"])
    raise ValueError("unknown tag in the YAML cache")
