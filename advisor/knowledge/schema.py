"""The schema of the knowledge files: one small parser per table.

Each parser reads one table (``capability[3]``, ``integration[0].floors[1]`` ...) through
:class:`Fields`, which records a problem with its key path (``capability[3].min_version: not a
version: 'x'``) and hands back a stand-in value instead of raising, so the reading goes on. A
file's parser then raises one :class:`KnowledgeError` listing every problem (packaging's
style): a bad edit to the data is reported whole by the test that loads the shipped files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from advisor.errors import KnowledgeError
from advisor.knowledge.model import (
    Branch,
    Capability,
    Caveat,
    DeclaredRange,
    Disagreement,
    EnvSwitch,
    Feature,
    Floor,
    Integration,
    Note,
    PlatformExclusion,
    PythonGate,
    PythonVersion,
    Runtime,
    TestedRange,
    slug,
)
from advisor.model.platforms import USER_PLATFORMS

__all__ = [
    "SCHEMA_VERSION",
    "Fields",
    "Problems",
    "parse_capabilities",
    "parse_integrations",
    "parse_pythons",
    "parse_request_capabilities",
]

SCHEMA_VERSION = 1
T = TypeVar("T")


class Problems:
    """Every problem found in one file, each with its key path; raised together, at the end."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.found: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.found.append(f"{where}: {message}")

    def parse(self, text: Any, where: str, read: Callable[[Any], T], what: str, stand_in: T) -> T:
        """``read(text)``, or (recorded as "not *what*") ``stand_in`` when it raises ValueError."""
        try:
            return read(text)
        except ValueError:  # InvalidVersion and InvalidSpecifier are ValueErrors
            self.fail(where, f"not {what}: {text!r}")
            return stand_in

    def version(self, text: Any, where: str) -> Version:
        return self.parse(text, where, lambda t: Version(str(t)), "a version", Version("0"))

    def spec(self, text: Any, where: str) -> SpecifierSet:
        return self.parse(
            text, where, lambda t: SpecifierSet(str(t)), "a version specifier", SpecifierSet()
        )

    def date(self, text: Any, where: str) -> dt.date:
        return self.parse(text, where, _date, "a date", dt.date.min)

    def raise_if_any(self) -> None:
        if self.found:
            raise KnowledgeError(
                f"{self.origin}: {len(self.found)} problem(s): " + "; ".join(self.found),
                code="knowledge-invalid",
            )


def _date(text: Any) -> dt.date:
    return text if isinstance(text, dt.date) else dt.date.fromisoformat(str(text))


