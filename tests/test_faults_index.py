"""Index faults, one test each, on the real local index server: a clear answer, nothing lost.

Exit 3 and one line when the index cannot be used and nothing cached can stand in.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import pytest

from tests._helpers import IAST, advise_json
from tests.indexserver import LocalIndex

DATA = Path(__file__).parent / "data" / "resolver-index"
PROJECT = "ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n"
PAGES = ("/simple/ddtrace/", "/simple/envier/", "/simple/bytecode/")


def run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, *extra: str
) -> tuple[int, dict[str, Any], str]:
    """The acceptance project advised against ``url`` (IAST on CPython 3.12), then ``extra``."""
    return advise_json(tmp_path, capsys, url, PROJECT, *IAST, *extra)


def assert_exit_3(code: int, report: dict[str, Any], err: str, needle: str) -> None:
    assert code == 3, err
    assert report == {}
    first = err.strip().splitlines()[0]
    assert first.startswith("aap-advise: error: ") and needle.lower() in first.lower(), err
    assert "Traceback" not in err


def test_connection_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert_exit_3(*run(tmp_path, capsys, f"http://127.0.0.1:{port}/simple/"), "connection refused")


@pytest.mark.slow
def test_hanging_index_hits_the_total_deadline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LocalIndex(root=DATA, delay=1.5) as index:
        start = time.monotonic()
        result = run(tmp_path, capsys, index.url, "--timeout", "10", "--deadline", "2")
        took = time.monotonic() - start
    assert_exit_3(*result, "deadline")
    assert took < 8  # not 10 s per request, several requests deep


def test_default_deadline_is_at_most_60_seconds() -> None:
    from advisor.frontends.cli import build_parser

    assert build_parser().parse_args([]).deadline <= 60


def test_garbage_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with LocalIndex(root=DATA, garbage_for=dict.fromkeys(PAGES, b"\x00\xffnot json")) as index:
        assert_exit_3(*run(tmp_path, capsys, index.url), "127.0.0.1")


def test_truncated_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with LocalIndex(
        root=DATA,
        garbage_for=dict.fromkeys(
            PAGES, b'{"meta": {"api-version": "1.1"}, "files": [{"filename": "x'
        ),
    ) as index:
        assert_exit_3(*run(tmp_path, capsys, index.url), "JSON")


def test_wrong_content_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with LocalIndex(
        root=DATA, content_type_for=dict.fromkeys(PAGES, "application/octet-stream")
    ) as index:
        assert_exit_3(*run(tmp_path, capsys, index.url), "content type")


def test_huge_response_is_capped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import advisor.index.simple as simple

    monkeypatch.setattr(simple, "MAX_PAGE_BYTES", 2048)
    with LocalIndex(root=DATA) as index:
        assert_exit_3(*run(tmp_path, capsys, index.url), "cap")


def test_range_ignored_still_reads_metadata(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LocalIndex(root=DATA, ignore_range=True) as index:
        code, report, _ = run(tmp_path, capsys, index.url)
    assert code == 1 and report["recommendation"]["ddtrace"] == "3.15.0"
    moved = {c["package"]: c["to"] for c in report["recommendation"]["changes"]}
    assert moved == {"ddtrace": "3.15.0", "envier": "0.6.1", "bytecode": "0.15.1"}


def test_corrupt_cache_entry_is_refetched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LocalIndex(root=DATA) as index:
        first = run(tmp_path, capsys, index.url)
        entries = list((tmp_path / "cache").rglob("*.json"))
        assert entries
        for entry in entries:
            entry.write_bytes(b"{corrupt")
        before = len(index.requests)
        second = run(tmp_path, capsys, index.url)
        assert len(index.requests) > before  # refetched, not trusted
    assert first[1]["recommendation"] == second[1]["recommendation"]


def test_transient_503_is_retried(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with LocalIndex(root=DATA, fail_first={"/simple/envier/": 2}) as index:
        code, report, _ = run(tmp_path, capsys, index.url)
        tries = [r for r in index.requests if r.path == "/simple/envier/"]
    assert code == 1 and report["recommendation"]["ddtrace"] == "3.15.0"
    assert [r.status for r in tries] == [503, 503, 200]


@pytest.mark.slow
def test_persistent_503_gives_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with LocalIndex(root=DATA, status_for=dict.fromkeys(PAGES, 503)) as index:
        assert_exit_3(*run(tmp_path, capsys, index.url), "HTTP 503")
