"""Co-upgrades: the smallest ddtrace at or above the wheel-based target whose requirements
resolve together with the project's own, per CPython, and the packages that must move with it.

pip-audit's ``_resolve_fix_version`` idea: resolvelib returns the first solution in preference
order, not a proven minimum, so the target is pinned ``==v`` and tried in ascending order; the
first that resolves on every CPython is the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field, replace
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.model.advice import Blocker, Change
from advisor.model.markers import marker_holds
from advisor.model.platforms import DEFAULT_PLATFORM
from advisor.model.project import NO_SPECIFIER, Dependency, Finding, Project, SourceLocation
from advisor.model.release import DDTRACE, Release, python_minor
from advisor.plan.serve import Server
from advisor.resolve import (
    HELD,
    Conflict,
    Req,
    Resolved,
    at_least,
    exact,
    refuse_at_once,
    resolve,
)
from advisor.resolve.requirements import marker_env, parse_requires_dist
from advisor.resolve.source import PackageSource

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

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
    direct: list[Dependency] = field(default_factory=list)
    ddtrace_extras: frozenset[str] = frozenset()
    """The extras the project asks of ddtrace (``ddtrace[opentelemetry]``): the target's too."""


#: The requirement sets of the last project asked about, per CPython and platform (the project
#: itself is held so its id cannot be reused), and whether any of its markers may tell them
#: apart: the resolution and the offline pin check both need them, and a 200-manifest monorepo
#: has thousands of dependencies to convert per CPython.
_MEMO: list[tuple[Project, bool, dict[tuple[str, str], RequirementSet]]] = []


def requirement_set(
    project: Project, python: str, platform: str = DEFAULT_PLATFORM
) -> RequirementSet:
    """Roots, pins and constraints for ``python`` on ``platform`` (markers evaluated there).

    Declared ranges are hard requirements; exact pins and locked versions are preferences that
    may only move up; constraints (``-c``) narrow without requiring. A project that declares
    nothing but pins (a lock or a compiled requirements file) uses its pins as roots.

    The result is shared between callers for the same project, CPython and platform (and, for
    a project with no marker, for every CPython and platform: the markers are all they read
    of them): read it, never change it.
    """
    if not _MEMO or _MEMO[0][0] is not project:
        _MEMO[:] = [(project, _has_markers(project), {})]
    _, marked, memo = _MEMO[0]
    key = (python, platform) if marked else ("", "")
    if key not in memo:
        memo[key] = _requirement_set(project, python, platform)
    return memo[key]


def _has_markers(project: Project) -> bool:
    """Some dependency of the project, or of a local package it installs, has a marker."""
    return any(d.marker or any(r.marker for r in d.requires or ()) for d in project.dependencies)


