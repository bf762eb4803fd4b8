"""GitHub Actions workflows (``.github/workflows/*.yml``): the CPythons a project is tested on,
one :class:`~advisor.model.deployment.Deployment` of kind ``ci`` per file.

A CI matrix is a weaker hint than a deployment: it says which CPythons the project is meant to
run on, not where it runs. It is read from each job's ``strategy.matrix`` (``python-version``
and its usual spellings, as a list or in ``include`` entries) and from the ``python-version``
of each ``actions/setup-python`` step (one version, or one per line). Only CPython minors are
kept (``3.12``, ``3.13t``): ``3.x``, ``pypy3.10`` and ``${{ matrix.python }}``
name none. ``runs-on`` is the CI machine, not a production platform, and the ``env`` of a
workflow configures its tests, not a deployment: neither is read.

The loader keeps every scalar as written, so ``python-version: 3.10`` is ``3.10`` here (it is
the float 3.1 to GitHub, a mistake this reader does not repeat).
"""

from __future__ import annotations

import re
from pathlib import Path

from advisor.manifests.deploy._yaml import YList, YMap, YStr, YValue, maps_of, read_yaml
from advisor.model.deployment import Deployment
from advisor.model.project import Manifest

__all__ = ["READER", "WorkflowReader"]

#: Matrix keys that hold Python versions.
_MATRIX_KEYS = ("python-version", "python", "python_version", "py", "python-versions")
#: ``3.12``, ``3.12.4``, ``3.13t`` (free-threaded): a CPython, read as its minor (``3.13t``
#: kept so, as tox's ``py313t`` and ``--python 3.13t`` are).
_CPYTHON = re.compile(r"(3)\.(\d{1,2})(?:\.\d{1,3})?(t?)")


def _minor(text: str) -> str | None:
    m = _CPYTHON.fullmatch(text.strip().strip("'\""))
    return f"{m.group(1)}.{int(m.group(2))}{m.group(3)}" if m else None


class _Versions:
    """CPython minors in the order read, and the line of the first."""

    def __init__(self) -> None:
        self.pythons: list[str] = []
        self.line: int | None = None

    def add(self, text: str, line: int) -> None:
        minor = _minor(text)
        if minor is None:
            return
        if self.line is None:
            self.line = line
        if minor not in self.pythons:
            self.pythons.append(minor)

    def values(self, value: YValue) -> None:
        """A matrix entry: one version, or a list of them."""
        if isinstance(value, YStr):
            self.add(value, value.line)
        elif isinstance(value, YList):
            for item, line in zip(value, value.lines, strict=True):
                if isinstance(item, YStr):
                    self.add(item, line)

    def lines(self, value: YValue) -> None:
        """``setup-python``'s ``python-version``: one version, or one per line (a block scalar,
        whose text starts on the line after its key)."""
        if isinstance(value, YList):
            self.values(value)
        elif isinstance(value, YStr):
            first = value.line + 1 if "\n" in value else value.line
            for offset, line in enumerate(value.split("\n")):
                for word in line.replace(",", " ").split():
                    self.add(word, first + offset)


def _job(job: YMap, found: _Versions) -> None:
    strategy = job.get("strategy")
    matrix = strategy.get("matrix") if isinstance(strategy, YMap) else None
    if isinstance(matrix, YMap):
        for key in _MATRIX_KEYS:
            found.values(matrix.get(key))
        for entry in maps_of(matrix.get("include")):
            for key in _MATRIX_KEYS:
                found.values(entry.get(key))
    for step in maps_of(job.get("steps")):
        uses = step.get("uses")
        if isinstance(uses, YStr) and uses.strip().startswith("actions/setup-python@"):
            inputs = step.get("with")
            if isinstance(inputs, YMap):
                found.lines(inputs.get("python-version"))


class WorkflowReader:
    """``.github/workflows/*.yml`` and ``*.yaml``."""

    kind = "github-workflow"
    is_lock = False

    def matches(self, path: Path, head: bytes) -> bool:
        """A YAML file in ``.github/workflows``."""
        return (
            path.suffix in (".yml", ".yaml")
            and path.parent.name == "workflows"
            and path.parent.parent.name == ".github"
        )

    def sniff(self, head: bytes) -> bool:
        """Never by content: a workflow is one by where it is."""
        return False

    def read(self, path: Path, display: str) -> Manifest:
        """The CPythons of every job's matrix and ``setup-python`` steps, as one deployment
        at the line of the first; none when the workflow names no CPython."""
        _, docs = read_yaml(path, display)
        root = docs[0] if docs else None
        jobs = root.get("jobs") if isinstance(root, YMap) else None
        found = _Versions()
        for job in jobs.values() if isinstance(jobs, YMap) else ():
            if isinstance(job, YMap):
                _job(job, found)
        if not found.pythons:
            return Manifest(display, self.kind)
        deployment = Deployment(
            kind="ci", file=display, line=found.line, pythons=tuple(found.pythons)
        )
        return Manifest(display, self.kind, deployments=(deployment,))


READER = WorkflowReader()
