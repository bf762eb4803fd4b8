"""The requirements reader's fast path reads exactly what pip-requirements-parser reads.

Plain lines (``name==1.0 --hash=sha256:...``, the whole of a compiled file nearly) are read
without the library, so a file of nothing else never imports it (see
``advisor/manifests/requirements.py``). Here both readings are held to each other: line joining
and comments against ``pip_requirements_parser.preprocess``, each plain line against the
library's requirement, and whole files (fixtures, the corpus, generated text) against a reading
with the fast path switched off.
"""

from __future__ import annotations

import os
from pathlib import Path

import pip_requirements_parser as prp
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from advisor.errors import ManifestError
from advisor.manifests import read_paths
from advisor.manifests import requirements as reqmod
from advisor.manifests._pep508 import parsed_requirement, split_marker
from advisor.manifests._pip_options import LineParser
from tests._helpers import run_python

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _requirement_files() -> list[Path]:
    found = [
        p
        for p in sorted((ROOT / "fixtures").rglob("*"))
        if p.is_file() and p.suffix in {".txt", ".in"}
    ]
    if CORPUS.is_dir():
        found += [
            p
            for p in sorted(CORPUS.iterdir())
            if p.is_file()
            and ("requirements" in p.name.lower() or p.suffix in {".txt", ".in"})
            and p.name != "SOURCES.tsv"
        ]
    return found


FILES = _requirement_files()


def _library_lines(text: str) -> list[tuple[int, str]]:
    return [
        (ln.line_number, ln.line)
        for ln in prp.preprocess(text)
        if not isinstance(ln, prp.CommentLine)
    ]


def _library_requirement(line: str, number: int) -> object:
    """What the library reads from one logical line (through the reader's slow path)."""
    items = list(reqmod._line(line, number, "r.txt", LineParser()))
    assert len(items) == 1
    return items[0]


def _same(plain: reqmod._Plain, lib: object) -> None:
    assert isinstance(lib, prp.InstallRequirement), lib
    assert lib.link is None and not lib.is_editable and not lib.invalid_options
    assert plain.name == lib.name
    # The parts shared by every line of its text, as the library's requirement gives them (the
    # specifier sets compared by their clauses: comparing them would sort the shared one).
    assert plain.parsed[:-1] == parsed_requirement(lib.req)[:-1]
    assert [str(s) for s in plain.parsed.parsed] == [str(s) for s in lib.req.specifier]
    assert str(plain.marker) == str(lib.marker)
    assert (plain.kept_marker, plain.groups) == split_marker(lib.marker)
    assert plain.extras == lib.extras
    assert plain.hash_options == lib.hash_options
    assert plain.line_options == lib.line_options == ()


