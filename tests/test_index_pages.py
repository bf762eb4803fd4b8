"""Project pages read as they arrive: the same answers as reading them whole, fewer objects.

:class:`advisor.index.jsonpage.JsonPageReader` is held to ``json.loads`` of the whole body
(accepted and refused alike, whatever the pieces it comes in), and
:class:`advisor.index.pageentries.PageEntries` to the entries the cache held when every file
was an :class:`~advisor.index.simple.IndexFile` grouped by :mod:`advisor.index.entries`
(:func:`reference_entries`, the code it replaced). Counts, never timings.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from advisor.errors import IndexUnavailable
from advisor.index import jsonpage, pageformat, simple
from advisor.index.entries import group_files, metadata_wheel_grouped, release_entry_grouped
from advisor.index.jsonpage import JsonPageReader
from advisor.index.pageentries import PageEntries
from advisor.index.pageformat import Entry
from advisor.index.simple import IndexFile
from advisor.model.release import release_from_entry
from tests.indexserver import LocalIndex, render_html

DATA = Path(__file__).parent / "data"
PAGE_URL = "https://index.example/simple/demo/"
SHOWN = "https://index.example/simple/demo/"


def store(url: str) -> tuple[str, str | None]:
    return url, "https://index.example/" if url.startswith("https://index.example/") else None


def reference_entries(
    files: Sequence[IndexFile],
    listed: Sequence[str],
    store: Callable[[str], tuple[str, str | None]],
) -> dict[str, Any]:
    """The cache's page entries as they were made before pages were read as they arrive."""
    out: dict[str, Any] = {}
    for version, vfiles in group_files(files, listed).items():
        entry = release_entry_grouped(version, vfiles, lambda _m: None)
        wheel = metadata_wheel_grouped(vfiles)
        core: bool | str = False
        if wheel and wheel.core_metadata:
            core = (
                f"{wheel.metadata_hash[0]}={wheel.metadata_hash[1]}"
                if wheel.metadata_hash
                else True
            )
        entry["meta"] = (
            [*store(wheel.url)[:1], wheel.size, core, store(wheel.url)[1]] if wheel else None
        )
        # Since pages are read as they arrive, the sdist is kept only when no wheel gives the
        # metadata (IndexSource reads it only then).
        sdist = next((f for f in vfiles if f.is_sdist and not f.yanked), None)
        sdist = sdist if wheel is None else None
        entry["sdist_file"] = (
            [store(sdist.url)[0], sdist.size, False, store(sdist.url)[1]] if sdist else None
        )
        out[version] = entry
    return out


def pieces(body: bytes, size: int) -> Iterator[bytes]:
    return (body[i : i + size] for i in range(0, len(body), size))


def as_before(entries: dict[str, Entry]) -> dict[str, Any]:
    """Entries as :func:`reference_entries` writes them (platform lists, Requires-Dist)."""
    out = {}
    for version, entry in entries.items():
        wheels = {interp: sorted(platforms) for interp, platforms in entry["wheels"].items()}
        before = {**entry, "wheels": wheels, "requires_dist": None}
        out[version] = {key: before[key] for key in (*REFERENCE_KEYS, "meta", "sdist_file")}
    return out


REFERENCE_KEYS = (
    "requires_python",
    "yanked",
    "yanked_reason",
    "upload_time",
    "sdist",
    "wheels",
    "requires_dist",
)


def streamed(body: bytes, size: int) -> tuple[dict[str, Any], tuple[str, ...], str | None]:
    """The page's entries, versions and serial as a page read piece by piece makes them."""
    entries, versions, serial = streamed_entries(body, size)
    return as_before(entries), versions, serial


def streamed_entries(
    body: bytes, size: int
) -> tuple[dict[str, Entry], tuple[str, ...], str | None]:
    sink = PageEntries(store)
    sink.begin(httpx.URL(PAGE_URL))
    _name, serial, listed = simple._read_json(pieces(body, size), SHOWN, None, sink)
    versions = listed if listed is not None else sink.versions()
    return sink.entries(versions), versions, serial


def whole(body: bytes) -> tuple[dict[str, Any], tuple[str, ...], str | None]:
    page = simple._parse_json(body, PAGE_URL, "demo", SHOWN)
    return reference_entries(page.files, page.versions, store), page.versions, page.last_serial


def recorded_pages() -> list[Path]:
    return sorted(DATA.glob("*/simple/*/index.json"))


