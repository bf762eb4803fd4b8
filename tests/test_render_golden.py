"""Text, Markdown and SARIF reports: golden files (text in its default, verbose and quiet
forms), escaping of hostile input, size cap, SARIF schema.

Regenerate the golden files with ``AAP_ADVISE_UPDATE_GOLDEN=1 python -m pytest
tests/test_render_golden.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from advisor.frontends.cli import main
from advisor.model.advice import (
    Advice,
    AdviceRequest,
    Blocker,
    CapabilityResult,
    Change,
    Impossible,
    Report,
    Split,
    Upgrade,
)
from advisor.model.project import Finding, SourceLocation
from advisor.pipeline import Settings, advise
from advisor.render import OutputFormat, markdown, renderer, sarif, text
from tests._helpers import project_json

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "render"
SCHEMA = json.loads(
    (ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
UPDATE = os.environ.get("AAP_ADVISE_UPDATE_GOLDEN") == "1"
TODAY = dt.date(2026, 11, 24)
DEMO = "fixtures/demo/requirements.txt"
HOSTILE = "fixtures/hostile/requirements.txt"

CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "demo": (DEMO, {}),
    "demo-ok": (DEMO, {"capabilities": ("http-monitoring",), "python": "3.11"}),
    "demo-split": (DEMO, {"capabilities": ("http-monitoring",), "python": ">=3.7,<3.15"}),
    "demo-impossible": (DEMO, {"capabilities": ("grpc",), "python": "3.11"}),
    "hostile": (HOSTILE, {}),
}


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Relative paths, as a workflow gives them, so reports do not depend on the checkout."""
    monkeypatch.chdir(ROOT)
    yield


def build(case: str, cache: Path) -> Advice:
    path, request = CASES[case]
    # An empty cache folder: what an earlier online run left behind must not change the answer.
    return advise([path], AdviceRequest(today=TODAY, **request), Settings(cache_dir=str(cache)))


def check_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.exists(), f"{golden} is missing; run with AAP_ADVISE_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def validate_sarif(doc: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator(
        SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, at_root: None, tmp_path: Path) -> None:
    advice = build(case, tmp_path)
    for verbosity, suffix in (("default", ""), ("verbose", "-verbose"), ("quiet", "-quiet")):
        options = text.TextOptions(verbosity)  # type: ignore[arg-type]
        check_golden(f"{case}{suffix}.txt", text.render_with(Report.of(advice), options))
    check_golden(f"{case}.md", markdown.render(Report.of(advice)))
    doc = sarif.render(Report.of(advice))
    check_golden(f"{case}.sarif", doc)
    validate_sarif(json.loads(doc))


