"""Lock files and compiled requirements: never edited by hand, re-made by their own tool.

Owns the command for each lock kind (``uv lock --upgrade-package ddtrace==X``, ``poetry update
ddtrace``, ``pdm update ddtrace``, ``pipenv upgrade ddtrace==X``) and for pip-compile / ``uv pip
compile`` / ``uv export`` outputs (the header's command plus ``--upgrade-package``), and runs
them only when asked (``--relock``). Exact ``==X`` upgrades keep the re-lock to the smallest
move (uv and pip-compile re-resolve only the named packages), never a whole re-lock by surprise.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from advisor.errors import WriteFailed
from advisor.model.project import Dependency
from advisor.write.apply import relock_file_refusal, save_files, write_atomic
from advisor.write.decision import Keep, Targets, decide_marked
from advisor.write.plan import FixPlan, RelockCommand

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = [
    "LOCK_TOOLS",
    "TOOLS",
    "CompiledHeader",
    "check_files",
    "compile_commands",
    "export_lock_command",
    "header_argv",
    "header_refusal",
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
            decide_marked(targets.wants[d.name], f"=={d.version}", d.marker, targets.pythons),
            Keep,
        )
    ]
    if not moves:
        return FixPlan()
    command = relock_command(Path(path), targets)
    if command is None:  # no tool owns it: regenerate by hand, and --fix is not done
        pins = " ".join(targets.pins())
        message = (
            f"{path}: lock files are never edited by hand; "
            f"regenerate it with the tool that wrote it ({pins})"
        )
        return FixPlan(messages=[message], by_hand=[message])
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
#
# What the command reads and writes is checked too (:func:`_files`): it writes only the file
# being fixed, reads only files inside the folder it runs in, and never setup.py. Options that
# choose where packages come from (indexes, find-links, trusted hosts, the index strategy) are
# not taken from a file at all: a header could send the re-compile, and the credentials pip
# and uv hold, to any host.
_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")
_PYVER = re.compile(r"(?:cp|cpython|python)?3(?:\.\d{1,2}){0,2}t?")
_FILE = re.compile(r"(?!-)(?!.*(?:^|/)\.\.(?:/|$))[A-Za-z0-9_.][A-Za-z0-9_./+-]*")
_INT = re.compile(r"\d{1,6}")
#: Where packages come from: never taken from a header (see above).
_INDEX_OPTIONS = frozenset(
    {
        "-i",
        "--index-url",
        "--extra-index-url",
        "-f",
        "--find-links",
        "--trusted-host",
        "--index",
        "--default-index",
        "--index-strategy",
    }
)
_OUTPUT_OPTIONS = frozenset({"-o", "--output-file"})
_FILE_OPTIONS = frozenset({"-c", "--constraint", "--override"})
#: Input files by their ending; setup.py is not one (pip-compile and uv would run it).
_INPUT_SUFFIXES = (".in", ".txt", ".toml", ".cfg")
#: What pip-compile reads when no input is named, in its order, and the files it builds.
_PIP_COMPILE_DEFAULTS = ("requirements.in", "setup.py", "pyproject.toml", "setup.cfg")
_METADATA_FILES = frozenset({"setup.py", "setup.cfg", "pyproject.toml"})


def _choice(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


_COMMON_FLAGS = frozenset(
    {
        "--generate-hashes",
        "--no-header",
        "--no-annotate",
        "--annotate",
        "--header",
        "--pre",
        "--all-extras",
        "--strip-extras",
        "--no-strip-extras",
        "--emit-index-url",
        "--no-emit-index-url",
        "-q",
        "--quiet",
        "-v",
        "--verbose",
        "-U",
        "--upgrade",
    }
)
_GRAMMAR: dict[str, tuple[tuple[str, ...], frozenset[str], dict[str, re.Pattern[str]]]] = {
    "pip-compile": (
        ("pip-compile",),
        _COMMON_FLAGS
        | {
            "--allow-unsafe",
            "--no-allow-unsafe",
            "--emit-trusted-host",
            "--no-emit-trusted-host",
            "--emit-options",
            "--no-emit-options",
            "--emit-find-links",
            "--no-emit-find-links",
            "--reuse-hashes",
            "--no-reuse-hashes",
            "--build-isolation",
            "--no-build-isolation",
            "--rebuild",
            "--no-config",
            "--all-build-deps",
            "--only-build-deps",
            "--no-index",
            "--emit-index-annotation",
            "--strip-extras",
            "--unsafe-package-all",
        },
        {
            "-o": _FILE,
            "--output-file": _FILE,
            "--resolver": _choice("backtracking", "legacy"),
            "--annotation-style": _choice("line", "split"),
            "--extra": _NAME,
            "--unsafe-package": _NAME,
            "--newline": _choice("LF", "CRLF", "native", "preserve"),
            "--max-rounds": _INT,
            "-c": _FILE,
            "--constraint": _FILE,
            "-P": _NAME,
            "--upgrade-package": _NAME,
            "--build-deps-for": _choice("wheel", "sdist", "editable"),
        },
    ),
    "uv pip compile": (
        ("uv", "pip", "compile"),
        _COMMON_FLAGS
        | {
            "--universal",
            "--no-deps",
            "--emit-build-options",
            "--no-emit-package-all",
            "--emit-find-links",
            "--emit-marker-expression",
            "--no-sources",
            "--emit-index-annotation",
            "--no-build",
            "--offline",
            "--native-tls",
            "--no-config",
        },
        {
            "-o": _FILE,
            "--output-file": _FILE,
            "--python-version": _PYVER,
            "-p": _PYVER,
            "--python": _PYVER,
            "--python-platform": _NAME,
            "--extra": _NAME,
            "--annotation-style": _choice("line", "split"),
            "--resolution": _choice("highest", "lowest", "lowest-direct"),
            "--prerelease": _choice(
                "disallow", "allow", "if-necessary", "explicit", "if-necessary-or-explicit"
            ),
            "--no-emit-package": _NAME,
            "--only-binary": _NAME,
            "--no-binary": _NAME,
            "--group": _NAME,
            "-c": _FILE,
            "--constraint": _FILE,
            "--override": _FILE,
            "-P": _NAME,
            "--upgrade-package": _NAME,
            "--custom-compile-command": re.compile(r"[^\x00-\x1f]*"),
        },
    ),
    "uv export": (
        ("uv", "export"),
        _COMMON_FLAGS
        | {
            "--frozen",
            "--locked",
            "--no-dev",
            "--dev",
            "--only-dev",
            "--all-groups",
            "--no-hashes",
            "--no-emit-project",
            "--no-emit-workspace",
            "--no-editable",
            "--all-packages",
            "--no-default-groups",
            "--no-emit-local",
            "--offline",
            "--native-tls",
            "--no-config",
        },
        {
            "-o": _FILE,
            "--output-file": _FILE,
            "--format": _choice("requirements-txt", "requirements.txt", "pylock.toml"),
            "--group": _NAME,
            "--no-group": _NAME,
            "--only-group": _NAME,
            "--extra": _NAME,
            "--package": _NAME,
            "--prune": _NAME,
            "--no-emit-package": _NAME,
            "--python": _PYVER,
            "-p": _PYVER,
        },
    ),
}
#: The programs :func:`run` may start: the lock and compile tools, nothing a file names.
TOOLS = frozenset({"uv", "poetry", "pdm", "pipenv", "pip-compile"})


class _NotRun(Exception):
    """A header whose command is not run or printed; the message says why."""


def header_argv(tool: str, command: str, file: Path) -> tuple[str, ...] | None:
    """The command the header of ``file`` (a ``tool`` output) records, as argv built from
    ``tool``'s own words and the header's options and files that pass :data:`_GRAMMAR` and
    :func:`_files`; ``None`` when any does not (the header is then not trusted to say how to
    re-make the file; :func:`header_refusal` says why)."""
    try:
        return _header(tool, command, file)
    except _NotRun:
        return None


def header_refusal(tool: str, command: str, file: Path) -> str | None:
    """Why :func:`header_argv` gives no command for this header (``None`` when it gives one):
    a few words naming options, never the header's values (they may hold credentials)."""
    try:
        _header(tool, command, file)
    except _NotRun as exc:
        return str(exc)
    return None


