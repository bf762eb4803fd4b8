"""Untrusted files cannot read the environment or the disk into a report.

A requirements file from a pull request can name variables that the CI job holds
(``${INPUT_GITHUB_TOKEN}``), link to a credentials file, or quote a token in a bad line. What
aap-advise shows is the text as written, shortened and masked; it expands variables only in
include paths and only when the reading is trusted.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from advisor.manifests import read_paths
from advisor.model.excerpt import excerpt, mask_secrets
from tests._helpers import project_json, run_cli
from tests.githubapi import FakeGitHub
from tests.test_github_action import WRITE, Runner

ROOT = Path(__file__).resolve().parents[1]
SECRET = "s3cr3t-Value-0123456789abcdefXYZ"
FORMATS = ("text", "json", "markdown", "sarif")
#: ``--fix`` offline: API Security on CPython 3.12.
FIX = ("--offline", "--no-cache", "--fix", "-c", "api-security", "--python", "3.12")

HOSTILE = """\
ddtrace==2.3.0
https://x.example/${AAP_TEST_SECRET}
pkg @ https://files.example/${AAP_TEST_SECRET}/pkg-1.0.tar.gz
flask==${AAP_TEST_SECRET}
-r ${AAP_TEST_SECRET}.txt
--extra-index-url https://index.example/${AAP_TEST_SECRET}/simple/
"""


def cli(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    full = {**os.environ, "PYTHONPATH": str(ROOT), "AAP_TEST_SECRET": SECRET, **(env or {})}
    return run_cli(*args, cwd=cwd, env=full, timeout=120)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    return root


@pytest.mark.parametrize("untrusted", [False, True], ids=["trusted", "untrusted"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_shows_an_expanded_variable(repo: Path, fmt: str, untrusted: bool) -> None:
    """Every report shows the lines as written, trusted or not (the include is refused as
    missing: its name is the secret, which must not be shown either)."""
    (repo / "requirements.txt").write_text(HOSTILE.replace("-r ${AAP_TEST_SECRET}.txt\n", ""))
    flags = ["--untrusted"] if untrusted else []
    proc = cli(repo, "requirements.txt", "--offline", "--no-cache", "--format", fmt, *flags)
    assert proc.returncode == 1, proc.stderr
    assert SECRET not in proc.stdout + proc.stderr
    assert "does not expand" in proc.stdout  # the finding names the variable as written


def test_the_version_a_variable_would_give_is_unknown(repo: Path) -> None:
    """``flask==${V}`` is flask at an unknown version with a warning, never the expansion."""
    (repo / "requirements.txt").write_text("ddtrace==2.3.0\nflask==${AAP_TEST_SECRET}\n")
    import os

    os.environ["AAP_TEST_SECRET"] = "3.1.0"
    try:
        project = read_paths([str(repo / "requirements.txt")])
    finally:
        del os.environ["AAP_TEST_SECRET"]
    (flask,) = project.named("flask")
    assert flask.version is None and flask.specifier == ""
    assert any(
        f.id == "unexpanded-variable" and "${AAP_TEST_SECRET}" in f.message
        for f in project.findings
    )


def test_include_paths_expand_only_when_trusted(repo: Path) -> None:
    (repo / "prod.txt").write_text("ddtrace==2.3.0\n")
    (repo / "requirements.txt").write_text("-r ${AAP_TEST_ENV}.txt\n")
    trusted = cli(repo, "requirements.txt", "--offline", "--no-cache", env={"AAP_TEST_ENV": "prod"})
    assert trusted.returncode == 1 and "upgrade ddtrace 2.3.0" in trusted.stdout, trusted.stderr
    untrusted = cli(
        repo,
        "requirements.txt",
        "--offline",
        "--no-cache",
        "--untrusted",
        env={"AAP_TEST_ENV": "prod"},
    )
    assert untrusted.returncode == 2
    assert untrusted.stderr == (
        "aap-advise: error: requirements.txt:1: -r ${AAP_TEST_ENV}.txt: the included file does "
        "not exist (environment variables are not expanded in untrusted files)\n"
    )


def test_the_action_comment_never_carries_the_token(tmp_path: Path) -> None:
    """The attack as reported: a line naming the Action's own token variable."""
    runner = Runner(tmp_path)
    (runner.workspace / "requirements.txt").write_text(
        "ddtrace==2.3.0\nhttps://x.example/${INPUT_GITHUB_TOKEN}\nflask==${INPUT_GITHUB_TOKEN}\n"
        "--index-url https://index.example/${INPUT_GITHUB_TOKEN}/simple/\n"
    )
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE)
        assert proc.returncode == 1, proc.stdout + proc.stderr
        bodies = [c["body"] for c in api.comments]
        assert bodies and all(WRITE not in b for b in bodies)
        assert "does not expand" in bodies[-1]
    report = (runner.temp / "aap-advise-report.json").read_text()
    everything = proc.stdout + proc.stderr + runner.summary.read_text() + report
    assert [line for line in everything.splitlines() if WRITE in line] == [f"::add-mask::{WRITE}"]


