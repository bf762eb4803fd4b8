"""Time aap-advise against the floor measured in the same run, and write ``BENCHMARKS.md``.

Usage (from the repository root)::

    python benchmarks/run.py [--quick] [--online] [--runs N] [--no-venv] [--no-write]

Each case runs a whole ``aap-advise`` process and a whole "floor" process doing the least any
tool must do for that input (``python -c pass``; a bare ``tomllib`` load of the same lock; a
read of the requirements file split into lines), with the same interpreter, on the same
machine, one after the other; the ratio of the medians is compared with the budget of
issue 7. Two ways of running are measured: ``python -m advisor`` from this checkout (with the
interpreter running this script) and the ``aap-advise`` console script installed by
``pip install .`` into a fresh virtual environment (``benchmarks/.data/venv``): the latter is
what users run, and its floor is that environment's own ``python``.

``--online`` adds the online measurement: a cold-cache run (fresh ``--cache-dir``), a warm
one, offline runs for reference, ``uv pip compile`` of the same requirements once per
CPython in the scope aap-advise plans for, and a count of the requests aap-advise sends.

Inputs come from ``benchmarks/generate.py`` (seeded, written to ``benchmarks/.data/``, kept
out of git). Timing uses hyperfine when it is installed (``-N``, no shell), else a
``time.perf_counter`` loop; peak RSS comes from ``wait4``. Nothing here is part of the test
suite's pass/fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate

DATA = generate.DEFAULT_OUT
VENV = DATA / "venv"
UV_VENV = DATA / "uv-venv"
INDEX = "https://pypi.org/simple/"


# -- running and timing -------------------------------------------------------------------


@dataclass
class Runner:
    """One way of running aap-advise, and the interpreter its floors run with."""

    name: str
    command: list[str]
    python: str
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = ROOT


def _env(extra: dict[str, str]) -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE would make every run of the checkout recompile it: users have
    # bytecode (pip writes it at install time; the warm-up runs write it here).
    drop = ("PYTHONPATH", "AAP_ADVISE_CACHE_DIR", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra)
    return env


def median_seconds(
    argv: Sequence[str], runs: int, warmup: int, runner: Runner, timer: str
) -> float:
    """The median wall time of ``argv`` over ``runs`` runs (output discarded)."""
    if timer == "hyperfine":
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
            export = fh.name
        try:
            subprocess.run(
                [
                    "hyperfine",
                    "-N",
                    "-i",
                    "--style",
                    "none",
                    "-w",
                    str(warmup),
                    "-r",
                    str(runs),
                    "--export-json",
                    export,
                    shlex.join(argv),
                ],
                check=True,
                cwd=runner.cwd,
                env=_env(runner.env),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            with open(export, encoding="utf-8") as fh:
                return float(json.load(fh)["results"][0]["median"])
        finally:
            os.unlink(export)
    times = []
    for i in range(warmup + runs):
        start = time.perf_counter()
        subprocess.run(
            argv,
            check=False,
            cwd=runner.cwd,
            env=_env(runner.env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if i >= warmup:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


#: Runs a command and prints its peak RSS. A child forked from this (large) script would
#: inherit its memory high-water mark through exec on Linux; forked from this small wrapper, the
#: mark it starts with is below any Python process's own peak, so the number is the command's.
_RSS_WRAPPER = """
import os, sys
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.execvp(sys.argv[1], sys.argv[1:])
_, _, usage = os.wait4(pid, 0)
print(usage.ru_maxrss)
"""


def peak_rss_mb(argv: Sequence[str], runner: Runner) -> float:
    """Peak resident set size of one run of ``argv``, in MB (``wait4``'s ru_maxrss)."""
    out = subprocess.run(
        [sys.executable, "-S", "-c", _RSS_WRAPPER, *argv],
        cwd=runner.cwd,
        env=_env(runner.env),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    maxrss = int(out.strip())
    return (
        maxrss / 1024 / 1024 if sys.platform == "darwin" else maxrss / 1024
    )  # bytes on macOS, KiB on Linux


def run_once(argv: Sequence[str], runner: Runner, timeout: float = 600) -> tuple[float, int, str]:
    """One run: (seconds, exit status, stdout)."""
    start = time.perf_counter()
    proc = subprocess.run(
        argv,
        check=False,
        cwd=runner.cwd,
        env=_env(runner.env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return time.perf_counter() - start, proc.returncode, proc.stdout


# -- setting up ---------------------------------------------------------------------------


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def venv_script(venv: Path, name: str) -> Path:
    return (
        venv
        / ("Scripts" if os.name == "nt" else "bin")
        / (name + (".exe" if os.name == "nt" else ""))
    )


def install_venv(venv: Path) -> None:
    """A virtual environment holding this checkout as ``pip install .`` installs it."""
    if not venv_python(venv).exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv_python(venv)), "-m", "pip", "install", "-q", str(ROOT)], check=True
        )
    else:  # refresh the project itself (the code under test), keep its dependencies
        subprocess.run(
            [
                str(venv_python(venv)),
                "-m",
                "pip",
                "install",
                "-q",
                "--no-deps",
                "--force-reinstall",
                str(ROOT),
            ],
            check=True,
        )


def install_uv(venv: Path) -> Path:
    if not venv_script(venv, "uv").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv_python(venv)), "-m", "pip", "install", "-q", "uv"], check=True)
    return venv_script(venv, "uv")


