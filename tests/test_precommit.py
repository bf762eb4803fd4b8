"""The pre-commit hook, run by the real ``pre-commit try-repo`` on a throwaway git repository.

try-repo installs this repository into a fresh virtual environment (pip, from PyPI) exactly as
a user's pre-commit would, so this is slow (tens of seconds) and needs the package index.

The hook repository handed to try-repo is a committed copy of this working tree: try-repo on
the tree itself would only see committed and modified tracked files (its shadow commit runs
``git add -u``), so new, untracked files such as ``.pre-commit-hooks.yaml`` would be missing.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor.errors import ManifestError
from advisor.knowledge.releases import load_snapshot
from advisor.manifests import read_paths
from tests._helpers import run_python

ROOT = Path(__file__).resolve().parents[1]
GIT_ID = [
    "-c",
    "user.name=aap-advise tests",
    "-c",
    "user.email=tests@aap-advise.invalid",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "init.defaultBranch=main",
]

pytestmark = [
    pytest.mark.slow,  # builds the hook's environment from PyPI
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None,
        reason="pre-commit (or git) is not installed",
    ),
]


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *GIT_ID, *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def _tree_files() -> list[str]:
    """The working tree's files as git sees them: tracked or new, never ignored ones."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    return [p for p in out.decode().split("\0") if p and (ROOT / p).is_file()]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding this working tree in one commit."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the hook repository is copied from git's file list")
    repo = tmp_path_factory.mktemp("hook-repo")
    for rel in _tree_files():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, repo / rel)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "working tree", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def pre_commit_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One pre-commit home for the module, so the hook's environment is built once."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env["PRE_COMMIT_HOME"] = str(home)
    # An empty cache: the hook must answer from the shipped snapshot alone.
    env["AAP_ADVISE_CACHE_DIR"] = str(home / "aap-advise-cache")
    yield env


def try_repo(
    hook_repo: Path,
    env: dict[str, str],
    tmp_path: Path,
    requirements: str,
    *,
    hook: str = "aap-advise",
    **more: str,
) -> subprocess.CompletedProcess[str]:
    """The ``hook`` run by ``pre-commit try-repo`` on a new repository holding
    ``requirements.txt`` and the ``more`` files (name -> text)."""
    project = tmp_path / "project"
    project.mkdir()
    for name, text in {"requirements.txt": requirements, **more}.items():
        (project / name).write_text(text, encoding="utf-8")
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-q", "-m", "pin ddtrace", cwd=project)
    return run_python(
        "-m",
        "pre_commit",
        "try-repo",
        str(hook_repo),
        hook,
        "--all-files",
        "--verbose",
        cwd=project,
        env=env,
        timeout=900,
    )


def _reads_folders(tmp_path: Path) -> bool:
    (tmp_path / "requirements.txt").write_text("ddtrace==2.3.0\n", encoding="utf-8")
    try:
        read_paths([str(tmp_path)])
    except ManifestError:
        return False
    return True


@pytest.fixture
def folders_supported(tmp_path_factory: pytest.TempPathFactory) -> None:
    # The hook passes no file names (pass_filenames: false), so aap-advise reads ".": until
    # folder discovery lands the hook can only answer "bad input" (exit 2).
    if not _reads_folders(tmp_path_factory.mktemp("folder-probe")):
        pytest.skip(
            "aap-advise cannot read a folder yet; the hook reads '.' (pass_filenames: false)"
        )


def test_hook_fails_on_an_old_ddtrace(
    folders_supported: None, hook_repo: Path, pre_commit_env: dict[str, str], tmp_path: Path
) -> None:
    proc = try_repo(hook_repo, pre_commit_env, tmp_path, "ddtrace==2.3.0\n")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "- exit code: 1" in proc.stdout and "upgrade ddtrace 2.3.0 -> " in proc.stdout


def test_hook_passes_on_the_newest_release(
    folders_supported: None, hook_repo: Path, pre_commit_env: dict[str, str], tmp_path: Path
) -> None:
    newest = load_snapshot().newest
    assert newest is not None
    proc = try_repo(hook_repo, pre_commit_env, tmp_path, f"ddtrace=={newest.version}\n")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"ok: ddtrace {newest.version} already gives" in proc.stdout


