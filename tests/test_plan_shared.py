"""The answers the projects of one run share (:class:`advisor.plan.serve.ServerPool`): a project
planned beside others gets the answer it gets alone, whatever the others asked first, and what
one set of releases, capabilities or pins found is never another's. Counts, never times.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from packaging.specifiers import Specifier, SpecifierSet
from packaging.version import Version

from advisor.knowledge import matrix
from advisor.knowledge.releases import load_snapshot
from advisor.manifests import read_paths
from advisor.model.advice import Advice, AdviceRequest, RunsIn
from advisor.model.project import Finding, Project, SourceLocation
from advisor.model.release import Release, ReleaseSnapshot
from advisor.plan import plan
from advisor.plan.serve import Server, ServerPool
from advisor.resolve.source import SnapshotSource

TODAY = dt.date(2026, 11, 24)
PLATFORMS = ("linux-x86_64",)

#: Projects that differ in what the planner is asked: their CPython scope, their ddtrace, the
#: capabilities their integrations raise, the pins that limit ddtrace, Lambda.
PROJECTS = {
    "old-scope": '[project]\nname = "a"\nrequires-python = ">=3.8"\ndependencies = ["ddtrace==1.20.0"]\n',
    "new-scope": '[project]\nname = "b"\nrequires-python = ">=3.12"\ndependencies = ["ddtrace==1.20.0"]\n',
    "range": '[project]\nname = "c"\nrequires-python = ">=3.9,<3.12"\n'
    'dependencies = ["ddtrace>=2,<3", "flask==2.3.3"]\n',
    "free-threaded": '[project]\nname = "d"\nrequires-python = ">=3.13"\ndependencies = ["ddtrace"]\n',
    "lambda-pinned": '[project]\nname = "e"\nrequires-python = ">=3.10"\n'
    'dependencies = ["ddtrace==4.6.0", "datadog-lambda==8.130.0"]\n',
    "lambda-unpinned": '[project]\nname = "f"\nrequires-python = ">=3.10"\n'
    'dependencies = ["ddtrace==4.5.0", "datadog-lambda==8.130.0"]\n',
}


def _project(tmp_path: Path, name: str) -> Project:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    (folder / "pyproject.toml").write_text(PROJECTS[name], encoding="utf-8")
    return read_paths([str(folder / "pyproject.toml")])


def _plan(
    project: Project,
    snapshot: ReleaseSnapshot,
    servers: ServerPool | None = None,
    python: str | None = None,
    capabilities: tuple[str, ...] = (),
    deployment: RunsIn | None = None,
) -> Advice:
    request = AdviceRequest(
        platforms=PLATFORMS,
        today=TODAY,
        offline=True,
        python=python,
        capabilities=capabilities,
        deployment=deployment,
    )
    return plan(
        project,
        matrix.load(),
        snapshot,
        request,
        SnapshotSource(snapshot),
        servers=servers,
    )


@pytest.mark.parametrize("order", [1, -1], ids=["in-order", "reversed"])
def test_projects_planned_together_get_what_each_gets_alone(tmp_path: Path, order: int) -> None:
    snapshot = load_snapshot()
    projects = {name: _project(tmp_path, name) for name in PROJECTS}
    alone = {name: _plan(p, snapshot) for name, p in projects.items()}
    assert len({str(a.recommendation) for a in alone.values()}) > 2  # the answers differ
    pool = ServerPool()
    for name in list(projects)[::order]:
        assert _plan(projects[name], snapshot, pool) == alone[name], name
    # The same project asked for another CPython scope through the same pool.
    narrowed = _plan(projects["old-scope"], snapshot, pool, python=">=3.13")
    assert narrowed == _plan(projects["old-scope"], snapshot, python=">=3.13")
    assert narrowed.python_versions != alone["old-scope"].python_versions


def test_a_project_asking_what_another_asked_finds_nothing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot = load_snapshot()
    first, second = _project(tmp_path, "old-scope"), _project(tmp_path, "new-scope")
    checked: list[str] = []
    real = Server.allowed

    def counted(server: Server, release: Release, python: str) -> bool:
        checked.append(python)  # asked once for each release and CPython a server installs
        return real(server, release, python)

    monkeypatch.setattr(Server, "allowed", counted)
    pool = ServerPool()
    _plan(first, snapshot, pool)
    asked_first = len(checked)
    assert asked_first > 0
    _plan(first, snapshot, pool)  # the same project again: every answer is known
    assert len(checked) == asked_first
    _plan(second, snapshot, pool)  # a narrower scope of the same questions
    assert len(checked) == asked_first
    _plan(first, snapshot)  # without the pool, a project finds them all again
    assert len(checked) == 2 * asked_first


def test_servers_share_answers_only_for_the_same_inputs() -> None:
    snapshot = load_snapshot()
    caps = matrix.load().capabilities[:2]
    pool = ServerPool()

    def server(**kw: object) -> Server:
        args: dict[str, object] = {
            "snapshot": snapshot,
            "capabilities": caps,
            "unavailable": {},
            "platforms": PLATFORMS,
            **kw,
        }
        return pool.server(**args)  # type: ignore[arg-type]

    one = server(kept=frozenset({Version("1.20.0")}))
    # The project's own ddtrace matters only beside limits: without any, the answers are shared.
    assert server(kept=frozenset({Version("2.8.5")})).answers is one.answers
    assert server(kept=frozenset({Version("2.8.5")})).kept == {Version("2.8.5")}
    assert server(capabilities=caps[:1]).answers is not one.answers
    assert server(platforms=("linux-aarch64",)).answers is not one.answers
    assert server(excluded=(Specifier("!=3.1.0"),)).answers is not one.answers
    assert server(aws_lambda=matrix.load().aws_lambda).answers is not one.answers
    assert server(unavailable={caps[0].id: frozenset(PLATFORMS)}).answers is not one.answers
    assert ServerPool().server(snapshot, caps, {}, PLATFORMS).answers is not one.answers
    # The same capabilities are the same objects (a run's knowledge gives them to every
    # project): equal ones of another knowledge answer alike, asked for themselves.
    copies = tuple(dataclasses.replace(c) for c in caps)
    assert copies == tuple(caps)
    other = server(capabilities=copies)
    assert server(capabilities=tuple(caps)).answers is one.answers
    for release in list(snapshot.final())[-40:]:
        for python in ("3.8", "3.12", "3.14"):
            assert other.serves(release, python) == one.serves(release, python)
    # Narrowed to some capabilities, as shared as the server narrowed.
    assert one.serving(caps[:1]).answers is server().serving(caps[:1]).answers
    assert one.serving(caps[:1]).answers is not one.answers


def test_limits_keep_the_projects_own_ddtrace_apart() -> None:
    snapshot = load_snapshot()
    release = snapshot.get("4.6.0")
    assert release is not None
    limits = {"3.12": (Specifier("!=4.6.*"),)}
    pool = ServerPool()
    keeps = pool.server(
        snapshot, (), {}, PLATFORMS, limits=limits, kept=frozenset({Version("4.6.0")})
    )
    assert keeps.serves(release, "3.12")  # its own version is never ruled out by the limits
    other = pool.server(
        snapshot, (), {}, PLATFORMS, limits=limits, kept=frozenset({Version("4.5.0")})
    )
    assert other.answers is not keeps.answers
    assert not other.serves(release, "3.12")
    assert pool.server(snapshot, (), {}, PLATFORMS).serves(release, "3.12")  # no limits at all


def test_a_pool_never_answers_for_other_releases(tmp_path: Path) -> None:
    shipped = load_snapshot()
    # The same index before 2.0: what served then is not what serves now.
    older = ReleaseSnapshot(
        shipped.project,
        shipped.index_url,
        shipped.snapshot_date,
        tuple(r for r in shipped.releases if r.version < Version("2")),
    )
    project = _project(tmp_path, "range")
    pool = ServerPool()
    now = _plan(project, shipped, pool)
    then = _plan(project, older, pool)
    assert then == _plan(project, older)
    assert now == _plan(project, shipped)
    assert str(then.recommendation) != str(now.recommendation)


def test_passed_over_releases_are_found_once_for_the_same_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from advisor.plan import why

    snapshot = load_snapshot()
    caps = matrix.load().capabilities[:1]
    asked: list[str] = []
    real = why._why_not

    def counted(server: Server, release: Release, pythons: Sequence[str]) -> str | None:
        asked.append(str(release.version))
        return real(server, release, pythons)

    monkeypatch.setattr(why, "_why_not", counted)
    pool = ServerPool()
    one = pool.server(snapshot, caps, {}, PLATFORMS, kept=frozenset({Version("1.20.0")}))
    other = pool.server(snapshot, caps, {}, PLATFORMS, kept=frozenset({Version("2.8.5")}))
    start, target = Version("2.0.0"), Version("2.10.0")
    first = why.skipped(one, start, target, ["3.8", "3.13"])
    asked_once = len(asked)
    assert first and asked_once > 0
    assert why.skipped(other, start, target, ["3.8", "3.13"]) == first
    assert len(asked) == asked_once  # the same question, answered already
    # Another question is answered for itself: other CPythons, releases tried, inputs.
    for server, pythons, tried in [
        (one, ["3.12"], ()),
        (one, ["3.8", "3.13"], ("2.1.0",)),
        (Server(snapshot, caps, {}, PLATFORMS), ["3.8", "3.13"], ()),
        (pool.server(snapshot, caps, {}, ("linux-aarch64",)), ["3.8", "3.13"], ()),
    ]:
        alone = why._skipped(
            Server(snapshot, server.capabilities, {}, server.platforms),
            start,
            target,
            pythons,
            tried,
        )
        assert why.skipped(server, start, target, pythons, tried) == alone
    assert why.skipped(one, start, target, ["3.12"]) != first


def test_the_targets_requirements_apply_per_cpython_and_extras(tmp_path: Path) -> None:
    """The target's Requires-Dist, read once per CPython, platform and extras for a run's
    projects, still applies to each project as its own markers and extras say."""
    from advisor.plan.coupgrade import pins_against_requirements

    snapshot = load_snapshot()
    base = snapshot.get("2.3.0")
    assert base is not None
    release = dataclasses.replace(
        base,
        requires_dist=(
            'foo>=2; python_version >= "3.12"',
            'bar>=3; extra == "x"',
            'baz>=4; sys_platform == "darwin"',
        ),
    )
    changed: dict[str, dict[str, str | None]] = {}
    for name, ddtrace in (("plain", "ddtrace"), ("extra", "ddtrace[x]"), ("again", "ddtrace")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "requirements.txt").write_text(
            f"{ddtrace}==2.3.0\nfoo==1\nbar==1\nbaz==1\n", encoding="utf-8"
        )
        project = read_paths([str(folder / "requirements.txt")])
        changes, _ = pins_against_requirements(project, release, ["3.11", "3.12"])
        changed[name] = {c.package: c.marker for c in changes}
    assert changed["plain"] == {"foo": 'python_version == "3.12"'}
    assert changed["extra"] == {"foo": 'python_version == "3.12"', "bar": None}
    assert changed["again"] == changed["plain"]
    mac, _ = pins_against_requirements(
        read_paths([str(tmp_path / "plain" / "requirements.txt")]),
        release,
        ["3.12"],
        platforms=("macos-arm64",),
    )
    assert {c.package for c in mac} == {"foo", "baz"}


def test_why_a_cpython_is_unserved_is_asked_per_floor_and_cpython() -> None:
    from advisor.plan.serve import why_unserved

    snapshot = load_snapshot()
    knowledge = matrix.load()
    caps = knowledge.capabilities[:1]
    shared = ServerPool().server(snapshot, caps, {}, PLATFORMS)
    for floor, python in [("0", "3.15"), ("0", "3.13t"), ("4.0.0", "3.8"), ("0", "3.8")]:
        alone = why_unserved(
            knowledge, Server(snapshot, caps, {}, PLATFORMS), Version(floor), python
        )
        assert why_unserved(knowledge, shared, Version(floor), python) == alone
    assert len({*shared.answers.unserved.values()}) == 4


#: Projects whose capability statuses differ in each thing a status is found from: the
#: CPythons counted, the ddtrace installed on each (a pin, a range, a bare name, a pin per
#: CPython), what an upgrade or a split installs, and a capability's floor (Tornado raises
#: one). What the project already has is the last thing: see the test after.
STATUSES = {
    "pinned-old": ('">=3.9"', '"ddtrace==1.20.0"'),
    "pinned-new": ('">=3.9"', '"ddtrace==4.6.0"'),
    "pinned-mid": ('">=3.9"', '"ddtrace==2.8.5"'),
    "narrow": ('">=3.12"', '"ddtrace==1.20.0"'),
    "range": ('">=3.9"', '"ddtrace>=2,<3"'),
    "bare": ('">=3.9"', '"ddtrace"'),
    "per-cpython": (
        '">=3.8"',
        """"ddtrace==1.20.0; python_version < '3.12'", "ddtrace==2.21.4; python_version >= '3.12'\"""",
    ),
    "old-cpython": ('">=3.7,<3.9"', '"ddtrace==1.20.0"'),
    "tornado": ('">=3.9"', '"ddtrace==4.3.0", "tornado==6.4"'),
    "sca-below": ('">=3.9,<3.12"', '"ddtrace==2.8.5"'),
    "sca-above": ('">=3.9,<3.12"', '"ddtrace==3.1.0"'),
    "no-tornado": ('">=3.9"', '"ddtrace==4.3.0"'),
}


