"""The command line: exit codes, one-line errors, output files, the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor import __version__
from advisor.frontends.cli import main
from tests._helpers import ROOT, only_project, project_json, run_cli, run_python

DEMO = str(ROOT / "fixtures" / "demo" / "requirements.txt")


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"aap-advise {__version__}"


def test_help_explains_exit_codes() -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0
    assert "exit status" in proc.stdout and "--capability" in proc.stdout


def test_demo_text_report() -> None:
    proc = run_cli(DEMO, "--offline", "--today", "2026-11-24", "-v")
    assert proc.returncode == 1, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first == "aap-advise: upgrade ddtrace 2.3.0 -> 4.6.0"
    assert "psycopg2-binary 2.9.10: sqli" in proc.stdout
    assert "index snapshot of" in proc.stdout


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main([DEMO, "--format", "json", "--offline", "--today", "2026-11-24", "-c", "api-security"])
        == 1
    )
    run = json.loads(capsys.readouterr().out)
    assert run["schema_version"] == 4 and run["status"] == "upgrade"
    assert set(run) == {"schema_version", "status", "projects", "data"}
    assert run["data"]["snapshot_date"] and run["data"]["today"] == "2026-11-24"
    doc = only_project(run)
    assert set(doc) >= {
        "root",
        "status",
        "python",
        "platforms",
        "ddtrace",
        "requested",
        "capabilities",
        "recommendation",
        "findings",
        "integrations",
    }
    assert doc["status"] == "upgrade"
    eol = "CPythons not past end of life on 2026-11-24"
    assert doc["python"] == {
        "spec": None,
        "source": eol,
        "versions": ["3.11", "3.12", "3.13", "3.14", "3.15"],
        "origins": dict.fromkeys(["3.11", "3.12", "3.13", "3.14", "3.15"], eol),
    }
    assert doc["deployment"] == [] and doc["runs_in"] is None
    assert doc["platforms"] == ["linux-x86_64"]
    assert doc["ddtrace"]["current"] == "2.3.0" and doc["ddtrace"]["specifier"] == "==2.3.0"
    assert doc["ddtrace"]["source"] == {"file": DEMO, "line": 5}
    assert doc["requested"] == ["api-security"]
    assert (
        doc["capabilities"][0]["id"] == "api-security"
        and doc["capabilities"][0]["status"] == "needs-upgrade"
        and doc["capabilities"][0]["after"] == "available"
    )
    rec = doc["recommendation"]
    assert rec["status"] == "upgrade" and rec["ddtrace"] == "4.6.0"
    assert rec["changes"][0]["package"] == "ddtrace" and rec["changes"][0]["from"] == "2.3.0"
    assert rec["per_python"]["3.15"] is None
    assert all(set(f) >= {"id", "severity", "message", "file", "line"} for f in doc["findings"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["-c", "teleport"], "unknown capability 'teleport'; valid: http-monitoring"),
        (["--python", ">>3"], "--python: not a version specifier"),
        (["--python", ">=4.0"], "admits no released CPython"),
        (["--today", "yesterday"], "not a date"),
        (["--platform", "amiga"], "invalid choice"),
    ],
)
def test_usage_errors_are_one_line(args: list[str], needle: str) -> None:
    proc = run_cli(DEMO, "--offline", *args)
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_missing_file(tmp_path: Path) -> None:
    proc = run_cli(str(tmp_path / "nope.txt"), "--offline")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"aap-advise: error: {tmp_path / 'nope.txt'}: no such file"


def test_debug_shows_traceback() -> None:
    proc = run_cli(DEMO, "--offline", "-c", "teleport", "--debug")
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_output_file_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    assert (
        main([DEMO, "--offline", "--format", "json", "-o", str(out), "--today", "2026-11-24"]) == 1
    )
    assert capsys.readouterr().out == ""
    assert project_json(out.read_text())["recommendation"]["ddtrace"] == "4.6.0"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_nothing_written_on_error(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert main([DEMO, "--offline", "-c", "teleport", "-o", str(out)]) == 2
    assert list(tmp_path.iterdir()) == []


def test_capabilities_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["capabilities", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    floors = {c["id"]: c["min_version"] for c in doc["capabilities"]}
    assert floors["api-security"] == "4.6.0" and floors["grpc-monitoring"] is None
    assert len(floors) == 9


def test_ok_exits_zero(tmp_path: Path) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==4.16.0\n")
    assert main([str(req), "--offline", "--python", ">=3.9,<3.15", "--today", "2026-11-24"]) == 0


def test_planner_imports_no_io_libraries() -> None:
    code = (
        "import sys, advisor.plan, advisor.pipeline, advisor.render.text, advisor.render.json_report;"
        "bad = [m for m in ('httpx', 'tomlkit', 'argparse') if m in sys.modules]; print(bad)"
    )
    proc = run_python("-c", code, check=True)
    assert proc.stdout.strip() == "[]"


def _served(tmp_path: Path) -> Path:
    """The recorded index with the made-up datadog-lambda beside ddtrace."""
    from tests.indexdata import DATADOG_LAMBDA, index_with
    from tests.indexserver import DATA

    return index_with(DATA, tmp_path / "index", DATADOG_LAMBDA)


def test_kb_refresh_against_local_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from advisor.knowledge import matrix
    from advisor.knowledge.releases import load_snapshot
    from tests.indexserver import LocalIndex

    out = tmp_path / "kb" / "releases.json"
    out.parent.mkdir()
    with LocalIndex(root=_served(tmp_path)) as index:
        assert main(["kb", "refresh", "--index-url", index.url, "--out", str(out)]) == 0
    summary = capsys.readouterr().out
    assert summary.startswith("wrote ") and str(out) in summary
    assert str(out.parent / "constrainers.json") in summary
    snap = load_snapshot(str(out))
    assert {str(r.version) for r in snap.releases if r.yanked} == {"1.9.1", "3.12.1"}
    assert sorted(p.name for p in out.parent.iterdir()) == ["constrainers.json", "releases.json"]
    text = (out.parent / "constrainers.json").read_text(encoding="utf-8")
    known = matrix.parse_constrainers(text, "constrainers.json")
    assert set(known["datadog-lambda"]) == {"90.0.0", "90.1.0", "90.1.1", "90.2.0"}


def test_kb_refresh_shows_what_the_index_says_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page whose name carries terminal escapes (retitle the window, clear the screen):
    shown escaped, never sent to the terminal."""
    import json

    from tests.indexserver import LocalIndex

    root = _served(tmp_path)
    page = root / "simple" / "datadog-lambda" / "index.json"
    doc = json.loads(page.read_text())
    doc["name"] = "datadog-lambda\u001b]0;PWNED\u0007\u001b[2J"
    page.write_text(json.dumps(doc))
    out = tmp_path / "kb" / "releases.json"
    out.parent.mkdir()
    with LocalIndex(root=root) as index:
        main(["kb", "refresh", "--index-url", index.url, "--out", str(out)])
    said = capsys.readouterr()
    assert "\x1b" not in said.err + said.out and "\x07" not in said.err + said.out
    assert "\\x1b]0;PWNED" in said.err


