"""``--fix`` golden cases: each ``tests/golden/fix/<case>/`` holds ``before/`` and ``after/`` file
trees, a ``case.toml`` with the advice and the declarations the readers would report, and
optionally the expected ``--write-constraints`` file, ``constraints.txt``. ``[expect]`` lists the
refusal codes, hints, commands and message parts the plan must have, and ``absent``: text no
message, command, refusal or hint may hold (a hostile header's index, say).

After :func:`plan_fix` and :func:`apply` on a copy of ``before/``, every file must equal
``after/`` byte for byte; a second ``--fix`` on ``after/`` must change nothing. Refusals are per
file, so ``after/`` shows the patches of the files that were not refused (the front end writes
none of them when there is any refusal). The project and
advice are built from ``case.toml`` so these tests do not depend on the readers.

Set ``AAP_UPDATE_GOLDEN=1`` to rewrite the ``after/`` trees from the writers' output (then review
the diff).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from advisor.manifests import read_paths
from advisor.manifests.poetry import to_pep440
from advisor.model.advice import Advice, Change, Split, SplitPart, Upgrade, Verdict
from advisor.model.project import Dependency, Manifest, Project, SourceLocation
from advisor.write import FixPlan, apply, constraints_text, plan_fix, unified_diff
from advisor.write.locks import is_lock_file

GOLDEN = Path(__file__).parent / "golden" / "fix"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "case.toml").is_file())
UPDATE = os.environ.get("AAP_UPDATE_GOLDEN") == "1"


class FakeHashes:
    """The ``[hashes]`` table of a case: ``"name==version" = [hashes]``."""

    def __init__(self, table: Mapping[str, list[str]]) -> None:
        self.table = table
        self.asked: list[tuple[str, str]] = []

    def hashes(self, package: str, version: str) -> list[str]:
        self.asked.append((package, version))
        return list(self.table.get(f"{package}=={version}", []))


def make_advice(spec: Mapping[str, Any]) -> Advice:
    pythons = tuple(spec["pythons"])
    split = tuple(
        SplitPart(p["marker"], tuple(p["pythons"]), p["ddtrace"]) for p in spec.get("split", [])
    )
    target = spec.get("ddtrace")
    per_python: dict[str, str | None] = dict.fromkeys(pythons, target)
    for part in split:
        per_python.update(dict.fromkeys(part.pythons, part.ddtrace))
    head = [Change("ddtrace", "2.3.0", part.ddtrace) for part in split] or [
        Change("ddtrace", "2.3.0", target)
    ]
    changes = [
        Change(
            c["package"],
            c.get("from"),
            c.get("to"),
            to_specifier=c.get("to_specifier"),
            marker=c.get("marker"),
        )
        for c in spec.get("changes", [])
    ]
    rec: Verdict
    if spec["status"] == "split":
        rec = Split(split, tuple(head + changes), per_python)
    else:
        assert spec["status"] == "upgrade", spec["status"]
        assert target is not None
        rec = Upgrade(target, tuple(head + changes), per_python)
    return Advice(
        python_spec=None,
        python_source="case.toml",
        python_versions=pythons,
        platforms=("linux-x86_64",),
        ddtrace=None,
        requested=("api-security",),
        capabilities=(),
        recommendation=rec,
        integrations=(),
        findings=(),
        snapshot_date="2026-01-01",
        files=(),
        today=dt.date(2026, 1, 1),
    )


def make_project(declarations: list[Mapping[str, Any]]) -> Project:
    deps = tuple(
        Dependency(
            name=d["package"],
            display_name=d["package"],
            specifier=_as_read(d["specifier"], d.get("key")),
            version=d.get("version"),
            source=SourceLocation(d["file"], d.get("line"), d.get("key")),
            marker=d.get("marker"),
            role=d.get("role", "declared"),
        )
        for d in declarations
    )
    files = list(dict.fromkeys(d.source.file for d in deps))
    kinds = {"pyproject.toml": "pyproject", "Pipfile": "pipfile", "hatch.toml": "hatch"}
    manifests = tuple(
        Manifest(
            f,
            "requirements" if f.endswith((".txt", ".in")) else kinds.get(f, Path(f).name),
            tuple(d for d in deps if d.source.file == f),
            is_lock=is_lock_file(Path(f)),
        )
        for f in files
    )
    return Project(manifests, deps, None)


def _as_read(specifier: str, key: str | None) -> str:
    """A Poetry constraint (``^2.3.0``) as the reader reports it: converted to PEP 440."""
    return to_pep440(specifier)[0] if (key or "").startswith("tool.poetry.") else specifier


def load(name: str) -> dict[str, Any]:
    return tomllib.loads((GOLDEN / name / "case.toml").read_text(encoding="utf-8"))


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def fix_copy(
    name: str, which: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, readers: bool = False
) -> tuple[Path, FixPlan]:
    """Plan case ``name``'s fix in a copy of its ``which`` tree (``before`` or ``after``), with
    the declarations of case.toml or, with ``readers``, as the readers read the copy.

    :returns: the copy (the current folder) and the plan, not applied.
    """
    case = load(name)
    work = tmp_path / "work"
    shutil.copytree(GOLDEN / name / which, work)
    monkeypatch.chdir(work)
    if readers:
        project = read_paths(sorted(p.name for p in work.iterdir()))
    else:
        project = make_project(case["declarations"])
    hashes = FakeHashes(case["hashes"]) if "hashes" in case else None
    return work, plan_fix(project, make_advice(case["advice"]), hashes=hashes)


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expect = load(name).get("expect", {})
    work, plan = fix_copy(name, "before", tmp_path, monkeypatch)

    assert sorted(r.code for r in plan.refusals) == sorted(expect.get("refusals", [])), [
        r.render() for r in plan.refusals
    ]
    for hint in expect.get("hints", []):
        assert hint in [r.hint for r in plan.refusals]
    assert [list(c.argv) for c in plan.commands] == expect.get("commands", [])
    for message in expect.get("messages", []):
        assert any(message in m for m in plan.messages), plan.messages
    shown = [
        *plan.messages,
        *(str(c) for c in plan.commands),
        *(r.render() for r in plan.refusals),
        *(r.hint or "" for r in plan.refusals),
    ]
    for word in expect.get("absent", []):  # what a hostile header must not get into any line
        assert not any(word in line for line in shown), shown
    apply(plan.patches)
    if UPDATE:
        shutil.rmtree(GOLDEN / name / "after")
        shutil.copytree(work, GOLDEN / name / "after")
    assert tree(work) == tree(GOLDEN / name / "after")


@pytest.mark.parametrize("name", [n for n in CASES if (GOLDEN / n / "constraints.txt").is_file()])
def test_constraints_file(name: str) -> None:
    text = constraints_text(make_advice(load(name)["advice"]))
    expected = GOLDEN / name / "constraints.txt"
    if UPDATE:
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
def test_second_fix_changes_nothing(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, plan = fix_copy(name, "after", tmp_path, monkeypatch)
    assert not plan.patches


@pytest.mark.parametrize("name", CASES)
def test_diff_matches_golden_and_writes_nothing(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work, plan = fix_copy(name, "before", tmp_path, monkeypatch)
    diff = unified_diff(plan.patches)
    assert tree(work) == tree(GOLDEN / name / "before")
    for patch in plan.patches:
        assert f"--- a/{patch.path.as_posix()}\n+++ b/{patch.path.as_posix()}\n" in diff
    assert bool(diff) == bool(plan.patches)


@pytest.mark.parametrize("name", CASES)
def test_golden_with_the_readers(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same trees, with the project read by the real readers instead of case.toml."""
    expect = load(name).get("expect", {})
    work, plan = fix_copy(name, "before", tmp_path, monkeypatch, readers=True)
    assert sorted(r.code for r in plan.refusals) == sorted(expect.get("refusals", []))
    assert [list(c.argv) for c in plan.commands] == expect.get("commands", [])
    apply(plan.patches)
    assert tree(work) == tree(GOLDEN / name / "after")


def test_every_case_has_before_and_after() -> None:
    for name in CASES:
        assert (GOLDEN / name / "before").is_dir() and (GOLDEN / name / "after").is_dir(), name
        assert "description" in load(name), name


def test_hashes_are_looked_up_once_per_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = load("requirements-hashes")
    shutil.copytree(GOLDEN / "requirements-hashes" / "before", tmp_path / "w")
    monkeypatch.chdir(tmp_path / "w")
    lookup = FakeHashes(case["hashes"])
    plan_fix(make_project(case["declarations"]), make_advice(case["advice"]), hashes=lookup)
    assert sorted(lookup.asked) == [("bytecode", "0.16.0"), ("ddtrace", "4.6.0")]
