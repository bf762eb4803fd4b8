"""Plain PEP 508 requirements and markers, read without packaging's requirement parser.

Importing ``packaging.requirements`` (with ``packaging.markers``, its parser and tokenizer,
``packaging.utils`` and ``packaging.tags``, and through them ``logging``, ``subprocess``,
``sysconfig`` and ``platform``) costs 15 to 18 ms: a tenth of an offline answer for a folder of
200 manifests. Most strings need none of it. A dependency file writes ``flask>=3.0``; ddtrace's
Requires-Dist writes ``bytecode>=0.13.0; python_version < "3.11"`` or ``opentracing>=2.0.0;
extra == "opentracing"``. The two readers here take exactly those plain forms and leave every
other string to packaging (they answer ``None``):

- :func:`plain_requirement`: a name, extras and version clauses, spaces or tabs around them;
  no marker, URL, parentheses or ``===``.
- :func:`plain_marker`: comparisons of one marker variable with one quoted value, joined by
  ``and`` and ``or`` with spaces around them; no parentheses, ``in``, dotted aliases
  (``os.name``) or value on the left.

What they read is what packaging reads, with any packaging release aap-advise supports (24.2
on), and tests hold both to it. A comparison packaging's releases evaluate differently is not
plain: packaging 24 tries every comparison as a version specifier first (``sys_platform ==
"1.0"``), 25 on only the version variables; 24 orders text (``sys_platform < "m"``), 26 does
not. Evaluating a plain marker (:meth:`PlainMarker.evaluate`) calls packaging's own
:class:`~packaging.specifiers.Specifier` where packaging does, so it raises what packaging
raises, and answers ``None`` where packaging would look past the environment given (a
variable it does not hold): the caller asks packaging then.

The patterns are possessive, so a string that does not match is refused in time linear in its
length.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache

from packaging.specifiers import InvalidSpecifier, Specifier, SpecifierSet

from advisor.model.names import canonicalize_name

__all__ = ["PlainMarker", "PlainRequirement", "plain_marker", "plain_requirement"]

_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9._-]*+(?<=[A-Za-z0-9]))?"
_CLAUSE = r"[<>=!~]=?+[ \t]*+[A-Za-z0-9.*+!_-]++"
_REQUIREMENT = re.compile(
    rf"[ \t]*+({_NAME})[ \t]*+(?:\[([A-Za-z0-9._, \t-]*+)\])?[ \t]*+"
    rf"((?:{_CLAUSE}(?:[ \t]*+,[ \t]*+{_CLAUSE})*+)?)[ \t]*+",
    re.ASCII,
)


PlainRequirement = tuple[str, tuple[str, ...], SpecifierSet]
"""A plain requirement's parts, as :class:`~packaging.requirements.Requirement` has them: the
name as written, the extras (sorted, each once), the version clauses in their written order.
(A tuple: a ``NamedTuple`` class costs every run a compilation of each field's annotation.)"""


def plain_requirement(text: str) -> PlainRequirement | None:
    """``text`` read as packaging reads it when it has the plain form and its extras and
    clauses are valid; ``None`` for anything else (packaging reads it, or words why not)."""
    found = _REQUIREMENT.fullmatch(text)
    if found is None:
        return None
    name, extras_text, clauses = found.groups()
    extras: tuple[str, ...] = ()
    if extras_text and not extras_text.isspace():
        names = [e.strip(" \t") for e in extras_text.split(",")]
        if not all(_extra_name(e) for e in names):
            return None
        extras = tuple(sorted(set(names)))
    try:
        specifier = SpecifierSet(clauses)
    except InvalidSpecifier:
        return None
    return name, extras, specifier


def _extra_name(text: str) -> bool:
    """An extra's name as PEP 508 spells one (of the characters the pattern lets in)."""
    return text[:1].isalnum() and text[-1:].isalnum() and " " not in text and "\t" not in text


#: Variables compared as versions first (packaging's ``MARKERS_REQUIRING_VERSION``; packaging
#: 24 tried every variable so, which gives the same verdict for these).
_VERSION_VARIABLES = frozenset(
    {"python_version", "python_full_version", "implementation_version", "platform_release"}
)
#: Variables compared as text. A value that would read as a version specifier is not plain:
#: packaging 24 compares it as one, 25 on as text.
_TEXT_VARIABLES = frozenset(
    {
        "extra",
        "implementation_name",
        "os_name",
        "platform_machine",
        "platform_python_implementation",
        "platform_system",
        "platform_version",
        "sys_platform",
    }
)
#: How packaging compares two values that are not a version and a specifier, where every
#: release compares alike (packaging 26 no longer orders text: ``<`` is always false there).
_TEXT_OPERATORS: dict[str, Callable[[str, str], bool]] = {"==": operator.eq, "!=": operator.ne}
_VALUE = r"""(?:"([A-Za-z0-9._+!*-]*+)"|'([A-Za-z0-9._+!*-]*+)')"""
_COMPARISON = rf"([a-z_]++)[ \t]*+(===|==|!=|~=|<=|>=|<|>)[ \t]*+{_VALUE}"
#: One comparison and what follows it: ``and`` or ``or`` with spaces around it, or the end of
#: the marker (and the spaces before it).
_STEP = rf"{_COMPARISON}(?:[ \t]++(and|or)[ \t]++|[ \t]*+\Z)"


@cache
def _step() -> re.Pattern[str]:
    """:data:`_STEP`, compiled by the first marker read (a run whose requirements have none,
    and that checks no pin, reads none)."""
    return re.compile(_STEP, re.ASCII)


#: Characters of a marker kept in :func:`plain_marker`'s cache (real ones are a few dozen).
_CACHED_CHARS = 1_000


_Comparison = tuple[str, str, str, Specifier | None]
"""One comparison: the variable, the operator, the value, and ``Specifier(op + value)`` when
packaging compares this one as a version."""


class PlainMarker:
    """A plain marker, parsed: comparisons in groups joined by ``or``, each group's joined by
    ``and`` (``and`` binds tighter, as in packaging)."""

    __slots__ = ("_groups", "text")

    def __init__(self, text: str, groups: tuple[tuple[_Comparison, ...], ...]) -> None:
        #: The marker as written (what packaging's :class:`~packaging.markers.Marker` takes
        #: where :meth:`evaluate` does not answer).
        self.text = text
        self._groups = groups

    def evaluate(self, environment: Mapping[str, object]) -> bool | None:
        """What ``Marker(text).evaluate(environment)`` answers (or raises), or ``None`` where
        packaging would take a variable from the running interpreter, or treat it otherwise
        than as text (one ``environment`` lacks, or holds as something else), or changes the
        environment before it evaluates (``python_full_version`` of a build between tags,
        ``3.11.0+``, or not text; an ``extra`` that is not text)."""
        full = environment.get("python_full_version", "")
        if type(full) is not str or full.endswith("+"):
            return None
        if "extra" in environment and type(environment["extra"]) is not str:
            return None
        verdicts = []
        for group in self._groups:
            holds = True
            for variable, op, wanted, specifier in group:
                value = environment.get(variable)
                if type(value) is not str:
                    return None
                if specifier is not None:
                    result = specifier.contains(value, prereleases=True)
                elif variable == "extra":  # compared as names, as the value is (PEP 685)
                    result = _TEXT_OPERATORS[op](canonicalize_name(value), wanted)
                else:
                    result = _TEXT_OPERATORS[op](value, wanted)
                holds = holds and result
            verdicts.append(holds)
        return any(verdicts)


def plain_marker(text: str) -> PlainMarker | None:
    """``text`` parsed when it is a plain marker (see the module); ``None`` for any other
    (packaging reads it, or words why not). Each distinct text of at most a thousand
    characters is parsed once while it stays in a bounded cache."""
    if len(text) > _CACHED_CHARS:
        return _plain_marker(text)
    return _cached_plain_marker(text)


@lru_cache(maxsize=1024)
def _cached_plain_marker(text: str) -> PlainMarker | None:
    return _plain_marker(text)


def _plain_marker(text: str) -> PlainMarker | None:
    step = _step().match
    groups: list[tuple[_Comparison, ...]] = []
    group: list[_Comparison] = []
    at = len(text) - len(text.lstrip(" \t"))
    while True:  # each step reads on from where the last ended, so the whole text once
        found = step(text, at)
        if found is None:
            return None
        variable, op, double, single, join = found.groups()
        comparison = _comparison(variable, op, double, single)
        if comparison is None:
            return None
        group.append(comparison)
        if join is None:  # the end
            groups.append(tuple(group))
            return PlainMarker(text, tuple(groups))
        if join == "or":
            groups.append(tuple(group))
            group = []
        at = found.end()


def _comparison(
    variable: str, op: str, double: str | None, single: str | None
) -> _Comparison | None:
    """One comparison as packaging evaluates it; ``None`` when it is not plain."""
    value = double if double is not None else single
    assert value is not None
    if variable == "extra":
        value = canonicalize_name(value)  # packaging compares extras as names (PEP 685)
    elif variable not in _VERSION_VARIABLES and variable not in _TEXT_VARIABLES:
        return None  # an alias (os.name is not matched), a set or a name packaging refuses
    try:
        specifier: Specifier | None = Specifier(op + value)
    except InvalidSpecifier:
        specifier = None
    if specifier is not None and variable in _VERSION_VARIABLES:
        return variable, op, value, specifier
    if specifier is not None or op not in _TEXT_OPERATORS:
        # A text variable's value that reads as a specifier: compared as a version by
        # packaging 24, as text by 25 on. Otherwise an order of text (or ``~=``), which
        # releases answer differently, or not at all.
        return None
    return variable, op, value, None
