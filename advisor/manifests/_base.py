"""The reader interface: every dependency-file format is one :class:`ManifestReader`."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from advisor.model.project import Manifest


class ManifestReader(Protocol):
    """Reads one kind of dependency file into a :class:`~advisor.model.project.Manifest`.

    ``kind`` is a stable id (``requirements``, ``pyproject``, ``uv.lock`` ...).
    :meth:`matches` decides by file name, :meth:`sniff` by the first bytes where the name is
    unknown or lies (the registry in :mod:`advisor.manifests` combines them).
    :meth:`read` raises :class:`~advisor.errors.ManifestError` naming file and line (or key)
    for a file it cannot read; it never lets a parser's own exception escape.
    """

    kind: str
    #: Whether the format records resolved versions (``role="locked"`` entries).
    is_lock: bool

    def matches(self, path: Path, head: bytes) -> bool:
        """True when this reader handles ``path`` by its name (``head``: its first 4 KiB)."""
        ...

    def sniff(self, head: bytes) -> bool:
        """True when ``head`` (the first 4 KiB) looks like this format, for a file whose name
        is not one the format uses."""
        ...

    def read(self, path: Path, display: str) -> Manifest:
        """Read ``path``; ``display`` is the path as reports should show it."""
        ...
