"""Dockerfiles (``Dockerfile``, ``Containerfile``, ``Dockerfile.prod``, ``api.Dockerfile``):
one :class:`~advisor.model.deployment.Deployment` per file, for the image ``docker build``
makes of it: the final stage.

The final stage is followed back through ``FROM <earlier stage>`` to the image its chain starts
from; that image names the CPython (``python:3.11-slim``), musl (``-alpine``) and AWS Lambda
(``public.ecr.aws/lambda/python:3.12``), and the nearest ``FROM --platform=linux/arm64`` of the
chain the CPU. The deployment's line is the final stage's ``FROM`` (where a reader looks for
"the image"), even when the image named is an earlier stage's.

The file is read the way BuildKit reads it, without running anything: the ``# escape=``
parser directive, line continuations (a comment or blank line inside one is skipped),
heredocs (``RUN <<EOF`` ... ``EOF``: the body belongs to the instruction), instructions in any
case. ``$VAR``, ``${VAR}``, ``${VAR:-default}`` and ``${VAR:+word}`` are replaced by what the
file itself declares (``ARG`` defaults, and ``ENV`` values for what ``RUN`` runs), never by the
environment of this process; a reference the file leaves without a value names no CPython
(or version) and says so in an info ``deployment-unresolved`` finding. An instruction this
reader does not know (a template's ``{% if %}`` line) is skipped, not refused.

Read from the final chain: ``DD_*`` variables of ``ENV`` (``A=1 B="x y"`` and the legacy
``ENV A value``) and the defaults of ``ARG DD_*``, each with its line (a secret-looking name
keeps no value, any other name is never looked at); ``ddtrace-run`` in the effective ``CMD``
or ``ENTRYPOINT`` (exec or shell form). ddtrace is what a ``pip install``, ``python -m pip
install``, ``uv pip install``, ``uv add`` or ``poetry add`` names, in a ``RUN`` of the final
chain or of a stage it copies from (``COPY --from=builder``, followed to that stage's own
chain and copies); the last to take effect wins (a copy takes effect where the ``COPY`` is).
Options and their values are skipped, so ``-r requirements.txt`` installs nothing seen here.
Shell words are split the way ``shlex`` (POSIX mode) splits them, with the offset of each
kept, so the line given is the physical line the ddtrace word is on; an unbalanced quote is
taken as a character and the rest split on whitespace.

Every step is linear in the file: tokens are matched by one regular expression without nested
quantifiers, stages are followed by index, and a file over :data:`MAX_DOCKERFILE_BYTES` is
refused before it is parsed.
"""

from __future__ import annotations

import json
import posixpath
import re
from bisect import bisect_right
from collections import ChainMap
from collections.abc import Iterator, Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import ManifestError
from advisor.manifests._pep508 import pinned_version, spec_text, too_long
from advisor.manifests._text import read_text
from advisor.manifests.poetry import PoetryConstraintError, to_pep440
from advisor.model.deployment import (
    DeployedDdtrace,
    Deployment,
    EnvSetting,
    ImageFacts,
    ddtrace_dependency,
    env_setting,
    image_facts,
    linux_platform,
)
from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name
from advisor.model.project import Finding, Manifest, SourceLocation

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["MAX_DD_VARIABLES", "MAX_DOCKERFILE_BYTES", "MAX_STAGES", "READER", "DockerfileReader"]

#: Dockerfiles larger than this are refused: ten times the largest real ones (a few dozen KB),
#: and small enough that even a file of one-character lines is read in a fraction of a second.
MAX_DOCKERFILE_BYTES = 1024 * 1024
#: Stages one Dockerfile may have (real ones have a handful; each copies the environment of
#: the stage it is built on).
MAX_STAGES = 256
#: Distinct ``DD_*`` variables one final stage may set (real ones set a dozen at most).
MAX_DD_VARIABLES = 1000

#: Every Dockerfile instruction; a line starting with another word is skipped.
_INSTRUCTIONS = frozenset(
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK",
        "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
        "WORKDIR",
    }
)  # fmt: skip
#: Instructions whose ``<<EOF`` words start a heredoc (BuildKit's list).
_HEREDOC_INSTRUCTIONS = frozenset({"ADD", "COPY", "RUN"})
#: Arguments BuildKit sets for each build; their value is never the file's.
_PLATFORM_ARGS = frozenset(
    f"{side}{what}"
    for side in ("BUILD", "TARGET")
    for what in ("PLATFORM", "OS", "ARCH", "VARIANT")
)

