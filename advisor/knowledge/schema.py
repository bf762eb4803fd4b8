"""The schema of the knowledge files: one small parser per table.

Each parser reads one table (``capability[3]``, ``integration[0].floors[1]`` ...) through
:class:`Fields`, which records a problem with its key path (``capability[3].min_version: not a
version: 'x'``) and hands back a stand-in value instead of raising, so the reading goes on. A
file's parser then raises one :class:`KnowledgeError` listing every problem (packaging's
style): a bad edit to the data is reported whole by the test that loads the shipped files.

Every version specifier read must admit something: a CPython range at least one CPython of
``pythons.toml`` (when the parser is given them), any other range at least one version
(:func:`admits_some_version`). A range that admits nothing is always a slip in the data
(``==2.7.*,>=3.5`` for "2.7 or 3.5 and later") and would silently switch a fact off. The
shipped files are checked so by their test; a run reads them with ``check_ranges=False``
(:func:`advisor.knowledge.matrix.load`), every range still parsed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.errors import KnowledgeError
from advisor.knowledge.model import (
    AwsLambda,
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
    PlatformMinimum,
    PythonGate,
    PythonVersion,
    Runtime,
    TestedRange,
    slug,
)
from advisor.model.names import canonicalize_name
from advisor.model.platforms import USER_PLATFORMS
from advisor.model.release import python_minor_admitted

__all__ = [
    "SCHEMA_VERSION",
    "Fields",
    "Problems",
    "admits_some_version",
    "parse_capabilities",
    "parse_integrations",
    "parse_platforms",
    "parse_pythons",
    "parse_request_capabilities",
]

SCHEMA_VERSION = 1
T = TypeVar("T")

#: What a version that does not parse reads as, so the reading goes on (never returned: the
#: file's problems are raised at its end). One for all, not one parsed per version read.
_STAND_IN_VERSION = Version("0")


class Problems:
    """Every problem found in one file, each with its key path; raised together, at the end."""

    def __init__(
        self, origin: str, pythons: Collection[str] | None = None, *, check_ranges: bool = True
    ) -> None:
        self.origin = origin
        self.found: list[str] = []
        #: The CPython minors (``"3.12"``) a CPython range must admit one of; ``None``: a
        #: CPython range is only checked to admit some version.
        self.pythons = pythons
        #: Whether a range is checked to admit something (every one is still parsed).
        self.check_ranges = check_ranges
        #: Each version text read so far, parsed once: a file repeats the same few hundred
        #: versions (``integrations.toml``: some 520 reads of 220 texts) and a version is a
        #: value, so one object serves every table that names it.
        self._versions: dict[str, Version] = {}

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
        return self.parse(text, where, self._version, "a version", _STAND_IN_VERSION)

    def _version(self, text: Any) -> Version:
        key = str(text)
        found = self._versions.get(key)
        if found is None:
            found = self._versions[key] = Version(key)
        return found

    def spec(self, text: Any, where: str) -> SpecifierSet:
        """A version range that admits at least one version."""
        spec = self._spec(text, where)
        if spec is not None and self.check_ranges and not admits_some_version(spec):
            self.fail(where, f"{str(text)!r} admits no version")
        return spec if spec is not None else SpecifierSet()

    def python_spec(self, text: Any, where: str) -> SpecifierSet:
        """A CPython range that admits at least one known CPython (see :attr:`pythons`)."""
        spec = self._spec(text, where)
        if spec is None:
            return SpecifierSet()
        if not self.check_ranges:
            return spec
        if self.pythons is None:
            if not admits_some_version(spec):
                self.fail(where, f"{str(text)!r} admits no version")
        elif not any(python_minor_admitted(spec, py) for py in self.pythons):
            known = ", ".join(self.pythons)
            self.fail(where, f"{str(text)!r} admits no CPython aap-advise knows ({known})")
        return spec

    def _spec(self, text: Any, where: str) -> SpecifierSet | None:
        return self.parse(text, where, lambda t: SpecifierSet(str(t)), "a version specifier", None)

    def date(self, text: Any, where: str) -> dt.date:
        return self.parse(text, where, _date, "a date", dt.date.min)

    def raise_if_any(self) -> None:
        if self.found:
            raise KnowledgeError(
                f"{self.origin}: {len(self.found)} problem(s): " + "; ".join(self.found),
                code="knowledge-invalid",
            )


def admits_some_version(spec: SpecifierSet) -> bool:
    """``spec`` contains at least one version (pre-releases count).

    The witness is looked for next to the clauses' own versions: each version itself and, at
    every position of its release (padded to four parts), one step up and one step down, the
    step down also with a high next part (``<2.0`` gives ``1.9999``); plus ``0`` and a very
    high version for ranges open on one side. A spec is only accepted on a version it contains,
    so one that admits nothing is always refused. The other way round, for bounds, ``==``,
    ``==X.*`` and ``~=`` clauses a witness is always among the candidates: the lower bound
    stepped up at the first part where it differs from the upper bound (or at the next one), or
    the upper bound stepped down with a high next part; ``!=`` clauses could hide it only by
    excluding each such candidate, which no range written for a fact does.
    """
    if not spec:
        return True
    candidates = {"0", "99999"}
    for clause in spec:
        text = clause.version.removesuffix(".*")
        candidates.add(text)  # "===" compares the text itself
        try:
            version = Version(text)
        except ValueError:
            continue
        candidates.update(_neighbours(version))
    return any(spec.contains(c, prereleases=True) for c in candidates)


def _neighbours(version: Version) -> Iterator[str]:
    epoch = f"{version.epoch}!" if version.epoch else ""
    release = version.release + (0,) * max(0, 4 - len(version.release))
    yield version.base_version  # epoch and release, without pre/post/dev/local parts
    for i, part in enumerate(release):
        head = release[:i]
        yield epoch + ".".join(map(str, (*head, part + 1)))
        if part > 0:
            yield epoch + ".".join(map(str, (*head, part - 1)))
            yield epoch + ".".join(map(str, (*head, part - 1, 9999)))


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

    def python_spec(self, key: str) -> SpecifierSet:
        return self.problems.python_spec(self.raw.get(key), self.path(key))

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


def parse_capabilities(
    data: Mapping[str, Any],
    origin: str,
    pythons: Collection[str] | None = None,
    *,
    check_ranges: bool = True,
) -> dict[str, Any]:
    """Validate ``capabilities.toml`` data; returns the pieces :class:`Knowledge` holds.

    :param pythons: the known CPython minors (``pythons.toml``); each CPython range must admit
        one of them. Without them a CPython range need only admit some version.
    :param check_ranges: check that each range admits something (:class:`Problems`).
    """
    problems = Problems(origin, pythons, check_ranges=check_ranges)
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
    aws_lambda = _aws_lambda(Fields(problems, top.get("aws_lambda", dict), "aws_lambda"), cap_ids)
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
        "aws_lambda": aws_lambda,
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
        capabilities=_ids(f, "capability"),
        lambda_note=f.raw.get("lambda_note"),
    )


def _ids(f: Fields, key: str) -> frozenset[str]:
    """One id or a list of ids at ``key`` (absent: none)."""
    value = f.raw.get(key)
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return frozenset(value)
    f.fail("expected an id or a non-empty list of ids", key)
    return frozenset()


def _python_gate(f: Fields) -> PythonGate:
    return PythonGate(f.spec("ddtrace"), f.python_spec("python"), f.text("source"))


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
    """``python`` is one CPython range or a list of them, any of which admits (``2.7, 3.5-3.11``
    is two ranges: no single specifier says it)."""
    raw = f.raw.get("python")
    if isinstance(raw, list):
        if not raw:
            f.fail("expected a CPython range or a non-empty list of them", "python")
        where = f.path("python")
        pythons = tuple(f.problems.python_spec(t, f"{where}[{i}]") for i, t in enumerate(raw))
    else:
        pythons = (f.python_spec("python"),)
    return Runtime(ddtrace=f.spec("ddtrace"), python=pythons, platforms=f.names("platforms"))


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
    data: Mapping[str, Any],
    origin: str,
    cap_ids: set[str],
    feature_ids: set[str],
    *,
    check_ranges: bool = True,
) -> tuple[Integration, ...]:
    """Validate ``integrations.toml`` data against the known capabilities and features
    (``check_ranges``: as :func:`parse_capabilities`)."""
    problems = Problems(origin, check_ranges=check_ranges)
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
    f.known(sorted({c for x in env for c in x.capabilities}), cap_ids, "capability", "env")
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


#: A declared-range row's spec for "not in the docs' table from this release on".
NOT_LISTED = "not listed"


def _declared(f: Fields) -> Iterator[DeclaredRange]:
    """``declared = [[since, spec(, distributions)], ...]``; spec ``*`` is any version, and
    ``not listed`` ends the previous row's range."""
    p = f.problems
    for where, row, dists in _range_rows(f, "declared", "since, spec", 2):
        since = p.version(row[0], where)
        if row[1] == NOT_LISTED:
            yield DeclaredRange(since, SpecifierSet(), dists, listed=False)
        elif row[1] == "*":
            yield DeclaredRange(since, SpecifierSet(), dists)
        else:
            yield DeclaredRange(since, p.spec(row[1], where), dists)


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


