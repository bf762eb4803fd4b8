"""Property tests for the readers, the writers and the Markdown report.

* Any generated requirements or TOML file either reads, or gives one :class:`ManifestError`
  line naming the file; what reads also plans (offline) or gives one error line. Nothing else
  escapes, and no reader bug hides behind ``reader-failure``.
* ``--fix`` then reading back gives the target ddtrace and leaves every other line
  byte-identical (requirements files and PEP 621 arrays).
* Whatever text a requirements file holds, ``--format markdown`` never shows it raw.

Each example writes files and runs the real pipeline (10 to 60 ms), so the deadline is off and
the example counts keep the whole file near 12 s (well under 30 s).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from advisor.errors import AdvisorError, ManifestError
from advisor.frontends.cli import main
from advisor.manifests import read_paths
from advisor.model.advice import Advice, AdviceRequest
from advisor.model.project import Project
from advisor.pipeline import Settings, read_and_advise
from advisor.render import markdown
from advisor.write import apply, plan_fix
from tests._helpers import ARGS

REQUEST = AdviceRequest(
    offline=True, capabilities=("api-security",), python="3.12", today=dt.date(2026, 11, 24)
)
SETTINGS = Settings(no_cache=True)
TARGET = "4.6.0"  # the smallest ddtrace with API Security that serves CPython 3.12

READS = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
RUNS = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))


@contextmanager
def folder() -> Iterator[Path]:
    """A fresh folder per example (pytest's ``tmp_path`` is shared by all of them)."""
    with tempfile.TemporaryDirectory(prefix="aap-prop-") as name:
        yield Path(name)


def read_or_error(path: Path) -> Project | None:
    """Read ``path``; a :class:`ManifestError` must be one line naming the file."""
    try:
        project = read_paths([str(path)])
    except ManifestError as exc:
        event(f"error: {exc.code}")
        rendered = exc.render()
        assert "\n" not in rendered and "\r" not in rendered, rendered
        assert exc.code != "reader-failure", rendered  # a reader bug, not a bad file
        assert exc.file is not None and Path(exc.file).name in rendered, rendered
        return None
    event("read")
    return project


def plans_or_error(path: Path) -> None:
    """What reads also plans offline, or gives one error line (never a crash)."""
    try:
        read_and_advise([str(path)], REQUEST, SETTINGS)
    except AdvisorError as exc:
        assert "\n" not in exc.render(), exc.render()


# Requirements files ---------------------------------------------------------------------------

NAMES = st.sampled_from(["flask", "Django", "requests", "x-lib", "my_pkg", "ddtrace", "a.b"])
SPECS = st.sampled_from(["", "==1.0", ">=2,<3", "~=1.4", "!=1.1", "==2.*", "===odd", ">1.0rc1"])
ENV_MARKERS = ["", ' ; python_version >= "3.9"', " ; sys_platform == 'linux'"]
MARKERS = st.sampled_from([*ENV_MARKERS, ' ; extra == "test"'])
EXTRAS = st.sampled_from(["", "[x]", "[a,b]"])
COMMENTS = st.sampled_from(["", "  # pinned", " #", "\t# via flask"])
HASH = " --hash=sha256:" + "ab" * 32
GOOD_LINE = st.builds(
    lambda n, e, s, m, h, c: f"{n}{e}{s}{m}{h}{c}",
    NAMES,
    EXTRAS,
    SPECS,
    MARKERS,
    st.sampled_from(["", HASH]),
    COMMENTS,
)
OTHER_LINE = st.sampled_from(
    [
        "",
        "# a comment",
        "   ",
        "-r other.txt",
        "-c constraints.txt",
        "-r https://127.0.0.1:9/remote.txt",
        "--index-url https://127.0.0.1:9/simple/",
        "-e ./vendor/pkg",
        "./vendor/pkg",
        "git+https://127.0.0.1:9/x/y.git@v1.2.3#egg=y",
        "ddtrace @ https://127.0.0.1:9/ddtrace-2.3.0.tar.gz",
        "${HOME_NOT_SET_ANYWHERE}",
        "flask==1.0 \\",
        "    --hash=sha256:00",
        "\\",
        "--bogus",
        "-r",
        "ddtrace=====2",
        "ddtrace[",
        "ddtrace==2 ; python_version >< '3'",
        "-r ../outside.txt",
        "-r /etc/hostname",
    ]
)
NOISE_LINE = st.text(st.characters(codec="utf-8"), max_size=30)
LINES = st.lists(st.one_of(GOOD_LINE, OTHER_LINE, NOISE_LINE), max_size=12)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"])


def encode(text: str, encoding: str) -> bytes:
    """The file as a tool may have written it (``latin-1`` makes undecodable bytes)."""
    if encoding == "utf-16":
        return text.encode("utf-16")  # with a BOM
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    return text.encode(encoding, errors="replace")


@READS
@given(
    lines=LINES,
    eol=st.sampled_from(["\n", "\r\n"]),
    final=st.booleans(),
    encoding=ENCODINGS,
    others=st.sets(st.sampled_from(["other.txt", "constraints.txt", "vendor/pkg/setup.cfg"])),
)
def test_any_requirements_file_reads_or_is_one_error_line(
    lines: list[str], eol: str, final: bool, encoding: str, others: set[str]
) -> None:
    text = eol.join(lines) + (eol if final else "")
    with folder() as work:
        for name in others:
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            content = "[metadata]\nname = pkg\n" if name.endswith(".cfg") else "flask\n"
            (work / name).write_text(content, encoding="utf-8")
        path = work / "requirements.txt"
        path.write_bytes(encode(text, encoding))
        if read_or_error(path) is not None:
            plans_or_error(path)


# TOML files -----------------------------------------------------------------------------------

SCALARS = st.one_of(
    st.text(max_size=12),
    st.integers(-5, 5),
    st.booleans(),
    st.sampled_from(["ddtrace>=2", "flask==3.1.0", "^2.1", ">=3.9", "*", "ddtrace[", "2.3.0"]),
)
#: Keys inside the tables the readers look at (Poetry tables, sources, dynamic files ...).
INNER_KEYS = st.sampled_from(["ddtrace", "version", "python", "path", "git", "file", "markers"])
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(INNER_KEYS, inner, max_size=3)
    ),
    max_leaves=8,
)
#: Key paths the readers look at, so generated values land where they are read.
KEY_PATHS = [
    ("project", "dependencies"),
    ("project", "optional-dependencies"),
    ("project", "requires-python"),
    ("project", "dynamic"),
    ("project", "name"),
    ("dependency-groups",),
    ("tool", "poetry", "dependencies"),
    ("tool", "poetry", "group"),
    ("tool", "uv", "sources"),
    ("tool", "uv", "constraint-dependencies"),
    ("tool", "setuptools", "dynamic"),
    ("tool", "pdm", "dev-dependencies"),
    ("tool", "hatch", "envs"),
    ("package",),
    ("packages",),
    ("metadata",),
    ("version",),
    ("lock-version",),
    ("packages", "ddtrace"),
]
TOML_NAMES = st.sampled_from(
    ["pyproject.toml", "poetry.lock", "uv.lock", "pdm.lock", "pylock.toml", "Pipfile", "hatch.toml"]
)


