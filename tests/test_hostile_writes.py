"""Files are never lost or damaged: output paths that are devices, FIFOs, standard output or a
file read; ``--fix`` interrupted, racing another program, on files with another owner or hard
links; and a ``--fix`` that cannot make the change it advised.

Every test works on real files in ``tmp_path`` (device nodes are made there with ``mknod``: the
real ``/dev/null`` is never at risk). What could hang (a FIFO, a signal) runs in a subprocess
with a timeout.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from advisor.frontends.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARGS = [
    "--offline",
    "--no-cache",
    "-c",
    "api-security",
    "--python",
    "3.12",
    "--today",
    "2026-11-24",
]
REQ = b"flask==3.1.0\nddtrace==2.3.0\n"
REPORT_START = "aap-advise: upgrade ddtrace 2.3.0 -> 4.6.0"
FILES = {
    "requirements.txt": b"flask==3.1.0  # web\r\nddtrace==2.3.0\r\n",
    "requirements-dev.txt": b"-r requirements.txt\npytest==8.0.0\nddtrace==2.3.0 ; python_version >= '3.9'\n",
    "pyproject.toml": b'[project]\nname = "app"\nversion = "1"\ndependencies = ["ddtrace>=2.0"]\n',
}
needs_root = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="giving a file to another owner needs root"
)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices and signals")


def errors(err: str) -> list[str]:
    return [
        ln.removeprefix("aap-advise: error: ")
        for ln in err.splitlines()
        if ln.startswith("aap-advise: error: ")
    ]


def one_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    found = errors(err)
    assert len(found) == 1 and "Traceback" not in err, err
    return found[0]


def cli(cwd: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """aap-advise in its own process (what could block must not block the tests)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kwargs.setdefault("capture_output", "stdout" not in kwargs)
    return subprocess.run(
        [sys.executable, "-m", "advisor", *args, *ARGS],
        cwd=cwd,
        env=env,
        text=True,
        timeout=120,
        check=False,
        **kwargs,
    )


@pytest.fixture
def req(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "requirements.txt"
    path.write_bytes(REQ)
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Three files that all declare ddtrace: --fix edits each of them."""
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def unchanged(folder: Path) -> None:
    """Every file has its bytes back and no temp file is left."""
    for name, data in FILES.items():
        assert (folder / name).read_bytes() == data, name
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)


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