class Fields:
    """One table at key path ``where`` (``""`` for the file itself), read through typed getters
    that record what is missing or mistyped in ``problems`` and return a stand-in."""

    __slots__ = ("problems", "raw", "where")

    def __init__(self, problems: Problems, raw: Mapping[str, Any], where: str = "") -> None:
        self.problems = problems
        self.raw = raw
        self.where = where

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, message: str, key: str | None = None) -> None:
        """A problem with this table (or, given ``key``, with that field of it)."""
        self.problems.fail(self.path(key) if key else self.where, message)

    def has(self, key: str) -> bool:
        return key in self.raw

    def get(self, key: str, kind: type[T], default: T | None = None) -> T:
        """The ``kind`` value at ``key``; ``default`` when absent (without one, a problem)."""
        if key not in self.raw:
            if default is not None:
                return default
            self.problems.fail(self.where or key, f"missing {key!r}")
            return kind()
        value = self.raw[key]
        if not isinstance(value, kind):
            self.fail(f"expected {kind.__name__}, got {type(value).__name__}", key)
            return kind()
        return value

    def text(self, key: str) -> str:
        return self.get(key, str)

    def flag(self, key: str) -> bool:
        return self.get(key, bool)

    def items(self, key: str) -> list[Any]:
        return self.get(key, list)

    def names(self, key: str) -> frozenset[str]:
        return frozenset(self.items(key))

    def choice(
        self, key: str, choices: Collection[str], what: str, default: str | None = None
    ) -> str:
        """A string that must be one of ``choices`` (else "unknown *what*")."""
        value = self.get(key, str, default)
        if value not in choices:
            self.fail(f"unknown {what} {value!r}", key)
        return value

    def version(self, key: str) -> Version:
        return self.problems.version(self.raw.get(key), self.path(key))

    def spec(self, key: str) -> SpecifierSet:
        return self.problems.spec(self.raw.get(key), self.path(key))

    def date(self, key: str) -> dt.date:
        return self.problems.date(self.raw.get(key), self.path(key))

    def optional(self, key: str, read: Callable[[str], T]) -> T | None:
        """``read(key)`` when the key is present, else ``None``."""
        return read(key) if key in self.raw else None

    def known(self, values: Iterable[Any], known: Collection[Any], what: str, key: str) -> None:
        """Each of ``values`` must be among ``known`` (else "unknown *what*", at ``key``)."""
        for value in values:
            if value not in known:
                self.fail(f"unknown {what} {value!r}", key)

    def rows(self, key: str, *, required: bool = False) -> Iterator[Fields]:
        """The tables of the array at ``key`` (an absent one is empty unless ``required``)."""
        for i, raw in enumerate(self.items(key) if required else self.get(key, list, [])):
            where = f"{self.path(key)}[{i}]"
            if isinstance(raw, Mapping):
                yield Fields(self.problems, raw, where)
            else:
                self.problems.fail(where, f"expected table, got {type(raw).__name__}")


# --- capabilities.toml -------------------------------------------------------------------------


def parse_capabilities(data: Mapping[str, Any], origin: str) -> dict[str, Any]:
    """Validate ``capabilities.toml`` data; returns the pieces :class:`Knowledge` holds."""
    problems = Problems(origin)
    top = Fields(problems, data)
    owners: dict[str, str] = {}
    caps = tuple(_capability(f, owners) for f in top.rows("capability", required=True))
    cap_ids = {cap.id for cap in caps}
    features = [_feature(f, cap_ids) for f in top.rows("feature", required=True)]
    branches = tuple(_branch(f) for f in top.rows("branch", required=True))
    runtimes = tuple(_runtime(f) for f in top.rows("runtime", required=True))
    notes = tuple(_note(f, cap_ids) for f in top.rows("note", required=True))
    disagreements = tuple(_disagreement(f) for f in top.rows("disagreement", required=True))
    docs = top.get("docs", dict)
    waf = top.get("waf", dict)
    problems.raise_if_any()
    return {
        "docs_url": docs.get("url", ""),
        "docs_follows": docs.get("follows", ""),
        "waf_missing_on": frozenset(waf.get("missing_on", [])),
        "waf_reason": waf.get("reason", ""),
        "capabilities": caps,
        "features": {f.id: f for f in features},
        "branches": branches,
        "runtimes": runtimes,
        "notes": notes,
        "disagreements": disagreements,
    }


def _capability(f: Fields, owners: dict[str, str]) -> Capability:
    """One ``[[capability]]``; ``owners`` maps each id, name and alias seen to its capability."""
    cap_id = f.text("id")
    name = f.text("name")
    supported = f.choice("status", ("supported", "unsupported"), "status") == "supported"
    if supported and not f.has("min_version"):
        f.fail("a supported capability needs min_version")
    aliases = tuple(slug(a) for a in f.get("aliases", list, []))
    for known_as in (cap_id, slug(name), *aliases):
        if known_as in owners and owners[known_as] != cap_id:
            f.fail(f"name or alias {known_as!r} already belongs to {owners[known_as]!r}")
        owners[known_as] = cap_id
    return Capability(
        id=cap_id,
        name=name,
        aliases=aliases,
        supported=supported,
        min_version=f.optional("min_version", f.version),
        requires_waf=f.flag("requires_waf"),
        summary=f.text("summary"),
        env=tuple(_env(e) for e in f.rows("env")),
        python_gates=tuple(_python_gate(g) for g in f.rows("python_gates")),
        excluded_platforms=tuple(_exclusion(e) for e in f.rows("excluded_platforms")),
        note=f.raw.get("note"),
        history=f.raw.get("history"),
    )


