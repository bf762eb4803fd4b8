"""Regenerating the release snapshot (``data/releases.json``) from a package index.

Owns turning one project page into the snapshot document whose format
:mod:`advisor.model.release` defines: per version the yanked state, Requires-Python,
first upload date, sdist presence, which interpreters and platforms its wheels cover, and the
Requires-Dist of one of its wheels, read over HTTP Range (:mod:`advisor.index.wheelmeta`)
by a thread pool. Also owns writing the document atomically and the validated
:func:`refresh` that ``tools/refresh_snapshot.py`` runs.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.tags import Tag, parse_tag
from packaging.utils import InvalidWheelFilename, parse_wheel_filename
from packaging.version import InvalidVersion, Version

from advisor.errors import IndexUnavailable
from advisor.index.simple import IndexFile, SimpleIndexClient, redact
from advisor.index.wheelmeta import parse_metadata, read_wheel_metadata
from advisor.model.platforms import platform_id
from advisor.model.release import SCHEMA_VERSION, parse_snapshot

__all__ = [
    "build_snapshot",
    "interpreter_key",
    "metadata_wheel",
    "refresh",
    "wheel_coverage",
    "write_snapshot",
]

#: A progress callback; its return value is ignored (so ``sys.stderr.write`` fits).
Progress = Callable[[str], object]
K = TypeVar("K")
V = TypeVar("V")

# CPython ABI tags: cpXY plus the old pydebug/pymalloc/wide-unicode flags (PEP 3149).
# The free-threaded ``t`` flag (PEP 703) is deliberately not matched: those builds are not
# what a user's ``python3.X`` is, so such wheels are left out of the snapshot.
_CPYTHON_ABI = re.compile(r"^cp(\d+)[dmu]*$")
_CPYTHON = re.compile(r"^cp(\d+)$")
_PURE = re.compile(r"^py\d+$")


def interpreter_key(tag: Tag) -> str | None:
    """The snapshot's interpreter key for a wheel tag, or ``None`` for tags it leaves out.

    ``cp311-cp311`` gives ``cp311``; ``cp38-abi3`` gives ``cp38-abi3`` (PEP 384: usable on
    3.8 and later); ``py3-none`` gives ``py3``; free-threaded ``cp313t`` gives ``None``.
    """
    interp, abi = tag.interpreter, tag.abi
    if m := _CPYTHON.match(interp):
        if abi == "abi3":
            return f"{interp}-abi3"
        abi_match = _CPYTHON_ABI.match(abi)
        if (abi_match and abi_match[1] == m[1]) or abi == "none":
            return interp
        return None
    if _PURE.match(interp) and abi == "none":
        return interp
    return None


def wheel_coverage(filename: str) -> set[tuple[str, str]]:
    """The (interpreter key, platform id) pairs a wheel's tags cover.

    Tags whose platform maps to no platform id (``platform_id`` returns ``None``) or whose
    interpreter has no key are skipped; an unparsable filename covers nothing.
    """
    tags = _wheel_tags(filename)
    if tags is None:
        return set()
    return set(_coverage(tags))


@lru_cache(maxsize=1024)
def _wheel_tags(filename: str) -> frozenset[Tag] | None:
    """The tags of a wheel filename; ``None`` when it does not parse.

    Cached: each wheel of a release is parsed for its coverage and again when the wheel whose
    METADATA stands for the release is picked (ddtrace lists some 47,000 files).
    """
    try:
        return parse_wheel_filename(filename)[3]
    except (InvalidWheelFilename, InvalidVersion):
        return None


@lru_cache(maxsize=1024)
def _coverage(tags: frozenset[Tag]) -> frozenset[tuple[str, str]]:
    # Cached by tag set: every release repeats the same few dozen (cp312 manylinux x86_64 ...).
    pairs: set[tuple[str, str]] = set()
    for tag in tags:
        key, platform = interpreter_key(tag), platform_id(tag.platform)
        if key is not None and platform is not None:
            pairs.add((key, platform))
    return frozenset(pairs)


def metadata_wheel(files: Iterable[IndexFile]) -> IndexFile | None:
    """The wheel whose METADATA stands for its version.

    Preference: a CPython 3.11 manylinux x86_64 wheel (the most common deployment, hence the
    most tested build), then any CPython 3 manylinux x86_64 wheel, then any wheel; ties go to
    the first filename in sorted order, so the choice is stable across runs.
    """
    return _metadata_wheel(files, _wheel_tags)


def metadata_wheel_grouped(files: Iterable[IndexFile]) -> IndexFile | None:
    """:func:`metadata_wheel` for files as :func:`group_files` returns them (names that parse)."""
    return _metadata_wheel(files, _grouped_wheel_tags)


def _metadata_wheel(
    files: Iterable[IndexFile], tags_of: Callable[[str], frozenset[Tag] | None]
) -> IndexFile | None:
    wheels = [f for f in files if f.is_wheel]
    return min(wheels, key=lambda f: (_metadata_rank(tags_of(f.filename)), f.filename), default=None)


def _grouped_wheel_tags(filename: str) -> frozenset[Tag]:
    """The tags of a wheel filename already known to parse (group_files parsed it for its
    version): those of its last part, ``py-abi-platform``, exactly as parse_wheel_filename
    finds them, but parsed once per distinct tag string instead of once per file."""
    stem = filename[:-4]
    return _tags_of_string(stem.split("-", stem.count("-") - 2)[-1])


@lru_cache(maxsize=1024)
def _tags_of_string(tag_string: str) -> frozenset[Tag]:
    return parse_tag(tag_string)


def _metadata_rank(tags: frozenset[Tag] | None) -> int:
    if tags is None:
        return 3
    x86 = [t for t in tags if t.platform.startswith("manylinux") and t.platform.endswith("_x86_64")]
    if any(t.interpreter == "cp311" for t in x86):
        return 0
    if any(t.interpreter.startswith("cp3") for t in x86):
        return 1
    return 2


def build_snapshot(
    index: SimpleIndexClient,
    project: str = "ddtrace",
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
    say(
        f"{index.display_url}{page.name}/: {len(page.versions)} versions, "
        f"{len(page.files)} files"
    )
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

    ``releases`` holds :func:`release_entry` entries, in ascending version order: sets are
    numbered by first use in that order, so the numbers are stable across runs. Two mappings
    are the same set when they list the same platforms for the same interpreter keys.
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


def group_files(files: Sequence[IndexFile], versions: Sequence[str]) -> dict[str, list[IndexFile]]:
    """Files by normalised version string; every listed version appears, even without files."""
    groups: dict[str, list[IndexFile]] = defaultdict(list)
    for listed in versions:
        try:
            groups.setdefault(str(Version(listed)), [])
        except InvalidVersion:
            continue  # not a PEP 440 version: pip would never select it
    for f in files:
        if (version := f.version) is not None:
            groups[str(version)].append(f)
    return dict(groups)


def release_entry(version: str, files: Sequence[IndexFile], say: Progress) -> dict[str, Any]:
    """One release's entry from its files, its ``wheels`` a mapping (:func:`_share_wheel_sets`
    turns it into the snapshot's index) and ``requires_dist`` left null."""
    return _release_entry(version, files, say, _wheel_tags)


