"""Large locks are parsed without their per-file lists, and read exactly as when parsed whole.

``uv.lock``, ``poetry.lock`` and ``pdm.lock`` spend nine tenths of their bytes on one line per
wheel or file with its hash; no reader uses them, so
:func:`advisor.manifests._text.parse_lock_toml` empties those lists before ``tomllib`` sees
them. Held here: the tables are the same as a whole parse's (with those lists emptied on both
sides), every lock of the fixtures and the corpus reads to the same project either way, and the
texts where a list could be mistaken (multi-line strings, comments, CRLF) are parsed whole.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.errors import ManifestError
from advisor.manifests import _lock as lock_file
from advisor.manifests import _pep508, _text, read_paths

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
LOCK_NAMES = ("uv.lock", "poetry.lock", "pdm.lock")
#: A uv.lock shaped as uv writes a forked resolution: 21 fork markers, repeated in the
#: ``resolution-markers`` of most packages, sdists and wheels with URL, hash, size and upload
#: time, dependencies with markers, packages locked twice for two sets of forks.
REAL_SHAPED = ROOT / "tests" / "data" / "uv-real-shaped" / "uv.lock"


def _locks() -> list[Path]:
    found = [p for p in sorted((ROOT / "fixtures").rglob("*")) if p.name in LOCK_NAMES]
    found.append(REAL_SHAPED)
    if CORPUS.is_dir():
        found += [p for p in sorted(CORPUS.rglob("*")) if p.name.endswith(LOCK_NAMES)]
    return found


LOCKS = _locks()


def _ident(path: Path) -> str:
    return path.name if CORPUS in path.parents else str(path.relative_to(ROOT))


def _emptied(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with every per-file list emptied, as the fast path reads it."""
    data = copy.deepcopy(data)
    for pkg in data.get("package", []):
        for key in ("wheels", "files"):
            if key in pkg:
                pkg[key] = []
        if "sdist" in pkg:
            pkg["sdist"] = {}
    files = data.get("metadata", {}).get("files")
    if isinstance(files, dict):
        for name in files:
            files[name] = []
    return data


def test_every_lock_file_is_found() -> None:
    assert {p.name for p in LOCKS} >= set(LOCK_NAMES)


