"""Warnings and notes about a plan: switches to set, gates, branches, framework versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from packaging.version import Version

from advisor.knowledge.model import AwsLambda, Capability, EnvSwitch, Integration, Knowledge
from advisor.model import IdentityMemo
from advisor.model.advice import DdtraceState, FoundIntegration, Verdict
from advisor.model.deployment import Deployment
from advisor.model.excerpt import excerpt, redact_url
from advisor.model.markers import marker_admits
from advisor.model.project import Dependency, Finding, Project, SourceLocation
from advisor.model.release import DDTRACE, ReleaseSnapshot
from advisor.plan import frameworks
from advisor.plan.serve import Server


def platform_gates(
    knowledge: Knowledge,
    requested: Sequence[Capability],
    unavailable: dict[str, frozenset[str]],
    platforms: Sequence[str],
    aws_lambda: AwsLambda | None = None,
) -> list[Finding]:
    """One warning per capability that can never run on a requested platform (or in Lambda)."""
    out = []
    for cap in requested:
        if aws_lambda is not None and cap.id in aws_lambda.never and cap.supported:
            out.append(
                Finding(
                    "capability-platform-gate",
                    "warning",
                    f"{cap.name} will stay off in AWS Lambda: {aws_lambda.never[cap.id]}",
                )
            )
            continue
        plats = unavailable.get(cap.id, frozenset())
        if not plats or not cap.supported:
            continue
        reasons = [ex.reason for ex in cap.excluded_platforms if ex.platforms & plats]
        if cap.requires_waf and plats & knowledge.waf_missing_on:
            reasons.append(knowledge.waf_reason)
        where = ", ".join(p for p in platforms if p in plats)
        out.append(
            Finding(
                "capability-platform-gate",
                "warning",
                f"{cap.name} will stay off on {where}: {'; '.join(reasons)}",
            )
        )
    return out


def lambda_notes(
    aws_lambda: AwsLambda, active: Sequence[Capability], target: Version
) -> list[Finding]:
    """What to tell a Lambda project about the capabilities it asked for, on ``target``."""
    ids = {c.id for c in active}
    return [
        Finding("lambda-note", "info", n.text)
        for n in aws_lambda.notes
        if n.applies_to & ids and (n.ddtrace is None or n.ddtrace.contains(target))
    ]


def for_target(
    knowledge: Knowledge,
    snapshot: ReleaseSnapshot,
    server: Server,
    active: Sequence[Capability],
    found: Sequence[FoundIntegration],
    state: DdtraceState | None,
    rec: Verdict,
    target: Version | None,
    today: dt.date,
    served: Sequence[str],
    aws_lambda: AwsLambda | None = None,
    deployments: Sequence[Deployment] = (),
) -> list[Finding]:
    """Everything worth saying about moving to (or staying on) ``target`` (in AWS Lambda when
    ``aws_lambda`` is given; ``deployments`` say which switches are set already)."""
    out: list[Finding] = []
    out += _about_current(snapshot, state)
    out += frameworks.undocumented(knowledge, found, active)
    if target is None:
        return out
    out += _branch(knowledge, server, rec, target, today, served)
    out += platform_minimums(knowledge, server.platforms, state, target)
    out += _env_findings(
        knowledge,
        active,
        found,
        target,
        in_lambda=aws_lambda is not None,
        settings=_settings(deployments),
    )
    out += _coverage(knowledge, active, found, state)
    out += _frameworks(knowledge, found, target)
    out += _caveats(knowledge, active, found, target)
    off = aws_lambda.notes_off if aws_lambda else frozenset()
    active_ids = {c.id for c in active}
    for note in knowledge.notes:
        if (
            note.id not in off
            and note.applies_to & active_ids
            and (note.ddtrace is None or note.ddtrace.contains(target, prereleases=True))
        ):
            out.append(Finding(f"note-{note.id}", "info", note.text))
    return out


def disagreements(project: Project, pythons: Sequence[str]) -> list[Finding]:
    """Declarations of ddtrace that cannot all hold on one CPython in scope: two pins or locks
    of different versions, or a declared range that excludes a pinned or locked version (a
    ``.in`` range its compiled ``.txt`` no longer satisfies). Each pair once, both named."""
    deps = [d for d in project.named(DDTRACE) if not d.url]
    exact = [d for d in deps if d.parsed_version is not None]
    ranges = [d for d in deps if d.parsed_version is None and d.parsed_specifier]
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()

    def clash(a: Dependency, b: Dependency, how: str) -> None:
        key = (str(a.source), str(b.source))
        if key in seen or not any(
            marker_admits(a.marker, py) and marker_admits(b.marker, py) for py in pythons
        ):
            return
        seen.add(key)
        out.append(
            Finding(
                "ddtrace-declarations-disagree",
                "warning",
                f"{_shown(a)} ({a.source}) {how} {_shown(b)} ({b.source}); "
                "an install follows one of them only",
                a.source,
            )
        )

    for i, a in enumerate(exact):
        for b in exact[i + 1 :]:
            if a.parsed_version != b.parsed_version:
                clash(a, b, "and")
    for r in ranges:
        for e in exact:
            if e.parsed_version is not None and not r.parsed_specifier.contains(
                e.parsed_version, prereleases=True
            ):
                clash(r, e, "excludes")
    return out


def _shown(dep: Dependency) -> str:
    return excerpt(f"{dep.display_name}{dep.specifier}", 60)


def _about_current(snapshot: ReleaseSnapshot, state: DdtraceState | None) -> list[Finding]:
    if state is None:
        return [Finding("ddtrace-absent", "info", "the project does not declare ddtrace")]
    out = []
    if state.url and not state.current:
        # The URL as written may carry credentials (https://user:token@host/...): never shown.
        out.append(
            Finding(
                "ddtrace-version-unknown",
                "warning",
                f"ddtrace comes from {redact_url(state.url)}; its version cannot be told from the files",
                state.source,
            )
        )
    if state.parsed_current is not None:
        release = snapshot.get(state.parsed_current)
        newest = snapshot.newest
        if release is not None and release.yanked:
            reason = f" ({release.yanked_reason})" if release.yanked_reason else ""
            out.append(
                Finding(
                    "ddtrace-yanked",
                    "warning",
                    f"ddtrace {state.current} is yanked from the index{reason}",
                    state.source,
                )
            )
        elif release is None and newest is not None:
            newer = state.parsed_current > newest.version
            text = (
                (
                    f"ddtrace {state.current} is newer than the release snapshot of {snapshot.snapshot_date} "
                    f"(newest {newest.version}); its wheels were not checked"
                )
                if newer
                else f"ddtrace {state.current} is not a release on the index"
            )
            out.append(
                Finding(
                    "ddtrace-not-in-snapshot", "info" if newer else "warning", text, state.source
                )
            )
    return out


def _branch(
    knowledge: Knowledge,
    server: Server,
    rec: Verdict,
    target: Version,
    today: dt.date,
    served: Sequence[str],
) -> list[Finding]:
    branch = knowledge.branch_for(target)
    if branch is None or branch.supported_on(today):
        return []
    if branch.support == "end-of-life":
        why = f"the {branch.label} branch is past its end of life"
    else:
        why = f"{branch.support} of the {branch.label} branch ended {branch.ends}"
    floor = Version(rec.floor) if rec.floor else Version("0")
    alt = next(
        (
            r
            for r in server.candidates(floor)
            if (b := knowledge.branch_for(r.version)) is not None
            and b.supported_on(today)
            and all(server.serves(r, py) for py in served)
        ),
        None,
    )
    hint = (
        f"; the smallest release on a supported branch is {alt.version}"
        if alt
        else "; no release on a supported branch serves every CPython in scope"
    )
    return [Finding("branch-unsupported", "warning", f"ddtrace {target}: {why}{hint}")]


def platform_minimums(
    knowledge: Knowledge,
    platforms: Sequence[str],
    state: DdtraceState | None,
    target: Version,
) -> list[Finding]:
    """One warning per platform line the move to ``target`` crosses on a requested platform.

    A line is crossed when ``target`` is at or above the release that raised the system
    minimum of the wheels and the project's current ddtrace is below it or not known.
    """
    current = state.parsed_current if state else None
    out = []
    for line in knowledge.platform_minimums:
        hit = [p for p in platforms if p in line.platforms]
        if not hit or not line.crossed(current, target):
            continue
        out.append(
            Finding(
                "platform-minimum",
                "warning",
                f"ddtrace {line.since} and later publish {', '.join(hit)} wheels for "
                f"{line.needs} or newer only: on {line.left_behind}, pip finds no wheel of "
                f"ddtrace {target} and builds it from the sdist, which needs a compiler toolchain",
            )
        )
    return out


#: Where a deployment file sets a variable, and the value (``None``: not read).
_Set = tuple[SourceLocation, str | None]


def _settings(deployments: Sequence[Deployment]) -> dict[str, list[_Set]]:
    """Each ``DD_*`` variable the deployment files set -> where (``Dockerfile:7``) and the
    value (``None``: not read, a secret-looking name or a reference), in the order read."""
    out: dict[str, list[_Set]] = {}
    for d in deployments:
        for setting in d.env:
            out.setdefault(setting.name, []).append(
                (SourceLocation(d.file, setting.line), setting.value)
            )
    return out


def _truth(value: str) -> str:
    """A switch's value as ddtrace reads a boolean (``True``, ``1`` -> ``true``)."""
    low = value.strip().strip("'\"").lower()
    return {"1": "true", "0": "false"}.get(low, low)


