"""The import contract: which package of ``advisor/`` may import which.

The layers, highest first::

    frontends > pipeline > plan > resolve > (index | knowledge | manifests | render | write)
              > model > (errors | _gc)

A module's layer is its top package under ``advisor/`` (``advisor.index.source`` is ``index``;
``advisor/errors.py``, ``advisor/_gc.py`` and ``advisor/pipeline.py`` are layers of one module); the root package
``advisor/__init__.py`` and ``advisor/__main__.py`` are frontends. A module may import its own
package and any package of a lower layer, never a higher one; the five packages sharing a layer
do not import each other. :data:`EXCEPTIONS` names, with the reason for each, the only edges
allowed beyond that.

Every import of an ``advisor`` module counts, wherever it is written: at the top of a module,
inside a function (the lazy imports that keep start-up light are dependencies all the same,
only later ones), and under ``if TYPE_CHECKING:`` (an annotation that names another layer's
class couples the two as much as a call does, and a type-only import turns into a real one the
day the value is needed). Relative imports are resolved, and a module named in a string to
``importlib.import_module`` or ``LazyModule`` counts too.

The AST is read, nothing is imported, so a module that fails to import is still checked.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "advisor"

#: Highest first. The root package is named ``(root)``; with ``__main__`` it is part of the
#: frontends, which may import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("frontends", "(root)", "__main__"),
    ("pipeline",),
    ("plan",),
    ("resolve",),
    ("index", "knowledge", "manifests", "render", "write"),
    ("model",),
    ("errors", "_gc"),  # _gc: the collector pause the readers, the index and planning share
)
RANK = {package: rank for rank, layer in enumerate(LAYERS) for package in layer}
#: The packages of one layer that must not import each other.
SIBLINGS = frozenset(LAYERS[4])

#: Edges the layers do not allow, as (importing module, imported package), each with its reason.
#: Keep this short: a value two layers need belongs in ``model/``, not here.
EXCEPTIONS: dict[tuple[str, str], str] = {
    (
        "advisor.knowledge.refresh",
        "index",
    ): "regenerating the snapshot reads the package index (pages, wheel METADATA, the entries "
    "index/ builds from a page's files); index/ never imports knowledge/, so this is the "
    "one direction between the two",
    (
        "advisor.render.sarif",
        "(root)",
    ): "the SARIF report names the tool's version, advisor.__version__, which flit reads from "
    "advisor/__init__.py; that module imports nothing (test_the_root_package_imports_nothing), "
    "and Python runs it before any advisor module anyway, so reading it adds no dependency",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def package_of(module: str) -> str:
    """``advisor.index.source`` -> ``index``; ``advisor`` -> ``(root)``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(root)"


def imports_of(module: str, source: str, *, is_package: bool) -> Iterator[tuple[str, int]]:
    """Each module ``source`` imports, with its line: every import statement, at any depth
    (functions, ``if TYPE_CHECKING:``), and string names given to ``importlib.import_module``
    or ``LazyModule``. ``from advisor import __version__`` imports ``advisor``, the root."""
    here = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target == "advisor":  # from advisor import knowledge / __version__
                for alias in node.names:
                    yield (
                        (
                            f"advisor.{alias.name}"
                            if (PACKAGE / alias.name).is_dir()
                            or (PACKAGE / f"{alias.name}.py").is_file()
                            else "advisor"
                        ),
                        node.lineno,
                    )
            else:
                yield target, node.lineno
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            called = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else getattr(node.func, "id", "")
            )
            if called in ("import_module", "LazyModule"):
                yield node.args[0].value, node.lineno


def violations(
    module: str, source: str, *, is_package: bool = False
) -> Iterator[tuple[str, str, int]]:
    """``(imported module, why, line)`` for each import of ``module`` the contract forbids."""
    own = package_of(module)
    for target, line in imports_of(module, source, is_package=is_package):
        if target != "advisor" and not target.startswith("advisor."):
            continue
        other = package_of(target)
        if (
            other == own or (module, other) in EXCEPTIONS or own not in RANK
        ):  # (that one's own test)
            continue
        if other not in RANK:
            yield target, f"{other} is in no layer", line
        elif RANK[other] < RANK[own]:
            yield target, f"{own} imports the higher layer {other}", line
        elif RANK[other] == RANK[own] and own in SIBLINGS:
            yield target, f"{own} imports {other}, a package of its own layer", line


