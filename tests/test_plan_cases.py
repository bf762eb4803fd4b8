"""Table-driven planning tests: every case in tests/cases/plan.toml, through the real CLI and
against :func:`advisor.plan.plan` directly (the readers, the shipped knowledge and snapshot, no
renderer), so a change to a report cannot break a planning case, nor hide a planner change.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any, assert_never

import pytest

from advisor.frontends.cli import main
from advisor.knowledge import matrix
from advisor.knowledge.releases import load_snapshot
from advisor.manifests import read_paths
from advisor.model.advice import AdviceRequest, Impossible, Ok, RunsIn, Split, Upgrade, Verdict
from advisor.plan import plan
from advisor.resolve.source import SnapshotSource
from tests._helpers import project_json

#: Every ``[[case]]`` of every ``tests/cases/*.toml`` file, in file then case order.
CASES = [
    case
    for path in sorted((Path(__file__).parent / "cases").glob("*.toml"))
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
]
TODAY = "2026-11-24"
VERDICTS: dict[str, type[Verdict]] = {
    "ok": Ok,
    "upgrade": Upgrade,
    "split": Split,
    "impossible": Impossible,
}
#: The ``expect`` keys the direct test checks; ``exit`` is the CLI's alone.
EXPECT_KEYS = {
    "status",
    "ddtrace",
    "per_python",
    "findings",
    "no_findings",
    "message_contains",
    "no_message_contains",
    "capabilities",
    "split",
    "changes",
    "framework_changes",
    "change_kinds",
    "ddtrace_state",
}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for name, content in case["files"].items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        paths.append(str(tmp_path / name))
    argv = [
        *paths,
        *case.get("args", []),
        "--format",
        "json",
        "--offline",
        "--today",
        case.get("today", "2026-11-24"),
    ]
    code = main(argv)
    out = capsys.readouterr()
    report = project_json(out.out)
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
        assert any(expect["message_contains"] in f["message"] for f in report["findings"]), report[
            "findings"
        ]
    if "no_message_contains" in expect:
        assert not any(expect["no_message_contains"] in f["message"] for f in report["findings"]), (
            report["findings"]
        )
    caps = {c["id"]: c["status"] for c in report["capabilities"]}
    for cap, status in expect.get("capabilities", {}).items():
        assert caps[cap] == status
    if "split" in expect:
        assert {p["marker"]: p["ddtrace"] for p in rec["split"]} == expect["split"]
    for package, old, new in expect.get("changes", []):
        assert any(
            c["package"] == package and c["from"] == (old or None) and c["to"] == new
            for c in rec["changes"]
        ), rec["changes"]
    if "framework_changes" in expect:
        assert [
            [c["package"], c["from"] or c["from_specifier"], c["to_specifier"]]
            for c in rec["changes"]
            if c["kind"] == "framework"
        ] == expect["framework_changes"], rec["changes"]
    if "change_kinds" in expect:
        assert [c["kind"] for c in rec["changes"]] == expect["change_kinds"], rec["changes"]
    if expect.get("ddtrace_state") == "absent":
        assert report["ddtrace"] is None


def _request(case: dict[str, Any]) -> AdviceRequest:
    """The request the case's CLI arguments make (only the planner's inputs appear in them)."""
    capabilities: list[str] = []
    platforms: list[str] = []
    python = None
    deployment: RunsIn | None = None
    args = iter(case.get("args", []))
    for flag in args:
        value = next(args)
        if flag in ("-c", "--capability"):
            capabilities.append(value)
        elif flag == "--python":
            python = value
        elif flag == "--platform":
            platforms.append(value)
        elif flag == "--deployment":
            assert value == "lambda", value
            deployment = "lambda"
        else:
            raise AssertionError(f"{case['name']}: {flag} is not a planner input; map it here")
    return AdviceRequest(
        capabilities=tuple(capabilities),
        python=python,
        platforms=tuple(platforms) or ("linux-x86_64",),
        today=dt.date.fromisoformat(case.get("today", TODAY)),
        offline=True,
        deployment=deployment,
    )


def _ddtrace(rec: Verdict) -> str | None:
    match rec:
        case Ok() | Upgrade():
            return rec.ddtrace
        case Split() | Impossible():
            return None
        case _:
            assert_never(rec)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_plan(case: dict[str, Any], tmp_path: Path) -> None:
    """The same expectations, on the Advice plan() returns (offline, the shipped snapshot only)."""
    expect = case["expect"]
    assert set(expect) - {"exit"} <= EXPECT_KEYS, (
        f"check the new keys here too: {set(expect) - EXPECT_KEYS}"
    )
    paths = []
    for name, content in case["files"].items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        paths.append(str(tmp_path / name))
    snapshot = load_snapshot()
    advice = plan(
        read_paths(paths), matrix.load(), snapshot, _request(case), SnapshotSource(snapshot)
    )
    rec = advice.recommendation
    assert isinstance(rec, VERDICTS[expect["status"]]), rec
    if "ddtrace" in expect:
        assert _ddtrace(rec) == expect["ddtrace"]
    for py, version in expect.get("per_python", {}).items():
        assert rec.per_python[py] == (version or None), rec.per_python
    ids = {f.id for f in advice.findings}
    for fid in expect.get("findings", []):
        assert fid in ids, advice.findings
    for fid in expect.get("no_findings", []):
        assert fid not in ids, advice.findings
    if "message_contains" in expect:
        assert any(expect["message_contains"] in f.message for f in advice.findings), (
            advice.findings
        )
    if "no_message_contains" in expect:
        assert not any(expect["no_message_contains"] in f.message for f in advice.findings), (
            advice.findings
        )
    caps = {c.id: c.status for c in advice.capabilities}
    for cap, status in expect.get("capabilities", {}).items():
        assert caps[cap] == status
    if "split" in expect:
        assert isinstance(rec, Split)
        assert {p.marker: p.ddtrace for p in rec.split} == expect["split"]
    if "changes" in expect:
        assert isinstance(rec, Upgrade | Split), rec
        for package, old, new in expect["changes"]:
            assert any(
                c.package == package and c.from_version == (old or None) and c.to_version == new
                for c in rec.changes
            ), rec.changes
    changes = rec.changes if isinstance(rec, Upgrade | Split) else ()
    if "framework_changes" in expect:
        assert [
            [c.package, c.from_version or c.from_specifier, c.to_specifier]
            for c in changes
            if c.kind == "framework"
        ] == expect["framework_changes"], changes
    if "change_kinds" in expect:
        assert [c.kind for c in changes] == expect["change_kinds"], changes
    if expect.get("ddtrace_state") == "absent":
        assert advice.ddtrace is None


def test_case_names_are_unique() -> None:
    """Cases live in several files; a name used twice would hide one of them in a report."""
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