def test_kb_refresh_without_out_writes_both_into_the_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --out both go to the cache folder's knowledge/ (made when missing), never into
    the installed package's data folder (site-packages)."""
    from advisor.knowledge import releases
    from tests.indexserver import LocalIndex

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setattr(releases, "SHIPPED_SNAPSHOT", data / "releases.json")
    cache = tmp_path / "cache"
    monkeypatch.setenv("AAP_ADVISE_CACHE_DIR", str(cache))
    with LocalIndex(root=_served(tmp_path)) as index:
        assert main(["kb", "refresh", "--index-url", index.url]) == 0
    knowledge = cache / "knowledge"
    assert sorted(p.name for p in knowledge.iterdir()) == ["constrainers.json", "releases.json"]
    assert "90.1.0" in (knowledge / "constrainers.json").read_text(encoding="utf-8")
    assert list(data.iterdir()) == []
    assert f"-> {knowledge / 'releases.json'};" in capsys.readouterr().out


def test_kb_refresh_without_datadog_lambda_is_exit_3_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An index that serves ddtrace but not datadog-lambda: no snapshot without its
    constrainers (an offline run would lose what datadog-lambda requires of ddtrace)."""
    from tests.indexserver import LocalIndex

    out = tmp_path / "releases.json"
    with LocalIndex() as index:
        url = index.url
        assert main(["kb", "refresh", "--index-url", url, "--out", str(out)]) == 3
    error = capsys.readouterr().err.splitlines()[-1]
    assert error == (
        f"aap-advise: error: {url}datadog-lambda/: project 'datadog-lambda' not found on the index"
    )
    assert list(tmp_path.iterdir()) == []


def test_kb_refresh_unreachable_is_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tmp_path / "releases.json"
    assert (
        main(
            ["kb", "refresh", "--index-url", f"http://127.0.0.1:{port}/simple/", "--out", str(out)]
        )
        == 3
    )
    assert not out.exists()
    assert capsys.readouterr().err.startswith("aap-advise: error: http://127.0.0.1:")
