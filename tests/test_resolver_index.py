"""The co-upgrade resolution end to end: the CLI against a real local index of recorded data.

The index data (tests/data/resolver-index) was recorded from the live index by
tools/record_resolver_index.py. Every test here runs on 127.0.0.1 only (tests/conftest.py
refuses any other address).
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from packaging.specifiers import SpecifierSet

from advisor.frontends.cli import main
from tests._helpers import IAST, advise_json, index_argv, project_json
from tests.indexserver import LocalIndex

DATA = Path(__file__).parent / "data" / "resolver-index"
ACCEPTANCE = "ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n"


def advise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], index: str, text: str, *args: str
) -> tuple[int, dict[str, Any], str]:
    """``text`` advised against ``index`` with a 2 s timeout, then ``args``."""
    return advise_json(tmp_path, capsys, index, text, "--timeout", "2", *args)


def changes(report: dict[str, Any]) -> dict[str, tuple[str | None, str | None]]:
    return {c["package"]: (c["from"], c["to"]) for c in report["recommendation"]["changes"]}


def test_moves_ddtrace_and_what_it_forces_and_nothing_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LocalIndex(root=DATA) as index:
        code, report, _ = advise(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
    assert code == 1
    rec = report["recommendation"]
    assert rec["status"] == "upgrade" and rec["ddtrace"] == "3.15.0" and rec["resolved"] is True
    assert changes(report) == {
        "ddtrace": ("2.21.4", "3.15.0"),
        "envier": ("0.5.2", "0.6.1"),
        "bytecode": ("0.14.0", "0.15.1"),
    }
    envier = next(c for c in rec["changes"] if c["package"] == "envier")
    assert envier["source"]["line"] == 2
    hosts = {r.headers.get("Host", "").split(":")[0] for r in index.requests}
    assert hosts == {"127.0.0.1"}
    # Wheel metadata was read with Range requests, never whole files.
    files = [r for r in index.requests if r.path.startswith("/files/")]
    assert files and all("Range" in r.headers for r in files)


def test_markers_per_cpython(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # bytecode>=0.15.1 is required only on CPython 3.12: on 3.11 the pin stays.
    with LocalIndex(root=DATA) as index:
        _, report, _ = advise(
            tmp_path, capsys, index.url, ACCEPTANCE, "-c", "iast", "--python", "3.11"
        )
    assert changes(report) == {"ddtrace": ("2.21.4", "3.15.0"), "envier": ("0.5.2", "0.6.1")}


def test_blocking_requirement_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "ddtrace==2.21.4\nenvier<0.6\nbytecode==0.14.0\n"
    with LocalIndex(root=DATA) as index:
        code, report, _ = advise(tmp_path, capsys, index.url, text, *IAST)
    assert code == 1
    rec = report["recommendation"]
    assert rec["status"] == "impossible" and rec["ddtrace"] is None
    assert rec["tried"][0] == "3.15.0" and len(rec["tried"]) >= 2
    (blocker,) = [b for b in rec["blockers"] if b["package"] == "envier"]
    assert any("envier~=0.6.1 (ddtrace 3.15.0)" in w for w in blocker["wants"])
    assert any("requirements.txt:2" in w for w in blocker["wants"])
    assert "relaxing envier<0.6" in blocker["hint"]
    assert any(f["id"] == "resolution-impossible" for f in report["findings"])


def test_second_run_is_served_from_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LocalIndex(root=DATA) as index:
        first = advise(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
        seen = len(index.requests)
        second = advise(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
        assert seen > 0 and len(index.requests) == seen
    assert first[1]["recommendation"] == second[1]["recommendation"]


def test_warm_cache_survives_an_index_outage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LocalIndex(root=DATA) as index:
        advise(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
        url = index.url
    # The server is gone now; cached pages are stale only after their max age, so force
    # revalidation by ageing the entries.
    for entry in (tmp_path / "cache" / "pages").rglob("*.json"):
        doc = json.loads(entry.read_text())
        doc["stored"] = 0
        entry.write_text(json.dumps(doc))
    code, report, _ = advise(tmp_path, capsys, url, ACCEPTANCE, *IAST)
    assert code == 1 and report["recommendation"]["ddtrace"] == "3.15.0"
    assert any(
        f["id"] == "index-note" and "cached copy" in f["message"] for f in report["findings"]
    )


def _closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/simple/"


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["refused", "timeout", "garbage", "http-500"])
def test_index_faults_exit_3_with_one_line(
    fault: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if fault == "refused":
        code, report, err = advise(tmp_path, capsys, _closed_port(), ACCEPTANCE, *IAST)
    else:
        faults: dict[str, dict[str, Any]] = {
            "timeout": {"delay": 3.0},
            "garbage": {
                "garbage_for": {
                    f"/simple/{n}/": b"\x00not a page" for n in ("ddtrace", "envier", "bytecode")
                }
            },
            "http-500": {
                "status_for": {f"/simple/{n}/": 500 for n in ("ddtrace", "envier", "bytecode")}
            },
        }
        options = faults[fault]
        with LocalIndex(root=DATA, **options) as index:
            code, report, err = advise(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
    assert code == 3
    assert report == {}
    lines = err.strip().splitlines()
    assert len(lines) <= 2 and lines[0].startswith("aap-advise: error: http://127.0.0.1:")
    assert "Traceback" not in err


def test_offline_without_cache_compares_pins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report, _ = advise(
        tmp_path, capsys, _closed_port(), ACCEPTANCE, "-c", "iast", "--python", "3.12", "--offline"
    )
    assert code == 1
    got = {c["package"]: c["to_specifier"] for c in report["recommendation"]["changes"]}
    assert got["envier"] == "~=0.6.1" and got["bytecode"] == ">=0.15.1"
    assert report["recommendation"]["resolved"] is False


def test_pin_in_constraints_file_blocks_every_candidate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "constraints.txt").write_text("envier==0.5.2\n")
    text = "-c constraints.txt\nddtrace==2.21.4\nbytecode==0.14.0\n"
    with LocalIndex(root=DATA) as index:
        code, report, _ = advise(tmp_path, capsys, index.url, text, *IAST)
    assert code == 1
    rec = report["recommendation"]
    assert rec["status"] == "impossible"
    (blocker,) = [b for b in rec["blockers"] if b["package"] == "envier"]
    assert any(
        w.startswith("envier==0.5.2 (") and "constraints.txt:1" in w for w in blocker["wants"]
    )
    assert any("(ddtrace 3.15.0)" in w for w in blocker["wants"])
    assert "constraints.txt:1" in blocker["hint"]
    text_report = [f["message"] for f in report["findings"] if f["id"] == "resolution-blocker"]
    assert text_report and "to unblock" in text_report[0]


def test_lock_file_packages_that_appear_and_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = Path(__file__).parent / "data" / "lock-project"
    with LocalIndex(root=DATA) as index:
        code = main(
            index_argv(
                project,
                index.url,
                tmp_path / "cache",
                "-c",
                "iast",
                "--format",
                "json",
                "--today",
                "2026-11-24",
            )
        )
    report = project_json(capsys.readouterr().out)
    assert code == 1
    got = changes(report)
    assert got["ddtrace"] == ("2.21.4", "3.15.0")
    assert got["envier"] == ("0.5.2", "0.6.1") and got["bytecode"] == ("0.14.0", "0.15.1")
    # Issue 16 rule 5: a package the target no longer needs is a note, never a change.
    assert "xmltodict" not in got
    (gone,) = [f for f in report["findings"] if f["id"] == "coupgrade-dropped"]
    assert gone["message"].startswith("xmltodict 0.13.0: the ddtrace target no longer needs it")
    assert gone["message"].endswith("the lock tool drops it on re-lock")
    assert gone["file"].endswith("uv.lock")
    # Rule 4: a package new in the lock comes at what the lock tool would pick, the newest.
    assert got["wrapt"] == (None, "1.14.2")  # the newest the recorded index lists


@pytest.mark.parametrize(
    "fault",
    [
        {"status_for": {"/simple/ddtrace/": 404}},
        {"status_for": {f"/simple/{n}/": 404 for n in ("ddtrace", "envier", "bytecode", "wrapt")}},
        {"garbage_for": {"/simple/ddtrace/": b"\x00not a page"}},
    ],
    ids=["ddtrace-404", "every-page-404", "ddtrace-garbage"],
)
def test_an_index_without_ddtrace_is_exit_3_not_a_blocker_story(
    fault: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 16 rule 8: a mistyped --index-url (404 for every page) or a garbage ddtrace page
    ends with one line naming the index, not an "impossible" answer blaming the project."""
    with LocalIndex(root=DATA, **fault) as index:
        code, report, err = advise(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
    assert code == 3 and report == {}
    lines = err.strip().splitlines()
    assert lines[0].startswith("aap-advise: error: http://127.0.0.1:") and "ddtrace" in lines[0]
    assert "blocker" not in err and "Traceback" not in err


def test_only_what_ddtrace_needs_changes_in_a_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 16 rules 1, 5 and 6 on a uv project with a Windows-only package, a package for
    CPythons out of scope, a git dependency and what they pull in: none of them is a change
    (they were all "removed, required by the ddtrace target"); the git dependency is a fixed
    point, said in a note; what the current ddtrace needed and the target does not is a note."""
    project = Path(__file__).parent / "data" / "lock-scope"
    with LocalIndex(root=DATA) as index:
        code = main(index_argv(project, index.url, tmp_path / "cache", *IAST, "--format", "json"))
    report = project_json(capsys.readouterr().out)
    assert code == 1
    assert changes(report) == {
        "ddtrace": ("2.21.4", "3.15.0"),
        "envier": ("0.5.2", "0.6.1"),
        "bytecode": ("0.14.0", "0.15.1"),
        # New in the lock, each at the newest the recorded index lists (rule 4): what the
        # target needs, transitively (protobuf 3.0.0 pulls six and setuptools).
        "wrapt": (None, "1.14.2"),
        "opentelemetry-api": (None, "1.0.0"),
        "protobuf": (None, "3.0.0"),
        "six": (None, "1.9.0"),
        "setuptools": (None, "0.9.8"),
    }
    notes = {f["id"]: f["message"] for f in report["findings"]}
    assert notes["coupgrade-dropped"].startswith("xmltodict 0.13.0: the ddtrace target no longer")
    assert "mylib" in notes["coupgrade-direct-reference"]
    assert not any(
        name in notes["coupgrade-dropped"]
        for name in ("colorama", "importlib-metadata", "zipp", "mylib", "somedep", "tzdata")
    )


def test_a_pin_outside_what_ddtrace_needs_never_moves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rules 1 and 3: siblinga 1.0 needs bytecode<0.15, which ddtrace 3.15.0 moves past on
    CPython 3.12. Moving siblinga (ddtrace never needs it) is not the answer: it is held, and
    the blocker names it (it was "siblinga 1.0 -> 2.0, required by the ddtrace target")."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {"siblinga": {"1.0": ["bytecode<0.15"], "2.0": ["bytecode>=0.15"]}},
    )
    with LocalIndex(root=root) as index:
        code, report, _ = advise(tmp_path, capsys, index.url, ACCEPTANCE + "siblinga==1.0\n", *IAST)
    assert code == 1
    rec = report["recommendation"]
    assert rec["status"] == "impossible", changes(report)
    (blocker,) = [b for b in rec["blockers"] if b["package"] == "bytecode"]
    assert any("bytecode<0.15 (siblinga 1.0)" in w for w in blocker["wants"])
    # On 3.11 alone (where ddtrace leaves bytecode be), siblinga stays and nothing blocks.
    with LocalIndex(root=root) as index:
        text = ACCEPTANCE + "siblinga==1.0\n"
        code, report, _ = advise(
            tmp_path, capsys, index.url, text, "-c", "iast", "--python", "3.11"
        )
    assert "siblinga" not in changes(report) and report["recommendation"]["status"] == "upgrade"


def test_a_pin_ddtrace_needs_moves_only_when_ddtrace_excludes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 3: envier (which the target needs) needs typingx, any version; the project pins
    typingx==1.0 and asks for pydx unpinned, whose newest release wants typingx>=2. The pin
    stays: ddtrace does not exclude it, and pydx has a release that keeps it (it was "typingx
    1.0 -> 2.0, required by the ddtrace target")."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {
            "envier": {"0.5.2": [], "0.6.1": ["typingx"]},
            "typingx": {"1.0": [], "2.0": []},
            "pydx": {"1.0": ["typingx"], "2.0": ["typingx>=2"]},
        },
    )
    text = ACCEPTANCE + "typingx==1.0\npydx\n"
    with LocalIndex(root=root) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, text, *IAST)
    assert report["recommendation"]["status"] == "upgrade"
    assert changes(report) == {
        "ddtrace": ("2.21.4", "3.15.0"),
        "envier": ("0.5.2", "0.6.1"),
        "bytecode": ("0.14.0", "0.15.1"),
    }
    # When the target's own chain excludes the pin, it moves, to the smallest allowed.
    root2 = index_with(
        DATA,
        tmp_path / "index2",
        {
            "envier": {"0.5.2": [], "0.6.1": ["typingx>=2"]},
            "typingx": {"1.0": [], "2.0": [], "3.0": []},
        },
    )
    with LocalIndex(root=root2) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, ACCEPTANCE + "typingx==1.0\n", *IAST)
    assert changes(report)["typingx"] == ("1.0", "2.0")


def test_a_project_whose_own_pins_conflict_is_told_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 2: siblinga 1.0 needs siblingb>=2 while the project pins siblingb 1.0: its own
    problem, said as such; nothing outside ddtrace's needs moves."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {"siblinga": {"1.0": ["siblingb>=2"]}, "siblingb": {"1.0": [], "2.0": []}},
    )
    text = ACCEPTANCE + "siblinga==1.0\nsiblingb==1.0\n"
    with LocalIndex(root=root) as index:
        code, report, _ = advise(tmp_path, capsys, index.url, text, *IAST)
    assert code == 1
    # Not resolved: compared with the target's requirements, never a change of siblinga/b.
    assert changes(report) == {
        "ddtrace": ("2.21.4", "3.15.0"),
        "envier": ("0.5.2", None),
        "bytecode": ("0.14.0", None),
    }
    assert report["recommendation"]["resolved"] is False
    (own,) = [f["message"] for f in report["findings"] if f["id"] == "project-does-not-install"]
    assert "CPython 3.12" in own and "siblingb" in own


def test_offline_changes_keep_their_cpythons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 9: bytecode>=0.15.1 is what ddtrace needs on CPython 3.12 only; offline, without
    a resolution, the change still says so instead of moving bytecode everywhere."""
    code, report, _ = advise(
        tmp_path,
        capsys,
        _closed_port(),
        ACCEPTANCE,
        "-c",
        "iast",
        "--python",
        ">=3.11,<3.13",
        "--offline",
    )
    assert code == 1
    got = {c["package"]: c for c in report["recommendation"]["changes"]}
    assert got["bytecode"]["to_specifier"] == ">=0.15.1"
    assert got["bytecode"]["marker"] == 'python_version == "3.12"'
    assert got["envier"]["marker"] is None


@pytest.mark.parametrize(
    ("pages", "fails_on"),
    [({"heavyml": {"1.0 py>=3.12": []}}, ["3.11"]), ({"heavyml": {"2.0": []}}, ["3.11", "3.12"])],
    ids=["requires-python", "not-on-index"],
)
def test_a_project_that_does_not_install_on_a_cpython_is_its_own_problem(
    pages: Any, fails_on: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 2: the project's own pin heavyml==1.0 does not install on some CPython, whatever
    the ddtrace. That is said in plain words, the co-upgrades are resolved on the other
    CPythons only, and the ddtrace answer still stands (it was "no ddtrace release can give
    the requested capabilities", blaming ddtrace)."""
    from tests.indexdata import index_with

    root = index_with(DATA, tmp_path / "index", pages)
    text = ACCEPTANCE + "heavyml==1.0\n"
    with LocalIndex(root=root) as index:
        code, report, _ = advise(
            tmp_path, capsys, index.url, text, "-c", "iast", "--python", ">=3.11,<3.13"
        )
    assert code == 1
    rec = report["recommendation"]
    assert rec["status"] == "upgrade" and rec["ddtrace"] == "3.15.0"
    own = [f["message"] for f in report["findings"] if f["id"] == "project-does-not-install"]
    assert [m.split("CPython ")[1].split(",")[0] for m in own] == fails_on
    why = "requires Python >=3.12" if len(fails_on) == 1 else "is not on the index"
    assert all(f"heavyml 1.0 {why}" in m and "co-upgrades are not resolved there" in m for m in own)
    assert not any(f["id"] == "resolution-impossible" for f in report["findings"])
    if len(fails_on) == 1:  # resolved on 3.12: what ddtrace needs there moves
        assert changes(report)["bytecode"] == ("0.14.0", "0.15.1")
        assert rec["resolved"] is False  # not on 3.11
        # ddtrace 3.15.0 excludes envier 0.5.2 on 3.11 too, where nothing was resolved: the
        # one change covers both (it said 3.12 only, leaving 0.5.2 beside 3.15.0 on 3.11).
        envier = next(c for c in rec["changes"] if c["package"] == "envier")
        assert (envier["to"], envier["marker"]) == ("0.6.1", None)
    else:
        # Resolved nowhere: the pins are compared with the target's requirements instead
        # (never a bare ddtrace move next to pins it excludes), each on its CPythons.
        assert rec["resolved"] is False
        got = {c["package"]: (c["to_specifier"], c["marker"]) for c in rec["changes"][1:]}
        assert got == {
            "envier": ("~=0.6.1", None),
            "bytecode": (">=0.15.1", 'python_version == "3.12"'),
        }


def test_a_resolution_past_its_budget_falls_back_to_comparing_pins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 7: an index slow enough that the resolution cannot end within --resolve-budget:
    the answer still comes, from the pins compared with ddtrace's own requirements, and a
    warning says why (never "no ddtrace release can give the capabilities")."""
    with LocalIndex(root=DATA, delay=0.3) as index:
        code, report, err = advise(
            tmp_path, capsys, index.url, ACCEPTANCE, *IAST, "--resolve-budget", "0.2"
        )
    assert code == 1, err
    rec = report["recommendation"]
    assert rec["status"] == "upgrade" and rec["resolved"] is False
    got = {c["package"]: c["to_specifier"] for c in rec["changes"] if c["package"] != "ddtrace"}
    assert got == {"envier": "~=0.6.1", "bytecode": ">=0.15.1"}
    (budget,) = [f["message"] for f in report["findings"] if f["id"] == "coupgrade-budget"]
    assert budget.startswith("co-upgrades not resolved within 0.2 s (--resolve-budget)")


def test_the_budget_is_for_the_whole_run_not_each_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 7: "the whole resolution has a budget". Two projects of one run share it: the
    second does not get a fresh 0.2 s of its own (a 200-project monorepo would have taken 200
    budgets), and its warning says the earlier projects spent it."""
    for folder in ("api", "worker"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "requirements.txt").write_text(ACCEPTANCE)
    (tmp_path / ".git").mkdir()
    with LocalIndex(root=DATA, delay=0.3) as index:
        argv = index_argv(tmp_path, index.url, tmp_path / "cache", "--timeout", "2")
        code = main([*argv, *IAST, "--format", "json", "--resolve-budget", "0.2"])
    assert code == 1
    doc = json.loads(capsys.readouterr().out)
    said = {
        p["root"]: [f["message"] for f in p["findings"] if f["id"] == "coupgrade-budget"]
        for p in doc["projects"]
    }
    assert said == {
        "api": [
            "co-upgrades not resolved within 0.2 s (--resolve-budget); pins were "
            "compared with ddtrace's own requirements instead"
        ],
        "worker": [
            "co-upgrades not resolved within 0.2 s (--resolve-budget), spent on the "
            "run's earlier projects; pins were compared with ddtrace's own "
            "requirements instead"
        ],
    }
    for p in doc["projects"]:
        assert p["recommendation"]["resolved"] is False


def test_too_many_rounds_is_over_budget_not_a_blocker(monkeypatch: pytest.MonkeyPatch) -> None:
    """A resolution that runs out of rounds has no answer either way: it raised a garbled
    blocker ("(resolver): ; to unblock: no resolution within 2000 rounds")."""
    from packaging.specifiers import SpecifierSet

    import advisor.resolve as resolve_module
    from advisor.knowledge.releases import load_snapshot
    from advisor.resolve import OverBudget, resolve
    from advisor.resolve.requirements import Req
    from advisor.resolve.source import SnapshotSource

    monkeypatch.setattr(resolve_module, "MAX_ROUNDS", 0)
    source = SnapshotSource(load_snapshot(None))
    with pytest.raises(OverBudget, match="rounds"):
        resolve(
            source,
            "3.12",
            "linux-x86_64",
            [Req("ddtrace", SpecifierSet("==3.15.0"), frozenset(), "")],
            {},
        )


COMPILED = """\
#
# This file is autogenerated by pip-compile with Python 3.12
# by the following command:
#
#    pip-compile requirements.in
#
bytecode==0.14.0
    # via ddtrace
ddtrace==2.21.4
    # via -r requirements.in
envier==0.5.2
    # via ddtrace
"""


def test_a_compiled_file_gains_what_the_target_needs_and_is_re_compiled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 4: a pip-compile output pins every package; the packages the target needs that
    it lacks are listed as added (at the newest the index lists), and --fix re-compiles
    instead of leaving a file that installs without them and reporting ok."""
    (tmp_path / "requirements.in").write_text("ddtrace\n")
    with LocalIndex(root=DATA) as index:
        code, report, _ = advise(tmp_path, capsys, index.url, COMPILED, *IAST)
        assert code == 1
        got = changes(report)
        assert got["wrapt"] == (None, "1.14.2") and got["envier"] == ("0.5.2", "0.6.1")
        req = tmp_path / "requirements.txt"
        argv = index_argv(req, index.url, tmp_path / "cache", *IAST, "--diff")
        code = main(argv)
    err = capsys.readouterr().err
    assert code == 1
    assert "needs new pins (" in err and "wrapt" in err
    assert (
        "would run: (cd" in err
        and "pip-compile requirements.in --upgrade-package ddtrace==3.15.0" in err
    )


def test_every_platform_in_scope_is_resolved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 6: envier 0.6.1 (which the target needs) wants wrapt>=1.14.2 on macOS only. With
    macOS in scope the wrapt pin moves; on Linux alone it stays (markers were evaluated for
    the first platform only)."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {"envier": {"0.5.2": [], "0.6.1": ['wrapt>=1.14.2; sys_platform == "darwin"']}},
    )
    text = ACCEPTANCE + "wrapt==1.14.1\n"
    with LocalIndex(root=root) as index:
        _, linux, _ = advise(tmp_path, capsys, index.url, text, *IAST)
        _, both, _ = advise(
            tmp_path,
            capsys,
            index.url,
            text,
            *IAST,
            "--platform",
            "linux-x86_64",
            "--platform",
            "macos-arm64",
        )
    assert "wrapt" not in changes(linux)
    assert changes(both)["wrapt"] == ("1.14.1", "1.14.2")
    assert changes(both)["envier"] == ("0.5.2", "0.6.1")


def test_a_direct_reference_is_never_moved_or_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 6: envier from git is a fixed point: never listed as added or moved (it was
    "envier None -> 0.6.1" beside a note saying it is kept)."""
    text = COMPILED.replace("envier==0.5.2", "envier @ git+https://example.invalid/envier@main")
    (tmp_path / "requirements.in").write_text("ddtrace\n")
    with LocalIndex(root=DATA) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, text, *IAST)
    assert "envier" not in changes(report)
    notes = {f["id"]: f["message"] for f in report["findings"]}
    assert "envier" in notes["coupgrade-direct-reference"]


def test_extras_reached_on_a_second_path_still_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """envier needs sibl and other; other needs sibl[fast], whose extra needs speedy>=2: the
    project's speedy==1.0 is inside what ddtrace needs and moves (it was held: impossible)."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {
            "envier": {"0.5.2": [], "0.6.1": ["sibl", "other"]},
            "other": {"1.0": ["sibl[fast]"]},
            "sibl": {"1.0": ['speedy>=2; extra == "fast"']},
            "speedy": {"1.0": [], "2.0": []},
        },
    )
    with LocalIndex(root=root) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, ACCEPTANCE + "speedy==1.0\n", *IAST)
    assert report["recommendation"]["status"] == "upgrade"
    assert changes(report)["speedy"] == ("1.0", "2.0")


def test_the_projects_own_markers_are_read_for_each_platform(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 6: on macOS alone, a Linux-only dependency is not installed, so it blocks nothing
    (it made the answer impossible); a macOS-only pin ddtrace needs moved still moves."""
    from tests.indexdata import index_with

    root = index_with(DATA, tmp_path / "index", {"linuxonly": {"1.0": ["bytecode<0.15"]}})
    text = (
        "ddtrace==2.21.4\nenvier==0.5.2\n"
        'bytecode==0.14.0; sys_platform == "darwin"\n'
        'linuxonly==1.0; sys_platform == "linux"\n'
    )
    with LocalIndex(root=root) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, text, *IAST, "--platform", "macos-arm64")
    rec = report["recommendation"]
    assert rec["status"] == "upgrade", rec
    assert changes(report)["bytecode"] == ("0.14.0", "0.15.1")
    assert "linuxonly" not in changes(report)


def test_unpinned_requests_beside_a_ddtrace_that_needs_a_new_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rules 1 and 4 (the acceptance case "an unpinned requests next to a ddtrace that needs a
    new package"): the target needs newdep, which the project lacks; requests is unpinned and
    pulls urllib3. In a plain requirements file pip installs newdep by itself: nothing is
    added, and requests and urllib3 (which ddtrace never needs) appear nowhere. In a compiled
    file newdep is added at the newest release allowed (it was the lowest: "urllib3 1.21.1",
    "setuptools 0.9.8"), and requests and urllib3 stay where they are pinned."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {
            "envier": {"0.5.2": [], "0.6.1": ["newdep>=1.0"]},
            "newdep": {"0.9": [], "1.0": [], "1.5": [], "2.0": []},
            "requests": {"2.0.0": ["urllib3>=1.21.1"], "2.32.0": ["urllib3>=1.21.1,<3"]},
            "urllib3": {"1.21.1": [], "1.26.20": [], "2.2.3": []},
        },
    )
    with LocalIndex(root=root) as index:
        _, plain, _ = advise(tmp_path, capsys, index.url, ACCEPTANCE + "requests\n", *IAST)
        (tmp_path / "requirements.in").write_text("ddtrace\nrequests\n")
        compiled = COMPILED + "requests==2.0.0\n    # via -r requirements.in\n"
        compiled += "urllib3==1.26.20\n    # via requests\n"
        _, locked, _ = advise(tmp_path, capsys, index.url, compiled, *IAST)
    assert changes(plain) == {
        "ddtrace": ("2.21.4", "3.15.0"),
        "envier": ("0.5.2", "0.6.1"),
        "bytecode": ("0.14.0", "0.15.1"),
    }
    got = changes(locked)
    assert got["newdep"] == (None, "2.0")
    assert "requests" not in got and "urllib3" not in got
    assert got["ddtrace"] == ("2.21.4", "3.15.0")


