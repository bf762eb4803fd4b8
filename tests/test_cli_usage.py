"""The command line as typed by people (issue 17): did-you-mean hints for mistyped capability
ids, platforms, formats, commands and options; ``aap-advise help``; platform aliases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.frontends.cli import main
from tests._helpers import ROOT, only_project, run_cli

DEMO = str(ROOT / "fixtures" / "demo" / "requirements.txt")
DAY = ["--offline", "--no-cache", "--today", "2026-11-24"]


def _main(argv: list[str]) -> int:
    """:func:`main`'s status, argparse's own exits (SystemExit) included."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(str(exc.code))


@pytest.mark.parametrize(
    ("argv", "error", "hint"),
    [
        (
            [DEMO, *DAY, "-c", "api-secuirty"],
            "aap-advise: error: unknown capability 'api-secuirty'; valid: http-monitoring, ",
            "did you mean 'api-security'?",
        ),
        (  # an alias is suggested as it is: it works as typed
            [DEMO, *DAY, "-c", "rsap"],
            "aap-advise: error: unknown capability 'rsap'",
            "did you mean 'rasp'?",
        ),
        (  # an alias close to it is suggested as its id
            [DEMO, *DAY, "--platform", "linux-amd46"],
            "aap-advise: error: argument --platform: invalid choice: 'linux-amd46'",
            "did you mean 'linux-x86_64'?",
        ),
        (
            [DEMO, *DAY, "--platform", "macos"],
            "aap-advise: error: argument --platform: invalid choice: 'macos'",
            "did you mean 'macos-x86_64' or 'macos-arm64'?",
        ),
        (
            [DEMO, *DAY, "--format", "jsn"],
            "aap-advise: error: argument --format: invalid choice: 'jsn'",
            "did you mean 'json'?",
        ),
        (
            ["capabilites"],
            "aap-advise: error: 'capabilites' is not a command, nor a file",
            "did you mean 'capabilities'?",
        ),
        (
            ["kb", "refersh"],
            "aap-advise: error: argument COMMAND: invalid choice: 'refersh'",
            "did you mean 'refresh'?",
        ),
        (
            ["capabilities", "--format", "jsno"],
            "aap-advise: error: argument --format: invalid choice: 'jsno'",
            "did you mean 'json'?",
        ),
        (
            [DEMO, *DAY, "--formt", "json"],
            "aap-advise: error: unrecognized arguments: --formt",
            "did you mean '--format'?",
        ),
        (
            [DEMO, *DAY, "--capabilty=iast"],
            "aap-advise: error: unrecognized arguments: --capabilty=iast",
            "did you mean '--capability'?",
        ),
        (
            ["help", "capabilites"],
            "aap-advise: error: no help on 'capabilites': the commands are",
            "did you mean 'capabilities'?",
        ),
    ],
)
def test_a_mistyped_name_is_one_error_line_and_a_hint(
    argv: list[str], error: str, hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert err.splitlines()[0].startswith(error), err
    assert err.splitlines()[1:] == [f"hint: {hint}"]


def test_no_hint_where_nothing_is_close(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A name like none of the valid ones stays one line (no wild guess), and a missing file
    named like a command is still a missing file."""
    from advisor.model.suggest import did_you_mean

    assert did_you_mean("zzz", ["capabilities", "help", "kb"]) is None
    assert _main([DEMO, *DAY, "-c", "teleport"]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
    missing = tmp_path / "capabilities.txt"
    assert _main([str(missing), *DAY]) == 2
    assert capsys.readouterr().err == f"aap-advise: error: {missing}: no such file\n"


def test_a_mistyped_capability_is_told_before_any_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As uv checks its arguments first: not "no dependency files found" in an empty folder."""
    assert _main([str(tmp_path), *DAY, "-c", "api-secuirty"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "aap-advise: error: unknown capability 'api-secuirty'; valid: http-monitoring, "
        "grpc-monitoring, graphql-monitoring, exploit-prevention, api-security, "
        "account-takeover-protection, runtime-activation, sca, iast",
        "hint: did you mean 'api-security'?",
    ]


def test_a_real_process_shows_the_hint() -> None:
    proc = run_cli("capabilites")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        "aap-advise: error: 'capabilites' is not a command, nor a file",
        "hint: did you mean 'capabilities'?",
    ]


def _pyproject(tmp_path: Path, table: str) -> Path:
    (tmp_path / ".git").mkdir()
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "svc"\nversion = "1"\ndependencies = ["ddtrace==2.3.0"]\n\n'
        f"[tool.aap-advise]\n{table}\n",
        encoding="utf-8",
    )
    return pyproject


@pytest.mark.parametrize(
    ("table", "key", "hint"),
    [
        ('platforms = ["linux-amd46"]', "platforms[0]", "did you mean 'linux-x86_64'?"),
        ('capabilities = ["api-secuirty"]', "capabilities[0]", "did you mean 'api-security'?"),
        ('platfroms = ["linux-x86_64"]', "platfroms", "did you mean 'platforms'?"),
    ],
)
def test_the_configuration_gets_the_same_hints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str, key: str, hint: str
) -> None:
    pyproject = _pyproject(tmp_path, table)
    assert _main([str(tmp_path), *DAY]) == 2
    error, *hints = capsys.readouterr().err.splitlines()
    assert error.startswith(f"aap-advise: error: {pyproject}: tool.aap-advise.{key}: ")
    assert hints == [f"hint: {hint}"]


