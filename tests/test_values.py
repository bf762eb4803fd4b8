"""``advisor.model.values.dataclass`` makes the classes ``dataclasses.dataclass`` makes: the same
fields, ``__init__`` (signature, defaults, factories, ``__post_init__``, errors), frozenness,
slots, pickled state, pattern matching, ``repr``, ``==`` and ``hash``; only fewer of its methods
are compiled text."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import sys
import typing
from pathlib import Path
from typing import Any, ClassVar

import pytest

from advisor.model import values
from tests._helpers import run_python


def _pair(
    body: dict[str, Any], annotations: dict[str, str], doc: str | None = "A value."
) -> tuple[Any, Any]:
    """The same class body made by the standard decorator and by ours."""

    def make(decorate: Any) -> Any:
        namespace = {
            "__annotations__": dict(annotations),
            "__module__": __name__,
            "__doc__": doc,
            **body,
        }
        cls = type("Value", (), namespace)
        cls.__qualname__ = "Outer.Value"
        return decorate(frozen=True, slots=True)(cls)

    return make(dataclasses.dataclass), make(values.dataclass)


def _raised(function: Any, *args: Any, **kwargs: Any) -> tuple[type, str] | None:
    try:
        function(*args, **kwargs)
    except Exception as exc:
        return type(exc), str(exc)
    return None


SHAPES: list[tuple[dict[str, Any], dict[str, str], tuple[Any, ...]]] = [
    ({}, {}, ()),
    ({}, {"a": "int"}, (1,)),
    ({"b": "x"}, {"a": "int", "b": "str"}, (1,)),
    (
        {
            "b": dataclasses.field(default=2, repr=False),
            "c": dataclasses.field(default=3, compare=False),
            "d": dataclasses.field(default=4, hash=False),
            "e": dataclasses.field(default_factory=list),
            "f": dataclasses.field(default=None, compare=False, repr=False),
        },
        {"a": "int", "b": "int", "c": "int", "d": "int", "e": "list[int]", "f": "str | None"},
        ("a\x1b",),
    ),
    ({}, {"a": "float", "b": "object"}, (float("nan"), [1])),
    ({"k": 1}, {"a": "int", "k": "typing.ClassVar[int]"}, (1,)),
    ({"k": 1}, {"a": "int", "k": "ClassVar[int]"}, (1,)),
    ({"k": [1], "b": 2}, {"k": "ClassVar[list[int]]", "a": "int", "b": "int"}, (1,)),
]


@pytest.mark.parametrize(("body", "annotations", "args"), SHAPES)
def test_the_same_class_as_dataclasses_makes(
    body: dict[str, Any], annotations: dict[str, str], args: tuple[Any, ...]
) -> None:
    standard, ours = _pair(body, annotations)
    assert ClassVar is typing.ClassVar  # (what the annotations of the ClassVar shapes name)
    assert ours.__init__.__module__ == __name__ and "__create_fn__" not in repr(ours.__eq__)
    a, b = standard(*args), ours(*args)
    assert repr(a) == repr(b)
    assert str(inspect.signature(standard)) == str(inspect.signature(ours))
    assert standard.__init__.__qualname__ == ours.__init__.__qualname__
    assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(b)]
    shared = [name for name, a in annotations.items() if "ClassVar" in a]
    for name in ("__slots__", "__match_args__", "__doc__", *shared):
        assert getattr(ours, name) == getattr(standard, name), name
    kinds = [(f.name, f._field_type) for f in standard.__dataclass_fields__.values()]
    assert kinds == [(f.name, f._field_type) for f in ours.__dataclass_fields__.values()]
    for name in ("init", "repr", "eq", "order", "unsafe_hash", "frozen"):
        p, q = standard.__dataclass_params__, ours.__dataclass_params__
        assert getattr(p, name) == getattr(q, name), name
    for name in ("a", "z"):  # (the standard one fails on a new name: CPython gh-90055)
        assert _raised(setattr, a, name, 0) == _raised(setattr, b, name, 0)
        assert _raised(delattr, a, name) == _raised(delattr, b, name)
    # == and hash, against a copy, a changed copy, another class and a subclass instance
    same_a, same_b = standard(*args), ours(*args)
    assert (a == same_a) == (b == same_b) and (a != same_a) == (b != same_b)
    assert (a == a) == (b == b)
    assert b.__eq__(a) is NotImplemented and a.__eq__(b) is NotImplemented
    hashable = all(not isinstance(x, list) for x in args)
    if hashable and "e" not in annotations:
        assert hash(a) == hash(same_a) and hash(b) == hash(same_b)
    assert a.__getstate__() == b.__getstate__()
    for field in dataclasses.fields(b):
        if field.name != "a":
            changed_a = dataclasses.replace(a, **{field.name: 99})
            changed_b = dataclasses.replace(b, **{field.name: 99})
            assert (a == changed_a) == (b == changed_b), field.name
            if hashable and "e" not in annotations:
                assert (hash(a) == hash(changed_a)) == (hash(b) == hash(changed_b)), field.name
            assert repr(changed_a) == repr(changed_b)
    sub_a = type("Sub", (standard,), {"__slots__": ()})(*args)
    sub_b = type("Sub", (ours,), {"__slots__": ()})(*args)
    assert (a == sub_a) == (b == sub_b)
    # the calls __init__ refuses, refused in the same words
    for call_args, call_kwargs in [((), {}), ((*args, 1, 2, 3, 4, 5, 6), {}), (args, {"zz": 1})]:
        assert _raised(standard, *call_args, **call_kwargs) == _raised(
            ours, *call_args, **call_kwargs
        )


def test_a_default_factory_is_called_for_each_value() -> None:
    standard, ours = _pair({"e": dataclasses.field(default_factory=list)}, {"e": "list[int]"})
    first, second = ours(), ours()
    assert first.e == [] and first.e is not second.e
    assert ours([1]).e == standard([1]).e == [1]


def test_post_init_runs_after_the_fields_are_set() -> None:
    seen: list[tuple[str, Any]] = []

    def __post_init__(self: Any) -> None:
        seen.append((type(self).__name__, self.a))

    standard, ours = _pair({"__post_init__": __post_init__}, {"a": "int"})
    standard(1)
    ours(2)
    assert seen == [("Value", 1), ("Value", 2)]


def test_a_recursive_repr_shows_dots_as_dataclasses_does() -> None:
    standard, ours = _pair({}, {"a": "object"})
    box_a: list[Any] = []
    box_b: list[Any] = []
    a, b = standard(box_a), ours(box_b)
    box_a.append(a)
    box_b.append(b)
    assert repr(a) == repr(b) == "Outer.Value(a=[...])"


def test_a_default_before_a_required_field_is_refused_in_the_same_words() -> None:
    annotations = {"a": "int", "b": "int"}
    standard = _raised(_pair, {"a": 1}, annotations)
    assert standard is not None and standard[0] is TypeError
    assert _raised(values.dataclass(frozen=True, slots=True), _bare({"a": 1}, annotations)) == (
        standard
    )


def _bare(body: dict[str, Any], annotations: dict[str, str], doc: str = "A value.") -> type:
    return type("Value", (), {"__annotations__": annotations, "__doc__": doc, **body})


@pytest.mark.parametrize(
    ("body", "annotations", "doc"),
    [
        ({}, {"a": "int"}, None),  # no docstring: dataclasses writes one from the signature
        ({"b": dataclasses.field(default=1, init=False)}, {"a": "int", "b": "int"}, "A value."),
        ({"b": dataclasses.field(default=1, kw_only=True)}, {"a": "int", "b": "int"}, "A."),
        ({}, {"a": "int", "b": "dataclasses.InitVar[int]"}, "A value."),
        ({"__repr__": lambda self: "own"}, {"a": "int"}, "A value."),
    ],
    ids=["no-docstring", "init-false", "kw-only", "initvar", "own-repr"],
)
def test_what_the_fast_way_does_not_take_is_dataclasses_own(
    body: dict[str, Any], annotations: dict[str, str], doc: str | None
) -> None:
    ours: Any = values.dataclass(frozen=True, slots=True)(_bare(body, annotations, doc or ""))
    assert ours.__init__.__qualname__.endswith("Value.__init__")
    assert ours.__eq__.__module__ != "advisor.model.values"  # compiled by dataclasses


def test_any_other_options_are_dataclasses_own() -> None:
    class Open:
        a: int

    open_: Any = values.dataclass(slots=True)(Open)
    assert open_.__hash__ is None and open_(1) == open_(1)  # a mutable one is not hashable
    assert open_.__eq__.__module__ == __name__  # compiled text


def test_a_dataclass_may_derive_from_a_value() -> None:
    _, ours = _pair({}, {"a": "int"})
    sub: Any = dataclasses.dataclass(frozen=True, slots=True)(
        type("Sub", (ours,), {"__annotations__": {"b": "int"}})
    )
    assert sub(1, 2) == sub(1, 2) and repr(sub(1, 2)) == "Sub(a=1, b=2)"
    with pytest.raises(TypeError, match="non-frozen"):
        dataclasses.dataclass(type("Open", (ours,), {"__annotations__": {"b": "int"}}))


def test_the_value_classes_take_the_fast_way() -> None:
    """The methods of the model's value classes are not compiled text (a regression guard)."""
    from advisor.knowledge.model import Capability
    from advisor.model.advice import Report
    from advisor.model.release import Release

    for cls in (Capability, Report, Release):
        for name in ("__eq__", "__setattr__", "__getstate__"):
            method = getattr(cls, name)
            assert method.__module__ == "advisor.model.values", (cls, name)
            assert method.__qualname__ == f"{cls.__qualname__}.{name}"