_DIRECTIVE = re.compile(
    r"#[ \t]{0,64}([A-Za-z][A-Za-z0-9_-]{0,31})[ \t]{0,64}=[ \t]{0,64}(\S{1,256})[ \t]{0,64}"
)
_KEYWORD = re.compile(r"[ \t]{0,256}([A-Za-z]{1,16})(?=[ \t]|$)")
_FLAG = re.compile(r"[ \t]{0,256}--([A-Za-z][A-Za-z0-9-]{0,63})(?:=([^ \t]*))?(?=[ \t]|$)")
_VARIABLE = re.compile(
    r"\$(?:\{([A-Za-z_][A-Za-z0-9_]{0,127})(?:(:?[-+])([^{}$]{0,1024}))?\}"
    r"|([A-Za-z_][A-Za-z0-9_]{0,127}))"
)
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}=.*", re.DOTALL)
_PYTHON = re.compile(r"python(?:3(?:\.\d{1,2})?)?")
_PIP = re.compile(r"pip(?:3(?:\.\d{1,2})?)?")
_SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh"})
_SHEBANG_SHELL = re.compile(r"\b(?:ba|da|z|k|a)?sh\b")
_DDTRACE = re.compile(r"ddtrace(?![A-Za-z0-9_.-])", re.IGNORECASE)
#: Words that may come before the program of a command (``sudo pip install``, ``then pip ...``).
_PREFIXES = frozenset(
    {"sudo", "exec", "time", "env", "command", "nohup", "then", "do", "else", "!", "{"}
)
#: Options of pip, uv and poetry that take a value as the next word.
_VALUE_OPTIONS = frozenset(
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url",
        "--extra-index-url", "--index", "--default-index", "-f", "--find-links", "-t",
        "--target", "--prefix", "--root", "--src", "--upgrade-strategy", "--platform",
        "--python-version", "--implementation", "--abi", "--only-binary", "--no-binary",
        "--progress-bar", "--trusted-host", "--cache-dir", "--log", "--log-file", "--proxy",
        "--retries", "--timeout", "--exists-action", "--cert", "--client-cert",
        "--global-option", "--install-option", "-C", "--config-settings", "--config-setting",
        "--report", "--root-user-action", "--keyring-provider", "--use-feature",
        "--use-deprecated", "--group", "--python", "-p", "--index-strategy", "--resolution",
        "--prerelease", "--override", "--overrides", "--build-constraint",
        "--build-constraints", "--extra", "--python-platform", "--exclude-newer",
        "--link-mode", "--reinstall-package", "-P", "--upgrade-package", "--refresh-package",
        "--config-file", "--directory", "--project", "--color", "--torch-backend", "-G",
        "--source", "-E", "--extras", "--markers", "-m", "--marker", "--optional", "--rev",
        "--tag", "--branch", "--package", "--script", "--bounds", "--allow-insecure-host",
        "--dev-group", "--constraints",
    }
)  # fmt: skip

_SHELL_TOKEN = re.compile(
    r"(?P<space>[ \t\r\f\v]+)"
    r"|(?P<newline>\n)"
    r"|(?P<redirect>[0-9]{0,3}(?:<<-|<<<|<<|>>|<&|>&|<>|>\||&>|<|>))"
    r"|(?P<operator>&&|\|\||;;|[;&|()])"
    r"|(?P<single>'[^']*')"
    r'|(?P<double>"(?:[^"\\]|\\.)*")'
    r"|(?P<escape>\\.)"
    r"|(?P<comment>#[^\n]*)"
    r"|(?P<bare>[^\s'\"\\;&|()<>#]+)"
    r"|(?P<other>.)",
    re.DOTALL,
)
_DOUBLE_ESCAPE = re.compile(r'\\([$`"\\\n])')


def _docker_token(escape: str) -> re.Pattern[str]:
    """The tokens of Dockerfile words with ``escape`` as the escape character: whitespace
    separates words, nothing else does (``&&`` is a shell's, not the Dockerfile's)."""
    e = re.escape(escape)
    return re.compile(
        r"(?P<space>\s+)"
        r"|(?P<single>'[^']*')"
        rf'|(?P<double>"(?:[^"{e}]|{e}.)*")'
        rf"|(?P<escape>{e}.)"
        rf"|(?P<bare>[^\s'\"{e}]+)"
        r"|(?P<other>.)",
        re.DOTALL,
    )


_DOCKER_TOKEN = {"\\": _docker_token("\\"), "`": _docker_token("`")}


@dataclass(frozen=True, slots=True)
class _Text:
    """A text made of pieces of physical lines, and where each piece starts: a word's offset
    gives the line it is on."""

    text: str
    starts: tuple[int, ...]
    lines: tuple[int, ...]

    def line_at(self, offset: int) -> int:
        """The 1-based physical line of character ``offset``."""
        return self.lines[max(0, bisect_right(self.starts, offset) - 1)]


@dataclass(frozen=True, slots=True)
class _Word:
    """A word with its quotes and escapes removed, and the offset where it starts."""

    text: str
    start: int


@dataclass(frozen=True, slots=True)
class _Heredoc:
    """A heredoc body, and whether a shell runs it (``RUN <<EOF``, ``RUN bash <<EOF``)."""

    body: _Text
    shell: bool