@pytest.mark.parametrize("page", recorded_pages(), ids=lambda p: f"{p.parts[-4]}/{p.parts[-2]}")
def test_recorded_pages_give_the_same_entries(page: Path) -> None:
    body = page.read_bytes()
    expected = whole(body)
    assert expected[0], "the page lists versions"
    for size in (len(body), 65536, 997, 1):
        assert streamed(body, size) == expected


@pytest.mark.parametrize("page", recorded_pages()[:6], ids=lambda p: p.parts[-2])
def test_html_pages_give_the_same_entries(page: Path) -> None:
    doc = json.loads(page.read_bytes())
    body = render_html(doc).encode()
    parsed = simple._parse_html(body, "text/html", PAGE_URL, "demo", SHOWN)
    sink = PageEntries(store)
    sink.begin(httpx.URL(PAGE_URL))
    for f in parsed.files:
        sink.add_file(f)
    assert sink.versions() == parsed.versions
    expected = reference_entries(parsed.files, parsed.versions, store)
    assert as_before(sink.entries(parsed.versions)) == expected


@pytest.mark.parametrize("page", recorded_pages(), ids=lambda p: f"{p.parts[-4]}/{p.parts[-2]}")
def test_pages_are_cached_compactly_and_read_back_whole(page: Path) -> None:
    body = page.read_bytes()
    entries, _versions, _serial = streamed_entries(body, 65536)
    stored = json.loads(json.dumps(pageformat.store(entries)))
    # As stored: all but the version parsed (read back, it is parsed again).
    assert pageformat.load(stored) == {
        version: {k: v for k, v in entry.items() if k != "version"}
        for version, entry in entries.items()
    }
    assert all(str(e["version"]) == v for v, e in entries.items() if "version" in e)
    assert len(json.dumps(stored)) < len(json.dumps(as_before(entries)))
    # Each release is the one the entries of the format before made.
    reference = whole(body)[0]
    for version, entry in entries.items():
        expected = release_from_entry(version, reference[version])
        assert pageformat.release(version, entry) == expected


@pytest.mark.parametrize("page", recorded_pages(), ids=lambda p: f"{p.parts[-4]}/{p.parts[-2]}")
def test_a_page_just_read_is_stored_in_version_order(page: Path) -> None:
    """(Every reader of a stored page wants its releases ascending: sorting what is sorted
    costs one pass.) A page whose entries are not all parsed (one the cache gave back, a
    304) is stored in the order given."""
    entries, _versions, _serial = streamed_entries(page.read_bytes(), 65536)
    stored = pageformat.store(entries)["versions"]
    if all("version" in e for e in entries.values()):
        assert [entries[v]["version"] for v in stored] == sorted(
            e["version"] for e in entries.values()
        )
    given = {v: {k: x for k, x in e.items() if k != "version"} for v, e in entries.items()}
    assert list(pageformat.store(reversed_dict(given))["versions"]) == list(reversed(given))


def reversed_dict(d: dict[str, Any]) -> dict[str, Any]:
    return dict(reversed(list(d.items())))


def test_a_release_takes_the_version_the_snapshot_parsed_for_its_text() -> None:
    """ddtrace's page lists the versions the shipped snapshot holds, written alike: a release
    read from the cache takes the snapshot's parsed version (equal, and the same object)."""
    from packaging.version import Version

    from advisor.knowledge.releases import load_snapshot
    from advisor.model.release import version_of

    snapshot = load_snapshot()
    known = snapshot.releases[-1].version
    assert version_of(str(known)) is known
    entry = pageformat.load({"wheel_sets": [], "versions": {str(known): {}}})
    assert entry is not None
    assert pageformat.release(str(known), entry[str(known)]).version is known
    fresh = version_of("999.1.post2")
    assert fresh == Version("999.1.post2") and version_of("999.1.post2") is not fresh


@pytest.mark.parametrize(
    "doc",
    [
        {"wheel_sets": {}, "versions": {}},
        {"wheel_sets": [], "versions": []},
        {"wheel_sets": [{"py3": "any"}], "versions": {}},
        {"wheel_sets": [{"py3": [1]}], "versions": {}},
        {"wheel_sets": [], "versions": {"1.0": {"wheels": 0}}},
        {"wheel_sets": [{}], "versions": {"1.0": {"wheels": True}}},
        {"wheel_sets": [{}], "versions": {"1.0": {"wheels": -1}}},
        {"wheel_sets": [], "versions": {"1.0": {"python": 3}}},
        {"wheel_sets": [], "versions": {"1.0": {"yanked": "yes"}}},
        {"wheel_sets": [], "versions": {"1.0": {"unknown": 1}}},
        {"wheel_sets": [], "versions": {"1.0": []}},
    ],
)
def test_a_stored_page_of_another_shape_is_not_used(doc: dict[str, Any]) -> None:
    assert pageformat.load(doc) is None