def _header(tool: str, command: str, file: Path) -> tuple[str, ...]:
    prefix, flags, valued = _GRAMMAR[tool]
    try:
        words = shlex.split(command)
    except ValueError:
        raise _NotRun("it is not a command line") from None
    if tuple(words[: len(prefix)]) != prefix:
        raise _NotRun(f"it is not a {tool} command")
    out = list(prefix)
    outputs: list[str] = []
    reads: list[tuple[str, str]] = []  # (what, path)
    inputs: list[str] = []
    rest = iter(words[len(prefix) :])
    for word in rest:
        name, eq, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if word in flags:
            out.append(word)
        elif name in _INDEX_OPTIONS:
            raise _NotRun(f"it names a package index ({name}); indexes are never taken from a file")
        elif name in valued:
            if not eq:
                value = next(rest, "")
            if valued[name].fullmatch(value) is None:
                raise _NotRun(f"its {name} value is not one aap-advise passes on")
            if name in _OUTPUT_OPTIONS:
                outputs.append(value)
            elif name in _FILE_OPTIONS:
                reads.append((name, value))
            out.extend([word] if eq else [word, value])
        elif _FILE.fullmatch(word) and word.endswith(_INPUT_SUFFIXES):
            inputs.append(word)
            out.append(word)  # an input file, relative to where the tool runs
        elif _FILE.fullmatch(word) and PurePosixPath(word).name == "setup.py":
            raise _NotRun(f"{tool} would run setup.py")
        else:
            raise _NotRun("it holds an option or word aap-advise does not pass on")
    _files(tool, file, outputs, reads, inputs)
    return tuple(out)


