"""Hostile dependency files end in seconds: read, or refused in one line.

aap-advise reads files a pull request controls. Each case here is a file shaped to make a
reader do work quadratic in its size (or wait forever), sized so that a reader doing so would
run for many minutes or past the memory given: every file is read in a separate process with
:data:`TIMEOUT` seconds and :data:`MEMORY` bytes of address space, and the test asserts what is
read or the one-line refusal, never a time. A reader linear in its input finishes each in
about a second.
"""

from __future__ import annotations

import json
import os
import resource
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from advisor.manifests import _text
from advisor.manifests import requirements as reqmod
from advisor.manifests._pep508 import MAX_REQUIREMENT_CHARS
from tests._helpers import project_json, run_python

pytestmark = pytest.mark.slow  # files near the 16 MiB limit, read in subprocesses

ROOT = Path(__file__).resolve().parents[1]
#: Seconds a process may take: some thirty times what a linear reader needs on this machine.
TIMEOUT = 60
#: Address space a process may take: twice the 500 MB the readers are held to.
MEMORY = 2**30
#: Just under the 16 MiB file limit (advisor.model.limits.MAX_FILE_BYTES).
NEAR_LIMIT = 16 * 2**20 - 4096
ARGS = ["--offline", "--no-cache", "--format", "json"]