def test_a_compiled_file_included_by_another_is_read_as_compiled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 4 through an include: requirements.txt says ``-r base.txt`` and base.txt is a
    pip-compile output. Its pins are a lock's: the packages the target needs are added (they
    were not, and --fix bumped base.txt's pins and reported ok on a file that, installed with
    --require-hashes or --no-deps, lacks them); --fix re-compiles base.txt."""
    (tmp_path / "requirements.in").write_text("ddtrace\n")
    header = "pip-compile --output-file=base.txt requirements.in"
    (tmp_path / "base.txt").write_text(COMPILED.replace("pip-compile requirements.in", header))
    with LocalIndex(root=DATA) as index:
        code, report, _ = advise(tmp_path, capsys, index.url, "-r base.txt\n", *IAST)
        assert code == 1
        got = changes(report)
        assert got["wrapt"] == (None, "1.14.2") and got["envier"] == ("0.5.2", "0.6.1")
        req = tmp_path / "requirements.txt"
        code = main(index_argv(req, index.url, tmp_path / "cache", *IAST, "--diff"))
    err = capsys.readouterr().err
    assert code == 1
    assert "base.txt: generated by pip-compile" in err and "needs new pins (" in err
    assert "--output-file=base.txt" in err and "--upgrade-package ddtrace==3.15.0" in err


@pytest.mark.parametrize(
    ("extra", "pages", "said"),
    [
        ("ghostpkg>=1\n", {}, "ghostpkg is not on the index (ghostpkg>=1 ("),
        (
            "oldonly\n",
            {"oldonly": {"1.0 py<3.10": [], "1.1 py<3.11": []}},
            "no release of oldonly installs on CPython 3.12 on linux-x86_64: its newest "
            "release, 1.1, requires Python <3.11",
        ),
        (
            "parentx==1.0\n",
            {"parentx": {"1.0": ["childx<2"]}, "childx": {"1.0 py<3.9": [], "2.0": []}},
            "no allowed release of childx installs on CPython 3.12 on linux-x86_64 (childx<2 (parentx "
            "1.0)): its newest allowed release, 1.0, requires Python <3.9",
        ),
    ],
    ids=["not-on-index", "no-release-for-this-python", "a-dependency-of-a-pin"],
)
def test_why_the_project_does_not_install_in_plain_words(
    extra: str, pages: Any, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 2's plain words for a package the project does not pin, or that another package
    pulls in (they were the bare requirement: "ghostpkg>=1 (requirements.txt:4)")."""
    from tests.indexdata import index_with

    root = index_with(DATA, tmp_path / "index", pages)
    with LocalIndex(root=root) as index:
        code, report, err = advise(tmp_path, capsys, index.url, ACCEPTANCE + extra, *IAST)
    assert code == 1, err
    (own,) = [f["message"] for f in report["findings"] if f["id"] == "project-does-not-install"]
    assert said in own, own
    assert report["recommendation"]["ddtrace"] == "3.15.0"


