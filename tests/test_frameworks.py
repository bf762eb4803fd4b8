"""Framework ranges against the range the ddtrace target supports (advisor.plan.frameworks):
the interval logic on many specifier shapes, the findings and changes it gives, and the web
frameworks AAP does not document."""

from __future__ import annotations

import itertools

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.knowledge import matrix
from advisor.model.advice import Change, FoundIntegration, Ok, Split, SplitPart, Upgrade
from advisor.model.project import SourceLocation
from advisor.plan import frameworks as fw

K = matrix.load()
WHERE = SourceLocation("requirements.txt", 2)

# Versions spread around the bounds used below, pre-, post- and dev-releases included, to check
# the interval reading against packaging's own answers.
PROBES = [
    Version(v)
    for v in (
        "0.9", "1.0", "1.0.post1", "1.1.3", "1.1.4", "1.1.4.post1", "1.1.5", "1.11", "1.11.0",
        "1.11.29", "1.12.dev0", "1.12", "2.0", "2.1.9", "2.2", "2.2.7", "2.2.8", "2.2.8.post1",
        "2.2.9", "2.3", "2.9", "3.0", "3.1.0", "4.0", "4.2", "5.0", "6.dev0", "6.0rc1", "6.0",
        "6.0.post1", "2.2.8rc1", "2.2.8.dev0", "1.12rc1", "99.0",
    )
]  # fmt: skip


def _found(
    dist: str, *, version: str | None = None, spec: str = "", integration: str | None = None
) -> FoundIntegration:
    return FoundIntegration(
        id=integration or dist,
        name=dist,
        distribution=dist,
        version=version,
        specifier=spec or (f"=={version}" if version else None),
        source=WHERE,
        covers=(),
        auto_instrumented=True,
        unsupported=None,
        parsed_version=Version(version) if version else None,
        parsed_specifier=SpecifierSet(spec or (f"=={version}" if version else "")),
    )


def _admitted(spec: str) -> set[Version]:
    return {v for v in PROBES if SpecifierSet(spec).contains(v, prereleases=True)}


def _in(intervals: tuple[fw.Interval, ...], v: Version) -> bool:
    for i in intervals:
        above = i.lo is None or v > i.lo or (v == i.lo and i.lo_closed)
        under = i.hi is None or v < i.hi or (v == i.hi and i.hi_closed)
        if above and under:
            return True
    return False


SHAPES = [
    "",
    ">=2.2.8",
    ">2.2.8",
    "<=2.2.8",
    "<2.2.8",
    "==1.11.29",
    "==1.11.*",
    "!=1.11.*",
    "==2.*",
    "!=2.2.8",
    "~=2.2",
    "~=1.1.4",
    "~=1.0",
    ">=1.11,<1.12",
    ">=2.2,<4",
    ">=2.0,!=2.2.*,<3",
    ">=3,<2",
    "===2.2.8",
    ">=1.0,!=1.11.29,<2",
]


@pytest.mark.parametrize("spec", SHAPES)
def test_intervals_admit_what_packaging_admits(spec: str) -> None:
    """The intervals admit every version packaging admits, and on releases exactly those (the
    stretch at a ``>`` bound concerns only post-releases of the bound itself)."""
    ivs = fw.intervals(SpecifierSet(spec))
    assert ivs is not None
    for v in PROBES:
        admitted = SpecifierSet(spec).contains(v, prereleases=True)
        if admitted:
            assert _in(ivs, v), (spec, v)
        if not v.is_postrelease:
            assert _in(ivs, v) == admitted, (spec, v)


def test_intervals_that_cannot_be_placed() -> None:
    assert fw.intervals(SpecifierSet("===foobar")) is None
    assert fw.fit(SpecifierSet("===foobar"), SpecifierSet(">=2.2.8")) is None
    assert fw.intervals(SpecifierSet("")) == fw.EVERYTHING
    assert fw.intervals(SpecifierSet(">=3,<2")) == ()
    assert fw.fit(SpecifierSet(">=3,<2"), SpecifierSet(">=2.2.8")) is None  # admits nothing


