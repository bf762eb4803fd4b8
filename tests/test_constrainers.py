"""What packages the project pins require of ddtrace, known offline (issue 16 rule 9).

datadog-lambda pins ddtrace release by release (8.130.0: ``!=4.6.*`` on CPython 3.10 and
later, ``>=3.19.1,<4`` before); the shipped ``constrainers.json`` carries those lines
(``aap-advise kb refresh`` records them), so ``--offline --no-cache`` never proposes a ddtrace
the project's datadog-lambda refuses. A refresh writes them beside the snapshot it writes, and
a run given ``--snapshot`` reads the ones beside that file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.errors import KnowledgeError
from advisor.frontends.cli import main
from advisor.knowledge import matrix
from tests._helpers import project_json

OFFLINE = ["--offline", "--no-cache", "--today", "2026-11-24", "--format", "json"]


def _advise(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *args: str) -> dict:  # type: ignore[type-arg]
    req = tmp_path / "requirements.txt"
    req.write_text(text)
    main([str(req), *OFFLINE, *args])
    return project_json(capsys.readouterr().out)


def test_the_shipped_data_knows_datadog_lambda() -> None:
    lines = matrix.load().constrainers["datadog-lambda"]["8.130.0"]
    assert any("!=4.6.*" in line for line in lines)
    assert len(matrix.load().constrainers["datadog-lambda"]) >= 100


def test_offline_never_proposes_a_ddtrace_datadog_lambda_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _advise(
        tmp_path,
        capsys,
        "datadog-lambda==8.130.0\nddtrace==4.1.1\n",
        "-c",
        "api-security",
        "--python",
        "3.12",
    )
    rec = report["recommendation"]
    assert rec["status"] == "upgrade"
    assert not rec["ddtrace"].startswith("4.6."), rec["ddtrace"]  # was 4.6.0, which fails
    assert rec["ddtrace"] == "4.7.0"
    (note,) = [f for f in report["findings"] if f["id"] == "ddtrace-pinned-by"]
    assert (
        "datadog-lambda 8.130.0 requires ddtrace" in note["message"]
        and "!=4.6.*" in note["message"]
    )
    assert note["line"] == 1


def test_its_limits_are_per_cpython(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On 3.9, 8.130.0 wants ddtrace>=3.19.1,<4: no release it allows there runs API Security,
    so 3.9 keeps its 3.19.1 (API Security off there); 3.10 moves past the excluded 4.6.x. The
    3.9 arm was 4.6.0, which datadog-lambda refuses there."""
    report = _advise(
        tmp_path,
        capsys,
        "datadog-lambda==8.130.0\nddtrace==3.19.1\n",
        "-c",
        "api-security",
        "--python",
        ">=3.9,<3.11",
    )
    rec = report["recommendation"]
    assert rec["status"] == "split"
    arms = {s["marker"]: s["ddtrace"] for s in rec["split"]}
    assert arms == {'python_version < "3.10"': "3.19.1", 'python_version >= "3.10"': "4.7.0"}
    # As written (ddtrace 3.19.1 everywhere) the project does not install on 3.10: said.
    (clash,) = [f["message"] for f in report["findings"] if f["id"] == "ddtrace-pinned-by-conflict"]
    assert "ddtrace!=4.6.*,<5,>=4.1.1 on CPython 3.10" in clash and "ddtrace 3.19.1" in clash


def test_a_project_whose_pins_disagree_keeps_its_ddtrace_and_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """datadog-lambda 6.110.0 wants ddtrace<4 beside ddtrace 4.8.0: the answer is about the
    ddtrace the project has (not "impossible"), and the disagreement is a warning."""
    report = _advise(
        tmp_path,
        capsys,
        "ddtrace==4.8.0\ndatadog-lambda==6.110.0\n",
        "-c",
        "sca",
        "--python",
        "3.12",
    )
    assert report["recommendation"]["status"] == "ok"
    assert any(f["id"] == "ddtrace-pinned-by-conflict" for f in report["findings"])