def test_one_pin_for_every_platform_is_checked_on_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 6 across platforms: on macOS the target needs wrapt>=1.14.2; on Linux the pinned
    linuxthing needs wrapt<1.14.2. wrapt==1.14.1 is one line for both: moving it to 1.14.2
    breaks Linux (it was the answer, from the highest version either platform resolved). With
    a linuxthing release that allows it, linuxthing stays held (ddtrace never needs it) and
    the answer is impossible, the blocker naming it; on macOS alone wrapt moves."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {
            "envier": {"0.5.2": [], "0.6.1": ['wrapt>=1.14.2; sys_platform == "darwin"']},
            "linuxthing": {"1.0": ["wrapt<1.14.2"], "2.0": []},
        },
    )
    text = ACCEPTANCE + 'wrapt==1.14.1\nlinuxthing==1.0; sys_platform == "linux"\n'
    both = ("--platform", "linux-x86_64", "--platform", "macos-arm64")
    with LocalIndex(root=root) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, text, *IAST, *both)
        _, mac, _ = advise(tmp_path, capsys, index.url, text, *IAST, "--platform", "macos-arm64")
    rec = report["recommendation"]
    assert rec["status"] == "impossible", changes(report)
    (blocker,) = [b for b in rec["blockers"] if b["package"] == "wrapt"]
    assert any("linuxthing 1.0" in w for w in blocker["wants"])
    assert any("another platform in scope" in w for w in blocker["wants"])
    assert changes(mac)["wrapt"] == ("1.14.1", "1.14.2")


