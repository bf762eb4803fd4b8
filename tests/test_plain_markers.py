"""Plain markers (:func:`advisor.model.plain.plain_marker`) are evaluated as packaging evaluates
them, and Requires-Dist lines read without packaging's requirement parser give the same
requirements as with it (:func:`advisor.resolve.requirements.parse_requires_dist`).

Whatever packaging is installed: the comparisons its releases answer differently (text
ordered by ``<``, a text variable's value that reads as a version) are not plain. A plain
marker may answer ``None`` (packaging evaluates it then); it never answers otherwise than
packaging.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from packaging.markers import InvalidMarker, Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import InvalidVersion

from advisor.knowledge.releases import load_snapshot
from advisor.model.markers import marker_admits
from advisor.model.names import canonicalize_name
from advisor.model.plain import plain_marker
from advisor.resolve.requirements import Req, marker_env, parse_requires_dist

PYTHONS = ["2.7", "3.5", "3.7", "3.8", "3.11", "3.12", "3.13", "3.13t", "3.14", "3.15"]
PLATFORMS = ["linux-x86_64", "musllinux-aarch64", "macos-arm64", "windows-amd64", "windows-x86"]
ENVIRONMENTS = [marker_env(py, plat) for py in PYTHONS for plat in PLATFORMS]


def _outcome(evaluate: object, environment: Mapping[str, str]) -> object:
    """What evaluating gives: the verdict, or the kind of exception raised."""
    try:
        return evaluate(dict(environment))  # type: ignore[operator]
    except Exception as exc:  # the kind is compared
        return type(exc)


def _agrees(text: str, environments: list[dict[str, str]]) -> bool:
    """``text`` is not plain, or evaluates as packaging does in every environment given
    (``None``, packaging's turn, is allowed); ``True`` when plain."""
    plain = plain_marker(text)
    if plain is None:
        return False
    marker = Marker(text)  # a plain marker is one packaging reads
    for environment in environments:
        got = _outcome(plain.evaluate, environment)
        if got is not None:
            assert got == _outcome(marker.evaluate, environment), (text, environment)
    return True


PLAIN = [
    'python_version < "3.8"',
    "python_version<'3.8'",
    'python_version ~= "3.12.0"',
    'python_version >= "3.13.0"',
    'python_version == "2.7"',
    'python_version == "3.*"',
    'python_version != "3.7.*"',
    'python_full_version >= "3.8.1"',
    'python_version === "3.12"',
    'implementation_version >= "3"',
    'platform_release >= "5.0"',
    'python_version == "3.x"',  # not a version: compared as text
    'extra == "profiling"',
    'extra == "Open_Telemetry"',
    'extra != "a"',
    'sys_platform == "win32"',
    'sys_platform != "darwin"',
    'platform_machine == "x86_64"',
    'platform_system == "Linux"',
    'os_name == "nt"',
    'implementation_name == "cpython"',
    'platform_python_implementation == "CPython"',
    'python_version >= "3.8" and python_version < "3.13"',
    'sys_platform == "linux" or sys_platform == "darwin" and python_version < "3.9"',
    ' python_version > "2.7"\t',
    'python_version < "3.11" and extra == "test"',
]

NOT_PLAIN = [
    "",
    " ",
    'python_version < "3.8" and',
    '(python_version < "3.8")',
    '"3.8" > python_version',
    'os.name == "nt"',
    'sys.platform == "linux"',
    'python_implementation == "CPython"',
    'sys_platform in "linux darwin"',
    'sys_platform not in "win32"',
    '"a" in extras',
    'extras == "a"',
    'dependency_groups == "a"',
    'sys_platform < "linux"',  # ordered text: packaging 24 orders, 26 does not
    'python_version < "3.x"',  # the same, on a version variable whose value is no version
    'sys_platform ~= "linux"',
    'platform_machine == "1.0"',  # a version to packaging 24, text to 25 on
    'extra == "1.0"',
    'sys_platform === "linux"',
    'python_version<"3.8"and os_name=="nt"',
    'python_version < "3.8" && os_name == "nt"',
    'python_version < "3.8"; os_name == "nt"',
    'python_version < "3 8"',
    "python_version < '3.8\"",
    'python_version < "3.8" # comment',
    'python_version <> "3.8"',
    'python_versions < "3.8"',
    'python_version\n< "3.8"',
]


@pytest.mark.parametrize("text", PLAIN)
def test_a_plain_marker_evaluates_as_packaging_evaluates_it(text: str) -> None:
    extras = [dict(e, extra=x) for e in ENVIRONMENTS[:5] for x in ("", "test", "open-telemetry")]
    assert _agrees(text, ENVIRONMENTS + extras)
    # In a whole environment, as the planner gives one, it answers itself.
    plain = plain_marker(text)
    assert plain is not None and all(
        plain.evaluate(e) is not None for e in ENVIRONMENTS if "release" not in text
    )


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_any_other_marker_is_left_to_packaging(text: str) -> None:
    assert plain_marker(text) is None


def test_a_variable_the_environment_lacks_is_left_to_packaging() -> None:
    """packaging takes it from the running interpreter: the plain reading does not guess."""
    plain = plain_marker('sys_platform == "linux" or python_version < "3.8"')
    assert plain is not None
    assert plain.evaluate({"python_version": "3.7"}) is None
    assert plain.evaluate({"python_version": "3.7", "sys_platform": None}) is None


@pytest.mark.parametrize(
    "changed",
    [
        {"python_full_version": "3.11.0+"},  # packaging repairs it to 3.11.0+local first
        {"python_full_version": None},
        {"extra": 3},
        {"extra": None},
    ],
)
def test_an_environment_packaging_changes_before_evaluating_is_left_to_it(
    changed: dict[str, object],
) -> None:
    env: dict[str, object] = {**marker_env("3.11", "linux-x86_64"), **changed}
    for text in ('python_full_version >= "3.11"', 'sys_platform == "linux"', 'extra == "a"'):
        plain = plain_marker(text)
        assert plain is not None and plain.evaluate(env) is None, (text, changed)


def test_a_comparison_packaging_cannot_make_holds_rather_than_ending_the_run() -> None:
    """``platform_release`` is ``""`` in the planner's environments: packaging 24 raises
    comparing it as a version (26 finds it admits nothing). The planner's markers and
    Requires-Dist lines hold then (a marker it cannot evaluate holds), and a Requires-Dist line
    packaging 24 refuses with another error than InvalidRequirement is left out."""
    assert marker_admits('platform_release >= "5"', "3.12") in (True, False)
    env = marker_env("3.12", "linux-x86_64")
    lines = ["x>=1; platform_release >= '5'", "y>=1; platform_release >= '5' or os_name == 'nt'"]
    assert {r.name for r in parse_requires_dist(lines, env, frozenset(), "")} <= {"x", "y"}
    assert parse_requires_dist(["x====,A.", "z>=1"], env, frozenset(), "")[-1].name == "z"


def test_the_planner_s_markers_answer_as_before() -> None:
    """marker_admits (the dependency files' markers) through the plain reading."""
    for text, python in itertools.product(PLAIN, PYTHONS):
        if "release" in text:
            continue
        env = {
            "implementation_name": "cpython",
            "platform_python_implementation": "CPython",
            "os_name": "posix",
            "sys_platform": "linux",
            "platform_system": "Linux",
            "platform_machine": "x86_64",
            "platform_release": "",
            "platform_version": "",
            "extra": "",
            "python_version": python.removesuffix("t"),
            "python_full_version": f"{python.removesuffix('t')}.0",
            "implementation_version": f"{python.removesuffix('t')}.0",
        }
        assert marker_admits(text, python) == Marker(text).evaluate(env), (text, python)


_VARIABLES = st.sampled_from(
    [
        "python_version",
        "python_full_version",
        "implementation_version",
        "platform_release",
        "extra",
        "extras",
        "sys_platform",
        "platform_system",
        "platform_machine",
        "os_name",
        "os.name",
        "implementation_name",
        "platform_python_implementation",
        "python_implementation",
        "platform_version",
        "dependency_groups",
    ]
)
_COMMON_VARIABLES = st.sampled_from(
    ["python_version", "python_full_version", "extra", "sys_platform"]
)
_VALUES = st.one_of(
    st.from_regex(r"[0-9]{1,2}(\.[0-9*]{1,2}){0,2}([ab]|rc|\.dev)?[0-9]?", fullmatch=True),
    st.sampled_from(["linux", "win32", "darwin", "Linux", "nt", "posix", "x86_64", "cpython"]),
    st.sampled_from(["test", "Open_Telemetry", "a.b", "v1", "1!2", "", " ", "3.8 "]),
    st.text(alphabet="aZ09._-*+! <>=", max_size=6),
)
_OPS = st.sampled_from(
    ["==", "==", "!=", "!=", "~=", "<=", ">=", "<", ">", "===", "in", "not in", "=", ""]
)
_WS = st.sampled_from(["", " ", "\t", "  "])


_VERSIONS = st.from_regex(r"[0-9]{1,2}(\.[0-9]{1,2}){0,2}(\.\*)?", fullmatch=True)
_WORDS = st.sampled_from(["linux", "win32", "darwin", "Linux", "nt", "x86_64", "test", "Pro_File"])


@st.composite
def _comparison(draw: st.DrawFn) -> str:
    """One comparison: two in three shaped as plain ones are, the rest anyhow."""
    quote = draw(st.sampled_from(['"', "'"]))
    if draw(st.integers(0, 2)):
        variable = draw(st.sampled_from(["python_version", "python_full_version", "extra"]))
        variable = draw(st.sampled_from([variable, "sys_platform", "platform_machine"]))
        if variable.startswith("python"):
            op = draw(st.sampled_from(["==", "!=", "<", "<=", ">", ">=", "~=", "==="]))
            value = draw(_VERSIONS)
        else:
            op, value = draw(st.sampled_from(["==", "!="])), draw(_WORDS)
        return variable + draw(_WS) + op + draw(_WS) + quote + value + quote
    value = f"{quote}{draw(_VALUES)}{quote}"
    variable = draw(st.one_of(_COMMON_VARIABLES, _VARIABLES))
    left, right = (value, variable) if draw(st.integers(0, 9)) == 0 else (variable, value)
    return left + draw(_WS) + draw(_OPS) + draw(_WS) + right


@st.composite
def _marker_like(draw: st.DrawFn) -> str:
    """Mostly well-formed markers, their pieces varied enough to be wrong now and then."""
    parts = []
    for i in range(draw(st.integers(1, 3))):
        if i:
            joins = [" and ", " or ", " and ", " or ", "and", " AND ", "\tor\t"]
            parts.append(draw(st.sampled_from(joins)))
        parts.append(draw(_comparison()))
    return draw(_WS) + "".join(parts) + draw(_WS)


@st.composite
def _environment(draw: st.DrawFn) -> dict[str, str]:
    env = dict(draw(st.sampled_from(ENVIRONMENTS)))
    env["extra"] = draw(st.sampled_from(["", "test", "Open.Telemetry", "1.0", "profiling"]))
    if draw(st.booleans()):
        env["platform_release"] = draw(st.sampled_from(["", "6.1.0", "5.15.0-1-generic"]))
    return env


@given(_marker_like(), st.lists(_environment(), min_size=1, max_size=4))
@example(
    'python_version ~= "3.12.0" or sys_platform == "win32"', [marker_env("3.12", "windows-x86")]
)
@example('python_version < "3.11"', [marker_env("3.10", "linux-x86_64")])
@example(
    'extra == "Open_Telemetry"', [dict(marker_env("3.12", "linux-x86_64"), extra="open.telemetry")]
)
def test_marker_like_strings_evaluate_alike(text: str, environments: list[dict[str, str]]) -> None:
    """(About half of these strings are plain: measured when this was written.)"""
    _agrees(text, environments)


_PLAIN_COMPARISONS = [
    'python_version >= "3.8"',
    "python_full_version<'3.11.*'",
    'extra == "Open_Telemetry"',
    "sys_platform != 'win32'",
]
_COMPARISONS = [
    *_PLAIN_COMPARISONS * 3,
    'platform_machine == "1.0"',
    'os.name == "nt"',
    '"a" in extras',
    'python_version < "3.x"',
]
_JOINS = [" and ", " or "] * 4 + ["and", " ", ";", " (", ") "]
_JUNK = ["(", ")", " ", "\t", '"', "'", "==", "python_version", "and ", "\n", "é"]


@st.composite
def _pieces(draw: st.DrawFn) -> str:
    """Comparisons joined anyhow, and now and then a piece slipped in anywhere."""
    parts = []
    for i in range(draw(st.integers(1, 4))):
        if i:
            parts.append(draw(st.sampled_from(_JOINS)))
        parts.append(draw(st.sampled_from(_COMPARISONS)))
    text = "".join(parts)
    if draw(st.integers(0, 3)) == 0:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(_JUNK)) + text[at:]
    return text


