"""The ``aap-advise`` command. The only place that parses arguments (with the parsers of
:mod:`advisor.frontends.args`), prints, and picks exit codes.

Exit codes (:class:`~advisor.errors.ExitCode`): 0 nothing to do, 1 upgrade advised (or split, or
impossible), 2 bad input or usage, 3 the package index could not be used. Heavy modules are
imported only after parsing, so ``--version`` and ``--help`` stay fast; the console script
(:func:`entry`) ends without the interpreter's teardown once its output is flushed.
"""

import sys

from advisor import __version__

# Nothing else at module level, not even ``from __future__ import annotations`` (hence the
# quoted annotations): the console script imports this module, and ``--version`` is answered
# from it alone (:func:`main`). What a command needs is imported where it runs.
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import Any, NoReturn

    from advisor.model.advice import Report
    from advisor.pipeline import Run
    from advisor.render.text import Style
    from advisor.write import Interrupted

#: The commands besides the main (advise) one.
COMMANDS = ("capabilities", "help", "kb")


def build_parser() -> "argparse.ArgumentParser":
    """The parser for the main (advise) command (:func:`advisor.frontends.args.build_parser`)."""
    from advisor.frontends.args import build_parser

    return build_parser()


def _write(text: str, output: str | None) -> None:
    """Write the report to standard output or to ``output`` (:func:`advisor.pipeline.write_file`)."""
    if output is None:
        sys.stdout.write(text)
        return
    from advisor.pipeline import write_file

    write_file(output, text)


def _advise(argv: "Sequence[str]") -> int:
    args = build_parser().parse_args(argv)  # first: --help imports nothing more
    import datetime as dt

    from advisor.errors import UsageError
    from advisor.pipeline import Flags, Settings, advise_run, check_outputs, write_constraints
    from advisor.render import OutputFormat, renderer

    if args.relock and not args.fix:
        raise UsageError("--relock needs --fix")
    if args.capability:  # a mistyped -c is told before any file is read (and its hint)
        from advisor.knowledge.matrix import load
        from advisor.plan.scope import resolve_capabilities

        resolve_capabilities(load(), args.capability)
    from advisor.frontends.progress import Progress

    # A status line on a terminal while the projects are read and planned (erased before
    # anything else is written).
    progress = Progress(sys.stderr)
    settings = Settings(
        snapshot=_snapshot(args),
        index_url=args.index_url,
        extra_index_urls=tuple(args.extra_index_url),
        cache_dir=args.cache_dir,
        no_cache=args.no_cache,
        timeout=args.timeout,
        deadline=args.deadline,
        trust_files=not args.untrusted,
        allow_outside=args.allow_outside,
        progress=progress.say if progress.enabled else None,
    )
    # Each project's [tool.aap-advise] (or aap-advise.toml), each flag given replacing its key.
    flags = Flags(
        capabilities=tuple(args.capability),
        platforms=tuple(args.platform),
        python=args.python,
        deployment=args.deployment,
        groups=tuple(args.group),
        all_groups=args.all_groups,
        today=args.today or dt.date.today(),
        offline=args.offline,
        resolve_budget=args.resolve_budget,
    )
    with progress:
        run = advise_run(args.paths or ["."], flags, settings)
    # An -o or --write-constraints file that is one of the files read, or that both name, is
    # refused before anything is written; so is a constraints file for several projects.
    outputs = (("-o", args.output), ("--write-constraints", args.write_constraints))
    check_outputs(run, [(option, path) for option, path in outputs if path])
    if args.write_constraints:
        run.one("--write-constraints")
    if args.fix or args.diff:
        return _fix(args, run)
    if args.write_constraints:
        write_constraints(run, args.write_constraints)
    if args.format == OutputFormat.TEXT:
        from advisor.render.text import TextOptions, Verbosity, render_with

        verbosity: Verbosity = "verbose" if args.verbose else "quiet" if args.quiet else "default"
        options = TextOptions(verbosity, text_style(args.output is None))
        _write(render_with(run.report, options), args.output)
    else:
        _write(renderer(OutputFormat(args.format))(run.report), args.output)
    return _exit_status(run.report)


