"""What ``uv.lock``, ``poetry.lock`` and ``pdm.lock`` readers share before their own tables: the
file read and parsed, its lock version checked, its ``[[package]]`` tables with their lines, and
the :class:`~advisor.model.project.LockGraph` gathered from them one package at a time.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.errors import ManifestError
from advisor.manifests._lines import array_table_lines
from advisor.manifests._pep508 import Collector
from advisor.manifests._text import parse_lock_toml, read_text
from advisor.model.names import canonicalize_name
from advisor.model.project import LockGraph, LockNode, SourceLocation

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

#: Characters of a folder a lock names: far above any real path.
_MAX_FOLDER = 4096
#: The name and extras a requirement string starts with: PEP 508 (``x[a,b]>=1; marker``,
#: ``x @ file:///...``), Poetry's ``x[a] (>=1)``, or pip's ``-e <url>#egg=x[a]`` (PDM writes an
#: editable path dependency so). Anchored and without nested repeats: linear in the string.
_REQUIREMENT_HEAD = re.compile(
    r"[ \t]*(?:-e[ \t]+[^#\s]*#egg=)?([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)[ \t]*"
    r"(?:\[([^\]]*)\])?"
)
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
        text = read_text(path, display, lock=True)
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


def requirement_nodes(text: str) -> list[LockNode]:
    """The graph nodes a requirement string in a lock asks for: ``x[a,b]>=1`` ->
    ``("x", None), ("x", "a"), ("x", "b")``; none when it does not start with a name."""
    found = _REQUIREMENT_HEAD.match(text)
    if found is None:
        return []
    name = canonicalize_name(found[1])
    extras = (e.strip() for e in (found[2] or "").split(","))
    return [(name, None), *((name, canonicalize_name(e)) for e in extras if e)]


class GraphBuilder:
    """The edges of a lock's packages, gathered in one pass (one entry at a time), and the
    project's own packages among them (see :class:`~advisor.model.project.LockGraph`)."""

    def __init__(self) -> None:
        self.roots: list[str] = []
        self.edges: dict[LockNode, list[LockNode]] = {}
        self.groups: dict[str, list[LockNode]] = {}
        self.members: dict[str, str] = {}
        self.root_groups: dict[str, dict[str, list[LockNode]]] = {}

    def root(self, name: str, folder: object) -> None:
        """``name`` is one of the project's own packages, in ``folder`` (relative to the
        lock's, as the lock writes it) when that is a plain relative path."""
        self.roots.append(name)
        if isinstance(folder, str) and (where := relative_folder(folder)) is not None:
            self.members.setdefault(where, name)

    def edge(self, node: LockNode, nodes: Iterable[LockNode]) -> None:
        """``node`` needs ``nodes`` (added to what it needs already: a package locked twice,
        for two forks or two sets of extras, adds each entry's)."""
        self.edges.setdefault(node, []).extend(nodes)

    def done(self, *, partial: bool = False) -> LockGraph | None:
        """The graph, or ``None`` when the lock names none of the project's own packages.

        :param partial: the roots are path dependencies, not the project itself (see
            :attr:`~advisor.model.project.LockGraph.partial`).
        """
        if not self.roots:
            return None
        roots = tuple(dict.fromkeys(self.roots))
        return LockGraph(
            roots,
            {k: tuple(v) for k, v in self.edges.items()},
            {k: tuple(v) for k, v in self.groups.items()},
            self.members,
            {
                r: {g: tuple(v) for g, v in self.root_groups[r].items()}
                for r in roots
                if r in self.root_groups
            },
            partial=partial,
        )
