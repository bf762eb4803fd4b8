"""The parsers of the ``aap-advise`` command line (:mod:`advisor.frontends.cli` runs them).

Apart from :mod:`advisor.frontends.cli` so that ``--version``, answered before any parser is
built, imports neither argparse nor anything this module needs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import threading
from typing import Any, NoReturn

from advisor import __version__
from advisor.errors import ExitCode

DESCRIPTION = """\
Find the smallest ddtrace upgrade that unlocks Datadog App and API Protection (AAP)
capabilities for your project, on every CPython it supports.

Reads requirements files, pyproject.toml (PEP 621, PEP 735, Poetry, PDM, uv, hatch), lock
files (poetry.lock, uv.lock, Pipfile.lock, pdm.lock, pylock.toml), Pipfile, setup.cfg and
setup.py (statically), or a whole folder, each project in it answered for itself (a monorepo's
services, a workspace's members); finds the current ddtrace, the frameworks and
libraries AAP covers and the declared Python range; and answers from shipped compatibility
data, ddtrace's releases (which wheels exist for which CPython and platform) and a real
resolution of what must move with it. Nothing is installed or executed.
"""

EPILOG = """\
other commands:
  aap-advise help [COMMAND]                 this help, or a command's (help kb refresh)
  aap-advise capabilities [--format json]   list the capabilities, their floors and aliases
  aap-advise kb refresh [--index-url URL]   regenerate the release snapshot and, beside it,
                                            constrainers.json from the index, into the cache
                                            folder's knowledge/ (see --cache-dir); runs read
                                            them when newer than the shipped ones

configuration:
  [tool.aap-advise] in each project's pyproject.toml, or an aap-advise.toml (up to the
  repository root), may set capabilities, platforms, python, deployment, groups and
  ignore = [{ id = "...", reason = "...", until = YYYY-MM-DD }]; a flag replaces its key

exit status (the worst over the projects read):
  0  ddtrace already gives every requested capability
  1  an upgrade is advised (or no single release can do it)
  2  bad input: unreadable file, unknown capability, bad option; or a file that
     could not be written (--fix then changes nothing)
  3  the package index could not be used

examples:
  aap-advise requirements.txt
  aap-advise requirements.txt --capability iast --python '>=3.10' --format json
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2 without the usage banner, with a
    ``hint: did you mean ...?`` line for a mistyped choice, subcommand or long option."""

    _hint: str | None = None
    _checking = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # argparse looks three of its own words up in gettext's catalogs as a parser is made
        # ("positional arguments", "options", the help option's help): the first lookup
        # imports locale and searches the catalog folders, some 1.5 ms of every run. Python
        # ships no catalog of them, and the rest of the help is English: they are taken as
        # written here. Its messages (usage, errors) are looked up as usual, when shown.
        # One parser at a time (a thread's restoring must not undo another's), and only where
        # argparse has that name (a later Python may not).
        with _WORDS:
            saved = getattr(argparse, "_", None)
            if saved is None:
                super().__init__(*args, **kwargs)
                return
            argparse._ = _as_written  # type: ignore[attr-defined]
            try:
                super().__init__(*args, **kwargs)
            finally:
                argparse._ = saved  # type: ignore[attr-defined]

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        self._checking = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._checking = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        # add_argument makes a formatter to check each metavar, at a width it never uses; a
        # width given spares the terminal's (and the import of shutil, with bz2 and lzma, that
        # asking for it costs every run). Help and usage get the terminal's width.
        if self._checking:
            return argparse.HelpFormatter(prog=self.prog, width=80)
        return super()._get_formatter()

    def error(self, message: str) -> NoReturn:
        from advisor.errors import printable

        sys.stderr.write(f"aap-advise: error: {printable(message)}\n")
        if hint := self._hint or self._option_hint(message):
            sys.stderr.write(f"hint: {hint}\n")
        raise SystemExit(ExitCode.USAGE)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse lists the choices in its message; the hint names the close ones.
        if action.choices is not None and value not in action.choices:
            from advisor.model.platforms import platform_hint
            from advisor.model.suggest import did_you_mean

            if action.dest == "platform":  # an alias close to it suggested as its id
                self._hint = platform_hint(str(value))
            else:
                self._hint = did_you_mean(str(value), map(str, action.choices))
        super()._check_value(action, value)

    def _option_hint(self, message: str) -> str | None:
        """The long options close to the first unknown one of argparse's message."""
        from advisor.model.suggest import did_you_mean

        unknown = "unrecognized arguments: "
        if not message.startswith(unknown):
            return None
        options = [o for o in self._option_string_actions if o.startswith("--")]
        for word in message[len(unknown) :].split():
            if word.startswith("--") and (hint := did_you_mean(word.split("=")[0], options)):
                return hint
        return None


def _as_written(message: str) -> str:
    return message


#: Held while a parser is made with argparse's words taken as written (:class:`_Parser`).
_WORDS = threading.RLock()


