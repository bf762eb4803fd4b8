"""User mistakes and bad files, end to end through the command line.

Each ends in one line on stderr, ``aap-advise: error: path:line: message`` (or the key path
where there is no line) quoting the bad value, exit status 2, and no traceback (an optional
``hint:`` line may follow); ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.errors import AdvisorError
from advisor.frontends.cli import main
from advisor.manifests import _text
from tests._helpers import OFFLINE, run_cli

#: A limit small enough to test without writing megabytes (the real one is 16 MiB).
SMALL_LIMIT = 1024

Setup = Callable[[Path], list[str]]


def _file(name: str, data: bytes | str) -> Setup:
    def setup(work: Path) -> list[str]:
        path = work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return [str(path)]

    return setup


def _files(named: str, files: dict[str, str]) -> Setup:
    def setup(work: Path) -> list[str]:
        for name, text in files.items():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_text(text, encoding="utf-8")
        return [str(work / named)]

    return setup


def _empty_folder(work: Path) -> list[str]:
    (work / "empty").mkdir()
    (work / "empty" / "README.md").write_text("no manifests here\n")
    return [str(work / "empty")]


def _with(setup: Setup, *extra: str) -> Setup:
    return lambda work: [*setup(work), *extra]


REQ = _file("requirements.txt", "ddtrace==2.3.0\n")

#: id -> (files and arguments, the error line after "aap-advise: error: ", with {dir} for the
#: folder the files are in).
CASES: dict[str, tuple[Setup, str]] = {
    "invalid-toml": (
        _file("pyproject.toml", '[project]\ndependencies = ["ddtrace>=2"\nname=\n'),
        "{dir}/pyproject.toml:3: invalid TOML: unclosed array (column 1 of 'name=')",
    ),
    "invalid-toml-value": (
        _file("pyproject.toml", '[project]\nname = "x"\nrequires-python = >=3.9\n'),
        "{dir}/pyproject.toml:3: invalid TOML: invalid value (column 19 of 'requires-python = >=3.9')",
    ),
    "wrong-toml-type": (
        _file("pyproject.toml", '[project]\nname = "x"\ndependencies = "ddtrace"\n'),
        "{dir}/pyproject.toml: project.dependencies: must be an array of strings",
    ),
    "invalid-requirement": (
        _file("requirements.txt", "flask==3.1.0\nddtrace>>2\n"),
        (
            "{dir}/requirements.txt:2: invalid requirement 'ddtrace>>2': Expected semicolon "
            "(after name with no version specifier) or end"
        ),
    ),
    "unknown-option": (
        _file("requirements.txt", "--frobnicate yes\n"),
        "{dir}/requirements.txt:1: invalid requirement '--frobnicate yes': no such option: --frobnicate",
    ),
    "invalid-lock-version": (
        _file(
            "uv.lock",
            'version = 1\nrequires-python = ">=3.9"\n\n[[package]]\nname = "ddtrace"\n'
            'version = "==2"\nsource = { registry = "https://pypi.org/simple" }\n',
        ),
        "{dir}/uv.lock:5: ddtrace: invalid version '==2'",
    ),
    "missing-include": (
        _file("requirements.txt", "-r base.txt\n"),
        "{dir}/requirements.txt:1: -r base.txt: the included file does not exist",
    ),
    "cyclic-include": (
        _files("a.txt", {"a.txt": "flask\n-r b.txt\n", "b.txt": "-c a.txt\n"}),
        "{dir}/b.txt:1: include cycle: a.txt -> b.txt -> a.txt",
    ),
    "binary-file": (
        _file("requirements.txt", b"ddtrace==2.3.0\n\x00\x01\x02"),
        "{dir}/requirements.txt: binary file (NUL bytes), not a dependency file",
    ),
    "nul-in-utf16": (  # the NUL check on the first 8 KiB of bytes cannot see it
        _file("requirements.txt", "flask\n-e ./pkg\x00name\n".encode("utf-16")),
        "{dir}/requirements.txt:2: holds a NUL character, which no dependency file has",
    ),
    "nul-in-toml-escape": (  # a file name a TOML string spells with \u0000
        _file(
            "pyproject.toml",
            '[project]\nname = "x"\nversion = "1"\ndynamic = ["dependencies"]\n'
            '[tool.setuptools.dynamic]\ndependencies = { file = ["a\\u0000b.txt"] }\n',
        ),
        "{dir}/pyproject.toml: tool.setuptools.dynamic.dependencies: 'a\\x00b.txt': a file "
        "name cannot hold a NUL character",
    ),
    "undecodable": (
        _file("requirements.txt", b"flask\nddtrace==2.3.0  # caf\xe9\n"),
        "{dir}/requirements.txt:2: not valid UTF-8 (byte 0xe9)",
    ),
    "undecodable-after-bom": (  # the byte named is the bad one, not one of the BOM's
        _file("requirements.txt", b"\xef\xbb\xbfflask\n\xff\n"),
        "{dir}/requirements.txt:2: not valid UTF-8 (byte 0xff)",
    ),
    "truncated-utf16": (
        _file("requirements.txt", "ddtrace==2.0\n".encode("utf-16")[:-1]),
        "{dir}/requirements.txt: not valid UTF-16: truncated data",
    ),
    "missing-file": (
        lambda work: [str(work / "nope.txt")],
        "{dir}/nope.txt: no such file",
    ),
    "not-a-manifest": (
        _file("Makefile", "all:\n\tpython -m build\n"),
        "{dir}/Makefile: not a dependency file aap-advise can read",
    ),
    "folder-without-manifest": (
        _empty_folder,
        "{dir}/empty: no dependency files found in this folder",
    ),
    "over-size-limit": (
        _file("requirements.txt", "# padding\n" * 200),
        "{dir}/requirements.txt: file is 2000 bytes, over the 1024 bytes limit for dependency files",
    ),
    "include-over-size-limit": (
        _files("requirements.txt", {"requirements.txt": "-r big.txt\n", "big.txt": "#\n" * 600}),
        "{dir}/big.txt: file is 1200 bytes, over the 1024 bytes limit for dependency files",
    ),
    "unknown-capability": (
        _with(REQ, "-c", "teleport"),
        (
            "unknown capability 'teleport'; valid: http-monitoring, grpc-monitoring, "
            "graphql-monitoring, exploit-prevention, api-security, account-takeover-protection, "
            "runtime-activation, sca, iast"
        ),
    ),
    "invalid-python": (
        _with(REQ, "--python", "3.x"),
        "--python: not a version specifier: '3.x'",
    ),
    "python-admits-nothing": (
        _with(REQ, "--python", ">=4.0"),
        "--python '>=4.0' admits no released CPython",
    ),
    "output-in-missing-folder": (
        _with(REQ, "-o", "/nonexistent-aap/report.json"),
        "/nonexistent-aap/report.json: cannot write: No such file or directory",
    ),
    "constraints-into-a-folder": (
        lambda work: [*REQ(work), "--write-constraints", str(work)],
        "{dir}: cannot write: Is a directory",
    ),
}


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file read goes through ``_text.read_bytes``, which reads the limit at call time."""
    monkeypatch.setattr(_text, "MAX_FILE_BYTES", SMALL_LIMIT)


