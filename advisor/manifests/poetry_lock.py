"""``poetry.lock`` (lock-version 1.x and 2.x): one locked entry per ``[[package]]``.

Poetry writes two entries for one package when different Pythons need different versions;
both are kept, each with its ``markers``. The extra or group an entry belongs to comes from
``groups``/``category`` and from the ``extra == "..."`` part of its markers. A lock holding path
dependencies (``source.type = "directory"``, a monorepo's packages) also gives their part of the
dependency graph (:class:`~advisor.model.project.LockGraph`, ``partial``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advisor.manifests._lock import GraphBuilder, LockFile, metadata_version, requirement_nodes
from advisor.manifests._pep508 import Collector, locked_version, split_marker
from advisor.manifests._text import as_list
from advisor.manifests.poetry import PoetryConstraintError, to_pep440
from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name
from advisor.model.project import Dependency, GroupKind, LockNode, Manifest, PythonDeclaration

SUPPORTED_MAJOR = 2


class PoetryLockReader:
    """``poetry.lock``."""

    kind = "poetry.lock"
    is_lock = True

    def read(self, path: Path, display: str) -> Manifest:
        """Read every locked package and the locked Python range."""
        lock = LockFile.read(
            path, display, metadata_version("lock-version", "1.0", SUPPORTED_MAJOR, "1.x and 2.x")
        )
        data, out = lock.data, lock.out
        extras = _extras(data.get("extras"))
        graph = GraphBuilder()
        for i, pkg in lock.entries():
            dep = _entry(pkg, lock.loc(i), extras)
            out.add(dep)
            _add_edges(graph, dep.name, pkg)
            source = pkg.get("source")
            if isinstance(source, Mapping) and source.get("type") == "directory":
                graph.root(dep.name, source.get("url"))  # a path dependency: the project's code
        return out.manifest(
            self.kind,
            python=_python(data.get("metadata", {}), display, out),
            is_lock=True,
            index_urls=dict.fromkeys(_registries(lock.packages)),
            graph=graph.done(partial=True),
        )


def _add_edges(graph: GraphBuilder, name: str, pkg: Mapping[str, Any]) -> None:
    """``[package.dependencies]`` and ``[package.extras]`` of one package.

    A dependency is a constraint string, a table (``version``, ``optional``, ``extras``,
    ``markers``) or a list of tables, one per marker. An ``optional = true`` one is installed
    only by the extras whose ``[package.extras]`` list names it (``redis[hiredis] (>=4)``, with
    the extras it is asked with), so it is an edge of those only. Markers are not evaluated:
    every edge any environment may take is kept.
    """
    needs: dict[LockNode, None] = {}  # in order, once (a list of tables names one package)
    dependencies = pkg.get("dependencies")
    for key, value in dependencies.items() if isinstance(dependencies, Mapping) else ():
        dep = canonicalize_name(str(key))
        for table in value if isinstance(value, list) else (value,):
            if isinstance(table, Mapping) and table.get("optional") is True:
                continue
            needs[dep, None] = None
            asked = table.get("extras") if isinstance(table, Mapping) else None
            for e in as_list(asked):
                if isinstance(e, str):
                    needs[dep, canonicalize_name(e)] = None
    graph.edge((name, None), needs)
    extras = pkg.get("extras")
    for extra, entries in extras.items() if isinstance(extras, Mapping) else ():
        nodes: dict[LockNode, None] = {}
        for entry in as_list(entries):
            if isinstance(entry, str):
                nodes.update(dict.fromkeys(requirement_nodes(entry)))
        graph.edge((name, canonicalize_name(str(extra))), nodes)


def _entry(pkg: Mapping[str, Any], loc: Any, extras: Mapping[str, str]) -> Dependency:
    name = canonicalize_name(pkg["name"])
    marker, extra_names = _marker(pkg.get("markers"))
    groups = pkg.get("groups")
    group: str | None = None
    kind: GroupKind | None = None
    also: tuple[str, ...] = ()
    if extra_names:
        group, kind, also = extra_names[0], "extra", extra_names
    elif pkg.get("optional") is True and name in extras:
        group, kind = extras[name], "extra"
    elif isinstance(groups, list) and groups and "main" not in groups:
        # Poetry writes every group the package is installed for (reachable from).
        also = tuple(dict.fromkeys(str(g) for g in groups))
        group, kind = also[0], "poetry-group"
    elif pkg.get("category") not in (None, "main"):
        group, kind = str(pkg["category"]), "poetry-group"
    source: Mapping[str, Any] = pkg["source"] if isinstance(pkg.get("source"), Mapping) else {}
    url = None
    if source.get("type") == "git" and isinstance(source.get("url"), str):
        ref = source.get("resolved_reference") or source.get("reference")
        url = f"git+{source['url']}" + (f"@{ref}" if isinstance(ref, str) and ref else "")
    elif source.get("type") in ("directory", "file", "url") and isinstance(source.get("url"), str):
        url = str(source["url"])
    pin = locked_version(pkg, loc)
    return Dependency(
        name=name,
        display_name=str(pkg["name"]),
        specifier="",
        version=pin.text if pin else None,
        source=loc,
        marker=marker,
        group=group,
        group_kind=kind,
        lock_groups=also if len(also) > 1 else (),
        role="locked",
        url=url,
        editable=pkg.get("develop") is True,
        parsed_version=pin.version if pin else None,
    )


def _marker(value: Any) -> tuple[str | None, tuple[str, ...]]:
    """``markers`` is a string, or (Poetry 2) a table of one marker per group: any group's
    marker admits the package, so they are joined with ``or``."""
    if isinstance(value, Mapping):
        parts = [str(v) for v in dict.fromkeys(value.values()) if isinstance(v, str)]
        value = (
            " or ".join(f"({p})" for p in parts)
            if len(parts) > 1
            else (parts[0] if parts else None)
        )
    if not isinstance(value, str) or not value.strip():
        return None, ()
    from packaging.markers import InvalidMarker, Marker  # (imported by a lock that has markers)

    try:
        return split_marker(Marker(value))
    except InvalidMarker:
        return value, ()


def _extras(value: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if isinstance(value, Mapping):
        for extra, names in value.items():
            for n in names if isinstance(names, list) else ():
                if isinstance(n, str):
                    out.setdefault(canonicalize_name(n.split(" ")[0].split("[")[0]), str(extra))
    return out


def _python(metadata: Mapping[str, Any], display: str, out: Collector) -> PythonDeclaration | None:
    value = metadata.get("python-versions")
    if not isinstance(value, str):
        return None
    loc = out.loc(None, "metadata.python-versions")
    try:
        spec, _ = to_pep440(value)
    except PoetryConstraintError:
        out.finding(
            "invalid-requires-python",
            "warning",
            f"metadata.python-versions {excerpt(repr(value))} cannot be read; it is ignored",
            loc,
        )
        return None
    return PythonDeclaration(spec, f"{display}: metadata.python-versions") if spec else None


def _registries(packages: list[Any]) -> list[str]:
    return [
        str(p["source"]["url"])
        for p in packages
        if isinstance(p, Mapping)
        and isinstance(p.get("source"), Mapping)
        and p["source"].get("type") == "legacy"
        and isinstance(p["source"].get("url"), str)
    ]
