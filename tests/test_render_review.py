"""What a reviewer sees: SARIF alerts to act on, each on a line, keyed by what they are about;
the Markdown comment with the verdict and the change set first and the rest folded away.

The golden files (``tests/golden/render``) show the whole documents; these tests pin the rules.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor.model.advice import Advice, Change, LockedVersion, Report, Upgrade
from advisor.model.project import Finding, SourceLocation
from advisor.render import markdown, sarif
from tests.test_render_golden import DEMO, HUGE, ROOT, build, validate_sarif


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Relative paths, as a workflow gives them, so reports do not depend on the checkout."""
    monkeypatch.chdir(ROOT)
    yield


@pytest.fixture
def demo(tmp_path: Path) -> Advice:
    return build("demo", tmp_path)


def results(advice: Advice) -> list[dict[str, Any]]:
    doc = sarif.to_dict(Report.of(advice))
    validate_sarif(doc)
    found: list[dict[str, Any]] = doc["runs"][0]["results"]
    return found


def prints(advice: Advice) -> dict[str, str]:
    """Each result's fingerprint, by rule and message (unique in the cases below)."""
    out = {}
    for r in results(advice):
        key = f"{r['ruleId']}: {r['message']['text']}"
        assert key not in out, key
        out[key] = r["partialFingerprints"][sarif.FINGERPRINT_KEY]
    return out


# SARIF: only what to act on, each on a line -------------------------------------------------------