def _status_project(tmp_path: Path, name: str) -> Project:
    python, deps = STATUSES[name]
    folder = tmp_path / name
    folder.mkdir()
    (folder / "pyproject.toml").write_text(
        f'[project]\nname = "svc-{name}"\nrequires-python = {python}\ndependencies = [{deps}]\n',
        encoding="utf-8",
    )
    return read_paths([str(folder / "pyproject.toml")])


def test_capability_statuses_shared_between_projects_are_each_ones_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A status is found once for the projects of a run that ask it from the same things
    (:func:`advisor.plan.status._status`), and each project still gets what it gets alone."""
    from advisor.plan import status

    snapshot = load_snapshot()
    projects = {name: _status_project(tmp_path, name) for name in STATUSES}
    alone = {name: _plan(p, snapshot).capabilities for name, p in projects.items()}
    found: list[str] = []
    real = status._find_status

    def counted(ctx: object, cap: object, floor: object, counted: object) -> object:
        found.append(cap.id)  # type: ignore[attr-defined]
        return real(ctx, cap, floor, counted)  # type: ignore[arg-type]

    monkeypatch.setattr(status, "_find_status", counted)
    for order in (1, -1):
        pool = ServerPool()
        for name in list(projects)[::order]:
            assert _plan(projects[name], snapshot, pool).capabilities == alone[name], name
    # The projects differ in what each status is found from, and in the statuses found.
    kinds = {(c.status, c.reason, c.after) for caps in alone.values() for c in caps}
    assert len(kinds) > 6
    assert len(set(alone.values())) >= 6
    # The same project again, in the same pool: every status is known already.
    pool = ServerPool()
    _plan(projects["pinned-old"], snapshot, pool)
    asked = len(found)
    _plan(projects["pinned-old"], snapshot, pool)
    assert len(found) == asked
    _plan(projects["pinned-old"], snapshot)  # alone, found again
    assert len(found) > asked


def test_a_status_is_found_again_for_what_the_project_already_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the project already has on a CPython decides whether an upgrade can give it a
    capability there (never proposed lower): a status found for one is not another's."""
    import advisor.plan
    from advisor.plan import status
    from advisor.plan.serve import Answers

    asked: list[tuple[Any, ...]] = []
    real = status.capability_results

    def kept(*args: Any) -> Any:
        asked.append(args)
        return real(*args)

    monkeypatch.setattr(advisor.plan, "capability_results", kept)
    _plan(_status_project(tmp_path, "pinned-old"), load_snapshot())
    ctx, *rest = asked[0]
    before = real(ctx, *rest)
    assert {c.status for c in before} == {"needs-upgrade"}
    # Above every release (a newer pin): no upgrade is proposed there, so none gives it.
    above = dataclasses.replace(ctx, current=dict.fromkeys(ctx.pythons, Version("99")))
    shared = real(above, *rest)
    alone = real(
        dataclasses.replace(
            above, server=dataclasses.replace(ctx.server, answers=Answers()), _alone={}
        ),
        *rest,
    )
    assert shared == alone
    assert {c.status for c in shared} == {"unavailable"}


