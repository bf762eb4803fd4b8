"""Hostile includes: files a dependency file names are read only inside the repository.

The repository is the nearest folder holding ``.git`` above the path named (without one: the
folder named, or the folder of the file named). ``-r`` / ``-c``,
setuptools ``file:`` entries and local ``-e`` projects that leave it are refused (or, for a
local project, left unnamed) unless ``--allow-outside``; URLs are never fetched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.errors import ManifestError
from advisor.frontends.cli import main
from advisor.manifests import read_paths
from advisor.manifests.requirements import RequirementsReader
from tests._helpers import IAST, OFFLINE, advise_json, project_json
from tests.indexserver import LocalIndex

SECRET = "top-secret-value-42"
DATA = Path(__file__).parent / "data" / "resolver-index"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """``tmp_path/repo`` (a repository: it holds ``.git``) beside ``tmp_path/secret.txt``."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text(f"{SECRET}!!\n")
    return tmp_path / "repo"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def refused(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run the CLI; it must exit 2 with one line that quotes nothing of the secret file."""
    assert main([*argv, *OFFLINE]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err
    assert SECRET not in err and "Traceback" not in err
    return err.removeprefix("aap-advise: error: ").rstrip("\n")


@pytest.mark.parametrize("flag", ["-r", "-c"])
def test_dot_dot_out_of_the_repository_is_refused(
    flag: str, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = write(repo / "app" / "requirements.txt", f"ddtrace==2.3.0\n{flag} ../../secret.txt\n")
    line = refused(capsys, [str(req)])
    assert line == (
        f"{req}:2: {flag} ../../secret.txt: leaves the repository {repo.resolve()}; "
        "--allow-outside follows it"
    )


def test_an_absolute_path_outside_is_refused(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = write(repo / "requirements.txt", f"-r {tmp_path / 'secret.txt'}\n")
    assert refused(capsys, [str(req)]).startswith(f"{req}:1: -r {tmp_path / 'secret.txt'}: leaves")


def test_a_file_url_outside_is_refused(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    req = write(repo / "requirements.txt", f"-r file://{tmp_path / 'secret.txt'}\n")
    assert ": leaves the repository" in refused(capsys, [str(req)])


def test_an_environment_variable_cannot_smuggle_a_path_out(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AAP_TEST_OUTSIDE", str(tmp_path))
    req = write(repo / "requirements.txt", "-r ${AAP_TEST_OUTSIDE}/secret.txt\n")
    assert ": leaves the repository" in refused(capsys, [str(req)])


def test_a_symlink_inside_that_points_outside_is_refused(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "base.txt").symlink_to(tmp_path / "secret.txt")
    req = write(repo / "requirements.txt", "-r base.txt\n")
    assert refused(capsys, [str(req)]).startswith(f"{req}:1: -r base.txt: leaves the repository")


def test_a_nested_include_names_the_file_that_includes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "reqs" / "base.txt", "flask==3.1.0\n\n-c ../../secret.txt\n")
    req = write(repo / "requirements.txt", "ddtrace==2.3.0\n-r reqs/base.txt\n")
    assert refused(capsys, [str(req)]).startswith(
        "{}:3: -c ../../secret.txt: leaves".format(repo / "reqs" / "base.txt")
    )


def test_a_missing_file_outside_is_refused_not_probed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whether a file outside exists is not the dependency file's to learn."""
    req = write(repo / "requirements.txt", "-r ../../no/such/file.txt\n")
    assert ": leaves the repository" in refused(capsys, [str(req)])


def test_setuptools_dynamic_file_outside_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = write(
        repo / "pyproject.toml",
        '[project]\nname = "app"\nversion = "1"\ndynamic = ["dependencies"]\n\n'
        '[tool.setuptools.dynamic]\ndependencies = { file = ["../secret.txt"] }\n',
    )
    assert refused(capsys, [str(pyproject)]) == (
        f"{pyproject}: tool.setuptools.dynamic.dependencies: ../secret.txt: leaves the repository "
        f"{repo.resolve()}; --allow-outside follows it"
    )


def test_setup_cfg_file_directive_outside_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = write(
        repo / "setup.cfg",
        "[metadata]\nname = app\n\n[options]\ninstall_requires = file: ../secret.txt\n",
    )
    assert refused(capsys, [str(cfg)]).startswith(
        f"{cfg}:5: file: ../secret.txt: leaves the repository"
    )


def test_a_found_file_linking_outside_is_refused(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "requirements.txt", "ddtrace==2.3.0\n")
    (repo / "requirements-dev.txt").symlink_to(tmp_path / "secret.txt")
    line = refused(capsys, [str(repo)])
    assert line == (
        f"{repo / 'requirements-dev.txt'}: links to {(tmp_path / 'secret.txt').resolve()}, outside "
        f"the repository {repo.resolve()}; --allow-outside follows it"
    )


def test_allow_outside_follows_them(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "shared" / "base.txt", "ddtrace==2.3.0\n")
    req = write(repo / "requirements.txt", "flask==3.1.0\n-r ../shared/base.txt\n")
    assert main([str(req), *OFFLINE, "--format", "json", "--allow-outside"]) == 1
    report = project_json(capsys.readouterr().out)
    assert report["ddtrace"]["source"]["file"] == str(tmp_path / "shared" / "base.txt")
    assert read_paths([str(req)], allow_outside=True).named("ddtrace")
    with pytest.raises(ManifestError) as info:
        read_paths([str(req)])
    assert info.value.code == "outside-repository"


def test_inside_the_repository_dot_dot_is_fine(repo: Path) -> None:
    write(repo / "requirements" / "base.txt", "ddtrace==2.3.0\n")
    req = write(repo / "services" / "api" / "requirements.txt", "-r ../../requirements/base.txt\n")
    assert read_paths([str(req)]).named("ddtrace")
    # A reader used on its own draws the same line.
    manifest = RequirementsReader().read(req, str(req))
    assert [d.name for d in manifest.dependencies] == ["ddtrace"]


def test_without_git_the_folder_named_is_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "common.txt", "ddtrace==2.3.0\n")
    write(tmp_path / "svc" / "requirements.txt", "-r ../common.txt\n")
    # Not the working directory: from ~, ~/Downloads/x/requirements.txt could reach ~/.ssh.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ManifestError) as info:
        read_paths(["svc/requirements.txt"])
    assert info.value.render() == (
        f"svc/requirements.txt:1: -r ../common.txt: leaves {(tmp_path / 'svc').resolve()} "
        "(the folder named; no .git above it); --allow-outside follows it"
    )
    assert read_paths(["."]).named("ddtrace")  # the folder holding both: inside


