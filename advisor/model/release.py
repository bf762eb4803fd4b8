"""Releases as values: every ddtrace version on the index, with what it installs on.

:class:`Release` and :class:`ReleaseSnapshot` are what the index reader, the resolver and the
planner pass around; this module also owns the snapshot's JSON format (:func:`parse_snapshot`,
and :func:`release_from_entry` for one entry of it). The snapshot (``data/releases.json``) is
written by :mod:`advisor.knowledge.refresh` and read from its file by
:func:`advisor.knowledge.releases.load_snapshot`. Its format (``schema_version`` 2)::

    {
      "schema_version": 2,
      "project": "ddtrace",
      "index_url": "https://pypi.org/simple/",
      "snapshot_date": "2026-11-24",          # the day the index was read
      "last_serial": "42851752",              # PEP 691 "_last-serial", when the index gives it
      "requires_dist_sets": [[...], ...],      # distinct Requires-Dist lists, shared by index
      "wheel_sets": [                          # distinct wheel coverages, shared by index
        {"cp39": ["linux-aarch64", "linux-x86_64", ...], "cp38-abi3": [...], "py3": ["any"]},
        {},                                    # (no wheels at all)
        ...
      ],
      "releases": {
        "4.16.0": {
          "requires_python": "<3.15,>=3.9",   # null when no file declares one
          "yanked": false,                    # true only when every file is yanked
          "yanked_reason": null,
          "upload_time": "2026-10-16",        # first upload, a date
          "sdist": true,
          "wheels": 7,                        # index into wheel_sets
          "requires_dist": 12                 # index into requires_dist_sets; null when unread
        }
      }
    }

A wheel set maps each interpreter key to the platform ids its wheels cover. Some 860 releases
share about thirty of them, so each is stored, and built into a mapping, once. Version 1 kept
the mapping inline in every release; such files are refused (``aap-advise kb refresh``
writes version 2).

Interpreter keys are ``cpXY`` (one CPython), ``cpXY-abi3`` (CPython X.Y and later) or ``pyX``
(a pure wheel for any Python X); ``cpXYt`` would be a free-threaded build's (the snapshot has
none: ddtrace publishes no such wheels). Platform ids come from :mod:`advisor.model.platforms`.

A CPython is named ``"X.Y"``, or ``"X.Yt"`` for the free-threaded build (PEP 703, as uv spells
it): Requires-Python and markers see X.Y, only ``cpXYt`` and pure wheels install on it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field
from functools import lru_cache, partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from advisor.errors import KnowledgeError
from advisor.model import IdentityMemo
from advisor.model.platforms import served_by

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

#: The package aap-advise advises on: the project the snapshot holds, the dependency the
#: planner looks for and the writers edit.
DDTRACE = "ddtrace"

SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class Release:
    """One version of the package on the index, as the snapshot records it."""

    version: Version
    requires_python: SpecifierSet | None
    yanked: bool
    yanked_reason: str | None
    upload_time: str | None
    sdist: bool
    wheels: Mapping[str, frozenset[str]]
    requires_dist: tuple[str, ...] | None

    @property
    def is_final(self) -> bool:
        """Not a pre-release or development release."""
        return not (self.version.is_prerelease or self.version.is_devrelease)

    def admits_python(self, python: str) -> bool:
        """Requires-Python admits CPython ``python`` (``"3.12"``) at some patch level."""
        if self.requires_python is None:
            return True
        return python_minor_admitted(self.requires_python, python)

    def installs_on(self, python: str, platform: str) -> bool:
        """Requires-Python admits CPython ``python``, and a wheel for it on ``platform`` or a
        source distribution is there to install."""
        return self.admits_python(python) and (self.has_wheel(python, platform) or self.sdist)

    def has_wheel(self, python: str, platform: str) -> bool:
        """A wheel installs on CPython ``python`` on user platform ``platform``.

        A ``cpXY`` wheel, an abi3 wheel built for X.Y or lower, or a pure ``pyX`` wheel counts;
        on a free-threaded ``X.Yt`` only a ``cpXYt`` or a pure wheel does (the stable ABI is not
        available there). Requires-Python is not checked here (see :meth:`serves`).
        """
        # Some 860 releases share about thirty wheel sets (the snapshot's, one mapping each):
        # the answer is kept per set, CPython and platform (the planner asks about every
        # release, CPython and platform: about a thousand times for one small project). Kept
        # with the mapping itself, so an id reused after it is gone is never taken for it.
        key = (id(self.wheels), python, platform)
        kept = _HAS_WHEEL.get(key)
        if kept is not None and kept[0] is self.wheels:
            return kept[1]
        found = _has_wheel(self.wheels, python, platform)
        if len(_HAS_WHEEL) >= _HAS_WHEEL_KEPT:
            _HAS_WHEEL.clear()
        _HAS_WHEEL[key] = (self.wheels, found)
        return found

    def serves(self, python: str, platform: str) -> bool:
        """Final, not yanked, Requires-Python admits ``python``, and a wheel for it exists.

        Requires-Python wins over wheels: 4.11-4.14 publish cp315 wheels that their
        ``<3.15`` excludes, and pip never selects them.
        """
        return (
            self.is_final
            and not self.yanked
            and self.admits_python(python)
            and self.has_wheel(python, platform)
        )


#: :meth:`Release.has_wheel`'s answers: (id of the wheels mapping, CPython, platform) ->
#: (that mapping, the answer). Emptied once it holds :data:`_HAS_WHEEL_KEPT` (the releases an
#: index page gives each have a mapping of their own).
_HAS_WHEEL: dict[tuple[int, str, str], tuple[Mapping[str, frozenset[str]], bool]] = {}
_HAS_WHEEL_KEPT = 4096


def _has_wheel(wheels: Mapping[str, frozenset[str]], python: str, platform: str) -> bool:
    parsed = parse_python(python)
    if parsed is None:
        return False
    accepted = served_by(platform)
    # isdisjoint: no set built per wheel set entry.
    for interp, platforms in wheels.items():
        if not accepted.isdisjoint(platforms) and _interpreter_matches(interp, *parsed):
            return True
    return False


@lru_cache(maxsize=1024)
def _interpreter_matches(interp: str, major: int, minor: int, free_threaded: bool) -> bool:
    # Cached: some thirty wheel sets share a handful of interpreter keys, asked about for
    # every release, CPython and platform the planner checks.
    if interp.startswith("cp"):
        abi3 = interp.endswith("-abi3")
        digits = interp[2:].removesuffix("-abi3")
        threaded = digits.endswith("t") and not abi3
        digits = digits.removesuffix("t") if threaded else digits
        if not digits.isdigit() or len(digits) < 2:
            return False
        w_major, w_minor = int(digits[0]), int(digits[1:])
        if threaded != free_threaded:
            return False  # also keeps abi3 wheels off free-threaded builds
        if abi3:
            return w_major == major and w_minor <= minor
        return (w_major, w_minor) == (major, minor)
    if interp.startswith("py"):
        digits = interp[2:]
        if digits.isdigit():
            return int(digits[0]) == major and (len(digits) == 1 or int(digits[1:]) <= minor)
    return False


#: The suffix of a free-threaded CPython (``3.13t``), as uv and the ``cp313t`` wheel tag write it.
FREE_THREADED = "t"


@lru_cache(maxsize=256)
def parse_python(python: str) -> tuple[int, int, bool] | None:
    """``"3.12"`` -> ``(3, 12, False)``; ``"3.13t"`` -> ``(3, 13, True)``; else ``None``."""
    free_threaded = python.endswith(FREE_THREADED)
    major, dot, minor = python.removesuffix(FREE_THREADED).partition(".")
    if not (dot and major.isdigit() and minor.isdigit()):
        return None
    return int(major), int(minor), free_threaded


def python_minor(python: str) -> str:
    """The X.Y that Requires-Python and markers see: ``"3.13t"`` -> ``"3.13"``."""
    return python.removesuffix(FREE_THREADED)


@lru_cache(maxsize=4096)
def python_minor_admitted(spec: SpecifierSet | str, python: str) -> bool:
    """The specifier admits CPython minor ``python`` at X.Y.0 or at some later X.Y.z.

    A free-threaded ``X.Yt`` is admitted as X.Y. Cached: the same few Requires-Python values
    are asked about for hundreds of releases.
    """
    s = spec if isinstance(spec, SpecifierSet) else SpecifierSet(spec)
    minor = python_minor(python)
    return any(s.contains(f"{minor}.{patch}", prereleases=False) for patch in _patches(s, minor))


def _patches(spec: SpecifierSet, minor: str) -> Iterable[int]:
    """The patch levels of CPython ``minor`` (``"3.12"``) worth asking ``spec`` about: when it
    admits some X.Y.z below 100, it admits one of these.

    Each specifier's verdict on X.Y.z, as z grows, changes only next to the patch level ``k``
    of its own version (``>=3.9.2``: from no to yes at 2; ``>3.9.2`` or ``!=3.9.2``: at 3;
    ``>=3.9.2.post1``: at 3; a version of another X.Y gives the same verdict for every z).
    So the least z the set admits is 0, or one where some specifier changes to yes: among
    k .. k+1. ``===`` compares text, and a CPython name that is not X.Y is not reasoned
    about: every patch level is asked then.
    """
    major, dot, rest = minor.partition(".")
    if not (dot and major.isdigit() and rest.isdigit()):
        return range(100)
    found = {0}
    for one in spec:
        if one.operator == "===":
            return range(100)
        try:
            release = Version(one.version.removesuffix(".*")).release
        except InvalidVersion:
            return range(100)
        k = release[2] if len(release) > 2 else 0
        found.update(z for z in (k - 1, k, k + 1, k + 2) if 0 <= z < 100)
    return sorted(found)


@dataclass(frozen=True, slots=True)
class ReleaseSnapshot:
    """All releases of one project, in ascending version order."""

    project: str
    index_url: str
    snapshot_date: str
    releases: tuple[Release, ...]
    _by_version: dict[Version, Release] = field(default_factory=dict, compare=False, repr=False)
    _final: list[Release] = field(default_factory=list, compare=False, repr=False)
    _final_sorted: list[bool] = field(default_factory=list, compare=False, repr=False)

    def get(self, version: Version | str) -> Release | None:
        """The release with exactly this version, if the snapshot has it."""
        if not self._by_version:
            self._by_version.update({r.version: r for r in self.releases})
        return self._by_version.get(
            version if isinstance(version, Version) else Version(str(version))
        )

    def final(self) -> Iterable[Release]:
        """Final, non-yanked releases in ascending order."""
        return iter(self._finals())

    def final_newest_first(self) -> Iterable[Release]:
        """The releases of :meth:`final`, in the opposite order."""
        return reversed(self._finals())

    def final_from(self, floor: Version) -> Iterable[Release]:
        """Final, non-yanked releases at or above ``floor``, ascending."""
        finals = self._finals()
        if self._final_sorted[0]:
            # Ascending (parse_snapshot sorts): skip below the floor by bisection instead of
            # comparing every release; the planner asks this for each CPython and capability.
            return iter(finals[bisect_left(finals, floor, key=_version_of) :])
        return (r for r in finals if r.version >= floor)

    def _finals(self) -> list[Release]:
        # Computed once: the planner walks the final releases for every CPython and candidate.
        if not self._final_sorted:
            self._final.extend(r for r in self.releases if r.is_final and not r.yanked)
            self._final_sorted.append(
                all(
                    a.version <= b.version
                    for a, b in zip(self._final, self._final[1:], strict=False)
                )
            )
        return self._final

    @property
    def newest(self) -> Release | None:
        """The highest final, non-yanked release (found once per releases tuple: asked for
        every project)."""
        return _NEWEST.get(self.releases, _newest)


def _newest(releases: tuple[Release, ...]) -> Release | None:
    return next((r for r in reversed(releases) if r.is_final and not r.yanked), None)


#: :attr:`ReleaseSnapshot.newest`, by the identity of the releases tuple (a snapshot made
#: anew, even by ``replace``, has its own): a few snapshots a run at most.
_NEWEST: IdentityMemo[tuple[Release, ...], Release | None] = IdentityMemo(16)


def _version_of(release: Release) -> Version:
    return release.version


def parse_snapshot(data: Any, origin: str) -> ReleaseSnapshot:
    """Validate and convert the snapshot's JSON data, reporting every problem at once.

    :param data: the decoded JSON document.
    :param origin: where it came from, for messages.
    :raises KnowledgeError: when the document does not follow the schema.
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        raise KnowledgeError(f"{origin}: the snapshot is not a JSON object")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise KnowledgeError(
            f"{origin}: schema_version {data.get('schema_version')!r} is not {SCHEMA_VERSION}",
            code="snapshot-schema",
            hint="write a current snapshot with `aap-advise kb refresh --out FILE`",
        )
    sets = data.get("requires_dist_sets", [])
    wheel_sets = _wheel_sets(data.get("wheel_sets", []), problems)
    wheels_of = partial(_wheels_of, wheel_sets=wheel_sets)
    # Each Requires-Dist list as one tuple, shared by the releases that point at it.
    shared: dict[int, tuple[str, ...]] = {}
    releases: list[Release] = []
    texts: list[str] = []
    for key, raw in dict(data.get("releases", {})).items():
        try:
            releases.append(_parse_release(key, raw, sets, wheels_of, shared))
            texts.append(key)
        except (
            KeyError,
            TypeError,
            ValueError,
            IndexError,
            InvalidVersion,
            InvalidSpecifier,
        ) as exc:
            problems.append(f"releases.{key}: {exc}")
    for name in ("project", "snapshot_date"):
        if not isinstance(data.get(name), str):
            problems.append(f"{name}: missing or not a string")
    if problems:
        raise KnowledgeError(f"{origin}: " + "; ".join(problems), code="snapshot-invalid")
    if len(_SNAPSHOT_VERSIONS) + len(texts) > _SNAPSHOT_VERSIONS_KEPT:
        _SNAPSHOT_VERSIONS.clear()
    _SNAPSHOT_VERSIONS.update(zip(texts, (r.version for r in releases), strict=True))
    releases.sort(key=lambda r: r.version)
    return ReleaseSnapshot(
        project=data["project"],
        index_url=str(data.get("index_url", "")),
        snapshot_date=data["snapshot_date"],
        releases=tuple(releases),
    )