@pytest.mark.parametrize("case", CASES)
def test_one_line_exit_2_no_traceback(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], small_limit: None
) -> None:
    setup, want = CASES[case]
    argv = setup(tmp_path)
    assert main([*argv, *OFFLINE]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    first, *rest = captured.err.splitlines()
    assert first == "aap-advise: error: " + want.format(dir=tmp_path)
    assert all(line.startswith("hint: ") for line in rest), captured.err


@pytest.mark.parametrize("case", CASES)
def test_debug_raises_instead(case: str, tmp_path: Path, small_limit: None) -> None:
    setup, _ = CASES[case]
    with pytest.raises(AdvisorError):
        main([*setup(tmp_path), *OFFLINE, "--debug"])


@pytest.mark.parametrize(
    ("args", "want"),
    [
        (["--timeout", "0"], "argument --timeout: not a positive number of seconds: '0'"),
        (["--timeout", "nan"], "argument --timeout: not a positive number of seconds: 'nan'"),
        (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
        (["--today", "2026-13-01"], "argument --today: not a date (YYYY-MM-DD): '2026-13-01'"),
        (["--relock"], "--relock needs --fix"),
    ],
)
def test_bad_options_are_one_line(
    args: list[str], want: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # argparse's own errors leave through SystemExit (as in any argparse program).
    try:
        code = main([*REQ(tmp_path), "--offline", *args])
    except SystemExit as exc:
        code = int(str(exc.code))
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"aap-advise: error: {want}") and err.count("\n") == 1, err


def test_a_real_process_prints_one_line_and_debug_a_traceback(tmp_path: Path) -> None:
    (path,) = CASES["invalid-toml"][0](tmp_path)
    plain = run_cli(path, *OFFLINE)
    assert plain.returncode == 2 and plain.stdout == ""
    assert plain.stderr.splitlines() == [
        "aap-advise: error: " + CASES["invalid-toml"][1].format(dir=tmp_path)
    ]
    debug = run_cli(path, *OFFLINE, "--debug")
    assert debug.returncode != 0
    assert "Traceback" in debug.stderr and "ManifestError" in debug.stderr


def test_a_huge_bad_line_is_quoted_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "requirements.txt"
    path.write_text("ddtrace>>" + "9" * 100_000 + " trailing\n")
    assert main([str(path), *OFFLINE]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and len(err) < 700
    assert err.startswith(f"aap-advise: error: {path}:1: invalid requirement 'ddtrace>>999")


def test_a_file_name_with_a_line_break_stays_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "evil\nname"
    folder.mkdir()
    (folder / "requirements.txt").write_text("ddtrace>>2\n")
    assert main([str(folder / "requirements.txt"), *OFFLINE]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "evil\\nname/requirements.txt:1: invalid requirement" in err


def test_a_nul_past_the_first_8_kib_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The binary check reads the first 8 KiB of bytes; a NUL after them still ends the run
    at its line (it once reached the operating system in a path and came out as a reader
    failure)."""
    lines = ["flask==3.1.0"] * 1000 + ["-e ./pkg\x00name"]
    path = tmp_path / "requirements.txt"
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size > 8192
    assert main([str(path), *OFFLINE]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"aap-advise: error: {path}:1001: holds a NUL character, which no dependency file has\n"
    )


def test_a_device_that_never_ends_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], small_limit: None
) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    # Named directly it is binary; included it is "not a file": either way one line, no hang.
    assert main(["/dev/zero", *OFFLINE]) == 2
    assert capsys.readouterr().err.startswith("aap-advise: error: /dev/zero: binary file")
    req = tmp_path / "requirements.txt"
    req.write_text("-r /dev/zero\n")
    assert main([str(req), *OFFLINE, "--allow-outside"]) == 2
    assert "-r /dev/zero: the included file is not a file" in capsys.readouterr().err


def test_read_bytes_stops_at_the_limit_when_the_size_lies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_limit: None
) -> None:
    """A file that grows after it was measured (or reports size 0) is still cut off."""
    from advisor.errors import ManifestError

    path = tmp_path / "requirements.txt"
    path.write_text("#\n" * 1000)

    class Shrunk:
        st_size = 0

    monkeypatch.setattr(os, "fstat", lambda fd: Shrunk())
    with pytest.raises(ManifestError) as info:
        _text.read_bytes(path, "requirements.txt")
    assert info.value.render() == (
        "requirements.txt: file is over 1024 bytes, over the 1024 bytes limit for dependency files"
    )


def test_arbitrary_equality_is_read_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ddtrace=====2`` is ``=== "==2"``: legal PEP 440, pinning no comparable version."""
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace=====2\n")
    assert main([str(req), *OFFLINE]) == 1
    out, err = capsys.readouterr()
    assert "internal error" not in err
    assert out.startswith("aap-advise: raise ddtrace=====2 -> >=4.6.0")


def test_a_snapshot_of_an_older_schema_is_one_line_with_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "releases.json"
    old.write_text('{"schema_version": 1, "project": "ddtrace", "releases": {}}', encoding="utf-8")
    out = tmp_path / "constraints.txt"
    code = main([*REQ(tmp_path), *OFFLINE, "--snapshot", str(old), "--write-constraints", str(out)])
    assert code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and not out.exists()
    assert captured.err.splitlines() == [
        f"aap-advise: error: {old}: schema_version 1 is not 2",
        "hint: write a current snapshot with `aap-advise kb refresh --out FILE`",
    ]