def test_every_package_has_a_layer() -> None:
    unplaced = sorted({package_of(m) for m in modules()} - set(RANK))
    assert unplaced == [], f"add these to LAYERS in {Path(__file__).name}: {unplaced}"


def sources() -> Iterator[tuple[str, Path, str, bool]]:
    """Each module of the package: its name, path, source and whether it is a package."""
    for module, path in modules().items():
        yield module, path, path.read_text(encoding="utf-8"), path.name == "__init__.py"


def test_imports_follow_the_layers() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: imports {target}: {why}"
        for module, path, source, is_package in sources()
        for target, why, line in violations(module, source, is_package=is_package)
    ]
    assert found == [], "the import contract is broken (see this file's docstring):\n" + "\n".join(
        found
    )


def test_every_exception_is_still_needed() -> None:
    used = {
        (module, package_of(target))
        for module, _, source, is_package in sources()
        for target, _ in imports_of(module, source, is_package=is_package)
        if target == "advisor" or target.startswith("advisor.")
    }
    assert set(EXCEPTIONS) - used == set(), "an exception no import uses any more: remove it"


def test_the_root_package_imports_nothing() -> None:
    source = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    assert [t for t, _ in imports_of("advisor", source, is_package=True) if t != "__future__"] == []


@pytest.mark.parametrize(
    ("module", "source", "is_package", "want"),
    [
        (
            "advisor.index.source",
            "from advisor.knowledge.matrix import load\n",
            False,
            "index imports knowledge, a package of its own layer",
        ),
        (
            "advisor.model.release",
            "def f():\n    from advisor.plan import plan\n",
            False,
            "model imports the higher layer plan",
        ),
        (
            "advisor.write.hashes",
            "if TYPE_CHECKING:\n    from advisor.index.source import IndexSource\n",
            False,
            "write imports index, a package of its own layer",
        ),
        (
            "advisor.resolve",
            "from ..pipeline import Settings\n",
            True,
            "resolve imports the higher layer pipeline",
        ),
        (
            "advisor.errors",
            "from advisor import __version__\n",
            False,
            "errors imports the higher layer (root)",
        ),
        (
            "advisor.manifests.x",
            "import importlib\nimportlib.import_module('advisor.write.toml')\n",
            False,
            "manifests imports write, a package of its own layer",
        ),
        ("advisor.model.x", "from advisor.extra import y\n", False, "extra is in no layer"),
    ],
    ids=[
        "sibling",
        "in-a-function",
        "type-checking",
        "relative",
        "root",
        "import-module",
        "unplaced",
    ],
)
def test_a_violation_is_found(module: str, source: str, is_package: bool, want: str) -> None:
    assert [why for _, why, _ in violations(module, source, is_package=is_package)] == [want]


@pytest.mark.parametrize(
    ("module", "source"),
    [
        (
            "advisor.plan.serve",
            "from advisor.model.release import Release\nfrom advisor.errors import UsageError\n",
        ),
        ("advisor.index.source", "from .urls import redact\nfrom advisor.index import simple\n"),
        ("advisor.knowledge.refresh", "from advisor.index.simple import SimpleIndexClient\n"),
        (
            "advisor.frontends.cli",
            "from advisor import __version__\nfrom advisor.write import apply\n",
        ),
    ],
    ids=["lower-layers", "own-package", "named-exception", "frontends"],
)
def test_an_allowed_import_passes(module: str, source: str) -> None:
    assert list(violations(module, source)) == []


def test_the_command_line_offers_the_models_platforms() -> None:
    """One platform list: the parser's choices and its help are the model's."""
    from advisor.frontends import cli
    from advisor.model.platforms import DEFAULT_PLATFORM, USER_PLATFORMS

    (action,) = [a for a in cli.build_parser()._actions if "--platform" in a.option_strings]
    assert action.choices == USER_PLATFORMS
    assert action.help is not None and f"default {DEFAULT_PLATFORM})" in action.help