def release_from_entry(version: str, raw: Mapping[str, Any]) -> Release:
    """A :class:`Release` from one snapshot-format entry whose ``requires_dist`` is not read."""
    return _parse_release(version, {**raw, "requires_dist": None}, [], _inline_wheels)


#: The versions of the snapshots loaded, by their text as the snapshot writes it (the index
#: page's): a page of the project read from the index or the cache lists the same texts
#: (ddtrace's 860), and takes these instead of parsing each again (:func:`version_of`).
#: Bounded: emptied before a snapshot would take it past :data:`_SNAPSHOT_VERSIONS_KEPT`.
_SNAPSHOT_VERSIONS: dict[str, Version] = {}
_SNAPSHOT_VERSIONS_KEPT = 1 << 14


def version_of(text: str) -> Version:
    """``Version(text)``, the one a snapshot loaded parsed when it has this text.

    :raises InvalidVersion: for a text that is no version.
    """
    known = _SNAPSHOT_VERSIONS.get(text)
    return known if known is not None else Version(text)


#: :func:`version_text`'s answers: the planner writes the same few versions (the releases
#: its verdicts name, the capabilities' floors) for every project of a monorepo.
_TEXTS: IdentityMemo[Version, str] = IdentityMemo(256)


def version_text(version: Version) -> str:
    """``str(version)``, written once per version object while kept (by identity: ``1.0`` and
    ``1.0.0`` are equal versions, written apart)."""
    return _TEXTS.get(version, str)