def test_a_named_file_that_links_out_of_the_repository_is_refused(
    repo: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "git-credentials"
    secret.write_text(f"https://user:{SECRET}@github.com\n")
    (repo / "requirements.txt").symlink_to(secret)
    proc = cli(repo, "requirements.txt", "--offline", "--no-cache")
    assert proc.returncode == 2 and SECRET not in proc.stdout + proc.stderr
    assert proc.stderr.startswith("aap-advise: error: requirements.txt: links to ")
    assert "--allow-outside" in proc.stderr
    allowed = cli(
        repo, "requirements.txt", "--offline", "--no-cache", "--allow-outside", "--format", "json"
    )
    assert SECRET not in allowed.stdout + allowed.stderr  # read, but quoted masked


def test_a_named_file_inside_the_repository_through_a_link_is_read(repo: Path) -> None:
    (repo / "deps").mkdir()
    (repo / "deps" / "real.txt").write_text("ddtrace==2.3.0\n")
    (repo / "requirements.txt").symlink_to(repo / "deps" / "real.txt")
    assert read_paths([str(repo / "requirements.txt")]).named("ddtrace")


@pytest.mark.parametrize(
    ("line", "hidden"),
    [
        (f"https://user:p@ss{SECRET}@github.com/x", SECRET),
        ("git+https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r", "ghp_abcdef"),
        ("--foo TOKEN=hunter2hunter2", "hunter2"),
        (f"pkg==1.0 --hash=sha256:{'ab12' * 16}", "ab12ab12ab12ab12"),
        ("AKIAABCDEFGHIJKLMNOP is a key", "AKIAABCDEFGHIJKLMNOP"),
    ],
)
def test_an_invalid_line_is_quoted_masked(repo: Path, line: str, hidden: str) -> None:
    (repo / "requirements.txt").write_text(f"ddtrace==2.3.0\n{line} !!!\n")
    proc = cli(repo, "requirements.txt", "--offline", "--no-cache")
    assert hidden not in proc.stdout + proc.stderr, proc.stderr
    assert mask_secrets(line).count("***") >= 1


def test_a_long_line_is_quoted_short(repo: Path) -> None:
    (repo / "requirements.txt").write_text("ddtrace==2.3.0\n" + "x" * 100_000 + " !!!\n")
    proc = cli(repo, "requirements.txt", "--offline", "--no-cache")
    assert proc.returncode == 2 and len(proc.stderr) < 400, proc.stderr


def test_excerpt_keeps_short_plain_text() -> None:
    assert excerpt("flask>=2.0 ; python_version < '3.9'") == "flask>=2.0 ; python_version < '3.9'"
    assert excerpt("a" * 200).endswith("...") and len(excerpt("a" * 200)) == 80
    assert mask_secrets("https://u:p@ss@host/simple") == "https://***@host/simple"


def test_fix_messages_show_control_characters_escaped(repo: Path) -> None:
    """``--fix`` names the files it edits: a folder name holding a terminal escape is shown as
    ``\\x1b``, never sent to the terminal raw."""
    folder = repo / "svc\x1b]0;pwned\x07"
    folder.mkdir()
    (folder / "requirements.txt").write_text("ddtrace==2.3.0\n")
    proc = cli(repo, str(folder / "requirements.txt"), *FIX)
    assert proc.returncode == 1, proc.stderr
    assert "edited" in proc.stderr and "\\x1b]0;pwned\\x07" in proc.stderr
    assert "\x1b" not in proc.stderr + proc.stdout and "\x07" not in proc.stderr + proc.stdout
    assert (folder / "requirements.txt").read_text() == "ddtrace==4.6.0\n"


@pytest.mark.parametrize(
    "text",
    [
        "/tmp/pytest-of-root/pytest-4/test_an_absolute_path_outside_0/secret.txt",
        "requirements-development-and-testing.txt",
        "opentelemetry-instrumentation-asgi",
        "-r MyCompanyInternal-requirements-2024.txt",
        "-e ./libs/DataPipelineCore_v2_internal",
        "opentelemetry-instrumentation-SQLAlchemy3==0.1",
        "authlib==1.0",
        "tokenizers==0.15 ; python_version >= '3.9'",
        "keyring==23.0",
    ],
)
def test_paths_and_names_are_not_taken_for_tokens(text: str) -> None:
    assert mask_secrets(text) == text


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("key Zx8kQ2mN7pL4vB9cR1tY6wE3uI0oA5sD", "Zx8kQ2mN7pL4vB9c"),
        ("machine h login u password hunter2-very-secret", "hunter2"),
        ("Authorization: Bearer abc.def", "abc.def"),
        ("https://x/simple?key=abc123def456", "abc123def456"),
        ("npm_abcdefghijklmnopqrstuvwxyz12", "npm_abc"),
        ("glrt-abcdefghijklmnopqrstuv", "glrt-abc"),
        ("https://x/123e4567-e89b-12d3-a456-426614174000/simple", "426614174000"),
        ("https://pypi.fury.io/Ab3dEf9hIj2kLm7x/acme/", "Ab3dEf9hIj2kLm7x"),
        ("https://user:p@ss@host/simple", "p@ss"),
    ],
)
def test_token_shapes_are_masked(text: str, hidden: str) -> None:
    assert hidden not in mask_secrets(text) and "***" in mask_secrets(text)


