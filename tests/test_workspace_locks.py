"""Path-dependency "workspaces" of poetry.lock and pdm.lock (issue 15): a monorepo's root
installs its packages by path, and the one lock at the root holds each of them with its own
dependencies. The readers give those packages as the roots of a ``partial``
:class:`~advisor.model.project.LockGraph` (members by folder); :func:`member_parts` cuts one
member's part out of it, and :func:`select` answers for the whole project exactly as it did
before these locks had a graph.

The fixtures under ``fixtures/workspaces/`` are hand-written: a root with two path
dependencies, ``packages/api`` (Flask, ddtrace pinned, a ``sentry`` extra) and
``packages/worker`` (celery with its ``redis`` extra, no ddtrace).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from advisor.errors import ManifestError
from advisor.manifests import read_paths
from advisor.manifests._lock import GraphBuilder
from advisor.manifests.pdm_lock import PdmLockReader
from advisor.manifests.poetry_lock import PoetryLockReader
from advisor.model.advice import AdviceRequest
from advisor.model.environment import Environment, Excluded, member_parts, select
from advisor.model.project import LockGraph, Manifest, Project
from advisor.pipeline import Settings, advise
from tests._helpers import ROOT

FIXTURES = ROOT / "fixtures" / "workspaces"
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = {"poetry": FIXTURES / "poetry-path", "pdm": FIXTURES / "pdm-path"}
LOCKS = {"poetry": FOLDERS["poetry"] / "poetry.lock", "pdm": FOLDERS["pdm"] / "pdm.lock"}

#: What each member reaches, its extras included (api's ``sentry``, worker's ``celery[redis]``).
PARTS = {
    "api": {
        *("flask", "blinker", "click", "colorama", "itsdangerous", "jinja2", "markupsafe"),
        *("werkzeug", "ddtrace", "bytecode", "envier", "opentelemetry-api", "deprecated"),
        *("wrapt", "importlib-metadata", "zipp", "protobuf", "typing-extensions", "xmltodict"),
        *("sentry-sdk", "certifi", "urllib3"),
    },
    "worker": {
        *("celery", "billiard", "click", "colorama", "click-didyoumean", "click-plugins"),
        *("click-repl", "prompt-toolkit", "wcwidth", "kombu", "amqp", "tzdata", "vine"),
        *("python-dateutil", "six", "redis", "async-timeout"),
    },
}
#: The root's dev group: in the lock, in no member's part.
DEV_ONLY = {"pytest", "iniconfig", "packaging", "pluggy"}


def _lock(kind: str) -> Manifest:
    (manifest,) = read_paths([str(LOCKS[kind])]).manifests
    return manifest


def _graph(manifest: Manifest) -> LockGraph:
    assert manifest.graph is not None
    return manifest.graph


def _names(manifest: Manifest) -> set[str]:
    return {d.name for d in manifest.dependencies}


# --- the graph read ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", LOCKS)
def test_the_path_dependencies_are_the_roots_and_the_members_by_folder(kind: str) -> None:
    graph = _graph(_lock(kind))
    assert graph.roots == ("api", "worker")
    assert graph.members == {"packages/api": "api", "packages/worker": "worker"}
    assert graph.partial
    assert graph.groups == {}
    assert graph.root_groups == {}


@pytest.mark.parametrize("kind", LOCKS)
def test_edges_hold_extras_as_nodes_and_optional_dependencies_under_their_extra(kind: str) -> None:
    edges = _graph(_lock(kind)).edges
    assert edges["worker", None] == (("celery", None), ("celery", "redis"))
    assert ("redis", None) in edges["celery", "redis"]
    assert ("redis", None) not in edges["celery", None]  # optional: only through the extra
    assert ("sentry-sdk", None) in edges["api", "sentry"]
    assert ("sentry-sdk", None) not in edges["api", None]
    assert set(edges["api", None]) == {("ddtrace", None), ("flask", None)}
    # Two requirements on bytecode under two markers: one edge; names are canonical.
    assert [n for n in edges["ddtrace", None] if n[0] == "bytecode"] == [("bytecode", None)]
    assert ("jinja2", None) in edges["flask", None]
    assert ("async-timeout", None) in edges["redis", None]


def test_poetry_extras_of_locked_packages_are_edges_too() -> None:
    edges = _graph(_lock("poetry")).edges
    assert edges["flask", "async"] == (("asgiref", None),)  # asked for by nobody: not locked
    assert edges["celery", "yaml"] == (("pyyaml", None),)
    assert edges["sentry-sdk", "flask"] == (
        ("blinker", None),
        ("flask", None),
        ("markupsafe", None),
    )


def test_pdm_extras_entries_are_the_extras_nodes() -> None:
    """PDM writes ``celery`` twice: plain, and with ``extras = ["redis"]`` needing itself."""
    edges = _graph(_lock("pdm")).edges
    assert edges["celery", "redis"] == (("celery", None), ("redis", None))
    assert edges["api", "sentry"] == (("api", None), ("sentry-sdk", None))


@pytest.mark.parametrize("kind", LOCKS)
def test_the_locked_packages_are_read_as_before(kind: str) -> None:
    """The path dependencies stay locked entries (as before the graph), one per package."""
    lock = _lock(kind)
    assert _names(lock) == PARTS["api"] | PARTS["worker"] | DEV_ONLY | {"api", "worker"}
    (api,) = [d for d in lock.dependencies if d.name == "api"]
    assert api.url in ("packages/api", "./packages/api")
    assert api.group is None


def test_ordinary_locks_have_no_graph() -> None:
    """Only a lock holding a path dependency has a graph: nothing changes for the others."""
    paths = [
        p
        for p in sorted((ROOT / "fixtures").rglob("*"))
        if p.name in ("poetry.lock", "pdm.lock") and FIXTURES not in p.parents
    ]
    if CORPUS.is_dir():
        paths += [
            p for p in sorted(CORPUS.rglob("*")) if p.name.endswith(("poetry.lock", "pdm.lock"))
        ]
    assert len(paths) >= 5
    for path in paths:
        reader = PdmLockReader() if path.name.endswith("pdm.lock") else PoetryLockReader()
        try:
            manifest = reader.read(path, path.name)
        except ManifestError:  # a fixture of a refused file: nothing read, nothing to compare
            continue
        assert manifest.graph is None, path


# --- one member's part -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", LOCKS)
@pytest.mark.parametrize("member", PARTS)
def test_member_part_is_what_the_member_reaches(kind: str, member: str) -> None:
    part = member_parts(_lock(kind), [member])[member]
    assert _names(part) == PARTS[member]
    assert part.project_name == member
    graph = _graph(part)
    assert graph.roots == (member,)
    assert not graph.partial
    assert all(d.group is None and not d.lock_groups for d in part.dependencies)


def _as_uv(part: Manifest) -> Manifest:
    """The same part as a uv workspace member's: uv writes no groups on locked packages."""
    graph = _graph(part)
    uv_graph = LockGraph(graph.roots, graph.edges, graph.groups, {}, graph.root_groups)
    deps = tuple(dataclasses.replace(d, group=None, lock_groups=()) for d in part.dependencies)
    return dataclasses.replace(part, kind="uv.lock", dependencies=deps, graph=uv_graph)


