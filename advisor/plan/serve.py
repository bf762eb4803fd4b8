"""Which releases serve which CPython on which platform, with the requested capabilities running.

A release *serves* CPython X.Y on a platform when it is final and not yanked, its
Requires-Python admits X.Y, it has a wheel for X.Y there (:meth:`Release.serves`), and every
requested capability that can run on that platform passes its CPython gate for that release.

The projects of a monorepo mostly ask the same questions (the same capabilities, platforms and
releases), each for its own CPythons: a :class:`ServerPool` gives the servers of one run that
would find the same answers one store of them (:class:`Answers`), so each is found once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import field, replace
from typing import TYPE_CHECKING

from packaging.specifiers import Specifier
from packaging.version import Version

from advisor.knowledge.model import AwsLambda, Capability, Knowledge
from advisor.model.advice import CapabilityStatus, Skipped
from advisor.model.release import Release, ReleaseSnapshot, parse_python
from advisor.model.release import python_minor_admitted as minor_admitted

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

_ZERO = Version("0")


@dataclass(slots=True)
class Answers:
    """What servers asked the same questions have found, kept for the servers sharing it.

    Every answer depends on the server's inputs only (the CPython is part of each key), so
    servers of equal inputs share one :class:`Answers`, whichever project they plan for
    (:class:`ServerPool`); a server made alone has its own.
    """

    serves: dict[tuple[Version, str], bool] = field(default_factory=dict)
    """(version, CPython) -> :meth:`Server.serves`."""
    somewhere: dict[str, bool] = field(default_factory=dict)
    """CPython -> :meth:`Server.installs_somewhere`."""
    installs: dict[tuple[Version, str], bool] = field(default_factory=dict)
    """(version, CPython) -> :meth:`Server.installs`."""
    smallest: dict[tuple[Version, tuple[str, ...]], Release | None] = field(default_factory=dict)
    """(floor, CPythons) -> :meth:`Server.smallest`."""
    narrowed: dict[tuple[Capability, ...], Answers] = field(default_factory=dict)
    """Capabilities -> the answers of :meth:`Server.serving` them."""
    unserved: dict[tuple[Version, str], str] = field(default_factory=dict)
    """(floor, CPython) -> :func:`why_unserved`."""
    skipped: dict[
        tuple[Version, Version | None, tuple[str, ...], tuple[str, ...]], tuple[Skipped, ...]
    ] = field(default_factory=dict)
    """(start, target, CPythons, releases tried) -> :func:`advisor.plan.why.skipped`."""
    statuses: dict[
        tuple[tuple[str, tuple[Version, ...] | None, Version | None], ...],
        dict[tuple[str, Version], tuple[CapabilityStatus, str | None]],
    ] = field(default_factory=dict)
    """Each CPython counted with the releases installed there and what the project already has
    there -> (capability id, its floor) -> its status (:mod:`advisor.plan.status`)."""

    def serving(self, capabilities: Sequence[Capability]) -> Answers:
        """The answers of a server like this one's, for ``capabilities`` only."""
        key = tuple(capabilities)
        found = self.narrowed.get(key)
        if found is None:
            # Whether a release installs on a CPython (and whether any does) does not depend
            # on the capabilities: those answers are shared with the narrowed server.
            found = self.narrowed[key] = Answers(somewhere=self.somewhere, installs=self.installs)
        return found


