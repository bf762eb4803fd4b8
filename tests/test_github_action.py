"""The GitHub Action's step, run as the runner runs it, against a stand-in GitHub API."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.frontends.github_action import (
    DIFF_MARKER,
    SUGGESTION_MARKER,
    Edit,
    Inputs,
    edits,
    find_own,
    hunks,
    placed,
    suggestion_body,
    sync_suggestions,
)
from advisor.frontends.github_api import (
    ACTIONS_BOT,
    Comment,
    GitHubComments,
    Identity,
    graphql_url,
)
from advisor.model.advice import Report
from advisor.render.markdown import MARKER, escape
from advisor.render.text import verdict
from tests._helpers import IAST, index_argv, project_json, run_python
from tests.githubapi import BOT, MAX_BODY, FakeGitHub, Raw, Request

ROOT = Path(__file__).resolve().parents[1]
DEMO = (ROOT / "fixtures" / "demo" / "requirements.txt").read_text(encoding="utf-8")
WRITE, READ_ONLY = "ghs_write_token", "ghs_read_only_token"
PERSONAL = "ghp_personal_token"  # a personal token: GET /user names octo-dev


def parse_outputs(text: str) -> dict[str, str]:
    """A ``$GITHUB_OUTPUT`` file parsed the way the runner parses it (``name=value`` or heredoc)."""
    out: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line:
            name, _, delimiter = line.partition("<<")
            value = []
            for inner in lines:
                if inner == delimiter:
                    break
                value.append(inner)
            out[name] = "\n".join(value)
        else:
            name, _, single = line.partition("=")
            out[name] = single
    return out


class Runner:
    """A job's workspace and the files the runner gives a step: event, summary, outputs, temp."""

    def __init__(self, tmp: Path) -> None:
        self.workspace = tmp / "workspace"
        self.temp = tmp / "runner-temp"
        for d in (self.workspace, self.temp):
            d.mkdir()
        self.summary = tmp / "step-summary.md"
        self.output = tmp / "github-output"
        self.event = tmp / "event.json"
        self.cache = tmp / "empty-cache"

    def env(self, api: FakeGitHub, event: str) -> dict[str, str]:
        """What the runner sets for every step; fresh summary and output files, as per step."""
        self.summary.write_text("", encoding="utf-8")
        self.output.write_text("", encoding="utf-8")
        payload = {
            "number": api.number,
            "pull_request": {"number": api.number, "head": {"sha": api.head_sha}},
        }
        self.event.write_text(json.dumps(payload), encoding="utf-8")
        return {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", str(self.temp)),
            "AAP_ADVISE_CACHE_DIR": str(self.cache),
            "GITHUB_EVENT_NAME": event,
            "GITHUB_EVENT_PATH": str(self.event),
            "GITHUB_REPOSITORY": api.repository,
            "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_API_URL": api.url,
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_OUTPUT": str(self.output),
            "RUNNER_TEMP": str(self.temp),
        }

    def step_env(
        self, api: FakeGitHub, token: str, *, event: str = "pull_request", **inputs: str
    ) -> dict[str, str]:
        """The environment of the action's advise step, with the inputs in ``INPUT_*``."""
        env = self.env(api, event) | {
            "PYTHONPATH": str(ROOT),
            "INPUT_PATHS": "requirements.txt",
            "INPUT_CAPABILITIES": "",
            "INPUT_PYTHON": "",
            "INPUT_PLATFORMS": "",
            "INPUT_COMMENT": "true",
            "INPUT_FAIL_ON": "upgrade",
            "INPUT_GITHUB_TOKEN": token,
        }
        env.update({f"INPUT_{k.upper()}": v for k, v in inputs.items()})
        return env

    def step(
        self,
        api: FakeGitHub,
        token: str,
        *,
        event: str = "pull_request",
        change: dict[str, str] | None = None,
        **inputs: str,
    ) -> subprocess.CompletedProcess[str]:
        """Run the glue as the action's advise step does; ``change`` overrides variables."""
        env = self.step_env(api, token, event=event, **inputs) | (change or {})
        return self.glue(env)

    def glue(self, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        """The glue in the workspace with exactly the variables ``env``."""
        return run_python(
            "-m", "advisor.frontends.github_action", cwd=self.workspace, env=env, timeout=120
        )

    def action(
        self, api: FakeGitHub, token: str, *, unset: tuple[str, ...] = (), **with_: str
    ) -> tuple[int, dict[str, str], str]:
        """Run action.yml's own steps as the runner would: ``${{ }}`` filled in, bash per step.

        ``unset`` names runner variables left out. Returns the last step's exit status, the
        action's outputs and the combined log.
        """
        yaml = pytest.importorskip("yaml")
        action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
        context = {"github.action_path": str(ROOT), "github.token": token}

        def fill(text: str) -> str:
            return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: context.get(m[1], ""), text)

        for name, spec in action["inputs"].items():
            context[f"inputs.{name}"] = fill(str(with_.get(name, spec.get("default", ""))))
        log, status = "", 0
        for step in action["runs"]["steps"]:
            assert step["shell"] == "bash" and "${{" not in step["run"]  # inputs only via env
            env = self.env(api, "pull_request") | {k: fill(v) for k, v in step["env"].items()}
            for name in unset:
                env.pop(name, None)
            proc = subprocess.run(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                cwd=self.workspace,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            log += proc.stdout + proc.stderr
            for key, value in parse_outputs(self.output.read_text(encoding="utf-8")).items():
                context[f"steps.{step['id']}.outputs.{key}"] = value
            status = proc.returncode
            if status:
                break
        return status, {k: fill(v["value"]) for k, v in action["outputs"].items()}, log

    def outputs(self) -> dict[str, str]:
        """The last step's outputs."""
        return parse_outputs(self.output.read_text(encoding="utf-8"))


@pytest.fixture
def runner(tmp_path: Path) -> Runner:
    r = Runner(tmp_path)
    (r.workspace / "requirements.txt").write_text(DEMO, encoding="utf-8")
    return r


def assert_token_hidden(proc: subprocess.CompletedProcess[str], token: str) -> None:
    """The token shows only in the ``::add-mask::`` command, which the runner swallows."""
    assert token not in proc.stderr
    leaks = [line for line in proc.stdout.splitlines() if token in line]
    assert leaks == [f"::add-mask::{token}"]


def test_first_run_creates_second_leaves_third_updates(runner: Runner) -> None:
    with FakeGitHub() as api:
        api.add_comment("LGTM")  # someone else's comment stays untouched
        first = runner.step(api, WRITE)
        assert first.returncode == 1, first.stdout + first.stderr  # fail-on: upgrade
        assert [r.method for r in api.writes()] == ["POST"]
        ours = [c for c in api.comments if MARKER in c["body"]]
        assert len(ours) == 1 and ours[0]["body"].startswith(MARKER)
        assert "upgrade ddtrace 2.3.0" in ours[0]["body"]
        assert "created the report comment" in first.stdout
        assert_token_hidden(first, WRITE)

        second = runner.step(api, WRITE)
        assert second.returncode == 1
        assert [r.method for r in api.writes()] == ["POST"]  # nothing new: no PATCH, no POST
        assert "up to date" in second.stdout

        (runner.workspace / "requirements.txt").write_text(
            "ddtrace==2.20.0\nflask==3.1.0\n", encoding="utf-8"
        )
        third = runner.step(api, WRITE)
        assert [r.method for r in api.writes()] == ["POST", "PATCH"]
        assert api.writes()[1].path == f"/repos/{api.repository}/issues/comments/{ours[0]['id']}"
        assert len([c for c in api.comments if MARKER in c["body"]]) == 1
        assert "ddtrace 2.20.0" in ours[0]["body"] and "updated the report comment" in third.stdout
        assert_token_hidden(third, WRITE)

        assert {r.headers["authorization"] for r in api.requests} == {f"Bearer {WRITE}"}
        assert api.comments[0]["body"] == "LGTM"


def test_summary_and_outputs(runner: Runner) -> None:
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE)
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith(MARKER) and "<details>" in summary
    out = runner.outputs()
    report = project_json(Path(out["report-json"]).read_text(encoding="utf-8"))
    assert Path(out["report-json"]).parent == runner.temp
    assert out["status"] == report["recommendation"]["status"] == "upgrade"
    assert out["current"] == "2.3.0"
    assert out["target"] == report["recommendation"]["ddtrace"] and out["target"]
    # One annotation on the ddtrace line, so the pull request's diff shows it.
    assert (
        "::warning file=requirements.txt,line=5,title=aap-advise::upgrade ddtrace 2.3.0 -> "
        in proc.stdout
    )


