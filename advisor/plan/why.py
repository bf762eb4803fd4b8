"""Why the target and not an older release: each release between the floor and the target that
was passed over, with the reason, consecutive releases with one reason counted together.

Pure: reads the :class:`~advisor.plan.serve.Server` the verdict was planned with and what the
co-upgrade resolution tried. ``-v`` shows one line per run.
"""

from __future__ import annotations

from collections.abc import Sequence

from packaging.version import Version

from advisor.model.advice import Skipped
from advisor.model.release import Release
from advisor.plan.coupgrade import MAX_TRIES
from advisor.plan.serve import Server, gate_admits

NOT_INSTALLABLE = "does not install together with the project's requirements"
NOT_TRIED = f"not tried: the resolution stops after {MAX_TRIES} releases"


def skipped(
    server: Server,
    start: Version,
    target: Version | None,
    pythons: Sequence[str],
    tried: Sequence[str] = (),
) -> tuple[Skipped, ...]:
    """The releases from ``start`` up to ``target`` (excluded; every release when ``None``)
    that were passed over, and why, in runs of one reason.

    :param pythons: the CPythons the target must serve.
    :param tried: the releases the co-upgrade resolution tried (all but the target failed).

    Found once for the servers sharing ``server``'s answers: the projects of a monorepo
    mostly pass over the same releases.
    """
    memo = server.answers.skipped
    key = (start, target, tuple(pythons), tuple(tried))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _skipped(server, start, target, pythons, tried)
    return found


def _skipped(
    server: Server,
    start: Version,
    target: Version | None,
    pythons: Sequence[str],
    tried: Sequence[str],
) -> tuple[Skipped, ...]:
    failed = {Version(v) for v in tried} - ({target} if target is not None else set())
    last_tried = max(failed, default=None)
    capped = len(tried) >= MAX_TRIES
    runs: list[Skipped] = []
    for release in server.snapshot.releases:
        v = release.version
        if v < start or (target is not None and v >= target) or not release.is_final:
            continue
        if v in failed:
            reason: str | None = NOT_INSTALLABLE
        else:
            reason = _why_not(server, release, pythons)
            if reason is None and capped and last_tried is not None and v > last_tried:
                reason = NOT_TRIED
        if reason is None:
            continue
        if runs and runs[-1].reason == reason:
            prev = runs[-1]
            runs[-1] = Skipped(prev.first, str(v), prev.count + 1, reason)
        else:
            runs.append(Skipped(str(v), str(v), 1, reason))
    return tuple(runs)


def _why_not(server: Server, release: Release, pythons: Sequence[str]) -> str | None:
    """Why ``release`` serves not every one of ``pythons``; ``None`` when it does."""
    if release.yanked:
        return "yanked"
    if any(not ex.contains(release.version) for ex in server.excluded):
        return f"excluded by the project (ddtrace{','.join(str(s) for s in server.excluded)})"
    for py in pythons:
        if server.serves(release, py):
            continue
        if not release.admits_python(py):
            return f"Requires-Python does not allow CPython {py}"
        for platform in server.platforms:
            if not release.has_wheel(py, platform):
                return f"no wheel for CPython {py} on {platform}"
        if not server.allowed(release, py):
            limits = ",".join(str(s) for s in server.limits.get(py, ()))
            return f"the packages the project pins require ddtrace{limits} on CPython {py}"
        for cap in server.capabilities:
            if not gate_admits(cap, release.version, py):
                return f"{cap.name} does not run on CPython {py} in these releases"
            if not server.runs(cap, release, py):
                return f"{cap.name} is switched off in AWS Lambda in these releases"
        return f"does not serve CPython {py}"
    return None
