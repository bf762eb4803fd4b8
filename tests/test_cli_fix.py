"""--fix, --diff and --write-constraints through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.frontends.cli import main
from tests._helpers import ARGS, project_json


def _project(
    tmp_path: Path,
    text: str = 'flask==3.1.0  # web\r\nddtrace==2.3.0 ; python_version >= "3.9"\r\n',
) -> Path:
    req = tmp_path / "requirements.txt"
    req.write_bytes(text.encode())
    return req


def test_diff_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    req = _project(tmp_path)
    before = req.read_bytes()
    assert main([str(req), "--diff", *ARGS]) == 1
    out = capsys.readouterr().out
    assert "-ddtrace==2.3.0" in out and "+ddtrace==4.6.0" in out
    assert req.read_bytes() == before


def test_fix_edits_only_the_version_then_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = _project(tmp_path)
    assert main([str(req), "--fix", *ARGS]) == 1
    assert (
        req.read_bytes() == b'flask==3.1.0  # web\r\nddtrace==4.6.0 ; python_version >= "3.9"\r\n'
    )
    assert main([str(req), "--fix", *ARGS]) == 0
    assert (
        req.read_bytes() == b'flask==3.1.0  # web\r\nddtrace==4.6.0 ; python_version >= "3.9"\r\n'
    )
    assert "nothing to change" in capsys.readouterr().err


def test_write_constraints(tmp_path: Path) -> None:
    req = _project(tmp_path)
    out = tmp_path / "constraints.txt"
    assert main([str(req), "--write-constraints", str(out), *ARGS, "--format", "json"]) == 1
    lines = [ln for ln in out.read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines == ["ddtrace==4.6.0"]


def test_relock_needs_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(_project(tmp_path)), "--relock", *ARGS]) == 2
    assert "--relock needs --fix" in capsys.readouterr().err


def test_refusal_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # ddtrace declared twice in one file: the edit would be ambiguous (uv's "Ambiguous").
    req = _project(tmp_path, "ddtrace==2.3.0\nddtrace>=2.0\n")
    before = req.read_bytes()
    assert main([str(req), "--fix", *ARGS]) == 2
    assert req.read_bytes() == before
    assert "error:" in capsys.readouterr().err


# --- a framework below the range the ddtrace target supports (issue 14, rule 6) -----------------


def test_fix_moves_ddtrace_and_leaves_the_framework(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = _project(tmp_path, "ddtrace==2.3.0\ndjango==1.11.29\n")
    assert main([str(req), "--fix", *ARGS]) == 1
    assert req.read_text() == "ddtrace==4.6.0\ndjango==1.11.29\n"
    err = capsys.readouterr().err
    assert (
        f"{req}:2: django 1.11.29 is below what ddtrace 4.6.0 supports (django>=2.2.8); "
        "move it yourself: aap-advise edits ddtrace only"
    ) in err
    assert "edited" in err
    # ddtrace is fixed; the framework still keeps the answer at "upgrade" and --fix at exit 1.
    assert main([str(req), "--fix", *ARGS]) == 1
    assert req.read_text() == "ddtrace==4.6.0\ndjango==1.11.29\n"
    err = capsys.readouterr().err
    assert "no file was edited" in err and "move it yourself" in err and "edited " not in err


def test_fix_with_only_a_framework_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = _project(tmp_path, "ddtrace>=4.6\ndjango>=1.11,<1.12\n")
    before = req.read_bytes()
    assert main([str(req), "--diff", *ARGS]) == 1
    assert capsys.readouterr().out == ""
    assert main([str(req), "--fix", *ARGS]) == 1
    assert req.read_bytes() == before  # not even the ddtrace range is raised
    err = capsys.readouterr().err
    assert "django>=1.11,<1.12 is below what ddtrace" in err and "no file was edited" in err


def test_json_change_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    req = _project(tmp_path, "ddtrace==2.3.0\ndjango==1.11.29\n")
    assert main([str(req), *ARGS, "--format", "json"]) == 1
    changes = project_json(capsys.readouterr().out)["recommendation"]["changes"]
    assert [(c["package"], c["kind"]) for c in changes] == [
        ("ddtrace", "ddtrace"),
        ("django", "framework"),
    ]
    assert changes[1] | {"source": None} == {
        "package": "django",
        "kind": "framework",
        "from": "1.11.29",
        "to": None,
        "from_specifier": "==1.11.29",
        "to_specifier": ">=2.2.8",
        "marker": None,
        "reason": "below what ddtrace 4.6.0 supports (django>=2.2.8)",
        "source": None,
    }


def test_framework_only_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    req = _project(tmp_path, "ddtrace==4.6.0\nflask==1.0.2\n")
    assert main([str(req), *ARGS, "--format", "json"]) == 1
    rec = project_json(capsys.readouterr().out)["recommendation"]
    assert rec["status"] == "upgrade" and rec["ddtrace"] == "4.6.0"
    assert [(c["package"], c["kind"], c["to_specifier"]) for c in rec["changes"]] == [
        ("flask", "framework", ">=1.1.4")
    ]


def test_write_constraints_does_not_constrain_the_framework(tmp_path: Path) -> None:
    req = _project(tmp_path, "ddtrace==2.3.0\ndjango==1.11.29\n")
    out = tmp_path / "constraints.txt"
    assert main([str(req), "--write-constraints", str(out), *ARGS, "--format", "json"]) == 1
    text = out.read_text()
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert lines == ["ddtrace==4.6.0"]
    assert (
        "# django: below what ddtrace 4.6.0 supports (django>=2.2.8); not constrained here: "
        "move it yourself"
    ) in text.splitlines()
