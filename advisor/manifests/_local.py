"""A local project folder (``-e ./vendor/pkg``, ``{ path = ... }``): its distribution name,
and what it requires.

Read from the folder's own metadata, never guessed from the folder name, and never by running
anything: ``pyproject.toml`` (PEP 621 or Poetry), ``setup.cfg``, a literal ``name=`` in
``setup.py``; each read like any dependency file (size limit, BOM, UTF-16), and any trouble
just leaves the name unknown. Its requirements are read from ``pyproject.toml`` alone, PEP 621
and static (:func:`with_local_requirements`), and any trouble leaves them unread.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from advisor.errors import ManifestError
from advisor.manifests._boundary import Boundary
from advisor.manifests._lines import TomlLines
from advisor.manifests._pep508 import dependency_from_string
from advisor.manifests._text import parse_toml, read_text
from advisor.model.names import canonicalize_name
from advisor.model.project import Dependency, Manifest, SourceLocation

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

#: Names already read, by folder and the state of its metadata files: a requirements file
#: naming one folder on each of its 20,000 lines reads that folder's metadata once.
_NAMES: dict[tuple[Path, tuple[tuple[int, int, int] | None, ...]], str | None] = {}
_METADATA = ("pyproject.toml", "setup.cfg", "setup.py")


def local_project_name(folder: Path) -> str | None:
    """The name the project in ``folder`` declares, or ``None`` when it cannot be told."""
    try:
        if not folder.is_dir():
            return None
        key = (folder.resolve(), tuple(_state(folder / name) for name in _METADATA))
        if key not in _NAMES:
            if len(_NAMES) >= 256:
                _NAMES.clear()
            _NAMES[key] = _read_name(folder)
        return _NAMES[key]
    except OSError:
        return None


def _state(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _own(folder: Path, name: str) -> Path | None:
    """``folder/name`` when it is a regular file whose real path is inside ``folder``: the
    folder passed the repository boundary, a metadata file linking elsewhere did not."""
    path = folder / name
    if not path.is_file() or not path.resolve().is_relative_to(folder.resolve()):
        return None
    return path


def _read_name(folder: Path) -> str | None:
    try:
        return _from_pyproject(folder) or _from_setup_cfg(folder) or _from_setup_py(folder)
    except (
        ManifestError,
        OSError,
        ValueError,
        SyntaxError,
        RecursionError,
        configparser.Error,
        tomllib.TOMLDecodeError,
    ):
        return None


def _from_pyproject(folder: Path) -> str | None:
    path = _own(folder, "pyproject.toml")
    if path is None:
        return None
    data = parse_toml(read_text(path, str(path)), str(path))
    for table in (data.get("project"), data.get("tool", {}).get("poetry")):
        if isinstance(table, dict) and isinstance(table.get("name"), str):
            return str(table["name"])
    return None


def _from_setup_cfg(folder: Path) -> str | None:
    path = _own(folder, "setup.cfg")
    if path is None:
        return None
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read_string(read_text(path, str(path)))
    name = cfg.get("metadata", "name", fallback=None)
    return name.strip() or None if name else None


def _from_setup_py(folder: Path) -> str | None:
    from advisor.manifests.setup_py import MAX_SETUP_PY_CHARS  # its reader, for its limit

    path = _own(folder, "setup.py")
    if path is None:
        return None
    if path.stat().st_size > 4 * MAX_SETUP_PY_CHARS:  # its syntax tree would take gigabytes
        return None
    text = read_text(path, str(path))
    if len(text) > MAX_SETUP_PY_CHARS:
        return None
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_setup(node.func):
            for kw in node.keywords:
                if kw.arg == "name" and isinstance(kw.value, ast.Constant):
                    value = kw.value.value
                    return value if isinstance(value, str) else None
    return None


def _is_setup(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "setup") or (
        isinstance(func, ast.Attribute) and func.attr == "setup"
    )


# --- requirements ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Declared:
    """A local project's static PEP 621 requirements.

    :param optional: each extra (canonical name) -> its requirements; ``None`` when
        ``optional-dependencies`` is dynamic.
    """

    name: str | None
    main: tuple[Dependency, ...]
    optional: Mapping[str, tuple[Dependency, ...]] | None


@dataclass
class _Seen:
    """One file's local folders, by the real path of their pyproject.toml: what each declares
    and what each requires with the extras asked. A requirements file naming one folder on
    each of its lines (however it spells the folder) reads it once and shares one tuple of
    requirements; kept for one file only, it holds no more than that file names."""

    declared: dict[Path, _Declared | None] = field(default_factory=dict)
    asked: dict[tuple[Path, tuple[str, ...]], tuple[Dependency, ...] | None] = field(
        default_factory=dict
    )


#: PDM's root variable (``-e file:///${PROJECT_ROOT}/pkg``): the folder of the naming file.
_PROJECT_ROOT = re.compile(r"^(?:file://)?/?\$\{PROJECT_ROOT\}")
_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def with_local_requirements(manifest: Manifest, path: Path, boundary: Boundary) -> Manifest:
    """``manifest`` with each declared direct reference to a local folder carrying what the
    ``pyproject.toml`` there requires (:attr:`Dependency.requires`).

    The folder is taken as the naming file's tools take it (relative to that file, PDM's
    ``${PROJECT_ROOT}``, a ``file:`` URL), then relative to the working directory as pip takes
    a requirements file's; it is read only inside ``boundary``, and its ``pyproject.toml`` only
    when it is a regular file inside the folder. A lock's path packages are left alone: what
    they require is locked in it already, and the manifest beside it names the same folder.

    :param path: where ``manifest`` was read (``manifest.path`` is how it is shown).
    """
    deps = list(manifest.dependencies)
    changed = False
    seen = _Seen()
    for i, dep in enumerate(deps):
        if dep.url and dep.role == "declared" and "\x00" not in dep.url:
            folder = _naming_folder(dep.source.file, path, manifest.path)
            requires = _local_requires(dep, folder, boundary, seen)
            if requires is not None:
                deps[i] = replace(dep, requires=requires)
                changed = True
    return replace(manifest, dependencies=tuple(deps)) if changed else manifest


def _naming_folder(file: str, path: Path, display: str) -> Path:
    """The folder of ``file`` (a display path), which is ``display`` read at ``path`` or a file
    it includes (shown relative to it)."""
    if file == display:
        return path.parent
    shown = os.path.dirname(display) or "."
    return path.parent / os.path.relpath(os.path.dirname(file) or ".", shown)


def written_path(url: str, root: str) -> str | None:
    """The local path a direct reference names, ``${PROJECT_ROOT}`` taken as ``root``;
    ``None`` for a remote one (git, https...)."""
    where = _PROJECT_ROOT.sub(lambda _: root, url.partition("#")[0], count=1)
    if where.startswith("file:"):
        parts = urlsplit(where)
        if parts.netloc not in ("", "localhost"):
            return None
        # Here, not at the top: urllib.request imports http.client, ssl and email (~17 ms).
        from urllib.request import url2pathname

        return url2pathname(parts.path) or None
    if _REMOTE.match(where) and not os.path.isabs(where):
        return None
    return where or None


def _local_requires(
    dep: Dependency, naming: Path, boundary: Boundary, seen: _Seen
) -> tuple[Dependency, ...] | None:
    """What the project in the folder ``dep`` names requires (``naming``: the folder of the
    file that names it), or ``None``; shown as the first spelling of the folder read."""
    try:
        found = _local_pyproject(dep, naming, boundary)
        if found is None:
            return None
        pyproject, display = found
        real = pyproject.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop, as Python 3.11 resolves it
        return None
    key = (real, tuple(sorted(dep.extras)))
    if key not in seen.asked:
        if real not in seen.declared:
            seen.declared[real] = _declared(pyproject, display)
        declared = seen.declared[real]
        seen.asked[key] = None if declared is None else _asked(declared, dep.extras)
    return seen.asked[key]


def _local_pyproject(dep: Dependency, naming: Path, boundary: Boundary) -> tuple[Path, str] | None:
    """The ``pyproject.toml`` of the folder ``dep`` names, and how to show it, when the folder
    is inside ``boundary`` and the file inside the folder."""
    assert dep.url is not None
    for base, shown in ((naming, os.path.dirname(dep.source.file) or "."), (Path.cwd(), ".")):
        where = written_path(dep.url, os.path.abspath(base))
        if where is None:
            return None
        folder = base / where
        if not folder.is_dir() or not boundary.admits(folder):
            continue
        pyproject = _own(folder, "pyproject.toml")
        if pyproject is None:
            return None
        written = written_path(dep.url, ".") or where
        return pyproject, os.path.normpath(os.path.join(shown, written, "pyproject.toml"))
    return None


def _asked(declared: _Declared, extras: tuple[str, ...]) -> tuple[Dependency, ...] | None:
    """The requirements of ``declared`` with ``extras``, and the extras it asks of itself
    (``pkg[a]`` in its own lists); ``None`` when an extra's are dynamic."""
    asked = {canonicalize_name(e) for e in extras}
    if asked and declared.optional is None:
        return None
    optional = declared.optional or {}

    def chosen(dep: Dependency) -> bool:
        # An `extra == "x"` marker in the main list: for extra x only.
        return dep.group is None or canonicalize_name(dep.group) in asked

    # The extras the project asks of itself, reached from those asked: one visit per extra.
    todo: list[str | None] = [None, *asked]
    while todo:
        extra = todo.pop()
        for dep in declared.main if extra is None else optional.get(extra, ()):
            if dep.name == declared.name and chosen(dep):
                new = {canonicalize_name(e) for e in dep.extras} - asked
                asked |= new
                todo += new
    groups = [declared.main, *(optional.get(e, ()) for e in sorted(asked))]
    return tuple(d for g in groups for d in g if d.name != declared.name and chosen(d))