@pytest.mark.parametrize("case", ["demo", "demo-ok", "demo-split", "hostile"])
def test_sarif_has_no_notes_and_every_result_is_on_a_line(case: str, tmp_path: Path) -> None:
    advice = build(case, tmp_path)
    assert any(f.severity == "info" for f in advice.findings)  # there were notes to leave out
    doc = sarif.to_dict(Report.of(advice))
    run = doc["runs"][0]
    assert {r["level"] for r in run["results"]} <= {"warning", "error"}
    assert {r["defaultConfiguration"]["level"] for r in run["tool"]["driver"]["rules"]} <= {
        "warning",
        "error",
    }
    assert "keep it" not in str(run["results"])  # "X is true by default; keep it"
    for r in run["results"]:
        (location,) = r["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        assert isinstance(physical["region"]["startLine"], int), r
        assert physical["region"]["startLine"] >= 1
    actionable = [f for f in advice.findings if f.severity != "info"]
    assert len([r for r in run["results"] if r["ruleId"] in {f.id for f in actionable}]) == len(
        actionable
    )


def test_a_result_goes_on_its_line_else_the_ddtrace_line_else_line_one(demo: Advice) -> None:
    found = (
        Finding("dynamic-dependencies", "warning", "dynamic", SourceLocation("pyproject.toml")),
        Finding("dynamic-file-missing", "error", "gone", SourceLocation("a.toml", key="x.y")),
        Finding("env-switch", "warning", "set DD_IAST_ENABLED=true"),
        Finding("integration-too-old", "warning", "flask is too old", SourceLocation(DEMO, 2)),
    )
    by_rule = {r["ruleId"]: r for r in results(dataclasses.replace(demo, findings=found))}
    places = {rule: r["locations"][0]["physicalLocation"] for rule, r in by_rule.items()}
    assert places["dynamic-dependencies"] == {
        "artifactLocation": {"uri": "pyproject.toml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1},
    }
    assert places["dynamic-file-missing"] == {
        "artifactLocation": {"uri": "a.toml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1},
    }
    assert places["env-switch"]["region"] == {"startLine": 5}  # ddtrace==2.3.0
    assert places["integration-too-old"]["region"] == {"startLine": 2}  # flask==3.1.0


# SARIF: fingerprints keyed by rule, file, subject and kind, never the wording --------------------


def _reworded(f: Finding) -> Finding:
    """``f`` said otherwise: every word changed but the identifiers it names."""
    names = re.findall(r"\bDD_[A-Z0-9_]+\b|\bCPython \d+\.\d+t?\b", f.message)
    return dataclasses.replace(f, message=f"Reworded ({f.severity}): {' '.join(names)}!")


def test_fingerprints_survive_a_rewording_a_new_target_and_a_moved_line(
    demo: Advice, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = list(prints(demo).values())
    # Every message changes: the verdict line and each finding.
    monkeypatch.setattr(sarif, "verdict", lambda advice: "the ddtrace release is too old")
    reworded = dataclasses.replace(demo, findings=tuple(_reworded(f) for f in demo.findings))
    after = prints(reworded)
    assert any(k.startswith("ddtrace-upgrade: the ddtrace release is too old") for k in after)
    assert list(after.values()) == before
    # A newer target (a new release in the data) and an edit above the pin change nothing.
    rec = demo.recommendation
    assert isinstance(rec, Upgrade) and demo.ddtrace is not None
    newer = dataclasses.replace(
        rec,
        ddtrace="4.7.0",
        changes=tuple(dataclasses.replace(c, to_version="4.7.0") for c in rec.changes),
    )
    moved = dataclasses.replace(
        reworded,
        recommendation=newer,
        ddtrace=dataclasses.replace(demo.ddtrace, source=SourceLocation(DEMO, 9)),
    )
    assert list(prints(moved).values()) == before


def by_line(advice: Advice) -> dict[tuple[str, int], str]:
    """Each result's fingerprint by rule and line (unique in the cases below)."""
    out = {}
    for r in results(advice):
        key = (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        assert key not in out, key
        out[key] = r["partialFingerprints"][sarif.FINGERPRINT_KEY]
    return out


def test_fingerprints_differ_by_subject_whatever_the_order(demo: Advice) -> None:
    # Two findings said alike, on two declarations of one file: keyed by the package on each
    # line, not by their order.
    flask = Finding("integration-too-old", "warning", "below the range", SourceLocation(DEMO, 2))
    psycopg = Finding("integration-too-old", "warning", "below the range", SourceLocation(DEMO, 4))
    one = by_line(dataclasses.replace(demo, findings=(flask, psycopg)))
    other = by_line(dataclasses.replace(demo, findings=(psycopg, flask)))
    assert one == other and len(set(one.values())) == len(one)
    alone = by_line(dataclasses.replace(demo, findings=(psycopg,)))
    assert alone[("integration-too-old", 4)] == one[("integration-too-old", 4)]
    # Environment switches and CPythons: keyed by the variable or the version they name.
    iast = Finding("env-switch", "warning", "set DD_IAST_ENABLED=true (for IAST)")
    sca = Finding("env-switch", "warning", "set DD_APPSEC_SCA_ENABLED=true (for SCA)")
    p15 = Finding("python-unserved", "warning", "CPython 3.15 left out: no release allows it")
    p16 = Finding("python-unserved", "warning", "CPython 3.16 left out: no release allows it")
    both = prints(dataclasses.replace(demo, findings=(iast, sca, p15, p16)))
    assert len(set(both.values())) == len(both)
    fewer = prints(dataclasses.replace(demo, findings=(sca, p16)))
    for f in (sca, p16):
        assert fewer[f"{f.id}: {f.message}"] == both[f"{f.id}: {f.message}"]


def test_framework_alerts_are_keyed_by_package(demo: Advice) -> None:
    rec = demo.recommendation
    assert isinstance(rec, Upgrade)
    django = Change(
        "django", "1.11.29", None, None, ">=2.2.8", SourceLocation(DEMO, 2), kind="framework"
    )
    flask = Change("flask", "1.0", None, None, ">=1.1.4", SourceLocation(DEMO, 2), kind="framework")

    def framework_prints(*changes: Change) -> dict[str, str]:
        advice = dataclasses.replace(
            demo, recommendation=dataclasses.replace(rec, changes=rec.changes + changes)
        )
        return {
            r["message"]["text"].split()[0]: r["partialFingerprints"][sarif.FINGERPRINT_KEY]
            for r in results(advice)
            if r["ruleId"] == sarif.FRAMEWORK_RULE
        }

    both = framework_prints(django, flask)
    assert both["django"] != both["flask"]
    reasoned = dataclasses.replace(django, reason="a new reason", to_specifier=">=3.0")
    assert framework_prints(flask, reasoned) == both


def test_an_impossible_verdict_is_another_alert(tmp_path: Path) -> None:
    def upgrade_print(case: str) -> str:
        (r,) = [r for r in results(build(case, tmp_path)) if r["ruleId"] == sarif.UPGRADE_RULE]
        return str(r["partialFingerprints"][sarif.FINGERPRINT_KEY])

    assert upgrade_print("demo") != upgrade_print("demo-impossible")


# Markdown: the verdict and the change set first, the rest folded ---------------------------------


def _at(md: str, *parts: str) -> list[int]:
    """Where each of ``parts`` first appears in ``md`` (each must)."""
    for part in parts:
        assert part in md, part
    return [md.index(part) for part in parts]


def test_comment_reads_verdict_changes_warnings_then_folded_details(demo: Advice) -> None:
    md = markdown.render(Report.of(demo))
    verdict, changes, env, warnings, capabilities, notes, why, footer = _at(
        md,
        "**aap-advise**: upgrade ddtrace 2.3.0",
        "**Change set**",
        "**Environment variables**",
        "**Warnings**",
        "<details>\n<summary>Capabilities now: 7 need an upgrade; after: 7 available</summary>",
        "<details>\n<summary>Notes (9)</summary>",
        "<details>\n<summary>Why this answer</summary>",
        "<sub>Release data",
    )
    # What to set is its own section, as in the text report (it was among the warnings).
    assert verdict < changes < env < warnings < capabilities < notes < why < footer
    # Outside the <details> blocks: the verdict, the change set and what to act on, only.
    shown = re.sub(r"<details>.*?</details>\n\n", "", md, flags=re.DOTALL)
    assert "| Capability |" not in shown and "📝" not in shown and "Files read" not in shown
    assert "| ddtrace | 2.3.0 | 4.6.0 |" in shown and "⚙️ set DD\\_IAST\\_ENABLED=true" in shown
    assert md.count("<details>") == md.count("</details>") == 3


def test_comment_without_changes_or_notes(tmp_path: Path) -> None:
    md = markdown.render(Report.of(build("demo-impossible", tmp_path)))
    assert "**Change set**" not in md and "<summary>Notes" not in md
    _, warnings, capabilities = _at(
        md, "**aap-advise**: ", "**Warnings**", "<summary>Capabilities now: 1 unavailable</summary>"
    )
    assert warnings < capabilities


def test_a_cut_comment_keeps_its_folds_closed(demo: Advice) -> None:
    """Thousands of capabilities: the change set first, then as many capability rows as fit,
    still folded; every <details> is closed."""
    md = markdown.render(Report.of(HUGE["9,000 capabilities"](demo)))
    assert len(md.encode()) <= markdown.MAX_BYTES and "Report truncated" in md
    changes, capabilities, rows = _at(
        md, "**Change set**", "<details>\n<summary>Capabilities now: ", "| Capability 0 "
    )
    assert changes < capabilities < rows < md.index("</details>") < md.index("Report truncated")
    assert md.count("<details>") == md.count("</details>") == 1


# Markdown: one word per concept ------------------------------------------------------------------


def _with_ddtrace(demo: Advice, **state: Any) -> str:
    assert demo.ddtrace is not None
    d = dataclasses.replace(demo.ddtrace, **state)
    return markdown.render(Report.of(dataclasses.replace(demo, ddtrace=d)))


def test_ddtrace_is_pinned_locked_declared_or_any_version(demo: Advice) -> None:
    assert demo.ddtrace is not None
    lock = SourceLocation("uv.lock", 40)
    cases: dict[str, tuple[dict[str, Any], str, str]] = {
        "pinned": (
            {},
            "Now (2.3.0)",
            "- ddtrace: pinned 2.3.0 (fixtures/demo/requirements.txt:5)\n",
        ),
        "locked": (
            {"specifier": ">=2", "locked": (LockedVersion("2.3.0", None, lock),)},
            "Now (2.3.0)",
            "- ddtrace: declared &gt;=2, locked 2.3.0 (fixtures/demo/requirements.txt:5)\n",
        ),
        "declared": (
            {"current": None, "specifier": ">=2,<3"},
            "Now (&gt;=2,&lt;3)",
            "- ddtrace: declared &gt;=2,&lt;3 (",
        ),
        "unpinned": (
            {"current": None, "specifier": ""},
            "Now (any version)",
            "- ddtrace: any version (",
        ),
    }
    for case, (state, now, why) in cases.items():
        md = _with_ddtrace(demo, **state)
        assert now in md and why in md, case
        for other in ("version unknown", "(absent)", "(no version)", "needs upgrade", "\\=="):
            assert other not in md, (case, other)


def test_changes_from_any_version_or_not_declared(demo: Advice) -> None:
    rec = demo.recommendation
    assert isinstance(rec, Upgrade)
    added = Change("envier", None, "0.6.1", None, "==0.6.1")
    loose = Change("flask", None, "3.1.1", "", ">=3.1.1", SourceLocation(DEMO, 2))
    md = markdown.render(
        Report.of(
            dataclasses.replace(
                demo, recommendation=dataclasses.replace(rec, changes=(*rec.changes, added, loose))
            )
        )
    )
    assert "| envier | not declared | \\==0.6.1 |" in md
    assert "| flask | any version | &gt;=3.1.1 |" in md
    assert "(absent)" not in md


# Markdown: a link to the run ---------------------------------------------------------------------

RUN = "https://github.com/octo/app/actions/runs/123"


def test_footer_links_the_run_when_known(demo: Advice, tmp_path: Path) -> None:
    assert markdown.run_url("https://github.com", "octo/app", "123") == RUN
    assert markdown.run_url("https://ghe.example/", "octo/app", "9") == (
        "https://ghe.example/octo/app/actions/runs/9"
    )
    for bad in (
        (None, "octo/app", "123"),
        ("https://github.com", "", "123"),
        ("https://github.com", "octo/app", ""),
        ("https://github.com", "octo/app", "12x"),
        ("https://github.com", "octo/app)[x](javascript:alert(1)", "1"),
        ("https://github.com", "octo/app/extra", "1"),
        ("javascript:alert(1)//", "octo/app", "1"),
        ("https://github.com evil", "octo/app", "1"),
    ):
        assert markdown.run_url(*bad) is None, bad

    md = markdown.render(Report.of(demo), RUN)
    assert md.rstrip().endswith(f"[Workflow run]({RUN}).</sub>")
    assert md.count("](") == 1  # the only link
    # A value that is not a plain address is left out, whoever passes it.
    for hostile in ("https://x.example/a)(b", "javascript:alert(1)", "https://x.example/a b"):
        assert "Workflow run" not in markdown.render(Report.of(demo), hostile)
    assert "Workflow run" not in markdown.render(Report.of(demo))

    # A run of several projects: once, in the one footer.
    other = dataclasses.replace(Report.of(demo).projects[0], root="services/web")
    several = Report((Report.of(demo).projects[0], other), demo.snapshot_date, demo.today)
    assert markdown.render(several, RUN).count(f"[Workflow run]({RUN})") == 1


def test_the_action_links_its_run(
    demo: Advice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor.frontends import github_action
    from advisor.pipeline import Run

    monkeypatch.setattr(github_action, "_advise", lambda inputs: Run(Report.of(demo), ()))
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_EVENT_NAME": "push",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "octo/app",
        "GITHUB_RUN_ID": "123",
        "INPUT_FAIL_ON": "never",
    }
    assert github_action.run(env) == 0
    assert summary.read_text(encoding="utf-8") == markdown.render(Report.of(demo), RUN)
    summary.write_text("", encoding="utf-8")
    del env["GITHUB_RUN_ID"]
    assert github_action.run(env) == 0
    assert "Workflow run" not in summary.read_text(encoding="utf-8")


def test_a_fingerprint_in_a_pep_621_list_keeps_when_an_entry_is_added_above(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An alert on django in ``project.dependencies`` keeps its key when requests is added
    first (the key's list index was part of it: every alert below re-keyed)."""
    from advisor.frontends.cli import main

    def prints(deps: str) -> dict[str, str]:
        (tmp_path / "pyproject.toml").write_text(
            f'[project]\nname = "app"\nversion = "1"\ndependencies = [{deps}]\n'
        )
        main([str(tmp_path), "--offline", "--no-cache", "--format", "sarif"])
        doc = json.loads(capsys.readouterr().out)
        return {
            r["ruleId"] + ":" + r["message"]["text"][:40]: next(
                iter(r["partialFingerprints"].values())
            )
            for r in doc["runs"][0]["results"]
            if "django" in r["message"]["text"].lower()
        }

    before = prints('"flask==2.0.0", "ddtrace==2.3.0", "django==2.2"')
    after = prints('"requests==2.0", "flask==2.0.0", "ddtrace==2.3.0", "django==2.2"')
    assert before and before == after
