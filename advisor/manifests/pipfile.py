"""Pipenv: ``Pipfile`` (TOML, declared ranges) and ``Pipfile.lock`` (JSON, locked versions)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advisor.errors import ManifestError
from advisor.manifests._lines import TomlLines, json_member_lines
from advisor.manifests._pep508 import (
    Collector,
    and_markers,
    error_at,
    parse_spec,
    pinned_version,
    tag_version,
)
from advisor.manifests._python import version_spec
from advisor.manifests._text import as_list, parse_json, parse_toml, read_text
from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name
from advisor.model.project import (
    NO_SPECIFIER,
    Dependency,
    Manifest,
    PythonDeclaration,
    Role,
    SourceLocation,
)

#: Pipfile sections that are not package categories.
_NOT_CATEGORIES = frozenset({"source", "requires", "pipenv", "scripts"})
#: Per-package keys pipenv turns into markers (PEP 508 environment names).
_MARKER_KEYS = (
    "os_name",
    "sys_platform",
    "platform_machine",
    "platform_python_implementation",
    "platform_release",
    "platform_system",
    "platform_version",
    "python_version",
    "python_full_version",
    "implementation_name",
    "implementation_version",
)


class PipfileReader:
    """``Pipfile``."""

    kind = "pipfile"
    is_lock = False

    def read(self, path: Path, display: str) -> Manifest:
        """Read every package category, ``[requires]`` and ``[[source]]``."""
        text = read_text(path, display)
        data = parse_toml(text, display)
        lines = TomlLines(text)
        out = Collector(display)
        for category, packages in data.items():
            if category in _NOT_CATEGORIES or not isinstance(packages, Mapping):
                continue
            group = (
                None
                if category == "packages"
                else ("dev" if category == "dev-packages" else category)
            )
            for name, value in packages.items():
                loc = out.loc(lines.key(category, str(name)), f"{category}.{name}")
                dep = _dependency(str(name), value, loc, group, "declared")
                out.note_ref_version(dep)
                out.add(dep)
        requires = data.get("requires")
        python = (
            _python(requires, f"{display}: requires") if isinstance(requires, Mapping) else None
        )
        return out.manifest(self.kind, python=python, index_urls=_source_urls(data.get("source")))


def _source_urls(sources: object) -> tuple[str, ...]:
    """The ``url`` of each ``[[source]]`` (Pipfile) or ``_meta.sources`` entry (Pipfile.lock)."""
    urls = (
        s["url"]
        for s in as_list(sources)
        if isinstance(s, Mapping) and isinstance(s.get("url"), str)
    )
    return tuple(dict.fromkeys(urls))


class PipfileLockReader:
    """``Pipfile.lock``."""

    kind = "Pipfile.lock"
    is_lock = True

    def read(self, path: Path, display: str) -> Manifest:
        """Read every locked package (``default``, ``develop`` and custom categories)."""
        text = read_text(path, display)
        data = parse_json(text, display)
        if not isinstance(data, Mapping):
            raise ManifestError("not a JSON object", file=display, line=1, code="invalid-manifest")
        out = Collector(display)
        lines = json_member_lines(text)
        for category, packages in data.items():
            if category == "_meta" or not isinstance(packages, Mapping):
                continue
            group = (
                None if category == "default" else ("dev" if category == "develop" else category)
            )
            category_lines = lines.get(category, {})
            for name, value in packages.items():
                loc = out.loc(category_lines.get(name), f"{category}.{name}")
                out.add(_dependency(str(name), value, loc, group, "locked"))
        meta = data.get("_meta")
        meta = meta if isinstance(meta, Mapping) else {}
        requires = meta.get("requires")
        python = (
            _python(requires, f"{display}: _meta.requires")
            if isinstance(requires, Mapping)
            else None
        )
        return out.manifest(
            self.kind, python=python, is_lock=True, index_urls=_source_urls(meta.get("sources"))
        )


def _dependency(
    name: str, value: Any, loc: SourceLocation, group: str | None, role: Role
) -> Dependency:
    """One entry: ``"*"``, ``"==1.2"``, or a table with version/extras/markers/git/path."""
    if isinstance(value, str):
        value = {"version": value}
    if not isinstance(value, Mapping):
        raise error_at(loc, f"{name}: must be a version string or a table", "invalid-manifest")
    raw = value.get("version")
    spec, parsed = "", None
    if isinstance(raw, str) and raw.strip() not in ("", "*"):
        spec, parsed = parse_spec(raw) or ("", None)
        if not spec:
            raise error_at(
                loc, f"{name}: invalid version {excerpt(repr(raw))}", "invalid-requirement"
            )
    url, ref_version = None, None
    if isinstance(value.get("git"), str):
        ref = value.get("ref")
        url = f"git+{value['git']}" + (f"@{ref}" if isinstance(ref, str) else "")
        ref_version = tag_version(ref) if isinstance(ref, str) else None
    elif isinstance(value.get("path"), str):
        url = str(value["path"])
    elif isinstance(value.get("file"), str):
        url = str(value["file"])
    env_markers = [
        f"{k} {v}" if v.lstrip()[:1] in "<>=!~" else f'{k} == "{v}"'
        for k in _MARKER_KEYS
        if isinstance(v := value.get(k), str)
    ]
    marker = and_markers(
        value.get("markers") if isinstance(value.get("markers"), str) else None, *env_markers
    )
    extras = value.get("extras")
    pin = pinned_version(spec)
    if role == "locked":
        spec, parsed = "", None  # a lock's "==X" is its version, not a declared range
    pin = pin or (ref_version if not spec else None)
    return Dependency(
        name=canonicalize_name(name),
        display_name=name,
        specifier=spec,
        version=pin.text if pin else None,
        source=loc,
        marker=marker,
        extras=tuple(sorted(str(e) for e in extras)) if isinstance(extras, list) else (),
        group=group,
        group_kind="pipenv-category" if group is not None else None,
        role=role,
        url=url,
        editable=value.get("editable") is True,
        hashes=tuple(str(h) for h in as_list(value.get("hashes")) if isinstance(h, str)),
        parsed_specifier=parsed if parsed is not None else NO_SPECIFIER,
        parsed_version=pin.version if pin else None,
    )


def _python(requires: Mapping[str, Any], source: str) -> PythonDeclaration | None:
    """``python_full_version`` (exact) wins over ``python_version`` (a minor line)."""
    for key in ("python_full_version", "python_version"):
        value = requires.get(key)
        if isinstance(value, str) and (spec := version_spec(value)):
            return PythonDeclaration(spec, f"{source}.{key}")
    return None
