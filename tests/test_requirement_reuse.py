"""A requirement string the ``pyproject.toml`` and requirements files of a run repeat is parsed
once (:func:`advisor.manifests._pep508.parse_requirement`), and each dependency read from it is
still its own: its file, line, group, and a specifier set of its own when it has several
clauses, in the order written. Counts, never times.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.errors import ManifestError
from advisor.manifests import read_paths
from advisor.manifests._pep508 import Parsed, parse_requirement


def _files(tmp_path: Path, count: int) -> list[str]:
    files = []
    for i in range(count):
        folder = tmp_path / f"svc-{i}"
        folder.mkdir()
        (folder / "pyproject.toml").write_text(
            f'[project]\nname = "svc-{i}"\nversion = "1"\n'
            'dependencies = ["flask>=3,<4", "ddtrace==2.3.0"]\n'
            '[project.optional-dependencies]\ntest = ["flask>=3,<4"]\n',
            encoding="utf-8",
        )
        (folder / "requirements.txt").write_text(
            "flask>=3,<4\nrequests==2.32.3\n", encoding="utf-8"
        )
        files += [str(folder / "pyproject.toml"), str(folder / "requirements.txt")]
    return files


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each text parsed from here on (the parse cache emptied): every text is first offered to
    the plain form's reader, then, when it is not plain, to packaging's ``Requirement``."""
    from advisor.manifests import _pep508

    parse_requirement.cache_clear()
    texts: list[str] = []
    real = _pep508._simple_parts

    def counted(text: str) -> Parsed | None:
        texts.append(text)
        return real(text)

    monkeypatch.setattr(_pep508, "_simple_parts", counted)
    return texts


def test_repeated_requirements_are_parsed_once_and_kept_apart(
    tmp_path: Path, parsed: list[str]
) -> None:
    project = read_paths([f for f in _files(tmp_path, 3) if f.endswith(".toml")])
    assert sorted(parsed) == ["ddtrace==2.3.0", "flask>=3,<4"]
    flask = [d for d in project.dependencies if d.name == "flask"]
    assert len(flask) == 6  # two in each file, one of them in an extra
    assert len({(d.source.file, d.source.key, d.group) for d in flask}) == 6
    assert {d.group for d in flask} == {None, "test"}
    assert len({id(d.parsed_specifier) for d in flask}) == 6


def test_a_specifier_set_used_by_one_dependency_leaves_the_others_as_written(
    tmp_path: Path,
) -> None:
    """packaging sorts a specifier set in place when it is first hashed or printed: what the
    planner does with one project's dependency never reorders another's."""
    parse_requirement.cache_clear()
    flask = [d for d in read_paths(_files(tmp_path, 1)).dependencies if d.name == "flask"]
    hash(flask[0].parsed_specifier)
    str(flask[1].parsed_specifier)
    (tmp_path / "more").mkdir()
    again = [d for d in read_paths(_files(tmp_path / "more", 1)).dependencies if d.name == "flask"]
    assert [d.specifier for d in again] == [">=3,<4"] * 3
    assert [[str(s) for s in d.parsed_specifier] for d in again] == [[">=3", "<4"]] * 3


def test_an_invalid_requirement_is_refused_each_time(tmp_path: Path) -> None:
    for i in range(2):
        bad = tmp_path / f"pyproject-{i}.toml"
        bad.write_text(
            f'[project]\nname = "x{i}"\nversion = "1"\ndependencies = ["ddtrace >= = 2"]\n',
            encoding="utf-8",
        )
        with pytest.raises(ManifestError, match="invalid requirement 'ddtrace >= = 2'"):
            read_paths([str(bad)])


def test_requirements_files_share_the_parsing_of_a_repeated_line(
    tmp_path: Path, parsed: list[str]
) -> None:
    """Plain lines of requirements files go through the same cache as pyproject strings; a
    specifier set of one clause is shared (it has no order to change), one of several is not."""
    files = _files(tmp_path, 3)
    project = read_paths(files)
    assert sorted(parsed) == ["ddtrace==2.3.0", "flask>=3,<4", "requests==2.32.3"]
    requests = [d for d in project.dependencies if d.name == "requests"]
    assert len(requests) == 3 and len({d.source.file for d in requests}) == 3
    assert len({id(d.parsed_specifier) for d in requests}) == 1
    assert [str(s) for s in requests[0].parsed_specifier] == ["==2.32.3"]
    flask = [d for d in project.dependencies if d.name == "flask"]
    assert len(flask) == 9 and len({id(d.parsed_specifier) for d in flask}) == 9


