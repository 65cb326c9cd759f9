"""When to check a document: after a pause in the typing, never on stale text, one check
of a document at a time.

A change restarts the document's timer; when it runs out the check starts on the text as
it is then. A change that arrives during a check makes that check's result stale: it is
dropped, not published, and the change's own timer starts the next check once the
running one is over. Checks run one at a time in a worker thread, so the event loop
goes on reading the client's messages meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Generic, TypeVar

Key = TypeVar("Key")
Version = TypeVar("Version")
Result = TypeVar("Result")


class Debouncer(Generic[Key, Version, Result]):
    """``version(key)`` says which version of a document is current (None: closed), read
    on the event loop: a value that compares equal only to the same version (LSP's version
    number with the text); ``check(key, version)`` runs in ``executor`` and
    ``publish(key, version, result)`` on the event loop, only while ``version`` is still
    current."""

    def __init__(self, delay: float, executor: Executor,
                 version: Callable[[Key], Version | None],
                 check: Callable[[Key, Version], Result],
                 publish: Callable[[Key, Version, Result], None]) -> None:
        self.delay = delay
        self.executor = executor
        self.version = version
        self.check = check
        self.publish = publish
        self._timers: dict[Key, asyncio.TimerHandle] = {}
        self._running: dict[Key, asyncio.Task[None]] = {}
        self._again: set[Key] = set()

    def changed(self, key: Key, delay: float | None = None) -> None:
        """The document changed (or was opened, saved, or its configuration changed: with
        ``delay`` 0): check it once it has been quiet for the delay."""
        loop = asyncio.get_running_loop()
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.cancel()
        self._timers[key] = loop.call_later(self.delay if delay is None else delay, self._start, key)

    def closed(self, key: Key) -> None:
        timer = self._timers.pop(key, None)
        if timer is not None:
            timer.cancel()
        self._again.discard(key)

    def _start(self, key: Key) -> None:
        self._timers.pop(key, None)
        if key in self._running:
            self._again.add(key)  # after the running check, which this change made stale
            return
        self._running[key] = asyncio.get_running_loop().create_task(self._run(key))

    async def _run(self, key: Key) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                self._again.discard(key)
                version = self.version(key)
                if version is None:
                    return
                result = await loop.run_in_executor(self.executor, self.check, key, version)
                if self.version(key) == version and key not in self._again:
                    self.publish(key, version, result)
                if key not in self._again:
                    return
        finally:
            del self._running[key]

    async def idle(self) -> None:
        """Wait until no check is pending or running (for tests and the benchmark)."""
        while self._timers or self._running:
            await asyncio.sleep(0.005)
