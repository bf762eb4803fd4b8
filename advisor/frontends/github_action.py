"""The GitHub Action's glue: ``python -I -m advisor.frontends.github_action``, run by ``action.yml``.

Reads the inputs from ``INPUT_*`` variables (``action.yml`` passes them through ``env:``, never
into shell text), advises in-process, writes the JSON report, the job summary and the step
outputs, and on pull requests keeps exactly one comment up to date. The exit status follows
``fail-on``; nothing but the advice can fail the step: a comment GitHub refuses (pull requests
from forks get a read-only token), a rate limit, an API answering what GitHub does not or too
slowly, a runner file that cannot be written each become one notice or warning line.

Only a comment the token's own account wrote (``github-actions[bot]`` for the default token,
the user a personal token names, the bot of the GitHub App an installation token belongs to, or
the account the ``comment-author`` input names) and that starts with the marker is taken for
the report: a marker pasted into anyone else's comment, a person's or another bot's, is
ignored. Everything printed to the log shows control characters escaped, so a file or folder
name cannot send escape sequences to whoever reads it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import tempfile
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import assert_never

from advisor.errors import AdvisorError, ExitCode, UsageError, printable
from advisor.frontends.github_api import ApiError, Comment, GitHubComments, Identity
from advisor.model.advice import (
    Impossible,
    Ok,
    ProjectStatus,
    Report,
    Split,
    Upgrade,
    Verdict,
)

REPORT_NAME = "aap-advise-report.json"
PR_EVENTS = frozenset({"pull_request", "pull_request_target"})
FAIL_ON: Mapping[str, frozenset[ProjectStatus]] = {
    "upgrade": frozenset({"upgrade", "split", "impossible"}),
    "impossible": frozenset({"impossible"}),
    "never": frozenset(),
}
"""The run's statuses (the worst of its projects') each ``fail-on`` value fails the step on;
``no-ddtrace`` and ``ok`` never do."""
_ACTION: frozenset[ProjectStatus] = frozenset({"upgrade", "split", "impossible"})
"""The statuses of a project to act on (a warning annotation each)."""
API_DEADLINE = 30.0
"""Seconds for each GitHub API call, from connecting to the answer's last byte."""
API_TOTAL = 120.0
"""Seconds for all the calls keeping the comment."""
_LOGIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\[bot\])?")
"""A GitHub login: a user's, or an app's bot (``my-app[bot]``)."""


@dataclass(frozen=True, slots=True)
class Inputs:
    """The action's inputs, checked.

    :param paths: dependency files (whitespace-separated in the input; default ``.``).
    :param capabilities: capability ids or aliases (comma- or whitespace-separated).
    :param python: a ``--python`` specifier, or ``None``.
    :param platforms: platform ids; empty for the default.
    :param comment: keep a comment on the pull request.
    :param fail_on: ``upgrade``, ``impossible`` or ``never``.
    :param token: the GitHub token (never printed).
    :param comment_author: the login the token writes comments as; empty to ask GitHub.
    """

    paths: tuple[str, ...]
    capabilities: tuple[str, ...]
    python: str | None
    platforms: tuple[str, ...]
    comment: bool
    fail_on: str
    token: str
    comment_author: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Inputs:
        """Read ``INPUT_*``; :class:`UsageError` for a value that is not allowed."""

        def words(name: str) -> tuple[str, ...]:
            return tuple(env.get(name, "").replace(",", " ").split())

        comment = env.get("INPUT_COMMENT", "true").strip().lower() or "true"
        if comment not in ("true", "false"):
            raise UsageError(f"comment must be true or false, not {comment!r}")
        fail_on = env.get("INPUT_FAIL_ON", "upgrade").strip().lower() or "upgrade"
        if fail_on not in FAIL_ON:
            raise UsageError(f"fail-on must be upgrade, impossible or never, not {fail_on!r}")
        author = env.get("INPUT_COMMENT_AUTHOR", "").strip().removeprefix("@")
        if author and not _LOGIN.fullmatch(author):
            raise UsageError(
                f"comment-author must be a GitHub login (octo-dev, my-app[bot]), not {author!r}"
            )
        return cls(
            # Paths are split on whitespace only: a comma is a legal file-name character.
            paths=tuple(env.get("INPUT_PATHS", "").split()) or (".",),
            capabilities=words("INPUT_CAPABILITIES"),
            python=env.get("INPUT_PYTHON", "").strip() or None,
            platforms=words("INPUT_PLATFORMS"),
            comment=comment == "true",
            fail_on=fail_on,
            token=env.get("INPUT_GITHUB_TOKEN", "").strip(),
            comment_author=author,
        )


