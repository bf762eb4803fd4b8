"""The compatibility knowledge as frozen values: capabilities, integrations, branches, runtimes,
CPythons and the platform minimums of ddtrace's wheels.

:mod:`advisor.knowledge.schema` makes them from the TOML files in ``advisor/knowledge/data``;
:func:`advisor.knowledge.matrix.load` is the entry point.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import field
from typing import TYPE_CHECKING, Literal, TypeVar

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.model import IdentityMemo
from advisor.model.release import python_minor_admitted

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

EnvNeed = Literal["on", "default", "unset"]


@dataclass(frozen=True, slots=True)
class EnvSwitch:
    """An environment variable a capability or integration needs.

    ``need``: ``on`` (must be set to ``value``), ``default`` (already ``value`` by default; say
    so, do nothing) or ``unset`` (must not be set at all). ``ddtrace`` limits the releases it
    applies to; ``capabilities`` ties an integration's switch to the capabilities that need it
    (empty: to every capability).
    """

    name: str
    value: str
    need: EnvNeed
    note: str | None
    source: str
    ddtrace: SpecifierSet | None = None
    capabilities: frozenset[str] = frozenset()
    lambda_note: str | None = None
    """What to say instead of ``note`` in AWS Lambda (where remote activation never works)."""

    def applies_to(self, version: Version) -> bool:
        """True when the switch matters for ddtrace ``version``."""
        return self.ddtrace is None or self.ddtrace.contains(version, prereleases=True)

    def needed_by(self, capability_ids: Collection[str]) -> bool:
        """True when one of ``capability_ids`` needs the switch (any does when it names none)."""
        return not self.capabilities or any(c in self.capabilities for c in capability_ids)


@dataclass(frozen=True, slots=True)
class PythonGate:
    """For ddtrace releases in ``ddtrace``, the capability runs only on CPythons in ``python``."""

    ddtrace: SpecifierSet
    python: SpecifierSet
    source: str


@dataclass(frozen=True, slots=True)
class PlatformExclusion:
    """Platforms on which a capability never runs, whatever the release."""

    platforms: frozenset[str]
    reason: str
    source: str


@dataclass(frozen=True, slots=True)
class Capability:
    """One AAP capability and its documented floor (``None`` when unsupported)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    supported: bool
    min_version: Version | None
    requires_waf: bool
    summary: str
    env: tuple[EnvSwitch, ...]
    python_gates: tuple[PythonGate, ...]
    excluded_platforms: tuple[PlatformExclusion, ...]
    note: str | None
    history: str | None


@dataclass(frozen=True, slots=True)
class Feature:
    """A column of the docs' coverage tables and the capability it belongs to."""

    id: str
    name: str
    capability: str


@dataclass(frozen=True, slots=True)
class Floor:
    """An integration covered for a capability only from ``min_version``."""

    capability: str
    min_version: Version
    what: str
    source: str


@dataclass(frozen=True, slots=True)
class Caveat:
    """Something to tell users of an integration, optionally only below ``min_version``."""

    capability: str
    text: str
    source: str
    min_version: Version | None = None


@dataclass(frozen=True, slots=True)
class DeclaredRange:
    """From ddtrace ``since`` on, ddtrace declares support for library versions ``spec``.

    An empty ``spec`` is the docs' ``*`` (any version); ``listed`` false means the library is
    not in the table from ``since`` on, so no range is declared until a later row.
    """

    since: Version
    spec: SpecifierSet
    distributions: frozenset[str] | None
    listed: bool = True


@dataclass(frozen=True, slots=True)
class TestedRange:
    """At ddtrace tag ``tag``, CI exercised library versions ``low`` to ``high``."""

    tag: Version
    low: Version
    high: Version
    distributions: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Integration:
    """A framework or library AAP covers (or, for gRPC/GraphQL, does not).

    ``documented`` is false for a web framework the compatibility page does not list (AAP is
    documented for Django, Flask, FastAPI and Tornado only); ``covered_by`` names the
    integration through which AAP reaches it anyway when both are found (Starlette under FastAPI).
    """

    id: str
    name: str
    distributions: tuple[str, ...]
    kind: str
    features: tuple[str, ...]
    auto_instrumented: bool
    floors: tuple[Floor, ...]
    env: tuple[EnvSwitch, ...]
    caveats: tuple[Caveat, ...]
    declared: tuple[DeclaredRange, ...]
    tested: tuple[TestedRange, ...]
    unsupported: str | None
    note: str | None
    documented: bool = True
    covered_by: str | None = None

    def declared_for(self, ddtrace: Version, distribution: str) -> DeclaredRange | None:
        """The declared range in force at ddtrace ``ddtrace`` for ``distribution``: ``None``
        before the first row and where the newest row at or below it is not listed; a range
        with an empty spec where any version is declared (``*``)."""
        found = _latest(self.declared, ddtrace, distribution, lambda r: r.since)
        return found if found is not None and found.listed else None

    def tested_for(self, ddtrace: Version, distribution: str) -> TestedRange | None:
        """The tested range of the newest read tag at or below ``ddtrace``."""
        return _latest(self.tested, ddtrace, distribution, lambda r: r.tag)


