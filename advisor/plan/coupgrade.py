"""Co-upgrades: the smallest ddtrace at or above the wheel-based target whose requirements
resolve together with the project's own, per CPython, and the packages that must move with it.

pip-audit's ``_resolve_fix_version`` idea: resolvelib returns the first solution in preference
order, not a proven minimum, so the target is pinned ``==v`` and tried in ascending order; the
first that resolves on every CPython is the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.model.advice import Blocker, Change
from advisor.model.platforms import DEFAULT_PLATFORM
from advisor.model.project import Dependency, Finding, Project
from advisor.model.release import DDTRACE, Release
from advisor.plan.current import marker_admits
from advisor.plan.serve import Server
from advisor.resolve import Conflict, Req, Resolved, exact, resolve
from advisor.resolve.source import PackageSource

#: Target versions tried before giving up (each is one resolution per CPython).
MAX_TRIES = 40


@dataclass(slots=True)
class RequirementSet:
    """The project's requirements on one CPython, as the resolver takes them."""

    roots: list[Req] = field(default_factory=list)
    pins: dict[str, Version] = field(default_factory=dict)
    pin_sources: dict[str, Dependency] = field(default_factory=dict)
    constraints: dict[str, list[Req]] = field(default_factory=dict)
    locked: dict[str, Dependency] = field(default_factory=dict)
    from_lock: bool = False


#: The requirement sets of the last project asked about, per CPython (the project itself is
#: held so its id cannot be reused): the resolution and the offline pin check both need them,
#: and a 200-manifest monorepo has thousands of dependencies to convert per CPython.
_MEMO: list[tuple[Project, dict[str, RequirementSet]]] = []


def requirement_set(project: Project, python: str) -> RequirementSet:
    """Roots, pins and constraints for ``python``.

    Declared ranges are hard requirements; exact pins and locked versions are preferences that
    may only move up; constraints (``-c``) narrow without requiring. A project that declares
    nothing but pins (a lock or a compiled requirements file) uses its pins as roots.

    The result is shared between callers for the same project and CPython: read it, never
    change it.
    """
    if not _MEMO or _MEMO[0][0] is not project:
        _MEMO[:] = [(project, {})]
    memo = _MEMO[0][1]
    if python not in memo:
        memo[python] = _requirement_set(project, python)
    return memo[python]


def _requirement_set(project: Project, python: str) -> RequirementSet:
    rs = RequirementSet()
    deps = [
        d for d in project.dependencies if d.name != DDTRACE and marker_admits(d.marker, python)
    ]
    for d in deps:
        if d.role == "locked" and d.version:
            rs.locked[d.name] = d
    for d in deps:
        version = d.parsed_version
        if d.role == "constraint":
            rs.constraints.setdefault(d.name, []).append(
                Req(d.name, d.parsed_specifier, frozenset(), str(d.source))
            )
            continue
        if version is not None and d.name not in rs.pins:
            rs.pins[d.name] = version
            rs.pin_sources[d.name] = d
        if d.role == "declared" and d.url is None:
            spec = SpecifierSet() if version is not None else d.parsed_specifier
            rs.roots.append(Req(d.name, spec, frozenset(d.extras), str(d.source)))
    if not any(d.role == "declared" for d in deps):
        rs.roots = [
            Req(n, SpecifierSet(), frozenset(), str(d.source)) for n, d in rs.locked.items()
        ]
    rs.from_lock = bool(rs.locked) and any(d.role == "declared" for d in deps)
    return rs


@dataclass(frozen=True, slots=True)
class CoUpgradeResult:
    """The installable target (or ``None``), the changes it forces, what was tried and why not."""

    target: Release | None
    changes: tuple[Change, ...]
    blockers: tuple[Blocker, ...]
    tried: tuple[str, ...]
    findings: tuple[Finding, ...]


