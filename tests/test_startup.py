"""Start-up stays light: what a run imports, checked with ``python -X importtime``.

aap-advise runs on every commit and every pull request, so nothing heavy may be imported before
it is needed: httpx (a quarter of a second) only when a request is really sent, tomlkit only
when a file is edited, resolvelib only when co-upgrades are resolved, and ``--version`` nothing
but the command line's own module. How many modules a run imports is counted against a
ceiling: a change that needs one more raises its ceiling, and says why in the commit. The
console script ends once its output is flushed, without the interpreter's teardown. Timings
are measured by ``benchmarks/run.py``, never asserted here.
"""

from __future__ import annotations

import functools
import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from advisor.knowledge.releases import load_snapshot
from tests._helpers import run_python
from tests.indexserver import LocalIndex

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "fixtures" / "demo" / "requirements.txt"
RESOLVER_INDEX = Path(__file__).parent / "data" / "resolver-index"


def imported(
    *args: str, cwd: Path = ROOT, **environ: str
) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules ``python -X importtime -m advisor ARGS`` imports (with ``environ`` added to
    the environment), and the finished process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **environ}
    proc = run_python("-X", "importtime", "-m", "advisor", *args, cwd=cwd, env=env, timeout=120)
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return modules, proc


def roots(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@functools.cache
def interpreter_alone() -> frozenset[str]:
    """The modules ``python -c pass`` imports, in the same environment (site hooks included)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = run_python("-X", "importtime", "-c", "pass", cwd=ROOT, env=env, timeout=60)
    return frozenset(
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    )


#: What ``python -m`` needs, beyond ``python -c pass``, to run a module by its name.
RUNPY = frozenset({"runpy", "importlib", "importlib.machinery", "importlib.util", "pkgutil"})

#: Ceilings on the aap-advise modules an offline answer imports (57 and 60 when counted):
#: the reader of each file read (the formats are told apart before any reader is imported,
#: :mod:`advisor.manifests._formats`), the value classes' precompiled ``__init__`` methods
#: (:mod:`advisor.model._inits`, cheaper than compiling them), PEP 503 names
#: (:mod:`advisor.model.names`, in place of ``packaging.utils``), plain requirements and
#: markers (:mod:`advisor.model.plain`, in place of ``packaging.requirements`` and
#: ``packaging.markers``), patterns compiled on first use (:mod:`advisor.manifests._lazy`: less
#: than the patterns it leaves uncompiled), and nothing to write, resolve, fetch or render in
#: another format. A module more means start-up cost more on every run.
OFFLINE_OK_OWN_MODULES = 57
OFFLINE_UPGRADE_OWN_MODULES = 60
#: Ceiling on every module an offline answer imports beyond ``python -c pass`` (117 and 129
#: when counted).
OFFLINE_MODULES = 131


def test_version_imports_the_command_line_module_alone() -> None:
    """``--version`` is answered by the package, its front-end package and the command line
    module: not argparse, not typing, not even ``__future__``."""
    modules, proc = imported("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("aap-advise ")
    assert modules - interpreter_alone() - RUNPY == {
        "advisor",
        "advisor.frontends",
        "advisor.frontends.cli",
    }


def _pyproject(tmp_path: Path, ddtrace: str) -> Path:
    """A 20-line pyproject.toml of a web service (what a pre-commit hook reads)."""
    path = tmp_path / "pyproject.toml"
    deps = ["flask>=2.3", "requests>=2.31", "sqlalchemy>=2.0", "gunicorn>=21", "redis>=5.0"]
    lines = ",\n    ".join(f'"{d}"' for d in [f"ddtrace{ddtrace}", *deps])
    path.write_text(
        f"""[project]
name = "shop"
version = "1.0.0"
requires-python = ">=3.10"
dependencies = [
    {lines},
]

[project.optional-dependencies]
dev = ["pytest>=7", "ruff"]

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"
"""
    )
    return path


def test_an_offline_answer_with_nothing_to_move_imports_no_resolution(tmp_path: Path) -> None:
    newest = load_snapshot().newest
    assert newest is not None
    path = _pyproject(tmp_path, f">={newest.version}")
    modules, proc = imported(str(path), "--offline", "--no-cache")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    own = {m for m in modules if m.split(".")[0] == "advisor"}
    assert len(own) <= OFFLINE_OK_OWN_MODULES, sorted(own)
    assert len(modules - interpreter_alone()) <= OFFLINE_MODULES
    # the co-upgrade side of planning, the writers, the other formats, the index client, and
    # (nothing can be asked offline without a cache) the index settings and reader
    assert not own & {
        "advisor.index.config",
        "advisor.index.source",
        "advisor.plan.coupgrade",
        "advisor.plan.why",
        "advisor.write",
        "advisor.render.json_report",
        "advisor.render.markdown",
        "advisor.render.sarif",
        "advisor.index.simple",
        "advisor.index.http",
    }
    assert "difflib" not in modules  # only a mistyped name is told "did you mean"
    # argparse's own words are taken as written while its parsers are made: no catalog search,
    # nor the locale module it imports (a message shown, as an error, is looked up)
    assert "locale" not in modules


def test_an_offline_upgrade_imports_what_it_needs(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "==2.3.0")
    modules, proc = imported(str(path), "--offline", "--no-cache")
    assert proc.returncode == 1 and "upgrade ddtrace" in proc.stdout, proc.stderr
    own = {m for m in modules if m.split(".")[0] == "advisor"}
    assert len(own) <= OFFLINE_UPGRADE_OWN_MODULES, sorted(own)
    assert len(modules - interpreter_alone()) <= OFFLINE_MODULES
    assert "advisor.plan.coupgrade" in own and not own & {"advisor.write", "advisor.index.http"}


#: What packaging's requirement and marker parsers bring (``packaging.utils`` brings the
#: wheel tags, and they ``platform``, ``subprocess``, ``sysconfig`` and ``logging``).
PACKAGING_PARSERS = frozenset(
    {"packaging.requirements", "packaging.markers", "packaging.utils", "packaging.tags"}
)


@functools.cache
def specifiers_bring_utils() -> bool:
    """Whether packaging's specifier module imports ``packaging.utils`` itself (before 26)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = "import sys, packaging.specifiers; print('packaging.utils' in sys.modules)"
    proc = run_python("-c", code, cwd=ROOT, env=env, timeout=60)
    return proc.stdout.strip() == "True"


def test_plain_requirements_and_no_pins_import_no_requirement_parser(tmp_path: Path) -> None:
    """A project of plain requirements (name, version clauses) and no pins, offline without a
    cache (the pre-commit hook's run): versions and specifiers are all it needs of packaging,
    and co-upgrades that cannot start resolving import no resolver."""
    if specifiers_bring_utils():
        pytest.skip("packaging before 26: its specifier module imports packaging.utils")
    path = _pyproject(tmp_path, ">=2.3,<3")
    modules, proc = imported(str(path), "--offline", "--no-cache")
    assert proc.returncode == 1 and "co-upgrades not resolved offline" in proc.stdout, proc.stderr
    beyond = modules - interpreter_alone()
    assert not beyond & PACKAGING_PARSERS, sorted(beyond & PACKAGING_PARSERS)
    assert not beyond & {"platform", "subprocess", "logging", "resolvelib"}
    # A marker anywhere, and the parsers come in for it.
    marked = tmp_path / "marked"
    marked.mkdir()
    (marked / "pyproject.toml").write_text(
        path.read_text().replace('"flask>=2.3"', "\"flask>=2.3; python_version >= '3.8'\"")
    )
    modules, proc = imported(str(marked), "--offline", "--no-cache")
    assert proc.returncode == 1, proc.stderr
    assert {"packaging.requirements", "packaging.markers"} <= modules


def test_ddtraces_plain_requires_dist_imports_no_requirement_parser(tmp_path: Path) -> None:
    """Pins checked against ddtrace's Requires-Dist (``bytecode>=0.13.0; python_version <
    "3.11"``): its lines are plain requirements with plain markers (advisor.model.plain), read
    without packaging's parsers."""
    if specifiers_bring_utils():
        pytest.skip("packaging before 26: its specifier module imports packaging.utils")
    path = _pyproject(tmp_path, "==2.3.0")
    path.write_text(path.read_text().replace('"redis>=5.0"', '"redis>=5.0", "bytecode==0.13.0"'))
    modules, proc = imported(str(path), "--offline", "--no-cache")
    assert proc.returncode == 1 and "bytecode" in proc.stdout, proc.stderr  # moved: it was read
    beyond = modules - interpreter_alone()
    assert not beyond & PACKAGING_PARSERS, sorted(beyond & PACKAGING_PARSERS)
    assert not beyond & {"platform", "subprocess", "logging"}


def test_the_console_script_is_the_entry_that_skips_teardown() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"aap-advise": "advisor.frontends.cli:entry"}


