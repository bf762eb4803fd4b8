"""Moving specifiers to a target, finding them in requirement strings: tables of cases."""

from __future__ import annotations

import itertools

import pytest

from advisor.write.specifiers import (
    SpecifierError,
    combine_markers,
    find_requirement,
    move,
    pinned_version,
    poetry_python,
    requote,
    satisfies,
)

# (specifier, target, expected) for the target package: admit the target and nothing below it.
TARGET_PEP440 = [
    ("==2.3.0", "4.6.0", "==4.6.0"),
    ("===2.3.0", "4.6.0", "===4.6.0"),
    (">=1.20,<3", "4.6.0", ">=4.6.0,<5"),
    (">=1.20,<3.0", "4.6.0", ">=4.6.0,<5.0"),
    (">=1.20,<=2.99", "4.6.0", ">=4.6.0,<5.0"),
    (">= 1.20, < 3", "4.6.0", ">= 4.6.0, < 5"),
    (">=1.20 , <3", "4.6.0", ">=4.6.0 , <5"),
    (">=1.20,<5", "4.6.0", ">=4.6.0,<5"),
    (">1.0", "4.6.0", ">=4.6.0"),
    (">=5.0", "4.6.0", ">=4.6.0"),
    ("<3", "4.6.0", ">=4.6.0,<5"),
    ("< 3", "4.6.0", ">= 4.6.0, < 5"),
    ("!=2.5.0", "4.6.0", ">=4.6.0,!=2.5.0"),
    (">=1.0,!=4.6.*", "4.6.0", ">=4.6.0"),
    (">=1.0,!=4.5.*", "4.6.0", ">=4.6.0,!=4.5.*"),
    ("~=2.3", "4.6.0", "~=4.6"),
    ("~=2.3.0", "4.6.0", "~=4.6.0"),
    ("~=2.3", "4.6.1", "~=4.6,>=4.6.1"),
    ("==2.*", "4.6.0", "==4.*,>=4.6.0"),
    ("==2.3.*", "4.6.0", "==4.6.*"),
    ("", "4.6.0", ">=4.6.0"),
    ("*", "4.6.0", ">=4.6.0"),
    (">=1.0,>=2.0", "4.6.0", ">=4.6.0"),
    ("==2.3.0", "0.16.0", "==0.16.0"),
    (">=0.13,<0.14", "0.16.0", ">=0.16.0,<0.17"),
    # already there: unchanged, character for character
    (">=4.6.0,<5", "4.6.0", ">=4.6.0,<5"),
    (">=4.6,<5", "4.6.0", ">=4.6,<5"),
    ("==4.6.0", "4.6.0", "==4.6.0"),
    ("== 4.6", "4.6.0", "== 4.6"),
    ("~=4.6,>=4.6.1", "4.6.1", "~=4.6,>=4.6.1"),
    ("==4.6.*", "4.6.0", "==4.6.*"),
]

# Poetry syntax for the target.
TARGET_POETRY = [
    ("^2.3.0", "4.6.0", "^4.6.0"),
    ("^2.3", "4.6.0", "^4.6"),
    ("^2.3", "4.6.1", "^4.6.1"),
    ("^0.13", "0.16.0", "^0.16"),
    ("~2.3", "4.6.0", "~4.6"),
    ("~2.3", "4.6.1", "~4.6.1"),
    ("~2", "4.6.0", "~4, >=4.6.0"),
    ("2.3.0", "4.6.0", "4.6.0"),
    ("=2.3.0", "4.6.0", "=4.6.0"),
    ("2.3.*", "4.6.0", "4.6.*"),
    ("*", "4.6.0", ">=4.6.0"),
    (">=1.20,<3", "4.6.0", ">=4.6.0,<5"),
    (">=1.20 <3", "4.6.0", ">=4.6.0 <5"),
    ("<3", "4.6.0", ">=4.6.0, <5"),
    ("^4.6.0", "4.6.0", "^4.6.0"),
]

# Co-upgrades: admit the new version; only clauses that exclude it move, floors stay.
CO_UPGRADE = [
    ("==0.13.0", "0.16.0", "pep440", "==0.16.0"),
    (">=0.10", "0.16.0", "pep440", ">=0.10"),
    (">=0.13,<0.14", "0.16.0", "pep440", ">=0.13,<0.17"),
    ("~=0.13.0", "0.16.0", "pep440", "~=0.16.0"),
    ("!=0.16.0", "0.16.0", "pep440", ""),
    (">=1,!=1.2.0", "1.2.0", "pep440", ">=1"),
    ("", "0.16.0", "pep440", ""),
    ("^0.13", "0.16.0", "poetry", "^0.16"),
    ("^1.0", "1.4.0", "poetry", "^1.0"),
]


