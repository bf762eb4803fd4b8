"""Snapshot-format release entries from the files a project page lists.

A page's files are grouped by version (:func:`group_files`); each version becomes one entry of
the snapshot's format (:func:`release_entry_grouped`, read back by
:func:`advisor.model.release.release_from_entry`): its yanked state, Requires-Python, first
upload date, sdist presence and which interpreters and platforms its wheels cover. One wheel
stands for the version's METADATA (:func:`metadata_wheel`).
:class:`~advisor.index.source.IndexSource` builds its cached pages from these, and
:mod:`advisor.knowledge.refresh` the snapshot.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.tags import Tag, parse_tag
from packaging.utils import InvalidWheelFilename, parse_wheel_filename
from packaging.version import InvalidVersion, Version

from advisor.model.platforms import platform_id

if TYPE_CHECKING:
    from advisor.index.simple import IndexFile

__all__ = [
    "Progress",
    "group_files",
    "interpreter_key",
    "metadata_wheel",
    "metadata_wheel_grouped",
    "release_entry_grouped",
    "spec_key",
    "wheel_coverage",
]

#: A progress callback; its return value is ignored (so ``sys.stderr.write`` fits).
Progress = Callable[[str], object]

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
    return min(
        wheels, key=lambda f: (_metadata_rank(tags_of(f.filename)), f.filename), default=None
    )


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


def release_entry_grouped(
    version: str, files: Sequence[IndexFile], say: Progress
) -> dict[str, Any]:
    """One release's snapshot-format entry from its files as :func:`group_files` returns them
    (names that parse): its ``wheels`` a mapping (the snapshot's writer turns it into an index
    into its shared sets) and ``requires_dist`` left null."""
    coverage: dict[str, set[str]] = defaultdict(set)
    for f in files:
        if f.is_wheel:
            for key, platform in _coverage(_grouped_wheel_tags(f.filename)):
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
    if len({spec_key(v) for v in values}) > 1:
        say(f"{version}: files disagree on Requires-Python; using {values[0]!r}")
    return values[0]


@lru_cache(maxsize=1024)
def spec_key(value: str) -> str:
    """A Requires-Python value in normal form, to compare two (as written when it does not parse).

    Cached: every file of every release repeats one of a handful of Requires-Python values.
    """
    try:
        return str(SpecifierSet(value))
    except InvalidSpecifier:
        return value
