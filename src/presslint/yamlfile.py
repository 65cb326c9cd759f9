"""Read YAML files (rule packs, configuration) safely, with line numbers, and fast.

Safe: a SafeLoader that records the line of every mapping and refuses duplicate keys;
nothing in a file is executed. A file is data, never a hazard: only a regular file of at
most 4 MB is read (userfiles.py), and only plain values, lists and mappings with string
keys are accepted: no tags but the plain ones (no sets, no ``!python/...``), no complex
keys, no nesting deeper than :data:`MAX_DEPTH`, and aliases that repeat at most
:data:`MAX_ALIASED` nodes in all (a "billion laughs" is refused, not expanded).

Fast: a file's parsed content is cached as JSON under the user's cache folder, keyed by
its path and a hash of its content (not its size and modification time, which ``cp -p``,
``tar`` and ``rsync -t`` keep for a changed file), so a run that finds every file
unchanged never imports PyYAML (45-80 ms of CPU of a one-file run, bundled packs
included, for about 2 ms of reading and hashing: benchmarks/yaml_cache.py). Set
``PRESSLINT_NO_CACHE=1`` to turn the cache off, ``PRESSLINT_CACHE_DIR`` to move it.
"""

from __future__ import annotations

import datetime
import json
import os
from binascii import crc32
from pathlib import Path
from typing import Any

from ._version import __version__
from .digest import digest
from .errors import PackError, UserError
from .userfiles import MAX_YAML_BYTES, read_bytes

# Bumped when what the cache stores changes, so entries of the old shape are not read.
_CACHE_FORMAT = "3"
# How deep lists and mappings may nest; how many nodes aliases may repeat in all.
MAX_DEPTH = 64
MAX_ALIASED = 100_000
# The tags a node may have: those YAML gives plain values, lists and mappings, and
# !!binary (a pack's example that is not UTF-8).
_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "timestamp", "binary", "seq", "map", "merge"))
_STRING = "tag:yaml.org,2002:str"


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
        raw = read_bytes(path, MAX_YAML_BYTES)
    except OSError as exc:
        raise error(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    cached, key = _cache_entry(path, raw)
    if cached is not None:
        try:
            stored = json.loads(cached.read_text(encoding="utf-8"))
            if stored["key"] == key:  # not another file's entry under the same name
                return _decode(stored["data"])
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            pass  # missing or damaged: parse again
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(str(path), None, f"cannot read: {exc}") from None
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
    except RecursionError:  # the pure-Python parser's own recursion, before MAX_DEPTH is checked
        raise error(where, None, f"invalid YAML: nested deeper than {MAX_DEPTH} levels") from None


_LOADER: Any = None


def _loader() -> Any:
    """The safe loader, recording the line of every mapping and refusing duplicate keys."""
    global _LOADER
    if _LOADER is None:
        import yaml

        base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class Loader(base):  # type: ignore[misc]
            def get_single_data(self) -> Any:
                node = self.get_single_node()
                if node is None:
                    return None
                _check_nodes(node)  # before anything is built from the nodes
                return self.construct_document(node)

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


def _check_nodes(root: Any) -> None:
    """A ConstructorError at the node at fault unless every node under ``root`` has a
    plain tag, every key is a string, nothing nests deeper than MAX_DEPTH and aliases
    repeat at most MAX_ALIASED nodes. One pass, without recursion, each node once however
    often aliases name it: the sizes and heights of shared nodes are remembered."""
    import yaml

    def refuse(node: Any, message: str) -> Exception:
        return yaml.constructor.ConstructorError(None, None, message, node.start_mark)

    done: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes when expanded, height)
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in done:
            continue
        children = _children(node)
        if not children_done:
            if node.tag not in _TAGS:
                raise refuse(node, f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')!r} is not accepted "
                             "(only plain values, lists and mappings with string keys)")
            if isinstance(node, yaml.MappingNode):
                for key, _ in node.value:
                    if not isinstance(key, yaml.ScalarNode) or key.tag not in (_STRING, "tag:yaml.org,2002:merge"):
                        raise refuse(key, f"a key must be a string, not {_shown_key(key, yaml)}: quote it")
            open_.add(id(node))
            stack.append((node, True))
            for child in children:
                if id(child) in open_:
                    raise refuse(child, "an alias names the list or mapping it is in")
                stack.append((child, False))
            continue
        open_.discard(id(node))
        sizes = [done[id(child)] for child in children]
        height = 1 + max((h for _, h in sizes), default=0) if children else 0
        if height > MAX_DEPTH:
            raise refuse(node, f"nested deeper than {MAX_DEPTH} levels")
        done[id(node)] = (1 + sum(s for s, _ in sizes), height)
    if done[id(root)][0] - len(done) > MAX_ALIASED:
        raise refuse(root, f"aliases repeat {done[id(root)][0] - len(done):,} nodes, over the limit of "
                     f"{MAX_ALIASED:,}")


def _children(node: Any) -> list[Any]:
    if isinstance(node.value, list):  # a sequence's items, or a mapping's (key, value) pairs
        return [part for item in node.value for part in (item if isinstance(item, tuple) else (item,))]
    return []


def _shown_key(key: Any, yaml: Any) -> str:
    if not isinstance(key, yaml.ScalarNode):
        return "a list or mapping"
    kind = key.tag.rsplit(":", 1)[-1]
    return f"{key.value!r} (read as {'true or false' if kind == 'bool' else 'a ' + kind})"


# --- the cache: JSON with tags for what JSON lacks -------------------------------------

def _cache_entry(path: Path, raw: bytes) -> tuple[Path | None, str]:
    """Where the cache keeps ``path``'s data, and what the entry is valid for: this version
    of presslint and this file's content. (No file when the cache is off.)"""
    if os.environ.get("PRESSLINT_NO_CACHE"):
        return None, ""
    folder = os.environ.get("PRESSLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "presslint")
    name = f"{__version__}\0{_CACHE_FORMAT}\0{path.resolve()}"
    key = f"{name}\0{digest(raw)}"
    # One entry a file, named by a CRC of its path (rewritten when the file changes); the
    # entry holds the key itself: two paths that share a name only miss the cache.
    return Path(folder) / f"yaml-{crc32(name.encode()):08x}.json", key


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