def release_entry_grouped(version: str, files: Sequence[IndexFile], say: Progress) -> dict[str, Any]:
    """:func:`release_entry` for files as :func:`group_files` returns them (names that parse)."""
    return _release_entry(version, files, say, _grouped_wheel_tags)


def _release_entry(
    version: str, files: Sequence[IndexFile], say: Progress,
    tags_of: Callable[[str], frozenset[Tag] | None],
) -> dict[str, Any]:
    coverage: dict[str, set[str]] = defaultdict(set)
    for f in files:
        if f.is_wheel and (tags := tags_of(f.filename)) is not None:
            for key, platform in _coverage(tags):
                coverage[key].add(platform)
    # PEP 592: pip still installs a yanked file when nothing else of the version is left,
    # so a version counts as yanked only when all its files are.
    yanked = bool(files) and all(f.yanked for f in files)
    reason = next((f.yanked_reason for f in files if f.yanked_reason), None) if yanked else None
    uploads = [f.upload_time for f in files if f.upload_time]
    return {
        "requires_python": _requires_python(version, files, say),
        "yanked": yanked,
        "yanked_reason": reason,
        # ISO 8601 timestamps sort as strings; the snapshot keeps the date part.
        "upload_time": min(uploads)[:10] if uploads else None,
        "sdist": any(f.is_sdist for f in files),
        "wheels": {key: sorted(platforms) for key, platforms in coverage.items()},
        "requires_dist": None,
    }


def _requires_python(version: str, files: Sequence[IndexFile], say: Progress) -> str | None:
    """The version's Requires-Python; a wheel's wins because pip selects wheels first."""
    ordered = sorted(files, key=lambda f: (not f.is_wheel, f.filename))
    values = [f.requires_python for f in ordered if f.requires_python]
    if not values:
        return None
    if len({_spec_key(v) for v in values}) > 1:
        say(f"{version}: files disagree on Requires-Python; using {values[0]!r}")
    return values[0]


@lru_cache(maxsize=1024)
def _spec_key(value: str) -> str:
    # Cached: every file of every release repeats one of a handful of Requires-Python values.
    try:
        return str(SpecifierSet(value))
    except InvalidSpecifier:
        return value


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
                if requires_python and indexed and _spec_key(requires_python) != _spec_key(indexed):
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
    project: str = "ddtrace",
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