def _requirement_set(project: Project, python: str, platform: str) -> RequirementSet:
    rs = RequirementSet()
    env = marker_env(python_minor(python), platform)
    # A compiled requirements file (pip-compile, uv) pins every package, as a lock does.
    compiled = {path for m in project.manifests for path in m.compiled}
    ours: list[Dependency] = []  # ddtrace's own declarations, read at the end
    declared = False
    # One pass over the dependencies (every collection filled in their order).
    for d in project.dependencies:
        if d.marker and not marker_holds(d.marker, env):
            continue
        if d.name == DDTRACE:
            ours.append(d)
            continue
        role, version = d.role, d.parsed_version
        if d.version and (role == "locked" or (role == "declared" and d.source.file in compiled)):
            rs.locked.setdefault(d.name, d)
        if d.url and role != "constraint":
            rs.direct.append(d)
        if role == "constraint":
            rs.constraints.setdefault(d.name, []).append(
                Req(d.name, d.parsed_specifier, frozenset(), str(d.source))
            )
            continue
        if version is not None and d.name not in rs.pins:
            rs.pins[d.name] = version
            rs.pin_sources[d.name] = d
        if role == "declared":
            declared = True
            if d.url is None:
                spec = NO_SPECIFIER if version is not None else d.parsed_specifier
                rs.roots.append(Req(d.name, spec, frozenset(d.extras), str(d.source)))
    if not declared:
        rs.roots = [
            Req(n, SpecifierSet(), frozenset(), str(d.source)) for n, d in rs.locked.items()
        ]
    # What a local path package requires (its pyproject.toml) installs with it: hard
    # requirements naming their file and line, save those on a direct reference (another
    # local package, git), a fixed point too. Its range of ddtrace limits the target (a
    # constraint: the project's own requirements are resolved without ddtrace). A folder
    # named on many lines gives its requirements once (the reader shares one tuple per
    # folder: told apart by identity first, so 10,000 lines cost 10,000 steps, not 10,000
    # times the folder's requirements).
    fixed = {d.name for d in rs.direct}
    shared = {id(d.requires): d.requires for d in rs.direct if d.requires}
    for r in dict.fromkeys(r for requires in shared.values() for r in requires):
        if r.url is not None or r.name in fixed or not marker_holds(r.marker, env):
            continue
        if r.name == DDTRACE:
            limit = Req(DDTRACE, r.parsed_specifier, frozenset(), str(r.source))
            rs.constraints.setdefault(DDTRACE, []).append(limit)
        else:
            rs.roots.append(Req(r.name, r.parsed_specifier, frozenset(r.extras), str(r.source)))
    # Packages the target needs are added where ddtrace is locked: a lock or a compiled file
    # naming it (an unrelated compiled file a hand-written one includes adds nothing; a lock
    # alone, pylock.toml, installs exactly what it lists).
    rs.from_lock = any(
        d.version and (d.role == "locked" or (d.role == "declared" and d.source.file in compiled))
        for d in ours
    )
    rs.ddtrace_extras = frozenset(e for d in ours for e in d.extras)
    return rs


@dataclass(frozen=True, slots=True)
class CoUpgradeResult:
    """The installable target (or ``None``), the changes it forces, what was tried and why not."""

    target: Release | None
    changes: tuple[Change, ...]
    blockers: tuple[Blocker, ...]
    tried: tuple[str, ...]
    findings: tuple[Finding, ...]
    unresolved: tuple[str, ...] = ()
    """CPythons where the project's own requirements do not install: not resolved (the caller
    compares their pins with the target's requirements instead)."""


