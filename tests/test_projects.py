"""Projects (issue 15): a folder is read as the projects it holds, each answered for itself.

The fixtures under ``fixtures/projects/`` are advised offline on the shipped snapshot through
the pipeline every front end runs (:func:`advisor.pipeline.advise_run`); each test asserts the
projects found, each one's files, environment, Python range and answer.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.manifests.projects import find_projects
from advisor.model.advice import ProjectAdvice, Report
from advisor.model.environment import Environment, Excluded
from advisor.pipeline import Flags, Run, Settings, advise_run
from tests._helpers import ROOT

FIXTURES = ROOT / "fixtures"
TODAY = dt.date(2026, 11, 24)


def _run(*paths: str | Path, **flags: object) -> Run:
    return advise_run(
        [str(p) for p in paths],
        Flags(today=TODAY, offline=True, **flags),  # type: ignore[arg-type]
        Settings(no_cache=True),
    )


def _by_root(report: Report) -> dict[str, ProjectAdvice]:
    return {p.root: p for p in report.projects}


def _names(p: ProjectAdvice) -> set[str]:
    return {i.distribution for i in p.advice.integrations} if p.advice else set()


# --- a monorepo of three services, a test harness and docs -------------------------------------


@pytest.fixture(scope="module")
def monorepo() -> Run:
    return _run(FIXTURES / "projects" / "monorepo")


def test_monorepo_finds_each_project_in_reading_order(monorepo: Run) -> None:
    report = monorepo.report
    assert [(p.root, p.status) for p in report.projects] == [
        ("docs", "no-ddtrace"),
        ("services/api", "upgrade"),
        ("services/web", "upgrade"),
        ("services/worker", "upgrade"),
        ("tests/harness", "no-ddtrace"),
    ]
    assert report.status == "upgrade"
    # The folder given holds only a .python-version and aap-advise.toml: not a project.
    assert "." not in _by_root(report)
    assert len(monorepo.advised) == 3 and len(monorepo.read) == 7  # .python-version too


def test_each_service_has_its_own_ddtrace_range_and_frameworks(monorepo: Run) -> None:
    p = _by_root(monorepo.report)
    api, web, worker = p["services/api"], p["services/web"], p["services/worker"]
    assert api.advice and web.advice and worker.advice
    assert (api.advice.ddtrace and api.advice.ddtrace.specifier) == ">=2.14,<3"
    assert (web.advice.ddtrace and web.advice.ddtrace.current) == "2.1.4"
    assert (worker.advice.ddtrace and worker.advice.ddtrace.current) == "2.9.2"
    assert _names(api) == {"fastapi"} and _names(web) == {"flask"} and _names(worker) == set()
    # No service sees another's files or the harness's pins.
    assert all(f.startswith(str(FIXTURES / "projects/monorepo/services/api")) for f in api.files)
    for advice in (api.advice, web.advice, worker.advice):
        changed = {c.package for c in advice.recommendation.changes}  # type: ignore[union-attr]
        assert changed <= {"ddtrace"}, changed


def test_each_project_has_its_own_python_range(monorepo: Run) -> None:
    p = _by_root(monorepo.report)
    # Its own configuration's python, its own pip-compile header, else the repository's.
    assert p["services/api"].python_spec == "==3.12.*"
    assert p["services/api"].python_source.endswith("tool.aap-advise.python")
    assert p["services/web"].python_source.endswith("requirements.txt: compiled for Python 3.11")
    assert p["services/worker"].python_spec == "==3.11.*"
    assert p["services/worker"].python_source.endswith(os.path.join("monorepo", ".python-version"))
    worker = p["services/worker"].advice
    assert worker is not None and worker.python_versions == ("3.11",)
    assert any(f.id == "python-range-inherited" for f in worker.findings)


def test_the_conflicting_ddtrace_of_one_service_is_named_with_both_lines(monorepo: Run) -> None:
    web = _by_root(monorepo.report)["services/web"].advice
    assert web is not None
    (found,) = [f for f in web.findings if f.id == "ddtrace-declarations-disagree"]
    assert "requirements.in:2" in found.message and "requirements.txt:11" in found.message
    others = [p.advice for p in monorepo.report.planned if p.root != "services/web"]
    assert not any(f.id == "ddtrace-declarations-disagree" for a in others if a for f in a.findings)


def test_projects_without_ddtrace_are_advised_nothing(monorepo: Run) -> None:
    p = _by_root(monorepo.report)
    for root in ("docs", "tests/harness"):
        assert p[root].advice is None and p[root].status == "no-ddtrace"
        assert len(p[root].files) == 1
    assert p["docs"].files[0].endswith(os.path.join("docs", "requirements.txt"))


def test_each_project_reads_its_own_configuration(monorepo: Run) -> None:
    p = _by_root(monorepo.report)
    api, web = p["services/api"].advice, p["services/web"].advice
    assert api is not None and web is not None
    # services/api: its own [tool.aap-advise], with an expired ignore entry.
    assert api.requested == ("exploit-prevention",)
    expired = [f for f in api.findings if f.id == "ignore-expired"]
    assert len(expired) == 1 and "note-agent-minimum" in expired[0].message
    assert api.ignored == ()
    # The others: the repository's aap-advise.toml (API Security; env-switch accepted).
    assert web.requested == ("api-security",)
    assert [i.id for i in web.ignored] == ["env-switch"] and web.ignored[0].count == 1
    assert not any(f.id == "env-switch" for f in web.findings)


def test_flags_replace_every_projects_configuration() -> None:
    run = _run(FIXTURES / "projects" / "monorepo", capabilities=("iast",), python="3.13")
    for p in run.report.planned:
        assert p.advice is not None and p.advice.requested == ("iast",)
        assert p.advice.python_versions == ("3.13",)


def test_the_status_is_the_worst_over_projects(monorepo: Run) -> None:
    impossible = _run(FIXTURES / "split-py38", python="3.8", capabilities=("api-security", "rasp"))
    (bad,) = impossible.report.projects
    assert bad.status == "impossible"
    ok = _run(FIXTURES / "demo", capabilities=("http-monitoring",), python="3.11")
    (good,) = ok.report.projects
    assert good.status == "ok"
    nothing = _by_root(monorepo.report)["docs"]
    assert Report((nothing, good), "", TODAY).status == "ok"
    assert Report((good, bad, nothing), "", TODAY).status == "impossible"
    assert Report((nothing,), "", TODAY).status == "no-ddtrace"
    assert monorepo.report.status == "upgrade"


# --- a uv workspace ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workspace() -> Run:
    return _run(FIXTURES / "projects" / "uv-workspace")


def test_each_member_of_a_uv_workspace_is_a_project(workspace: Run) -> None:
    report = workspace.report
    # The virtual root (a workspace table and a lint group) is not a project.
    assert [(p.root, p.status) for p in report.projects] == [
        ("packages/api", "upgrade"),
        ("packages/worker", "upgrade"),
    ]
    for p in report.projects:
        assert p.files[-1].endswith(os.path.join("uv-workspace", "uv.lock"))


def test_each_member_reads_only_its_part_of_the_lock(workspace: Run) -> None:
    p = _by_root(workspace.report)
    api, worker = workspace.advised
    api_names = {d.name for d in api.project.dependencies}
    worker_names = {d.name for d in worker.project.dependencies}
    assert {"fastapi", "starlette"} <= api_names and not {"celery", "tornado"} & api_names
    assert {"celery", "tornado"} <= worker_names and "fastapi" not in worker_names
    assert "ruff" not in api_names | worker_names  # the root's lint group is no member's
    assert _names(p["packages/api"]) >= {"fastapi"} and "tornado" not in _names(p["packages/api"])
    assert "tornado" in _names(p["packages/worker"])
    # Each member's own dev group, from the lock graph, is left out of it alone.
    assert p["packages/api"].environment == Environment(("main",), (Excluded("dev", 6),))
    assert p["packages/worker"].environment == Environment()


def test_each_member_keeps_its_own_range_and_the_locked_ddtrace(workspace: Run) -> None:
    p = _by_root(workspace.report)
    api, worker = p["packages/api"].advice, p["packages/worker"].advice
    assert api is not None and worker is not None
    assert api.python_spec == ">=3.11" and worker.python_spec == ">=3.10"
    assert api.ddtrace is not None and [lv.version for lv in api.ddtrace.locked] == ["2.21.0"]
    assert worker.ddtrace is not None and worker.ddtrace.specifier == ">=2.10,<3"
    assert [lv.version for lv in worker.ddtrace.locked] == ["2.21.0"]


# --- the environments fixtures, as projects ----------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "environment", "frameworks", "python"),
    [
        # A Poetry project whose only Tornado comes from a dev tool.
        (
            "poetry-dev-tornado",
            Environment(("main",), (Excluded("dev", 3),)),
            {"requests"},
            ">=3.10,<3.14",
        ),
        # ddtrace only in an optional deploy extra: that extra and main.
        (
            "deploy-extra",
            Environment(("main", "deploy"), (Excluded("docs", 2),)),
            {"flask"},
            ">=3.10",
        ),
        # A pip-compile pair with a requirements-dev.txt beside it: one project, the dev file
        # its own environment.
        (
            "pip-compile-dev",
            Environment(("main",), (Excluded("requirements-dev.txt", 2),)),
            {"django"},
            "==3.11.*",
        ),
    ],
)
def test_one_project_folders_answer_from_their_runtime_environment(
    folder: str, environment: Environment, frameworks: set[str], python: str
) -> None:
    (p,) = _run(FIXTURES / "environments" / folder).report.projects
    assert p.root == "." and p.python_spec == python
    assert p.status == "upgrade"
    assert p.advice is not None and p.advice.recommendation.ddtrace == "4.6.0"  # type: ignore[union-attr]
    assert _names(p) == frameworks
    assert (p.environment.groups, [e.packages for e in p.environment.excluded]) == (
        environment.groups,
        [e.packages for e in environment.excluded],
    )


def test_without_ddtrace_anywhere_each_project_is_told_to_add_it() -> None:
    run = _run(FIXTURES / "projects" / "no-ddtrace-anywhere")
    assert [(p.root, p.status) for p in run.report.projects] == [
        ("app", "upgrade"),
        ("jobs", "upgrade"),
    ]
    jobs = _by_root(run.report)["jobs"].advice
    assert jobs is not None and jobs.python_versions[0] == "3.12"
    assert all(a.advice.ddtrace is None for a in run.advised)


# --- how files are grouped ------------------------------------------------------------------------


def _roots(tmp_path: Path, files: dict[str, str], *paths: str) -> list[tuple[str, list[str]]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = find_projects([str(tmp_path / p) for p in paths] or [str(tmp_path)]).projects
    return [
        (f.root, sorted(Path(m.path).relative_to(tmp_path).as_posix() for m in f.project.manifests))
        for f in found
    ]


DD = "ddtrace==2.3.0\n"


def test_requirements_in_a_requirements_folder_belong_to_the_folder_above(tmp_path: Path) -> None:
    files = {
        "svc/requirements/base.txt": DD,
        "svc/requirements/dev.txt": "-r base.txt\npytest\n",
        "svc/setup.cfg": "[metadata]\nname = svc\n",
        "other/requirements.txt": DD,
    }
    assert _roots(tmp_path, files) == [
        ("other", ["other/requirements.txt"]),
        ("svc", ["svc/requirements/dev.txt", "svc/setup.cfg"]),
    ]


def test_a_pyproject_of_tool_settings_only_is_no_project(tmp_path: Path) -> None:
    files = {"pyproject.toml": "[tool.ruff]\nline-length = 100\n", "app/requirements.txt": DD}
    assert _roots(tmp_path, files) == [("app", ["app/requirements.txt"])]


def test_a_lock_alone_is_a_project_and_a_lock_beside_its_manifest_joins_it(
    tmp_path: Path,
) -> None:
    lock = (ROOT / "fixtures/environments/poetry-dev-tornado/poetry.lock").read_text()
    pyproject = (ROOT / "fixtures/environments/poetry-dev-tornado/pyproject.toml").read_text()
    files = {"a/poetry.lock": lock, "b/poetry.lock": lock, "b/pyproject.toml": pyproject}
    assert _roots(tmp_path, files) == [
        ("a", ["a/poetry.lock"]),
        ("b", ["b/poetry.lock", "b/pyproject.toml"]),
    ]


def test_only_a_python_version_is_still_one_answer(tmp_path: Path) -> None:
    assert _roots(tmp_path, {".python-version": "3.12\n"}) == [(".", [".python-version"])]


def test_files_named_together_are_one_project_per_folder(tmp_path: Path) -> None:
    files = {"a/requirements.in": "ddtrace\n", "a/requirements.txt": DD, "b/requirements.txt": DD}
    found = _roots(tmp_path, files, "a/requirements.in", "a/requirements.txt", "b/requirements.txt")
    assert [(Path(r).name, f) for r, f in found] == [
        ("a", ["a/requirements.in", "a/requirements.txt"]),
        ("b", ["b/requirements.txt"]),
    ]


def test_the_range_is_inherited_from_the_nearest_folder_above_within_the_run(
    tmp_path: Path,
) -> None:
    (tmp_path / ".python-version").write_text("3.9\n")
    files = {
        "repo/.python-version": "3.12\n",
        "repo/services/.python-version": "3.11\n",
        "repo/services/a/requirements.txt": DD,
        "repo/b/requirements.txt": DD,
        "repo/c/requirements.txt": DD,
        "repo/c/.python-version": "3.13\n",
    }
    _roots(tmp_path, files)
    found = {f.root: f.project.python for f in find_projects([str(tmp_path / "repo")]).projects}
    assert {r: p.spec if p else None for r, p in found.items()} == {
        "b": "==3.12.*",
        "c": "==3.13.*",
        "services/a": "==3.11.*",
    }
    # A folder named is the top: nothing above it is read.
    (only,) = find_projects([str(tmp_path / "repo" / "b")]).projects
    assert only.project.python is None


def test_a_file_another_project_includes_stays_in_its_own_project_too(tmp_path: Path) -> None:
    """tests/ includes the application's requirements.txt: the application keeps it (and its
    ddtrace), and tests/ reads it as well."""
    files = {
        "pyproject.toml": '[project]\nname = "app"\nversion = "1"\ndependencies = ["flask"]\n',
        "requirements.txt": DD,
        "tests/requirements.txt": "-r ../requirements.txt\npytest\ndjango\n",
    }
    assert _roots(tmp_path, files) == [
        (".", ["pyproject.toml", "requirements.txt"]),
        ("tests", ["tests/requirements.txt"]),
    ]
    p = _by_root(_run(tmp_path).report)
    assert p["."].status == "upgrade" and _names(p["."]) == {"flask"}
    assert p["tests"].status == "upgrade" and "django" in _names(p["tests"])


def test_a_file_its_own_project_includes_is_read_there_only(tmp_path: Path) -> None:
    files = {"requirements/base.txt": DD, "requirements/dev.txt": "-r base.txt\npytest\n"}
    assert _roots(tmp_path, files) == [(".", ["requirements/dev.txt"])]


def test_a_link_to_a_file_of_another_project_leaves_it_to_that_project(tmp_path: Path) -> None:
    files = {"b/requirements.txt": DD, "a/pyproject.toml": '[project]\nname = "a"\nversion = "1"\n'}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / "a/requirements.txt").symlink_to("../b/requirements.txt")
    found = {
        f.root: [Path(m.path).name for m in f.project.manifests]
        for f in find_projects([str(tmp_path)]).projects
    }
    assert found == {"a": ["pyproject.toml"], "b": ["requirements.txt"]}


def test_a_range_is_inherited_only_from_a_declared_range_or_python_version(
    tmp_path: Path,
) -> None:
    """The root's compile header says how one file was compiled, not the repository's range:
    worker/ takes the root's .python-version, whichever order the folders are named in."""
    files = {
        "requirements.txt": "# This file is autogenerated by pip-compile with Python 3.8\n" + DD,
        ".python-version": "3.12\n",
        "worker/requirements.txt": DD,
    }
    _roots(tmp_path, files)
    for paths in ([tmp_path], [tmp_path / "worker", tmp_path], [tmp_path, tmp_path / "worker"]):
        found = find_projects([str(p) for p in paths]).projects
        worker = next(f for f in found if f.folder.endswith("worker"))
        assert worker.project.python is not None
        assert worker.project.python.spec == "==3.12.*", paths


