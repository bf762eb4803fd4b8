"""Opt-in checks against the real package index: ``python -m pytest -m online``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from advisor.frontends.cli import main
from tests._helpers import IAST, index_argv, project_json

pytestmark = pytest.mark.online


def advise_live(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> tuple[int, dict[str, Any]]:
    """IAST on CPython 3.12 for the requirements ``text``, against pypi.org: exit code, report."""
    req = tmp_path / "requirements.txt"
    req.write_text(text)
    code = main(
        index_argv(req, "https://pypi.org/simple/", tmp_path / "c", *IAST, "--format", "json")
    )
    return code, project_json(capsys.readouterr().out)


def test_acceptance_case_live(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report = advise_live(
        tmp_path, capsys, "ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n"
    )
    assert code == 1
    moved = {c["package"]: c["to"] for c in report["recommendation"]["changes"]}
    assert moved == {"ddtrace": "3.15.0", "envier": "0.6.1", "bytecode": "0.15.1"}


def test_blocking_range_live(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, report = advise_live(tmp_path, capsys, "ddtrace==2.21.4\nenvier<0.6\n")
    assert report["recommendation"]["status"] == "impossible"
    assert any(b["package"] == "envier" for b in report["recommendation"]["blockers"])


def test_refresh_live(tmp_path: Path) -> None:
    from advisor.knowledge.refresh import refresh
    from advisor.knowledge.releases import load_snapshot

    out = tmp_path / "releases.json"
    refresh("https://pypi.org/simple/", out)
    snap = load_snapshot(str(out))
    assert snap.get("4.16.0") is not None