def odd_page(listed: bool) -> bytes:
    """Entries that do not follow the spec, yanked variants, disagreeing Requires-Python,
    relative and unusable URLs, equal versions written twice, names that are not files."""
    files: list[Any] = [
        {"filename": "demo-1.0.tar.gz", "url": "../../f/demo-1.0.tar.gz", "hashes": {}},
        {"filename": "demo-1.0.0-py3-none-any.whl", "url": "f/a.whl", "hashes": {}},
        {"filename": "demo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl", "url": "x.whl"},
        {
            "filename": "demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl",
            "url": "https://files.example/demo-1.0-cp312.whl",
            "requires-python": ">=3.8",
            "core-metadata": {"sha256": "ab" * 32},
            "size": 10,
        },
        {
            "filename": "demo-1.0-py2.py3-none-any.whl",
            "url": "https://files.example/p.whl",
            "requires-python": ">=3.7",
            "dist-info-metadata": True,
            "upload-time": "2020-01-02T00:00:00Z",
        },
        {"filename": "demo-2.0.zip", "url": "z.zip", "yanked": "broken", "upload-time": "2021"},
        {"filename": "demo-2.0-py3-none-any.whl", "url": "w.whl", "yanked": True},
        {"filename": "demo-2.0.tar.gz", "url": "t.tgz", "yanked": ""},
        {"filename": "demo-3.0.tar.gz", "url": "\x00bad", "hashes": {}},
        {"filename": "demo-3.0-py3-none-any.whl", "url": "http://[::1", "hashes": {}},
        {"filename": "demo-3.0-py3-none-any.whl", "url": "ok.whl", "core-metadata": "sha256=ff"},
        {"filename": "demo-4.0-py3-none-any.whl", "url": "a", "size": True},
        {"filename": "demo-4.0-py3-none-any.whl", "url": "a", "size": -1},
        {"filename": "demo-4.0-py3-none-any.whl", "url": "a", "hashes": {"sha256": 1}},
        {"filename": "demo-4.0-py3-none-any.whl", "url": "a", "yanked": 0},
        {"filename": "demo-4.0-py3-none-any.whl", "url": "a", "requires-python": 3},
        {"filename": "demo-4.0-py3-none-any.whl", "url": "a", "upload-time": 5},
        {"filename": "", "url": "a"},
        {"filename": "demo-5.0.exe", "url": "e"},
        {"filename": "demo-bad.version-py3-none-any.whl", "url": "b"},
        {"filename": "demo-5.0-py3-none.whl", "url": "b"},
        {"filename": "demo-5.0-1-cp39-abi3-win_amd64.whl", "url": "b", "requires-python": ""},
        {"filename": "demo-5.0-cp39-abi3-macosx_11_0_arm64.whl", "url": "c", "yanked": False},
        {"filename": "demo-6.0rc1.tar.gz", "url": "r"},
        "not an object",
        7,
        None,
        [],
    ]
    doc: dict[str, Any] = {"meta": {"api-version": "1.1", "_last-serial": 12}, "files": files}
    if listed:
        doc["versions"] = ["0.5", "1.0", "2.0", "not a version", "5.0", "1.0.0"]
    doc["name"] = "demo"
    return json.dumps(doc).encode()


@pytest.mark.parametrize("listed", [True, False])
def test_odd_entries_give_the_same_entries(listed: bool) -> None:
    body = odd_page(listed)
    expected = whole(body)
    for size in (len(body), 100, 7, 1):
        assert streamed(body, size) == expected


