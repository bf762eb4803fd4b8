"""The project's configuration: ``[tool.aap-advise]`` in ``pyproject.toml``, or ``aap-advise.toml``.

Where it is found, that flags override it key by key, that ``ignore`` takes findings out until a
day (an expired entry is a warning) without changing the verdict or the exit status, and that a
bad key or value is one line naming the file and the key, exit 2, nothing written.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest

from advisor.errors import ManifestError
from advisor.frontends.cli import main
from advisor.manifests.config import Config, load_config
from tests._helpers import ROOT, project_json

CONFIG = ROOT / "fixtures" / "config"
TABLE = CONFIG / "pyproject-table"
OWN = CONFIG / "own-file"
DAY = ["--offline", "--no-cache", "--today", "2026-11-24"]


def advise(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main([*args, *DAY, "--format", "json"])
    out = capsys.readouterr().out
    return code, project_json(out) if out else {}


def ids(doc: dict[str, Any]) -> list[str]:
    return [f["id"] for f in doc["findings"]]


def repo(tmp_path: Path) -> Path:
    """An empty repository (a ``.git`` folder) with a service folder ``svc`` pinning ddtrace."""
    (tmp_path / ".git").mkdir(parents=True)
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "pyproject.toml").write_text(
        '[project]\nname = "svc"\nversion = "1"\ndependencies = ["ddtrace==2.3.0", "flask==3.1.0"]\n',
        encoding="utf-8",
    )
    return tmp_path


def test_the_pyproject_table_applies(capsys: pytest.CaptureFixture[str]) -> None:
    code, doc = advise(capsys, str(TABLE))
    assert code == 1
    shown = str(TABLE / "pyproject.toml")
    assert doc["requested"] == ["api-security"]
    assert doc["platforms"] == ["linux-x86_64", "linux-aarch64"]
    source = f"{shown}: tool.aap-advise.python"
    assert doc["python"] == {
        "spec": ">=3.11,<3.14",
        "source": source,
        "versions": ["3.11", "3.12", "3.13"],
        "origins": dict.fromkeys(["3.11", "3.12", "3.13"], source),
    }
    # env-switch is accepted until 2026-12-31: out of the findings, listed with its count.
    assert "env-switch" not in ids(doc)
    assert doc["ignored"] == [
        {
            "id": "env-switch",
            "reason": "DD_APPSEC_ENABLED is set by the platform's Helm chart",
            "until": "2026-12-31",
            "count": 1,
            "source": {"file": shown, "line": None, "key": "tool.aap-advise.ignore[0]"},
        }
    ]


def test_an_expired_entry_warns_and_ignores_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    _, doc = advise(capsys, str(TABLE))
    assert "note-agent-minimum" in ids(doc)
    (expired,) = [f for f in doc["findings"] if f["id"] == "ignore-expired"]
    assert expired["severity"] == "warning"
    assert expired["file"] == str(TABLE / "pyproject.toml")
    assert "'note-agent-minimum'" in expired["message"] and "2026-06-30" in expired["message"]
    assert [i["id"] for i in doc["ignored"]] == ["env-switch"]
    # On a day before it expired, it holds.
    code = main([str(TABLE), *DAY[:-1], "2026-06-30", "--format", "json"])
    early = project_json(capsys.readouterr().out)
    assert code == 1
    assert "ignore-expired" not in ids(early) and "note-agent-minimum" not in ids(early)
    assert {i["id"]: i["count"] for i in early["ignored"]} == {
        "env-switch": 1,
        "note-agent-minimum": 1,
    }


def test_text_and_markdown_say_how_many_were_ignored(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(TABLE), *DAY])
    text = capsys.readouterr().out
    assert f"1 finding ignored by [tool.aap-advise] ({TABLE / 'pyproject.toml'})" in text
    assert "expired on 2026-06-30" in text
    main([str(TABLE), *DAY, "--format", "markdown"])
    assert "finding ignored by \\[tool.aap-advise\\]" in capsys.readouterr().out


def test_flags_override_the_configuration_key_by_key(capsys: pytest.CaptureFixture[str]) -> None:
    _, doc = advise(capsys, str(TABLE), "-c", "iast", "--python", "3.12")
    assert doc["requested"] == ["iast"]
    assert doc["python"]["source"] == "--python" and doc["python"]["versions"] == ["3.12"]
    assert doc["platforms"] == ["linux-x86_64", "linux-aarch64"]  # not given: the file's
    _, doc = advise(capsys, str(TABLE), "--platform", "macos-arm64")
    assert doc["platforms"] == ["macos-arm64"] and doc["requested"] == ["api-security"]


def test_ignoring_changes_neither_the_verdict_nor_the_exit_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = repo(tmp_path)
    before_code, before = advise(capsys, str(root / "svc"))
    everything = ", ".join(f'{{ id = "{i}", reason = "accepted" }}' for i in set(ids(before)))
    (root / "aap-advise.toml").write_text(f"ignore = [{everything}]\n", encoding="utf-8")
    after_code, after = advise(capsys, str(root / "svc"))
    assert before_code == after_code == 1
    assert after["recommendation"] == before["recommendation"]
    assert after["findings"] == [] and sum(i["count"] for i in after["ignored"]) == len(
        before["findings"]
    )


def test_an_aap_advise_toml_at_the_repository_root(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = repo(tmp_path)
    (root / "aap-advise.toml").write_text(
        'capabilities = ["iast"]\ndeployment = "lambda"\n', encoding="utf-8"
    )
    for named in (root / "svc", root / "svc" / "pyproject.toml"):
        _, doc = advise(capsys, str(named))
        assert doc["requested"] == ["iast"]
        assert doc["runs_in"] == {
            "kind": "lambda",
            "source": f"{root}/aap-advise.toml: deployment",
        }
    # A [tool.aap-advise] table in the project's own pyproject.toml comes first.
    with (root / "svc" / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write('\n[tool.aap-advise]\ncapabilities = ["sca"]\n')
    _, doc = advise(capsys, str(root / "svc"))
    assert doc["requested"] == ["sca"] and doc["runs_in"] is None


def test_an_aap_advise_toml_beside_the_files(capsys: pytest.CaptureFixture[str]) -> None:
    _, doc = advise(capsys, str(OWN / "requirements.txt"))
    assert doc["requested"] == ["exploit-prevention"] and doc["python"]["versions"] == ["3.12"]
    assert [(i["id"], i["until"], i["count"]) for i in doc["ignored"]] == [("env-switch", None, 1)]


def test_nothing_above_a_folder_outside_any_repository(tmp_path: Path) -> None:
    (tmp_path / "aap-advise.toml").write_text('capabilities = ["iast"]\n', encoding="utf-8")
    (tmp_path / "svc").mkdir()
    assert load_config(tmp_path / "svc") == Config()
    assert load_config(tmp_path).capabilities == ("iast",)


def test_untrusted_files_are_configured_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = repo(tmp_path)
    (root / "aap-advise.toml").write_text('capabilities = ["iast"]\n', encoding="utf-8")
    _, doc = advise(capsys, str(root / "svc"), "--untrusted")
    assert doc["requested"] == ["iast"]


def test_groups_are_kept_for_group_selection() -> None:
    config = load_config(TABLE)
    assert config.groups == ("deploy",)
    assert config.merged(groups=["docs"]).groups == ("docs",)
    assert config.merged().groups == ("deploy",)
    assert config.merged(capabilities=["sca"]).capabilities == ("sca",)
    assert config.ignore[0].until == dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("toml", "key", "needle"),
    [
        ('capabilitys = ["iast"]', "tool.aap-advise.capabilitys", "unknown key; valid: "),
        ('capabilities = "iast"', "tool.aap-advise.capabilities", "must be an array of strings"),
        ("capabilities = [1]", "tool.aap-advise.capabilities[0]", "must be a non-empty string"),
        ('capabilities = ["teleport"]', "tool.aap-advise.capabilities[0]", "'teleport'"),
        ('platforms = ["amiga"]', "tool.aap-advise.platforms[0]", "unknown platform"),
        ("python = 3.12", "tool.aap-advise.python", "must be a string"),
        ('python = "3.x"', "tool.aap-advise.python", "not a version specifier: '3.x'"),
        ('deployment = "k8s"', "tool.aap-advise.deployment", 'must be "lambda"'),
        ("groups = [true]", "tool.aap-advise.groups[0]", "must be a non-empty string"),
        ('ignore = { id = "x" }', "tool.aap-advise.ignore", "must be an array of tables"),
        ('ignore = [{ id = "x" }]', "tool.aap-advise.ignore[0]", "reason is required"),
        ('ignore = [{ reason = "r" }]', "tool.aap-advise.ignore[0]", "id is required"),
        (
            'ignore = [{ id = "x", reason = "r", until = "soon" }]',
            "tool.aap-advise.ignore[0].until",
            "must be a date (YYYY-MM-DD), not 'soon'",
        ),
        (
            'ignore = [{ id = "x", reason = "r", untill = 2026-01-01 }]',
            "tool.aap-advise.ignore[0].untill",
            "unknown key; valid: id, reason, until",
        ),
        (f'python = "{"9" * 5000}"', "tool.aap-advise.python", "..."),
    ],
)
def test_a_bad_key_or_value_names_file_and_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, key: str, needle: str
) -> None:
    root = repo(tmp_path)
    pyproject = root / "svc" / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8") + f"\n[tool.aap-advise]\n{toml}\n", encoding="utf-8"
    )
    report = tmp_path / "report.json"
    code = main([str(root / "svc"), *DAY, "-o", str(report)])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and not report.exists()
    assert err.startswith(f"aap-advise: error: {pyproject}: {key}: ") and needle in err
    # One line, and a did-you-mean hint line where a name is close to a valid one.
    error, *hints = err.splitlines()
    assert len(error) < 600 and "Traceback" not in err
    assert len(hints) <= 1 and all(h.startswith("hint: did you mean ") for h in hints)


def test_a_table_that_is_not_a_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = repo(tmp_path)
    (root / "aap-advise.toml").write_text("capabilities = []\n[nested]\n", encoding="utf-8")
    assert main([str(root / "svc"), *DAY]) == 2
    assert f"{root}/aap-advise.toml: nested: unknown key" in capsys.readouterr().err
    (root / "svc" / "pyproject.toml").write_text('[tool]\n"aap-advise" = 1\n', encoding="utf-8")
    with pytest.raises(ManifestError, match=r"tool\.aap-advise: must be a table, not 1"):
        load_config(root / "svc")


def test_a_configuration_linking_out_of_the_repository_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text('capabilities = ["iast"]\n', encoding="utf-8")
    root = repo(tmp_path / "checkout")
    os.symlink(outside, root / "aap-advise.toml")
    assert main([str(root / "svc"), *DAY]) == 2
    err = capsys.readouterr().err
    assert "aap-advise.toml: links to" in err and "outside the repository" in err
    assert load_config(root / "svc", allow_outside=True).capabilities == ("iast",)


def test_the_size_limit_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import advisor.manifests._text as text

    root = repo(tmp_path)
    (root / "aap-advise.toml").write_text(f"# {'x' * 200}\n", encoding="utf-8")
    monkeypatch.setattr(text, "MAX_FILE_BYTES", 100)
    with pytest.raises(ManifestError, match="over the 100 bytes limit"):
        load_config(root / "svc")


def test_a_pyproject_that_does_not_mention_it_is_not_parsed(tmp_path: Path) -> None:
    """Another tool's broken pyproject.toml above the project is that tool's business."""
    root = repo(tmp_path)
    (root / "pyproject.toml").write_text("[broken\n", encoding="utf-8")
    assert load_config(root / "svc") == Config()


def test_the_pre_commit_hooks_run_when_the_configuration_changes() -> None:
    """The hooks run the command line (so they read the configuration) and start on a change to
    an ``aap-advise.toml`` as on a dependency file."""
    import re

    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        assert hook["entry"].startswith("aap-advise --untrusted")
        files = re.compile(hook["files"])
        assert files.search("aap-advise.toml") and files.search("services/api/aap-advise.toml")
        assert not files.search("aap-advise.toml.bak")


def test_configured_groups_widen_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``groups`` in the configuration is ``--group``: a left-out group joins the environment."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "svc"\nversion = "1"\nrequires-python = ">=3.12"\n'
        'dependencies = ["ddtrace==2.3.0"]\n\n'
        '[dependency-groups]\ntest = ["django==4.2.10"]\n\n'
        '[tool.aap-advise]\ngroups = ["test"]\n',
        encoding="utf-8",
    )
    assert main([str(tmp_path), "--offline", "--today", "2026-11-24", "--format", "json"]) == 1
    report = project_json(capsys.readouterr().out)
    assert "test" in report["environment"]["groups"]
    assert any(i["distribution"] == "django" for i in report["integrations"])
