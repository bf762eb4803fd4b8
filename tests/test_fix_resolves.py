"""What ``--fix`` writes resolves with a real resolver on every CPython in scope (issue 14).

Each file is compiled with ``uv pip compile --python-version X.Y`` for every CPython, on Linux
x86_64, against ``tests/data/uv-index`` served on 127.0.0.1 (recorded from the live index by
``tools/record_uv_index.py``); ``tests/uvcompile.py`` holds the one command line. pip cannot
resolve for a CPython it does not run on, so uv (the ``test`` extra's) is the resolver; these
tests are skipped when it is not installed.

Rule 1: a project allowing CPython 3.8 (``requires-python = ">=3.8"``) that asks for API
Security (ddtrace 4.6.0, Python >=3.9,<3.15) gets a split, ``ddtrace==4.6.0`` from 3.9 on and
its own pin for 3.8; 3.15 is left out, no release serves it.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests._helpers import OFFLINE, ROOT, project_json, run_cli
from tests.indexserver import LocalIndex
from tests.uvcompile import DATA, EXPECTED, PYTHONS, SCENARIOS, Scenario, compile_each, pins

FIXTURE = ROOT / "fixtures" / "split-py38" / "pyproject.toml"


@pytest.fixture
def uv_index() -> Iterator[LocalIndex]:
    """The recorded index of rule 1's resolutions, running; every request it answered must
    have been for something recorded."""
    with LocalIndex(root=DATA) as index:
        yield index
    assert [(r.path, r.status) for r in index.requests if r.status >= 400] == []


def _resolved(runs: dict[str, subprocess.CompletedProcess[str]]) -> dict[str, str | None]:
    """The ddtrace each run resolved to; every run must have succeeded."""
    failed = {python: run.stderr for python, run in runs.items() if run.returncode != 0}
    assert failed == {}, "uv pip compile failed:\n" + "\n".join(
        f"CPython {python}:\n{err}" for python, err in failed.items()
    )
    return {python: pins(run.stdout).get("ddtrace") for python, run in runs.items()}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.filename)
def test_the_expected_split_resolves_on_every_cpython(
    tmp_path: Path, uv: str, uv_index: LocalIndex, scenario: Scenario
) -> None:
    # Rule 1's answer written by hand: proves the recorded index and the uv command line now,
    # whatever the planner does.
    path = tmp_path / "project" / scenario.filename
    path.parent.mkdir()
    path.write_text(scenario.text)
    runs = compile_each(uv, path, scenario.pythons, uv_index.url, tmp_path / "cache")
    assert _resolved(runs) == EXPECTED


def test_one_pin_for_every_cpython_fails_on_3_8(
    tmp_path: Path, uv: str, uv_index: LocalIndex
) -> None:
    # The check has teeth: ddtrace 4.6.0 alone (no split) does not resolve for CPython 3.8.
    path = tmp_path / "project" / "requirements.txt"
    path.parent.mkdir()
    path.write_text("ddtrace==4.6.0\n")
    runs = compile_each(uv, path, ("3.8", "3.9"), uv_index.url, tmp_path / "cache")
    assert runs["3.8"].returncode != 0 and "ddtrace" in runs["3.8"].stderr, runs["3.8"]
    assert pins(runs["3.9"].stdout).get("ddtrace") == "4.6.0", runs["3.9"].stderr


def test_fix_then_uv_pip_compile_resolves_on_every_cpython(
    tmp_path: Path, uv: str, uv_index: LocalIndex
) -> None:
    # The acceptance test of issue 14: --fix, then a real resolution of the fixed file for
    # every CPython the report's split serves, each to the ddtrace the split names for it.
    project = tmp_path / "project" / "pyproject.toml"
    project.parent.mkdir()
    shutil.copyfile(FIXTURE, project)
    report = run_cli(str(project), *OFFLINE, "--format", "json")
    assert report.returncode == 1 and "Traceback" not in report.stderr, report.stderr
    advice = project_json(report.stdout)
    assert advice["python"]["versions"] == [*PYTHONS, "3.15"]
    recommendation = advice["recommendation"]
    assert recommendation["status"] == "split", recommendation
    split = {
        python: group["ddtrace"] for group in recommendation["split"] for python in group["pythons"]
    }
    assert split == EXPECTED  # 3.8 keeps its pin, 3.9 to 3.14 get 4.6.0, 3.15 is left out

    fixed = run_cli(str(project), *OFFLINE, "--fix")
    assert fixed.returncode == 1 and "Traceback" not in fixed.stderr, fixed.stderr
    assert project.read_bytes() != FIXTURE.read_bytes()
    runs = compile_each(uv, project, list(split), uv_index.url, tmp_path / "cache")
    assert _resolved(runs) == split, project.read_text()