def test_requirement_sets_are_one_for_every_cpython_without_markers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor.plan import coupgrade

    made: list[tuple[str, str]] = []
    real = coupgrade._requirement_set

    def counted(project: Project, python: str, platform: str) -> coupgrade.RequirementSet:
        made.append((python, platform))
        return real(project, python, platform)

    monkeypatch.setattr(coupgrade, "_requirement_set", counted)
    where = [("3.9", "linux-x86_64"), ("3.12", "linux-x86_64"), ("3.12", "macos-arm64")]
    for name, lines, apart in (
        ("plain", "ddtrace==2.3.0\nfoo==1\nbar>=2\n", False),
        ("marked", "ddtrace==2.3.0\nfoo==1; python_version >= '3.12'\nbar>=2\n", True),
        ("platform", "ddtrace==2.3.0\nfoo==1\nbar>=2; sys_platform == 'darwin'\n", True),
        ("ddtrace-marked", "ddtrace[x]==2.3.0; python_version >= '3.12'\nfoo==1\n", True),
    ):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "requirements.txt").write_text(lines, encoding="utf-8")
        project = read_paths([str(folder / "requirements.txt")])
        made.clear()
        sets = [coupgrade.requirement_set(project, py, plat) for py, plat in where]
        assert len(made) == (len(where) if apart else 1), name
        # Each is what it is found alone, for its CPython and platform.
        for (py, plat), rs in zip(where, sets, strict=True):
            assert rs == real(project, py, plat), (name, py, plat)
        if apart:
            assert len({repr(rs) for rs in sets}) > 1, name