@given(_pieces())
@example('python_version >= "3.8" or extra == "a"')
def test_any_string_is_plain_only_where_packaging_agrees(text: str) -> None:
    """(About one in ten of these strings is plain, measured when this was written.)"""
    try:
        Marker(text)
    except InvalidMarker:
        assert plain_marker(text) is None
        return
    _agrees(text, ENVIRONMENTS[:10])


def test_a_long_near_miss_is_refused_in_linear_time() -> None:
    """Possessive patterns: a marker that almost matches costs one pass (this would take
    minutes if it backtracked)."""
    near_misses = [
        'python_version < "3.8"' + ' and python_version < "3.8"' * 3_000 + " and",
        "python_version" + " " * 60_000 + "<",
        'extra == "' + "a" * 60_000,
    ]
    for text in near_misses:
        assert plain_marker(text) is None


def _by_packaging(
    lines: list[str], env: Mapping[str, str], extras: frozenset[str]
) -> list[tuple[str, str, frozenset[str]]]:
    """Requires-Dist as packaging alone reads and filters it."""
    out = []
    for line in lines:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if req.marker is not None and not _holds(req.marker, env, extras):
            continue
        out.append((canonicalize_name(req.name), str(req.specifier), frozenset(req.extras)))
    return out


def _holds(marker: Marker, env: Mapping[str, str], extras: frozenset[str]) -> bool:
    """packaging's verdict; a comparison it cannot make holds (packaging 24 raises
    InvalidVersion comparing ``x86_64`` as a version: the planner keeps such a line)."""

    def one(e: dict[str, str]) -> bool:
        try:
            return marker.evaluate(e)
        except InvalidVersion:
            return True

    if extras:
        return any(one(dict(env, extra=x)) for x in extras)
    return one(dict(env))