def _places(settings: Sequence[_Set]) -> str:
    return ", ".join(
        f"{where} ({'value not read' if value is None else value!r})" for where, value in settings
    )


#: :func:`_env`'s findings where no deployment file sets a variable (they name no file then),
#: for the last knowledge planned with (held, so its id is not reused): the projects of a
#: monorepo mostly need the same switches. Keyed by the identity of the capabilities, held beside
#: each answer so that no other object takes it, and by all else :func:`_env` reads.
_ENV: list[
    tuple[Knowledge, dict[tuple[object, ...], tuple[tuple[Capability, ...], tuple[Finding, ...]]]]
] = []


def _env_findings(
    knowledge: Knowledge,
    active: Sequence[Capability],
    found: Sequence[FoundIntegration],
    target: Version,
    *,
    in_lambda: bool,
    settings: Mapping[str, Sequence[_Set]],
) -> list[Finding]:
    """:func:`_env`, found once for the same capabilities, integrations (their id, name and
    distribution: all it reads of them), target and deployment when nothing is set."""
    # Only the integrations that have switches of their own are read (most have none), so a
    # monorepo's many mixes of frameworks ask about a few mixes here.
    found = [f for f in found if knowledge.integration(f.id).env]
    if settings:
        return _env(knowledge, active, found, target, in_lambda=in_lambda, settings=settings)
    if not _ENV or _ENV[0][0] is not knowledge:
        _ENV[:] = [(knowledge, {})]
    memo = _ENV[0][1]
    key = (
        tuple(map(id, active)),
        tuple((f.id, f.name, f.distribution) for f in found),
        target,
        in_lambda,
    )
    known = memo.get(key)
    if known is None:
        known = memo[key] = (
            tuple(active),
            tuple(_env(knowledge, active, found, target, in_lambda=in_lambda)),
        )
    return list(known[1])