@dataclass(frozen=True, slots=True)
class _Instruction:
    """One instruction: its keyword (upper case), its arguments (continuations joined), its
    first line, the escape character in force, and its heredoc bodies."""

    keyword: str
    args: _Text
    line: int
    escape: str
    heredocs: tuple[_Heredoc, ...] = ()


@dataclass(frozen=True, slots=True)
class _Install:
    """A ddtrace a ``RUN`` installs, and the finding saying what of it could not be read."""

    ddtrace: DeployedDdtrace
    finding: Finding | None


@dataclass(frozen=True, slots=True)
class _Platform:
    """A ``FROM --platform=``: as written, with global ``ARG`` values replaced (``None`` when
    one has no value, ``missing`` saying which), and its line."""

    written: str
    resolved: str | None
    missing: str | None
    line: int


@dataclass(slots=True)
class _Stage:
    """One ``FROM`` and what its instructions say.

    :param image: the reference with variables replaced; ``None`` when one has no value
        (``unresolved`` says which).
    :param platform: its ``--platform``.
    :param parent: the earlier stage ``FROM`` names, if it names one.
    :param env: the ``DD_*`` settings of its ``ENV`` and ``ARG`` lines, last one per name.
    :param environment: the values of its ``ENV`` variables (inherited by stages built on it),
        for ``$VAR`` in what it runs.
    :param scope: ``environment`` and the stage's ``ARG`` values.
    :param events: ddtrace installs and stages copied from, in order.
    :param cmd: whether its last ``CMD`` runs ``ddtrace-run`` (``None``: it has none).
    :param entrypoint: the same for ``ENTRYPOINT``.
    """

    index: int
    line: int
    name: str | None
    written: str
    image: str | None
    unresolved: str | None
    platform: _Platform | None
    parent: _Stage | None
    env: dict[str, EnvSetting] = field(default_factory=dict)
    environment: dict[str, str | None] = field(default_factory=dict)
    scope: dict[str, str | None] = field(default_factory=dict)
    events: list[_Install | _Stage] = field(default_factory=list)
    cmd: bool | None = None
    entrypoint: bool | None = None


class DockerfileReader:
    """Dockerfiles and Containerfiles: the final stage's image, platform, ``DD_*`` variables,
    ``ddtrace-run`` and the ddtrace it installs."""

    kind = "dockerfile"
    is_lock = False

    def matches(self, path: Path, head: bytes) -> bool:
        """``Dockerfile``, ``Containerfile`` (either in lower case too), ``Dockerfile.<x>``,
        ``Containerfile.<x>``, ``<x>.Dockerfile``, ``<x>.dockerfile``, ``<x>.containerfile``;
        never ``<x>.dockerignore``."""
        name = path.name
        if name.endswith(".dockerignore"):
            return False
        return (
            name in ("Dockerfile", "Containerfile", "dockerfile", "containerfile")
            or name.startswith(("Dockerfile.", "Containerfile."))
            or name.endswith((".Dockerfile", ".dockerfile", ".containerfile", ".Containerfile"))
        )

    def sniff(self, head: bytes) -> bool:
        """Never by content: Dockerfiles are found by name."""
        return False

    def read(self, path: Path, display: str) -> Manifest:
        """The file's final stage as one deployment (none for a file without ``FROM``)."""
        text = read_text(path, display)
        if len(text) > MAX_DOCKERFILE_BYTES:
            raise ManifestError(
                f"file is {len(text)} characters, over the {MAX_DOCKERFILE_BYTES // 1024} KiB "
                "limit for Dockerfiles",
                file=display,
                code="file-too-large",
            )
        stages = _Builder(display).build(_instructions(text, display))
        if not stages:
            return Manifest(display, self.kind)
        deployment = _deployment(stages, display)
        deps = (ddtrace_dependency(deployment.ddtrace, display),) if deployment.ddtrace else ()
        return Manifest(display, self.kind, dependencies=deps, deployments=(deployment,))


READER = DockerfileReader()


# --- reading the file into instructions ---------------------------------------------------


def _instructions(text: str, display: str) -> Iterator[_Instruction]:
    """The instructions of ``text``, continuation lines joined and heredoc bodies attached."""
    lines = text.split("\n")
    escape, i = _directives(lines)
    while i < len(lines):
        raw = lines[i].rstrip("\r")
        i += 1
        first = i
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        m = _KEYWORD.match(raw)
        keyword = m.group(1).upper() if m else ""
        args, i = _continued(raw[m.end() :] if m else raw, first, lines, i, escape)
        if keyword not in _INSTRUCTIONS:
            continue
        heredocs: tuple[_Heredoc, ...] = ()
        if keyword in _HEREDOC_INSTRUCTIONS and "<<" in args.text:
            heredocs, i = _heredocs(args, lines, i, display, first)
        yield _Instruction(keyword, args, first, escape, heredocs)


