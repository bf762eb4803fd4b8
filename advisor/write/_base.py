"""The writers' shared vocabulary: patches, re-lock commands, the fix plan, what must move where,
the per-declaration decision, and byte-exact text decoding.

A writer never writes: it returns :class:`Patch` values (``before`` and ``after`` bytes), so
``--diff`` is free and :mod:`advisor.write.apply` owns every byte that reaches the disk.
"""

from __future__ import annotations

import codecs
import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from advisor.errors import AdvisorError

# The planner decided with this marker evaluation; the writers must pick the same lines it
# reasoned about, so they share it rather than evaluate markers their own way.
from advisor.model.markers import marker_admits
from advisor.write import specifiers
from advisor.write.specifiers import Dialect, SpecifierError

__all__ = [
    "Arm",
    "Decision",
    "FixPlan",
    "HashLookup",
    "Interrupted",
    "Keep",
    "Move",
    "Patch",
    "Refuse",
    "RelockCommand",
    "Split",
    "SplitArm",
    "Targets",
    "TextFile",
    "Want",
    "WriteFailed",
    "WriteRefused",
    "admits_marker",
    "ambiguous",
    "decide",
    "marker_admits",
    "refusal",
    "split_lines",
]


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


@dataclass(frozen=True, slots=True)
class Patch:
    """One file's whole content before and after the fix."""

    path: Path
    before: bytes
    after: bytes
    reason: str


@dataclass(frozen=True, slots=True)
class RelockCommand:
    """A lock or compile tool's own command, to run in ``cwd``; it rewrites ``file``."""

    argv: tuple[str, ...]
    cwd: Path
    file: Path
    reason: str = field(compare=False)  # the same command for two reasons runs once

    def __str__(self) -> str:
        command = shlex.join(self.argv)
        return (
            command if self.cwd == Path(".") else f"(cd {shlex.quote(str(self.cwd))} && {command})"
        )


@dataclass(frozen=True, slots=True)
class FixPlan:
    """Everything ``--fix`` would do: patches to apply, commands to print or run (``--relock``),
    messages for the user, and the edits refused (the front end writes nothing when there are any).

    ``by_hand`` holds the messages (also in ``messages``) that name a change the advice needs
    and ``--fix`` leaves to the user (setup.py, a ddtrace no file declares, a lock no tool
    owns): the fix is then not done, and the front end does not exit 0.
    """

    patches: list[Patch] = field(default_factory=list)
    commands: list[RelockCommand] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    refusals: list[WriteRefused] = field(default_factory=list)
    by_hand: list[str] = field(default_factory=list)

    def extend(self, other: FixPlan) -> None:
        """Add ``other``'s parts; a command already present is not repeated."""
        self.patches.extend(other.patches)
        self.commands.extend(c for c in other.commands if c not in self.commands)
        self.messages.extend(m for m in other.messages if m not in self.messages)
        self.refusals.extend(other.refusals)
        self.by_hand.extend(m for m in other.by_hand if m not in self.by_hand)


class HashLookup(Protocol):
    """Hashes of a release, for ``--hash`` lines."""

    def hashes(self, package: str, version: str) -> list[str]:
        """``sha256:<hex>`` of every file of ``package`` ``version`` (wheels and sdists), as
        pip-compile writes them; empty when the index lists none."""
        ...


# --- what must move ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Arm:
    """One target version and the CPythons (in scope) it is for; ``marker`` selects them
    (``""`` when the arm covers every CPython in scope)."""

    version: str
    marker: str
    pythons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Want:
    """Where one package must go.

    :param arms: target versions by CPython; a CPython in no arm keeps what it has.
    :param raise_floor: the target itself (admit nothing below it), not a co-upgrade (admit it).
    :param unresolved: for a co-upgrade found offline, the specifier the target needs when no
        version could be chosen (a pin outside it cannot be moved without guessing).
    """

    package: str
    arms: tuple[Arm, ...]
    raise_floor: bool
    unresolved: str | None = None

    def pins(self) -> list[str]:
        """``name==version`` for one version, the bare name when the versions differ by CPython."""
        versions = {a.version for a in self.arms}
        return [f"{self.package}=={versions.pop()}"] if len(versions) == 1 else [self.package]


@dataclass(frozen=True, slots=True)
class Targets:
    """Every package that must move, the CPythons in scope, and the packages the new
    resolution adds (a compiled requirements file would need new pins for them)."""

    wants: Mapping[str, Want]
    pythons: tuple[str, ...]
    appearing: frozenset[str] = frozenset()

    @property
    def target(self) -> Want:
        """The ddtrace want (the one that raises its floor)."""
        return next(w for w in self.wants.values() if w.raise_floor)

    def pins(self) -> list[str]:
        """``--upgrade-package`` values: the target first, then the co-upgrades."""
        return [p for w in self.wants.values() if w.arms for p in w.pins()]


# --- the decision for one declaration ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Keep:
    """Nothing to change."""


@dataclass(frozen=True, slots=True)
class Move:
    """Replace the specifier; ``version`` is the arm's version (for ``--hash`` lines)."""

    spec: str
    version: str


@dataclass(frozen=True, slots=True)
class SplitArm:
    """One declaration of a split: its specifier, the arm's marker and version."""

    spec: str
    marker: str
    version: str