def _env(
    knowledge: Knowledge,
    active: Sequence[Capability],
    found: Sequence[FoundIntegration],
    target: Version,
    *,
    in_lambda: bool = False,
    settings: Mapping[str, Sequence[_Set]] | None = None,
) -> list[Finding]:
    """What to do about each switch the capabilities and integrations need, said against what
    the deployment files set (``settings``, see :func:`_settings`): a switch set as needed is
    an ``env-set`` note naming where, one set otherwise an ``env-conflict`` warning."""
    settings = settings or {}
    wanted: dict[str, list[tuple[EnvSwitch, str]]] = {}
    for cap in active:
        for sw in cap.env:
            if sw.applies_to(target):
                wanted.setdefault(sw.name, []).append((sw, cap.name))
    active_ids = {c.id for c in active}
    for f in found:
        for sw in knowledge.integration(f.id).env:
            if sw.applies_to(target) and sw.needed_by(active_ids):
                wanted.setdefault(sw.name, []).append((sw, f"{f.name} ({f.distribution} found)"))
    out = []
    for name, uses in wanted.items():
        needs = {sw.need for sw, _ in uses}
        whom = ", ".join(dict.fromkeys(who for _, who in uses))
        setting = settings.get(name, ())
        if "unset" in needs and setting:
            unset_for = ", ".join(who for sw, who in uses if sw.need == "unset")
            on = [(sw, who) for sw, who in uses if sw.need == "on"]
            off = [
                (w, v)
                for w, v in setting
                if v is not None and on and _truth(v) != _truth(on[0][0].value)
            ]
            also = (
                f" and {_places(off)} turns off {', '.join(dict.fromkeys(w for _, w in on))}"
                if off
                else ""
            )
            out.append(
                Finding(
                    "env-conflict",
                    "warning",
                    f"{name} is set at {_places(setting)}: any value turns off "
                    f"{unset_for}{also}; remove it there to let Datadog switch AAP remotely",
                    setting[0][0],
                )
            )
        elif "unset" in needs and "on" in needs:
            out.append(
                Finding(
                    "env-switch",
                    "warning",
                    f"{name}: leave it unset so Runtime Activation can switch AAP on remotely, "
                    f"or set {name}=true to force it on (which disables remote activation); for {whom}",
                )
            )
        elif "unset" in needs:
            out.append(Finding("env-switch", "warning", f"{name} must not be set (for {whom})"))
        else:
            sw = next((sw for sw, _ in uses if sw.need == "on"), uses[0][0])
            out += _switch(name, sw, whom, setting, in_lambda=in_lambda)
    return out


