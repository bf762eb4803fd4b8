"""Which files a dependency file may make aap-advise read: those inside the repository.

Dependency files are data, often from a pull request. ``-r ../../../home/runner/.netrc`` would
otherwise make aap-advise read any file the user can read, and quote its first bad line in an
error or a pull-request comment. So a file that a manifest names (``-r``, ``-c``, setuptools
``file:``, the metadata of a local ``-e`` project) or that is found in a folder is read only
when its real path, symbolic links followed, lies inside the repository of the path the user
named; ``--allow-outside`` lifts that. A file the user names is held to the same rule: named
in a workflow (``paths: requirements.txt``), it may be a pull request's symbolic link to
``~/.git-credentials``.

The repository of a named path is the nearest folder at or above it holding ``.git`` (a folder,
or a file as in worktrees and submodules). Without one, it is the folder named, or the folder
holding the file named: not the working directory, which may be a home folder holding
``~/.ssh`` as well as ``~/Downloads/untrusted/requirements.txt``.

The boundary in force is kept in a context variable rather than passed to every reader: only
the readers that follow files ask for it, and the reader interface stays ``read(path, display)``.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import ManifestError

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["Boundary", "Folders", "current", "repository_root"]

#: The hint every refusal ends with (the message stays one line: no separate hint line).
_LIFT = "--allow-outside follows it"


@dataclass(frozen=True, slots=True)
class Boundary:
    """The folder files may be read from (its real path); ``None`` lets every file be read.

    :param repository: whether ``root`` holds ``.git`` (else it is just the folder named),
        so that a refusal says which it is.
    :param trusted: whether ``${VAR}`` in an include path may be expanded from the process
        environment (see "Security model" in the README).
    """

    root: Path | None
    repository: bool = True
    trusted: bool = True

    @classmethod
    def around(
        cls,
        named: Path,
        *,
        allow_outside: bool = False,
        trusted: bool = True,
        folders: Folders | None = None,
    ) -> Boundary:
        """The boundary for a path the user named (see the module documentation).

        :param trusted: whether the files may use the process environment (``${VAR}`` in the
            paths of includes); ``False`` for the front ends that read files from a pull
            request (the Action, the pre-commit hooks, ``--untrusted``).
        :param folders: what is known of the folders (:func:`repository_root`).
        """
        if allow_outside:
            return cls(None, trusted=trusted)
        root, repository = repository_root(named, folders)
        return cls(root, repository, trusted)

    @property
    def described(self) -> str:
        """``the repository /x``, or ``/x (the folder named; no .git above it)``."""
        if self.repository:
            return f"the repository {self.root}"
        return f"{self.root} (the folder named; no .git above it)"

    def admits(self, target: Path, *, real: Path | str | None = None) -> bool:
        """Whether ``target`` (followed to its real path, ``real`` when known: a path, or the
        text of a normalised absolute one) may be read."""
        if self.root is None:
            return True
        if isinstance(real, str):  # the same test on the text: root itself, or below it
            root = str(self.root)
            return real == root or real.startswith(root if root.endswith("/") else root + "/")
        return (real or target.resolve()).is_relative_to(self.root)

    def check_include(
        self,
        target: Path,
        written: str,
        *,
        file: str,
        line: int | None = None,
        key: str | None = None,
        real: Path | None = None,
    ) -> None:
        """Refuse a file that ``file`` names (``written``: as the file writes it; ``real``:
        its real path, when known).

        :raises ManifestError: naming the including file and line (or key), when ``target``
            lies outside the repository, or holds a NUL character (a TOML escape can write
            one; no file is named so, and the operating system's calls refuse it).
        """
        if "\x00" in str(target):
            raise ManifestError(
                f"{written!r}: a file name cannot hold a NUL character",
                file=file,
                line=line,
                key=key,
                code="bad-include",
            )
        if not self.admits(target, real=real):
            raise ManifestError(
                f"{written}: leaves {self.described}; {_LIFT}",
                file=file,
                line=line,
                key=key,
                code="outside-repository",
            )

    def check_found(self, found: Path, display: str, *, real: Path | str | None = None) -> None:
        """Refuse a file found in a folder that links outside the repository (``real``: its
        real path, when known).

        :raises ManifestError: naming the file and where it leads.
        """
        if not self.admits(found, real=real):
            raise ManifestError(
                f"links to {real or found.resolve()}, outside {self.described}; {_LIFT}",
                file=display,
                code="outside-repository",
            )

    def active(self) -> _Active:
        """Make this the boundary :func:`current` returns while reading one named path (a
        context manager)."""
        return _Active(self)


class _Active:
    """:meth:`Boundary.active`: a class, not a generator, as it is entered for every file."""

    __slots__ = ("_boundary", "_token")

    def __init__(self, boundary: Boundary) -> None:
        self._boundary = boundary

    def __enter__(self) -> None:
        self._token = _ACTIVE.set(self._boundary)

    def __exit__(self, *exc: object) -> None:
        _ACTIVE.reset(self._token)


def repository_root(
    named: str | os.PathLike[str], folders: Folders | None = None
) -> tuple[Path, bool]:
    """The repository folder (a real path) of a path the user named, and whether it holds
    ``.git`` (``False``: no repository above, the folder named stands in).

    :param folders: what is known of the folders (the many projects of one run share the
        folders above them); ``None`` to ask the file system about each.
    """
    known = folders if folders is not None else Folders()
    start = os.path.abspath(named)  # ".." taken away by name, as the user meant it
    return known.repository_root(start if os.path.isdir(start) else os.path.dirname(start))


def _repository(folder: str, known: Folders) -> str | None:
    """The folder holding ``.git`` that is the repository of ``folder`` (a normalised
    absolute path), asked up the whole chain of folders above it; ``None`` for none."""
    # A folder reached through a symbolic link is not the repository, even when its target
    # holds .git: `backend -> /elsewhere/repo` inside a checkout would otherwise make
    # /elsewhere/repo the boundary. So .git counts only at or above the highest link on the
    # way up from the folder named (a checkout itself reached through a link, `~/work ->
    # /mnt/work`, is found above no link and stays its own repository).
    chain = [folder]
    while (parent := os.path.dirname(chain[-1])) != chain[-1]:
        chain.append(parent)
    git = [known.holds_git(c) for c in chain]
    # The highest link that sits inside a repository (a .git above it): only such a link can
    # be a pull request's; one above every repository is the machine's own.
    linked = max(
        (i for i, c in enumerate(chain) if known.is_link(c) and any(git[i + 1 :])), default=-1
    )
    found = next((i for i in range(linked + 1, len(chain)) if git[i]), None)
    return None if found is None else chain[found]


class Folders:
    """What :func:`repository_root` asks of folders (given as absolute paths): whether each
    holds ``.git`` or is a symbolic link, and its real path, each asked of the file system
    once: the projects of a monorepo share the folders above them.

    Kept for one run: what it found stands for the folders as they were when asked.
    """

    __slots__ = ("_git", "_link", "_real", "_repository")

    def __init__(self) -> None:
        self._git: dict[str, bool] = {}
        self._link: dict[str, bool] = {}
        self._real: dict[str, Path] = {}
        self._repository: dict[str, str | None] = {}

    def repository_root(self, folder: str) -> tuple[Path, bool]:
        """:func:`repository_root` of a folder (a normalised absolute path, known to be one)."""
        git = self.repository(folder)
        if git is None:
            return self.real(folder), False
        return self.real(git), True

    def repository(self, folder: str) -> str | None:
        """The folder holding ``.git`` that is the repository of ``folder`` (a normalised
        absolute path; see :func:`repository_root`), ``None`` for none.

        A folder that is neither a link nor holds ``.git`` has its parent's repository (the
        highest link and the nearest ``.git`` above it are the same, seen from either), so
        the folders of a monorepo ask the whole chain above them once, not once each: only
        a link or a repository's own folder is asked up its whole chain.
        """
        walked = []
        here = folder
        while here not in self._repository:
            parent = os.path.dirname(here)
            if self.is_link(here) or self.holds_git(here) or parent == here:
                self._repository[here] = _repository(here, self)
                break
            walked.append(here)
            here = parent
        found = self._repository[here]
        for below in walked:
            self._repository[below] = found
        return found

    def holds_git(self, folder: str) -> bool:
        """``folder`` holds ``.git`` (a folder, or a file as in worktrees and submodules)."""
        found = self._git.get(folder)
        if found is None:
            found = self._git[folder] = os.path.exists(os.path.join(folder, ".git"))
        return found

    def is_link(self, folder: str) -> bool:
        """``folder`` is a symbolic link."""
        found = self._link.get(folder)
        if found is None:
            found = self._link[folder] = os.path.islink(folder)
        return found

    def real(self, folder: str) -> Path:
        """The real path of ``folder`` (:meth:`Path.resolve`).

        A folder that is no link is its parent's real path and its name, as
        :func:`os.path.realpath` finds it component by component: below a folder already
        resolved, a folder is asked only whether it is a link.
        """
        found = self._real.get(folder)
        if found is None:
            parent, name = os.path.split(folder)
            above = self._real.get(parent) if name else None
            if above is not None and not self.is_link(folder):
                found = above / name
            else:
                found = Path(folder).resolve()
            self._real[folder] = found
        return found


def current(path: Path) -> Boundary:
    """The boundary in force; for a reader called on its own, the repository around ``path``."""
    return _ACTIVE.get() or Boundary.around(path)


_ACTIVE: ContextVar[Boundary | None] = ContextVar("aap_advise_boundary", default=None)