def test_a_pin_raised_for_another_platform_moves_on_every_platform(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The other side: where nothing on Linux holds wrapt back, the macOS floor is taken on
    Linux too (one line for both), and the answer stands."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {"envier": {"0.5.2": [], "0.6.1": ['wrapt>=1.14.2; sys_platform == "darwin"']}},
    )
    both = ("--platform", "linux-x86_64", "--platform", "macos-arm64")
    with LocalIndex(root=root) as index:
        _, report, _ = advise(
            tmp_path, capsys, index.url, ACCEPTANCE + "wrapt==1.14.1\n", *IAST, *both
        )
    assert report["recommendation"]["status"] == "upgrade"
    assert changes(report)["wrapt"] == ("1.14.1", "1.14.2")


def _library(folder: Path, *requires: str) -> None:
    """A local project at ``folder`` whose pyproject.toml requires ``requires`` (line 4 on)."""
    folder.mkdir(parents=True)
    lines = ",\n".join(f'    "{r}"' for r in requires)
    (folder / "pyproject.toml").write_text(
        f'[project]\nname = "{folder.name}"\nversion = "1"\ndependencies = [\n{lines}\n]\n'
    )


def test_a_local_path_packages_requirements_block_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 6: ``-e ./libs/shared`` requires envier<0.6, which every 3.x ddtrace moves past:
    the answer is impossible and the blocker names the library's pyproject.toml line (it was
    "envier 0.5.2 -> 0.6.1", as if the library required nothing)."""
    _library(tmp_path / "libs" / "shared", "envier<0.6")
    with LocalIndex(root=DATA) as index:
        code, report, _ = advise(
            tmp_path, capsys, index.url, ACCEPTANCE + "-e ./libs/shared\n", *IAST
        )
    assert code == 1
    rec = report["recommendation"]
    assert rec["status"] == "impossible", changes(report)
    (blocker,) = [b for b in rec["blockers"] if b["package"] == "envier"]
    assert any(
        w.startswith("envier<0.6 (") and w.endswith("/libs/shared/pyproject.toml:5)")
        for w in blocker["wants"]
    ), blocker


def test_a_local_path_packages_requirements_move_the_target_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 6: the library (named by a ``file:`` URL) needs protobuf<3, which ddtrace 3.x
    (protobuf>=3) cannot install with; 4.0.1, which needs no protobuf, is the answer (it was
    3.15.0), and the note says the library's requirements were read."""
    from tests.indexdata import index_with

    root = index_with(DATA, tmp_path / "index", {"protobuf": {"2.6.1": [], "3.0.0": []}})
    _library(tmp_path / "libs" / "shared", "protobuf<3; python_version >= '3.8'")
    text = ACCEPTANCE + f"shared @ file://{tmp_path / 'libs' / 'shared'}\n"
    with LocalIndex(root=root) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, text, *IAST)
    rec = report["recommendation"]
    assert rec["status"] == "upgrade" and rec["ddtrace"] == "4.0.1", rec
    assert rec["tried"][:2] == ["3.15.0", "3.16.0"]
    assert "protobuf" not in changes(report)
    notes = {f["id"]: f["message"] for f in report["findings"]}
    assert notes["coupgrade-local-requirements"].startswith("shared: installed from a local path")
    assert "coupgrade-direct-reference" not in notes


