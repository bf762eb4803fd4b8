"""Putting patches and output files on disk, all or nothing, and showing patches as a diff.

How one file is written (:func:`write_atomic`):

* A regular file with one name is replaced in one rename: the bytes go to a temp file beside it
  (so the rename never crosses file systems), which is synced and given the file's owner, group
  and mode before :func:`os.replace` puts it in place. As root, a file owned by someone else
  stays theirs.
* A file with several hard links (``st_nlink > 1``) is written in place (write, truncate,
  sync): a rename would leave its other names holding the old bytes. So is a file whose owner
  or group this process may not give to a new file (a user editing a group-writable file).
* A symlink is followed: the link stays a link and its target gets the new content.

How a fix is written (:func:`apply`), all or nothing:

1. Checks, before anything is written: every target is a regular file, is patched once, still
   holds the bytes the plan was made from, and may be written.
2. Staging: every temp file is written and synced; nothing anyone reads has changed yet.
3. Commit: just before each file is put in place it is compared again with the bytes the plan
   was made from, and must still be the same file; a file another program changed meanwhile is
   left as that program wrote it and the fix stops. In-place writes come last.

When anything fails, every file already written gets its original bytes back, as pip-audit's
``_recover_files`` does. SIGINT, SIGTERM and SIGHUP are held while files are written
(:func:`held_signals`): one arriving stops the fix at the next step, every file written is put
back and :class:`~advisor.errors.Interrupted` is raised; a :class:`KeyboardInterrupt`
raised any other way is undone and reported the same way.

Reports and constraints files the user names go through :func:`write_output`, which never turns
a device or a FIFO into a regular file, and :func:`refuse_inputs`, which keeps them off the
files read.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from advisor.errors import Interrupted, WriteFailed, WriteRefused, printable
from advisor.write.plan import Patch
from advisor.write.text import TextFile

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = [
    "UNDONE",
    "apply",
    "held_signals",
    "put_back_files",
    "refuse_inputs",
    "relock_file_refusal",
    "restore",
    "save_files",
    "unified_diff",
    "write_atomic",
    "write_output",
]

_TMP_SUFFIX = ".aap-advise.tmp"
#: What an interrupted fix says once every file is back as it was.
UNDONE = "--fix interrupted; nothing was changed"


# --- one file ----------------------------------------------------------------------------------


class _OwnerNotKept(Exception):
    """A new file cannot be given the owner or group of the one it replaces."""


def _stage(target: Path, data: bytes, st: os.stat_result | None) -> str:
    """A synced temp file beside ``target`` holding ``data``, with ``st``'s owner, group and
    mode (without ``st``, a new file: this process's, mode 0600, as before); its path.

    :raises _OwnerNotKept: when ``st``'s owner or group may not be given (the temp file is gone).
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=_TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if st is not None:
                own = os.fstat(fh.fileno())
                if (own.st_uid, own.st_gid) != (st.st_uid, st.st_gid):
                    try:
                        os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                    except PermissionError as exc:
                        raise _OwnerNotKept from exc
                # After chown, which may clear the set-user-ID and set-group-ID bits.
                if hasattr(os, "fchmod"):
                    os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
                else:  # Windows before Python 3.13
                    os.chmod(tmp, stat.S_IMODE(st.st_mode))
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite ``target``'s bytes through its own inode (hard links, owner and mode stay)."""
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _put(target: Path, data: bytes, st: os.stat_result | None) -> None:
    """Write ``data`` to the resolved ``target`` whose status is ``st`` (``None``: a new file)."""
    if st is not None and st.st_nlink > 1:
        _write_in_place(target, data)
        return
    try:
        tmp = _stage(target, data, st)
    except _OwnerNotKept:
        _write_in_place(target, data)
        return
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path``'s content with ``data``, keeping its owner, group, mode and hard links
    (see the module documentation); a new path is created.

    :raises OSError: also for an existing path that is not a regular file (a directory, a
        device, a FIFO): it is never replaced by one.
    """
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    _put(target, data, st)


def save_files(paths: Iterable[Path]) -> dict[Path, bytes | None]:
    """Each path's bytes (``None`` when it does not exist), for :func:`put_back_files`.

    These are files a tool is about to rewrite (``--relock``), which no reader has checked: each
    is opened without waiting (a FIFO would block the open, then the read) and must be a regular
    file within the size limit of the locks read (a link to ``/dev/zero`` would be read forever).

    :raises WriteFailed: ``relock-refused`` naming the first path that is not, before any other
        is read.
    """
    return {p: _saved_bytes(p) for p in paths}


def _saved_bytes(path: Path) -> bytes | None:
    from advisor.model.limits import MAX_LOCK_BYTES  # what the readers take of a lock

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteFailed(
            f"cannot read: {exc.strerror}; nothing was written",
            code="relock-refused",
            file=str(path),
        ) from exc
    try:
        st = os.fstat(fd)
        refused = relock_file_refusal(st, MAX_LOCK_BYTES)
        chunks: list[bytes] = []
        total = 0
        while refused is None and total <= MAX_LOCK_BYTES:  # a file growing meanwhile stops
            chunk = os.read(fd, min(1 << 20, MAX_LOCK_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        refused = refused or relock_file_refusal(st, MAX_LOCK_BYTES, total)
    finally:
        os.close(fd)
    if refused is not None:
        raise WriteFailed(refused, code="relock-refused", file=str(path))
    return b"".join(chunks)


def relock_file_refusal(st: os.stat_result, limit: int, read: int = 0) -> str | None:
    """Why a file with status ``st`` (``read`` bytes read so far) may not be saved and
    rewritten by ``--relock`` (``None``: it may): not a regular file, or over ``limit`` (the
    readers' limit for a lock: every file a re-lock rewrites is a lock or a file smaller than
    one)."""
    done = "--relock would rewrite it, so nothing was written or run"
    if stat.S_ISFIFO(st.st_mode):
        return f"is a named pipe (FIFO), not a regular file; {done}"
    if not stat.S_ISREG(st.st_mode):
        return f"is not a regular file; {done}"
    if max(st.st_size, read) > limit:
        size = f"{st.st_size} bytes" if st.st_size > limit else f"over {limit} bytes"
        return f"is {size}, over the {limit // 2**20} MiB limit for the files a re-lock rewrites; {done}"
    return None


def put_back_files(saved: dict[Path, bytes | None]) -> list[str]:
    """Give each saved file its bytes back (remove one that did not exist); the paths that
    could not be."""
    failed = []
    for path, data in saved.items():
        try:
            if data is None:
                path.unlink(missing_ok=True)
            elif not path.exists() or path.read_bytes() != data:
                write_atomic(path, data)
        except OSError:
            failed.append(str(path))
    return failed


# --- signals -----------------------------------------------------------------------------------

_SIGNALS = tuple(
    s for s in (getattr(signal, n, None) for n in ("SIGINT", "SIGTERM", "SIGHUP")) if s is not None
)


class Held:
    """The state of :func:`held_signals`: the first signal received, and whether it was seen."""

    def __init__(self) -> None:
        self.depth = 0
        self.received: int | None = None
        self.consumed = False
        self.saved: dict[int, object] = {}

    def _record(self, signum: int, frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signum

    def check(self) -> None:
        """:raises Interrupted: when a held signal has arrived."""
        if self.received is not None:
            self.consumed = True
            raise Interrupted(signum=self.received)


_held = Held()


@contextlib.contextmanager
def held_signals() -> Iterator[Held]:
    """Hold SIGINT, SIGTERM and SIGHUP: one arriving is recorded, not acted on, so a step in
    progress is never cut in half; callers :meth:`Held.check` between steps.

    Only the main thread may set signal handlers (and only it runs them); elsewhere nothing is
    held (the callers' own ``except BaseException`` still undoes their work). A signal set to be
    ignored (``nohup``) stays ignored. Nesting is fine: the outermost one owns the handlers. On
    leaving it, the handlers before are put back, and a signal received but never checked for
    (it came after the last check) is raised again, so it acts as it would have, once the work
    is whole. While an exception leaves, a signal received is dropped: the work failed and is
    being reported anyway.
    """
    if threading.current_thread() is not threading.main_thread():
        yield Held()  # receives nothing
        return
    outer = _held.depth == 0
    if outer:
        _held.received, _held.consumed, _held.saved = None, False, {}
        for s in _SIGNALS:
            with contextlib.suppress(ValueError, OSError):
                if signal.getsignal(s) is not signal.SIG_IGN:
                    _held.saved[s] = signal.signal(s, _held._record)
    _held.depth += 1
    failed = False
    try:
        yield _held
    except BaseException:
        failed = True
        raise
    finally:
        _held.depth -= 1
        if outer:
            for s, handler in _held.saved.items():
                signal.signal(s, signal.SIG_DFL if handler is None else handler)  # type: ignore[arg-type]
            _held.saved = {}
            late = _held.received
            if late is not None and not _held.consumed and not failed:
                _held.consumed = True
                signal.raise_signal(late)


# --- a fix -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Target:
    """One patch, the file it goes to (symlinks resolved) and that file's status as checked."""

    patch: Patch
    real: Path
    st: os.stat_result
    tmp: str | None = None
    in_place: bool = False

    def stage(self) -> None:
        self.in_place = self.st.st_nlink > 1
        if not self.in_place:
            try:
                self.tmp = _stage(self.real, self.patch.after, self.st)
            except _OwnerNotKept:
                self.in_place = True

    def recheck(self) -> None:
        """Just before the write: still the file checked, holding the bytes planned from."""
        try:
            now = os.stat(self.real)
            same = (now.st_dev, now.st_ino, now.st_size) == (
                self.st.st_dev,
                self.st.st_ino,
                len(self.patch.before),
            )
            same = same and self.real.read_bytes() == self.patch.before
        except FileNotFoundError:
            same = False
        if not same:
            raise WriteFailed(
                "changed by another program while --fix was writing; it was not overwritten",
                code="file-changed",
                file=str(self.patch.path),
                hint="run --fix again",
            )

    def commit(self) -> None:
        if self.in_place:
            _write_in_place(self.real, self.patch.after)
        else:
            assert self.tmp is not None
            os.replace(self.tmp, self.real)
            self.tmp = None

    def put_back(self) -> None:
        if self.in_place:
            _write_in_place(self.real, self.patch.before)
        else:
            _put(self.real, self.patch.before, self.st)

    def discard(self) -> None:
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            self.tmp = None


def _checked(patches: Sequence[Patch]) -> list[_Target]:
    """Every target is a regular file, patched once, still holding the bytes the plan was made
    from (nothing edited it since), and may be written (a read-only file or file system is
    found before the first write, not half-way through).

    A rename would replace a read-only file whose folder is writable; the file's mode is
    taken as the owner's wish that it not be edited.
    """
    seen: dict[tuple[int, int], Patch] = {}
    targets = []
    for p in patches:
        real = Path(os.path.realpath(p.path))
        try:
            st = os.stat(real)
        except OSError as exc:
            raise WriteFailed(
                f"cannot read before writing: {exc.strerror}", file=str(p.path)
            ) from exc
        first = seen.setdefault((st.st_dev, st.st_ino), p)
        if first is not p:  # the same file by two names (two hard links read as two files)
            if (first.before, first.after) == (p.before, p.after):
                continue  # the same edit twice: made once
            raise WriteFailed("patched twice in one plan; nothing was written", file=str(p.path))
        if not stat.S_ISREG(st.st_mode):
            raise WriteFailed("not a regular file; nothing was written", file=str(p.path))
        try:
            current = real.read_bytes()
        except OSError as exc:
            raise WriteFailed(
                f"cannot read before writing: {exc.strerror}", file=str(p.path)
            ) from exc
        if current != p.before:
            raise WriteFailed(
                "changed since the fix was planned; nothing was written",
                code="file-changed",
                file=str(p.path),
                hint="run --fix again",
            )
        targets.append(_Target(p, real, st))
    for t in targets:
        if not os.access(t.real, os.W_OK):
            raise WriteFailed(
                "cannot write: the file is read-only; nothing was written",
                code="read-only",
                file=str(t.patch.path),
            )
        if t.st.st_nlink == 1 and not os.access(t.real.parent, os.W_OK | os.X_OK):
            raise WriteFailed(
                f"cannot write: its folder {t.real.parent} is read-only; nothing was written",
                code="read-only",
                file=str(t.patch.path),
            )
    return targets


def _undone(unrestored: Sequence[str]) -> str:
    return f"could not restore {', '.join(unrestored)}" if unrestored else "every file was restored"


def apply(patches: Sequence[Patch]) -> None:
    """Write every patch, or none (see the module documentation).

    :raises WriteFailed: naming the file that failed, after every file already written has
        its original bytes back (or naming those that could not be restored, too).
    :raises Interrupted: when a signal or a :class:`KeyboardInterrupt` came while writing,
        after the same.
    """
    with held_signals() as held:
        targets = _checked(patches)
        done: list[_Target] = []
        current: _Target | None = None
        try:
            for current in targets:
                held.check()
                current.stage()
            for current in sorted(targets, key=lambda t: t.in_place):
                held.check()
                current.recheck()
                if current.in_place:  # a write cut short leaves part of the file: put it back
                    done.append(current)
                current.commit()
                if not current.in_place:  # a failed rename changed nothing
                    done.append(current)
            current = None
            held.check()  # one that came during the last write: all or nothing, so nothing
        except BaseException as exc:
            for t in targets:
                t.discard()
            unrestored = _put_back(done)
            if isinstance(exc, Interrupted | KeyboardInterrupt):
                signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
                message = (
                    f"--fix interrupted; could not restore {', '.join(unrestored)}"
                    if unrestored
                    else UNDONE
                )
                raise Interrupted(message, signum=signum) from exc
            if isinstance(exc, WriteFailed):
                exc.message = f"{exc.message}; {_undone(unrestored)}"
                raise
            if isinstance(exc, OSError):
                raise WriteFailed(
                    f"cannot write: {exc.strerror or exc}; {_undone(unrestored)}",
                    file=str(current.patch.path) if current is not None else None,
                ) from exc
            raise


def _put_back(targets: Sequence[_Target]) -> list[str]:
    """Put ``before`` back into each written file, newest first; the paths that failed."""
    failed = []
    for t in reversed(targets):
        try:
            t.put_back()
        except OSError:
            failed.append(str(t.patch.path))
    return failed


def restore(patches: Sequence[Patch]) -> None:
    """Undo applied patches (after a later step, such as a re-lock, failed), signals held.

    A file that no longer holds the patch's bytes was changed by someone else since: it is
    left alone and named.

    :raises WriteFailed: naming the files that could not be restored.
    """
    failed = []
    with held_signals():
        for p in reversed(patches):
            try:
                if p.path.read_bytes() != p.after:
                    failed.append(f"{p.path} (changed by another program meanwhile)")
                    continue
                write_atomic(p.path, p.before)
            except OSError:
                failed.append(str(p.path))
    if failed:
        raise WriteFailed(f"could not restore {', '.join(failed)}")


# --- files the user names for output ------------------------------------------------------------


def refuse_inputs(outputs: Sequence[tuple[str, str]], inputs: Iterable[str]) -> None:
    """Refuse output files that are files read, before anything is written.

    :param outputs: ``(option, path)`` pairs, e.g. ``("-o", "report.md")``.
    :param inputs: every file read, as displayed (relative to the working directory).
    :raises WriteFailed: ``output-is-input`` when an output is one of the inputs however it is
        named (the same path, ``..``, a symbolic or a hard link), or two outputs name one
        regular (or new) file.
    """
    read: dict[tuple[int, int], str] = {}
    for name in inputs:
        with contextlib.suppress(OSError):
            found = os.stat(name)
            read.setdefault((found.st_dev, found.st_ino), name)
    claimed: dict[object, str] = {}
    for option, path in outputs:
        st: os.stat_result | None
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if st is not None and (same_as := read.get((st.st_dev, st.st_ino))) is not None:
            same = (
                "one of the files read" if same_as == path else f"{same_as}, one of the files read"
            )
            raise WriteFailed(
                f"is {same}; {option} would overwrite it, so nothing was written",
                code="output-is-input",
                file=path,
                hint=f"give {option} another file",
            )
        if st is not None and not stat.S_ISREG(st.st_mode):
            continue  # /dev/null twice, /dev/stdout twice: each write goes through
        key: object = (st.st_dev, st.st_ino) if st is not None else os.path.realpath(path)
        if key in claimed:
            raise WriteFailed(
                f"{claimed[key]} and {option} name the same file; nothing was written",
                code="output-is-input",
                file=path,
                hint=f"give {option} another file",
            )
        claimed[key] = option


def _write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _standard_stream(st: os.stat_result) -> int | None:
    """1 or 2 when ``st`` is the file standard output or error already goes to."""
    for fd in (1, 2):
        try:
            if os.path.samestat(st, os.fstat(fd)):
                return fd
        except OSError:
            continue
    return None


def _write_special(path: Path, data: bytes, st: os.stat_result) -> None:
    """A FIFO or character device: opened without blocking (no reader on a FIFO: refused at
    once, never waited on), then written in place, blocking as a shell redirection would."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO and stat.S_ISFIFO(st.st_mode):
            raise WriteFailed(
                "is a FIFO (named pipe) that nothing reads; it was left as it is",
                code="output-not-writable",
                file=str(path),
                hint="start its reader first, or name a regular file",
            ) from exc
        raise
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino, stat.S_IFMT(now.st_mode)) != (
            st.st_dev,
            st.st_ino,
            stat.S_IFMT(st.st_mode),
        ):
            raise WriteFailed(
                "was replaced while aap-advise opened it; nothing was written", file=str(path)
            )
        with contextlib.suppress(OSError, AttributeError):
            os.set_blocking(fd, True)
        _write_fd(fd, data)
    finally:
        os.close(fd)


_KINDS = {
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def write_output(path: Path, data: bytes) -> None:
    """Write a report or constraints file to ``path`` (``-o``, ``--write-constraints``).

    * A new path or a regular file: :func:`write_atomic` (a temp file and a rename; owner,
      group, mode and hard links kept).
    * The file standard output or standard error already goes to (``/dev/stdout``,
      ``/dev/fd/1``, ``/proc/self/fd/2``, or that file by its name): written through that
      descriptor, never replaced or truncated.
    * A FIFO or a character device (``/dev/null``, a terminal): written in place, never
      replaced by a regular file. It is opened without blocking: a FIFO nobody reads, or a
      device that will not open for writing, is refused with one line rather than waited on.
    * A directory: ``Is a directory``; a block device, a socket: refused.

    :raises OSError: when the system refuses the write.
    :raises WriteFailed: for a path refused here.
    """
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None:
        fd = _standard_stream(st)
        if fd is not None:
            stream = sys.stdout if fd == 1 else sys.stderr
            with contextlib.suppress(Exception):
                stream.flush()
            _write_fd(fd, data)
            return
        if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
            _write_special(path, data, st)
            return
        kind = _KINDS.get(stat.S_IFMT(st.st_mode))
        if kind is not None or not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
            raise WriteFailed(
                f"is {kind or 'not a regular file'}; aap-advise writes only to files, FIFOs "
                "and character devices, so nothing was written",
                code="output-not-writable",
                file=str(path),
            )
    write_atomic(path, data)


# --- showing patches ---------------------------------------------------------------------------


def _lines(data: bytes, display: str) -> list[str]:
    try:
        text = TextFile.decode(data, display).text
    except WriteRefused:
        text = data.decode("utf-8", errors="replace")
    return text.splitlines(keepends=True)


def unified_diff(patches: Sequence[Patch]) -> str:
    """The patches as one unified diff (``a/`` and ``b/`` prefixes, as ``git apply`` takes).

    Line endings stay in the diff lines; a last line without one gets diff's
    ``\\ No newline at end of file`` marker. File names are shown with their control
    characters escaped (:func:`~advisor.errors.printable`): a name is not the file's text, and
    one holding a terminal escape would otherwise drive the terminal the diff is printed to.
    """
    out: list[str] = []
    for p in patches:
        name = p.path.as_posix()
        shown = printable(name)
        for line in difflib.unified_diff(
            _lines(p.before, name), _lines(p.after, name), f"a/{shown}", f"b/{shown}"
        ):
            out.append(line)
            if not line.endswith(("\n", "\r")):
                out.append("\n\\ No newline at end of file\n")
    return "".join(out)
