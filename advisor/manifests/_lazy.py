"""A module imported on first use: readers name their parser at the top, as usual, but a run
that never reads that format never pays for importing it (pip-requirements-parser brings in
urllib, http.client, ssl, email and logging: about 57 ms; packaging.pylock about 40 ms). And a
regular expression compiled on first use (:class:`LazyPattern`), for those only some files
need (locks, URLs, TOML errors): compiling one costs 0.05 to 0.3 ms of every run otherwise.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for module ``name``; the first attribute read imports it."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled the first time it is used."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        """:meth:`re.Pattern.search`."""
        return self.compiled.search(string, pos)

    def match(self, string: str) -> re.Match[str] | None:
        """:meth:`re.Pattern.match`."""
        return self.compiled.match(string)

    def findall(self, string: str) -> list[Any]:
        """:meth:`re.Pattern.findall`."""
        return self.compiled.findall(string)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str) -> str:
        """:meth:`re.Pattern.sub`."""
        return self.compiled.sub(repl, string)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str) -> tuple[str, int]:
        """:meth:`re.Pattern.subn`."""
        return self.compiled.subn(repl, string)
