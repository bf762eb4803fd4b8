"""Regenerating the release snapshot (``data/releases.json``) from a package index.

Owns turning one project page into the snapshot document whose format
:mod:`advisor.model.release` defines: per version the entry :mod:`advisor.index.entries`
builds from its files (yanked state, Requires-Python, first upload date, sdist presence, which
interpreters and platforms its wheels cover), and the Requires-Dist of one of its wheels, read
over HTTP Range (:mod:`advisor.index.wheelmeta`) by a thread pool. Also owns writing the
document atomically and the validated :func:`refresh` that ``tools/refresh_snapshot.py`` runs.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any, TypeVar

from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import Version

from advisor.errors import IndexUnavailable
from advisor.index.entries import (
    Progress,
    group_files,
    metadata_wheel_grouped,
    release_entry_grouped,
    spec_key,
)
from advisor.index.simple import IndexFile, SimpleIndexClient, redact
from advisor.index.wheelmeta import parse_metadata, read_wheel_metadata
from advisor.model.release import DDTRACE, SCHEMA_VERSION, parse_snapshot

__all__ = [
    "build_snapshot",
    "refresh",
    "write_snapshot",
]

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
    read = _read_requirements(index, to_read, releases, workers, say)
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


def _is_final(version: str) -> bool:
    v = Version(version)
    return not (v.is_prerelease or v.is_devrelease)


def _read_requirements(
    index: SimpleIndexClient,
    wheels: dict[str, IndexFile],
    releases: dict[str, dict[str, Any]],
    workers: int,
    say: Progress,
) -> dict[str, tuple[str, ...]]:
    """Requires-Dist of each version's chosen wheel, normalised and sorted; failures omitted."""
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
                indexed = releases[version]["requires_python"]
                if requires_python and indexed and spec_key(requires_python) != spec_key(indexed):
                    say(
                        f"{version}: METADATA says Requires-Python {requires_python!r}, "
                        f"the index {indexed!r}"
                    )
            if done % 50 == 0 or done == len(futures):
                say(f"read METADATA of {done}/{len(futures)} wheels")
    return results


def write_snapshot(doc: dict[str, Any], path: Path) -> None:
    """Write ``doc`` as compact JSON to ``path`` atomically.

    The text goes to a temporary file in the same directory, which then replaces ``path``
    (``os.replace`` is atomic within a file system), so readers never see half a file.
    """
    text = json.dumps(doc, separators=(",", ":"), sort_keys=True) + "\n"
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        os.unlink(tmp_name)
        raise


def refresh(
    index_url: str,
    out: Path,
    project: str = DDTRACE,
    today: datetime.date | None = None,
    progress: Progress | None = None,
) -> str:
    """Rebuild the snapshot from ``index_url``, validate it, and write it to ``out``.

    Nothing is written when the index fails or the document does not validate.

    :returns: a one-line summary of what was written.
    :raises IndexUnavailable: the project page could not be read.
    :raises KnowledgeError: the built document fails :func:`parse_snapshot`.
    """
    with SimpleIndexClient(index_url) as index:
        doc = build_snapshot(index, project, today=today, progress=progress)
    snapshot = parse_snapshot(doc, redact(index_url))
    write_snapshot(doc, out)
    releases = snapshot.releases
    finals = sum(1 for r in releases if r.is_final)
    yanked = sum(1 for r in releases if r.yanked)
    read = sum(1 for r in releases if r.requires_dist is not None)
    return (
        f"wrote {len(releases)} versions ({finals} final, {yanked} yanked), "
        f"requires-dist for {read}, snapshot {snapshot.snapshot_date} -> {out}"
    )