def test_schema_is_valid_and_strict() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    doc: dict[str, Any] = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [{"message": {"text": "m"}, "level": "fatal"}],
            }
        ],
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
    doc["runs"][0]["results"][0] = {"message": {"text": "m"}, "colour": "red"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def _cells(row: str) -> int:
    """Cells in a table row, counting only the pipes Markdown would split on."""
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def test_hostile_file_reaches_markdown_escaped(at_root: None, tmp_path: Path) -> None:
    md = markdown.render(Report.of(build("hostile", tmp_path)))
    assert md.count("<!--") == 1 and md.startswith(markdown.MARKER)
    lowered = md.lower().removeprefix(markdown.MARKER)
    for raw in ("<script", "<b>", "<img", "-->", "@octocat", "#1"):
        assert raw not in lowered, raw
    # No link or image syntax at all: the renderer itself never writes one.
    assert not re.search(r"(?<!\\)[\[\]]", md)
    # The only HTML is the renderer's own.
    assert set(re.findall(r"</?([a-z]+)", md)) == {"details", "summary", "sub"}
    assert "javascript:alert(2)" in md  # still shown, as text
    tables = [line for line in md.splitlines() if line.startswith("|")]
    widths: list[int] = []
    for line in tables:
        if line.startswith("| ---") or line.startswith("|---"):
            continue
        widths.append(_cells(line))
    assert widths and all(w >= 2 for w in widths)
    for block in re.split(r"\n\n", md):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        assert len({_cells(r) for r in rows}) <= 1, block


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a | b", "a \\| b"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("<!-- -->", "&lt;!-- --&gt;"),
        ("*b* _i_ `c` ~s~ $m$ \\", "\\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\$m\\$ \\\\"),
        ("&lt;", "&amp;lt;"),
        ("# title", "\\# title"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("2.3.0", "2.3.0"),
        ("line\nbreak\r\ttab", "line break tab"),
        ("ping @octocat", "ping @&#8203;octocat"),
        ("fixes #12", "fixes #&#8203;12"),
        (
            "https://evil.example www.evil.example",
            "https:&#8203;//evil.example www&#8203;.evil.example",
        ),
        ("fixes GH-123, gh-7", "fixes GH-&#8203;123, gh-&#8203;7"),
        ("sigh-1 GH-x", "sigh-1 GH-x"),  # not a reference: left as it is
        # Escape sequences and bidi overrides shown as their codes ("\x1b" renders as \x1b).
        ("a\x1b[31mred\x07", r"a\\x1b\[31mred\\x07"),
        ("c1\x9b2J rtl\u202eexe\u2066", r"c1\\x9b2J rtl\\u202eexe\\u2066"),
        ("café — naïve 名前", "café — naïve 名前"),
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert markdown.escape(raw) == escaped


def test_long_findings_are_cut_with_a_note(at_root: None, tmp_path: Path) -> None:
    advice = build("demo", tmp_path)
    many = tuple(
        Finding("f", sev, f"{sev} {i} " + "x" * 300, SourceLocation("r.txt", i))
        for sev in ("error", "warning", "info")
        for i in range(200)
    )
    md = markdown.render(Report.of(dataclasses.replace(advice, findings=many)))
    assert len(md.encode()) <= markdown.MAX_BYTES
    shown = len(re.findall(r"^- [^\x00-\x7f]", md, re.MULTILINE))  # "- <icon> message"
    assert 0 < shown < 600
    assert f"{600 - shown} more findings are not shown" in md
    assert "error 0 " in md and "info 199 " not in md  # the most severe come first
    assert md.rstrip().endswith("</sub>") and "</details>" in md
    # A "why" section too long to leave room for findings is dropped before them.
    files = tuple(f"dir/{i:04}/" + "y" * 80 for i in range(400))
    crowded = dataclasses.replace(advice, files=files)
    md = markdown.render(Report.of(crowded))
    assert len(md.encode()) <= markdown.MAX_BYTES
    assert "Omitted: too long for a comment." in md and "Warnings" in md


def test_capability_table_now_and_after(at_root: None, tmp_path: Path) -> None:
    rows = {
        name: markdown.render(Report.of(build(name, tmp_path)))
        .split("| Capability |", 1)[1]
        .split("\n\n", 1)[0]
        for name in ("demo", "demo-split", "demo-impossible", "demo-ok")
    }
    assert "| API Security | 4.6.0 | ⬆️ needs an upgrade" in rows["demo"]
    assert (
        rows["demo"]
        .split("| API Security | 4.6.0 |", 1)[1]
        .split("\n", 1)[0]
        .endswith("| ✅ available |")
    )
    assert "Now (2.3.0) | After (2.19.0 / 3.16.0) |" in rows["demo-split"]
    assert (
        "After (no release)" in rows["demo-impossible"]
        and "| ⛔ unavailable" in rows["demo-impossible"]
    )
    assert "After (no change)" in rows["demo-ok"] and "⬆️" not in rows["demo-ok"]


def test_sarif_locations_and_fingerprints(at_root: None, tmp_path: Path) -> None:
    advice = build("demo", tmp_path)
    run = sarif.to_dict(Report.of(advice))["runs"][0]
    first = run["results"][0]
    assert first["ruleId"] == sarif.UPGRADE_RULE and first["level"] == "warning"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": DEMO, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 5},
    }
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids)) and rule_ids[0] == sarif.UPGRADE_RULE
    assert {r["ruleId"] for r in run["results"]} <= set(rule_ids)
    prints = [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in run["results"]]
    assert len(prints) == len(set(prints))
    assert prints == [
        r["partialFingerprints"][sarif.FINGERPRINT_KEY]
        for r in sarif.to_dict(Report.of(advice))["runs"][0]["results"]
    ]
    # A line moving (an edit above the pin) keeps every alert's identity.
    assert advice.ddtrace is not None
    pin = dataclasses.replace(advice.ddtrace, source=SourceLocation(DEMO, 9))
    moved = dataclasses.replace(advice, ddtrace=pin)
    assert prints == [
        r["partialFingerprints"][sarif.FINGERPRINT_KEY]
        for r in sarif.to_dict(Report.of(moved))["runs"][0]["results"]
    ]