def test_read_only_token_is_a_notice(runner: Runner) -> None:
    with FakeGitHub() as api:
        proc = runner.step(api, READ_ONLY, fail_on="never")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert [r.method for r in api.writes()] == ["POST"]  # tried, and was refused
        assert api.comments == []
    notices = [line for line in proc.stdout.splitlines() if line.startswith("::notice::")]
    assert len(notices) == 1 and "403" in notices[0] and "job summary" in notices[0]
    assert "::warning::" not in proc.stdout
    assert runner.summary.read_text(encoding="utf-8").startswith(MARKER)
    assert runner.outputs()["status"] == "upgrade"
    assert_token_hidden(proc, READ_ONLY)


def test_finds_its_comment_past_the_first_page(runner: Runner) -> None:
    with FakeGitHub() as api:
        for i in range(130):
            api.add_comment(f"comment {i}")
        api.add_comment(f"> quoting the bot:\n> {MARKER}")  # the marker, but not a report
        runner.step(api, WRITE)
        first_id = next(c["id"] for c in api.comments if c["body"].startswith(MARKER))
        api.add_comment(f"{MARKER}\nfake report pasted by a human")
        (runner.workspace / "requirements.txt").write_text("ddtrace==2.20.0\n", encoding="utf-8")
        runner.step(api, WRITE)
        listings = [r for r in api.requests if r.method == "GET" and r.path == api.comments_path]
        assert sorted({int(r.query["page"][0]) for r in listings}) == [1, 2]
        assert all(r.query["per_page"] == ["100"] for r in listings)
        assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in api.writes()] == [
            ("POST", "comments"),
            ("PATCH", str(first_id)),
        ]


def test_not_a_pull_request_makes_no_api_call(runner: Runner) -> None:
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, event="push", fail_on="impossible")
        assert proc.returncode == 0
        assert api.requests == []
    assert runner.outputs()["status"] == "upgrade"


def test_comment_false_makes_no_api_call(runner: Runner) -> None:
    with FakeGitHub() as api:
        runner.step(api, WRITE, comment="false")
        assert api.requests == []


def test_api_failure_is_one_warning(runner: Runner) -> None:
    with FakeGitHub(tokens={}) as api:  # every token is rejected: 401
        proc = runner.step(api, WRITE, fail_on="never")
    assert proc.returncode == 0
    warnings = [line for line in proc.stdout.splitlines() if line.startswith("::warning::")]
    assert len(warnings) == 1 and "HTTP 401 Bad credentials" in warnings[0]


def test_bad_input_is_an_error_annotation(runner: Runner) -> None:
    (runner.workspace / "requirements.txt").write_text(
        "flask==3.1.0\nddtrace=>2\n", encoding="utf-8"
    )
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE)
        assert api.requests == []
    assert proc.returncode == 2
    assert re.search(
        r"^::error file=requirements\.txt,line=2,title=aap-advise::invalid requirement",
        proc.stdout,
        re.MULTILINE,
    ), proc.stdout
    assert "Traceback" not in proc.stderr
    assert runner.outputs()["status"] == "error"
    assert "could not advise" in runner.summary.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "value"),
    [("fail_on", "sometimes"), ("comment", "yes"), ("comment_author", "octo dev")],
)
def test_bad_action_input_exits_2(runner: Runner, name: str, value: str) -> None:
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, **{name: value})  # type: ignore[arg-type]  # input names, not step()'s own keywords
    assert proc.returncode == 2
    assert proc.stdout.splitlines()[-1].startswith("::error title=aap-advise::")


@pytest.mark.slow
def test_action_yml_steps(runner: Runner) -> None:
    """action.yml itself: install from the action's folder, advise, map the outputs.

    pip installs this repository into a virtual environment under RUNNER_TEMP (from the
    package index, like a runner), once; later runs reuse it.
    """
    with FakeGitHub() as api:
        status, outputs, log = runner.action(api, WRITE, paths="requirements.txt")
        assert status == 1, log
        assert outputs["status"] == "upgrade" and outputs["current"] == "2.3.0"
        report = project_json(Path(outputs["report-json"]).read_text(encoding="utf-8"))
        assert outputs["target"] == report["recommendation"]["ddtrace"]
        assert [r.method for r in api.writes()] == ["POST"]
        assert runner.summary.read_text(encoding="utf-8").startswith(MARKER)

        def again(pin: str, token: str, fail_on: str) -> tuple[int, dict[str, str], str]:
            """The action once more, on a requirements.txt that pins ddtrace ``pin``."""
            req = runner.workspace / "requirements.txt"
            req.write_text(f"ddtrace=={pin}\n", encoding="utf-8")
            # unset given: the "fail-on" input then cannot be taken for that keyword
            return runner.action(
                api, token, unset=(), paths="requirements.txt", **{"fail-on": fail_on}
            )

        status, outputs, log = again("2.20.0", WRITE, "impossible")
        assert status == 0, log
        assert [r.method for r in api.writes()] == ["POST", "PATCH"]
        assert len(api.comments) == 1

        # A fork's read-only token: reading works, the update is refused, the step goes on.
        status, outputs, log = again("2.11.0", READ_ONLY, "never")
        assert status == 0, log
        assert "::notice::" in log and len(api.comments) == 1
        assert [r.method for r in api.writes()] == ["POST", "PATCH", "PATCH"]
        assert "2.20.0" in api.comments[0]["body"]
        assert WRITE not in log.replace(f"::add-mask::{WRITE}", "")

        # No RUNNER_TEMP: installed and advised all the same, with one warning.
        status, outputs, log = runner.action(
            api, WRITE, unset=("RUNNER_TEMP",), paths="requirements.txt", **{"fail-on": "never"}
        )
        assert status == 0, log
        warnings = [
            line
            for line in log.splitlines()
            if line.startswith("::warning") and not line.startswith("::warning file=")
        ]
        assert len(warnings) == 1 and "RUNNER_TEMP" in warnings[0], log
        assert Path(outputs["report-json"]).is_file() and "Traceback" not in log


