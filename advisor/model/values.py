"""``dataclass`` as :mod:`dataclasses` has it, made faster to apply to slotted classes.

Every run builds some ninety dataclasses as it imports them, and that was a fifth of an offline
answer: ``dataclasses`` writes each method as source text and compiles it, six of them for a
``frozen=True, slots=True`` class (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``), some 50 us a compilation. For exactly that kind of class
this :func:`dataclass` lets :mod:`dataclasses` read the fields and make the slotted class, and
compiles one method, ``__init__``, from the text ``dataclasses`` would write (a frozen class's
fields set through their slots' own setters, which ``object.__setattr__`` would look up and
call: twice as fast for a class of twenty fields); the others
are closures that compile nothing and do what the generated ones do (the same fields, tuples
compared and hashed, the same text and ``...`` for a recursive repr, the same
:class:`~dataclasses.FrozenInstanceError`, the same pickled state). ``__dataclass_params__``
says ``frozen=True`` and the rest as ``dataclasses`` would. A mutable ``slots=True`` class
(three methods compiled: ``__init__``, ``__repr__``, ``__eq__``) takes the same way: its
``__init__`` assigns the fields as the one ``dataclasses`` writes does, ``__repr__`` and
``__eq__`` are the same closures, ``__hash__`` is ``None``. Even that one compilation is mostly
saved: the ``__init__`` texts of the package's own classes are compiled with the package
(:mod:`advisor.model._inits`, written by ``tools/value_inits.py``), and a class whose shape is
found there (what its text follows from: field names and which have defaults or factories,
frozen or not, ``__post_init__`` or not) takes that code without its text being written, bound
to its own module as compiled text would be.

Anything else goes to :func:`dataclasses.dataclass` as it is: other options, a base class, a
class that writes one of those methods itself or has no docstring, a field that is
``init=False`` or keyword-only, an ``InitVar``. A module imports it in place of the standard
one, and type checkers see the standard one::

    if TYPE_CHECKING:
        from dataclasses import dataclass
    else:
        from advisor.model.values import dataclass
"""

from __future__ import annotations

import dataclasses
import inspect
import sys
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError
from operator import attrgetter
from reprlib import recursive_repr
from types import FunctionType, MemberDescriptorType
from typing import Any, ClassVar

from advisor.model._inits import BY_SHAPE

__all__ = ["MADE", "dataclass"]

#: A class attribute that is a slot, not a default (``dataclasses`` reads it as no default).
_SLOT = MemberDescriptorType

#: The :data:`Shape` of each class made so far in this process (``tools/value_inits.py``
#: compiles the ``__init__`` texts of those of the package's classes into
#: :mod:`advisor.model._inits`).
MADE: list[Shape] = []

#: Methods a class may not write itself to take the fast way (``dataclasses`` would keep it).
_MADE_HERE = frozenset(
    {
        "__init__",
        "__repr__",
        "__eq__",
        "__hash__",
        "__setattr__",
        "__delattr__",
        "__getstate__",
        "__setstate__",
    }
)


def dataclass(cls: type | None = None, /, **options: Any) -> Any:
    """:func:`dataclasses.dataclass`; ``frozen=True, slots=True`` and ``slots=True`` alone take
    the fast way."""
    if options == {"frozen": True, "slots": True}:
        return _frozen_value if cls is None else _frozen_value(cls)
    if options == {"slots": True}:
        return _mutable_value if cls is None else _mutable_value(cls)
    if cls is None:
        return dataclasses.dataclass(**options)
    return dataclasses.dataclass(cls, **options)


def _mutable_value(cls: type) -> type:
    """A ``slots=True`` class: ``__init__``, ``__repr__``, ``__eq__``, and no hash."""
    annotations = _plain(cls)
    if annotations is None:
        return dataclasses.dataclass(cls, slots=True)
    made, fields, shown, compared, getters, _ = _fields(cls, annotations)
    _install(made, _init(made, fields, frozen=False), _shared(shown, getters, compared))
    made.__hash__ = None  # type: ignore[assignment]  # as dataclasses sets it: eq, not frozen
    return made