def test_a_version_too_long_to_compare_is_refused_every_time(tmp_path: Path) -> None:
    """The memo of comparable versions (:func:`advisor.model.project.unparsable_version`)
    never keeps one that is not."""
    huge = "1" * 5000
    for i in range(2):
        bad = tmp_path / f"requirements-{i}.txt"
        bad.write_text(f"flask>=1.0\nddtrace>={huge}\n", encoding="utf-8")
        with pytest.raises(ManifestError, match="is not a version aap-advise can compare"):
            read_paths([str(bad)])


def test_a_repeated_python_range_is_checked_once(tmp_path: Path) -> None:
    from advisor.manifests._pep508 import valid_spec

    valid_spec.cache_clear()
    files = []
    for i, spec in enumerate([">=3.9", ">=3.9", "> = 3"]):
        path = tmp_path / f"p{i}" / "pyproject.toml"
        path.parent.mkdir()
        path.write_text(
            f'[project]\nname = "p{i}"\nversion = "1"\nrequires-python = "{spec}"\n',
            encoding="utf-8",
        )
        files.append(str(path))
    project = read_paths(files)
    assert valid_spec.cache_info().misses == 2 and valid_spec.cache_info().hits == 1
    assert [f.id for f in project.findings if f.id == "invalid-requires-python"] == [
        "invalid-requires-python"
    ]


def test_a_long_requirement_is_parsed_without_the_cache(tmp_path: Path) -> None:
    """The cache holds short strings only: a long one (a marker of many clauses) is parsed
    each time it is met, and read the same."""
    from advisor.manifests import requirements
    from advisor.manifests._pep508 import CACHED_CHARS

    parse_requirement.cache_clear()
    requirements._marker.cache_clear()
    marker = " or ".join(f"python_version == '3.{i}'" for i in range(60))
    assert len(marker) > CACHED_CHARS
    files = []
    for i in range(2):
        path = tmp_path / f"p{i}" / "pyproject.toml"
        path.parent.mkdir()
        path.write_text(
            f'[project]\nname = "p{i}"\nversion = "1"\ndependencies = ["flask>=3; {marker}"]\n',
            encoding="utf-8",
        )
        (path.parent / "requirements.txt").write_text(
            f"flask==3.0.0 ; {marker}\n", encoding="utf-8"
        )
        files += [str(path), str(path.parent / "requirements.txt")]
    project = read_paths(files)
    assert parse_requirement.cache_info().currsize == 1  # flask==3.0.0 alone
    assert requirements._marker.cache_info().currsize == 0
    assert len({d.marker for d in project.dependencies}) == 1
    assert len(project.dependencies) == 4


@pytest.mark.parametrize(
    "text",
    ["flask>=3,<4", "ddtrace==2.3.0", "x[b,a]~=1.2", "y @ https://example.org/y-1.0.whl", "z"],
)
def test_a_dependency_made_from_parts_has_each_field_where_its_keyword_would_put_it(
    text: str,
) -> None:
    """dependency_from_parts passes Dependency's fields positionally (for speed): the same
    dependency as with keywords, and every field is set (none left to its default by
    accident), compared field by field, the uncompared parsed values too."""
    from dataclasses import fields

    from advisor.manifests._pep508 import dependency_from_parts, requirement_parts
    from advisor.model.project import Dependency, SourceLocation

    p = requirement_parts(text)
    loc = SourceLocation("f", 3, "k")
    made = dependency_from_parts(
        p, loc, marker="m", group="g", kind="dependency-group", role="constraint", hashes=("h",)
    )
    expected = Dependency(
        name=p.name,
        display_name=p.display_name,
        specifier=p.specifier,
        version=p.pin.text if p.pin else None,
        source=loc,
        marker="m",
        extras=p.extras,
        group="g",
        group_kind="dependency-group",
        role="constraint",
        url=p.url,
        hashes=("h",),
        parsed_specifier=p.specifier_set(),
        parsed_version=p.pin.version if p.pin else None,
    )
    for f in fields(Dependency):
        assert getattr(made, f.name) == getattr(expected, f.name), f.name
