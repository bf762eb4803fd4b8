"""What ``uv.lock``, ``poetry.lock`` and ``pdm.lock`` readers share before their own tables: the
file read and parsed, its lock version checked, and its ``[[package]]`` tables with their lines.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.errors import ManifestError
from advisor.manifests._lines import array_table_lines
from advisor.manifests._pep508 import Collector
from advisor.manifests._text import parse_lock_toml, read_text
from advisor.model.project import SourceLocation

#: Characters of a folder a lock names: far above any real path.
_MAX_FOLDER = 4096
#: Raises :class:`ManifestError` for a lock (parsed, and as displayed) of a version not read.
VersionCheck = Callable[[dict[str, Any], str], None]


@dataclass(slots=True)
class LockFile:
    """A TOML lock read up to its packages.

    :param lines: each ``[[package]]`` table's line and offset (see
        :func:`~advisor.manifests._lines.array_table_lines`); empty when the tables found in
        the text do not match the parsed ones one for one.
    """

    text: str
    data: dict[str, Any]
    packages: list[Any]
    lines: list[tuple[int, int]]
    out: Collector

    @classmethod
    def read(cls, path: Path, display: str, check: VersionCheck) -> LockFile:
        """Read and parse ``path``, ``check`` its version, then find its ``package`` array.

        :raises ManifestError: for a file that cannot be read or parsed, a version ``check``
            refuses, or a ``package`` key that is not an array of tables.
        """
        text = read_text(path, display)
        data = parse_lock_toml(text, display)
        check(data, display)
        packages = data.get("package", [])
        if not isinstance(packages, list):
            raise ManifestError(
                "must be an array of tables", file=display, key="package", code="invalid-manifest"
            )
        lines = array_table_lines(text, "package")
        if len(lines) != len(packages):
            lines = []
        return cls(text, data, packages, lines, Collector(display))

    def entries(self) -> Iterator[tuple[int, Mapping[str, Any]]]:
        """Each package table and its index, in order.

        :raises ManifestError: on reaching a package without a name.
        """
        for i, pkg in enumerate(self.packages):
            if not isinstance(pkg, Mapping) or not isinstance(pkg.get("name"), str):
                raise self.out.error("a package without a name", f"package[{i}]")
            yield i, pkg

    def loc(self, index: int) -> SourceLocation:
        """Where package ``index`` is: its line when known, and its key."""
        return self.out.loc(self.lines[index][0] if self.lines else None, f"package[{index}]")


def metadata_version(key: str, default: str, supported: int, reads: str) -> VersionCheck:
    """A check of ``[metadata] key`` (``default`` when absent): a table, and a major version
    up to ``supported``; ``reads`` says which versions are read (``4.x``)."""

    def check(data: dict[str, Any], display: str) -> None:
        metadata = data.get("metadata", {})
        if not isinstance(metadata, Mapping):
            raise ManifestError(
                "must be a table", file=display, key="metadata", code="invalid-manifest"
            )
        version = str(metadata.get(key, default))
        major = version.split(".")[0]
        if not major.isdigit() or int(major) > supported:
            raise ManifestError(
                f"{key} {version} is not supported (aap-advise reads {reads})",
                file=display,
                key=f"metadata.{key}",
                code="unsupported-lock",
            )

    return check


def relative_folder(text: str) -> str | None:
    """A folder a lock names relative to its own (a workspace member, a path dependency),
    POSIX and normalised (``.`` for the lock's own); ``None`` for an absolute path, a URL,
    or anything that is not a plain path."""
    if not text or len(text) > _MAX_FOLDER or "\x00" in text or "://" in text:
        return None
    posix = text.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return None
    return posixpath.normpath(posix)