def test_without_a_repository_the_configuration_is_looked_for_up_to_the_folder_named(
    tmp_path: Path,
) -> None:
    import shutil

    copy = tmp_path / "monorepo"
    shutil.copytree(FIXTURES / "projects" / "monorepo", copy)
    p = _by_root(_run(copy).report)
    web = p["services/web"].advice
    assert web is not None and web.requested == ("api-security",)
    assert [i.id for i in web.ignored] == ["env-switch"]
    api = p["services/api"].advice
    assert api is not None and api.requested == ("exploit-prevention",)


def test_a_deep_tree_of_projects_is_found_in_linear_time(tmp_path: Path) -> None:
    """200 nested project folders: each is found once."""
    folder = tmp_path
    for i in range(200):
        folder = folder / f"d{i}"
        folder.mkdir()
        (folder / "requirements.txt").write_text(DD if i % 2 else "flask\n")
    found = find_projects([str(tmp_path)]).projects
    assert len(found) == 200


def _services(root: Path, count: int) -> None:
    """``count`` service folders: a small pyproject.toml or a requirements.txt, a third of
    them with ddtrace, in a repository."""
    (root / ".git").mkdir(parents=True)
    for i in range(count):
        folder = root / "services" / f"svc-{i:03d}"
        folder.mkdir(parents=True)
        dd = ["ddtrace==2.3.0"] if i % 3 == 0 else []
        if i % 2:
            (folder / "requirements.txt").write_text("\n".join([*dd, "flask==3.0.0"]) + "\n")
        else:
            deps = ", ".join(f'"{d}"' for d in [*dd, "requests>=2"])
            (folder / "pyproject.toml").write_text(
                f'[project]\nname = "svc-{i}"\nversion = "1"\ndependencies = [{deps}]\n'
            )