def test_every_file_of_a_page_read_for_releases_is_folded_not_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An online run reads its pages without making an IndexFile of any file."""
    from tests._helpers import IAST, advise_json

    built: list[object] = []
    real = simple._json_file

    def counting(raw: Any, urls: Any) -> Any:
        built.append(raw)
        return real(raw, urls)

    monkeypatch.setattr(simple, "_json_file", counting)
    with LocalIndex(root=DATA / "resolver-index") as index:
        code, report, err = advise_json(
            tmp_path, capsys, index.url, "ddtrace==2.21.4\nenvier==0.5.2\n", *IAST
        )
        pages = [r for r in index.requests if r.path.startswith("/simple/")]
    assert code == 1 and report["recommendation"]["ddtrace"] == "3.15.0", err
    assert pages and built == []


# --- the reader against json.loads -------------------------------------------------------------

SAMPLES = [
    odd_page(True),
    b'{"files": [], "files": [1, 2.5e3, -0, true, null, "s\\u00e9", [], {}], "name": "n"}',
    b'{"files": [1], "files": 3}',
    b' \n\t{ "files" : [ 123 , 456 ] , "meta" : { } } \r\n',
    b'{"files": [1e400, 12345678901234567890123, -1.5E-3, NaN, Infinity, -Infinity]}',
    b'{"fil\\u0065s": [7], "versions": ["1.0"], "name": "x", "meta": 1, "meta": {"a": 2}}',
    b'\xef\xbb\xbf{"files": []}',
    '{"files": ["\u00e9\u4e2d"]}'.encode("utf-16"),
    '{"files": [1]}'.encode("utf-16-le"),
    '{"files": [1]}'.encode("utf-32"),
    b'{"files": ["a\\ud800b"], "name": "\\"q\\""}',
    b"[1,2]",
    b'"x"',
    b"123",
    b"",
    b" ",
    b"{",
    b"{}",
    b'{"a":1,}',
    b'{"files":[1,]}',
    b'{"files":[,1]}',
    b'{"files":[1 2]}',
    b'{"files":[1]}x',
    b'{"files":[1]} {}',
    b'{"files": ["\xff"]}',
    b'{"files": ["tab\there"]}',
    b'{"files":[{"a":1}{"b":2}]}',
    b'{"files" [1]}',
    b"{1: 2}",
    b"{'files': []}",
    b'{"files": [tru]}',
    b'{"files": [true]',
    b'{"files": [00]}',
    b'{"files": [-]}',
    b'{"files": [1.]}',
    b'{"files": ["\\x"]}',
    b'{"files":[]}\x00',
    b"[" * 5000,
    b'{"files": [' + b"[" * 3000 + b"]" * 3000 + b"]}",
    b'{"files": [' + b"[" * 300 + b"]" * 300 + b"]}",
]


def count_scans(reader: JsonPageReader) -> list[int]:
    """The reader's JSON scans from now on: the index each starts at, one per scan."""
    scans: list[int] = []
    real = reader._scan

    def scan(text: str, idx: int) -> Any:
        scans.append(idx)
        return real(text, idx)

    reader._scan = scan
    return scans


class Collect:
    def __init__(self) -> None:
        self.items: list[object] = []

    def reset(self) -> None:
        self.items = []

    def extend(self, raws: list[Any]) -> None:
        self.items.extend(raws)


def read(body: bytes, sizes: Callable[[], int]) -> tuple[Any, ...]:
    sink = Collect()
    reader = JsonPageReader(sink, max_braces=10**9, max_files=10**9)
    start = 0
    while start < len(body):
        size = sizes()
        reader.feed(body[start : start + size])
        start += size
    reader.finish()
    if reader.error is not None:
        return ("invalid", reader.error.nested)
    if not reader.is_object:
        return ("not an object",)
    files = (sink.items, reader.files) if reader.files_is_list else None
    return ("page", files, reader.top)


def loads(body: bytes) -> tuple[Any, ...]:
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return ("invalid", False)
    except RecursionError:
        return ("invalid", True)
    if not isinstance(data, dict):
        return ("not an object",)
    files = data.get("files")
    listed = (files, len(files)) if isinstance(files, list) else None
    return ("page", listed, {k: data[k] for k in ("meta", "name", "versions") if k in data})


def same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    # NaN is not equal to itself: compare the JSON texts (repr for what JSON cannot hold).
    return json.dumps(a, default=repr, sort_keys=True) == json.dumps(
        b, default=repr, sort_keys=True
    )


