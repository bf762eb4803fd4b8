"""The on-disk cache: project pages (revalidated with ETag / Last-Modified) and wheel metadata
(immutable: a file on an index never changes, PEP 503/691, so it is kept forever).

Entries are small JSON documents written atomically. One that does not decode, or lacks its
keys, is treated as absent and replaced: a corrupt cache costs a refetch, never a wrong answer.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def default_cache_dir() -> Path:
    """``$AAP_ADVISE_CACHE_DIR``, else the user cache directory of the platform."""
    if env := os.environ.get("AAP_ADVISE_CACHE_DIR"):
        return Path(env)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "aap-advise" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "aap-advise"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "aap-advise"


class Cache:
    """A folder of JSON entries in two kinds: ``pages`` and ``metadata``.

    :param root: the folder (created on first write).
    :param page_max_age: seconds a cached page is used without asking the index again.
    """

    def __init__(self, root: Path, page_max_age: float = 600.0) -> None:
        self.root = root
        self.page_max_age = page_max_age
        self._held: dict[str, bool] = {}
        self._folders: set[Path] = set()

    @staticmethod
    def _digest(key: str) -> str:
        # Keys are URLs that may carry credentials: only their digest is ever written.
        import hashlib  # here: an offline run without a cache never loads OpenSSL's bindings

        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def _path(self, kind: str, key: str) -> Path:
        digest = self._digest(key)
        return self.root / kind / digest[:2] / f"{digest}.json"

    def get(self, kind: str, key: str, required: tuple[str, ...]) -> dict[str, Any] | None:
        """The entry for ``key``, or ``None`` when absent or corrupt (a corrupt one is deleted)."""
        path = self._path(kind, key)
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, RecursionError):
            self._discard(path)
            return None
        if (
            not isinstance(data, dict)
            or data.get("key") != self._digest(key)
            or any(k not in data for k in required)
        ):
            self._discard(path)
            return None
        return data

    def put(self, kind: str, key: str, data: dict[str, Any]) -> None:
        """Store an entry; failures to write (read-only or full disk) are ignored: it is a cache."""
        import tempfile

        path = self._path(kind, key)
        # dumps, not dump: json.dump encodes in pure Python, dumps in C (the same text).
        text = json.dumps(
            {**data, "key": self._digest(key), "stored": time.time()}, separators=(",", ":")
        )
        try:
            if path.parent not in self._folders:  # made (or found) once per run
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except OSError:
            return

    def has(self, kind: str, key: str) -> bool:
        """An entry for ``key`` is there (whether it decodes is seen when it is read)."""
        return self._held_before(kind) and self._path(kind, key).is_file()

    def recent(self, kind: str, key: str) -> bool:
        """The entry for ``key`` was written within :attr:`page_max_age` (as :meth:`fresh`
        judges an entry read, without reading it)."""
        if not self._held_before(kind):
            return False
        try:
            written = self._path(kind, key).stat().st_mtime
        except OSError:
            return False
        return time.time() - written < self.page_max_age

    def _held_before(self, kind: str) -> bool:
        """The cache held entries of this kind when first asked: a cache that did not (a cold
        run's) is not looked into file by file, each look costing a system call."""
        if not self._held:  # both kinds at the first look, before the run writes either
            self._held = {k: (self.root / k).is_dir() for k in ("pages", "metadata")}
        return self._held.get(kind, True)

    def fresh(self, entry: dict[str, Any]) -> bool:
        """The page entry is young enough to use without revalidation."""
        stored = entry.get("stored")
        return isinstance(stored, (int, float)) and time.time() - stored < self.page_max_age

    @staticmethod
    def _discard(path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            return
