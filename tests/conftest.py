"""Shared test fixtures: paths, the corpus folder that only exists beside a CI checkout, and the
files ``--fix`` edits (shared values and functions are in ``tests/_helpers.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._helpers import FILES

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def repo_root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Three files that all declare ddtrace (:data:`tests._helpers.FILES`): --fix edits each."""
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.fixture
def netrc_bob(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A private ``NETRC`` file that gives 127.0.0.1 the user bob, password n3trc (the header
    they make is ``Basic Ym9iOm4zdHJj``)."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login bob password n3trc\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))


@pytest.fixture(autouse=True)
def _loopback_only(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """No test talks to anything but 127.0.0.1 (unless marked ``online``), and none touches the
    user's cache: like pip's socket ban, a stray network call fails the test loudly."""
    monkeypatch.setenv("AAP_ADVISE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    if request.node.get_closest_marker("online"):
        return
    import socket

    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0] if isinstance(address, tuple) else address
            if host not in ("127.0.0.1", "::1", "localhost"):
                raise OSError(f"test tried to reach {host!r}: only loopback is allowed")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``online`` tests run only when asked for with ``-m online``."""
    if "online" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="talks to the real index: run with -m online")
    for item in items:
        if item.get_closest_marker("online"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def uv() -> str:
    """The uv binary of the installed ``uv`` package (the test is skipped without one)."""
    package = pytest.importorskip("uv", reason="uv (the test extra) is not installed")
    try:
        return str(package.find_uv_bin())
    except FileNotFoundError:
        pytest.skip("the uv package is installed but its binary is missing")