def test_sarif_without_line_or_inside_root(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("flask==3.1.0\n", encoding="utf-8")
    advice = advise(
        [str(tmp_path / "requirements.txt")],
        AdviceRequest(today=TODAY),
        Settings(cache_dir=str(tmp_path / "cache")),
    )
    inside = sarif.to_dict(Report.of(advice), root=str(tmp_path))["runs"][0]["results"][0]
    assert inside["ruleId"] == sarif.UPGRADE_RULE and "add ddtrace" in inside["message"]["text"]
    assert inside["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "requirements.txt", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1},  # no line of its own: the file's first
    }
    outside = sarif.to_dict(Report.of(advice), root=str(ROOT))["runs"][0]["results"][0]
    assert outside["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": (tmp_path / "requirements.txt").as_uri()
    }
    validate_sarif(sarif.to_dict(Report.of(advice)))


def test_ok_has_no_upgrade_result(at_root: None, tmp_path: Path) -> None:
    run = sarif.to_dict(Report.of(build("demo-ok", tmp_path)))["runs"][0]
    assert sarif.UPGRADE_RULE not in {r["ruleId"] for r in run["results"]}
    assert run["properties"]["status"] == "ok"


def test_every_format_renders(at_root: None, tmp_path: Path) -> None:
    advice = build("demo", tmp_path)
    for fmt in OutputFormat:
        assert renderer(fmt)(Report.of(advice))


@pytest.mark.parametrize(("fmt", "start"), [("markdown", markdown.MARKER), ("sarif", "{")])
def test_cli_formats(
    fmt: str, start: str, at_root: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                DEMO,
                "--offline",
                "--cache-dir",
                str(tmp_path),
                "--today",
                "2026-11-24",
                "--format",
                fmt,
            ]
        )
        == 1
    )
    assert capsys.readouterr().out.startswith(start)


def test_sarif_rule_for_a_new_finding_id(at_root: None, tmp_path: Path) -> None:
    advice = build("demo", tmp_path)
    new = (Finding("brand-new-check", "error", "something new"), Finding("note-x", "info", "n"))
    run = sarif.to_dict(Report.of(dataclasses.replace(advice, findings=new)))["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["brand-new-check"]["shortDescription"]["text"] == "Brand new check"
    assert rules["brand-new-check"]["defaultConfiguration"]["level"] == "error"
    assert "note-x" not in rules  # a note is nothing to act on: neither result nor rule
    results = {r["ruleId"]: r for r in run["results"]}
    # No place of its own: the finding goes on the ddtrace line.
    assert results["brand-new-check"]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5
    }


# Size: the comment and job summary fit GitHub's limit whatever the input ----------------------

GITHUB_LIMIT = 65_536  # characters in a comment body


def _moving(a: Advice) -> Upgrade | Split:
    """The demo's verdict, which has a change set (every test here starts from an upgrade)."""
    rec = a.recommendation
    assert isinstance(rec, Upgrade | Split), rec
    return rec


