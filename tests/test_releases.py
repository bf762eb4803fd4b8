"""Release snapshot rules: which wheels serve which CPython and platform; schema checks."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from packaging.specifiers import InvalidSpecifier, SpecifierSet

from advisor.errors import KnowledgeError
from advisor.knowledge.releases import load_snapshot
from advisor.model.markers import marker_admits
from advisor.model.platforms import platform_id, served_by
from advisor.model.release import parse_python, parse_snapshot, python_minor_admitted


def _doc(releases: dict[str, Any]) -> dict[str, Any]:
    """A schema 2 document; a release's ``wheels`` may be given as a mapping, which goes to
    ``wheel_sets`` (equal mappings share one entry) and is replaced by its index."""
    base: dict[str, Any] = {
        "requires_python": None,
        "yanked": False,
        "sdist": True,
        "wheels": {},
        "requires_dist": None,
    }
    wheel_sets: list[dict[str, list[str]]] = []
    entries = {}
    for v, r in releases.items():
        entry = {**base, **r}
        if isinstance(entry["wheels"], dict):
            if entry["wheels"] not in wheel_sets:
                wheel_sets.append(entry["wheels"])
            entry["wheels"] = wheel_sets.index(entry["wheels"])
        entries[v] = entry
    return {
        "schema_version": 2,
        "project": "demo",
        "index_url": "x",
        "snapshot_date": "2026-11-24",
        "requires_dist_sets": [["envier==0.5.2"]],
        "wheel_sets": wheel_sets,
        "releases": entries,
    }


SNAP = parse_snapshot(
    _doc(
        {
            "1.0.0": {"wheels": {"cp38-abi3": ["linux-x86_64"]}},
            "1.1.0": {"wheels": {"py3": ["any"]}, "requires_dist": 0},
            "1.2.0": {"wheels": {"cp39": ["macos-universal2"]}},
            "1.3.0": {"wheels": {"cp315": ["musllinux-x86_64"]}, "requires_python": "<3.15,>=3.9"},
            "1.4.0": {
                "wheels": {"cp311": ["linux-x86_64"]},
                "yanked": True,
                "yanked_reason": "oops",
            },
            "1.5.0rc1": {"wheels": {"cp311": ["linux-x86_64"]}},
        }
    ),
    "test",
)


@pytest.mark.parametrize(
    ("version", "python", "platform", "serves"),
    [
        ("1.0.0", "3.8", "linux-x86_64", True),  # abi3 built for 3.8
        ("1.0.0", "3.12", "linux-x86_64", True),  # abi3 serves later CPythons
        ("1.0.0", "3.7", "linux-x86_64", False),  # but not earlier ones
        ("1.0.0", "3.12", "linux-aarch64", False),
        ("1.1.0", "3.12", "windows-x86", True),  # a pure wheel serves everywhere
        ("1.2.0", "3.9", "macos-arm64", True),  # universal2 serves Apple Silicon
        ("1.2.0", "3.9", "macos-x86_64", True),
        ("1.2.0", "3.9", "linux-x86_64", False),
        ("1.3.0", "3.15", "musllinux-x86_64", False),  # requires-python wins over the wheel
        ("1.4.0", "3.11", "linux-x86_64", False),  # yanked
        ("1.5.0rc1", "3.11", "linux-x86_64", False),  # pre-release
    ],
)
def test_serves(version: str, python: str, platform: str, serves: bool) -> None:
    release = SNAP.get(version)
    assert release is not None
    assert release.serves(python, platform) is serves


FREE_THREADED = parse_snapshot(
    _doc(
        {
            "1.0.0": {"wheels": {"cp38-abi3": ["linux-x86_64"]}},
            "1.1.0": {"wheels": {"py3": ["any"]}, "requires_python": ">=3.9"},
            "1.2.0": {"wheels": {"cp313": ["linux-aarch64"], "cp313t": ["linux-x86_64"]}},
            "1.3.0": {"wheels": {"cp313": ["linux-x86_64"]}, "requires_python": "<3.13"},
        }
    ),
    "test",
)


@pytest.mark.parametrize(
    ("version", "python", "platform", "serves"),
    [
        ("1.0.0", "3.13t", "linux-x86_64", False),  # no stable ABI on a free-threaded build
        ("1.1.0", "3.13t", "windows-x86", True),  # a pure wheel serves it
        ("1.2.0", "3.13t", "linux-x86_64", True),  # cp313t
        ("1.2.0", "3.13", "linux-x86_64", False),  # a cp313t wheel is not for the GIL build
        ("1.2.0", "3.13t", "linux-aarch64", False),  # nor cp313 for the free-threaded one
        ("1.3.0", "3.13t", "linux-x86_64", False),  # requires-python sees 3.13
    ],
)
def test_serves_free_threaded(version: str, python: str, platform: str, serves: bool) -> None:
    release = FREE_THREADED.get(version)
    assert release is not None
    assert release.serves(python, platform) is serves


def test_free_threaded_python_reads_as_its_minor() -> None:
    release = FREE_THREADED.get("1.1.0")
    assert release is not None
    assert release.admits_python("3.13t") and not release.admits_python("3.8t")
    assert python_minor_admitted(">=3.13", "3.13t")
    assert marker_admits('python_version >= "3.13"', "3.13t")
    assert not marker_admits('python_full_version < "3.13.0"', "3.13t")
    assert parse_python("3.13t") == (3, 13, True) and parse_python("3.12") == (3, 12, False)
    for bad in ("3", "3.t", "t", "3.13tt", "x.y"):
        assert parse_python(bad) is None, bad
        assert release.has_wheel(bad, "linux-x86_64") is False


def test_requires_dist_shared_sets() -> None:
    release = SNAP.get("1.1.0")
    assert release is not None and release.requires_dist == ("envier==0.5.2",)
    assert [str(r.version) for r in SNAP.final()] == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]
    assert SNAP.newest is not None and str(SNAP.newest.version) == "1.3.0"


@pytest.mark.parametrize(
    ("tag", "pid"),
    [
        ("manylinux_2_17_x86_64", "linux-x86_64"),
        ("manylinux2014_aarch64", "linux-aarch64"),
        ("musllinux_1_2_x86_64", "musllinux-x86_64"),
        ("macosx_11_0_arm64", "macos-arm64"),
        ("macosx_10_9_universal2", "macos-universal2"),
        ("win_amd64", "windows-amd64"),
        ("win32", "windows-x86"),
        ("win_arm64", "windows-arm64"),
        ("manylinux1_i686", "linux-i686"),
        ("any", "any"),
        ("macosx_10_9_fat", None),
    ],
)
def test_platform_ids(tag: str, pid: str | None) -> None:
    assert platform_id(tag) == pid


def test_served_by_macos() -> None:
    assert served_by("macos-arm64") == {"macos-arm64", "macos-universal2", "any"}
    assert served_by("linux-x86_64") == {"linux-x86_64", "any"}


def test_schema_errors_collected() -> None:
    doc = _doc({"1.0.0": {"requires_python": ">=>3"}, "bogus!": {}})
    with pytest.raises(KnowledgeError) as err:
        parse_snapshot(doc, "snap.json")
    assert "releases.1.0.0" in err.value.render() and "releases.bogus!" in err.value.render()


def test_schema_version_checked(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({**_doc({}), "schema_version": 99}))
    with pytest.raises(KnowledgeError, match="schema_version 99"):
        load_snapshot(str(path))
    path.write_text("{not json")
    with pytest.raises(KnowledgeError, match="not valid JSON"):
        load_snapshot(str(path))


def test_schema_version_1_refused(tmp_path: Path) -> None:
    # Version 1 kept each release's wheel mapping inline; it is not read any more.
    v1 = {
        "schema_version": 1,
        "project": "demo",
        "index_url": "x",
        "snapshot_date": "2026-11-24",
        "requires_dist_sets": [],
        "releases": {
            "1.0.0": {
                "requires_python": None,
                "yanked": False,
                "sdist": True,
                "wheels": {"py3": ["any"]},
                "requires_dist": None,
            }
        },
    }
    path = tmp_path / "s.json"
    path.write_text(json.dumps(v1))
    with pytest.raises(KnowledgeError, match="schema_version 1 is not 2") as err:
        load_snapshot(str(path))
    assert err.value.code == "snapshot-schema"


@pytest.mark.parametrize(
    ("wheels", "message"),
    [
        (3, "wheels 3 is not an index into wheel_sets (3 sets)"),
        (-1, "wheels -1 is not an index"),  # not counted from the end
        (True, "wheels True is not an index"),  # a bool is not an index, though an int
        (False, "wheels False is not an index"),
        (None, "wheels None is not an index"),
        ("0", "wheels '0' is not an index"),
        (1.0, "wheels 1.0 is not an index"),
        ({"py3": ["any"]}, "is not an index"),  # the schema 1 inline mapping
        ("missing", "wheels: missing"),
    ],
)
def test_bad_wheels_index_names_the_version(wheels: Any, message: str) -> None:
    doc = _doc(
        {
            "1.0.0": {"wheels": {"py3": ["any"]}},
            "1.1.0": {"wheels": {"cp311": ["linux-x86_64"]}},
            "2.0.0": {},
        }
    )
    assert len(doc["wheel_sets"]) == 3  # so True, False and -1 would each pick a real set
    if wheels == "missing":
        del doc["releases"]["2.0.0"]["wheels"]
    else:
        doc["releases"]["2.0.0"]["wheels"] = wheels
    with pytest.raises(KnowledgeError, match=r"releases\.2\.0\.0: ") as err:
        parse_snapshot(doc, "snap.json")
    assert err.value.code == "snapshot-invalid"
    assert message in err.value.render() and "releases.1." not in err.value.render()


@pytest.mark.parametrize(
    ("wheel_sets", "message"),
    [
        ({"py3": ["any"]}, "wheel_sets: not a list"),
        ([["py3", "any"]], "wheel_sets[0]: not an object"),
        ([{"py3": "any"}], "wheel_sets[0]: py3: not a list of platform strings"),
        ([{"py3": ["any", 3]}], "wheel_sets[0]: py3: not a list of platform strings"),
    ],
)
def test_bad_wheel_sets_refused(wheel_sets: Any, message: str) -> None:
    doc = _doc({"1.0.0": {"wheels": {"py3": ["any"]}}})
    doc["wheel_sets"] = wheel_sets
    with pytest.raises(KnowledgeError) as err:
        parse_snapshot(doc, "snap.json")
    assert message in err.value.render() and "releases.1.0.0" in err.value.render()


def test_releases_sharing_a_wheel_set() -> None:
    coverage = {"cp311": ["linux-x86_64", "macos-arm64"], "py3": ["any"]}
    doc = _doc(
        {
            "1.0.0": {"wheels": coverage},
            "1.1.0": {"wheels": {"cp312": ["linux-x86_64"]}},
            "1.2.0": {"wheels": dict(coverage)},
            "1.3.0": {},
        }
    )
    assert len(doc["wheel_sets"]) == 3  # 1.0.0 and 1.2.0 share one; 1.3.0 has none
    assert doc["releases"]["1.0.0"]["wheels"] == doc["releases"]["1.2.0"]["wheels"] == 0
    snap = parse_snapshot(doc, "test")
    a, b, c, none = (snap.get(v) for v in ("1.0.0", "1.2.0", "1.1.0", "1.3.0"))
    assert a is not None and b is not None and c is not None and none is not None
    expected = {"cp311": frozenset({"linux-x86_64", "macos-arm64"}), "py3": frozenset({"any"})}
    assert a.wheels == b.wheels == expected and c.wheels != a.wheels and dict(none.wheels) == {}
    assert replace(b, version=a.version) == a
    assert a.wheels is b.wheels  # built once, shared
    assert a.has_wheel("3.11", "macos-arm64") and b.has_wheel("3.11", "macos-arm64")
    assert a.has_wheel("3.13", "windows-amd64")  # the pure wheel
    assert not none.has_wheel("3.11", "linux-x86_64")
    with pytest.raises(TypeError):
        a.wheels["cp311"] = frozenset()  # type: ignore[index]  # read-only: shared


def test_shipped_snapshot_shares_wheel_sets() -> None:
    snap = load_snapshot()
    distinct = {id(r.wheels) for r in snap.releases}
    assert len(distinct) < 100 < len(snap.releases)


def test_shipped_snapshot_facts() -> None:
    snap = load_snapshot()
    assert snap.project == "ddtrace"
    yanked = {str(r.version) for r in snap.releases if r.yanked}
    assert yanked == {"1.9.1", "3.12.1", "3.12.2", "3.12.3", "3.12.4"}
    r = snap.get("4.11.0")
    assert r is not None and "cp315" in r.wheels and not r.serves("3.15", "musllinux-x86_64")
    assert len(snap.releases) >= 860


def test_missing_snapshot_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="cannot read the release snapshot"):
        load_snapshot(str(tmp_path / "nope.json"))


_OPERATORS = (">=", ">", "<=", "<", "==", "!=", "~=")
_SUFFIXES = ("", "", "", "rc1", ".post1", ".dev0", "a2", ".post2.dev1")


@st.composite
def _specifier(draw: st.DrawFn) -> str:
    """One specifier on a version near CPython 3.8-3.12: of that X.Y or another, 2 to 4 release
    components, a pre, post or dev part, a wildcard where one is allowed."""
    operator = draw(st.sampled_from(_OPERATORS))
    minor = draw(st.integers(7, 13))
    parts = [3, minor, *draw(st.lists(st.integers(0, 101), min_size=0, max_size=2))]
    if operator == "~=" and len(parts) < 2:
        parts.append(0)
    version = ".".join(map(str, parts))
    if operator in ("==", "!=") and draw(st.booleans()):
        return f"{operator}{version}.*"
    return f"{operator}{version}{draw(st.sampled_from(_SUFFIXES))}"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_specifier(), min_size=1, max_size=3),
    st.integers(8, 12),
    st.sampled_from(("", "t")),
)
def test_python_minor_admitted_asks_the_patch_levels_that_decide(
    specifiers: list[str], minor: int, threaded: str
) -> None:
    """The patch levels asked (:func:`advisor.model.release._patches`) give the answer asking
    every one of X.Y.0 to X.Y.99 gives."""
    try:
        spec = SpecifierSet(",".join(specifiers))
    except InvalidSpecifier:  # ~=3.9.1.* and the like
        return
    python = f"3.{minor}{threaded}"
    every = any(spec.contains(f"3.{minor}.{z}", prereleases=False) for z in range(100))
    assert python_minor_admitted.__wrapped__(spec, python) is every


def test_a_wheel_serves_when_its_interpreter_matches_and_its_platforms_meet() -> None:
    """``has_wheel`` over the shipped snapshot, every CPython kind and user platform: some
    wheel entry's interpreter key matches and its platform set shares an id with those the
    platform is served by (the check asks without building the intersection)."""
    from advisor.model.platforms import USER_PLATFORMS
    from advisor.model.release import _interpreter_matches

    asked = 0
    for one in load_snapshot().releases:
        for python in ("2.7", "3.8", "3.12", "3.13t", "3.15", "x"):
            parsed = parse_python(python)
            for platform in USER_PLATFORMS:
                expected = parsed is not None and any(
                    _interpreter_matches(interp, *parsed) and served_by(platform) & ids
                    for interp, ids in one.wheels.items()
                )
                assert one.has_wheel(python, platform) is expected, (one.version, python)
                asked += expected
    assert asked > 1000