def _env(f: Fields) -> EnvSwitch:
    """One ``env`` switch, of a capability or an integration."""
    need = f.choice("need", ("on", "default", "unset"), "need", default="on")
    return EnvSwitch(
        name=f.text("name"),
        value=f.text("value"),
        need=need,  # type: ignore[arg-type]
        note=f.raw.get("note"),
        source=f.text("source"),
        ddtrace=f.optional("ddtrace", f.spec),
        capability=f.raw.get("capability"),
    )


def _python_gate(f: Fields) -> PythonGate:
    return PythonGate(f.spec("ddtrace"), f.spec("python"), f.text("source"))


def _exclusion(f: Fields) -> PlatformExclusion:
    platforms = f.names("platforms")
    f.known(platforms, USER_PLATFORMS, "platform", "platforms")
    return PlatformExclusion(platforms, f.text("reason"), f.text("source"))


def _feature(f: Fields, cap_ids: Collection[str]) -> Feature:
    feature = Feature(f.text("id"), f.text("name"), f.text("capability"))
    f.known([feature.capability], cap_ids, "capability", "capability")
    return feature


def _branch(f: Fields) -> Branch:
    return Branch(
        label=str(f.raw.get("spec", "")),
        spec=f.spec("spec"),
        support=f.choice(
            "support", ("general-availability", "maintenance", "end-of-life"), "support level"
        ),
        ends=f.optional("ends", f.date),
        agent_min=f.raw.get("agent_min"),
    )


def _runtime(f: Fields) -> Runtime:
    return Runtime(
        ddtrace=f.spec("ddtrace"), python=f.spec("python"), platforms=f.names("platforms")
    )


def _note(f: Fields, cap_ids: Collection[str]) -> Note:
    applies = f.names("applies_to")
    f.known(applies, cap_ids, "capability", "applies_to")
    return Note(
        id=f.text("id"),
        applies_to=applies,
        text=f.text("text"),
        source=f.text("source"),
        ddtrace=f.optional("ddtrace", f.spec),
    )


def _disagreement(f: Fields) -> Disagreement:
    return Disagreement(f.text("topic"), tuple(f.items("sources")), f.text("follows"))


# --- integrations.toml -------------------------------------------------------------------------


def parse_integrations(
    data: Mapping[str, Any], origin: str, cap_ids: set[str], feature_ids: set[str]
) -> tuple[Integration, ...]:
    """Validate ``integrations.toml`` data against the known capabilities and features."""
    problems = Problems(origin)
    owners: dict[str, str] = {}
    out = tuple(
        _integration(f, owners, cap_ids, feature_ids)
        for f in Fields(problems, data).rows("integration", required=True)
    )
    ids = {i.id for i in out}
    for n, integ in enumerate(out):
        if integ.covered_by is not None and integ.covered_by not in ids:
            problems.fail(
                f"integration[{n}].covered_by", f"unknown integration {integ.covered_by!r}"
            )
    problems.raise_if_any()
    return out


def parse_request_capabilities(
    data: Mapping[str, Any], origin: str, cap_ids: set[str]
) -> frozenset[str]:
    """``request_capabilities`` of ``integrations.toml``: known capability ids."""
    problems = Problems(origin)
    top = Fields(problems, data)
    out = top.names("request_capabilities")
    top.known(sorted(out), cap_ids, "capability", "request_capabilities")
    problems.raise_if_any()
    return out


