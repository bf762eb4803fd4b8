"""The reader interface: every dependency-file format is one :class:`ManifestReader`."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from advisor.model.project import Manifest


class FileReader(Protocol):
    """Reads one kind of dependency file into a :class:`~advisor.model.project.Manifest`.

    ``kind`` is a stable id (``requirements``, ``pyproject``, ``uv.lock`` ...).
    :meth:`read` raises :class:`~advisor.errors.ManifestError` naming file and line (or key)
    for a file it cannot read; it never lets a parser's own exception escape.
    """

    kind: str
    #: Whether the format records resolved versions (``role="locked"`` entries).
    is_lock: bool

    def read(self, path: Path, display: str) -> Manifest:
        """Read ``path``; ``display`` is the path as reports should show it."""
        ...


class ManifestReader(FileReader, Protocol):
    """A :class:`FileReader` that also tells its files: :meth:`matches` decides by file name,
    :meth:`sniff` by the first bytes where the name is unknown or lies (the registry in
    :mod:`advisor.manifests` combines them). The dependency-file formats are told apart in
    :mod:`advisor.manifests._formats`, before their readers are imported."""

    def matches(self, path: Path, head: bytes) -> bool:
        """True when this reader handles ``path`` by its name (``head``: its first 4 KiB)."""
        ...

    def sniff(self, head: bytes) -> bool:
        """True when ``head`` (the first 4 KiB) looks like this format, for a file whose name
        is not one the format uses."""
        ...