def probe(mode: str, argv: Sequence[str], runner: Runner) -> dict[str, object]:
    """Run ``benchmarks/probe.py`` with the runner's interpreter and ``advisor``."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = fh.name
    try:
        subprocess.run(
            [runner.python, str(HERE / "probe.py"), mode, out, "--", *argv],
            cwd=runner.cwd,
            env=_env(runner.env),
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=600,
        )
        with open(out, encoding="utf-8") as fh:
            return dict(json.load(fh))
    finally:
        os.unlink(out)


def import_profile(argv: Sequence[str], runner: Runner, top: int = 12) -> list[tuple[str, float]]:
    """Self import time (ms) by top-level package for one run, largest first."""
    proc = subprocess.run(
        [runner.python, "-X", "importtime", *argv],
        check=False,
        cwd=runner.cwd,
        env=_env(runner.env),
        capture_output=True,
        text=True,
    )
    totals: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        parts = line.removeprefix("import time:").split("|")
        self_us, name = int(parts[0].strip()), parts[2].strip()
        key = ".".join(name.split(".")[:2]) if name.startswith("advisor.") else name.split(".")[0]
        totals[key] = totals.get(key, 0.0) + self_us / 1000
    return sorted(totals.items(), key=lambda kv: -kv[1])[:top]


# -- the cases ----------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    args: list[str]
    floor: list[str] | None  # the floor command's arguments after the interpreter
    floor_label: str
    budget: float | None  # ratio; None for an absolute budget or none
    budget_label: str
    absolute: float | None = None  # seconds
    informational: bool = False


@dataclass
class Result:
    case: Case
    runner: str
    median: float
    floor: float | None
    rss_mb: float
    floor_rss_mb: float | None

    @property
    def ratio(self) -> float | None:
        return self.median / self.floor if self.floor else None

    @property
    def passed(self) -> bool | None:
        if self.case.absolute is not None:
            return self.median < self.case.absolute
        if self.case.budget is not None and self.ratio is not None:
            return self.ratio <= self.case.budget
        return None


def cases(paths: dict[str, Path]) -> list[Case]:
    def toml_floor(p: Path) -> list[str]:
        return ["-c", f"import tomllib; tomllib.load(open({str(p)!r}, 'rb'))"]

    req = paths["requirements"]
    out = [
        Case("--version", ["--version"], ["-c", "pass"], "python -c pass", 6.0, "6x"),
        Case(
            "uv.lock 2 MB",
            [str(paths["uv.lock"]), "--offline", "--no-cache"],
            toml_floor(paths["uv.lock"]),
            "tomllib load",
            1.5,
            "1.5x",
        ),
        Case(
            "poetry.lock 2 MB",
            [str(paths["poetry.lock"]), "--offline", "--no-cache"],
            toml_floor(paths["poetry.lock"]),
            "tomllib load",
            1.5,
            "(1.5x)",
            informational=True,
        ),
        Case(
            "pdm.lock 2 MB",
            [str(paths["pdm.lock"]), "--offline", "--no-cache"],
            toml_floor(paths["pdm.lock"]),
            "tomllib load",
            1.5,
            "(1.5x)",
            informational=True,
        ),
        Case(
            "hashed requirements 6k lines",
            [str(req), "--offline", "--no-cache"],
            ["-c", f"open({str(req)!r}, encoding='utf-8').read().splitlines()"],
            "read + split lines",
            3.0,
            "3x",
        ),
        Case(
            "hashed requirements 6k lines",
            [str(req), "--offline", "--no-cache"],
            [
                "-c",
                f"import pip_requirements_parser as p; p.RequirementsFile.from_file({str(req)!r})",
            ],
            "pip-requirements-parser read",
            3.0,
            "(3x)",
            informational=True,
        ),
        Case(
            "monorepo 200 manifests",
            [str(paths["monorepo"]), "--offline", "--no-cache"],
            ["-c", "pass"],
            "python -c pass",
            None,
            "< 2 s",
            absolute=2.0,
        ),
    ]
    return out


def measure_offline(
    runners: list[Runner],
    paths: dict[str, Path],
    runs: int,
    warmup: int,
    timer: str,
    say: Callable[[str], None],
) -> list[Result]:
    results = []
    seen: dict[
        tuple[str, ...], tuple[float, float]
    ] = {}  # a run compared with two floors is timed once
    for runner in runners:
        for case in cases(paths):
            argv = [*runner.command, *case.args]
            if tuple(argv) not in seen:
                seen[tuple(argv)] = (
                    median_seconds(argv, runs, warmup, runner, timer),
                    peak_rss_mb(argv, runner),
                )
            median, rss = seen[tuple(argv)]
            floor = (
                median_seconds([runner.python, *case.floor], runs, warmup, runner, timer)
                if case.floor
                else None
            )
            floor_rss = peak_rss_mb([runner.python, *case.floor], runner) if case.floor else None
            result = Result(case, runner.name, median, floor, rss, floor_rss)
            say(
                f"{runner.name:14} {case.name:30} {median * 1000:8.1f} ms  floor "
                f"{(floor or 0) * 1000:8.1f} ms  ratio {result.ratio or 0:5.2f}  rss {rss:6.1f} MB"
            )
            results.append(result)
    return results


def attribution(
    runner: Runner, paths: dict[str, Path], runs: int, warmup: int, timer: str
) -> list[tuple[str, str, float]]:
    """Costs that make up a run: (key, label, seconds), each a process median minus that of
    ``python -c pass`` (the first, ``start``, is ``python -c pass`` itself)."""
    lock = str(paths["uv.lock"])
    py = runner.python
    probes = [
        ("start", "interpreter start-up and exit (`python -c pass`)", ["-c", "pass"]),
        ("prp", "import pip_requirements_parser", ["-c", "import pip_requirements_parser"]),
        (
            "specifiers",
            "import packaging.specifiers (the least a version comparison needs)",
            ["-c", "import packaging.specifiers"],
        ),
        (
            "packaging",
            "import packaging (specifiers, version, utils, markers, requirements)",
            [
                "-c",
                (
                    "import packaging.specifiers, packaging.version, packaging.utils, packaging.markers, "
                    "packaging.requirements"
                ),
            ],
        ),
        ("pylock", "import packaging.pylock", ["-c", "import packaging.pylock"]),
        ("manifests", "import advisor.manifests (all readers)", ["-c", "import advisor.manifests"]),
        (
            "pipeline",
            "import advisor.pipeline (every module an offline run needs)",
            ["-c", "import advisor.pipeline"],
        ),
        (
            "pipeline_exit",
            "  the same, exiting with os._exit (no interpreter teardown)",
            ["-c", "import os, advisor.pipeline; os._exit(0)"],
        ),
        (
            "toml",
            "tomllib load of the uv.lock",
            ["-c", f"import tomllib; tomllib.load(open({lock!r}, 'rb'))"],
        ),
        (
            "run_exit",
            "aap-advise uv.lock, in-process, exiting with os._exit",
            [
                "-c",
                (
                    "import os, sys; from advisor.frontends.cli import main; "
                    f"main([{lock!r}, '--offline', '--no-cache']); sys.stdout.flush(); os._exit(0)"
                ),
            ],
        ),
    ]
    base = median_seconds([py, "-c", "pass"], runs, warmup, runner, timer)
    out = []
    for key, label, argv in probes:
        if key == "start":
            out.append((key, label, base))
        else:
            out.append(
                (key, label, median_seconds([py, *argv], runs, warmup, runner, timer) - base)
            )
    return out


# -- online -------------------------------------------------------------------------------


@dataclass
class Online:
    scope: list[str]
    cold: list[float]
    warm: list[float]
    offline_cache: list[float]
    offline_no_cache: list[float]
    uv: dict[str, tuple[float, int]]
    uv_version: str
    requests_cold: dict[str, object]
    requests_warm: dict[str, object]
    warm_phases: dict[str, object]
    rss_cold_mb: float
    rss_warm_mb: float


def measure_online(
    runner: Runner, paths: dict[str, Path], runs: int, say: Callable[[str], None]
) -> Online:
    project = paths["online"]
    folder = project.parent
    base = [*runner.command, str(project)]
    _, _, text = run_once([*base, "--offline", "--no-cache", "--format", "json"], runner)
    scope = list(json.loads(text)["python"]["versions"])
    say(f"online: CPythons in scope {', '.join(scope)}")

    uv = install_uv(UV_VENV)
    uv_version = subprocess.run(
        [str(uv), "--version"], check=False, capture_output=True, text=True
    ).stdout.strip()
    uv_times: dict[str, tuple[float, int]] = {}
    for py in scope:
        samples, code = [], 0
        for _ in range(runs):
            # --no-python-downloads: never fetch an interpreter (that is not resolution work).
            seconds, code, _ = run_once(
                [
                    str(uv),
                    "pip",
                    "compile",
                    str(project.name),
                    "--python-version",
                    py,
                    "--no-cache",
                    "--no-python-downloads",
                    "-q",
                    "-o",
                    os.devnull,
                ],
                Runner("uv", [], runner.python, cwd=folder),
            )
            samples.append(seconds)
        uv_times[py] = (statistics.median(samples), code)
        say(f"online: uv pip compile --python-version {py}: {uv_times[py][0]:.2f} s (exit {code})")

    cold, warm, off_cache, off_none = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="aap-bench-") as tmp:
        for i in range(runs):
            cache = Path(tmp) / f"cold-{i}"
            seconds, code, _ = run_once(
                [*base, "--cache-dir", str(cache), "--index-url", INDEX], runner
            )
            cold.append(seconds)
            say(f"online: cold run {i + 1}: {seconds:.2f} s (exit {code})")
        cache = Path(tmp) / f"cold-{runs - 1}"
        for _ in range(max(runs, 5)):
            warm.append(
                run_once([*base, "--cache-dir", str(cache), "--index-url", INDEX], runner)[0]
            )
            off_cache.append(run_once([*base, "--offline", "--cache-dir", str(cache)], runner)[0])
            off_none.append(run_once([*base, "--offline", "--no-cache"], runner)[0])
        warm_phases = probe(
            "phases", [str(project), "--cache-dir", str(cache), "--index-url", INDEX], runner
        )
        requests_warm = probe(
            "requests", [str(project), "--cache-dir", str(cache), "--index-url", INDEX], runner
        )
        requests_cold = probe(
            "requests",
            [str(project), "--cache-dir", str(Path(tmp) / "counted"), "--index-url", INDEX],
            runner,
        )
        rss_warm = peak_rss_mb([*base, "--cache-dir", str(cache), "--index-url", INDEX], runner)
        rss_cold = peak_rss_mb(
            [*base, "--cache-dir", str(Path(tmp) / "rss"), "--index-url", INDEX], runner
        )
    say(
        f"online: warm {statistics.median(warm):.2f} s, offline (same cache) {statistics.median(off_cache):.2f} s, "
        f"requests cold {requests_cold['requests']}, warm {requests_warm['requests']}"
    )
    return Online(
        scope,
        cold,
        warm,
        off_cache,
        off_none,
        uv_times,
        uv_version,
        requests_cold,
        requests_warm,
        warm_phases,
        rss_cold,
        rss_warm,
    )


# -- the report ---------------------------------------------------------------------------


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.0f} ms"


def _verdict(ok: bool | None, informational: bool = False) -> str:
    if ok is None:
        return "—"
    text = "pass" if ok else "**FAIL**"
    return f"({text.strip('*').lower()})" if informational else text


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next(
                (line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), cpu
            )
    except OSError:
        pass
    commit = (
        subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        or "unknown"
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "advisor"],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return [
        f"- Machine: {cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        f"- Python: {platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        f"- Code: commit {commit}{' with uncommitted changes under advisor/' if dirty else ''}",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
    ]


def render(
    results: list[Result],
    phases: dict[str, dict[str, dict[str, object]]],
    imports: dict[str, list[tuple[str, float]]],
    parts: dict[str, list[tuple[str, str, float]]],
    online: Online | None,
    args: argparse.Namespace,
    sizes: dict[str, str],
    timer: str,
) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `python benchmarks/run.py` (see `benchmarks/README.md`); numbers from the machine",
        "below, all in one run. They are not part of the test suite's pass/fail.",
        "",
        *machine(),
        f"- Timing: {timer}, median of {args.runs} runs after {args.warmup} warm-up runs; peak RSS from `wait4`",
        "",
        "## How the budgets are read",
        "",
        "- Every number is a whole process, start to exit, as a pre-commit hook or CI step pays it.",
        "- The floor runs with the same interpreter as aap-advise, in the same run: `python -c pass`",
        "  for `--version`; `python -c \"import tomllib; tomllib.load(open(LOCK, 'rb'))\"` for a lock",
        "  (the bare TOML parse of the file; aap-advise's lock readers skip the per-file hash lists, nine",
        "  tenths of the bytes, so they parse less than this floor does);",
        '  `python -c "open(REQ).read().splitlines()"` for the requirements file ("reading it" read',
        "  literally, the judged budget). For information, the same run also times reading the file with",
        "  pip-requirements-parser (`RequirementsFile.from_file`, what pip-audit runs to read it), in",
        "  parentheses.",
        "- Offline advice is `aap-advise FILE --offline --no-cache` (the pre-commit hook's mode: shipped",
        "  snapshot only). The issue's budgets are for `uv.lock`; `poetry.lock` and `pdm.lock` are",
        "  held to the same 1.5x for information only (in parentheses).",
        "- Two runners: `python -m advisor` from the checkout (this script's interpreter), and the",
        "  `aap-advise` console script of a fresh `pip install .` virtual environment (what users run;",
        "  its floors use that environment's `python`). A budget is met when it is met by both.",
        '- Online: "cold" is a fresh `--cache-dir`; "warm" reuses it within the 10-minute page',
        "  freshness window; the warm budget is judged against `--offline` with the same cache (the same",
        "  answer from the same data, without the network). `uv pip compile requirements.in",
        "  --python-version X.Y --no-cache --no-python-downloads` runs once per CPython in aap-advise's",
        '  scope (aap-advise answers for all of them in one run); "well ahead" is read as taking at',
        "  most half of the summed uv time, and the ratio to a single uv run is shown as well.",
        "",
        "## Inputs",
        "",
        *[f"- {k}: {v}" for k, v in sizes.items()],
        "",
        "## Offline",
        "",
        "| runner | case | median | floor | floor median | ratio | budget | result | peak RSS (floor) |",
        "| --- | --- | ---: | --- | ---: | ---: | ---: | --- | ---: |",
    ]
    for r in results:
        ratio = (
            f"{r.ratio:.2f}x"
            if r.ratio is not None and r.case.absolute is None
            else (f"{r.ratio:.1f}x" if r.ratio is not None else "—")
        )
        floor_rss = f" ({r.floor_rss_mb:.0f} MB)" if r.floor_rss_mb is not None else ""
        lines.append(
            f"| {r.runner} | {r.case.name} | {_ms(r.median)} | {r.case.floor_label} | {_ms(r.floor)} | "
            f"{ratio} | {r.case.budget_label} | {_verdict(r.passed, r.case.informational)} | "
            f"{r.rss_mb:.0f} MB{floor_rss} |"
        )
    lines += [
        "",
        "### Where the time goes",
        "",
        'One in-process run per input (`benchmarks/probe.py phases`), milliseconds; "imports" is',
        "importing the CLI and pipeline modules (interpreter start-up is not included).",
        "",
    ]
    for runner_name, per_case in phases.items():
        keys = ["imports", "read files", "release snapshot", "knowledge", "plan", "render", "other"]
        lines += [
            f"{runner_name}:",
            "",
            "| case | " + " | ".join(keys) + " | total |",
            "| --- |" + " ---: |" * (len(keys) + 1),
        ]
        for name, data in per_case.items():
            ms = data["ms"]
            assert isinstance(ms, dict)
            lines.append(
                f"| {name} | "
                + " | ".join(f"{ms.get(k, 0):.0f}" for k in keys)
                + f" | {data['total_ms']:.0f} |"
            )
        lines.append("")
    for runner_name, top in imports.items():
        lines += [
            (
                f"Largest self import times, `-X importtime`, uv.lock run, {runner_name} (ms; modules grouped by "
                "top-level package, `advisor` by subpackage):"
            ),
            "",
            "| module | ms |",
            "| --- | ---: |",
        ]
        lines += [f"| {name} | {ms:.1f} |" for name, ms in top]
        lines.append("")
    for runner_name, rows in parts.items():
        lines += [
            (
                f"What the pieces cost on their own, {runner_name} (process medians minus `python -c pass`; the "
                "first row is `python -c pass` itself):"
            ),
            "",
            "| piece | ms |",
            "| --- | ---: |",
        ]
        lines += [f"| {label} | {seconds * 1000:.0f} |" for _key, label, seconds in rows]
        lines.append("")
    failed = [r for r in results if r.passed is False and not r.case.informational]
    if failed:
        lines += ["### Budgets not met", ""]
        for r in failed:
            assert r.floor is not None
            allowed = (r.case.budget or 0) * r.floor
            lines.append(
                f"- {r.runner}, {r.case.name}: {_ms(r.median)} against {_ms(allowed)} allowed "
                f"({r.case.budget_label} of {_ms(r.floor)}), {_ms(r.median - allowed)} over."
            )
        lines += ["", *dominates(results, phases, parts), ""]
    if online is not None:
        lines += online_section(online)
    return "\n".join(lines).rstrip() + "\n"


def dominates(
    results: list[Result],
    phases: dict[str, dict[str, dict[str, object]]],
    parts: dict[str, list[tuple[str, str, float]]],
) -> list[str]:
    """What the over-budget cases spend their time on, from the numbers measured above."""
    out = []
    for runner_name, rows in parts.items():
        p = {key: seconds * 1000 for key, _label, seconds in rows}
        failed = [
            r
            for r in results
            if r.runner == runner_name and r.passed is False and not r.case.informational
        ]
        if not failed:
            continue
        out += [f"What dominates, {runner_name}:", ""]
        for r in failed:
            ms = phases[runner_name].get(r.case.name, {}).get("ms", {})
            assert isinstance(ms, dict)
            allowed = (r.case.budget or 0) * (r.floor or 0) * 1000
            least = p["start"] + p["specifiers"]
            spent = ", ".join(f"{k} {v:.0f} ms" for k, v in ms.items() if v >= 1)
            line = (
                f"- {r.case.name}: {r.case.budget_label} of the floor is {allowed:.0f} ms. Interpreter "
                f"start-up ({p['start']:.0f} ms) and importing packaging.specifiers ({p['specifiers']:.0f} "
                f"ms more), the least any version comparison needs, already take {least:.0f} ms"
            )
            line += (
                ", more than the budget allows before a line of the file is read."
                if least > allowed
                else "."
            )
            out.append(line + f" In-process, the run spends: {spent}.")
        out.append("")
    return out


def online_section(o: Online) -> list[str]:
    cold = statistics.median(o.cold)
    warm = statistics.median(o.warm)
    off = statistics.median(o.offline_cache)
    off_none = statistics.median(o.offline_no_cache)
    ok_uv = list(o.uv.values())
    uv_total = sum(t for t, _ in ok_uv)
    uv_single = statistics.median([t for t, _ in ok_uv]) if ok_uv else 0.0
    rc, rw = o.requests_cold, o.requests_warm
    lines = [
        "## Online",
        "",
        (
            f"Project: `benchmarks/.data/online/requirements.in` (15 direct dependencies, ddtrace 2.21.4); index "
            f"{INDEX}; CPythons in scope: {', '.join(o.scope)}; {o.uv_version}."
        ),
        "",
        "| run | median | compared with | ratio | budget | result |",
        "| --- | ---: | --- | ---: | ---: | --- |",
        (
            f"| aap-advise, cold cache | {cold:.2f} s | uv pip compile, summed over {len(o.uv)} CPythons "
            f"({uv_total:.2f} s) | {cold / uv_total:.2f}x | ≤ 0.5x | {_verdict(cold <= 0.5 * uv_total)} |"
        ),
        (
            f"| aap-advise, cold cache | {cold:.2f} s | one uv pip compile (median over CPythons, {uv_single:.2f} s) | "
            f"{cold / uv_single:.2f}x | — | — |"
        ),
        (
            f"| aap-advise, warm cache | {warm:.2f} s | aap-advise --offline, same cache ({off:.2f} s) | "
            f"{warm / off:.2f}x | 1.5x | {_verdict(warm <= 1.5 * off)} |"
        ),
        (
            f"| aap-advise, warm cache | {warm:.2f} s | aap-advise --offline --no-cache ({off_none:.2f} s) | "
            f"{warm / off_none:.2f}x | — | — |"
        ),
        "",
        "uv pip compile per CPython (`--no-cache`; exit 1 is uv reporting that the project as written does not",
        "install there, which is the question aap-advise answers):",
        "",
        "| CPython | seconds | exit |",
        "| --- | ---: | ---: |",
        *[f"| {py} | {t:.2f} | {code} |" for py, (t, code) in o.uv.items()],
        "",
        (
            f"Peak RSS: cold {o.rss_cold_mb:.0f} MB (ddtrace's project page alone is some 21 MB of JSON), "
            f"warm {o.rss_warm_mb:.0f} MB."
        ),
        "",
        f"Cold runs: {', '.join(f'{t:.2f}' for t in o.cold)} s. Warm-run phases (ms): "
        + ", ".join(f"{k} {v:.0f}" for k, v in dict(o.warm_phases["ms"]).items())  # type: ignore[arg-type]
        + f"; httpx imported: {'yes' if o.warm_phases['httpx_imported'] else 'no'}.",
        "",
        "Requests (one more cold run and one warm run, counted in-process by `benchmarks/probe.py requests`):",
        "",
        "| | cold | warm |",
        "| --- | ---: | ---: |",
        f"| requests sent | {rc['requests']} | {rw['requests']} |",
        f"| project pages (distinct) | {rc['project_pages']} ({rc['distinct_pages']}) | {rw['project_pages']} |",
        (
            f"| wheel metadata requests (wheels read; HTTP Range requests) | {rc['metadata_requests']} "
            f"({rc['metadata_files']}; {rc['ranged_requests']}) | {rw['metadata_requests']} |"
        ),
        f"| the same request sent twice | {rc['repeated_requests']} | {rw['repeated_requests']} |",
        f"| most requests in flight at once | {rc['max_in_flight']} | {rw['max_in_flight']} |",
        (
            f"| background fetches never used: pages / metadata (of {rc['background_metadata']} metadata guesses) | "
            f"{rc['background_pages_unused']} / {rc['background_metadata_unused']} | "
            f"{rw['background_pages_unused']} / {rw['background_metadata_unused']} |"
        ),
        "",
        "This index serves no PEP 658 `.metadata` files, so each wheel's METADATA is read with one or two HTTP",
        "Range requests (the zip's tail, then the member when the tail does not hold it).",
    ]
    return lines


# -- main ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--quick", action="store_true", help="5 runs per command, 1 warm-up (numbers are noisier)"
    )
    ap.add_argument(
        "--online", action="store_true", help="also measure online runs against the real index"
    )
    ap.add_argument(
        "--runs", type=int, default=None, help="runs per command (default 15; 5 with --quick)"
    )
    ap.add_argument(
        "--warmup",
        type=int,
        default=None,
        help="warm-up runs per command (default 3; 1 with --quick)",
    )
    ap.add_argument(
        "--online-runs",
        type=int,
        default=None,
        help="runs per online command (default 3; 1 with --quick)",
    )
    ap.add_argument(
        "--no-venv",
        action="store_true",
        help="only python -m advisor, no console-script environment",
    )
    ap.add_argument("--timer", choices=("auto", "hyperfine", "python"), default="auto")
    ap.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument(
        "--no-write", action="store_true", help="print the report instead of writing it"
    )
    args = ap.parse_args(argv)
    args.runs = args.runs or (5 if args.quick else 15)
    args.warmup = args.warmup if args.warmup is not None else (1 if args.quick else 3)
    online_runs = args.online_runs or (1 if args.quick else 3)
    timer = (
        args.timer
        if args.timer != "auto"
        else ("hyperfine" if shutil.which("hyperfine") else "python")
    )

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    paths = generate.generate()
    sizes = {}
    for key, p in paths.items():
        if p.is_dir():
            sizes[key] = (
                f"`{p.relative_to(ROOT)}`: {sum(1 for f in p.rglob('*') if f.is_file())} files"
            )
        else:
            body = p.read_bytes()
            lines = body.count(b"\n")
            sizes[key] = f"`{p.relative_to(ROOT)}`: {len(body) / 1e6:.2f} MB, {lines} lines"
    say(f"inputs written under {DATA}")

    runners = [
        Runner(
            "python -m advisor",
            [sys.executable, "-m", "advisor"],
            sys.executable,
            {"PYTHONPATH": str(ROOT)},
        )
    ]
    if not args.no_venv:
        say(f"installing this checkout into {VENV}")
        install_venv(VENV)
        runners.append(
            Runner(
                "aap-advise (venv)",
                [str(venv_script(VENV, "aap-advise"))],
                str(venv_python(VENV)),
                cwd=DATA,
            )
        )

    results = measure_offline(runners, paths, args.runs, args.warmup, timer, say)
    phases: dict[str, dict[str, dict[str, object]]] = {}
    imports: dict[str, list[tuple[str, float]]] = {}
    for runner in runners:
        phases[runner.name] = {}
        for c in cases(paths)[1:]:  # a run compared with two floors is probed once
            if c.name not in phases[runner.name]:
                phases[runner.name][c.name] = probe("phases", c.args, runner)
        imports[runner.name] = import_profile(
            _import_argv(runner, [str(paths["uv.lock"]), "--offline", "--no-cache"]), runner
        )
    parts = {
        runner.name: attribution(runner, paths, args.runs, args.warmup, timer) for runner in runners
    }
    online = measure_online(runners[-1], paths, online_runs, say) if args.online else None
    text = render(results, phases, imports, parts, online, args, sizes, timer)
    if args.no_write:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        say(f"wrote {args.output}")
    return 0


def _import_argv(runner: Runner, args: list[str]) -> list[str]:
    """The arguments after ``python -X importtime`` that run aap-advise this runner's way."""
    if runner.command[0] == runner.python:  # python -m advisor
        return [*runner.command[1:], *args]
    return [runner.command[0], *args]  # the console script, run as a file by its interpreter


if __name__ == "__main__":
    sys.exit(main())
