"""A small dependency file is opened once: the bytes its format is told by are the whole file,
and its reader is given them (:func:`advisor.manifests._text.read_ahead`) instead of opening
it again. A larger one is read by its reader as before, with the same limits. Counts, never
times.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from advisor.errors import ManifestError
from advisor.manifests import _text, read_paths


def _count_opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    real = os.open

    def counted(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        opened.append(os.fspath(path))
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", counted)
    return opened


def _project(tmp_path: Path, padding: int = 0) -> Path:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "svc"\nversion = "1"\ndependencies = ["flask>=3"]\n'
        + "# padding\n" * padding,
        encoding="utf-8",
    )
    (tmp_path / "requirements.txt").write_text(
        "-r requirements-base.txt\nddtrace==2.3.0\n", encoding="utf-8"
    )
    (tmp_path / "requirements-base.txt").write_text("requests==2.32.3\n", encoding="utf-8")
    return tmp_path


def test_each_small_file_is_opened_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _project(tmp_path)
    opened = _count_opens(monkeypatch)
    project = read_paths([str(folder)])
    assert sorted(d.name for d in project.dependencies) == ["ddtrace", "flask", "requests"]
    # requirements-base.txt is read as the include of requirements.txt (and opened for it),
    # and found in the folder too: its format is told before the include says it was read.
    assert sorted(Path(p).name for p in opened) == [
        "pyproject.toml",
        "requirements-base.txt",
        "requirements-base.txt",
        "requirements.txt",
    ]


def test_a_larger_file_is_read_by_its_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _project(tmp_path, padding=_text.READ_AHEAD // 10 + 1)
    opened = _count_opens(monkeypatch)
    project = read_paths([str(folder / "pyproject.toml")])
    assert [Path(p).name for p in opened] == ["pyproject.toml", "pyproject.toml"]
    assert [d.name for d in project.dependencies] == ["flask"]


def test_a_file_read_ahead_is_held_to_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _project(tmp_path)
    monkeypatch.setattr(_text, "MAX_FILE_BYTES", 40)
    with pytest.raises(ManifestError, match=r"file is \d+ bytes, over the 40 bytes limit"):
        read_paths([str(folder / "pyproject.toml")])


def test_bytes_read_ahead_are_given_for_that_path_object_only_while_inside(
    tmp_path: Path,
) -> None:
    path = tmp_path / "requirements.txt"
    path.write_bytes(b"flask==3.0.0\n")
    with _text.read_ahead(path, b"ddtrace==2.3.0\n"):
        assert _text.read_bytes(path, "r") == b"ddtrace==2.3.0\n"
        assert _text.read_bytes(Path(str(path)), "r") == b"flask==3.0.0\n"  # a path of its own
        with _text.read_ahead(path, None):
            assert _text.read_bytes(path, "r") == b"ddtrace==2.3.0\n"
    assert _text.read_bytes(path, "r") == b"flask==3.0.0\n"


def test_a_small_file_read_whole_at_once_is_not_read_again_for_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first read that gives the size the open file has ends the reading; a short read (a
    slow file system, a file that grew) is read on from until the end, as before."""
    path = tmp_path / "requirements.txt"
    path.write_text("flask==3.0.0\n" * 20, encoding="utf-8")
    reads: list[int] = []
    real = os.read
    short = {"on": False}

    def counted(fd: int, size: int) -> bytes:
        reads.append(size)
        return real(fd, 7 if short["on"] else size)

    monkeypatch.setattr(os, "read", counted)
    _head, whole, _ = _text.read_head(path, "requirements.txt")
    assert whole == path.read_bytes() and len(reads) == 1
    reads.clear()
    short["on"] = True
    _head, whole, _ = _text.read_head(path, "requirements.txt")
    assert whole == path.read_bytes() and len(reads) == -(-len(whole) // 7) + 1  # and the end
