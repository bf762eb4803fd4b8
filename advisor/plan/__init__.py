"""The smallest ddtrace upgrade that unlocks the requested capabilities on every CPython in scope.

Pure: takes the project, the knowledge and the release snapshot, returns an
:class:`~advisor.model.advice.Advice`. No network, no files, no argparse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import assert_never

from packaging.specifiers import Specifier, SpecifierSet
from packaging.version import Version

from advisor.errors import IndexUnavailable
from advisor.knowledge.model import Capability, Knowledge
from advisor.model.advice import (
    Advice,
    AdviceRequest,
    CapabilityResult,
    Change,
    DdtraceState,
    FloorReason,
    FoundIntegration,
    Impossible,
    Ok,
    Split,
    Upgrade,
    Verdict,
)
from advisor.model.project import Finding, Project
from advisor.model.release import DDTRACE, Release, ReleaseSnapshot
from advisor.plan import findings as fnd
from advisor.plan.coupgrade import find_installable, pins_against_requirements
from advisor.plan.current import ddtrace_state, installs_for
from advisor.plan.frameworks import with_framework_changes
from advisor.plan.scope import check_platforms, python_scope, resolve_capabilities
from advisor.plan.serve import Server, why_unserved
from advisor.resolve.source import PackageSource

__all__ = ["plan"]


def plan(
    project: Project,
    knowledge: Knowledge,
    snapshot: ReleaseSnapshot,
    request: AdviceRequest,
    source: PackageSource | None = None,
) -> Advice:
    """Advise on ``project`` for ``request``.

    :param source: package data for the co-upgrade resolution; without it (or offline without
        the data) pins are only compared with the target's own requirements.
    :raises UsageError: for unknown capabilities or platforms and an unusable ``--python``.
    :raises IndexUnavailable: online, when package data for the resolution cannot be had.
    """
    requested = resolve_capabilities(knowledge, request.capabilities)
    platforms = check_platforms(request.platforms)
    scope = python_scope(knowledge, project, request.python, request.today)
    found = find_integrations(project, knowledge)
    findings: list[Finding] = [*project.findings, *scope.findings]

    unavailable = {cap.id: _never_runs_on(knowledge, cap, platforms) for cap in requested}
    active = [c for c in requested if c.supported and unavailable[c.id] != frozenset(platforms)]
    findings += fnd.platform_gates(knowledge, requested, unavailable, platforms)

    floor, reasons = _floor(active, found, knowledge)
    server = Server(snapshot, active, unavailable, platforms, _exclusions(project))
    per_python = {py: _version(server.smallest(floor, [py])) for py in scope.versions}
    served = [py for py in scope.versions if per_python[py] is not None]
    for py in scope.versions:
        if per_python[py] is None:
            findings.append(
                Finding(
                    "python-unserved",
                    "warning",
                    f"CPython {py} left out: {why_unserved(knowledge, server, floor, py)}",
                )
            )

    state = ddtrace_state(project)
    recommendation = _recommend(project, server, state, floor, served, per_python, active, reasons)
    if isinstance(recommendation, Upgrade):
        recommendation, more = _co_upgrades(
            project, server, source, recommendation, served, platforms, request
        )
        findings += more
    # Rule 6 of issue 14: a framework below what the target supports moves too (by hand).
    recommendation = with_framework_changes(recommendation, knowledge, found, active)
    target = _target(recommendation)
    effective = target or (state.parsed_current if state else None)
    if not scope.versions:
        findings.append(
            Finding(
                "no-python", "error", f"no released CPython matches {scope.spec!r} ({scope.source})"
            )
        )
    findings += fnd.for_target(
        knowledge,
        snapshot,
        server,
        active,
        found,
        state,
        recommendation,
        effective,
        request.today,
        served,
    )
    return Advice(
        python_spec=scope.spec,
        python_source=scope.source,
        python_versions=scope.versions,
        platforms=platforms,
        ddtrace=state,
        requested=tuple(c.id for c in requested),
        capabilities=tuple(
            _capability_results(knowledge, requested, active, unavailable, found, state)
        ),
        recommendation=recommendation,
        integrations=found,
        findings=tuple(_dedupe(findings)),
        snapshot_date=snapshot.snapshot_date,
        files=tuple(m.path for m in project.manifests),
        today=request.today,
    )


def _co_upgrades(
    project: Project,
    server: Server,
    source: PackageSource | None,
    rec: Upgrade,
    served: Sequence[str],
    platforms: Sequence[str],
    request: AdviceRequest,
) -> tuple[Upgrade | Impossible, list[Finding]]:
    """Move the target up to the first release that resolves, and add the changes it forces."""
    start = Version(rec.ddtrace)
    if source is not None:
        try:
            co = find_installable(project, server, source, start, served, platforms[0])
        except IndexUnavailable as exc:
            if not request.offline:
                raise
            note = Finding(
                "coupgrade-offline",
                "warning",
                f"co-upgrades not resolved offline ({exc.message}); pins were compared with "
                "ddtrace's own requirements instead",
            )
        else:
            if co.target is None:
                return Impossible(
                    rec.per_python,
                    rec.floor,
                    rec.floor_reasons,
                    blockers=co.blockers,
                    tried=co.tried,
                ), list(co.findings)
            head = replace(rec.changes[0], to_version=str(co.target.version))
            return replace(
                rec,
                ddtrace=str(co.target.version),
                changes=(head, *co.changes),
                tried=co.tried,
                resolved=True,
            ), list(co.findings)
    else:
        note = Finding(
            "coupgrade-offline",
            "info",
            "co-upgrades were not resolved; pins were compared with ddtrace's own requirements",
        )
    release = server.snapshot.get(start)
    assert release is not None
    changes, more = pins_against_requirements(project, release, served)
    return replace(rec, changes=(*rec.changes, *changes)), [note, *more]


def _exclusions(project: Project) -> tuple[Specifier, ...]:
    """The ``!=`` clauses of the project's own ddtrace declarations."""
    out = []
    for dep in project.named(DDTRACE):
        out += [s for s in dep.parsed_specifier if s.operator == "!="]
    return tuple(out)


