"""One word per concept, for every report a person reads (issue 17).

A version is *pinned* (``==``), *locked* (a lock file or a compiled requirements file) or
*declared* (a range); an unpinned ddtrace is *any version*; a capability is *available*, *needs
an upgrade* or *unavailable*. The JSON report keeps its machine values (``needs-upgrade``); these
are the words shown beside them.
"""

from __future__ import annotations

from typing import Final

from advisor.model.advice import CapabilityStatus, Change, DdtraceState

ANY_VERSION: Final = "any version"
"""A dependency declared without a version or range (``ddtrace``, ``ddtrace @ URL``)."""
NOT_DECLARED: Final = "not declared"
"""A package the project does not list at all."""
REMOVED: Final = "removed"
"""Where a change takes a package out."""
BY_HAND: Final = "by hand"
"""A change ``--fix`` leaves to the user (a framework below the target's range)."""

CAPABILITY: Final[dict[CapabilityStatus, str]] = {
    "available": "available",
    "needs-upgrade": "needs an upgrade",
    "unavailable": "unavailable",
}


def capability(status: CapabilityStatus) -> str:
    """``needs an upgrade`` for ``needs-upgrade``."""
    return CAPABILITY[status]


def version(d: DdtraceState | None) -> str:
    """The project's ddtrace in one short value: ``2.3.0``, ``>=2,<3``, ``any version``."""
    if d is None:
        return NOT_DECLARED
    return d.current or d.specifier or ANY_VERSION


def ddtrace_state(d: DdtraceState | None) -> str:
    """How the project has ddtrace: ``pinned 2.3.0``, ``declared >=2, locked 2.3.0``,
    ``declared >=2,<3``, ``any version``, ``not declared``."""
    if d is None:
        return NOT_DECLARED
    parts = []
    if d.specifier:
        exact = d.specifier.removeprefix("===").removeprefix("==")
        pinned = d.specifier.startswith("==") and exact == d.current
        parts.append(f"pinned {exact}" if pinned else f"declared {d.specifier}")
    if d.locked:
        parts.append(
            "locked "
            + ", ".join(lv.version + (f" [{lv.marker}]" if lv.marker else "") for lv in d.locked)
        )
    elif d.current and not parts:
        parts.append(f"pinned {d.current}")
    if not parts:
        return ANY_VERSION + (" (a direct reference)" if d.url else "")
    return ", ".join(parts)


def change_from(ch: Change) -> str:
    """What a change moves from: the version, else the range, else ``any version`` (declared
    without one) or ``not declared`` (the project does not list the package)."""
    if ch.from_version or ch.from_specifier:
        return ch.from_version or ch.from_specifier or ""
    return ANY_VERSION if ch.source is not None else NOT_DECLARED


def change_to(ch: Change) -> str:
    """What a change moves to: the version, else the range, else ``removed``."""
    return ch.to_version or ch.to_specifier or REMOVED
