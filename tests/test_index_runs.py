"""What an online run does with its threads, its cache and the garbage collector, counted on the
local index server (never timed): a warm run starts no background fetch, a cold one sends no
request twice, and the collector is left as it was found.
"""

from __future__ import annotations

import gc
import json
import time
from pathlib import Path

import pytest
from packaging.version import Version

from advisor.index import source
from advisor.model.release import Release, ReleaseSnapshot
from advisor.resolve import Req, exact, resolve
from advisor.resolve.source import SnapshotSource
from tests._helpers import IAST, ROOT, advise_json, run_python
from tests.indexserver import LocalIndex

DATA = Path(__file__).parent / "data" / "resolver-index"
ACCEPTANCE = "ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n"


def test_a_warm_run_starts_no_background_fetch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[object] = []
    real = source._DaemonPool.__init__

    def counting(self: source._DaemonPool, workers: int) -> None:
        pools.append(self)
        real(self, workers)

    monkeypatch.setattr(source._DaemonPool, "__init__", counting)
    with LocalIndex(root=DATA) as index:
        cold = advise_json(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
        started, sent = len(pools), len(index.requests)
        warm = advise_json(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
        assert len(index.requests) == sent
    assert started > 0 and len(pools) == started  # the cold run's workers only
    assert cold[:2] == warm[:2] and cold[0] == 1


def test_a_cold_run_sends_each_request_once_and_leaves_the_collector_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert gc.isenabled()
    with LocalIndex(root=DATA) as index:
        code, report, err = advise_json(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
        paths = [(r.method, r.path, r.headers.get("Range")) for r in index.requests]
    assert code == 1 and report["recommendation"]["ddtrace"] == "3.15.0", err
    assert len(paths) == len(set(paths))
    assert gc.isenabled()


def test_the_collector_stays_off_when_it_was_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gc.disable()
    try:
        with LocalIndex(root=DATA) as index:
            code, _report, err = advise_json(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
        assert code == 1, err
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cached_pages_are_compact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with LocalIndex(root=DATA) as index:
        advise_json(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
    pages = [json.loads(p.read_text()) for p in (tmp_path / "cache" / "pages").rglob("*.json")]
    assert pages
    for page in pages:
        assert page["format"] == 3 and isinstance(page["wheel_sets"], list)
        for entry in page["versions"].values():
            assert all(v is not None and v is not False for v in entry.values())
            assert not ("meta" in entry and "sdist_file" in entry)


class CountingSource:
    """Two releases per project, the second's Requires-Dist naming the next project."""

    def __init__(self) -> None:
        self.asked: dict[str, int] = {}

    def releases(self, name: str) -> list[Release]:
        self.asked[name] = self.asked.get(name, 0) + 1
        wheels = {"py3": frozenset({"any"})}
        return [
            Release(Version(v), None, False, None, None, False, wheels, None)
            for v in ("1.0", "2.0")
        ]

    def requires_dist(self, name: str, version: Version) -> tuple[str, ...] | None:
        following = {"a": "b", "b": "c"}.get(name)
        return (f"{following}>=1",) if following else ()


def test_the_resolver_reads_each_projects_releases_once_per_cpython() -> None:
    fallback = CountingSource()
    snapshot = ReleaseSnapshot("ddtrace", "", "2026-11-24", ())
    shared = SnapshotSource(snapshot, fallback=fallback)
    roots = [Req("a", exact("2.0"))]
    for python in ("3.11", "3.12", "3.12", "3.11"):
        outcome = resolve(shared, python, "linux-x86_64", roots, {})
        assert getattr(outcome, "versions", None) == {
            "a": Version("2.0"),
            "b": Version("2.0"),
            "c": Version("2.0"),
        }
    # Two CPythons: each project's releases read twice, whatever the resolutions' number.
    assert fallback.asked == {"a": 2, "b": 2, "c": 2}


def test_the_http_client_is_made_without_importing_trio() -> None:
    """httpcore imports trio whenever it is installed (for async code a synchronous client never
    runs): the first client is made without it, and trio is importable as before afterwards."""
    import os

    code = (
        "import importlib.util, sys\n"
        "from advisor.index.http import new_client\n"
        "client = new_client(5.0)\n"
        "assert 'trio' not in sys.modules, 'trio imported'\n"
        "assert 'httpcore' in sys.modules\n"
        "client.close()\n"
        "if importlib.util.find_spec('trio') is not None:\n"
        "    import trio\n"
        "    assert sys.modules['trio'] is trio\n"
        "print('ok')\n"
    )
    done = run_python("-c", code, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0 and done.stdout == "ok\n", done.stderr


def test_async_code_runs_under_trio_after_the_first_client() -> None:
    """httpcore keeps whether its import found trio: a process that made a client (trio kept out
    of httpcore's import) still sends requests with httpx's async client under trio."""
    import importlib.util
    import os

    if importlib.util.find_spec("trio") is None:
        pytest.skip("trio is not installed")
    code = (
        "import sys\n"
        "from advisor.index.http import new_client\n"
        "new_client(5.0).close()\n"
        "assert 'trio' not in sys.modules, 'trio imported'\n"
        "from pathlib import Path\n"
        "import httpx, trio\n"
        "from tests.indexserver import LocalIndex\n"
        "async def main(url):\n"
        "    async with httpx.AsyncClient() as client:\n"
        "        return (await client.get(url)).status_code\n"
        "with LocalIndex(root=Path(sys.argv[1])) as index:\n"
        "    print(trio.run(main, index.url + 'six/'))\n"
    )
    done = run_python(
        "-c", code, str(DATA), env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120
    )
    assert done.returncode == 0 and done.stdout == "200\n", done.stderr


def test_what_is_made_while_the_collector_is_paused_is_counted_old_and_still_collected() -> None:
    import weakref

    from advisor._gc import collector_paused

    class Node:
        pass

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        kept = [Node() for _ in range(5000)]
        cycle = Node()
        cycle.me = cycle  # type: ignore[attr-defined]
        gone = weakref.ref(cycle)
        del cycle
    assert gc.isenabled()
    gc.disable()  # what follows is looked at as the pause left it
    try:
        # The younger generations do not hold the 5,000 made while paused (their next
        # collections would walk them all, for nothing): they count as old ...
        young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation)}
        assert not any(id(k) in young for k in kept)
        assert any(o is kept[0] for o in gc.get_objects(2))
    finally:
        gc.enable()
    # ... and garbage among them is still collected.
    gc.collect()
    assert gone() is None


def test_objects_another_froze_stay_frozen() -> None:
    from advisor._gc import collector_paused

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            pass
        assert gc.get_freeze_count() >= frozen > 0 and gc.isenabled()
    finally:
        gc.unfreeze()


def test_the_collector_is_held_off_from_the_first_request_to_the_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages are read side by side and one after another all through an online run: the
    collector is off from the first request until the index reader is closed, then on."""
    seen: list[bool] = []
    real = source.IndexSource.requires_dist

    def watched(self: source.IndexSource, name: str, version: Version) -> object:
        seen.append(gc.isenabled())
        return real(self, name, version)

    monkeypatch.setattr(source.IndexSource, "requires_dist", watched)
    with LocalIndex(root=DATA) as index:
        code, report, err = advise_json(tmp_path, capsys, index.url, ACCEPTANCE, *IAST)
    assert code == 1 and report["recommendation"]["ddtrace"] == "3.15.0", err
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_pin_is_read_with_its_page_and_the_pages_it_names_start(tmp_path: Path) -> None:
    """prefetch_async with pins: the page, then the pinned release's Requires-Dist, then the
    pages that names, all in the background; asked for afterwards, nothing is sent again."""
    import time

    from advisor.index.cache import Cache

    with LocalIndex(root=DATA) as index:
        reader = source.IndexSource([index.url], Cache(tmp_path / "cache"), timeout=5, deadline=20)
        try:
            reader.prefetch_async(["protobuf"], pins={"protobuf": Version("3.0.0")})
            wanted = {"/simple/protobuf/", "/simple/setuptools/", "/simple/six/"}
            end = time.monotonic() + 15
            while not wanted <= {r.path for r in index.requests} and time.monotonic() < end:
                time.sleep(0.01)
            seen = [r.path for r in index.requests]
            assert wanted <= set(seen)
            assert any(p.startswith("/files/protobuf-3.0.0") for p in seen)
            requires = reader.requires_dist("protobuf", Version("3.0.0"))
            assert requires and any(r.startswith("setuptools") for r in requires)
            reader.releases("setuptools")
            reader.releases("six")
            assert [r.path for r in index.requests] == seen  # nothing sent twice
        finally:
            reader.close()


def test_a_client_made_after_close_leaves_the_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """close() does not wait long for a worker: one that makes the HTTP client only after it
    (still importing httpx, say) does not turn the collector off for the rest of the process."""
    import threading

    from advisor.index import http

    release, made = threading.Event(), threading.Event()
    real = http.new_client

    def slow(timeout: float) -> object:
        release.wait(10)
        try:
            return real(timeout)
        finally:
            made.set()

    monkeypatch.setattr(http, "new_client", slow)
    monkeypatch.setattr(source, "_CLOSE_WAIT", 0.0)
    assert gc.isenabled()
    reader = source.IndexSource(["http://127.0.0.1:9/simple/"], None, timeout=5, deadline=20)
    reader.prefetch_async(["demo"])
    reader.close()
    release.set()
    assert made.wait(10)
    # The worker goes on to ask for the page, holding the collector off while it reads and
    # retries (as every page read does; the reader's deadline of 20 s bounds it): the collector
    # must be on again once it is done, not at once.
    deadline = time.monotonic() + 30
    while not gc.isenabled() and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        assert gc.isenabled()
    finally:
        gc.enable()
        if reader._client is not None:
            reader._client.close()


def test_a_pin_written_without_trailing_zeros_reads_the_release_it_names(tmp_path: Path) -> None:
    """``protobuf==3.0`` names the index's 3.0.0 (pip compares them padded with zeros, and so do
    versions): its Requires-Dist, read with its page in the background, is 3.0.0's, not none
    kept for the resolver to find when it asks for 3.0.0."""
    import time

    from advisor.index.cache import Cache

    with LocalIndex(root=DATA) as index:
        reader = source.IndexSource([index.url], Cache(tmp_path / "cache"), timeout=5, deadline=20)
        try:
            reader.prefetch_async(["protobuf"], pins={"protobuf": Version("3.0")})
            end = time.monotonic() + 15
            while ("protobuf", Version("3.0")) not in reader._meta.results:
                assert time.monotonic() < end
                time.sleep(0.01)
            requires = reader.requires_dist("protobuf", Version("3.0.0"))
            assert requires and any(r.startswith("setuptools") for r in requires)
        finally:
            reader.close()


@pytest.mark.parametrize("offline", [True, False])
def test_a_missing_page_is_looked_for_once_offline_and_again_online(
    offline: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offline, a page the cache does not hold stays missing for the run: the error is said
    again without another look (a monorepo's projects ask for it hundreds of times). Online,
    a failure is not kept: the next caller tries again."""
    from advisor.errors import IndexUnavailable

    reader = source.IndexSource(["https://pypi.org/simple/"], None, offline=offline)
    looked: list[str] = []

    def fetch(name: str) -> dict[str, object]:
        looked.append(name)
        raise IndexUnavailable(f"no cached data for {name} (offline)", code="offline-no-data")

    monkeypatch.setattr(reader, "_fetch_page", fetch)
    errors = []
    for _ in range(3):
        with pytest.raises(IndexUnavailable) as caught:
            reader.releases("flask")
        errors.append((caught.value.message, caught.value.code))
    assert errors == [("no cached data for flask (offline)", "offline-no-data")] * 3
    assert looked == ["flask"] * (1 if offline else 3)
    reader.close()


def test_offline_without_a_cache_every_answer_is_the_same_when_missing_pages_are_kept() -> None:
    """The offline memory of missing pages changes no answer: a cache-less offline reader says
    the same error for a page whether asked first or again."""
    from advisor.errors import IndexUnavailable

    reader = source.IndexSource(["https://pypi.org/simple/"], None, offline=True)
    said = []
    for name in ("flask", "requests", "flask"):
        with pytest.raises(IndexUnavailable) as caught:
            reader.releases(name)
        said.append(caught.value.message)
    assert said[0] == said[2] and "flask" in said[0] and "requests" in said[1]
    reader.close()
