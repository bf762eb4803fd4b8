"""Running ``uv pip compile`` the one way the tests (``tests/test_fix_resolves.py``) and the
recorder of their index (``tools/record_uv_index.py``) both do: for one CPython at a time on
one platform (Linux x86_64, glibc 2.17, unless told otherwise), against one index only,
building nothing, with its own cache and no configuration, ``UV_*`` setting or proxy from the
caller's environment. ``tests/test_coupgrade_installs.py`` uses it too, on the platforms of
:data:`UV_PLATFORMS`.

uv itself is found by the caller (``uv.find_uv_bin()``, from the ``uv`` package of the
``test`` extra); nothing here imports it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import canonicalize_name

#: The recorded index ``tools/record_uv_index.py`` writes (served by ``tests/indexserver.py``).
DATA = Path(__file__).parent / "data" / "uv-index"
#: The one platform every resolution is for: Linux x86_64, glibc 2.17 (manylinux2014).
PLATFORM = "x86_64-manylinux_2_17"
#: uv's ``--python-platform`` for an aap-advise platform id (``--platform``): Linux is
#: :data:`PLATFORM` (and its aarch64 twin), macOS and Windows uv's defaults for them.
UV_PLATFORMS = {
    "linux-x86_64": PLATFORM,
    "linux-aarch64": "aarch64-manylinux_2_17",
    "musllinux-x86_64": "x86_64-unknown-linux-musl",
    "musllinux-aarch64": "aarch64-unknown-linux-musl",
    "macos-x86_64": "x86_64-apple-darwin",
    "macos-arm64": "aarch64-apple-darwin",
    "windows-amd64": "x86_64-pc-windows-msvc",
}
#: The CPythons that rule 1's split serves: a project allowing 3.8 (and every later CPython)
#: that asks for API Security. 3.15 is in its scope but left out: no release serves it.
PYTHONS = ("3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14")
#: Rule 1's answer: ddtrace 4.6.0 (API Security's floor, Python >=3.9,<3.15) from 3.9 on, and
#: for 3.8 the pin the project keeps.
SPLIT = ('ddtrace==4.6.0; python_version >= "3.9"', 'ddtrace==3.19.9; python_version < "3.9"')
#: The ddtrace each CPython resolves to under :data:`SPLIT`.
EXPECTED = {python: "3.19.9" if python == "3.8" else "4.6.0" for python in PYTHONS}

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$")


@dataclass(frozen=True)
class Scenario:
    """A file to compile (its name and text) and the CPythons to compile it for."""

    filename: str
    text: str
    pythons: Sequence[str] = PYTHONS


#: The files rule 1's fix should write, written by hand: everything the recorded index holds
#: is what these resolve to, on each of :data:`PYTHONS`.
SCENARIOS = (
    Scenario(
        "pyproject.toml",
        '[project]\nname = "legacy-shop"\nversion = "1.4.0"\nrequires-python = ">=3.8"\n'
        "dependencies = [\n" + "".join(f"    {json.dumps(s)},\n" for s in SPLIT) + "]\n",
    ),
    Scenario("requirements.txt", "".join(f"{s}\n" for s in SPLIT)),
)


def uv_env(cache: Path) -> dict[str, str]:
    """The environment uv runs in: the caller's without any ``UV_*`` setting or proxy, no
    configuration file, no interpreter downloads, and ``cache`` as its cache."""
    drop = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("UV_") and k.lower() not in drop}
    env.update(
        UV_NO_CONFIG="1",
        UV_PYTHON_DOWNLOADS="never",
        UV_CACHE_DIR=str(cache),
        UV_NO_PROGRESS="1",
        NO_COLOR="1",
    )
    return env


def uv_compile(
    uv: str, path: Path, python: str, index_url: str, cache: Path, platform: str = PLATFORM
) -> subprocess.CompletedProcess[str]:
    """``uv pip compile PATH`` for CPython ``python`` on ``platform`` (uv's
    ``--python-platform``), against ``index_url`` only, building nothing, with ``cache`` as its
    cache."""
    return subprocess.run(
        [
            uv,
            "pip",
            "compile",
            str(path),
            "--python-version",
            python,
            "--python-platform",
            platform,
            "--python",
            sys.executable,  # only builds would run it (there are none); saves a search
            "--index-url",
            index_url,
            "--no-config",
            "--no-build",
            "--cache-dir",
            str(cache),
            "--no-header",
            "--no-annotate",
            "--quiet",
        ],
        cwd=path.parent,
        env=uv_env(cache),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def compile_each(
    uv: str, path: Path, pythons: Sequence[str], index_url: str, cache: Path
) -> dict[str, subprocess.CompletedProcess[str]]:
    """:func:`uv_compile` of ``path`` for each of ``pythons`` (side by side, each with its own
    cache folder under ``cache``): each run by CPython."""
    with ThreadPoolExecutor(max_workers=len(pythons) or 1) as pool:
        runs = {
            python: pool.submit(uv_compile, uv, path, python, index_url, cache / python)
            for python in pythons
        }
        return {python: run.result() for python, run in runs.items()}


def pins(output: str) -> dict[str, str]:
    """The ``name==version`` lines of ``uv pip compile``'s output, by canonical name."""
    found: dict[str, str] = {}
    for line in output.splitlines():
        if m := _PIN.match(line.strip()):
            found[canonicalize_name(m[1])] = m[2]
    return found
