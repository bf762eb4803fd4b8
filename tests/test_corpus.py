"""Real dependency files from public repositories (``../shared/corpus``): every one reads without a
crash and shows the facts ``SOURCES.tsv`` notes for it (``tests/corpus_facts.toml``).

The corpus stores files flat under prefixed names; each test lays a repository's files (of one
commit) out at their real paths, so includes and lock/manifest pairs work as in the checkout.
Skipped when the corpus folder is absent (a fresh clone).
"""

from __future__ import annotations

import csv
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from packaging.specifiers import SpecifierSet

from advisor.errors import ManifestError
from advisor.manifests import read_paths
from advisor.model.project import Dependency, Project

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
FACTS = tomllib.loads((Path(__file__).parent / "corpus_facts.toml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.corpus


def _sources() -> list[dict[str, str]]:
    if not (CORPUS / "SOURCES.tsv").is_file():
        return []
    with (CORPUS / "SOURCES.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


SOURCES = _sources()


@pytest.fixture(autouse=True)
def _need_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (only a CI checkout beside ../shared has it)")


def _stored(row: dict[str, str]) -> str:
    return row["stored_path"].removeprefix("shared/corpus/")


def _checkout(tmp: Path, repo: str, commit: str, stubs: list[str]) -> Path:
    """The corpus files of ``repo`` at ``commit`` laid out at their repository paths."""
    root = tmp / repo.replace("/", "__") / commit[:12]
    for row in SOURCES:
        if row["repo"] == repo and row["commit"] == commit:
            target = root / row["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(CORPUS / _stored(row), target)
    for stub in stubs:
        (root / stub).parent.mkdir(parents=True, exist_ok=True)
        (root / stub).touch()
    return root


def _matches(dep: Dependency, want: str) -> bool:
    if want == "*":
        return dep.version is None and not dep.specifier
    if want[:1] in "<>=!~":
        return bool(dep.specifier) and SpecifierSet(dep.specifier) == SpecifierSet(want)
    return dep.version == want


def _check(project: Project, facts: dict[str, Any], where: str) -> None:
    shown = "\n".join(
        f"  {d.name} {d.role} {d.specifier!r} {d.version} {d.marker!r} group={d.group} {d.source}"
        for d in project.dependencies
        if d.name in facts.get("deps", {})
    )
    if "python" in facts:
        if facts["python"] == "none":
            assert project.python is None, project.python
        else:
            assert project.python is not None, where
            assert SpecifierSet(project.python.spec) == SpecifierSet(facts["python"]), (
                project.python
            )
            assert project.python.weak == facts.get("python_weak", False), project.python
    if "python_source" in facts:
        assert project.python is not None and project.python.source == facts["python_source"]
    for name, wants in facts.get("deps", {}).items():
        found = project.named(name)
        for want in wants if isinstance(wants, list) else [wants]:
            if want == "absent":
                assert not found, f"{where}: {name} must be absent:\n{shown}"
            else:
                assert any(_matches(d, want) for d in found), f"{where}: {name} {want}:\n{shown}"
    for key, attr in (("groups", "group"), ("markers", "marker"), ("roles", "role")):
        for name, value in facts.get(key, {}).items():
            assert any(getattr(d, attr) == value for d in project.named(name)), (
                f"{where}: {name} {key}"
            )
    for name, extras in facts.get("extras", {}).items():
        assert any(sorted(d.extras) == sorted(extras) for d in project.named(name)), (
            f"{where}: {name}"
        )
    for name, url in facts.get("urls", {}).items():
        assert any(d.url and url in d.url for d in project.named(name)), f"{where}: {name}"
    for name in facts.get("hashed", []):
        assert project.named(name) and all(d.hashes for d in project.named(name)), name
    for name, count in facts.get("count", {}).items():
        assert len(project.named(name)) == count, f"{where}: {name}:\n{shown}"
    if "locked" in facts:
        assert sum(d.role == "locked" for d in project.dependencies) == facts["locked"]
    if facts.get("empty"):
        assert not project.dependencies
    ids = {f.id for f in project.findings}
    for fid in facts.get("findings", []):
        assert fid in ids, f"{where}: {project.findings}"
    if "index_urls" in facts:
        assert list(project.index_urls()) == facts["index_urls"]
    if "project" in facts:
        assert facts["project"] in {m.project_name for m in project.manifests}
        assert not project.named(facts["project"])


def _file_cases() -> Iterator[Any]:
    for stored, facts in FACTS["files"].items():
        yield pytest.param(stored, facts, id=stored)


@pytest.mark.parametrize(("stored", "facts"), list(_file_cases()))
def test_file_facts(
    stored: str, facts: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = next(r for r in SOURCES if _stored(r) == stored)
    root = _checkout(tmp_path, row["repo"], row["commit"], facts.get("stubs", []))
    monkeypatch.chdir(root)
    project = read_paths([row["path"]])
    assert [m.path for m in project.manifests] == [row["path"]]
    _check(project, facts, stored)


@pytest.mark.parametrize(("checkout", "facts"), list(FACTS["folders"].items()))
def test_checkout_facts(
    checkout: str, facts: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, commit = checkout.split("@")
    monkeypatch.chdir(_checkout(tmp_path, repo, commit, facts.get("stubs", [])))
    project = read_paths(["."])
    assert [m.path for m in project.manifests] == facts["files"]
    _check(project, facts, checkout)


def test_every_corpus_file_has_facts() -> None:
    stored = {_stored(r) for r in SOURCES}
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file()} - {
        "SOURCES.tsv"
    }
    assert on_disk == stored
    assert set(FACTS["files"]) == stored


@pytest.mark.parametrize("stored", sorted(FACTS["files"]))
def test_stored_name_reads_or_fails_cleanly(stored: str) -> None:
    """Under its flat corpus name (``fence__pyproject.toml``), a file is recognised by content;
    the only allowed failure is a clean error (an include whose target was renamed)."""
    try:
        project = read_paths([str(CORPUS / stored)])
    except ManifestError as exc:
        assert exc.code == "include-missing", exc.render()
        return
    assert len(project.manifests) == 1
