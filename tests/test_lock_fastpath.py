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
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.errors import ManifestError
from advisor.manifests import _lock as lock_file
from advisor.manifests import _text, read_paths

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
LOCK_NAMES = ("uv.lock", "poetry.lock", "pdm.lock")


def _locks() -> list[Path]:
    found = [p for p in sorted((ROOT / "fixtures").rglob("*")) if p.name in LOCK_NAMES]
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
