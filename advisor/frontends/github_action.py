"""The GitHub Action's glue: ``python -I -m advisor.frontends.github_action``, run by ``action.yml``.

Reads the inputs from ``INPUT_*`` variables (``action.yml`` passes them through ``env:``, never
into shell text), advises in-process, writes the JSON report, the job summary and the step
outputs, and on pull requests keeps exactly one comment up to date (and, with ``suggest``, the
fix as suggested changes on the pull request's lines: :func:`sync_suggestions`). The exit status follows
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
import difflib
import hashlib
import json
import os
import re
import sys
import tempfile
import uuid
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from advisor.errors import AdvisorError, ExitCode, UsageError, printable
from advisor.frontends.github_api import (
    ApiError,
    Comment,
    GitHubComments,
    Identity,
    ReviewComment,
)
from advisor.model.advice import (
    Impossible,
    Ok,
    ProjectStatus,
    Report,
    Split,
    Upgrade,
    Verdict,
)

if TYPE_CHECKING:
    from dataclasses import dataclass

    from advisor.pipeline import Run
    from advisor.write import Patch
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass


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
SUGGESTION_MARKER = "<!-- aap-advise-suggestion -->"
"""Starts each review comment holding a suggested change (``suggest: true``)."""
DIFF_MARKER = "<!-- aap-advise-suggested-diff -->"
"""Starts the one pull-request comment holding the whole diff, when no edited line is in the
pull request's diff."""
MAX_SUGGESTIONS = 50
"""Suggested changes posted at most: each is a call, and a pull request with more to change is
better served by ``--fix`` (the rest are named in the log)."""
MAX_COMMENT = 60_000
"""Characters of a suggestion or diff comment (GitHub refuses bodies over 65,536)."""
_SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_HUNK = re.compile(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
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
    :param suggest: on pull requests, post the fix as suggested changes on its lines.
    """

    paths: tuple[str, ...]
    capabilities: tuple[str, ...]
    python: str | None
    platforms: tuple[str, ...]
    comment: bool
    fail_on: str
    token: str
    comment_author: str = ""
    suggest: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Inputs:
        """Read ``INPUT_*``; :class:`UsageError` for a value that is not allowed."""

        def words(name: str) -> tuple[str, ...]:
            return tuple(env.get(name, "").replace(",", " ").split())

        comment = env.get("INPUT_COMMENT", "true").strip().lower() or "true"
        if comment not in ("true", "false"):
            raise UsageError(f"comment must be true or false, not {comment!r}")
        suggest = env.get("INPUT_SUGGEST", "false").strip().lower() or "false"
        if suggest not in ("true", "false"):
            raise UsageError(f"suggest must be true or false, not {suggest!r}")
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
            suggest=suggest == "true",
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


# Suggested changes (``suggest: true``) -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edit:
    """Lines ``start`` to ``end`` (from 1, as the pull request's head has them) of ``path``
    (relative to the repository's root, ``/``-separated), ``old`` as they are, ``new`` as
    ``--fix`` writes them. A pin moving with its ``--hash`` lines is one edit."""

    path: str
    start: int
    end: int
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Hunk:
    """The right side of one hunk of a pull request's diff: each line's text, and the lines the
    pull request adds or changes."""

    lines: Mapping[int, str]
    added: frozenset[int]


def _text_lines(data: bytes, display: str) -> list[str]:
    """A file's lines as git and GitHub number them (split at ``\\n`` only), ``\\r`` kept."""
    from advisor.errors import WriteRefused
    from advisor.write.text import TextFile

    try:
        text = TextFile.decode(data, display).text
    except WriteRefused:
        text = data.decode("utf-8", errors="replace")
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def _continues(line: str) -> bool:
    return line.rstrip().endswith("\\")


def edits(patch: Patch, path: str) -> list[Edit]:
    """The edits of ``patch``, as lines of ``path``: runs of changed lines, joined when the
    lines between them continue one requirement (``\\`` at the end: a pin and its hashes)."""
    old = _text_lines(patch.before, path)
    new = _text_lines(patch.after, path)
    changed = [
        op
        for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    groups: list[list[int]] = []  # [i1, i2, j1, j2] over old and new
    for _, i1, i2, j1, j2 in changed:
        if groups and all(_continues(old[k]) for k in range(max(groups[-1][1] - 1, 0), i1)):
            groups[-1][1], groups[-1][3] = i2, j2
        else:
            groups.append([i1, i2, j1, j2])
    out = []
    for i1, i2, j1, j2 in groups:
        if i1 == i2:  # lines only added: the suggestion replaces a line beside them too
            if i1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            elif old:
                i2, j2 = i2 + 1, j2 + 1
            else:
                continue  # an empty file has no line to suggest on
        out.append(
            Edit(
                path,
                i1 + 1,
                i2,
                tuple(x.removesuffix("\r") for x in old[i1:i2]),
                tuple(x.removesuffix("\r") for x in new[j1:j2]),
            )
        )
    return out


def hunks(diff: str | None) -> list[Hunk]:
    """The right side of each hunk of a file's diff as GitHub gives it (``patch``)."""
    out: list[Hunk] = []
    if diff is None:
        return out
    lines: dict[int, str] = {}
    added: set[int] = set()
    at = 0
    for row in diff.split("\n"):
        head = _HUNK.match(row)
        if head is not None:
            if lines:
                out.append(Hunk(lines, frozenset(added)))
            lines, added, at = {}, set(), int(head[1])
        elif not at or row.startswith(("-", "\\")):  # before any hunk; the left side; a note
            continue
        elif row.startswith(("+", " ")):
            lines[at] = row[1:].removesuffix("\r")
            if row.startswith("+"):
                added.add(at)
            at += 1
    if lines:
        out.append(Hunk(lines, frozenset(added)))
    return out


def placed(edit: Edit, diff: list[Hunk]) -> bool:
    """Whether ``edit`` can be suggested on the pull request's lines: all in one hunk (GitHub
    takes a comment on several lines only so), as the head has them (the checkout may be the
    merge of the pull request, numbered otherwise), and at least one of them changed by it."""
    span = range(edit.start, edit.end + 1)
    for h in diff:
        if all(n in h.lines for n in span):
            same = tuple(h.lines[n] for n in span) == edit.old
            return same and any(n in h.added for n in span)
    return False


def _fence(text: str, info: str) -> str:
    """``text`` in a code fence no backtick run in it can close."""
    runs = [len(m) for m in re.findall(r"`+", text)]
    ticks = "`" * max(3, max(runs, default=0) + 1)
    return f"{ticks}{info}\n{text}\n{ticks}" if text else f"{ticks}{info}\n{ticks}"


def suggestion_body(edit: Edit, reason: str) -> str:
    """A review comment suggesting ``edit``: the marker, why, and the ``suggestion`` block."""
    from advisor.render.markdown import escape

    return (
        f"{SUGGESTION_MARKER}\n**aap-advise**: {escape(reason)}\n\n"
        f"{_fence(chr(10).join(edit.new), 'suggestion')}\n"
    )


def diff_body(diff: str, steps: Sequence[str] = (), marker: str = DIFF_MARKER) -> str:
    """The one comment holding what the suggested changes do not: the whole ``diff`` (when
    some edit could not be suggested; ``""`` when every one was) and the ``steps`` ``--fix``
    leaves to a command or to the user (a re-lock, a re-compile, setup.py), within
    :data:`MAX_COMMENT`."""
    from advisor.render.markdown import escape

    tail = ""
    if steps:
        tail = "\nThen, as `aap-advise --fix` says:\n\n" + "".join(
            f"- {escape(step)}\n" for step in steps
        )
    if not diff:
        return f"{marker}\n**aap-advise**: the suggested changes are not the whole fix.\n{tail}"
    head = (
        f"{marker}\n**aap-advise** would change lines this pull request does not touch, "
        "so they cannot be suggested on it. `aap-advise --fix` makes every edit:\n\n"
    )
    body = f"{head}{_fence(diff.rstrip(chr(10)), 'diff')}\n{tail}"
    if len(body) <= MAX_COMMENT:
        return body
    return (
        head + "The diff is too long for a comment; `aap-advise --fix --diff` shows it.\n" + tail
    )[:MAX_COMMENT]


@dataclass(frozen=True, slots=True)
class Wanted:
    """A suggested change to keep on the pull request."""

    edit: Edit
    body: str

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.edit.path, self.edit.start, self.edit.end)


def _key(c: ReviewComment) -> tuple[str, int, int] | None:
    if c.line is None:  # outdated: the lines it was on are gone
        return None
    return (c.path, c.start_line or c.line, c.line)


def sync_suggestions(
    api: GitHubComments,
    number: int,
    head: str,
    planned: list[tuple[Edit, str]],
    diff: str,
    owner: Identity,
    steps: Sequence[str] = (),
    scope: Collection[str] | None = None,
) -> list[str]:
    """Keep one suggested change per edit the pull request's diff holds, and, when some edit
    is not among them or ``--fix`` leaves steps besides (a re-lock command), one comment with
    the whole ``diff`` and the steps; the token's own earlier ones are updated, left alone,
    or deleted when no longer wanted, never duplicated.

    :param planned: each edit and the reason for it; ``[]`` when there is nothing to change.
    :param steps: the commands and by-hand changes ``--fix`` leaves besides its edits.
    :param scope: the files this step read (repository paths): its earlier suggestions on
        other files are another step's, left alone, and its diff comment is its own; ``None``
        for every file.
    :returns: what happened, one line each, for the log.
    :raises ApiError: when GitHub refuses, cannot be reached or answers what it does not.
    """
    files = {f.filename: hunks(f.patch) for f in api.pull_files(number)} if planned else {}
    here = [
        w
        for e, why in planned
        if placed(e, files.get(e.path, []))
        # A line too long for a comment (a hostile file's) is left to the diff, cut short.
        and len((w := Wanted(e, suggestion_body(e, why))).body) <= MAX_COMMENT
    ]
    done: list[str] = []
    if len(here) > MAX_SUGGESTIONS:
        done.append(f"{len(here) - MAX_SUGGESTIONS} more edits not suggested; run aap-advise --fix")
        here = here[:MAX_SUGGESTIONS]
    if here and len(here) < len(planned):
        done.append(
            f"{len(planned) - len(here)} of the {len(planned)} edits are on lines this pull "
            "request does not touch; not suggested"
        )
    ours = [
        c
        for c in api.review_comments(number)
        if owner.wrote(c)
        and c.body.lstrip().startswith(SUGGESTION_MARKER)
        and (scope is None or c.path in scope)
    ]
    by_key: dict[tuple[str, int, int], ReviewComment] = {}
    for mine in ours:
        if (k := _key(mine)) is not None:
            by_key.setdefault(k, mine)
    kept: set[int] = set()
    made = updated = 0
    for w in here:
        earlier = by_key.pop(w.key, None)
        if earlier is None:
            api.create_review_comment(
                number,
                w.body,
                commit_id=head,
                path=w.edit.path,
                line=w.edit.end,
                start_line=w.edit.start,
            )
            made += 1
            continue
        kept.add(earlier.id)
        if _normalise(earlier.body) != _normalise(w.body):
            api.update_review_comment(earlier.id, w.body)
            updated += 1
    gone = [c for c in ours if c.id not in kept]
    for stale in gone:
        api.delete_review_comment(stale.id)
    counts = [(made, "created"), (updated, "updated"), (len(gone), "deleted")]
    said = ", ".join(f"{what} {n}" for n, what in counts if n)
    done.append(
        f"suggested changes: {said}" if said else f"{len(here)} suggested changes up to date"
    )
    marker = _scoped(DIFF_MARKER, scope)
    whole = planned and len(here) < len(planned)
    fallback = diff_body(diff if whole else "", steps, marker) if whole or steps else None
    existing = find_own(api.comments(number), marker, owner)
    if fallback is not None and existing is None:
        api.create(number, fallback)
        done.append("created the suggested-diff comment")
    elif fallback is not None and existing is not None:
        if _normalise(existing.body) != _normalise(fallback):
            api.update(existing.id, fallback)
            done.append("updated the suggested-diff comment")
    elif existing is not None:
        api.delete(existing.id)
        done.append("deleted the suggested-diff comment")
    return done


def _repo_path(path: Path, env: Mapping[str, str]) -> str | None:
    """``path`` relative to its repository's root (the nearest folder above holding ``.git``,
    else the workspace), ``/``-separated; ``None`` outside it."""
    full = Path(os.path.abspath(path))
    root = next(
        (p for p in full.parents if (p / ".git").exists()),
        Path(os.path.abspath(env.get("GITHUB_WORKSPACE") or ".")),
    )
    try:
        return full.relative_to(root).as_posix()
    except ValueError:
        return None


def _scoped(marker: str, scope: Collection[str] | None) -> str:
    """``marker`` and, for a step reading ``scope``, a second line naming it (a digest of
    the files): two steps of one pull request keep a comment each."""
    if scope is None:
        return marker
    digest = hashlib.sha256("\n".join(sorted(scope)).encode()).hexdigest()[:16]
    return f"{marker}\n<!-- aap-advise-files {digest} -->"


def _planned(
    env: Mapping[str, str], run: Run
) -> tuple[list[tuple[Edit, str]], str, list[str]] | None:
    """Each edit ``--fix`` would make and why, the whole diff, and the steps it leaves besides
    (commands, changes by hand); ``None`` (said in the log) when the fix is refused or cannot
    be planned."""
    from advisor.pipeline import plan_fix_for
    from advisor.write import unified_diff

    try:
        plan = plan_fix_for(run)
    except AdvisorError as exc:
        command("warning", f"aap-advise: no suggested changes: {exc.render()}")
        return None
    if plan.refusals:
        first = plan.refusals[0]
        more = f" (and {len(plan.refusals) - 1} more)" if len(plan.refusals) > 1 else ""
        command(
            "notice",
            f"aap-advise: no suggested changes: --fix would refuse: {first.render()}{more}",
        )
        return None
    out: list[tuple[Edit, str]] = []
    for patch in plan.patches:
        path = _repo_path(patch.path, env)
        if path is not None:
            out += [(e, patch.reason) for e in edits(patch, path)]
    steps = [*(str(c) for c in plan.commands), *plan.by_hand]
    return out, unified_diff(plan.patches), steps


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
    try:
        with _api(env, repository, inputs.token) as api:
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


def _pull_request_head(env: Mapping[str, str]) -> str | None:
    """The pull request's head commit (``pull_request.head.sha``): where suggestions go. The
    checkout is often the merge commit (``GITHUB_SHA``), which no review comment can be on."""
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return None
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
        sha = event["pull_request"]["head"]["sha"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return sha if isinstance(sha, str) and _SHA.fullmatch(sha) else None


def _suggest(env: Mapping[str, str], inputs: Inputs, run: Run) -> None:
    """Keep the fix as suggested changes on the pull request (:func:`sync_suggestions`);
    problems are notices and warnings only, as for the report comment."""
    number = _pull_request_number(env)
    head = _pull_request_head(env)
    repository = env.get("GITHUB_REPOSITORY", "")
    if number is None or head is None or not repository:
        command(
            "warning",
            "aap-advise: no pull request number and head commit in the event payload; "
            "no suggested changes",
        )
        return
    if not inputs.token:
        command("notice", "aap-advise: no github-token given; no suggested changes")
        return
    # A fix that cannot be planned suggests nothing, and this step's earlier suggestions go:
    # they were for files as they were.
    changes, diff, steps = _planned(env, run) or ([], "", [])
    scope = {p for m in run.read if (p := _repo_path(Path(m.path), env)) is not None}
    try:
        with _api(env, repository, inputs.token) as api:
            owner = (
                Identity.named(inputs.comment_author) if inputs.comment_author else api.identity()
            )
            done = sync_suggestions(api, number, head, changes, diff, owner, steps, scope)
    except ApiError as exc:
        if exc.rate_limited:
            command(
                "warning",
                f"aap-advise: no suggested changes on pull request #{number}: {exc.message}",
            )
        elif exc.status in (403, 404):
            command(
                "notice",
                f"aap-advise: cannot suggest changes on pull request #{number} ({exc.message}); "
                "the token has no write access, as on pull requests from forks; "
                "`aap-advise --fix` makes the edits",
            )
        else:
            command(
                "warning",
                f"aap-advise: suggesting changes on pull request #{number} failed: {exc.message}",
            )
        return
    except Exception as exc:
        command(
            "warning",
            f"aap-advise: suggesting changes on pull request #{number} failed: internal error: "
            f"{type(exc).__name__}: {exc}",
        )
        return
    for line in done:
        sys.stdout.write(f"aap-advise: {printable(line)} on pull request #{number}\n")


def _api(env: Mapping[str, str], repository: str, token: str) -> GitHubComments:
    """The GitHub API client of a step: the runner's API addresses, the step's time limits."""
    return GitHubComments(
        env.get("GITHUB_API_URL") or "https://api.github.com",
        repository,
        token,
        deadline=API_DEADLINE,
        total=API_TOTAL,
        graphql=env.get("GITHUB_GRAPHQL_URL"),
    )


def _advise(inputs: Inputs) -> Run:
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
    return advise_run(list(inputs.paths), flags, settings)


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
        advised = _advise(inputs)
    except AdvisorError as exc:
        return _report_error(env, exc)
    report = advised.report

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
    if inputs.suggest and env.get("GITHUB_EVENT_NAME") in PR_EVENTS:
        _suggest(env, inputs, advised)
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
