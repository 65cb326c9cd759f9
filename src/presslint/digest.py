"""A short hash of some bytes, for cache keys (the parsed-YAML cache and the result cache).

BLAKE2 from CPython's own ``_blake2`` module: ``hashlib`` would load OpenSSL first, about
5-20 ms of every start."""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b


def digest(data: bytes) -> str:
    """128 bits of BLAKE2b of ``data``, in hex."""
    return blake2b(data, digest_size=16).hexdigest()
