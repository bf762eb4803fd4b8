"""Read dependency files into a :class:`~advisor.model.project.Project`.

Each format is one reader (see :mod:`advisor.manifests._base`); :func:`reader_for` picks it by
file name and, where the name is not enough or lies, by content. :func:`read_paths` reads files
and discovers them in folders; :func:`merge` combines what was read: a lock and its manifest in
one folder give versions and ranges respectively, and the strongest Python range wins.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections import deque
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from advisor._gc import collector_paused as no_collection
from advisor.errors import AdvisorError, ManifestError
from advisor.manifests import deploy
from advisor.manifests._base import ManifestReader
from advisor.manifests._boundary import Boundary
from advisor.manifests._boundary import current as current_boundary
from advisor.manifests._formats import FORMATS, REQUIREMENTS, Format, by_kind
from advisor.manifests._text import HEAD_BYTES, SharedReads, open_file, read_ahead, read_head
from advisor.model.project import Dependency, Finding, Manifest, Project, SourceLocation

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

#: Readers in the order content sniffing tries them (the most specific formats first); each
#: imports its format's module only when a file of the format is read.
READERS: tuple[ManifestReader, ...] = FORMATS
_TOML_KINDS = frozenset(
    {"pyproject", "poetry.lock", "uv.lock", "pdm.lock", "pylock", "pipfile", "hatch"}
)
_SNIFF_ORDER = ("poetry.lock", "pdm.lock", "uv.lock", "pylock", "pipfile", "hatch", "pyproject")

#: A lock file and the manifest it was locked from, in the same folder.
LOCK_PARTNERS = {
    "uv.lock": "pyproject",
    "poetry.lock": "pyproject",
    "pdm.lock": "pyproject",
    "pylock": "pyproject",
    "Pipfile.lock": "pipfile",
}

#: Folders never searched: environments, tool caches, VCS data (and every hidden folder).
SKIP_DIRS = frozenset({"venv", "node_modules", "site-packages", "__pycache__", "dist-packages"})
_MANIFEST_NAMES = (
    "pyproject.toml",
    "setup.cfg",
    "setup.py",
    "Pipfile",
    "hatch.toml",
    "Pipfile.lock",
    "poetry.lock",
    "uv.lock",
    "pdm.lock",
    ".python-version",
)
_PYLOCK = re.compile(r"^pylock\.([^.]+\.)?toml$")
_REQUIREMENTS_NAME = re.compile(
    r"(requirements|constraints)[^/]*\.(txt|in)$|^requirements[^/]*\.lock$"
)
#: Folders whose ``*.txt`` / ``*.in`` files are requirements files (and, for projects, belong
#: to the folder above them).
REQUIREMENTS_DIRS = frozenset({"requirements", "reqs", "requirements.d", "constraints"})
_TOML_LINE = re.compile(
    rb"^\s*(\[\[?[^\]]+\]\]?\s*(#.*)?|[A-Za-z0-9_\"'][A-Za-z0-9_.\-\"' ]*=(?!=)\s*\S.*)$"
)


def reader_for(path: Path, display: str | None = None) -> ManifestReader:
    """The reader for ``path``; :class:`ManifestError` when no format matches.

    The name decides first; the content overrides it where the name lies (a ``pylock.toml``
    holding requirement lines, a ``requirements.txt`` holding TOML), and decides alone for a
    file whose name is not a known one.
    """
    display = display or str(path)
    return _reader_for(path, read_head(path, display)[0], display)


def _reader_for(path: Path, head: bytes, display: str) -> ManifestReader:
    """:func:`reader_for`, given the file's first bytes."""
    if (deployment := deploy.reader_for(path, head)) is not None:
        return deployment
    shape = _shape(head)
    name = path.name
    named = _named_format(name)
    if named is not None and named.kind in _TOML_KINDS and shape == "requirements":
        return REQUIREMENTS
    if named is not None and named is not REQUIREMENTS:
        return named
    if shape == "binary":
        raise ManifestError(
            "binary file (NUL bytes), not a dependency file", file=display, code="binary-file"
        )
    suffix = path.suffix.lower()
    if suffix == ".py":
        candidates: tuple[str, ...] = ("setup.py",)
    elif suffix == ".cfg":
        return by_kind("setup.cfg")
    elif shape == "toml":
        candidates = _SNIFF_ORDER
    elif shape == "json":
        candidates = ("Pipfile.lock",)
    else:
        candidates = ()
    for kind in candidates:
        reader = by_kind(kind)
        if reader.sniff(head):
            return reader
    if named is REQUIREMENTS:
        if shape in ("toml", "json"):
            raise ManifestError(
                f"named like a requirements file but holds {shape.upper()} of no "
                "format aap-advise reads",
                file=display,
                code="unknown-format",
            )
        return REQUIREMENTS
    if shape == "requirements" and suffix in (".lock", ".pip"):
        return REQUIREMENTS
    raise ManifestError(
        "not a dependency file aap-advise can read", file=display, code="unknown-format"
    )


