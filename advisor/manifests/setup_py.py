"""``setup.py``, read with :mod:`ast` and never executed.

``name=``, ``install_requires=``, ``extras_require=`` and ``python_requires=`` are taken from
literals, simple module-level constants (``REQUIRES = [...]``) and ``+`` of those. Anything
computed at run time (a file read, a comprehension, a call) is reported as a finding instead
of guessed.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advisor.manifests._pep508 import Collector
from advisor.manifests._python import declare
from advisor.manifests._text import read_text
from advisor.model.project import Manifest

#: Characters of a setup.py parsed: real ones are a few kilobytes. Python's syntax tree takes
#: up to 500 bytes a character (a megabyte of "1," took 527 MB), so the 16 MiB any file may
#: have would take gigabytes.
MAX_SETUP_PY_CHARS = 256 * 1024


class _Dynamic(Exception):
    """The expression is not a literal or a simple constant."""


class SetupPyReader:
    """``setup.py``."""

    kind = "setup.py"
    is_lock = False

    def read(self, path: Path, display: str) -> Manifest:
        """Read what ``setup()`` is given, statically."""
        text = read_text(path, display)
        out = Collector(display)
        if len(text) > MAX_SETUP_PY_CHARS:
            out.finding(
                "setup-py-unreadable",
                "warning",
                f"setup.py is {len(text)} characters, over the {MAX_SETUP_PY_CHARS} aap-advise "
                "parses; its requirements are not read",
                out.loc(),
            )
            return Manifest(display, self.kind, findings=tuple(out.findings))
        try:
            tree = ast.parse(text, filename=display)
        except (SyntaxError, ValueError, RecursionError) as exc:
            line = getattr(exc, "lineno", None)
            out.finding(
                "setup-py-unreadable",
                "warning",
                f"setup.py is not Python 3 source aap-advise can parse "
                f"({getattr(exc, 'msg', exc)}); its requirements are not read",
                out.loc(line),
            )
            return Manifest(display, self.kind, findings=tuple(out.findings))
        call = _setup_call(tree)
        if call is None:
            out.finding(
                "setup-py-no-call", "info", "setup.py calls no setup(); nothing to read", out.loc()
            )
            return Manifest(display, self.kind, findings=tuple(out.findings))
        env = _constants(tree)
        kwargs = {kw.arg: kw.value for kw in call.keywords if kw.arg is not None}
        if any(kw.arg is None for kw in call.keywords):
            out.finding(
                "setup-py-dynamic",
                "warning",
                "setup.py passes **kwargs to setup(), which cannot be read statically; "
                "only the named arguments are read",
                out.loc(call.lineno),
            )
        name = _string(kwargs.get("name"), env)
        out.set_own_name(name)
        self._install_requires(kwargs, env, out)
        self._extras(kwargs, env, out)
        python = None
        if "python_requires" in kwargs:
            value = _string(kwargs["python_requires"], env)
            loc = out.loc(kwargs["python_requires"].lineno, "python_requires")
            if value is None:
                _dynamic(out, "python_requires", loc.line)
            else:
                python = declare(value, f"{display}: python_requires", out, loc)
        return out.manifest(self.kind, python=python, project_name=name)

    def _install_requires(
        self, kwargs: Mapping[str, ast.expr], env: Mapping[str, ast.expr], out: Collector
    ) -> None:
        node = kwargs.get("install_requires")
        if node is None:
            return
        try:
            items = _strings(node, env)
        except _Dynamic:
            _dynamic(out, "install_requires", node.lineno)
            return
        for i, (line, text) in enumerate(items):
            out.requirement(text, out.loc(line, f"install_requires[{i}]"))

    def _extras(
        self, kwargs: Mapping[str, ast.expr], env: Mapping[str, ast.expr], out: Collector
    ) -> None:
        node = kwargs.get("extras_require")
        if node is None:
            return
        node = _resolve(node, env)
        if not isinstance(node, ast.Dict):
            _dynamic(out, "extras_require", node.lineno)
            return
        for key_node, value in zip(node.keys, node.values, strict=True):
            extra = _string(key_node, env) if key_node is not None else None
            if extra is None:
                _dynamic(out, "extras_require", value.lineno)
                continue
            group, _, marker = extra.partition(":")
            try:
                items = _strings(value, env)
            except _Dynamic:
                _dynamic(out, f"extras_require[{extra!r}]", value.lineno)
                continue
            for i, (line, text) in enumerate(items):
                full = f"{text}; {marker}" if marker and ";" not in text else text
                out.requirement(
                    full, out.loc(line, f"extras_require.{extra}[{i}]"), group=group.strip()
                )


def _dynamic(out: Collector, what: str, line: int | None) -> None:
    out.finding(
        "setup-py-dynamic",
        "warning",
        f"setup.py: {what} is computed at run time, cannot be read statically",
        out.loc(line, what),
    )


def _setup_call(tree: ast.Module) -> ast.Call | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if (isinstance(func, ast.Name) and func.id == "setup") or (
                isinstance(func, ast.Attribute) and func.attr == "setup"
            ):
                return node
    return None


def _constants(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level ``NAME = <expr>`` assignments (the last one wins, as at run time)."""
    env: dict[str, ast.expr] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            env[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            env[node.target.id] = node.value
    return env


def _resolve(node: ast.expr, env: Mapping[str, ast.expr], depth: int = 0) -> ast.expr:
    while isinstance(node, ast.Name) and node.id in env and depth < 20:
        node, depth = env[node.id], depth + 1
    return node


def _strings(node: ast.expr, env: Mapping[str, ast.expr], depth: int = 0) -> list[tuple[int, str]]:
    """A list/tuple of string literals (or a single string, or ``a + b``), with lines."""
    if depth > 20:
        raise _Dynamic
    node = _resolve(node, env)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [
            (node.lineno, s.strip())
            for s in node.value.splitlines()
            if s.strip() and not s.strip().startswith("#")
        ]
    if isinstance(node, (ast.List, ast.Tuple)):
        out: list[tuple[int, str]] = []
        for elt in node.elts:
            if isinstance(elt, ast.Starred):
                out += _strings(elt.value, env, depth + 1)
                continue
            value = _string(elt, env)
            if value is None:
                raise _Dynamic
            out.append((elt.lineno, value))
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _strings(node.left, env, depth + 1) + _strings(node.right, env, depth + 1)
    raise _Dynamic


def _string(node: ast.expr | None, env: Mapping[str, ast.expr]) -> str | None:
    if node is None:
        return None
    node = _resolve(node, env)
    value: Any = node.value if isinstance(node, ast.Constant) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string(node.left, env), _string(node.right, env)
        value = left + right if left is not None and right is not None else None
    return value if isinstance(value, str) else None
