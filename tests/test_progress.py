"""The status line on stderr (issue 16 rule 7): shown on a terminal once a run takes more than
a second, erased before anything else is written; never in a pipe."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from advisor.frontends.progress import Progress
from tests._helpers import IAST, ROOT, index_argv
from tests.indexserver import LocalIndex

DATA = Path(__file__).parent / "data" / "resolver-index"
ACCEPTANCE = "ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n"
ERASE = "\r\x1b[K"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_the_line_and_it_is_erased_at_the_end() -> None:
    stream = Terminal()
    with Progress(stream, delay=0) as progress:
        progress.say("resolving \x1b]0;pwned\x07 ddtrace")
        while "resolving" not in stream.getvalue():
            threading.Event().wait(0.01)
    text = stream.getvalue()
    # A folder name's escape sequence is shown, never sent to the terminal.
    assert "\x1b]0;" not in text and "\\x1b]0;pwned\\x07" in text
    assert text.endswith(ERASE)


def test_a_quick_run_shows_nothing() -> None:
    stream = Terminal()
    with Progress(stream, delay=60) as progress:
        progress.say("reading")
    assert stream.getvalue() == ""


@pytest.mark.parametrize("term", ["xterm", "dumb"])
def test_not_a_terminal_or_a_dumb_one_gets_nothing(
    monkeypatch: pytest.MonkeyPatch, term: str
) -> None:
    monkeypatch.setenv("TERM", term)
    for stream in (io.StringIO(), Terminal()):
        with Progress(stream, delay=0) as progress:
            assert progress.enabled is (term != "dumb" and isinstance(stream, Terminal))
            progress.say("reading")
            if not progress.enabled:
                threading.Event().wait(0.2)
        if not progress.enabled:
            assert stream.getvalue() == ""


def _run(argv: list[str], terminal: bool) -> tuple[int, str, str]:
    """``python -m advisor ARGV`` with stderr on a pseudo-terminal (or a pipe): the exit code,
    stdout and everything stderr got."""
    env = {**os.environ, "TERM": "xterm", "PYTHONPATH": str(ROOT)}
    if not terminal:
        done = subprocess.run(
            [sys.executable, "-m", "advisor", *argv], capture_output=True, text=True, env=env
        )
        return done.returncode, done.stdout, done.stderr
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "advisor", *argv],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    got = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the other end closed (EIO on Linux)
                return
            if not chunk:
                return
            got.extend(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    out, _ = proc.communicate()
    reader.join(timeout=30)
    os.close(master)
    return proc.returncode, out.decode(), got.decode()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_slow_run_on_a_terminal_says_what_it_does(tmp_path: Path) -> None:
    """An index answering slowly: the run takes seconds; the terminal is told which stage
    runs, the line is erased before the run ends, and stdout holds only the report."""
    req = tmp_path / "requirements.txt"
    req.write_text(ACCEPTANCE)
    with LocalIndex(root=DATA, delay=0.15) as index:
        argv = [*index_argv(req, index.url, tmp_path / "cache"), *IAST, "--format", "json"]
        code, out, err = _run(argv, terminal=True)
        piped = _run([*argv[:4], str(tmp_path / "cache2"), *argv[5:]], terminal=False)
    assert code == 1, err
    assert json.loads(out)["status"] == "upgrade"
    assert "resolving ddtrace" in err or "reading ddtrace's releases" in err
    assert err.endswith(ERASE)
    # The same run in a pipe: the same report, not a byte of the status line.
    assert piped[0] == 1 and json.loads(piped[1]) == json.loads(out)
    assert "\x1b" not in piped[2] and "\r" not in piped[2]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_the_line_fits_the_terminal_stderr_is() -> None:
    """Cut to stderr's terminal (40 columns here), not stdout's (a file, or another size):
    a longer line wraps and a carriage return erases only its last row."""
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 40, 0, 0))
    stream = os.fdopen(slave, "w", encoding="utf-8")
    with Progress(stream, delay=0) as progress:
        progress.say("x" * 90)
        threading.Event().wait(0.3)
    stream.close()
    got = os.read(master, 65536).decode()
    os.close(master)
    lines = [part for part in got.split("\r\x1b[K") if part]
    assert lines and all(len(line) <= 39 for line in lines), lines