def _command_data(text: str) -> str:
    """Escape a workflow command's message (the runner decodes %25, %0D, %0A).

    Control characters are shown escaped first (``\\x1b``): the log viewer acts on escape
    sequences, and a line break would end the command.
    """
    return printable(text).replace("%", "%25")


def _command_property(text: str) -> str:
    """Escape a workflow command property value, where ``:`` and ``,`` are separators too."""
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: str | int | None) -> None:
    """Print one workflow command (``::name key=value,...::message``)."""
    given = ",".join(f"{k}={_command_property(str(v))}" for k, v in props.items() if v is not None)
    sys.stdout.write(f"::{name}{' ' + given if given else ''}::{_command_data(message)}\n")
    sys.stdout.flush()


def find_own(comments: list[Comment], marker: str, owner: Identity) -> Comment | None:
    """The earlier report: the first comment ``owner`` wrote that starts with ``marker``.

    Anyone can paste the marker into a comment, another bot (Dependabot, Renovate) included;
    only the token's own account writes the report, so only its comment is updated.
    """
    return next(
        (c for c in comments if owner.wrote(c) and c.body.lstrip().startswith(marker)), None
    )


def sync_comment(
    api: GitHubComments, number: int, body: str, marker: str, author: str = ""
) -> tuple[str, str | None]:
    """Create, update or leave the report comment.

    :param author: the login the token writes as (the ``comment-author`` input); empty to ask
        GitHub (:meth:`GitHubComments.identity`).
    :returns: what happened, for the log, and a notice when the comment just created was
        written by another account than the one looked for: the next run would add another.
    :raises ApiError: when GitHub refuses, cannot be reached or answers what it does not.
    """
    owner = Identity.named(author) if author else api.identity()
    existing = find_own(api.comments(number), marker, owner)
    if existing is None:
        wrote = api.create(number, body)
        if wrote is not None and wrote.casefold() != owner.login.casefold():
            return "created the report comment", (
                f"the report comment was written by {wrote}, but the comment looked for was "
                f"{owner.login}'s, so each run adds one; set the comment-author input to {wrote}"
            )
        return "created the report comment", None
    if _normalise(existing.body) == _normalise(body):
        return "the report comment is up to date", None
    api.update(existing.id, body)
    return "updated the report comment", None


def _normalise(body: str) -> str:
    # GitHub may hand a body back with CRLF line ends and without the final newline.
    return body.replace("\r\n", "\n").strip()