def _files(
    tool: str, file: Path, outputs: list[str], reads: list[tuple[str, str]], inputs: list[str]
) -> None:
    """The header's command writes ``file`` and nothing else, and reads only files inside the
    folder it runs in (``file``'s): no ``..``, nothing under ``.git``, no link leading out.

    :raises _NotRun: saying which option or input fails.
    """
    cwd = file.parent
    if not inputs and tool == "pip-compile":
        # pip-compile picks its own input: requirements.in, else setup.py (which it runs) ...
        found = next((n for n in _PIP_COMPILE_DEFAULTS if (cwd / n).exists()), None)
        if found is None:
            raise _NotRun("it names no input file and pip-compile would find none")
        if found == "setup.py":
            raise _NotRun("it names no input file, so pip-compile would run setup.py")
        inputs = [found]
    for value in outputs[:-1]:  # the last one wins; each must still be this file
        if os.path.normpath(value) != file.name:
            raise _NotRun("its -o/--output-file is not this file")
    if outputs:
        written = outputs[-1]
    elif tool == "pip-compile" and len(inputs) == 1:
        # pip-compile's own choice: requirements.txt beside a metadata file, else X.in -> X.txt
        first = PurePosixPath(inputs[0])
        written = (
            str(first.parent / "requirements.txt")
            if first.name in _METADATA_FILES
            else inputs[0].rsplit(".", 1)[0] + ".txt"
        )
    else:
        raise _NotRun("it writes no -o/--output-file, so it would not re-make this file")
    if os.path.normpath(written) != file.name:
        raise _NotRun("its output (-o/--output-file) is not this file")
    for what, value in [*reads, *(("an input file", i) for i in inputs)]:
        why = _outside(cwd, value)
        if why:
            raise _NotRun(f"{what} names a file {why}")


