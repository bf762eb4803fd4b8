"""The snapshot refresh, the index client and the Range-based METADATA reader.

Everything talks to a real HTTP server on 127.0.0.1 (``tests/indexserver.py``) serving the
index recorded by ``tools/record_index.py`` (with, for a whole refresh, the made-up
datadog-lambda of ``tests/indexdata.py`` beside it); nothing here uses the network.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import socket
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from packaging.tags import Tag
from packaging.version import Version

from advisor.errors import IndexUnavailable, KnowledgeError, UsageError, WriteFailed
from advisor.index.entries import interpreter_key, metadata_wheel, wheel_coverage
from advisor.index.simple import SimpleIndexClient
from advisor.index.wheelmeta import parse_metadata, read_wheel_metadata
from advisor.knowledge import matrix
from advisor.knowledge import refresh as refresh_module
from advisor.knowledge.refresh import (
    build_constrainers,
    build_snapshot,
    refresh,
    write_files,
    write_snapshot,
)
from advisor.knowledge.releases import load_snapshot
from advisor.model.release import parse_snapshot
from tests.indexdata import DATADOG_LAMBDA, index_with
from tests.indexserver import DATA, LocalIndex, local_index_fixture

TODAY = datetime.date(2026, 11, 24)
WHEEL_4_16 = "ddtrace-4.16.0-cp311-cp311-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
METADATA = (
    b"Metadata-Version: 2.1\nName: demo\nVersion: 1.0\nRequires-Python: >=3.9\n"
    b"Requires-Dist: envier~=0.6\nRequires-Dist: wrapt<3,>=1; python_version >= '3.9'\n\n"
    b"A description body that is not a header.\n"
)

local_index = pytest.fixture(local_index_fixture)

#: The PEP 658 metadata file of the made-up datadog-lambda release whose metadata tests break.
LAMBDA_90_2 = "/files/datadog_lambda-90.2.0-py3-none-any.whl.metadata"


@pytest.fixture
def full_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The recorded index with datadog-lambda beside ddtrace: what a whole refresh reads."""
    return index_with(DATA, tmp_path_factory.mktemp("served") / "index", DATADOG_LAMBDA)


@pytest.fixture
def full_index(full_root: Path) -> Iterator[LocalIndex]:
    with LocalIndex(root=full_root) as index:
        yield index


@pytest.fixture
def hosts() -> list[str]:
    """Hosts of every request the instrumented client below sends."""
    return []


@pytest.fixture
def index_client(local_index: LocalIndex, hosts: list[str]) -> Iterator[SimpleIndexClient]:
    def note(request: httpx.Request) -> None:
        hosts.append(request.url.host)

    with httpx.Client(event_hooks={"request": [note]}, timeout=5.0) as client:
        yield SimpleIndexClient(local_index.url, client=client, timeout=5.0)


def build_zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def demo_wheel(method: int = zipfile.ZIP_DEFLATED) -> bytes:
    return build_zip(
        {"demo/__init__.py": b"x = 1\n" * 50, "demo-1.0.dist-info/METADATA": METADATA}, method
    )


def read_served(index: LocalIndex, name: str, data: bytes, size: int | None = -1) -> bytes:
    """Serve ``data`` as ``/files/<name>`` and read its METADATA through the server."""
    index.extra_files[name] = data
    with httpx.Client(timeout=5.0) as client:
        return read_wheel_metadata(
            client, index.file_url(name), len(data) if size == -1 else size, timeout=5.0
        )


# -- the regeneration against the recorded index -------------------------------------------