def find_installable(
    project: Project,
    server: Server,
    source: PackageSource,
    start: Version,
    served: Sequence[str],
    platforms: Sequence[str],
    deadline: float | None = None,
    progress: Callable[[str], None] | None = None,
) -> CoUpgradeResult:
    """Try ddtrace releases from ``start`` upwards; the first that resolves everywhere wins.

    Every CPython in ``served`` is resolved on every platform in ``platforms`` (markers such
    as ``sys_platform == "darwin"`` evaluated for each); a package moves as far as the
    furthest platform needs.

    :param deadline: a :func:`time.monotonic` time the search must end by (the run's
        :class:`~advisor.resolve.Budget`).
    :param progress: told which resolution runs (a progress line's text).
    :raises IndexUnavailable: when package data cannot be had.
    :raises OverBudget: past ``deadline`` (or a resolution past its rounds).
    """
    say = progress or (lambda text: None)
    say("checking that the project's own requirements install")
    # Rule 2 of issue 16: the project's own requirements first, without ddtrace. A CPython
    # where they do not install is the project's own problem: said in plain words, and the
    # co-upgrades are resolved on the other CPythons only. The first resolution may end the
    # search (offline, a page not cached): the other requirement sets are made after it.
    own = {
        py: next(
            (
                f
                for plat in platforms
                if (f := _baseline(source, py, plat, requirement_set(project, py, plat), deadline))
            ),
            None,
        )
        for py in served
    }
    per = {(py, plat): requirement_set(project, py, plat) for py in served for plat in platforms}
    baseline = [f for f in own.values() if f is not None]
    everywhere = list(served)
    unresolved = tuple(py for py in served if own[py] is not None)
    served = [py for py in served if own[py] is None]
    if not served:
        release = next(iter(server.candidates(start)), None)
        return CoUpgradeResult(release, (), (), (), tuple(baseline), unresolved)
    tried: list[str] = []
    conflict: Conflict | None = None
    first_conflict_target: str | None = None
    for release in server.candidates(start):
        if not all(server.serves(release, py) for py in served):
            continue
        tried.append(str(release.version))
        results: dict[str, _PerPlatform] = {}
        for py in served:
            say(f"resolving ddtrace {release.version} with the project on CPython {py}")
            outcome = _on_every_platform(
                source, py, [(plat, per[py, plat]) for plat in platforms], release.version, deadline
            )
            if isinstance(outcome, Conflict):
                conflict = conflict or outcome
                first_conflict_target = first_conflict_target or str(release.version)
                break
            results[py] = outcome
        else:
            current = [r for v in sorted(server.kept) if (r := server.snapshot.get(v)) is not None]
            changes, notes = _changes(per, results, current, everywhere)
            return CoUpgradeResult(
                release,
                changes,
                (),
                tuple(tried),
                (
                    *baseline,
                    *_unknown_metadata(results),
                    *notes,
                    *_direct_references(project),
                ),
                unresolved,
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
    return CoUpgradeResult(None, (), found, tuple(tried), (*baseline, *findings), unresolved)


def _baseline(
    source: PackageSource, python: str, platform: str, rs: RequirementSet, deadline: float | None
) -> Finding | None:
    """``None`` when the project's own requirements (ddtrace left out) install on CPython
    ``python``, else a warning saying why in plain words (``tensorflow 2.9.3 has no wheel for
    CPython 3.11 on linux-x86_64 and no source distribution``)."""
    if not rs.roots:
        return None
    refuse_at_once(source, rs.roots, deadline)  # before the constraints are made for nothing
    # As the project is: every pin and locked version exact (a constraint, which narrows a
    # package without requiring it).
    as_is = {name: list(rs.constraints.get(name, ())) for name in rs.constraints}
    for name, version in rs.pins.items():
        origin = str(rs.pin_sources[name].source)
        as_is.setdefault(name, []).append(Req(name, exact(version), frozenset(), origin))
    outcome = resolve(source, python, platform, rs.roots, rs.pins, as_is, deadline)
    if not isinstance(outcome, Conflict):
        return None
    reasons = [_why(source, python, platform, rs, b) for b in outcome.blockers]
    return Finding(
        "project-does-not-install",
        "warning",
        f"the project's own requirements do not install on CPython {python}, whatever the "
        f"ddtrace: {'; '.join(reasons) or 'no resolution'}; co-upgrades are not resolved there",
    )


def _why(
    source: PackageSource, python: str, platform: str, rs: RequirementSet, blocker: Blocker
) -> str:
    """One blocker of the project's own requirements, in plain words where the index says why
    (the pin, or every release, is missing, needs another Python, or has nothing to install
    on this CPython and platform), else the requirements that conflict."""
    name = blocker.package
    # The requirements that meet, less the resolver's own bookkeeping: a bare root (no
    # version) and the floor every pin gets.
    said = list(
        dict.fromkeys(
            w
            for w in blocker.wants
            if not w.startswith(f"{name} (") and "(the current pin " not in w
        )
    )
    releases = source.releases(name)
    pin = rs.pins.get(name)
    if pin is not None:
        release = next((r for r in releases if r.version == pin), None)
        if release is None:
            return f"{name} {pin} is not on the index"
        return _not_here(release, f"{name} {pin}", python, platform) or _conflict(said, blocker)
    asked = f" ({', '.join(said)})" if said else ""
    if not releases:
        return f"{name} is not on the index{asked}"
    allowed = SpecifierSet(blocker.allowed)
    releases = [r for r in releases if allowed.contains(r.version, prereleases=True)]
    if not releases:
        return f"no release of {name} is allowed by {' and '.join(said or blocker.wants)}"
    if not any(r.installs_on(python, platform) for r in releases):
        newest, allowed_ones = releases[-1], "allowed " if blocker.allowed else ""
        why = _not_here(
            newest, f"its newest {allowed_ones}release, {newest.version},", python, platform
        )
        return (
            f"no {allowed_ones}release of {name} installs on CPython {python} on {platform}"
            f"{asked}: {why}"
        )
    return _conflict(said, blocker)


def _not_here(release: Release, name: str, python: str, platform: str) -> str | None:
    """Why ``release`` does not install on CPython ``python`` on ``platform`` (``None``: it
    does), with ``name`` as the subject of the sentence."""
    if not release.admits_python(python):
        return f"{name} requires Python {release.requires_python}"
    if not (release.has_wheel(python, platform) or release.sdist):
        return f"{name} has no wheel for CPython {python} on {platform} and no source distribution"
    return None


def _conflict(said: Sequence[str], blocker: Blocker) -> str:
    return " conflicts with ".join(said or dict.fromkeys(blocker.wants))


def _unknown_metadata(results: Mapping[str, _PerPlatform]) -> list[Finding]:
    unknown = sorted(
        {
            f"{n} {v}"
            for each in results.values()
            for r in each.values()
            for n, v in r.unknown_metadata
        }
    )
    if not unknown:
        return []
    return [
        Finding(
            "metadata-unknown",
            "warning",
            f"requirements of {', '.join(unknown)} could not be read; they were taken as none",
        )
    ]


@dataclass(frozen=True, slots=True)
class _Within:
    """A resolution (:class:`~advisor.resolve.Resolved`'s fields) and what ddtrace needs in it
    (:func:`closure`). Not a subclass: a class with a base is built the slow way at import."""

    versions: Mapping[str, Version]
    unknown_metadata: tuple[tuple[str, Version], ...]
    closure: Mapping[str, list[tuple[str, SpecifierSet]]] = field(default_factory=dict)


#: One CPython's resolutions, by platform.
_PerPlatform = dict[str, _Within]


def _on_every_platform(
    source: PackageSource,
    python: str,
    platforms: Sequence[tuple[str, RequirementSet]],
    target: Version,
    deadline: float | None,
) -> _PerPlatform | Conflict:
    """:func:`_resolve_within` on each platform (with the requirements whose markers hold
    there).

    A pin on one line is one version on every platform that line is for: where they
    resolved such a package differently (and some platform's ddtrace needs it), the highest
    is checked on the others (a floor, as a constraint, and a root of what ddtrace needs
    there) and the resolution done again, until they agree. Versions only rise, so there is
    at most one round per package. A package pinned on a line per platform (``x==1;
    sys_platform == "darwin"``) moves on each alone; a platform without the pin takes no
    floor from it.
    """
    floors: dict[str, Version] = {}
    lines: dict[str, set[object]] = {}
    for _, rs in platforms:
        for name, dep in rs.pin_sources.items():
            lines.setdefault(name, set()).add(dep.source)
    shared = {name for name, where in lines.items() if len(where) == 1}
    while True:
        each: _PerPlatform = {}
        for platform, rs in platforms:
            own = {name: v for name, v in floors.items() if name in rs.pins}
            outcome = _resolve_within(source, python, platform, rs, target, deadline, own)
            if isinstance(outcome, Conflict):
                return outcome
            each[platform] = outcome
        # Needed by ddtrace on any platform (a package outside one platform's closure is
        # held there, and must meet the floor too).
        needed = set().union(*(one.closure for one in each.values()))
        apart: dict[str, Version] = {}
        for name in needed & shared:
            versions = [
                each[platform].versions[name]
                for platform, rs in platforms
                if name in rs.pins and name in each[platform].versions
            ]
            if len(versions) < 2:
                continue
            top = max(versions)
            if any(v != top for v in versions) and floors.get(name) != top:
                apart[name] = top
        if not apart:
            return each
        floors.update(apart)


def _resolve_within(
    source: PackageSource,
    python: str,
    platform: str,
    rs: RequirementSet,
    target: Version,
    deadline: float | None,
    floors: Mapping[str, Version] | None = None,
) -> _Within | Conflict:
    """The project's requirements with ddtrace ``==target`` on one CPython, where only what
    ddtrace needs may move, and no further than it must (issue 16 rules 1 and 3).

    A pin the resolution moved is held where it is and the resolution done again when it is
    outside ddtrace's dependency closure, or inside it but allowed by every requirement the
    closure puts on it (something else moved it). A pin the closure excludes only through a
    package the project does not pin (resolved to its newest, as a lock tool picks a new
    package) is tried held: when another release of that package keeps it, it stays. Each
    round holds or tries one more pin, so there are at most two rounds per pin.

    :param floors: the version another platform needs of a pinned package (one line serves
        every platform): a constraint here.
    """
    roots = [*rs.roots, Req(DDTRACE, exact(target), rs.ddtrace_extras, "the ddtrace target")]
    held = {name: list(reqs) for name, reqs in rs.constraints.items()}
    floors = floors or {}
    for name, version in floors.items():
        floor = Req(name, at_least(version), frozenset(), "another platform in scope")
        held.setdefault(name, []).append(floor)
    settled: set[str] = set(floors)  # held, tried, or what ddtrace needs on another platform

    def hold(name: str, why: str, at: Version | None = None) -> dict[str, list[Req]]:
        origin = f"{rs.pin_sources[name].source}; {why}"
        pin = Req(name, exact(at or rs.pins[name]), frozenset(), origin)
        return {**held, name: [*held.get(name, ()), pin]}

    outcome = resolve(source, python, platform, roots, rs.pins, held, deadline)
    while not isinstance(outcome, Conflict):
        needed = closure(source, python, platform, outcome, rs.ddtrace_extras, floors)
        moved: list[str] = []
        maybe: list[tuple[str, Version]] = []
        for name, version in outcome.versions.items():
            pin = rs.pins.get(name)
            if name == DDTRACE or name in settled or pin is None or version == pin:
                continue
            wants = needed.get(name, ())
            if all(spec.contains(pin, True) for _, spec in wants):
                moved.append(name)
                continue
            # What ddtrace, the project's pins and the other platforms' floors ask of it;
            # a package the project does not pin may take another release.
            forced = [s for who, s in wants if who == DDTRACE or who in rs.pins or who in floors]
            least = _least(source, python, platform, name, pin, forced)
            if least is not None and least < version:
                maybe.append((name, least))
        for name in moved:
            settled.add(name)
            why = "what ddtrace needs allows it" if name in needed else HELD.removeprefix("; ")
            held = hold(name, why)
        if moved:
            outcome = resolve(source, python, platform, roots, rs.pins, held, deadline)
            continue
        if not maybe:
            return _Within(outcome.versions, outcome.unknown_metadata, needed)
        name, least = maybe[0]
        settled.add(name)
        trial = hold(name, "as little as what ddtrace needs allows", least)
        kept = resolve(source, python, platform, roots, rs.pins, trial, deadline)
        if not isinstance(kept, Conflict):
            held, outcome = trial, kept
    return outcome


def closure(
    source: PackageSource,
    python: str,
    platform: str,
    res: Resolved | _Within,
    extras: frozenset[str] = frozenset(),
    also: Iterable[str] = (),
) -> dict[str, list[tuple[str, SpecifierSet]]]:
    """The packages of the resolution ddtrace (with ``extras``) needs on this CPython and
    platform: its Requires-Dist, transitively, at the versions resolved (markers evaluated
    there), each with the requirements on it (who asks, and the specifier). ``also``: more
    packages ddtrace needs (on another platform) whose own requirements count. One visit per
    package and set of extras: linear in the resolution."""
    env = marker_env(python, platform)
    # A package is visited once per set of extras it is asked for with: reached plainly first
    # and with [fast] later, its [fast] requirements still count.
    start = [(DDTRACE, extras), *((n, frozenset[str]()) for n in also if n in res.versions)]
    seen: set[tuple[str, frozenset[str]]] = set(start)
    todo: list[tuple[str, frozenset[str]]] = list(start)
    wants: dict[str, list[tuple[str, SpecifierSet]]] = {}
    while todo:
        name, extras = todo.pop()
        version = res.versions.get(name)
        lines = source.requires_dist(name, version) if version is not None else None
        for req in parse_requires_dist(lines or (), env, extras, ""):
            if req.name not in res.versions:
                continue
            wants.setdefault(req.name, []).append((name, req.specifier))
            node = (req.name, req.extras)
            if node not in seen:
                seen.add(node)
                todo.append(node)
    wants.pop(DDTRACE, None)
    for name in also:
        wants.setdefault(name, [])
    return wants


def _least(
    source: PackageSource,
    python: str,
    platform: str,
    name: str,
    pin: Version,
    specs: Sequence[SpecifierSet],
) -> Version | None:
    """The smallest release of ``name`` above ``pin`` that every one of ``specs`` allows and
    that installs on this CPython and platform (``None``: none does): a final release first,
    as the resolution orders them, then a pre-release when the pin or a requirement names one."""
    pre = pin.is_prerelease or any(s.prereleases for s in specs)
    fits = [
        r.version
        for r in source.releases(name)
        if r.version >= pin
        and not r.yanked
        and (pre or not r.version.is_prerelease)
        and all(s.contains(r.version, True) for s in specs)
        and r.installs_on(python, platform)
    ]
    finals = [v for v in fits if not v.is_prerelease]
    return min(finals or fits, default=None)


#: A change: package, from, to, and the line the package is pinned on.
_Move = tuple[str, str | None, str | None, SourceLocation | None]


def _changes(
    per: Mapping[tuple[str, str], RequirementSet],
    results: Mapping[str, _PerPlatform],
    current: Sequence[Release],
    everywhere: Sequence[str],
) -> tuple[tuple[Change, ...], list[Finding]]:
    """The pinned or locked packages that must move with ddtrace, and the packages a lock gains,
    read on each CPython and platform with that platform's requirements and resolution.

    Only what ddtrace needs counts (issue 16 rule 1): a package outside its dependency closure
    never moves here, whatever the resolver did with it, and a direct reference (git, path,
    URL) is a fixed point. A package a lock gains is added at the highest version any platform
    needs. A locked package the target no longer needs is a note, never a change (rule 5): the
    lock tool drops it on re-lock.
    """
    # (package, from, to, the line it is pinned on) -> CPythons: a pin line per platform
    # (``x==1; sys_platform == "darwin"``) is a change of its own.
    moves: dict[_Move, list[str]] = {}
    sources: dict[_Move, Dependency] = {}
    dropped: dict[str, list[str]] = {}
    locked_at: dict[str, Dependency] = {}
    fixed = {d.name for rs in per.values() for d in rs.direct}
    for py, by_platform in results.items():
        added: dict[str, Version] = {}
        for platform, res in by_platform.items():
            rs = per[py, platform]
            for name in res.closure.keys() - fixed:  # a direct reference stays where it is
                pin, version = rs.pins.get(name), res.versions[name]
                if pin is not None and version != pin:
                    line = rs.pin_sources[name]
                    move: _Move = (name, str(pin), str(version), line.source)
                    if py not in moves.setdefault(move, []):
                        moves[move].append(py)
                    sources.setdefault(move, line)
                elif pin is None and rs.from_lock:
                    added[name] = max(version, added.get(name, version))
            if rs.from_lock:  # what the project's ddtrace needed here and the target does not
                env = marker_env(py, platform)
                for release in current:
                    lines = release.requires_dist or ()
                    for req in parse_requires_dist(lines, env, rs.ddtrace_extras, ""):
                        if req.name in rs.locked and req.name not in res.versions:
                            locked_at.setdefault(req.name, rs.locked[req.name])
                            if py not in dropped.setdefault(req.name, []):
                                dropped[req.name].append(py)
        for name, version in added.items():
            moves.setdefault((name, None, str(version), None), []).append(py)
    out = []
    for key, pys in sorted(moves.items(), key=lambda kv: (kv[0][0], str(kv[0][3]))):
        name, old, new, _ = key
        declared = sources.get(key)
        out.append(
            Change(
                name,
                old,
                new,
                from_specifier=declared.specifier if declared else None,
                source=declared.source if declared else None,
                marker=_on(pys, everywhere),
                reason="required by the ddtrace target",
            )
        )
    notes = [
        Finding(
            "coupgrade-dropped",
            "info",
            f"{name} {locked_at[name].version or ''}: the ddtrace target no longer needs it"
            + (f" on CPython {', '.join(pys)}" if set(pys) != set(everywhere) else "")
            + "; the lock tool drops it on re-lock",
            locked_at[name].source,
        )
        for name, pys in sorted(dropped.items())
    ]
    return tuple(out), notes


def _on(pys: Iterable[str], everywhere: Sequence[str]) -> str | None:
    """The marker of a change needed on ``pys`` only (``None``: on every CPython), CPythons
    in the order of ``everywhere``."""
    wanted = set(pys)
    if wanted >= set(everywhere):
        return None
    return " or ".join(f'python_version == "{p}"' for p in everywhere if p in wanted)


def _cpythons(change: Change, everywhere: Sequence[str]) -> set[str]:
    """The CPythons a change of :func:`_on`'s making is for."""
    if change.marker is None:
        return set(everywhere)
    return {p for p in everywhere if f'python_version == "{p}"' in change.marker.split(" or ")}


def joined(
    resolved: Sequence[Change], compared: Sequence[Change], everywhere: Sequence[str]
) -> tuple[Change, ...]:
    """The changes resolved on some CPythons, and those :func:`pins_against_requirements`
    gives for the CPythons where the project's own requirements did not install. A compared
    change whose requirement a resolved move of the same pin meets joins it (the smallest
    such: one change on the CPythons of both); otherwise it stays a change of its own, on its
    CPythons (a package may move differently per CPython)."""
    out = list(resolved)
    for c in compared:
        wanted = SpecifierSet(c.to_specifier or "")
        meets = [
            i
            for i, r in enumerate(out)
            if r.package == c.package
            and r.from_version == c.from_version
            and r.source == c.source
            and r.to_version is not None
            and wanted.contains(r.to_version, prereleases=True)
        ]
        if not meets:
            out.append(c)
            continue
        i = min(meets, key=lambda k: Version(out[k].to_version or "0"))
        pys = _cpythons(out[i], everywhere) | _cpythons(c, everywhere)
        out[i] = replace(out[i], marker=_on(pys, everywhere))
    return tuple(out)


def _direct_references(project: Project) -> list[Finding]:
    """Notes on the direct references (git, path, URL), fixed points of the resolution: those
    whose requirements were not checked, and the local packages whose requirements were read
    from their pyproject.toml (and resolved with the project's)."""
    direct = [d for d in project.dependencies if d.url and d.role != "constraint"]
    read = {d.name: d.display_name for d in direct if d.requires is not None}
    # A requirement of a read package that is a direct reference itself is not read either.
    unread = [d for d in direct if d.requires is None] + [
        r for d in direct for r in d.requires or () if r.url
    ]
    notes = []
    for names, id_, said in (
        (
            sorted({d.display_name for d in unread if d.name not in read}),
            "coupgrade-direct-reference",
            "installed from a direct reference (git, path or URL); kept as they are, their "
            "requirements not checked",
        ),
        (
            sorted(read.values()),
            "coupgrade-local-requirements",
            "installed from a local path; kept as they are, the requirements of their "
            "pyproject.toml resolved with the project's",
        ),
    ):
        if names:
            more = " and more" if len(names) > 10 else ""
            notes.append(Finding(id_, "info", f"{', '.join(names[:10])}{more}: {said}"))
    return notes


def pins_against_requirements(
    project: Project,
    release: Release,
    served: Sequence[str],
    everywhere: Sequence[str] | None = None,
    platforms: Sequence[str] = (DEFAULT_PLATFORM,),
) -> tuple[tuple[Change, ...], list[Finding]]:
    """Offline fallback: pins that break the target's own Requires-Dist (from the snapshot),
    markers evaluated for each CPython in ``served`` on each of ``platforms``.

    Without package data the smallest allowed version cannot be checked, so the change names
    the specifier ddtrace needs (``to_specifier``) and no version.

    :param everywhere: the CPythons of the whole answer, when ``served`` is a part of them
        (a change needed on ``served`` alone then says so in its marker).
    """
    if release.requires_dist is None:
        return (), [
            Finding(
                "coupgrade-unchecked",
                "warning",
                f"co-upgrades not checked: the snapshot has no requirements for ddtrace {release.version}",
            )
        ]
    # (package, the line it is pinned on, requirement) -> CPythons
    needs: dict[tuple[str, SourceLocation, str], list[str]] = {}
    first: dict[tuple[str, SourceLocation, str], tuple[str, Dependency, str]] = {}
    for py, platform in product(served, platforms):
        rs = requirement_set(project, py, platform)
        if not rs.pins:
            continue  # nothing pinned to break (and the target's lines need not be parsed)
        for req in _requires(release.requires_dist, py, platform, rs.ddtrace_extras):
            pin = rs.pins.get(req.name)
            if pin is None or req.specifier.contains(pin, prereleases=True):
                continue
            line = rs.pin_sources[req.name]
            key = (req.name, line.source, str(req.specifier))
            if py not in needs.setdefault(key, []):
                needs[key].append(py)
            first.setdefault(key, (str(pin), line, str(req)))
    # One change per pin line (a line serves every CPython it is for): every requirement that
    # excludes it, together, on every CPython any of them is for. A line per platform
    # (``x==1; sys_platform == "darwin"``) is a change of its own.
    by_line: dict[tuple[str, SourceLocation], list[tuple[str, SourceLocation, str]]] = {}
    for key in needs:
        by_line.setdefault(key[:2], []).append(key)
    scope = list(everywhere if everywhere is not None else served)
    changes = []
    for (name, _), keys in by_line.items():
        was, dep, _ = first[keys[0]]
        specifier = SpecifierSet(",".join(key[2] for key in keys))
        texts = ", ".join(dict.fromkeys(first[key][2] for key in keys))
        changes.append(
            Change(
                name,
                was,
                None,
                from_specifier=dep.specifier,
                to_specifier=str(specifier),
                source=dep.source,
                marker=_on({py for key in keys for py in needs[key]}, scope),
                reason=f"ddtrace {release.version} requires {texts}",
            )
        )
    return tuple(changes), []


@lru_cache(maxsize=256)
def _requires(
    lines: tuple[str, ...], python: str, platform: str, extras: frozenset[str]
) -> tuple[Req, ...]:
    """The Requires-Dist ``lines`` of a target that apply on CPython ``python`` on
    ``platform`` with ``extras``: the same few targets are checked for every project of a
    monorepo, each line's markers evaluated once for each CPython and platform."""
    return tuple(parse_requires_dist(lines, marker_env(python, platform), extras, ""))
