"""A one-line status on stderr while a run is slow, as uv and pip-audit show one.

Shown only when stderr is a terminal (never in a pipe, a log or CI) and only once the run has
taken :data:`DELAY` seconds: a quick answer prints nothing more. The line is redrawn in place
(carriage return, erase to end of line) and erased when the run ends, before anything else is
written to stderr, so an error or the report never shares a line with it.

What the line says comes from the pipeline (:attr:`advisor.pipeline.Settings.progress`): the
stage of the run, which project of how many, the ddtrace release being resolved on which
CPython. Whatever it says is shown with control characters escaped
(:func:`advisor.errors.printable`) and cut to the terminal's width.
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    import threading

from advisor.errors import printable

#: Seconds a run takes before the line appears.
DELAY = 1.0
#: Seconds between redraws.
INTERVAL = 0.1
_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
_ASCII_FRAMES = "|/-\\"


def wanted(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal that can redraw a line (not ``TERM=dumb``)."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False
    return tty and os.environ.get("TERM") != "dumb"


class Progress:
    """The status line: ``with Progress(sys.stderr) as progress: ... progress.say("...")``.

    :param stream: where the line goes; nothing is written unless it is a terminal.
    :param delay: seconds before the line first appears.
    """

    def __init__(self, stream: TextIO, delay: float = DELAY) -> None:
        self.stream = stream
        self.delay = delay
        self.enabled = wanted(stream)
        self._text = ""
        # The thread's module is imported for a line to draw only (a run whose standard error
        # is not a terminal, as in CI or a hook, never needs it).
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None
        if self.enabled:
            import threading

            self._stop = threading.Event()
        self._shown = False
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        self._frames = _FRAMES if encoding == "utf8" else _ASCII_FRAMES

    def say(self, text: str) -> None:
        """What the run is doing now (the next redraw shows it)."""
        self._text = text

    def __enter__(self) -> Progress:
        if self._stop is not None:
            import threading

            self._thread = threading.Thread(target=self._draw, name="aap-advise-progress")
            self._thread.daemon = True
            self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._stop is not None:
            self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:
            self._write("\r\x1b[K")

    def _draw(self) -> None:
        assert self._stop is not None  # (the thread is started with it)
        if self._stop.wait(self.delay):
            return
        frame = 0
        while not self._stop.is_set():
            width = max(_columns(self.stream) - 1, 10)
            line = f"{self._frames[frame % len(self._frames)]} {printable(self._text)}"
            self._write("\r\x1b[K" + line[:width])
            self._shown = True
            frame += 1
            self._stop.wait(INTERVAL)

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the run goes on without it
            if self._stop is not None:
                self._stop.set()


def _columns(stream: TextIO) -> int:
    """The width of the terminal ``stream`` is (stdout's may be a file: ``> report.json``)."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        columns = 0
    if columns:
        return columns
    import shutil  # here: a run that shows no line never needs it

    return shutil.get_terminal_size().columns  # 0: a terminal that does not say
