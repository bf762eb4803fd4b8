"""The error tree. Every error a user can cause is an :class:`AdvisorError` with a one-line message.

Front ends render them (``file:line: message``) and pick exit codes (:class:`ExitCode`, the
one definition of them); nothing else prints.
"""

from __future__ import annotations

import re
from enum import IntEnum

#: A message longer than this (it quotes a megabyte-long line, say) is cut in the middle: an
#: error is one line for a person to read, and its end often says what to do.
MAX_MESSAGE = 500
# Characters a terminal or a log viewer acts on rather than shows: every C0 and C1 control
# (ESC starts colour, cursor, title and hyperlink sequences; 0x9b is CSI on its own), DEL, the
# line and paragraph separators, and the bidirectional marks, embeddings, overrides and
# isolates that reorder what is shown (CVE-2021-42574). Every character str.splitlines()
# breaks on is among them, so an escaped text is one line. None of them is printable
# (str.isprintable: each is a control, format or separator character), so a printable text is
# shown as it is without the pattern, which is compiled (by re's cache) only for one that is not.
_UNSAFE = r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"


class ExitCode(IntEnum):
    """The exit status of every front end (the command line, the Action)."""

    OK = 0
    """Nothing to do: ddtrace already gives every requested capability."""
    ACTION = 1
    """An upgrade is advised (or split, or impossible), or a change is left to the user."""
    USAGE = 2
    """Bad input or usage, a refused or failed write, or an internal error."""
    INDEX = 3
    """The package index could not be used."""


def signal_exit(signum: int) -> int:
    """The exit status after signal ``signum`` stopped the run, as a shell reports it."""
    return 128 + signum


def printable(text: str) -> str:
    """``text`` with every control character shown escaped, as :func:`repr` shows it (``\\x1b``).

    For anything that reaches a terminal or a log: file and folder names, quoted lines. Spaces
    and letters of any script are left as they are (a tab is shown as ``\\t``).
    """
    if text.isprintable():
        return text
    return re.sub(_UNSAFE, lambda m: repr(m.group())[1:-1], text)


class AdvisorError(Exception):
    """Root of all errors aap-advise reports to a user.

    :param message: one line, lower case start, no trailing period.
    :param code: a stable kebab-case id.
    :param file: the file the problem is in, if any.
    :param line: the 1-based line in ``file``, if known.
    :param key: the TOML/JSON key path, where there is no line.
    :param hint: what to do about it.
    """

    exit_code: ExitCode = ExitCode.USAGE
    default_code = "error"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        file: str | None = None,
        line: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.file = file
        self.line = line
        self.key = key
        # Front ends print the hint as it is, and it may quote a file (a compile command from a
        # header): its control characters are shown escaped from the start.
        self.hint = printable(hint) if hint else hint

    def render(self) -> str:
        """``file:line: message`` (or ``file: key: message``), one line."""
        prefix = ""
        if self.file:
            prefix = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
            if self.key and not self.line:
                prefix += f"{self.key}: "
        message = self.message
        if len(message) > MAX_MESSAGE:
            message = f"{message[: MAX_MESSAGE - 105]} ... {message[-100:]}"
        return printable(prefix + message)

    def __str__(self) -> str:
        return self.render()


class UsageError(AdvisorError):
    """Bad command-line arguments (unknown capability, bad ``--python`` ...)."""

    default_code = "usage"


class ManifestError(AdvisorError):
    """A dependency file that cannot be read."""

    default_code = "manifest"


class KnowledgeError(AdvisorError):
    """Shipped or refreshed knowledge data that fails validation."""

    default_code = "knowledge"


class IndexUnavailable(AdvisorError):
    """The package index could not be reached or answered with something unusable."""

    exit_code = ExitCode.INDEX
    default_code = "index-unavailable"


class WriteRefused(AdvisorError):
    """An edit aap-advise will not make because it would have to guess (exit status 2)."""

    default_code = "write-refused"


class WriteFailed(AdvisorError):
    """Writing a file or running a re-lock command failed; every file was restored."""

    default_code = "write-failed"


class Interrupted(WriteFailed):
    """A signal (Ctrl-C's SIGINT, SIGTERM, SIGHUP) stopped ``--fix``; every file was restored.

    :param signum: the signal; the front end exits with 128 plus it, as a shell reports it.
    """

    default_code = "interrupted"

    def __init__(self, message: str = "--fix interrupted", *, signum: int) -> None:
        super().__init__(message)
        self.signum = signum
