"""Table-driven planning tests: every case in tests/cases/plan.toml, through the real CLI."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from advisor.frontends.cli import main

CASES = tomllib.loads((Path(__file__).parent / "cases" / "plan.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for name, content in case["files"].items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        paths.append(str(tmp_path / name))
    argv = [*paths, *case.get("args", []), "--format", "json", "--offline",
            "--today", case.get("today", "2026-11-24")]
    code = main(argv)
    out = capsys.readouterr()
    report = json.loads(out.out)
    expect = case["expect"]
    rec = report["recommendation"]
    assert rec["status"] == expect["status"], out.out
    if "ddtrace" in expect:
        assert rec["ddtrace"] == expect["ddtrace"]
    if "exit" in expect:
        assert code == expect["exit"]
    else:
        assert code == (0 if expect["status"] == "ok" else 1)
    for py, version in expect.get("per_python", {}).items():
        assert rec["per_python"][py] == (version or None), rec["per_python"]
    ids = {f["id"] for f in report["findings"]}
    for fid in expect.get("findings", []):
        assert fid in ids, report["findings"]
    for fid in expect.get("no_findings", []):
        assert fid not in ids, report["findings"]
    if "message_contains" in expect:
        assert any(expect["message_contains"] in f["message"] for f in report["findings"]), report["findings"]
    caps = {c["id"]: c["status"] for c in report["capabilities"]}
    for cap, status in expect.get("capabilities", {}).items():
        assert caps[cap] == status
    if "split" in expect:
        assert {p["marker"]: p["ddtrace"] for p in rec["split"]} == expect["split"]
    for package, old, new in expect.get("changes", []):
        assert any(c["package"] == package and c["from"] == (old or None) and c["to"] == new
                   for c in rec["changes"]), rec["changes"]
    if expect.get("ddtrace_state") == "absent":
        assert report["ddtrace"] is None
