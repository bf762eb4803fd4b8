"""An ``--offline --no-cache`` run reads no index configuration and imports no index reader
(:class:`advisor.index.offline.Uncached` stands in): its answers must be, word for word, those
of an offline :class:`~advisor.index.source.IndexSource` that has no cached data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from packaging.version import Version

from advisor.errors import IndexUnavailable
from advisor.frontends.cli import main
from advisor.index.cache import Cache
from advisor.index.offline import Uncached
from advisor.index.source import IndexSource
from tests._helpers import ROOT, run_python

NAMES = ["flask", "Flask", "zope.interface", "a_b-c", "ddtrace", "x" * 300]

#: Every fixture folder (a bad file's refusal must not differ either).
INPUTS = sorted(
    str(p.relative_to(ROOT))
    for p in [*(ROOT / "fixtures").iterdir(), *(ROOT / "fixtures" / "formats").iterdir()]
    if p.is_dir() and p.name != "formats"
)


def _failure(reader: object, ask: str, *args: object) -> tuple[str, str, str | None]:
    with pytest.raises(IndexUnavailable) as caught:
        getattr(reader, ask)(*args)
    return caught.value.message, caught.value.code, caught.value.hint


@pytest.mark.parametrize("cache", [False, True])
def test_every_question_fails_in_the_words_of_an_index_source(tmp_path: Path, cache: bool) -> None:
    """Offline without cached data (no cache, or an empty one), over several indexes."""
    real = IndexSource(
        ["https://pypi.org/simple/", "https://example.org/simple/"],
        Cache(tmp_path) if cache else None,
        offline=True,
    )
    stand_in = Uncached()
    for name in NAMES:
        for ask in ("releases", "requires_dist"):
            args = (name,) if ask == "releases" else (name, Version("1.0"))
            assert _failure(stand_in, ask, *args) == _failure(real, ask, *args)
    real.prefetch_async(NAMES)
    stand_in.prefetch_async(NAMES)
    real.close()
    stand_in.close()
    assert stand_in.notes == real.notes == []
    assert stand_in.started_clock is real.started_clock is None


@pytest.mark.parametrize("argv", INPUTS)
def test_a_run_without_a_cache_answers_as_one_with_an_empty_cache(
    argv: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``--no-cache`` (the stand-in, no pip configuration read) and an empty ``--cache-dir``
    (an IndexSource, the pip configuration's index read) give the same answer, warnings
    naming the first package the resolver asks for included."""
    conf = tmp_path / "pip.conf"
    conf.write_text("[global]\nindex-url = https://mirror.example/simple/\n")
    monkeypatch.setenv("PIP_CONFIG_FILE", str(conf))
    monkeypatch.chdir(ROOT)
    common = [argv, "--offline", "--today", "2026-01-15", "--format", "json", "-v"]
    answers = []
    for how in (["--no-cache"], ["--cache-dir", str(tmp_path / "empty")]):
        code = main([*common, *how])
        out, err = capsys.readouterr()
        answers.append((code, out, err))
    assert answers[0] == answers[1]


def test_the_stand_in_names_the_first_package_the_resolver_asks_for(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The equality above covers the co-upgrade warning (the demo's first package: flask)."""
    monkeypatch.chdir(ROOT)
    assert main(["fixtures/demo/requirements.txt", "--offline", "--no-cache"]) == 1
    assert "co-upgrades not resolved offline (no cached data for flask (offline))" in (
        capsys.readouterr().out
    )


def test_an_offline_answer_without_a_cache_imports_no_index_reader(tmp_path: Path) -> None:
    """Not the index configuration (nor pip's, though there is one), nor the index reader."""
    conf = tmp_path / "pip.conf"
    conf.write_text("[global]\nindex-url = https://mirror.example/simple/\n")
    code = (
        "import sys\n"
        "from advisor.frontends.cli import main\n"
        f"code = main([{str(ROOT / 'fixtures/demo/requirements.txt')!r}, '--offline', "
        "'--no-cache'])\n"
        "bad = sorted(m for m in sys.modules if m.startswith('advisor.index.')"
        " and m != 'advisor.index.offline')\n"
        "assert code == 1 and not bad and 'configparser' not in sys.modules, (code, bad)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PIP_CONFIG_FILE": str(conf)}
    proc = run_python("-c", code, env=env, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
