"""The runtime environment (issue 15): what is installed next to ddtrace in production.

Each fixture under ``fixtures/environments/`` is advised offline on the shipped snapshot; the
tests assert the environment the report lists and that the answer (frameworks, floors,
env-var advice) comes from it alone, and that ``--group`` / ``--all-groups`` widen it back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from advisor.manifests import merge, read_paths
from advisor.model.advice import Advice, AdviceRequest
from advisor.model.environment import Environment, Excluded, select
from advisor.model.project import Dependency, LockGraph, Manifest, SourceLocation
from advisor.pipeline import Settings, advise, advise_files
from tests._helpers import OFFLINE, ROOT, project_json, run_cli

FIXTURES = ROOT / "fixtures" / "environments"
TODAY = dt.date(2026, 11, 24)


def _advise(folder: str, **request: Any) -> Advice:
    return advise(
        [str(FIXTURES / folder)],
        AdviceRequest(capabilities=("api-security",), today=TODAY, **request),
        Settings(no_cache=True),
    )


def _frameworks(advice: Advice) -> list[str]:
    return [i.distribution for i in advice.integrations]


def _texts(advice: Advice) -> str:
    floors = [r.reason for r in advice.recommendation.floor_reasons]
    return "\n".join([*floors, *(f.message for f in advice.findings)])


# --- the fixtures ------------------------------------------------------------------------------


def test_a_tornado_only_a_dev_tool_brings_sets_no_floor_and_no_switch() -> None:
    """snakeviz (dev group) pulls Tornado into poetry.lock with groups = ["dev"]."""
    advice = _advise("poetry-dev-tornado")
    assert advice.environment == Environment(("main",), (Excluded("dev", 3),))
    assert "tornado" not in _frameworks(advice)
    assert "DD_TRACE_TORNADO_ENABLED" not in _texts(advice)
    assert "Tornado" not in " ".join(r.reason for r in advice.recommendation.floor_reasons)
    assert advice.recommendation.status == "upgrade"
    assert advice.ddtrace is not None and advice.ddtrace.current == "2.3.0"


def test_group_dev_brings_the_tornado_back() -> None:
    advice = _advise("poetry-dev-tornado", groups=("dev",))
    assert advice.environment == Environment(("main", "dev"))
    assert "tornado" in _frameworks(advice)
    assert "DD_TRACE_TORNADO_ENABLED" in _texts(advice)


def test_frameworks_only_in_a_test_group_are_not_the_applications() -> None:
    advice = _advise("pep735-test-frameworks")
    assert advice.environment == Environment(("main",), (Excluded("test", 3), Excluded("lint", 1)))
    assert {"django", "fastapi"}.isdisjoint(_frameworks(advice))
    assert {"django", "fastapi"} <= set(
        _frameworks(_advise("pep735-test-frameworks", all_groups=True))
    )


def test_ddtrace_only_in_an_extra_takes_that_extra_and_main() -> None:
    advice = _advise("deploy-extra")
    assert advice.environment == Environment(("main", "deploy"), (Excluded("docs", 2),))
    assert advice.ddtrace is not None and advice.ddtrace.specifier == ">=2.3.0,<3"
    assert _frameworks(advice) == ["flask"]  # django is in the docs extra only


def test_a_requirements_dev_file_beside_a_pip_compile_pair_is_its_own_environment() -> None:
    advice = _advise("pip-compile-dev")
    dev = str(FIXTURES / "pip-compile-dev" / "requirements-dev.txt")
    assert advice.environment == Environment(("main",), (Excluded(dev, 2),))
    assert "flask" not in _frameworks(advice)
    assert "django" in _frameworks(advice)
    # The file is still read (and listed): it is only left out of the ddtrace environment.
    assert dev in advice.files
    widened = _advise("pip-compile-dev", groups=("requirements-dev",))
    assert widened.environment == Environment(("main", dev))
    assert "flask" in _frameworks(widened)


def test_a_package_the_uv_lock_reaches_only_through_a_dev_group_is_left_out() -> None:
    """locust (dev) needs flask and werkzeug; requests is needed by main too, so it stays."""
    advice = _advise("uv-dev-graph")
    assert advice.environment == Environment(("main",), (Excluded("dev", 3),))
    assert _frameworks(advice) == ["requests"]
    assert _frameworks(_advise("uv-dev-graph", groups=("dev",))) == ["requests", "flask"]
    assert _frameworks(_advise("uv-dev-graph", all_groups=True)) == ["requests", "flask"]


def test_the_uv_lock_alone_gives_the_same_environment() -> None:
    """Without its pyproject the lock's own metadata and graph tell the same."""
    advice = advise(
        [str(FIXTURES / "uv-dev-graph" / "uv.lock")],
        AdviceRequest(capabilities=("api-security",), today=TODAY),
        Settings(no_cache=True),
    )
    assert advice.environment == Environment(("main",), (Excluded("dev", 3),))
    assert _frameworks(advice) == ["requests"]


