"""Regenerating the release snapshot (``releases.json``) and the constrainers document
(``constrainers.json``) from a package index: into the cache folder's ``knowledge`` by default
(:func:`in_cache`), which runs read when newer than the shipped ``data/`` ones.

Owns turning one project page into the snapshot document whose format
:mod:`advisor.model.release` defines: per version the entry :mod:`advisor.index.entries`
builds from its files (yanked state, Requires-Python, first upload date, sdist presence, which
interpreters and platforms its wheels cover), and the Requires-Dist of one of its wheels, read
from its PEP 658 metadata file or over HTTP Range (:mod:`advisor.index.wheelmeta`) by a thread
pool. The packages that constrain ddtrace (:data:`CONSTRAINERS`, issue 16 rule 9) are read
the same way, release by release, into the document
:func:`~advisor.knowledge.matrix.parse_constrainers` reads, so an offline run knows what they
require of ddtrace. Also owns writing the two documents atomically, both or neither, and the
validated :func:`refresh` that ``aap-advise kb refresh`` and ``tools/refresh_snapshot.py`` run.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, TypeVar

from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import Version

from advisor.errors import IndexUnavailable, UsageError, WriteFailed
from advisor.index.entries import (
    Progress,
    group_files,
    metadata_wheel_grouped,
    release_entry_grouped,
    spec_key,
)
from advisor.index.simple import IndexFile, SimpleIndexClient, redact
from advisor.index.wheelmeta import parse_metadata, read_wheel_metadata
from advisor.knowledge.matrix import parse_constrainers
from advisor.knowledge.releases import CONSTRAINERS_NAME, cached_snapshot, constrainers_beside
from advisor.model.names import canonicalize_name
from advisor.model.release import DDTRACE, SCHEMA_VERSION, parse_snapshot

__all__ = [
    "CONSTRAINERS",
    "build_constrainers",
    "build_snapshot",
    "in_cache",
    "refresh",
    "write_files",
    "write_snapshot",
]

#: The packages whose releases constrain ddtrace: ``datadog-lambda`` pins it (``ddtrace<3``,
#: ``ddtrace!=4.6.*`` ...) release by release.
CONSTRAINERS = ("datadog-lambda",)

K = TypeVar("K")
V = TypeVar("V")


def build_snapshot(
    index: SimpleIndexClient,
    project: str = DDTRACE,
    today: datetime.date | None = None,
    workers: int = 16,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Read ``project`` from ``index`` and build the snapshot document (schema version 2).

    Every version on the page is recorded, pre-releases included. Requires-Dist is read for
    final versions with a wheel, ``workers`` wheels at a time; a wheel that cannot be read
    leaves its version's ``requires_dist`` null and is reported through ``progress``.

    :raises IndexUnavailable: when the project page cannot be read.
    """
    say = progress or (lambda _message: None)
    page = index.project_page(project)
    say(f"{index.display_url}{page.name}/: {len(page.versions)} versions, {len(page.files)} files")
    by_version = group_files(page.files, page.versions)
    releases: dict[str, dict[str, Any]] = {}
    to_read: dict[str, IndexFile] = {}
    for version, files in sorted(by_version.items(), key=lambda item: Version(item[0])):
        releases[version] = release_entry_grouped(version, files, say)
        wheel = metadata_wheel_grouped(files)
        if wheel is not None and _is_final(version):
            to_read[version] = wheel
    indexed = {version: entry["requires_python"] for version, entry in releases.items()}
    read = _read_requirements(index, to_read, indexed, workers, say)
    sets: list[list[str]] = []
    set_index: dict[tuple[str, ...], int] = {}
    for version, entry in releases.items():  # ascending: set numbers are stable across runs
        requirements = read.get(version)
        if requirements is not None:
            entry["requires_dist"] = _shared(requirements, list, sets, set_index)
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "project": page.name,
        "index_url": index.display_url,
        "snapshot_date": (today or datetime.date.today()).isoformat(),
        "requires_dist_sets": sets,
        "wheel_sets": _share_wheel_sets(releases),
        "releases": releases,
    }
    if page.last_serial is not None:
        doc["last_serial"] = page.last_serial
    return doc