def test_a_value_pickles_and_copies() -> None:
    from advisor.model.project import Finding, SourceLocation

    finding = Finding("id", "warning", "message", SourceLocation("f.txt", 3))
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert copy.deepcopy(finding) == finding and hash(copy.copy(finding)) == hash(finding)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'id'"):
        finding.id = "other"  # type: ignore[misc]


def test_the_precompiled_inits_are_those_the_classes_make() -> None:
    """``advisor/model/_inits.py`` holds the ``__init__`` text of every value class of the
    package, and no other (``python tools/value_inits.py`` writes it again)."""
    root = Path(__file__).resolve().parents[1]
    proc = run_python(str(root / "tools" / "value_inits.py"), "--check", cwd=root, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_class_takes_a_precompiled_init_for_its_very_shape_alone() -> None:
    """The model's classes run code compiled with the package, in their own module's globals;
    a class of another shape (a class changed since ``_inits.py`` was written) compiles its
    own text (``values.init_text``), and either way ``__init__`` is the one ``dataclasses``
    would write."""
    from advisor.model import _inits
    from advisor.model.project import Finding

    assert Finding.__init__.__code__.co_filename == _inits.__file__
    assert Finding.__init__.__globals__ is sys.modules[Finding.__module__].__dict__

    new, old = _pair({"zz_added": 3}, {"zz_kept": "int", "zz_added": "int"})
    assert values.MADE[-1] not in _inits.BY_SHAPE
    assert old.__init__.__code__.co_filename == "<string>"
    assert inspect.signature(old.__init__) == inspect.signature(new.__init__)
    assert repr(old(1)) == repr(new(1)) and old(1, 2).zz_added == 2


def _mutable_pair(body: dict[str, Any], annotations: dict[str, str]) -> tuple[Any, Any]:
    """The same mutable slotted class body made by the standard decorator and by ours."""

    def make(decorate: Any) -> Any:
        namespace = {"__annotations__": dict(annotations), "__module__": __name__, **body}
        cls = type("Value", (), {**namespace, "__doc__": "A value."})
        cls.__qualname__ = "Outer.Value"
        return decorate(slots=True)(cls)

    return make(dataclasses.dataclass), make(values.dataclass)


@pytest.mark.parametrize(("body", "annotations", "args"), SHAPES)
def test_a_mutable_slotted_class_is_the_one_dataclasses_makes(
    body: dict[str, Any], annotations: dict[str, str], args: tuple[Any, ...]
) -> None:
    standard, ours = _mutable_pair(body, annotations)
    assert "__create_fn__" not in repr(ours.__eq__) and ours.__eq__.__module__ == values.__name__
    a, b = standard(*args), ours(*args)
    assert repr(a) == repr(b)
    assert str(inspect.signature(standard)) == str(inspect.signature(ours))
    assert standard.__init__.__qualname__ == ours.__init__.__qualname__
    assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(b)]
    for name in ("__slots__", "__match_args__", "__doc__", "__hash__"):
        assert getattr(ours, name) == getattr(standard, name), name
    assert ("__getstate__" in vars(standard)) == ("__getstate__" in vars(ours))
    for name in ("init", "repr", "eq", "order", "unsafe_hash", "frozen"):
        p, q = standard.__dataclass_params__, ours.__dataclass_params__
        assert getattr(p, name) == getattr(q, name), name
    for name in ("a", "z"):
        assert _raised(setattr, a, name, 7) == _raised(setattr, b, name, 7)
    assert repr(a) == repr(b) and (a == standard(*args)) == (b == ours(*args))
    assert b.__eq__(a) is NotImplemented
    assert repr(copy.deepcopy(b)) == repr(b) and copy.copy(b) == b
    for call_args, call_kwargs in [((), {}), ((*args, 1, 2, 3, 4, 5, 6), {}), (args, {"zz": 1})]:
        assert _raised(standard, *call_args, **call_kwargs) == _raised(
            ours, *call_args, **call_kwargs
        )