def test_inputs_split_lists() -> None:
    inputs = Inputs.from_env(
        {
            "INPUT_PATHS": "a.txt\n b.txt",
            "INPUT_CAPABILITIES": "api-security, rasp iast",
            "INPUT_PLATFORMS": "linux-x86_64,macos-arm64",
            "INPUT_PYTHON": " >=3.9 ",
        }
    )
    assert inputs.paths == ("a.txt", "b.txt")
    assert inputs.capabilities == ("api-security", "rasp", "iast")
    assert inputs.platforms == ("linux-x86_64", "macos-arm64")
    assert inputs.python == ">=3.9" and inputs.comment and inputs.fail_on == "upgrade"
    assert Inputs.from_env({}).paths == (".",)


def test_find_own_takes_only_the_token_accounts_comment() -> None:
    def comment(cid: int, body: str, login: str, kind: str) -> Comment:
        return Comment(cid, body, login, kind)

    human = comment(1, f"{MARKER} pasted", "mallory", "User")
    other_bot = comment(2, f"{MARKER}\nplanted", "dependabot[bot]", "Bot")
    quoted = comment(3, f"> {MARKER}", "github-actions[bot]", "Bot")
    ours = comment(4, f"\n{MARKER}\nreport", "github-actions[bot]", "Bot")
    later = comment(5, f"{MARKER}\nreport", "github-actions[bot]", "Bot")
    assert find_own([human, other_bot, quoted, ours, later], MARKER, ACTIONS_BOT) == ours
    assert find_own([human, other_bot, quoted], MARKER, ACTIONS_BOT) is None
    # A personal token's user, and not a bot that happens to carry the same name.
    pat = Identity("Octo-Dev", "User")
    mine = comment(6, MARKER, "octo-dev", "User")
    assert find_own([ours, comment(7, MARKER, "octo-dev", "Bot"), mine], MARKER, pat) == mine
    assert find_own([comment(8, MARKER, "", "")], MARKER, ACTIONS_BOT) is None  # a ghost


# The Action never breaks the job or other people's comments -----------------------------------


def one_warning(proc: subprocess.CompletedProcess[str]) -> str:
    """The step went on (``fail-on: never``) with exactly one warning and no traceback."""
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    # "::warning file=...": the upgrade annotation on the ddtrace line, not a problem.
    warnings = [line for line in proc.stdout.splitlines() if line.startswith("::warning::")]
    assert len(warnings) == 1, proc.stdout
    return warnings[0]


def _html(req: Request) -> Raw:
    return Raw(
        200, b"<!DOCTYPE html><html><body>Unicorn!</body></html>", (("Content-Type", "text/html"),)
    )


def _moved(req: Request) -> Raw:
    return Raw.json(
        301,
        {"message": "Moved Permanently", "url": "https://api.github.com/repositories/1/issues"},
        ("Location", "https://api.github.com/repositories/1/issues/7/comments"),
    )


UNDOCUMENTED: dict[str, Callable[[Request], Raw]] = {
    "html-with-200": _html,
    "301": _moved,
    "object-for-list": lambda req: Raw.json(200, {"id": 1, "body": MARKER}),
    "list-of-strings": lambda req: Raw.json(200, [MARKER, "x"]),
    "comment-without-id": lambda req: Raw.json(200, [{"body": MARKER, "user": BOT}]),
}


@pytest.mark.parametrize("answer", sorted(UNDOCUMENTED))
def test_undocumented_api_answer_is_one_warning(runner: Runner, answer: str) -> None:
    def override(req: Request) -> Raw | None:
        if req.path.endswith("/comments") and req.method == "GET":
            return UNDOCUMENTED[answer](req)
        return None

    with FakeGitHub(override=override) as api:
        proc = runner.step(api, WRITE, fail_on="never")
        assert api.writes() == []
    warning = one_warning(proc)
    assert "commenting on pull request #7 failed" in warning
    assert runner.outputs()["status"] == "upgrade"
    assert runner.summary.read_text(encoding="utf-8").startswith(MARKER)


