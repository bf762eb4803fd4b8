"""The compatibility knowledge: capabilities, integrations, branches, runtimes and CPythons.

Loaded from the TOML files in ``advisor/knowledge/data`` into frozen values. :func:`load` checks
every file against its schema and reports *all* problems in one :class:`KnowledgeError`, so a
bad edit to the data is caught by the test that loads the shipped files.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from advisor.errors import KnowledgeError
from advisor.knowledge import read_data
from advisor.model.platforms import USER_PLATFORMS

SCHEMA_VERSION = 1
EnvNeed = Literal["on", "default", "unset"]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class EnvSwitch:
    """An environment variable a capability or integration needs.

    ``need``: ``on`` (must be set to ``value``), ``default`` (already ``value`` by default; say
    so, do nothing) or ``unset`` (must not be set at all). ``ddtrace`` limits the releases it
    applies to; ``capability`` ties an integration's switch to one capability.
    """

    name: str
    value: str
    need: EnvNeed
    note: str | None
    source: str
    ddtrace: SpecifierSet | None = None
    capability: str | None = None

    def applies_to(self, version: Version) -> bool:
        """True when the switch matters for ddtrace ``version``."""
        return self.ddtrace is None or self.ddtrace.contains(version, prereleases=True)


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
    """From ddtrace ``since`` on, ddtrace declares support for library versions ``spec``."""

    since: Version
    spec: SpecifierSet
    distributions: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class TestedRange:
    """At ddtrace tag ``tag``, CI exercised library versions ``low`` to ``high``."""

    tag: Version
    low: Version
    high: Version
    distributions: frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Integration:
    """A framework or library AAP covers (or, for gRPC/GraphQL, does not)."""

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

    def declared_for(self, ddtrace: Version, distribution: str) -> DeclaredRange | None:
        """The declared range in force at ddtrace ``ddtrace`` for ``distribution``."""
        return _latest(self.declared, ddtrace, distribution, lambda r: r.since)

    def tested_for(self, ddtrace: Version, distribution: str) -> TestedRange | None:
        """The tested range of the newest read tag at or below ``ddtrace``."""
        return _latest(self.tested, ddtrace, distribution, lambda r: r.tag)


R = TypeVar("R", DeclaredRange, TestedRange)


def _latest(
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
    """A documented runtime row: ddtrace range, CPython range, platforms."""

    ddtrace: SpecifierSet
    python: SpecifierSet
    platforms: frozenset[str]


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

    def capability(self, name: str) -> Capability | None:
        """Look a capability up by id, display name or alias (case and spacing ignored)."""
        wanted = _slug(name)
        for cap in self.capabilities:
            if wanted in {cap.id, _slug(cap.name), *cap.aliases}:
                return cap
        return None

    def integration_for(self, distribution: str) -> Integration | None:
        """The integration a distribution (canonical name) belongs to."""
        for integ in self.integrations:
            if distribution in integ.distributions:
                return integ
        return None

    def integration(self, integration_id: str) -> Integration:
        """The integration with this id (ids come from the data, so a miss is a bug)."""
        return next(i for i in self.integrations if i.id == integration_id)

    def branch_for(self, version: Version) -> Branch | None:
        """The release branch holding ``version``."""
        return next((b for b in self.branches if b.spec.contains(version, prereleases=True)), None)


def _slug(text: str) -> str:
    return "-".join(text.lower().replace("_", " ").replace("-", " ").split())


class _Checker:
    """Collects every schema problem instead of stopping at the first (packaging's style)."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def get(self, table: Mapping[str, Any], key: str, kind: type[T], where: str, default: Any = ...) -> T:
        if key not in table:
            if default is not ...:
                return default  # type: ignore[no-any-return]
            self.fail(where, f"missing {key!r}")
            return kind()
        value = table[key]
        if not isinstance(value, kind):
            self.fail(f"{where}.{key}", f"expected {kind.__name__}, got {type(value).__name__}")
            return kind()
        return value

    def version(self, text: Any, where: str) -> Version:
        try:
            return Version(str(text))
        except InvalidVersion:
            self.fail(where, f"not a version: {text!r}")
            return Version("0")

    def spec(self, text: Any, where: str) -> SpecifierSet:
        try:
            return SpecifierSet(str(text))
        except InvalidSpecifier:
            self.fail(where, f"not a version specifier: {text!r}")
            return SpecifierSet()

    def date(self, text: Any, where: str) -> dt.date:
        try:
            return text if isinstance(text, dt.date) else dt.date.fromisoformat(str(text))
        except ValueError:
            self.fail(where, f"not a date: {text!r}")
            return dt.date.min

    def raise_if_any(self) -> None:
        if self.problems:
            raise KnowledgeError(
                f"{self.origin}: {len(self.problems)} problem(s): " + "; ".join(self.problems),
                code="knowledge-invalid",
            )


def _read_toml(name: str) -> tuple[dict[str, Any], str]:
    origin = f"advisor/knowledge/data/{name}"
    try:
        data = tomllib.loads(read_data(name))
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{origin}: invalid TOML: {exc}") from exc
    if data.get("schema_version") != SCHEMA_VERSION:
        raise KnowledgeError(
            f"{origin}: schema_version {data.get('schema_version')!r} is not {SCHEMA_VERSION}"
        )
    return data, origin


def _env(c: _Checker, raw: Mapping[str, Any], where: str) -> EnvSwitch:
    need = c.get(raw, "need", str, where, default="on")
    if need not in ("on", "default", "unset"):
        c.fail(f"{where}.need", f"unknown need {need!r}")
    return EnvSwitch(
        name=c.get(raw, "name", str, where),
        value=c.get(raw, "value", str, where),
        need=need,  # type: ignore[arg-type]
        note=raw.get("note"),
        source=c.get(raw, "source", str, where),
        ddtrace=c.spec(raw["ddtrace"], f"{where}.ddtrace") if "ddtrace" in raw else None,
        capability=raw.get("capability"),
    )


def parse_capabilities(data: Mapping[str, Any], origin: str) -> dict[str, Any]:
    """Validate ``capabilities.toml`` data; returns the pieces :class:`Knowledge` holds."""
    c = _Checker(origin)
    caps: list[Capability] = []
    seen_names: dict[str, str] = {}
    for i, raw in enumerate(c.get(data, "capability", list, "capability")):
        where = f"capability[{i}]"
        cap_id = c.get(raw, "id", str, where)
        status = c.get(raw, "status", str, where)
        if status not in ("supported", "unsupported"):
            c.fail(f"{where}.status", f"unknown status {status!r}")
        supported = status == "supported"
        if supported and "min_version" not in raw:
            c.fail(where, "a supported capability needs min_version")
        aliases = tuple(_slug(a) for a in c.get(raw, "aliases", list, where, default=[]))
        for name in (cap_id, _slug(c.get(raw, "name", str, where)), *aliases):
            if name in seen_names and seen_names[name] != cap_id:
                c.fail(where, f"name or alias {name!r} already belongs to {seen_names[name]!r}")
            seen_names[name] = cap_id
        gates = tuple(
            PythonGate(
                c.spec(g.get("ddtrace"), f"{where}.python_gates[{j}].ddtrace"),
                c.spec(g.get("python"), f"{where}.python_gates[{j}].python"),
                c.get(g, "source", str, f"{where}.python_gates[{j}]"),
            )
            for j, g in enumerate(raw.get("python_gates", []))
        )
        exclusions = []
        for j, e in enumerate(raw.get("excluded_platforms", [])):
            plats = frozenset(c.get(e, "platforms", list, f"{where}.excluded_platforms[{j}]"))
            for p in plats - set(USER_PLATFORMS):
                c.fail(f"{where}.excluded_platforms[{j}]", f"unknown platform {p!r}")
            exclusions.append(
                PlatformExclusion(plats, c.get(e, "reason", str, where), c.get(e, "source", str, where))
            )
        caps.append(
            Capability(
                id=cap_id,
                name=c.get(raw, "name", str, where),
                aliases=aliases,
                supported=supported,
                min_version=c.version(raw["min_version"], f"{where}.min_version")
                if "min_version" in raw
                else None,
                requires_waf=c.get(raw, "requires_waf", bool, where),
                summary=c.get(raw, "summary", str, where),
                env=tuple(_env(c, e, f"{where}.env[{j}]") for j, e in enumerate(raw.get("env", []))),
                python_gates=gates,
                excluded_platforms=tuple(exclusions),
                note=raw.get("note"),
                history=raw.get("history"),
            )
        )
    cap_ids = {cap.id for cap in caps}
    features = {}
    for i, raw in enumerate(c.get(data, "feature", list, "feature")):
        f = Feature(c.get(raw, "id", str, f"feature[{i}]"), c.get(raw, "name", str, f"feature[{i}]"),
                    c.get(raw, "capability", str, f"feature[{i}]"))
        if f.capability not in cap_ids:
            c.fail(f"feature[{i}].capability", f"unknown capability {f.capability!r}")
        features[f.id] = f
    branches = tuple(
        Branch(
            label=str(raw.get("spec", "")),
            spec=c.spec(raw.get("spec"), f"branch[{i}].spec"),
            support=c.get(raw, "support", str, f"branch[{i}]"),
            ends=c.date(raw["ends"], f"branch[{i}].ends") if "ends" in raw else None,
            agent_min=raw.get("agent_min"),
        )
        for i, raw in enumerate(c.get(data, "branch", list, "branch"))
    )
    for i, b in enumerate(branches):
        if b.support not in ("general-availability", "maintenance", "end-of-life"):
            c.fail(f"branch[{i}].support", f"unknown support level {b.support!r}")
    runtimes = tuple(
        Runtime(
            ddtrace=c.spec(raw.get("ddtrace"), f"runtime[{i}].ddtrace"),
            python=c.spec(raw.get("python"), f"runtime[{i}].python"),
            platforms=frozenset(c.get(raw, "platforms", list, f"runtime[{i}]")),
        )
        for i, raw in enumerate(c.get(data, "runtime", list, "runtime"))
    )
    notes = []
    for i, raw in enumerate(c.get(data, "note", list, "note")):
        applies = frozenset(c.get(raw, "applies_to", list, f"note[{i}]"))
        for a in applies - cap_ids:
            c.fail(f"note[{i}].applies_to", f"unknown capability {a!r}")
        notes.append(
            Note(
                id=c.get(raw, "id", str, f"note[{i}]"),
                applies_to=applies,
                text=c.get(raw, "text", str, f"note[{i}]"),
                source=c.get(raw, "source", str, f"note[{i}]"),
                ddtrace=c.spec(raw["ddtrace"], f"note[{i}].ddtrace") if "ddtrace" in raw else None,
            )
        )
    disagreements = tuple(
        Disagreement(
            c.get(raw, "topic", str, f"disagreement[{i}]"),
            tuple(c.get(raw, "sources", list, f"disagreement[{i}]")),
            c.get(raw, "follows", str, f"disagreement[{i}]"),
        )
        for i, raw in enumerate(c.get(data, "disagreement", list, "disagreement"))
    )
    docs = c.get(data, "docs", dict, "docs")
    waf = c.get(data, "waf", dict, "waf")
    c.raise_if_any()
    return {
        "docs_url": docs.get("url", ""),
        "docs_follows": docs.get("follows", ""),
        "waf_missing_on": frozenset(waf.get("missing_on", [])),
        "waf_reason": waf.get("reason", ""),
        "capabilities": tuple(caps),
        "features": features,
        "branches": branches,
        "runtimes": runtimes,
        "notes": tuple(notes),
        "disagreements": disagreements,
    }


def _ranges(c: _Checker, rows: list[Any], where: str, tested: bool) -> list[Any]:
    out: list[Any] = []
    width = 3 if tested else 2
    for j, row in enumerate(rows):
        w = f"{where}[{j}]"
        if not isinstance(row, list) or len(row) not in (width, width + 1):
            c.fail(w, f"expected [{'tag, low, high' if tested else 'since, spec'}(, distributions)]")
            continue
        dists = frozenset(canonicalize_name(d) for d in row[width]) if len(row) > width else None
        if tested:
            out.append(TestedRange(c.version(row[0], w), c.version(row[1], w), c.version(row[2], w), dists))
        else:
            out.append(DeclaredRange(c.version(row[0], w), c.spec(row[1], w), dists))
    return out


def parse_integrations(
    data: Mapping[str, Any], origin: str, cap_ids: set[str], feature_ids: set[str]
) -> tuple[Integration, ...]:
    """Validate ``integrations.toml`` data against the known capabilities and features."""
    c = _Checker(origin)
    out: list[Integration] = []
    owners: dict[str, str] = {}
    for i, raw in enumerate(c.get(data, "integration", list, "integration")):
        where = f"integration[{i}]"
        iid = c.get(raw, "id", str, where)
        dists = tuple(canonicalize_name(d) for d in c.get(raw, "distributions", list, where))
        for d in dists:
            if d in owners:
                c.fail(where, f"distribution {d!r} already belongs to {owners[d]!r}")
            owners[d] = iid
        features = tuple(c.get(raw, "features", list, where))
        for f in set(features) - feature_ids:
            c.fail(f"{where}.features", f"unknown feature {f!r}")
        floors = tuple(
            Floor(
                c.get(f, "capability", str, f"{where}.floors[{j}]"),
                c.version(f.get("min_version"), f"{where}.floors[{j}].min_version"),
                c.get(f, "what", str, f"{where}.floors[{j}]"),
                c.get(f, "source", str, f"{where}.floors[{j}]"),
            )
            for j, f in enumerate(raw.get("floors", []))
        )
        caveats = tuple(
            Caveat(
                c.get(cv, "capability", str, f"{where}.caveats[{j}]"),
                c.get(cv, "text", str, f"{where}.caveats[{j}]"),
                c.get(cv, "source", str, f"{where}.caveats[{j}]"),
                c.version(cv["min_version"], f"{where}.caveats[{j}]") if "min_version" in cv else None,
            )
            for j, cv in enumerate(raw.get("caveats", []))
        )
        env = tuple(_env(c, e, f"{where}.env[{j}]") for j, e in enumerate(raw.get("env", [])))
        for ref, w in [(x.capability, "floors") for x in floors] + [
            (x.capability, "caveats") for x in caveats
        ] + [(x.capability, "env") for x in env if x.capability] + (
            [(raw["unsupported"], "unsupported")] if "unsupported" in raw else []
        ):
            if ref not in cap_ids:
                c.fail(f"{where}.{w}", f"unknown capability {ref!r}")
        out.append(
            Integration(
                id=iid,
                name=c.get(raw, "name", str, where),
                distributions=dists,
                kind=c.get(raw, "kind", str, where),
                features=features,
                auto_instrumented=c.get(raw, "auto_instrumented", bool, where),
                floors=floors,
                env=env,
                caveats=caveats,
                declared=tuple(_ranges(c, raw.get("declared", []), f"{where}.declared", False)),
                tested=tuple(_ranges(c, raw.get("tested", []), f"{where}.tested", True)),
                unsupported=raw.get("unsupported"),
                note=raw.get("note"),
            )
        )
    c.raise_if_any()
    return tuple(out)


def parse_pythons(data: Mapping[str, Any], origin: str) -> tuple[PythonVersion, ...]:
    """Validate ``pythons.toml`` data."""
    c = _Checker(origin)
    out = []
    for i, raw in enumerate(c.get(data, "python", list, "python")):
        where = f"python[{i}]"
        version = c.get(raw, "version", str, where)
        if not version.count(".") == 1 or not version.replace(".", "").isdigit():
            c.fail(f"{where}.version", f"not a X.Y version: {version!r}")
        out.append(
            PythonVersion(
                version,
                c.date(raw.get("released"), f"{where}.released"),
                c.date(raw.get("end_of_life"), f"{where}.end_of_life"),
            )
        )
    c.raise_if_any()
    return tuple(sorted(out, key=lambda p: p.key))


_CACHE: list[Knowledge] = []


def load() -> Knowledge:
    """Load and validate the shipped knowledge (once per process)."""
    if _CACHE:
        return _CACHE[0]
    caps_data, caps_origin = _read_toml("capabilities.toml")
    parts = parse_capabilities(caps_data, caps_origin)
    integ_data, integ_origin = _read_toml("integrations.toml")
    integrations = parse_integrations(
        integ_data,
        integ_origin,
        {cap.id for cap in parts["capabilities"]},
        set(parts["features"]),
    )
    py_data, py_origin = _read_toml("pythons.toml")
    knowledge = Knowledge(integrations=integrations, pythons=parse_pythons(py_data, py_origin), **parts)
    _CACHE.append(knowledge)
    return knowledge
