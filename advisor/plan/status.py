"""Each requested capability's status, now and once the recommendation is followed.

``available``: the ddtrace installed on every CPython in scope runs it, on every platform asked
(the capability's CPython gate, and in Lambda the tracer's own switches, included);
``needs-upgrade``: some CPython in scope lacks it and an upgrade gives it there;
``unavailable``: AAP does not support it, or no release runs it somewhere in scope (this wins
over ``needs-upgrade``: the reason says where an upgrade still helps).
CPythons no release installs on at all are left out of the question (the report says so).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
from advisor.plan.current import installs_for
from advisor.plan.verdict import Context, least_admitted

__all__ = ["capability_results"]

Installed = Callable[[str], Sequence[Version] | None]
"""CPython -> the ddtrace versions installed there (``None``: none known)."""


def capability_results(
    ctx: Context,
    requested: Sequence[Capability],
    never: Mapping[str, tuple[str, ...]],
    project_floors: Mapping[str, Version | None],
    rec: Verdict,
) -> list[CapabilityResult]:
    """One result per requested capability, in request order."""
    return [
        _one(ctx, cap, never.get(cap.id, ()), project_floors.get(cap.id), rec) for cap in requested
    ]


def _one(
    ctx: Context,
    cap: Capability,
    never: tuple[str, ...],
    floor: Version | None,
    rec: Verdict,
) -> CapabilityResult:
    def result(
        status: CapabilityStatus, reason: str | None, after: CapabilityStatus | None
    ) -> CapabilityResult:
        return CapabilityResult(
            id=cap.id,
            name=cap.name,
            min_version=str(cap.min_version) if cap.min_version else None,
            project_min_version=str(floor) if floor else None,
            status=status,
            reason=reason,
            after=after,
        )

    if not cap.supported:
        return result("unavailable", cap.history, "unavailable")
    if never or all(c.id != cap.id for c in ctx.active):
        return result("unavailable", f"never runs {where_text(never)}", "unavailable")
    status, reason = _status(ctx, cap, _now(ctx))
    if status == "needs-upgrade" and ctx.state is None:
        reason = "ddtrace is not declared"
    elif status == "needs-upgrade" and ctx.state and ctx.state.current is None and ctx.state.url:
        reason = "the ddtrace version cannot be told from the files"
    return result(status, reason, _after(ctx, cap, rec, status))


def _now(ctx: Context) -> Installed:
    def installed(python: str) -> Sequence[Version] | None:
        exact, ranges = installs_for(ctx.project, python)
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
    ctx: Context, cap: Capability, rec: Verdict, now: CapabilityStatus
) -> CapabilityStatus | None:
    match rec:
        case Ok():
            return now
        case Upgrade():
            target = Version(rec.ddtrace)
            return _status(ctx, cap, lambda py: [target])[0]
        case Split():
            by_python = {py: Version(p.ddtrace) for p in rec.split for py in p.pythons}
            return _status(ctx, cap, lambda py: [by_python[py]] if py in by_python else None)[0]
        case Impossible():
            return None
        case _:
            assert_never(rec)


def _status(
    ctx: Context, cap: Capability, installed: Installed
) -> tuple[CapabilityStatus, str | None]:
    missing: list[str] = []
    off: list[str] = []
    floor = ctx.cap_floors[cap.id]
    counted = [py for py in ctx.pythons if py not in ctx.left_out and ctx.installable(py)]
    if not counted:  # every CPython in scope is left out: it runs nowhere asked
        return "unavailable", "on no CPython in scope"
    for py in counted:
        versions = installed(py)
        if versions and all(ctx.alone(cap).gives(v, floor, py) for v in versions):
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