def _directives(lines: list[str]) -> tuple[str, int]:
    """The escape character the parser directives at the top set, and the first line after
    them. An unknown directive is a comment, and ends them (as BuildKit reads them)."""
    escape = "\\"
    i = 0
    while i < len(lines):
        m = _DIRECTIVE.fullmatch(lines[i].rstrip("\r"))
        if m is None:
            break
        name, value = m.group(1).lower(), m.group(2)
        if name == "escape" and value in ("\\", "`"):
            escape = value
        elif name not in ("syntax", "check", "escape"):
            break
        i += 1
    return escape, i


def _continued(piece: str, line: int, lines: list[str], i: int, escape: str) -> tuple[_Text, int]:
    """One logical line from ``piece`` (of ``line``) on: while a piece ends with the escape
    character, the next line that is not blank or a comment continues it."""
    texts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    offset = 0
    while True:
        trimmed = piece.rstrip(" \t")
        more = trimmed.endswith(escape)
        if more:
            piece = trimmed[:-1]
        texts.append(piece)
        starts.append(offset)
        numbers.append(line)
        offset += len(piece)
        if not more:
            break
        while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith("#")):
            i += 1
        if i >= len(lines):
            break
        piece = lines[i].rstrip("\r")
        i += 1
        line = i
    return _Text("".join(texts), tuple(starts), tuple(numbers)), i


def _heredocs(
    args: _Text, lines: list[str], i: int, display: str, line: int
) -> tuple[tuple[_Heredoc, ...], int]:
    """The bodies of the heredocs ``args`` opens, read from line ``i`` on, in order."""
    _, markers = _shell_commands(args.text, _after_flags(args.text))
    bodies: list[_Heredoc] = []
    for delimiter, strip_tabs, program in markers:
        start = i
        while i < len(lines):
            candidate = lines[i].rstrip("\r")
            if (candidate.lstrip("\t") if strip_tabs else candidate) == delimiter:
                break
            i += 1
        else:
            raise ManifestError(
                f"heredoc <<{excerpt(delimiter, 40)} is never closed by a line "
                f"{excerpt(delimiter, 40)!r}",
                file=display,
                line=line,
                code="invalid-dockerfile",
            )
        body = [lines[n].rstrip("\r") for n in range(start, i)]
        starts: list[int] = []
        offset = 0
        for piece in body:
            starts.append(offset)
            offset += len(piece) + 1
        text = _Text("\n".join(body), tuple(starts), tuple(range(start + 1, i + 1)))
        shell = not program or posixpath.basename(program) in _SHELLS
        if shell and body and body[0].startswith("#!"):
            shell = _SHEBANG_SHELL.search(body[0][:200]) is not None
        bodies.append(_Heredoc(text, shell))
        i += 1
    return tuple(bodies), i


# --- words ---------------------------------------------------------------------------------


def _shell_commands(
    text: str, pos: int = 0
) -> tuple[list[list[_Word]], list[tuple[str, bool, str]]]:
    """The simple commands of shell ``text`` from ``pos`` (split on ``;``, ``&&``, ``|``,
    newlines ...), each a list of words, redirections and comments left out; and the heredocs
    it opens (delimiter, ``<<-``, the program of its command or ``""``), as BuildKit finds
    them (``<<EOF``, ``<<'EOF'``: a word of its own)."""
    commands: list[list[_Word]] = [[]]
    heredocs: list[tuple[str, bool, str]] = []
    parts: list[str] = []
    start = -1
    redirect: str | None = None
    redirect_end = -1
    end = len(text)

    def finish() -> None:
        nonlocal parts, start, redirect
        if start < 0:
            return
        word = _Word("".join(parts), start)
        parts, start = [], -1
        if redirect is None:
            commands[-1].append(word)
            return
        if redirect in ("<<", "<<-") and word.start == redirect_end:
            program = commands[-1][0].text if commands[-1] else ""
            heredocs.append((word.text, redirect == "<<-", program))
        redirect = None

    while pos < end:
        m = _SHELL_TOKEN.match(text, pos)
        assert m is not None  # the last alternative matches any character
        kind = m.lastgroup
        token = m.group()
        if kind == "comment" and start >= 0:
            parts.append("#")  # a "#" inside a word is a character
            pos = m.start() + 1
            continue
        pos = m.end()
        if kind in ("space", "comment"):
            finish()
        elif kind in ("newline", "operator"):
            finish()
            redirect = None
            if commands[-1]:
                commands.append([])
        elif kind == "redirect":
            glued = start >= 0  # ``a<<b``: BuildKit's heredocs are words of their own
            finish()
            redirect = token.lstrip("0123456789")
            if glued and redirect in ("<<", "<<-"):
                redirect = "<"
            redirect_end = m.end()
        else:
            if start < 0:
                start = m.start()
            if kind == "single":
                parts.append(token[1:-1])
            elif kind == "double":
                parts.append(_DOUBLE_ESCAPE.sub(_unescape_double, token[1:-1]))
            elif kind == "escape":
                parts.append("" if token[1] == "\n" else token[1])
            else:
                parts.append(token)
    finish()
    return [c for c in commands if c], heredocs