@pytest.mark.parametrize(
    ("found", "supported", "expected", "is_below"),
    [
        # The example: an upper bound does not make a range "below".
        (">=2.2,<4", ">=1.1.4", "inside", False),
        (">=2.2.8", ">=2.2.8", "inside", False),
        (">2.2.8", ">=2.2.8", "inside", False),
        ("~=3.0", ">=2.2.8", "inside", False),
        ("==3.*", ">=2.2.8", "inside", False),
        ("==2.2.8", ">=2.2.8", "inside", False),
        ("===2.2.8", ">=2.2.8", "inside", False),
        # Admits some unsupported versions: a note.
        (">=2.2", ">=2.2.8", "partly", False),
        ("<5", ">=2.2.8", "partly", False),
        ("!=1.11", ">=2.2.8", "partly", False),
        ("==2.2.*", ">=2.2.8", "partly", False),
        ("~=2.2", ">=2.2.8", "partly", False),
        ("~=2.2.0", ">=2.2.8", "partly", False),
        (">=1.0,<=2.2.8", ">=2.2.8", "partly", False),  # 2.2.8 itself is supported
        # Admits none: a warning, and below when every version lies under the floor.
        (">=1.11,<1.12", ">=2.2.8", "outside", True),
        ("==1.11.*", ">=2.2.8", "outside", True),
        ("~=1.11.0", ">=2.2.8", "outside", True),
        ("~=1.0", ">=1.1.4", "partly", False),  # ~=1.0 is >=1.0,<2: 1.1.4 to 1.x is in
        ("~=1.0.2", ">=1.1.4", "outside", True),
        ("<2.2.8", ">=2.2.8", "outside", True),
        ("<=2.2.7", ">=2.2.8", "outside", True),
        ("==1.11.29", ">=2.2.8", "outside", True),
        ("===1.11.29", ">=2.2.8", "outside", True),
        ("<=2.2.8", ">2.2.8", "outside", True),
        # Outside above: a warning, but no framework change.
        (">=6", ">=2.2,<6", "outside", False),
        ("==6.*", ">=2.2,<6", "outside", False),  # <6 leaves out 6.0rc1 and 6.dev0
        ("==6.0rc1", ">=2.2,<6", "outside", False),
        # A hole in the supported range.
        ("==3.1.*", ">=2.2,!=3.1.*", "outside", False),
        ("==3.1.0", ">=2.2,!=3.1.*", "outside", False),
        (">=3,<4", ">=2.2,!=3.1.*", "partly", False),
    ],
)
def test_fit_and_below(found: str, supported: str, expected: str, is_below: bool) -> None:
    assert fw.fit(SpecifierSet(found), SpecifierSet(supported)) == expected
    assert fw.below(SpecifierSet(found), SpecifierSet(supported)) is is_below


@pytest.mark.parametrize(("found", "supported"), list(itertools.product(SHAPES, SHAPES[1:])))
def test_fit_never_contradicts_the_probes(found: str, supported: str) -> None:
    """An "outside" never while a probe version is admitted by both; "inside" never while a probe
    admitted by ``found`` is refused by ``supported`` (but for post-releases of a ``>`` bound);
    "below" never while some admitted version is not under every supported one."""
    where = fw.fit(SpecifierSet(found), SpecifierSet(supported))
    mine = _admitted(found)
    theirs = _admitted(supported)
    if where == "outside":
        assert not mine & theirs, (found, supported)
    if where == "inside":
        assert {v for v in mine if not v.is_postrelease} <= theirs, (found, supported)
    if fw.below(SpecifierSet(found), SpecifierSet(supported)):
        assert all(m < t for m in mine for t in theirs), (found, supported)


# --- findings ----------------------------------------------------------------------------------

TARGET = Version("4.6.0")
DJANGO = SpecifierSet(">=2.2.8")