@pytest.mark.parametrize(("spec", "target", "expected"), TARGET_PEP440)
def test_move_target_pep440(spec: str, target: str, expected: str) -> None:
    assert move(spec, target) == expected
    assert satisfies(expected, target)


@pytest.mark.parametrize(("spec", "target", "expected"), TARGET_POETRY)
def test_move_target_poetry(spec: str, target: str, expected: str) -> None:
    assert move(spec, target, dialect="poetry") == expected
    assert satisfies(expected, target, dialect="poetry")


@pytest.mark.parametrize(("spec", "target", "dialect", "expected"), CO_UPGRADE)
def test_move_co_upgrade(spec: str, target: str, dialect: str, expected: str) -> None:
    assert move(spec, target, dialect=dialect, raise_floor=False) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("spec", "dialect"),
    [
        ("^1.0 || ^2.0", "poetry"),
        (">=1.0 <2", "pep440"),
        ("banana", "pep440"),
        (">=1.0,", "pep440"),
        ("^x", "poetry"),
    ],
)
def test_unreadable_specifiers_are_refused(spec: str, dialect: str) -> None:
    with pytest.raises(SpecifierError):
        move(spec, "4.6.0", dialect=dialect)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("spec", "target", "floor", "expected"),
    [
        (">=4.6.0", "4.6.0", True, True),
        (">=4.0", "4.6.0", True, False),
        (">=4.0", "4.6.0", False, True),
        ("<3", "4.6.0", False, False),
        ("", "4.6.0", True, False),
        ("", "4.6.0", False, True),
        ("==4.6.*", "4.6.0", True, True),
    ],
)
def test_satisfies(spec: str, target: str, floor: bool, expected: bool) -> None:
    assert satisfies(spec, target, floor=floor) is expected


def test_poetry_caret_and_tilde_bounds() -> None:
    assert satisfies("^0.0.3", "0.0.3", dialect="poetry", floor=False)
    assert not satisfies("^0.0.3", "0.0.4", dialect="poetry", floor=False)
    assert not satisfies("^0.2", "0.3.0", dialect="poetry", floor=False)
    assert satisfies("~1", "1.9", dialect="poetry", floor=False)
    assert not satisfies("~1.2", "1.3", dialect="poetry", floor=False)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("==2.3.0", "2.3.0"),
        ("===2.3.0", "2.3.0"),
        (">=2.3.0", None),
        ("==2.*", None),
        ("==1,<2", None),
        ("", None),
    ],
)
def test_pinned_version(spec: str, expected: str | None) -> None:
    assert pinned_version(spec) == expected


# A grid: every specifier built from these clauses, moved to every target, admits the target
# (and nothing below it) and moves no further a second time.
_CLAUSES = [
    "",
    ">=1.20",
    ">1.0",
    "<3",
    "<=2.5",
    "!=2.0.1",
    "~=2.3",
    "==2.3.0",
    "==2.*",
    "<5",
    ">=5.1",
]
_TARGETS = ["2.3.0", "2.3.1", "4.6.0", "5.0.0", "0.16.0"]


@pytest.mark.parametrize("target", _TARGETS)
def test_move_grid_is_sound_and_idempotent(target: str) -> None:
    for a, b in itertools.combinations(_CLAUSES, 2):
        spec = ",".join(c for c in (a, b) if c)
        for floor in (True, False):
            moved = move(spec, target, raise_floor=floor)
            assert satisfies(moved, target, floor=floor), (spec, target, moved)
            assert move(moved, target, raise_floor=floor) == moved, (spec, target, moved)


# find_requirement: (text, pip_line, name, specifier, marker, end-text)
FIND = [
    ("ddtrace==2.3.0", False, "ddtrace", "==2.3.0", None, "ddtrace==2.3.0"),
    (
        "DDTrace[appsec] >= 1.0 , <3 ; python_version < '3.13'",
        False,
        "ddtrace",
        ">= 1.0 , <3",
        "python_version < '3.13'",
        "DDTrace[appsec] >= 1.0 , <3 ; python_version < '3.13'",
    ),
    (
        'ddtrace==2.3.0 ; python_version >= "3.8"   # tracing',
        True,
        "ddtrace",
        "==2.3.0",
        'python_version >= "3.8"',
        'ddtrace==2.3.0 ; python_version >= "3.8"',
    ),
    ("ddtrace  # apm", True, "ddtrace", "", None, "ddtrace"),
    ("ddtrace (>=1.0)", False, "ddtrace", ">=1.0", None, "ddtrace (>=1.0)"),
    ("ddtrace==1.0 --hash=sha256:ab12", True, "ddtrace", "==1.0", None, "ddtrace==1.0"),
    (
        "ddtrace_x.y>=1;python_version<'3.9'",
        False,
        "ddtrace-x-y",
        ">=1",
        "python_version<'3.9'",
        "ddtrace_x.y>=1;python_version<'3.9'",
    ),
]