@dataclass(slots=True)
class Server:
    """Answers "does release R serve CPython X.Y on every platform" for one request.

    :param snapshot: the releases.
    :param capabilities: the requested capabilities that can run somewhere.
    :param unavailable: capability id -> platforms where it never runs (left out of the gate).
    :param platforms: the platforms to serve.
    :param excluded: releases the project itself rules out with ``!=`` (``!=4.6.*``): a
        project that excluded a release had a reason, so it is never proposed.
    :param aws_lambda: the Lambda facts when the project runs in AWS Lambda: releases that
        switch AppSec off there do not serve the WAF capabilities.
    :param limits: CPython -> what the packages the project pins require of ddtrace there
        (``datadog-lambda`` 8.130.0: ``!=4.6.*`` on 3.10 and later): a release outside them
        does not install there, so it does not serve it.
    :param kept: the project's own ddtrace versions: never ruled out by ``limits`` (a project
        whose pins disagree is told so; its ddtrace is what it has).
    """

    snapshot: ReleaseSnapshot
    capabilities: Sequence[Capability]
    unavailable: dict[str, frozenset[str]]
    platforms: Sequence[str]
    excluded: tuple[Specifier, ...] = ()
    aws_lambda: AwsLambda | None = None
    limits: Mapping[str, tuple[Specifier, ...]] = field(default_factory=dict)
    kept: frozenset[Version] = frozenset()
    answers: Answers = field(default_factory=Answers)
    """What it has found so far; shared with the servers of the same inputs (:class:`ServerPool`)."""

    def serving(self, capabilities: Sequence[Capability]) -> Server:
        """A server for ``capabilities`` only (the same platforms, exclusions, deployment and
        limits of what the project pins), sharing its answers as this one shares its own."""
        return replace(self, capabilities=capabilities, answers=self.answers.serving(capabilities))

    def serves(self, release: Release, python: str) -> bool:
        """``release`` installs on ``python`` on every platform and runs every capability."""
        memo = self.answers.serves
        key = (release.version, python)
        found = memo.get(key)
        if found is None:
            if self.platforms:
                # It serves where it installs (on every platform: asked once for all the
                # capabilities' servers) and runs each capability available on some platform.
                found = self.installs(release, python) and all(
                    self.runs(cap, release, python)
                    for cap in self.capabilities
                    if not self.unavailable.get(cap.id, frozenset()).issuperset(self.platforms)
                )
            else:
                found = True  # (every platform of none)
            memo[key] = found
        return found

    def runs(self, cap: Capability, release: Release, python: str) -> bool:
        """``release`` runs ``cap`` on ``python`` (its CPython gate, and in Lambda its switch)."""
        if not gate_admits(cap, release.version, python):
            return False
        lam = self.aws_lambda
        return lam is None or not cap.requires_waf or lam.appsec_runs(release.version)

    def gives(self, version: Version, floor: Version, python: str) -> bool:
        """ddtrace ``version`` is at or above ``floor`` and serves ``python``; a version newer
        than the snapshot cannot be checked and is trusted (the report says so)."""
        if version < floor:
            return False
        release = self.snapshot.get(version)
        if release is None:
            newest = self.snapshot.newest
            return newest is not None and version > newest.version
        return self.serves(release, python)

    def installs(self, release: Release, python: str) -> bool:
        """``release`` installs from a wheel on ``python`` on every platform (capabilities aside)
        beside what the project pins (:attr:`limits`)."""
        memo = self.answers.installs
        key = (release.version, python)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self.allowed(release, python) and all(
                release.serves(python, p) for p in self.platforms
            )
        return found

    def allowed(self, release: Release, python: str) -> bool:
        """What the packages the project pins require of ddtrace on ``python`` admit
        ``release``."""
        return release.version in self.kept or all(
            s.contains(release.version, prereleases=True) for s in self.limits.get(python, ())
        )

    def installs_somewhere(self, python: str) -> bool:
        """Some release :meth:`installable` on ``python`` is there at all. Asked newest first:
        a CPython any release installs on is one the newest ones support; for one none does
        (3.15 today), each distinct Requires-Python is asked once, not each release."""
        memo = self.answers.somewhere
        found = memo.get(python)
        if found is None:
            found = memo[python] = self._installs_somewhere(python)
        return found

    def _installs_somewhere(self, python: str) -> bool:
        admits: dict[int, bool] = {}  # by the identity of a Requires-Python the releases share
        # Without limits on this CPython, whether a final release installs follows from its
        # Requires-Python and its wheel set alone (both shared by many releases): each pair
        # found not to install is not asked about again.
        shaped = not self.limits.get(python)
        failed: set[tuple[int, int]] = set()
        for r in self.snapshot.final_newest_first():
            if r.requires_python is not None:
                key = id(r.requires_python)
                if key not in admits:
                    admits[key] = r.admits_python(python)
                if not admits[key]:
                    continue  # it does not serve python, so it does not install there
            if any(not ex.contains(r.version) for ex in self.excluded):
                continue
            shape = (id(r.requires_python), id(r.wheels))
            if shaped and shape in failed:
                continue
            if self.installs(r, python):
                return True
            failed.add(shape)
        return False

    def installable(self, python: str, at_least: Version = _ZERO) -> Iterator[Release]:
        """The releases at or above ``at_least`` that install on ``python``, ascending."""
        return (r for r in self.candidates(at_least) if self.installs(r, python))

    def candidates(self, floor: Version) -> Iterable[Release]:
        """Final, non-yanked releases at or above ``floor`` the project does not exclude, ascending."""
        return (
            r
            for r in self.snapshot.final_from(floor)
            if not any(not ex.contains(r.version) for ex in self.excluded)
        )

    def smallest(self, floor: Version, pythons: Sequence[str]) -> Release | None:
        """The smallest release at or above ``floor`` serving every one of ``pythons``."""
        key = (floor, tuple(pythons))
        memo = self.answers.smallest
        if key not in memo:
            # A release serves a CPython only where it installs: on one no release installs
            # on (3.15 today), none serves, and the releases are not walked to find that out.
            memo[key] = (
                None
                if self.platforms and not all(self.installs_somewhere(py) for py in pythons)
                else next(
                    (
                        r
                        for r in self.candidates(floor)
                        if all(self.serves(r, py) for py in pythons)
                    ),
                    None,
                )
            )
        return memo[key]

    def split(
        self, floor: Version, pythons: Sequence[str], at_least: Mapping[str, Version] | None = None
    ) -> tuple[list[tuple[list[str], Release]], list[str]]:
        """Group ascending ``pythons`` into runs that one release serves, fewest groups first.

        Greedy from the lowest CPython: take the release covering the longest run (the smallest
        such release on ties). A release is never below ``floor``, nor below ``at_least[py]``
        (the version the project already has there) for a CPython it covers.

        :returns: the groups with their release, and the CPythons no allowed release serves.
        """
        bound = at_least or {}
        parts: list[tuple[list[str], Release]] = []
        stranded: list[str] = []
        i = 0
        while i < len(pythons):
            best: Release | None = None
            best_len = 0
            for r in self.candidates(max(floor, bound.get(pythons[i], floor))):
                n = 0
                while (
                    i + n < len(pythons)
                    and r.version >= bound.get(pythons[i + n], floor)
                    and self.serves(r, pythons[i + n])
                ):
                    n += 1
                if n > best_len:
                    best, best_len = r, n
            if best is None:
                stranded.append(pythons[i])
                i += 1
                continue
            parts.append((list(pythons[i : i + best_len]), best))
            i += best_len
        return parts, stranded