def test_refresh_writes_a_valid_snapshot(full_index: LocalIndex, tmp_path: Path) -> None:
    messages: list[str] = []
    out = tmp_path / "releases.json"
    summary = refresh(full_index.url, out, today=TODAY, progress=messages.append)
    assert summary == (
        f"wrote 12 versions (11 final, 2 yanked), requires-dist for 11, "
        f"snapshot 2026-11-24 -> {out}; releases read of the packages constraining ddtrace: "
        f"datadog-lambda 4 -> {tmp_path / 'constrainers.json'}"
    )
    text = out.read_text(encoding="utf-8")
    assert text.endswith("}\n") and "\n" not in text[:-1]  # compact, one line
    # The constrainers beside it, and no temp file left.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["constrainers.json", "releases.json"]
    snapshot = load_snapshot(str(out))
    assert [str(r.version) for r in snapshot.releases][-3:] == ["4.11.0", "4.16.0rc1", "4.16.0"]
    assert snapshot.newest is not None and str(snapshot.newest.version) == "4.16.0"
    assert any("read METADATA of 11/11 wheels" in m for m in messages)
    # Releases in ascending version order (a run sorts them in one pass), every other object's
    # keys sorted, as ``sort_keys`` would.
    doc = json.loads(text)
    versions = list(doc["releases"])
    assert versions == sorted(versions, key=Version) != sorted(versions)
    assert list(doc) == sorted(doc)
    assert all(list(entry) == sorted(entry) for entry in doc["releases"].values())


def test_snapshot_facts(index_client: SimpleIndexClient, local_index: LocalIndex) -> None:
    doc = build_snapshot(index_client, today=TODAY)
    snapshot = parse_snapshot(doc, "test")
    releases = doc["releases"]
    assert doc["last_serial"] == "42851752"
    assert doc["index_url"] == local_index.url
    assert doc["snapshot_date"] == "2026-11-24"
    assert {v for v, r in releases.items() if r["yanked"]} == {"1.9.1", "3.12.1"}
    assert releases["3.12.1"]["yanked_reason"] == "3.12.1 is missing commits released in 3.12.0"
    assert releases["1.9.2"]["yanked_reason"] is None
    assert releases["4.16.0"]["requires_python"] == "<3.15,>=3.9"
    assert releases["2.21.12"]["requires_python"] == ">=3.7"
    assert releases["4.16.0"]["upload_time"] == "2026-10-16"
    assert all(r["sdist"] for r in releases.values())
    # Schema 2: each release names its coverage by index; equal coverages share one entry.
    assert doc["schema_version"] == 2
    wheel_sets = doc["wheel_sets"]
    assert all(type(r["wheels"]) is int for r in releases.values())
    assert len(wheel_sets) == len({json.dumps(w, sort_keys=True) for w in wheel_sets})
    # numbered by first use in ascending version order, as requires_dist_sets are
    first_use = [r["wheels"] for r in releases.values()]
    assert list(dict.fromkeys(first_use)) == list(range(len(wheel_sets)))
    wheels = {v: wheel_sets[r["wheels"]] for v, r in releases.items()}
    assert wheels["4.11.0"]["cp315"] == [
        "linux-aarch64",
        "linux-x86_64",
        "musllinux-aarch64",
        "musllinux-x86_64",
    ]
    assert "cp315" not in wheels["4.16.0"]
    assert "windows-arm64" in wheels["3.15.0"]["cp312"]
    assert "linux-i686" in wheels["1.9.1"]["cp27"]
    assert "macos-universal2" in wheels["1.9.1"]["cp311"]
    assert "macos-arm64" in wheels["4.16.0"]["cp311"]
    assert not any("2_17" in p for w in wheels.values() for ps in w.values() for p in ps)
    # Requires-Python wins over the cp315 wheels 4.11.0 publishes (see Release.serves).
    r4_11 = snapshot.get("4.11.0")
    assert r4_11 is not None and r4_11.has_wheel("3.15", "linux-x86_64")
    assert not r4_11.serves("3.15", "linux-x86_64")

    r2_21 = snapshot.get("2.21.12")
    r4_16 = snapshot.get("4.16.0")
    rc = snapshot.get("4.16.0rc1")
    assert r2_21 is not None and r4_16 is not None and rc is not None
    assert r2_21.requires_dist is not None and "envier==0.5.2" in r2_21.requires_dist
    assert r4_16.requires_dist is not None and "ddtrace-internal==0.1.0" in r4_16.requires_dist
    assert rc.requires_dist is None and not rc.is_final
    # Normalised and sorted, and 4.0.4 and 4.6.0 share one list.
    assert list(r4_16.requires_dist) == sorted(r4_16.requires_dist)
    assert releases["4.0.4"]["requires_dist"] == releases["4.6.0"]["requires_dist"]
    # The loaded coverage is the document's, each set's mapping shared between its releases.
    for version, entry in releases.items():
        release = snapshot.get(version)
        assert release is not None
        coverage = wheel_sets[entry["wheels"]]
        assert release.wheels == {k: frozenset(ps) for k, ps in coverage.items()}
    # 4.0.4, 4.6.0 and 4.16.0 publish the same wheels: one set, one mapping.
    assert len({releases[v]["wheels"] for v in ("4.0.4", "4.6.0", "4.16.0")}) == 1
    r4_0 = snapshot.get("4.0.4")
    assert r4_0 is not None and r4_0.wheels is r4_16.wheels
    assert releases["1.9.1"]["wheels"] != releases["4.16.0"]["wheels"]


