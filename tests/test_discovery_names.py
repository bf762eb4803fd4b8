"""Discovery tells a folder's entries apart by name once per name (``_name_kind``, a bounded
memo) and keeps real paths as text; what it finds is what it found before. Counts, never
times."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from advisor import manifests
from advisor.manifests import _discover, discover
from advisor.manifests._boundary import Boundary


def test_a_name_is_a_requirements_file_only_in_a_requirements_folder(tmp_path: Path) -> None:
    """The memo holds what a name is anywhere; a requirements folder's ``*.txt`` is told by
    its folder, every time."""
    for folder in ("a", "b/requirements", "c"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "deps.txt").write_text("flask==3.0.0\n", encoding="utf-8")
        (tmp_path / folder / "README.md").write_text("hi\n", encoding="utf-8")
    found = [shown for _, shown in discover(tmp_path, ".")]
    assert found == ["b/requirements/deps.txt"]
    assert manifests._NAME_KINDS["deps.txt"] == (None, False)
    assert manifests._NAME_KINDS["README.md"] == (None, False)


def test_the_memo_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(manifests, "_NAME_KINDS_KEPT", 3)
    manifests._NAME_KINDS.clear()
    for i in range(10):
        (tmp_path / f"file-{i}.md").write_text("", encoding="utf-8")
    (tmp_path / "requirements.txt").write_text("flask==3.0.0\n", encoding="utf-8")
    assert [shown for _, shown in discover(tmp_path, "x")] == ["x/requirements.txt"]
    assert len(manifests._NAME_KINDS) <= 3


@pytest.mark.parametrize("shown", [".", "x", "/", "../up", "a/b"])
def test_display_paths_are_joined_as_normpath_joins_them(tmp_path: Path, shown: str) -> None:
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "requirements.txt").write_text("flask==3.0.0\n", encoding="utf-8")
    found = _discover(tmp_path, shown, tmp_path.resolve())
    assert [s for _, s, _ in found] == [
        os.path.normpath(os.path.join(shown, "svc/requirements.txt"))
    ]
    assert [r for _, _, r in found] == [str((tmp_path / "svc" / "requirements.txt").resolve())]


@pytest.mark.parametrize("root", ["/", "/work/repo"])
@pytest.mark.parametrize(
    "real", ["/work/repo", "/work/repo/a/b.txt", "/work/repo2/x", "/work", "/etc/passwd"]
)
def test_a_real_path_as_text_is_admitted_as_the_path_is(root: str, real: str) -> None:
    boundary = Boundary(Path(root))
    assert boundary.admits(Path("x"), real=real) == boundary.admits(Path("x"), real=Path(real))


@pytest.mark.parametrize(
    ("path", "workflow"),
    [
        (".github/workflows/ci.yml", True),
        ("repo/.github/workflows/ci.yaml", True),
        ("/abs/.github/workflows/ci.yml", True),
        ("workflows/ci.yml", False),
        ("/workflows/ci.yml", False),
        ("github/workflows/ci.yml", False),
        (".github/flows/ci.yml", False),
    ],
)
def test_a_workflow_is_told_by_its_two_folders(path: str, workflow: bool) -> None:
    from advisor.manifests import deploy

    reader = deploy.reader_for(Path(path), b"on: push\njobs: {}\n")
    assert (reader is not None and reader.kind == "github-workflow") == workflow


def test_files_and_folders_come_in_a_stable_order(tmp_path: Path) -> None:
    """Files by rank then name, folders (breadth first) by name, whatever order the file
    system lists them in."""
    for folder in ("zeta", "alpha", "mid/inner", "mid"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        for name in ("requirements.txt", "uv.lock", "pyproject.toml", "requirements-dev.txt"):
            (tmp_path / folder / name).write_text("", encoding="utf-8")
    shown = [s for _, s in discover(tmp_path, ".")]
    per_folder = [
        "pyproject.toml",
        "requirements-dev.txt",
        "requirements.txt",
        "uv.lock",
    ]
    assert shown == [
        f"{folder}/{name}"
        for folder in ("alpha", "mid", "zeta", "mid/inner")
        for name in per_folder
    ]
