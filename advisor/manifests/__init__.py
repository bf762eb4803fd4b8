"""Read dependency files into a :class:`~advisor.model.project.Project`.

Each format is one reader (see :mod:`advisor.manifests._base`); :func:`reader_for` picks it by
file name and, where the name is not enough, by content.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from advisor.errors import ManifestError
from advisor.manifests._base import ManifestReader
from advisor.manifests.requirements import RequirementsReader
from advisor.model.project import Dependency, Finding, Manifest, Project, PythonDeclaration

READERS: tuple[ManifestReader, ...] = (RequirementsReader(),)


def reader_for(path: Path) -> ManifestReader:
    """The reader for ``path``; :class:`ManifestError` when no format matches."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        raise ManifestError("no such file", file=str(path), code="file-missing") from None
    except OSError as exc:
        raise ManifestError(f"cannot read: {exc.strerror}", file=str(path)) from exc
    for reader in READERS:
        if reader.matches(path, head):
            return reader
    raise ManifestError("not a dependency file aap-advise can read", file=str(path))


def read_paths(paths: Sequence[str]) -> Project:
    """Read every file named in ``paths`` (directories are not discovered yet)."""
    manifests: list[Manifest] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            raise ManifestError("reading a folder is not supported yet; name a file", file=raw)
        manifests.append(reader_for(path).read(path, raw))
    return merge(manifests)


def merge(manifests: Sequence[Manifest]) -> Project:
    """Combine manifests: all dependencies, the strongest Python declaration, all findings."""
    deps: list[Dependency] = []
    findings: list[Finding] = []
    python: PythonDeclaration | None = None
    for m in manifests:
        deps.extend(m.dependencies)
        findings.extend(m.findings)
        if m.python and (python is None or (python.weak and not m.python.weak)):
            python = m.python
    return Project(tuple(manifests), tuple(deps), python, tuple(findings))
