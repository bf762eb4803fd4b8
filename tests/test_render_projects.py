"""A run of several projects in every report format: the overview, a section per project, the
JSON ``projects`` list, SARIF results naming their project, the exit status, hostile folder
names, and the comment's size budget shared across projects.

Reports are built in process from real plans of fixtures (``fixtures/``), wrapped in a
:class:`~advisor.model.advice.Report` the way the pipeline wraps them. Regenerate the golden
files with ``AAP_ADVISE_UPDATE_GOLDEN=1`` (see ``tests/test_render_golden.py``).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor.frontends.cli import _exit_status, main
from advisor.manifests import read_paths
from advisor.model.advice import (
    PROJECT_STATUSES,
    Advice,
    AdviceRequest,
    ProjectAdvice,
    ProjectStatus,
    Report,
)
from advisor.pipeline import Flags, Run, Settings, advise, advise_files
from advisor.render import OutputFormat, json_report, markdown, renderer, sarif, text
from tests.test_render_golden import (
    HUGE,
    RAW_CONTROL,
    ROOT,
    TODAY,
    _cells,
    check_golden,
    validate_sarif,
)

#: (folder, request) of each planned project of the golden run: one of each status.
PLANNED: dict[str, dict[str, Any]] = {
    "fixtures/demo": {},  # upgrade
    "fixtures/config/own-file": {"capabilities": ("http-monitoring",), "python": "3.11"},  # ok
    "fixtures/split-py38": {},  # split
    "fixtures/formats/pipfile-and-lock": {},  # impossible
}
#: A project that does not use ddtrace; reading it finds dynamic dependencies.
NO_DDTRACE = "fixtures/formats/pep621-dynamic-unknown"


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Relative paths, as a workflow gives them, so reports do not depend on the checkout."""
    monkeypatch.chdir(ROOT)
    yield


def planned(root: str, cache: Path, **request: Any) -> ProjectAdvice:
    """The project at ``root`` planned as the pipeline plans it (an empty cache folder)."""
    advice = advise([root], AdviceRequest(today=TODAY, **request), Settings(cache_dir=str(cache)))
    return of(root, advice)


def of(root: str, advice: Advice) -> ProjectAdvice:
    return ProjectAdvice(
        root, advice.files, advice, advice.python_spec, advice.python_source, advice.environment
    )


def without_ddtrace(root: str = NO_DDTRACE) -> ProjectAdvice:
    """The project at ``root`` as read, advised nothing (``no-ddtrace``)."""
    project = read_paths([root])
    assert not project.named("ddtrace")
    files = tuple(m.path for m in project.manifests)
    py = project.python
    return ProjectAdvice(
        root,
        files,
        None,
        py.spec if py else None,
        py.source if py else "",
        findings=project.findings,
    )


def report_of(*projects: ProjectAdvice) -> Report:
    first = next(p.advice for p in projects if p.advice is not None)
    return Report(projects, first.snapshot_date, TODAY)


@pytest.fixture
def run(tmp_path: Path) -> Report:
    """Five projects: upgrade, ok, split, impossible, and one without ddtrace."""
    projects = [planned(root, tmp_path, **request) for root, request in PLANNED.items()]
    return report_of(*projects, without_ddtrace())


def test_the_golden_run_has_every_status(run: Report) -> None:
    assert [p.status for p in run.projects] == [
        "upgrade",
        "ok",
        "split",
        "impossible",
        "no-ddtrace",
    ]
    assert run.status == "impossible" and len(run.planned) == 4
    assert run.projects[-1].findings  # what reading it found is shown too