def _aws_lambda(f: Fields, cap_ids: Collection[str]) -> AwsLambda:
    """The ``[aws_lambda]`` table: what the tracer switches off in AWS Lambda."""
    never: dict[str, str] = {}
    for row in f.rows("never", required=True):
        cap = row.text("capability")
        row.known([cap], cap_ids, "capability", "capability")
        never[cap] = row.text("reason")
    floors = []
    for row in f.rows("floors", required=True):
        floor = Floor(
            row.text("capability"), row.version("min_version"), row.text("what"), row.text("source")
        )
        row.known([floor.capability], cap_ids, "capability", "capability")
        floors.append(floor)
    notes = [_note(row, cap_ids) for row in f.rows("notes")]
    off = f.items("appsec_off")
    return AwsLambda(
        detect=frozenset(str(canonicalize_name(str(d))) for d in f.items("detect")),
        never=never,
        appsec_off=tuple(
            f.problems.spec(s, f"{f.path('appsec_off')}[{i}]") for i, s in enumerate(off)
        ),
        appsec_off_reason=f.text("appsec_off_reason"),
        floors=tuple(floors),
        notes=tuple(notes),
        source=f.text("source"),
        notes_off=frozenset(f.get("notes_off", list, [])),
    )


# --- platforms.toml ----------------------------------------------------------------------------


def parse_platforms(data: Mapping[str, Any], origin: str) -> tuple[PlatformMinimum, ...]:
    """Validate ``platforms.toml`` data: where ddtrace's wheels need a newer system."""
    problems = Problems(origin)
    ids: set[str] = set()
    out = tuple(_minimum(f, ids) for f in Fields(problems, data).rows("minimum", required=True))
    problems.raise_if_any()
    return out


def _minimum(f: Fields, ids: set[str]) -> PlatformMinimum:
    line_id = f.text("id")
    if line_id in ids:
        f.fail(f"id {line_id!r} used twice", "id")
    ids.add(line_id)
    platforms = f.names("platforms")
    if not platforms:
        f.fail("names no platform", "platforms")
    f.known(sorted(platforms), USER_PLATFORMS, "platform", "platforms")
    return PlatformMinimum(
        id=line_id,
        platforms=platforms,
        since=f.version("since"),
        needs=f.text("needs"),
        left_behind=f.text("left_behind"),
        source=f.text("source"),
    )