def test_switches_found_once_are_each_projects_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The switches to set (:func:`advisor.plan.findings._env`) are found once for projects
    needing the same ones, and each project still gets what it gets alone: another target,
    other integrations, Lambda, and a deployment file setting a switch (then named) differ."""
    from advisor.plan import findings

    snapshot = load_snapshot()
    projects = {name: _status_project(tmp_path, name) for name in ("pinned-old", "tornado")}
    projects |= {name: _project(tmp_path, name) for name in ("range", "lambda-unpinned")}
    docker = tmp_path / "docker"
    docker.mkdir()
    (docker / "requirements.txt").write_text("ddtrace==2.8.5\ntornado==6.4\n", encoding="utf-8")
    (docker / "Dockerfile").write_text(
        "FROM python:3.12-slim\nENV DD_APPSEC_ENABLED=false DD_IAST_ENABLED=true\n",
        encoding="utf-8",
    )
    projects["docker"] = read_paths([str(docker / "requirements.txt"), str(docker / "Dockerfile")])
    found: list[int] = []
    real = findings._env

    def counted(*args: Any, **kwargs: Any) -> list[Finding]:
        found.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(findings, "_env", counted)
    # Beside each project's own answer: the same capability in Lambda and not (a switch
    # says more there), on a target below and above a switch's first release, and with
    # another capability on the same target.
    asked: list[tuple[str, tuple[str, ...], RunsIn | None]] = [
        (name, (), None) for name in projects
    ]
    asked += [("pinned-old", ("http-monitoring",), d) for d in (None, "lambda")]
    asked += [(name, ("sca",), None) for name in ("sca-below", "sca-above")]
    asked.append(("sca-above", ("sca", "http-monitoring"), None))  # another capability too
    projects["sca-below"] = _status_project(tmp_path, "sca-below")  # ok at 2.8.5
    projects["sca-above"] = _status_project(tmp_path, "sca-above")  # ok at 3.1.0
    alone = {}
    for name, caps, deployment in asked:
        findings._ENV.clear()
        alone[name, caps, deployment] = _plan(
            projects[name], snapshot, capabilities=caps, deployment=deployment
        ).findings
    switches = {f.message for one in alone.values() for f in one if f.id.startswith("env-")}
    assert any(f.id == "env-conflict" for f in alone["docker", (), None])
    assert len(switches) > 8
    for order in (1, -1):
        findings._ENV.clear()
        for name, caps, deployment in asked[::order]:
            again = _plan(projects[name], snapshot, capabilities=caps, deployment=deployment)
            assert again.findings == alone[name, caps, deployment], (name, caps, deployment)
    found.clear()
    _plan(projects["pinned-old"], snapshot)
    assert found == []  # asked before
    _plan(projects["docker"], snapshot)
    assert found == [1]  # a switch set: found for the project itself


def test_what_decides_ddtrace_on_a_cpython_is_read_once_per_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verdict and every capability's status ask what decides ddtrace on each CPython
    (:meth:`advisor.plan.verdict.Context.installs`): read of the project once per CPython."""
    from advisor.plan import current, verdict

    asked: list[str] = []
    real = current.installs_for

    def counted(project: Project, python: str) -> Any:
        asked.append(python)
        return real(project, python)

    monkeypatch.setattr(verdict, "installs_for", counted)
    for name in ("pinned-old", "range", "per-cpython"):
        asked.clear()
        project = _status_project(tmp_path, name)
        advice = _plan(project, load_snapshot())
        assert asked, name
        assert len(asked) == len(set(asked)) <= len(advice.python_versions), name
        # Without a marker on ddtrace, the same on every CPython: read once; a marker tells
        # CPythons apart: each is read. Either way each gets what a reading of its own gets.
        marked = any(d.marker for d in project.named("ddtrace"))
        assert (len(asked) > 1) if marked else (len(asked) == 1), name
        server: Any = None  # (installs reads the project only)
        ctx = verdict.Context(
            matrix.load(), project, server, None, Version("0"), (), [], advice.python_versions, {}
        )
        for py in advice.python_versions:
            assert ctx.installs(py) == real(project, py), (name, py)


