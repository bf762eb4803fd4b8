"""Which indexes are used: the user's own configuration, in pip's and uv's order."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.frontends.cli import main
from advisor.index.config import PYPI, configured_indexes
from tests._helpers import IAST, index_argv, project_json
from tests.indexserver import LocalIndex

DATA = Path(__file__).parent / "data" / "resolver-index"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    empty = tmp_path / "pip.conf"
    empty.write_text("")
    return {"PIP_CONFIG_FILE": str(empty), **extra}


def test_default_is_pypi(tmp_path: Path) -> None:
    cfg = configured_indexes(None, [], [], _env(tmp_path))
    assert cfg.urls == (PYPI,) and cfg.source == "the default (PyPI)"


@pytest.mark.parametrize(
    ("env", "files", "cli", "primary", "source"),
    [
        (
            {"PIP_INDEX_URL": "https://pip.example/simple/"},
            [],
            None,
            "https://pip.example/simple/",
            "PIP_INDEX_URL",
        ),
        (
            {
                "UV_INDEX_URL": "https://uv.example/simple/",
                "PIP_INDEX_URL": "https://pip.example/simple/",
            },
            [],
            None,
            "https://uv.example/simple/",
            "UV_INDEX_URL / UV_DEFAULT_INDEX",
        ),
        (
            {"UV_DEFAULT_INDEX": "https://uvd.example/simple/"},
            [],
            None,
            "https://uvd.example/simple/",
            "UV_INDEX_URL / UV_DEFAULT_INDEX",
        ),
        (
            {"PIP_INDEX_URL": "https://pip.example/simple/"},
            ["https://file.example/simple/"],
            None,
            "https://file.example/simple/",
            "the requirements files",
        ),
        (
            {"PIP_INDEX_URL": "https://pip.example/simple/"},
            ["https://file.example/simple/"],
            "https://cli.example/",
            "https://cli.example/",
            "--index-url",
        ),
    ],
)
def test_precedence(
    tmp_path: Path,
    env: dict[str, str],
    files: list[str],
    cli: str | None,
    primary: str,
    source: str,
) -> None:
    cfg = configured_indexes(cli, [], files, _env(tmp_path, **env))
    assert cfg.urls[0] == primary and cfg.source == source


def test_pip_config_file_and_extras(tmp_path: Path) -> None:
    conf = tmp_path / "pip.conf"
    conf.write_text(
        "[global]\nindex-url = https://mirror.example/simple/\nextra-index-url = https://a.example/ file:///opt/x\n"
    )
    cfg = configured_indexes(
        None,
        ["https://cli-extra.example/"],
        [],
        {"PIP_CONFIG_FILE": str(conf), "UV_INDEX": "internal=https://uvi.example/"},
    )
    assert cfg.urls == (
        "https://mirror.example/simple/",
        "https://cli-extra.example/",
        "https://uvi.example/",
        "https://a.example/",
    )
    assert cfg.skipped == ("file:///opt/x",)


def test_credentials_never_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==2.21.4\nenvier==0.5.2\n")
    with LocalIndex(
        root=DATA, status_for={"/simple/envier/": 500, "/simple/ddtrace/": 500}
    ) as index:
        url = index.url.replace("http://", "http://alice:s3cret@")
        code = main(index_argv(req, url, tmp_path / "c", *IAST, "--today", "2026-11-24"))
        auth = [r.headers.get("Authorization") for r in index.requests]
    out = capsys.readouterr()
    assert code == 3
    assert "s3cret" not in out.out + out.err and "alice" not in out.out + out.err
    assert auth and all(a and a.startswith("Basic ") for a in auth)  # the credentials were used


def test_warm_cache_files_hold_no_credentials(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n")
    with LocalIndex(root=DATA) as index:
        url = index.url.replace("http://", "http://alice:s3cret@")
        main(
            index_argv(req, url, tmp_path / "c", *IAST, "--today", "2026-11-24", "--format", "json")
        )
    report = project_json(capsys.readouterr().out)
    assert report["recommendation"]["ddtrace"] == "3.15.0"
    for entry in (tmp_path / "c").rglob("*.json"):
        assert "s3cret" not in entry.read_text()


def test_netrc_credentials_are_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], netrc_bob: None
) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n")
    with LocalIndex(root=DATA) as index:
        main(
            index_argv(
                req, index.url, tmp_path / "c", *IAST, "--today", "2026-11-24", "--format", "json"
            )
        )
        auth = {r.headers.get("Authorization") for r in index.requests}
    out = capsys.readouterr()
    assert project_json(out.out)["recommendation"]["ddtrace"] == "3.15.0"
    assert auth == {"Basic Ym9iOm4zdHJj"}  # bob:n3trc
    assert "n3trc" not in out.out + out.err