def _integration(
    f: Fields, owners: dict[str, str], cap_ids: set[str], feature_ids: set[str]
) -> Integration:
    """One ``[[integration]]``; ``owners`` maps each distribution seen to its integration."""
    iid = f.text("id")
    dists = tuple(canonicalize_name(d) for d in f.items("distributions"))
    for d in dists:
        if d in owners:
            f.fail(f"distribution {d!r} already belongs to {owners[d]!r}")
        owners[d] = iid
    features = tuple(f.items("features"))
    f.known(dict.fromkeys(features), feature_ids, "feature", "features")
    floors = tuple(_floor(x) for x in f.rows("floors"))
    caveats = tuple(_caveat(x) for x in f.rows("caveats"))
    env = tuple(_env(x) for x in f.rows("env"))
    f.known([x.capability for x in floors], cap_ids, "capability", "floors")
    f.known([x.capability for x in caveats], cap_ids, "capability", "caveats")
    f.known([x.capability for x in env if x.capability], cap_ids, "capability", "env")
    if f.has("unsupported"):
        f.known([f.raw["unsupported"]], cap_ids, "capability", "unsupported")
    return Integration(
        id=iid,
        name=f.text("name"),
        distributions=dists,
        kind=f.text("kind"),
        features=features,
        auto_instrumented=f.flag("auto_instrumented"),
        floors=floors,
        env=env,
        caveats=caveats,
        declared=tuple(_declared(f)),
        tested=tuple(_tested(f)),
        unsupported=f.raw.get("unsupported"),
        note=f.raw.get("note"),
        documented=f.get("documented", bool, True),
        covered_by=f.raw.get("covered_by"),
    )


def _floor(f: Fields) -> Floor:
    return Floor(f.text("capability"), f.version("min_version"), f.text("what"), f.text("source"))


def _caveat(f: Fields) -> Caveat:
    return Caveat(
        f.text("capability"), f.text("text"), f.text("source"), f.optional("min_version", f.version)
    )


def _declared(f: Fields) -> Iterator[DeclaredRange]:
    """``declared = [[since, spec(, distributions)], ...]``."""
    p = f.problems
    for where, row, dists in _range_rows(f, "declared", "since, spec", 2):
        yield DeclaredRange(p.version(row[0], where), p.spec(row[1], where), dists)


def _tested(f: Fields) -> Iterator[TestedRange]:
    """``tested = [[tag, low, high(, distributions)], ...]``."""
    p = f.problems
    for where, row, dists in _range_rows(f, "tested", "tag, low, high", 3):
        tag, low, high = (p.version(v, where) for v in row[:3])
        yield TestedRange(tag, low, high, dists)


def _range_rows(
    f: Fields, key: str, shape: str, width: int
) -> Iterator[tuple[str, list[Any], frozenset[str] | None]]:
    """The rows of a range array with ``width`` values each and optional distributions."""
    for j, row in enumerate(f.get(key, list, [])):
        where = f"{f.path(key)}[{j}]"
        if not isinstance(row, list) or len(row) not in (width, width + 1):
            f.problems.fail(where, f"expected [{shape}(, distributions)]")
            continue
        dists = frozenset(canonicalize_name(d) for d in row[width]) if len(row) > width else None
        yield where, row, dists


# --- pythons.toml ------------------------------------------------------------------------------


def parse_pythons(data: Mapping[str, Any], origin: str) -> tuple[PythonVersion, ...]:
    """Validate ``pythons.toml`` data."""
    problems = Problems(origin)
    out = [_python(f) for f in Fields(problems, data).rows("python", required=True)]
    problems.raise_if_any()
    return tuple(sorted(out, key=lambda p: p.key))


def _python(f: Fields) -> PythonVersion:
    version = f.text("version")
    if version.count(".") != 1 or not version.replace(".", "").isdigit():
        f.fail(f"not a X.Y version: {version!r}", "version")
    return PythonVersion(version, f.date("released"), f.date("end_of_life"))