def _declared(path: Path, display: str) -> _Declared | None:
    """The static PEP 621 requirements of the ``pyproject.toml`` at ``path``, or ``None``."""
    try:
        text = read_text(path, display)
        data = parse_toml(text, display)
        project = data.get("project")
        if not isinstance(project, dict):
            return None
        dynamic = project.get("dynamic")
        dynamic = dynamic if isinstance(dynamic, list) else []
        if "dependencies" in dynamic or not _strings(deps := project.get("dependencies", [])):
            return None
        lines = TomlLines(text)
        sources = _uv_sources(data)
        main = tuple(
            _requirement(t, display, lines.string("project", "dependencies", t), f"[{i}]", sources)
            for i, t in enumerate(deps)
        )
        optional: dict[str, tuple[Dependency, ...]] | None = None
        if "optional-dependencies" not in dynamic:
            table = project.get("optional-dependencies", {})
            if not isinstance(table, dict):
                return None
            optional = {}
            for extra, texts in table.items():
                if not _strings(texts):
                    return None
                optional[canonicalize_name(extra)] = tuple(
                    replace(
                        _requirement(
                            t,
                            display,
                            lines.string("project.optional-dependencies", extra, t),
                            f".{extra}[{i}]",
                            sources,
                        ),
                        group=None,
                    )
                    for i, t in enumerate(texts)
                )
        name = project.get("name")
        return _Declared(canonicalize_name(name) if isinstance(name, str) else None, main, optional)
    except (ManifestError, OSError, ValueError, RecursionError):
        return None


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _requirement(
    text: str, display: str, line: int | None, key: str, sources: Mapping[str, str]
) -> Dependency:
    """One requirement string, at its line; a package ``[tool.uv.sources]`` takes from a path,
    git, a URL or the workspace is a direct reference (never looked up on an index)."""
    where = "project.dependencies" if key.startswith("[") else "project.optional-dependencies"
    dep = dependency_from_string(text, SourceLocation(display, line, where + key))
    url = sources.get(dep.name)
    return replace(dep, url=url) if url is not None and dep.url is None else dep


def _uv_sources(data: Mapping[str, Any]) -> dict[str, str]:
    """Canonical name -> where ``[tool.uv.sources]`` takes it from, for packages not taken
    from an index."""
    tool = data.get("tool")
    uv = tool.get("uv") if isinstance(tool, dict) else None
    sources = uv.get("sources") if isinstance(uv, dict) else None
    out: dict[str, str] = {}
    for name, source in sources.items() if isinstance(sources, dict) else ():
        for entry in source if isinstance(source, list) else [source]:
            if not isinstance(entry, dict):
                continue
            where = next((entry[k] for k in ("path", "git", "url") if k in entry), None)
            if where is None and entry.get("workspace") is True:
                where = "the workspace"
            if where is not None:
                out[canonicalize_name(str(name))] = str(where)
    return out
