"""The smallest ddtrace upgrade that unlocks the requested capabilities on every CPython in scope.

Pure: takes the project, the knowledge and the release snapshot, returns an
:class:`~advisor.model.advice.Advice`. No network, no files, no argparse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import assert_never

from packaging.specifiers import Specifier
from packaging.version import Version

from advisor.errors import IndexUnavailable
from advisor.knowledge.model import AwsLambda, Capability, Knowledge
from advisor.model.advice import (
    AWS_LAMBDA,
    Advice,
    AdviceRequest,
    DdtraceState,
    FloorReason,
    FoundIntegration,
    Impossible,
    NeverRuns,
    Ok,
    RunsIn,
    Split,
    Upgrade,
    Verdict,
    where_text,
)
from advisor.model.deployment import Deployment as DeploymentFact
from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name
from advisor.model.project import Finding, Project
from advisor.model.release import DDTRACE, Release, ReleaseSnapshot, version_of, version_text
from advisor.plan import findings as fnd
from advisor.plan.current import ddtrace_state
from advisor.plan.frameworks import with_framework_changes
from advisor.plan.scope import deployment_platforms, python_scope, resolve_capabilities
from advisor.plan.serve import Server, ServerPool
from advisor.plan.status import capability_results
from advisor.plan.verdict import Context, recommend
from advisor.resolve import Budget, OutOfTime, OverBudget
from advisor.resolve.source import PackageSource

__all__ = ["plan"]


def plan(
    project: Project,
    knowledge: Knowledge,
    snapshot: ReleaseSnapshot,
    request: AdviceRequest,
    source: PackageSource | None = None,
    budget: Budget | None = None,
    progress: Callable[[str], None] | None = None,
    servers: ServerPool | None = None,
) -> Advice:
    """Advise on ``project`` for ``request``.

    :param source: package data for the co-upgrade resolution; without it (or offline without
        the data) pins are only compared with the target's own requirements.
    :param budget: the run's resolution budget, shared by its projects; ``None`` for one of
        ``request.resolve_budget`` seconds for this project alone.
    :param progress: told which resolution runs, for a progress line.
    :param servers: the run's servers, shared by its projects (those asked the same questions
        find each answer once); ``None`` for this project's own.
    :raises UsageError: for unknown capabilities or platforms and an unusable ``--python``.
    :raises IndexUnavailable: online, when package data for the resolution cannot be had.
    """
    requested = resolve_capabilities(knowledge, request.capabilities)
    platforms = deployment_platforms(project, request.platforms)
    findings_platforms = [
        Finding(
            "deployment-platform",
            "info",
            f"planned for {p} too: {_runs_on(project, p)} runs there",
        )
        for p in platforms[1:]
        if not request.platforms
    ]
    scope = python_scope(knowledge, project, request.python, request.today)
    found = find_integrations(project, knowledge)
    findings: list[Finding] = [*project.findings, *findings_platforms, *scope.findings]
    findings += fnd.disagreements(project, scope.versions)
    deployment, deployment_source = _deployment(project, knowledge, request)
    aws_lambda = knowledge.aws_lambda if deployment == "lambda" else None
    if deployment_source is not None:
        findings.append(
            Finding("deployment", "info", f"planned for AWS Lambda ({deployment_source})")
        )
    elif lambdas := [d for d in project.deployments if d.aws_lambda]:
        others = [d for d in _running(project) if not d.aws_lambda]
        findings.append(
            Finding(
                "deployment",
                "info",
                f"{lambdas[0].where} runs in AWS Lambda and {others[0].where} does not: "
                "planned as not Lambda (--deployment lambda plans for AWS Lambda)",
            )
        )

    never = {cap.id: _never_runs(knowledge, cap, platforms, aws_lambda) for cap in requested}
    if not request.capabilities:
        # The default set is "what AAP can do here": what can never run here is left out, said.
        for cap in requested:
            if never[cap.id]:
                findings.append(
                    Finding(
                        "capability-left-out",
                        "info",
                        f"{cap.name} is left out of the default capabilities: it never runs "
                        f"{where_text(never[cap.id])} (ask for it with -c to see why)",
                    )
                )
        requested = tuple(c for c in requested if not never[c.id])
    unavailable = {
        cap.id: frozenset(platforms) if AWS_LAMBDA in never[cap.id] else frozenset(never[cap.id])
        for cap in requested
    }
    active = [c for c in requested if c.supported and unavailable[c.id] != frozenset(platforms)]
    findings += fnd.platform_gates(knowledge, requested, unavailable, platforms, aws_lambda)

    floor, reasons = _floor(active, found, knowledge, aws_lambda)
    limits, said = _pinned_limits(project, knowledge, scope.versions)
    findings += said
    server = (servers if servers is not None else ServerPool()).server(
        snapshot,
        active,
        unavailable,
        platforms,
        _exclusions(project),
        aws_lambda,
        limits,
        frozenset(d.parsed_version for d in project.named(DDTRACE) if d.parsed_version),
    )
    per_python: dict[str, str | None] = {
        py: _version(server.smallest(floor, [py])) if active else None for py in scope.versions
    }
    state = ddtrace_state(project)
    project_floors = _project_floors(knowledge, requested, found, aws_lambda)
    context = Context(
        knowledge,
        project,
        server,
        state,
        floor,
        reasons,
        active,
        scope.versions,
        {c.id: project_floors[c.id] or Version("0") for c in active},
        f"{scope.spec} from {scope.source}" if scope.spec else scope.source,
    )
    recommendation, more = recommend(context, per_python)
    never_runs = tuple(
        NeverRuns(c.id, c.name, never[c.id], _never_reason(knowledge, c, never[c.id], aws_lambda))
        for c in requested
        if never[c.id] or not c.supported
    )
    if never_runs and not isinstance(recommendation, Impossible):
        # A requested capability that cannot run where asked: nothing here is "ok", and what
        # the verdict would have said (a split's warnings, a range to raise) does not apply.
        recommendation = Impossible(per_python, recommendation.floor, recommendation.floor_reasons)
        more = [f for f in more if f.id == "python-unserved"]
    findings += more
    if isinstance(recommendation, Impossible):
        recommendation = replace(recommendation, never_runs=never_runs)
    # The CPythons the answer covers: served, and not left out (a pin above every release
    # serving a CPython leaves it out; the co-upgrades are not resolved for it).
    served = [
        py for py in scope.versions if per_python[py] is not None and py not in context.left_out
    ]
    if isinstance(recommendation, Upgrade):
        recommendation, more = _co_upgrades(
            project,
            server,
            source,
            recommendation,
            served,
            platforms,
            request,
            budget or Budget(request.resolve_budget),
            progress,
        )
        findings += more
    recommendation = _with_skipped(recommendation, server, floor, state, served)
    if isinstance(recommendation, Split) and recommendation.changes:
        findings.append(
            Finding(
                "coupgrade-not-resolved",
                "info",
                "what must move with each arm of a split is not resolved; compile or re-lock "
                "the result for each CPython to see it",
            )
        )
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
        aws_lambda,
        [d for d in project.deployments if d.kind != "ci"],
    )
    if aws_lambda is not None and effective is not None:
        findings += fnd.lambda_notes(aws_lambda, active, effective)
    return Advice(
        python_spec=scope.spec,
        python_source=scope.source,
        python_versions=scope.versions,
        platforms=platforms,
        ddtrace=state,
        requested=tuple(c.id for c in requested),
        capabilities=tuple(
            capability_results(context, requested, never, project_floors, recommendation)
        ),
        recommendation=recommendation,
        integrations=found,
        findings=tuple(_dedupe(findings)),
        snapshot_date=snapshot.snapshot_date,
        files=tuple(m.path for m in project.manifests),
        today=request.today,
        deployment=deployment,
        deployment_source=deployment_source,
        python_origins=scope.origins,
        deployments=project.deployments,
    )


def _running(project: Project) -> list[DeploymentFact]:
    """The deployments that say where the project's Python runs: CI matrices aside, and so is
    a Dockerfile or service that names no CPython, switch or ddtrace (a Go build, a proxy)."""
    return [
        d
        for d in project.deployments
        if d.kind != "ci" and (d.pythons or d.aws_lambda or d.ddtrace or d.env)
    ]


def _runs_on(project: Project, platform: str) -> str:
    """The first deployment (file and line) running on ``platform``, or the ones naming its
    architecture (a compose service on the libc of the image it builds)."""
    arch = platform.split("-", 1)[1]
    return next(
        (d.where for d in project.deployments if platform in d.platforms),
        next(d.where for d in project.deployments if any(p.endswith(arch) for p in d.platforms)),
    )


def _deployment(
    project: Project, knowledge: Knowledge, request: AdviceRequest
) -> tuple[RunsIn | None, str | None]:
    """Where the project runs: ``--deployment``, else deployment files that all run in AWS
    Lambda, else a Lambda dependency (and what said so). A project deployed both to Lambda
    and elsewhere (a container too) is planned as not Lambda: ask with ``--deployment``."""
    if request.deployment is not None:
        return request.deployment, "--deployment lambda"
    running = _running(project)
    if running and all(d.aws_lambda for d in running):
        return "lambda", f"{running[0].where} runs in AWS Lambda"
    detect = knowledge.aws_lambda.detect
    for manifest in project.manifests:
        name = manifest.project_name
        if name and canonicalize_name(name) in detect:
            return "lambda", f"the project is {excerpt(name, 40)}, at {manifest.path}"
    for dep in project.dependencies:
        if dep.name in detect:
            return "lambda", f"{dep.display_name} is a dependency, at {dep.source}"
    return None, None


def _never_runs(
    knowledge: Knowledge, cap: Capability, platforms: Sequence[str], aws_lambda: AwsLambda | None
) -> tuple[str, ...]:
    """Where ``cap`` never runs, whatever the release: ``AWS Lambda``, or requested platforms."""
    if aws_lambda is not None and cap.id in aws_lambda.never:
        return (AWS_LAMBDA,)
    return tuple(
        p
        for p in platforms
        if (cap.requires_waf and p in knowledge.waf_missing_on)
        or any(p in ex.platforms for ex in cap.excluded_platforms)
    )


def _never_reason(
    knowledge: Knowledge, cap: Capability, where: Sequence[str], aws_lambda: AwsLambda | None
) -> str:
    if not cap.supported:
        return f"{cap.name} is not supported by AAP for Python" + (
            f" ({cap.history})" if cap.history else ""
        )
    if aws_lambda is not None and AWS_LAMBDA in where:
        return f"{cap.name} never runs in AWS Lambda: {aws_lambda.never[cap.id]}"
    reasons = [ex.reason for ex in cap.excluded_platforms if ex.platforms & set(where)]
    if cap.requires_waf and set(where) & knowledge.waf_missing_on:
        reasons.append(knowledge.waf_reason)
    return f"{cap.name} never runs on {', '.join(where)}: {'; '.join(reasons)}"


def _co_upgrades(
    project: Project,
    server: Server,
    source: PackageSource | None,
    rec: Upgrade,
    served: Sequence[str],
    platforms: Sequence[str],
    request: AdviceRequest,
    budget: Budget,
    progress: Callable[[str], None] | None,
) -> tuple[Upgrade | Impossible, list[Finding]]:
    """Move the target up to the first release that resolves, and add the changes it forces."""
    # Here: an answer with no upgrade to make resolves nothing (nor imports the resolver's side).
    from advisor.plan.coupgrade import find_installable, joined, pins_against_requirements

    start = version_of(rec.ddtrace)
    if source is not None:
        before = budget.spent()
        try:
            co = find_installable(
                project, server, source, start, served, platforms, budget.deadline(), progress
            )
        except OverBudget as exc:
            why = budget.said(before) if isinstance(exc, OutOfTime) else exc.why
            note = Finding(
                "coupgrade-budget",
                "warning",
                f"co-upgrades not resolved {why}; pins were compared with ddtrace's own "
                "requirements instead",
            )
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
            changes = (head, *co.changes)
            if co.unresolved:
                # Where the project's own requirements do not install, its pins are compared
                # with the target's requirements instead (their CPythons in a marker).
                compared, _ = pins_against_requirements(
                    project, co.target, co.unresolved, served, platforms
                )
                changes = (head, *joined(co.changes, compared, served))
            return replace(
                rec,
                ddtrace=str(co.target.version),
                changes=changes,
                tried=co.tried,
                resolved=not co.unresolved,
            ), list(co.findings)
    else:
        note = Finding(
            "coupgrade-offline",
            "info",
            "co-upgrades were not resolved; pins were compared with ddtrace's own requirements",
        )
    release = server.snapshot.get(start)
    assert release is not None
    changes, more = pins_against_requirements(project, release, served, served, platforms)
    return replace(rec, changes=(*rec.changes, *changes)), [note, *more]


def _with_skipped(
    rec: Verdict,
    server: Server,
    floor: Version,
    state: DdtraceState | None,
    served: Sequence[str],
) -> Verdict:
    """The verdict with the releases passed over on the way to its target (``-v`` says why):
    from the floor, or the project's own ddtrace when higher, up to an upgrade's target; up to
    the newest release when the co-upgrade resolution found none."""
    start = max(floor, state.parsed_current) if state and state.parsed_current else floor
    match rec:
        case Upgrade() if rec.changes and rec.changes[0].kind == "ddtrace":
            from advisor.plan.why import skipped

            return replace(
                rec, skipped=skipped(server, start, version_of(rec.ddtrace), served, rec.tried)
            )
        case Impossible() if rec.tried:
            from advisor.plan.why import skipped

            return replace(rec, skipped=skipped(server, start, None, served, rec.tried))
        case _:
            return rec


def _pinned_limits(
    project: Project, knowledge: Knowledge, pythons: Sequence[str]
) -> tuple[dict[str, tuple[Specifier, ...]], list[Finding]]:
    """What the packages the project pins or locks require of ddtrace, per CPython in scope
    (``datadog-lambda``, from the shipped data: an offline run has no index to read it from),
    and a note naming each such requirement."""
    from advisor.model.markers import marker_admits

    limits: dict[str, list[Specifier]] = {}
    notes: list[Finding] = []
    ours = [d for d in project.named(DDTRACE) if d.parsed_version is not None]
    for dep in project.dependencies:
        known = knowledge.constrainers.get(dep.name, {})
        if not known or dep.role == "constraint" or dep.parsed_version is None:
            continue
        # The data is keyed by the version as the index writes it: 8.130 is 8.130.0.
        lines = next((v for k, v in known.items() if Version(k) == dep.parsed_version), ())
        for line in lines:
            # Imported for the first such package only (see advisor.model.names).
            from packaging.requirements import Requirement

            req = Requirement(line)
            on = [
                py
                for py in pythons
                if marker_admits(str(req.marker or ""), py) and marker_admits(dep.marker, py)
            ]
            have = [d.parsed_version for d in ours if any(marker_admits(d.marker, py) for py in on)]
            clash = [v for v in have if v and not req.specifier.contains(v, prereleases=True)]
            if on and clash:  # the project's own pins disagree: it does not install as it is
                notes.append(
                    Finding(
                        "ddtrace-pinned-by-conflict",
                        "warning",
                        f"{dep.display_name} {dep.version} requires ddtrace{req.specifier} on "
                        f"CPython {', '.join(on)}, but the project has ddtrace {clash[0]}: one "
                        "of them does not install as written",
                        dep.source,
                    )
                )
            for py in on:
                limits.setdefault(py, []).extend(req.specifier)
            if on and req.specifier:
                notes.append(
                    Finding(
                        "ddtrace-pinned-by",
                        "info",
                        f"{dep.display_name} {dep.version} requires ddtrace{req.specifier} on "
                        f"CPython {', '.join(on)}: only releases it allows are proposed there",
                        dep.source,
                    )
                )
    return {py: tuple(specs) for py, specs in limits.items()}, notes


def _exclusions(project: Project) -> tuple[Specifier, ...]:
    """The ``!=`` clauses of the project's own ddtrace declarations."""
    out = []
    for dep in project.named(DDTRACE):
        out += [s for s in dep.parsed_specifier if s.operator == "!="]
    return tuple(out)


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