def mutations(seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    out = [SAMPLES[1][:i] for i in range(len(SAMPLES[1]))]  # every truncation
    for _ in range(count):
        doc = bytearray(rng.choice(SAMPLES[:4]))
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(doc) + 1)
            char = rng.choice(b'{}[]",:0123456789 \t\nabcdefilnrstu\\.-+eE\xff')
            op = rng.random()
            if op < 0.4 and at < len(doc):
                doc[at] = char
            elif op < 0.7:
                doc.insert(at, char)
            elif at < len(doc):
                del doc[at]
        out.append(bytes(doc))
    return out


@pytest.mark.parametrize("body", SAMPLES, ids=range(len(SAMPLES)))
def test_the_reader_accepts_and_refuses_what_json_loads_does(body: bytes) -> None:
    expected = loads(body)
    rng = random.Random(len(body))
    for sizes in (lambda: 1 << 30, lambda: 1, lambda: rng.randint(1, 9)):
        assert same(read(body, sizes), expected)


def test_mutated_pages_are_read_as_json_loads_reads_them() -> None:
    rng = random.Random(7)
    for body in mutations(11, 1500):
        expected = loads(body)
        for sizes in (lambda: 1 << 30, lambda: rng.randint(1, 5)):
            assert same(read(body, sizes), expected), body


@settings(max_examples=200, deadline=None)
@given(
    doc=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    ),
    split=st.integers(min_value=1, max_value=17),
    indent=st.sampled_from([None, 0, 2]),
)
def test_generated_pages(doc: Any, split: int, indent: int | None) -> None:
    page = {"meta": {"api-version": "1.1"}, "files": [doc, {"x": doc}], "versions": doc}
    body = json.dumps(page, indent=indent).encode()
    assert same(read(body, lambda: split), loads(body))


def test_a_page_is_held_a_piece_at_a_time() -> None:
    """What the reader holds stays within a piece and a file entry, whatever the page size."""
    entry = {"filename": "demo-1.0-py3-none-any.whl", "url": "a.whl", "hashes": {"sha256": "0"}}
    body = json.dumps({"files": [entry] * 20_000, "meta": {"api-version": "1.1"}}).encode()
    sink = Collect()
    reader = JsonPageReader(sink, max_braces=10**9, max_files=10**9)
    most = 0
    for piece in pieces(body, 65536):
        reader.feed(piece)
        most = max(most, reader.held)
    reader.finish()
    assert reader.error is None and len(sink.items) == 20_000
    assert most < 200 and len(body) > 1_000_000


def test_a_value_cut_by_every_piece_is_scanned_a_bounded_number_of_times() -> None:
    """One long value arriving a byte at a time is not scanned again per byte."""
    body = b'{"files": ["' + b"x" * 100_000 + b'"]}'
    sink = Collect()
    reader = JsonPageReader(sink, max_braces=10**9, max_files=10**9)
    scans = count_scans(reader)
    for piece in pieces(body, 1):
        reader.feed(piece)
    reader.finish()
    assert sink.items == ["x" * 100_000]
    assert len(scans) < 60  # a few per doubling of the text held, not 100,000


def test_over_the_brace_cap_nothing_more_is_decoded() -> None:
    entry = b'{"filename": "a-1.0.tar.gz", "url": "u", "hashes": {}},'
    body = b'{"files": [' + entry * 10_000 + b"1]}"
    sink = Collect()
    reader = JsonPageReader(sink, max_braces=1000, max_files=10**9)
    for piece in pieces(body, 4096):
        reader.feed(piece)
    reader.finish()
    assert reader.too_many and len(sink.items) <= 500 and reader.held == 0
    assert reader.braces == body.count(b"{")  # every piece counted, also those not parsed


@pytest.mark.parametrize("size", [1, 997, 65536])
def test_every_brace_of_a_page_is_counted(size: int) -> None:
    body = uniform_page(1, files=500)
    reader = JsonPageReader(Collect(), max_braces=10**9, max_files=10**9)
    for piece in pieces(body, size):
        reader.feed(piece)
    reader.finish()
    assert reader.error is None and reader.braces == body.count(b"{")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"[" * 200_000, "invalid JSON (nested too deeply)"),
        (b'{"files": [1, ', "invalid JSON"),
        (b'{"files": 1}', "no 'files' list"),
        (b'{"meta": {"api-version": "2.0"}, "files": []}', "unsupported repository API version"),
        # A number json.loads refuses (more digits than Python converts): invalid, not a crash,
        # whether it is an entry, inside a run of entries or a top-level value.
        (b'{"files": [{"size": ' + b"1" * 5000 + b"}]}", "invalid JSON"),
        (
            b'{"files": [' + b'{"a": 1}, ' * 500 + b"{" + b'"size": ' + b"1" * 5000 + b"}]}",
            "invalid JSON",
        ),
        (b'{"files": [' + b"1" * 5000 + b"]}", "invalid JSON"),
        (b'{"meta": ' + b"1" * 5000 + b', "files": []}', "invalid JSON"),
    ],
    ids=[
        "nested",
        "cut",
        "files-not-a-list",
        "api-version",
        "long-number",
        "long-number-in-a-run",
        "long-number-entry",
        "long-number-at-the-top",
    ],
)
def test_refusals_name_the_page(body: bytes, message: str) -> None:
    for size in (len(body), 3):
        with pytest.raises(IndexUnavailable, match=message.replace("(", r"\(").replace(")", r"\)")):
            streamed(body, size)