@lru_cache(maxsize=256)
def _specifier(text: str) -> SpecifierSet:
    # Hundreds of releases share a handful of Requires-Python values: parse each once.
    return SpecifierSet(text)


#: Platform sets seen so far, by their listing: the snapshot's wheel sets and the index pages
#: the resolver reads repeat about twenty distinct ones, so each is built once and shared.
_PLATFORM_SETS: dict[tuple[str, ...], frozenset[str]] = {}


def _platform_set(platforms: Iterable[str]) -> frozenset[str]:
    key = tuple(platforms)
    found = _PLATFORM_SETS.get(key)
    if found is None:
        found = _PLATFORM_SETS[key] = frozenset(key)  # hashing the key raises as frozenset() would
    return found


#: A wheel set as :func:`_wheel_sets` builds it: shared, read-only, by every release using it.
_WheelSet = Mapping[str, frozenset[str]]


def _wheel_sets(raw: Any, problems: list[str]) -> list[_WheelSet | None]:
    """Each entry of ``wheel_sets`` as a read-only mapping, built once; ``None`` for a bad one.

    A bad entry (or a ``wheel_sets`` that is not a list) is added to ``problems``.
    """
    if not isinstance(raw, list):
        problems.append("wheel_sets: not a list")
        return []
    out: list[_WheelSet | None] = []
    for i, entry in enumerate(raw):
        try:
            out.append(_wheel_set(entry))
        except (TypeError, ValueError) as exc:
            problems.append(f"wheel_sets[{i}]: {exc}")
            out.append(None)
    return out


