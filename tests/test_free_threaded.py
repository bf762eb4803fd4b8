"""Free-threaded CPython (``--python 3.13t``): kept in the scope, served by no ddtrace wheel,
and never a crash on the way through the reports and the file writers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from advisor.errors import UsageError
from advisor.frontends.cli import main
from advisor.knowledge import matrix
from advisor.model.project import Project
from advisor.plan.scope import python_scope

TODAY = dt.date(2026, 11, 24)
NO_PROJECT = Project(manifests=(), dependencies=(), python=None)


@pytest.mark.parametrize(
    ("given", "versions"),
    [("3.13t", ("3.13t",)), (" 3.14t ", ("3.14t",)), ("3.15t", ("3.15t",))],
)
def test_bare_free_threaded_minor_is_kept(given: str, versions: tuple[str, ...]) -> None:
    scope = python_scope(matrix.load(), NO_PROJECT, given, TODAY)
    assert scope.versions == versions
    assert scope.spec == f"=={versions[0].removesuffix('t')}.*" and scope.source == "--python"


@pytest.mark.parametrize(
    ("given", "needle"),
    [
        ("3.12t", "free-threaded builds from 3.13 on"),
        ("3.13.1t", "not a version specifier"),  # only a bare X.Y takes the suffix
        (">=3.13t", "not a version specifier"),
        ("3t", "not a version specifier"),
        ("3.16t", "'3.16t' admits no released CPython"),
    ],
)
def test_other_free_threaded_forms_are_refused(given: str, needle: str) -> None:
    with pytest.raises(UsageError, match=needle):
        python_scope(matrix.load(), NO_PROJECT, given, TODAY)


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (["--format", "text", "-v"], "smallest release per CPython: 3.13t: none"),
        (["--format", "json"], '"3.13t": null'),
        (["--format", "markdown"], "3.13t"),
        (["--format", "sarif"], "free-threaded (cp313t)"),
        (["--fix"], "nothing was changed"),
        (["--diff"], "nothing was changed"),
    ],
)
def test_reports_and_writers_take_a_free_threaded_python(
    extra: list[str], needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = tmp_path / "requirements.txt"
    text = 'ddtrace==2.3.0; python_version < "3.13"\nddtrace==4.6.0; python_version >= "3.13"\n'
    req.write_text(text, encoding="utf-8")
    argv = [str(req), "--offline", "--today", "2026-11-24", "--python", "3.13t", *extra]
    code = main(argv)
    out = capsys.readouterr()
    assert code in (0, 1), out.err
    assert "Traceback" not in out.err
    assert needle in out.out + out.err
    assert req.read_text(encoding="utf-8") == text  # nothing serves 3.13t: nothing to write