_DESCRIBE = """
import dataclasses, importlib, pkgutil, re, sys
import advisor
from advisor.model import values

values._KNOWN = values._KNOWN and sys.argv[1] == "slotted"
def shown(value):  # without the addresses of objects
    return re.sub(" at 0x[0-9a-f]+", "", repr(value))
for info in pkgutil.walk_packages(advisor.__path__, "advisor."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
made = []
for name, module in sorted(sys.modules.items()):
    for cls in list(vars(module).values()) if name.startswith("advisor") else ():
        if isinstance(cls, type) and cls.__module__ == name and dataclasses.is_dataclass(cls):
            made.append((
                name, cls.__qualname__, list(vars(cls)), getattr(cls, "__slots__", None), cls.__doc__,
                getattr(cls, "__match_args__", None), repr(cls.__dataclass_params__),
                [(f.name, f.type, shown(f.default), shown(f.default_factory), f.init, f.repr,
                  f.hash, f.compare, dict(f.metadata), shown(f.kw_only), f._field_type.name)
                 for f in cls.__dataclass_fields__.values()],
            ))
for one in made:
    print(repr(one))
"""


def test_every_value_class_of_the_package_is_the_one_dataclasses_makes() -> None:
    """The slotted classes :func:`advisor.model.values._slotted` makes, without the checks
    ``dataclasses`` runs on each field, are those ``dataclasses`` makes: for every dataclass of
    the package, the same namespace (its names, in order), slots, fields (every attribute of
    each), parameters, ``__match_args__`` and docstring."""
    root = Path(__file__).resolve().parents[1]
    env = {**dict(__import__("os").environ), "PYTHONPATH": str(root)}
    lean, bare = (
        run_python("-c", _DESCRIBE, way, cwd=root, env=env, timeout=120)
        for way in ("slotted", "bare")
    )
    assert lean.returncode == bare.returncode == 0, lean.stderr + bare.stderr
    ours, theirs = lean.stdout.splitlines(), bare.stdout.splitlines()
    assert len(ours) == len(theirs) > 80  # (some 136 classes)
    for one, other in zip(ours, theirs, strict=True):
        assert one == other