R = TypeVar("R", DeclaredRange, TestedRange)


#: :func:`_latest`'s answers, by the identity of the ranges asked (each tuple held, so its id
#: is not reused), ddtrace and the distribution: the frameworks of a monorepo's projects are
#: asked about at the same targets over and over. Bounded: emptied when full.
_LATEST: dict[tuple[int, Version, str], tuple[object, object]] = {}
_LATEST_KEPT = 4096


def _latest(
    ranges: tuple[R, ...], ddtrace: Version, dist: str, key: Callable[[R], Version]
) -> R | None:
    memo = (id(ranges), ddtrace, dist)
    known = _LATEST.get(memo)
    if known is not None and known[0] is ranges:
        return known[1]  # type: ignore[return-value]  # (what was kept for these ranges)
    if len(_LATEST) >= _LATEST_KEPT:
        _LATEST.clear()
    found = _find_latest(ranges, ddtrace, dist, key)
    _LATEST[memo] = (ranges, found)
    return found


def _find_latest(
    ranges: Iterable[R], ddtrace: Version, dist: str, key: Callable[[R], Version]
) -> R | None:
    best: R | None = None
    for r in ranges:
        if r.distributions is not None and dist not in r.distributions:
            continue
        if key(r) <= ddtrace and (best is None or key(r) > key(best)):
            best = r
    return best


@dataclass(frozen=True, slots=True)
class Branch:
    """A release branch (``>=3.0,<4``) and its support level."""

    spec: SpecifierSet
    support: str
    ends: dt.date | None
    agent_min: str | None
    label: str = ""

    def supported_on(self, today: dt.date) -> bool:
        """General availability, or maintenance not yet past its end."""
        if self.support == "end-of-life":
            return False
        return self.ends is None or today <= self.ends


@dataclass(frozen=True, slots=True)
class Runtime:
    """A documented runtime row: ddtrace range, CPython ranges (any of them), platforms."""

    ddtrace: SpecifierSet
    python: tuple[SpecifierSet, ...]
    platforms: frozenset[str]

    def admits_python(self, python: str) -> bool:
        """One of the row's CPython ranges admits CPython minor ``python`` (``"3.12"``)."""
        return any(python_minor_admitted(spec, python) for spec in self.python)


