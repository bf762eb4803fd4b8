"""Table-driven reading tests: each ``fixtures/formats/<case>/`` folder, read as its
``expected.json`` says.

A case folder holds the dependency files plus ``expected.json``:

- ``read``: paths to read, relative to the case folder (default ``["."]``); the test runs in a
  copy of the folder, so displayed paths are relative (``requirements.txt``).
- ``env``: environment variables set while reading; ``make``: files created in the copy
  first (for folder names git ignores, such as ``.venv``).
- ``python``: ``null`` (no range) or the fields the chosen declaration must have.
- ``dependencies``: each entry must match at least one dependency on every field it names
  (``file``/``line``/``key`` are the source; ``hashes`` is how many; ``extras`` and
  ``options`` lists; ``requires`` is ``null`` or what a local path's pyproject.toml requires,
  each ``name<spec>[ from <url>] at <file:line>``).
- ``count`` (name -> how many), ``absent`` (names), ``files`` (manifests read, in order),
  ``findings``/``no_findings`` (ids), ``finding_messages`` (substrings), ``index_urls``.
- ``error``: the case is a bad file; ``tests/test_manifest_errors.py`` checks those.
"""

from __future__ import annotations

import json
import shutil
import statistics
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest

from advisor.manifests import read_paths
from advisor.model.project import Dependency, Project

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
CASES = sorted(p.name for p in FORMATS.iterdir() if (p / "expected.json").is_file())
READ_CASES = [
    c for c in CASES if "error" not in json.loads((FORMATS / c / "expected.json").read_text())
]