def _switch(
    name: str,
    sw: EnvSwitch,
    whom: str,
    setting: Sequence[_Set],
    *,
    in_lambda: bool,
) -> list[Finding]:
    """The finding for a switch that must be ``sw.value`` (``on``) or is by default
    (``default``), given where the deployment files set it."""
    wrong = [(w, v) for w, v in setting if v is not None and _truth(v) != _truth(sw.value)]
    if wrong:
        return [
            Finding(
                "env-conflict",
                "warning",
                f"{name} is set at {_places(wrong)}, which turns off what {whom} needs: "
                f"set {name}={sw.value} there",
                wrong[0][0],
            )
        ]
    if setting:
        right = [str(w) for w, v in setting if v is not None]
        unread = [str(w) for w, v in setting if v is None]
        text = f"{name}={sw.value} is set already at {', '.join(right)}" if right else ""
        if unread:
            text += ("; " if text else f"{name} is set at ") + (
                f"{', '.join(unread)} (value not read: check it is {sw.value})"
            )
        return [Finding("env-set", "info", f"{text} (for {whom})", setting[0][0])]
    if sw.need == "on":
        said = sw.lambda_note if in_lambda and sw.lambda_note else sw.note
        note = f"; {said}" if said else ""
        return [Finding("env-switch", "warning", f"set {name}={sw.value} (for {whom}){note}")]
    return [
        Finding("env-default", "info", f"{name} is {sw.value} by default (for {whom}); keep it")
    ]


def _coverage(
    knowledge: Knowledge,
    active: Sequence[Capability],
    found: Sequence[FoundIntegration],
    state: DdtraceState | None,
) -> list[Finding]:
    out = []
    active_ids = {c.id for c in active}
    web = [f for f in found if f.id in ("django", "flask", "fastapi", "tornado", "starlette")]
    if (
        "account-takeover-protection" in active_ids
        and web
        and not any(f.id == "django" for f in web)
    ):
        names = ", ".join(dict.fromkeys(f.name for f in web))
        out.append(
            Finding(
                "ato-manual-only",
                "warning",
                f"automatic user events cover Django only; with {names} login events stay off "
                "unless the application sends them with the user-events SDK (ddtrace.appsec.track_user_sdk)",
            )
        )
    for f in found:
        if f.unsupported is None:
            continue
        cap = next(c for c in knowledge.capabilities if c.id == f.unsupported)
        text = f"{f.distribution} found: {cap.name} is not supported by AAP for Python"
        if cap.history:
            text += f" ({cap.history})"
        out.append(Finding("integration-unsupported", "warning", text, f.source))
        cur = state.parsed_current if state else None
        if (
            cap.id == "grpc-monitoring"
            and cur is not None
            and Version("2.11.0") <= cur < Version("3.15.0")
        ):
            out.append(
                Finding(
                    "grpc-monitoring-removed",
                    "warning",
                    f"ddtrace {cur} runs gRPC threat monitoring; 3.15.0 and later do not",
                    f.source,
                )
            )
    return out


def _frameworks(
    knowledge: Knowledge, found: Sequence[FoundIntegration], target: Version
) -> list[Finding]:
    out = []
    for f in found:
        integ = knowledge.integration(f.id)
        declared = integ.declared_for(target, f.distribution)
        if declared is not None:
            out += frameworks.declared_findings(f, declared.spec, target)
        tested = integ.tested_for(target, f.distribution)
        v = f.parsed_version
        if tested is not None and v is not None and (v < tested.low or v > tested.high):
            side = "older" if v < tested.low else "newer"
            out.append(
                Finding(
                    "integration-untested",
                    "info",
                    f"{f.distribution} {v} is {side} than the versions ddtrace {tested.tag} was "
                    f"tested with ({tested.low} to {tested.high})",
                    f.source,
                )
            )
    return out


def _stdlib(integrations: tuple[Integration, ...]) -> tuple[Integration, ...]:
    """The integrations of no distribution (the standard library's): there whatever is found."""
    return tuple(i for i in integrations if not i.distributions)


#: :func:`_stdlib` of the knowledge's integrations, found once per integrations tuple.
_STDLIB: IdentityMemo[tuple[Integration, ...], tuple[Integration, ...]] = IdentityMemo(8)


def _caveats(
    knowledge: Knowledge,
    active: Sequence[Capability],
    found: Sequence[FoundIntegration],
    target: Version,
) -> list[Finding]:
    active_ids = {c.id for c in active}
    out = []
    stdlib = _STDLIB.get(knowledge.integrations, _stdlib)
    sources = [(knowledge.integration(f.id), f) for f in found] + [(i, None) for i in stdlib]
    for integ, f in sources:
        for cv in integ.caveats:
            if cv.capability not in active_ids:
                continue
            if cv.min_version is not None and target >= cv.min_version:
                continue
            out.append(
                Finding(
                    "coverage-caveat", "info", f"{integ.name}: {cv.text}", f.source if f else None
                )
            )
    return out
