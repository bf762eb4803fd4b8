"""Start-up stays light: what a run imports, checked with ``python -X importtime``.

aap-advise runs on every commit and every pull request, so nothing heavy may be imported before
it is needed: httpx (a quarter of a second) only when a request is really sent, tomlkit only
when a file is edited, resolvelib only when co-upgrades are resolved, and ``--version`` nothing
beyond argparse. Timings are measured by ``benchmarks/run.py``, never asserted here.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from advisor.knowledge.releases import load_snapshot
from tests._helpers import run_python
from tests.indexserver import LocalIndex

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "fixtures" / "demo" / "requirements.txt"
RESOLVER_INDEX = Path(__file__).parent / "data" / "resolver-index"


def imported(*args: str, cwd: Path = ROOT) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules ``python -X importtime -m advisor ARGS`` imports, and the finished process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = run_python("-X", "importtime", "-m", "advisor", *args, cwd=cwd, env=env, timeout=120)
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return modules, proc


def roots(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_version_imports_nothing_heavy() -> None:
    modules, proc = imported("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("aap-advise ")
    assert not roots(modules) & {
        "httpx",
        "httpcore",
        "tomlkit",
        "resolvelib",
        "packaging",
        "pip_requirements_parser",
        "tomllib",
        "json",
    }
    assert not {
        m
        for m in modules
        if m.startswith(
            (
                "advisor.pipeline",
                "advisor.manifests",
                "advisor.model",
                "advisor.knowledge",
                "advisor.plan",
                "advisor.index",
            )
        )
    }


def test_help_imports_no_pipeline() -> None:
    modules, proc = imported("--help")
    assert proc.returncode == 0
    assert not roots(modules) & {"httpx", "tomlkit", "resolvelib", "packaging"}


def test_offline_run_without_cache_imports_no_http_client() -> None:
    # ddtrace 2.3.0: an upgrade, so the co-upgrade resolution runs (resolvelib is needed there).
    modules, proc = imported(str(DEMO), "--offline", "--no-cache")
    assert proc.returncode == 1 and "upgrade ddtrace" in proc.stdout
    assert not roots(modules) & {"httpx", "httpcore", "h11", "tomlkit"}
    assert "advisor.index.simple" not in modules and "advisor.index.wheelmeta" not in modules
    assert "advisor.knowledge.refresh" not in modules


def test_offline_run_with_a_cache_imports_no_http_client(tmp_path: Path) -> None:
    modules, proc = imported(str(DEMO), "--offline", "--cache-dir", str(tmp_path / "cache"))
    assert proc.returncode == 1
    assert not roots(modules) & {"httpx", "httpcore", "tomlkit"}


def test_nothing_to_resolve_imports_no_resolver(tmp_path: Path) -> None:
    newest = load_snapshot().newest
    assert newest is not None
    req = tmp_path / "requirements.txt"
    req.write_text(f"ddtrace=={newest.version}\nflask==3.1.0\n")
    modules, proc = imported(str(req), "--offline", "--no-cache")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not roots(modules) & {"httpx", "httpcore", "tomlkit", "resolvelib"}


def test_warm_cache_run_sends_nothing_and_imports_no_http_client(tmp_path: Path) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n")
    args = [
        str(req),
        "--cache-dir",
        str(tmp_path / "cache"),
        "--today",
        "2026-11-24",
        "--python",
        "3.12",
        "-c",
        "iast",
        "--timeout",
        "5",
    ]
    with LocalIndex(root=RESOLVER_INDEX) as index:
        cold_modules, cold = imported(*args, "--index-url", index.url)
        sent = len(index.requests)
        warm_modules, warm = imported(*args, "--index-url", index.url)
        assert len(index.requests) == sent  # every page still fresh, every metadata kept
    assert cold.returncode == warm.returncode == 1 and cold.stdout == warm.stdout
    assert "httpx" in roots(cold_modules)  # the cold run did talk to the index
    assert not roots(warm_modules) & {"httpx", "httpcore", "tomlkit"}


def test_lock_file_run_imports_no_requirements_or_pylock_parser() -> None:
    lock = ROOT / "fixtures" / "formats" / "uv-lock-with-pyproject" / "uv.lock"
    modules, proc = imported(str(lock), "--offline", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr[-500:]
    assert "pip_requirements_parser" not in modules and "packaging.pylock" not in modules
