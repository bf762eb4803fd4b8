"""Time aap-advise against floors measured in the same run, and write ``BENCHMARKS.md`` (issue 19).

Usage (from the repository root)::

    python benchmarks/run.py [--quick] [--online] [--runs N] [--no-write] [--only KEY ...]

Every row runs a whole ``aap-advise`` process, the console script of a fresh ``pip install .``
virtual environment (``benchmarks/.data/venv``), and a whole "floor" process doing the least any
tool must do with the same input (``python -c pass``; ``import packaging.requirements`` and a read
of the file; a bare ``tomllib`` load of the lock; ``benchmarks/floor_walk.py`` over a folder),
with that environment's own ``python``, alternately, in the same run. Each process is started
by a small spawner that forks, execs and reaps it with ``os.wait4``: its wall time, its CPU time
(user + system, its threads and the children it waited for included) and its peak RSS. The
report gives medians of wall and CPU, and judges each row by the ratio of the wall medians to
the budget of issue 19. ``python -m advisor`` from this checkout is timed on the small rows too,
for information.

``--online`` adds the online rows: a cold-cache run for CPython 3.10-3.14 against one
``uv pip compile`` of the same project for one CPython (``--no-cache``), a warm run against
``--offline`` with the same cache, and the peak RSS of the cold run.

Inputs come from ``benchmarks/generate.py`` (seeded, real-shaped, under ``benchmarks/.data/``, out
of git). Nothing here is part of the test suite's pass/fail.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
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
#: The CPythons the online rows plan for (issue 19: 3.10 to 3.14), and the one uv compiles for.
ONLINE_PYTHON = ">=3.10,<3.15"
UV_PYTHON = "3.12"
#: A row whose command takes longer than this is "large": fewer runs, no warm-up beyond the first.
LARGE_SECONDS = 1.0

Say = Callable[[str], None]


# -- spawning and timing ------------------------------------------------------------------------

#: The spawner: a small, long-lived Python that forks, execs and reaps each measured command.
#: Forked from it (not from this script, whose memory the child's peak-RSS mark would inherit
#: through fork and exec), a command's ``ru_maxrss`` is its own; wall time is taken around fork
#: and ``wait4``, without this script's ``subprocess`` overhead.
_SPAWNER = r"""
import json, os, sys, time
null = os.open(os.devnull, os.O_RDWR)
for line in sys.stdin:
    job = json.loads(line)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(job["cwd"])
            os.dup2(null, 0)
            os.dup2(null, 1)
            os.dup2(null, 2)
            os.execve(job["argv"][0], job["argv"], job["env"])
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    sys.stdout.write(json.dumps([wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, code]) + "\n")
    sys.stdout.flush()
"""


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    rss_mb: float
    code: int


@dataclass
class Stats:
    samples: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss_mb(self) -> float:
        return statistics.median(s.rss_mb for s in self.samples)

    @property
    def codes(self) -> set[int]:
        return {s.code for s in self.samples}


def clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE would make every run of the checkout recompile it: users have
    # bytecode (pip writes it at install time; the warm-up runs write it for the checkout).
    drop = ("PYTHONPATH", "AAP_ADVISE_CACHE_DIR", "PYTHONDONTWRITEBYTECODE", "PYTHONSTARTUP")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra or {})
    return env


class Spawner:
    """One spawner process; :meth:`run` times one command."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-S", "-I", "-c", _SPAWNER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, argv: Sequence[str], cwd: Path, env: dict[str, str]) -> Sample:
        exe = argv[0] if os.sep in argv[0] else shutil.which(argv[0], path=env.get("PATH"))
        assert exe, f"not found: {argv[0]}"
        job = {"argv": [exe, *argv[1:]], "cwd": str(cwd), "env": env}
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        wall, cpu, maxrss, code = json.loads(self.proc.stdout.readline())
        rss_mb = maxrss / 2**20 if sys.platform == "darwin" else maxrss / 1024  # bytes / KiB
        return Sample(wall, cpu, rss_mb, code)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


#: argv, or a function of the run's index giving it (a fresh cache folder per cold run).
Command = Sequence[str] | Callable[[int], Sequence[str]]


def _argv(cmd: Command, i: int) -> Sequence[str]:
    return cmd(i) if callable(cmd) else cmd


def measure_pair(
    spawner: Spawner,
    cmd: Command,
    floor: Command,
    runs: int,
    warmup: int,
    cwd: Path,
    env: dict[str, str],
    large_runs: int | None = None,
) -> tuple[Stats, Stats]:
    """Medians of ``cmd`` and ``floor``, run alternately (so that load from other processes
    on the machine falls on both alike) after ``warmup`` runs of each.

    With ``large_runs``, a ``cmd`` whose first run takes over :data:`LARGE_SECONDS` is run
    ``large_runs`` times in all, that first run counted (its inputs are already in the page
    cache and its bytecode compiled: the earlier rows and the install did that).
    """
    a, b = Stats(), Stats()
    i = 0
    while i < warmup + runs:
        first, second = (cmd, floor) if i % 2 == 0 else (floor, cmd)
        s1 = spawner.run(_argv(first, i), cwd, env)
        s2 = spawner.run(_argv(second, i), cwd, env)
        s_cmd = s1 if first is cmd else s2
        if i == 0 and large_runs is not None and s_cmd.wall > LARGE_SECONDS:
            warmup, runs = 0, large_runs
        if i >= warmup:
            (a if first is cmd else b).samples.append(s1)
            (b if first is cmd else a).samples.append(s2)
        i += 1
    return a, b


