"""What several test modules share: the offline command line, and the three files ``--fix``
edits with the checks that they came through a failed fix unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

#: An offline run on the shipped snapshot: API Security on CPython 3.12, on a fixed day.
ARGS = [
    "--offline",
    "--no-cache",
    "-c",
    "api-security",
    "--python",
    "3.12",
    "--today",
    "2026-11-24",
]
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
