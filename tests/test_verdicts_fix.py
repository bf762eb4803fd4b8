"""Issue 14 through the writers: the rule-1 split in --write-constraints and the Markdown report,
and rule 5's range suggestion, which --fix applies without moving what the pins or locks hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.frontends.cli import main
from tests._helpers import OFFLINE, project_json

PY38 = """[project]
name = "svc"
version = "1.0"
requires-python = ">=3.8"
dependencies = ["ddtrace==3.19.9"]
"""

UV_LOCK = """version = 1
revision = 3
requires-python = ">=3.12"

[[package]]
name = "ddtrace"
version = "4.10.5"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "svc"
version = "1.0"
source = { virtual = "." }
dependencies = [{ name = "ddtrace" }]
"""


def _pyproject(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_split_in_constraints_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _pyproject(tmp_path, PY38)
    constraints = tmp_path / "constraints.txt"
    code = main(
        [str(path), *OFFLINE, "--format", "markdown", "--write-constraints", str(constraints)]
    )
    assert code == 1
    md = capsys.readouterr().out
    assert "split ddtrace by Python version: 3.19.9 for CPython 3.8" in md
    assert '\\==4.6.0; python\\_version &gt;= "3.9"' in md  # the moving arm, in the change set
    assert "API Security stays off on CPython 3.8" in md
    lines = constraints.read_text(encoding="utf-8").splitlines()
    assert 'ddtrace==3.19.9; python_version < "3.9"' in lines
    assert 'ddtrace==4.6.0; python_version >= "3.9"' in lines
    assert path.read_text(encoding="utf-8") == PY38  # a report and an overlay, not an edit


def test_split_json_names_what_stays_off(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _pyproject(tmp_path, PY38)
    assert main([str(path), *OFFLINE, "--format", "json"]) == 1
    rec = project_json(capsys.readouterr().out)["recommendation"]
    assert rec["split"][0] == {
        "marker": 'python_version < "3.9"',
        "pythons": ["3.8"],
        "ddtrace": "3.19.9",
        "capabilities_off": ["API Security"],
    }
    assert rec["split"][1]["capabilities_off"] == []
    # Only the arm that moves is a change; 3.8 keeps its pin.
    assert [c["to"] for c in rec["changes"]] == ["4.6.0"]


def test_range_suggestion_is_ok_and_fix_raises_it_keeping_the_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _pyproject(
        tmp_path,
        '[project]\nname = "svc"\nversion = "1.0"\nrequires-python = ">=3.12"\n'
        'dependencies = ["ddtrace>=3.16"]\n',
    )
    (tmp_path / "uv.lock").write_text(UV_LOCK, encoding="utf-8")
    args = [str(path), str(tmp_path / "uv.lock"), *OFFLINE, "--python", "3.12"]
    assert main([*args, "--format", "json"]) == 0
    report = project_json(capsys.readouterr().out)
    rec = report["recommendation"]
    assert rec["status"] == "ok" and rec["ddtrace"] == "4.10.5"
    assert [s["to_specifier"] for s in rec["suggestions"]] == [">=4.6.0"]
    assert "range-below-floor" in {f["id"] for f in report["findings"]}
    assert main([*args, "--diff"]) == 1
    captured = capsys.readouterr()
    assert '-dependencies = ["ddtrace>=3.16"]' in captured.out
    assert '+dependencies = ["ddtrace>=4.6.0"]' in captured.out
    # The lock goes stale (it records the requirement) and is re-locked on what it holds.
    assert "uv lock --upgrade-package ddtrace==4.10.5" in captured.err
    assert "ddtrace==4.6.0" not in captured.err


def test_range_beside_a_pin_in_one_file_is_left_to_the_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==4.10.5\n", encoding="utf-8")
    path = _pyproject(
        tmp_path,
        '[project]\nname = "svc"\nversion = "1.0"\ndependencies = ["ddtrace>=3.16"]\n\n'
        '[tool.uv]\nconstraint-dependencies = ["ddtrace==4.10.5"]\n',
    )
    before = path.read_text(encoding="utf-8")
    assert main([str(path), str(req), *OFFLINE, "--python", "3.12", "--fix"]) == 1
    err = capsys.readouterr().err
    assert "raise the range to >=4.6.0 by hand" in err
    assert path.read_text(encoding="utf-8") == before  # the pin is never moved down to the floor


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("ddtrace>=2.0\n", "aap-advise: raise ddtrace>=2.0 -> >=4.6.0"),
        ("ddtrace\n", "aap-advise: raise ddtrace (any version) -> >=4.6.0"),
    ],
)
def test_a_low_range_without_pin_is_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, headline: str
) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text(text, encoding="utf-8")
    assert main([str(req), *OFFLINE, "--python", "3.12"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == headline


def test_ok_on_a_lock_split_by_marker_keeps_each_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text(
        'ddtrace==3.19.7; python_version < "3.10"\nddtrace==4.7.1; python_version >= "3.10"\n',
        encoding="utf-8",
    )
    constraints = tmp_path / "constraints.txt"
    args = [str(req), "--offline", "--today", "2026-11-24", "-c", "rasp", "--python", ">=3.8,<3.15"]
    assert main([*args, "--write-constraints", str(constraints)]) == 0
    assert capsys.readouterr().out.startswith(
        "aap-advise: ok: ddtrace 3.19.7 (CPython 3.8, 3.9) and 4.7.1 (CPython 3.10, "
    )
    lines = constraints.read_text(encoding="utf-8").splitlines()
    # Never one pin for every CPython: 4.7.1 has no cp38 wheel, 3.19.7 is not what 3.10+ run.
    assert lines[-2:] == [
        'ddtrace==3.19.7; python_version < "3.10"',
        'ddtrace==4.7.1; python_version >= "3.10"',
    ]


@pytest.mark.parametrize(
    ("name", "text", "moved"),
    [
        (
            "requirements.txt",
            'ddtrace==3.19.9; python_version < "3.9"\nddtrace==4.0.0; python_version >= "3.9"\n',
            'ddtrace==3.19.9; python_version < "3.9"\nddtrace==4.6.0; python_version >= "3.9"\n',
        ),
        (
            "pyproject.toml",
            '[project]\nname = "svc"\nversion = "1"\nrequires-python = ">=3.8"\n'
            "dependencies = [\"ddtrace==3.19.9; python_version < '3.9'\", "
            "\"ddtrace==4.0.0; python_version >= '3.9'\"]\n",
            '[project]\nname = "svc"\nversion = "1"\nrequires-python = ">=3.8"\n'
            "dependencies = [\"ddtrace==3.19.9; python_version < '3.9'\", "
            "\"ddtrace==4.6.0; python_version >= '3.9'\"]\n",
        ),
    ],
)
def test_a_split_already_written_is_moved_arm_by_arm(
    tmp_path: Path, name: str, text: str, moved: str
) -> None:
    """Declarations whose markers never reach the same CPython are not ambiguous: the arm that
    must move moves, the other stays (a split --fix wrote can be fixed again later)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main([str(path), *OFFLINE, "--python", ">=3.8,<3.15", "--fix"]) == 1
    assert path.read_text(encoding="utf-8") == moved