def _share_wheel_sets(releases: dict[str, dict[str, Any]]) -> list[dict[str, list[str]]]:
    """Replace each entry's ``wheels`` mapping by an index into the returned distinct mappings.

    ``releases`` holds :func:`~advisor.index.entries.release_entry_grouped` entries, in
    ascending version order: sets are numbered by first use in that order, so the numbers are
    stable across runs. Two mappings are the same set when they list the same platforms for
    the same interpreter keys.
    """
    wheel_sets: list[dict[str, list[str]]] = []
    set_index: dict[tuple[tuple[str, tuple[str, ...]], ...], int] = {}
    for entry in releases.values():
        wheels: dict[str, list[str]] = entry["wheels"]
        key = tuple(sorted((interp, tuple(platforms)) for interp, platforms in wheels.items()))
        entry["wheels"] = _shared(key, lambda k: {i: list(p) for i, p in k}, wheel_sets, set_index)
    return wheel_sets


def _shared(key: K, stored: Callable[[K], V], table: list[V], numbers: dict[K, int]) -> int:
    """The number of ``key`` in a snapshot's shared ``table``; ``stored(key)`` is appended the
    first time the key is seen (numbers follow first use)."""
    if key not in numbers:
        numbers[key] = len(table)
        table.append(stored(key))
    return numbers[key]