@pytest.mark.parametrize("variable", ["RUNNER_TEMP", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"])
def test_runner_files_that_cannot_be_written_are_one_warning(
    runner: Runner, tmp_path: Path, variable: str
) -> None:
    # A folder that is not there, or a folder where a file is due: not writable, even as root.
    broken = {"RUNNER_TEMP": str(tmp_path / "gone")}.get(variable, str(runner.temp))
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, fail_on="never", change={variable: broken})
        assert [r.method for r in api.writes()] == ["POST"]  # the comment is still kept
    warning = one_warning(proc)
    assert variable in warning
    if variable == "RUNNER_TEMP":  # the report goes to a private temporary folder instead
        report = Path(runner.outputs()["report-json"])
        assert project_json(report.read_text(encoding="utf-8"))["recommendation"]["status"]
        assert str(report) in warning and str(tmp_path) not in str(report)


def test_missing_runner_temp_is_a_private_folder(runner: Runner) -> None:
    with FakeGitHub() as api:
        env = runner.step_env(api, WRITE, fail_on="never")
        del env["RUNNER_TEMP"]
        proc = runner.glue(env)
    warning = one_warning(proc)
    report = Path(runner.outputs()["report-json"])
    assert "RUNNER_TEMP" in warning and str(report) in warning
    # Not a name every user of a shared /tmp can guess (and plant a link at) beforehand.
    assert report.parent != Path(tempfile.gettempdir())
    assert project_json(report.read_text(encoding="utf-8"))["recommendation"]["status"] == "upgrade"


RATE_LIMITS = {
    "primary": Raw.json(
        403,
        {"message": "API rate limit exceeded for installation ID 1.", "documentation_url": "x"},
        ("X-RateLimit-Limit", "5000"),
        ("X-RateLimit-Remaining", "0"),
        ("X-RateLimit-Reset", "1893456000"),  # 2030-01-01T00:00:00Z
    ),
    "secondary": Raw.json(
        403, {"message": "You have exceeded a secondary rate limit. Please wait a few minutes."}
    ),
    "429": Raw.json(429, {"message": "Too Many Requests"}, ("Retry-After", "60")),
}


@pytest.mark.parametrize("kind", sorted(RATE_LIMITS))
def test_rate_limit_is_named_not_taken_for_a_fork(runner: Runner, kind: str) -> None:
    with FakeGitHub(override=lambda req: RATE_LIMITS[kind]) as api:
        proc = runner.step(api, WRITE, fail_on="never")
    warning = one_warning(proc)
    assert "rate limit" in warning
    assert "fork" not in proc.stdout and "::notice" not in proc.stdout
    if kind == "primary":
        assert "2030-01-01T00:00:00Z" in warning
    if kind == "429":
        assert "60 s" in warning


def test_trickling_api_cannot_hold_the_job(
    runner: Runner, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A server sending a byte every 50 ms never trips a read timeout; a deadline ends the call.

    The step runs in a thread here so the test can give up on it: a hang fails the test rather
    than holding it, and nothing is timed.
    """
    from advisor.frontends import github_action

    monkeypatch.setattr(github_action, "API_DEADLINE", 1.0, raising=False)
    monkeypatch.setenv("AAP_ADVISE_CACHE_DIR", str(runner.cache))
    monkeypatch.chdir(runner.workspace)
    endless = Raw(200, b"[" + b" " * 1_000_000 + b"]", trickle=0.05)

    def override(req: Request) -> Raw | None:
        return endless if req.method == "GET" and req.path.endswith("/comments") else None

    with FakeGitHub(override=override) as api:
        env = runner.step_env(api, WRITE, fail_on="never")
        done: list[int] = []
        step = threading.Thread(target=lambda: done.append(github_action.run(env)), daemon=True)
        step.start()
        step.join(timeout=60)
        assert not step.is_alive(), "the step is still waiting for the API"
    assert done == [0]
    out = capsys.readouterr().out
    warnings = [line for line in out.splitlines() if line.startswith("::warning::")]
    assert len(warnings) == 1 and "commenting on pull request #7 failed" in warnings[0], out


# Whose comment is updated


def test_planted_marker_in_a_human_comment_is_ignored(runner: Runner) -> None:
    with FakeGitHub() as api:
        planted = api.add_comment(
            f"{MARKER}\nplanted by a human", {"login": "mallory", "type": "User"}
        )
        runner.step(api, WRITE, fail_on="never")
        assert [r.method for r in api.writes()] == ["POST"]
        assert planted["body"] == f"{MARKER}\nplanted by a human"
        assert api.comments[-1]["user"] == BOT and api.comments[-1]["body"].startswith(MARKER)


@pytest.mark.parametrize("login", ["dependabot[bot]", "renovate[bot]"])
def test_planted_marker_in_another_bot_comment_is_ignored(runner: Runner, login: str) -> None:
    with FakeGitHub() as api:
        planted = api.add_comment(f"{MARKER}\nplanted", {"login": login, "type": "Bot"})
        runner.step(api, WRITE, fail_on="never")
        runner.step(api, WRITE, fail_on="never")  # the second run finds its own, not the plant
        assert [r.method for r in api.writes()] == ["POST"]
        assert planted["body"] == f"{MARKER}\nplanted"
        assert [c["user"]["login"] for c in api.comments] == [login, "github-actions[bot]"]


def test_personal_token_updates_its_own_user_comment_only(runner: Runner) -> None:
    """A personal token writes as its user: that user's comment is the report, not the bot's."""
    with FakeGitHub() as api:
        bots = api.add_comment(f"{MARKER}\nan older report by the workflow token", BOT)
        runner.step(api, PERSONAL, fail_on="never")
        assert [r.method for r in api.writes()] == ["POST"]
        mine = api.comments[-1]
        assert mine["user"]["login"] == "octo-dev"
        (runner.workspace / "requirements.txt").write_text("ddtrace==2.20.0\n", encoding="utf-8")
        runner.step(api, PERSONAL, fail_on="never")
        assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in api.writes()] == [
            ("POST", "comments"),
            ("PATCH", str(mine["id"])),
        ]
        assert bots["body"] == f"{MARKER}\nan older report by the workflow token"
        assert any(r.path == "/user" for r in api.requests)


APP_TOKEN, APP = "ghs_app_installation_token", {"login": "my-app[bot]", "type": "Bot"}


def app_api(**kwargs: object) -> FakeGitHub:
    """The stand-in with a GitHub App's installation token, which writes as ``my-app[bot]``."""
    tokens = {WRITE: "write", READ_ONLY: "read", PERSONAL: "write", APP_TOKEN: "write"}
    return FakeGitHub(tokens=tokens, apps={APP_TOKEN: APP}, **kwargs)  # type: ignore[arg-type]


def test_app_installation_token_updates_its_own_comment_only(runner: Runner) -> None:
    """A GitHub App's installation token is refused ``GET /user`` as ``GITHUB_TOKEN`` is, but
    writes as its app's bot: it was taken for ``github-actions[bot]``, so each run added a
    comment (and updated the workflow token's report). GraphQL's viewer names the bot."""
    with app_api() as api:
        others = [
            api.add_comment(f"{MARKER}\nthe workflow token's report", BOT),
            api.add_comment(f"{MARKER}\nplanted", {"login": "renovate[bot]", "type": "Bot"}),
            api.add_comment(f"{MARKER}\nplanted", {"login": "dependabot[bot]", "type": "Bot"}),
            api.add_comment(f"{MARKER}\nplanted", {"login": "mallory", "type": "User"}),
        ]
        before = [dict(c) for c in others]
        first = runner.step(api, APP_TOKEN, fail_on="never")
        second = runner.step(api, APP_TOKEN, fail_on="never")
        (runner.workspace / "requirements.txt").write_text("ddtrace==2.20.0\n", encoding="utf-8")
        third = runner.step(api, APP_TOKEN, fail_on="never")
        mine = api.comments[-1]
        assert mine["user"] == APP and len(api.comments) == len(others) + 1
        assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in api.writes()] == [
            ("POST", "comments"),
            ("PATCH", str(mine["id"])),
        ]
        assert others == before and "2.20.0" in mine["body"]
        assert any(r.path == "/graphql" for r in api.requests)
    assert "created" in first.stdout and "up to date" in second.stdout
    assert "updated" in third.stdout
    for proc in (first, second, third):
        assert "::notice" not in proc.stdout and "::warning::" not in proc.stdout
        assert_token_hidden(proc, APP_TOKEN)


def _no_graphql(req: Request) -> Raw | None:
    return Raw.json(404, {"message": "Not Found"}) if req.path == "/graphql" else None


def test_comment_author_input_names_the_account(runner: Runner) -> None:
    """Where GraphQL cannot name the app's bot, the token is taken for ``GITHUB_TOKEN`` and
    each run adds a comment: the one it creates shows who wrote it, and a notice names the
    login to give as ``comment-author``; with it, the run finds that comment without asking
    GitHub who the token is."""
    with app_api(override=_no_graphql) as api:
        for _ in range(2):
            guessed = runner.step(api, APP_TOKEN, fail_on="never")
            notices = [line for line in guessed.stdout.splitlines() if line.startswith("::notice")]
            assert len(notices) == 1, guessed.stdout
            assert "my-app[bot]" in notices[0] and "comment-author" in notices[0]
            assert "::warning::" not in guessed.stdout
        first, second = api.comments
        assert first["user"] == second["user"] == APP
        asked = len(api.requests)
        (runner.workspace / "requirements.txt").write_text("ddtrace==2.20.0\n", encoding="utf-8")
        named = runner.step(api, APP_TOKEN, fail_on="never", comment_author="@My-App[bot]")
        assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in api.writes()] == [
            ("POST", "comments"),
            ("POST", "comments"),
            ("PATCH", str(first["id"])),
        ]
        assert not [r for r in api.requests[asked:] if r.path in ("/user", "/graphql")]
    assert "updated the report comment" in named.stdout and "::notice" not in named.stdout


def test_comment_author_is_never_another_account(runner: Runner) -> None:
    """The input names whose comment is the report: a marker in anyone else's is ignored."""
    with FakeGitHub() as api:
        api.add_comment(f"{MARKER}\nplanted", {"login": "my-app[bot]", "type": "Bot"})
        api.add_comment(f"{MARKER}\nplanted", {"login": "octo-dev", "type": "User"})
        proc = runner.step(api, PERSONAL, fail_on="never", comment_author="octo-dev")
        assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in api.writes()] == [
            ("PATCH", str(api.comments[1]["id"]))
        ]
        assert api.comments[0]["body"] == f"{MARKER}\nplanted"
    assert "updated the report comment" in proc.stdout


def test_graphql_rate_limit_is_named(runner: Runner) -> None:
    def limited(req: Request) -> Raw | None:
        if req.path != "/graphql":
            return None
        return Raw.json(200, {"errors": [{"type": "RATE_LIMITED", "message": "API rate limit"}]})

    with app_api(override=limited) as api:
        proc = runner.step(api, APP_TOKEN, fail_on="never")
        assert api.writes() == []
    assert "rate limit" in one_warning(proc)


