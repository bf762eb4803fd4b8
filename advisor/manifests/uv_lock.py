"""``uv.lock``: one locked entry per ``[[package]]``, several when a fork locks several versions.

The cost is one :func:`tomllib.loads` plus one linear pass over the text for line numbers (see
:func:`~advisor.manifests._lines.array_table_lines`); no per-package scans.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advisor.errors import ManifestError
from advisor.manifests._lines import line_after
from advisor.manifests._lock import GraphBuilder, LockFile
from advisor.manifests._pep508 import Collector, locked_version, valid_marker, with_source
from advisor.manifests._python import declare
from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name
from advisor.model.project import Dependency, GroupKind, LockNode, Manifest

#: The lock ``version`` this reader understands (uv's ``LockVersion``); ``revision`` may grow.
SUPPORTED_VERSION = 1


class UvLockReader:
    """``uv.lock``."""

    kind = "uv.lock"
    is_lock = True

    def read(self, path: Path, display: str) -> Manifest:
        """Read every locked package; the root and workspace members are the project itself."""
        lock = LockFile.read(path, display, _check_version)
        data, out = lock.data, lock.out
        members = _members(data)
        project_name: str | None = None
        root: tuple[int, Mapping[str, Any], tuple[int, int] | None] | None = None
        index_urls: list[str] = []
        graph = _Graph()
        for i, pkg in lock.entries():
            name = canonicalize_name(pkg["name"])
            graph.add(name, pkg)
            source: Mapping[str, Any] = (
                pkg["source"] if isinstance(pkg.get("source"), Mapping) else {}
            )
            local = source.get("editable") or source.get("virtual")
            if local == ".":
                project_name = project_name or str(pkg["name"])
                out.set_own_name(project_name)
                root = (i, pkg, lock.lines[i] if lock.lines else None)
                graph.root(name, local)
                continue
            if name in members:
                graph.root(name, local)
                continue  # another member of the workspace: the project's own code
            registry = source.get("registry")
            if isinstance(registry, str) and registry.startswith(("http://", "https://")):
                index_urls.append(registry)
            loc = lock.loc(i)
            pin = locked_version(pkg, loc)
            out.add(
                Dependency(
                    name=name,
                    display_name=str(pkg["name"]),
                    specifier="",
                    version=pin.text if pin else None,
                    source=loc,
                    marker=_fork_marker(pkg.get("resolution-markers")),
                    role="locked",
                    url=_url(source),
                    editable="editable" in source,
                    parsed_version=pin.version if pin else None,
                )
            )
        if root is not None:
            _requires_dist(out, lock.text, *root)
        python = None
        if "requires-python" in data:
            python = declare(
                data["requires-python"],
                f"{display}: requires-python",
                out,
                out.loc(None, "requires-python"),
            )
        return out.manifest(
            self.kind,
            python=python,
            project_name=project_name,
            is_lock=True,
            index_urls=dict.fromkeys(index_urls),
            graph=graph.done(),
        )


class _Graph(GraphBuilder):
    """The edges of every ``[[package]]``, in uv's words."""

    def add(self, name: str, pkg: Mapping[str, Any]) -> None:
        """``dependencies``, ``optional-dependencies`` and ``dev-dependencies`` of one package
        (a package locked twice, for two forks, adds both entries' edges)."""
        self.edge((name, None), _nodes(pkg.get("dependencies")))
        optional = pkg.get("optional-dependencies")
        if isinstance(optional, Mapping):
            for extra, entries in optional.items():
                self.edge((name, canonicalize_name(str(extra))), _nodes(entries))
        dev = pkg.get("dev-dependencies")
        if isinstance(dev, Mapping):
            own = self.root_groups.setdefault(name, {})
            for group, entries in dev.items():
                nodes = _nodes(entries)
                self.groups.setdefault(str(group), []).extend(nodes)
                own.setdefault(str(group), []).extend(nodes)


def _nodes(entries: Any) -> list[LockNode]:
    """``[{ name = "x", extra = ["y"] }, ...]`` -> ``("x", None), ("x", "y")``."""
    out: list[LockNode] = []
    if not isinstance(entries, list):
        return out
    for entry in entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
            continue
        name = canonicalize_name(entry["name"])
        out.append((name, None))
        extras = entry.get("extra")
        if isinstance(extras, list):
            out += [(name, canonicalize_name(e)) for e in extras if isinstance(e, str)]
    return out