def measure_rotation(
    spawner: Spawner,
    cmds: Sequence[Command],
    runs: int,
    cwd: Path,
    env: dict[str, str],
) -> list[Stats]:
    """Medians of each of ``cmds``, run in rounds: every round runs each command once, in
    the given order and then in the reverse order, by turns (so no command always follows
    the same one). Figures compared with one another (the linear row's fixed cost and its
    two monorepos) are then taken in the same minutes: the machine's speed, which can swing
    by a tenth within minutes, falls on all of them alike. No warm-up: the rows before made
    the inputs and the bytecode warm."""
    out = [Stats() for _ in cmds]
    for i in range(runs):
        order = range(len(cmds)) if i % 2 == 0 else range(len(cmds) - 1, -1, -1)
        for j in order:
            out[j].samples.append(spawner.run(_argv(cmds[j], i), cwd, env))
    return out


def measure_one(
    spawner: Spawner, cmd: Command, runs: int, warmup: int, cwd: Path, env: dict[str, str]
) -> Stats:
    out = Stats()
    for i in range(warmup + runs):
        s = spawner.run(_argv(cmd, i), cwd, env)
        if i >= warmup:
            out.samples.append(s)
    return out


# -- setting up --------------------------------------------------------------------------------


def venv_bin(venv: Path, name: str) -> Path:
    return (
        venv
        / ("Scripts" if os.name == "nt" else "bin")
        / (name + (".exe" if os.name == "nt" else ""))
    )