_EXIT = (
    "import atexit, sys, threading, time\n"
    "from advisor.frontends.cli import exit_now\n"
    "atexit.register(print, 'teardown')\n"
    "if sys.argv[1] == 'thread':\n"
    "    threading.Thread(target=time.sleep, args=(0.2,)).start()\n"
    "sys.stderr.write('coverage' if 'coverage' in sys.modules else '')\n"
    "sys.stdout.write('report')\n"
    "exit_now(3)\n"
)


@pytest.mark.parametrize("case", ["alone", "thread"])
def test_exit_now_flushes_and_skips_teardown_only_when_nothing_is_left(case: str) -> None:
    """The status and the whole output; ``atexit`` hooks skipped, unless a thread that is not
    a daemon still runs (or coverage measures the process): then Python exits as usual."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = run_python("-c", _EXIT, case, cwd=ROOT, env=env, timeout=60)
    assert proc.returncode == 3
    usual = case == "thread" or proc.stderr == "coverage"
    assert proc.stdout == ("report" + ("teardown\n" if usual else ""))


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


def test_a_run_without_pip_conf_imports_no_config_parser_or_queue(tmp_path: Path) -> None:
    """configparser is imported to read a pip.conf that is there (most machines have none),
    and the queue of the background fetches only by an online run. (Offline with a cache: an
    ``--offline --no-cache`` run reads no index settings at all, test_index_offline.py.)"""
    modules, proc = imported(
        str(DEMO),
        "--offline",
        "--cache-dir",
        str(tmp_path / "cache"),
        PIP_CONFIG_FILE=str(tmp_path / "no-pip.conf"),
    )
    assert proc.returncode == 1, proc.stderr[-500:]
    assert "advisor.index.config" in modules  # the index settings were read
    assert not modules & {"configparser", "queue"}


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


#: The reader modules of the dependency-file formats, and the deployment readers' modules: each
#: is imported only when a file of its kind is read (:mod:`advisor.manifests._formats`).
_READER_MODULES = frozenset(
    f"advisor.manifests.{m}"
    for m in (
        "pyproject",
        "poetry_lock",
        "uv_lock",
        "pdm_lock",
        "pylock",
        "pipfile",
        "setup_cfg",
        "setup_py",
        "hatch",
        "python_version",
        "requirements",
        "poetry",
        "_lock",
        "_local",
        "deploy.aws",
        "deploy.ci_files",
        "deploy.compose",
        "deploy.dockerfile",
        "deploy.kubernetes",
        "deploy.workflows",
        "deploy._yaml",
    )
)


def test_a_pyproject_run_imports_its_reader_alone(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, "==2.3.0")
    modules, proc = imported(str(path), "--offline", "--no-cache")
    assert proc.returncode == 1, proc.stderr
    assert modules & _READER_MODULES == {"advisor.manifests.pyproject"}
    assert not roots(modules) & {"yaml", "pip_requirements_parser"}


def test_a_folder_with_a_lock_imports_the_lock_reader() -> None:
    folder = ROOT / "fixtures" / "formats" / "uv-lock-with-pyproject"
    modules, proc = imported(str(folder), "--offline", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr[-500:]
    # _local: the lock's workspace metadata requires a package by its folder
    assert modules & _READER_MODULES == {
        "advisor.manifests.pyproject",
        "advisor.manifests.uv_lock",
        "advisor.manifests._lock",
        "advisor.manifests._local",
    }


def test_a_file_of_no_known_name_is_read_by_its_content(tmp_path: Path) -> None:
    """Content sniffing needs no reader imported: a ``uv.lock`` under another name is still read
    as one, with the uv.lock reader alone (and the local-folder reader its workspace needs)."""
    lock = ROOT / "fixtures" / "formats" / "uv-lock-with-pyproject" / "uv.lock"
    renamed = tmp_path / "locked.toml"
    renamed.write_bytes(lock.read_bytes())
    modules, proc = imported(str(renamed), "--offline", "--no-cache", "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr[-500:]
    assert "locked.toml: requires-python" in proc.stdout
    assert modules & _READER_MODULES == {
        "advisor.manifests.uv_lock",
        "advisor.manifests._lock",
        "advisor.manifests._local",
    }


def test_a_deployment_file_imports_the_deployment_readers(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("ddtrace==2.3.0\n")
    (tmp_path / "Dockerfile").write_text("FROM python:3.12-slim\nRUN pip install ddtrace\n")
    modules, proc = imported(str(tmp_path), "--offline", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr[-500:]
    assert {"advisor.manifests.requirements", "advisor.manifests.deploy.dockerfile"} <= modules
    assert not modules & {f"advisor.manifests.{m}" for m in ("pyproject", "uv_lock", "_lock")}


def test_a_compiled_requirements_file_imports_no_toml_or_option_parser(tmp_path: Path) -> None:
    """Pins with hashes are read by the requirements reader's fast path: no optparse (pip's
    option parser, :mod:`advisor.manifests._pip_options`), no TOML parser, no local-folder
    reader; a line with another option imports the option parser."""
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==2.3.0 \\\n    --hash=sha256:" + "0" * 64 + "\nflask==3.1.0\n")
    modules, proc = imported(str(req), "--offline", "--no-cache")
    assert proc.returncode == 1, proc.stderr[-500:]
    assert not modules & {"optparse", "tomllib", "pip_requirements_parser"}
    assert not modules & {"advisor.manifests._pip_options", "advisor.manifests._local"}
    req.write_text("ddtrace==2.3.0 --no-binary ddtrace\n")
    modules, proc = imported(str(req), "--offline", "--no-cache")
    assert proc.returncode == 1, proc.stderr[-500:]
    assert {"optparse", "advisor.manifests._pip_options"} <= modules


_COLLECTIONS = (
    "import gc, sys\n"
    "from advisor.frontends.cli import main\n"
    "seen = []\n"
    "gc.callbacks.append(lambda phase, info: seen.append(info) if phase == 'start' else None)\n"
    "code = main(sys.argv[1:])\n"
    "sys.stderr.write(f'{len(seen)} {gc.isenabled()} {code}')\n"
)


def test_an_answer_is_given_with_the_collector_held_off_and_on_again_after(
    tmp_path: Path,
) -> None:
    """The main command runs without a collection, its imports included (the collector used
    to walk what they keep some fifty times, for nothing); the collector is on when it returns."""
    path = _pyproject(tmp_path, "==2.3.0")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [str(path), "--offline", "--no-cache"]
    proc = run_python("-c", _COLLECTIONS, *args, cwd=tmp_path, env=env, timeout=120)
    assert proc.stderr == "0 True 1", proc.stderr[-500:]
    assert "upgrade ddtrace" in proc.stdout


def test_the_model_compiles_no_pattern_a_run_may_not_use() -> None:
    """The deployment and wheel-tag patterns are compiled when first used (by re's cache), not
    when every run imports their modules."""
    code = (
        "import re, sys\n"
        "seen = []\n"
        "real = re.compile\n"
        "def counting(*args, **kwargs):\n"
        "    seen.append((sys._getframe(1).f_globals.get('__name__'), args[0]))\n"
        "    return real(*args, **kwargs)\n"
        "re.compile = counting\n"
        "import advisor.model.deployment, advisor.model.platforms\n"
        "mine = [s for s in seen if s[0] in ('advisor.model.deployment', "
        "'advisor.model.platforms')]\n"
        "assert not mine, mine\n"
        "assert advisor.model.deployment.lambda_runtime('Python3.12') == '3.12'\n"
        "assert advisor.model.platforms.platform_id('musllinux_1_2_aarch64') == "
        "'musllinux-aarch64'\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = run_python("-c", code, cwd=ROOT, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
