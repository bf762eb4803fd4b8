"""The floor of a folder of manifests: what any tool reading its requirements must do at least.

``python benchmarks/floor_walk.py FOLDER`` walks ``FOLDER`` (skipping hidden folders,
``node_modules``, ``__pycache__`` and virtual environments, as aap-advise does), loads every
``pyproject.toml`` with :mod:`tomllib` and builds a :class:`packaging.requirements.Requirement`
of each dependency string it declares (``[project]`` dependencies and optional dependencies,
``[dependency-groups]``), and of each requirement line of every ``requirements*.txt``. It prints
how many manifests and requirements it read. ``benchmarks/run.py`` times it beside
``aap-advise FOLDER`` with the same interpreter, in the same run.
"""

from __future__ import annotations

import os
import sys
import tomllib

from packaging.requirements import Requirement

SKIP = {"node_modules", "__pycache__", "site-packages"}


def pyproject(path: str) -> int:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    project = data.get("project", {})
    strings = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        strings += extra
    for group in data.get("dependency-groups", {}).values():
        strings += [
            s for s in group if isinstance(s, str)
        ]  # {include-group = ...} is no requirement
    for s in strings:
        Requirement(s)
    return len(strings)


def requirements(path: str) -> int:
    count = 0
    with open(path, encoding="utf-8") as fh:
        text = fh.read().replace("\\\n", " ")
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-")):
            continue
        Requirement(line.split(" --", 1)[0])  # per-requirement options (--hash) are not PEP 508
        count += 1
    return count


def walk(top: str) -> tuple[int, int]:
    manifests = reqs = 0
    for folder, dirs, files in os.walk(top):
        dirs[:] = [
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIP
            and not os.path.exists(os.path.join(folder, d, "pyvenv.cfg"))
        ]
        for name in files:
            if name == "pyproject.toml":
                reqs += pyproject(os.path.join(folder, name))
                manifests += 1
            elif name.startswith("requirements") and name.endswith(".txt"):
                reqs += requirements(os.path.join(folder, name))
                manifests += 1
    return manifests, reqs


if __name__ == "__main__":
    found, read = walk(sys.argv[1])
    print(f"{found} manifests, {read} requirements")