def nest(doc: dict[str, Any], keys: tuple[str, ...], value: Any) -> None:
    """Set ``doc[k1][k2]... = value``, replacing whatever non-table is in the way."""
    for key in keys[:-1]:
        if not isinstance(doc.get(key), dict):
            doc[key] = {}
        doc = doc[key]
    doc[keys[-1]] = value


def no_none(value: Any) -> Any:
    """TOML has no null: drop what tomlkit cannot write."""
    if isinstance(value, dict):
        return {k: no_none(v) for k, v in value.items()}
    if isinstance(value, list):
        return [no_none(v) for v in value]
    return value


@READS
@given(
    name=TOML_NAMES,
    entries=st.lists(st.tuples(st.sampled_from(KEY_PATHS), VALUES), max_size=6),
    cut=st.one_of(st.none(), st.integers(0, 400)),
    insert=st.sampled_from(["", "=", "[", '"', "\x00", "]]\n", "\ufeff"]),
    crlf=st.booleans(),
)
def test_any_toml_file_reads_or_is_one_error_line(
    name: str,
    entries: list[tuple[tuple[str, ...], Any]],
    cut: int | None,
    insert: str,
    crlf: bool,
) -> None:
    doc: dict[str, Any] = {}
    for keys, value in entries:
        nest(doc, keys, no_none(value))
    text = tomlkit.dumps(doc)
    if cut is not None:  # damage it: cut short, or a stray character in the middle
        text = text[:cut] + insert + text[cut:] if insert else text[:cut]
    if crlf:
        text = text.replace("\n", "\r\n")
    with folder() as work:
        path = work / name
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        if read_or_error(path) is not None:
            plans_or_error(path)


