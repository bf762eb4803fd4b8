"""The GitHub Action's step, run as the runner runs it, against a stand-in GitHub API."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.frontends.github_action import Inputs, find_own
from advisor.render.markdown import MARKER
from tests.githubapi import BOT, FakeGitHub

ROOT = Path(__file__).resolve().parents[1]
DEMO = (ROOT / "fixtures" / "demo" / "requirements.txt").read_text(encoding="utf-8")
WRITE, READ_ONLY = "ghs_write_token", "ghs_read_only_token"


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
        payload = {"number": api.number, "pull_request": {"number": api.number}}
        self.event.write_text(json.dumps(payload), encoding="utf-8")
        return {
            "PATH": os.environ.get("PATH", ""),
            "HOME": os.environ.get("HOME", str(self.temp)),
            "AAP_ADVISE_CACHE_DIR": str(self.cache),
            "GITHUB_EVENT_NAME": event,
            "GITHUB_EVENT_PATH": str(self.event),
            "GITHUB_REPOSITORY": api.repository,
            "GITHUB_API_URL": api.url,
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_OUTPUT": str(self.output),
            "RUNNER_TEMP": str(self.temp),
        }

    def step(
        self, api: FakeGitHub, token: str, *, event: str = "pull_request", **inputs: str
    ) -> subprocess.CompletedProcess[str]:
        """Run the glue as the action's second step does, with the inputs in ``INPUT_*``."""
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
        return subprocess.run(
            [sys.executable, "-m", "advisor.frontends.github_action"],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def action(self, api: FakeGitHub, token: str, **with_: str) -> tuple[int, dict[str, str], str]:
        """Run action.yml's own steps as the runner would: ``${{ }}`` filled in, bash per step.

        Returns the last step's exit status, the action's outputs and the combined log.
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
    report = json.loads(Path(out["report-json"]).read_text(encoding="utf-8"))
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
        pages = sorted({int(r.query["page"][0]) for r in api.requests if r.method == "GET"})
        assert pages == [1, 2]
        assert all(r.query["per_page"] == ["100"] for r in api.requests if r.method == "GET")
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


@pytest.mark.parametrize(("name", "value"), [("fail_on", "sometimes"), ("comment", "yes")])
def test_bad_action_input_exits_2(runner: Runner, name: str, value: str) -> None:
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, **{name: value})
    assert proc.returncode == 2
    assert proc.stdout.splitlines()[-1].startswith("::error title=aap-advise::")


def test_action_yml_steps(runner: Runner) -> None:
    """action.yml itself: install from the action's folder, advise, map the outputs.

    pip installs this repository into a virtual environment under RUNNER_TEMP (from the
    package index, like a runner), once; later runs reuse it.
    """
    with FakeGitHub() as api:
        status, outputs, log = runner.action(api, WRITE, paths="requirements.txt")
        assert status == 1, log
        assert outputs["status"] == "upgrade" and outputs["current"] == "2.3.0"
        report = json.loads(Path(outputs["report-json"]).read_text(encoding="utf-8"))
        assert outputs["target"] == report["recommendation"]["ddtrace"]
        assert [r.method for r in api.writes()] == ["POST"]
        assert runner.summary.read_text(encoding="utf-8").startswith(MARKER)

        (runner.workspace / "requirements.txt").write_text("ddtrace==2.20.0\n", encoding="utf-8")
        status, outputs, log = runner.action(
            api, WRITE, paths="requirements.txt", **{"fail-on": "impossible"}
        )
        assert status == 0, log
        assert [r.method for r in api.writes()] == ["POST", "PATCH"]
        assert len(api.comments) == 1

        # A fork's read-only token: reading works, the update is refused, the step goes on.
        (runner.workspace / "requirements.txt").write_text("ddtrace==2.11.0\n", encoding="utf-8")
        status, outputs, log = runner.action(
            api, READ_ONLY, paths="requirements.txt", **{"fail-on": "never"}
        )
        assert status == 0, log
        assert "::notice::" in log and len(api.comments) == 1
        assert [r.method for r in api.writes()] == ["POST", "PATCH", "PATCH"]
        assert "2.20.0" in api.comments[0]["body"]
        assert WRITE not in log.replace(f"::add-mask::{WRITE}", "")


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


def test_find_own_prefers_the_bot() -> None:
    human = {"id": 1, "body": f"{MARKER} pasted", "user": {"login": "mallory", "type": "User"}}
    bot = {"id": 2, "body": f"{MARKER}\nreport", "user": BOT}
    assert find_own([human, bot], MARKER) == bot
    assert find_own([human], MARKER) == human
    assert find_own([{"id": 3, "body": None, "user": None}], MARKER) is None