def test_only_local_requests_and_only_ranged_wheel_reads(
    index_client: SimpleIndexClient, local_index: LocalIndex, hosts: list[str]
) -> None:
    build_snapshot(index_client, today=TODAY, workers=4)
    assert hosts and set(hosts) == {"127.0.0.1"}
    file_requests = [r for r in local_index.requests if r.path.startswith("/files/")]
    assert len(file_requests) == 11
    assert all("Range" in r.headers and r.status == 206 for r in file_requests)
    pages = [r for r in local_index.requests if r.path.startswith("/simple/")]
    assert [r.path for r in pages] == ["/simple/ddtrace/"]
    assert "application/vnd.pypi.simple.v1+json" in pages[0].headers["Accept"]


def test_html_fallback(tmp_path: Path) -> None:
    with LocalIndex(html_only=True) as index, SimpleIndexClient(index.url, timeout=5.0) as client:
        page = client.project_page("DDTrace")  # the URL uses the PEP 503 normalised name
        doc = build_snapshot(client, today=TODAY)
    assert index.requests[0].path == "/simple/ddtrace/"
    assert page.last_serial == "42851752"  # from PyPI's <!--SERIAL n--> comment
    yanked = [f for f in page.files if f.yanked]
    assert yanked and yanked[0].yanked_reason is not None
    assert all(f.hashes.get("sha256") and "#" not in f.url for f in page.files)
    releases = doc["releases"]
    assert {v for v, r in releases.items() if r["yanked"]} == {"1.9.1", "3.12.1"}
    assert releases["4.16.0"]["requires_python"] == "<3.15,>=3.9"
    assert releases["4.16.0"]["upload_time"] is None  # PEP 503 HTML has no upload times
    parse_snapshot(doc, "html")
    rd = doc["requires_dist_sets"][releases["2.21.12"]["requires_dist"]]
    assert "envier==0.5.2" in rd
    assert "windows-arm64" in doc["wheel_sets"][releases["3.15.0"]["wheels"]]["cp312"]


def test_a_failing_wheel_leaves_requires_dist_null(tmp_path: Path, full_root: Path) -> None:
    broken = f"/files/{WHEEL_4_16}"
    messages: list[str] = []
    with LocalIndex(root=full_root, status_for={broken: 500}) as index:
        summary = refresh(index.url, tmp_path / "r.json", today=TODAY, progress=messages.append)
    assert "requires-dist for 10," in summary
    snapshot = load_snapshot(str(tmp_path / "r.json"))
    release = snapshot.get("4.16.0")
    assert release is not None and release.requires_dist is None
    assert any(m.startswith("4.16.0: METADATA of") and "HTTP 500" in m for m in messages)


# -- the packages that constrain ddtrace (constrainers.json, issue 16 rule 9) ---------------