# --fix round trips ----------------------------------------------------------------------------

#: Names that neither ddtrace nor the planner cares about, so only ddtrace may move.
PLAIN_NAMES = st.from_regex(r"\Azz[a-z]{1,6}(-[a-z]{1,4})?\Z")
PLAIN_REQ = st.builds(
    lambda n, e, s, m: f"{n}{e}{s}{m}",
    PLAIN_NAMES,
    EXTRAS,
    st.sampled_from(["", "==1.0", ">=2,<3", "~=1.4"]),
    st.sampled_from(ENV_MARKERS),
)
PLAIN_LINE = st.one_of(
    PLAIN_REQ,
    st.builds(lambda r, c: r + c, PLAIN_REQ, COMMENTS),
    st.sampled_from(["", "# comment", "--index-url https://127.0.0.1:9/simple/"]),
)
DDTRACE_LINE = st.sampled_from(
    [
        "ddtrace==2.3.0",
        "ddtrace>=2.0",
        "ddtrace == 2.3.0  # tracer",
        'ddtrace==2.3.0 ; python_version >= "3.9"',
        "DDTrace[opentracing]==2.10.1",
        "ddtrace~=2.3",
        "ddtrace",
    ]
)


def advise_and_fix(path: Path) -> Advice:
    """Plan ``--fix`` offline and apply it; returns the advice it followed."""
    project, advice = read_and_advise([str(path)], REQUEST, SETTINGS)
    plan = plan_fix(project, advice, hashes=None)
    assert not plan.refusals, [r.render() for r in plan.refusals]
    apply(plan.patches)
    return advice


def changed_lines(before: bytes, after: bytes) -> list[int]:
    """Indexes of the physical lines that differ (the line count must not change)."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new), (before, after)
    return [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]


def assert_ddtrace_is_target(path: Path) -> None:
    """Reading back: every ddtrace declaration pins or starts at the target."""
    deps = read_paths([str(path)]).named("ddtrace")
    assert deps
    for dep in deps:
        assert (
            dep.version == TARGET
            or f">={TARGET}" in dep.specifier
            or (dep.specifier.startswith("~=") and TARGET.rsplit(".", 1)[0] in dep.specifier)
        ), dep.specifier


@RUNS
@given(
    before=st.lists(PLAIN_LINE, max_size=6),
    ddtrace=DDTRACE_LINE,
    after=st.lists(PLAIN_LINE, max_size=6),
    eol=st.sampled_from(["\n", "\r\n"]),
    final=st.booleans(),
    bom=st.booleans(),
)
def test_fix_requirements_changes_only_the_ddtrace_line(
    before: list[str], ddtrace: str, after: list[str], eol: str, final: bool, bom: bool
) -> None:
    text = eol.join([*before, ddtrace, *after]) + (eol if final else "")
    data = (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")
    with folder() as work:
        path = work / "requirements.txt"
        path.write_bytes(data)
        advice = advise_and_fix(path)
        assert getattr(advice.recommendation, "ddtrace", None) == TARGET
        fixed = path.read_bytes()
        assert changed_lines(data, fixed) == [len(before)]
        assert fixed.startswith(codecs.BOM_UTF8) == bom
        assert_ddtrace_is_target(path)


PEP621_ITEM = st.builds(
    lambda n, s, m: f"{n}{s}{m}".replace('"', "'"),
    PLAIN_NAMES,
    st.sampled_from(["", "==1.0", ">=2,<3"]),
    st.sampled_from(ENV_MARKERS),
)
PEP621_DDTRACE = st.sampled_from(
    [
        "ddtrace==2.3.0",
        "ddtrace>=2.0",
        "ddtrace[profiling]>=2.1,<3",
        "ddtrace==2.3.0; python_version >= '3.9'",
    ]
)


@RUNS
@given(
    before=st.lists(PEP621_ITEM, max_size=4),
    ddtrace=PEP621_DDTRACE,
    after=st.lists(PEP621_ITEM, max_size=4),
    comments=st.booleans(),
    trailing_comma=st.booleans(),
    eol=st.sampled_from(["\n", "\r\n"]),
)
def test_fix_pyproject_changes_only_the_ddtrace_entry(
    before: list[str],
    ddtrace: str,
    after: list[str],
    comments: bool,
    trailing_comma: bool,
    eol: str,
) -> None:
    items = [*before, ddtrace, *after]
    rows = [
        f'    "{item}"'
        + ("," if i < len(items) - 1 or trailing_comma else "")
        + ("  # why" if comments else "")
        for i, item in enumerate(items)
    ]
    lines = ["[project]", 'name = "app"', 'version = "1.0"', "dependencies = [", *rows, "]", ""]
    data = eol.join(lines).encode("utf-8")
    with folder() as work:
        path = work / "pyproject.toml"
        path.write_bytes(data)
        advice = advise_and_fix(path)
        assert getattr(advice.recommendation, "ddtrace", None) == TARGET
        assert changed_lines(data, path.read_bytes()) == [4 + len(before)]
        assert_ddtrace_is_target(path)


# Markdown -------------------------------------------------------------------------------------

DANGEROUS = st.sampled_from(
    [
        "<script>",
        "](javascript:alert(1))",
        "<!--",
        "-->",
        "`",
        "``",
        "@octocat",
        "#1",
        "|",
        "[x]",
        "<img src=x>",
        "*",
        "_",
        "~",
        "$",
        "\\",
        "&lt;",
        "www.x.io",
        "https://x.io",
        "\r",
        "\t",
    ]
)
HOSTILE = st.lists(st.one_of(DANGEROUS, st.text(max_size=6)), min_size=1, max_size=6).map("".join)
#: The only HTML the renderer writes itself.
OWN_TAGS = {"details", "/details", "summary", "/summary", "sub", "/sub"}


def unescaped(md: str, char: str) -> list[int]:
    """Offsets of ``char`` not preceded by an odd run of backslashes (so Markdown sees it)."""
    out = []
    for m in re.finditer(re.escape(char), md):
        run = len(md[: m.start()]) - len(md[: m.start()].rstrip("\\"))
        if run % 2 == 0:
            out.append(m.start())
    return out


def assert_safe(md: str) -> None:
    """Nothing in ``md`` is HTML, a link, code, a mention or a reference but the renderer's own."""
    body = md.removeprefix(markdown.MARKER)
    assert "<!--" not in body and "-->" not in body
    tags = set(re.findall(r"<\s*(/?[A-Za-z!][^\s>]*)", body))
    assert tags <= OWN_TAGS, tags
    for char in "[]`":
        assert not unescaped(body, char), char
    # The renderer breaks them with a zero-width space ("@&#8203;octocat").
    assert not re.search(r"@(?=\w)", body), "mention"
    # "&#8203;" (the zero-width space that breaks references) is itself "#" and digits.
    assert not re.search(r"(?<!&)#(?=\d)", body), "issue reference"
    for block in body.split("\n\n"):
        rows = [ln for ln in block.splitlines() if ln.startswith("|")]
        assert len({len(unescaped(r, "|")) for r in rows}) <= 1, block