def test_a_local_projects_metadata_that_links_out_is_not_read(repo: Path, tmp_path: Path) -> None:
    """``-e ./vendor`` is inside; its ``pyproject.toml`` linking outside is not read for the name."""
    outside = tmp_path / "outside.toml"
    outside.write_text('[project]\nname = "name-from-outside"\n')
    (repo / "vendor").mkdir()
    (repo / "vendor" / "pyproject.toml").symlink_to(outside)
    (repo / "requirements.txt").write_text("ddtrace==2.3.0\n-e ./vendor\n")
    project = read_paths([str(repo / "requirements.txt")])
    assert not project.named("name-from-outside")
    (repo / "vendor" / "pyproject.toml").unlink()
    (repo / "vendor" / "pyproject.toml").write_text('[project]\nname = "name-from-inside"\n')
    assert read_paths([str(repo / "requirements.txt")]).named("name-from-inside")


def test_the_unexpanded_variable_warning_stays_short(repo: Path) -> None:
    line = "ddtrace==" + ",".join(f"${{V{i}}}" for i in range(20_000))
    (repo / "requirements.txt").write_text(line + "\n")
    project = read_paths([str(repo / "requirements.txt")])
    (finding,) = [f for f in project.findings if f.id == "unexpanded-variable"]
    assert len(finding.message) < 300 and "${V0}" in finding.message


