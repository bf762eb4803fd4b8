"""The text report of issue 17: short by default, ``-v`` for the rest, ``-q`` for the verdict;
one word per concept; colour and symbols only where a terminal (or ``FORCE_COLOR``) wants them;
why the target and not an older release.

The reports themselves are golden files (``tests/test_render_golden.py``); these tests pin the
rules the golden files only show.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.specifiers import Specifier
from packaging.version import Version

from advisor.frontends.cli import main, text_style
from advisor.knowledge.releases import load_snapshot
from advisor.model.advice import AdviceRequest, Report, Skipped, Upgrade
from advisor.pipeline import Settings, advise
from advisor.plan import why
from advisor.plan.serve import Server
from advisor.render import text
from tests.test_render_golden import CASES, GOLDEN, RAW_CONTROL, ROOT, TODAY, build

DEMO = "fixtures/demo/requirements.txt"
ARGS = ["--offline", "--no-cache", "--today", TODAY.isoformat()]
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(ROOT)
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    yield


class _Terminal(io.StringIO):
    """Standard output as a terminal sees it."""

    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def _run(monkeypatch: pytest.MonkeyPatch, *args: str, tty: bool = False) -> tuple[int, str]:
    out = _Terminal() if tty else io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    status = main([DEMO, *ARGS, *args])
    return status, out.getvalue()


# Short by default -----------------------------------------------------------------------------


def test_demo_default_report_is_at_most_20_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    status, out = _run(monkeypatch)
    lines = out.splitlines()
    assert status == 1 and len(lines) <= 20, out
    assert lines[0] == "aap-advise: upgrade ddtrace 2.3.0 -> 4.6.0"
    assert re.search(r"^  ddtrace +2\.3\.0 +4\.6\.0 +fixtures/demo/requirements\.txt:5$", out, re.M)
    assert "set DD_IAST_ENABLED=true" in out  # what to set
    assert "CPython 3.15 left out" in out  # a warning
    for detail in ("keep it", "Notes:", "Smallest release", "Release data", "Capabilities ("):
        assert detail not in out, detail  # under -v only


def test_verbose_adds_the_details_and_quiet_keeps_the_verdict(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, default = _run(monkeypatch)
    _, verbose = _run(monkeypatch, "-v")
    _, quiet = _run(monkeypatch, "--quiet")
    assert quiet == default.splitlines()[0] + "\n"
    for detail in ("Notes:", "keep it", "Why 4.6.0:", "floor 4.6.0", "Release data:"):
        assert detail in verbose, detail
    assert "More with -v" in default and "More with -v" not in verbose


def test_verbose_and_quiet_together_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main([DEMO, *ARGS, "-v", "-q"])
    assert stop.value.code == 2


# One word per concept -------------------------------------------------------------------------


def test_one_word_per_concept_in_every_text_golden() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in GOLDEN.glob("*.txt")}
    assert len(texts) >= 3 * len(CASES)
    for name, body in texts.items():
        for retired in ("(absent)", "(no version)", "version unknown", "needs-upgrade"):
            assert retired not in body, (name, retired)
    assert "ddtrace:    pinned 2.3.0  [" in texts["demo-verbose.txt"]
    assert "ddtrace  any version  4.6.0" in texts["hostile.txt"]


def test_no_per_cpython_line_for_a_capability_that_cannot_run(tmp_path: Path) -> None:
    advice = build("demo-impossible", tmp_path)
    assert all(c.status == "unavailable" for c in advice.capabilities)
    verbose = text.render_with(Report.of(advice), text.TextOptions("verbose"))
    assert "smallest release per CPython" not in verbose.lower()


# Colour and symbols ---------------------------------------------------------------------------


def test_no_colour_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out = _run(monkeypatch)
    assert "\x1b" not in out and "✓" not in out and "!" not in out.splitlines()[0]


def test_a_terminal_gets_colour_and_symbols(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out = _run(monkeypatch, "-v", tty=True)
    first = out.splitlines()[0]
    assert first == "\x1b[1;33m! aap-advise: upgrade ddtrace 2.3.0 -> 4.6.0\x1b[0m"
    assert "  \x1b[33m!\x1b[0m set DD_IAST_ENABLED=true" in out
    plain = SGR.sub("", out)
    assert not RAW_CONTROL.search(plain)  # only the style's own sequences
    assert re.search(r"^  ! HTTP Monitoring ", plain, re.M)


@pytest.mark.parametrize("value", ["1", "true", "0"])
def test_no_color_turns_colour_off_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("NO_COLOR", value)  # any non-empty value
    monkeypatch.setenv("FORCE_COLOR", "1")  # NO_COLOR wins
    _, out = _run(monkeypatch, tty=True)
    assert "\x1b" not in out
    assert out.startswith("! aap-advise: upgrade")  # symbols are not colour


def test_empty_no_color_is_not_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "")
    _, out = _run(monkeypatch, tty=True)
    assert out.startswith("\x1b[1;33m")


def test_force_color_colours_a_pipe_and_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out = _run(monkeypatch)
    assert out.startswith("\x1b[1;33m! aap-advise:")
    report = tmp_path / "report.txt"
    _run(monkeypatch, "-o", str(report))
    assert report.read_text(encoding="utf-8").startswith("\x1b[1;33m")


def test_a_file_gets_no_colour_even_from_a_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    report = tmp_path / "report.txt"
    _, out = _run(monkeypatch, "-o", str(report), tty=True)
    assert out == ""
    assert report.read_text(encoding="utf-8").startswith("aap-advise: upgrade")
    assert "\x1b" not in report.read_text(encoding="utf-8")


def test_dumb_terminal_and_other_formats_stay_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    _, out = _run(monkeypatch, tty=True)
    assert "\x1b" not in out and out.startswith("aap-advise:")
    monkeypatch.setenv("TERM", "xterm")
    _, out = _run(monkeypatch, "--format", "json", tty=True)
    assert "\x1b" not in out


def test_a_terminal_that_cannot_encode_the_symbols(monkeypatch: pytest.MonkeyPatch) -> None:
    class Latin1(_Terminal):
        encoding = "latin-1"

    monkeypatch.setattr("sys.stdout", Latin1())
    style = text_style(to_stdout=True)
    assert style == text.Style(colour=True, symbols=False)


# Why the target -------------------------------------------------------------------------------


def test_skipped_releases_are_runs_with_a_reason() -> None:
    snapshot = load_snapshot()
    server = Server(snapshot, (), {}, ("linux-x86_64",), excluded=(Specifier("!=3.12.0"),))
    runs = why.skipped(server, Version("3.12.0"), Version("3.13.0"), ["3.11"])
    assert runs == (
        Skipped("3.12.0", "3.12.0", 1, "excluded by the project (ddtrace!=3.12.0)"),
        Skipped("3.12.1", "3.12.4", 4, "yanked"),
    )
    # A release the resolution tried and that failed, and releases past the try limit.
    runs = why.skipped(server, Version("3.12.5"), Version("3.12.7"), ["3.11"], ["3.12.5", "3.12.7"])
    assert runs[0] == Skipped("3.12.5", "3.12.5", 1, why.NOT_INSTALLABLE)


def test_verbose_says_why_not_an_older_release(tmp_path: Path) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace>=2\n", encoding="utf-8")
    advice = advise(
        [str(req)],
        AdviceRequest(today=TODAY, capabilities=("iast",), python=">=3.9"),
        Settings(cache_dir=str(tmp_path / "cache")),
    )
    rec = advice.recommendation
    assert isinstance(rec, Upgrade) and rec.floor == "3.15.0" and rec.ddtrace != rec.floor
    verbose = text.render_with(Report.of(advice), text.TextOptions("verbose"))
    why_section = verbose.split(f"Why {rec.ddtrace}:\n", 1)[1].split("\n\n", 1)[0]
    passed = [line for line in why_section.splitlines() if line.startswith("  passed over ")]
    assert passed and len(passed) == len(rec.skipped)
    assert any("no wheel for CPython 3.14" in line for line in passed), passed
    assert "  not newer: " in why_section
    assert "passed over" not in text.render(Report.of(advice))  # -v only


@pytest.mark.parametrize(
    "texts",
    [
        ["aap-advise: 1 project", "", "  - a warning", "== svc =="],
        ["plain", "a\x1b[2Jb", "rtl\u202etxt", "two\nlines", "tab\there"],
    ],
)
def test_a_plain_report_is_written_as_each_line_styled_and_escaped(texts: list[str]) -> None:
    """The plain style's shortcut (one escape check of every line) writes what styling and
    escaping each line writes, with and without a character to escape."""
    from advisor.errors import printable

    kinds: list[text.LineKind] = ["verdict-upgrade", "plain", "warning", "heading", "dim"]
    lines = list(zip(kinds, texts, strict=False))
    style = text.Style()
    each = "\n".join(style.line(k, printable(t)) for k, t in lines) + "\n"
    assert text._finish(lines, style) == each
    assert "\x1b" not in each and "\u202e" not in each