def load_case(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Copy the case to ``tmp_path``, create its ``make`` files, chdir there, set its env."""
    expected: dict[str, Any] = json.loads(
        (FORMATS / name / "expected.json").read_text(encoding="utf-8")
    )
    work = tmp_path / name
    shutil.copytree(FORMATS / name, work, ignore=shutil.ignore_patterns("expected.json"))
    for rel, content in expected.get("make", {}).items():
        (work / rel).parent.mkdir(parents=True, exist_ok=True)
        (work / rel).write_text(content, encoding="utf-8")
    monkeypatch.chdir(work)
    for key, value in expected.get("env", {}).items():
        monkeypatch.setenv(key, value)
    return expected


def _matches(dep: Dependency, want: dict[str, Any]) -> bool:
    for key, value in want.items():
        if key == "file":
            got: Any = dep.source.file
        elif key in ("line", "key"):
            got = getattr(dep.source, key)
        elif key == "hashes":
            got = len(dep.hashes)
        elif key in ("extras", "options"):
            got = list(getattr(dep, key))
        elif key == "requires":
            got = None if dep.requires is None else [_required(r) for r in dep.requires]
        else:
            got = getattr(dep, key)
        if got != value:
            return False
    return True


def _required(dep: Dependency) -> str:
    return f"{dep.name}{dep.specifier}{f' from {dep.url}' if dep.url else ''} at {dep.source}"


def _describe(project: Project) -> str:
    return "\n".join(
        f"  {d.name} role={d.role} spec={d.specifier!r} version={d.version} marker={d.marker!r} "
        f"group={d.group} url={d.url} editable={d.editable} at={d.source} key={d.source.key} "
        f"origin={d.origin!r} options={list(d.options)} "
        f"requires={d.requires and [_required(r) for r in d.requires]}"
        for d in project.dependencies
    )


@pytest.mark.parametrize("case", READ_CASES)
def test_case(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = load_case(case, tmp_path, monkeypatch)
    project = read_paths(expected.get("read", ["."]))
    shown = _describe(project)
    if "python" in expected:
        want = expected["python"]
        if want is None:
            assert project.python is None, project.python
        else:
            assert project.python is not None
            for key, value in want.items():
                assert getattr(project.python, key) == value, project.python
    for want in expected.get("dependencies", []):
        assert any(_matches(d, want) for d in project.dependencies), (
            f"no match for {want}:\n{shown}"
        )
    for name, count in expected.get("count", {}).items():
        assert len(project.named(name)) == count, f"{name}:\n{shown}"
    for name in expected.get("absent", []):
        assert not project.named(name), f"{name} must be absent:\n{shown}"
    if "files" in expected:
        assert [m.path for m in project.manifests] == expected["files"]
    ids = {f.id for f in project.findings}
    for fid in expected.get("findings", []):
        assert fid in ids, project.findings
    for fid in expected.get("no_findings", []):
        assert fid not in ids, project.findings
    for text in expected.get("finding_messages", []):
        assert any(text in f.message for f in project.findings), project.findings
    if "index_urls" in expected:
        assert list(project.index_urls()) == expected["index_urls"]


def test_every_case_folder_has_expectations() -> None:
    folders = sorted(p.name for p in FORMATS.iterdir() if p.is_dir())
    assert folders == CASES


def test_dependency_names_are_canonical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the format, ``name`` is canonical and locked entries carry a version."""
    from packaging.utils import canonicalize_name

    for case in READ_CASES:
        expected = load_case(case, tmp_path / "all", monkeypatch)
        for dep in read_paths(expected.get("read", ["."])).dependencies:
            assert dep.name == canonicalize_name(dep.name), (case, dep)
            assert dep.role != "locked" or dep.version or dep.url, (case, dep)


def _uv_lock(packages: int) -> str:
    """A uv.lock the size of a real 400-package project's (about 2 MB with its wheel lists)."""
    files = "https://files.pythonhosted.org/packages"
    stamp = 'upload-time = "2025-01-01T00:00:00Z"'
    plats = ("manylinux_2_17_x86_64", "manylinux_2_17_aarch64", "win_amd64", "macosx_11_0_arm64")
    tags = [f"cp3{m}-cp3{m}-{plat}" for m in range(9, 14) for plat in plats]
    out = [
        "version = 1",
        "revision = 3",
        'requires-python = ">=3.9"',
        "",
        "[[package]]",
        'name = "big"',
        'version = "0.1.0"',
        'source = { virtual = "." }',
        "",
    ]
    for i in range(packages):
        name, version = f"package-{i:03d}", f"{i % 7}.{i % 31}.{i % 5}"
        deps = ", ".join(f'{{ name = "package-{(i + k) % packages:03d}" }}' for k in (1, 2, 3))
        sdist = f"{files}/{i:064x}/{name}-{version}.tar.gz"
        out += [
            "[[package]]",
            f'name = "{name}"',
            f'version = "{version}"',
            'source = { registry = "https://pypi.org/simple" }',
            f"dependencies = [{deps}]",
            f'sdist = {{ url = "{sdist}", hash = "sha256:{i:064x}", size = 123456, {stamp} }}',
            "wheels = [",
        ]
        for j, tag in enumerate(tags):
            wheel = f"{files}/{i:032x}/{name.replace('-', '_')}-{version}-{tag}.whl"
            digest = f"sha256:{i * 31 + j:064x}"
            out.append(f'    {{ url = "{wheel}", hash = "{digest}", size = 654321, {stamp} }},')
        out += ["]", ""]
    return "\n".join(out)


def test_uv_lock_costs_about_one_tomllib_parse(tmp_path: Path) -> None:
    """Reading a ~2 MB uv.lock must cost about what :func:`tomllib.loads` costs, not a multiple."""
    from advisor.manifests.uv_lock import UvLockReader

    text = _uv_lock(400)
    assert len(text) > 1_500_000
    path = tmp_path / "uv.lock"
    path.write_text(text, encoding="utf-8")

    def best(fn: Any) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    parse = best(lambda: tomllib.loads(text))
    read = best(lambda: UvLockReader().read(path, "uv.lock"))
    manifest = UvLockReader().read(path, "uv.lock")
    assert len(manifest.dependencies) == 400
    assert read < parse * 1.6 + 0.02, f"reader {read:.3f}s vs tomllib {parse:.3f}s"


def test_monorepo_of_200_manifests_reads_fast(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(100):
        service = tmp_path / "services" / f"svc{i:03d}"
        service.mkdir(parents=True)
        (service / "requirements.txt").write_text(
            "".join(f"package-{k}=={k}.0.{i}\n" for k in range(30)) + "ddtrace==2.21.0\n",
            encoding="utf-8",
        )
        (service / "pyproject.toml").write_text(
            f'[project]\nname = "svc{i}"\nrequires-python = ">=3.10"\n'
            'dependencies = ["ddtrace>=2.20", "flask>=3", "requests"]\n',
            encoding="utf-8",
        )
    monkeypatch.chdir(tmp_path)
    start = time.perf_counter()
    project = read_paths(["."])
    elapsed = time.perf_counter() - start
    assert len(project.manifests) == 200
    assert len(project.named("ddtrace")) == 200
    assert elapsed < 2.0, f"{elapsed:.2f}s"


def test_poetry_alternatives_of_local_versions_read_as_a_pep440_range(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``==1.0+local || ==2.0`` widens to ``>=1.0,<=2.0``: PEP 440 allows no local label in
    ``>=``/``<=`` (``>=1.0+local`` did not parse, and the planner ignored the range)."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.poetry]\nname = "x"\nversion = "0.1"\n[tool.poetry.dependencies]\n'
        'flask = "==1.0+local || ==2.0"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    (flask,) = read_paths(["."]).named("flask")
    assert flask.specifier == ">=1.0,<=2.0"


def test_local_path_requirements_stay_inside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A local path's pyproject.toml is read like an include: outside the repository only with
    ``allow_outside``, and never through a link out of its folder."""
    repo, outside = tmp_path / "repo", tmp_path / "elsewhere"
    (repo / ".git").mkdir(parents=True)
    for folder in (outside / "shared", repo / "libs" / "linked"):
        folder.mkdir(parents=True)
    (outside / "shared" / "pyproject.toml").write_text(
        '[project]\nname = "shared"\nversion = "1"\ndependencies = ["protobuf<4"]\n'
    )
    (repo / "libs" / "linked" / "pyproject.toml").symlink_to(outside / "shared" / "pyproject.toml")
    (repo / "requirements.txt").write_text(
        f"shared @ file://{outside / 'shared'}\nlinked @ file:libs/linked\n"
    )
    monkeypatch.chdir(repo)
    inside = read_paths(["requirements.txt"])
    assert [d.requires for d in inside.dependencies] == [None, None]
    (shared, linked) = read_paths(["requirements.txt"], allow_outside=True).dependencies
    assert [str(r.source) for r in shared.requires or ()] == [
        f"{outside / 'shared' / 'pyproject.toml'}:4"
    ]
    assert linked.requires is None  # the link still leaves its folder


def _count_local_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The local pyproject.toml files read from now on, one entry per read."""
    from advisor.manifests import _local

    calls: list[Path] = []
    real = _local._declared

    def counted(path: Path, display: str) -> Any:
        calls.append(path)
        return real(path, display)

    monkeypatch.setattr(_local, "_declared", counted)
    return calls


def test_a_local_path_named_on_every_line_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "pyproject.toml").write_text(
        '[project]\nname = "shared"\nversion = "1"\ndependencies = ["protobuf<4"]\n'
    )
    (tmp_path / "requirements.txt").write_text("shared @ file:shared\n" * 5000)
    monkeypatch.chdir(tmp_path)
    calls = _count_local_reads(monkeypatch)
    deps = read_paths(["requirements.txt"]).dependencies
    assert len(deps) == 5000 and all(d.requires is deps[0].requires for d in deps)
    assert len(calls) == 1


def test_a_local_path_spelled_many_ways_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hostile file names one folder through 300 links, in rotation, on 3,000 lines: the
    folder is read once and its requirements shared (a cache keyed by spelling and cleared at
    256 entries re-read it on every line: minutes and gigabytes for a 180 KB file)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "shared").mkdir()
    many = ", ".join(f'"pkg{i}>=1"' for i in range(50))
    (tmp_path / "shared" / "pyproject.toml").write_text(
        f'[project]\nname = "shared"\nversion = "1"\ndependencies = [{many}]\n'
    )
    for i in range(300):
        (tmp_path / f"l{i}").symlink_to("shared")
    lines = "".join(f"shared @ file:l{i % 300}\n" for i in range(3000))
    (tmp_path / "requirements.txt").write_text(lines)
    monkeypatch.chdir(tmp_path)
    calls = _count_local_reads(monkeypatch)
    deps = read_paths(["requirements.txt"]).dependencies
    assert len(deps) == 3000 and len(deps[0].requires or ()) == 50
    assert all(d.requires is deps[0].requires for d in deps)
    assert len(calls) == 1


def test_a_local_path_through_a_link_loop_leaves_the_name_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-e ./libs/loop/x`` where x and y link to each other: the name is unknown, said as for
    any unnamed line; the file is still read (it was "cannot read (RuntimeError: Symlink
    loop ...)" on Python 3.11, failing the whole file)."""
    (tmp_path / ".git").mkdir()
    loop = tmp_path / "libs" / "loop"
    loop.mkdir(parents=True)
    (loop / "x").symlink_to("y")
    (loop / "y").symlink_to("x")
    (tmp_path / "requirements.txt").write_text("-e ./libs/loop/x\nddtrace==2.3.0\n")
    monkeypatch.chdir(tmp_path)
    project = read_paths(["requirements.txt"])
    assert [d.name for d in project.dependencies] == ["ddtrace"]