def install_venv(venv: Path, say: Say) -> None:
    """A virtual environment holding this checkout as ``pip install .`` installs it: made anew
    when the project's dependencies change, else the project alone reinstalled (the code under
    test is always this checkout's; pip compiles its bytecode as users get it)."""
    stamp = venv / "deps.stamp"
    deps = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != deps:
        say(f"creating {venv} (pip install .)")
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv_bin(venv, "python")), "-m", "pip", "install", "-q", str(ROOT)], check=True
        )
        stamp.write_text(deps)
        return
    say(f"reinstalling this checkout into {venv}")
    subprocess.run(
        [
            str(venv_bin(venv, "python")),
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


def find_uv(say: Say) -> Path:
    try:
        import uv  # the test extra pins it

        return Path(uv.find_uv_bin())
    except (ImportError, FileNotFoundError):
        pass
    if not venv_bin(UV_VENV, "uv").exists():
        say(f"installing uv into {UV_VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(UV_VENV)], check=True)
        subprocess.run(
            [str(venv_bin(UV_VENV, "python")), "-m", "pip", "install", "-q", "uv"], check=True
        )
    return venv_bin(UV_VENV, "uv")


@dataclass
class Runner:
    """One way of running aap-advise, and the interpreter its floors run with."""

    name: str
    command: list[str]
    python: str
    env: dict[str, str]
    cwd: Path


# -- the rows --------------------------------------------------------------------------------


@dataclass
class Row:
    key: str
    case: str
    args: list[str]  # aap-advise's arguments
    floor_label: str
    floor: list[str]  # the floor's arguments after the interpreter
    budget: float
    manifests: int = 0  # for the monorepo rows: per-manifest cost


@dataclass
class Result:
    row: Row
    runner: str
    fig: Stats
    floor: Stats
    error: str | None = None  # what aap-advise said when it did not answer (exit 2)
    runs: int = 0

    @property
    def ratio(self) -> float:
        return self.fig.wall / self.floor.wall

    @property
    def cpu_ratio(self) -> float:
        return self.fig.cpu / self.floor.cpu if self.floor.cpu else float("inf")

    @property
    def passed(self) -> bool:
        return self.error is None and self.ratio <= self.row.budget

    @property
    def allowed(self) -> float:
        return self.row.budget * self.floor.wall


def offline_rows(paths: dict[str, Path]) -> list[Row]:
    def read_floor(p: Path) -> list[str]:
        return ["-c", f"import packaging.requirements; open({str(p)!r}).read()"]

    def toml_floor(p: Path) -> list[str]:
        return ["-c", f"import tomllib; tomllib.load(open({str(p)!r}, 'rb'))"]

    off = ["--offline", "--no-cache"]
    walk = str(HERE / "floor_walk.py")
    rows = [
        Row("version", "`--version`", ["--version"], "`python -c pass`", ["-c", "pass"], 1.5),
        Row(
            "pyproject",
            "offline answer, 20-line pyproject.toml (fixed cost)",
            [str(paths["pyproject"]), *off],
            "import packaging.requirements + read",
            read_floor(paths["pyproject"]),
            1.5,
        ),
        Row(
            "requirements",
            "6,700-line hashed requirements",
            [str(paths["requirements"]), *off],
            "import packaging.requirements + read",
            read_floor(paths["requirements"]),
            2.0,
        ),
        Row(
            "uv.lock",
            "real-shaped uv.lock, 2 MB",
            [str(paths["uv.lock"]), *off],
            "tomllib load",
            toml_floor(paths["uv.lock"]),
            0.8,
        ),
    ]
    for n in generate.MONOREPOS:
        rows.append(
            Row(
                f"monorepo {n}",
                f"monorepo, {n:,} manifests",
                [str(paths[f"monorepo {n}"]), *off],
                "floor_walk.py (walk + tomllib + Requirement())",
                [walk, str(paths[f"monorepo {n}"])],
                1.5,
                manifests=n,
            )
        )
    rows.append(
        Row(
            "uv.lock 10k",
            f"real-shaped uv.lock, {generate.BIG_LOCK_PACKAGES:,} packages",
            [str(paths["uv.lock 10k"]), *off],
            "tomllib load",
            toml_floor(paths["uv.lock 10k"]),
            0.8,
        )
    )
    return rows


def _error_of(runner: Runner, argv: Sequence[str]) -> str | None:
    """What aap-advise said when it did not answer (it exits 2 on an error; 0 and 1 are
    answers), from one more run."""
    proc = subprocess.run(
        argv, cwd=runner.cwd, env=runner.env, capture_output=True, text=True, check=False
    )
    if proc.returncode in (0, 1):
        return None
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    return lines[0] if lines else f"exit {proc.returncode}"


def measure_rows(
    spawner: Spawner,
    runner: Runner,
    rows: Sequence[Row],
    runs: int,
    large_runs: int,
    warmup: int,
    say: Say,
    phases: dict[str, dict[str, object]] | None = None,
    probe_limit: float = float("inf"),
) -> list[Result]:
    """Each row against its floor; with ``phases``, also one in-process run of each row that
    answered in under ``probe_limit`` seconds, right after its timed runs (same sitting)."""
    out = []
    for row in rows:
        argv = [*runner.command, *row.args]
        floor = [runner.python, *row.floor]
        fig, base = measure_pair(
            spawner, argv, floor, runs, warmup, runner.cwd, runner.env, large_runs
        )
        error = _error_of(runner, argv) if fig.codes - {0, 1} else None
        result = Result(row, runner.name, fig, base, error, len(fig.samples))
        out.append(result)
        say(
            f"{runner.name:18} {row.key:14} {fig.wall * 1000:9.1f} ms (cpu {fig.cpu * 1000:8.1f})  "
            f"floor {base.wall * 1000:8.1f} ms (cpu {base.cpu * 1000:8.1f})  {result.ratio:5.2f}x"
            + (f"  ERROR {error}" if error else "")
        )
        if phases is not None and row.key != "version" and error is None:
            if fig.wall < probe_limit:
                phases[row.key] = probe(runner, "phases", row.args)
            else:
                say(f"{row.key}: not probed (over {probe_limit:.0f} s)")
    return out


# -- what the time is spent on --------------------------------------------------------------


def probe(runner: Runner, mode: str, args: Sequence[str]) -> dict[str, object]:
    """``benchmarks/probe.py`` run once with the runner's interpreter and its ``advisor``."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = fh.name
    try:
        subprocess.run(
            [runner.python, str(HERE / "probe.py"), mode, out, "--", *args],
            cwd=runner.cwd,
            env=runner.env,
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=900,
        )
        with open(out, encoding="utf-8") as fh:
            return dict(json.load(fh))
    finally:
        os.unlink(out)


def _imports(runner: Runner, argv: Sequence[str]) -> dict[str, float]:
    """Self import time (ms) of each module ``argv`` imports, by ``-X importtime``."""
    proc = subprocess.run(
        [runner.python, "-X", "importtime", *argv],
        check=False,
        cwd=runner.cwd,
        env=runner.env,
        capture_output=True,
        text=True,
    )
    out: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        parts = line.removeprefix("import time:").split("|")
        out[parts[2].strip()] = int(parts[0].strip()) / 1000
    return out


def import_profile(
    runner: Runner, args: Sequence[str], top: int = 6
) -> tuple[float, list[tuple[str, float]]]:
    """The self import time (ms) a run adds to ``python -c pass``'s: the total, and the largest
    by top-level package (``advisor`` by subpackage). ``-X importtime`` slows what it measures
    a little; the numbers are for comparing modules, not for the budget."""
    bare = _imports(runner, ["-c", "pass"])
    run = _imports(runner, [runner.command[0], *args])  # the console script, run by its python
    totals: dict[str, float] = {}
    for name, ms in run.items():
        if name in bare:
            continue
        key = ".".join(name.split(".")[:2]) if name.startswith("advisor.") else name.split(".")[0]
        totals[key] = totals.get(key, 0.0) + ms
    return sum(totals.values()), sorted(totals.items(), key=lambda kv: -kv[1])[:top]


#: Pieces of a run, each a whole process: (key, label, arguments after the interpreter).
PIECES = (
    ("start", "interpreter start-up and exit (`python -c pass`)", ["-c", "pass"]),
    ("packaging", "`import packaging.requirements`", ["-c", "import packaging.requirements"]),
    (
        "cli",
        "`import advisor.frontends.cli` (what `--version` loads)",
        ["-c", "import advisor.frontends.cli"],
    ),
    (
        "pipeline",
        "`import advisor.pipeline` (every module an offline answer needs)",
        ["-c", "import advisor.pipeline"],
    ),
    (
        "pipeline_exit",
        "  the same, leaving by `os._exit` (no interpreter teardown)",
        ["-c", "import os, advisor.pipeline; os._exit(0)"],
    ),
)


def pieces(
    spawner: Spawner, runner: Runner, runs: int, warmup: int
) -> dict[str, tuple[str, Stats]]:
    return {
        key: (
            label,
            measure_one(spawner, [runner.python, *args], runs, warmup, runner.cwd, runner.env),
        )
        for key, label, args in PIECES
    }


# -- online --------------------------------------------------------------------------------------


@dataclass
class Online:
    scope: list[str]
    uv_version: str
    cold: Result
    warm: Result
    requests: dict[str, object] | None
    cold_phases: dict[str, object] | None


def _codes_error(stats: Stats) -> str | None:
    """An online run that did not answer (exit 2: the index could not be used, say)."""
    bad = sorted(stats.codes - {0, 1})
    return f"aap-advise exited {', '.join(map(str, bad))}" if bad else None


def measure_online(spawner: Spawner, runner: Runner, project: Path, runs: int, say: Say) -> Online:
    base = [*runner.command, str(project), "--python", ONLINE_PYTHON]
    proc = subprocess.run(
        [*base, "--offline", "--no-cache", "--format", "json"],
        cwd=runner.cwd,
        env=runner.env,
        capture_output=True,
        text=True,
        check=False,
    )
    data = json.loads(proc.stdout)
    python = data["projects"][0]["python"] if "projects" in data else data["python"]
    scope = [str(v) for v in python["versions"]]
    say(f"online: CPythons in scope {', '.join(scope)}")
    uv = find_uv(say)
    uv_version = subprocess.run(
        [str(uv), "--version"], check=False, capture_output=True, text=True
    ).stdout.strip()
    uv_cmd = [
        str(uv),
        "pip",
        "compile",
        str(project),
        "--python-version",
        UV_PYTHON,
        "--no-cache",
        "--no-python-downloads",
        "--index-url",
        INDEX,
        "-q",
        "-o",
        os.devnull,
    ]
    with tempfile.TemporaryDirectory(prefix="aap-bench-") as tmp:
        caches = Path(tmp)

        def cold(i: int) -> list[str]:
            return [*base, "--cache-dir", str(caches / f"cold-{i}"), "--index-url", INDEX]

        fig, floor = measure_pair(spawner, cold, uv_cmd, runs, 0, runner.cwd, runner.env)
        cold_result = Result(
            Row(
                "online cold",
                f"online, cold cache, {len(scope)} CPythons ({scope[0]}-{scope[-1]})",
                [],
                f"one `uv pip compile` for CPython {UV_PYTHON} (`--no-cache`)",
                [],
                1.0,
            ),
            runner.name,
            fig,
            floor,
            error=_codes_error(fig),
            runs=runs,
        )
        say(
            f"online: cold {fig.wall:.2f} s (cpu {fig.cpu:.2f}), uv {floor.wall:.2f} s (cpu {floor.cpu:.2f})"
        )
        cache = str(caches / "cold-0")
        warm_cmd = [*base, "--cache-dir", cache, "--index-url", INDEX]
        offline_cmd = [*base, "--offline", "--cache-dir", cache]
        wfig, wfloor = measure_pair(
            spawner, warm_cmd, offline_cmd, max(runs, 5), 1, runner.cwd, runner.env
        )
        warm_result = Result(
            Row("online warm", "online, warm cache", [], "`--offline`, same cache", [], 1.1),
            runner.name,
            wfig,
            wfloor,
            error=_codes_error(wfig),
            runs=max(runs, 5),
        )
        say(f"online: warm {wfig.wall:.3f} s, offline same cache {wfloor.wall:.3f} s")
        phases = requests = None
        try:
            phases = probe(
                runner,
                "phases",
                [
                    str(project),
                    "--python",
                    ONLINE_PYTHON,
                    "--cache-dir",
                    str(caches / "phases"),
                    "--index-url",
                    INDEX,
                ],
            )
            requests = probe(
                runner,
                "requests",
                [
                    str(project),
                    "--python",
                    ONLINE_PYTHON,
                    "--cache-dir",
                    str(caches / "counted"),
                    "--index-url",
                    INDEX,
                ],
            )
        except (subprocess.SubprocessError, OSError, ValueError) as exc:
            say(f"online: probes failed: {exc}")
    return Online(scope, uv_version, cold_result, warm_result, requests, phases)


# -- the report ------------------------------------------------------------------------------


def _t(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.0f} ms"


def _verdict(ok: bool) -> str:
    return "pass" if ok else "**FAIL**"


def machine(load_start: tuple[float, float, float]) -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu
            )
    except OSError:
        pass

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], check=False, cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()

    dirty = git("status", "--porcelain", "--", "advisor", "pyproject.toml")
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return [
        f"- Machine: {cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
        f"load average {load_start[0]:.2f} at the start, {load[0]:.2f} at the end",
        f"- Python: {platform.python_implementation()} {platform.python_version()} ({sys.executable}); "
        f"the console script runs in a venv of it",
        f"- Code: branch `{git('rev-parse', '--abbrev-ref', 'HEAD') or '?'}`, commit "
        f"{git('rev-parse', '--short', 'HEAD') or 'unknown'}"
        + (" with uncommitted changes under advisor/" if dirty else ""),
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
    ]


Imports = dict[str, tuple[float, list[tuple[str, float]]]]


def _split(r: Result, ph: dict[str, object], start: float) -> str:
    """The row's median wall time split as its in-process run split it: start-up and exit (a
    bare interpreter's), then the steps, largest first (one run's shares, scaled to the
    median less start-up, so that they add up to the figure)."""
    ms = ph.get("ms")
    assert isinstance(ms, dict)
    total = sum(max(float(v), 0.0) for v in ms.values())
    rest = max(r.fig.wall - start, 0.0)
    parts = sorted(
        ((max(float(v), 0.0) / total * rest, str(k)) for k, v in ms.items() if total), reverse=True
    )
    shown = [f"{k} {_t(v)}" for v, k in parts[:4] if v >= 0.0005]
    return f"of its {_t(r.fig.wall)}: start-up and exit {_t(start)}, " + ", ".join(shown)


def what_it_takes(
    r: Result,
    phases: dict[str, dict[str, object]],
    start: float,
    imports: Imports,
) -> str:
    """One line for a row over its budget: how much less it needs, and where its time goes.

    ``start`` is a bare interpreter's start-up and exit (``python -c pass``, this run)."""
    if r.error is not None and r.row.key.startswith("online"):
        return f"no answer: {r.error}"
    if r.error is not None:
        return (
            f"not read: `{r.error.strip()}`. The file must be read (the limit raised), and then in at "
            f"most {_t(r.allowed)} ({r.row.budget}x the floor's {_t(r.floor.wall)})"
        )
    need = r.fig.wall - r.allowed
    text = f"needs {_t(need)} less ({_t(r.fig.wall)} against {_t(r.allowed)} allowed)"
    if r.row.key == "version" and "`--version`" in imports:
        total, top = imports["`--version`"]
        return (
            text + f"; of its {_t(r.fig.wall)}: start-up and exit {_t(start)}, the rest, "
            f"{_t(r.fig.wall - start)}, mostly imports beyond a bare interpreter's: by `-X importtime` "
            f"(which inflates them, {total:.0f} ms in all) the largest are "
            + ", ".join(f"{k} {v:.1f} ms" for k, v in top[:4])
        )
    ph = phases.get(r.row.key)
    if ph:
        text += "; " + _split(r, ph, start)
    elif not r.row.key.startswith("online"):
        text += " (no in-process run: `--quick` leaves it out for a row over 10 s)"
    return text


def render(
    results: list[Result],
    linear: Linear | None,
    informational: list[Result],
    phases: dict[str, dict[str, object]],
    parts: dict[str, tuple[str, Stats]],
    imports: Imports,
    online: Online | None,
    online_error: str | None,
    sizes: list[str],
    args: argparse.Namespace,
    load_start: tuple[float, float, float],
) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `python benchmarks/run.py"
        + (" --quick" if args.quick else "")
        + (" --online" if args.online else "")
        + "` (see `benchmarks/README.md`), all in one run on the machine below. Not part of the"
        " test suite's pass/fail.",
        "",
        *machine(load_start),
        *([f"- Note: {args.note}"] if args.note else []),
        f"- Runs: median of {args.runs} runs per command ({args.large_runs} for a command over "
        f"{LARGE_SECONDS:.0f} s) after {args.warmup} warm-up run{'' if args.warmup == 1 else 's'}, "
        "aap-advise and its floor alternating",
        "",
        "## How to read it",
        "",
        "- aap-advise is the `aap-advise` console script of a fresh `pip install .` virtual environment;",
        "  every floor runs with that environment's `python`, in the same run. Offline answers are",
        "  `aap-advise PATH --offline --no-cache` (the pre-commit hook's mode).",
        "- Wall and CPU are medians over whole processes, start to exit; CPU is user + system time from",
        "  `os.wait4` (threads and waited-for children included). A row passes when the ratio of the",
        "  wall medians is within the budget; the CPU ratio is shown beside it. On a loaded machine (see",
        "  the load average above: 2 cores) the CPU ratio is the steadier of the two for an offline row;",
        "  an online run waits on the network, and its wall time is what counts.",
        "- Linear: the per-manifest cost of a monorepo is its wall time less the fixed cost (the",
        "  20-line pyproject answer), divided by its manifests; 3,200 manifests may cost at most 1.25x",
        "  per manifest what 200 do. The three are timed again for it, in rounds of the three (forwards",
        "  and backwards by turns), so that they come from the same minutes.",
        "",
        "## Results",
        "",
        "| case | aap-advise wall / CPU | floor | floor wall / CPU | ratio wall (CPU) | budget | result |",
        "| --- | ---: | --- | ---: | ---: | ---: | --- |",
    ]
    by_key = {r.row.key: r for r in results}
    failing: list[tuple[str, str]] = []
    # a bare interpreter's start-up and exit: the `--version` row's floor, else the pieces'
    start_up = by_key["version"].floor.wall if "version" in by_key else parts["start"][1].wall

    def add(r: Result) -> None:
        figure = "refused" if r.error else f"{_t(r.fig.wall)} / {_t(r.fig.cpu)}"
        ratio = "—" if r.error else f"{r.ratio:.2f}x ({r.cpu_ratio:.2f}x)"
        lines.append(
            f"| {r.row.case} | {figure} | {r.row.floor_label} | {_t(r.floor.wall)} / {_t(r.floor.cpu)} | "
            f"{ratio} | ≤ {r.row.budget}x | {_verdict(r.passed)} |"
        )
        if not r.passed:
            failing.append((r.row.case, what_it_takes(r, phases, start_up, imports)))

    for r in results:
        add(r)
        if r.row.key == f"monorepo {generate.MONOREPOS[-1]}":
            lines.append(linear_row(linear, failing))
    if online is not None:
        if online.cold_phases:
            phases = {**phases, online.cold.row.key: online.cold_phases}
        add(online.cold)
        add(online.warm)
        rss = online.cold.fig.rss_mb
        lines.append(
            f"| peak RSS, online cold run | {rss:.0f} MB | — | — | — | ≤ 80 MB | {_verdict(rss <= 80)} |"
        )
        if rss > 80:
            failing.append(
                (
                    "peak RSS, online cold run",
                    f"needs {rss - 80:.0f} MB less ({rss:.0f} MB against 80 MB; `uv pip compile`'s "
                    f"peak for one CPython: {online.cold.floor.rss_mb:.0f} MB)",
                )
            )
    elif online_error:
        lines.append(f"| online rows | not measured: {online_error} | | | | | — |")
    else:
        lines.append("| online rows | not measured (run with `--online`) | | | | | — |")
    if failing:
        lines += ["", "### What the failing rows would take", ""]
        lines += [f"- {case}: {text}." for case, text in failing]
    lines += ["", "## Inputs", "", *sizes, ""]
    lines += [
        "## Where the time goes",
        "",
        "Whole processes (medians, this run), each piece over `python -c pass`:",
        "",
        "| piece | wall | CPU |",
        "| --- | ---: | ---: |",
    ]
    start = parts["start"][1]
    for key, (label, st) in parts.items():
        if key == "start":
            lines.append(f"| {label} | {_t(st.wall)} | {_t(st.cpu)} |")
        else:
            lines.append(f"| {label} | +{_t(st.wall - start.wall)} | +{_t(st.cpu - start.cpu)} |")
    keys = ["imports", "read files", "release snapshot", "knowledge", "plan", "render", "other"]
    lines += [
        "",
        "One in-process run per row, right after its timed runs (`benchmarks/probe.py phases`,",
        "milliseconds; imports are the CLI's and the pipeline's modules; the interpreter's start-up",
        "and teardown are outside). The failing rows' lines above apply these shares to the medians:",
        "",
        "| case | " + " | ".join(keys) + " | total |",
        "| --- |" + " ---: |" * (len(keys) + 1),
    ]
    for r in results:
        ph = phases.get(r.row.key)
        if not ph:
            continue
        ms = ph["ms"]
        assert isinstance(ms, dict)
        lines.append(
            f"| {r.row.case} | "
            + " | ".join(f"{float(ms.get(k, 0)):.0f}" for k in keys)
            + f" | {float(str(ph['total_ms'])):.0f} |"
        )
    if online is not None and online.cold_phases:
        ms = online.cold_phases["ms"]
        assert isinstance(ms, dict)
        lines.append(
            "| online, cold cache | "
            + " | ".join(f"{float(ms.get(k, 0)):.0f}" for k in keys)
            + f" | {float(str(online.cold_phases['total_ms'])):.0f} |"
        )
    for key, (total, top) in imports.items():
        lines += [
            "",
            f"Imports of the {key} run beyond a bare interpreter's, by `-X importtime`: {total:.0f} ms of "
            "self time; the largest (ms, by top-level package, `advisor` by subpackage): "
            + ", ".join(f"{k} {v:.1f}" for k, v in top)
            + ".",
        ]
    if informational:
        lines += [
            "",
            "## For information: `python -m advisor` from the checkout",
            "",
            "The same rows run from this checkout with the interpreter running the benchmark (floors with it too):",
            "",
            "| case | wall / CPU | floor wall / CPU | ratio wall (CPU) | budget |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for r in informational:
            lines.append(
                f"| {r.row.case} | {_t(r.fig.wall)} / {_t(r.fig.cpu)} | {_t(r.floor.wall)} / {_t(r.floor.cpu)} | "
                f"{r.ratio:.2f}x ({r.cpu_ratio:.2f}x) | {r.row.budget}x |"
            )
    if online is not None:
        lines += ["", *online_details(online)]
    return "\n".join(lines).rstrip() + "\n"


#: The linear row's three commands (the fixed-cost answer, then the two monorepos), each with
#: its manifests (none for the fixed cost), as :func:`measure_linear` timed them in rounds.
Linear = list[tuple[int, Stats]]


def measure_linear(
    spawner: Spawner, runner: Runner, results: Sequence[Result], large_runs: int, say: Say
) -> Linear | None:
    """The fixed-cost answer and both monorepos again, in ``2 * large_runs - 1`` rounds of the
    three (:func:`measure_rotation`): the linear row compares their times with one another, so
    they are taken in the same minutes rather than from rows timed minutes apart."""
    by_key = {r.row.key: r for r in results}
    keys = ["pyproject", *(f"monorepo {n}" for n in generate.MONOREPOS)]
    if not all(k in by_key and by_key[k].error is None for k in keys):
        return None
    rows = [by_key[k].row for k in keys]
    stats = measure_rotation(
        spawner,
        [[*runner.command, *row.args] for row in rows],
        2 * large_runs - 1,
        runner.cwd,
        runner.env,
    )
    say(
        "linear: "
        + ", ".join(f"{k} {s.wall * 1000:.1f} ms" for k, s in zip(keys, stats, strict=True))
    )
    return [(row.manifests or 0, s) for row, s in zip(rows, stats, strict=True)]


def linear_row(linear: Linear | None, failing: list[tuple[str, str]]) -> str:
    if linear is None:
        return "| linear | not measured | | | | | — |"
    (_, fixed), (n0, small), (n1, large) = linear
    per = [(s.wall - fixed.wall) / n for n, s in ((n0, small), (n1, large))]
    per_cpu = [(s.cpu - fixed.cpu) / n for n, s in ((n0, small), (n1, large))]
    ratio, cpu_ratio = per[1] / per[0], per_cpu[1] / per_cpu[0]
    ok = ratio <= 1.25
    if not ok:
        extra = (per[1] - 1.25 * per[0]) * n1
        failing.append(
            (
                "linear",
                f"per manifest {per[0] * 1000:.2f} ms at {n0} and {per[1] * 1000:.2f} ms at {n1:,} "
                f"({ratio:.2f}x); at 1.25x, {n1:,} manifests would take {_t(extra)} less",
            )
        )
    return (
        f"| linear: per manifest, {n1:,} vs {n0} | {per[1] * 1000:.2f} vs {per[0] * 1000:.2f} ms "
        f"(CPU {per_cpu[1] * 1000:.2f} vs {per_cpu[0] * 1000:.2f}) | the fixed cost and both "
        f"monorepos timed in rounds | {_t(fixed.wall)}, {_t(small.wall)}, {_t(large.wall)} | "
        f"{ratio:.2f}x ({cpu_ratio:.2f}x) | ≤ 1.25x | {_verdict(ok)} |"
    )


def online_details(o: Online) -> list[str]:
    lines = [
        "## Online details",
        "",
        f"Project: `benchmarks/.data/online/requirements.in` (15 direct dependencies, ddtrace 2.21.4), "
        f"`--python '{ONLINE_PYTHON}'` (CPythons {', '.join(o.scope)}); index {INDEX}; {o.uv_version}. "
        f"Cold runs (fresh `--cache-dir` each): "
        + ", ".join(f"{s.wall:.2f}" for s in o.cold.fig.samples)
        + " s; uv: "
        + ", ".join(f"{s.wall:.2f}" for s in o.cold.floor.samples)
        + f" s (exit {sorted(o.cold.floor.codes)}). Peak RSS: cold {o.cold.fig.rss_mb:.0f} MB, "
        f"warm {o.warm.fig.rss_mb:.0f} MB, uv {o.cold.floor.rss_mb:.0f} MB.",
    ]
    rc = o.requests
    if rc:
        lines += [
            "",
            f"One counted cold run (`benchmarks/probe.py requests`): {rc['requests']} requests, "
            f"{rc['project_pages']} project pages ({rc['distinct_pages']} distinct), "
            f"{rc['metadata_requests']} metadata requests ({rc['metadata_files']} wheels, "
            f"{rc['ranged_requests']} HTTP Range), {rc['repeated_requests']} sent twice, "
            f"at most {rc['max_in_flight']} in flight.",
        ]
    return lines


# -- main --------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="7 runs (3 for large rows), 1 warm-up")
    ap.add_argument("--online", action="store_true", help="also the online rows (needs the index)")
    ap.add_argument(
        "--runs", type=int, default=None, help="runs per command (default 11; 7 with --quick)"
    )
    ap.add_argument(
        "--large-runs",
        type=int,
        default=None,
        help="runs of a command over 1 s (default 5; 3 with --quick)",
    )
    ap.add_argument(
        "--warmup", type=int, default=None, help="warm-up runs (default 2; 1 with --quick)"
    )
    ap.add_argument(
        "--online-runs", type=int, default=None, help="cold online runs (default 5; 3 with --quick)"
    )
    ap.add_argument(
        "--only", nargs="*", default=None, help="row keys to run (e.g. version pyproject)"
    )
    ap.add_argument("--no-module", action="store_true", help="skip the `python -m advisor` runner")
    ap.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--note", default="", help="a line to add under the report's header")
    ap.add_argument(
        "--no-write", action="store_true", help="print the report instead of writing it"
    )
    args = ap.parse_args(argv)
    args.runs = args.runs or (7 if args.quick else 11)
    args.large_runs = args.large_runs or (3 if args.quick else 5)
    args.warmup = args.warmup if args.warmup is not None else (1 if args.quick else 2)
    online_runs = args.online_runs or (3 if args.quick else 5)
    load_start = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    paths = generate.generate()
    say(f"inputs under {DATA}")
    install_venv(VENV, say)
    venv = Runner(
        "aap-advise (venv)",
        [str(venv_bin(VENV, "aap-advise"))],
        str(venv_bin(VENV, "python")),
        clean_env(),
        DATA,
    )
    module = Runner(
        "python -m advisor",
        [sys.executable, "-m", "advisor"],
        sys.executable,
        clean_env({"PYTHONPATH": str(ROOT)}),
        DATA,
    )
    rows = [r for r in offline_rows(paths) if args.only is None or r.key in args.only]
    spawner = Spawner()
    try:
        phases: dict[str, dict[str, object]] = {}
        # --quick leaves out the in-process run of a row over 10 s (the 200-manifest row shows
        # where a monorepo's time goes)
        probe_limit = 10.0 if args.quick else float("inf")
        results = measure_rows(
            spawner, venv, rows, args.runs, args.large_runs, args.warmup, say, phases, probe_limit
        )
        linear = measure_linear(spawner, venv, results, args.large_runs, say)
        informational = []
        if not args.no_module:
            small = [r.row for r in results if r.fig.wall < LARGE_SECONDS and r.error is None]
            informational = measure_rows(
                spawner, module, small, args.runs, args.large_runs, args.warmup, say
            )
        parts = pieces(spawner, venv, args.runs, args.warmup)
        imports: Imports = {"`--version`": import_profile(venv, ["--version"])}
        if "uv.lock" in {r.row.key for r in results}:
            imports["2 MB uv.lock"] = import_profile(
                venv, [str(paths["uv.lock"]), "--offline", "--no-cache"]
            )
        online = online_error = None
        if args.online:
            try:
                online = measure_online(spawner, venv, paths["online"], online_runs, say)
            except (subprocess.SubprocessError, OSError, ValueError, KeyError) as exc:
                online_error = f"{type(exc).__name__}: {exc}"
                say(f"online: {online_error}")
    finally:
        spawner.close()
    sizes = input_sizes(paths)
    text = render(
        results,
        linear,
        informational,
        phases,
        parts,
        imports,
        online,
        online_error,
        sizes,
        args,
        load_start,
    )
    if args.no_write:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        say(f"wrote {args.output}")
    return 0


def input_sizes(paths: dict[str, Path]) -> list[str]:
    out = []
    for key, p in paths.items():
        rel = p.relative_to(ROOT)
        if p.is_dir():
            files = [f for f in p.rglob("*") if f.is_file()]
            manifests = sum(
                1
                for f in files
                if f.name == "pyproject.toml" or re.fullmatch(r"requirements.*\.txt", f.name)
            )
            out.append(f"- {key}: `{rel}/`: {manifests:,} manifests among {len(files):,} files")
        else:
            body = p.read_bytes()
            extra = ""
            if p.name == "requirements.txt":
                pins = sum(1 for ln in body.splitlines() if b"==" in ln and not ln.startswith(b" "))
                hashes = body.count(b"--hash=")
                extra = f", {pins} pins, {hashes:,} hashes"
            if p.name == "uv.lock":
                packages = body.count(b"[[package]]")
                markers = body.count(b"resolution-markers = [") - 1
                extra = f", {packages:,} packages ({markers:,} with `resolution-markers`)"
            lines = body.count(b"\n")
            out.append(f"- {key}: `{rel}`: {len(body) / 1e6:.2f} MB, {lines:,} lines{extra}")
    committed = generate.COMMITTED_LOCK
    same = committed.exists() and committed.read_bytes() == paths["uv.lock"].read_bytes()
    out.append(
        f"- `benchmarks/{committed.name}` (in git, to review the shape) is "
        + (
            "the 2 MB lock above, byte for byte."
            if same
            else "NOT the 2 MB lock above: refresh it with `generate.py --commit-lock`."
        )
    )
    return out


if __name__ == "__main__":
    sys.exit(main())
