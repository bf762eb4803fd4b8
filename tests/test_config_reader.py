"""The configurations of a run's projects (:class:`advisor.manifests.config.ConfigReader`):
each file above them read and parsed once, each project given what it gets alone, named as its
own folder shows it. Counts, never times.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.errors import ManifestError
from advisor.manifests._boundary import Folders, repository_root
from advisor.manifests._text import parse_toml, read_text
from advisor.manifests.config import Config, ConfigReader, load_config
from advisor.manifests.projects import find_projects


def _monorepo(tmp_path: Path) -> Path:
    """A repository whose own ``pyproject.toml`` configures every project, one project of
    which has a configuration of its own."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "tools"\n\n[tool.aap-advise]\ncapabilities = ["iast"]\n',
        encoding="utf-8",
    )
    for team, svc in (("a", "one"), ("a", "two"), ("b", "three"), ("b", "own")):
        folder = root / "services" / team / svc
        folder.mkdir(parents=True)
        (folder / "requirements.txt").write_text("ddtrace==2.3.0\n", encoding="utf-8")
    (root / "services" / "b" / "own" / "aap-advise.toml").write_text(
        'capabilities = ["sca"]\n', encoding="utf-8"
    )
    return root


FOLDERS = ["services/a/one", "services/a/two", "services/b/three", "services/b/own"]


def test_a_run_parses_each_file_once_and_answers_as_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _monorepo(tmp_path)
    monkeypatch.chdir(root)
    alone = {f: load_config(f) for f in FOLDERS}
    absolute = root / "services" / "a" / "two"
    alone_absolute = load_config(absolute)
    assert alone["services/a/one"].capabilities == ("iast",)
    assert alone["services/a/one"].file == "pyproject.toml"  # as the folder named shows it
    assert alone["services/b/own"].capabilities == ("sca",)
    parsed: list[str] = []

    def counted(text: str, display: str) -> dict[str, object]:
        parsed.append(display)
        return parse_toml(text, display)

    monkeypatch.setattr("advisor.manifests.config.parse_toml", counted)
    reader = ConfigReader()
    assert {f: reader.load(f) for f in FOLDERS} == alone
    assert sorted(parsed) == ["pyproject.toml", "services/b/own/aap-advise.toml"]
    # Named another way (absolutely), the same file is shown as that way names it.
    assert reader.load(absolute) == alone_absolute
    assert alone_absolute.file == str(root / "pyproject.toml")
    assert len(parsed) == 3
    # Each call of load_config reads for itself, as before.
    load_config("services/a/one")
    load_config("services/a/two")
    assert len(parsed) == 5


def test_a_shared_file_that_links_out_is_refused_for_each_project(tmp_path: Path) -> None:
    root = _monorepo(tmp_path)
    outside = tmp_path / "outside.toml"
    outside.write_text('capabilities = ["iast"]\n', encoding="utf-8")
    (root / "pyproject.toml").unlink()
    os.symlink(outside, root / "aap-advise.toml")
    reader = ConfigReader()
    assert reader.load(root / FOLDERS[0], allow_outside=True).capabilities == ("iast",)
    for folder in FOLDERS[:3]:  # what one project may read is not another's to read
        with pytest.raises(ManifestError, match="outside the repository"):
            reader.load(root / folder)


def test_folders_find_what_the_file_system_says(tmp_path: Path) -> None:
    """:class:`Folders` answers as the file system does, links included, and asks it once."""
    root = _monorepo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / ".git").mkdir(parents=True)
    (elsewhere / "svc").mkdir()
    os.symlink(elsewhere, root / "services" / "linked")
    folders = Folders()
    for named in [
        *(root / f for f in FOLDERS),
        root / "services" / "linked" / "svc",
        root / "services" / "linked",
        root / "pyproject.toml",
        tmp_path,
    ]:
        assert repository_root(named, folders) == repository_root(named)
        assert folders.real(os.path.abspath(named)) == named.resolve()
    # Through the link, .git inside its target is not the repository: the checkout's is.
    assert repository_root(root / "services" / "linked" / "svc", folders) == (root.resolve(), True)
    asked = len(folders._git)
    repository_root(root / FOLDERS[0], folders)
    assert len(folders._git) == asked  # every folder above it known already