def test_direct_references_whose_requirements_were_not_read_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 6: the note on requirements not checked names the git reference, the missing
    folder and the setup.py-only project, never the path whose pyproject.toml was read."""
    _library(tmp_path / "libs" / "shared", "six")
    (tmp_path / "libs" / "legacy").mkdir()
    (tmp_path / "libs" / "legacy" / "setup.py").write_text('setup(name="legacy")\n')
    text = ACCEPTANCE + (
        "-e ./libs/shared\n"
        "-e ./libs/legacy\n"
        "gone @ file:libs/gone\n"
        "mylib @ git+https://example.invalid/mylib.git@v1\n"
    )
    with LocalIndex(root=DATA) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, text, *IAST)
    assert report["recommendation"]["status"] == "upgrade"
    notes = {f["id"]: f["message"] for f in report["findings"]}
    unread = notes["coupgrade-direct-reference"]
    assert unread.startswith("gone, legacy, mylib: ") and "shared" not in unread
    assert notes["coupgrade-local-requirements"].startswith("shared: ")


def test_a_local_path_outside_the_repository_is_read_only_when_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its pyproject.toml is read like an include: outside the repository only with
    --allow-outside; unread, the library stays a reference whose requirements were not
    checked."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    _library(tmp_path / "outside" / "shared", "envier<0.6")
    req = repo / "requirements.txt"
    req.write_text(ACCEPTANCE + f"shared @ file://{tmp_path / 'outside' / 'shared'}\n")
    reports = []
    with LocalIndex(root=DATA) as index:
        for extra in ([], ["--allow-outside"]):
            argv = index_argv(req, index.url, tmp_path / "cache", *IAST, "--format", "json")
            main([*argv, *extra])
            reports.append(project_json(capsys.readouterr().out))
    inside, allowed = reports
    assert inside["recommendation"]["status"] == "upgrade"
    assert changes(inside)["envier"] == ("0.5.2", "0.6.1")
    notes = {f["id"]: f["message"] for f in inside["findings"]}
    assert notes["coupgrade-direct-reference"].startswith("shared: ")
    assert allowed["recommendation"]["status"] == "impossible"


def test_a_local_path_packages_range_of_ddtrace_limits_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 6: the library requires ddtrace<3: no 3.x or 4.x target installs with it, and the
    blocker names its line; the project's own requirements are still resolved without ddtrace
    (no "does not install" for ddtrace 2.21.4 beside bytecode 0.14.0), and its workspace
    sibling (``[tool.uv.sources]``) is not looked up on the index."""
    _library(tmp_path / "libs" / "shared", "ddtrace>=2,<3", "core")
    with (tmp_path / "libs" / "shared" / "pyproject.toml").open("a") as f:
        f.write("[tool.uv.sources]\ncore = { workspace = true }\n")
    with LocalIndex(root=DATA) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, ACCEPTANCE + "-e libs/shared\n", *IAST)
    rec = report["recommendation"]
    assert rec["status"] == "impossible", changes(report)
    (blocker,) = rec["blockers"]
    assert blocker["package"] == "ddtrace"
    assert any(w.endswith("/libs/shared/pyproject.toml:5)") for w in blocker["wants"]), blocker
    assert not any(f["id"] == "project-does-not-install" for f in report["findings"])
    assert not any("core" in f["message"] for f in report["findings"])


