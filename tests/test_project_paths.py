"""A project's folders are worked out on text (``_parents``, ``_root``), as the paths they
stand for would give them."""

from __future__ import annotations

import os
from pathlib import Path, PurePath

import pytest

from advisor.manifests.projects import _Bucket, _parents, _root, _shown_parent


@pytest.mark.parametrize("folder", ["/", "/a", "/a/b/c", "/work/repo/services/svc-0001"])
def test_parents_are_the_paths_parents(folder: str) -> None:
    assert _parents(folder) == [str(p) for p in Path(folder).parents]


@pytest.mark.parametrize(
    ("key", "base"),
    [
        ("/work/repo", "/work/repo"),
        ("/work/repo/a/b", "/work/repo"),
        ("/work/repo2/a", "/work/repo"),
        ("/work/a", "/"),
        ("/", "/"),
    ],
)
def test_a_root_is_the_relative_path(key: str, base: str) -> None:
    assert _root(_Bucket(key, key, base), 1) == PurePath(os.path.relpath(key, base)).as_posix()


@pytest.mark.parametrize(
    "shown",
    [
        "requirements.txt",
        "services/svc/pyproject.toml",
        "requirements/base.txt",
        "../repo/requirements/base.txt",
        "/work/repo/requirements.txt",
        "/requirements.txt",
        "//net/requirements.txt",
        ".",
        "..",
    ],
)
def test_a_shown_folder_is_the_paths_parent(shown: str) -> None:
    """A discovered file's display path is normalised: its folders are found by name."""
    assert os.path.normpath(shown) == shown
    assert _shown_parent(shown) == str(PurePath(shown).parent)
    assert _shown_parent(_shown_parent(shown)) == str(PurePath(shown).parent.parent)
