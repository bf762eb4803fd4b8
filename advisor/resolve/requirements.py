"""Requirements as the resolver sees them, and Requires-Dist filtered for one environment.

Kept apart from :mod:`advisor.resolve.provider` so that the planner's offline check of pins
against ddtrace's own requirements does not import resolvelib.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion

from advisor.model.names import canonicalize_name
from advisor.model.plain import PlainMarker, plain_marker, plain_requirement
from advisor.model.release import python_minor

if TYPE_CHECKING:
    from dataclasses import dataclass

    from packaging.markers import Marker
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["Req", "marker_env", "parse_requires_dist"]


@dataclass(frozen=True, slots=True)
class Req:
    """A requirement in the resolution: name, extras, specifier, and who asked for it."""

    name: str
    specifier: SpecifierSet
    extras: frozenset[str] = frozenset()
    origin: str = ""

    @property
    def key(self) -> str:
        """The resolvelib identifier: the name, with extras when there are any."""
        return _key(self.name, self.extras)

    def __str__(self) -> str:
        extras = f"[{','.join(sorted(self.extras))}]" if self.extras else ""
        return f"{self.name}{extras}{self.specifier}"


def _key(name: str, extras: frozenset[str]) -> str:
    return f"{name}[{','.join(sorted(extras))}]" if extras else name


def marker_env(python: str, platform: str) -> dict[str, str]:
    """A PEP 508 environment for CPython ``python`` on platform id ``platform`` (a
    free-threaded ``3.13t`` is ``python_version`` 3.13, as markers see it)."""
    python = python_minor(python)
    os_part, _, machine = platform.partition("-")
    sys_platform = {"linux": "linux", "musllinux": "linux", "macos": "darwin", "windows": "win32"}[
        os_part
    ]
    system = {"linux": "Linux", "darwin": "Darwin", "win32": "Windows"}[sys_platform]
    return {
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "implementation_version": f"{python}.0",
        "python_version": python,
        "python_full_version": f"{python}.0",
        "os_name": "nt" if sys_platform == "win32" else "posix",
        "sys_platform": sys_platform,
        "platform_system": system,
        "platform_machine": {"x86": "x86", "amd64": "AMD64"}.get(machine, machine),
        "platform_release": "",
        "platform_version": "",
        "extra": "",
    }


def parse_requires_dist(
    lines: Iterable[str], env: Mapping[str, str], extras: frozenset[str], origin: str
) -> list[Req]:
    """Requires-Dist lines that apply in ``env`` (for the given extras), as :class:`Req`."""
    out = []
    for line in lines:
        req = _requirement(line)
        if req is None:
            continue
        name, specifier, wanted, marker = req
        if marker is not None and not _marker_holds(marker, env, extras):
            continue
        out.append(Req(name, specifier, wanted, origin))
    return out


_Line = tuple[str, SpecifierSet, frozenset[str], "PlainMarker | Marker | None"]
"""A Requires-Dist line as :func:`parse_requires_dist` needs it: the canonical name, the
specifier, the extras, and the marker (plain, or packaging's), if any. (A tuple: a
``NamedTuple`` class costs every run a compilation of each field's annotation.)"""


@lru_cache(maxsize=8192)
def _requirement(line: str) -> _Line | None:
    # The same Requires-Dist lines are read for every CPython and every candidate release.
    # ddtrace's are plain (advisor.model.plain): a requirement, then perhaps one comparison
    # of python_version or extra. Any other line is packaging's, whose requirement parser is
    # imported by the first such line (an offline answer without a cache parses none).
    requirement, semicolon, marker_text = line.partition(";")
    plain = plain_requirement(requirement)
    if plain is not None:
        marker = plain_marker(marker_text) if semicolon else None
        if marker is not None or not semicolon:
            name, extras, specifier = plain
            return canonicalize_name(name), specifier, frozenset(extras), marker
    from packaging.requirements import Requirement

    try:
        req = Requirement(line)
    except ValueError:  # InvalidRequirement, or (packaging 24) an InvalidSpecifier let through
        return None
    return canonicalize_name(req.name), req.specifier, frozenset(req.extras), req.marker


def _marker_holds(
    marker: PlainMarker | Marker, env: Mapping[str, str], extras: frozenset[str]
) -> bool:
    if not extras:
        return _evaluate(marker, dict(env))
    return any(_evaluate(marker, dict(env, extra=e)) for e in extras)


def _evaluate(marker: PlainMarker | Marker, env: dict[str, str]) -> bool:
    """Whether ``marker`` holds in ``env``; a comparison packaging cannot make (a version
    variable the environment holds as ``""``: packaging 24 raises) holds, as a marker the
    planner cannot evaluate does (:func:`advisor.model.markers.marker_holds`)."""
    try:
        if isinstance(marker, PlainMarker):
            verdict = marker.evaluate(env)
            if verdict is not None:
                return verdict
            marker = _packaging_marker(marker.text)
        return marker.evaluate(env)
    except InvalidVersion:
        return True


@lru_cache(maxsize=1024)
def _packaging_marker(text: str) -> Marker:
    """packaging's reading of a plain marker (which it reads: the same text is valid)."""
    from packaging.markers import Marker

    return Marker(text)