#: :func:`_floor`'s answers for the knowledge they were found in (held, so its id is not
#: reused), by what they follow from: the projects of a monorepo ask the same few questions.
_FLOORS: list[tuple[Knowledge, dict[tuple[object, ...], tuple[Version, tuple[FloorReason, ...]]]]]
_FLOORS = []
_FLOORS_KEPT = 1024


def _floor(
    active: Sequence[Capability],
    found: Sequence[FoundIntegration],
    knowledge: Knowledge,
    aws_lambda: AwsLambda | None = None,
) -> tuple[Version, tuple[FloorReason, ...]]:
    """The lowest ddtrace the active capabilities run at, with the found integrations and in
    AWS Lambda, and each reason for it, highest first."""
    if not _FLOORS or _FLOORS[0][0] is not knowledge:
        _FLOORS[:] = [(knowledge, {})]
    memo = _FLOORS[0][1]
    # Everything read below but the knowledge's integrations: each capability's id, name and
    # floor, the found integrations' ids and distributions, Lambda's floors.
    key = (
        tuple((c.id, c.name, c.min_version) for c in active),
        tuple((f.id, f.distribution) for f in found),
        aws_lambda.floors if aws_lambda is not None else None,
    )
    answer = memo.get(key)
    if answer is None:
        if len(memo) >= _FLOORS_KEPT:
            memo.clear()
        answer = memo[key] = _find_floor(active, found, knowledge, aws_lambda)
    return answer