def test_a_local_project_outside_is_not_read(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "elsewhere" / "pyproject.toml", '[project]\nname = "private-name"\n')
    req = write(repo / "requirements.txt", "ddtrace==2.3.0\n-e ../elsewhere\n")
    assert main([str(req), *OFFLINE, "--format", "json"]) == 1
    out = capsys.readouterr().out
    report = project_json(out)
    assert "private-name" not in out
    (note,) = [f for f in report["findings"] if f["id"] == "unnamed-requirement"]
    assert "outside the repository; --allow-outside reads it" in note["message"]
    assert main([str(req), *OFFLINE, "--format", "json", "--allow-outside"]) == 1
    assert "private-name" not in capsys.readouterr().out  # named, but not an integration


@pytest.mark.parametrize("flag", ["-r", "-c"])
def test_urls_are_never_fetched(
    flag: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Online, against a live local index: the include URL is reported, never requested."""
    with LocalIndex(root=DATA, extra_files={"more.txt": b"ddtrace==1.0.0\n"}) as index:
        url = index.file_url("more.txt")
        text = f"ddtrace==2.21.4\n{flag} {url}\n"
        code, report, _ = advise_json(tmp_path, capsys, index.url, text, "--timeout", "5", *IAST)
        requested = [r.path for r in index.requests]
    assert code == 1
    assert requested and not any("more.txt" in p for p in requested), requested
    (warning,) = [f for f in report["findings"] if f["id"] == "remote-include"]
    assert warning["message"].startswith(f"{flag} {url} is a remote file; aap-advise never fetches")
    assert report["ddtrace"]["current"] == "2.21.4"