def _unescape_double(m: re.Match[str]) -> str:
    """What a backslash escape inside double quotes stands for (a newline: nothing)."""
    return "" if m.group(1) == "\n" else m.group(1)


def _docker_words(text: str, escape: str) -> list[_Word]:
    """The words of a Dockerfile instruction's arguments, split on whitespace, quotes and the
    escape character removed (variables are left as written)."""
    pattern = _DOCKER_TOKEN[escape]
    words: list[_Word] = []
    parts: list[str] = []
    start = -1
    for m in pattern.finditer(text):
        kind = m.lastgroup
        token = m.group()
        if kind == "space":
            if start >= 0:
                words.append(_Word("".join(parts), start))
                parts, start = [], -1
            continue
        if start < 0:
            start = m.start()
        if kind == "single":
            parts.append(token[1:-1])
        elif kind == "double":
            parts.append(re.sub(re.escape(escape) + "(.)", r"\1", token[1:-1], flags=re.DOTALL))
        elif kind == "escape":
            parts.append(token[1:])
        else:
            parts.append(token)
    if start >= 0:
        words.append(_Word("".join(parts), start))
    return words


def _exec_form(text: str) -> list[str] | None:
    """The strings of an exec-form instruction (``["ddtrace-run", "gunicorn"]``), or
    ``None`` when it is in shell form (anything else than a JSON list of strings)."""
    stripped = text.strip()
    if not stripped.startswith("["):
        return None
    try:
        value = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def _substitute(text: str, scope: Mapping[str, str | None]) -> tuple[str | None, str | None]:
    """``text`` with ``$VAR``, ``${VAR}``, ``${VAR:-default}``, ``${VAR-default}``,
    ``${VAR:+word}`` and ``${VAR+word}`` replaced from ``scope`` (``None``: declared without
    a value); ``(None, what)`` when one has no value, or uses a form not read here."""
    if "$" not in text:
        return text, None
    missing: list[str] = []

    def value(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(4)
        op, word = m.group(2), m.group(3) or ""
        current = None if name in _PLATFORM_ARGS else scope.get(name)
        if op is None:
            if current is None:
                missing.append(f"${name}")
                return ""
            return current
        if op in (":-", "-"):
            empty = current is None or (op == ":-" and current == "")
            return word if empty else str(current)
        unset = current is None or (op == ":+" and current == "")
        return "" if unset else word

    result = _VARIABLE.sub(value, text)
    if missing:
        return None, missing[0]
    if "$" in result:
        return None, "a ${...} form"
    return result, None


# --- stages ----------------------------------------------------------------------------------


class _Builder:
    """Reads instructions into stages."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.stages: list[_Stage] = []
        self.names: dict[str, _Stage] = {}
        #: Global ``ARG`` values (before the first ``FROM``), with variables replaced.
        self.args: dict[str, str | None] = {}
        #: Global ``ARG`` defaults as written, for a stage's ``ARG DD_X`` without one.
        self.written_args: dict[str, str] = {}

    def build(self, instructions: Iterator[_Instruction]) -> list[_Stage]:
        """The stages, in order."""
        for ins in instructions:
            if ins.keyword == "FROM":
                self._from(ins)
            elif not self.stages:
                if ins.keyword == "ARG":
                    self._global_arg(ins)
            else:
                self._in_stage(ins, self.stages[-1])
        return self.stages

    def _from(self, ins: _Instruction) -> None:
        if len(self.stages) >= MAX_STAGES:
            raise ManifestError(
                f"more than {MAX_STAGES} stages",
                file=self.display,
                line=ins.line,
                code="file-too-large",
            )
        words = _docker_words(ins.args.text, ins.escape)
        i = 0
        platform: _Platform | None = None
        while i < len(words) and words[i].text.startswith("--"):
            flag = words[i].text
            if flag.lower().startswith("--platform="):
                written = flag.split("=", 1)[1]
                resolved, missing = _substitute(written, self.args)
                platform = _Platform(written, resolved, missing, ins.args.line_at(words[i].start))
            i += 1
        if i >= len(words):
            raise ManifestError(
                "FROM names no image", file=self.display, line=ins.line, code="invalid-dockerfile"
            )
        written = words[i].text
        named = i + 2 < len(words) and words[i + 1].text.lower() == "as"
        name = words[i + 2].text.lower() if named else None
        image, unresolved = _substitute(written, self.args)
        parent = self.names.get(image.lower()) if image is not None else None
        stage = _Stage(
            index=len(self.stages),
            line=ins.line,
            name=name,
            written=written,
            image=image,
            unresolved=unresolved,
            platform=platform,
            parent=parent,
        )
        if parent is not None:
            stage.environment = dict(parent.environment)
            stage.scope = dict(parent.environment)
        self.stages.append(stage)
        if name is not None:
            self.names[name] = stage

    def _global_arg(self, ins: _Instruction) -> None:
        for word in _docker_words(ins.args.text, ins.escape):
            name, eq, default = word.text.partition("=")
            if eq:
                self.args[name], _ = _substitute(default, self.args)
                self.written_args[name] = default
            else:
                self.args.setdefault(name, None)

    def _in_stage(self, ins: _Instruction, stage: _Stage) -> None:
        if ins.keyword == "ARG":
            self._arg(ins, stage)
        elif ins.keyword == "ENV":
            self._env(ins, stage)
        elif ins.keyword == "RUN":
            stage.events.extend(_run_installs(ins, stage.scope, self.display))
        elif ins.keyword in ("COPY", "ADD"):
            self._copy(ins, stage)
        elif ins.keyword == "CMD":
            stage.cmd = _runs_ddtrace(ins.args.text)
        elif ins.keyword == "ENTRYPOINT":
            stage.entrypoint = _runs_ddtrace(ins.args.text)

    def _arg(self, ins: _Instruction, stage: _Stage) -> None:
        for word in _docker_words(ins.args.text, ins.escape):
            name, eq, default = word.text.partition("=")
            if eq:
                value, _ = _substitute(default, stage.scope)
                written: str | None = default
            else:
                value = self.args.get(name)
                written = self.written_args.get(name)
            if name in stage.environment:
                continue  # an ENV of the same name wins over an ARG, whatever the order
            stage.scope[name] = value
            if written is not None:
                setting = env_setting(name, written, ins.args.line_at(word.start))
                self._setting(stage, setting, ins.line)

    def _env(self, ins: _Instruction, stage: _Stage) -> None:
        words = _docker_words(ins.args.text, ins.escape)
        if not words:
            return
        pairs: list[tuple[str, str, int]] = []
        if "=" in words[0].text:
            for word in words:
                name, eq, value = word.text.partition("=")
                if eq and name:
                    pairs.append((name, value, word.start))
        else:
            rest = ins.args.text[words[0].start + len(words[0].text) :].strip()
            if len(rest) >= 2 and rest[0] == rest[-1] and rest[0] in "\"'":
                rest = rest[1:-1]
            pairs.append((words[0].text, rest, words[0].start))
        for name, value, offset in pairs:
            resolved, _ = _substitute(value, stage.scope)
            stage.environment[name] = resolved
            stage.scope[name] = resolved
            self._setting(stage, env_setting(name, value, ins.args.line_at(offset)), ins.line)

    def _setting(self, stage: _Stage, setting: EnvSetting | None, line: int) -> None:
        if setting is None:
            return
        stage.env.pop(setting.name, None)
        stage.env[setting.name] = setting
        if len(stage.env) > MAX_DD_VARIABLES:
            raise ManifestError(
                f"more than {MAX_DD_VARIABLES} DD_* variables in one stage",
                file=self.display,
                line=line,
                code="file-too-large",
            )

    def _copy(self, ins: _Instruction, stage: _Stage) -> None:
        pos = 0
        while (m := _FLAG.match(ins.args.text, pos)) is not None:
            pos = m.end()
            if m.group(1).lower() != "from" or m.group(2) is None:
                continue
            source, _ = _substitute(m.group(2).strip("\"'"), ChainMap(stage.scope, self.args))
            if source is None:
                continue
            if source.isdigit() and int(source) < stage.index:
                stage.events.append(self.stages[int(source)])
            elif (named := self.names.get(source.lower())) is not None and named is not stage:
                stage.events.append(named)


# --- what a RUN installs, what a CMD runs --------------------------------------------------


def _run_installs(
    ins: _Instruction, scope: Mapping[str, str | None], display: str
) -> list[_Install]:
    """The ddtrace installs of a ``RUN`` (its command and the heredoc bodies a shell runs)."""
    found: list[_Install] = []
    args = ins.args
    if "ddtrace" in args.text.lower():
        pos = _after_flags(args.text)
        elements = _exec_form(args.text[pos:])
        if elements is not None:
            commands = [_located(elements, args.text, pos)]
        else:
            commands, _ = _shell_commands(args.text, pos)
        for words in commands:
            found.extend(_installs(words, args, scope, display))
    for heredoc in ins.heredocs:
        if heredoc.shell and "ddtrace" in heredoc.body.text.lower():
            commands, _ = _shell_commands(heredoc.body.text)
            for words in commands:
                found.extend(_installs(words, heredoc.body, scope, display))
    return found


def _after_flags(text: str) -> int:
    """Where a ``RUN``'s command starts, after BuildKit's flags (``--mount=...``)."""
    pos = 0
    while (m := _FLAG.match(text, pos)) is not None:
        pos = m.end()
    return pos


def _located(elements: list[str], text: str, pos: int) -> list[_Word]:
    """Exec-form strings as words, each at the offset where it is first found after the
    previous one (its line, for a list that spans continuation lines)."""
    words: list[_Word] = []
    for element in elements:
        found = text.find(element, pos)
        if found >= 0:
            pos = found + len(element)
        words.append(_Word(element, found if found >= 0 else pos))
    return words


def _installs(
    words: list[_Word], where: _Text, scope: Mapping[str, str | None], display: str
) -> Iterator[_Install]:
    """The ddtrace requirements one command installs."""
    command = _install_arguments(words)
    if command is None:
        return
    tool, arguments = command
    for word in _requirements(arguments):
        if _DDTRACE.match(word.text) is not None:
            yield _ddtrace(word, tool, where.line_at(word.start), scope, display)


def _install_arguments(words: list[_Word]) -> tuple[str, list[_Word]] | None:
    """``("pip" | "uv" | "poetry", the words after the subcommand)`` when the command is
    ``pip install``, ``python -m pip install``, ``uv pip install``, ``uv add`` or
    ``poetry add``."""
    i = 0
    while i < len(words) and (words[i].text in _PREFIXES or _ASSIGNMENT.fullmatch(words[i].text)):
        i += 1
    if i >= len(words):
        return None
    program = posixpath.basename(words[i].text)
    i += 1
    if _PYTHON.fullmatch(program):
        while (
            i < len(words) and words[i].text.startswith("-") and not words[i].text.startswith("-m")
        ):
            i += 1
        if i < len(words) and words[i].text == "-m" and i + 1 < len(words):
            program, i = words[i + 1].text, i + 2
        elif i < len(words) and words[i].text.startswith("-m") and len(words[i].text) > 2:
            program, i = words[i].text[2:], i + 1
        else:
            return None
    i = _skip_options(words, i)
    sub = words[i].text if i < len(words) else ""
    if program == "uv" and sub == "pip":
        i = _skip_options(words, i + 1)
        if i < len(words) and words[i].text == "install":
            return "pip", words[i + 1 :]
    elif program == "uv" and sub == "add":
        return "uv", words[i + 1 :]
    elif program == "poetry" and sub == "add":
        return "poetry", words[i + 1 :]
    elif _PIP.fullmatch(program) and sub == "install":
        return "pip", words[i + 1 :]
    return None


def _skip_options(words: list[_Word], i: int) -> int:
    """The index of the first word from ``i`` that is not an option or an option's value."""
    while i < len(words) and words[i].text.startswith("-") and words[i].text != "-":
        i += 2 if words[i].text in _VALUE_OPTIONS else 1
    return i


def _requirements(words: list[_Word]) -> Iterator[_Word]:
    """The words that are not options or option values (``-r file``, ``--index-url URL``)."""
    i = 0
    while i < len(words):
        if words[i].text.startswith("-") and words[i].text != "-":
            i = _skip_options(words, i)
            continue
        yield words[i]
        i += 1


def _ddtrace(
    word: _Word, tool: str, line: int, scope: Mapping[str, str | None], display: str
) -> _Install:
    """What one requirement word naming ddtrace installs."""
    written = excerpt(word.text, 80)
    text, missing = _substitute(word.text, scope)
    why: str | None = None
    spec = ""
    if text is None:
        why = f"uses {missing}, which the Dockerfile gives no value"
    elif too_long(text):
        why = "is too long to read"
    else:
        read = _specifier(text, tool)
        if read is None:
            why = "is not a requirement aap-advise can read"
        else:
            spec = read
    pin = pinned_version(spec) if spec else None
    deployed = DeployedDdtrace("pip", pin.text if pin else None, spec, line, written)
    finding = None
    if why is not None:
        finding = Finding(
            "deployment-unresolved",
            "info",
            f"the ddtrace installed, {written!r}, {why}: its version is not known",
            SourceLocation(display, line),
        )
    return _Install(deployed, finding)


def _specifier(text: str, tool: str) -> str | None:
    """The PEP 440 specifier of a requirement naming ddtrace (``""``: any version), or
    ``None`` when it does not read: PEP 508 for pip and uv; for poetry also
    ``ddtrace@^2.3.0`` (Poetry's constraint, converted as :mod:`advisor.manifests.poetry`
    converts it) and ``ddtrace@latest``."""
    if tool == "poetry" and "@" in text and "://" not in text:
        name, _, constraint = text.partition("@")
        if canonicalize_name(name.split("[", 1)[0].strip()) != "ddtrace":
            return None
        if constraint.strip().lower() == "latest":
            return ""
        try:
            return to_pep440(constraint)[0]
        except PoetryConstraintError:
            return None
    from packaging.requirements import InvalidRequirement, Requirement  # (on first need)

    try:
        req = Requirement(text)
    except InvalidRequirement:
        return None
    if canonicalize_name(req.name) != "ddtrace":
        return None
    return spec_text(req.specifier)


def _runs_ddtrace(text: str) -> bool:
    """Whether a ``CMD`` or ``ENTRYPOINT`` (exec or shell form, ``sh -c "..."`` too) runs
    ``ddtrace-run``."""
    if "ddtrace-run" not in text:
        return False
    elements = _exec_form(text)
    for part in elements if elements is not None else [text]:
        commands, _ = _shell_commands(part)
        if any(posixpath.basename(w.text) == "ddtrace-run" for c in commands for w in c):
            return True
    return False


# --- the deployment ------------------------------------------------------------------------


def _chain(stage: _Stage) -> list[_Stage]:
    """``stage`` and the stages it is built on, the first one (naming an image) first."""
    chain = [stage]
    parent = stage.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    chain.reverse()
    return chain


def _last_installs(stages: list[_Stage]) -> list[_Install | None]:
    """For each stage, the last ddtrace install that takes effect in it: its parent's, then its
    own and those of the stages it copies from, in order. A stage only ever refers to earlier
    ones, so one pass in order computes them all."""
    last: list[_Install | None] = []
    for stage in stages:
        result = last[stage.parent.index] if stage.parent is not None else None
        for event in stage.events:
            if isinstance(event, _Stage):
                result = last[event.index] or result
            else:
                result = event
        last.append(result)
    return last


def _unresolved(display: str, line: int, message: str) -> Finding:
    return Finding("deployment-unresolved", "info", message, SourceLocation(display, line))


def _image(base: _Stage, display: str) -> tuple[ImageFacts | None, Finding | None]:
    """What the image a chain starts from says, and a finding when it is a CPython image
    whose CPython is not known (a variable without value, a tag naming no minor)."""
    if base.image is None:
        return None, _unresolved(
            display,
            base.line,
            f"image {excerpt(base.written)!r} uses {base.unresolved}, which the Dockerfile "
            "gives no value: the CPython it runs is not known",
        )
    facts = image_facts(base.image)
    # A PyPy image runs no CPython: nothing to say about it.
    if facts.python_image and facts.python is None and "pypy" not in base.image.lower():
        return facts, _unresolved(
            display,
            base.line,
            f"image {excerpt(base.image)!r} names no CPython minor: the CPython it runs is not "
            "known",
        )
    return facts, None


def _platforms(
    chain: list[_Stage], facts: ImageFacts | None, display: str
) -> tuple[tuple[str, ...], Finding | None]:
    """The platform of the nearest ``--platform`` of the chain (none for BuildKit's
    ``$BUILDPLATFORM``/``$TARGETPLATFORM``, whose value is the build's), else the one the
    image's name gives (``arm64v8/python``, a ``-arm64`` tag), else musllinux-x86_64 for a
    musl image; windows-amd64 for a Windows image; and a finding for a variable the file
    gives no value."""
    musl = facts.musl if facts else False
    if facts is not None and facts.windows:
        return ("windows-amd64",), None
    platform = next((s.platform for s in reversed(chain) if s.platform is not None), None)
    if platform is None:
        if facts is not None and facts.arch is not None:
            return (linux_platform(facts.arch, musl=musl) or "linux-aarch64",), None
        return ("musllinux-x86_64",) if musl else (), None
    if platform.resolved is not None:
        found = linux_platform(platform.resolved, musl=musl)
        return (found,) if found is not None else (), None
    if platform.missing in {f"${a}" for a in _PLATFORM_ARGS}:
        return (), None
    return (), _unresolved(
        display,
        platform.line,
        f"--platform={excerpt(platform.written)} uses {platform.missing}, which the "
        "Dockerfile gives no value: the platform is not known",
    )


def _deployment(stages: list[_Stage], display: str) -> Deployment:
    """The deployment of the last stage, built on the stages its ``FROM`` names."""
    final = stages[-1]
    chain = _chain(final)
    facts, image_finding = _image(chain[0], display)
    platforms, platform_finding = _platforms(chain, facts, display)
    env: dict[str, EnvSetting] = {}
    for stage in chain:
        for name, setting in stage.env.items():
            env.pop(name, None)
            env[name] = setting
    install = _last_installs(stages)[final.index]
    findings = [image_finding, platform_finding, install.finding if install else None]
    entrypoint = next((s.entrypoint for s in reversed(chain) if s.entrypoint is not None), False)
    cmd = next((s.cmd for s in reversed(chain) if s.cmd is not None), False)
    return Deployment(
        kind="docker",
        file=display,
        line=final.line,
        name=final.name,
        pythons=(facts.python,) if facts is not None and facts.python else (),
        platforms=platforms,
        ddtrace=install.ddtrace if install is not None else None,
        env=tuple(env.values()),
        aws_lambda=facts.aws_lambda if facts is not None else False,
        ddtrace_run=entrypoint or cmd,
        findings=tuple(f for f in findings if f is not None),
    )
