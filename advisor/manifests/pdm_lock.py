"""``pdm.lock`` (lock_version 4.x): locked packages, their groups, and the target Pythons.

PDM repeats a package once per set of extras (``extras = [...]``); those repeats carry the same
version and are kept once. A lock holding path dependencies (``path = "./packages/x"``, a
monorepo's packages) also gives their part of the dependency graph
(:class:`~advisor.model.project.LockGraph`, ``partial``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advisor.manifests._lock import GraphBuilder, LockFile, metadata_version, requirement_nodes
from advisor.manifests._pep508 import Collector, locked_version, split_marker
from advisor.manifests._python import declare
from advisor.manifests._text import as_list
from advisor.manifests.poetry import widest_range  # the same "smallest range holding all" rule
from advisor.model.names import canonicalize_name
from advisor.model.project import Dependency, GroupKind, LockNode, Manifest, PythonDeclaration

SUPPORTED_MAJOR = 4
#: What a local ``path`` ends with when it is a built file, not a folder of the project's code.
_ARCHIVES = (".whl", ".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz")


class PdmLockReader:
    """``pdm.lock``."""

    kind = "pdm.lock"
    is_lock = True

    def read(self, path: Path, display: str) -> Manifest:
        """Read every locked package and the target Python range."""
        lock = LockFile.read(
            path, display, metadata_version("lock_version", "4", SUPPORTED_MAJOR, "4.x")
        )
        metadata = lock.data.get("metadata", {})
        out = lock.out
        seen: set[tuple[str, str | None, str | None]] = set()
        graph = GraphBuilder()
        for i, pkg in lock.entries():
            dep = _entry(pkg, lock.loc(i))
            _add_edges(graph, dep.name, pkg)
            if _is_folder(pkg):
                graph.root(dep.name, pkg["path"])  # a path dependency: the project's code
            if (dep.name, dep.version, dep.marker) in seen:
                continue
            seen.add((dep.name, dep.version, dep.marker))
            out.add(dep)
        return out.manifest(
            self.kind,
            python=_python(metadata, display, out),
            is_lock=True,
            graph=graph.done(partial=True),
        )


def _add_edges(graph: GraphBuilder, name: str, pkg: Mapping[str, Any]) -> None:
    """``dependencies`` (PEP 508 strings) of one entry: the package's own, or (an entry with
    ``extras``, which PDM writes beside the plain one) what each of those extras adds.
    Markers are not evaluated: every edge any environment may take is kept."""
    needs: dict[LockNode, None] = {}  # in order, once (a package asked for under two markers)
    for text in as_list(pkg.get("dependencies")):
        if isinstance(text, str):
            needs.update(dict.fromkeys(requirement_nodes(text)))
    extras: list[str | None] = [
        canonicalize_name(e) for e in as_list(pkg.get("extras")) if isinstance(e, str)
    ]
    for extra in extras or [None]:
        graph.edge((name, extra), needs)


def _is_folder(pkg: Mapping[str, Any]) -> bool:
    """A ``path`` entry that is a folder (editable, or not named like a built file)."""
    path = pkg.get("path")
    if not isinstance(path, str):
        return False
    return pkg.get("editable") is True or not path.lower().endswith(_ARCHIVES)


def _entry(pkg: Mapping[str, Any], loc: Any) -> Dependency:
    marker: str | None = None
    names: tuple[str, ...] = ()
    if isinstance(pkg.get("marker"), str):
        from packaging.markers import InvalidMarker, Marker  # (imported by a lock that has markers)

        try:
            marker, names = split_marker(Marker(pkg["marker"]))
        except InvalidMarker:
            marker = str(pkg["marker"])
    groups = pkg.get("groups")
    group = names[0] if names else None
    kind: GroupKind | None = "extra" if names else None
    also: tuple[str, ...] = names
    if group is None and isinstance(groups, list) and groups and "default" not in groups:
        # PDM writes every group the package is installed for (extras and dev groups alike).
        also = tuple(dict.fromkeys(str(g) for g in groups))
        group, kind = also[0], "lock-group"
    url = None
    if isinstance(pkg.get("git"), str):
        ref = pkg.get("revision") or pkg.get("ref")
        url = f"git+{pkg['git']}" + (f"@{ref}" if isinstance(ref, str) else "")
    elif isinstance(pkg.get("url"), str):
        url = str(pkg["url"])
    elif isinstance(pkg.get("path"), str):
        url = str(pkg["path"])
    pin = locked_version(pkg, loc)
    return Dependency(
        name=canonicalize_name(pkg["name"]),
        display_name=str(pkg["name"]),
        specifier="",
        version=pin.text if pin else None,
        source=loc,
        marker=marker,
        extras=tuple(sorted(str(e) for e in as_list(pkg.get("extras")))),
        group=group,
        group_kind=kind,
        lock_groups=also if len(also) > 1 else (),
        role="locked",
        url=url,
        editable=pkg.get("editable") is True,
        parsed_version=pin.version if pin else None,
    )


def _python(metadata: Mapping[str, Any], display: str, out: Collector) -> PythonDeclaration | None:
    """``[[metadata.targets]] requires_python``; several targets -> the range holding them all."""
    targets = metadata.get("targets")
    specs = (
        [
            t["requires_python"]
            for t in targets
            if isinstance(t, Mapping) and isinstance(t.get("requires_python"), str)
        ]
        if isinstance(targets, list)
        else []
    )
    if not specs:
        return None
    loc = out.loc(None, "metadata.targets")
    source = f"{display}: metadata.targets.requires_python"
    if len(set(specs)) == 1:
        return declare(specs[0], source, out, loc)
    try:
        spec = widest_range([[p.strip() for p in s.split(",") if p.strip()] for s in specs])
    except (ValueError, StopIteration):  # a target we cannot order: keep the first one
        spec = specs[0]
    return declare(spec, source, out, loc)