@functools.lru_cache(maxsize=4096)
def _named_format(name: str) -> Format | None:
    """The first format whose files are named ``name`` (names repeat across the folders of a
    monorepo: each is matched against the formats once)."""
    return next((r for r in FORMATS if r.named(name)), None)


def _shape(head: bytes) -> str:
    """``json``, ``toml``, ``requirements``, ``binary`` or ``empty`` from a file's first bytes."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    elif b"\x00" in head:
        return "binary"
    head = head.removeprefix(b"\xef\xbb\xbf")
    # The first line (as bytes.splitlines() splits: at \n, \r or \r\n) that is neither blank
    # nor a comment, found without splitting the whole head (every file read asks this).
    at, size = 0, len(head)
    while at < size:
        newline = head.find(b"\n", at)
        stop = size if newline < 0 else newline
        cr = head.find(b"\r", at, stop)
        end = stop if cr < 0 else cr
        line = head[at:end].strip()
        at = end + 1
        if not line or line.startswith(b"#"):
            continue
        if line.startswith(b"{"):
            return "json"
        return "toml" if _TOML_LINE.match(line) else "requirements"
    return "empty"


def discover(root: Path, display: str) -> list[tuple[Path, str]]:
    """Dependency files under ``root``, each with its display path, in a stable order.

    Hidden folders and :data:`SKIP_DIRS` are not entered, nor any folder holding a
    ``pyvenv.cfg`` (a virtual environment under any name). Symbolic links to folders are not
    followed.
    """
    return [(path, shown) for path, shown, _ in _discover(root, display, root)]


def _discover(root: Path, display: str, real_root: Path) -> list[tuple[Path, str, str | None]]:
    """:func:`discover`, each file with its real path when that follows from ``real_root``
    (the real path of ``root``) by name: a folder entered is never a link, so a file that is
    not one lies where its name says. ``None`` for a file that is a link (resolve it).

    Folders are walked as strings, their entries told apart by name (:func:`_name_kind`);
    names are joined only for what is entered or found, and paths made only for files found."""
    found: list[tuple[Path, str, str | None]] = []
    todo: deque[tuple[str, str, str]] = deque([(str(root), display, str(real_root))])
    top = True
    while todo:
        folder, shown, real = todo.popleft()
        try:
            entries = list(os.scandir(folder))  # files are sorted as found, folders below
        except OSError as exc:
            if top:
                raise ManifestError(f"cannot list: {exc.strerror}", file=display) from exc
            continue
        if not top and any(e.name == "pyvenv.cfg" for e in entries):
            continue
        top = False
        requirements_dir = os.path.basename(folder).lower() in REQUIREMENTS_DIRS
        files: list[tuple[int, Path, str, str | None]] = []
        below: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if entry.is_dir(follow_symlinks=False):
                if not name.startswith(".") and name not in SKIP_DIRS:
                    below.append((name, entry.path))
                elif name == ".github":
                    files += _workflows(entry.path, _shown(shown, name), _join(real, name))
                continue
            rank, deployment = _name_kind(name)
            if rank is None and requirements_dir and name.lower().endswith((".txt", ".in")):
                rank = 5
            if rank is not None and (entry.is_file() or _is_special(entry)):
                # A named pipe (or device) under a dependency file's name is read, and so
                # refused with its name, rather than skipped as if the file were not there.
                lexical = None if entry.is_symlink() else _join(real, name)
                files.append((rank, Path(entry.path), _shown(shown, name), lexical))
            elif (
                deployment
                # A link is not followed to look inside: its target may lie outside the
                # repository, where nothing is read on a file's word.
                and entry.is_file(follow_symlinks=False)
                and _deployment_content(Path(entry.path))
            ):
                real_entry = _join(real, name)
                files.append((_DEPLOY_RANK, Path(entry.path), _shown(shown, name), real_entry))
        if files:
            files.sort(key=_file_order)
            found += [(p, s, r) for _, p, s, r in files]
        below.sort()  # by name (names in one folder differ)
        todo += [(path, _shown(shown, name), _join(real, name)) for name, path in below]
    return found


def _file_order(found: tuple[int, Path, str, str | None]) -> tuple[int, str]:
    return found[0], found[2]


def _join(folder: str, name: str) -> str:
    """``os.path.join(folder, name)`` for the name of an entry of ``folder`` (no slash in it)."""
    if not folder or folder.endswith("/"):
        return folder + name
    return f"{folder}/{name}"


def _shown(shown: str, name: str) -> str:
    """``os.path.normpath(os.path.join(shown, name))`` for a display path ``shown`` that is
    normalised already and the name of an entry of its folder: only ``.`` changes."""
    return name if shown == "." else _join(shown, name)


#: What :func:`_name_kind` found for each file name (names repeat across the folders of a
#: monorepo: README.md, __init__.py); emptied once it holds :data:`_NAME_KINDS_KEPT`.
_NAME_KINDS: dict[str, tuple[int | None, bool]] = {}
_NAME_KINDS_KEPT = 4096


def _name_kind(name: str) -> tuple[int | None, bool]:
    """A file name's rank among the dependency files of a folder that is no requirements
    folder (:func:`_discover_rank`), and whether it may be a deployment file's
    (:func:`advisor.manifests.deploy.candidate`)."""
    kind = _NAME_KINDS.get(name)
    if kind is None:
        kind = (_discover_rank(name, ""), deploy.candidate(name) is not None)
        if len(_NAME_KINDS) >= _NAME_KINDS_KEPT:
            _NAME_KINDS.clear()
        _NAME_KINDS[name] = kind
    return kind


#: Deployment files sort after every dependency file of their folder.
_DEPLOY_RANK = 30


def _workflows(github: str, shown: str, real: str) -> list[tuple[int, Path, str, str | None]]:
    """The workflow files of a ``.github`` folder (its ``workflows`` folder, not followed when
    it is a symbolic link), as :func:`_discover` lists files."""
    folder = Path(github, "workflows")
    try:
        if folder.is_symlink() or not folder.is_dir():
            return []
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    return [
        (
            _DEPLOY_RANK + 1,
            Path(e.path),
            os.path.join(shown, "workflows", e.name),
            os.path.join(real, "workflows", e.name),
        )
        for e in entries
        if deploy.workflow_names(e.name) and e.is_file(follow_symlinks=False)
    ]


def _deployment_content(path: Path) -> bool:
    """Whether a file whose name may be a deployment file's is one: a deployment reader
    claims it by its name and first 4 KiB (``values.yaml.template`` is no CloudFormation
    template). An unreadable one is not searched further."""
    try:
        with open_file(path, str(path)) as fh:
            head = fh.read(HEAD_BYTES)
    except (ManifestError, OSError):
        return False
    return deploy.reader_for(path, head) is not None


def _is_special(entry: os.DirEntry[str]) -> bool:
    """A named pipe, socket or device (a symbolic link followed): not a file, folder or
    dangling link."""
    try:
        mode = entry.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _discover_rank(name: str, folder: str) -> int | None:
    """Where a file name sorts within its folder (manifests, then requirements, then locks),
    ``None`` for a name that is not discovered."""
    if name in _MANIFEST_NAMES:
        return _MANIFEST_NAMES.index(name) + (10 if name.endswith(".lock") else 0)
    if _PYLOCK.match(name):
        return 20
    lower = name.lower()
    if _REQUIREMENTS_NAME.search(lower) or (
        folder.lower() in REQUIREMENTS_DIRS and lower.endswith((".txt", ".in"))
    ):
        return 5
    return None


def read_file(
    path: Path,
    display: str,
    *,
    boundary: Boundary | None = None,
    shared: tuple[SharedReads, str] | None = None,
) -> Manifest:
    """Read one file with the reader chosen for it; only :class:`ManifestError` escapes.

    :param boundary: where the files it names may be (default: the repository around
        ``path``, see :mod:`advisor.manifests._boundary`).
    :param shared: where to keep a ``pyproject.toml`` read whole, and its real path: the
        run's configuration is looked for in it (:mod:`advisor.manifests.config`).
    """
    head, whole, st = read_head(path, display)  # a small file is read once, here
    reader = _reader_for(path, head, display)
    if shared is not None and whole is not None and reader.kind == "pyproject":
        shared[0].keep(shared[1], st, whole)
    try:
        within = boundary or current_boundary(path)
        with within.active(), read_ahead(path, whole):
            manifest = reader.read(path, display)
            if not any(d.url and d.role == "declared" for d in manifest.dependencies):
                return manifest  # no direct reference declared: no local folder to read
            from advisor.manifests._local import with_local_requirements

            return with_local_requirements(manifest, path, within)
    except AdvisorError:
        raise
    except RecursionError:
        raise ManifestError("nested too deeply to read", file=display, code="unreadable") from None
    except Exception as exc:  # a reader bug must still end in one line naming the file
        raise ManifestError(
            f"cannot read ({type(exc).__name__}: {exc})", file=display, code="reader-failure"
        ) from exc


@dataclass(frozen=True, slots=True)
class ReadFile:
    """One file read for a run.

    :param path: where it was read (as found or named).
    :param base: the folder named that it was found in (lexical absolute path), ``None`` for a
        file named on the command line.
    """

    manifest: Manifest
    path: Path
    base: str | None


def read_paths(
    paths: Sequence[str], *, allow_outside: bool = False, trusted: bool = True
) -> Project:
    """Read every file named in ``paths`` into one project; a folder is searched for
    dependency files (:func:`advisor.manifests.projects.find_projects` tells its projects
    apart instead).

    :raises ManifestError: see :func:`read_all`.
    """
    read = read_all(paths, allow_outside=allow_outside, trusted=trusted)
    return merge(pair_locks(drop_included([r.manifest for r in read])))


def read_all(
    paths: Sequence[str],
    *,
    allow_outside: bool = False,
    trusted: bool = True,
    shared: SharedReads | None = None,
) -> list[ReadFile]:
    """Read every file named in ``paths``; a folder is searched for dependency files (each
    file once: a symbolic link to a file the search finds as itself is left to that file).

    Files the named ones include, and files found in a named folder, are read only inside the
    repository of the path named (:mod:`advisor.manifests._boundary`).

    :param allow_outside: read them wherever they are (``--allow-outside``).
    :param trusted: whether the files may use the process environment (``${VAR}`` in include
        paths); ``False`` for files from a pull request.
    :param shared: where to keep each ``pyproject.toml`` read whole, for the run's
        configuration (:class:`~advisor.manifests._text.SharedReads`).
    :raises ManifestError: for a file that cannot be read, a folder holding none, or a file
        outside the repository.
    """
    out: list[ReadFile] = []
    seen: set[str] = set()
    with no_collection():
        for raw in paths:
            _read_path(raw, out, seen, allow_outside=allow_outside, trusted=trusted, shared=shared)
    return out


def _read_path(
    raw: str,
    out: list[ReadFile],
    seen: set[str],
    *,
    allow_outside: bool,
    trusted: bool,
    shared: SharedReads | None,
) -> None:
    """Read the file or folder ``raw`` for :func:`read_all`, adding to ``out`` what was read
    and to ``seen`` the real paths read. Each file's real path is found once: by name below
    the real path of a folder named (nothing on the way is a link), else resolved; real paths
    are kept as text (normalised, absolute), never made paths again."""
    path = Path(raw)
    boundary = Boundary.around(path, allow_outside=allow_outside, trusted=trusted)
    base: str | None = None
    found: list[tuple[Path, str, str | None]]
    if path.is_dir():
        base = os.path.abspath(raw)
        found = _discover(path, os.path.normpath(raw), path.resolve())
        if not found:
            raise ManifestError(
                "no dependency files found in this folder",
                file=raw,
                code="no-manifests",
                hint="name the files to read, or run in the project's folder",
            )
    else:
        # A named file gets the boundary of a folder scan: a requirements.txt that links
        # to ~/.git-credentials is not read (and quoted) on a pull request's word.
        found = [(path, raw, None if path.is_symlink() else _resolved(path, raw))]
    reals = [real or _resolved(file, display) for file, display, real in found]
    for (file, display, _), real in zip(found, reals, strict=True):
        boundary.check_found(file, display, real=real)
    # A link to a file the search finds as itself is read there, in its own project.
    themselves = {r for (_, _, lexical), r in zip(found, reals, strict=True) if lexical}
    for (file, display, lexical), real in zip(found, reals, strict=True):
        if real in seen or (real in themselves and lexical is None):
            continue
        seen.add(real)
        keep = None if shared is None else (shared, real)
        manifest = read_file(file, display, boundary=boundary, shared=keep)
        if base is not None and _says_nothing(manifest):
            continue  # a workflow that runs no Python, a Kubernetes Service: not a file read
        out.append(ReadFile(manifest, file, base))


def _resolved(path: Path, display: str) -> str:
    """``path`` followed to its real path; a :class:`ManifestError` for a link that loops."""
    try:
        return str(path.resolve())
    except RuntimeError:  # "Symlink loop from ..." (Python 3.11, 3.12)
        raise ManifestError(
            "is a symbolic link that leads back to itself", file=display, code="unreadable"
        ) from None
    except OSError as exc:  # the same loop on later Pythons (ELOOP)
        raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc


def _says_nothing(manifest: Manifest) -> bool:
    """A deployment file found in a folder that holds no deployment, ddtrace or finding."""
    return manifest.kind in deploy.DEPLOY_KINDS and not (
        manifest.deployments or manifest.dependencies or manifest.findings
    )


def drop_included(manifests: Sequence[Manifest]) -> list[Manifest]:
    """``manifests`` less each file another of them includes (``-r``, ``-c``, setuptools
    ``file:``): it is read only there, where its role (requirement or constraint) is known."""
    if not any(m.includes for m in manifests):
        return list(manifests)  # nothing to resolve
    included = {Path(i).resolve() for m in manifests for i in m.includes}
    return [m for m in manifests if Path(m.path).resolve() not in included]


def pair_locks(manifests: list[Manifest], *, together: bool = False) -> list[Manifest]:
    """In a folder holding a lock and its manifest, versions come from the lock and ranges
    from the manifest: the lock's copy of the declared ranges is dropped, and every dependency
    of both says where its part came from.

    :param together: the manifests are one project's (a workspace member's lock part is not
        in its folder): pair across folders.
    """
    if not any(m.kind in LOCK_PARTNERS for m in manifests):
        return list(manifests)  # no lock: no folder to resolve
    by_folder: dict[Path, list[int]] = {}
    for i, m in enumerate(manifests):
        folder = Path() if together else Path(m.path).resolve().parent
        by_folder.setdefault(folder, []).append(i)
    out = list(manifests)
    for indexes in by_folder.values():
        for li in indexes:
            lock = out[li]
            partner_kind = LOCK_PARTNERS.get(lock.kind)
            pi = next((i for i in indexes if out[i].kind == partner_kind), None)
            if partner_kind is None or pi is None:
                continue
            out[pi], out[li] = _provenance(out[pi], lock)
    return out


def _provenance(manifest: Manifest, lock: Manifest) -> tuple[Manifest, Manifest]:
    lock_name, manifest_name = Path(lock.path).name, Path(manifest.path).name
    declared = {d.name for d in manifest.dependencies}
    locked_deps = [d for d in lock.dependencies if d.role == "locked"]
    locked = {d.name for d in locked_deps}
    lock_deps = tuple(
        replace(
            d,
            origin=f"version from {lock_name}, range from {manifest_name}"
            if d.name in declared
            else f"version from {lock_name} (not declared in {manifest_name})",
        )
        for d in locked_deps
    )
    manifest_deps = tuple(
        replace(d, origin=f"range from {manifest_name}, version from {lock_name}")
        if d.name in locked
        else d
        for d in manifest.dependencies
    )
    note = Finding(
        "lock-provenance",
        "info",
        f"versions from {lock.path}, ranges from {manifest.path}",
        SourceLocation(lock.path),
    )
    return (
        replace(manifest, dependencies=manifest_deps),
        replace(lock, dependencies=lock_deps, findings=(*lock.findings, note)),
    )


def merge(manifests: Sequence[Manifest]) -> Project:
    """Combine manifests: all dependencies, the strongest Python declaration, all findings.

    A declared range beats a lock's, which beats a hint (``.python-version``, a pip-compile
    header); among equals the first file read wins, and differing ranges are reported.
    """
    deps: list[Dependency] = []
    findings: list[Finding] = []
    for m in manifests:
        deps.extend(m.dependencies)
        findings.extend(m.findings)
        findings.extend(f for d in m.deployments for f in d.findings)
    # A declared range beats a lock's, which beats a hint; max() keeps the first of equals.
    ranked = [
        (0 if m.python.weak else 1 if m.is_lock else 2, m.python)
        for m in manifests
        if m.python is not None
    ]
    python = max(ranked, key=lambda r: r[0])[1] if ranked else None
    if python is not None:
        others = [p for _, p in ranked if not p.weak and p.spec != python.spec]
        if others:
            also = "; ".join(f"{p.spec} ({p.source})" for p in others)
            findings.append(
                Finding(
                    "python-range-sources",
                    "info",
                    f"Python range {python.spec} taken from {python.source}; also declared: {also}",
                )
            )
    deployments = tuple(d for m in manifests for d in m.deployments)
    return Project(tuple(manifests), tuple(deps), python, tuple(findings), deployments)


__all__ = [
    "LOCK_PARTNERS",
    "READERS",
    "REQUIREMENTS_DIRS",
    "ReadFile",
    "discover",
    "drop_included",
    "merge",
    "no_collection",
    "pair_locks",
    "read_all",
    "read_file",
    "read_paths",
    "reader_for",
]