def test_a_datadog_lambda_the_data_does_not_know_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _advise(
        tmp_path,
        capsys,
        "datadog-lambda==999.0.0\nddtrace==4.1.1\n",
        "-c",
        "api-security",
        "--python",
        "3.12",
    )
    assert report["recommendation"]["ddtrace"] == "4.6.0"
    assert not any(f["id"] == "ddtrace-pinned-by" for f in report["findings"])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "invalid JSON"),
        ('{"schema_version": 2, "packages": {}}', "schema_version is not 1"),
        (
            '{"schema_version": 1, "packages": {"x": {"1.0": ["flask"]}}}',
            "not a requirement on ddtrace",
        ),
        ('{"schema_version": 1, "packages": {"x": {"one": []}}}', "not a version"),
        ('{"schema_version": 1, "packages": {"x": {"1.0": "ddtrace"}}}', "must be a list"),
    ],
)
def test_bad_data_is_refused_naming_the_file(text: str, problem: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        matrix.parse_constrainers(text, "constrainers.json")
    assert caught.value.message.startswith("constrainers.json") and problem in caught.value.message


def test_the_recorded_file_is_sorted_and_small() -> None:
    path = Path(matrix.__file__).parent / "data" / "constrainers.json"
    data = json.loads(path.read_text())
    assert data["schema_version"] == 1 and path.stat().st_size < 64 * 1024


@pytest.mark.parametrize(
    ("line", "target"),
    [
        # Its own marker: datadog-lambda is not installed on 3.12, so it limits nothing there.
        ('datadog-lambda==8.130.0; python_version < "3.11"', "4.6.0"),
        # The version as written: 8.130 is 8.130.0.
        ("datadog-lambda==8.130", "4.7.0"),
    ],
)
def test_the_pin_is_read_as_pip_reads_it(
    line: str, target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _advise(
        tmp_path, capsys, f"{line}\nddtrace==4.1.1\n", "-c", "api-security", "--python", "3.12"
    )
    assert report["recommendation"]["ddtrace"] == target


def test_no_conflict_is_reported_for_a_ddtrace_pinned_per_cpython(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "datadog-lambda==8.130.0\n"
        'ddtrace==3.19.1; python_version < "3.10"\n'
        'ddtrace==4.1.1; python_version >= "3.10"\n'
    )
    report = _advise(tmp_path, capsys, text, "-c", "exploit-prevention", "--python", ">=3.9,<3.11")
    assert not any(f["id"] == "ddtrace-pinned-by-conflict" for f in report["findings"])


# --- refreshed: kb refresh --out DIR/releases.json, then --snapshot DIR/releases.json ----------


@pytest.fixture
def refreshed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The snapshot ``kb refresh --out`` wrote from a local index whose datadog-lambda (made up,
    unknown to the shipped data) has 90.1.0 wanting ``ddtrace!=4.6.*`` from CPython 3.10."""
    from tests.indexdata import DATADOG_LAMBDA, index_with
    from tests.indexserver import DATA, LocalIndex

    root = index_with(DATA, tmp_path / "index", DATADOG_LAMBDA)
    out = tmp_path / "kb" / "releases.json"
    out.parent.mkdir()
    with LocalIndex(root=root) as index:
        assert main(["kb", "refresh", "--index-url", index.url, "--out", str(out)]) == 0
    capsys.readouterr()
    return out


LAMBDA_PROJECT = "datadog-lambda==90.1.0\nddtrace==4.1.1\n"
API_SECURITY = ("-c", "api-security", "--python", "3.12")


def test_an_offline_run_reads_the_constrainers_refreshed_beside_its_snapshot(
    refreshed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The refreshed snapshot's 4.6.0 meets API Security's floor, but the datadog-lambda the
    same refresh recorded refuses 4.6.*: 4.11.0 is the answer, and the note says why."""
    report = _advise(tmp_path, capsys, LAMBDA_PROJECT, *API_SECURITY, "--snapshot", str(refreshed))
    assert report["recommendation"]["ddtrace"] == "4.11.0"
    (note,) = [f["message"] for f in report["findings"] if f["id"] == "ddtrace-pinned-by"]
    assert note.startswith("datadog-lambda 90.1.0 requires ddtrace!=4.6.*,<5,>=4.1.1 on CPython")
    # The same snapshot without its constrainers.json: only the shipped data, which does not
    # know 90.1.0, so nothing keeps 4.6.0 out.
    alone = tmp_path / "alone" / "releases.json"
    alone.parent.mkdir()
    alone.write_bytes(refreshed.read_bytes())
    report = _advise(tmp_path, capsys, LAMBDA_PROJECT, *API_SECURITY, "--snapshot", str(alone))
    assert report["recommendation"]["ddtrace"] == "4.6.0"
    assert not any(f["id"] == "ddtrace-pinned-by" for f in report["findings"])


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    """The shipped snapshot and constrainers, copied into a folder of their own."""
    data = Path(matrix.__file__).parent / "data"
    folder = tmp_path / "copied"
    folder.mkdir()
    for name in ("releases.json", "constrainers.json"):
        (folder / name).write_bytes((data / name).read_bytes())
    return folder / "releases.json"


def test_a_bad_constrainers_file_beside_the_snapshot_is_refused_naming_it(
    copied: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    beside = copied.parent / "constrainers.json"
    beside.write_text('{"schema_version": 1, "packages": {"datadog-lambda": {"1.0": ["flask"]}}}')
    req = tmp_path / "requirements.txt"
    req.write_text(LAMBDA_PROJECT)
    assert main([str(req), *OFFLINE, *API_SECURITY, "--snapshot", str(copied)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"aap-advise: error: {beside}: packages.datadog-lambda.1.0")


def test_a_deeply_nested_constrainers_file_is_one_line_not_an_internal_error(
    copied: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    beside = copied.parent / "constrainers.json"
    beside.write_text("[" * 100_000 + "]" * 100_000)
    req = tmp_path / "requirements.txt"
    req.write_text(LAMBDA_PROJECT)
    assert main([str(req), *OFFLINE, *API_SECURITY, "--snapshot", str(copied)]) == 2
    err = capsys.readouterr().err
    assert err == f"aap-advise: error: {beside}: invalid JSON: nested too deeply\n"


def test_an_output_that_is_the_constrainers_beside_the_snapshot_is_refused(
    copied: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It is a file the run read, like the snapshot itself."""
    beside = copied.parent / "constrainers.json"
    before = beside.read_bytes()
    req = tmp_path / "requirements.txt"
    req.write_text(LAMBDA_PROJECT)
    args = [str(req), *OFFLINE, *API_SECURITY, "--snapshot", str(copied), "-o", str(beside)]
    assert main(args) == 2
    assert "one of the files read" in capsys.readouterr().err
    assert beside.read_bytes() == before