@pytest.mark.parametrize("named", ["backend", "backend/requirements.txt"])
def test_a_linked_folder_holding_its_own_git_is_still_outside(
    repo: Path, tmp_path: Path, named: str
) -> None:
    """``backend -> /elsewhere/repo`` in a checkout: the link's target holding ``.git`` does not
    make it the repository."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / ".git").mkdir(parents=True)
    (elsewhere / "requirements.txt").write_text(f"ddtrace==2.3.0\nSECRET-LINE {SECRET} !!\n")
    (repo / "backend").symlink_to(elsewhere)
    proc = cli(repo, named, "--untrusted", "--offline", "--no-cache")
    assert proc.returncode == 2 and "SECRET-LINE" not in proc.stdout + proc.stderr
    assert "outside the repository" in proc.stderr and "--allow-outside" in proc.stderr


def test_a_checkout_reached_through_a_link_is_its_own_repository(tmp_path: Path) -> None:
    real = tmp_path / "mnt" / "work" / "proj"
    (real / ".git").mkdir(parents=True)
    (real / "requirements.txt").write_text("ddtrace==2.3.0\n")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "work").symlink_to(tmp_path / "mnt" / "work")
    assert read_paths([str(tmp_path / "home" / "work" / "proj")]).named("ddtrace")


# URLs with credentials: a direct reference is shown, its userinfo never

PASSWORD = "s3cr3tpass"
URL_LINES = {
    # The review's line: ddtrace from an archive URL whose version cannot be told.
    "archive": f"ddtrace @ https://deploy:{PASSWORD}@example.com/dl/latest.zip\n",
    # A git URL whose ref gives the version; another package from a URL with a token.
    "git-ref": f"ddtrace @ git+https://x-access-token:{PASSWORD}@github.com/DataDog/dd-trace-py"
    f"@v2.3.0\nenvier @ git+https://tok:{PASSWORD}@github.com/DataDog/envier@v0.5.2\n",
    # A password longer than a Markdown cell: cut short, it must not show a part of it.
    "long": f"ddtrace @ https://deploy:{PASSWORD * 40}@example.com/dl/latest.zip\n",
    # A signed URL: the token in its query.
    "query": f"ddtrace @ https://example.com/dl/latest.zip?token={PASSWORD}&v=1\n",
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", sorted(URL_LINES))
def test_no_format_shows_url_credentials(repo: Path, case: str, fmt: str) -> None:
    """``ddtrace @ https://deploy:pass@host/...`` showed the password in every report: the
    finding that the version is unknown, the Markdown's ddtrace line, JSON's ``ddtrace.url``."""
    (repo / "requirements.txt").write_text(URL_LINES[case])
    proc = cli(
        repo,
        "requirements.txt",
        "--untrusted",
        "--offline",
        "--no-cache",
        "-c",
        "iast",
        "--format",
        fmt,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert PASSWORD not in proc.stdout + proc.stderr
    shown = "token=***" if case == "query" else "://***@"
    assert shown in proc.stdout.replace(":&#8203;//", "://").replace("\\*", "*")
    host = "github.com/DataDog/dd-trace-py@v2.3.0" if case == "git-ref" else "/dl/latest.zip"
    assert host in proc.stdout.replace("@&#8203;", "@")  # the rest of the URL as written
    if fmt == "json":
        url = project_json(proc.stdout)["ddtrace"]["url"]
        assert url.endswith(host if case != "query" else "latest.zip?token=***&v=1")


def test_the_action_comment_never_carries_url_credentials(tmp_path: Path) -> None:
    runner = Runner(tmp_path)
    (runner.workspace / "requirements.txt").write_text(URL_LINES["archive"] + URL_LINES["long"])
    with FakeGitHub() as api:
        proc = runner.step(api, WRITE, fail_on="never")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        bodies = [c["body"] for c in api.comments]
    report = (runner.temp / "aap-advise-report.json").read_text()
    everything = [*bodies, proc.stdout, proc.stderr, runner.summary.read_text(), report]
    assert bodies and all(PASSWORD not in text for text in everything)
    assert "https:&#8203;//\\*\\*\\*@&#8203;example.com/dl/latest.zip" in bodies[0]


def test_redact_url_takes_the_userinfo_and_credential_parameters_only() -> None:
    from advisor.model.excerpt import redact_url

    assert redact_url("https://u:p@ss@host/simple/") == "https://***@host/simple/"
    assert redact_url("see git+https://t@github.com/o/r@v1.0; ok") == (
        "see git+https://***@github.com/o/r@v1.0; ok"
    )
    assert redact_url("https://h/p.whl?X-Amz-Signature=abc&v=2#sha256=00") == (
        "https://h/p.whl?X-Amz-Signature=***&v=2#sha256=00"
    )
    for kept in (
        "https://example.com/a@b",
        "file:///srv/wheels/a-1.0.whl",
        "ddtrace>=2.3",
        "https://h/Zx8kQ2mN7pL4vB9cR1tY6wE3uI0oA5sD/pkg.zip",
    ):
        assert redact_url(kept) == kept


def test_diff_names_files_with_control_characters_escaped(repo: Path) -> None:
    """The reviewer's /tmp/rv/n: ``--diff`` printed the ``--- a/`` and ``+++ b/`` names raw, so a
    file named with a terminal escape retitled and cleared the terminal."""
    name = "requirements-\x1b]0;OWNED\x07\x1b[2J.txt"
    (repo / name).write_text("ddtrace==2.3.0\n")
    proc = cli(
        repo, name, "--offline", "--no-cache", "--diff", "-c", "api-security", "--python", "3.12"
    )
    assert proc.returncode == 1, proc.stderr
    shown = "requirements-\\x1b]0;OWNED\\x07\\x1b[2J.txt"
    assert f"--- a/{shown}\n+++ b/{shown}\n" in proc.stdout, proc.stdout
    assert "\x1b" not in proc.stdout + proc.stderr and "\x07" not in proc.stdout + proc.stderr
    assert "+ddtrace==4.6.0\n" in proc.stdout
    assert (repo / name).read_text() == "ddtrace==2.3.0\n"


HASH = "--hash=sha256:" + "a" * 64
TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"


@pytest.mark.parametrize(
    ("line", "hidden"),
    [
        (f"ddtrace==${{DDV}} {HASH} # password=hunter2 {TOKEN}", ["hunter2", TOKEN]),
        (f"ddtrace==${{DDV}} # password=hunter2 {TOKEN}", ["hunter2", TOKEN]),
        ("https://user:s3cr3tpass@files.example/ddtrace-2.3.0-py3-none-any.whl", ["s3cr3tpass"]),
        (f"https://files.example/{TOKEN}/ddtrace-2.3.0-py3-none-any.whl", [TOKEN]),
    ],
    ids=["variable-hashed", "variable", "url-userinfo", "url-token"],
)
@pytest.mark.parametrize("untrusted", [False, True], ids=["trusted", "untrusted"])
def test_a_line_fix_cannot_edit_is_quoted_masked(
    repo: Path, line: str, hidden: list[str], untrusted: bool
) -> None:
    """--fix refuses a ddtrace line it cannot edit by quoting it: it quoted the whole line (a
    password and a token in its comment) and a URL's credentials."""
    (repo / "requirements.txt").write_text(f"flask==3.1.0\n{line}\n")
    flags = ["--untrusted"] if untrusted else []
    proc = cli(
        repo,
        "requirements.txt",
        *FIX,
        *flags,
        env={"DDV": "2.3.0"},
    )
    assert proc.returncode == 2, proc.stderr
    assert "requirements.txt:2: ddtrace" in proc.stderr, proc.stderr
    for secret in hidden:
        assert secret not in proc.stdout + proc.stderr, proc.stderr
    assert (repo / "requirements.txt").read_text() == f"flask==3.1.0\n{line}\n"


def test_a_tool_source_fix_cannot_move_is_quoted_masked(repo: Path) -> None:
    """A ``[tool.uv.sources]`` URL was quoted with its credentials."""
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "app"\nversion = "1"\ndependencies = ["ddtrace>=2.0"]\n'
        '[tool.uv.sources]\nddtrace = { url = "https://user:s3cr3tpass@files.example/'
        'ddtrace-2.3.0-py3-none-any.whl" }\n'
    )
    proc = cli(repo, "pyproject.toml", *FIX)
    assert proc.returncode == 2, proc.stderr
    assert "ddtrace comes from https://***@files.example/ddtrace-2.3.0" in proc.stderr
    assert "s3cr3tpass" not in proc.stdout + proc.stderr
