"""The projects of a run: which files belong together, and each project's Python range.

A project is a folder holding a project manifest (a ``pyproject.toml`` that names a project or
declares dependencies, ``setup.py``, ``setup.cfg``, ``Pipfile``, ``hatch.toml``, or requirements
files at its root or in a ``requirements/`` folder directly under it), with the lock files
beside it. A lock alone in a folder is a project of its own too.

A workspace's shared lock (uv's, or a Poetry/PDM lock holding path dependencies) names its
members by folder (:attr:`~advisor.model.project.LockGraph.members`): each member folder that is
a project without a lock of its own reads the member's part of the shared lock
(:func:`~advisor.model.environment.member_parts`), and the workspace root its own part. A
workspace root that names no project (a virtual root) is not a project.

Files named on the command line are grouped the same way by folder, and read as named (with
their includes). A project with no Python range of its own (its manifests, else its own
``.python-version``) takes the nearest one above it within the run (the repository's).

Everything here works on what :mod:`advisor.manifests` read; the cost is linear in the files
and their folders' depth.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Sequence
from dataclasses import field, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from advisor.manifests import (
    REQUIREMENTS_DIRS,
    ReadFile,
    drop_included,
    merge,
    no_collection,
    pair_locks,
    read_all,
)
from advisor.manifests._text import SharedReads
from advisor.manifests.deploy import DEPLOY_KINDS
from advisor.model.deployment import Deployment
from advisor.model.environment import member_parts
from advisor.model.project import Finding, Manifest, Project, PythonDeclaration, kind_of
from advisor.model.release import DDTRACE

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

#: Readers whose file makes its folder a project whatever it holds.
_ALWAYS_PROJECT = frozenset({"requirements", "setup.py", "pipfile", "Pipfile.lock", "pylock"})


@dataclass(frozen=True, slots=True)
class FoundProject:
    """One project of a run.

    :param root: its folder, POSIX, relative to the folder the run was given (``.`` for it);
        for files named on the command line (or several folders), its folder as named.
    :param folder: its folder as displayed (where its configuration is looked for).
    :param project: its files read and merged (every group: the environment is chosen later).
    :param top: the outermost folder named that holds it (``None`` for files named): where
        the search for its configuration stops when no repository is found.
    """

    root: str
    folder: str
    project: Project
    top: str | None = None


@dataclass(slots=True)
class _Bucket:
    """The files read in one project folder (lexical absolute path); ``base`` is the
    outermost folder named that holds it."""

    key: str
    shown: str
    base: str | None
    files: list[Manifest] = field(default_factory=list)
    shared: list[Manifest] = field(default_factory=list)
    #: Deployment files below it left out (in a test or example folder), as displayed.
    left_out: list[str] = field(default_factory=list)

    def is_project(self, consumed: set[int]) -> bool:
        return bool(self.shared) or any(
            _defines(m) or (m.is_lock and id(m) not in consumed) for m in self.files
        )


@dataclass(frozen=True, slots=True)
class Found:
    """What a run read: its projects, and every file read (those of no project included: a
    virtual workspace root, a ``.python-version`` the projects below inherit)."""

    projects: list[FoundProject]
    read: tuple[Manifest, ...]
    #: The ``pyproject.toml`` files read whole, for the run's configuration
    #: (:class:`advisor.manifests.config.ConfigReader`).
    shared: SharedReads | None = None


def find_projects(
    paths: Sequence[str], *, allow_outside: bool = False, trusted: bool = True
) -> Found:
    """Read every file at ``paths`` (folders searched) and group them into projects.

    At least one project comes back: when no folder holds a project manifest, every file read
    is one project (a ``.python-version`` alone still gets an answer). A file another file of
    its project includes is read there only; one that another project includes stays in its
    own project too.

    :raises ManifestError: as :func:`advisor.manifests.read_paths`.
    """
    with no_collection():
        return _find_projects(paths, allow_outside=allow_outside, trusted=trusted)


def _find_projects(paths: Sequence[str], *, allow_outside: bool, trusted: bool) -> Found:
    shared = SharedReads()
    read = read_all(paths, allow_outside=allow_outside, trusted=trusted, shared=shared)
    tops = tuple(dict.fromkeys(r.base for r in read if r.base is not None))
    buckets: dict[str, _Bucket] = {}
    for item in read:
        key, shown = _home(item)
        bucket = buckets.get(key)
        if bucket is None:  # a folder's first file (a bucket made for each file cost 3 µs)
            bucket = buckets[key] = _Bucket(key, shown, _top(key, tops))
        bucket.files.append(item.manifest)
    for bucket in buckets.values():
        bucket.files = drop_included(bucket.files)
    consumed = _share_workspace_locks(buckets)
    projects = [b for b in buckets.values() if b.is_project(consumed)]
    every = tuple(r.manifest for r in read)
    if projects:
        projects = _place_deployments(buckets, projects)
    if not projects:  # nothing names a project: everything read is one (today's answer)
        first = next(iter(buckets.values()))
        whole = drop_included([m for b in buckets.values() for m in b.files])
        project = merge(pair_locks(whole))
        only = FoundProject(_root(first, len(paths)), first.shown, project, first.base)
        return Found([only], every, shared)
    out = []
    ranges: dict[str, PythonDeclaration | None] = {}
    for bucket in projects:
        own = [m for m in bucket.files if not (m.is_lock and id(m) in consumed)]
        project = merge(pair_locks([*own, *bucket.shared], together=True))
        if bucket.left_out:
            note = Finding(
                "deployment-left-out",
                "info",
                "deployment files in test or example folders are not where it runs, left out: "
                + ", ".join(bucket.left_out[:10])
                + (f" and {len(bucket.left_out) - 10} more" if len(bucket.left_out) > 10 else ""),
            )
            project = replace(project, findings=(*project.findings, note))
        if project.python is None:
            project = _inherit_python(project, bucket, buckets, ranges)
        out.append(FoundProject(_root(bucket, len(paths)), bucket.shown, project, bucket.base))
    return Found(out, every, shared)


def _place_deployments(buckets: dict[str, _Bucket], projects: list[_Bucket]) -> list[_Bucket]:
    """Give each deployment file's units to the project they run: a compose service to the
    project its build folder holds, anything else to the nearest project at or above the
    file's folder (within the folder named). A file with no project above it that installs
    or injects ddtrace makes its own folder a project; one that does not is left out. Returns
    the projects, in the order their folders were read."""
    chosen = {b.key for b in projects}
    by_shown = {os.path.normpath(b.shown): b for b in projects}
    for bucket in list(buckets.values()):
        for manifest in [m for m in bucket.files if m.kind in DEPLOY_KINDS]:
            home = _nearest(bucket, chosen, buckets)
            if _in_tests(bucket, home):
                bucket.files.remove(manifest)
                if home is not None:
                    home.left_out.append(manifest.path)
                continue
            if home is None and manifest.dependencies:
                chosen.add(bucket.key)
                home = bucket
            routes: dict[str, list[Deployment]] = {}
            for d in manifest.deployments:
                built = by_shown.get(os.path.normpath(d.context)) if d.context else None
                target = built or home
                if target is not None:
                    routes.setdefault(target.key, []).append(d)
            if home is bucket and set(routes) <= {bucket.key}:
                continue  # the file's own project takes all of it
            bucket.files.remove(manifest)
            if home is not None:
                routes.setdefault(home.key, [])
            for key, units in routes.items():
                deps = manifest.dependencies if home is not None and key == home.key else ()
                part = replace(manifest, deployments=tuple(units), dependencies=deps)
                buckets[key].files.append(part)
    return [b for b in buckets.values() if b.key in chosen]


#: Folders whose deployment files run tests or examples, not the project: a Dockerfile in
#: ``tests/``, a serverless.yml in ``integration_tests/`` (lower case).
TEST_DIRS = frozenset(
    {
        "test",
        "tests",
        "testing",
        "integration_tests",
        "integration-tests",
        "e2e",
        "example",
        "examples",
        "sample",
        "samples",
        "fixtures",
        "testdata",
    }
)


def _in_tests(bucket: _Bucket, home: _Bucket | None) -> bool:
    """Whether ``bucket``'s folder lies in a test or example folder (:data:`TEST_DIRS`) below
    the project it would join (or below the folder named, for a file with no project)."""
    top = home.key if home is not None else bucket.base
    if top is None or bucket.key == top:
        return False
    rel = Path(os.path.relpath(bucket.key, top))
    return any(part.lower() in TEST_DIRS for part in rel.parts)


def _nearest(bucket: _Bucket, chosen: set[str], buckets: dict[str, _Bucket]) -> _Bucket | None:
    """The project at or above ``bucket``'s folder, within the folder named that holds it."""
    if bucket.key in chosen:
        return bucket
    if bucket.base is None:
        return None
    for folder in map(str, Path(bucket.key).parents):
        if folder in chosen:
            return buckets[folder]
        if folder == bucket.base or not folder.startswith(bucket.base):
            break
    return None