@dataclass(frozen=True, slots=True)
class Note:
    """A note that holds for every project using some capability."""

    id: str
    applies_to: frozenset[str]
    text: str
    source: str
    ddtrace: SpecifierSet | None


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Where sources disagree, and which one aap-advise follows."""

    topic: str
    sources: tuple[str, ...]
    follows: str


@dataclass(frozen=True, slots=True)
class PlatformMinimum:
    """From ddtrace ``since`` on, the wheels for ``platforms`` need ``needs``; hosts older than
    that (``left_behind``) get no wheel from that release on."""

    id: str
    platforms: frozenset[str]
    since: Version
    needs: str
    left_behind: str
    source: str

    def crossed(self, current: Version | None, target: Version) -> bool:
        """Moving from ``current`` (``None``: unknown) to ``target`` crosses the line."""
        return target >= self.since and (current is None or current < self.since)


@dataclass(frozen=True, slots=True)
class PythonVersion:
    """A CPython minor with its first release and end-of-life dates."""

    version: str
    released: dt.date
    end_of_life: dt.date

    @property
    def key(self) -> tuple[int, int]:
        """Sortable (major, minor)."""
        major, minor = self.version.split(".")
        return int(major), int(minor)


@dataclass(frozen=True, slots=True)
class AwsLambda:
    """What the tracer switches off in AWS Lambda.

    :param detect: distributions whose presence makes a project a Lambda function.
    :param never: capability id -> why it never runs in Lambda.
    :param appsec_off: releases that switch every WAF capability off in Lambda.
    :param floors: capabilities that run in Lambda only from a later release than elsewhere.
    """

    detect: frozenset[str]
    never: Mapping[str, str]
    appsec_off: tuple[SpecifierSet, ...]
    appsec_off_reason: str
    floors: tuple[Floor, ...]
    notes: tuple[Note, ...]
    source: str
    notes_off: frozenset[str] = frozenset()

    def appsec_runs(self, version: Version) -> bool:
        """The WAF capabilities are not switched off in Lambda by release ``version``."""
        return not any(s.contains(version, prereleases=True) for s in self.appsec_off)


#: :meth:`Knowledge._indexes`, by integrations tuple. A few at most (tests make many Knowledge
#: values).
_INDEXES: IdentityMemo[
    tuple[Integration, ...], tuple[dict[str, Integration], dict[str, Integration]]
] = IdentityMemo(8)


#: :meth:`Knowledge.branch_for`'s answers, by branches tuple and version: a few branches
#: tuples at most (tests make many Knowledge values), each with at most
#: :data:`_BRANCHES_KEPT` versions (then emptied and filled again).
_BRANCHES: IdentityMemo[tuple[Branch, ...], dict[tuple[Version, int], Branch | None]] = (
    IdentityMemo(8)
)
_BRANCHES_KEPT = 256


def _by_version(branches: tuple[Branch, ...]) -> dict[tuple[Version, int], Branch | None]:
    return {}


def _index(
    integrations: tuple[Integration, ...],
) -> tuple[dict[str, Integration], dict[str, Integration]]:
    """The integrations by distribution and by id (the first of each)."""
    by_distribution: dict[str, Integration] = {}
    by_id: dict[str, Integration] = {}
    for integ in integrations:
        by_id.setdefault(integ.id, integ)
        for name in integ.distributions:
            by_distribution.setdefault(name, integ)
    return by_distribution, by_id


@dataclass(frozen=True, slots=True)
class Knowledge:
    """All shipped compatibility facts, validated."""

    docs_url: str
    docs_follows: str
    waf_missing_on: frozenset[str]
    waf_reason: str
    capabilities: tuple[Capability, ...]
    features: Mapping[str, Feature]
    integrations: tuple[Integration, ...]
    branches: tuple[Branch, ...]
    runtimes: tuple[Runtime, ...]
    notes: tuple[Note, ...]
    disagreements: tuple[Disagreement, ...]
    pythons: tuple[PythonVersion, ...]
    aws_lambda: AwsLambda
    platform_minimums: tuple[PlatformMinimum, ...] = ()
    request_capabilities: frozenset[str] = frozenset()
    """Capabilities that act on incoming requests, so run only where ddtrace instruments the web
    framework serving them."""
    constrainers: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    """What packages that pin ddtrace require of it, release by release: canonical name ->
    version -> its ``Requires-Dist`` lines naming ddtrace (``datadog-lambda``)."""

    def capability(self, name: str) -> Capability | None:
        """Look a capability up by id, display name or alias (case and spacing ignored)."""
        wanted = slug(name)
        for cap in self.capabilities:
            if wanted in {cap.id, slug(cap.name), *cap.aliases}:
                return cap
        return None

    def integration_for(self, distribution: str) -> Integration | None:
        """The integration a distribution (canonical name) belongs to (the first listing it)."""
        return self._indexes()[0].get(distribution)

    def integration(self, integration_id: str) -> Integration:
        """The integration with this id (ids come from the data, so a miss is a bug)."""
        return self._indexes()[1][integration_id]

    def _indexes(self) -> tuple[dict[str, Integration], dict[str, Integration]]:
        """The integrations by distribution and by id. Asked for every dependency of every
        project: made once per integrations tuple."""
        return _INDEXES.get(self.integrations, _index)

    def branch_for(self, version: Version) -> Branch | None:
        """The release branch holding ``version`` (each version looked for once while kept:
        the projects of a monorepo ask about the same few targets)."""
        found = _BRANCHES.get(self.branches, _by_version)
        # Equal versions written apart (1.0, 1.0.0) are one key only when their release parts
        # are as long: ``===`` compares the text, which differs in nothing else.
        key = (version, len(version.release))
        if key in found:
            return found[key]
        branch = next(
            (b for b in self.branches if b.spec.contains(version, prereleases=True)), None
        )
        if len(found) >= _BRANCHES_KEPT:
            found.clear()
        found[key] = branch
        return branch


def slug(text: str) -> str:
    """A name or alias as compared: lower case, words joined by hyphens."""
    return "-".join(text.lower().replace("_", " ").replace("-", " ").split())
