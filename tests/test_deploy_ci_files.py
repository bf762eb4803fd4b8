"""The tox.ini and noxfile.py readers: the CPythons of a test matrix, one ``ci`` deployment
per file, read from ``fixtures/deploy/ci-files/`` and from files written here; hostile files
refused in one :class:`ManifestError` or read in time linear in their size."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.errors import ManifestError
from advisor.manifests.deploy.ci_files import (
    MAX_CI_BYTES,
    MAX_SESSIONS,
    MAX_TOX_ENVS,
    NOX_READER,
    TOX_READER,
)
from advisor.model.deployment import Deployment

CI = Path(__file__).resolve().parents[1] / "fixtures" / "deploy" / "ci-files"


def _tox(tmp_path: Path, text: str) -> tuple[Deployment, ...]:
    path = tmp_path / "tox.ini"
    path.write_text(text, encoding="utf-8")
    manifest = TOX_READER.read(path, "tox.ini")
    assert manifest.kind == "tox" and manifest.dependencies == ()
    return manifest.deployments


def _nox(tmp_path: Path, text: str) -> tuple[Deployment, ...]:
    path = tmp_path / "noxfile.py"
    path.write_text(text, encoding="utf-8")
    manifest = NOX_READER.read(path, "noxfile.py")
    assert manifest.kind == "nox" and manifest.dependencies == ()
    return manifest.deployments


def test_matches_by_name() -> None:
    assert TOX_READER.matches(Path("a/tox.ini"), b"")
    assert not TOX_READER.matches(Path("a/setup.cfg"), b"[tox:tox]\n")
    assert NOX_READER.matches(Path("noxfile.py"), b"")
    assert not NOX_READER.matches(Path("nox.py"), b"import nox\n")
    assert not TOX_READER.sniff(b"[tox]\nenvlist = py312\n")
    assert not NOX_READER.sniff(b"import nox\n")


def test_tox_fixture() -> None:
    manifest = TOX_READER.read(CI / "tox" / "tox.ini", "tox.ini")
    [d] = manifest.deployments
    assert (d.kind, d.file, d.line) == ("ci", "tox.ini", 6)
    # py3{10,11}; py{311,312}-django{42,50}; pypy3{10} skipped; py3.13t; then basepython.
    assert d.pythons == ("3.10", "3.11", "3.12", "3.13t", "3.9")
    assert d.platforms == () and d.env == () and d.ddtrace is None and d.findings == ()


@pytest.mark.parametrize(
    ("envlist", "pythons"),
    [
        ("py312", ("3.12",)),
        ("py3.12", ("3.12",)),
        ("3.11, py310", ("3.11", "3.10")),
        ("py38,py39", ("3.8", "3.9")),
        ("py3{10-13}", ("3.10", "3.11", "3.12", "3.13")),
        ("py{311,312}-django{42,50}", ("3.11", "3.12")),
        ("lint-py312, type", ("3.12",)),
        ("pypy3, pypy310, py3, py27, 310, django312", ()),
        ("py{env:PY:312}", ()),
        ("py3{10,11", ()),
        ("py310}", ()),
    ],
)
def test_tox_envlist(tmp_path: Path, envlist: str, pythons: tuple[str, ...]) -> None:
    found = _tox(tmp_path, f"[tox]\nenvlist = {envlist}\n")
    assert tuple(p for d in found for p in d.pythons) == pythons
    assert all(d.line == 2 for d in found)


def test_tox_reads_only_its_sections(tmp_path: Path) -> None:
    found = _tox(
        tmp_path,
        "[testenv]\n"
        "envlist = py39\n"
        "basepython = {env:PYTHON:python3.10}\n"
        "[other]\n"
        "basepython = python3.8\n"
        "[tox]\n"
        "; a comment\n"
        "env_list: py313\n",
    )
    [d] = found
    assert (d.pythons, d.line) == (("3.13",), 8)


def test_tox_without_pythons(tmp_path: Path) -> None:
    assert _tox(tmp_path, "[tox]\nenvlist = lint, docs\n") == ()
    assert _tox(tmp_path, "") == ()
    assert _tox(tmp_path, "not ini at all\n  [\n= =\n") == ()


def test_nox_fixture() -> None:
    [d] = NOX_READER.read(CI / "nox" / "noxfile.py", "noxfile.py").deployments
    assert (d.kind, d.file, d.line) == ("ci", "noxfile.py", 6)
    # PYTHONS (pypy skipped), "3.12" inline, LATEST again; python=False and the commented-out
    # decorator name nothing.
    assert d.pythons == ("3.10", "3.11", "3.12")


def test_nox_inline_lists_and_a_computed_constant() -> None:
    [d] = NOX_READER.read(CI / "nox-inline" / "noxfile.py", "noxfile.py").deployments
    # VERSIONS is a comprehension, not a literal list: it names nothing.
    assert (d.pythons, d.line) == (("3.13", "3.12"), 11)


@pytest.mark.parametrize(
    ("text", "pythons"),
    [
        ('@nox.session(python=("3.11",))\ndef t(s): ...\n', ("3.11",)),
        ("@nox.session(python='3.12.1')\ndef t(s): ...\n", ("3.12",)),
        ('@nox.session(python=["3.13t"])\ndef t(s): ...\n', ("3.13t",)),
        ('@nox.session(python=PY)\ndef t(s): ...\nPY = "3.10"\n', ("3.10",)),
        ('@nox.session(python=OTHER)\ndef t(s): ...\nOTHER = PYS\nPYS = ["3.9"]\n', ()),
        ('@nox.session(python=PYS[-1])\ndef t(s): ...\nPYS = ["3.9"]\n', ()),
        ('@nox.session(python=["3.11", *MORE])\ndef t(s): ...\n', ()),
        ('def f():\n    PYS = ["3.9"]\n@nox.session(python=PYS)\ndef t(s): ...\n', ()),
        ('@nox.session\ndef t(s): ...\n@nox.parametrize("python", ["3.9"])\n', ()),
        ('@nox.session(python="3.12"\n', ()),
    ],
)
def test_nox_values(tmp_path: Path, text: str, pythons: tuple[str, ...]) -> None:
    found = _nox(tmp_path, text)
    assert tuple(p for d in found for p in d.pythons) == pythons


def test_nox_file_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = (
        f"open({str(marker)!r}, 'w').close()\n"
        "import nox\n"
        '@nox.session(python=["3.12"])\n'
        "def tests(session): ...\n"
    )
    [d] = _nox(tmp_path, text)
    assert d.pythons == ("3.12",)
    assert not marker.exists()


# --- hostile files -------------------------------------------------------------------------


@pytest.mark.parametrize("reader", [TOX_READER, NOX_READER], ids=["tox", "nox"])
def test_large_files_are_refused(tmp_path: Path, reader: object) -> None:
    name = "tox.ini" if reader is TOX_READER else "noxfile.py"
    path = tmp_path / name
    path.write_text("#" * (MAX_CI_BYTES + 1), encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        TOX_READER.read(path, name) if reader is TOX_READER else NOX_READER.read(path, name)
    assert info.value.code == "file-too-large"


def test_tox_expansion_is_bounded(tmp_path: Path) -> None:
    with pytest.raises(ManifestError) as info:
        _tox(tmp_path, "[tox]\nenvlist =\n    lint\n    " + "{a,b}" * 40 + "\n")
    assert (info.value.code, info.value.line) == ("file-too-large", 4)
    assert str(MAX_TOX_ENVS) in info.value.message
    # A long entry is taken as written, not expanded.
    found = _tox(tmp_path, "[tox]\nenvlist = py312-" + "{a,b}" * 100_000 + "\n")
    assert [d.pythons for d in found] == [("3.12",)]


def test_tox_hostile_lines(tmp_path: Path) -> None:
    text = (
        "[tox]\nenvlist = "
        + "py312," * 5_000
        + "-" * 400_000
        + ","
        + "{" * 100_000
        + "\n"
        + "x\n" * 150_000
    )
    [d] = _tox(tmp_path, text)
    assert d.pythons == ("3.12",)


def test_nox_sessions_are_bounded(tmp_path: Path) -> None:
    text = '@nox.session(python="3.12")\n' * (MAX_SESSIONS + 1)
    with pytest.raises(ManifestError) as info:
        _nox(tmp_path, text)
    assert (info.value.code, info.value.line) == ("file-too-large", MAX_SESSIONS + 1)


@pytest.mark.parametrize(
    "text",
    [
        "@session(" + "(" * 500_000,
        "@session(python=[" + '"3.12", ' * 100_000 + "]",
        "@session(python=" + "'" * 500_000,
        "PYS = [" + "[" * 500_000 + "\n@session(python=PYS)\n",
        "@session(python=" + "A" * 500_000,
    ],
    ids=["open-parens", "long-list", "quotes", "deep-list", "long-name"],
)
def test_nox_hostile_text(tmp_path: Path, text: str) -> None:
    assert _nox(tmp_path, text) == ()
