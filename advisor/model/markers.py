"""Environment markers evaluated for one CPython minor, shared by the planner and the writers."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from packaging.version import InvalidVersion

from advisor.model.plain import plain_marker
from advisor.model.release import python_minor

if TYPE_CHECKING:
    from packaging.markers import Marker

# Markers are evaluated for each CPython in scope on a Linux x86_64 CPython, the default
# platform; only the Python version varies (uv's universal resolution does the same per fork).
_BASE_ENV = {
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "os_name": "posix",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "platform_machine": "x86_64",
    "platform_release": "",
    "platform_version": "",
    "implementation_version": "",
    "extra": "",
}


@lru_cache(maxsize=1024)
def marker_admits(marker: str | None, python: str) -> bool:
    """The marker holds on CPython ``python`` (X.Y, or X.Yt for a free-threaded build, which
    markers see as X.Y); no marker or a broken one holds everywhere."""
    if not marker:
        return True
    minor = python_minor(python)
    env = dict(
        _BASE_ENV,
        python_version=minor,
        python_full_version=f"{minor}.0",
        implementation_version=f"{minor}.0",
    )
    return marker_holds(marker, env)


def marker_holds(marker: str | None, env: Mapping[str, str]) -> bool:
    """The marker holds in ``env`` (a whole PEP 508 environment: another platform's); no
    marker or a broken one holds everywhere.

    A lock repeats a few dozen markers over thousands of packages, asked on each CPython and
    platform in scope: each marker is parsed once, and its verdict kept per environment (both
    caches bounded by entries, so a file of many distinct markers costs one parse each)."""
    if not marker:
        return True
    return _holds(marker, tuple(env.items()))


@lru_cache(maxsize=4096)
def _holds(marker: str, env: tuple[tuple[str, str], ...]) -> bool:
    plain = plain_marker(marker)
    if plain is not None:
        try:
            verdict = plain.evaluate(dict(env))
        except InvalidVersion:  # as below
            return True
        if verdict is not None:
            return verdict
    # packaging.markers is imported by the first marker that is not plain, not with this
    # module: a project without such markers never needs it (see advisor.model.plain).
    from packaging.markers import UndefinedComparison, UndefinedEnvironmentName

    parsed = _parsed(marker)
    if parsed is None:
        return True
    try:
        return parsed.evaluate(dict(env))
    except (UndefinedComparison, UndefinedEnvironmentName, InvalidVersion):
        # (packaging 24 raises InvalidVersion comparing a version variable the environment
        # holds as "", platform_release here; 26 finds it admits nothing.)
        return True


@lru_cache(maxsize=1024)
def _parsed(marker: str) -> Marker | None:
    from packaging.markers import InvalidMarker, Marker

    try:
        return Marker(marker)
    except InvalidMarker:
        return None