def _resolves(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every ``Path.resolve`` call from now on (the path resolved)."""
    calls: list[str] = []
    original = Path.resolve

    def resolve(self: Path, strict: bool = False) -> Path:
        calls.append(str(self))
        return original(self, strict)

    monkeypatch.setattr(Path, "resolve", resolve)
    return calls


@pytest.mark.parametrize("count", [20, 80])
def test_a_folder_of_projects_resolves_the_folder_not_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    """A file found in a folder lies where its name says (no folder entered is a link): its
    real path is the folder's and its name; only the folder named is resolved."""
    _services(tmp_path, count)
    calls = _resolves(monkeypatch)
    found = find_projects([str(tmp_path)])
    assert len(found.projects) == count
    assert calls == [str(tmp_path), str(tmp_path)]  # its repository, and the folder read


def test_a_file_found_as_a_link_is_resolved_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _services(tmp_path, 6)
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / "requirements.txt").symlink_to("../services/svc-001/requirements.txt")
    calls = _resolves(monkeypatch)
    found = find_projects([str(tmp_path)])
    assert calls[2:] == [str(tmp_path / "linked" / "requirements.txt")]
    # Read in its own project only, as before.
    assert [f.root for f in found.projects] == [f"services/svc-{i:03d}" for i in range(6)]


