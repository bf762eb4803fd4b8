"""A file's version on a project page: the same as packaging's parse of the whole file name.

:func:`advisor.index.simple._wheel_version` parses each name, build and version string once (the
compatibility tags are most of the cost and never decide the version), and
:func:`advisor.index.simple._sdist_parts` each version string; held here to
``parse_wheel_filename`` and ``parse_sdist_filename`` on recorded pages, odd names and generated
ones.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version

from advisor.index import simple

DATA = Path(__file__).parent / "data"


def _reference(filename: str) -> Version | None:
    try:
        return parse_wheel_filename(filename)[1]
    except (InvalidWheelFilename, ValueError):
        return None


def _ours(filename: str) -> Version | None:
    try:
        return simple._wheel_version(filename)
    except (InvalidWheelFilename, ValueError):
        return None


def _recorded_wheels() -> list[str]:
    names = []
    for page in sorted(DATA.rglob("*.json")):
        try:
            doc = json.loads(page.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(doc, dict) and isinstance(doc.get("files"), list):
            names += [
                f["filename"]
                for f in doc["files"]
                if isinstance(f, dict) and str(f.get("filename", "")).endswith(".whl")
            ]
    return names


def test_every_recorded_wheel_has_the_version_packaging_gives() -> None:
    names = _recorded_wheels()
    assert len(names) > 100
    assert [_ours(n) for n in names] == [_reference(n) for n in names]


@pytest.mark.parametrize(
    "filename",
    [
        "ddtrace-2.21.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "ddtrace-2.21.4-1-cp312-cp312-win_amd64.whl",  # a build tag
        "ddtrace-2.21.4-x-cp312-cp312-win_amd64.whl",  # a build tag not starting with a digit
        "ddtrace-not.a.version-py3-none-any.whl",
        "dd__trace-1.0-py3-none-any.whl",
        "ddtrace-1.0-py3-none.whl",  # too few parts
        "a-b-c-d-e-f-g.whl",  # too many
        "ddtrace-1.0-py3-none-any-.whl",
        "ddtrace-1.0rc1.post2.dev3-py2.py3-none-any.whl",
    ],
)
def test_odd_names(filename: str) -> None:
    assert _ours(filename) == _reference(filename)


_PART = st.text(alphabet="abc019._+!-", min_size=0, max_size=8)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_PART, min_size=1, max_size=7))
def test_generated_names(parts: list[str]) -> None:
    filename = "-".join(parts) + ".whl"
    assert _ours(filename) == _reference(filename)


def _sdist_reference(filename: str) -> Version | None:
    try:
        return parse_sdist_filename(filename)[1]
    except (InvalidSdistFilename, ValueError):
        return None


def _sdist_ours(filename: str) -> Version | None:
    try:
        version, text = simple._sdist_parts(filename)
    except (InvalidSdistFilename, ValueError):
        return None
    assert text == str(version)
    return version


@pytest.mark.parametrize(
    "filename",
    [
        "ddtrace-2.21.4.tar.gz",
        "ddtrace-2.21.4.zip",
        "dd-trace-1.0rc1.tar.gz",
        "ddtrace.tar.gz",  # no dash
        "-1.0.tar.gz",  # no name
        "ddtrace-not.a.version.tar.gz",
        "ddtrace-1.0.tgz",
        "ddtrace-1.0.tar.gz.zip",
        "ddtrace-1.0-.zip",
    ],
)
def test_odd_sdist_names(filename: str) -> None:
    assert _sdist_ours(filename) == _sdist_reference(filename)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(_PART, min_size=1, max_size=4),
    suffix=st.sampled_from([".tar.gz", ".zip", ".whl", ""]),
)
def test_generated_sdist_names(parts: list[str], suffix: str) -> None:
    filename = "-".join(parts) + suffix
    assert _sdist_ours(filename) == _sdist_reference(filename)
