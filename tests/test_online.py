"""Opt-in checks against the real package index: ``python -m pytest -m online``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.frontends.cli import main

pytestmark = pytest.mark.online


def test_acceptance_case_live(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n")
    code = main(
        [
            str(req),
            "-c",
            "iast",
            "--python",
            "3.12",
            "--format",
            "json",
            "--cache-dir",
            str(tmp_path / "c"),
            "--index-url",
            "https://pypi.org/simple/",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    moved = {c["package"]: c["to"] for c in report["recommendation"]["changes"]}
    assert moved == {"ddtrace": "3.15.0", "envier": "0.6.1", "bytecode": "0.15.1"}


def test_blocking_range_live(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==2.21.4\nenvier<0.6\n")
    main(
        [
            str(req),
            "-c",
            "iast",
            "--python",
            "3.12",
            "--format",
            "json",
            "--cache-dir",
            str(tmp_path / "c"),
            "--index-url",
            "https://pypi.org/simple/",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert report["recommendation"]["status"] == "impossible"
    assert any(b["package"] == "envier" for b in report["recommendation"]["blockers"])


def test_refresh_live(tmp_path: Path) -> None:
    from advisor.knowledge.refresh import refresh
    from advisor.knowledge.releases import load_snapshot

    out = tmp_path / "releases.json"
    refresh("https://pypi.org/simple/", out)
    snap = load_snapshot(str(out))
    assert snap.get("4.16.0") is not None