def test_a_run_answers_each_project_as_alone_however_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folders above the projects are asked once for the run, whichever way each project's
    folder is named (relatively from anywhere, absolutely, through a link inside the checkout),
    with or without a repository above (the folder named above the projects stands in)."""
    root = _monorepo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "svc").mkdir(parents=True)
    (elsewhere / "svc" / "aap-advise.toml").write_text('platforms = ["linux-x86_64"]\n', "utf-8")
    (elsewhere / "plain").mkdir()
    os.symlink(elsewhere, root / "services" / "linked")
    loose = tmp_path / "loose"  # no repository: the folder named above the projects
    (loose / "deep" / "er").mkdir(parents=True)
    (loose / "aap-advise.toml").write_text('capabilities = ["sca"]\n', encoding="utf-8")
    named: list[tuple[str, str, str | None]] = [  # (working directory, folder, top)
        (str(root), f, None) for f in FOLDERS
    ]
    named += [
        (str(root / "services" / "a"), "one", None),
        (str(root / "services" / "a"), ".", None),
        (str(root / "services" / "a" / "one"), ".", None),
        (str(root / "services" / "a" / "one"), "..", None),
        (str(root / "services" / "a" / "one"), "../two", None),
        (str(root / "services"), "./a/../b/own", None),
        (str(root), "services/linked/svc", None),
        (str(root), "services/linked/plain", None),
        (str(tmp_path), str(root / "services" / "b" / "three"), None),
        (str(tmp_path), "loose/deep/er", "loose"),
        (str(tmp_path), "loose/deep", "loose"),
        (str(loose / "deep"), "er", ".."),
        (str(tmp_path), "loose/deep/er", None),
        (str(tmp_path), "loose/deep/er", str(elsewhere)),  # not above: the folder alone
    ]
    levels: list[str] = []
    real = ConfigReader._level

    def counted(reader: ConfigReader, here: str, where: str, boundary: object) -> object:
        levels.append(here)
        return real(reader, here, where, boundary)  # type: ignore[arg-type]

    for allow_outside in (False, True):
        alone = []
        for cwd, folder, top in named:
            monkeypatch.chdir(cwd)
            alone.append(_outcome(load_config, folder, allow_outside, top))
        assert len({str(c) for c in alone}) >= 6
        monkeypatch.setattr(ConfigReader, "_level", counted)
        reader = ConfigReader()
        for (cwd, folder, top), expected in zip(named, alone, strict=True):
            monkeypatch.chdir(cwd)
            assert _outcome(reader.load, folder, allow_outside, top) == expected, folder
        # The same folders again: every answer is known, but a refusal (not an answer) and
        # the folder read alone (no root on the way up).
        again = len(levels)
        for cwd, folder, top in named:
            monkeypatch.chdir(cwd)
            _outcome(reader.load, folder, allow_outside, top)
        assert len(levels) == again + (1 if allow_outside else 2)
        # A fresh reader asks the folders above the repository's projects once: one, a,
        # services, the root (configured); two; three, b; own (configured).
        levels.clear()
        reader = ConfigReader()
        monkeypatch.chdir(root)
        for folder in FOLDERS:
            reader.load(folder, allow_outside=allow_outside)
        assert len(levels) == 8
        monkeypatch.undo()


def _outcome(
    load: Callable[..., Config], folder: str, allow_outside: bool, top: str | None
) -> Config | str:
    """The configuration, or the refusal (a file linking out of the repository)."""
    try:
        return load(folder, allow_outside=allow_outside, top=top)
    except ManifestError as exc:
        return str(exc)


def test_folders_ask_each_new_folder_alone(tmp_path: Path) -> None:
    """A folder that is neither a link nor holds ``.git`` has its parent's repository: once
    the folders above are known, a new folder is asked only about itself, and the answers
    are those of a fresh :func:`repository_root`, nested repositories and links included."""
    root = _monorepo(tmp_path)
    nested = root / "services" / "a" / "one" / "vendored"
    (nested / ".git").mkdir(parents=True)
    (nested / "deep").mkdir()
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / ".git").mkdir(parents=True)
    (elsewhere / "svc").mkdir()
    os.symlink(elsewhere, root / "services" / "b" / "linked")
    folders = Folders()
    named = [
        *(root / f for f in FOLDERS),
        nested,
        nested / "deep",
        root / "services" / "b" / "linked" / "svc",
        root / "services" / "b" / "linked",
        tmp_path,
    ]
    for folder in named:
        assert repository_root(folder, folders) == repository_root(folder), folder
    assert repository_root(nested / "deep", folders) == (nested.resolve(), True)
    assert repository_root(root / "services" / "b" / "linked" / "svc", folders)[0] == (
        root.resolve()
    )
    sibling = root / "services" / "a" / "three"
    sibling.mkdir()
    asked = set(folders._git)
    repository_root(sibling, folders)
    assert set(folders._git) - asked == {str(sibling)}


def test_a_run_shares_the_pyproject_files_its_manifest_readers_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The configuration of a run's projects is looked for in the ``pyproject.toml`` files
    the manifest readers read (not opened again), with the answers of a reader that opens
    them; a file changed since it was read is read again."""
    root = _monorepo(tmp_path)
    for folder in FOLDERS[:2]:
        (root / folder / "pyproject.toml").write_text(
            f'[project]\nname = "{folder[-3:]}"\ndependencies = ["ddtrace"]\n', encoding="utf-8"
        )
    (root / FOLDERS[2] / "pyproject.toml").write_text(
        '[project]\nname = "three"\ndependencies = ["ddtrace"]\n\n'
        '[tool.aap-advise]\nplatforms = ["linux-x86_64"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    found = find_projects(["."])
    assert found.shared is not None
    alone = [ConfigReader().load(f.folder, top=f.top) for f in found.projects]
    assert alone[0] == load_config(found.projects[0].folder)
    opened: list[str] = []

    def counted(path: Path, display: str, *, lock: bool = False) -> str:
        opened.append(display)
        return read_text(path, display, lock=lock)

    monkeypatch.setattr("advisor.manifests.config.read_text", counted)
    shared = ConfigReader(found.shared)
    assert [shared.load(f.folder, top=f.top) for f in found.projects] == alone
    assert any(c.platforms == ("linux-x86_64",) for c in alone)
    # Every pyproject.toml was read by its manifest reader already (an aap-advise.toml is not).
    assert opened == ["services/b/own/aap-advise.toml"]
    opened.clear()
    # Changed since (a size of its own): read again, and its new table answers.
    changed = root / FOLDERS[2] / "pyproject.toml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("linux-x86_64", "linux-aarch64"), "utf-8"
    )
    again = ConfigReader(found.shared).load(FOLDERS[2])
    assert opened == [os.path.join(FOLDERS[2], "pyproject.toml")]
    assert again.platforms == ("linux-aarch64",)