def test_every_slotted_value_class_of_the_package_takes_the_fast_way() -> None:
    """A ``slots=True`` class of the package that :func:`advisor.model.values.dataclass`
    leaves to ``dataclasses`` (one without a docstring, for one) costs a millisecond of
    compiled methods at import: none does."""
    code = (
        "import dataclasses, importlib, pkgutil\n"
        "real = dataclasses._process_class\n"
        "slow = []\n"
        "def spy(cls, *args):\n"
        "    slow.append((cls.__module__, cls.__qualname__, args[0] and args[-2]))\n"
        "    return real(cls, *args)\n"
        "dataclasses._process_class = spy\n"
        "import advisor\n"
        "for info in pkgutil.walk_packages(advisor.__path__, 'advisor.'):\n"
        "    if not info.name.endswith('__main__'):\n"
        "        importlib.import_module(info.name)\n"
        "print([s for s in slow if s[0].startswith('advisor') and s[2]], len(slow) > 0)\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**dict(__import__("os").environ), "PYTHONPATH": str(root)}
    proc = run_python("-c", code, cwd=root, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    # (The fast way's own classes are made by dataclasses without methods: init is false.
    # Some classes are dataclasses' own, not slotted: the spy saw them, so it was called.)
    assert proc.stdout.strip() == "[] True", proc.stdout


def test_a_class_variable_is_no_reason_to_leave_the_fast_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``ClassVar[...]`` of typing's ClassVar is read here (the verdict classes have one); the
    shapes above hold it to what dataclasses makes."""

    def refused(cls: type) -> type:
        raise AssertionError(f"{cls.__name__} left the fast way")

    monkeypatch.setattr(values, "_bare", refused)
    _, ours = _pair({"k": 1}, {"a": "int", "k": "ClassVar[int]"})
    assert ours.__slots__ == ("a",) and ours.k == 1 and ours(2).k == 1
    with pytest.raises(AssertionError, match="left the fast way"):
        _pair({"k": 1}, {"a": "int", "k": "typing.ClassVar[int]"})


def test_a_class_whose_methods_read_its_class_is_dataclasses_own() -> None:
    """A method that reads ``__class__`` (as zero-argument ``super()`` does) sees the class
    given, which ``dataclasses`` fills in (its fields, the defaults of ``field()``): such a
    class is left to ``dataclasses``, and answers as its class does."""

    def made(decorate: Any) -> Any:
        class Value:
            """A value."""

            x: int = dataclasses.field(default=5)

            def seen(self) -> tuple[bool, object]:
                return dataclasses.is_dataclass(__class__), __class__.x  # type: ignore[name-defined]

            @property
            def shown(self) -> str:
                return super().__repr__()

        return decorate(frozen=True, slots=True)(Value)

    theirs, ours = made(dataclasses.dataclass), made(values.dataclass)
    assert ours().seen() == theirs().seen() == (True, 5)
    assert ours.__eq__.__module__ != "advisor.model.values"  # dataclasses' own
    assert values._names_class(ours.__dict__["shown"])
    assert not any(values._names_class(v) for v in vars(values._Template).values())