def test_offline_a_pin_excluded_differently_per_cpython_is_one_change_for_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Offline, ddtrace 4.0.1 requires bytecode>=0.15.1 on 3.12, >=0.16.0 on 3.13 and
    >=0.17.0 on 3.14: bytecode==0.14.0 is one line, excluded on all three. The change says
    so (it kept the first requirement only: ">=0.15.1" on 3.12, leaving 0.14.0 on 3.13 and
    3.14 beside a ddtrace that excludes it)."""
    code, report, _ = advise(
        tmp_path,
        capsys,
        _closed_port(),
        ACCEPTANCE,
        "-c",
        "iast",
        "--python",
        ">=3.12,<3.15",
        "--offline",
        "--no-cache",
    )
    assert code == 1
    got = {c["package"]: c for c in report["recommendation"]["changes"]}
    assert got["bytecode"]["marker"] is None
    spec = SpecifierSet(got["bytecode"]["to_specifier"])
    assert spec.contains("0.17.0") and not spec.contains("0.16.1")


def test_offline_markers_are_read_for_each_platform(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 6 offline: a macOS-only bytecode pin, advised for macOS, is compared with what the
    target needs there (it was read for Linux only, and the pin was never seen)."""
    text = 'ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0; sys_platform == "darwin"\n'
    code, report, _ = advise(
        tmp_path, capsys, _closed_port(), text, *IAST, "--platform", "macos-arm64", "--offline"
    )
    assert code == 1
    got = {c["package"]: c["to_specifier"] for c in report["recommendation"]["changes"]}
    assert got["bytecode"] == ">=0.15.1" and got["envier"] == "~=0.6.1"


