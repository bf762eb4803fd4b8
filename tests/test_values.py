"""``advisor.model.values.dataclass`` makes the classes ``dataclasses.dataclass`` makes: the same
fields, ``__init__``, frozenness, slots, pattern matching, and the same ``repr``, ``==`` and
``hash`` (its ``__repr__``, ``__eq__`` and ``__hash__`` are closures instead of compiled text)."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest

from advisor.model import values


def _pair(body: dict[str, Any], annotations: dict[str, str]) -> tuple[type, type]:
    """The same class body made by the standard decorator and by ours."""

    def make(decorate: Any) -> type:
        namespace = {"__annotations__": dict(annotations), "__module__": __name__, **body}
        cls = type("Value", (), namespace)
        cls.__qualname__ = "Outer.Value"
        return decorate(frozen=True, slots=True)(cls)  # type: ignore[no-any-return]

    return make(dataclasses.dataclass), make(values.dataclass)


SHAPES: list[tuple[dict[str, Any], dict[str, str], tuple[Any, ...]]] = [
    ({}, {}, ()),
    ({}, {"a": "int"}, (1,)),
    ({"b": "x"}, {"a": "int", "b": "str"}, (1,)),
    (
        {
            "b": dataclasses.field(default=2, repr=False),
            "c": dataclasses.field(default=3, compare=False),
            "d": dataclasses.field(default=4, hash=False),
            "e": dataclasses.field(default_factory=tuple),
        },
        {"a": "int", "b": "int", "c": "int", "d": "int", "e": "tuple[int, ...]"},
        ("a\x1b",),
    ),
    ({}, {"a": "float", "b": "object"}, (float("nan"), [1])),
]


@pytest.mark.parametrize(("body", "annotations", "args"), SHAPES)
def test_the_same_class_as_dataclasses_makes(
    body: dict[str, Any], annotations: dict[str, str], args: tuple[Any, ...]
) -> None:
    standard, ours = _pair(body, annotations)
    a, b = standard(*args), ours(*args)
    assert repr(a) == repr(b)
    assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(b)]
    assert ours.__slots__ == standard.__slots__  # type: ignore[attr-defined]
    assert ours.__match_args__ == standard.__match_args__  # type: ignore[attr-defined]
    for name in ("a", "z"):  # (the standard one fails on a new name: CPython gh-90055)
        assert type(_raised(setattr, a, name, 0)) is type(_raised(setattr, b, name, 0))
    # == and hash, against a copy, a changed copy, another class and a subclass instance
    same_a, same_b = standard(*args), ours(*args)
    assert (a == same_a) == (b == same_b)
    assert (a != same_a) == (b != same_b)
    assert b.__eq__(a) is NotImplemented and a.__eq__(b) is NotImplemented
    hashable = all(not isinstance(x, list) for x in args)
    if hashable:
        assert hash(a) == hash(same_a) and hash(b) == hash(same_b)
    for field in dataclasses.fields(b):
        if field.init and field.name != "a":
            changed_a = dataclasses.replace(a, **{field.name: 99})
            changed_b = dataclasses.replace(b, **{field.name: 99})
            assert (a == changed_a) == (b == changed_b), field.name
            if hashable:
                assert (hash(a) == hash(changed_a)) == (hash(b) == hash(changed_b)), field.name
            assert repr(changed_a) == repr(changed_b)
    sub_a = type("Sub", (standard,), {"__slots__": ()})(*args)
    sub_b = type("Sub", (ours,), {"__slots__": ()})(*args)
    assert (a == sub_a) == (b == sub_b)


def _raised(function: Any, *args: Any) -> BaseException | None:
    try:
        function(*args)
    except Exception as exc:
        return exc
    return None


def test_a_recursive_repr_shows_dots_as_dataclasses_does() -> None:
    standard, ours = _pair({}, {"a": "object"})
    box_a: list[Any] = []
    box_b: list[Any] = []
    a, b = standard(box_a), ours(box_b)
    box_a.append(a)
    box_b.append(b)
    assert repr(a) == repr(b) == "Outer.Value(a=[...])"


def test_any_other_options_are_dataclasses_own() -> None:
    class Open:
        a: int

    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

    open_: Any = values.dataclass(slots=True)(Open)
    own: Any = values.dataclass(frozen=True, slots=True)(Own)
    assert repr(own(1)) == "own" and own(1) == own(1) and hash(own(1)) == hash((1,))
    assert own.__eq__.__module__ == open_.__eq__.__module__ == __name__  # compiled text
    assert open_.__hash__ is None  # a mutable one is not hashable


def test_the_value_classes_take_the_fast_way() -> None:
    """The methods of the model's value classes are not compiled text (a regression guard)."""
    from advisor.knowledge.model import Capability
    from advisor.model.advice import Report
    from advisor.model.release import Release

    for cls in (Capability, Report, Release):
        assert cls.__eq__.__module__ == "advisor.model.values", cls
        assert cls.__eq__.__qualname__ == f"{cls.__qualname__}.__eq__"


def test_a_value_pickles_and_copies() -> None:
    import copy

    from advisor.model.project import Finding, SourceLocation

    finding = Finding("id", "warning", "message", SourceLocation("f.txt", 3))
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert copy.deepcopy(finding) == finding and hash(copy.copy(finding)) == hash(finding)