def _today(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _platform(text: str) -> str:
    """A ``--platform`` value, an alias (``linux-arm64``) as its id; one that names no platform
    is left to the check of the choices (and its hint)."""
    from advisor.model.platforms import user_platform

    return user_platform(text) or text


def _seconds(text: str) -> float:
    """A positive, finite number of seconds: 0, a negative or NaN would disable the timeout."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):  # NaN fails both comparisons
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The parser for the main (advise) command."""
    p = _Parser(
        prog="aap-advise",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="dependency files or folders to read (default: .); a folder is searched for "
        "manifests, skipping virtual environments, node_modules and hidden folders",
    )
    p.add_argument(
        "--allow-outside",
        action="store_true",
        help="read files that -r/-c includes, setuptools file: entries and -e paths name outside "
        "the repository (the nearest folder holding .git, else the folder named); "
        "refused by default",
    )
    p.add_argument(
        "--untrusted",
        action="store_true",
        help="treat the files read as untrusted (a pull request's): no ${VAR} expansion, "
        "no index URL taken from them; the GitHub Action and the pre-commit hooks "
        "always read files this way",
    )
    p.add_argument(
        "-c",
        "--capability",
        action="append",
        default=[],
        metavar="ID",
        help="capability to unlock (repeatable, or a comma list); ids, names and aliases "
        "such as ato, rasp, code-security work; default: every supported capability",
    )
    p.add_argument(
        "--python",
        metavar="SPEC",
        help="CPython range to plan for, e.g. '>=3.9' or 3.12, or a free-threaded build "
        "such as 3.13t (default: the declared range; without one, the CPythons not past end "
        "of life)",
    )
    from advisor.model.platforms import DEFAULT_PLATFORM, USER_PLATFORMS

    p.add_argument(
        "--platform",
        action="append",
        default=[],
        type=_platform,
        choices=USER_PLATFORMS,
        metavar="P",
        help=f"platform to serve (repeatable; default {DEFAULT_PLATFORM}); one of: "
        f"{', '.join(USER_PLATFORMS)}; common other names work too (linux-arm64, "
        "macos-aarch64, win-amd64, darwin-*, osx-*, win64, a wheel tag)",
    )
    p.add_argument(
        "--deployment",
        choices=["lambda"],
        help="where the project runs, when it changes what AAP can do: 'lambda' applies what the "
        "tracer switches off in AWS Lambda (default: AWS Lambda when datadog-lambda is a "
        "dependency)",
    )
    p.add_argument(
        "--group",
        action="append",
        default=[],
        metavar="NAME",
        help="count this extra, dependency group or requirements file in the runtime "
        "environment too (repeatable; default: the main dependencies and what holds ddtrace)",
    )
    p.add_argument(
        "--all-groups",
        action="store_true",
        help="count every extra, group and requirements file read (leave nothing out)",
    )
    from advisor.render import OutputFormat

    p.add_argument(
        "--format",
        choices=[f.value for f in OutputFormat],
        default="text",
        help="report format (default: text)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output"
    )
    told = p.add_mutually_exclusive_group()
    told.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="text report: also what was read, the capabilities, why the target, the frameworks "
        "found and the notes",
    )
    told.add_argument(
        "-q", "--quiet", action="store_true", help="text report: the verdict line only"
    )
    p.add_argument(
        "--fix",
        action="store_true",
        help="edit the files that declare ddtrace (and what must move with it), keeping their "
        "style; lock files are never edited (their tool's command is printed, see --relock)",
    )
    p.add_argument(
        "--diff",
        action="store_true",
        help="print the --fix edits as a unified diff and write nothing",
    )
    p.add_argument(
        "--relock",
        action="store_true",
        help="with --fix: run the lock tools' own commands (uv lock, poetry update ...) instead of printing them",
    )
    p.add_argument(
        "--write-constraints",
        metavar="FILE",
        help="write a constraints file (pip install -c FILE, uv constraint-dependencies) with the "
        "advised ddtrace and its co-upgrades",
    )
    p.add_argument(
        "--offline",
        action="store_true",
        help="no network: the shipped release snapshot and the cache only; co-upgrades not in "
        "the cache are checked against ddtrace's own requirements",
    )
    p.add_argument(
        "--index-url",
        metavar="URL",
        help="the package index (default: as pip/uv are configured, else PyPI)",
    )
    p.add_argument(
        "--extra-index-url",
        action="append",
        default=[],
        metavar="URL",
        help="another index to read (repeatable)",
    )
    p.add_argument(
        "--cache-dir", metavar="DIR", help="cache folder (default: the user cache directory)"
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the cache, nor read the snapshot kb refresh wrote there "
        "(with --offline: the shipped snapshot only, so the same files always give the same "
        "answer)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="seconds per index request (default: 30)",
    )
    p.add_argument(
        "--deadline",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="seconds all index requests of one run may take together, retries included "
        "(default: 60); past it the run ends with exit 3",
    )
    p.add_argument(
        "--resolve-budget",
        type=_seconds,
        default=20.0,
        metavar="SECONDS",
        help="seconds the co-upgrade resolution may take over every CPython and release tried "
        "(default: 20); past them the pins are compared with ddtrace's own requirements, "
        "with a warning that says so",
    )
    p.add_argument(
        "--snapshot",
        metavar="FILE",
        help="use this release snapshot file (and the constrainers.json beside it, when "
        "there is one) instead of the shipped one, or the one kb refresh wrote in the cache "
        "folder (read when newer than the shipped one)",
    )
    p.add_argument(
        "--today",
        type=_today,
        metavar="YYYY-MM-DD",
        help="judge support windows and CPython end of life on this day (default: today)",
    )
    p.add_argument("--debug", action="store_true", help="show a traceback for errors")
    p.add_argument("-V", "--version", action="version", version=f"aap-advise {__version__}")
    return p