def _ours(reqs: list[Req]) -> list[tuple[str, str, frozenset[str]]]:
    return [(r.name, str(r.specifier), r.extras) for r in reqs]


def test_ddtraces_requires_dist_is_read_as_packaging_reads_it() -> None:
    """Every Requires-Dist set of the shipped snapshot, on every CPython and platform, with
    and without extras."""
    sets = {tuple(r.requires_dist) for r in load_snapshot().releases if r.requires_dist}
    assert len(sets) > 20
    extras_cases = [frozenset(), frozenset({"profiling"}), frozenset({"opentracing", "openai"})]
    for lines, env, extras in itertools.product(sorted(sets), ENVIRONMENTS, extras_cases):
        assert _ours(parse_requires_dist(lines, env, extras, "")) == _by_packaging(
            list(lines), env, extras
        ), (lines, env, extras)


REQUIRES_DIST = [
    "bytecode>=0.13.0; python_version < '3.11'",
    'envier~=0.5; extra == "Profile"',
    "protobuf>=3; sys_platform == 'win32' or platform_machine == 'arm64'",
    "x[a,b] >= 1 ; python_version >= '3.8' and python_version < '3.13'",
    "y @ https://example.org/y.whl ; python_version < '3.8'",
    "z (>=1) ; os.name == 'nt'",
    "w>=1; python_version < '3.8' and",
    "v>=1;",
    "u>=1 ; platform_machine == '1.0'",
    "t",
]


@pytest.mark.parametrize("line", REQUIRES_DIST)
def test_any_requires_dist_line_is_read_as_packaging_reads_it(line: str) -> None:
    """(``platform_machine == '1.0'`` is compared as a version by packaging 24, which raises
    on ``x86_64``: the line is kept then, see :func:`_holds`.)"""
    for extras in (frozenset(), frozenset({"profile"})):

        def ours(env: dict[str, str], extras: frozenset[str] = extras) -> object:
            return _ours(parse_requires_dist([line], env, extras, ""))

        def theirs(env: dict[str, str], extras: frozenset[str] = extras) -> object:
            return _by_packaging([line], env, extras)

        for env in ENVIRONMENTS:
            assert _outcome(ours, env) == _outcome(theirs, env), (line, env, extras)