def _wheel_set(entry: Any) -> _WheelSet:
    if not isinstance(entry, dict):
        raise TypeError("not an object mapping interpreter keys to lists of platforms")
    wheels: dict[str, frozenset[str]] = {}
    for interp, platforms in entry.items():
        if not isinstance(interp, str):
            raise TypeError(f"interpreter key {interp!r} is not a string")
        if not isinstance(platforms, list) or not all(isinstance(p, str) for p in platforms):
            raise TypeError(f"{interp}: not a list of platform strings")
        wheels[interp] = _platform_set(platforms)
    # Read-only: the one mapping is shared by every release that points at this set.
    return MappingProxyType(wheels)


def _inline_wheels(raw: Mapping[str, Any]) -> Mapping[str, frozenset[str]]:
    """The wheels of an entry that holds its coverage itself (:func:`release_from_entry`)."""
    return {interp: _platform_set(plats) for interp, plats in dict(raw.get("wheels", {})).items()}


def _wheels_of(raw: Mapping[str, Any], wheel_sets: list[_WheelSet | None]) -> _WheelSet:
    """The wheel set a snapshot release's ``wheels`` index names."""
    if "wheels" not in raw:
        raise ValueError("wheels: missing (an index into wheel_sets)")
    index = raw["wheels"]
    # bool is an int subclass: ``true`` is not an index. Negative indexes are refused too.
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(wheel_sets):
        raise ValueError(
            f"wheels {index!r} is not an index into wheel_sets ({len(wheel_sets)} sets)"
        )
    found = wheel_sets[index]
    if found is None:
        raise ValueError(f"wheels {index} names the invalid wheel_sets[{index}]")
    return found


def _parse_release(
    key: str,
    raw: Mapping[str, Any],
    sets: list[list[str]],
    wheels_of: Callable[[Mapping[str, Any]], Mapping[str, frozenset[str]]],
    shared: dict[int, tuple[str, ...]] | None = None,
) -> Release:
    rp = raw.get("requires_python")
    # Positional, in the fields' order (some 860 releases a run: a third faster than by
    # keyword); evaluated in that order too, so a bad version is the message that wins.
    return Release(
        Version(key),
        _specifier(rp) if rp else None,
        bool(raw["yanked"]),
        raw.get("yanked_reason"),
        raw.get("upload_time"),
        bool(raw.get("sdist", False)),
        wheels_of(raw),
        _requires_dist(sets, raw.get("requires_dist"), shared),
    )


def _requires_dist(
    sets: list[list[str]], index: Any, shared: dict[int, tuple[str, ...]] | None
) -> tuple[str, ...] | None:
    """``sets[index]`` as a tuple (``None`` for no index), made once per index in ``shared``."""
    if index is None:
        return None
    if shared is not None and type(index) is int and index in shared:
        return shared[index]
    found = tuple(sets[index])
    if shared is not None and type(index) is int:
        shared[index] = found
    return found