def _append(env: Mapping[str, str], variable: str, text: str) -> None:
    """Append ``text`` to the runner file named by ``variable``; a warning if it cannot be."""
    path = env.get(variable)
    if not path:
        return
    try:
        with Path(path).open("a", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        what = {"GITHUB_OUTPUT": "the step outputs", "GITHUB_STEP_SUMMARY": "the job summary"}
        command(
            "warning",
            f"aap-advise: cannot write {what.get(variable, variable)} to {variable} ({path}): "
            f"{exc.strerror or exc}",
        )


def set_outputs(env: Mapping[str, str], outputs: Mapping[str, str]) -> None:
    """Append step outputs in the heredoc form, with a random delimiter no value can contain."""
    lines = []
    for name, value in outputs.items():
        delimiter = f"ghadelimiter_{uuid.uuid4()}"
        lines.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
    _append(env, "GITHUB_OUTPUT", "".join(lines))


def _write_report(env: Mapping[str, str], text: str) -> str:
    """Write the JSON report under ``RUNNER_TEMP``; its path, or ``""`` if it cannot be written.

    Without a usable ``RUNNER_TEMP`` the report goes to a new private folder (never a fixed name
    in a shared ``/tmp``, where another user could have put a link first), with a warning.
    """
    temp = env.get("RUNNER_TEMP")
    if temp:
        try:
            report = Path(temp) / REPORT_NAME
            report.write_text(text, encoding="utf-8")
            return str(report)
        except OSError as exc:
            problem = f"cannot write to RUNNER_TEMP ({temp}): {exc.strerror or exc}"
    else:
        problem = "RUNNER_TEMP is not set"
    try:
        report = Path(tempfile.mkdtemp(prefix="aap-advise-")) / REPORT_NAME
        report.write_text(text, encoding="utf-8")
    except OSError as exc:
        command(
            "warning",
            f"aap-advise: {problem}, nor to a temporary folder ({exc.strerror or exc}); "
            "no JSON report",
        )
        return ""
    command("warning", f"aap-advise: {problem}; the JSON report is at {report}")
    return str(report)


def _pull_request_number(env: Mapping[str, str]) -> int | None:
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return None
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
        number = (event.get("pull_request") or {}).get("number") or event.get("number")
        return int(number) if number else None
    except (OSError, ValueError, AttributeError, TypeError):
        return None


def _comment(env: Mapping[str, str], inputs: Inputs, body: str, marker: str) -> None:
    """Keep the pull-request comment; report problems as notices and warnings only."""
    number = _pull_request_number(env)
    repository = env.get("GITHUB_REPOSITORY", "")
    if number is None or not repository:
        command(
            "warning", "aap-advise: no pull request number in the event payload; not commenting"
        )
        return
    if not inputs.token:
        command(
            "notice", "aap-advise: no github-token given; the report is in the job summary only"
        )
        return
    api_url = env.get("GITHUB_API_URL") or "https://api.github.com"
    try:
        with GitHubComments(
            api_url,
            repository,
            inputs.token,
            deadline=API_DEADLINE,
            total=API_TOTAL,
            graphql=env.get("GITHUB_GRAPHQL_URL"),
        ) as api:
            done, notice = sync_comment(api, number, body, marker, inputs.comment_author)
    except ApiError as exc:
        if exc.rate_limited:
            command(
                "warning",
                f"aap-advise: not commenting on pull request #{number}: {exc.message}; "
                "the report is in the job summary",
            )
        elif exc.status in (403, 404):
            # A read-only token (pull requests from forks) or no pull-requests: write.
            command(
                "notice",
                f"aap-advise: cannot comment on pull request #{number} ({exc.message}); "
                "the token has no write access, as on pull requests from forks; "
                "the report is in the job summary",
            )
        else:
            command(
                "warning",
                f"aap-advise: commenting on pull request #{number} failed: {exc.message}",
            )
        return
    except Exception as exc:
        command(
            "warning",
            f"aap-advise: commenting on pull request #{number} failed: internal error: "
            f"{type(exc).__name__}: {exc}",
        )
        return
    sys.stdout.write(f"aap-advise: {done} on pull request #{number}\n")
    if notice:
        command("notice", f"aap-advise: {notice}")


def _advise(inputs: Inputs) -> Report:
    """The run's report, from the pipeline the command line runs, with the Action's settings."""
    from advisor.pipeline import Flags, Settings, advise_run

    # The files come from a pull request: no ${VAR} expansion from the runner's environment
    # (which holds the token), no index URL or include taken on their word. No cache either:
    # offline runs answer from it, and a self-hosted runner's, warmed by earlier online runs,
    # would change the advice from what the shipped snapshot gives. Includes stay inside the
    # repository.
    settings = Settings(no_cache=True, trust_files=False, allow_outside=False)
    # Each project's [tool.aap-advise] (or aap-advise.toml) is read all the same: it is data,
    # and no key of it names an index or a command. Each input given replaces its key.
    flags = Flags(
        capabilities=inputs.capabilities,
        platforms=inputs.platforms,
        python=inputs.python,
        today=dt.date.today(),
        # The shipped snapshot only: a step that reads the index would answer differently
        # from run to run.
        offline=True,
    )
    return advise_run(list(inputs.paths), flags, settings).report


def _report_error(env: Mapping[str, str], exc: AdvisorError) -> int:
    from advisor.render.markdown import escape

    # Where a file has no line (a TOML key), the key says where: ``capabilitys: unknown key``.
    key = f"{exc.key}: " if exc.key and not exc.line else ""
    message = key + exc.message + (f" (hint: {exc.hint})" if exc.hint else "")
    command("error", message, file=exc.file, line=exc.line, title="aap-advise")
    _append(
        env,
        "GITHUB_STEP_SUMMARY",
        f"**aap-advise** could not advise: {escape(exc.render())}\n",
    )
    set_outputs(env, {"status": "error", "current": "", "target": "", "report-json": ""})
    return exc.exit_code


def run(env: Mapping[str, str]) -> int:
    """The whole step, reading the runner's environment ``env``; returns the exit status."""
    token = env.get("INPUT_GITHUB_TOKEN", "").strip()
    if token:
        # Secrets are masked already; a token given as plain text is not until this line.
        sys.stdout.write(f"::add-mask::{token}\n")
    try:
        inputs = Inputs.from_env(env)
        report = _advise(inputs)
    except AdvisorError as exc:
        return _report_error(env, exc)

    from advisor.render import json_report, markdown

    report_json = _write_report(env, json_report.render(report))
    run_url = markdown.run_url(
        env.get("GITHUB_SERVER_URL"), env.get("GITHUB_REPOSITORY"), env.get("GITHUB_RUN_ID")
    )
    body = markdown.render(report, run_url)
    # markdown.MAX_BYTES (60 KiB, for the comment) keeps this far below the 1 MiB summary cap.
    _append(env, "GITHUB_STEP_SUMMARY", body)

    # current and target describe one project: with several advised, the report has each.
    one = report.planned[0].advice if len(report.planned) == 1 else None
    d = one.ddtrace if one is not None else None
    set_outputs(
        env,
        {
            "status": report.status,
            "current": (d.current or "") if d else "",
            "target": _target(one.recommendation) if one is not None else "",
            "report-json": report_json,
        },
    )
    _say(report)

    if inputs.comment and env.get("GITHUB_EVENT_NAME") in PR_EVENTS:
        _comment(env, inputs, body, markdown.MARKER)
    return ExitCode.ACTION if report.status in FAIL_ON[inputs.fail_on] else ExitCode.OK


def _say(report: Report) -> None:
    """A warning annotation on the ddtrace declaration of each project needing action, and a
    verdict line per project in the log; each names its project's folder when there are
    several."""
    from advisor.render.text import project_verdict

    several = len(report.projects) > 1
    lines = [
        f"{p.root}: {project_verdict(p)}" if several else project_verdict(p)
        for p in report.projects
    ]
    for p, text in zip(report.projects, lines, strict=True):
        if p.advice is None or p.status not in _ACTION:
            continue
        d = p.advice.ddtrace
        where = d.source if d and d.source else None
        command(
            "warning",
            text,
            file=where.file if where else None,
            line=where.line if where else None,
            title="aap-advise",
        )
    for text in lines:
        sys.stdout.write(f"aap-advise: {printable(text)}\n")


def _target(rec: Verdict) -> str:
    """The ``target`` output: the ddtrace kept or moved to; empty for a split or no release."""
    match rec:
        case Ok() | Upgrade():
            return rec.ddtrace
        case Split() | Impossible():
            return ""
        case _:
            assert_never(rec)


def main() -> int:
    """Run the action step with the process environment."""
    return run(os.environ)


if __name__ == "__main__":
    sys.exit(main())
