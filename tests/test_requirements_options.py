"""pip options on a requirements line: read as pip reads them, kept for the writers.

pip reads every line with one option parser (``req_file.py``: ``SUPPORTED_OPTIONS +
SUPPORTED_OPTIONS_REQ``), so a requirement line may carry its global options too (``fiona
--no-binary fiona``); what pip refuses ("no such option", a value its checks reject) is refused
here at the file's line, with pip's words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pip_requirements_parser as prp
import pytest

from advisor.errors import ManifestError
from advisor.frontends.cli import main
from advisor.manifests import read_paths
from advisor.manifests import requirements as reqmod
from advisor.manifests._pip_options import OPTIONS
from tests._helpers import ARGS, OFFLINE


def _read_line(line: str) -> Any:
    """What the reader takes from a file of ``line`` alone: one requirement or option line."""
    (item,) = list(reqmod._items(line + "\n", "r.txt"))
    assert not isinstance(item, reqmod._Invalid), item.reason
    return item


@pytest.mark.parametrize(
    ("line", "options"),
    [
        ("fiona --no-binary fiona", ("--no-binary=fiona",)),
        ("lxml --only-binary :all:", ("--only-binary=:all:",)),
        ("ddtrace==2.3.0 --prefer-binary", ("--prefer-binary",)),
        ("ddtrace==2.3.0 --pre", ("--pre",)),
        ("pkg --no-bin pkg", ("--no-binary=pkg",)),  # optparse's unique prefixes, as in pip
        (
            "pkg -C key=val --config-settings='a=b c'",
            ("--config-settings=key=val", "--config-settings='a=b c'"),
        ),
        ("pkg --global-option=--quiet", ("--global-option=--quiet",)),
        ("pkg --install-option=--prefix=/x", ("--install-option=--prefix=/x",)),
        (
            "pkg --only-final pkg --all-releases :all: --no-require-hashes --use-feature=truststore",
            (
                "--only-final=pkg",
                "--all-releases=:all:",
                "--no-require-hashes",
                "--use-feature=truststore",
            ),
        ),
        # read by pip and ignored on a requirement line: kept, and no index or include here
        (
            "pkg -i https://x.example/simple -r other.txt",
            ("--index-url=https://x.example/simple", "--requirement=other.txt"),
        ),
        ("pkg==1.0 --hash=sha256:ab --no-binary pkg --hash=sha256:cd", ("--no-binary=pkg",)),
    ],
)
def test_options_pip_reads_on_a_requirement_line_are_kept(
    line: str, options: tuple[str, ...]
) -> None:
    item = _read_line(line)
    assert item.name == line.split()[0].split("=")[0]
    assert item.line_options == options


def test_an_editable_keeps_its_options() -> None:
    item = _read_line("-e ./lib --config-settings editable_mode=compat --no-binary x")
    assert item.is_editable
    assert item.line_options == ("--config-settings=editable_mode=compat", "--no-binary=x")


@pytest.mark.parametrize(
    "line", ["--only-final :all:", "--all-releases pkg", "--no-require-hashes", "-C k=v"]
)
def test_option_lines_of_newer_pips_read(line: str) -> None:
    assert isinstance(_read_line(line), prp.OptionLine)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("pkg --foo", "no such option: --foo"),
        ("pkg --allow-external pkg", "no such option: --allow-external"),
        ("--always-unzip", "no such option: --always-unzip"),
        ("pkg --requirements x.txt", "no such option: --requirements"),
        ("pkg --pr", "ambiguous option: --pr (--pre, --prefer-binary?)"),
        ("pkg --no-binary", "--no-binary option requires 1 argument"),
        ("pkg --no-binary --pre", "--no-binary / --only-binary option requires 1 argument."),
        ("pkg --only-final -x", "--all-releases / --only-final option requires 1 argument."),
        (
            "pkg --config-settings=novalue",
            "Arguments to --config-settings must be of the form KEY=VAL",
        ),
        ("pkg -C novalue", "Arguments to -C must be of the form KEY=VAL"),
        ("pkg --config-settings 'a=b", "Could not split options: --config-settings 'a=b"),
        (
            "pkg -e ./lib",
            "option not allowed on a requirement line: -e (pip would read 'pkg' as an editable)",
        ),
    ],
)
def test_what_pip_refuses_is_refused_at_the_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "requirements.txt"
    path.write_text(f"flask==3.1.0\n{line}\n", encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        read_paths([str(path)])
    assert info.value.render() == f"{path}:2: invalid requirement {line!r}: {reason}"


def test_every_option_the_installed_pip_reads_is_read() -> None:
    """The pip of this environment (older or newer than 26.2) reads no option on a line that
    this reader refuses."""
    req_file = pytest.importorskip("pip._internal.req.req_file")
    parser = req_file.build_parser()
    theirs = {s for o in parser.option_list for s in o._long_opts + o._short_opts}
    ours = {s for names, _, _ in OPTIONS for s in names}
    assert theirs <= ours, theirs - ours


def test_no_variable_is_expanded_in_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECRET", "hunter2")
    path = tmp_path / "requirements.txt"
    path.write_text(
        "ddtrace==2.3.0 --config-settings=${SECRET}=x --no-binary ${SECRET}\n", encoding="utf-8"
    )
    (dep,) = read_paths([str(path)]).dependencies
    assert dep.options == ("--config-settings='${SECRET}=x'", "--no-binary='${SECRET}'")


# The command line ---------------------------------------------------------------------------


def test_the_issue_reproduction_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue 15: ``fiona --no-binary fiona`` ended in exit 2 "option not allowed"."""
    monkeypatch.chdir(tmp_path)
    Path("r.txt").write_text("fiona --no-binary fiona\nddtrace==2.3.0\n", encoding="utf-8")
    assert main(["r.txt", *OFFLINE]) == 1
    captured = capsys.readouterr()
    assert "upgrade ddtrace 2.3.0 -> 4.6.0" in captured.out, captured.err


def test_fix_keeps_the_options_of_the_line_it_moves(tmp_path: Path) -> None:
    req = tmp_path / "requirements.txt"
    req.write_bytes(
        b"fiona --no-binary fiona\r\nddtrace==2.3.0 --no-binary ddtrace -C 'k=a b'  --pre # why\r\n"
    )
    assert main([str(req), "--fix", *ARGS]) == 1
    assert req.read_bytes() == (
        b"fiona --no-binary fiona\r\nddtrace==4.6.0 --no-binary ddtrace -C 'k=a b'  --pre # why\r\n"
    )
    assert main([str(req), "--fix", *ARGS]) == 0
