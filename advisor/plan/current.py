"""The project's ddtrace as declared and locked, and which CPythons each declaration reaches."""

from __future__ import annotations

from collections.abc import Sequence

from packaging.version import Version

from advisor.model.advice import DdtraceState, LockedVersion
from advisor.model.markers import marker_admits
from advisor.model.project import Dependency, Project
from advisor.model.release import DDTRACE

__all__ = ["ddtrace_state", "installs_for", "marker_admits"]


def ddtrace_state(project: Project) -> DdtraceState | None:
    """Summarise how the project depends on ddtrace, or ``None`` when it does not."""
    deps = project.named(DDTRACE)
    if not deps:
        return None
    declared = [d for d in deps if d.role == "declared"] or [
        d for d in deps if d.role == "constraint"
    ]
    locked = [d for d in deps if d.role == "locked" and d.version]
    primary = declared[0] if declared else deps[0]
    locked_versions = tuple(LockedVersion(d.version or "", d.marker, d.source) for d in locked)
    current = _lowest(locked) or _lowest(declared)
    return DdtraceState(
        current=current[1] if current else None,
        specifier=primary.specifier if declared else None,
        locked=locked_versions,
        source=primary.source,
        url=primary.url,
        parsed_current=current[0] if current else None,
    )


def _lowest(deps: Sequence[Dependency]) -> tuple[Version, str] | None:
    """The lowest version among ``deps``: parsed, and as written."""
    versions = [
        (d.parsed_version, d.version) for d in deps if d.parsed_version is not None and d.version
    ]
    return min(versions) if versions else None


def installs_for(project: Project, python: str) -> tuple[list[Version], list[Dependency]]:
    """What decides ddtrace on ``python``.

    :returns: the exact versions that would be installed (locked, else pinned), and the
        declarations that give only a range. Both are checked: a declared range whose lower
        bound is below the target is advised up even when a lock already holds a newer version.
    """
    deps = [d for d in project.named(DDTRACE) if marker_admits(d.marker, python)]
    exact = [d.parsed_version for d in deps if d.role == "locked" and d.parsed_version] or [
        d.parsed_version for d in deps if d.parsed_version
    ]
    ranges = [d for d in deps if d.role in ("declared", "constraint") and not d.version]
    return exact, ranges