def placements(hostile: str) -> list[Callable[[Path], Path]]:
    """Ways to put ``hostile`` into a requirements file (or its path); each returns the file."""
    word = re.sub(r"\s", "_", hostile)  # one token: a URL or path has no spaces

    def comment(work: Path) -> Path:
        path = work / "requirements.txt"
        path.write_text(f"flask==3.1.0  # {hostile}\nddtrace==2.3.0 # {hostile}\n", "utf-8")
        return path

    def url(work: Path) -> Path:
        path = work / "requirements.txt"
        path.write_text(f"ddtrace @ https://example.com/{word}/ddtrace.tar.gz\n", "utf-8")
        return path

    def local_path(work: Path) -> Path:
        path = work / "requirements.txt"
        path.write_text(f"ddtrace==2.3.0\n./vendor/{word}\n-e ./vendor/{word}\n", "utf-8")
        return path

    def folder_name(work: Path) -> Path:
        name = re.sub(r"[/\x00]", "_", word).strip(".") or "_"
        (work / name[:100]).mkdir()
        path = work / name[:100] / "requirements.txt"
        path.write_text("flask==3.1.0\nddtrace==2.3.0\n", "utf-8")
        return path

    return [comment, url, local_path, folder_name]


@RUNS
@given(hostile=HOSTILE, where=st.integers(0, 3))
def test_hostile_text_never_reaches_markdown_raw(
    hostile: str, where: int, capsys: pytest.CaptureFixture[str]
) -> None:
    with folder() as work:
        path = placements(hostile)[where](work)
        code = main([str(path), *ARGS, "--format", "markdown"])
        out = capsys.readouterr().out
        if code == 2:
            event("not readable")
            assert out == ""  # not a readable file: nothing rendered (one line on stderr)
            return
        event("rendered")
        assert_safe(out)