BYTECODE_3_13: Any = {
    "bytecode": {"0.14.0": [], "0.15.1": [], "0.16.0": []},
    "legacy-cgi": {"2.6": []},
}
BOTH = ("--platform", "linux-x86_64", "--platform", "macos-arm64")
MACDEP_LINES = 'macdep==1.0\nlinuxthing==1.0; sys_platform == "linux"\n'
WRAPT_LINES = 'wrapt==1.14.1; sys_platform == "darwin"\nwrapt==1.14.2; sys_platform == "linux"\n'
REVIEWED: Any = [
    pytest.param(
        # A pin the closure needs on macOS only, held on Linux by linuxthing: one line for
        # both, so it is checked on Linux too (it moved, breaking Linux).
        {
            "envier": {"0.5.2": [], "0.6.1": ['macdep>=2; sys_platform == "darwin"']},
            "macdep": {"1.0": [], "2.0": []},
            "linuxthing": {"1.0": ["macdep<2"], "2.0": []},
        },
        MACDEP_LINES,
        ("-c", "iast", "--python", "3.12", *BOTH),
        "impossible",
        {},
        id="pin-needed-on-one-platform-held-on-another",
    ),
    pytest.param(
        # Resolved on 3.12 (bytecode 0.15.1), compared on 3.13 where heavyml does not install
        # (bytecode>=0.16.0 there): two changes (0.15.1 was widened to 3.13).
        {**BYTECODE_3_13, "heavyml": {"1.0 py<3.13": []}},
        "heavyml==1.0\n",
        ("-c", "iast", "--python", ">=3.12,<3.14"),
        "upgrade",
        {
            "bytecode": [
                ("0.14.0", "0.15.1", 'python_version == "3.12"'),
                ("0.14.0", ">=0.16.0", 'python_version == "3.13"'),
            ]
        },
        id="compared-change-a-resolved-move-does-not-meet",
    ),
    pytest.param(
        # Resolved on 3.12 and 3.13 to two versions, 3.11 not installing: both kept (the
        # second overwrote the first).
        {**BYTECODE_3_13, "heavyml": {"1.0 py>=3.12": []}},
        "heavyml==1.0\n",
        ("-c", "iast", "--python", ">=3.11,<3.14"),
        "upgrade",
        {
            "bytecode": [
                ("0.14.0", "0.15.1", 'python_version == "3.12"'),
                ("0.14.0", "0.16.0", 'python_version == "3.13"'),
            ]
        },
        id="two-resolved-moves-beside-an-unresolved-cpython",
    ),
    pytest.param(
        # xpkg, new with the target, is free: its 1.0 keeps typingx==1.0 (its newest moved it).
        {
            "envier": {"0.5.2": [], "0.6.1": ["xpkg"]},
            "xpkg": {"1.0": ["typingx"], "2.0": ["typingx>=2"]},
            "typingx": {"1.0": [], "2.0": []},
        },
        "typingx==1.0\n",
        IAST,
        "upgrade",
        {"typingx": []},
        id="pin-kept-by-another-release-of-a-new-package",
    ),
    pytest.param(
        # A pin line per platform: each moves on its own (a false "impossible" from a floor
        # across lines), and the order of --platform changes nothing.
        {"macthing": {"1.0": ["wrapt<1.14.2"]}},
        WRAPT_LINES + 'macthing==1.0; sys_platform == "darwin"\n',
        ("-c", "iast", "--python", "3.12", *BOTH),
        "upgrade",
        {"wrapt": []},
        id="pin-lines-per-platform",
    ),
    pytest.param(
        {},
        WRAPT_LINES,
        (
            "-c",
            "iast",
            "--python",
            "3.12",
            "--platform",
            "macos-arm64",
            "--platform",
            "linux-x86_64",
        ),
        "upgrade",
        {"wrapt": []},
        id="pin-lines-per-platform-other-order",
    ),
]


REVIEWED += [
    pytest.param(
        # A pin on macOS alone takes no floor from what Linux, where it is not pinned,
        # resolved to its newest (it moved to 1.15 "required by the ddtrace target").
        {"wrapt": {"1.14.1": [], "1.14.2": [], "1.15": []}},
        'wrapt==1.14.1; sys_platform == "darwin"\n',
        ("-c", "iast", "--python", "3.12", *BOTH),
        "upgrade",
        {"wrapt": []},
        id="pin-on-one-platform-takes-no-floor-from-another",
    ),
    pytest.param(
        # macOS needs x0>=2; on Linux x0 2.0 needs x1>=2: x1 moves with it (it was held as
        # "outside what ddtrace needs", and every target impossible).
        {
            "envier": {"0.5.2": [], "0.6.1": ['x0>=2; sys_platform == "darwin"']},
            "x0": {"1.0": [], "2.0": ['x1>=2; sys_platform == "linux"']},
            "x1": {"1.0": [], "2.0": []},
        },
        "x0==1.0\nx1==1.0\n",
        ("-c", "iast", "--python", "3.12", *BOTH),
        "upgrade",
        {"x0": [("1.0", "2.0", None)], "x1": [("1.0", "2.0", None)]},
        id="a-floor-drags-what-it-needs-along",
    ),
    pytest.param(
        # ddtrace needs bytecode>=0.15.1; rpkg, unpinned, wants >=0.16 at its newest only:
        # bytecode moves to 0.15.1, the least (it went to 0.16.0).
        {
            "bytecode": {"0.14.0": [], "0.15.1": [], "0.16.0": []},
            "rpkg": {"1.0": [], "2.0": ["bytecode>=0.16"]},
        },
        "rpkg\n",
        IAST,
        "upgrade",
        {"bytecode": [("0.14.0", "0.15.1", None)]},
        id="a-pin-moves-no-further-than-ddtrace-needs",
    ),
]