def test_a_requirements_file_is_resolved_only_to_follow_its_includes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "base.txt").write_text("flask==3.0.0\n")
    (tmp_path / "requirements.txt").write_text("-r base.txt\nddtrace==2.3.0\n")
    calls = _resolves(monkeypatch)
    found = find_projects([str(tmp_path / "requirements.txt")])
    names = [d.name for d in found.projects[0].project.dependencies]
    assert names == ["flask", "ddtrace"]
    # Its repository; the file named (for the boundary), then once more to follow -r, and
    # base.txt once; the file included and the one including it, to tell which is which.
    req, base = str(tmp_path / "requirements.txt"), str(tmp_path / "base.txt")
    assert calls == [str(tmp_path), req, req, base, base, req]
    calls.clear()
    (tmp_path / "requirements.txt").write_text("--index-url https://x.test/simple\nflask\n")
    find_projects([str(tmp_path / "requirements.txt")])
    assert calls == [str(tmp_path), req]  # an option that includes nothing: not resolved


def test_reading_pauses_the_garbage_collector_and_restarts_it(tmp_path: Path) -> None:
    import gc

    from advisor.errors import ManifestError

    _services(tmp_path, 3)
    seen: list[bool] = []
    original = find_projects.__globals__["read_all"]

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    find_projects.__globals__["read_all"] = spy
    try:
        find_projects([str(tmp_path)])
    finally:
        find_projects.__globals__["read_all"] = original
    assert seen == [False] and gc.isenabled()
    (tmp_path / "services" / "svc-000" / "pyproject.toml").write_text("[project\n")
    with pytest.raises(ManifestError):
        find_projects([str(tmp_path)])
    assert gc.isenabled()
    gc.disable()
    try:
        find_projects([str(tmp_path / "services" / "svc-001")])
        assert not gc.isenabled()  # a caller's choice is left as it was
    finally:
        gc.enable()