def test_a_files_list_past_the_cap_is_not_read_further() -> None:
    """A list of a million ``1`` holds no brace: it is refused once it passes the file cap,
    not read to its end."""
    body = b'{"files": [' + b"1," * 1_000_000 + b'1], "meta": {"api-version": "1.1"}}'
    sink = Collect()
    reader = JsonPageReader(sink, max_braces=10**9, max_files=100)
    scans = count_scans(reader)
    for piece in pieces(body, 65536):
        reader.feed(piece)
    reader.finish()
    assert reader.too_many and len(sink.items) == 100
    assert len(scans) < 250
    with pytest.raises(IndexUnavailable, match="lists more than"):
        simple_cap = simple.MAX_PAGE_FILES
        try:
            simple.MAX_PAGE_FILES = 100
            streamed(body, 65536)
        finally:
            simple.MAX_PAGE_FILES = simple_cap


# --- entries read in runs and folded a batch at a time -------------------------------------------

_TAGS = [
    "py3-none-any",
    "py2.py3-none-any",
    "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
    "cp312-cp312-manylinux_2_17_x86_64",
    "cp39-abi3-macosx_11_0_arm64",
    "cp313-cp313t-win_amd64",
    "cp310-cp310-musllinux_1_1_aarch64",
]


def uniform_page(seed: int, files: int = 3000) -> bytes:
    """A page whose entries nearly all have one shape (so they are folded in runs), with what
    a run must still get right: yanked files and reasons (one holding ``}, {``), Requires-Python
    on some files only, equal names, upload times out of order, build tags, relative and
    unusable URLs (seed 5), names that do not parse, versions written two ways, metadata offered."""
    rng = random.Random(seed)
    entries: list[Any] = []
    versions = [
        f"{major}.{minor}.{patch}" for major in range(3) for minor in range(4) for patch in range(3)
    ]
    while len(entries) < files:
        version = rng.choice(versions)
        shown = rng.choice([version, version + ".0"]) if rng.random() < 0.1 else version
        build = "-1" if rng.random() < 0.05 else ""
        names = [f"demo-{shown}{build}-{tags}.whl" for tags in rng.sample(_TAGS, rng.randint(1, 6))]
        if rng.random() < 0.5:
            names.append(f"demo-{shown}.tar.gz")
        if rng.random() < 0.03:
            names.append(f"demo-{shown}-py3-none.whl")  # a name that does not parse
        if rng.random() < 0.03:
            names.append(
                f"Demo_x-{shown}-py3-none-any.whl"
                if rng.random() < 0.5
                else "demo-x.y-py3-none-any.whl"
            )
        for name in names:
            entry: dict[str, Any] = {
                "filename": name,
                "hashes": {"sha256": f"{rng.getrandbits(256):064x}"},
                "requires-python": rng.choice([None, ">=3.8", ">=3.9", ""]),
                "size": rng.randint(0, 10**6),
                "upload-time": f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-01T00:00:00Z",
                "url": rng.choice(
                    [f"https://files.example/p/{name}"] * 8
                    + [f"../../files/{name}", f"https://files.example/./{name}"]
                    + (["http://[::1"] if seed == 5 else [])
                ),
                "yanked": rng.choice([False] * 12 + [True, "broken", "", 'a }, {"x": 1']),
            }
            if rng.random() < 0.1:
                entry["core-metadata"] = {"sha256": "ab" * 32}
                entry["data-dist-info-metadata"] = {"sha256": "ab" * 32}
            if rng.random() < 0.02:
                del entry["size"]
            entries.append(entry)
    if seed % 2:
        rng.shuffle(entries)
    doc = {"meta": {"api-version": "1.1"}, "name": "demo", "files": entries}
    return json.dumps(doc, separators=(",", ":") if seed % 3 else None).encode()