#: What the served datadog-lambda metadata says of ddtrace, as refresh records it: the lines
#: naming ddtrace only, normalised and sorted, markers kept; 90.1.1 names none; the
#: pre-release is left out.
RECORDED = {
    "90.0.0": ["ddtrace==3.16.0"],
    "90.1.0": [
        'ddtrace!=4.6.*,<5,>=4.1.1; python_version >= "3.10"',
        'ddtrace<4,>=3.19.1; python_version < "3.10"',
    ],
    "90.1.1": [],
    "90.2.0": ["ddtrace<5,>=4.1.1"],
}


def test_refresh_records_what_datadog_lambda_requires_of_ddtrace(
    full_root: Path, tmp_path: Path
) -> None:
    """constrainers.json is written beside the snapshot from the served metadata (PEP 658
    files, no wheel read); a release whose metadata cannot be read is left out and said."""
    messages: list[str] = []
    out = tmp_path / "releases.json"
    with LocalIndex(root=full_root, status_for={LAMBDA_90_2: 500}) as index:
        url = index.url
        refresh(url, out, today=TODAY, progress=messages.append)
    lambda_files = [r.path for r in index.requests if "datadog_lambda" in r.path]
    assert sorted(lambda_files) == [
        f"/files/datadog_lambda-{v}-py3-none-any.whl.metadata"
        for v in ("90.0.0", "90.1.0", "90.1.1", "90.2.0")
    ]
    path = tmp_path / "constrainers.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    expected = {v: lines for v, lines in RECORDED.items() if v != "90.2.0"}
    assert doc == {
        "schema_version": 1,
        "index": url,
        "recorded": "2026-11-24",
        "packages": {"datadog-lambda": expected},
    }
    assert any(
        m.startswith("90.2.0: METADATA of datadog_lambda-90.2.0") and "HTTP 500" in m
        for m in messages
    )
    # What a run given --snapshot OUT uses in place of the shipped data.
    known = matrix.load_for(str(out)).constrainers
    assert known["datadog-lambda"]["90.1.0"] == tuple(RECORDED["90.1.0"])
    assert "8.130.0" not in known["datadog-lambda"]  # the shipped data is not mixed in


def test_a_release_not_read_again_keeps_what_the_data_before_said(
    full_root: Path, tmp_path: Path
) -> None:
    """A refresh over an earlier one, 90.2.0's metadata failing this time: its requirement
    on ddtrace stays known, said in the summary (it became nothing, silently: an offline run
    would then propose the release it excludes)."""
    out = tmp_path / "releases.json"
    with LocalIndex(root=full_root) as index:
        refresh(index.url, out, today=TODAY)
    with LocalIndex(root=full_root, status_for={LAMBDA_90_2: 500}) as index:
        summary = refresh(index.url, out, today=TODAY)
    doc = json.loads((tmp_path / "constrainers.json").read_text(encoding="utf-8"))
    assert doc["packages"]["datadog-lambda"] == RECORDED
    assert "(1 kept from the data before: their metadata could not be read)" in summary


def test_constrainers_are_read_by_ranges_without_a_metadata_file(
    full_root: Path, index_client: SimpleIndexClient
) -> None:
    """A wheel the index offers no PEP 658 file for is read over HTTP Range, as ddtrace's are."""
    page_path = full_root / "simple" / "datadog-lambda" / "index.json"
    page = json.loads(page_path.read_text())
    wheel = "datadog_lambda-90.0.0-py3-none-any.whl"
    (entry,) = [f for f in page["files"] if f["filename"] == wheel]
    del entry["core-metadata"]
    page_path.write_text(json.dumps(page))
    metadata = (full_root / "files" / f"{wheel}.metadata").read_bytes()
    (full_root / "files" / f"{wheel}.metadata").unlink()
    (full_root / "files" / wheel).write_bytes(
        build_zip({"datadog_lambda-90.0.0.dist-info/METADATA": metadata})
    )
    with LocalIndex(root=full_root) as index, SimpleIndexClient(index.url, timeout=5.0) as client:
        doc = build_constrainers(client, today=TODAY)
    assert doc["packages"]["datadog-lambda"] == RECORDED
    wheel_reads = [r for r in index.requests if r.path == f"/files/{wheel}"]
    assert wheel_reads and all("Range" in r.headers for r in wheel_reads)