@pytest.mark.parametrize(("text", "pip_line", "name", "spec", "marker", "upto"), FIND)
def test_find_requirement(
    text: str, pip_line: bool, name: str, spec: str, marker: str | None, upto: str
) -> None:
    span = find_requirement(text, pip_line=pip_line)
    assert span is not None
    assert (span.name, span.specifier(text), span.marker_text(text), text[: span.end]) == (
        name,
        spec,
        marker,
        upto,
    )


@pytest.mark.parametrize(
    "text",
    ["-r other.txt", "# comment", "", "--hash=sha256:ab", "ddtrace==", "ddtrace; python_version <"],
)
def test_find_requirement_ignores_non_requirements(text: str) -> None:
    assert find_requirement(text, pip_line=True) is None


def test_find_requirement_marks_urls() -> None:
    span = find_requirement("ddtrace @ https://example.com/ddtrace-4.6.0.tar.gz")
    assert span is not None and span.url


@pytest.mark.parametrize(
    ("text", "spec", "marker", "expected"),
    [
        ("ddtrace==2.3.0  # apm", "==4.6.0", None, "ddtrace==4.6.0  # apm"),
        (
            "ddtrace  # apm",
            ">=4.6.0",
            'python_version >= "3.13"',
            'ddtrace>=4.6.0; python_version >= "3.13"  # apm',
        ),
        ("ddtrace (>=1.0)", ">=4.6.0", 'os_name == "nt"', 'ddtrace (>=4.6.0); os_name == "nt"'),
        (
            'ddtrace>=1 ; os_name == "nt"',
            ">=4.6.0",
            'os_name == "posix"',
            'ddtrace>=4.6.0 ; os_name == "posix"',
        ),
    ],
)
def test_rewrite(text: str, spec: str, marker: str | None, expected: str) -> None:
    span = find_requirement(text, pip_line=True)
    assert span is not None
    assert span.rewrite(text, spec, marker) == expected


@pytest.mark.parametrize(
    ("original", "arm", "expected"),
    [
        (None, 'python_version < "3.13"', 'python_version < "3.13"'),
        (
            'os_name == "posix"',
            'python_version < "3.13"',
            'os_name == "posix" and python_version < "3.13"',
        ),
        (
            'os_name == "nt" or python_version < "3.8"',
            'python_version < "3.13"',
            '(os_name == "nt" or python_version < "3.8") and python_version < "3.13"',
        ),
        ('os_name == "posix"', "", 'os_name == "posix"'),
    ],
)
def test_combine_markers(original: str | None, arm: str, expected: str) -> None:
    assert combine_markers(original, arm) == expected


def test_requote() -> None:
    assert requote('python_version < "3.13"', "'") == "python_version < '3.13'"
    assert requote('python_version < "3.13"', '"') == 'python_version < "3.13"'


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ('python_version < "3.13"', "<3.13"),
        ('python_version >= "3.9" and python_version < "3.13"', ">=3.9,<3.13"),
        ("python_version>='3.13'", ">=3.13"),
    ],
)
def test_poetry_python(marker: str, expected: str) -> None:
    assert poetry_python(marker) == expected


def test_poetry_python_refuses_other_markers() -> None:
    with pytest.raises(SpecifierError):
        poetry_python('sys_platform == "linux"')


TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"


@pytest.mark.parametrize(
    "call",
    [
        lambda: move("^1.0 || " * 8000 + "^2.0", "4.6.0", dialect="poetry"),
        lambda: satisfies(">=1.0," + "!=1.0," * 8000 + "<2 @", "4.6.0"),
        lambda: satisfies(f">=1.0 {TOKEN}", "4.6.0"),
        lambda: combine_markers(f"python_version >= '3.9' and {TOKEN} " + "x" * 70_000, "x"),
        lambda: poetry_python(f"sys_platform == '{TOKEN}'" + " " * 70_000),
    ],
    ids=["alternatives", "unreadable", "token", "marker", "poetry-marker"],
)
def test_a_refused_specifier_is_quoted_as_an_excerpt(call: object) -> None:
    """A specifier may be 64 KiB long and holds what a file put there: the refusal quotes at most
    80 characters of it, token-looking strings masked (it quoted it whole)."""
    with pytest.raises(SpecifierError) as info:
        call()  # type: ignore[operator]
    message = str(info.value)
    assert len(message) < 160 and TOKEN not in message, message