def build_constrainers(
    index: SimpleIndexClient,
    packages: Sequence[str] = CONSTRAINERS,
    today: datetime.date | None = None,
    workers: int = 16,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Read ``packages`` from ``index`` and build the constrainers document (schema 1).

    For each package, every final release with a wheel (yanked ones too: a project may pin
    one) maps to the Requires-Dist lines of that wheel's METADATA that name ddtrace, markers
    kept, read as :func:`build_snapshot` reads ddtrace's. A release whose METADATA cannot be
    read is left out (and reported through ``progress``): nothing is known of it, so nothing
    limits ddtrace beside it, as before it was recorded.

    :raises IndexUnavailable: when a package's page cannot be read.
    """
    say = progress or (lambda _message: None)
    packages_read: dict[str, dict[str, list[str]]] = {}
    for name in packages:
        page = index.project_page(name)
        wheels: dict[str, IndexFile] = {}
        for version, files in group_files(page.files, page.versions).items():
            wheel = metadata_wheel_grouped(files)
            if wheel is not None and _is_final(version):
                wheels[version] = wheel
        say(f"{index.display_url}{page.name}/: {len(wheels)} final releases with a wheel")
        read = _read_requirements(index, wheels, {}, workers, say)
        packages_read[canonicalize_name(name)] = {
            version: [line for line in read[version] if _on_ddtrace(line)]
            for version in sorted(read, key=Version)
        }
    return {
        "schema_version": 1,
        "index": index.display_url,
        "recorded": (today or datetime.date.today()).isoformat(),
        "packages": packages_read,
    }


def _on_ddtrace(line: str) -> bool:
    """A Requires-Dist line (already parsed once) names ddtrace."""
    return canonicalize_name(Requirement(line).name) == DDTRACE


def _is_final(version: str) -> bool:
    v = Version(version)
    return not (v.is_prerelease or v.is_devrelease)


def _read_requirements(
    index: SimpleIndexClient,
    wheels: dict[str, IndexFile],
    indexed: Mapping[str, str | None],
    workers: int,
    say: Progress,
) -> dict[str, tuple[str, ...]]:
    """Requires-Dist of each version's chosen wheel, normalised and sorted; failures omitted.

    ``indexed`` holds the Requires-Python the index gives versions: one the METADATA
    contradicts is reported.
    """
    timeout = index.timeout.read or 30.0
    results: dict[str, tuple[str, ...]] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures: dict[Future[bytes], str] = {
            pool.submit(
                read_wheel_metadata,
                index.client,
                f.url,
                f.size,
                core_metadata=f.core_metadata,
                timeout=timeout,
            ): version
            for version, f in wheels.items()
        }
        for done, future in enumerate(as_completed(futures), start=1):
            version = futures[future]
            try:
                requires_dist, requires_python = parse_metadata(future.result())
                results[version] = tuple(sorted(str(Requirement(r)) for r in requires_dist))
            except (IndexUnavailable, InvalidRequirement) as exc:
                say(f"{version}: METADATA of {wheels[version].filename} unreadable: {exc}")
            else:
                listed = indexed.get(version)
                if requires_python and listed and spec_key(requires_python) != spec_key(listed):
                    say(
                        f"{version}: METADATA says Requires-Python {requires_python!r}, "
                        f"the index {listed!r}"
                    )
            if done % 50 == 0 or done == len(futures):
                say(f"read METADATA of {done}/{len(futures)} wheels")
    return results


def write_snapshot(doc: dict[str, Any], path: Path) -> None:
    """Write ``doc`` as compact JSON to ``path`` atomically (see :func:`write_files`)."""
    write_files([(_snapshot_text(doc), path)])


def _snapshot_text(doc: dict[str, Any]) -> str:
    """Compact JSON, every object's keys sorted but ``releases``, which keeps the ascending
    version order :func:`build_snapshot` gives it: a run sorts the releases as it loads them
    (:func:`~advisor.model.release.parse_snapshot`), and a list already in order is sorted in
    one pass."""
    ordered = _keys_sorted(doc)
    releases = doc.get("releases")
    if isinstance(releases, dict):
        ordered["releases"] = {version: _keys_sorted(e) for version, e in releases.items()}
    return json.dumps(ordered, separators=(",", ":")) + "\n"


def _keys_sorted(value: Any) -> Any:
    """``value`` with the keys of every object in it sorted (``sort_keys=True``'s order)."""
    if isinstance(value, dict):
        return {key: _keys_sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_keys_sorted(item) for item in value]
    return value


def _previous(beside: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    """The constrainers this refresh replaces (the file at ``beside``; none when it is missing
    or unreadable: the refresh replaces it)."""
    from advisor.errors import KnowledgeError

    try:
        return parse_constrainers(beside.read_text(encoding="utf-8"), str(beside))
    except (OSError, UnicodeDecodeError, KnowledgeError):
        return {}


def _keep_unread(doc: dict[str, Any], previous: Mapping[str, Mapping[str, Sequence[str]]]) -> int:
    """Put in ``doc`` each release the data before knew and this refresh did not read (its
    metadata failed to download, or the release left the index): what it requires of ddtrace
    stays known instead of silently becoming nothing. Returns how many were kept."""
    kept = 0
    for name, versions in doc["packages"].items():
        for version, lines in previous.get(name, {}).items():
            if version not in versions:
                versions[version] = list(lines)
                kept += 1
    return kept


def _constrainers_text(doc: dict[str, Any]) -> str:
    """One line per requirement, sorted: a small file whose refreshes read well as diffs."""
    return json.dumps(doc, indent=1, sort_keys=True) + "\n"


def write_files(files: Sequence[tuple[str, Path]]) -> None:
    """Write each ``(text, path)``: every one of them, or none.

    Each text goes to a temporary file in its path's folder first. Only when all are written
    and synced do they replace their paths, each by ``os.replace`` (atomic within a file
    system, so readers never see half a file). Should a replacement fail, the paths already
    replaced get their old content back (or are removed if they were new), so every path holds
    either its new text or, all of them, what it held before. No temporary file is left.
    """
    staged: list[tuple[str, Path]] = []
    replaced: list[tuple[Path, bytes | None]] = []
    path = Path()
    try:
        for text, path in files:
            staged.append((_stage(text.encode("utf-8"), path), path))
        before = [path.read_bytes() if path.is_file() else None for _, path in staged]
        for (tmp_name, path), old in zip(staged, before, strict=True):
            os.replace(tmp_name, path)
            replaced.append((path, old))
    except BaseException as exc:
        for done, old in reversed(replaced):
            _put_back(done, old)
        if isinstance(exc, OSError):  # a full disk, a folder in the way: one line naming it
            why = exc.strerror or type(exc).__name__
            raise WriteFailed(f"{path}: cannot write ({why}); nothing was changed") from exc
        raise
    finally:
        for tmp_name, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)


def _stage(data: bytes, path: Path) -> str:
    """``data`` in a new temporary file beside ``path``, synced, with ``path``'s permissions
    (``0o644`` for a new file); returns its name."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
    except BaseException:
        os.unlink(tmp_name)
        raise
    return tmp_name


def _put_back(path: Path, old: bytes | None) -> None:
    """Undo one replacement of :func:`write_files`, as well as can be: the error that made it
    undo is the one to report, so a failure here is not raised over it."""
    with contextlib.suppress(OSError):
        if old is None:
            path.unlink()
        else:
            os.replace(_stage(old, path), path)


def in_cache(cache_dir: str | os.PathLike[str]) -> Path:
    """Where :func:`refresh` writes the snapshot by default: in the folder ``knowledge`` of the
    cache folder ``cache_dir`` (:func:`~advisor.knowledge.releases.cached_snapshot`), which is
    made when missing.

    :raises WriteFailed: the folder cannot be made.
    """
    out = cached_snapshot(cache_dir)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise WriteFailed(
            f"{out.parent}: cannot make the folder ({why}); nothing was written"
        ) from exc
    return out


def refresh(
    index_url: str,
    out: Path,
    project: str = DDTRACE,
    today: datetime.date | None = None,
    progress: Progress | None = None,
    constrainers: Sequence[str] = CONSTRAINERS,
) -> str:
    """Rebuild the snapshot and the constrainers document from ``index_url``, validate both,
    and write the snapshot to ``out`` and the constrainers beside it (``constrainers.json``
    in ``out``'s folder, where a run given ``--snapshot out`` reads it).

    Nothing is written when the index fails or a document does not validate, and the two
    files are written together (:func:`write_files`): both or neither.

    :returns: a one-line summary of what was written.
    :raises UsageError: ``out`` is itself named ``constrainers.json``.
    :raises IndexUnavailable: a project page could not be read.
    :raises KnowledgeError: a built document fails :func:`parse_snapshot` or
        :func:`~advisor.knowledge.matrix.parse_constrainers`.
    """
    beside = constrainers_beside(out)
    if out.name == CONSTRAINERS_NAME:
        raise UsageError(
            f"{out}: the constrainers are written beside the snapshot as {CONSTRAINERS_NAME}; "
            "name the snapshot otherwise",
            code="snapshot-name",
        )
    today = today or datetime.date.today()
    with SimpleIndexClient(index_url) as index:
        doc = build_snapshot(index, project, today=today, progress=progress)
        # Checked before the constrainers are read: a snapshot that fails needs no more requests.
        snapshot = parse_snapshot(doc, redact(index_url))
        limits = build_constrainers(index, constrainers, today=today, progress=progress)
    kept = _keep_unread(limits, _previous(beside))
    limits_text = _constrainers_text(limits)
    known = parse_constrainers(limits_text, str(beside))
    write_files([(_snapshot_text(doc), out), (limits_text, beside)])
    releases = snapshot.releases
    finals = sum(1 for r in releases if r.is_final)
    yanked = sum(1 for r in releases if r.yanked)
    read = sum(1 for r in releases if r.requires_dist is not None)
    recorded = ", ".join(f"{name} {len(versions)}" for name, versions in known.items())
    if kept:
        recorded += f" ({kept} kept from the data before: their metadata could not be read)"
    return (
        f"wrote {len(releases)} versions ({finals} final, {yanked} yanked), "
        f"requires-dist for {read}, snapshot {snapshot.snapshot_date} -> {out}; "
        f"releases read of the packages constraining ddtrace: {recorded or 'none'} -> {beside}"
    )