def find_installable(
    project: Project,
    server: Server,
    source: PackageSource,
    start: Version,
    served: Sequence[str],
    platform: str,
) -> CoUpgradeResult:
    """Try ddtrace releases from ``start`` upwards; the first that resolves everywhere wins.

    :raises IndexUnavailable: when package data cannot be had.
    """
    sets = {py: requirement_set(project, py) for py in served}
    tried: list[str] = []
    conflict: Conflict | None = None
    first_conflict_target: str | None = None
    for release in server.candidates(start):
        if not all(server.serves(release, py) for py in served):
            continue
        tried.append(str(release.version))
        results: dict[str, Resolved] = {}
        for py in served:
            rs = sets[py]
            target = Req(DDTRACE, exact(release.version), frozenset(), "the ddtrace target")
            outcome = resolve(source, py, platform, [*rs.roots, target], rs.pins, rs.constraints)
            if isinstance(outcome, Conflict):
                conflict = conflict or outcome
                first_conflict_target = first_conflict_target or str(release.version)
                break
            results[py] = outcome
        else:
            return CoUpgradeResult(
                release,
                _changes(sets, results),
                (),
                tuple(tried),
                tuple(_unknown_metadata(results)),
            )
        if len(tried) >= MAX_TRIES:
            break
    found = conflict.blockers if conflict else ()
    span = f"{tried[0]} to {tried[-1]}" if len(tried) > 1 else (tried[0] if tried else "(none)")
    findings = [
        Finding(
            "resolution-impossible",
            "error",
            f"no ddtrace release from {span} installs together with the project's requirements",
        )
    ]
    findings += [
        Finding(
            "resolution-blocker",
            "error",
            f"at ddtrace {first_conflict_target}: {b.message()}; to unblock: {b.hint}",
        )
        for b in found
    ]
    return CoUpgradeResult(None, (), found, tuple(tried), tuple(findings))


def _unknown_metadata(results: dict[str, Resolved]) -> list[Finding]:
    unknown = sorted({f"{n} {v}" for r in results.values() for n, v in r.unknown_metadata})
    if not unknown:
        return []
    return [
        Finding(
            "metadata-unknown",
            "warning",
            f"requirements of {', '.join(unknown)} could not be read; they were taken as none",
        )
    ]


def _changes(sets: dict[str, RequirementSet], results: dict[str, Resolved]) -> tuple[Change, ...]:
    """Every pinned or locked package that moves, and (for locks) packages that appear or go."""
    moves: dict[tuple[str, str | None, str | None], list[str]] = {}
    sources: dict[str, Dependency] = {}
    for py, res in results.items():
        rs = sets[py]
        for name, version in res.versions.items():
            if name == DDTRACE:
                continue
            pin = rs.pins.get(name)
            if pin is not None and version != pin:
                moves.setdefault((name, str(pin), str(version)), []).append(py)
                sources[name] = rs.pin_sources[name]
            elif pin is None and rs.from_lock:
                moves.setdefault((name, None, str(version)), []).append(py)
        if rs.from_lock:
            for name, dep in rs.locked.items():
                if name not in res.versions:
                    moves.setdefault((name, dep.version, None), []).append(py)
                    sources[name] = dep
    out = []
    everywhere = set(results)
    for (name, old, new), pys in sorted(moves.items(), key=lambda kv: kv[0][0]):
        marker = (
            None if set(pys) == everywhere else " or ".join(f'python_version == "{p}"' for p in pys)
        )
        declared = sources.get(name)
        out.append(
            Change(
                name,
                old,
                new,
                from_specifier=declared.specifier if declared else None,
                source=declared.source if declared else None,
                marker=marker,
                reason="required by the ddtrace target",
            )
        )
    return tuple(out)


def pins_against_requirements(
    project: Project, release: Release, served: Sequence[str]
) -> tuple[tuple[Change, ...], list[Finding]]:
    """Offline fallback: pins that break the target's own Requires-Dist (from the snapshot).

    Without package data the smallest allowed version cannot be checked, so the change names
    the specifier ddtrace needs (``to_specifier``) and no version.
    """
    if release.requires_dist is None:
        return (), [
            Finding(
                "coupgrade-unchecked",
                "warning",
                f"co-upgrades not checked: the snapshot has no requirements for ddtrace {release.version}",
            )
        ]
    from advisor.resolve.requirements import marker_env, parse_requires_dist

    changes: dict[str, Change] = {}
    for py in served:
        rs = requirement_set(project, py)
        for req in parse_requires_dist(
            release.requires_dist, marker_env(py, DEFAULT_PLATFORM), frozenset(), ""
        ):
            pin = rs.pins.get(req.name)
            if (
                pin is not None
                and not req.specifier.contains(pin, prereleases=True)
                and req.name not in changes
            ):
                dep = rs.pin_sources[req.name]
                changes[req.name] = Change(
                    req.name,
                    str(pin),
                    None,
                    from_specifier=dep.specifier,
                    to_specifier=str(req.specifier),
                    source=dep.source,
                    reason=f"ddtrace {release.version} requires {req}",
                )
    return tuple(changes.values()), []