@dataclass(frozen=True, slots=True)
class Split:
    """Replace the declaration with one per arm, in arm order."""

    arms: tuple[SplitArm, ...]


@dataclass(frozen=True, slots=True)
class Refuse:
    """Cannot be changed without guessing."""

    reason: str
    hint: str | None = None


Decision = Keep | Move | Split | Refuse


def decide(
    want: Want,
    spec: str,
    admits: Callable[[str], bool],
    pythons: Sequence[str],
    *,
    dialect: Dialect = "pep440",
) -> Decision:
    """What to do with one declaration of ``want.package`` whose marker ``admits`` some CPythons.

    Only the CPythons in scope the declaration reaches count: one arm among them moves the
    specifier, several split the declaration, none leaves it alone. A declaration reaching
    CPythons that move and CPythons that stay is refused (one line cannot say both).
    """
    reached = [py for py in pythons if admits(py)]
    if not reached:
        return Keep()
    if want.unresolved is not None:
        return _unresolved(want, spec, dialect)
    hit = [a for a in want.arms if set(a.pythons) & set(reached)]
    covered = {py for a in hit for py in a.pythons}
    try:
        fits = [
            specifiers.satisfies(spec, a.version, dialect=dialect, floor=want.raise_floor)
            for a in hit
        ]
        if all(fits):
            return Keep()
        if any(py not in covered for py in reached):
            moving = ", ".join(sorted(covered & set(reached)))
            return Refuse(
                f"{want.package} moves on CPython {moving} only, "
                "and this declaration also serves others",
                hint="use --write-constraints, whose lines carry the markers",
            )
        if len(hit) == 1:
            a = hit[0]
            return Move(
                specifiers.move(spec, a.version, dialect=dialect, raise_floor=want.raise_floor),
                a.version,
            )
        if not all(a.marker for a in hit):
            return Refuse(f"{want.package} has several targets and no marker to tell them apart")
        return Split(
            tuple(
                SplitArm(
                    specifiers.move(spec, a.version, dialect=dialect, raise_floor=want.raise_floor),
                    a.marker,
                    a.version,
                )
                for a in hit
            )
        )
    except SpecifierError as exc:
        return Refuse(str(exc))


def _unresolved(want: Want, spec: str, dialect: Dialect) -> Decision:
    """Offline co-upgrade: refuse a pin outside what the target needs; ranges are left alone."""
    assert want.unresolved is not None
    pinned = specifiers.pinned_version(spec, dialect=dialect)
    try:
        outside = pinned is not None and not SpecifierSet(want.unresolved).contains(
            pinned, prereleases=True
        )
    except InvalidSpecifier:
        outside = True
    if not outside:
        return Keep()
    return Refuse(
        f"{want.package} {pinned} must move to {want.unresolved}, and no version was resolved",
        hint="run without --offline so the co-upgrade is resolved to a version",
    )


# --- text, byte for byte -----------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class TextFile:
    """A file's text and how to turn edited text back into bytes the same way (BOM, encoding)."""

    text: str
    encoding: str
    bom: bytes

    @classmethod
    def decode(cls, data: bytes, display: str) -> TextFile:
        """Decode UTF-8 (BOM optional) or BOM-marked UTF-16, as the readers do.

        :raises WriteRefused: when the bytes do not decode, or would not encode back identically.
        """
        bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", "utf-8"))
        try:
            text = data[len(bom) :].decode(encoding)
        except UnicodeDecodeError as exc:
            raise WriteRefused(f"not valid {encoding}: {exc.reason}", file=display) from exc
        decoded = cls(text, encoding, bom)
        if decoded.encode(text) != data:
            raise WriteRefused("the file would not be written back byte for byte", file=display)
        return decoded

    def encode(self, text: str) -> bytes:
        """``text`` in this file's encoding, with its BOM."""
        return self.bom + text.encode(self.encoding)


def split_lines(text: str) -> list[tuple[str, str]]:
    """``(content, line ending)`` pairs; endings: ``\\r\\n``, ``\\n``, ``\\r``, ``""`` at the end.

    Unlike :meth:`str.splitlines`, form feeds and Unicode separators stay inside lines, as pip
    reads them.
    """
    out: list[tuple[str, str]] = []
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "\r\n":
            end = i + 2 if text.startswith("\r\n", i) else i + 1
            out.append((text[start:i], text[i:end]))
            start = i = end
            continue
        i += 1
    if start < len(text):
        out.append((text[start:], ""))
    return out


def admits_marker(marker: str | None) -> Callable[[str], bool]:
    """``python -> bool`` for a PEP 508 marker (no marker admits every CPython)."""
    return lambda python: marker_admits(marker, python)


def refusal(
    path: str, decision: Refuse, line: int | None = None, key: str | None = None
) -> WriteRefused:
    """The :class:`WriteRefused` for a refused declaration."""
    return WriteRefused(decision.reason, file=path, line=line, key=key, hint=decision.hint)


def ambiguous(path: str, package: str, where: str, line: int | None = None) -> WriteRefused:
    """Several declarations of one package in one list, and one of them must move (uv's
    ``Ambiguous``: which to change is a guess)."""
    return WriteRefused(
        f"{package} is declared more than once in {where}; which to change is ambiguous",
        code="ambiguous",
        file=path,
        line=line,
        hint="keep one declaration (or edit them by hand), then run --fix again",
    )
