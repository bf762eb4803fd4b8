"""Release snapshot rules: which wheels serve which CPython and platform; schema checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from advisor.errors import KnowledgeError
from advisor.knowledge.platforms import platform_id, served_by
from advisor.knowledge.releases import load_snapshot, parse_snapshot


def _doc(releases: dict[str, Any]) -> dict[str, Any]:
    base = {"requires_python": None, "yanked": False, "sdist": True, "wheels": {}, "requires_dist": None}
    return {"schema_version": 1, "project": "demo", "index_url": "x", "snapshot_date": "2026-11-24",
            "requires_dist_sets": [["envier==0.5.2"]],
            "releases": {v: {**base, **r} for v, r in releases.items()}}


SNAP = parse_snapshot(_doc({
    "1.0.0": {"wheels": {"cp38-abi3": ["linux-x86_64"]}},
    "1.1.0": {"wheels": {"py3": ["any"]}, "requires_dist": 0},
    "1.2.0": {"wheels": {"cp39": ["macos-universal2"]}},
    "1.3.0": {"wheels": {"cp315": ["musllinux-x86_64"]}, "requires_python": "<3.15,>=3.9"},
    "1.4.0": {"wheels": {"cp311": ["linux-x86_64"]}, "yanked": True, "yanked_reason": "oops"},
    "1.5.0rc1": {"wheels": {"cp311": ["linux-x86_64"]}},
}), "test")


@pytest.mark.parametrize(
    ("version", "python", "platform", "serves"),
    [
        ("1.0.0", "3.8", "linux-x86_64", True),    # abi3 built for 3.8
        ("1.0.0", "3.12", "linux-x86_64", True),   # abi3 serves later CPythons
        ("1.0.0", "3.7", "linux-x86_64", False),   # but not earlier ones
        ("1.0.0", "3.12", "linux-aarch64", False),
        ("1.1.0", "3.12", "windows-x86", True),    # a pure wheel serves everywhere
        ("1.2.0", "3.9", "macos-arm64", True),     # universal2 serves Apple Silicon
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


def test_requires_dist_shared_sets() -> None:
    release = SNAP.get("1.1.0")
    assert release is not None and release.requires_dist == ("envier==0.5.2",)
    assert [str(r.version) for r in SNAP.final()] == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]
    assert SNAP.newest is not None and str(SNAP.newest.version) == "1.3.0"


@pytest.mark.parametrize(
    ("tag", "pid"),
    [("manylinux_2_17_x86_64", "linux-x86_64"), ("manylinux2014_aarch64", "linux-aarch64"),
     ("musllinux_1_2_x86_64", "musllinux-x86_64"), ("macosx_11_0_arm64", "macos-arm64"),
     ("macosx_10_9_universal2", "macos-universal2"), ("win_amd64", "windows-amd64"), ("win32", "windows-x86"),
     ("win_arm64", "windows-arm64"), ("manylinux1_i686", "linux-i686"), ("any", "any"), ("macosx_10_9_fat", None)],
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