def text_style(to_stdout: bool) -> "Style":
    """Colour and symbols for the text report, decided as uv and CPython decide them:
    ``NO_COLOR`` (any non-empty value) turns colour off, whatever else is set; ``FORCE_COLOR``
    (non-empty) turns it on even when not writing to a terminal; otherwise only a terminal
    (standard output, not ``TERM=dumb``) gets it, never a file written with ``-o``. Symbols
    (``✓ ! ✗``) go wherever colour could, when the stream can encode them."""
    import os

    from advisor.render.text import SYMBOLS, Style

    forced = bool(os.environ.get("FORCE_COLOR"))
    tty = to_stdout and os.environ.get("TERM") != "dumb" and _isatty(sys.stdout)
    if not (forced or tty):
        return Style()
    encoding = (sys.stdout.encoding if to_stdout else None) or "utf-8"
    try:
        SYMBOLS.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        symbols = False
    else:
        symbols = True
    return Style(colour=not os.environ.get("NO_COLOR"), symbols=symbols)


def _isatty(stream: "Any") -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # replaced or closed
        return False


def _snapshot(args: "argparse.Namespace") -> str | None:
    """The snapshot file of a run: ``--snapshot``; else, unless ``--no-cache``, the one ``kb
    refresh`` wrote in the cache when it is newer than the shipped one (a broken one is one
    warning line, and the shipped one); ``None``: the shipped one."""
    named: str | None = args.snapshot
    if named is not None or args.no_cache:
        return named
    from advisor.errors import printable
    from advisor.index.cache import default_cache_dir
    from advisor.knowledge.releases import refreshed_snapshot

    path, problem = refreshed_snapshot(args.cache_dir or default_cache_dir())
    if problem:
        sys.stderr.write(f"aap-advise: warning: {printable(problem)}\n")
    return path


def _exit_status(report: "Report") -> int:
    """0 when ddtrace already gives every requested capability in every project that uses it,
    else 1 (something to act on); a project without ddtrace counts as nothing to do."""
    from typing import assert_never

    from advisor.errors import ExitCode

    status = report.status
    match status:
        case "ok" | "no-ddtrace":
            return ExitCode.OK
        case "upgrade" | "split" | "impossible":
            return ExitCode.ACTION
        case _:
            assert_never(status)


def _fix(args: "argparse.Namespace", run: "Run") -> int:
    """``--fix`` / ``--diff``: plan every edit first; write nothing if any file is refused.

    The writing (edits, ``--write-constraints``, ``--relock``) is all or nothing, interrupts
    included (:func:`advisor.pipeline.apply_fix`): a signal (Ctrl-C) or a failure at any point
    puts every file back, and one line says so. Every project of the run is fixed together.
    Exit 0 only when nothing needs to change: an advised change ``--fix`` left to the user
    (setup.py, a ddtrace no file declares) or a project with no release to move to is exit 1,
    a refused edit exit 2.
    """
    from advisor.errors import ExitCode, printable
    from advisor.model.advice import Impossible
    from advisor.pipeline import apply_fix, plan_fix_for
    from advisor.write import Interrupted, unified_diff

    try:
        plan = plan_fix_for(run)
    except Interrupted as stop:  # while looking up hashes: nothing was written yet
        return _stopped(stop)
    for message in plan.messages:
        sys.stderr.write(f"aap-advise: {printable(message)}\n")
    if plan.refusals:
        for refusal in plan.refusals:
            sys.stderr.write(f"aap-advise: error: {refusal.render()}\n")
            if refusal.hint:
                sys.stderr.write(f"hint: {refusal.hint}\n")
        return ExitCode.USAGE
    if args.diff:
        sys.stdout.write(unified_diff(plan.patches))
        for command in plan.commands:
            sys.stderr.write(f"aap-advise: would run: {printable(str(command))}\n")
        return ExitCode.ACTION if plan.patches or plan.commands or plan.by_hand else ExitCode.OK
    try:
        outcome = apply_fix(run, plan, constraints=args.write_constraints, relock=args.relock)
    except Interrupted as stop:  # every file was put back
        return _stopped(stop)
    for patch in outcome.edited:
        sys.stderr.write(f"aap-advise: edited {printable(f'{patch.path}: {patch.reason}')}\n")
    for command in outcome.left:
        sys.stderr.write(f"aap-advise: run: {printable(str(command))}\n")
    if any(isinstance(a.advice.recommendation, Impossible) for a in run.advised):
        return ExitCode.ACTION  # no release to move to: nothing --fix could do
    # A second --fix changes nothing and succeeds, even for a split answer already written;
    # a change left to the user (setup.py, an undeclared ddtrace) is not success.
    return ExitCode.ACTION if plan.patches or plan.commands or plan.by_hand else ExitCode.OK