def _top(key: str, tops: Sequence[str]) -> str | None:
    """The outermost folder named that holds the folder ``key`` (``None``: none does)."""
    holding = [t for t in tops if key == t or key.startswith(t.rstrip(os.sep) + os.sep)]
    return min(holding, key=len) if holding else None


def _defines(m: Manifest) -> bool:
    """Whether ``m`` makes its folder a project (a lock decides elsewhere)."""
    if m.kind in _ALWAYS_PROJECT:
        return True
    if m.kind in ("pyproject", "setup.cfg", "hatch"):
        # A pyproject.toml of tool settings only (ruff, a virtual workspace root with its
        # development groups) is not one: it names no project, no range, no main dependency.
        return bool(m.project_name or m.python is not None) or any(
            d.group is None or kind_of(d) == "extra" or d.name == DDTRACE for d in m.dependencies
        )
    return False


def _home(item: ReadFile) -> tuple[str, str]:
    """The folder (lexical absolute, and as displayed) of the project ``item`` belongs to: its
    own folder, or the folder above a ``requirements/`` folder holding a requirements file.

    Found in a folder, a file's display path is normalised already, so its folders are found
    by name (as :class:`PurePath` would find them, no path made); a file named on the command
    line is shown as written, and its folders are :class:`PurePath`'s."""
    where = os.path.dirname(os.path.abspath(item.path))  # normalised: as Path(...).parent
    parent = _shown_parent if item.base is not None else _written_parent
    if (
        item.manifest.kind == "requirements"
        and os.path.basename(where).lower() in REQUIREMENTS_DIRS
        and where != item.base  # never above the folder the run was given
    ):
        return os.path.dirname(where), parent(parent(item.manifest.path))
    return where, parent(item.manifest.path)


