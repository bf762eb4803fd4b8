"""A project page's entries: as :class:`~advisor.index.source.IndexSource` holds them, as the
cache stores them, and the :class:`~advisor.model.release.Release` of each.

In memory a page is ``{version: entry}``, each entry a dict of ``requires_python``,
``yanked``, ``yanked_reason``, ``upload_time``, ``sdist``, ``wheels`` (the interpreter keys and
platform ids its wheels cover: one read-only mapping shared by every entry, of any page, that
covers the same), ``meta`` and ``sdist_file`` (where its metadata is read:
``[url as stored, size, core metadata, prefix]``, or ``None``); an entry made from a page just
read also holds its ``version`` parsed (never stored).

The cache stores a page compactly (:data:`PAGE_FORMAT` 3): each distinct coverage once, in
``wheel_sets``, and each version only what differs from an empty release (no null, no false,
no empty coverage), so that a run answered by the cache reads a third of what it used to
(ddtrace's page: 1.2 MB before). A stored page that does not have this shape is not used (it
is fetched again): a corrupt cache costs a request, never a wrong answer.

No httpx here: a run answered by the cache reads pages through this module alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from packaging.specifiers import SpecifierSet

from advisor.model.release import Release, version_of

__all__ = ["PAGE_FORMAT", "Entry", "load", "release", "store", "wheel_set"]

#: The format of cached pages; a page stored in another format is fetched again.
PAGE_FORMAT = 3

#: One version's entry in memory (see the module's docstring).
Entry = dict[str, Any]

_EMPTY: Mapping[str, frozenset[str]] = MappingProxyType({})
_SETS: dict[tuple[tuple[str, tuple[str, ...]], ...], Mapping[str, frozenset[str]]] = {}
_PLATFORMS: dict[tuple[str, ...], frozenset[str]] = {}


def wheel_set(coverage: Mapping[str, Iterable[str]]) -> Mapping[str, frozenset[str]]:
    """``coverage`` as the read-only mapping every entry covering the same shares."""
    key = tuple((interp, tuple(sorted(platforms))) for interp, platforms in coverage.items())
    found = _SETS.get(key)
    if found is None:
        found = _SETS[key] = MappingProxyType(
            {interp: _platform_set(platforms) for interp, platforms in key}
        )
    return found


def _platform_set(platforms: tuple[str, ...]) -> frozenset[str]:
    found = _PLATFORMS.get(platforms)
    if found is None:
        found = _PLATFORMS[platforms] = frozenset(platforms)
    return found


def store(versions: Mapping[str, Entry]) -> dict[str, Any]:
    """A page's entries as the cache stores them (``wheel_sets`` and ``versions``)."""
    indexes: dict[int, int] = {}
    wheel_sets: list[dict[str, list[str]]] = []
    out: dict[str, dict[str, Any]] = {}
    items: Iterable[tuple[str, Entry]] = versions.items()
    if all("version" in entry for entry in versions.values()):
        # In version order, as every reader of the page wants them (sorting what is sorted
        # costs a pass); a page as the cache gave it (a 304) is stored as it was.
        items = sorted(items, key=lambda item: item[1]["version"])
    for version, entry in items:
        kept: dict[str, Any] = {}
        if entry["requires_python"] is not None:
            kept["python"] = entry["requires_python"]
        if entry["yanked"]:
            kept["yanked"] = True
        if entry["yanked_reason"] is not None:
            kept["reason"] = entry["yanked_reason"]
        if entry["upload_time"] is not None:
            kept["upload"] = entry["upload_time"]
        if entry["sdist"]:
            kept["sdist"] = True
        if wheels := entry["wheels"]:
            index = indexes.get(id(wheels))
            if index is None:
                index = indexes[id(wheels)] = len(wheel_sets)
                wheel_sets.append({interp: sorted(p) for interp, p in wheels.items()})
            kept["wheels"] = index
        if entry["meta"] is not None:
            kept["meta"] = entry["meta"]
        if entry["sdist_file"] is not None:
            kept["sdist_file"] = entry["sdist_file"]
        out[version] = kept
    return {"wheel_sets": wheel_sets, "versions": out}


#: What each stored key may hold.
_STORED_TYPES: dict[str, type | tuple[type, ...]] = {
    "python": str,
    "yanked": bool,
    "reason": str,
    "upload": str,
    "sdist": bool,
    "wheels": int,
    "meta": list,
    "sdist_file": list,
}


def load(doc: Mapping[str, Any]) -> dict[str, Entry] | None:
    """The entries of a stored page (:func:`store`); ``None`` when it does not have that shape."""
    raw_sets, raw_versions = doc.get("wheel_sets"), doc.get("versions")
    if not isinstance(raw_sets, list) or not isinstance(raw_versions, dict):
        return None
    sets: list[Mapping[str, frozenset[str]]] = []
    for raw in raw_sets:
        if not isinstance(raw, dict) or not all(
            isinstance(p, list) and all(isinstance(x, str) for x in p) for p in raw.values()
        ):
            return None
        sets.append(wheel_set(raw))
    out: dict[str, Entry] = {}
    for version, kept in raw_versions.items():
        if not isinstance(kept, dict):
            return None
        for key, value in kept.items():
            wanted = _STORED_TYPES.get(key)
            if wanted is None or not isinstance(value, wanted):
                return None
        index = kept.get("wheels")
        if index is not None and (isinstance(index, bool) or not 0 <= index < len(sets)):
            return None
        out[version] = {
            "requires_python": kept.get("python"),
            "yanked": kept.get("yanked", False),
            "yanked_reason": kept.get("reason"),
            "upload_time": kept.get("upload"),
            "sdist": kept.get("sdist", False),
            "wheels": sets[index] if index is not None else _EMPTY,
            "meta": kept.get("meta"),
            "sdist_file": kept.get("sdist_file"),
        }
    return out


@lru_cache(maxsize=1024)
def _specifier(text: str) -> SpecifierSet:
    # Hundreds of releases share a handful of Requires-Python values: parse each once.
    return SpecifierSet(text)


def release(version: str, entry: Entry) -> Release:
    """The release an entry stands for (its Requires-Dist not read: ``None``).

    :raises ValueError: for a version or a Requires-Python that does not parse (an
        ``InvalidVersion`` or ``InvalidSpecifier``): such a release is left out, as
        :func:`advisor.model.release.release_from_entry` leaves it out.
    """
    rp = entry["requires_python"]
    # Positional, in the fields' order (ddtrace's page makes 860 a run), the version the
    # snapshot parsed for the same text taken when there is one.
    return Release(
        entry.get("version") or version_of(version),
        _specifier(rp) if rp else None,
        bool(entry["yanked"]),
        entry["yanked_reason"],
        entry["upload_time"],
        bool(entry["sdist"]),
        entry["wheels"],
        None,
    )
