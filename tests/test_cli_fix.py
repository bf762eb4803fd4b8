"""--fix, --diff and --write-constraints through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.frontends.cli import main
from tests._helpers import ARGS


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