def _never_runs_on(
    knowledge: Knowledge, cap: Capability, platforms: Sequence[str]
) -> frozenset[str]:
    out = set()
    for p in platforms:
        if cap.requires_waf and p in knowledge.waf_missing_on:
            out.add(p)
        if any(p in ex.platforms for ex in cap.excluded_platforms):
            out.add(p)
    return frozenset(out)


def find_integrations(project: Project, knowledge: Knowledge) -> tuple[FoundIntegration, ...]:
    """The coverage-table frameworks and libraries among the dependencies, one per distribution."""
    seen: dict[str, FoundIntegration] = {}
    for dep in project.dependencies:
        integ = knowledge.integration_for(dep.name)
        if integ is None:
            continue
        prev = seen.get(dep.name)
        # A locked or pinned version beats a range from another file.
        if prev is not None and (prev.version or not dep.version):
            continue
        seen[dep.name] = FoundIntegration(
            id=integ.id,
            name=integ.name,
            distribution=dep.name,
            version=dep.version,
            specifier=dep.specifier or (prev.specifier if prev else None) or None,
            source=dep.source,
            covers=integ.features,
            auto_instrumented=integ.auto_instrumented,
            unsupported=integ.unsupported,
            documented=integ.documented,
            parsed_version=dep.parsed_version,
            parsed_specifier=dep.parsed_specifier
            if dep.specifier
            else (prev.parsed_specifier if prev else None),
        )
    return tuple(seen.values())


def _floor(
    active: Sequence[Capability], found: Sequence[FoundIntegration], knowledge: Knowledge
) -> tuple[Version, tuple[FloorReason, ...]]:
    reasons: list[FloorReason] = []
    for cap in active:
        if cap.min_version is not None:
            reasons.append(FloorReason(str(cap.min_version), f"{cap.name} (documented floor)"))
    active_ids = {c.id for c in active}
    for f in found:
        for fl in knowledge.integration(f.id).floors:
            if fl.capability in active_ids:
                reasons.append(
                    FloorReason(str(fl.min_version), f"{fl.what} ({f.distribution} found)")
                )
    if not reasons:
        return Version("0"), ()
    top = max(Version(r.version) for r in reasons)
    ordered = sorted(reasons, key=lambda r: Version(r.version), reverse=True)
    return top, tuple(ordered)


def _version(release: Release | None) -> str | None:
    return str(release.version) if release else None


def _target(rec: Verdict) -> Version | None:
    """The ddtrace the verdict leaves the project on (kept or moved to); none for a split or none at all."""
    match rec:
        case Ok(ddtrace=version) | Upgrade(ddtrace=version):
            return Version(version)
        case Split() | Impossible():
            return None
        case _:
            assert_never(rec)