def _stopped(stop: "Interrupted") -> int:
    """A signal stopped ``--fix``: one line, and the status a shell would give (128 + signal)."""
    from advisor.errors import signal_exit

    sys.stderr.write(f"aap-advise: {stop.message}\n")
    return signal_exit(stop.signum)


def _capabilities(argv: "Sequence[str]") -> int:
    import json

    from advisor.errors import ExitCode
    from advisor.frontends.args import _Parser
    from advisor.knowledge.matrix import load

    p = _Parser(
        prog="aap-advise capabilities",
        description="List AAP capabilities and their ddtrace floors.",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    k = load()
    rows: list[dict[str, Any]] = [
        {
            "id": c.id,
            "name": c.name,
            "min_version": str(c.min_version) if c.min_version else None,
            "status": "supported" if c.supported else "unsupported",
            "aliases": list(c.aliases),
            "summary": c.summary,
            "env": [
                f"{e.name}={e.value}" if e.need != "unset" else f"{e.name} unset"
                for e in c.env
                if e.need != "default"
            ],
        }
        for c in k.capabilities
    ]
    if args.format == "json":
        sys.stdout.write(json.dumps({"capabilities": rows, "docs": k.docs_url}, indent=2) + "\n")
        return ExitCode.OK
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        floor = r["min_version"] or "unsupported"
        sys.stdout.write(
            f"{r['id']:<{width}}  {floor:>11}  {r['name']}  (aliases: {', '.join(r['aliases'])})\n"
        )
    sys.stdout.write(f"\nsource: {k.docs_url}\n")
    return ExitCode.OK


def _kb(argv: "Sequence[str]") -> int:
    import argparse
    from pathlib import Path

    from advisor.errors import ExitCode
    from advisor.frontends.args import _Parser
    from advisor.index.cache import default_cache_dir
    from advisor.knowledge.releases import cached_snapshot
    from advisor.model.release import DDTRACE

    p = _Parser(prog="aap-advise kb", description="Manage the knowledge of ddtrace's releases.")
    sub = p.add_subparsers(dest="action", metavar="COMMAND", required=True)
    r = sub.add_parser(
        "refresh",
        help="regenerate the release snapshot and constrainers.json from the package index",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Regenerate ddtrace's release snapshot and, beside it, constrainers.json\n"
        "from the package index.\n\nWithout --out it writes\n"
        f"  {cached_snapshot(default_cache_dir())}\n"
        "and constrainers.json beside it. A run reads them in place of the ones shipped in the\n"
        "package when their snapshot is newer (--snapshot FILE reads another, --no-cache the\n"
        "shipped ones).",
    )
    r.add_argument(
        "--index-url",
        metavar="URL",
        default="https://pypi.org/simple/",
        help="simple index (default: PyPI)",
    )
    r.add_argument(
        "--out",
        metavar="FILE",
        help="where to write the snapshot instead (constrainers.json is written in the same "
        "folder); a run reads it with --snapshot FILE",
    )
    r.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="the cache folder whose knowledge/releases.json to write, without --out "
        "(default: the user cache directory; a run given the same --cache-dir reads it)",
    )
    r.add_argument("--project", default=DDTRACE, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    from advisor.errors import printable
    from advisor.knowledge.refresh import in_cache, refresh

    out = Path(args.out) if args.out else in_cache(args.cache_dir or default_cache_dir())
    summary = refresh(
        args.index_url,
        out,
        project=args.project,
        # What the index answers (page names, file names, errors) reaches a terminal escaped.
        progress=lambda line: sys.stderr.write(printable(line) + "\n"),
    )
    sys.stdout.write(printable(summary) + "\n")
    return ExitCode.OK


def _help(argv: "Sequence[str]") -> int:
    """``aap-advise help [COMMAND ...]``: ``--help`` of the main command, or of ``COMMAND``
    (``help kb refresh`` is ``kb refresh --help``)."""
    from advisor.errors import ExitCode

    topic = argv[0] if argv else "help"
    if topic == "help":
        build_parser().print_help()
        return ExitCode.OK
    if topic not in COMMANDS:
        from advisor.errors import UsageError
        from advisor.model.suggest import did_you_mean

        raise UsageError(
            f"no help on {topic!r}: the commands are {', '.join(COMMANDS)}",
            code="unknown-command",
            hint=did_you_mean(topic, COMMANDS),
        )
    try:
        return (_capabilities if topic == "capabilities" else _kb)([*argv[1:], "--help"])
    except SystemExit as exc:  # argparse's --help (0), or its usage error (2)
        return int(exc.code or 0)


def _not_a_command(first: "Sequence[str]") -> None:
    """Refuse a first argument that is no file and a mistyped command (``capabilites``), as
    git does, rather than report it as a missing file.

    :raises UsageError: with a ``did you mean`` hint.
    """
    import os

    word = first[0] if first else ""
    # A word of ASCII letters and dashes, starting with a letter (no pattern compiled for it:
    # every run asks).
    if not (word[:1].isalpha() and word.isascii() and word.replace("-", "").isalpha()):
        return
    if os.path.lexists(word):
        return
    from advisor.model.suggest import did_you_mean

    if hint := did_you_mean(word, COMMANDS):
        from advisor.errors import UsageError

        raise UsageError(
            f"{word!r} is not a command, nor a file", code="unknown-command", hint=hint
        )


def entry() -> "NoReturn":
    """The ``aap-advise`` console script: :func:`main`, then :func:`exit_now` with its status.
    (Tests and other callers use :func:`main`, which returns; ``python -m advisor`` exits as
    Python does, since a test may run that module in its own process and go on.)"""
    exit_now(main())


def exit_now(code: int) -> "NoReturn":
    """End the process with ``code`` once standard output and error are flushed, without the
    interpreter's teardown when it has nothing left to do.

    When a run returns, what it wrote is complete: every file it wrote is closed (each is
    written in a ``with`` block), cache entries are written atomically (a temporary file
    renamed), and the index's worker threads are daemons. What the interpreter would still do,
    freeing every module and object and running the ``atexit`` hooks (logging's, with no
    handler to flush), changes nothing but costs about 10 ms of every run, so ``os._exit``
    ends the process. The usual exit is taken when it would change something: a flush that
    fails (Python then says so, and exits 120, as it always did), a thread that is not a
    daemon still running (Python waits for it), or coverage measuring the process (it saves
    its data at exit).
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: leave it to the usual exit
        sys.exit(code)
    threading = sys.modules.get("threading")
    if "coverage" in sys.modules or (
        threading is not None
        and any(
            t.is_alive() and not t.daemon
            for t in threading.enumerate()
            if t is not threading.main_thread()
        )
    ):
        sys.exit(code)
    import os

    os._exit(code)


def main(argv: "Sequence[str] | None" = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv in (["--version"], ["-V"]):  # answered before the parser and its imports are built
        sys.stdout.write(f"aap-advise {__version__}\n")
        return 0  # ExitCode.OK, without importing advisor.errors
    if argv[:1] and argv[0] in COMMANDS:
        return _command(argv)
    # The main command runs with the cyclic garbage collector held off from its first import
    # to its report (reading and planning held it off already). What it imports and loads
    # first (some ninety modules and their classes, the release snapshot, the knowledge)
    # lives until the process ends; yet every 700 objects made, the collector walked them
    # again: some fifty collections, 6 ms of a 110 ms offline answer, for a few hundred
    # objects of the imports' own scratch. It is on again when the command returns (for a
    # caller of main() that goes on). The other commands keep it: `kb refresh` reads the
    # package index at length, and the others make little.
    from advisor._gc import collector_paused

    with collector_paused():
        return _command(argv)


def _command(argv: "list[str]") -> int:
    """:func:`main` once ``--version`` is answered: run the command, and map what it raises
    to a message and an exit status."""
    debug = "--debug" in argv
    from advisor.errors import AdvisorError, ExitCode, printable, signal_exit

    try:
        if argv[:1] == ["help"]:
            return _help(argv[1:])
        if argv[:1] == ["capabilities"]:
            return _capabilities(argv[1:])
        if argv[:1] == ["kb"]:
            return _kb(argv[1:])
        _not_a_command(argv[:1])
        return _advise(argv)
    except AdvisorError as exc:
        if debug:
            raise
        sys.stderr.write(f"aap-advise: error: {exc.render()}\n")
        if exc.hint:
            sys.stderr.write(f"hint: {exc.hint}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        import signal  # (half a millisecond: not imported by every run for this)

        return signal_exit(signal.SIGINT)
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as exc:  # a bug: say so in one line, never as "upgrade advised" (exit 1)
        if debug:
            raise
        sys.stderr.write(
            f"aap-advise: internal error: {type(exc).__name__}: {printable(str(exc))} "
            "(run with --debug for the traceback, and please report it)\n"
        )
        return ExitCode.USAGE