@pytest.mark.parametrize(
    ("api_url", "given", "expected"),
    [
        ("https://api.github.com", None, "https://api.github.com/graphql"),
        (
            "https://api.github.com/",
            "https://api.github.com/graphql",
            "https://api.github.com/graphql",
        ),
        ("https://ghe.example.com/api/v3", None, "https://ghe.example.com/api/graphql"),
        (
            "https://ghe.example.com/api/v3",
            "https://ghe.example.com/api/graphql",
            "https://ghe.example.com/api/graphql",
        ),
        # The token is sent to no other server than the REST calls' own.
        (
            "https://api.github.com",
            "https://collector.example/graphql",
            "https://api.github.com/graphql",
        ),
        (
            "https://api.github.com",
            "http://api.github.com/graphql",
            "https://api.github.com/graphql",
        ),
    ],
)
def test_graphql_url_is_beside_the_rest_api(api_url: str, given: str | None, expected: str) -> None:
    assert graphql_url(api_url, given) == expected


def test_every_action_input_reaches_the_step() -> None:
    """Each input is passed to the step in its own variable, through ``env:`` only."""
    yaml = pytest.importorskip("yaml")
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (step,) = action["runs"]["steps"]
    passed = {v.strip(): k for k, v in step["env"].items()}
    for name in action["inputs"]:
        variable = passed.get(f"${{{{ inputs.{name} }}}}")
        expected = {"version": "AAP_ADVISE_VERSION"}.get(name, f"INPUT_{name.upper()}")
        assert variable == expected.replace("-", "_"), name


# Size, references and control characters


def test_enormous_specifier_still_fits_a_comment(runner: Runner) -> None:
    """A 58 KB specifier made a 176,197-character body: GitHub refused it, no comment at all."""
    excluded = ",".join(f"!=1.{i}.{j}" for i in range(100) for j in range(100))[:58_000]
    (runner.workspace / "requirements.txt").write_text(
        f"flask==3.1.0\nddtrace>=1.0,{excluded.rsplit(',', 1)[0]}\n", encoding="utf-8"
    )
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, fail_on="never")
        assert proc.returncode == 0 and "::warning::" not in proc.stdout, proc.stdout
        assert [r.method for r in api.writes()] == ["POST"] and len(api.comments) == 1
        body = api.comments[0]["body"]
    summary = runner.summary.read_text(encoding="utf-8")
    for text in (body, summary):
        assert len(text) <= MAX_BODY and text.startswith(MARKER)
        assert "**aap-advise**: raise ddtrace" in text and "**Change set**" in text
        assert re.search(
            r"^\| ddtrace \| &gt;=1\.0,!=1\.0\.0,.* \.\.\. .*\| requirements", text, re.MULTILINE
        )


CONTROL_NAMES = ["evil\x1b]0;owned\x07\x1b[2J", "rtl\u202etxt.exe", "c1\x9b31m"]


@pytest.mark.parametrize("name", CONTROL_NAMES)
def test_control_characters_in_folder_names_never_reach_the_log_raw(
    runner: Runner, name: str
) -> None:
    folder = runner.workspace / name
    folder.mkdir()
    (folder / "requirements.txt").write_text(DEMO, encoding="utf-8")
    (runner.workspace / "bad").mkdir()
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, paths=f"{name}/requirements.txt", fail_on="never")
        body = api.comments[0]["body"]
        (folder / "requirements.txt").write_text("flask==3.1.0\nddtrace=>2\n", "utf-8")
        error = runner.step(api, WRITE, paths=f"{name}/requirements.txt")
    assert error.returncode == 2
    shown = repr(name)[1:-1]
    for text in (
        proc.stdout,
        proc.stderr,
        body,
        error.stdout,
        error.stderr,
        runner.summary.read_text(encoding="utf-8"),
    ):
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)
    # Shown, escaped, where the name belongs: the annotation, the report, the error.
    assert f"::warning file={shown}/requirements.txt," in proc.stdout
    # "\\x1b" in the Markdown source: a backslash, escaped, then the code, shown as "\x1b".
    assert escape(name) in body and re.search(r"\\\\[xu][0-9a-f]{2}", escape(name))
    assert f"::error file={shown}/requirements.txt,line=2," in error.stdout


def test_ordinary_names_are_shown_as_they_are(runner: Runner) -> None:
    folder = runner.workspace / "café—app"
    folder.mkdir()
    (folder / "requirements.txt").write_text(DEMO, encoding="utf-8")
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, paths="café—app/requirements.txt", fail_on="never")
        body = api.comments[0]["body"]
    assert "::warning file=café—app/requirements.txt,line=5," in proc.stdout
    assert "café—app/requirements.txt" in body


# The pull request's files are data, never code


@pytest.mark.slow
def test_action_never_imports_code_from_the_workspace(runner: Runner, tmp_path: Path) -> None:
    """action.yml's steps run with the checked-out pull request as the working directory, and
    ``python -m`` puts the working directory first on ``sys.path``: a pull request holding an
    ``advisor/`` package, a ``venv/`` or a ``pip/`` ran its code with the token in the step's
    environment. Every Python the action runs is isolated (``-I``): none of them is imported.
    """
    marker = tmp_path / "imported-from-the-workspace"
    plant = f"with open({str(marker)!r}, 'a') as f: f.write(__name__ + ' ')\n"
    for name in (
        "advisor/__init__.py",
        "advisor/frontends/__init__.py",
        "advisor/frontends/github_action.py",
        "venv/__init__.py",
        "venv/__main__.py",
        "ensurepip/__init__.py",
        "ensurepip/__main__.py",
        "pip/__init__.py",
        "pip/__main__.py",
        "sitecustomize.py",
        "usercustomize.py",
        "httpx/__init__.py",
        "packaging/__init__.py",
    ):
        (runner.workspace / name).parent.mkdir(parents=True, exist_ok=True)
        (runner.workspace / name).write_text(plant, encoding="utf-8")
    with FakeGitHub() as api:
        status, outputs, log = runner.action(
            api,
            WRITE,
            paths="requirements.txt",
            **{"fail-on": "never"},  # type: ignore[arg-type]  # input names, not step()'s own keywords
        )
        assert not marker.exists(), f"imported from the workspace: {marker.read_text()}"
        assert status == 0, log
        assert outputs["status"] == "upgrade" and outputs["current"] == "2.3.0"
        assert [r.method for r in api.writes()] == ["POST"]