def test_what_reading_made_is_old_when_the_collector_restarts(tmp_path: Path) -> None:
    """What reading made while the collector was off is counted as old (gc.freeze, then
    gc.unfreeze): else the first young collection after it walked every object read (some
    0.3 s at 3,200 manifests), for no garbage."""
    import gc

    _services(tmp_path, 30)
    gc.collect()
    found = find_projects([str(tmp_path)])
    project = found.projects[-1].project
    assert any(o is project for o in gc.get_objects(generation=2))  # the oldest, at once
    assert len(found.projects) == 30 and gc.isenabled()


def test_planning_pauses_the_garbage_collector_and_restarts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19: each project is planned with the collector off (it walked what was read and
    planned again and again), and on again after, also when a plan fails; a caller that had
    it off finds it off."""
    import gc

    import advisor.pipeline as pipeline

    _services(tmp_path, 4)  # two with ddtrace: those two are planned
    seen: list[bool] = []
    from advisor.plan import plan as planned

    original: Callable[..., object] = planned

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    def failing(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        raise RuntimeError("plan failed")

    monkeypatch.setattr(pipeline, "plan", spy)
    run = _run(tmp_path)
    assert len(run.report.projects) == 4 and seen == [False, False] and gc.isenabled()
    gc.disable()
    try:
        _run(tmp_path / "services" / "svc-000")
        assert not gc.isenabled()  # a caller's choice is left as it was
    finally:
        gc.enable()
    monkeypatch.setattr(pipeline, "plan", failing)
    with pytest.raises(RuntimeError, match="plan failed"):
        _run(tmp_path)
    assert gc.isenabled() and seen == [False] * 4


# --- --fix and --write-constraints over projects ------------------------------------------------


def test_fix_plans_every_projects_edits_and_one_relock_per_lock(monorepo: Run) -> None:
    from advisor.pipeline import plan_fix_for

    plan = plan_fix_for(monorepo)
    edited = sorted(
        Path(p.path).relative_to(FIXTURES / "projects/monorepo").as_posix() for p in plan.patches
    )
    assert edited == [
        "services/api/pyproject.toml",
        "services/web/requirements.in",
        "services/web/requirements.txt",
        "services/worker/Pipfile",
    ]
    assert not plan.refusals
    workspace = plan_fix_for(_run(FIXTURES / "projects" / "uv-workspace"))
    assert len(workspace.patches) == 2 and len(workspace.commands) == 1
    (command,) = workspace.commands
    assert command.file == FIXTURES / "projects/uv-workspace/uv.lock"


def test_a_file_two_projects_would_edit_differently_is_refused(tmp_path: Path) -> None:
    from advisor.pipeline import plan_fix_for

    (tmp_path / "common").mkdir()
    (tmp_path / "common/base.txt").write_text("ddtrace==2.3.0\n")
    for name, capability in (("a", "exploit-prevention"), ("b", "api-security")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "requirements.txt").write_text("-r ../common/base.txt\nflask==3.1.0\n")
        (tmp_path / name / "aap-advise.toml").write_text(f'capabilities = ["{capability}"]\n')
    run = _run(tmp_path, python="3.12")
    assert [p.advice.recommendation.ddtrace for p in run.report.planned if p.advice] == [  # type: ignore[union-attr]
        "2.20.0",
        "4.6.0",
    ]
    plan = plan_fix_for(run)
    assert [Path(p.path).name for p in plan.patches] == ["base.txt"]
    (refused,) = plan.refusals
    assert refused.file is not None and refused.file.endswith("base.txt")
    assert "two projects" in refused.message
    # Alike, the file is edited once and nothing is refused.
    (tmp_path / "a/aap-advise.toml").write_text('capabilities = ["api-security"]\n')
    plan = plan_fix_for(_run(tmp_path, python="3.12"))
    assert len(plan.patches) == 1 and not plan.refusals


def test_a_constraints_file_needs_one_project(monorepo: Run) -> None:
    from advisor.errors import UsageError

    with pytest.raises(UsageError) as caught:
        monorepo.one("--write-constraints")
    assert "3 projects were advised (services/api, services/web, services/worker)" in str(
        caught.value.message
    )
    (single,) = _run(FIXTURES / "projects/monorepo/services/web").advised
    assert _run(FIXTURES / "projects/monorepo/services/web").one("-x").advice == single.advice


def test_a_group_one_project_knows_is_not_unknown_in_the_others() -> None:
    monorepo = FIXTURES / "projects" / "monorepo"
    known = _by_root(_run(monorepo, groups=("dev",)).report)
    assert known["services/api"].environment.groups == ("main", "dev")
    assert known["services/web"].environment.groups == ("main",)
    assert not any(
        f.id == "unknown-group" for p in known.values() if p.advice for f in p.advice.findings
    )
    unknown = _run(monorepo, groups=("nosuch",)).report.planned
    assert all(
        [f.id for f in p.advice.findings].count("unknown-group") == 1 for p in unknown if p.advice
    )


# --- Poetry and PDM path-dependency monorepos ------------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "lock"), [("poetry-path", "poetry.lock"), ("pdm-path", "pdm.lock")]
)
def test_a_lock_of_path_dependencies_serves_the_root_whole_and_each_member_its_part(
    folder: str, lock: str
) -> None:
    run = _run(FIXTURES / "workspaces" / folder)
    p = _by_root(run.report)
    assert [(r.root, r.status) for r in run.report.projects] == [
        (".", "upgrade"),
        ("packages/api", "upgrade"),
        ("packages/worker", "no-ddtrace"),
    ]
    for found in p.values():
        assert found.files[-1].endswith(os.path.join(folder, lock))
    root, api = run.advised
    # The root installs every path package: the whole lock (less its dev group).
    root_names = {d.name for d in root.project.dependencies}
    api_names = {d.name for d in api.project.dependencies}
    assert {"flask", "celery", "ddtrace"} <= root_names
    assert "celery" not in api_names and {"flask", "ddtrace"} <= api_names
    # The api's sentry extra does not hold ddtrace (a main dependency of it): left out.
    assert p["packages/api"].environment.groups == ("main",)
    assert [e.name for e in p["packages/api"].environment.excluded] == ["sentry"]


def test_a_workspace_of_many_members_gives_each_its_part(tmp_path: Path) -> None:
    """300 members over a chain of 3000 locked packages: every member reads the chain from
    its own link on (the lock is indexed once, not read again per member)."""
    members, chain = 300, 3000
    names = [f"m{i}" for i in range(members)]
    lines = ["version = 1", "revision = 3", 'requires-python = ">=3.11"', "", "[manifest]"]
    lines.append("members = [" + ", ".join(f'"{n}"' for n in names) + "]")
    for i in range(chain):
        nxt = f'dependencies = [{{ name = "p{i + 1}" }}]' if i + 1 < chain else ""
        lines += ["", "[[package]]", f'name = "p{i}"', 'version = "1.0"']
        lines += ['source = { registry = "https://pypi.org/simple" }', nxt]
    for i, name in enumerate(names):
        lines += ["", "[[package]]", f'name = "{name}"', 'version = "0.1.0"']
        lines += [f'source = {{ editable = "packages/{name}" }}']
        lines += [f'dependencies = [{{ name = "p{i * 10}" }}, {{ name = "ddtrace" }}]']
    lines += ["", "[[package]]", 'name = "ddtrace"', 'version = "2.21.0"']
    lines += ['source = { registry = "https://pypi.org/simple" }', ""]
    (tmp_path / "uv.lock").write_text("\n".join(lines))
    (tmp_path / "pyproject.toml").write_text('[tool.uv.workspace]\nmembers = ["packages/*"]\n')
    for name in names:
        (tmp_path / "packages" / name).mkdir(parents=True)
        (tmp_path / "packages" / name / "pyproject.toml").write_text(
            f'[project]\nname = "{name}"\nversion = "0.1.0"\ndependencies = ["ddtrace"]\n'
        )
    found = find_projects([str(tmp_path)]).projects
    assert [f.root for f in found] == [f"packages/{n}" for n in sorted(names)]
    for f in found:
        i = int(f.root.rpartition("/m")[2])
        locked = [d.name for d in f.project.dependencies if d.role == "locked"]
        assert len(locked) == chain - i * 10 + 1, f.root


# --- the command line --------------------------------------------------------------------------------

CLI = ["--offline", "--no-cache", "--today", "2026-11-24"]


def test_the_json_report_has_one_element_per_project(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from advisor.frontends.cli import main

    code = main([str(FIXTURES / "projects/monorepo"), *CLI, "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 1 and doc["schema_version"] == 4 and doc["status"] == "upgrade"
    by_root = {p["root"]: p for p in doc["projects"]}
    assert list(by_root) == [
        "docs",
        "services/api",
        "services/web",
        "services/worker",
        "tests/harness",
    ]
    api = by_root["services/api"]
    assert api["environment"] == {"groups": ["main"], "excluded": [{"name": "dev", "packages": 2}]}
    assert api["python"]["versions"] == ["3.12"] and api["requested"] == ["exploit-prevention"]
    assert api["recommendation"]["ddtrace"] == "2.20.0"
    assert [f["id"] for f in api["findings"]].count("ignore-expired") == 1
    harness = by_root["tests/harness"]
    assert harness["status"] == "no-ddtrace" and harness["recommendation"] is None
    assert harness["python"]["spec"] == "==3.11.*" and harness["capabilities"] == []


def test_the_text_report_opens_with_one_line_per_project(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from advisor.frontends.cli import main

    assert main([str(FIXTURES / "projects/uv-workspace"), *CLI]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "aap-advise: 2 projects: 2 to upgrade"
    assert lines[2].split() == ["packages/api", "2.21.0", "->", "4.6.0", "upgrade"]
    assert lines[3].split() == ["packages/worker", "2.21.0", "->", "4.6.0", "upgrade"]
    assert "== packages/api ==" in lines and "== packages/worker ==" in lines


def test_a_constraints_file_for_several_projects_is_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from advisor.frontends.cli import main

    out = tmp_path / "constraints.txt"
    code = main([str(FIXTURES / "projects/monorepo"), *CLI, "--write-constraints", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert "--write-constraints writes one project's answer, and 3 projects were advised" in err
    assert (
        main(
            [
                str(FIXTURES / "projects/monorepo/services/web"),
                *CLI,
                "--write-constraints",
                str(out),
            ]
        )
        == 1
    )
    assert "ddtrace==4.6.0" in out.read_text()


def test_diff_shows_every_projects_edits(capsys: pytest.CaptureFixture[str]) -> None:
    from advisor.frontends.cli import main

    assert main([str(FIXTURES / "projects/uv-workspace"), *CLI, "--diff"]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("+++ ") == 2
    assert "packages/api/pyproject.toml" in captured.out
    assert "packages/worker/pyproject.toml" in captured.out
    assert captured.err.count("would run:") == 1


def test_a_configured_group_unknown_to_its_project_is_still_reported(tmp_path: Path) -> None:
    """Groups from one project's configuration are its own: another project, which was not
    asked for them, does not make the warning go away."""
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "requirements.txt").write_text(DD)
    (tmp_path / "a/aap-advise.toml").write_text('groups = ["deploy"]\n')
    p = _by_root(_run(tmp_path).report)
    a, b = p["a"].advice, p["b"].advice
    assert a is not None and b is not None
    assert [f.id for f in a.findings].count("unknown-group") == 1
    assert "unknown-group" not in [f.id for f in b.findings]


@pytest.mark.parametrize("name", ["pyproject.toml", ".python-version", "aap-advise.toml"])
def test_an_output_never_replaces_a_file_read_for_no_project(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The virtual workspace root's pyproject.toml, the .python-version the projects inherit,
    the repository's configuration: read, though no project's own file."""
    import shutil

    from advisor.frontends.cli import main

    copy = tmp_path / "ws"
    shutil.copytree(FIXTURES / "projects" / "uv-workspace", copy)
    (copy / ".python-version").write_text("3.12\n")
    (copy / "aap-advise.toml").write_text('capabilities = ["api-security"]\n')
    before = (copy / name).read_bytes()
    assert main([str(copy), *CLI, "-o", str(copy / name)]) == 2
    assert "is one of the files read; -o would overwrite it" in capsys.readouterr().err
    assert (copy / name).read_bytes() == before