def _check_version(data: dict[str, Any], display: str) -> None:
    version = data.get("version")
    if not isinstance(version, int) or version > SUPPORTED_VERSION:
        raise ManifestError(
            f"uv.lock version {excerpt(repr(version))} is not supported (aap-advise reads "
            f"version {SUPPORTED_VERSION})",
            file=display,
            key="version",
            code="unsupported-lock",
        )


def _requires_dist(
    out: Collector, text: str, index: int, pkg: Mapping[str, Any], at: tuple[int, int] | None
) -> None:
    """The root's ``[package.metadata] requires-dist`` / ``requires-dev``: the ranges the
    project declared when it was locked (kept when uv.lock is read without its pyproject)."""
    metadata = pkg.get("metadata")
    if not isinstance(metadata, Mapping):
        return
    tables: list[tuple[str, str | None, Any]] = [
        ("requires-dist", None, metadata.get("requires-dist"))
    ]
    dev = metadata.get("requires-dev")
    if isinstance(dev, Mapping):
        tables += [(f"requires-dev.{g}", str(g), v) for g, v in dev.items()]
    budget = 32 * len(text)  # characters the searches below may scan in all
    for key, group, entries in tables:
        if not isinstance(entries, list):
            continue
        start = text.find(key.split(".")[0], at[1]) if at else -1
        start_line = at[0] + text.count("\n", at[1], start) if at and start >= 0 else 0
        cursor, cursor_line = start, start_line  # entries are written in order: search on
        for j, entry in enumerate(entries):
            if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
                continue
            needle = f'name = "{entry["name"]}"'
            line = None
            if start >= 0 and budget > 0:
                found = text.find(needle, cursor)
                if found < 0 and cursor > start:  # written before the previous one
                    found = text.find(needle, start, cursor)
                budget -= len(needle) + (
                    len(text) if found < 0 else found - cursor if found >= cursor else 2 * cursor
                )
                if found >= cursor:
                    line = line_after(text, cursor, cursor_line, needle, found + len(needle))
                    cursor, cursor_line = found + len(needle), line or cursor_line
                elif found >= 0:
                    line = line_after(text, start, start_line, needle, found + len(needle))
            loc = out.loc(line, f"package[{index}].metadata.{key}[{j}]")
            kind: GroupKind | None = "dependency-group" if group is not None else None
            dep = out.requirement(_pep508(entry), loc, group=group, kind=kind, lenient=True)
            local = next(
                (
                    entry[k]
                    for k in ("editable", "path", "directory")
                    if isinstance(entry.get(k), str)
                ),
                None,
            )
            if dep is not None and local is not None:
                # PEP 508 has no relative paths; uv keeps them beside the name.
                out.deps[-1] = with_source(dep, url=local, editable="editable" in entry)


def _pep508(entry: Mapping[str, Any]) -> str:
    text = str(entry["name"])
    extras = entry.get("extras")
    if isinstance(extras, list) and extras:
        text += "[" + ",".join(str(e) for e in extras) + "]"
    source = entry.get("git") or entry.get("url") or entry.get("path") or entry.get("editable")
    if isinstance(source, str) and entry.get("git"):
        text += f" @ git+{source}"
    elif isinstance(source, str) and "://" in source:
        text += f" @ {source}"
    elif isinstance(entry.get("specifier"), str):
        text += str(entry["specifier"])
    if isinstance(entry.get("marker"), str):
        text += f"; {entry['marker']}"
    return text


def _members(data: Mapping[str, Any]) -> set[str]:
    manifest = data.get("manifest")
    members = manifest.get("members") if isinstance(manifest, Mapping) else None
    return (
        {canonicalize_name(m) for m in members if isinstance(m, str)}
        if isinstance(members, list)
        else set()
    )


def _fork_marker(markers: Any) -> str | None:
    """A package locked only for some forks carries them in ``resolution-markers``."""
    if not isinstance(markers, list):
        return None
    parts = [m for m in (valid_marker(x) for x in markers if isinstance(x, str)) if m]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return " or ".join(f"({p})" for p in parts)


def _url(source: Mapping[str, Any]) -> str | None:
    if isinstance(source.get("git"), str):
        return f"git+{source['git']}"
    for key in ("url", "path", "directory", "editable"):
        if isinstance(source.get(key), str):
            return str(source[key])
    return None
