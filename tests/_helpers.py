"""What several test modules share: the offline command line, running the program (or any
Python module) in a subprocess, and the three files ``--fix`` edits with the checks that they
came through a failed fix unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from advisor.frontends.cli import main

#: The checkout: where ``python -m advisor`` finds the package.
ROOT = Path(__file__).resolve().parents[1]

#: An offline run on the shipped snapshot: API Security on a fixed day (the CPythons in scope
#: are the project's own).
OFFLINE = ["--offline", "--no-cache", "-c", "api-security", "--today", "2026-11-24"]
#: The same on CPython 3.12.
ARGS = [*OFFLINE, "--python", "3.12"]


def run_python(
    *args: str,
    cwd: Path | str = ROOT,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
    capture_output: bool = True,
    check: bool = False,
    **kwargs: Any,
) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in a subprocess with text output (captured unless told otherwise);
    ``kwargs`` go to :func:`subprocess.run` as they are (``preexec_fn``, ``stdout``...)."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=capture_output,
        text=True,
        timeout=timeout,
        check=check,
        **kwargs,
    )


def run_cli(
    *args: str,
    cwd: Path | str = ROOT,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
    **kwargs: Any,
) -> subprocess.CompletedProcess[str]:
    """``python -m advisor ARGS`` in a subprocess (see :func:`run_python`)."""
    return run_python("-m", "advisor", *args, cwd=cwd, env=env, timeout=timeout, **kwargs)


#: The capability and interpreter of the runs against the recorded index
#: (``tests/data/resolver-index``): IAST on CPython 3.12.
IAST = ("-c", "iast", "--python", "3.12")


def index_argv(req: Path | str, index_url: str, cache: Path | str, *extra: str) -> list[str]:
    """The command line of a run on ``req`` against the index at ``index_url``, with its own
    cache folder, then ``extra``."""
    return [str(req), "--index-url", index_url, "--cache-dir", str(cache), *extra]


def only_project(doc: dict[str, Any]) -> dict[str, Any]:
    """The one project of a JSON report (schema 4), checked to be the only one, with the run's
    status its own: the fields a schema 2 report had at its top level."""
    assert doc["schema_version"] == 4, doc["schema_version"]
    assert len(doc["projects"]) == 1, [p["root"] for p in doc["projects"]]
    (project,) = doc["projects"]
    assert doc["status"] == project["status"], (doc["status"], project["status"])
    rec = project["recommendation"]
    assert rec is None or rec["status"] == project["status"], (rec, project["status"])
    return dict(project)


def project_json(text: str) -> dict[str, Any]:
    """The one project of the JSON report ``text`` (:func:`only_project`)."""
    return only_project(json.loads(text))


def advise_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], index_url: str, text: str, *args: str
) -> tuple[int, dict[str, Any], str]:
    """``requirements.txt`` holding ``text``, advised in process against the index at
    ``index_url`` (JSON, on a fixed day, a cache in ``tmp_path``), then ``args``: the exit
    code, the report's one project (:func:`only_project`; ``{}`` when no report was printed)
    and stderr."""
    req = tmp_path / "requirements.txt"
    req.write_text(text)
    argv = index_argv(
        req, index_url, tmp_path / "cache", "--format", "json", "--today", "2026-11-24"
    )
    code = main([*argv, *args])
    out = capsys.readouterr()
    return code, (project_json(out.out) if out.out.strip() else {}), out.err


#: Three files that all declare ddtrace: ``--fix`` edits each of them (the ``project``
#: fixture of ``conftest.py`` writes them).
FILES = {
    "requirements.txt": b"flask==3.1.0  # web\r\nddtrace==2.3.0\r\n",
    "requirements-dev.txt": b"-r requirements.txt\npytest==8.0.0\nddtrace==2.3.0 ; python_version >= '3.9'\n",
    "pyproject.toml": b'[project]\nname = "app"\nversion = "1"\ndependencies = ["ddtrace>=2.0"]\n',
}


def unchanged(folder: Path) -> None:
    """Every file has its bytes back and no temp file is left."""
    for name, data in FILES.items():
        assert (folder / name).read_bytes() == data, name
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)


def errors(err: str) -> list[str]:
    """The ``aap-advise: error:`` lines of ``err``, without that prefix."""
    return [
        ln.removeprefix("aap-advise: error: ")
        for ln in err.splitlines()
        if ln.startswith("aap-advise: error: ")
    ]


def one_error(capsys: pytest.CaptureFixture[str]) -> str:
    """The one error line on stderr so far (without its prefix); no traceback."""
    err = capsys.readouterr().err
    found = errors(err)
    assert len(found) == 1 and "Traceback" not in err, err
    return found[0]