def _huge_specifier(a: Advice) -> Advice:
    spec = ">=1.0," + ",".join(f"!=1.{i}.{j}" for i in range(100) for j in range(100))[:58_000]
    assert a.ddtrace is not None
    rec = _moving(a)
    changes = tuple(dataclasses.replace(c, from_specifier=spec) for c in rec.changes)
    return dataclasses.replace(
        a,
        ddtrace=dataclasses.replace(a.ddtrace, specifier=spec, current=None),
        recommendation=dataclasses.replace(rec, changes=changes),
    )


def _huge_file_name(a: Advice) -> Advice:
    name = "/".join(["d" * 250] * 16) + "/requirements.txt"  # as long as a path gets on Linux
    assert a.ddtrace is not None
    where = SourceLocation(name, 5)
    rec = _moving(a)
    changes = tuple(dataclasses.replace(c, source=where) for c in rec.changes)
    return dataclasses.replace(
        a,
        files=(name,) * 20,
        ddtrace=dataclasses.replace(a.ddtrace, source=where),
        recommendation=dataclasses.replace(rec, changes=changes),
    )


def _huge_line(a: Advice) -> Advice:
    line = "flask==3.1.0 # " + "<b>@x #1 " * 100_000
    found = Finding("unreadable-requirement", "error", f"cannot read {line!r}", None)
    return dataclasses.replace(a, findings=(found, *a.findings))


def _most_escaping(a: Advice) -> Advice:
    # The characters escaping makes longest: "&" is "&amp;", "@x" is "@&#8203;x".
    return _with_changes(a, 2_000, "&@x" * 400)


def _with_changes(a: Advice, n: int, text: str = "x") -> Advice:
    many = tuple(
        Change(f"pkg-{i}-{text}", text, text, text, text, SourceLocation(text, i), text, text)
        for i in range(n)
    )
    rec = _moving(a)
    return dataclasses.replace(
        a, recommendation=dataclasses.replace(rec, changes=rec.changes + many)
    )


def _many_blockers(a: Advice) -> Advice:
    blockers = tuple(
        Blocker(f"pkg{i}", ("ddtrace>=9", f"pkg{i}<1"), "x" * 200) for i in range(9_000)
    )
    rec = a.recommendation  # blockers come with an impossible verdict only
    return dataclasses.replace(
        a,
        recommendation=Impossible(rec.per_python, rec.floor, rec.floor_reasons, blockers=blockers),
    )


def _many_capabilities(a: Advice) -> Advice:
    more = tuple(
        CapabilityResult(f"c{i}", f"Capability {i} " + "y" * 100, "2.0.0", "2.0.0", "needs-upgrade")
        for i in range(9_000)
    )
    return dataclasses.replace(a, capabilities=a.capabilities + more)


HUGE = {
    "58 KB specifier": _huge_specifier,
    "4 KB file name, 20 times": _huge_file_name,
    "1 MB line quoted": _huge_line,
    "values escaping makes longest": _most_escaping,
    "20,000 changes": lambda a: _with_changes(a, 20_000),
    "9,000 blockers": _many_blockers,
    "9,000 capabilities": _many_capabilities,
}


@pytest.mark.parametrize("case", sorted(HUGE))
def test_report_fits_a_comment_whatever_the_input(case: str, at_root: None, tmp_path: Path) -> None:
    """The verdict, then the change set; what does not fit is left out with a note saying so."""
    advice = HUGE[case](build("demo", tmp_path))
    md = markdown.render(Report.of(advice))
    assert len(md) < GITHUB_LIMIT and len(md.encode()) <= markdown.MAX_BYTES, len(md)
    verdict, _rest = md.removeprefix(f"{markdown.MARKER}\n\n").split("\n\n", 1)
    assert verdict.startswith("**aap-advise**: ") and len(verdict) < 5_000
    assert md.rstrip().endswith("</sub>")
    rec = advice.recommendation  # the ddtrace change row, whatever else is cut:
    if isinstance(rec, Upgrade | Split) and rec.changes:
        assert re.search(r"^\| ddtrace \| ", md, re.MULTILINE), md[:2000]
    if "report truncated" in md.lower():
        assert "the JSON report" in md
    if case == "1 MB line quoted":  # the finding is shown, its quote cut in the middle
        assert re.search(r"^- ❌ cannot read .* \.\.\. .*$", md, re.MULTILINE)
    # Tables keep their shape: every row of a table has as many cells as its header.
    for block in md.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        assert len({_cells(r) for r in rows}) <= 1, block[:300]


