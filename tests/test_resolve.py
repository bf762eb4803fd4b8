"""The resolver's policy on an in-memory package source: pins first, move up only, smallest."""

from __future__ import annotations

from collections.abc import Sequence

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.model.release import Release
from advisor.resolve import Conflict, Req, Resolved, exact, resolve

INDEX: dict[str, dict[str, list[str]]] = {
    "ddtrace": {
        "2.21.4": ["envier==0.5.2", "bytecode>=0.15.0; python_version >= '3.12'"],
        "3.1.1": ["envier~=0.6.1", "bytecode>=0.15.1; python_version >= '3.12'"],
        "3.15.0": ["envier~=0.6.1", "bytecode>=0.15.1; python_version == '3.12'", "wrapt>=1"],
    },
    "envier": {"0.5.2": [], "0.6.0": [], "0.6.1": [], "0.6.2": []},
    "bytecode": {"0.14.0": [], "0.14.2": [], "0.15.0": [], "0.15.1": [], "0.16.0": []},
    "wrapt": {"1.16.0": [], "1.17.3": [], "2.0.0": []},
    "flask": {"3.1.0": ["werkzeug>=3.1"]},
    "werkzeug": {"3.1.0": [], "3.1.3": []},
}


class MemorySource:
    def __init__(self, data: dict[str, dict[str, list[str]]], yanked: Sequence[str] = ()) -> None:
        self.data = data
        self.yanked = set(yanked)

    def releases(self, name: str) -> list[Release]:
        return [
            Release(
                Version(v),
                None,
                f"{name}=={v}" in self.yanked,
                None,
                None,
                False,
                {"py3": frozenset({"any"})},
                tuple(deps),
            )
            for v, deps in sorted(self.data.get(name, {}).items(), key=lambda kv: Version(kv[0]))
        ]

    def requires_dist(self, name: str, version: Version) -> tuple[str, ...] | None:
        deps = self.data.get(name, {}).get(str(version))
        return tuple(deps) if deps is not None else None


def _resolve(
    roots: list[Req], pins: dict[str, str], python: str = "3.12", **kw: object
) -> Resolved | Conflict:
    return resolve(
        MemorySource(INDEX, **kw),  # type: ignore[arg-type]
        python,
        "linux-x86_64",
        roots,
        {k: Version(v) for k, v in pins.items()},
    )


def _acceptance(ddtrace: str) -> list[Req]:
    """The roots of the acceptance project: ddtrace at ``ddtrace``, envier and bytecode free."""
    return [
        Req("ddtrace", exact(ddtrace)),
        Req("envier", SpecifierSet()),
        Req("bytecode", SpecifierSet()),
    ]


def test_pins_kept_when_they_fit() -> None:
    out = _resolve(_acceptance("2.21.4"), {"envier": "0.5.2", "bytecode": "0.15.0"})
    assert isinstance(out, Resolved)
    assert out.versions == {
        "ddtrace": Version("2.21.4"),
        "envier": Version("0.5.2"),
        "bytecode": Version("0.15.0"),
    }


def test_pins_move_to_smallest_working_version() -> None:
    out = _resolve(_acceptance("3.15.0"), {"envier": "0.5.2", "bytecode": "0.14.0"})
    assert isinstance(out, Resolved)
    assert out.versions["envier"] == Version("0.6.1")
    assert out.versions["bytecode"] == Version("0.15.1")
    # A new dependency: what the lock tool would pick, the newest allowed (issue 16 rule 4).
    assert out.versions["wrapt"] == Version("2.0.0")


def test_markers_evaluated_per_python() -> None:
    out = _resolve(
        [Req("ddtrace", exact("3.15.0")), Req("bytecode", SpecifierSet())],
        {"bytecode": "0.14.0"},
        python="3.11",
    )
    assert isinstance(out, Resolved) and out.versions["bytecode"] == Version("0.14.0")


def test_declared_range_blocks_and_is_explained() -> None:
    out = _resolve(
        [
            Req("ddtrace", exact("3.15.0"), origin="the ddtrace target"),
            Req("envier", SpecifierSet("<0.6"), origin="requirements.txt:2"),
        ],
        {},
    )
    assert isinstance(out, Conflict)
    (blocker,) = [b for b in out.blockers if b.package == "envier"]
    text = blocker.message()
    assert "envier~=0.6.1 (ddtrace 3.15.0)" in text and "envier<0.6 (requirements.txt:2)" in text
    assert "requirements.txt:2" in blocker.hint


def test_constraint_narrows_without_requiring() -> None:
    src = MemorySource(INDEX)
    limits = {
        "envier": [Req("envier", SpecifierSet("==0.5.2"), origin="constraints.txt:1")],
        "werkzeug": [Req("werkzeug", SpecifierSet("==3.1.3"), origin="constraints.txt:2")],
    }
    ok = resolve(src, "3.12", "linux-x86_64", [Req("flask", SpecifierSet())], {}, limits)
    assert isinstance(ok, Resolved) and ok.versions == {
        "flask": Version("3.1.0"),
        "werkzeug": Version("3.1.3"),
    }
    blocked = resolve(src, "3.12", "linux-x86_64", [Req("ddtrace", exact("3.15.0"))], {}, limits)
    assert isinstance(blocked, Conflict)
    assert any("constraints.txt:1" in w for b in blocked.blockers for w in b.wants)


def test_yanked_only_by_exact_pin() -> None:
    src = MemorySource(INDEX, yanked=["envier==0.6.1"])
    out = resolve(src, "3.12", "linux-x86_64", [Req("ddtrace", exact("3.15.0"))], {})
    assert isinstance(out, Resolved) and out.versions["envier"] == Version("0.6.2")
    pinned = resolve(
        src,
        "3.12",
        "linux-x86_64",
        [Req("ddtrace", exact("3.15.0")), Req("envier", exact("0.6.1"))],
        {},
    )
    assert isinstance(pinned, Resolved) and pinned.versions["envier"] == Version("0.6.1")


def test_unknown_metadata_reported() -> None:
    data: dict[str, dict[str, list[str]]] = {**INDEX, "envier": {"0.6.1": []}}
    src = MemorySource(data)
    src.data["ddtrace"] = {"3.15.0": ["envier~=0.6.1", "mystery>=1"]}
    src.data["mystery"] = {"1.0": []}
    src.requires_dist = lambda name, version: (  # type: ignore[method-assign]
        None if name == "mystery" else MemorySource.requires_dist(src, name, version)
    )
    out = resolve(src, "3.12", "linux-x86_64", [Req("ddtrace", exact("3.15.0"))], {})
    assert isinstance(out, Resolved) and out.unknown_metadata == (("mystery", Version("1.0")),)


def test_a_free_threaded_cpython_is_its_minor_to_markers() -> None:
    """``3.13t`` is python_version 3.13 to a marker (every ``python_version`` marker was
    false for it: a requirement for 3.13 and later was dropped)."""
    from advisor.resolve.requirements import marker_env, parse_requires_dist

    env = marker_env("3.13t", "linux-x86_64")
    assert env["python_version"] == "3.13" and env["python_full_version"] == "3.13.0"
    lines = ['bytecode>=0.16.0; python_version >= "3.13"']
    assert [r.name for r in parse_requires_dist(lines, env, frozenset(), "")] == ["bytecode"]