def test_the_floor_is_found_once_for_the_same_question_of_the_same_knowledge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Projects with the same capabilities and integrations share one floor; another
    knowledge (a refreshed one, a test's) is asked again, and what it says counts."""
    import advisor.plan as planner
    from advisor.model.advice import FoundIntegration
    from advisor.model.project import SourceLocation

    knowledge = matrix.load()
    active = list(knowledge.capabilities)
    flask = FoundIntegration(
        "flask", "Flask", "flask", None, None, SourceLocation("f", 1), (), True, None
    )
    found: list[str] = []
    real = planner._find_floor

    def counted(*args: Any) -> Any:
        found.append("x")
        return real(*args)

    monkeypatch.setattr(planner, "_find_floor", counted)
    first = planner._floor(active, [flask], knowledge)
    assert planner._floor(list(active), [dataclasses.replace(flask)], knowledge) == first
    assert len(found) == 1
    assert planner._floor(active, [], knowledge) is not None and len(found) == 2
    # Another knowledge, whose Flask runs the first capability only from ddtrace 99.
    from advisor.knowledge.model import Floor

    cap = active[0]
    flask_knowledge = knowledge.integration("flask")
    floor = Floor(cap.id, Version("99"), "Flask", "a test")
    changed = dataclasses.replace(
        knowledge,
        integrations=tuple(
            dataclasses.replace(i, floors=(*i.floors, floor)) if i is flask_knowledge else i
            for i in knowledge.integrations
        ),
    )
    top, reasons = planner._floor(active, [flask], changed)
    assert top == Version("99") and reasons[0].reason == "Flask (flask found)"
    assert len(found) == 3 and first[0] < top


@pytest.mark.parametrize("name", sorted(STATUSES))
def test_a_capability_runs_where_the_verdicts_release_does_without_a_search_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Whether a capability can run on a CPython is answered by the release the verdict found
    for every capability there when that one is high enough: the same answer as the search
    for the capability alone, on every project, CPython and capability (Lambda too)."""
    from advisor.plan import verdict

    asked: list[tuple[str, str, bool]] = []
    real = verdict.Context.can_run

    def both(self: verdict.Context, cap: Any, python: str) -> bool:
        answer = real(self, cap, python)
        start = max(self.cap_floors[cap.id], self.current.get(python) or Version("0"))
        searched = self.alone(cap).smallest(start, [python]) is not None
        asked.append((cap.id, python, answer))
        assert answer == searched, (name, cap.id, python)
        return answer

    monkeypatch.setattr(verdict.Context, "can_run", both)
    project = _status_project(tmp_path, name)
    _plan(project, load_snapshot())
    _plan(project, load_snapshot(), deployment="lambda")
    assert asked or name == "pinned-new", name  # (which has every capability already)


def test_an_identity_memo_answers_each_object_once_by_identity_and_stays_bounded() -> None:
    """:class:`advisor.model.IdentityMemo` (the planner's version texts and intervals, the
    knowledge's indexes, a project's dependencies by name): equal objects written apart get
    their own answers, each object's answer is computed once while kept, and no more than
    ``kept`` answers are kept."""
    from advisor.model import IdentityMemo

    computed: list[Version] = []

    def text(v: Version) -> str:
        computed.append(v)
        return str(v)

    memo: IdentityMemo[Version, str] = IdentityMemo(3)
    short, long = Version("1.0"), Version("1.0.0")
    assert (memo.get(short, text), memo.get(long, text)) == ("1.0", "1.0.0")
    assert memo.get(short, text) == "1.0" and len(computed) == 2
    others = [Version(f"2.{i}") for i in range(3)]
    for v in others:
        memo.get(v, text)
    assert memo.get(short, text) == "1.0" and sum(v is short for v in computed) == 2  # emptied
    assert len(memo._answers) <= 3


def test_switches_are_found_once_whatever_the_integrations_without_switches_of_their_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """:func:`advisor.plan.findings._env_findings` reads only the integrations that have
    switches of their own: projects that differ in the others (Flask, requests ...) share one
    answer, and it is the answer :func:`~advisor.plan.findings._env` gives for all of them."""
    from advisor.model.advice import FoundIntegration
    from advisor.plan import findings

    knowledge = matrix.load()
    with_switch = [i for i in knowledge.integrations if i.env and i.distributions]
    without = [i for i in knowledge.integrations if not i.env and i.distributions]
    assert with_switch and len(without) > 3

    def found(*integs: Any) -> list[FoundIntegration]:
        return [
            FoundIntegration(
                i.id, i.name, i.distributions[0], "1.0", None, SourceLocation("x"), (), True, None
            )
            for i in integs
        ]

    active = list(knowledge.capabilities)
    target = Version("4.6.0")
    mixes = [
        found(without[0]),
        found(without[1], without[2]),
        found(without[3], with_switch[0]),
        found(with_switch[0], without[0], without[1]),
        found(),
    ]
    calls: list[int] = []
    real = findings._env

    def counted(*args: Any, **kwargs: Any) -> list[Finding]:
        calls.append(1)
        return real(*args, **kwargs)

    findings._ENV.clear()
    monkeypatch.setattr(findings, "_env", counted)
    for mix in mixes:
        got = findings._env_findings(knowledge, active, mix, target, in_lambda=False, settings={})
        assert got == real(knowledge, active, mix, target)
    assert len(calls) == 2  # without a switch of its own, and with the one switch


def test_a_release_branch_is_looked_for_once_per_version_and_stays_right() -> None:
    """:meth:`Knowledge.branch_for` keeps its answers (bounded), and they are the branches
    a search finds, for every release of the snapshot, and for versions equal but written
    apart where ``===`` tells them apart; :attr:`ReleaseSnapshot.newest` is the last final,
    non-yanked release of its own releases (a snapshot made anew by ``replace`` too)."""
    from advisor.knowledge import model

    knowledge = matrix.load()
    snapshot = load_snapshot()

    def search(v: Version) -> object:
        return next((b for b in knowledge.branches if b.spec.contains(v, prereleases=True)), None)

    model._BRANCHES._answers.clear()
    for _ in range(2):
        for r in snapshot.releases:
            assert knowledge.branch_for(r.version) is search(r.version)
    kept = model._BRANCHES.get(knowledge.branches, model._by_version)
    assert len(kept) <= model._BRANCHES_KEPT
    assert any(knowledge.branch_for(r.version) is not None for r in snapshot.releases)
    # Kept, not looked for again: an answer put in its place is the one given.
    asked = snapshot.releases[-1].version
    kept[asked, len(asked.release)] = None
    assert knowledge.branch_for(asked) is None
    model._BRANCHES._answers.clear()
    branch = knowledge.branches[0]
    exact = dataclasses.replace(
        knowledge, branches=(dataclasses.replace(branch, spec=SpecifierSet("===1.0")),)
    )
    assert exact.branch_for(Version("1.0.0")) is None
    assert exact.branch_for(Version("1.0")) is exact.branches[0]
    assert snapshot.newest is next(
        r for r in reversed(snapshot.releases) if r.is_final and not r.yanked
    )
    older = dataclasses.replace(snapshot, releases=snapshot.releases[:40])
    assert older.newest is next(r for r in reversed(older.releases) if r.is_final and not r.yanked)
    assert older.newest is not snapshot.newest