_READ = """
import json, sys
from advisor.manifests import read_paths
project = read_paths(sys.argv[1:])
print(json.dumps([
    [d.name, d.specifier, d.marker, d.group, d.source.line, d.source.key]
    for d in project.dependencies
]))
"""


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _run(*args: str, timeout: int = TIMEOUT) -> subprocess.CompletedProcess[str]:
    try:
        return run_python(*args, timeout=timeout, preexec_fn=_limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{args[-1]}: not finished within {timeout} s")


def _read(*files: Path) -> list[list[Any]]:
    """The dependencies read from ``files``: name, specifier, marker, group, line, key."""
    done = _run("-c", _READ, *map(str, files))
    assert done.returncode == 0, done.stderr[-3000:]
    return list(json.loads(done.stdout))


def _refused(path: Path, *extra: str, timeout: int = TIMEOUT) -> str:
    """The error line of ``aap-advise PATH``, which must be refused: exit 2, one line."""
    done = _run("-m", "advisor", str(path), *ARGS, *extra, timeout=timeout)
    assert done.returncode == 2, (done.returncode, done.stderr[-3000:])
    assert done.stdout == "" and "Traceback" not in done.stderr, done.stderr[-3000:]
    first, *rest = done.stderr.splitlines()
    assert all(line.startswith("hint: ") for line in rest), done.stderr
    assert first.startswith("aap-advise: error: "), first
    return first.removeprefix("aap-advise: error: ")


# Requirements files ----------------------------------------------------------------------------


def test_a_long_line_of_spaces_reads(tmp_path: Path) -> None:
    """pip's comment pattern, applied with re.split, retried the run of spaces at each offset
    (a 160 KB line took 107 s): a "#" that follows no space is no comment, and the line reads."""
    path = tmp_path / "requirements.txt"
    path.write_text("ddtrace==2.3.0" + " " * 1_000_000 + "; os_name != 'a#b'\n# end\n")
    assert _read(path) == [["ddtrace", "==2.3.0", 'os_name != "a#b"', None, 1, None]]


def test_a_requirements_file_at_the_size_limit_is_refused(tmp_path: Path) -> None:
    """1.4 million requirement lines: more than any project, refused after the first 20,000
    (it was read whole, past 500 MB, and never finished)."""
    path = tmp_path / "requirements.txt"
    lines, size, i = [], 0, 0
    while size < NEAR_LIMIT - 20:
        lines.append(f"pkg{i}==1.0\n")
        size += len(lines[-1])
        i += 1
    path.write_text("".join(lines))
    assert _refused(path) == (
        f"{path}:{reqmod.MAX_LINES + 1}: more than {reqmod.MAX_LINES} requirement and option "
        "lines; not a requirements file aap-advise reads"
    )


def test_a_file_of_comment_lines_at_the_size_limit_reads(tmp_path: Path) -> None:
    """Eight million comment lines are read a chunk at a time, never held as one list."""
    path = tmp_path / "requirements.txt"
    count = NEAR_LIMIT // 2 - 20
    path.write_text("#\n" * count + "ddtrace==2.3.0  # the one requirement\n")
    assert _read(path) == [["ddtrace", "==2.3.0", None, None, count + 1, None]]


def _refused_as_too_long(tmp_path: Path, line: str, limit: str) -> None:
    """A requirements file of ``line`` alone is refused for going past ``limit``."""
    path = tmp_path / "requirements.txt"
    path.write_text(line + "\n")
    assert _refused(path) == (
        f"{path}:1: invalid requirement {line[:60] + '...'!r}: more than {limit}"
    )


def test_a_requirement_of_many_specifiers_is_refused(tmp_path: Path) -> None:
    """packaging's parser is quadratic in the specifiers of a string it then refuses."""
    line = "ddtrace" + ">=1," * 1_000_000 + "x"
    _refused_as_too_long(tmp_path, line, f"{MAX_REQUIREMENT_CHARS} characters")


#: A release number past int()'s 4,300 digits: packaging parses the specifier, and fails only
#: when it first compares a version with it, in the middle of a plan.
HUGE = "9." + "9" * 5_000


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("requirements.txt", f"ddtrace=={HUGE}\n", 1),
        ("requirements.txt", f"flask>={HUGE}\nddtrace==2.3.0\n", 1),
        ("requirements.txt", f"ddtrace>=3.16,!={HUGE}\n", 1),
        (
            "pyproject.toml",
            f'[project]\nname = "x"\nversion = "1"\ndependencies = ["ddtrace!={HUGE}"]\n',
            4,
        ),
    ],
)
def test_a_version_of_too_many_digits_is_refused_at_its_line(
    tmp_path: Path, name: str, text: str, line: int
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    error = _refused(path, "-c", "api-security", "--python", "3.12")
    assert error.startswith(f"{path}:{line}: invalid requirement "), error
    assert "is not a version aap-advise can compare" in error and len(error) < 400, error


def test_a_python_range_of_too_many_digits_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "requirements.txt"
    path.write_text("ddtrace==2.3.0\n", encoding="utf-8")
    error = _refused(path, "--python", f">={HUGE}")
    assert error.startswith("--python: not a version specifier: '>=9.999"), error
    assert len(error) < 200, error


def test_a_line_of_many_options_is_refused(tmp_path: Path) -> None:
    """optparse takes each word off the front of a list: quadratic in the words of a line."""
    line = "ddtrace==2.3.0 " + "--hash=sha256:ab " * 800_000 + "--pre"
    _refused_as_too_long(tmp_path, line, f"{reqmod.MAX_OPTION_WORDS} option words on one line")


def test_a_line_of_many_global_options_is_refused(tmp_path: Path) -> None:
    """pip's global options on a requirement line count against the same limit."""
    line = "ddtrace==2.3.0 " + "--no-binary ddtrace " * (reqmod.MAX_OPTION_WORDS // 2 + 1)
    _refused_as_too_long(tmp_path, line, f"{reqmod.MAX_OPTION_WORDS} option words on one line")


_OPTIONS_READ = """
import sys
from advisor.manifests import read_paths
deps = read_paths(sys.argv[1:]).dependencies
print(len(deps), len(deps[0].options), len(deps[-1].options[-1]))
"""


def test_requirement_lines_full_of_options_read(tmp_path: Path) -> None:
    """Lines of global options just under the word limit, to the size limit (each line costs
    optparse time quadratic in its words: bounded by the limit, linear in the file)."""
    words = reqmod.MAX_OPTION_WORDS - 3
    line = "ddtrace==2.3.0 " + "--pre " * words + "--no-binary ddtrace"
    path = tmp_path / "requirements.txt"
    count = NEAR_LIMIT // (len(line) + 1)
    path.write_text((line + "\n") * count)
    done = _run("-c", _OPTIONS_READ, str(path))
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == [str(count), str(words + 1), str(len("--no-binary=ddtrace"))]


def test_one_option_value_of_the_whole_file_reads(tmp_path: Path) -> None:
    """A --config-settings value of megabytes, quoted and spaced: split and kept in one pass."""
    value = "a b" * (NEAR_LIMIT // 3 - 100)
    path = tmp_path / "requirements.txt"
    path.write_text(f"ddtrace==2.3.0 --config-settings='k={value}'\n")
    done = _run("-c", _OPTIONS_READ, str(path))
    assert done.returncode == 0, done.stderr[-3000:]
    kept = len(f"--config-settings='k={value}'")
    assert done.stdout.split() == ["1", "1", str(kept)]


_WORD_PIECES = st.sampled_from(
    ["a", "b c", " ", "\t", "\r", "\n", "'", '"', "\\", "-", "--hash=", "=", "#", "é", "''", '""']
)


@settings(max_examples=500, deadline=None)
@example(text="--index-url \"https://h/simple\" -r 'a b.txt' x\\ y")
@example(text='"a\\')
@example(text='"a\\"')
@given(text=st.lists(_WORD_PIECES, max_size=14).map("".join))
def test_options_split_as_shlex_splits_them(text: str) -> None:
    try:
        want: object = shlex.split(text)
    except ValueError as exc:
        want = str(exc)
    try:
        got: object = reqmod._shell_split(text)
    except ValueError as exc:
        got = str(exc)
    assert got == want


# TOML and JSON ---------------------------------------------------------------------------------


def test_a_large_pep621_array_reads_with_its_lines(tmp_path: Path) -> None:
    """Each string was searched for from the key (100,000 entries took 73 s); here 19,000
    entries, each with a long comment, fill the file."""
    n = 19_000
    pad = "# " + '"' * (NEAR_LIMIT // n - 40)
    body = "".join(f'  "pkg{i}>=1",  {pad}\n' for i in range(n))
    path = tmp_path / "pyproject.toml"
    path.write_text(f'[project]\nname = "x"\nversion = "1"\ndependencies = [\n{body}]\n')
    deps = _read(path)
    assert len(deps) == n
    assert deps[0] == ["pkg0", ">=1", None, None, 5, "project.dependencies[0]"]
    assert deps[-1] == [f"pkg{n - 1}", ">=1", None, None, n + 4, f"project.dependencies[{n - 1}]"]


def test_a_poetry_table_of_many_keys_reads_with_its_lines(tmp_path: Path) -> None:
    """Each key was searched for from the table's header (20,000 keys took 15 s)."""
    n = 19_000
    pad = "# " + "p" * (NEAR_LIMIT // n - 40)
    body = "".join(f'pkg{i} = "^1.0"\n{pad}\n' for i in range(n))
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[tool.poetry]\nname = "x"\n\n[tool.poetry.dependencies]\npython = "^3.9"\n' + body
    )
    deps = _read(path)
    assert len(deps) == n
    key = "tool.poetry.dependencies"
    assert deps[0] == ["pkg0", ">=1.0,<2.0", None, None, 6, f"{key}.pkg0"]
    assert deps[-1][4:] == [6 + 2 * (n - 1), f"{key}.pkg{n - 1}"]


def test_a_deep_include_group_chain_reads(tmp_path: Path) -> None:
    """Each include walked the whole chain below it again (5,000 groups: over 120 s)."""
    n = 15_000
    lines = ["[dependency-groups]"]
    lines += [f'g{i} = ["p{i}", {{include-group = "g{i + 1}"}}]' for i in range(n - 1)]
    lines.append(f'g{n - 1} = ["p{n - 1}"]')
    path = tmp_path / "pyproject.toml"
    path.write_text("\n".join(lines) + "\n")
    deps = _read(path)
    assert [(d[0], d[3], d[4]) for d in deps] == [(f"p{i}", f"g{i}", i + 2) for i in range(n)]


def test_a_pep735_diamond_reads_each_group_once(tmp_path: Path) -> None:
    """all -> dev -> {test, lint} -> base: base is reached twice, which is no cycle."""
    path = tmp_path / "pyproject.toml"
    path.write_text(
        "[dependency-groups]\n"
        'all = [{include-group = "dev"}]\n'
        'dev = [{include-group = "test"}, {include-group = "lint"}]\n'
        'test = [{include-group = "base"}, "pytest"]\n'
        'lint = [{include-group = "base"}, "ruff"]\n'
        'base = ["ddtrace>=2.21", "requests"]\n'
    )
    deps = _read(path)
    assert [(d[0], d[3], d[4]) for d in deps] == [
        ("pytest", "test", 4),
        ("ruff", "lint", 5),
        ("ddtrace", "base", 6),
        ("requests", "base", 6),
    ]


def test_a_cycle_behind_a_diamond_is_still_a_cycle(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        "[dependency-groups]\n"
        'all = [{include-group = "a"}, {include-group = "b"}]\n'
        'a = [{include-group = "base"}]\n'
        'b = [{include-group = "base"}]\n'
        'base = ["ddtrace", {include-group = "loop"}]\n'
        'loop = [{include-group = "b"}]\n'
    )
    assert _refused(path) == (
        f"{path}: dependency-groups.all[0]: include-group cycle: all -> a -> base -> loop -> b "
        "-> base"
    )


def test_a_large_pipfile_lock_reads_with_its_lines(tmp_path: Path) -> None:
    """Each package's key was searched for from its category (200,000 packages: over 120 s);
    here 19,000 packages with long hash lists fill the file."""
    n = 19_000
    hashes = ["sha256:" + "0" * 64] * ((NEAR_LIMIT // n - 100) // 76)
    default = {f"pkg{i}": {"version": "==1.0", "hashes": hashes} for i in range(n)}
    data = {"_meta": {"requires": {"python_version": "3.11"}}, "default": default, "develop": {}}
    path = tmp_path / "Pipfile.lock"
    path.write_text(json.dumps(data, indent=1))
    deps = _read(path)
    assert len(deps) == n
    assert deps[0][4:] == [8, "default.pkg0"]  # after "{", _meta's five lines and "default"
    assert deps[-1][0] == f"pkg{n - 1}" and deps[-1][5] == f"default.pkg{n - 1}"
    per_package = len(hashes) + 5  # the name, "version", "hashes": [, the hashes, "]", "}"
    assert deps[-1][4] == 8 + (n - 1) * per_package


def test_a_toml_file_of_many_tables_is_refused(tmp_path: Path) -> None:
    """tomllib spends 6 µs and 700 bytes on each table: 16 MiB of them took 16 s and 1.9 GB."""
    path = tmp_path / "pyproject.toml"
    lines, size, i = ["[project]\n", 'name = "x"\n'], 0, 0
    while size < NEAR_LIMIT - 40:
        lines.append(f"[t{i}]\n")
        size += len(lines[-1])
        i += 1
    path.write_text("".join(lines))
    text = path.read_text()
    count = text.count("[") + text.count("{") + text.count("=")
    assert _refused(path) == (
        f"{path}: {count} tables, arrays and keys ('[', '{{', '=' counted), over the "
        f"{_text.MAX_NODES} limit for dependency files"
    )


def test_a_dotted_key_of_many_parts_is_refused(tmp_path: Path) -> None:
    """tomllib builds a dotted key in time and memory quadratic in its parts: one of 20,000
    parts (80 KB) took 5 s, and one of a megabyte would take hours."""
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n' + ".".join(['"a"'] * 20_000) + " = 1\n")
    assert _refused(path) == (
        f"{path}:3: 19999 dots on one line, too many dotted names to parse in seconds"
    )
    # Dotted names of fewer parts: their dots are nodes, counted outside strings.
    many = tmp_path / "many" / "pyproject.toml"
    many.parent.mkdir()
    many.write_text(
        '[project]\nname = "x"\ndescription = "1.2.3"\n'
        + "".join(f"t{i}.x.y.z = 1\n" for i in range(60_000))
    )
    assert _refused(many) == (
        f"{many}: 240003 tables, arrays, keys and dotted names ('[', '{{', '=' counted, and '.' "
        "outside strings), over the 200000 limit for dependency files"
    )


#: A lock's per-file list line, as uv writes one: what a large lock is mostly made of.
_WHEEL = (
    '    { url = "https://files.pythonhosted.org/packages/aa/bb/'
    + "c" * 60
    + '/x-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", hash = "sha256:'
    + "0" * 64
    + '", size = 1234567, upload-time = "2025-01-01T00:00:00.000Z" },\n'
)
#: Just under the 64 MiB limit for locks (advisor.model.limits.MAX_LOCK_BYTES).
NEAR_LOCK_LIMIT = 64 * 2**20 - 4096


def _padded_lock(path: Path, body: str) -> Path:
    """``body`` then a package whose wheels fill the file to just under the lock limit."""
    head = (
        '\n[[package]]\nname = "ddtrace"\nversion = "2.3.0"\n'
        'source = { registry = "https://pypi.org/simple" }\nwheels = [\n'
    )
    count = (NEAR_LOCK_LIMIT - len(body) - len(head) - 2) // len(_WHEEL)
    path.write_text(body + head + _WHEEL * count + "]\n")
    return path


def _real_shaped_lock(packages: int) -> str:
    """A uv.lock as uv writes a forked resolution, ``packages`` packages of about 5 KB (the
    size of a real one's: most are pure Python, some carry dozens of wheels)."""
    forks = [
        f"python_full_version == '3.{minor}.*' and sys_platform == '{system}'"
        for minor in range(9, 14)
        for system in ("linux", "darwin", "win32")
    ]
    out = [
        'version = 1\nrevision = 2\nrequires-python = ">=3.9"\nresolution-markers = [\n',
        *(f'    "{m}",\n' for m in forks),
        ']\n\n[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { virtual = "." }\n'
        'dependencies = [\n    { name = "ddtrace" },\n]\n',
    ]
    for i in range(packages):
        name = "ddtrace" if i == 0 else f"pkg-{i}"
        version = "2.3.0" if i == 0 else f"1.{i % 50}.{i % 7}"
        out.append(
            f'\n[[package]]\nname = "{name}"\nversion = "{version}"\n'
            'source = { registry = "https://pypi.org/simple" }\n'
        )
        if i % 3:
            picked = forks[i % 5 : i % 5 + 6]
            out.append(
                "resolution-markers = [\n" + "".join(f'    "{m}",\n' for m in picked) + "]\n"
            )
        out.append(
            f'dependencies = [\n    {{ name = "pkg-{(i * 7) % packages or 1}" }},\n'
            f'    {{ name = "pkg-{(i * 13) % packages or 2}", '
            "marker = \"python_full_version < '3.11'\" },\n]\n"
        )
        out.append(
            'sdist = { url = "https://files.pythonhosted.org/packages/aa/bb/'
            + "c" * 60
            + f'/{name}-{version}.tar.gz", hash = "sha256:'
            + "0" * 64
            + '", size = 123456, upload-time = "2025-01-01T00:00:00Z" }\n'
        )
        out.append("wheels = [\n" + _WHEEL * (1 if i % 4 else 55) + "]\n")
    return "".join(out)


def test_a_real_shaped_lock_of_ten_thousand_packages_reads(tmp_path: Path) -> None:
    """A large monorepo's uv.lock is larger than the 16 MiB every other file is held to."""
    path = tmp_path / "uv.lock"
    path.write_text(_real_shaped_lock(10_000))
    assert 16 * 2**20 < path.stat().st_size < NEAR_LOCK_LIMIT
    deps = _read(path)
    assert len(deps) == 10_000
    assert deps[0][:4] == ["ddtrace", "", None, None]
    forked = deps[1]
    assert forked[0] == "pkg-1" and forked[2].startswith('(python_full_version == "3.9.*"')


def test_a_lock_over_the_lock_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "uv.lock"
    with path.open("wb") as fh:
        fh.truncate(64 * 2**20 + 1)
    assert _refused(path) == (
        f"{path}: file is {64 * 2**20 + 1} bytes, over the 64 MiB limit for lock files"
    )


def test_a_lock_of_keys_up_to_its_limit_reads(tmp_path: Path) -> None:
    """600,000 keys (the most a lock may hold) before 60 MB of wheels: read in seconds."""
    keys = "".join(f"k{i} = 1\n" for i in range(_text.MAX_LOCK_NODES - 2_000))
    path = _padded_lock(tmp_path / "uv.lock", "version = 1\n\n[tool.x]\n" + keys)
    assert [d[:2] for d in _read(path)] == [["ddtrace", ""]]


@pytest.mark.parametrize(
    ("body", "refusal"),
    [
        # Table headers, tomllib's dearest nodes: at most one in eight of those counted.
        # (80,000 and the package of the wheels)
        (
            "version = 1\n" + "".join(f"[t{i}]\n" for i in range(80_000)),
            "80001 table headers, over the 75000 limit for a lock of this size",
        ),
        # What is left once the lists are set aside is held to 16 MiB.
        (
            'version = 1\ndescription = "' + "x" * (16 * 2**20) + '"\n',
            " characters left to parse once the per-file lists are set aside, over the 16 MiB "
            "limit for dependency files",
        ),
        # A multi-line string could hide a list: a lock over 16 MiB that holds one is refused.
        (
            'version = 1\ndescription = """x"""\n',
            " characters and holds multi-line strings: a lock over 16 MiB is read only without "
            "its per-file lists, which such a string could hide",
        ),
    ],
    ids=["headers", "long-string", "multi-line-string"],
)
def test_a_hostile_lock_at_the_lock_limit_is_refused(
    tmp_path: Path, body: str, refusal: str
) -> None:
    path = _padded_lock(tmp_path / "uv.lock", body)
    refused = _refused(path)
    assert refused.startswith(f"{path}: ") and refusal in refused


def test_a_setup_cfg_line_of_spaces_reads(tmp_path: Path) -> None:
    """setuptools' comment pattern, searched from every offset, retried a run of spaces at
    each (200 KB took 99 s)."""
    path = tmp_path / "setup.cfg"
    path.write_text(
        "[metadata]\nname = app\n[options]\ninstall_requires =\n"
        "    ddtrace>=2.21" + " " * 1_000_000 + "; os_name != 'a#b'\n"
    )
    assert _read(path) == [
        ["ddtrace", ">=2.21", 'os_name != "a#b"', None, 5, "options.install_requires[0]"]
    ]


def test_a_setup_py_at_the_size_limit_is_not_parsed(tmp_path: Path) -> None:
    """Python's syntax tree of 16 MiB of "1," takes gigabytes: such a setup.py is reported,
    not parsed."""
    path = tmp_path / "setup.py"
    path.write_text(
        "from setuptools import setup\nX = [" + "1," * (NEAR_LIMIT // 2 - 100) + "1]\n"
        "setup(name='app', install_requires=['ddtrace'])\n"
    )
    assert _read(path) == []


# Named pipes -----------------------------------------------------------------------------------

#: Seconds a named pipe may hold a process: it must be refused without being waited on.
PIPE_TIMEOUT = 20

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@needs_fifo
def test_a_named_pipe_named_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "requirements.txt"
    os.mkfifo(pipe)
    assert _refused(pipe, timeout=PIPE_TIMEOUT) == (
        f"{pipe}: is a named pipe (FIFO), not a regular file"
    )


@needs_fifo
def test_a_named_pipe_in_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["flask"]\n')
    os.mkfifo(tmp_path / "requirements.txt")
    assert _refused(tmp_path, timeout=PIPE_TIMEOUT) == (
        f"{tmp_path}/requirements.txt: is a named pipe (FIFO), not a regular file"
    )


@needs_fifo
def test_a_named_pipe_included_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "base.txt")
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==2.3.0\n-r base.txt\n")
    assert _refused(req, timeout=PIPE_TIMEOUT) == (
        f"{req}:2: -r base.txt: the included file is not a file"
    )


@needs_fifo
def test_a_named_pipe_as_snapshot_is_refused(tmp_path: Path) -> None:
    req = tmp_path / "requirements.txt"
    req.write_text("ddtrace==2.3.0\n")
    pipe = tmp_path / "releases.json"
    os.mkfifo(pipe)
    assert _refused(req, "--snapshot", str(pipe), timeout=PIPE_TIMEOUT) == (
        f"{pipe}: cannot read the release snapshot: it is a named pipe (FIFO)"
    )


# Files named again and again -------------------------------------------------------------------


def test_a_local_project_named_on_every_line_is_read_once(tmp_path: Path) -> None:
    """Each ``-e ./vendor`` line read the folder's metadata again: 2,000 lines, 2,000 parses
    of an 8 MiB pyproject.toml."""
    vendor = tmp_path / "vendor"
    vendor.mkdir()
    (vendor / "pyproject.toml").write_text("#\n" * (4 * 2**20) + '[project]\nname = "vendored"\n')
    path = tmp_path / "requirements.txt"
    path.write_text("-e ./vendor\n" * 2_000)
    deps = _read(path)
    assert [d[0] for d in deps] == ["vendored"] * 2_000


def test_a_requirements_file_named_by_every_extra_is_read_once(tmp_path: Path) -> None:
    """Each extra naming one file (``{file = ["r.txt"]}``) read and parsed it again."""
    (tmp_path / "r.txt").write_text("#\n" * (2 * 2**20) + "ddtrace>=2.21\n")
    extras = "".join(f'x{i} = {{file = ["r.txt"]}}\n' for i in range(5_000))
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "app"\ndynamic = ["optional-dependencies"]\n\n'
        "[tool.setuptools.dynamic.optional-dependencies]\n" + extras
    )
    deps = _read(tmp_path / "pyproject.toml")
    assert [(d[0], d[3], d[4]) for d in deps] == [
        ("ddtrace", f"x{i}", 2 * 2**20 + 1) for i in range(5_000)
    ]


# Constraints and Python ranges (found by review) --------------------------------------------------


def test_a_poetry_constraint_of_many_alternatives_is_refused(tmp_path: Path) -> None:
    """``ddtrace = "^1.0 || ^1.1 || ..."`` at 16 MiB took 22.6 s and 1.5 GB."""
    alternatives = " || ".join(f"^1.{i}" for i in range(2_000_000))[: NEAR_LIMIT - 200]
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\npython = "^3.9"\n'
        f'ddtrace = "{alternatives.rsplit(" ||", 1)[0]}"\n'
    )
    assert "longer than 65536 characters" in _refused(path)
    few = tmp_path / "few" / "pyproject.toml"
    few.parent.mkdir()
    many = " || ".join(f"^1.{i}" for i in range(300))
    few.write_text(f'[tool.poetry]\nname = "x"\n[tool.poetry.dependencies]\nddtrace = "{many}"\n')
    assert "has 300 alternatives, more than 256" in _refused(few)


def test_a_python_range_of_megabytes_is_ignored_with_a_warning(tmp_path: Path) -> None:
    """``requires-python = ">3.7,>3.7,..."`` has no ``=`` for the structure count to see; each
    CPython minor was matched against every clause (1 MB took 10 s)."""
    path = tmp_path / "pyproject.toml"
    clauses = ">3.7," * ((NEAR_LIMIT - 200) // 5)
    path.write_text(
        f'[project]\nname = "x"\nrequires-python = "{clauses}>3.7"\n'
        'dependencies = ["ddtrace==2.3.0"]\n'
    )
    done = _run("-m", "advisor", str(path), *ARGS)
    assert done.returncode == 1, done.stderr[-2000:]
    report = project_json(done.stdout)
    warning = next(f for f in report["findings"] if f["id"] == "invalid-requires-python")
    assert "longer than the 1000 aap-advise reads; it is ignored" in warning["message"]
    assert len(warning["message"]) < 300
