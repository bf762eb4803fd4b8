"""``--fix`` on a full disk or a read-only target, through the command line.

Whatever fails, every file keeps its bytes, no temp file is left behind, and the failure is one
line naming the file (exit status 2). Tests run as root here, where permissions stop nothing,
so the failures are simulated where the operating system would report them.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from advisor.frontends.cli import main
from tests._helpers import ARGS, one_error, unchanged


def fail_on_call(number: int, error: OSError, real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, except that call ``number`` (1-based) raises ``error``."""
    calls = 0

    def flaky(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == number:
            raise error
        return real(*args, **kwargs)

    return flaky


def fix(folder: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """Run ``--fix`` on the folder; returns the one error line (the exit status must be 2)."""
    assert main([str(folder), "--fix", *ARGS, *extra]) == 2
    return one_error(capsys)


ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
EROFS = OSError(errno.EROFS, os.strerror(errno.EROFS))
EACCES = PermissionError(errno.EACCES, os.strerror(errno.EACCES))


@pytest.mark.parametrize(
    ("module", "name", "call", "error", "said"),
    [
        # The data reaches the disk at fsync: that is where a full disk says so.
        (os, "fsync", 2, ENOSPC, "No space left on device"),
        (os, "replace", 3, ENOSPC, "No space left on device"),
        # A file system remounted read-only between the check and the write.
        (tempfile, "mkstemp", 1, EROFS, "Read-only file system"),
        (os, "replace", 2, EACCES, "Permission denied"),
    ],
    ids=["disk-full-at-fsync", "disk-full-at-rename", "read-only-fs", "permission-denied"],
)
def test_a_failing_write_restores_every_file(
    module: Any,
    name: str,
    call: int,
    error: OSError,
    said: str,
    project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(module, name, fail_on_call(call, error, getattr(module, name)))
    line = fix(project, capsys)
    assert line.endswith(f": cannot write: {said}; every file was restored"), line
    unchanged(project)


def deny(paths: Callable[[str], bool], monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.access`` says no for the paths ``paths`` picks (what a non-root user would see)."""
    real = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if mode & os.W_OK and paths(os.fspath(path)):
            return False
        return real(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_a_read_only_file_stops_before_anything_is_written(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    deny(lambda p: p.endswith("requirements-dev.txt"), monkeypatch)
    line = fix(project, capsys)
    assert line == (
        f"{project / 'requirements-dev.txt'}: cannot write: the file is read-only; "
        "nothing was written"
    )
    unchanged(project)


def test_a_read_only_folder_stops_before_anything_is_written(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    deny(lambda p: p == str(project.resolve()), monkeypatch)
    line = fix(project, capsys)
    assert line.endswith(
        f": cannot write: its folder {project.resolve()} is read-only; nothing was written"
    )
    unchanged(project)


def test_constraints_that_cannot_be_written_undo_the_fix(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = fix(project, capsys, "--write-constraints", str(project / "missing" / "c.txt"))
    assert line == f"{project / 'missing' / 'c.txt'}: cannot write: No such file or directory"
    unchanged(project)


def test_the_same_fix_then_succeeds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The failures above leave nothing that stops a later run."""
    assert main([str(project), "--fix", *ARGS]) == 1
    assert b"ddtrace==4.6.0" in (project / "requirements.txt").read_bytes()
    assert b"ddtrace>=4.6.0" in (project / "pyproject.toml").read_bytes()
    assert "error" not in capsys.readouterr().err