@pytest.mark.parametrize("seed", range(6))
def test_entries_folded_in_runs_give_the_same_entries(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = uniform_page(seed)
    expected = whole(body)
    one_by_one = 0
    real = PageEntries.add

    def counted(self: PageEntries, raw: object) -> None:
        nonlocal one_by_one
        one_by_one += 1
        real(self, raw)

    monkeypatch.setattr(PageEntries, "add", counted)
    for size in (len(body), 65536, 4099, 997):
        one_by_one = 0
        assert streamed(body, size) == expected
        # Nearly every batch has one shape: read a column at a time, not entry by entry (but
        # for a batch with a URL that is not one, whose files are read one by one).
        if seed != 5:
            assert one_by_one < len(json.loads(body)["files"]) // 2


def test_a_batch_of_another_shape_is_read_entry_by_entry() -> None:
    """One entry that does not follow the spec among a thousand that do: that one is skipped,
    the others counted, as entry by entry."""
    good = {"filename": "demo-1.0-py3-none-any.whl", "url": "https://f.example/a.whl"}
    for bad in (
        {"filename": 7, "url": "u"},
        {"filename": "demo-1.0.tar.gz", "url": "u", "size": -1},
        {"filename": "demo-1.0.tar.gz", "url": "u", "hashes": {"sha256": 1}},
        {"filename": "demo-1.0.tar.gz", "url": "u", "yanked": None},
        {"filename": "demo-1.0.tar.gz", "url": "u", "size": True},
        "entry",
        None,
    ):
        body = json.dumps({"files": [good] * 700 + [bad] + [good] * 700}).encode()
        assert streamed(body, 4096) == whole(body)


class Tried(Collect):
    def __init__(self) -> None:
        super().__init__()
        self.batches: list[int] = []

    def extend(self, raws: list[Any]) -> None:
        self.batches.append(len(raws))
        super().extend(raws)


def read_counting(
    body: bytes, size: int, max_files: int = 10**9
) -> tuple[JsonPageReader, Tried, int]:
    """The reader over ``body`` in pieces of ``size``, and the text it tried as runs."""
    sink = Tried()
    reader = JsonPageReader(sink, max_braces=10**9, max_files=max_files)
    tried = 0
    real = reader._run

    def run(buf: str, start: int, end: int) -> Any:
        nonlocal tried
        tried += end - start
        return real(buf, start, end)

    reader._run = run  # type: ignore[method-assign]
    for piece in pieces(body, size):
        reader.feed(piece)
    reader.finish()
    return reader, sink, tried


@pytest.mark.parametrize("compact", [False, True])
def test_entries_are_read_in_runs_and_handed_over_in_batches(compact: bool) -> None:
    entry = {"filename": "demo-1.0-py3-none-any.whl", "url": "a.whl", "hashes": {"sha256": "0"}}
    separators = (",", ":") if compact else None  # PyPI's form, or json.dumps'
    body = json.dumps({"files": [entry] * 20_000}, separators=separators).encode()
    reader, sink, tried = read_counting(body, 65536)
    assert reader.error is None and sink.items == [entry] * 20_000
    assert len(body) // 2 < tried <= len(body)  # most entries read in runs, each once
    # Batches of about _BATCH entries (a run read whole may take one past it).
    batch = jsonpage._BATCH
    assert max(sink.batches) < 2 * batch + 700 and len(sink.batches) <= 20_000 // batch + 2


@pytest.mark.parametrize("size", [1, 1000, 65536])
def test_text_that_fails_as_a_run_is_not_tried_again(size: int) -> None:
    """Entries whose strings hold ``}, {``: the text up to one is no run, and each failed try
    is of text not tried before (linear in the page, whatever the pieces)."""
    entry = {"filename": "demo-1.0.tar.gz", "url": "u", "yanked": "}, {" * 3000}
    body = json.dumps({"files": [entry] * 300}).encode()
    reader, sink, tried = read_counting(body, size)
    assert reader.error is None and sink.items == [entry] * 300
    assert tried <= 3 * len(body)


@pytest.mark.parametrize(
    "files",
    [
        "1," * 50_000 + "1",  # no object at all
        ",\n    ".join(['{"filename": "demo-1.0.tar.gz", "url": "u"}'] * 20_000),  # indented
        '{"filename": "' + "x" * 1_000_000 + '"},' + "1," * 50_000 + "1",  # a long first one
    ],
    ids=["numbers", "indented", "after-a-long-entry"],
)
def test_text_without_an_end_of_entry_is_searched_once(files: str) -> None:
    """Text in which no entry is followed by another as ``}, {`` (or ``},{``) is searched for
    one once, not again before each entry read from it (linear in the page, not in entries
    times the text held)."""
    body = ('{"files": [' + files + "]}").encode()
    sink = Tried()
    reader = JsonPageReader(sink, max_braces=10**9, max_files=10**9)
    searched = 0
    real = reader._run_end

    def run_end(buf: str, start: int, ends: list[str]) -> int:
        nonlocal searched
        searched += len(buf) - start
        return real(buf, start, ends)

    reader._run_end = run_end  # type: ignore[method-assign]
    for piece in pieces(body, 65536):
        reader.feed(piece)
    reader.finish()
    assert reader.error is None and sink.items == json.loads(body)["files"]
    assert searched <= 3 * len(body)


def test_a_run_past_the_cap_hands_over_the_entries_up_to_it() -> None:
    body = json.dumps({"files": [{"a": 1}] * 5000}).encode()
    checks = 0

    def check() -> None:
        nonlocal checks
        checks += 1

    reader, sink, _tried = read_counting(body, 65536, max_files=3000)
    assert reader.too_many and len(sink.items) == 3000
    sink = Tried()
    reader = JsonPageReader(sink, max_braces=10**9, max_files=10**9, check=check, check_every=100)
    for piece in pieces(body, 8192):
        reader.feed(piece)
    reader.finish()
    # The deadline is checked as entries are read: after each run that passes a hundred more
    # (a run is a piece's worth: some 800 entries here).
    assert reader.files == 5000 and 5 <= checks <= 50


def test_an_entry_cut_by_a_piece_costs_its_own_length() -> None:
    """A scan that fails (an entry cut by the end of a piece) costs the text before it as well
    (the scanner's error counts lines from the text's start): the cut entry is scanned on its
    own, so the failures of a page cost about its entries, not its pieces' lengths."""
    entry = {"filename": "demo-1.0-py3-none-any.whl", "url": "u" * 400, "hashes": {}}
    body = json.dumps({"files": [entry] * 4000}).encode()
    sink = Tried()
    reader = JsonPageReader(sink, max_braces=10**9, max_files=10**9)
    failed = 0
    real = reader._scan

    def scan(text: str, idx: int) -> Any:
        nonlocal failed
        try:
            return real(text, idx)
        except (StopIteration, ValueError):
            failed += idx
            raise

    reader._scan = scan
    for piece in pieces(body, 16384):
        reader.feed(piece)
    reader.finish()
    assert reader.error is None and len(sink.items) == 4000
    assert failed < len(body) // 20


# --- file URLs checked a batch at a time ---------------------------------------------------------

_URL_PARTS = ["https://", "http://", "f.example", "F", ".", "/", "//", "/.", "-", "_", "~", "a"]
_URL_PARTS += ["0", ":", ":8080", "\n", " ", "%2B", "?q", "#h", "é", "https://f.example/a"]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.builds(
            "".join,
            st.lists(st.sampled_from(["", "https://f.example/", *_URL_PARTS]), max_size=8),
        ),
        min_size=1,
        max_size=5,
    )
)
@example(["https://f.example/a\nhttps://f.example/b"])  # one URL that reads as two
@example(["https://f.example/a\n", "https://f.example/b"])
@example(["https://f.example/a", "https://f.example/", "https://f.example/a/"])
def test_urls_checked_together_get_the_verdict_of_each(urls: list[str]) -> None:
    # The batch is plain exactly when every URL of it is, however one joined to the next might
    # read (a URL holding the newline that joins them, a URL cut where a path could go on).
    each = all(len(u) < 65536 and simple._PLAIN_URL.fullmatch(u) for u in urls)
    assert simple.all_plain(urls) == each


def test_url_length_is_checked_within_a_batch() -> None:
    base = "https://f.example/"
    longest = base + "a" * (65535 - len(base))
    assert simple.all_plain([longest, base + "b"])
    assert not simple.all_plain([base + "b", longest + "a"])