def test_action_answers_from_the_shipped_snapshot_not_a_warm_cache(
    runner: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Action reads no cache: on a self-hosted runner, one warmed by an earlier online run
    (here against a local index of recorded data) changed the advice although the Action is
    offline and promises the shipped snapshot only."""
    from advisor.frontends.cli import main
    from tests.indexserver import LocalIndex

    (runner.workspace / "requirements.txt").write_text(
        "ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n", encoding="utf-8"
    )
    inputs = {"capabilities": "iast", "python": "3.12", "fail_on": "never", "comment": "false"}
    with FakeGitHub() as api:
        cold = runner.step(api, WRITE, **inputs)  # type: ignore[arg-type]  # input names, not step()'s own keywords
        cold_report = project_json(Path(runner.outputs()["report-json"]).read_text("utf-8"))
        with LocalIndex(root=ROOT / "tests" / "data" / "resolver-index") as index:
            url = index.url
            assert (
                main(
                    index_argv(
                        runner.workspace / "requirements.txt",
                        url,
                        runner.cache,
                        *IAST,
                        "--format",
                        "json",
                        "--timeout",
                        "2",
                    )
                )
                == 1
            )
            assert project_json(capsys.readouterr().out)["recommendation"]["resolved"] is True
        assert any(runner.cache.rglob("*.json"))  # warm: a cached page for each package
        warm = runner.step(api, WRITE, change={"PIP_INDEX_URL": url}, **inputs)
        warm_report = project_json(Path(runner.outputs()["report-json"]).read_text("utf-8"))
    assert cold.returncode == warm.returncode == 0, cold.stdout + warm.stdout
    assert cold_report["recommendation"]["resolved"] is False
    assert warm_report["recommendation"] == cold_report["recommendation"]


# The project's configuration


def test_the_checkouts_configuration_is_read(runner: Runner) -> None:
    """The Action reads files as untrusted, but the configuration is data: it applies, and an
    input given replaces its key."""
    (runner.workspace / "aap-advise.toml").write_text(
        'capabilities = ["iast"]\nplatforms = ["linux-aarch64"]\n'
        'ignore = [{ id = "env-switch", reason = "set by the platform" }]\n',
        encoding="utf-8",
    )
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, comment="false")
        assert proc.returncode == 1, proc.stdout + proc.stderr
        report = project_json(Path(runner.outputs()["report-json"]).read_text(encoding="utf-8"))
        assert report["requested"] == ["iast"] and report["platforms"] == ["linux-aarch64"]
        assert [(i["id"], i["count"]) for i in report["ignored"]] == [("env-switch", 1)]
        assert "env-switch" not in [f["id"] for f in report["findings"]]
        assert "1 finding ignored by aap-advise.toml" in runner.summary.read_text(encoding="utf-8")

        runner.step(api, WRITE, comment="false", capabilities="api-security")
        report = project_json(Path(runner.outputs()["report-json"]).read_text(encoding="utf-8"))
        assert report["requested"] == ["api-security"] and report["platforms"] == ["linux-aarch64"]


def test_a_bad_configuration_is_an_error_annotation(runner: Runner) -> None:
    (runner.workspace / "aap-advise.toml").write_text("capabilitys = []\n", encoding="utf-8")
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, comment="false")
    assert proc.returncode == 2
    assert "::error file=aap-advise.toml,title=aap-advise::capabilitys: unknown key" in proc.stdout
    assert runner.outputs()["status"] == "error"


# A run of several projects (a monorepo): one comment, a warning per project to act on


def _several(monkeypatch: pytest.MonkeyPatch, cache: Path, *roots: str) -> Report:
    """A report of the fixture projects ``roots`` (``-`` : the one without ddtrace), planned in
    process, which the step's ``_advise`` is made to return (as a run with nothing to fix)."""
    from advisor.frontends import github_action
    from advisor.pipeline import Run
    from tests.test_render_projects import PLANNED, planned, report_of, without_ddtrace

    monkeypatch.chdir(ROOT)
    projects = [
        without_ddtrace() if root == "-" else planned(root, cache, **PLANNED[root])
        for root in roots
    ]
    report = report_of(*projects)
    monkeypatch.setattr(github_action, "_advise", lambda inputs: Run(report, ()))
    return report


def _warnings(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("::warning")]


@pytest.mark.parametrize(("fail_on", "code"), [("upgrade", 1), ("impossible", 1), ("never", 0)])
def test_several_projects_one_comment_a_warning_each(
    runner: Runner,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fail_on: str,
    code: int,
) -> None:
    from advisor.frontends import github_action
    from advisor.render import json_report, markdown

    report = _several(
        monkeypatch,
        runner.cache,
        "fixtures/demo",
        "fixtures/config/own-file",
        "fixtures/formats/pipfile-and-lock",
        "-",
    )
    assert [p.status for p in report.projects] == ["upgrade", "ok", "impossible", "no-ddtrace"]
    with FakeGitHub() as api:
        api.add_comment("LGTM")
        env = runner.step_env(api, WRITE, fail_on=fail_on)
        assert github_action.run(env) == code
        assert [r.method for r in api.writes()] == ["POST"]
        ours = [c for c in api.comments if MARKER in c["body"]]
        assert len(ours) == 1 and ours[0]["body"] == markdown.render(report)
        assert ours[0]["body"].count(MARKER) == 1
        # A second step with the same report leaves the one comment alone.
        assert github_action.run(runner.step_env(api, WRITE, fail_on=fail_on)) == code
        assert [r.method for r in api.writes()] == ["POST"]
    out = capsys.readouterr().out
    assert runner.summary.read_text(encoding="utf-8") == markdown.render(report)
    outputs = runner.outputs()
    # Two projects advised: current and target would name one of them, so they are empty.
    assert (outputs["status"], outputs["current"], outputs["target"]) == ("impossible", "", "")
    assert Path(outputs["report-json"]).read_text(encoding="utf-8") == json_report.render(report)
    # One annotation per project to act on, on its ddtrace declaration, naming the project.
    expected = []
    for p in report.projects:
        if p.status in ("upgrade", "impossible"):
            assert p.advice is not None and p.advice.ddtrace and p.advice.ddtrace.source
            where = p.advice.ddtrace.source
            expected.append(
                f"::warning file={where.file},line={where.line},title=aap-advise::"
                f"{p.root}: {verdict(p.advice)}"
            )
    assert _warnings(out)[:2] == expected and len(_warnings(out)) == 4  # two steps
    lines = [line for line in out.splitlines() if line.startswith("aap-advise: fixtures")]
    assert lines[:4] == [
        "aap-advise: fixtures/demo: upgrade ddtrace 2.3.0 -> 4.6.0",
        "aap-advise: fixtures/config/own-file: ok: ddtrace 2.3.0 already gives every "
        "requested capability",
        f"aap-advise: fixtures/formats/pipfile-and-lock: {verdict(report.projects[2].advice)}",  # type: ignore[arg-type]
        "aap-advise: fixtures/formats/pep621-dynamic-unknown: does not use ddtrace; nothing "
        "to advise",
    ]


@pytest.mark.parametrize(
    ("root", "status", "current", "target", "code"),
    [
        ("fixtures/demo", "upgrade", "2.3.0", "4.6.0", 1),
        # no-ddtrace never fails the step: the run is ok.
        ("fixtures/config/own-file", "ok", "2.3.0", "2.3.0", 0),
    ],
)
def test_one_advised_project_beside_one_without_ddtrace(
    runner: Runner,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    root: str,
    status: str,
    current: str,
    target: str,
    code: int,
) -> None:
    from advisor.frontends import github_action

    _several(monkeypatch, runner.cache, root, "-")
    with FakeGitHub() as api:
        assert github_action.run(runner.step_env(api, WRITE)) == code
        assert len([c for c in api.comments if MARKER in c["body"]]) == 1
    outputs = runner.outputs()
    assert (outputs["status"], outputs["current"], outputs["target"]) == (status, current, target)
    warnings = _warnings(capsys.readouterr().out)
    assert len(warnings) == (status != "ok") and all(f"::{root}: " in w for w in warnings)


def test_fail_on_never_fails_on_a_project_without_ddtrace() -> None:
    from advisor.frontends.github_action import FAIL_ON

    assert all(
        "no-ddtrace" not in statuses and "ok" not in statuses for statuses in FAIL_ON.values()
    )


# Suggested changes (suggest: true)

SUGGEST_PR = "requirements.txt"
DEMO_LINES = DEMO.splitlines()
DDTRACE_LINE = DEMO_LINES.index("ddtrace==2.3.0") + 1


def adds_ddtrace() -> str:
    """The pull request's diff of requirements.txt: it adds the ddtrace pin (the last line)."""
    rows = [f" {line}" for line in DEMO_LINES[: DDTRACE_LINE - 1]] + [f"+{DEMO_LINES[-1]}"]
    return f"@@ -1,{DDTRACE_LINE - 1} +1,{DDTRACE_LINE} @@\n" + "\n".join(rows)


def bumps_flask() -> str:
    """A diff that changes the flask pin only: the ddtrace line is not in it."""
    rows = [f" {DEMO_LINES[0]}", "-flask==3.0.0", f"+{DEMO_LINES[1]}", f" {DEMO_LINES[2]}"]
    return "@@ -1,3 +1,3 @@\n" + "\n".join(rows)


def suggestions(api: FakeGitHub) -> list[dict[str, object]]:
    return [c for c in api.review_comments if str(c["body"]).startswith(SUGGESTION_MARKER)]


def review_writes(api: FakeGitHub) -> list[str]:
    """The methods of the review-comment writes."""
    return [r.method for r in api.writes() if "/pulls/" in r.path]


def test_suggest_creates_updates_and_deletes_without_duplicates(runner: Runner) -> None:
    with FakeGitHub(files={SUGGEST_PR: adds_ddtrace()}) as api:
        planted = api.add_review_comment(
            f"{SUGGESTION_MARKER}\nnot the bot's",
            SUGGEST_PR,
            DDTRACE_LINE,
            user={"login": "someone", "type": "User"},
        )
        first = runner.step(api, WRITE, suggest="true")
        assert first.returncode == 1, first.stdout + first.stderr
        (made,) = suggestions(api)[1:]
        assert made["path"] == SUGGEST_PR and made["line"] == DDTRACE_LINE
        assert made["start_line"] is None and made["commit_id"] == api.head_sha
        assert made["user"] == BOT and made["side"] == "RIGHT"
        target = runner.outputs()["target"]
        assert f"```suggestion\nddtrace=={target}\n```" in str(made["body"])
        (post,) = [r for r in api.writes() if r.path.endswith("/pulls/7/comments")]
        assert post.body["commit_id"] == api.head_sha and "start_line" not in post.body
        assert "suggested changes: created 1" in first.stdout
        assert_token_hidden(first, WRITE)

        second = runner.step(api, WRITE, suggest="true")
        assert review_writes(api) == ["POST"], second.stdout  # nothing new
        assert "1 suggested changes up to date" in second.stdout

        # Another capability set: another target on the same line; the comment is edited.
        third = runner.step(api, WRITE, suggest="true", capabilities="exploit-prevention")
        assert review_writes(api) == ["POST", "PATCH"], third.stdout
        (kept,) = suggestions(api)[1:]
        assert kept["id"] == made["id"] and f"ddtrace=={target}" not in str(kept["body"])
        assert "suggested changes: updated 1" in third.stdout

        # The pull request now pins the target: nothing to suggest, the comment goes.
        (runner.workspace / SUGGEST_PR).write_text(
            DEMO.replace("ddtrace==2.3.0", f"ddtrace=={target}"), encoding="utf-8"
        )
        api.push(
            {SUGGEST_PR: adds_ddtrace().replace("ddtrace==2.3.0", f"ddtrace=={target}")}, "b" * 40
        )
        fourth = runner.step(api, WRITE, suggest="true")
        assert fourth.returncode == 0, fourth.stdout + fourth.stderr
        assert review_writes(api) == ["POST", "PATCH", "DELETE"]
        assert suggestions(api) == [planted]  # someone else's marker is never touched
        assert not [c for c in api.comments if str(c["body"]).startswith(DIFF_MARKER)]


def test_suggestions_go_when_the_fix_can_no_longer_be_planned(runner: Runner) -> None:
    """A push declares ddtrace twice: --fix refuses, so nothing is suggested, and the earlier
    suggestion (for the file as it was) is deleted, not left up."""
    with FakeGitHub(files={SUGGEST_PR: adds_ddtrace()}) as api:
        runner.step(api, WRITE, suggest="true")
        assert len(suggestions(api)) == 1
        twice = DEMO + 'ddtrace>=2.0; python_version >= "3.8"\n'
        (runner.workspace / SUGGEST_PR).write_text(twice, encoding="utf-8")
        proc = runner.step(api, WRITE, suggest="true")
        assert "no suggested changes: --fix would refuse" in proc.stdout
        assert suggestions(api) == [] and review_writes(api) == ["POST", "DELETE"]


def test_suggest_falls_back_to_one_comment_when_the_diff_holds_no_edited_line(
    runner: Runner,
) -> None:
    with FakeGitHub(files={SUGGEST_PR: bumps_flask()}) as api:
        first = runner.step(api, WRITE, suggest="true")
        assert first.returncode == 1, first.stdout + first.stderr
        assert suggestions(api) == []
        (diff,) = [c for c in api.comments if str(c["body"]).startswith(DIFF_MARKER)]
        body = str(diff["body"])
        assert "```diff\n--- a/requirements.txt\n+++ b/requirements.txt\n" in body
        assert "\n-ddtrace==2.3.0\n+ddtrace==" in body
        assert "created the suggested-diff comment" in first.stdout

        second = runner.step(api, WRITE, suggest="true")
        assert len([c for c in api.comments if DIFF_MARKER in str(c["body"])]) == 1
        assert "suggested-diff comment" not in second.stdout  # left as it is

        # A push that adds the ddtrace line: a suggestion on it, and the diff comment goes.
        api.push({SUGGEST_PR: adds_ddtrace()}, "c" * 40)
        third = runner.step(api, WRITE, suggest="true")
        assert len(suggestions(api)) == 1 and suggestions(api)[0]["line"] == DDTRACE_LINE
        assert not [c for c in api.comments if DIFF_MARKER in str(c["body"])]
        assert "deleted the suggested-diff comment" in third.stdout


def test_suggest_with_a_read_only_token_is_a_notice(runner: Runner) -> None:
    with FakeGitHub(files={SUGGEST_PR: adds_ddtrace()}) as api:
        proc = runner.step(api, READ_ONLY, suggest="true")
        assert proc.returncode == 1, proc.stdout + proc.stderr  # fail-on: upgrade, nothing else
        assert api.review_comments == [] and api.comments == []
        assert "::notice::aap-advise: cannot suggest changes on pull request #7" in proc.stdout
        assert "::warning::" not in proc.stdout.replace("::warning title=aap-advise", "")


def test_suggest_input_is_false_by_default_and_true_or_false(runner: Runner) -> None:
    with FakeGitHub(files={SUGGEST_PR: adds_ddtrace()}) as api:
        proc = runner.step(api, WRITE, suggest="yes")
        assert proc.returncode == 2 and "suggest must be true or false" in proc.stdout
        runner.step(api, WRITE)
        assert not [r for r in api.requests if "/pulls/" in r.path]  # off: not even read


HASHED_BEFORE = (
    "#\n# This file is autogenerated by pip-compile with Python 3.12\n#\n"
    "flask==3.1.0 \\\n    --hash=sha256:" + "1" * 64 + "\n    # via -r requirements.in\n"
    "ddtrace==2.3.0 \\\n    --hash=sha256:" + "a" * 64 + " \\\n    --hash=sha256:" + "b" * 64 + "\n"
    "    # via -r requirements.in\n"
)
HASHED_AFTER = (
    HASHED_BEFORE.replace("2.3.0", "4.6.0")
    .replace("a" * 64, "c" * 64)
    .replace(
        " \\\n    --hash=sha256:" + "b" * 64,
        " \\\n    --hash=sha256:" + "d" * 64 + " \\\n    --hash=sha256:" + "e" * 64,
    )
)


def test_a_pin_moving_with_its_hashes_is_one_suggestion_on_its_lines() -> None:
    from advisor.write import Patch

    patch = Patch(
        Path("sub/requirements.txt"),
        HASHED_BEFORE.encode(),
        HASHED_AFTER.encode(),
        "ddtrace ==2.3.0 -> ==4.6.0",
    )
    (edit,) = edits(patch, "sub/requirements.txt")
    assert (edit.start, edit.end) == (7, 9)
    assert edit.old == tuple(HASHED_BEFORE.splitlines()[6:9])
    assert edit.new == tuple(HASHED_AFTER.splitlines()[6:10])
    added = "\n".join(f"+{line}" for line in HASHED_BEFORE.splitlines())
    n = len(HASHED_BEFORE.splitlines())
    files: dict[str, str | None] = {"sub/requirements.txt": f"@@ -0,0 +1,{n} @@\n{added}"}
    with (
        FakeGitHub(files=files) as api,
        GitHubComments(api.url, api.repository, WRITE, deadline=10) as gh,
    ):
        done = sync_suggestions(
            gh, api.number, api.head_sha, [(edit, patch.reason)], "", ACTIONS_BOT
        )
        (made,) = api.review_comments
        assert (made["start_line"], made["line"]) == (7, 9) and made["start_side"] == "RIGHT"
        assert "\n".join(edit.new) in str(made["body"]) and done == ["suggested changes: created 1"]
        # The same edit again: nothing written; once the lines are outdated, a new one.
        assert sync_suggestions(
            gh, api.number, api.head_sha, [(edit, patch.reason)], "", ACTIONS_BOT
        ) == ["1 suggested changes up to date"]
        api.push(
            {"sub/requirements.txt": f"@@ -0,0 +1,{n} @@\n{added}".replace("+flask", " flask")},
            "d" * 40,
        )
        api.review_comments[0]["line"] = None  # GitHub outdates it: its commit is gone
        sync_suggestions(gh, api.number, "d" * 40, [(edit, patch.reason)], "", ACTIONS_BOT)
        assert [c["commit_id"] for c in api.review_comments] == ["d" * 40]
    assert [r.method for r in api.writes()] == ["POST", "POST", "DELETE"]


def test_an_edit_is_suggested_only_where_the_head_has_those_lines() -> None:
    """The checkout may be the merge commit: an edit whose lines read otherwise in the pull
    request's diff (the base moved them) is not placed; nor is one on lines it only shows."""
    edit = Edit("requirements.txt", 2, 2, ("ddtrace==2.3.0",), ("ddtrace==4.6.0",))
    assert placed(edit, hunks("@@ -1,1 +1,2 @@\n flask\n+ddtrace==2.3.0"))
    assert not placed(edit, hunks("@@ -1,1 +1,2 @@\n+flask\n ddtrace==2.3.0"))  # context only
    assert not placed(edit, hunks("@@ -1,1 +1,2 @@\n flask\n+ddtrace==2.2.0"))  # other text
    assert not placed(edit, hunks("@@ -5,1 +5,2 @@\n flask\n+ddtrace==2.3.0"))  # other lines
    assert not placed(edit, hunks(None))  # a diff GitHub does not show
    two = Edit("requirements.txt", 2, 3, ("a \\", "  --hash=x"), ("b",))
    split = "@@ -1,1 +1,2 @@\n x\n+a \\\n@@ -9,1 +3,2 @@\n+  --hash=x\n y"
    assert not placed(two, hunks(split))  # one comment cannot span two hunks


def test_a_fence_in_the_file_cannot_close_the_suggestion() -> None:
    edit = Edit("r.txt", 1, 1, ("x",), ("ddtrace==4.6.0  # ```` not a fence",))
    body = suggestion_body(edit, "ddtrace ==2.3.0 -> ==4.6.0 <b>")
    assert body.startswith(SUGGESTION_MARKER) and "\n`````suggestion\n" in body
    assert "<b>" not in body


def _two_edits() -> tuple[Edit, Edit, dict[str, str | None]]:
    """ddtrace on line 2, which the pull request changed, and bytecode on line 5, which it
    did not."""
    ddtrace = Edit("requirements.txt", 2, 2, ("ddtrace==2.3.0",), ("ddtrace==4.6.0",))
    bytecode = Edit("requirements.txt", 5, 5, ("bytecode==0.13.0",), ("bytecode==0.15.1",))
    patch = "@@ -1,1 +1,2 @@\n flask\n+ddtrace==2.3.0"
    return ddtrace, bytecode, {"requirements.txt": patch}


def test_edits_not_suggested_and_steps_besides_are_in_the_diff_comment() -> None:
    """Some edits on the pull request's lines, others not: the others are not only a log line
    (a reviewer applying the suggestion moved ddtrace without its co-upgrade), and the
    commands --fix leaves besides (a re-lock) are said too."""
    ddtrace, bytecode, files = _two_edits()
    planned = [(ddtrace, "ddtrace"), (bytecode, "bytecode")]
    diff = "--- a/requirements.txt\n+++ b/requirements.txt\n-bytecode==0.13.0\n+bytecode==0.15.1"
    with (
        FakeGitHub(files=files) as api,
        GitHubComments(api.url, api.repository, WRITE, deadline=10) as gh,
    ):
        sync_suggestions(gh, api.number, api.head_sha, planned, diff, ACTIONS_BOT)
        assert len(api.review_comments) == 1
        (whole,) = [c for c in api.comments if str(c["body"]).startswith(DIFF_MARKER)]
        assert "+bytecode==0.15.1" in str(whole["body"])
        # Every edit suggested, and a re-lock besides: one comment with the step alone.
        steps = ["uv lock --upgrade-package ddtrace==4.6.0"]
        sync_suggestions(gh, api.number, api.head_sha, planned[:1], "", ACTIONS_BOT, steps)
        (whole,) = [c for c in api.comments if str(c["body"]).startswith(DIFF_MARKER)]
        assert "uv lock --upgrade-package ddtrace==4.6.0" in str(whole["body"])
        assert "+bytecode" not in str(whole["body"])


def test_two_steps_of_one_pull_request_keep_their_own_suggestions() -> None:
    """A matrix of steps, one project each, the same bot: a step's suggestions on files it did
    not read are another step's, never deleted (each step deleted the other's)."""
    a = Edit("svc-a/requirements.txt", 1, 1, ("ddtrace==2.3.0",), ("ddtrace==4.6.0",))
    b = Edit("svc-b/requirements.txt", 1, 1, ("ddtrace==2.3.0",), ("ddtrace==4.6.0",))
    files: dict[str, str | None] = {
        "svc-a/requirements.txt": "@@ -0,0 +1,1 @@\n+ddtrace==2.3.0",
        "svc-b/requirements.txt": "@@ -0,0 +1,1 @@\n+ddtrace==2.3.0",
    }
    with (
        FakeGitHub(files=files) as api,
        GitHubComments(api.url, api.repository, WRITE, deadline=10) as gh,
    ):
        for edit in (a, b, a):
            sync_suggestions(
                gh, api.number, api.head_sha, [(edit, "x")], "", ACTIONS_BOT, (), {edit.path}
            )
        assert sorted(str(c["path"]) for c in api.review_comments) == [
            "svc-a/requirements.txt",
            "svc-b/requirements.txt",
        ]