# --- help ------------------------------------------------------------------------------------


def test_help_is_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert _main(["help"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("usage: aap-advise ") and "exit status" in shown
    assert "aap-advise help [COMMAND]" in shown


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["help", "capabilities"], "usage: aap-advise capabilities "),
        (["help", "kb"], "usage: aap-advise kb "),
        (["help", "kb", "refresh"], "usage: aap-advise kb refresh "),
        (["help", "help"], "usage: aap-advise [-h]"),
    ],
)
def test_help_on_a_command(argv: list[str], usage: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _main(argv) == 0
    assert capsys.readouterr().out.startswith(usage)


def test_help_in_a_real_process() -> None:
    proc = run_cli("help")
    assert proc.returncode == 0 and proc.stdout == run_cli("--help").stdout


# --- platform aliases ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "platform"),
    [
        ("linux-arm64", "linux-aarch64"),
        ("linux-amd64", "linux-x86_64"),
        ("linux-x64", "linux-x86_64"),
        ("Linux_AMD64", "linux-x86_64"),
        ("manylinux-x86_64", "linux-x86_64"),
        ("musl-arm64", "musllinux-aarch64"),
        ("alpine-x86_64", "musllinux-x86_64"),
        ("macos-aarch64", "macos-arm64"),
        ("darwin-arm64", "macos-arm64"),
        ("osx-x86_64", "macos-x86_64"),
        ("darwin-amd64", "macos-x86_64"),
        ("win-amd64", "windows-amd64"),
        ("win64", "windows-amd64"),
        ("win32", "windows-x86"),
        ("windows-aarch64", "windows-arm64"),
        ("linux-i386", "linux-i686"),
        ("manylinux_2_17_aarch64", "linux-aarch64"),  # a wheel tag
        ("win_amd64", "windows-amd64"),
        ("macosx_11_0_arm64", "macos-arm64"),
    ],
)
def test_an_alias_names_its_platform(typed: str, platform: str) -> None:
    from advisor.model.platforms import user_platform

    assert user_platform(typed) == platform


@pytest.mark.parametrize("ambiguous", ["linux", "macos", "windows", "linux-x86", "x86_64", ""])
def test_an_ambiguous_name_is_no_platform(ambiguous: str) -> None:
    from advisor.model.platforms import user_platform

    assert user_platform(ambiguous) is None


def test_every_alias_names_a_user_platform() -> None:
    from advisor.model.platforms import PLATFORM_ALIASES, USER_PLATFORMS, platform_hint

    assert set(PLATFORM_ALIASES.values()) <= set(USER_PLATFORMS)
    assert not set(PLATFORM_ALIASES) & set(USER_PLATFORMS)
    assert platform_hint("linux-arm46") == "did you mean 'linux-aarch64'?"


def test_aliases_on_the_command_line_are_reported_as_their_ids(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = [DEMO, *DAY, "--format", "json", "-c", "http-monitoring"]
    aliases = ["--platform", "linux-arm64", "--platform", "macos-aarch64"]
    code = main([*argv, *aliases, "--platform", "win-amd64", "--platform", "linux-aarch64"])
    assert code in (0, 1)
    doc = only_project(json.loads(capsys.readouterr().out))
    # Reported as the ids, and an alias of a platform already named is that platform once.
    assert doc["platforms"] == ["linux-aarch64", "macos-arm64", "windows-amd64"]


def test_aliases_in_the_configuration_are_reported_as_their_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _pyproject(tmp_path, 'platforms = ["linux-amd64", "darwin-arm64"]')
    assert main([str(tmp_path), *DAY, "--format", "json"]) in (0, 1)
    doc = only_project(json.loads(capsys.readouterr().out))
    assert doc["platforms"] == ["linux-x86_64", "macos-arm64"]


def test_check_platforms_takes_aliases() -> None:
    from advisor.plan.scope import check_platforms

    assert check_platforms(["win64", "windows-amd64", "osx-arm64"]) == (
        "windows-amd64",
        "macos-arm64",
    )


def test_parsers_made_at_once_leave_argparse_its_own_words() -> None:
    """A parser is made with argparse's three words taken as written (no catalog search);
    parsers made by several threads at once leave argparse's own lookup in place after."""
    import argparse
    import sys
    import threading

    from advisor.frontends.args import _Parser, build_parser

    real = argparse._  # type: ignore[attr-defined]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can
    try:

        def work() -> None:
            for _ in range(1000):
                _Parser(prog="x")

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert argparse._ is real  # type: ignore[attr-defined]
    assert "options:" in build_parser().format_help()