def test_rows_past_the_limit_are_counted_in_a_note(at_root: None, tmp_path: Path) -> None:
    md = markdown.render(Report.of(_with_changes(build("demo", tmp_path), 20_000)))
    shown = len(re.findall(r"^\| pkg-\d+-x \|", md, re.MULTILINE))
    assert 0 < shown < 20_000
    capabilities = len(build("demo", tmp_path).capabilities)
    left_out = int(re.search(r"comment size limit: (\d+) table rows", md).group(1))  # type: ignore[union-attr]
    assert left_out == 20_000 - shown + capabilities  # the change set comes before capabilities
    assert "| pkg-0-x |" in md and md.index("**Change set**") < md.index("Report truncated")


# Control characters never reach a terminal raw ------------------------------------------------

RAW_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
NAMES = ["evil\x1b]8;;https:x.example\x07link\x1b]8;;\x07", "rtl\u202etxt.exe", "c1\x9b2J"]


@pytest.mark.parametrize("name", NAMES)
def test_text_report_and_error_lines_escape_control_characters(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / name
    folder.mkdir()
    good = folder / "requirements.txt"
    good.write_text("flask==3.1.0\nddtrace==2.3.0\n", encoding="utf-8")
    args = ["--offline", "--cache-dir", str(tmp_path / "cache"), "--today", "2026-11-24"]
    assert main([str(good), *args]) == 1
    out, err = capsys.readouterr()
    shown = repr(name)[1:-1]
    assert not RAW_CONTROL.search(out + err) and f"{shown}/requirements.txt" in out

    bad = folder / "constraints.txt"
    bad.write_text("flask==3.1.0\nddtrace=>2\n", encoding="utf-8")
    assert main([str(bad), *args]) == 2
    out, err = capsys.readouterr()
    assert not RAW_CONTROL.search(out + err)
    assert err.startswith(f"aap-advise: error: {tmp_path}/{shown}/constraints.txt:2: ")


def test_error_hints_escape_control_characters() -> None:
    from advisor.errors import ManifestError, printable

    err = ManifestError("m", file="a\x1bb", hint="re-run `pip-compile\x1b]0;x\x07 --upgrade`")
    assert err.hint == "re-run `pip-compile\\x1b]0;x\\x07 --upgrade`"
    assert err.render() == "a\\x1bb: m"
    assert printable("my app — café\u00a0名前") == "my app — café\u00a0名前"


def test_printable_passes_a_printable_text_over_without_its_pattern() -> None:
    """The shortcut is exact: no character the pattern escapes is printable, so a printable
    text holds none of them (and the pattern is not even compiled for one)."""
    import re

    from advisor import errors

    unsafe = re.compile(errors._UNSAFE)
    assert not [c for c in map(chr, range(0x110000)) if unsafe.match(c) and c.isprintable()]
    for sample in ["plain", "tab\there", "a\u2028b", "bidi\u202eevil", "del\x7f", "é名\u00a0"]:
        assert errors.printable(sample) == unsafe.sub(lambda m: repr(m.group())[1:-1], sample)


def test_text_report_keeps_ordinary_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "my app — café 名前"
    folder.mkdir()
    (folder / "requirements.txt").write_text("ddtrace==2.3.0\n", encoding="utf-8")
    main([str(folder / "requirements.txt"), "--offline", "--cache-dir", str(tmp_path / "c")])
    assert f"{folder}/requirements.txt" in capsys.readouterr().out


def test_sarif_writes_control_characters_as_json_escapes(at_root: None, tmp_path: Path) -> None:
    message = "cannot read 'rtl\u202etxt\x9b2J\x1b[0m — café'"
    found = Finding("unreadable-requirement", "error", message, SourceLocation(DEMO, 2))
    text = sarif.render(Report.of(dataclasses.replace(build("demo", tmp_path), findings=(found,))))
    assert not RAW_CONTROL.search(text) and "— café" in text  # letters stay as they are
    results = json.loads(text)["runs"][0]["results"]
    assert [r["message"]["text"] for r in results if r["ruleId"] == found.id] == [message]


def _framework_advice(tmp_path: Path, text: str) -> Advice:
    req = tmp_path / "requirements.txt"
    req.write_text(text, encoding="utf-8")
    return advise(
        [str(req)],
        AdviceRequest(today=TODAY, capabilities=("api-security",), python="3.11"),
        Settings(cache_dir=str(tmp_path / "cache")),
    )


def renderer_verbose(advice: Advice) -> str:
    return text.render_with(Report.of(advice), text.TextOptions("verbose"))


def test_framework_change_in_every_report(tmp_path: Path) -> None:
    """A framework below the target's range is shown as a by-hand move, apart from ddtrace."""
    advice = _framework_advice(tmp_path, "ddtrace==2.3.0\ndjango==1.11.29\npyramid==2.0\n")
    text = renderer(OutputFormat.TEXT)(Report.of(advice))
    assert text.startswith(
        "aap-advise: upgrade ddtrace 2.3.0 -> 4.6.0, and django 1.11.29 -> >=2.2.8 by hand\n"
    )
    assert re.search(
        r"^  django +1\.11\.29 +>=2\.2\.8 \(by hand\) +\S*requirements\.txt:2$", text, re.M
    ), text
    verbose = renderer_verbose(advice)
    assert "    (below what ddtrace 4.6.0 supports (django>=2.2.8))\n" in verbose
    assert "  pyramid 2.0: not documented for AAP" in verbose
    md = markdown.render(Report.of(advice))
    assert "| django | 1.11.29 | &gt;=2.2.8 (framework, by hand) | below what ddtrace" in md
    doc = sarif.to_dict(Report.of(advice), root=str(tmp_path))
    validate_sarif(doc)
    run = doc["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert sarif.UPGRADE_RULE in by_rule and "framework-undocumented" in by_rule
    framework = by_rule[sarif.FRAMEWORK_RULE]
    assert framework["message"]["text"].startswith("django 1.11.29 -> >=2.2.8 (framework, by hand)")
    assert framework["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    report = project_json(renderer(OutputFormat.JSON)(Report.of(advice)))
    assert [c["kind"] for c in report["recommendation"]["changes"]][-1] == "framework"
    assert {i["distribution"]: i["documented"] for i in report["integrations"]} == {
        "django": True,
        "pyramid": False,
    }


def test_framework_only_upgrade_reports(tmp_path: Path) -> None:
    advice = _framework_advice(tmp_path, "ddtrace==4.6.0\ndjango==1.11.29\n")
    assert isinstance(advice.recommendation, Upgrade)
    assert renderer(OutputFormat.TEXT)(Report.of(advice)).startswith(
        "aap-advise: upgrade django 1.11.29 -> >=2.2.8 by hand: ddtrace 4.6.0 already gives "
        "every requested capability"
    )
    doc = sarif.to_dict(Report.of(advice), root=str(tmp_path))
    validate_sarif(doc)
    rules = [r["ruleId"] for r in doc["runs"][0]["results"]]
    # ddtrace stays where it is: no ddtrace-upgrade result, one for the framework.
    assert sarif.UPGRADE_RULE not in rules and rules.count(sarif.FRAMEWORK_RULE) == 1
    assert doc["runs"][0]["properties"]["status"] == "upgrade"
    assert "After (4.6.0)" in markdown.render(Report.of(advice))