@pytest.mark.parametrize(
    ("found", "finding", "severity", "text"),
    [
        (
            _found("django", version="1.11.29"),
            "integration-too-old",
            "warning",
            "django 1.11.29 is outside what ddtrace 4.6.0 supports (django>=2.2.8); "
            "upgrade django to 2.2.8 or later",
        ),
        (
            _found("django", spec=">=1.11,<1.12"),
            "integration-too-old",
            "warning",
            "django>=1.11,<1.12 is below what ddtrace 4.6.0 supports (django>=2.2.8); "
            "upgrade django to 2.2.8 or later",
        ),
        (
            _found("django", spec=">=2.0"),
            "integration-range-partial",
            "info",
            "django>=2.0 also admits versions outside what ddtrace 4.6.0 supports (django>=2.2.8)",
        ),
    ],
)
def test_declared_findings(found: FoundIntegration, finding: str, severity: str, text: str) -> None:
    [f] = fw.declared_findings(found, DJANGO, TARGET)
    assert (f.id, f.severity, f.message, f.location) == (finding, severity, text, WHERE)


@pytest.mark.parametrize(
    "found",
    [
        _found("django", version="4.2.10"),
        _found("django", spec=">=3.2,<5"),
        _found("django"),  # a bare name: the newest is installed
        _found("django", spec="===foobar"),
        # A locked version decides, whatever the declared range admits.
        FoundIntegration(
            "django", "Django", "django", "4.2.10", ">=1.8", WHERE, (), True, None,
            parsed_version=Version("4.2.10"), parsed_specifier=SpecifierSet(">=1.8"),
        ),
    ],
)  # fmt: skip
def test_no_declared_finding(found: FoundIntegration) -> None:
    assert fw.declared_findings(found, DJANGO, TARGET) == []


def test_above_or_in_a_hole_of_the_supported_range() -> None:
    spec = SpecifierSet(">=2.2,<6")
    [pin] = fw.declared_findings(_found("django", version="6.0"), spec, TARGET)
    [rng] = fw.declared_findings(_found("django", spec=">=6.0"), spec, TARGET)
    holed = SpecifierSet(">=2.2,!=3.1.*")
    [hole] = fw.declared_findings(_found("django", spec="==3.1.*"), holed, TARGET)
    assert pin.id == rng.id == hole.id == "integration-outside-range"
    assert "upgrade" not in pin.message and "admits no version" in rng.message
    assert fw.framework_changes(K, [_found("django", version="6.0")], ALL, [TARGET]) == ()


def test_bump_past_an_open_floor() -> None:
    [f] = fw.declared_findings(_found("django", version="2.2"), SpecifierSet(">2.2"), TARGET)
    assert f.message.endswith("; upgrade django past 2.2")


# --- framework changes and the verdict ----------------------------------------------------------

ALL = tuple(c for c in K.capabilities if c.supported)
SCA = tuple(c for c in K.capabilities if c.id == "sca")


def test_framework_change_from_a_pin() -> None:
    [change] = fw.framework_changes(K, [_found("django", version="1.11.29")], ALL, [TARGET])
    assert change == Change(
        "django",
        "1.11.29",
        None,
        from_specifier="==1.11.29",
        to_specifier=">=2.2.8",
        source=WHERE,
        reason="below what ddtrace 4.6.0 supports (django>=2.2.8)",
        kind="framework",
    )


def test_framework_change_from_a_range() -> None:
    [change] = fw.framework_changes(K, [_found("flask", spec="~=1.0.2")], ALL, [TARGET])
    assert (change.from_version, change.from_specifier, change.to_specifier) == (
        None,
        "~=1.0.2",
        ">=1.1.4",
    )


@pytest.mark.parametrize(
    "found",
    [
        _found("django", spec=">=2.0"),  # partly supported: a note, not a change
        _found("django", version="4.2.10"),
        _found("django"),
        _found("psycopg2", version="2.8.6", integration="psycopg"),  # a library: warning only
        _found("starlette", version="0.13.0"),  # not documented: its own warning instead
    ],
)
def test_no_framework_change(found: FoundIntegration) -> None:
    assert fw.framework_changes(K, [found], ALL, [TARGET]) == ()