@pytest.mark.parametrize("path", LOCKS, ids=_ident)
def test_tables_are_those_of_a_whole_parse(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        whole = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        with pytest.raises(ManifestError) as fast_error:
            _text.parse_lock_toml(text, path.name)
        with pytest.raises(ManifestError) as whole_error:
            _text.parse_toml(text, path.name)
        assert str(fast_error.value) == str(whole_error.value)
        return
    assert _text.parse_lock_toml(text, path.name) == _emptied(whole)


@pytest.mark.parametrize("path", LOCKS, ids=_ident)
def test_the_lock_reads_the_same_parsed_whole(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = next(n for n in LOCK_NAMES if path.name.endswith(n))
    work = tmp_path / "project"
    work.mkdir()
    (work / name).write_bytes(path.read_bytes())
    monkeypatch.chdir(work)

    def read() -> object:
        try:
            return read_paths([name])
        except ManifestError as exc:
            return str(exc)

    fast = read()
    monkeypatch.setattr(lock_file, "parse_lock_toml", _text.parse_toml)  # the three locks' reader
    assert read() == fast


@pytest.mark.parametrize("path", [p for p in LOCKS if CORPUS not in p.parents], ids=_ident)
def test_the_lists_of_a_lock_are_really_skipped(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    starts = re.compile(r"^(?:wheels|files) = \[$|^[\w.-]+ = \[\n    \{ ?file = ", re.M)
    lists = len(starts.findall(text))
    # Each list left is "key = []" plus its lines emptied; the text keeps its line count.
    slim = _text._without_file_lists(text)
    assert slim.count("\n") == text.count("\n")
    assert len(starts.findall(slim)) == 0
    assert slim.count(" = []\n") - text.count(" = []\n") == lists


def test_a_lock_with_wheels_is_parsed_without_them() -> None:
    text = (ROOT / "fixtures/formats/uv-lock-wheels/uv.lock").read_text(encoding="utf-8")
    slim = _text._without_file_lists(text)
    assert "-py3-none-any.whl" in text and ".whl" not in slim
    assert len(slim) < len(text) / 2


WHEELS = (
    "wheels = [\n"
    '    { url = "https://h/p-1.0-py3-none-any.whl", hash = "sha256:00", size = 1 },\n'
    "]\n"
)


def _lock(description: str = "", wheels: str = WHEELS) -> str:
    return (
        'version = 1\nrequires-python = ">=3.9"\n\n[[package]]\nname = "p"\nversion = "1.0"\n'
        f'source = {{ registry = "https://pypi.org/simple" }}\n{description}{wheels}'
    )


@pytest.mark.parametrize(
    "text",
    [
        # A multi-line string may hold a line that looks like a list: the whole file is parsed.
        _lock('description = """\n' + WHEELS + '"""\n'),
        _lock("description = '''\n" + WHEELS + "'''\n"),
        # A comment inside, a list on the key's line, CRLF line ends: not the tools' shape, kept.
        _lock(wheels=WHEELS.replace("},\n", "}, # first\n")),
        _lock(wheels='wheels = [{ url = "u", hash = "sha256:00" }]\n'),
        _lock().replace("\n", "\r\n"),
        # A list of something else than files is never emptied.
        _lock(wheels='dependencies = [\n    { name = "q" },\n]\n'),
    ],
)
def test_texts_a_list_could_be_mistaken_in_read_as_a_whole_parse(text: str) -> None:
    # Nothing is emptied in any of them: the lists keep their wheels.
    assert _text.parse_lock_toml(text, "uv.lock") == tomllib.loads(text)


def test_an_error_outside_the_lists_names_the_line_as_written() -> None:
    text = _lock() + "[[package]]\nname = 'q'\nversion = \n"
    with pytest.raises(ManifestError) as err:
        _text.parse_lock_toml(text, "uv.lock")
    assert err.value.line == text.count("\n")
    assert "invalid TOML" in str(err.value)


_VALUES = st.sampled_from(['"x"', "'y'", "1", "true", '"a = [\\n"', '"}, ]"', "[]"])
_KEYS = st.sampled_from(["wheels", "files", "name", "dependencies", "ddtrace", "sdist"])


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(
        st.tuples(
            _KEYS,
            st.lists(
                st.dictionaries(
                    st.sampled_from(["url", "file", "hash", "name"]),
                    _VALUES,
                    min_size=1,
                    max_size=3,
                ),
                max_size=3,
            ),
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda t: t[0],
    )
)
def test_generated_tables_read_as_a_whole_parse_with_lists_emptied(
    items: list[tuple[str, list[dict[str, str]]]],
) -> None:
    lines = ["[[package]]"]
    for key, elements in items:
        lines.append(f"{key} = [")
        lines += [
            "    { " + ", ".join(f"{k} = {v}" for k, v in e.items()) + " }," for e in elements
        ]
        lines.append("]")
    text = "\n".join(lines) + "\n"
    whole = tomllib.loads(text)
    fast = _text.parse_lock_toml(text, "uv.lock")
    for key, _ in items:
        if key in ("wheels", "files"):
            assert fast["package"][0][key] == []
        else:
            assert fast["package"][0][key] == whole["package"][0][key]


# uv's resolution-markers: each list written as uv writes it (one plain string a line) is parsed
# once per distinct list and put back after parsing; any other way of writing the key leaves the
# whole text to tomllib.

_MARKERS = (
    "resolution-markers = [\n"
    "    \"python_full_version >= '3.12'\",\n"
    "    \"python_full_version < '3.12' and sys_platform == 'linux'\",\n"
    "]\n"
)


def _forked(*bodies: str, header: str = "") -> str:
    out = ['version = 1\nrequires-python = ">=3.9"\n', header]
    for i, body in enumerate(bodies):
        out.append(
            f'\n[[package]]\nname = "p{i}"\nversion = "1.0"\n'
            f'source = {{ registry = "https://pypi.org/simple" }}\n{WHEELS}{body}'
        )
    return "".join(out)


@pytest.mark.parametrize(
    "text",
    [
        _forked(_MARKERS, _MARKERS, "", header=_MARKERS),
        # An empty list, and the same strings in another order: lists of their own.
        _forked("resolution-markers = [\n]\n", _MARKERS.replace("'3.12'\"", "'3.13'\"")),
        # In a subtable, and in a table of an array of tables under a package.
        _forked(_MARKERS + "\n[package.metadata]\n" + _MARKERS),
        _forked(_MARKERS + "\n[[package.forks]]\n" + _MARKERS + "\n[[package.forks]]\n"),
        # Any list not as uv writes it leaves the whole text to tomllib (the others too).
        _forked(_MARKERS, 'resolution-markers = ["a", "b"]\n'),
        _forked(_MARKERS, 'resolution-markers = [\n    "a \\" b",\n]\n'),
        _forked(_MARKERS, 'resolution-markers = [\n    "a \\u0031",\n]\n'),
        _forked(_MARKERS, "resolution-markers = [\n    'a',\n]\n"),
        _forked(_MARKERS, "resolution-markers = [\n    1,\n]\n"),
        _forked(_MARKERS, "resolution-markers = 3\n"),
        _forked(_MARKERS, '"resolution-markers" = 3\n'),
        _forked(_MARKERS, 'description = "see resolution-markers"\n'),
        _forked(_MARKERS, 'resolution-markers = [\n    "a", # note\n]\n'),
    ],
)
def test_resolution_markers_read_as_a_whole_parse(text: str) -> None:
    assert _text.parse_lock_toml(text, "uv.lock") == _emptied(tomllib.loads(text))


def test_a_list_of_resolution_markers_is_parsed_once() -> None:
    text = _forked(*[_MARKERS] * 50)
    slim, lists, numbered = _text._numbered_marker_lists(_text._without_file_lists(text))
    assert len(lists) == 1 and numbered == 50 and slim.count("resolution-markers = 0\n\n\n\n") == 50
    assert slim.count("\n") == text.count("\n")
    data = _text.parse_lock_toml(text, "uv.lock")
    first, second = (p["resolution-markers"] for p in data["package"][:2])
    assert first == second and first is not second  # each package has a list of its own


def test_a_duplicate_key_is_refused_as_written() -> None:
    text = _forked(_MARKERS + _MARKERS)
    with pytest.raises(ManifestError) as fast:
        _text.parse_lock_toml(text, "uv.lock")
    with pytest.raises(ManifestError) as whole:
        _text.parse_toml(text, "uv.lock")
    assert str(fast.value) == str(whole.value)


_MARKER_TEXT = st.text(
    alphabet=st.sampled_from(["a", " ", "'", '"', "\\", "=", ".", "é", "\t", "[", "]", ","]),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(lists=st.lists(st.lists(_MARKER_TEXT, max_size=3), min_size=1, max_size=4))
def test_generated_resolution_markers_read_as_a_whole_parse(lists: list[list[str]]) -> None:
    bodies = []
    for markers in lists:
        items = "".join(f"    {json.dumps(m, ensure_ascii=False)},\n" for m in markers)
        bodies.append(f"resolution-markers = [\n{items}]\n")
    text = _forked(*bodies)
    whole = tomllib.loads(text)
    parsed_whole = '"""' in text or "'''" in text  # a multi-line string could hide a list
    assert _text.parse_lock_toml(text, "uv.lock") == (whole if parsed_whole else _emptied(whole))


def test_each_distinct_marker_of_a_real_shaped_lock_is_parsed_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_pep508, "_MARKERS", {})
    monkeypatch.setattr(_pep508, "marker_parses", 0)
    text = REAL_SHAPED.read_text(encoding="utf-8")
    packages = tomllib.loads(text)["package"]
    written = [m for p in packages for m in p.get("resolution-markers", [])]
    distinct = set(written)
    assert len(written) > 4 * len(distinct)  # the shape this holds: many repeats of a few
    read_paths([str(REAL_SHAPED)])
    assert _pep508.marker_parses == len(distinct)
    read_paths([str(REAL_SHAPED)])  # another file of the run: nothing parsed again
    assert _pep508.marker_parses == len(distinct)


def test_the_marker_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pep508, "_MARKERS", {})
    monkeypatch.setattr(_pep508, "_MARKER_CACHE_CHARS", 1000)
    monkeypatch.setattr(_pep508, "_marker_cache_chars", 0)
    markers = [f"python_version >= '3.{i}'" for i in range(500)]
    assert [_pep508.valid_marker(m) for m in markers] == [
        f'python_version >= "3.{i}"' for i in range(500)
    ]
    assert sum(map(len, _pep508._MARKERS)) <= 1000
    assert _pep508.valid_marker("not a marker") is None
    assert _pep508.valid_marker("x" * 2000) is None  # longer than the cache: never kept
    assert sum(map(len, _pep508._MARKERS)) <= 1000
