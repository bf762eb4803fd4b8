"""``aap-advise kb refresh`` writes into the user cache folder (issue 17), and a run reads that
snapshot, with the constrainers.json beside it, when it is newer than the shipped one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from advisor.frontends.cli import main
from advisor.knowledge.releases import SHIPPED_SNAPSHOT, load_snapshot
from tests._helpers import project_json

SHIPPED_DATE = load_snapshot().snapshot_date
#: The refreshed datadog-lambda 90.1.0 (tests/indexdata.py) refuses ddtrace 4.6.* from
#: CPython 3.10: with the refreshed knowledge API Security needs 4.11.0, with the shipped 4.6.0.
LAMBDA_PROJECT = "datadog-lambda==90.1.0\nddtrace==4.1.1\n"
RUN = ["--offline", "--today", "2026-11-24", "--format", "json", "-c", "api-security"]
RUN += ["--python", "3.12"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user cache folder of the test (``$AAP_ADVISE_CACHE_DIR``), with no
    ``$XDG_CACHE_HOME`` to fall back on outside it."""
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("AAP_ADVISE_CACHE_DIR", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-unused"))
    return folder


@pytest.fixture
def refreshed(tmp_path: Path, cache: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """What ``kb refresh`` (no ``--out``) wrote from a local index with the made-up
    datadog-lambda: the snapshot in the cache folder."""
    from tests.indexdata import DATADOG_LAMBDA, index_with
    from tests.indexserver import DATA, LocalIndex

    root = index_with(DATA, tmp_path / "index", DATADOG_LAMBDA)
    shipped = SHIPPED_SNAPSHOT.read_bytes()
    with LocalIndex(root=root) as index:
        assert main(["kb", "refresh", "--index-url", index.url]) == 0
    out = cache / "knowledge" / "releases.json"
    assert f"-> {out};" in capsys.readouterr().out
    assert SHIPPED_SNAPSHOT.read_bytes() == shipped  # the package's data is left alone
    return out


def _dated(snapshot: Path, day: str) -> None:
    """Give the snapshot file another ``snapshot_date`` (a refresh of another day)."""
    doc = json.loads(snapshot.read_text(encoding="utf-8"))
    doc["snapshot_date"] = day
    snapshot.write_text(json.dumps(doc), encoding="utf-8")


def _advise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[dict[str, Any], str, str]:
    """The run's report (the one project), its data date, and what it said on stderr."""
    req = tmp_path / "requirements.txt"
    req.write_text(LAMBDA_PROJECT)
    main([str(req), *RUN, *args])
    out, err = capsys.readouterr()
    return project_json(out), json.loads(out)["data"]["snapshot_date"], err


def test_kb_refresh_writes_into_the_user_cache_folder(
    refreshed: Path, cache: Path, tmp_path: Path
) -> None:
    assert sorted(p.name for p in refreshed.parent.iterdir()) == [
        "constrainers.json",
        "releases.json",
    ]
    assert "90.1.0" in (refreshed.parent / "constrainers.json").read_text(encoding="utf-8")
    assert not (tmp_path / "xdg-unused").exists()


def test_kb_refresh_under_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without ``$AAP_ADVISE_CACHE_DIR``: ``$XDG_CACHE_HOME/aap-advise/knowledge`` (Linux), as
    the index cache; ``--cache-dir`` names another folder, as for a run."""
    import sys

    from tests.indexdata import DATADOG_LAMBDA, index_with
    from tests.indexserver import DATA, LocalIndex

    monkeypatch.delenv("AAP_ADVISE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "platform", "linux")
    root = index_with(DATA, tmp_path / "index", DATADOG_LAMBDA)
    with LocalIndex(root=root) as index:
        assert main(["kb", "refresh", "--index-url", index.url]) == 0
        other = tmp_path / "other"
        assert main(["kb", "refresh", "--index-url", index.url, "--cache-dir", str(other)]) == 0
    for folder in (tmp_path / "xdg" / "aap-advise", other):
        names = sorted(p.name for p in (folder / "knowledge").iterdir())
        assert names == ["constrainers.json", "releases.json"]
    assert main(["help", "kb", "refresh"]) == 0  # the help names where it writes
    shown = capsys.readouterr().out
    assert str(tmp_path / "xdg" / "aap-advise" / "knowledge" / "releases.json") in shown


def test_a_newer_refresh_in_the_cache_is_read_and_snapshot_and_no_cache_override_it(
    refreshed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _dated(refreshed, "2099-01-01")
    # The refreshed snapshot and the constrainers beside it: 4.6.* is refused.
    report, day, err = _advise(tmp_path, capsys)
    assert day == "2099-01-01" and err == ""
    assert report["recommendation"]["ddtrace"] == "4.11.0"
    assert any(f["id"] == "ddtrace-pinned-by" for f in report["findings"])
    # --snapshot still names the snapshot read (here the shipped one, copied).
    named = tmp_path / "named" / "releases.json"
    named.parent.mkdir()
    named.write_bytes(SHIPPED_SNAPSHOT.read_bytes())
    report, day, _ = _advise(tmp_path, capsys, "--snapshot", str(named))
    assert day == SHIPPED_DATE and report["recommendation"]["ddtrace"] == "4.6.0"
    # --no-cache: the shipped data alone.
    report, day, _ = _advise(tmp_path, capsys, "--no-cache")
    assert day == SHIPPED_DATE and report["recommendation"]["ddtrace"] == "4.6.0"
    # --cache-dir names another cache folder, without a refresh: the shipped data.
    report, day, _ = _advise(tmp_path, capsys, "--cache-dir", str(tmp_path / "empty"))
    assert day == SHIPPED_DATE
    # A refresh older than the shipped snapshot (aap-advise was upgraded since): not read.
    _dated(refreshed, "2020-01-01")
    report, day, err = _advise(tmp_path, capsys)
    assert day == SHIPPED_DATE and err == ""
    assert report["recommendation"]["ddtrace"] == "4.6.0"


def test_the_cached_snapshot_is_an_input_no_output_may_replace(
    refreshed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _dated(refreshed, "2099-01-01")
    req = tmp_path / "requirements.txt"
    req.write_text(LAMBDA_PROJECT)
    before = refreshed.read_bytes()
    assert main([str(req), *RUN, "-o", str(refreshed)]) == 2
    assert refreshed.read_bytes() == before
    assert capsys.readouterr().err.startswith(
        f"aap-advise: error: {refreshed}: is one of the files read; -o would overwrite it"
    )


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        ("releases.json", "releases.json:1: not valid JSON"),
        ("constrainers.json", "constrainers.json"),
        ("date", "snapshot_date: not a date: 'soon'"),
        ("project", "a snapshot of 'flask', not of ddtrace"),
    ],
)
def test_a_broken_refresh_in_the_cache_is_one_warning_and_the_shipped_data(
    refreshed: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    broken: str,
    said: str,
) -> None:
    """A cache entry that cannot be used costs a line, never the run (as pip and uv treat a
    corrupt cache entry): the answer is the shipped data's, with the same exit status."""
    _dated(refreshed, "2099-01-01")
    doc = json.loads(refreshed.read_text(encoding="utf-8"))
    if broken == "date":
        doc["snapshot_date"] = "soon"
    elif broken == "project":
        doc["project"] = "flask"
    refreshed.write_text(json.dumps(doc), encoding="utf-8")
    if broken in ("releases.json", "constrainers.json"):
        (refreshed.parent / broken).write_text("{not json", encoding="utf-8")
    req = tmp_path / "requirements.txt"
    req.write_text(LAMBDA_PROJECT)
    assert main([str(req), *RUN]) == 1
    out, err = capsys.readouterr()
    assert project_json(out)["recommendation"]["ddtrace"] == "4.6.0"
    assert json.loads(out)["data"]["snapshot_date"] == SHIPPED_DATE
    (line,) = err.splitlines()
    assert line.startswith(
        "aap-advise: warning: the refreshed knowledge in the cache is not used: "
        f"{refreshed.parent}/"
    )
    assert said in line and line.endswith(
        "; answering from the shipped snapshot (aap-advise kb refresh writes it again)"
    )
    # --no-cache does not look at it at all.
    assert main([str(req), *RUN, "--no-cache"]) == 1
    assert capsys.readouterr().err == ""