def _outside(cwd: Path, value: str) -> str | None:
    """Why the relative path ``value``, read from ``cwd``, is not a file inside ``cwd``'s tree
    (``None`` when it is one, or does not exist there)."""
    if PurePosixPath(value).is_absolute() or ".." in PurePosixPath(value).parts:
        return f"outside {cwd}"
    if any(part.casefold() == ".git" for part in PurePosixPath(value).parts):
        return "under .git"
    root = os.path.realpath(cwd)
    real = os.path.realpath(os.path.join(root, value))
    if os.path.commonpath([root, real]) != root:
        return f"through a link leading out of {cwd}"
    if any(part.casefold() == ".git" for part in Path(os.path.relpath(real, root)).parts):
        return "under .git"
    return None


def export_lock_command(path: Path, targets: Targets) -> RelockCommand:
    """The re-lock of the ``uv.lock`` a ``uv export`` file at ``path`` comes from (aap-advise's
    own words: nothing of the header is in it)."""
    lock = path.parent / "uv.lock"
    return RelockCommand(
        ("uv", "lock", *_upgrade_flags(targets)), path.parent, lock, f"{lock} feeds {path}"
    )


def compile_commands(header: CompiledHeader, path: Path, targets: Targets) -> list[RelockCommand]:
    """The header's own command with ``--upgrade-package`` for each target; ``uv export`` output
    comes from ``uv.lock``, so that is re-locked first and the export re-run.

    Empty when the header records no command, or one that :func:`header_argv` does not accept.
    """
    if header.command is None:
        return []
    checked = header_argv(header.tool, header.command, path)
    if checked is None:
        return []
    argv = list(checked)
    reason = f"{path} is generated by {header.tool}"
    if header.tool == "uv export":
        return [
            export_lock_command(path, targets),
            RelockCommand(tuple(argv), path.parent, path, reason),
        ]
    return [RelockCommand((*argv, *_upgrade_flags(targets)), path.parent, path, reason)]


def check_files(commands: Sequence[RelockCommand]) -> None:
    """Every file the commands rewrite is absent or a regular file within the readers' size
    limit, inside the folder tree its command runs in (a link leading out of it would be read,
    and written back when a later step fails).

    These files are read before the commands run, to put them back on a failure, and no reader
    has checked them (the ``uv.lock`` beside a ``uv export`` file, a lock beside an edited
    ``pyproject.toml``): a FIFO would block that read, a link to ``/dev/zero`` never end it.

    :raises WriteFailed: ``relock-refused`` naming the first file that is not, before anything
        is read, written or run.
    """
    from advisor.model.limits import MAX_LOCK_BYTES

    for cmd in commands:
        root = os.path.realpath(cmd.cwd)
        real = os.path.realpath(cmd.file)
        if os.path.commonpath([root, real]) != root:
            raise WriteFailed(
                f"is a link leading out of {os.path.abspath(cmd.cwd)}, where its re-lock runs; "
                "--relock would rewrite it, so nothing was written or run",
                code="relock-refused",
                file=str(cmd.file),
                hint=f"run the command yourself: {cmd}",
            )
        try:
            st = os.stat(real)
        except FileNotFoundError:
            continue  # the tool creates it (a dangling link inside the tree: its target)
        except OSError as exc:
            raise WriteFailed(
                f"cannot read: {exc.strerror}; nothing was written or run",
                code="relock-refused",
                file=str(cmd.file),
            ) from exc
        refused = relock_file_refusal(st, MAX_LOCK_BYTES)
        if refused is not None:
            raise WriteFailed(refused, code="relock-refused", file=str(cmd.file))


def run(commands: Sequence[RelockCommand]) -> None:
    """Run each command in its directory; on a failure put back every file they rewrote.

    :raises WriteFailed: ``relock-refused`` before anything runs when a file a command rewrites
        may not be (:func:`check_files`); ``tool-missing`` when a tool is not on PATH;
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
    check_files(commands)
    saved = save_files(c.file for c in commands)
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
