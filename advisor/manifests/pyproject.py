"""``pyproject.toml``: PEP 621, PEP 735 dependency groups, Poetry, PDM, uv and Hatch tables.

Only tables that declare requirements are read; everything else (tool configuration such as
deptry's ignore lists or scripts) is ignored even when it mentions a package name.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advisor.manifests._boundary import current as current_boundary
from advisor.manifests._lazy import LazyPattern
from advisor.manifests._lines import TomlLines
from advisor.manifests._pep508 import Collector, Pin, tag_version, with_source
from advisor.manifests._python import declare
from advisor.manifests._text import as_list, parse_toml, read_text
from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name
from advisor.model.project import (
    Dependency,
    GroupKind,
    Manifest,
    PythonDeclaration,
    SourceLocation,
)

_EGG = LazyPattern(r"#egg=([A-Za-z0-9][A-Za-z0-9._-]*)")


class PyprojectReader:
    """``pyproject.toml``."""

    kind = "pyproject"
    is_lock = False

    def read(self, path: Path, display: str) -> Manifest:
        """Read every requirement table of one ``pyproject.toml``."""
        text = read_text(path, display)
        return _Pyproject(path, display, parse_toml(text, display), TomlLines(text)).read()


class _Pyproject:
    def __init__(self, path: Path, display: str, data: dict[str, Any], lines: TomlLines) -> None:
        self.path = path
        self.data = data
        self.lines = lines
        self.out = Collector(display)
        self.boundary = current_boundary(path)
        self.index_urls: list[str] = []
        self.includes: list[str] = []
        #: Requirements files read for dynamic dependencies: one named again is not read again.
        self._read_files: dict[Path, Manifest] = {}
        #: Dependency groups known to include no cycle (see :meth:`_cycle`).
        self._groups_done: set[str] = set()
        self.project = self._table(data, "project")
        tool = self._table(data, "tool")
        self.poetry = self._table(tool, "poetry", "tool.")
        self.uv = self._table(tool, "uv", "tool.")
        self.pdm = self._table(tool, "pdm", "tool.")
        self.hatch = self._table(tool, "hatch", "tool.")
        self.setuptools = self._table(tool, "setuptools", "tool.")

    def _table(self, parent: Mapping[str, Any], key: str, prefix: str = "") -> Mapping[str, Any]:
        value = parent.get(key, {})
        if not isinstance(value, Mapping):
            raise self.out.error("must be a table", prefix + key)
        return value

    def read(self) -> Manifest:
        name = self.project.get("name") or self.poetry.get("name")
        self.out.set_own_name(name if isinstance(name, str) else None)
        python = self._python()
        poetry = None
        if self.poetry:  # the Poetry and Hatch readers are imported for their tables only
            from advisor.manifests.poetry import PoetryTables

            poetry = PoetryTables(self.poetry, self.out, self.lines)
            if python is None:
                python = poetry.python()
        self._pep621()
        self._dependency_groups()
        if poetry is not None:
            self.index_urls += poetry.read(skip_main="dependencies" in self.project)
        self._uv()
        self._pdm()
        if self.hatch.get("envs") is not None:
            from advisor.manifests.hatch import read_envs

            read_envs(self.hatch.get("envs"), "tool.hatch.envs", self.out, self.lines)
        return Manifest(
            self.out.display,
            "pyproject",
            tuple(self.out.deps),
            python=python,
            project_name=name if isinstance(name, str) else None,
            findings=tuple(self.out.findings),
            index_urls=tuple(dict.fromkeys(self.index_urls)),
            includes=tuple(self.includes),
        )

    def _python(self) -> PythonDeclaration | None:
        if "requires-python" not in self.project:
            return None
        key = "project.requires-python"
        loc = self.out.loc(self.lines.key("project", "requires-python"), key)
        return declare(self.project["requires-python"], f"{self.out.display}: {key}", self.out, loc)

    def _strings(self, value: Any, key: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.out.error("must be an array of strings", key)
        return value

    # PEP 621 -------------------------------------------------------------------------------

    def _pep621(self) -> None:
        deps = self.project.get("dependencies")
        if deps is not None:
            for i, text in enumerate(self._strings(deps, "project.dependencies")):
                loc = self.out.loc(
                    self.lines.string("project", "dependencies", text), f"project.dependencies[{i}]"
                )
                self.out.requirement(text, loc)
        optional = self._table(self.project, "optional-dependencies", "project.")  # {} if absent
        for extra, values in optional.items():
            key = f"project.optional-dependencies.{extra}"
            for i, text in enumerate(self._strings(values, key)):
                line = self.lines.string("project.optional-dependencies", extra, text)
                self.out.requirement(text, self.out.loc(line, f"{key}[{i}]"), group=str(extra))
        dynamic = self.project.get("dynamic")
        if isinstance(dynamic, list):
            if "dependencies" in dynamic and deps is None:
                self._dynamic("dependencies")
            if "optional-dependencies" in dynamic and "optional-dependencies" not in self.project:
                self._dynamic("optional-dependencies")

    def _dynamic(self, field: str) -> None:
        """Follow ``[tool.setuptools.dynamic]`` or hatch-requirements-txt files."""
        files = self._dynamic_files(field)
        if not files:
            self.out.finding(
                "dynamic-dependencies",
                "warning",
                f"project.{field} is dynamic and its build backend computes it; aap-advise "
                "cannot read it statically",
                self.out.loc(self.lines.key("project", "dynamic"), "project.dynamic"),
            )
        for name, group, key in files:
            self._requirements_file(name, group, key)

    def _dynamic_files(self, field: str) -> list[tuple[str, str | None, str]]:
        """(file, extra, key path) for each file a build backend reads ``field`` from."""
        st = self.setuptools.get("dynamic")
        metadata = self.hatch.get("metadata")
        hooks = metadata.get("hooks") if isinstance(metadata, Mapping) else None
        hook = hooks.get("requirements_txt") if isinstance(hooks, Mapping) else None
        if isinstance(st, Mapping) and field in st:
            key = f"tool.setuptools.dynamic.{field}"
            if field == "dependencies":
                return [(f, None, key) for f in _files(st[field])]
            extras = st[field] if isinstance(st[field], Mapping) else {}
            return [(f, str(e), f"{key}.{e}") for e, sub in extras.items() for f in _files(sub)]
        if isinstance(hook, Mapping):
            key = "tool.hatch.metadata.hooks.requirements_txt"
            if field == "dependencies":
                return [(f, None, f"{key}.files") for f in _files({"file": hook.get("files")})]
            extras = hook.get("optional-dependencies")
            extras = extras if isinstance(extras, Mapping) else {}
            return [
                (f, str(e), f"{key}.optional-dependencies.{e}")
                for e, sub in extras.items()
                for f in _files({"file": sub})
            ]
        return []

    def _requirements_file(self, name: str, group: str | None, key: str) -> None:
        target = self.path.parent / name
        display = os.path.normpath(os.path.join(os.path.dirname(self.out.display), name))
        self.boundary.check_include(target, name, file=self.out.display, key=key)
        if not target.is_file():
            self.out.finding(
                "dynamic-file-missing",
                "warning",
                f"{key} names {name}, which does not exist",
                self.out.loc(None, key),
            )
            return
        manifest = self._read_files.get(target.resolve())
        if manifest is None:
            from advisor.manifests.requirements import RequirementsReader

            with self.boundary.active():  # the file's own -r includes stay inside it too
                manifest = RequirementsReader().read(target, display)
            self._read_files[target.resolve()] = manifest
            self.includes += [manifest.path, *manifest.includes]
            self.index_urls += manifest.index_urls
            self.out.findings += manifest.findings
        for dep in manifest.dependencies:
            self.out.add(with_source(dep, group=group) if group else dep)

    # PEP 735 -------------------------------------------------------------------------------

    def _dependency_groups(self) -> None:
        groups = self._table(self.data, "dependency-groups")
        names: dict[str, str] = {canonicalize_name(str(g)): str(g) for g in groups}
        for group, values in groups.items():
            key = f"dependency-groups.{group}"
            if not isinstance(values, list):
                raise self.out.error("must be an array", key)
            for i, item in enumerate(values):
                if isinstance(item, Mapping) and "include-group" in item:
                    self._include_group(
                        str(group), item["include-group"], names, groups, f"{key}[{i}]"
                    )
                    continue
                if not isinstance(item, str):
                    raise self.out.error(
                        "must be a string or an include-group table", f"{key}[{i}]"
                    )
                loc = self.out.loc(
                    self.lines.string("dependency-groups", str(group), item), f"{key}[{i}]"
                )
                if item.lstrip().startswith("-e"):
                    # PDM writes "-e path" entries here
                    self._editable(item, loc, str(group), "dependency-group")
                else:
                    self.out.requirement(item, loc, group=str(group), kind="dependency-group")

    def _include_group(
        self, group: str, target: Any, names: Mapping[str, str], groups: Mapping[str, Any], key: str
    ) -> None:
        """Check ``{include-group = "x"}`` points at a group and leads to no cycle (PEP 735).

        The included group's requirements are read once, under their own group's name, so
        a group included along two paths (``all -> dev -> {test, lint} -> base``) is no cycle.
        """
        if not isinstance(target, str) or canonicalize_name(target) not in names:
            raise self.out.error(
                f"include-group {excerpt(repr(target))} names no dependency group", key
            )
        chain = self._cycle(canonicalize_name(group), canonicalize_name(target), names, groups)
        if chain:
            shown = " -> ".join([group, *(names[c] for c in chain[1:])])
            raise self.out.error(f"include-group cycle: {shown}", key, "include-cycle")

    def _cycle(
        self, group: str, target: str, names: Mapping[str, str], groups: Mapping[str, Any]
    ) -> list[str] | None:
        """The path ``group -> target -> ... -> X`` that comes back to a group ``X`` already on
        it, or ``None`` when the groups reachable from ``target`` include no cycle.

        A depth-first walk without recursion (a chain of 5,000 groups is no deeper a stack);
        a group found to lead to no cycle is remembered, so the walks of one file together
        visit each group and each include once.
        """
        done = self._groups_done
        if target in done:
            return None
        if target == group:
            return [group, target]
        path, walking = [group, target], {group, target}
        stack = [iter(self._includes(target, names, groups))]
        while stack:
            for nxt in stack[-1]:
                if nxt in walking:
                    return [*path, nxt]
                if nxt not in done:
                    path.append(nxt)
                    walking.add(nxt)
                    stack.append(iter(self._includes(nxt, names, groups)))
                    break
            else:
                stack.pop()
                finished = path.pop()
                walking.discard(finished)
                done.add(finished)
        return None

    @staticmethod
    def _includes(group: str, names: Mapping[str, str], groups: Mapping[str, Any]) -> list[str]:
        """The groups ``group`` includes (canonical names; those naming no group left out)."""
        return [
            canonicalize_name(item["include-group"])
            for item in as_list(groups.get(names[group]))
            if isinstance(item, Mapping)
            and isinstance(item.get("include-group"), str)
            and canonicalize_name(item["include-group"]) in names
        ]

    def _editable(
        self, item: str, loc: SourceLocation, group: str | None, kind: GroupKind | None
    ) -> None:
        """A PDM ``-e <path or url>`` entry: named by ``#egg=`` or the folder's metadata."""
        target = item.strip()[2:].strip()
        root = str(self.path.parent.resolve())
        local = target.replace("${PROJECT_ROOT}", root).removeprefix("file://")
        name = m.group(1) if (m := _EGG.search(target)) else None
        why = ""
        if name is None and "://" not in local:
            if self.boundary.admits(self.path.parent / local):
                from advisor.manifests._local import local_project_name

                name = local_project_name(self.path.parent / local)
            else:
                why = " (its folder is outside the repository; --allow-outside reads it)"
        if name is None:
            self.out.finding(
                "unnamed-requirement",
                "info",
                f"cannot tell the package of {excerpt(item)!r}{why}",
                loc,
            )
            return
        self.out.add(
            Dependency(
                canonicalize_name(name),
                name,
                "",
                None,
                loc,
                group=group,
                group_kind=kind if group is not None else None,
                url=target,
                editable=True,
            )
        )

    # uv and PDM ----------------------------------------------------------------------------

    def _uv(self) -> None:
        if not self.uv:
            return
        dev = self.uv.get("dev-dependencies")
        if dev is not None:
            for i, text in enumerate(self._strings(dev, "tool.uv.dev-dependencies")):
                loc = self.out.loc(
                    self.lines.string("tool.uv", "dev-dependencies", text),
                    f"tool.uv.dev-dependencies[{i}]",
                )
                self.out.requirement(text, loc, group="dev", kind="uv-dev")
        for field in ("constraint-dependencies", "override-dependencies"):
            values = self.uv.get(field)
            if values is None:
                continue
            for i, text in enumerate(self._strings(values, f"tool.uv.{field}")):
                loc = self.out.loc(
                    self.lines.string("tool.uv", field, text), f"tool.uv.{field}[{i}]"
                )
                self.out.requirement(text, loc, role="constraint")
        for index in as_list(self.uv.get("index")):
            if isinstance(index, Mapping) and isinstance(index.get("url"), str):
                url = str(index["url"])
                if index.get("default") is True:
                    self.index_urls.insert(0, url)
                else:
                    self.index_urls.append(url)
        if isinstance(self.uv.get("index-url"), str):
            self.index_urls.insert(0, str(self.uv["index-url"]))
        extra = self.uv.get("extra-index-url")
        self.index_urls += [str(u) for u in extra] if isinstance(extra, list) else []
        sources = self.uv.get("sources")
        if isinstance(sources, Mapping):
            self._uv_sources(sources)

    def _uv_sources(self, sources: Mapping[str, Any]) -> None:
        """``[tool.uv.sources]``: where a declared requirement really comes from."""
        by_name: dict[str, Any] = {canonicalize_name(str(k)): v for k, v in sources.items()}
        kept = []
        for dep in self.out.deps:
            source = by_name.get(dep.name) if dep.role == "declared" else None
            if isinstance(source, list):
                source = source[0] if source else None
            if not isinstance(source, Mapping):
                kept.append(dep)
                continue
            if source.get("workspace") is True:
                continue  # a member of this workspace: the project's own code
            url, version = _uv_source_url(source)
            if url is None:
                kept.append(dep)
                continue
            pin = None if dep.version else version
            dep = with_source(
                dep,
                url=url,
                editable=source.get("editable") is True,
                version=pin.text if pin else dep.version,
                parsed_version=pin.version if pin else dep.parsed_version,
            )
            if version and not dep.specifier:
                self.out.note_ref_version(dep)
            kept.append(dep)
        self.out.deps = kept

    def _pdm(self) -> None:
        if not self.pdm:
            return
        dev = self.pdm.get("dev-dependencies")
        if isinstance(dev, Mapping):
            for group, values in dev.items():
                key = f"tool.pdm.dev-dependencies.{group}"
                for i, text in enumerate(self._strings(values, key)):
                    loc = self.out.loc(
                        self.lines.string("tool.pdm.dev-dependencies", str(group), text),
                        f"{key}[{i}]",
                    )
                    if text.lstrip().startswith("-e"):
                        self._editable(text, loc, str(group), "pdm-dev")
                    else:
                        self.out.requirement(text, loc, group=str(group), kind="pdm-dev")
        resolution = self.pdm.get("resolution")
        overrides = resolution.get("overrides") if isinstance(resolution, Mapping) else None
        if isinstance(overrides, Mapping):
            for name, spec in overrides.items():
                if not isinstance(spec, str):
                    continue
                key = f"tool.pdm.resolution.overrides.{name}"
                loc = self.out.loc(self.lines.key("tool.pdm.resolution.overrides", str(name)), key)
                text = f"{name} @ {spec}" if "://" in spec else f"{name}{spec}"
                self.out.requirement(text, loc, role="constraint", lenient=True)
        for source in as_list(self.pdm.get("source")):
            if isinstance(source, Mapping) and isinstance(source.get("url"), str):
                self.index_urls.append(str(source["url"]))


def _files(spec: Any) -> list[str]:
    """``{file = "a.txt"}`` / ``{file = ["a.txt", "b.txt"]}`` -> the file names."""
    if not isinstance(spec, Mapping):
        return []
    files = spec.get("file")
    if isinstance(files, str):
        return [files]
    return [f for f in files if isinstance(f, str)] if isinstance(files, list) else []


def _uv_source_url(source: Mapping[str, Any]) -> tuple[str | None, Pin | None]:
    if isinstance(source.get("git"), str):
        ref = next(
            (source[k] for k in ("tag", "rev", "branch") if isinstance(source.get(k), str)), None
        )
        url = f"git+{source['git']}" + (f"@{ref}" if ref else "")
        return url, (tag_version(ref) if ref and "branch" not in source else None)
    for key in ("path", "url"):
        if isinstance(source.get(key), str):
            return str(source[key]), None
    return None, None