@pytest.mark.parametrize("kind", LOCKS)
@pytest.mark.parametrize("member", PARTS)
@pytest.mark.parametrize("groups", [(), ("sentry",), ("redis",)])
def test_a_members_part_selects_like_a_uv_members(
    kind: str, member: str, groups: tuple[str, ...]
) -> None:
    part = member_parts(_lock(kind), [member])[member]
    got = select(Project((part,), part.dependencies, None), groups)
    uv = _as_uv(part)
    want = select(Project((uv,), uv.dependencies, None), groups)
    assert [d.name for d in got[0].dependencies] == [d.name for d in want[0].dependencies]
    assert got[1] == want[1]


def test_the_roots_groups_do_not_follow_a_member_into_its_part(tmp_path: Path) -> None:
    """Installed by the root's dev group only, every package of worker is ``dev`` in the lock;
    for worker itself they are its main dependencies."""
    text = (
        LOCKS["poetry"].read_text(encoding="utf-8").replace('groups = ["main"]', 'groups = ["dev"]')
    )
    (tmp_path / "poetry.lock").write_text(text, encoding="utf-8")
    lock = PoetryLockReader().read(tmp_path / "poetry.lock", "poetry.lock")
    part = member_parts(lock, ["worker"])["worker"]
    selected, env = select(Project((part,), part.dependencies, None))
    assert {d.name for d in selected.dependencies} == PARTS["worker"]
    assert env == Environment()


def test_a_name_that_is_no_root_has_no_part() -> None:
    part = member_parts(_lock("poetry"), ["flask"])["flask"]
    assert part.dependencies == ()
    assert part.graph is None


# --- the whole project's answer is unchanged ---------------------------------------------------


def _without_graphs(project: Project) -> Project:
    manifests = tuple(dataclasses.replace(m, graph=None) for m in project.manifests)
    return dataclasses.replace(project, manifests=manifests)


