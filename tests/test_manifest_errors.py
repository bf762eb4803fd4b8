"""Bad dependency files: one :class:`ManifestError` naming the file and line (or key), exit 2,
never a traceback. Cases are the ``fixtures/formats/error-*`` folders (``expected.json`` holds
``error.code`` and the exact ``error.render`` or ``render_contains`` substrings)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.errors import ManifestError
from advisor.frontends.cli import main
from advisor.manifests import READERS, read_paths
from tests.test_manifests import CASES, FORMATS, load_case

ERROR_CASES = [
    c for c in CASES if "error" in json.loads((FORMATS / c / "expected.json").read_text())
]


@pytest.mark.parametrize("case", ERROR_CASES)
def test_bad_file_is_one_error_line(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected: dict[str, Any] = load_case(case, tmp_path, monkeypatch)
    with pytest.raises(ManifestError) as info:
        read_paths(expected["read"])
    err = info.value
    want = expected["error"]
    rendered = err.render()
    assert "\n" not in rendered
    if want.get("code"):
        assert err.code == want["code"], rendered
    if want.get("render"):
        assert rendered == want["render"]
    for text in expected.get("render_contains", []):
        assert text in rendered
    # Every error names its file, and a line or a key unless the whole file is the problem.
    assert err.file
    assert rendered.startswith(f"{err.file}:")


@pytest.mark.parametrize("case", ERROR_CASES)
def test_cli_exits_2_without_traceback(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = load_case(case, tmp_path, monkeypatch)
    code = main([*expected["read"], "--offline", "--format", "json"])
    captured = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in captured.err
    lines = [ln for ln in captured.err.splitlines() if not ln.startswith("hint:")]
    assert len(lines) == 1 and lines[0].startswith("aap-advise: error: "), captured.err


def test_truncated_utf16_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "requirements.txt"
    path.write_bytes("ddtrace==2.0\n".encode("utf-16")[:-1])
    with pytest.raises(ManifestError) as info:
        read_paths([str(path)])
    assert "UTF-16" in info.value.render()


def test_a_reader_bug_is_still_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected exception inside a reader is reported against the file, not as a crash."""
    from advisor.manifests.pipfile import PipfileReader

    def boom(self: object, path: Path, display: str) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(PipfileReader, "read", boom)
    (tmp_path / "Pipfile").write_text("[packages]\nddtrace = '*'\n", encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        read_paths([str(tmp_path / "Pipfile")])
    assert info.value.code == "reader-failure"
    assert info.value.render().startswith(f"{tmp_path / 'Pipfile'}: cannot read (KeyError")


_NAMES = [
    "requirements.txt",
    "pyproject.toml",
    "poetry.lock",
    "uv.lock",
    "pdm.lock",
    "pylock.toml",
    "Pipfile",
    "Pipfile.lock",
    "setup.cfg",
    "setup.py",
    "hatch.toml",
    ".python-version",
]
_FRAGMENTS = st.sampled_from(
    [
        "[project]\n",
        "dependencies = [",
        '"ddtrace>=2"',
        "]\n",
        "[[package]]\n",
        'name = "x"\n',
        'version = "1"\n',
        "ddtrace==1.0\n",
        "-r other.txt\n",
        "-c c.txt\n",
        "--hash=sha256:00 \\\n",
        "{",
        "}",
        '"_meta": {}',
        "[tool.poetry.dependencies]\n",
        'ddtrace = "^2"\n',
        "setup(\n",
        "install_requires=['ddtrace']",
        ")\n",
        "[options]\ninstall_requires =\n    flask\n",
        "\x00",
        "lock-version = '1.0'\n",
        "[[packages]]\n",
        "python = '^3.8'\n",
        "${X}",
        "#",
        ";",
        "@",
        "\r\n",
    ]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(_NAMES),
    parts=st.lists(_FRAGMENTS, max_size=12),
    noise=st.binary(max_size=40),
)
def test_no_input_escapes_as_anything_but_manifest_error(
    tmp_path: Path, name: str, parts: list[str], noise: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes("".join(parts).encode("utf-8") + noise)
    try:
        read_paths([str(path)])
    except ManifestError as exc:
        assert "\n" not in exc.render()
        assert exc.code != "reader-failure", exc.render()


def test_every_reader_kind_is_unique() -> None:
    kinds = [r.kind for r in READERS]
    assert len(kinds) == len(set(kinds))