@pytest.mark.parametrize(("fmt", "ext"), [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_golden(run: Report, fmt: str, ext: str) -> None:
    check_golden(f"projects.{ext}", renderer(OutputFormat(fmt))(run))


@pytest.mark.parametrize("verbosity", ["verbose", "quiet"])
def test_golden_text_verbosity(run: Report, verbosity: text.Verbosity) -> None:
    check_golden(f"projects-{verbosity}.txt", text.render_with(run, text.TextOptions(verbosity)))


def test_golden_sarif(run: Report) -> None:
    doc = sarif.render(run)
    check_golden("projects.sarif", doc)
    validate_sarif(json.loads(doc))


# Text -------------------------------------------------------------------------------------------


def test_text_overview_then_a_section_per_project(run: Report) -> None:
    out = text.render(run)
    lines = out.splitlines()
    assert lines[0] == (
        "aap-advise: 5 projects: 1 impossible, 1 to split, 1 to upgrade, 1 ok, 1 without ddtrace"
    )
    overview = lines[2:7]
    assert [line.split()[0] for line in overview] == [p.root for p in run.projects]
    assert overview[0].split()[1:] == ["2.3.0", "->", "4.6.0", "upgrade"]
    assert overview[1].split()[1:] == ["2.3.0", "->", "2.3.0", "ok"]
    assert overview[2].split()[-1] == "split" and " / " in overview[2]
    assert overview[3].split()[-3:] == ["no", "release", "impossible"]
    assert overview[4].split()[1:] == ["-", "no-ddtrace"]
    # Columns line up: each starts at the same place on every line.
    assert len({re.match(r"  \S+ +", line).end() for line in overview}) == 1  # type: ignore[union-attr]
    assert len({line.rindex(" ") for line in overview}) == 1
    headings = [line for line in lines if line.startswith("== ")]
    assert headings == [f"== {p.root} ==" for p in run.projects]
    # Each section is that project's report as it is alone, less its closing line (what -v
    # adds; under -v the release data), said once at the end of the run.
    verbose = text.render_with(run, text.TextOptions("verbose"))
    for report, last in ((out, "More with -v: "), (verbose, "Release data: ")):
        options = text.TextOptions("verbose" if report is verbose else "default")
        for p in run.planned:
            assert p.advice is not None
            alone = text.render_advice(p.advice, options).splitlines()
            assert alone[-1].startswith(last)
            section = report.split(f"== {p.root} ==\n\n", 1)[1]
            assert section.startswith("\n".join(alone[:-2]) + "\n")
        assert report.count(last) == 1 and report.splitlines()[-1].startswith(last)
    nothing = verbose.split(f"== {NO_DDTRACE} ==\n\n", 1)[1]
    assert nothing.startswith(
        "aap-advise: does not use ddtrace; nothing to advise\n\n"
        f"  files:      {NO_DDTRACE}/pyproject.toml\n\nWarnings:\n  - "
    )
    nothing = out.split(f"== {NO_DDTRACE} ==\n\n", 1)[1]
    assert nothing.startswith(
        "aap-advise: does not use ddtrace; nothing to advise\n\nWarnings:\n  - "
    )


def test_one_project_alone_is_its_report_as_before(run: Report) -> None:
    advice = run.projects[0].advice
    assert advice is not None
    one = Report.of(advice, root="services/api")
    assert text.render(one) == text.render_advice(advice)
    assert markdown.render(one) == markdown.render_advice(advice)
    assert "services/api" not in text.render(one) + markdown.render(one) + sarif.render(one)
    doc = json.loads(json_report.render(one))
    assert [p["root"] for p in doc["projects"]] == ["services/api"]


# JSON -------------------------------------------------------------------------------------------


def test_json_lists_every_project_with_the_same_keys(run: Report) -> None:
    doc = json.loads(json_report.render(run))
    assert list(doc) == ["schema_version", "status", "projects", "data"]
    assert doc["schema_version"] == 4 and doc["status"] == "impossible"
    assert doc["data"] == {"snapshot_date": run.snapshot_date, "today": "2026-11-24"}
    projects = doc["projects"]
    assert [(p["root"], p["status"]) for p in projects] == [
        (p.root, p.status) for p in run.projects
    ]
    keys = [list(p) for p in projects]
    assert all(k == keys[0] for k in keys), keys
    assert keys[0][:2] == ["root", "status"]
    for element, p in zip(projects, run.planned, strict=False):
        assert p.advice is not None
        # Every field of a planned project is what schema 2 had, meaning unchanged.
        assert {k: v for k, v in element.items() if k not in ("root", "status")} == (
            json_report.advice_dict(p.advice)
        )
        assert element["recommendation"]["status"] == element["status"]
    nothing = projects[-1]
    source = run.projects[-1]
    assert nothing == {
        "root": NO_DDTRACE,
        "status": "no-ddtrace",
        "files": [f"{NO_DDTRACE}/pyproject.toml"],
        "python": {
            "spec": source.python_spec,
            "source": source.python_source,
            "versions": [],
            "origins": {},
        },
        "platforms": [],
        "environment": {"groups": ["main"], "excluded": []},
        "runs_in": None,
        "deployment": [],
        "ddtrace": None,
        "requested": [],
        "capabilities": [],
        "recommendation": None,
        "integrations": [],
        "findings": [
            {
                "id": f.id,
                "severity": f.severity,
                "message": f.message,
                "file": f.location.file if f.location else None,
                "line": f.location.line if f.location else None,
            }
            for f in source.findings
        ],
        "ignored": [],
    }
    assert nothing["findings"]


# Status and exit code ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "worst", "code"),
    [
        (("ok",), "ok", 0),
        (("ok", "no-ddtrace"), "ok", 0),
        (("no-ddtrace", "ok", "ok"), "ok", 0),
        (("no-ddtrace", "upgrade"), "upgrade", 1),
        (("ok", "split", "upgrade"), "split", 1),
        (("impossible", "ok", "split"), "impossible", 1),
        (("no-ddtrace", "no-ddtrace"), "no-ddtrace", 0),
    ],
)
def test_worst_status_and_exit_code(
    run: Report, statuses: tuple[ProjectStatus, ...], worst: str, code: int
) -> None:
    by_status = {p.status: p for p in run.projects}
    projects = tuple(
        dataclasses.replace(by_status[s], root=f"p{i}") for i, s in enumerate(statuses)
    )
    report = dataclasses.replace(run, projects=projects)
    assert report.status == worst
    assert _exit_status(report) == code
    assert json.loads(json_report.render(report))["status"] == worst
    sarif_status = sarif.to_dict(report)["runs"][0]["properties"]["status"]
    assert sarif_status == worst and worst in PROJECT_STATUSES


@pytest.mark.parametrize(
    ("request_", "code"), [({}, 1), ({"python": "3.11", "capabilities": ("http-monitoring",)}, 0)]
)
def test_cli_renders_the_run_and_exits_on_the_worst(
    request_: dict[str, Any],
    code: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A run of one planned project and one without ddtrace, as the pipeline returns it."""
    import advisor.pipeline

    advised = advise_files(
        ["fixtures/demo"],
        AdviceRequest(today=TODAY, **request_),
        Settings(cache_dir=str(tmp_path)),
    )
    report = report_of(of("fixtures/demo", advised.advice), without_ddtrace())
    given: list[Flags] = []

    def fake_run(paths: list[str], flags: Flags, settings: Settings) -> Run:
        given.append(flags)
        return Run(report, (advised,))

    monkeypatch.setattr(advisor.pipeline, "advise_run", fake_run)
    for fmt in OutputFormat:
        assert main(["fixtures", "--offline", "--format", fmt.value]) == code
        assert capsys.readouterr().out == renderer(fmt)(report)
    assert len(given) == len(OutputFormat)


# Markdown ---------------------------------------------------------------------------------------


def test_markdown_overview_then_sections(run: Report) -> None:
    md = markdown.render(run)
    assert md.startswith(
        f"{markdown.MARKER}\n\n**aap-advise**: 5 projects: 1 impossible, 1 to split, "
        "1 to upgrade, 1 ok, 1 without ddtrace\n\n| Project | ddtrace now | After | Status |\n"
    )
    assert md.count("<!--") == 1
    assert "| fixtures/demo | 2.3.0 | 4.6.0 | ⬆️ upgrade |" in md
    assert f"| {markdown.escape(NO_DDTRACE)} | — | — | ➖ no ddtrace |" in md
    headings = re.findall(r"^### (.*)$", md, re.MULTILINE)
    assert headings == [markdown.escape(p.root) for p in run.projects]
    assert md.count("<sub>Release data") == 1 and md.rstrip().endswith("</sub>")
    # Folded per planned project: its capabilities, its notes (each has some), its "why".
    assert md.count("<summary>Why this answer</summary>") == len(run.planned)
    assert md.count("<summary>Capabilities now: ") == len(run.planned)
    assert md.count("<details>") == md.count("</details>") == 3 * len(run.planned)
    section = md.split(f"### {markdown.escape(NO_DDTRACE)}\n\n", 1)[1]
    assert section.startswith(
        "**aap-advise**: does not use ddtrace; nothing to advise\n\n- Files read: "
    )
    assert "**Warnings**" in section
    for block in md.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        assert len({_cells(r) for r in rows}) <= 1, block[:300]


def _grown(p: ProjectAdvice, case: str, root: str) -> ProjectAdvice:
    assert p.advice is not None
    return dataclasses.replace(of(root, HUGE[case](p.advice)), root=root)


def test_a_big_run_stays_within_one_comment(tmp_path: Path) -> None:
    """Every hostile size at once, in projects of one run: one comment, one marker, in budget;
    the small project is shown whole and the others cut, each with a note."""
    demo = planned("fixtures/demo", tmp_path)
    big = [_grown(demo, case, f"big/{i}") for i, case in enumerate(sorted(HUGE))]
    small = planned("fixtures/split-py38", tmp_path)
    report = report_of(*big, small, without_ddtrace())
    md = markdown.render(report)
    assert len(md) < 65_536 and len(md.encode()) <= markdown.MAX_BYTES, len(md.encode())
    assert md.startswith(markdown.MARKER) and md.count("<!--") == 1
    assert md.rstrip().endswith("</sub>")
    # The small project's section is there in full, as it would be alone (less the footer).
    assert small.advice is not None
    alone = markdown.render_advice(small.advice).removeprefix(f"{markdown.MARKER}\n\n")
    whole = alone[: alone.index("<sub>Release data")]
    assert f"### fixtures/split-py38\n\n{whole}" in md
    assert "Report truncated" in md and "the JSON report" in md
    for block in md.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        assert len({_cells(r) for r in rows}) <= 1, block[:300]


def test_many_projects_share_the_budget(tmp_path: Path) -> None:
    """More projects than sections fit: every project has its overview row until half the
    comment, each section shown is whole or cut with a note, and those left out are counted."""
    demo = planned("fixtures/demo", tmp_path)
    assert demo.advice is not None
    projects = [of(f"services/{i:03}-" + "n" * 200, demo.advice) for i in range(400)]
    report = report_of(*projects)
    md = markdown.render(report)
    assert len(md.encode()) <= markdown.MAX_BYTES
    rows = re.findall(r"^\| services/\d{3}-n+ \| 2\.3\.0 \| 4\.6\.0 \| ⬆️ upgrade \|$", md, re.M)
    listed = len(rows)
    assert 0 < listed < 400
    assert f"_{400 - listed} more projects are not listed (comment size limit)" in md
    # The first projects get a section each, the verdict at least; the others are counted.
    headings = re.findall(r"^### (.*)$", md, re.MULTILINE)
    assert 0 < len(headings) < 400
    assert headings == [markdown.escape(p.root) for p in projects[: len(headings)]]
    assert f"_{400 - len(headings)} project sections are not shown (comment size limit)" in md
    assert md.count("**aap-advise**: upgrade ddtrace 2.3.0 -&gt; 4.6.0") == len(headings)
    assert md.count("<!--") == 1 and md.rstrip().endswith("</sub>")


# SARIF ------------------------------------------------------------------------------------------


def test_sarif_one_run_every_project(run: Report) -> None:
    doc = sarif.to_dict(run)
    validate_sarif(doc)
    (one,) = doc["runs"]
    assert one["properties"]["status"] == "impossible"
    assert one["properties"]["projects"] == [
        {"root": "fixtures/demo", "current": "2.3.0", "target": "4.6.0", "status": "upgrade"},
        {"root": "fixtures/config/own-file", "current": "2.3.0", "target": "2.3.0", "status": "ok"},
        {
            "root": "fixtures/split-py38",
            "current": text.current(run.projects[2]),
            "target": text.target(run.projects[2]),
            "status": "split",
        },
        {
            "root": "fixtures/formats/pipfile-and-lock",
            "current": text.current(run.projects[3]),
            "target": "no release",
            "status": "impossible",
        },
        {"root": NO_DDTRACE, "current": None, "target": None, "status": "no-ddtrace"},
    ]
    results = one["results"]
    # Each project has results (the ok one its findings only), in the report's order.
    projects = [r["properties"]["project"] for r in results]
    assert list(dict.fromkeys(projects)) == [p.root for p in run.projects]
    for r in results:
        assert r["message"]["text"].startswith(r["properties"]["project"] + ": ")
    rule_ids = [r["id"] for r in one["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids)) and {r["ruleId"] for r in results} <= set(rule_ids)
    upgrades = [r for r in results if r["ruleId"] == sarif.UPGRADE_RULE]
    assert [r["properties"]["project"] for r in upgrades] == [
        "fixtures/demo",
        "fixtures/split-py38",
        "fixtures/formats/pipfile-and-lock",
    ]
    dynamic = [r for r in results if r["properties"]["project"] == NO_DDTRACE]
    assert dynamic and all(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == f"{NO_DDTRACE}/pyproject.toml"
        for r in dynamic
    )
    prints = [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results]
    assert len(prints) == len(set(prints))


def test_sarif_alerts_keep_their_identity_when_a_project_is_added(run: Report) -> None:
    first = run.projects[0]
    assert first.advice is not None
    alone = sarif.to_dict(Report.of(first.advice))["runs"][0]["results"]
    among = [
        r
        for r in sarif.to_dict(run)["runs"][0]["results"]
        if r["properties"]["project"] == first.root
    ]
    key = sarif.FINGERPRINT_KEY
    assert [r["partialFingerprints"][key] for r in among] == [
        r["partialFingerprints"][key] for r in alone
    ]
    assert [r["message"]["text"] for r in among] == [
        f"{first.root}: {r['message']['text']}" for r in alone
    ]


# Hostile folder names ---------------------------------------------------------------------------

HOSTILE_ROOTS = {
    "escape sequence": "evil\x1b]8;;https://x.example\x07link\x1b[2J\u202etxt",
    "markdown": "a|b`code`<details><summary>x</summary>**b** [l](javascript:x) @octocat #1\n# h",
    "10 kB": "d" * 5_000 + "/" + "e" * 5_000,
}


@pytest.mark.parametrize("case", sorted(HOSTILE_ROOTS))
def test_hostile_roots_are_escaped_everywhere(run: Report, case: str) -> None:
    root = HOSTILE_ROOTS[case]
    projects = (
        dataclasses.replace(run.projects[0], root=root),
        dataclasses.replace(run.projects[-1], root=root + "/tests"),
    )
    report = dataclasses.replace(run, projects=projects)

    out = text.render(report)
    assert not RAW_CONTROL.search(out)
    shown = repr(root)[1:-1]
    assert f"== {shown} ==" in out and f"  {shown}   " in out

    md = markdown.render(report)
    assert len(md.encode()) <= markdown.MAX_BYTES and md.count("<!--") == 1
    assert not RAW_CONTROL.search(md)
    assert set(re.findall(r"</?([a-z]+)", md)) <= {"details", "summary", "sub"}
    # The planned project's own folded capabilities, notes and "why"; nothing planted.
    assert md.count("<details>") == md.count("<summary>") == md.count("</details>") == 3
    assert not re.search(r"(?<!\\)[\[\]`]", md) and "@octocat" not in md
    headings = re.findall(r"^#+ .*$", md, re.MULTILINE)
    assert headings == [f"### {markdown.escape(root)}", f"### {markdown.escape(root + '/tests')}"]
    assert all(len(h) < 3_000 for h in headings)  # a 10 kB name is cut in the middle
    for block in md.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        assert len({_cells(r) for r in rows}) <= 1, block[:300]

    for doc_text in (sarif.render(report), json_report.render(report)):
        assert not RAW_CONTROL.search(doc_text)
    results = json.loads(sarif.render(report))["runs"][0]["results"]
    assert {r["properties"]["project"] for r in results} == {root, root + "/tests"}
    assert all(r["message"]["text"].startswith(r["properties"]["project"] + ": ") for r in results)
    assert [p["root"] for p in json.loads(json_report.render(report))["projects"]] == [
        root,
        root + "/tests",
    ]