def test_no_framework_change_without_a_request_capability() -> None:
    assert fw.framework_changes(K, [_found("django", version="1.11.29")], SCA, [TARGET]) == ()


def test_split_takes_the_highest_floor() -> None:
    # flask >=1.0 from 2.10.0, >=1.1.4 from 4.6.0: 1.0.2 is below the second only.
    found = [_found("flask", version="1.0.2")]
    assert fw.framework_changes(K, found, ALL, [Version("2.21.0")]) == ()
    [change] = fw.framework_changes(K, found, ALL, [Version("2.21.0"), TARGET])
    assert change.to_specifier == ">=1.1.4"


def test_ok_becomes_an_upgrade_that_keeps_ddtrace() -> None:
    ok = Ok("4.6.0", {"3.11": "4.6.0"}, "4.6.0", ())
    rec = fw.with_framework_changes(ok, K, [_found("django", version="1.11.29")], ALL)
    assert isinstance(rec, Upgrade)
    assert rec.ddtrace == "4.6.0" and [c.kind for c in rec.changes] == ["framework"]
    assert rec.per_python == ok.per_python and rec.floor == ok.floor
    assert fw.with_framework_changes(ok, K, [_found("django", version="4.2")], ALL) is ok


def test_framework_change_comes_after_ddtrace_and_co_upgrades() -> None:
    head = Change("ddtrace", "2.3.0", "4.6.0")
    co = Change("envier", "0.5.2", "0.6.1")
    up = Upgrade("4.6.0", (head, co), {"3.11": "4.6.0"})
    rec = fw.with_framework_changes(up, K, [_found("django", version="1.11.29")], ALL)
    assert isinstance(rec, Upgrade)
    assert [(c.package, c.kind) for c in rec.changes] == [
        ("ddtrace", "ddtrace"),
        ("envier", "co-upgrade"),
        ("django", "framework"),
    ]


def test_split_gets_the_framework_change() -> None:
    parts = (
        SplitPart('python_version < "3.14"', ("3.13",), "4.6.0"),
        SplitPart('python_version >= "3.14"', ("3.14",), "4.7.0"),
    )
    split = Split(parts, (), {"3.13": "4.6.0", "3.14": "4.7.0"})
    rec = fw.with_framework_changes(split, K, [_found("django", version="1.11.29")], ALL)
    assert isinstance(rec, Split) and [c.package for c in rec.changes] == ["django"]


def test_change_kind_defaults() -> None:
    assert Change("ddtrace", "1", "2").kind == "ddtrace"
    assert Change("ddtrace", "1", "2", kind="co-upgrade").kind == "ddtrace"
    assert Change("envier", "1", "2").kind == "co-upgrade"


# --- web frameworks AAP does not document --------------------------------------------------------


def test_undocumented_frameworks_named() -> None:
    found = [_found(d) for d in ("pyramid", "aiohttp", "litestar", "sanic", "falcon", "bottle")]
    found += [_found("quart"), _found("cherrypy"), _found("starlette")]
    out = fw.undocumented(K, found, ALL)
    assert [f.id for f in out] == ["framework-undocumented"] * 9
    assert all("documented for Django, Flask, FastAPI and Tornado only" in f.message for f in out)
    assert out[0].message.startswith("Pyramid (pyramid found)") and out[0].location == WHERE


def test_starlette_under_fastapi_is_not_named() -> None:
    found = [_found("fastapi"), _found("starlette")]
    assert fw.undocumented(K, found, ALL) == []


def test_undocumented_only_for_request_capabilities() -> None:
    assert fw.undocumented(K, [_found("pyramid")], SCA) == []
    assert fw.undocumented(K, [_found("django"), _found("flask")], ALL) == []
