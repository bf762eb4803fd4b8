"""The verdict: keep, move, split by CPython, or nothing serves.

Three rules hold for every answer (issue 14):

* a CPython that some release installs on is never left out: when no release at or above the
  floor serves it, the answer splits, and that CPython keeps what the project has there (or the
  least above it that installs, and runs whatever requested capability can run there);
* no part of an answer goes below the version the project already has on those CPythons;
* a project whose every pin or lock already meets the floor is ``ok``, even when a declared
  range beside them admits older releases (that range gets a suggestion instead).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping, Sequence
from dataclasses import field
from typing import TYPE_CHECKING

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

from advisor.knowledge.model import Capability, Knowledge
from advisor.model.advice import (
    Change,
    DdtraceState,
    FloorReason,
    Impossible,
    Ok,
    Split,
    SplitPart,
    Upgrade,
    Verdict,
)
from advisor.model.excerpt import excerpt
from advisor.model.markers import marker_admits
from advisor.model.project import Dependency, Finding, Project
from advisor.model.release import DDTRACE, Release, version_text
from advisor.plan.current import installs_for
from advisor.plan.serve import Server, markers, next_minor, why_unserved

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["Context", "current_on", "least_admitted", "recommend"]

_ZERO = Version("0")


@dataclass(slots=True)
class Context:
    """What every part of the verdict looks at.

    :param cap_floors: each active capability's own floor for this project (its documented
        floor raised by the integrations found and, in Lambda, by the tracer's switches).
    """

    knowledge: Knowledge
    project: Project
    server: Server
    state: DdtraceState | None
    floor: Version
    reasons: tuple[FloorReason, ...]
    active: Sequence[Capability]
    pythons: tuple[str, ...]
    cap_floors: Mapping[str, Version]
    python_source: str = "the CPythons in scope"
    """The CPython range planned for and where it came from (``>=3.8 from --python``)."""
    current: dict[str, Version | None] = field(default_factory=dict)
    """What the project has on each CPython (:func:`current_on`), once the verdict is made."""
    left_out: set[str] = field(default_factory=set)
    """CPythons the verdict leaves out (no release installs there, or none at or above what the
    project already has): capability statuses do not count them."""
    _alone: dict[str, Server] = field(default_factory=dict)
    _least: dict[tuple[SpecifierSet, str], Release | None] = field(default_factory=dict)
    _installs: dict[str, tuple[list[Version], list[Dependency]]] = field(default_factory=dict)

    def installs(self, python: str) -> tuple[list[Version], list[Dependency]]:
        """:func:`~advisor.plan.current.installs_for` the project on ``python``, asked once
        (the verdict and each capability's status ask it again): read it, never change it."""
        found = self._installs.get(python)
        if found is None:
            if not self._installs and not any(d.marker for d in self.project.named(DDTRACE)):
                # No ddtrace declaration has a marker: the same on every CPython, found once.
                found = installs_for(self.project, python)
                self._installs.update(dict.fromkeys(self.pythons, found))
            found = self._installs.get(python)
            if found is None:
                found = self._installs[python] = installs_for(self.project, python)
        return found

    def serving(self, capabilities: Sequence[Capability]) -> Server:
        """A server for ``capabilities`` only (same platforms, exclusions, deployment and
        limits of what the project pins)."""
        return self.server.serving(capabilities)

    def alone(self, cap: Capability) -> Server:
        """A server for ``cap`` alone, kept for the run."""
        if cap.id not in self._alone:
            self._alone[cap.id] = self.serving([cap])
        return self._alone[cap.id]

    def can_run(self, cap: Capability, python: str) -> bool:
        """Some release at or above the capability's floor, and at or above what the project
        already has on ``python`` (never proposed lower), runs it there."""
        start = max(self.cap_floors[cap.id], self.current.get(python) or _ZERO)
        if any(c is cap for c in self.server.capabilities):
            # The smallest release serving every capability of the verdict's server on
            # ``python`` (asked for the verdict already) serves this one: when it is at or
            # above ``start``, it answers without a search of the capability's own.
            every = self.server.smallest(self.floor, [python])
            if every is not None and every.version >= start:
                return True
        return self.alone(cap).smallest(start, [python]) is not None

    def installable(self, python: str) -> bool:
        """Some release installs from a wheel on ``python`` on every platform."""
        return self.server.installs_somewhere(python)


def current_on(ctx: Context, python: str) -> Version | None:
    """What the project has on ``python``: the lowest ddtrace its pins or locks install there,
    else the least release its declared ranges allow there (``None``: nothing says)."""
    exact, ranges = ctx.installs(python)
    if exact:
        return min(exact)
    specs = [d.parsed_specifier for d in ranges if d.parsed_specifier]
    if not specs:
        return None
    least = least_admitted(ctx, functools.reduce(operator.and_, specs), python)
    return least.version if least else None


def recommend(ctx: Context, per_python: dict[str, str | None]) -> tuple[Verdict, list[Finding]]:
    """The verdict for the CPythons in scope, and the warnings about CPythons it leaves out."""
    shown_floor = version_text(ctx.floor) if ctx.reasons else None
    served = [py for py in ctx.pythons if per_python[py] is not None]
    findings: list[Finding] = []
    if not ctx.active or not served:
        for py in ctx.pythons:
            if per_python[py] is None and ctx.active:
                findings.append(_unserved(ctx, py))
        return Impossible(per_python, shown_floor, ctx.reasons), findings
    current = {py: current_on(ctx, py) for py in ctx.pythons}
    ctx.current.update(current)
    for py in ctx.pythons:
        if py not in served and not ctx.installable(py):
            findings.append(_unserved(ctx, py))
            ctx.left_out.add(py)
    fallback = [py for py in ctx.pythons if py not in served and ctx.installable(py)]
    if not fallback and ctx.state is not None and _enough(ctx, served):
        ok = _ok(ctx, per_python, served, current, shown_floor)
        return ok, [*findings, *(_suggestion_finding(c) for c in ok.suggestions)]

    # A version newer than the snapshot bounds nothing (no release known to be at or above it).
    newest = ctx.server.snapshot.newest
    bound = {
        py: max(ctx.floor, v)
        if (v := current[py]) is not None and (newest is None or v <= newest.version)
        else ctx.floor
        for py in served
    }
    single = ctx.server.smallest(max(bound.values()), served)
    if single is not None:
        groups: list[tuple[list[str], Release]] = [(list(served), single)]
        stranded: list[str] = []
    else:
        groups, stranded = ctx.server.split(ctx.floor, served, bound)
    kept: list[tuple[list[str], Release, tuple[str, ...]]] = []
    for py in fallback:
        choice = _fallback(ctx, py, current[py])
        if choice is None:
            stranded.append(py)
            continue
        release, off = choice
        if kept and kept[-1][1] == release and kept[-1][2] == off:
            kept[-1][0].append(py)
        else:
            kept.append(([py], release, off))
    for py in stranded:
        findings.append(_stranded(ctx, py, current[py]))
    ctx.left_out.update(stranded)

    covered = [py for g, _ in groups for py in g]
    if not groups and not kept:
        return Impossible(per_python, shown_floor, ctx.reasons), findings
    if not kept and ctx.state is not None and _enough(ctx, covered):
        ok = _ok(ctx, per_python, covered, current, shown_floor)
        return ok, [*findings, *(_suggestion_finding(c) for c in ok.suggestions)]
    if not kept and len(groups) == 1:
        target = groups[0][1]
        change = Change(
            DDTRACE,
            ctx.state.current if ctx.state else None,
            version_text(target.version),
            from_specifier=ctx.state.specifier if ctx.state else None,
            source=ctx.state.source if ctx.state else None,
        )
        return Upgrade(
            version_text(target.version), (change,), per_python, shown_floor, ctx.reasons
        ), findings
    arms = sorted(
        [(g, r, ()) for g, r in groups] + kept, key=lambda arm: ctx.pythons.index(arm[0][0])
    )
    parts = tuple(
        SplitPart(marker, tuple(g), str(r.version), off)
        for (g, r, off), marker in zip(arms, markers([a[0] for a in arms]), strict=True)
    )
    findings += [_kept_finding(ctx, part, served, current) for part in parts if part.off]
    changes = tuple(
        Change(
            DDTRACE,
            ctx.state.current if ctx.state else None,
            part.ddtrace,
            from_specifier=ctx.state.specifier if ctx.state else None,
            to_specifier=f"=={part.ddtrace}; {part.marker}" if part.marker else f"=={part.ddtrace}",
            source=ctx.state.source if ctx.state else None,
        )
        for part in parts
        if any(current[py] != Version(part.ddtrace) for py in part.pythons)
    )
    return Split(parts, changes, per_python, shown_floor, ctx.reasons), findings


def _ok(
    ctx: Context,
    per_python: dict[str, str | None],
    covered: Sequence[str],
    current: Mapping[str, Version | None],
    shown_floor: str | None,
) -> Ok:
    """``ok``: what the project has on the CPythons in scope, by CPython when it differs, and
    a suggestion for each declared range that admits releases below the floor."""
    # Raised to the floor itself (its first release), not to what serves every CPython at once:
    # a lock split by marker keeps its lower arm.
    least = next(iter(ctx.server.snapshot.final_from(ctx.floor)), None)
    suggestions = _range_suggestions(ctx, least, covered) if least is not None else ()
    has = [(py, current[py]) for py in covered]
    groups: list[tuple[list[str], Version]] = []
    for py, version in has:
        if version is None:  # newer than the snapshot or unknown: trust the declaration
            continue
        if groups and groups[-1][1] == version:
            groups[-1][0].append(py)
        else:
            groups.append(([py], version))
    by_python = (
        tuple(
            SplitPart(marker, tuple(g), str(v))
            for (g, v), marker in zip(groups, markers([g for g, _ in groups]), strict=True)
        )
        if len(groups) > 1
        else ()
    )
    lowest = min((v for _, v in groups), default=None)
    kept = str(lowest) if lowest is not None else (ctx.state.current if ctx.state else None)
    return Ok(
        kept or (str(least.version) if least else "unknown"),
        per_python,
        shown_floor,
        ctx.reasons,
        suggestions,
        by_python,
    )


def _fallback(
    ctx: Context, python: str, current: Version | None
) -> tuple[Release, tuple[str, ...]] | None:
    """What a CPython no release at or above the floor serves gets, and the requested
    capabilities that stay off there on it; ``None`` when nothing at or above the project's
    own version installs there."""
    can = [c for c in ctx.active if ctx.can_run(c, python)]
    start = current or Version("0")
    release: Release | None = None
    if can:
        release = ctx.serving(can).smallest(
            max(max(ctx.cap_floors[c.id] for c in can), start), [python]
        )
    if release is None and current is not None:
        release = next(ctx.server.installable(python, current), None)
        if release is None:
            return None
    if release is None:
        release = _kept_by_range(ctx, python)
    if release is None:
        return None
    off = tuple(
        c.name
        for c in ctx.active
        if release.version < ctx.cap_floors[c.id] or not ctx.alone(c).serves(release, python)
    )
    return release, off


def _kept_by_range(ctx: Context, python: str) -> Release | None:
    """Without a pin: the least release the declared ranges allow on ``python`` (what they keep),
    else, with ddtrace not declared, the newest release that installs there."""
    ranges = [
        d.parsed_specifier
        for d in ctx.project.named(DDTRACE)
        if d.role in ("declared", "constraint")
        and d.parsed_specifier  # a bare name or a URL allows anything: nothing to keep
        and not d.url
        and marker_admits(d.marker, python)
    ]
    installable = ctx.server.installable(python)
    if ranges:
        return next((r for r in installable if all(s.contains(r.version) for s in ranges)), None)
    newest = None
    for newest in installable:  # noqa: B007 - the last one is wanted
        pass
    return newest


def _unserved(ctx: Context, python: str) -> Finding:
    why = why_unserved(ctx.knowledge, ctx.server, ctx.floor, python)
    return Finding("python-unserved", "warning", f"CPython {python} left out: {why}")


def _stranded(ctx: Context, python: str, current: Version | None) -> Finding:
    has = f"ddtrace {current}" if current else "the project's ddtrace"
    return Finding(
        "python-unserved",
        "warning",
        f"CPython {python} left out: {has} (what it has there) is above every release that "
        "installs and runs the requested capabilities there, and aap-advise never proposes a "
        "version below the current one",
    )


def _kept_finding(
    ctx: Context, part: SplitPart, served: Sequence[str], current: Mapping[str, Version | None]
) -> Finding:
    names = ", ".join(part.off)
    pys = ", ".join(part.pythons)
    verb = "stays" if len(part.off) == 1 else "stay"
    low, high = served[0], served[-1]
    if all(ctx.pythons.index(p) < ctx.pythons.index(low) for p in part.pythons):
        wider = f"raising the declared Python range to >={low}"
    elif all(ctx.pythons.index(p) > ctx.pythons.index(high) for p in part.pythons):
        wider = f"capping the declared Python range below {next_minor(high)}"
    else:
        wider = f"leaving CPython {pys} out of the declared Python range"
    has = [current[p] for p in part.pythons]
    bounded = " at or above what the project has there" if any(has) else ""
    keeps = all(v == Version(part.ddtrace) for v in has)
    gets = f"keep ddtrace {part.ddtrace}" if keeps else f"get ddtrace {part.ddtrace}"
    return Finding(
        "capability-python-off",
        "warning",
        f"{names} {verb} off on CPython {pys}: no ddtrace release that installs there{bounded} "
        f"runs {'it' if len(part.off) == 1 else 'them'}, so those CPythons {gets}; "
        f"{wider} (now {ctx.python_source}) removes the split",
    )


def _enough(ctx: Context, served: Sequence[str]) -> bool:
    """The project's ddtrace already gives every capability on every served CPython.

    Pins and locks decide where there are any (a range beside them is only advised up);
    without them, the least release the declared range admits must be enough.
    """
    for py in served:
        exact, ranges = ctx.installs(py)
        if exact:
            if not all(ctx.server.gives(v, ctx.floor, py) for v in exact):
                return False
        elif not ranges or not all(_range_enough(ctx, d.parsed_specifier, py) for d in ranges):
            return False
    return True


def _range_enough(ctx: Context, spec: SpecifierSet, python: str) -> bool:
    """The least release ``spec`` admits on ``python`` is at or above the floor and serves it."""
    least = least_admitted(ctx, spec, python)
    return least is not None and least.version >= ctx.floor and ctx.server.serves(least, python)


def least_admitted(ctx: Context, spec: SpecifierSet, python: str) -> Release | None:
    """The least final release ``spec`` admits whose Requires-Python admits ``python``.

    Kept for the run (the capability statuses ask it again for each CPython), and found from
    the least version ``spec`` could admit (:func:`_lower_bound`) rather than the oldest release.
    """
    if not spec:
        return None  # a bare name admits every release, the oldest included
    key = (spec, python)
    if key not in ctx._least:
        ctx._least[key] = next(
            (
                r
                for r in ctx.server.snapshot.final_from(_lower_bound(spec))
                if spec.contains(r.version) and r.admits_python(python)
            ),
            None,
        )
    return ctx._least[key]


@functools.lru_cache(maxsize=256)
def _lower_bound(spec: SpecifierSet) -> Version:
    """A version below which ``spec`` admits nothing: the highest of its ``>=``, ``~=`` and
    (wildcard-free) ``==`` versions, else 0. Each of those admits only versions whose public
    part is at or above its own (PEP 440), so no release below it is admitted."""
    bounds = [_ZERO]
    for one in spec:
        if one.operator in (">=", "~=") or (one.operator == "==" and "*" not in one.version):
            try:
                bounds.append(Version(one.version))
            except InvalidVersion:  # a legacy string packaging still parses: no bound from it
                continue
    return max(bounds)


def _range_suggestions(ctx: Context, target: Release, served: Sequence[str]) -> tuple[Change, ...]:
    """Declared ranges admitting releases below the floor, beside pins or locks that meet it."""
    out = []
    for dep in ctx.project.named(DDTRACE):
        if dep.role not in ("declared", "constraint") or dep.version or dep.url:
            continue
        reached = [py for py in served if marker_admits(dep.marker, py)]
        if not reached or all(_range_enough(ctx, dep.parsed_specifier, py) for py in reached):
            continue
        out.append(
            Change(
                DDTRACE,
                None,
                None,
                from_specifier=dep.specifier or None,
                to_specifier=_raised(dep.parsed_specifier, target.version),
                source=dep.source,
                marker=dep.marker,
                reason=f"admits releases below {ctx.floor}; a fresh resolution could pick one",
            )
        )
    return tuple(out)


def _raised(spec: SpecifierSet, floor: Version) -> str:
    """``spec`` with its lower bounds replaced by ``>=floor``; the upper bounds that admit it
    (those ``~=`` and ``==X.*`` imply included) and the exclusions at or above it are kept
    (``>=4.1.1,<5`` -> ``>=4.6.0,<5``; ``~=4.1`` -> ``>=4.6.0,<5``)."""
    kept = []
    for clause in spec:
        version = clause.version.removesuffix(".*")
        upper: str | None = None
        if clause.operator in ("<", "<="):
            upper = str(clause)
        elif clause.operator == "~=":
            release = Version(version).release[:-1]
            upper = f"<{'.'.join(map(str, (*release[:-1], release[-1] + 1)))}"
        elif clause.operator == "==" and clause.version.endswith(".*"):
            release = Version(version).release
            upper = f"<{'.'.join(map(str, (*release[:-1], release[-1] + 1)))}"
        elif clause.operator == "!=" and Version(version) >= floor:
            kept.append(str(clause))
        if upper is not None and SpecifierSet(upper).contains(floor, prereleases=True):
            kept.append(upper)
    return ",".join([f">={floor}", *kept])


def _suggestion_finding(change: Change) -> Finding:
    # The range as written is a quote from the file: an excerpt, like every quote.
    was = excerpt(f"ddtrace{change.from_specifier}") if change.from_specifier else "a bare ddtrace"
    return Finding(
        "range-below-floor",
        "info",
        f"{was} admits releases below the floor; raise it to ddtrace{change.to_specifier} "
        "(--fix does)",
        change.source,
    )