def _fields(
    cls: type, annotations: dict[str, Any]
) -> tuple[type, tuple[Field[Any], ...], list[str], Any, list[Any], Any]:
    """The slotted class :mod:`dataclasses` makes of ``cls`` (whose own ``annotations`` these
    are) without methods (its parameters saying the methods the fast way adds), its fields,
    and what the methods read: the names of the shown fields, the compared values, the
    compared getters (3.13 compares field by field; none before), the hashed values."""
    made = _slotted(cls, annotations)
    fields = dataclasses.fields(made)
    params = made.__dataclass_params__  # type: ignore[attr-defined]
    params.init = params.repr = params.eq = True
    shown = [f.name for f in fields if f.repr]
    compared = _values([f.name for f in fields if f.compare])
    getters = [attrgetter(f.name) for f in fields if f.compare] if _BY_FIELD else []
    hashed = _values([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    return made, fields, shown, compared, getters, hashed


def _bare(cls: type) -> type:
    """The slotted class ``dataclasses`` makes of ``cls`` when it adds no method."""
    made: type = dataclasses.dataclass(
        cls, init=False, repr=False, eq=False, frozen=False, slots=True
    )
    return made


@_bare
class _Template:
    """One field and one class variable, made by :func:`_bare` once: its parameters and its
    fields' kinds are copied."""

    field: int
    shared: ClassVar[int] = 0


#: The parameters ``dataclasses`` gives a class :func:`_bare` makes (the same for every class).
_PARAMS = _Template.__dataclass_params__  # type: ignore[attr-defined]
#: What a class's parameters are made from: :data:`_PARAMS`'s, read once.
_PARAMS_GIVEN = {name: getattr(_PARAMS, name) for name in type(_PARAMS).__slots__}
#: The kind ``dataclasses`` marks an ordinary field with (not a ClassVar, not an InitVar).
_FIELD_KIND = _Template.__dataclass_fields__["field"]._field_type  # type: ignore[attr-defined]
#: The kind it marks a ``ClassVar`` with (a field in ``__dataclass_fields__``, not in ``fields()``).
_CLASSVAR_KIND = _Template.__dataclass_fields__["shared"]._field_type  # type: ignore[attr-defined]
#: Whether :func:`_slotted` knows what ``dataclasses`` does here: the versions whose module it
#: was written from and checked against (3.13 adds ``__replace__``); others call it.
_KNOWN = (3, 11) <= sys.version_info[:2] <= (3, 13)
#: ``__eq__`` compares field by field (3.13 on), not as tuples.
_BY_FIELD = sys.version_info >= (3, 13)


def _slotted(cls: type, annotations: dict[str, Any]) -> type:
    """What :func:`_bare` makes of a plain class (:func:`_plain`), made the way
    ``dataclasses`` makes it but without the checks that cannot fail for such a class: about a
    third of the time, for every value class a run imports.

    ``dataclasses`` looks at each annotation three times for a ``ClassVar``, an ``InitVar``
    or a ``KW_ONLY`` (the text matched, the module's names looked up), about a tenth of a
    class's cost per field. Here a class whose annotations are all text naming none of them
    (``from __future__ import annotations``; :func:`_plain` refused the last two), but for
    ``ClassVar[...]`` ones of a module whose ``ClassVar`` is typing's (class variables, not
    fields: kept in ``__dataclass_fields__`` as ``dataclasses`` keeps them, out of the slots,
    ``__match_args__`` and the methods), takes the fields as they are; any other, or one
    ``dataclasses`` would refuse (a mutable default, a field without annotation, its own
    ``__slots__``, a class variable given as ``field()``), or a class with a metaclass, is
    :func:`_bare`'s. The rest is ``dataclasses``' own steps, in its order: the parameters, each
    field (:func:`dataclasses.field` for a bare default), ``__dataclass_fields__``,
    ``__replace__`` (3.13), ``__match_args__``, and the slotted class made anew from the
    class's namespace, these put in it (``dataclasses`` sets them on the class given first,
    and the fields' defaults given as ``field()``, which the slotted class drops).
    """
    namespace = cls.__dict__
    # ``ClassVar[...]`` as dataclasses reads it: the module's ClassVar is typing's. Anything
    # else naming ClassVar (``typing.ClassVar``, a ClassVar inside another type) is _bare's.
    shared = {n for n, a in annotations.items() if type(a) is str and a.startswith("ClassVar[")}
    if (
        not _KNOWN
        or type(cls) is not type
        or "__slots__" in namespace
        or not all(
            type(a) is str and ("ClassVar" not in a or n in shared) for n, a in annotations.items()
        )
        or any(isinstance(v, Field) and k not in annotations for k, v in namespace.items())
        or (shared and _module_names(cls).get("ClassVar") is not ClassVar)
    ):
        return _bare(cls)
    defaults = [getattr(cls, name, MISSING) for name in annotations]
    for name, d in zip(annotations, defaults, strict=True):
        if name in shared:
            if isinstance(d, Field):
                return _bare(cls)  # dataclasses says what it refuses of it
        elif (d.default if isinstance(d, Field) else d).__class__.__hash__ is None:
            return _bare(cls)  # a mutable default: dataclasses says why it refuses it
    # The class made anew from the class's namespace, dataclasses' attributes put in it (the
    # class given is left as it is: the methods made here compare with it, and none of the
    # class's own reads it, as _plain saw).
    slotted = dict(namespace)
    slotted["__dataclass_params__"] = type(_PARAMS)(**_PARAMS_GIVEN)
    fields: dict[str, Field[Any]] = {}
    for (name, annotation), default in zip(annotations.items(), defaults, strict=True):
        if isinstance(default, Field):
            f = default
        else:
            value: Any = MISSING if isinstance(default, _SLOT) else default
            f = dataclasses.field(default=value)
        f.name = name
        f.type = annotation
        if name in shared:
            f._field_type = _CLASSVAR_KIND  # type: ignore[attr-defined]  # (kw_only stays unset)
        else:
            f._field_type = _FIELD_KIND  # type: ignore[attr-defined]
            if f.kw_only is MISSING:
                f.kw_only = False
        fields[name] = f
    slotted["__dataclass_fields__"] = fields
    if sys.version_info >= (3, 13) and "__replace__" not in namespace:
        slotted["__replace__"] = dataclasses._replace  # type: ignore[attr-defined]
    own = tuple(name for name in fields if name not in shared)
    if "__match_args__" not in namespace:
        slotted["__match_args__"] = own
    slotted["__slots__"] = own
    # A field's default (or field()) is no class attribute of a slotted class; a class
    # variable's value stays one (dataclasses refuses one given as field(): _bare's above).
    for name in own:
        slotted.pop(name, None)
    slotted.pop("__dict__", None)
    slotted.pop("__weakref__", None)
    made = type(cls.__name__, cls.__bases__, slotted)
    made.__qualname__ = cls.__qualname__
    return made


def _module_names(cls: type) -> dict[str, Any]:
    """The names of the module ``cls`` was made in (where dataclasses looks up ``ClassVar``)."""
    module = sys.modules.get(cls.__module__)
    return module.__dict__ if module is not None else {}


def _shared(shown: list[str], getters: list[Any], compared: Any) -> tuple[Any, Any]:
    """``__repr__`` and ``__eq__``, as ``dataclasses`` writes them for any class."""

    @recursive_repr()
    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"

    if _BY_FIELD:  # field by field, as 3.13 compares them

        def __eq__(self: Any, other: object) -> Any:
            if self is other:
                return True
            if other.__class__ is self.__class__:
                same: Any = True
                for get in getters:
                    same = get(self) == get(other)
                    if not same:
                        break
                return same
            return NotImplemented

    else:  # as tuples

        def __eq__(self: Any, other: object) -> Any:
            if other.__class__ is self.__class__:
                return compared(self) == compared(other)
            return NotImplemented

    return __repr__, __eq__


def _install(made: type, init: Callable[..., None], methods: tuple[Any, ...]) -> None:
    """Set ``init`` and ``methods`` on ``made``, named as ``dataclasses`` names its own."""
    for function in (init, *methods):
        function.__qualname__ = f"{made.__qualname__}.{function.__name__}"
        setattr(made, function.__name__, function)


def _frozen_value(cls: type) -> type:
    annotations = _plain(cls)
    if annotations is None:
        return dataclasses.dataclass(cls, frozen=True, slots=True)
    made, fields, shown, compared, getters, hashed = _fields(cls, annotations)
    made.__dataclass_params__.frozen = True  # type: ignore[attr-defined]
    names = frozenset(f.name for f in fields)

    # As dataclasses writes them: about the class given, not the slotted one made from it.
    given: Any = cls

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is given or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(given, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is given or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(given, self).__delattr__(name)

    __repr__, __eq__ = _shared(shown, getters, compared)

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, f.name) for f in dataclasses.fields(self)]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for f, value in zip(dataclasses.fields(self), state, strict=False):
            object.__setattr__(self, f.name, value)

    methods = (__setattr__, __delattr__, __repr__, __eq__, __hash__, __getstate__, __setstate__)
    _install(made, _init(made, fields, frozen=True), methods)
    return made


def _plain(cls: type) -> dict[str, Any] | None:
    """The class's own annotations (as ``dataclasses`` reads them) when the fast way makes it
    as ``dataclasses`` would: no base class, a docstring (else ``dataclasses`` writes one from
    the signature), none of the methods written, none reading ``__class__`` (zero-argument
    ``super()`` does), fields that are all positional ``__init__`` parameters, none named
    ``self``; ``None`` otherwise."""
    if cls.__bases__ != (object,) or not cls.__doc__ or _MADE_HERE & cls.__dict__.keys():
        return None
    if any(_names_class(v) for v in cls.__dict__.values()):
        return None  # dataclasses' class given stays what ``__class__`` (and super()) is
    annotations = inspect.get_annotations(cls)
    if "self" in annotations:
        return None
    for name, annotation in annotations.items():
        if "InitVar" in str(annotation) or "KW_ONLY" in str(annotation):
            return None
        value = cls.__dict__.get(name)
        if isinstance(value, Field) and (not value.init or value.kw_only is True):
            return None
    return annotations


def _names_class(value: Any) -> bool:
    """``value`` is a method (plain, class or static, or a property's function) that reads
    ``__class__``, as zero-argument ``super()`` does: it reads the class given, which
    ``dataclasses`` fills in too, so such a class is left to ``dataclasses``."""
    if isinstance(value, (classmethod, staticmethod)):
        value = value.__func__
    if isinstance(value, property):
        return any(_names_class(f) for f in (value.fget, value.fset, value.fdel))
    code = getattr(value, "__code__", None)
    return code is not None and "__class__" in code.co_freevars


#: What an ``__init__`` text follows from alone: frozen or not, whether ``__post_init__`` is
#: called, and each field's name and kind (0 none, 1 a default, 2 a default factory).
Shape = tuple[bool, bool, tuple[tuple[str, int], ...]]


def _init(made: type, fields: tuple[Field[Any], ...], *, frozen: bool) -> Callable[..., None]:
    """``__init__``, compiled from the text ``dataclasses`` writes (same parameters,
    annotations, defaults, ``<factory>`` sentinel, assignments and ``__post_init__`` call; a
    frozen class's assignments call the slots' setters directly). The text follows from the
    class's :data:`Shape` (:func:`init_text`): a shape compiled with the package is taken
    without writing it."""
    seen_default = False
    kinds = []
    # The arguments of the function that makes it, in the order of init_text's parameters:
    # each field's type, dataclasses' names, then each field's default and slot setter.
    types: list[Any] = []
    rest: list[Any] = []
    for f in fields:
        default, factory = f.default, f.default_factory
        if default is not MISSING or factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        kinds.append((f.name, 2 if factory is not MISSING else 1 if default is not MISSING else 0))
        types.append(f.type)
        if factory is not MISSING:
            rest.append(factory)
        elif default is not MISSING:
            rest.append(default)
        if frozen:
            # The slot's own setter, which object.__setattr__ would find and call: a frozen
            # class refuses its own __setattr__, and this skips the lookup (a value class of
            # twenty fields is made twice as fast).
            rest.append(made.__dict__[f.name].__set__)
    shape: Shape = (frozen, hasattr(made, "__post_init__"), tuple(kinds))
    MADE.append(shape)
    module = sys.modules[made.__module__].__dict__
    compiled = BY_SHAPE.get(shape)
    if compiled is not None:  # the same text compiled with the package: its code, our globals
        create = FunctionType(compiled.__code__, module)
    else:
        namespace: dict[str, Any] = {}
        # dont_inherit: not this module's ``from __future__ import annotations`` (the
        # annotations are the field types themselves, as in the method dataclasses writes).
        exec(compile(init_text(shape), "<string>", "exec", dont_inherit=True), module, namespace)
        create = namespace["__create_fn__"]
    init: Callable[..., None] = create(*types, *_NAMES_GIVEN, *rest)
    return init


#: What init_text's parameters after the field types are given: dataclasses' own names.
_NAMES_GIVEN = (MISSING, dataclasses._HAS_DEFAULT_FACTORY, object, None)  # type: ignore[attr-defined]


def init_text(shape: Shape) -> str:
    """The text of the function that makes the ``__init__`` of a class of ``shape``: its
    parameters are what :func:`_init` passes, in order (field types, ``dataclasses``' sentinels,
    defaults, the slots' setters of a frozen class), the ``__init__`` it returns is the one
    ``dataclasses`` writes."""
    frozen, post_init, kinds = shape
    names = [f"_type_{name}" for name, _ in kinds]
    names += ["MISSING", "_HAS_DEFAULT_FACTORY", "__dataclass_builtins_object__"]
    names.append("__dataclass_return_type__")
    params = []
    body = []
    for name, kind in kinds:
        value = name
        if kind == 2:
            names.append(f"_dflt_{name}")
            value = f"_dflt_{name}() if {name} is _HAS_DEFAULT_FACTORY else {name}"
            params.append(f"{name}:_type_{name}=_HAS_DEFAULT_FACTORY")
        elif kind == 1:
            names.append(f"_dflt_{name}")
            params.append(f"{name}:_type_{name}=_dflt_{name}")
        else:
            params.append(f"{name}:_type_{name}")
        if frozen:
            names.append(f"_set_{name}")
            body.append(f"_set_{name}(self,{value})")
        else:
            body.append(f"self.{name}={value}")
    if post_init:
        body.append("self.__post_init__()")
    return (
        f"def __create_fn__({', '.join(names)}):\n"
        f" def __init__({', '.join(['self', *params])}) -> __dataclass_return_type__:\n"
        + "".join(f"  {line}\n" for line in body or ["pass"])
        + " return __init__"
    )


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these attributes, as the generated methods build it (``(self.a,)`` for one)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()
