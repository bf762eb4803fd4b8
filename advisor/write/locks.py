"""Lock files and compiled requirements: never edited by hand, re-made by their own tool.

Owns the command for each lock kind (``uv lock --upgrade-package ddtrace==X``, ``poetry update
ddtrace``, ``pdm update ddtrace``, ``pipenv upgrade ddtrace==X``) and for pip-compile / ``uv pip
compile`` / ``uv export`` outputs (the header's command plus ``--upgrade-package``), and runs
them only when asked (``--relock``). Exact ``==X`` upgrades keep the re-lock to the smallest
move (uv and pip-compile re-resolve only the named packages), never a whole re-lock by surprise.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from advisor.model.project import Dependency
from advisor.write._base import (
    FixPlan,
    Keep,
    RelockCommand,
    Targets,
    WriteFailed,
    admits_marker,
    decide,
)
from advisor.write.apply import write_atomic

__all__ = [
    "LOCK_TOOLS",
    "TOOLS",
    "CompiledHeader",
    "compile_commands",
    "header_argv",
    "is_lock_file",
    "plan_lock",
    "relock_command",
    "run",
]

#: Lock file name -> the tool that owns it.
LOCK_TOOLS = {"uv.lock": "uv", "poetry.lock": "poetry", "pdm.lock": "pdm", "Pipfile.lock": "pipenv"}
# PEP 751: ``pylock.toml`` or ``pylock.<name>.toml``; several tools write it, none owns it.
_PYLOCK = re.compile(r"pylock(\.[^.]+)?\.toml")


def is_lock_file(path: Path) -> bool:
    """A lock file by name (uv, Poetry, PDM, Pipenv, PEP 751)."""
    return path.name in LOCK_TOOLS or _PYLOCK.fullmatch(path.name) is not None


def _upgrade_flags(targets: Targets) -> list[str]:
    return [arg for pin in targets.pins() for arg in ("--upgrade-package", pin)]


def relock_command(lock: Path, targets: Targets) -> RelockCommand | None:
    """The owning tool's command that moves the targets in ``lock``; ``None`` for pylock.toml.

    uv takes every co-upgrade as an exact ``--upgrade-package``. Poetry, PDM and Pipenv get the
    target only: ``pdm update`` refuses packages that are not direct dependencies, and
    ``pipenv upgrade`` would add each named package to the Pipfile (pip-audit #633's mistake);
    their resolvers move whatever the new target forces.
    """
    tool = LOCK_TOOLS.get(lock.name)
    target = targets.target
    reason = f"{lock} is a lock file; it is never edited by hand"
    if tool == "uv":
        argv: tuple[str, ...] = ("uv", "lock", *_upgrade_flags(targets))
    elif tool in ("poetry", "pdm"):
        argv = (tool, "update", target.package)
    elif tool == "pipenv":
        argv = ("pipenv", "upgrade", *target.pins())
    else:
        return None
    return RelockCommand(argv, lock.parent, lock, reason)


def plan_lock(path: str, deps: Sequence[Dependency], targets: Targets) -> FixPlan:
    """The re-lock for one lock file when a version it locks must move (else nothing)."""
    moves = [
        d
        for d in deps
        if d.version
        and d.name in targets.wants
        and not isinstance(
            decide(
                targets.wants[d.name], f"=={d.version}", admits_marker(d.marker), targets.pythons
            ),
            Keep,
        )
    ]
    if not moves:
        return FixPlan()
    command = relock_command(Path(path), targets)
    if command is None:
        pins = " ".join(targets.pins())
        return FixPlan(
            messages=[
                (
                    f"{path}: lock files are never edited by hand; "
                    f"regenerate it with the tool that wrote it ({pins})"
                )
            ]
        )
    return FixPlan(commands=[command], messages=[f"{path}: re-lock with: {command}"])


@dataclass(frozen=True, slots=True)
class CompiledHeader:
    """What a generated requirements file says about its making.

    :param tool: ``pip-compile``, ``uv pip compile`` or ``uv export``.
    :param command: the command line the header records, if it does.
    :param python: the ``X.Y`` pip-compile resolved for ("with Python 3.11"), if stated.
    """

    tool: str
    command: str | None
    python: str | None


# The options each generator's header may carry, and what their values must look like. A
# header is data from the file (a pull request's, perhaps): it never becomes a command line as
# it stands. Its words are checked one by one against these lists and the command is built
# from the tool's own name and the words that pass; anything else (a shell, another program,
# --pip-args, --config, -p PATH, a value that is not the kind its option takes) refuses the
# whole command, and the user gets the re-compile to run by hand.
_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")
_PYVER = re.compile(r"(?:cp|cpython|python)?3(?:\.\d{1,2}){0,2}t?")
_FILE = re.compile(r"(?!-)(?!.*(?:^|/)\.\.(?:/|$))[A-Za-z0-9_.][A-Za-z0-9_./+-]*")
_URL = re.compile(r"https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+")
_HOST = re.compile(r"[A-Za-z0-9.-]+(?::\d+)?")
_INT = re.compile(r"\d{1,6}")


def _choice(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


_COMMON_FLAGS = frozenset(
    {"--generate-hashes", "--no-header", "--no-annotate", "--annotate", "--header", "--pre",
     "--all-extras", "--strip-extras", "--no-strip-extras", "--emit-index-url",
     "--no-emit-index-url", "-q", "--quiet", "-v", "--verbose", "-U", "--upgrade"}
)
_GRAMMAR: dict[str, tuple[tuple[str, ...], frozenset[str], dict[str, re.Pattern[str]]]] = {
    "pip-compile": (
        ("pip-compile",),
        _COMMON_FLAGS | {
            "--allow-unsafe", "--no-allow-unsafe", "--emit-trusted-host", "--no-emit-trusted-host",
            "--emit-options", "--no-emit-options", "--emit-find-links", "--no-emit-find-links",
            "--reuse-hashes", "--no-reuse-hashes", "--build-isolation", "--no-build-isolation",
            "--rebuild", "--no-config", "--all-build-deps", "--only-build-deps", "--no-index",
            "--emit-index-annotation", "--strip-extras", "--unsafe-package-all"},
        {"-o": _FILE, "--output-file": _FILE, "--resolver": _choice("backtracking", "legacy"),
         "--annotation-style": _choice("line", "split"), "--extra": _NAME,
         "--unsafe-package": _NAME, "--newline": _choice("LF", "CRLF", "native", "preserve"),
         "--max-rounds": _INT, "-i": _URL, "--index-url": _URL, "--extra-index-url": _URL,
         "-f": _URL, "--find-links": _URL, "--trusted-host": _HOST, "-c": _FILE,
         "--constraint": _FILE, "-P": _NAME, "--upgrade-package": _NAME,
         "--build-deps-for": _choice("wheel", "sdist", "editable")},
    ),
    "uv pip compile": (
        ("uv", "pip", "compile"),
        _COMMON_FLAGS | {"--universal", "--no-deps", "--emit-build-options", "--no-emit-package-all",
                         "--emit-find-links", "--emit-marker-expression", "--no-sources",
                         "--emit-index-annotation", "--no-build", "--offline", "--native-tls",
                         "--no-config"},
        {"-o": _FILE, "--output-file": _FILE, "--python-version": _PYVER, "-p": _PYVER,
         "--python": _PYVER, "--python-platform": _NAME, "--extra": _NAME,
         "--annotation-style": _choice("line", "split"),
         "--resolution": _choice("highest", "lowest", "lowest-direct"),
         "--prerelease": _choice("disallow", "allow", "if-necessary", "explicit",
                                 "if-necessary-or-explicit"),
         "--index-strategy": _choice("first-index", "unsafe-first-match", "unsafe-best-match"),
         "--no-emit-package": _NAME, "--only-binary": _NAME, "--no-binary": _NAME,
         "--group": _NAME, "-i": _URL, "--index-url": _URL, "--extra-index-url": _URL,
         "--index": _URL, "--default-index": _URL, "-f": _URL, "--find-links": _URL,
         "-c": _FILE, "--constraint": _FILE, "--override": _FILE, "-P": _NAME,
         "--upgrade-package": _NAME, "--custom-compile-command": re.compile(r"[^\x00-\x1f]*")},
    ),
    "uv export": (
        ("uv", "export"),
        _COMMON_FLAGS | {"--frozen", "--locked", "--no-dev", "--dev", "--only-dev", "--all-groups",
                         "--no-hashes", "--no-emit-project", "--no-emit-workspace",
                         "--no-editable", "--all-packages", "--no-default-groups",
                         "--no-emit-local", "--offline", "--native-tls", "--no-config"},
        {"-o": _FILE, "--output-file": _FILE,
         "--format": _choice("requirements-txt", "requirements.txt", "pylock.toml"),
         "--group": _NAME, "--no-group": _NAME, "--only-group": _NAME, "--extra": _NAME,
         "--package": _NAME, "--prune": _NAME, "--no-emit-package": _NAME,
         "--python": _PYVER, "-p": _PYVER},
    ),
}
#: The programs :func:`run` may start: the lock and compile tools, nothing a file names.
TOOLS = frozenset({"uv", "poetry", "pdm", "pipenv", "pip-compile"})


def header_argv(tool: str, command: str) -> tuple[str, ...] | None:
    """The command a generated file's header records, as argv built from ``tool``'s own words
    and the header's options and input files that pass :data:`_GRAMMAR`; ``None`` when any
    word does not (the header is then not trusted to say how to re-make the file)."""
    prefix, flags, valued = _GRAMMAR[tool]
    try:
        words = shlex.split(command)
    except ValueError:
        return None
    if tuple(words[: len(prefix)]) != prefix:
        return None
    out = list(prefix)
    rest = iter(words[len(prefix) :])
    for word in rest:
        name, eq, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if word in flags:
            out.append(word)
        elif name in valued:
            if not eq:
                value = next(rest, "")
            if valued[name].fullmatch(value) is None:
                return None
            out.extend([word] if eq else [word, value])
        elif _FILE.fullmatch(word) and word.endswith((".in", ".txt", ".toml", ".cfg", ".py")):
            out.append(word)  # an input file, relative to where the tool ran
        else:
            return None
    return tuple(out)


def compile_commands(header: CompiledHeader, path: Path, targets: Targets) -> list[RelockCommand]:
    """The header's own command with ``--upgrade-package`` for each target; ``uv export`` output
    comes from ``uv.lock``, so that is re-locked first and the export re-run.

    Empty when the header records no command, or one that :func:`header_argv` does not accept.
    """
    if header.command is None:
        return []
    checked = header_argv(header.tool, header.command)
    if checked is None:
        return []
    argv = list(checked)
    reason = f"{path} is generated by {header.tool}"
    if header.tool == "uv export":
        lock = path.parent / "uv.lock"
        return [
            RelockCommand(
                ("uv", "lock", *_upgrade_flags(targets)), path.parent, lock, f"{lock} feeds {path}"
            ),
            RelockCommand(tuple(argv), path.parent, path, reason),
        ]
    return [RelockCommand((*argv, *_upgrade_flags(targets)), path.parent, path, reason)]


def run(commands: Sequence[RelockCommand]) -> None:
    """Run each command in its directory; on a failure put back every file they rewrote.

    :raises WriteFailed: ``tool-missing`` before anything runs when a tool is not on PATH;
        ``relock-failed`` with the tool's last error line when one exits non-zero.
    """
    for cmd in commands:
        if cmd.argv[0] not in TOOLS:  # only commands built here; never a file's words
            raise WriteFailed(f"not a lock tool: {cmd.argv[0]!r}", code="relock-failed")
        if shutil.which(cmd.argv[0]) is None:
            raise WriteFailed(
                f"{cmd.argv[0]} is not installed (needed for: {cmd})",
                code="tool-missing",
                file=str(cmd.file),
                hint=f"install {cmd.argv[0]}, or run the command where it is installed",
            )
    saved = {c.file: c.file.read_bytes() if c.file.exists() else None for c in commands}
    for cmd in commands:
        try:
            proc = subprocess.run(
                list(cmd.argv), cwd=cmd.cwd, capture_output=True, text=True, check=False
            )
        except OSError as exc:
            _put_back(saved)
            raise WriteFailed(
                f"cannot run {cmd}: {exc.strerror}", code="relock-failed", file=str(cmd.file)
            ) from exc
        if proc.returncode != 0:
            _put_back(saved)
            last = next(
                (ln for ln in reversed(proc.stderr.splitlines()) if ln.strip()), "no error output"
            )
            raise WriteFailed(
                f"{cmd} failed (exit {proc.returncode}): {last.strip()}",
                code="relock-failed",
                file=str(cmd.file),
            )


def _put_back(saved: dict[Path, bytes | None]) -> None:
    for path, data in saved.items():
        if data is None:
            path.unlink(missing_ok=True)
        elif not path.exists() or path.read_bytes() != data:
            write_atomic(path, data)