@pytest.mark.parametrize(("pages", "extra", "args", "status", "expected"), REVIEWED)
def test_co_upgrades_a_review_found_wrong(
    pages: Any,
    extra: str,
    args: tuple[str, ...],
    status: str,
    expected: dict[str, list[tuple[str, str, str | None]]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Cases a fresh-eyes review of rules 2, 3 and 6 found answered wrong; each expected
    answer installs per uv (tests/test_coupgrade_installs.py runs the same cases)."""
    from tests.indexdata import index_with

    root = index_with(DATA, tmp_path / "index", pages)
    with LocalIndex(root=root) as index:
        _, report, err = advise(tmp_path, capsys, index.url, ACCEPTANCE + extra, *args)
    rec = report["recommendation"]
    assert rec["status"] == status, (err, rec)
    for package, moves in expected.items():
        got = [
            (c["from"], c["to"] or c["to_specifier"], c["marker"])
            for c in rec["changes"]
            if c["package"] == package
        ]
        assert got == moves, rec["changes"]


def test_a_compiled_file_ddtrace_is_not_in_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rule 4: a hand-written requirements.txt pins ddtrace and includes a compiled base.txt
    of unrelated packages. pip installs what the target needs by itself: nothing is added
    (they were, and --fix warned of four packages "not added")."""
    compiled = COMPILED.split("bytecode==")[0] + "six==1.9.0\n    # via -r base.in\n"
    (tmp_path / "base.txt").write_text(compiled)
    with LocalIndex(root=DATA) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, "-r base.txt\n" + ACCEPTANCE, *IAST)
    assert changes(report) == {
        "ddtrace": ("2.21.4", "3.15.0"),
        "envier": ("0.5.2", "0.6.1"),
        "bytecode": ("0.14.0", "0.15.1"),
    }


def test_the_projects_ddtrace_extras_are_the_targets_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ddtrace[opentelemetry]``: what the extra needs of the target counts (the target was
    resolved without it, leaving an exporter pin ddtrace[opentelemetry] 3.15.0 excludes)."""
    from tests.indexdata import index_with

    root = index_with(
        DATA, tmp_path / "index", {"opentelemetry-exporter-otlp": {"0.9": [], "1.0": [], "1.5": []}}
    )
    text = ACCEPTANCE.replace("ddtrace==", "ddtrace[opentelemetry]==")
    text += "opentelemetry-exporter-otlp==0.9\n"
    with LocalIndex(root=root) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, text, *IAST)
    assert changes(report)["opentelemetry-exporter-otlp"] == ("0.9", "1.0")


def test_a_pin_with_a_local_version_label_is_no_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``bytecode==0.14.0+local`` (as torch==2.1.0+cpu is written): a floor ">=0.14.0+local"
    is no specifier; it was an internal error."""
    text = ACCEPTANCE.replace("bytecode==0.14.0", "bytecode==0.14.0+local")
    with LocalIndex(root=DATA) as index:
        code, report, err = advise(tmp_path, capsys, index.url, text, *IAST)
    assert code == 1 and "internal error" not in err
    (own,) = [f["message"] for f in report["findings"] if f["id"] == "project-does-not-install"]
    assert "bytecode 0.14.0+local is not on the index" in own


def test_a_lock_alone_gains_what_the_target_needs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pylock.toml with no manifest beside it installs exactly what it lists: the packages
    the target needs are added (they were not). What it no longer needs is not said: without
    a manifest every locked package is a root, and nothing tells what else needs it."""
    from tests.indexdata import index_with

    root = index_with(DATA, tmp_path / "index", {"xmltodict": {"0.13.0": []}})
    entries = [("ddtrace", "2.21.4"), ("envier", "0.5.2"), ("bytecode", "0.14.0")]
    entries.append(("xmltodict", "0.13.0"))
    lock = 'lock-version = "1.0"\ncreated-by = "test"\n'
    for name, version in entries:
        wheel = f"{name}-{version}-py3-none-any.whl"
        lock += (
            f'\n[[packages]]\nname = "{name}"\nversion = "{version}"\nwheels = [{{name = '
            f'"{wheel}", url = "https://files.example/{wheel}", hashes = {{sha256 = "00"}}}}]\n'
        )
    project = tmp_path / "project"
    project.mkdir()
    (project / "pylock.toml").write_text(lock)
    with LocalIndex(root=root) as index:
        main(index_argv(project, index.url, tmp_path / "cache", *IAST, "--format", "json"))
    report = project_json(capsys.readouterr().out)
    got = changes(report)
    assert got["wrapt"] == (None, "1.14.2") and got["envier"] == ("0.5.2", "0.6.1")
    assert "xmltodict" not in got


def test_pin_lines_per_platform_each_name_their_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """wrapt pinned at 1.14.1 on one line per platform, ddtrace needing 1.14.2 on macOS and
    1.15 on Linux: one change per line, each naming its line, whatever the order of
    --platform (both changes named whichever line the first platform read)."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {
            "envier": {
                "0.5.2": [],
                "0.6.1": [
                    'wrapt>=1.14.2; sys_platform == "darwin"',
                    'wrapt>=1.15; sys_platform == "linux"',
                ],
            },
            "wrapt": {"1.14.1": [], "1.14.2": [], "1.15": []},
        },
    )
    text = ACCEPTANCE + (
        'wrapt==1.14.1; sys_platform == "darwin"\nwrapt==1.14.1; sys_platform == "linux"\n'
    )
    answers = []
    with LocalIndex(root=root) as index:
        for order in (BOTH, ("--platform", "macos-arm64", "--platform", "linux-x86_64")):
            _, report, _ = advise(
                tmp_path, capsys, index.url, text, "-c", "iast", "--python", "3.12", *order
            )
            answers.append(
                sorted(
                    (c["source"]["line"], c["to"])
                    for c in report["recommendation"]["changes"]
                    if c["package"] == "wrapt"
                )
            )
    assert answers[0] == answers[1] == [(4, "1.14.2"), (5, "1.15")]


@pytest.mark.parametrize(
    ("pages", "extra", "args", "package", "hint"),
    [
        pytest.param(
            {
                "envier": {"0.5.2": [], "0.6.1": ["typingx>=2"]},
                "typingx": {"1.0": [], "2.0": []},
                "zpkg": {"1.0": ["typingx<2"], "2.0": ["typingx>=2", "yy>=2"]},
                "yy": {"1.0": [], "2.0": []},
            },
            "zpkg\nyy==1.0\n",
            IAST,
            "yy",
            "upgrade yy yourself (",
            id="a-pin-outside-what-ddtrace-needs-must-move",
        ),
        pytest.param(
            {
                "dlam": {"1.0": ["ddtrace>=2,<3"], "2.0": ["ddtrace>=2"]},
                # What ddtrace 2.21.4 needs on 3.11 (the project's own resolution has it).
                "typing-extensions": {"4.0": []},
                "xmltodict": {"0.13.0": []},
            },
            "dlam==1.0\n",
            ("-c", "iast", "--python", "3.11"),
            "ddtrace",
            "upgrade dlam (its 1.0 requires ddtrace<3,>=2)",
            id="a-pinned-package-caps-ddtrace",
        ),
    ],
)
def test_an_impossible_answer_says_which_package_to_move(
    pages: Any,
    extra: str,
    args: tuple[str, ...],
    package: str,
    hint: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Rule 1 keeps a package outside ddtrace's closure where it is; when that blocks every
    target the blocker says to move that package (the hint said to relax "ddtrace==3.15.0
    (the ddtrace target)", or quoted aap-advise's own hold as if the project wrote it)."""
    from tests.indexdata import index_with

    root = index_with(DATA, tmp_path / "index", pages)
    with LocalIndex(root=root) as index:
        _, report, _ = advise(tmp_path, capsys, index.url, ACCEPTANCE + extra, *args)
    rec = report["recommendation"]
    assert rec["status"] == "impossible"
    (blocker,) = [b for b in rec["blockers"] if b["package"] == package]
    assert hint in blocker["hint"], blocker["hint"]
    assert "the ddtrace target" not in blocker["hint"]


def test_offline_pin_lines_per_platform_are_changes_of_their_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Offline, a bytecode pin line per platform: each line gets its change (the first line
    read stood for both, and the other was never named)."""
    text = (
        "ddtrace==2.21.4\nenvier==0.5.2\n"
        'bytecode==0.14.0; sys_platform == "darwin"\nbytecode==0.13.0; sys_platform == "linux"\n'
    )
    _, report, _ = advise(
        tmp_path, capsys, _closed_port(), text, *IAST, *BOTH, "--offline", "--no-cache"
    )
    got = sorted(
        (c["source"]["line"], c["from"], c["to_specifier"])
        for c in report["recommendation"]["changes"]
        if c["package"] == "bytecode"
    )
    assert got == [(3, "0.14.0", ">=0.15.1"), (4, "0.13.0", ">=0.15.1")]


@pytest.mark.parametrize("extra", ["", "rpkg\n"])
def test_a_pin_moves_to_a_final_release_before_a_pre_release(
    extra: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """envier 0.6.1 needs typingx>=2.1rc1: the pin moves to 2.1, as a lock tool takes it (it
    went to 2.1rc1, or to 2.1 with another package beside it: the answer hung on the path)."""
    from tests.indexdata import index_with

    root = index_with(
        DATA,
        tmp_path / "index",
        {
            "envier": {"0.5.2": [], "0.6.1": ["typingx>=2.1rc1"]},
            "typingx": {"1.0": [], "2.1rc1": [], "2.1": [], "3.0": []},
            "rpkg": {"1.0": [], "2.0": ["typingx>=3"]},
        },
    )
    with LocalIndex(root=root) as index:
        text = ACCEPTANCE + "typingx==1.0\n" + extra
        _, report, _ = advise(tmp_path, capsys, index.url, text, *IAST)
    assert changes(report)["typingx"] == ("1.0", "2.1")