def _existing(tmp_path: Path) -> dict[str, bytes]:
    """A snapshot and constrainers already in ``tmp_path``: what a failed refresh must keep."""
    before = {"releases.json": b"old snapshot\n", "constrainers.json": b"old constrainers\n"}
    for name, data in before.items():
        (tmp_path / name).write_bytes(data)
    return before


def _kept(tmp_path: Path, before: dict[str, bytes]) -> None:
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # and no temp file


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ({"status_for": {"/simple/datadog-lambda/": 503}}, "HTTP 503"),
        ({"status_for": {"/simple/datadog-lambda/": 404}}, "not found"),
        ({"garbage_for": {"/simple/datadog-lambda/": b"{not json"}}, "invalid JSON"),
    ],
)
def test_a_failing_constrainer_page_writes_neither_file(
    fault: dict[str, Any], expected: str, full_root: Path, tmp_path: Path
) -> None:
    before = _existing(tmp_path)
    with (
        LocalIndex(root=full_root, **fault) as index,
        pytest.raises(IndexUnavailable, match=expected),
    ):
        refresh(index.url, tmp_path / "releases.json", today=TODAY)
    _kept(tmp_path, before)


def test_constrainers_that_do_not_validate_write_neither_file(
    full_index: LocalIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        return {"schema_version": 1, "packages": {"datadog-lambda": {"1.0": ["flask<3"]}}}

    monkeypatch.setattr(refresh_module, "build_constrainers", broken)
    before = _existing(tmp_path)
    with pytest.raises(KnowledgeError, match="not a requirement on ddtrace"):
        refresh(full_index.url, tmp_path / "releases.json", today=TODAY)
    _kept(tmp_path, before)


def test_write_files_puts_back_what_it_replaced_when_a_later_file_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both files or neither: the second rename fails, so the first file gets its old content."""
    before = _existing(tmp_path)
    real_replace = os.replace
    calls: list[str] = []

    def replace(src: str, dst: str | Path) -> None:
        calls.append(str(dst))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    files = [("new snapshot\n", tmp_path / "releases.json")]
    files.append(("new constrainers\n", tmp_path / "constrainers.json"))
    # One line naming the file (it was an internal error with a traceback hint).
    said = r"constrainers\.json: cannot write \(No space left on device\); nothing was changed"
    with pytest.raises(WriteFailed, match=said):
        write_files(files)
    assert calls[:2] == [str(tmp_path / "releases.json"), str(tmp_path / "constrainers.json")]
    _kept(tmp_path, before)
    # A file that did not exist before is removed again.
    (tmp_path / "releases.json").unlink()
    calls.clear()
    with pytest.raises(WriteFailed, match=said):
        write_files(files)
    _kept(tmp_path, {"constrainers.json": before["constrainers.json"]})


def test_the_snapshot_may_not_be_named_like_the_constrainers(
    local_index: LocalIndex, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match=r"written beside the snapshot as constrainers\.json"):
        refresh(local_index.url, tmp_path / "constrainers.json", today=TODAY)
    assert local_index.requests == [] and list(tmp_path.iterdir()) == []


# -- failures of the index ----------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_index(tmp_path: Path) -> None:
    url = f"http://user:s3cret@127.0.0.1:{closed_port()}/simple/"
    with pytest.raises(IndexUnavailable) as info:
        refresh(url, tmp_path / "r.json", today=TODAY)
    message = str(info.value)
    assert "\n" not in message and "s3cret" not in message and "user" not in message
    assert message.startswith("http://127.0.0.1:")
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ({"status_for": {"/simple/ddtrace/": 503}}, "HTTP 503"),
        ({"status_for": {"/simple/ddtrace/": 404}}, "not found"),
        ({"garbage_for": {"/simple/ddtrace/": b"{not json"}}, "invalid JSON"),
        (
            {"garbage_for": {"/simple/ddtrace/": b'{"meta": {"api-version": "2.0"}, "files": []}'}},
            "API version",
        ),
    ],
)
def test_bad_project_page(fault: dict[str, Any], expected: str, tmp_path: Path) -> None:
    with LocalIndex(**fault) as index, pytest.raises(IndexUnavailable, match=expected):
        refresh(index.url, tmp_path / "r.json", today=TODAY)
    assert not (tmp_path / "r.json").exists()


def test_timeout_is_index_unavailable() -> None:
    with (
        LocalIndex(delay=0.5) as index,
        SimpleIndexClient(index.url, timeout=0.1) as client,
        pytest.raises(IndexUnavailable, match="ReadTimeout") as info,
    ):
        client.project_page("ddtrace")
    assert isinstance(info.value.__cause__, httpx.TimeoutException)


def test_wrong_content_type_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "application/json"}, content=b"{}")

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        client = SimpleIndexClient("https://index.invalid/simple", client=http)
        with pytest.raises(IndexUnavailable, match="unexpected content type 'application/json'"):
            client.project_page("ddtrace")


def test_json_entries_are_read_leniently() -> None:
    page = {
        "meta": {"api-version": "1.1", "_last-serial": 7},
        "name": "demo",
        "files": [
            {
                "filename": "demo-1.0-py3-none-any.whl",
                "url": "/f/demo-1.0-py3-none-any.whl",
                "hashes": {},
                "dist-info-metadata": {"sha256": "ab"},
                "yanked": True,
            },
            {
                "filename": "demo-1.0.tar.gz",
                "url": "https://elsewhere.invalid/demo-1.0.tar.gz",
                "hashes": {},
                "core-metadata": False,
                "size": "big",
            },  # bad size: skipped
            {"url": "/f/nameless.whl", "hashes": {}},  # no filename: skipped
            "not an object",
        ],
    }

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            headers={"Content-Type": "application/vnd.pypi.simple.v1+json"},
            content=json.dumps(page).encode(),
        )

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        result = SimpleIndexClient("https://index.invalid/simple/", client=http).project_page(
            "Demo"
        )
    assert result.name == "demo" and result.last_serial == "7" and result.versions == ("1.0",)
    (wheel,) = result.files
    assert wheel.url == "https://index.invalid/f/demo-1.0-py3-none-any.whl"
    assert wheel.core_metadata and wheel.yanked and wheel.yanked_reason is None


# -- the Range reader ---------------------------------------------------------------------


def test_ignore_range_still_reads_a_small_wheel(local_index: LocalIndex) -> None:
    local_index.ignore_range = True
    assert (
        parse_metadata(read_served(local_index, "demo-1.0-py3-none-any.whl", demo_wheel()))[1]
        == ">=3.9"
    )
    assert [r.status for r in local_index.requests] == [200]


def test_a_large_wheel_is_read_by_ranges_only(local_index: LocalIndex) -> None:
    members = {"demo-1.0.dist-info/METADATA": METADATA, "demo/blob.bin": bytes(range(256)) * 800}
    members.update({f"demo/{'sub/' * 10}module_{i:05d}.py": b"" for i in range(1500)})
    data = build_zip(members, zipfile.ZIP_STORED)
    raw = read_served(local_index, "demo-1.0-py3-none-any.whl", data, size=None)
    assert parse_metadata(raw) == (
        ["envier~=0.6", "wrapt<3,>=1; python_version >= '3.9'"],
        ">=3.9",
    )
    ranges = [r.headers["Range"] for r in local_index.requests]
    assert ranges[0] == "bytes=-65536" and len(ranges) == 3
    assert all(r.status == 206 for r in local_index.requests)
    fetched = sum(int(b) - int(a) + 1 for a, b in (r[6:].split("-") for r in ranges[1:]))
    assert fetched + 65536 < len(data) // 2


def test_zip64_archives(local_index: LocalIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    # With a tiny limit, zipfile writes ZIP64 end records and ZIP64 extra fields.
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 16)
    data = demo_wheel()
    assert b"PK\x06\x06" in data
    raw = read_served(local_index, "demo-1.0-py3-none-any.whl", data)
    assert raw == METADATA


def test_pep_658_metadata_file(local_index: LocalIndex) -> None:
    local_index.extra_files["demo-1.0-py3-none-any.whl.metadata"] = METADATA
    with httpx.Client(timeout=5.0) as client:
        raw = read_wheel_metadata(
            client, local_index.file_url("demo-1.0-py3-none-any.whl"), None, core_metadata=True
        )
    assert raw == METADATA
    assert [r.path for r in local_index.requests] == ["/files/demo-1.0-py3-none-any.whl.metadata"]


def patch_entry(data: bytes, name: bytes, offset: int, fmt: str, value: int) -> bytes:
    """Overwrite a field of the central directory entry of ``name``."""
    at = data.index(b"PK\x01\x02")
    at = data.index(name, at) - 46
    out = bytearray(data)
    struct.pack_into(fmt, out, at + offset, value)
    return bytes(out)


def patch_eocd(data: bytes, offset: int, fmt: str, value: int) -> bytes:
    out = bytearray(data)
    struct.pack_into(fmt, out, data.rindex(b"PK\x05\x06") + offset, value)
    return bytes(out)


MD = b"demo-1.0.dist-info/METADATA"
LIES: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "offset past the end": (lambda d: patch_entry(d, MD, 42, "<L", 10_000_000), "lies"),
    "absurd compressed size": (lambda d: patch_entry(d, MD, 20, "<L", 0x7FFFFFF0), "cap"),
    "huge uncompressed size": (lambda d: patch_entry(d, MD, 24, "<L", 20 * 2**20), "cap"),
    "short uncompressed size": (
        lambda d: patch_entry(d, MD, 24, "<L", len(METADATA) - 1),
        "the central directory says",
    ),
    "wrong crc": (lambda d: patch_entry(d, MD, 16, "<L", 1234), "CRC-32"),
    "directory past the end": (lambda d: patch_eocd(d, 16, "<L", 10_000_000), "lies"),
    "too many entries": (lambda d: patch_eocd(d, 10, "<H", 60_000), "lies"),
    "not a zip": (lambda d: b"\0" * 300, "not a zip file"),
}


@pytest.mark.parametrize("lie", sorted(LIES))
def test_a_lying_central_directory_is_refused(local_index: LocalIndex, lie: str) -> None:
    corrupt, expected = LIES[lie]
    with pytest.raises(IndexUnavailable, match=expected) as info:
        read_served(local_index, "demo-1.0-py3-none-any.whl", corrupt(demo_wheel()))
    assert str(info.value).startswith("demo-1.0-py3-none-any.whl: ")
    assert len(local_index.requests) == 1  # refused from the tail, nothing more fetched


def test_stored_metadata_and_size_mismatch(local_index: LocalIndex) -> None:
    data = demo_wheel(zipfile.ZIP_STORED)
    assert read_served(local_index, "demo-1.0-py3-none-any.whl", data) == METADATA
    with pytest.raises(IndexUnavailable, match="the index lists 10 bytes"):
        read_served(local_index, "demo-1.0-py3-none-any.whl", data, size=10)


def test_a_wheel_without_metadata(local_index: LocalIndex) -> None:
    with pytest.raises(IndexUnavailable, match=r"no \.dist-info/METADATA"):
        read_served(local_index, "demo-1.0-py3-none-any.whl", build_zip({"demo.py": b""}))


# -- pieces of the snapshot ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "key"),
    [
        (Tag("cp311", "cp311", "manylinux_2_17_x86_64"), "cp311"),
        (Tag("cp27", "cp27mu", "manylinux1_x86_64"), "cp27"),
        (Tag("cp38", "abi3", "win_amd64"), "cp38-abi3"),
        (Tag("py3", "none", "any"), "py3"),
        (Tag("cp313", "cp313t", "manylinux_2_17_x86_64"), None),
        (Tag("cp311", "cp310", "any"), None),
        (Tag("pp310", "pypy310_pp73", "manylinux_2_17_x86_64"), None),
    ],
)
def test_interpreter_key(tag: Tag, key: str | None) -> None:
    assert interpreter_key(tag) == key


def test_wheel_coverage() -> None:
    assert wheel_coverage("demo-1.0-py2.py3-none-any.whl") == {("py2", "any"), ("py3", "any")}
    assert wheel_coverage("demo-1.0-cp313-cp313t-win_amd64.whl") == set()
    assert wheel_coverage("demo-1.0-cp39-cp39-macosx_10_9_fat.whl") == set()
    assert wheel_coverage("not-a-wheel.whl") == set()


def test_metadata_wheel_preference(index_client: SimpleIndexClient) -> None:
    page = index_client.project_page("ddtrace")
    files = [f for f in page.files if str(f.version) == "4.16.0"]
    chosen = metadata_wheel(files)
    assert chosen is not None and chosen.filename == WHEEL_4_16
    no_cp311 = [f for f in files if "cp311" not in f.filename]
    chosen = metadata_wheel(no_cp311)
    assert chosen is not None and chosen.filename.startswith("ddtrace-4.16.0-cp310-cp310-many")
    assert chosen.filename.endswith("x86_64.whl")
    assert metadata_wheel([f for f in files if f.is_sdist]) is None


def test_write_snapshot_is_atomic_and_refresh_validates(
    local_index: LocalIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "releases.json"
    write_snapshot({"b": 1, "a": [1, 2]}, out)
    assert out.read_text(encoding="utf-8") == '{"a":[1,2],"b":1}\n'

    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        return {
            "schema_version": 2,
            "project": "ddtrace",
            "snapshot_date": "2026-11-24",
            "wheel_sets": [{}],
            "releases": {"not a version": {"yanked": False, "wheels": 0}},
        }

    monkeypatch.setattr(refresh_module, "build_snapshot", broken)
    with pytest.raises(KnowledgeError, match="not a version"):
        refresh(local_index.url, out)
    assert out.read_text(encoding="utf-8") == '{"a":[1,2],"b":1}\n'  # untouched


# -- the test server itself ---------------------------------------------------------------


def test_local_index_http_behaviour(local_index: LocalIndex) -> None:
    local_index.extra_files["ten.bin"] = b"0123456789"
    url = local_index.file_url("ten.bin")
    with httpx.Client(timeout=5.0) as client:
        head = client.head(url)
        assert head.status_code == 200 and head.headers["content-length"] == "10"
        assert head.content == b""
        suffix = client.get(url, headers={"Range": "bytes=-4"})
        assert suffix.status_code == 206 and suffix.content == b"6789"
        assert suffix.headers["content-range"] == "bytes 6-9/10"
        assert client.get(url, headers={"Range": "bytes=2-3"}).content == b"23"
        assert client.get(url, headers={"Range": "bytes=8-"}).content == b"89"
        assert client.get(url, headers={"Range": "bytes=20-30"}).status_code == 416
        assert client.get(local_index.file_url("missing.whl")).status_code == 404
        page = local_index.url + "ddtrace/"
        html_page = client.get(page, headers={"Accept": "text/html"})
        assert html_page.headers["content-type"].startswith("text/html")
        json_page = client.get(page, headers={"Accept": "application/vnd.pypi.simple.v1+json"})
        assert json_page.json()["name"] == "ddtrace"
        assert client.get(page, headers={"Accept": "image/png"}).status_code == 406
    assert [r.method for r in local_index.requests][:2] == ["HEAD", "GET"]
    assert local_index.requests[1].headers["Range"] == "bytes=-4"


def test_the_shipped_snapshot_is_written_as_refresh_writes_it() -> None:
    """Releases in version order, the rest with sorted keys: byte for byte what
    ``kb refresh`` would write of the same document."""
    from advisor.knowledge import read_data

    text = read_data("releases.json")
    assert refresh_module._snapshot_text(json.loads(text)) == text
    versions = list(json.loads(text)["releases"])
    assert versions == sorted(versions, key=Version)