def test_hook_reads_the_projects_configuration(
    folders_supported: None, hook_repo: Path, pre_commit_env: dict[str, str], tmp_path: Path
) -> None:
    config = (
        'capabilities = ["sca"]\nignore = [{ id = "env-switch", reason = "set by the chart" }]\n'
    )
    proc = try_repo(
        hook_repo, pre_commit_env, tmp_path, "ddtrace==2.3.0\n", **{"aap-advise.toml": config}
    )
    # Only SCA asked: nothing about IAST or API Security; the switch it needs is ignored.
    assert "1 finding ignored by aap-advise.toml" in proc.stdout, proc.stdout + proc.stderr
    assert "DD_IAST_ENABLED" not in proc.stdout and "DD_APPSEC_SCA_ENABLED" not in proc.stdout


# pip-compile --generate-hashes output for ddtrace 2.3.0 on CPython 3.12: the target (any
# release with every capability) needs envier~=0.6.1 where 0.5.0 is pinned, and adds wrapt,
# which no line pins. Offline there is no version to move envier to and no hash to write:
# only a re-compile can fix the file. The digests are made up; nothing installs from them.
_COMPILED_PINS = {
    "attrs": ("23.1.0", ["cattrs", "ddtrace"]),
    "bytecode": ("0.15.1", ["ddtrace"]),
    "cattrs": ("23.2.3", ["ddtrace"]),
    "ddsketch": ("2.0.4", ["ddtrace"]),
    "ddtrace": ("2.3.0", ["-r requirements.in"]),
    "envier": ("0.5.0", ["ddtrace"]),
    "opentelemetry-api": ("1.0.0", ["ddtrace"]),
    "protobuf": ("4.25.1", ["ddsketch", "ddtrace"]),
    "six": ("1.16.0", ["ddsketch", "ddtrace"]),
    "typing-extensions": ("4.8.0", ["ddtrace"]),
    "xmltodict": ("0.13.0", ["ddtrace"]),
}
_COMPILE = "pip-compile --generate-hashes --output-file=requirements.txt requirements.in"


def _compiled() -> str:
    out = [
        "#",
        "# This file is autogenerated by pip-compile with Python 3.12",
        "# by the following command:",
        "#",
        f"#    {_COMPILE}",
        "#",
    ]
    for name, (version, via) in _COMPILED_PINS.items():
        digests = [hashlib.sha256(f"{name}-{version}-{k}".encode()).hexdigest() for k in (0, 1)]
        out += [
            f"{name}=={version} \\",
            f"    --hash=sha256:{digests[0]} \\",
            f"    --hash=sha256:{digests[1]}",
        ]
        out += [f"    # via {via[0]}"] if len(via) == 1 else ["    # via"]
        out += [f"    #   {v}" for v in via] if len(via) > 1 else []
    return "\n".join(out) + "\n"


def test_fix_hook_gives_the_recompile_a_compiled_file_needs(
    folders_supported: None, hook_repo: Path, pre_commit_env: dict[str, str], tmp_path: Path
) -> None:
    """The fix hook runs offline: a pip-compile file whose pins must move to versions only a
    resolution can pick is not refused with "run without --offline" (exit 2, nothing to act on
    in a hook) but fails with the exact re-compile command (exit 1); the compiled file is left
    for that command, and the hand-written requirements.in is edited."""
    compiled = _compiled()
    proc = try_repo(
        hook_repo,
        pre_commit_env,
        tmp_path,
        compiled,
        hook="aap-advise-fix",
        **{"requirements.in": "ddtrace==2.3.0\n"},
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "- exit code: 1" in proc.stdout, out
    assert "without --offline" not in out
    assert re.search(
        rf"run: {re.escape(_COMPILE)} --upgrade-package ddtrace==[0-9][0-9.]*\n", proc.stdout
    ), out
    assert "needs envier~=0.6.1 (no version was resolved)" in proc.stdout
    project = tmp_path / "project"
    assert (project / "requirements.txt").read_text(encoding="utf-8") == compiled
    assert re.fullmatch(
        r"ddtrace==[0-9][0-9.]*\n", (project / "requirements.in").read_text(encoding="utf-8")
    )
    assert "edited requirements.in: ddtrace ==2.3.0 -> ==" in proc.stdout
