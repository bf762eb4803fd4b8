"""Plain requirement strings (a name, extras, version clauses) are read without packaging's
requirement parser (:func:`advisor.manifests._pep508._simple_parts`), and project names are
compared without ``packaging.utils`` (:func:`advisor.model.names.canonicalize_name`): both
must give what packaging gives, for every string, or leave the string to packaging.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name as packaging_canonicalize_name

from advisor.manifests._pep508 import Parsed, _simple_parts, parsed_requirement
from advisor.model.names import canonicalize_name


def _by_packaging(text: str) -> Parsed | None:
    try:
        return parsed_requirement(Requirement(text))
    except InvalidRequirement:
        return None


def _comparable(p: Parsed) -> tuple[object, ...]:
    # A SpecifierSet compares as a set of clauses: the order written matters here too.
    return (*p[:-1], [str(s) for s in p.parsed])


def _agrees(text: str) -> bool:
    """``text`` is left to packaging, or read as packaging reads it; ``True`` when read."""
    simple = _simple_parts(text)
    if simple is None:
        return False
    full = _by_packaging(text)
    assert full is not None, f"{text!r} is not a requirement to packaging"
    assert _comparable(simple) == _comparable(full), text
    return True


PLAIN = [
    "flask",
    "Flask>=3.0",
    "flask >= 3.0 , < 4",
    "\tzope.interface~=5.0\t",
    "requests[socks,security]==2.32.3",
    "requests [ socks , security ] >=2",
    "a[]",
    "a[ ]",
    "a[x,x]",
    "x==1.0.*",
    "x!=1.*",
    "x==1+local.2",
    "x==1!2.0",
    "x==v1",
    "x>=1,<2,!=1.5",
    "x<=1",
    "x > 1",
    "x==1.0RC1",
    "Django_Rest.Framework-x>=3",
    "x==1.0.post1.dev2",
]

NOT_PLAIN = [
    "",
    " ",
    "x>=1.0.*",  # a wildcard with >=: packaging words the error
    "x===1",
    "x==1,",
    "x,==1",
    "x>=1 ; python_version<'3'",
    "x @ https://example.org/x.whl",
    "x(>=1)",
    "x-",
    "-x",
    "x[y-]",
    "x[y,]",
    "x[,y]",
    "x==1 2",
    "x> =1",
    "x>= =1",
    "x==",
    "x=1",
    "x==1\n",
    "ｘ==1",
    "x==١",
]


@pytest.mark.parametrize("text", PLAIN)
def test_a_plain_requirement_is_read_as_packaging_reads_it(text: str) -> None:
    assert _agrees(text)


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_anything_else_is_left_to_packaging(text: str) -> None:
    assert _simple_parts(text) is None


_NAME = st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9._-]{0,6}[A-Za-z0-9])?", fullmatch=True)
_VERSION = st.from_regex(
    r"[0-9]{1,3}(\.[0-9*]{1,2}){0,3}([ab]|rc|\.post|\.dev|!|\+[a-z])?[0-9]?", fullmatch=True
)
_WS = st.sampled_from(["", " ", "\t", "  "])
_OP = st.sampled_from(["==", "!=", "~=", "<=", ">=", "<", ">", "===", "=", "=>", ""])


@st.composite
def _requirement_like(draw: st.DrawFn) -> str:
    """Mostly well-formed requirements, with their pieces (spaces, operators, versions,
    extras) varied enough to be wrong now and then."""
    text = draw(_WS) + draw(_NAME) + draw(_WS)
    if draw(st.booleans()):
        extras = draw(st.lists(_NAME, max_size=3))
        sep = draw(st.sampled_from([",", " , ", ",,", " "]))
        text += "[" + draw(_WS) + sep.join(extras) + draw(_WS) + "]" + draw(_WS)
    clauses = [draw(_OP) + draw(_WS) + draw(_VERSION) for _ in range(draw(st.integers(0, 3)))]
    sep = draw(st.sampled_from([",", " , ", ",\t", ",,", " "]))
    return text + sep.join(clauses) + draw(_WS)


@given(_requirement_like())
@example("flask>=3.0,<4")
def test_requirement_like_strings_read_alike(text: str) -> None:
    """(About three in five of these strings are plain: measured when this was written.)"""
    _agrees(text)


@given(st.text(alphabet="aZ09._-[], \t<>=!~*+;@()'\"\nx", max_size=30))
def test_any_string_reads_alike_or_is_left_to_packaging(text: str) -> None:
    _agrees(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
@example("Zope.Interface")
@example("a__b--c..d")
@example("-_.x._-")
def test_names_are_canonical_as_packaging_makes_them(name: str) -> None:
    """Every ASCII string (every valid project name), whatever the packaging (24 lowercases
    after replacing, 26 before: they differ beyond ASCII only, see advisor.model.names)."""
    assert canonicalize_name(name) == packaging_canonicalize_name(name)


def test_a_long_plain_string_is_refused_in_linear_time() -> None:
    """Possessive patterns: a string that almost matches costs one pass, not a search of
    every way to split its spaces (this would take minutes if it backtracked)."""
    for text in ("x" + " " * 60_000 + "!", "x>=1" + ",>=1" * 15_000 + ",", "x" + "-" * 60_000):
        assert _simple_parts(text) is None