@pytest.mark.parametrize("kind", FOLDERS)
@pytest.mark.parametrize("groups", [(), ("dev",), ("sentry",), ("redis",)])
def test_select_answers_as_without_the_graph(kind: str, groups: tuple[str, ...]) -> None:
    project = read_paths([str(FOLDERS[kind])])
    assert any(m.graph is not None for m in project.manifests)
    got = select(project, groups)
    want = select(_without_graphs(project), groups)
    assert got[0].dependencies == want[0].dependencies
    assert got[0].findings == want[0].findings
    assert got[1] == want[1]
    assert (
        select(project, all_groups=True)[1] == select(_without_graphs(project), all_groups=True)[1]
    )


@pytest.mark.parametrize("kind", FOLDERS)
def test_the_advice_is_the_same_as_without_the_graph(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = AdviceRequest(capabilities=("api-security",), today=dt.date(2026, 11, 24))
    advice = advise([str(FOLDERS[kind])], request, Settings(no_cache=True))
    monkeypatch.setattr(GraphBuilder, "done", lambda self, partial=False: None)
    assert advise([str(FOLDERS[kind])], request, Settings(no_cache=True)) == advice
    assert advice.ddtrace is not None and advice.ddtrace.current == "2.21.4"
    # The root's dev group stays left out; api's pyproject names its sentry extra.
    assert advice.environment == Environment(("main",), (Excluded("dev", 4), Excluded("sentry", 0)))


# --- hostile locks -----------------------------------------------------------------------------

_POETRY_HEAD = '[metadata]\nlock-version = "2.1"\npython-versions = ">=3.11"\ncontent-hash = "0"\n'
_PDM_HEAD = (
    "# This file is @generated by PDM.\n[metadata]\n"
    'groups = ["default"]\nstrategy = ["inherit_metadata"]\nlock_version = "4.5.0"\n'
    'content_hash = "sha256:0"\n'
)


def _poetry_package(name: str, body: str = "", url: str | None = None) -> str:
    text = (
        f'[[package]]\nname = "{name}"\nversion = "1.0"\ndescription = ""\noptional = false\n'
        f'python-versions = "*"\ngroups = ["main"]\nfiles = []\n'
    )
    text += body
    if url is not None:
        text += f'\n[package.source]\ntype = "directory"\nurl = {url}\n'
    return text + "\n"


def _pdm_package(name: str, deps: str = "", path: str | None = None) -> str:
    text = f'[[package]]\nname = "{name}"\nversion = "1.0"\n'
    if path is not None:
        text += f"path = {path}\n"
    text += f'groups = ["default"]\ndependencies = [{deps}]\n'
    return text + "\n"


def _read(tmp_path: Path, kind: str, text: str) -> Manifest:
    if kind == "poetry":
        path = tmp_path / "poetry.lock"
        path.write_text(_POETRY_HEAD + text, encoding="utf-8")
        return PoetryLockReader().read(path, "poetry.lock")
    path = tmp_path / "pdm.lock"
    path.write_text(_PDM_HEAD + text, encoding="utf-8")
    return PdmLockReader().read(path, "pdm.lock")


FOLDER_CASES = [
    ('"packages/api"', "packages/api"),
    ('"./packages//api/"', "packages/api"),
    ('"packages\\\\api"', "packages/api"),  # a Windows separator
    ('"packages/api/../../.."', ".."),
    ('"packages/.."', "."),
    ('"/srv/packages/api"', None),  # absolute
    ('"C:\\\\src\\\\api"', None),
    ('"https://example.com/api"', None),  # a URL
    ('"file:///srv/api"', None),
    ('"packages/a\\u0000pi"', None),  # NUL
    ('"' + "x/../" * 800 + 'api"', "api"),  # 4,000 characters that come back to api
    ('"' + "../" * 2000 + 'api"', None),  # past any real path
    ('""', None),
    ("5", None),  # not a string
]


@pytest.mark.parametrize(("value", "folder"), FOLDER_CASES)
@pytest.mark.parametrize("kind", ["poetry", "pdm"])
def test_a_folder_is_a_member_only_when_it_is_a_plain_relative_path(
    tmp_path: Path, kind: str, value: str, folder: str | None
) -> None:
    if kind == "poetry":
        lock = _read(tmp_path, kind, _poetry_package("api", url=value))
    else:
        lock = _read(tmp_path, kind, _pdm_package("api", path=value))
    if kind == "pdm" and value == "5":
        assert lock.graph is None  # a path that is not a string is no path
        return
    graph = _graph(lock)
    assert graph.roots == ("api",)  # still the project's own code
    assert graph.members == ({} if folder is None else {folder: "api"})


@pytest.mark.parametrize("path", ['"./dist/api-1.0-py3-none-any.whl"', '"./vendor/api-1.0.tar.gz"'])
def test_a_pdm_path_to_a_built_file_is_no_root(tmp_path: Path, path: str) -> None:
    assert _read(tmp_path, "pdm", _pdm_package("api", path=path)).graph is None
    editable = _pdm_package("api", path=path).replace("path =", "editable = true\npath =")
    assert _read(tmp_path, "pdm", editable).graph is not None


def test_poetry_file_and_url_sources_are_no_roots(tmp_path: Path) -> None:
    text = _poetry_package("a") + _poetry_package("b")
    text = text.replace(
        "files = []\n\n[[package]]",
        'files = []\n\n[package.source]\ntype = "file"\nurl = "a.whl"\n\n[[package]]',
        1,
    )
    assert _read(tmp_path, "poetry", text).graph is None


def test_poetry_dependency_values_of_any_shape(tmp_path: Path) -> None:
    body = (
        "\n[package.dependencies]\n"
        'Flask_Login = "^1"\nnumber = 1\n'
        'listed = [1, ">=1", {version = ">=2", optional = true}]\n'
        'odd = {extras = "not-a-list"}\nasked = {version = "*", extras = ["A_B", 2]}\n'
        "hidden = {optional = true}\n"
        "\n[package.extras]\n"
        'e = [1, "", "[x]", "-e", "hidden[y, ,Z] (>=1)",'
        ' "listed (>=2) ; python_version > \\"3\\""]\n'
        'bad = "not-a-list"\n'
    )
    edges = _graph(_read(tmp_path, "poetry", _poetry_package("app", body, '"."'))).edges
    assert edges["app", None] == (
        ("flask-login", None),
        ("number", None),
        ("listed", None),
        ("odd", None),
        ("asked", None),
        ("asked", "a-b"),
    )
    assert edges["app", "e"] == (
        ("hidden", None),
        ("hidden", "y"),
        ("hidden", "z"),
        ("listed", None),
    )
    assert edges["app", "bad"] == ()


def test_pdm_dependency_strings_of_any_shape(tmp_path: Path) -> None:
    deps = (
        '"", "   ", ";", 12, "[x]", "Flask_Login>=1", "x[unclosed", '
        '"y [ a , B ] ; os_name == \\"nt\\"", '
        '"-e file:///${PROJECT_ROOT}/packages/b#egg=b[Dev]", "c @ file:///${PROJECT_ROOT}/c", '
        '"-e file:///no-egg"'
    )
    lock = _read(tmp_path, "pdm", _pdm_package("app", deps, '"."'))
    assert _graph(lock).edges["app", None] == (
        ("flask-login", None),
        ("x", None),
        ("y", None),
        ("y", "a"),
        ("y", "b"),
        ("b", None),
        ("b", "dev"),
        ("c", None),
    )


DEPTH = 10_000


def _chain(kind: str) -> str:
    """``p0`` (a path dependency) -> ``p1`` -> ... -> ``p9999`` -> ``ddtrace``."""
    names = [f"p{i}" for i in range(DEPTH)] + ["ddtrace"]
    parts = []
    for i, name in enumerate(names):
        nxt = names[i + 1] if i + 1 < len(names) else None
        if kind == "poetry":
            body = f'\n[package.dependencies]\n{nxt} = "*"\n' if nxt else ""
            parts.append(_poetry_package(name, body, '"packages/p0"' if i == 0 else None))
        else:
            deps = f'"{nxt}"' if nxt else ""
            parts.append(_pdm_package(name, deps, '"./packages/p0"' if i == 0 else None))
    return "".join(parts)


@pytest.mark.parametrize("kind", ["poetry", "pdm"])
def test_a_ten_thousand_deep_chain_is_walked_without_recursion(tmp_path: Path, kind: str) -> None:
    """Deeper than Python's recursion limit: every walk over the graph is a loop."""
    lock = _read(tmp_path, kind, _chain(kind))
    graph = _graph(lock)
    assert graph.members == {"packages/p0": "p0"}
    assert len(graph.edges) == DEPTH + 1
    part = member_parts(lock, ["p0"])["p0"]
    assert len(part.dependencies) == DEPTH  # p1 .. p9999 and ddtrace
    selected, env = select(Project((part,), part.dependencies, None))
    assert len(selected.dependencies) == DEPTH
    assert env == Environment()
    whole, _ = select(Project((lock,), lock.dependencies, None))
    assert len(whole.dependencies) == DEPTH + 1