def _find_floor(
    active: Sequence[Capability],
    found: Sequence[FoundIntegration],
    knowledge: Knowledge,
    aws_lambda: AwsLambda | None,
) -> tuple[Version, tuple[FloorReason, ...]]:
    reasons: list[tuple[Version, FloorReason]] = []  # each with its version, parsed already
    for cap in active:
        if cap.min_version is not None:
            reasons.append(
                (
                    cap.min_version,
                    FloorReason(str(cap.min_version), f"{cap.name} (documented floor)"),
                )
            )
    active_ids = {c.id for c in active}
    for fl in aws_lambda.floors if aws_lambda else ():
        if fl.capability in active_ids:
            reasons.append(
                (
                    fl.min_version,
                    FloorReason(str(fl.min_version), f"{fl.what} (the tracer's own switch)"),
                )
            )
    for f in found:
        for fl in knowledge.integration(f.id).floors:
            if fl.capability in active_ids:
                reasons.append(
                    (
                        fl.min_version,
                        FloorReason(str(fl.min_version), f"{fl.what} ({f.distribution} found)"),
                    )
                )
    if not reasons:
        return Version("0"), ()
    top = max(v for v, _ in reasons)
    ordered = sorted(reasons, key=lambda r: r[0], reverse=True)
    return top, tuple(r for _, r in ordered)


def _version(release: Release | None) -> str | None:
    return version_text(release.version) if release else None


def _target(rec: Verdict) -> Version | None:
    """The ddtrace the verdict leaves the project on (kept or moved to); none for a split or none at all."""
    match rec:
        case Ok(ddtrace=version) | Upgrade(ddtrace=version):
            return version_of(version)
        case Split() | Impossible():
            return None
        case _:
            assert_never(rec)


def _project_floors(
    knowledge: Knowledge,
    requested: Sequence[Capability],
    found: Sequence[FoundIntegration],
    aws_lambda: AwsLambda | None = None,
) -> dict[str, Version | None]:
    """Each capability's floor raised by the floors of the integrations found (and in Lambda,
    by the tracer's own switches)."""
    floors = [fl for f in found for fl in knowledge.integration(f.id).floors]
    floors += aws_lambda.floors if aws_lambda else ()
    out = {}
    for cap in requested:
        best = cap.min_version
        for fl in floors:
            if fl.capability == cap.id and (best is None or fl.min_version > best):
                best = fl.min_version
        out[cap.id] = best
    return out


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.id, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