def test_overlapping_declarations_stay_ambiguous(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "requirements.txt"
    text = 'ddtrace==3.19.9; python_version < "3.11"\nddtrace==4.0.0; python_version >= "3.9"\n'
    path.write_text(text, encoding="utf-8")
    assert main([str(path), *OFFLINE, "--python", ">=3.8,<3.15", "--fix"]) == 2
    assert "ambiguous" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text


def test_fix_raises_a_bounded_range_keeping_its_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "requirements.in").write_text("ddtrace>=3.16,<5\n", encoding="utf-8")
    (tmp_path / "requirements.txt").write_text("ddtrace==4.10.5\n", encoding="utf-8")
    args = [str(tmp_path / "requirements.in"), str(tmp_path / "requirements.txt"), *OFFLINE]
    assert main([*args, "--python", ">=3.9,<3.15", "--fix"]) == 1
    assert (tmp_path / "requirements.in").read_text(encoding="utf-8") == "ddtrace>=4.6.0,<5\n"
    assert (tmp_path / "requirements.txt").read_text(encoding="utf-8") == "ddtrace==4.10.5\n"


def test_json_ok_by_cpython(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text(
        'ddtrace==2.21.12; python_version < "3.9"\nddtrace==4.6.0; python_version >= "3.9"\n',
        encoding="utf-8",
    )
    argv = [str(req), "--offline", "--today", "2026-11-24", "-c", "rasp", "--python", ">=3.8,<3.15"]
    assert main([*argv, "--format", "json"]) == 0
    rec = project_json(capsys.readouterr().out)["recommendation"]
    assert rec["status"] == "ok" and rec["ddtrace"] == "2.21.12"
    assert [(p["marker"], p["ddtrace"]) for p in rec["split"]] == [
        ('python_version < "3.9"', "2.21.12"),
        ('python_version >= "3.9"', "4.6.0"),
    ]


def test_status_reason_says_where_it_never_runs_without_ddtrace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("flask==3.0.0\n", encoding="utf-8")
    assert main([str(req), *OFFLINE, "--python", ">=3.8,<3.15", "--format", "json"]) == 1
    (cap,) = project_json(capsys.readouterr().out)["capabilities"]
    assert cap["status"] == "unavailable"
    assert cap["reason"].startswith("no release that installs on CPython 3.8 runs it")


def test_a_poetry_split_already_written_is_moved_arm_by_arm(tmp_path: Path) -> None:
    path = _pyproject(
        tmp_path,
        '[tool.poetry]\nname = "x"\nversion = "1"\n[tool.poetry.dependencies]\n'
        'python = ">=3.8,<3.15"\n'
        'ddtrace = [{version = "2.3.0", python = "<3.9"}, {version = "4.0.0", python = ">=3.9"}]\n',
    )
    assert main([str(path), *OFFLINE, "--fix"]) == 1
    assert path.read_text(encoding="utf-8").endswith(
        'ddtrace = [{version = "2.3.0", python = "<3.9"}, {version = "4.6.0", python = ">=3.9"}]\n'
    )


def test_a_lambda_project_name_is_quoted_as_an_excerpt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``datadog`` + a megabyte of ``_`` + ``lambda`` is the name datadog-lambda: quoted short."""
    name = "datadog" + "_" * 100_000 + "lambda"
    path = _pyproject(
        tmp_path, f'[project]\nname = "{name}"\nversion = "1"\ndependencies = ["ddtrace==4.16.0"]\n'
    )
    assert main([str(path), *OFFLINE, "--python", "3.12", "--format", "json"]) == 0
    deployment = project_json(capsys.readouterr().out)["runs_in"]
    assert deployment["kind"] == "lambda" and len(deployment["source"]) < 200