class ServerPool:
    """The servers of one run: those whose answers would be the same share one :class:`Answers`.

    A server's answers depend on the releases, the capabilities (the same objects, as the
    run's knowledge gives them to every project: equal ones of another knowledge are asked
    anew), where they never run, the platforms, the project's exclusions, the Lambda facts and
    the limits of what it pins, not on the project's CPythons (each answer names its CPython).
    The project's own ddtrace versions (:attr:`Server.kept`) matter only beside limits: without
    any, servers that differ in them alone share their answers too.

    Kept for one run (or one call of the planner), as the releases and knowledge it plans with
    are: it holds every store it gave out, one for each distinct set of inputs.
    """

    __slots__ = ("_answers",)

    def __init__(self) -> None:
        # The key names the snapshot, the capabilities and the Lambda facts by identity (the
        # run's knowledge gives every project the same objects; a capability's value takes a
        # while to hash); the value holds them, so that no other object takes their identity
        # while the pool lives.
        self._answers: dict[tuple[object, ...], tuple[object, Answers]] = {}

    def server(
        self,
        snapshot: ReleaseSnapshot,
        capabilities: Sequence[Capability],
        unavailable: dict[str, frozenset[str]],
        platforms: Sequence[str],
        excluded: tuple[Specifier, ...] = (),
        aws_lambda: AwsLambda | None = None,
        limits: Mapping[str, tuple[Specifier, ...]] | None = None,
        kept: frozenset[Version] = frozenset(),
    ) -> Server:
        """A :class:`Server` of these inputs, sharing its answers with the pool's servers of
        the same inputs."""
        limits = dict(limits or {})
        held = (snapshot, aws_lambda, tuple(capabilities))
        key = (
            id(snapshot),
            tuple(map(id, held[2])),
            tuple(sorted(unavailable.items())),
            tuple(platforms),
            excluded,
            id(aws_lambda),
            tuple(sorted(limits.items())),
            kept if limits else frozenset(),
        )
        found = self._answers.get(key)
        if found is None:
            found = self._answers[key] = (held, Answers())
        return Server(
            snapshot,
            capabilities,
            unavailable,
            platforms,
            excluded,
            aws_lambda,
            limits,
            kept,
            found[1],
        )


