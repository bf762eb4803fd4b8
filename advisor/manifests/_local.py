"""The distribution name of a local project folder (``-e ./vendor/pkg``, ``{ path = ... }``).

Read from the folder's own metadata, never guessed from the folder name, and never by running
anything: ``pyproject.toml`` (PEP 621 or Poetry), ``setup.cfg``, a literal ``name=`` in
``setup.py``; each read like any dependency file (size limit, BOM, UTF-16), and any trouble
just leaves the name unknown.
"""

from __future__ import annotations

import ast
import configparser
import tomllib
from pathlib import Path

from advisor.errors import ManifestError
from advisor.manifests._text import parse_toml, read_text
from advisor.manifests.setup_py import MAX_SETUP_PY_CHARS

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