def test_members_of_one_lock_advised_different_releases_are_refused(tmp_path: Path) -> None:
    import shutil

    from advisor.pipeline import plan_fix_for

    copy = tmp_path / "ws"
    shutil.copytree(FIXTURES / "projects" / "uv-workspace", copy)
    with (copy / "packages/worker/pyproject.toml").open("a") as fh:
        fh.write('\n[tool.aap-advise]\ncapabilities = ["exploit-prevention"]\n')
    run = _run(copy)
    targets = [p.advice.recommendation.ddtrace for p in run.report.planned if p.advice]  # type: ignore[union-attr]
    assert targets[0] != targets[1]
    plan = plan_fix_for(run)
    (refused,) = plan.refusals
    assert refused.file is not None and refused.file.endswith("uv.lock")
    assert "one lock holds one" in refused.message


def test_a_path_package_beside_the_lock_is_no_member_of_it(tmp_path: Path) -> None:
    """Two apps use ../lib by path: lib is a project of its own, reading neither app's lock."""
    src = FIXTURES / "workspaces" / "poetry-path"
    lock = (src / "poetry.lock").read_text().replace('url = "packages/worker"', 'url = "../lib"')
    (tmp_path / "apps/a").mkdir(parents=True)
    (tmp_path / "apps/a/poetry.lock").write_text(lock)
    (tmp_path / "apps/a/pyproject.toml").write_text((src / "pyproject.toml").read_text())
    (tmp_path / "apps/lib").mkdir()
    (tmp_path / "apps/lib/pyproject.toml").write_text(
        (src / "packages/worker/pyproject.toml").read_text()
    )
    found = {f.root: f.project for f in find_projects([str(tmp_path)]).projects}
    assert [Path(m.path).name for m in found["apps/lib"].manifests] == ["pyproject.toml"]