@pytest.mark.parametrize(
    "path", FILES, ids=lambda p: p.name if p.parent.name == "corpus" else str(p.relative_to(ROOT))
)
def test_line_joining_matches_the_library(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert list(reqmod._logical_lines(text, "r.txt")) == _library_lines(text)


@pytest.mark.parametrize(
    "path", FILES, ids=lambda p: p.name if p.parent.name == "corpus" else str(p.relative_to(ROOT))
)
def test_every_plain_line_reads_as_the_library_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, line in reqmod._logical_lines(text, "r.txt"):
        if (plain := reqmod._plain(line, number)) is not None:
            _same(plain, _library_requirement(line, number))


def _read(path: Path) -> object:
    try:
        return read_paths([path.name])
    except ManifestError as exc:
        return ("error", str(exc))


@pytest.mark.parametrize(
    "path", [p for p in FILES if p.parent.name != "corpus"], ids=lambda p: str(p.relative_to(ROOT))
)
def test_whole_fixture_reads_the_same_without_the_fast_path(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(path.parent)
    fast = _read(path)
    monkeypatch.setattr(reqmod, "_plain", lambda line, number: None)
    assert _read(path) == fast


def test_a_compiled_file_takes_the_fast_path_for_every_requirement() -> None:
    text = (
        "# via uv pip compile --generate-hashes\n"
        "ddtrace==2.21.4 \\\n"
        "    --hash=sha256:0393ae98b19d596e4f4f379178cbbd0ebdbea09ad45a723e3f029caccb59901e \\\n"
        "    --hash=sha256:6b8d762a785fa451fdd8c550c13b9ee713fb63f285cc51bce70c3b194402ab6b\n"
        "    # via -r requirements.in\n"
        'flask==3.1.0 ; python_version >= "3.9" \\\n'
        "    --hash=sha512:AbC+/=_-\n"
    )
    items = list(reqmod._items(text, "r.txt"))
    assert [type(i) for i in items] == [reqmod._Plain, reqmod._Plain]
    assert items[0].line_number == 2 and items[0].hash_options == [
        "sha256:0393ae98b19d596e4f4f379178cbbd0ebdbea09ad45a723e3f029caccb59901e",
        "sha256:6b8d762a785fa451fdd8c550c13b9ee713fb63f285cc51bce70c3b194402ab6b",
    ]
    assert str(items[1].marker) == 'python_version >= "3.9"' and items[1].line_number == 6


@pytest.mark.parametrize(
    "line",
    [
        "-r other.txt",
        "-e .",
        "./local",
        "pkg @ https://x/p.whl",
        "pkg[extra]==1.0",
        "pkg.zip",
        "pkg==1.0.tar.gz",
        "pkg==1.0 --hash sha256:abc",
        "pkg==1.0 --install-option=x",
        "pkg==1.0;",
        "pkg=1.0",
        "https://example.com/pkg-1.0.tar.gz",
        "pkg==1.0 --hash=sha256:a'b",
        "pkg==1.0\t--hash=sha256:abc",
        "${NAME}==1.0",
        "pkg ~= 1.0 ; os_name == 'nt' and",
    ],
)
def test_anything_else_goes_to_the_library(line: str) -> None:
    assert reqmod._plain(line, 1) is None


def test_a_file_of_plain_lines_never_imports_the_library(tmp_path: Path) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text(
        "ddtrace==2.21.4 \\\n    --hash=sha256:abcd\nflask>=2.0,<4 ; python_version >= '3.9'\n"
    )
    code = (
        "import sys; from advisor.manifests import read_paths; "
        "p = read_paths(['requirements.txt']); "
        "print('pip_requirements_parser' in sys.modules, len(p.manifests[0].dependencies))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def probe() -> list[str]:
        return run_python("-c", code, check=True, env=env, cwd=tmp_path).stdout.split()

    assert probe() == ["False", "2"]
    # A single line the fast path leaves alone is enough to bring it in.
    req.write_text("ddtrace==2.21.4\n-e ./lib\n")
    (tmp_path / "lib").mkdir()
    assert probe()[0] == "True"


# Generated text: names, operators, versions, markers, hashes, and the pieces that make pip
# read a line differently (extras, URLs, paths, comments, continuations, stray options).
_PIECES = st.sampled_from(
    [
        "ddtrace",
        "Flask",
        "zope.interface",
        "a_b-c",
        "x",
        "==",
        ">=",
        "~=",
        "!=",
        "<",
        "===",
        " ",
        "  ",
        "1.0",
        "2.21.4",
        "1.*",
        "3.0rc1",
        "1.0+local",
        ",",
        ";",
        "; python_version >= '3.9'",
        ' ; sys_platform == "linux"',
        "--hash=sha256:abc123",
        " --hash=sha512:Zz/+=",
        "--hash",
        "-r",
        "-e",
        "[extra]",
        "@",
        " @ https://h/p.whl",
        "./",
        "/",
        ".zip",
        ".tar.gz",
        "#",
        " #c",
        "\\",
        "\t",
        "'",
        '"',
        "${V}",
        "and",
        "-",
    ]
)
_LINES = st.lists(_PIECES, min_size=1, max_size=9).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=_LINES)
def test_generated_lines_read_as_the_library_reads_them(line: str) -> None:
    if (plain := reqmod._plain(line, 1)) is None:
        return
    try:
        lib = _library_requirement(line, 1)
    except Exception as exc:
        pytest.fail(f"fast path took {line!r}, the library raised {exc!r}")
    assert not isinstance(lib, reqmod._Invalid), (line, lib)
    _same(plain, lib)


@settings(max_examples=300, deadline=None)
@example(lines=["ddtrace==1.0\\", "# a comment ends the line it continues"])
@given(
    lines=st.lists(
        st.one_of(_LINES, st.sampled_from(["", "# c", "x \\", "x\\", "\\", " #\\"])), max_size=8
    )
)
def test_generated_text_joins_as_the_library_joins_it(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert list(reqmod._logical_lines(text, "r.txt")) == _library_lines(text)


@pytest.mark.parametrize(
    "line",
    [
        "ddtrace==1.0 --hash=sha256:ab--hash=sha256:cd",
        "ddtrace==1.0 x--hash=sha256:ab",
        "ddtrace==1.0 --hash=sha256:ab\t--hash=sha256:cd",
        "ddtrace==1.0 --hash=sha256:ab -r x.txt",
        "ddtrace==1.0 --hash=sha256:ab:cd",
        "--hash=sha256:ab",
    ],
)
def test_options_that_are_not_whole_hash_words_leave_the_fast_path(line: str) -> None:
    """The options of a plain line are checked in one pass (every character a space or part
    of a whole ``--hash=`` word); anything else is read by the library."""
    assert reqmod._plain(line, 1) is None


def test_hash_words_are_read_whole_and_in_order() -> None:
    plain = reqmod._plain("ddtrace==1.0  --hash=sha256:ab  --hash=md5:C+/=_-d ", 1)
    assert plain is not None and plain.hash_options == ["sha256:ab", "md5:C+/=_-d"]