@pytest.mark.parametrize(
    ("folder", "args", "want"),
    [
        (
            "poetry-dev-tornado",
            [],
            {"groups": ["main"], "excluded": [{"name": "dev", "packages": 3}]},
        ),
        ("poetry-dev-tornado", ["--group", "dev"], {"groups": ["main", "dev"], "excluded": []}),
        ("uv-dev-graph", ["--all-groups"], {"groups": ["main", "dev"], "excluded": []}),
        (
            "deploy-extra",
            ["--group", "docs", "--group", "nothing"],
            {"groups": ["main", "deploy", "docs"], "excluded": []},
        ),
    ],
)
def test_the_command_line_and_the_json_field(
    folder: str, args: list[str], want: dict[str, Any]
) -> None:
    proc = run_cli(f"fixtures/environments/{folder}", *OFFLINE, "--format", "json", *args)
    assert proc.returncode == 1, proc.stderr
    report = project_json(proc.stdout)
    assert report["environment"] == want
    unknown = [f for f in report["findings"] if f["id"] == "unknown-group"]
    assert len(unknown) == ("nothing" in args)


def test_the_text_report_has_one_line() -> None:
    proc = run_cli("fixtures/environments/pep735-test-frameworks", *OFFLINE, "-v")
    assert "  environment: main (left out: test 3 packages, lint 1)\n" in proc.stdout
    plain = run_cli("fixtures/demo/requirements.txt", *OFFLINE, "-v")
    assert "environment:" not in plain.stdout  # nothing left out, nothing added: no line


def test_fix_still_sees_every_file() -> None:
    """The writers get the whole project; the planner the runtime environment."""
    advised = advise_files(
        [str(FIXTURES / "poetry-dev-tornado")],
        AdviceRequest(capabilities=("api-security",), today=TODAY),
        Settings(no_cache=True),
    )
    assert {"snakeviz", "tornado"} <= {d.name for d in advised.project.dependencies}
    assert "tornado" not in _frameworks(advised.advice)


# --- select() on hand-made projects ----------------------------------------------------------


def _dep(name: str, file: str = "f", **kw: Any) -> Dependency:
    return Dependency(name, name, "", None, SourceLocation(file), **kw)


def _project(*manifests: Manifest) -> Any:
    return merge(manifests)


def test_groups_holding_ddtrace_are_in_whatever_their_kind() -> None:
    m = Manifest(
        "pyproject.toml",
        "pyproject",
        (
            _dep("flask"),
            _dep("ddtrace", group="ops", group_kind="poetry-group"),
            _dep("gunicorn", group="ops", group_kind="poetry-group"),
            _dep("pytest", group="dev", group_kind="poetry-group"),
            _dep("django", group="dev", group_kind="poetry-group"),
            _dep("django", group="test", group_kind="dependency-group"),
        ),
    )
    selected, env = select(_project(m))
    assert [d.name for d in selected.dependencies] == ["flask", "ddtrace", "gunicorn"]
    # django is in two left-out groups: it counts for neither.
    assert env == Environment(("main", "ops"), (Excluded("dev", 1), Excluded("test", 0)))


def test_hatch_default_environment_is_in_and_others_out() -> None:
    m = Manifest(
        "hatch.toml",
        "hatch",
        (
            _dep("ddtrace"),
            _dep("flask", group="default", group_kind="hatch-env"),
            _dep("django", group="docs", group_kind="hatch-env"),
        ),
    )
    selected, env = select(_project(m))
    assert [d.name for d in selected.dependencies] == ["ddtrace", "flask"]
    assert env == Environment(("main", "default"), (Excluded("docs", 1),))


def test_lock_groups_keep_a_package_any_selected_group_installs() -> None:
    lock = Manifest(
        "poetry.lock",
        "poetry.lock",
        (
            _dep("ddtrace", role="locked"),
            _dep("tornado", group="dev", group_kind="poetry-group", lock_groups=("dev", "web")),
            _dep("pytest", group="dev", group_kind="poetry-group", role="locked"),
        ),
        is_lock=True,
    )
    assert [d.name for d in select(_project(lock))[0].dependencies] == ["ddtrace"]
    selected, env = select(_project(lock), ["web"])
    assert [d.name for d in selected.dependencies] == ["ddtrace", "tornado"]
    assert env == Environment(("main", "web"), (Excluded("dev", 1),))


