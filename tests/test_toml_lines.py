"""Lines of strings in a TOML text (:class:`advisor.manifests._lines.TomlLines`): where the
strings of one key are looked for is found once per key, and every lookup still gives the line
the string is written on, in order, repeats and all."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from advisor.manifests._lines import _HEADER, TomlLines

TEXT = """\
[project]
name = "x"
dependencies = [
    "flask>=3",
    "ddtrace==2",
    "flask>=3",
]

[project.optional-dependencies]
test = ["pytest", 'flask>=3']
docs = [
    "sphinx",
    "pytest",
]

[dependency-groups]
dev = ["pytest"]
"""


def test_strings_are_found_on_their_lines_in_order() -> None:
    lines = TomlLines(TEXT)
    assert [lines.string("project", "dependencies", v) for v in ("flask>=3", "ddtrace==2")] == [
        4,
        5,
    ]
    assert lines.string("project", "dependencies", "flask>=3") == 6  # the repeat, further on
    assert lines.string("project.optional-dependencies", "test", "pytest") == 10
    assert lines.string("project.optional-dependencies", "test", "flask>=3") == 10
    assert lines.string("project.optional-dependencies", "docs", "sphinx") == 12
    assert lines.string("project.optional-dependencies", "docs", "pytest") == 13
    assert lines.string("dependency-groups", "dev", "pytest") == 17
    # A key the table does not hold: the table's strings; a table not there: anywhere.
    assert lines.string("dependency-groups", "missing", "pytest") == 17
    assert lines.string("nowhere", "dev", "sphinx") == 12
    assert lines.string("project", "dependencies", "absent") is None


def test_a_key_is_looked_up_once_for_all_its_strings() -> None:
    lines = TomlLines(TEXT)
    for _ in range(3):
        lines.string("project", "dependencies", "flask>=3")
    assert list(lines._bounds) == [("project", "dependencies")]
    assert lines.key("project", "dependencies") == 3


def _regions_as_written(text: str) -> dict[str, tuple[int, int]]:
    """What :attr:`TomlLines._regions` finds, as it was first written: every header by one
    ``^``-anchored search, every name split and stripped."""
    headers = [
        (".".join(p.strip().strip("\"'") for p in m.group(1).split(".")), m.start(), m.end())
        for m in _HEADER.finditer(text)
    ]
    regions: dict[str, tuple[int, int]] = {}
    for i, (name, _start, end) in enumerate(headers):
        stop = headers[i + 1][1] if i + 1 < len(headers) else len(text)
        regions.setdefault(name, (end, stop))
    return regions


@given(
    st.lists(
        st.sampled_from(
            [
                "[project]",
                "  [ tool.poetry ]  # c",
                "[[package]]",
                '[tool."aap-advise"]',
                "[a..b]",
                "[ a . 'b' ]",
                "[x-y.z_0]",
                "x = [1]",
                "[not",
                "",
                "\t[t]",
                "#[c]",
                "[[a]] # [b]",
            ]
        ),
        max_size=12,
    )
)
def test_table_regions_are_those_of_one_anchored_search(lines: list[str]) -> None:
    """Headers found by their line break, and plain names kept as written, give the regions
    the one ``^``-anchored search and the stripped names give."""
    for text in ("\n".join(lines), "\n".join(lines) + "\n", "\n" + "\n".join(lines)):
        assert TomlLines(text)._regions == _regions_as_written(text)


def test_single_quoted_strings_are_charged_to_the_search_budget_once() -> None:
    """The double-quoted form is looked for first; a string written single-quoted is then
    looked for once more in each form, not twice in the first (which would spend the search
    budget twice as fast and lose the lines of a long file's last strings)."""
    count = 150
    deps = "".join(f"  'pkg{i}>=1',\n" for i in range(count))
    text = f'[project]\nname = "x"\ndependencies = [\n{deps}]\ndescription = "{"d" * 6000}"\n'
    lines = TomlLines(text)
    found = [lines.string("project", "dependencies", f"pkg{i}>=1") for i in range(count)]
    assert found == list(range(4, 4 + count))
