"""Putting patches on disk, all or nothing, and showing them as a unified diff.

Each file is written atomically (a temp file in the same directory, then :func:`os.replace`,
keeping the file's mode). When one file fails, every file already replaced gets its original
bytes back, as pip-audit's ``_recover_files`` does, but with the temp file beside the target
so a rename never crosses file systems.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from advisor.write._base import Patch, TextFile, WriteFailed, WriteRefused

__all__ = ["apply", "restore", "unified_diff", "write_atomic"]


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path``'s content with ``data`` in one rename, keeping its mode.

    A symlink is followed, so the link stays a link and its target gets the new content.
    """
    target = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".aap-advise.tmp"
    )
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _check_unchanged(patches: Sequence[Patch]) -> None:
    """Every file still holds the bytes the plan was made from (nothing edited it since), and
    no file is patched twice (the second patch would silently undo the first)."""
    seen: set[str] = set()
    for p in patches:
        real = os.path.realpath(p.path)
        if real in seen:
            raise WriteFailed("patched twice in one plan; nothing was written", file=str(p.path))
        seen.add(real)
        try:
            current = p.path.read_bytes()
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


def _check_writable(patches: Sequence[Patch]) -> None:
    """Every file, and the folder its temp file goes to, may be written (a read-only file or
    file system is found before the first write, not half-way through).

    A rename would replace a read-only file whose folder is writable; the file's mode is
    taken as the owner's wish that it not be edited.
    """
    for p in patches:
        target = Path(os.path.realpath(p.path))
        if not os.access(target, os.W_OK):
            raise WriteFailed(
                "cannot write: the file is read-only; nothing was written",
                code="read-only",
                file=str(p.path),
            )
        if not os.access(target.parent, os.W_OK | os.X_OK):
            raise WriteFailed(
                f"cannot write: its folder {target.parent} is read-only; nothing was written",
                code="read-only",
                file=str(p.path),
            )


def apply(patches: Sequence[Patch]) -> None:
    """Write every patch, or none.

    :raises WriteFailed: naming the file that failed, after every file already written has
        its original bytes back (or naming those that could not be restored, too).
    """
    _check_unchanged(patches)
    _check_writable(patches)
    done: list[Patch] = []
    for p in patches:
        try:
            write_atomic(p.path, p.after)
        except OSError as exc:
            unrestored = _restore(done)
            message = f"cannot write: {exc.strerror or exc}; "
            message += (
                f"could not restore {', '.join(unrestored)}"
                if unrestored
                else "every file was restored"
            )
            raise WriteFailed(message, file=str(p.path)) from exc
        done.append(p)


def _restore(patches: Sequence[Patch]) -> list[str]:
    """Put ``before`` back into each file, newest first; the paths that failed."""
    failed = []
    for p in reversed(patches):
        try:
            write_atomic(p.path, p.before)
        except OSError:
            failed.append(str(p.path))
    return failed


def restore(patches: Sequence[Patch]) -> None:
    """Undo applied patches (after a later step, such as a re-lock, failed).

    :raises WriteFailed: naming the files that could not be restored.
    """
    failed = _restore(patches)
    if failed:
        raise WriteFailed(f"could not restore {', '.join(failed)}")


def _lines(data: bytes, display: str) -> list[str]:
    try:
        text = TextFile.decode(data, display).text
    except WriteRefused:
        text = data.decode("utf-8", errors="replace")
    return text.splitlines(keepends=True)


def unified_diff(patches: Sequence[Patch]) -> str:
    """The patches as one unified diff (``a/`` and ``b/`` prefixes, as ``git apply`` takes).

    Line endings stay in the diff lines; a last line without one gets diff's
    ``\\ No newline at end of file`` marker.
    """
    out: list[str] = []
    for p in patches:
        name = p.path.as_posix()
        for line in difflib.unified_diff(
            _lines(p.before, name), _lines(p.after, name), f"a/{name}", f"b/{name}"
        ):
            out.append(line)
            if not line.endswith(("\n", "\r")):
                out.append("\n\\ No newline at end of file\n")
    return "".join(out)