def _shown_parent(shown: str) -> str:
    """``str(PurePath(shown).parent)`` for a normalised path (:func:`os.path.normpath`)."""
    return os.path.dirname(shown) or "."


def _written_parent(written: str) -> str:
    """``str(PurePath(written).parent)``."""
    return str(PurePath(written).parent)


def _share_workspace_locks(buckets: dict[str, _Bucket]) -> set[int]:
    """Give each workspace member without a lock of its own its part of the shared lock;
    return the locks so shared (``id``), which then make no project by themselves."""
    consumed: set[int] = set()
    for bucket in list(buckets.values()):
        for lock in [m for m in bucket.files if m.is_lock and m.graph is not None]:
            members = lock.graph.members if lock.graph is not None else {}
            targets: list[tuple[_Bucket, str]] = []
            for folder, name in members.items():
                if folder == ".." or folder.startswith("../"):
                    continue  # a path package beside the lock's project, not a member of it
                key = posixpath.normpath(posixpath.join(bucket.key.replace(os.sep, "/"), folder))
                target = buckets.get(key.replace("/", os.sep)) or buckets.get(key)
                if target is None or not any(_defines(m) for m in target.files):
                    continue
                if target is not bucket and any(
                    m.is_lock and m.kind == lock.kind for m in target.files
                ):
                    continue  # a member with a lock of its own reads that one
                targets.append((target, name))
            if not any(t is not bucket for t, _ in targets):
                continue  # one project of its own: the lock is read whole, as ever
            if lock.graph is not None and lock.graph.partial:
                # A Poetry or PDM lock of path dependencies: the root project installs them all,
                # so its folder keeps the whole lock; each member reads its part.
                targets = [(t, n) for t, n in targets if t is not bucket]
            else:
                consumed.add(id(lock))
            parts = member_parts(lock, [name for _, name in targets])
            for target, name in targets:
                target.shared.append(parts[name])
    return consumed


def _inherit_python(
    project: Project,
    bucket: _Bucket,
    buckets: dict[str, _Bucket],
    ranges: dict[str, PythonDeclaration | None],
) -> Project:
    """``project`` with the Python range of the nearest folder above it (within the run) that
    declares one, said in a note; unchanged when there is none.

    :param ranges: each folder's own range, filled as they are first needed (each folder's
        files are merged once, however many projects lie below it).
    """
    if bucket.key == bucket.base:
        return project
    for folder in _parents(bucket.key):
        if folder in buckets:
            if folder not in ranges:
                # A folder's own range: declared, else its .python-version; never a lock's
                # range or a compile header (how one file was compiled, not the repository).
                ranges[folder] = merge(
                    [m for m in buckets[folder].files if _states_range(m)]
                ).python
            python = ranges[folder]
            if python is not None:
                note = Finding(
                    "python-range-inherited",
                    "info",
                    f"no Python range of its own: {python.spec} taken from {python.source}",
                )
                return replace(project, python=python, findings=(*project.findings, note))
        if folder == bucket.base:
            break
    return project


def _parents(folder: str) -> list[str]:
    """``map(str, Path(folder).parents)`` for a normalised absolute ``folder``, no paths made."""
    out = []
    while (parent := os.path.dirname(folder)) != folder:
        out.append(parent)
        folder = parent
    return out


def _states_range(m: Manifest) -> bool:
    return m.python is not None and (m.kind == "python-version" or not (m.is_lock or m.python.weak))


def _root(bucket: _Bucket, named: int) -> str:
    """The project's ``root`` in the reports (see :class:`FoundProject`)."""
    if bucket.base is not None and named == 1:
        # Both are normalised absolute paths: below the base, the rest of the key is the
        # relative path os.path.relpath would find.
        below = bucket.base if bucket.base.endswith(os.sep) else bucket.base + os.sep
        if bucket.key.startswith(below) and bucket.key != below:  # normalised: by name
            return bucket.key[len(below) :].replace(os.sep, "/")
        rel = os.path.relpath(bucket.key, bucket.base)
        return PurePath(rel).as_posix()
    return PurePath(os.path.normpath(bucket.shown)).as_posix()


__all__ = ["Found", "FoundProject", "find_projects"]