def gate_admits(cap: Capability, version: Version, python: str) -> bool:
    """The capability's CPython gates (IAST's) let it run on ``python`` in ``version``."""
    for gate in cap.python_gates:
        if gate.ddtrace.contains(version, prereleases=True) and not minor_admitted(
            gate.python, python
        ):
            return False
    return True


def next_minor(python: str) -> str:
    """``3.9`` -> ``3.10`` (a free-threaded ``3.13t`` -> ``3.14``)."""
    major, minor = python.split(".")[:2]
    return f"{major}.{int(minor.rstrip('t')) + 1}"


def markers(groups: Sequence[Sequence[str]]) -> list[str]:
    """The ``python_version`` marker of each of ascending, disjoint ``groups`` of CPythons: each
    bounded by its own first and last CPython (``""`` for a single group): a CPython between
    two groups, in neither (left out), is selected by no marker."""
    return [_marker(g, i == 0, i == len(groups) - 1) for i, g in enumerate(groups)]


def _marker(group: Sequence[str], first: bool, last: bool) -> str:
    lower = f'python_version >= "{group[0]}"'
    upper = f'python_version < "{next_minor(group[-1])}"'
    if first and last:
        return ""
    if first:
        return upper
    if last:
        return lower
    return f"{lower} and {upper}"


def why_unserved(knowledge: Knowledge, server: Server, floor: Version, python: str) -> str:
    """A short reason no release at or above ``floor`` serves ``python`` (found once for the
    servers sharing ``server``'s answers)."""
    memo = server.answers.unserved
    key = (floor, python)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _why_unserved(server, floor, python)
    return found


def _why_unserved(server: Server, floor: Version, python: str) -> str:
    parsed = parse_python(python)
    if parsed is not None and parsed[2]:
        major, minor, _ = parsed
        if not any(
            r.has_wheel(python, p) for r in server.snapshot.final() for p in server.platforms
        ):
            return (
                f"ddtrace publishes no free-threaded (cp{major}{minor}t) wheels, "
                f"so no release installs on CPython {python} from a wheel"
            )
    finals = [r for r in server.snapshot.final() if r.version >= floor]
    if not finals:
        return f"no release at or above {floor} exists"
    if not any(r.admits_python(python) for r in finals):
        newest = finals[-1]
        return f"no release at or above {floor} allows it (the newest, {newest.version}, requires Python {newest.requires_python})"
    for platform in server.platforms:
        if not any(r.serves(python, platform) for r in finals):
            return f"no release at or above {floor} has a CPython {python} wheel for {platform}"
    for cap in server.capabilities:
        if not any(gate_admits(cap, r.version, python) for r in finals if r.admits_python(python)):
            return f"{cap.name} does not run on CPython {python} in any release"
    return "no single release has wheels for it on every requested platform"