def _uv(graph: LockGraph, *names: str) -> Manifest:
    deps = tuple(_dep(n, "uv.lock", role="locked") for n in names)
    return Manifest("uv.lock", "uv.lock", deps, is_lock=True, graph=graph)


def test_ddtrace_reached_only_through_an_extra_of_the_lock_takes_that_extra() -> None:
    graph = LockGraph(
        roots=("app",),
        edges={
            ("app", None): (("flask", None),),
            ("app", "deploy"): (("ddtrace", None),),
            ("ddtrace", None): (("bytecode", None),),
            ("app", "docs"): (("sphinx", None), ("flask", "async")),
            ("flask", "async"): (("asgiref", None),),
        },
        groups={"dev": (("pytest", None), ("sphinx", None))},
    )
    selected, env = select(
        _project(_uv(graph, "flask", "ddtrace", "bytecode", "sphinx", "asgiref", "pytest"))
    )
    assert [d.name for d in selected.dependencies] == ["flask", "ddtrace", "bytecode"]
    # sphinx is reached by docs and dev: counted for neither; asgiref by docs only.
    assert env == Environment(("main",), (Excluded("docs", 1), Excluded("dev", 1)))


@pytest.mark.parametrize("written", [False, True])
def test_an_extra_of_the_root_does_not_hold_what_main_holds(written: bool) -> None:
    """ddtrace is a main dependency: ``app[docs]`` installs app too, but docs holds sphinx only
    (pdm.lock writes the step from an extra down to its package; uv.lock leaves it implied)."""
    docs: tuple[tuple[str, str | None], ...] = (("sphinx", None),)
    graph = LockGraph(
        roots=("app",),
        edges={
            ("app", None): (("ddtrace", None), ("flask", None)),
            ("app", "docs"): (*docs, ("app", None)) if written else docs,
        },
        groups={},
    )
    selected, env = select(_project(_uv(graph, "ddtrace", "flask", "sphinx")))
    assert [d.name for d in selected.dependencies] == ["ddtrace", "flask"]
    assert env == Environment(("main",), (Excluded("docs", 1),))


def test_a_constraint_file_holding_ddtrace_still_counts_in_a_left_out_file() -> None:
    """``requirements-dev.in: -c requirements.txt``: the pins of requirements.txt stay."""
    dev = Manifest(
        "requirements-dev.in",
        "requirements",
        (
            _dep("ddtrace", "requirements.txt", role="constraint"),
            _dep("django", "requirements.txt", role="constraint"),
            _dep("flask", "requirements-dev.in"),
        ),
    )
    selected, env = select(_project(dev))
    assert [d.name for d in selected.dependencies] == ["ddtrace", "django"]
    assert env == Environment(("main",), (Excluded("requirements-dev.in", 1),))


def test_without_ddtrace_no_requirements_file_is_left_out() -> None:
    a = Manifest("a/requirements.txt", "requirements", (_dep("flask", "a/requirements.txt"),))
    b = Manifest("b/requirements.txt", "requirements", (_dep("django", "b/requirements.txt"),))
    selected, env = select(_project(a, b))
    assert [d.name for d in selected.dependencies] == ["flask", "django"]
    assert env == Environment()


def test_summary_names_the_first_ten() -> None:
    env = Environment(("main",), tuple(Excluded(f"g{i}", i) for i in range(1, 13)))
    assert env.summary().endswith("g9 9, g10 10 and 2 more)")
    assert (
        Environment(("main",), (Excluded("dev", 1),)).summary() == "main (left out: dev 1 package)"
    )


def test_the_fixtures_read_as_their_tools_wrote_them() -> None:
    """Sanity: the readers record the kinds and lock data the selection relies on."""
    project = read_paths([str(FIXTURES / "poetry-dev-tornado")])
    kinds = {(d.name, d.group, d.group_kind) for d in project.dependencies if d.group}
    assert ("snakeviz", "dev", "poetry-group") in kinds
    assert ("tornado", "dev", "poetry-group") in kinds
    uv = read_paths([str(FIXTURES / "uv-dev-graph")])
    (graph,) = [m.graph for m in uv.manifests if m.graph is not None]
    assert graph.roots == ("service",)
    assert graph.groups == {"dev": (("locust", None),)}
    assert Path(str(FIXTURES)).is_dir()