def _recommend(
    project: Project,
    server: Server,
    state: DdtraceState | None,
    floor: Version,
    served: Sequence[str],
    per_python: dict[str, str | None],
    active: Sequence[Capability],
    reasons: tuple[FloorReason, ...],
) -> Verdict:
    shown_floor = str(floor) if reasons else None
    if not active or not served:
        return Impossible(per_python, shown_floor, reasons)
    search_from = floor
    if state and state.parsed_current is not None:
        search_from = max(floor, state.parsed_current)
    target = server.smallest(search_from, served) or server.smallest(floor, served)
    if target is None:
        split = server.split(floor, served)
        changes = tuple(
            Change(
                DDTRACE,
                state.current if state else None,
                part.ddtrace,
                from_specifier=state.specifier if state else None,
                to_specifier=f"=={part.ddtrace}; {part.marker}"
                if part.marker
                else f"=={part.ddtrace}",
                source=state.source if state else None,
            )
            for part in split
        )
        return Split(split, changes, per_python, shown_floor, reasons)
    if state is not None and _enough(project, server, floor, target, served):
        return Ok(_kept(state, target), per_python, shown_floor, reasons)
    change = Change(
        DDTRACE,
        state.current if state else None,
        str(target.version),
        from_specifier=state.specifier if state else None,
        source=state.source if state else None,
    )
    return Upgrade(str(target.version), (change,), per_python, shown_floor, reasons)


def _kept(state: DdtraceState, target: Release) -> str:
    """The version an ``ok`` project keeps: its own when known, else the target it already allows."""
    return state.current or str(target.version)


def _enough(
    project: Project, server: Server, floor: Version, target: Release, served: Sequence[str]
) -> bool:
    """The project's ddtrace already gives every capability on every served CPython."""
    for py in served:
        exact, ranges = installs_for(project, py)
        if not exact and not ranges:
            return False
        for version in exact:
            release = server.snapshot.get(version)
            if version < floor:
                return False
            if release is None:
                newest = server.snapshot.newest
                if newest is None or version <= newest.version:
                    return False
                continue  # newer than the snapshot: cannot check wheels, trust it (reported)
            if not server.serves(release, py):
                return False
        for dep in ranges:
            if not _range_floor_ok(dep.parsed_specifier, server, target, py):
                return False
    return True


def _range_floor_ok(spec: SpecifierSet, server: Server, target: Release, python: str) -> bool:
    """The smallest release the range would install on ``python`` is at or above the target."""
    if not spec:
        return False
    admitted = [
        r for r in server.snapshot.final() if spec.contains(r.version) and r.admits_python(python)
    ]
    if not admitted:
        return False
    return admitted[0].version >= target.version


def _capability_results(
    knowledge: Knowledge,
    requested: Sequence[Capability],
    active: Sequence[Capability],
    unavailable: dict[str, frozenset[str]],
    found: Sequence[FoundIntegration],
    state: DdtraceState | None,
) -> list[CapabilityResult]:
    out = []
    active_ids = {c.id for c in active}
    current = state.parsed_current if state else None
    for cap in requested:
        project_min = cap.min_version
        reason = None
        if cap.id in active_ids:
            project_min = _project_floor(knowledge, cap, found)
        if not cap.supported:
            status, reason = "unsupported", cap.history
        elif cap.id not in active_ids:
            status = "unsupported"
            reason = f"never runs on {', '.join(sorted(unavailable[cap.id]))}"
        elif current is not None and project_min is not None and current >= project_min:
            status = "unlocked"
        else:
            status = "locked"
        out.append(
            CapabilityResult(
                id=cap.id,
                name=cap.name,
                min_version=str(cap.min_version) if cap.min_version else None,
                project_min_version=str(project_min) if project_min else None,
                status=status,  # type: ignore[arg-type]
                reason=reason,
            )
        )
    return out


def _project_floor(
    knowledge: Knowledge, cap: Capability, found: Sequence[FoundIntegration]
) -> Version | None:
    """The capability's floor raised by the floors of the integrations found."""
    best = cap.min_version
    for f in found:
        for fl in knowledge.integration(f.id).floors:
            if fl.capability == cap.id and (best is None or fl.min_version > best):
                best = fl.min_version
    return best


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.id, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
