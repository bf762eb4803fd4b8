"""Each requested capability's status, now and once the recommendation is followed.

``available``: the ddtrace installed on every CPython in scope runs it, on every platform asked
(the capability's CPython gate, and in Lambda the tracer's own switches, included);
``needs-upgrade``: some CPython in scope lacks it and an upgrade gives it there;
``unavailable``: AAP does not support it, or no release runs it somewhere in scope (this wins
over ``needs-upgrade``: the reason says where an upgrade still helps).
CPythons no release installs on at all are left out of the question (the report says so).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence, Set
from typing import assert_never

from packaging.version import Version

from advisor.knowledge.model import Capability
from advisor.model.advice import (
    CapabilityResult,
    CapabilityStatus,
    Impossible,
    Ok,
    Split,
    Upgrade,
    Verdict,
    where_text,
)
from advisor.model.release import version_of, version_text
from advisor.plan.verdict import Context, least_admitted

__all__ = ["capability_results"]

Installed = Callable[[str], Sequence[Version] | None]
"""CPython -> the ddtrace versions installed there (``None``: none known)."""

Counted = tuple[tuple[str, tuple[Version, ...] | None, Version | None], ...]
"""Each CPython a status counts, with the ddtrace versions installed there (``None``: none
known) and what the project already has there (:attr:`Context.current`)."""

Found = dict[tuple[str, Version], tuple[CapabilityStatus, str | None]]
"""(capability id, its floor) -> its status, for one :data:`Counted`."""


def capability_results(
    ctx: Context,
    requested: Sequence[Capability],
    never: Mapping[str, tuple[str, ...]],
    project_floors: Mapping[str, Version | None],
    rec: Verdict,
) -> list[CapabilityResult]:
    """One result per requested capability, in request order."""
    # The CPythons counted, and what is installed on each now and once the advice is
    # followed: the same for every capability, so found once.
    counted = [py for py in ctx.pythons if py not in ctx.left_out and ctx.installable(py)]
    now = _counted(ctx, counted, _now(ctx))
    after = _after_installed(rec)
    later = _counted(ctx, counted, after) if after is not None else None
    active = {c.id for c in ctx.active}
    return [
        _one(ctx, cap, never.get(cap.id, ()), project_floors.get(cap.id), rec, now, later, active)
        for cap in requested
    ]


def _counted(ctx: Context, pythons: Sequence[str], installed: Installed) -> tuple[Counted, Found]:
    """What ``installed`` puts on each of ``pythons``, and the statuses found from it by the
    projects whose servers share their answers with this one's (:func:`_status`)."""
    out = []
    for py in pythons:
        versions = installed(py)
        out.append((py, None if versions is None else tuple(versions), ctx.current.get(py)))
    counted = tuple(out)
    return counted, ctx.server.answers.statuses.setdefault(counted, {})


def _one(
    ctx: Context,
    cap: Capability,
    never: tuple[str, ...],
    floor: Version | None,
    rec: Verdict,
    now: tuple[Counted, Found],
    after: tuple[Counted, Found] | None,
    active: Set[str],
) -> CapabilityResult:
    if not cap.supported:
        return _result(cap, floor, "unavailable", cap.history, "unavailable")
    if never or cap.id not in active:
        return _result(cap, floor, "unavailable", f"never runs {where_text(never)}", "unavailable")
    status, reason = _status(ctx, cap, *now)
    if status == "needs-upgrade" and ctx.state is None:
        reason = "ddtrace is not declared"
    elif status == "needs-upgrade" and ctx.state and ctx.state.current is None and ctx.state.url:
        reason = "the ddtrace version cannot be told from the files"
    return _result(cap, floor, status, reason, _after(ctx, cap, rec, status, after))


def _result(
    cap: Capability,
    floor: Version | None,
    status: CapabilityStatus,
    reason: str | None,
    after: CapabilityStatus | None,
) -> CapabilityResult:
    return CapabilityResult(
        cap.id,
        cap.name,
        version_text(cap.min_version) if cap.min_version else None,
        version_text(floor) if floor else None,
        status,
        reason,
        after,
    )


def _now(ctx: Context) -> Installed:
    def installed(python: str) -> Sequence[Version] | None:
        exact, ranges = ctx.installs(python)
        if exact:
            return exact
        least = []
        for dep in ranges:
            if not dep.parsed_specifier:
                return [Version("0")]  # a bare name: the oldest release is allowed
            first = least_admitted(ctx, dep.parsed_specifier, python)
            if first is not None:
                least.append(first.version)
        return least or None

    return installed


def _after(
    ctx: Context,
    cap: Capability,
    rec: Verdict,
    now: CapabilityStatus,
    counted: tuple[Counted, Found] | None,
) -> CapabilityStatus | None:
    match rec:
        case Ok():
            return now
        case Impossible():
            return None
    assert counted is not None  # an upgrade or a split installs a release (_after_installed)
    return _status(ctx, cap, *counted)[0]


def _after_installed(rec: Verdict) -> Installed | None:
    """What an upgrade or a split installs on each CPython (``None`` for another verdict)."""
    match rec:
        case Upgrade():
            target = [version_of(rec.ddtrace)]
            return lambda py: target
        case Split():
            by_python = {py: [version_of(p.ddtrace)] for p in rec.split for py in p.pythons}
            return by_python.get
        case Ok() | Impossible():
            return None
        case _:
            assert_never(rec)


def _status(
    ctx: Context, cap: Capability, counted: Counted, found: Found
) -> tuple[CapabilityStatus, str | None]:
    """The capability's status with ``counted``, found once (``found``) for the projects whose
    servers share their answers (:class:`~advisor.plan.serve.ServerPool`: the same releases,
    active capabilities, platforms, exclusions, deployment and limits) and that have the same
    ``counted`` and the same floor for it: nothing else is read. The capability is one of the
    server's (an active one), so its id names it among them."""
    if not counted:  # every CPython in scope is left out: it runs nowhere asked
        return "unavailable", "on no CPython in scope"
    floor = ctx.cap_floors[cap.id]
    key = (cap.id, floor)
    status = found.get(key)
    if status is None:
        status = found[key] = _find_status(ctx, cap, floor, counted)
    return status


def _find_status(
    ctx: Context, cap: Capability, floor: Version, counted: Counted
) -> tuple[CapabilityStatus, str | None]:
    alone = ctx.alone(cap)
    missing: list[str] = []
    off: list[str] = []
    for py, versions, _ in counted:
        if versions and all(alone.gives(v, floor, py) for v in versions):
            continue
        (missing if ctx.can_run(cap, py) else off).append(py)
    # A CPython no release runs it on makes it unavailable in scope, whatever an upgrade gives
    # elsewhere (so the status after the advice is never worse than now).
    if off:
        reason = f"no release that installs on CPython {', '.join(off)} runs it"
        if missing:
            reason += f"; an upgrade gives it on CPython {', '.join(missing)}"
        return "unavailable", reason
    if missing:
        return (
            "needs-upgrade",
            f"not on CPython {', '.join(missing)} with the ddtrace installed there",
        )
    return "available", None
