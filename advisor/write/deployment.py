"""``--fix`` for the ddtrace a deployment file installs or injects: the version in a
Dockerfile's ``pip install`` line, the Datadog admission controller's
``admission.datadoghq.com/python-lib.version`` annotation, and a Datadog Python Lambda layer's
version (an ARN's last field, serverless-plugin-datadog's ``pythonLayerVersion``) where the
knowledge says which layer ships the target. Only the version text on the line the reader
named changes; every other byte of the file stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from advisor.errors import WriteRefused
from advisor.model.excerpt import excerpt
from advisor.model.project import Dependency
from advisor.model.release import DDTRACE
from advisor.write.decision import Targets
from advisor.write.plan import FixPlan, LayerLookup, Patch
from advisor.write.specifiers import Dialect, SpecifierError, move, satisfies
from advisor.write.text import TextFile, join_lines, split_lines

__all__ = ["edit"]

# ``ddtrace``, ``ddtrace==2.3.0``, ``ddtrace[opentelemetry]>=2,<3``, Poetry's ``ddtrace@^2.3.0``
# as a word of a command line (a path such as ``/opt/ddtrace`` is not one; quotes end it): the
# specifier is what moves.
_PIP = re.compile(
    r"(?<![\w./@-])ddtrace(?:\[[\w,. -]{0,200}\])?"
    r"(?:(?P<spec>\s{0,4}(?:[=<>!~]=?|===)[^\s\"';&|)]{1,200})|@(?P<poetry>[^\s\"';&|)]{1,200}))?"
    r"(?![\w.-])",
    re.IGNORECASE,
)
# ``...:layer:Datadog-Python312-ARM:95`` and ``pythonLayerVersion: 95``: the number moves.
_LAYER = re.compile(
    r"(?:layer:Datadog-Python(?P<minor>3\d{1,2})(?:-ARM)?:|pythonLayerVersion[\"']?\s{0,20}:\s{0,20}[\"']?)"
    r"(?P<number>\d{1,9})(?!\d)",
    re.IGNORECASE,
)
_ANNOTATION = re.compile(
    r"(?P<key>admission\.datadoghq\.com/python-lib\.version[\"']?\s{0,20}:\s{0,20})"
    r"(?P<quote>[\"']?)(?P<value>[^\"'\s#]{1,100})(?P=quote)"
)


def edit(
    file: str,
    data: bytes,
    targets: Targets,
    deps: Sequence[Dependency],
    layers: LayerLookup | None = None,
) -> FixPlan:
    """Move each ddtrace ``deps`` names in the deployment file ``file`` to the target
    (``layers`` says which Datadog layer ships it).

    What cannot be edited without guessing (the target differs by CPython, a version taken
    from a build argument, a layer the plugin chooses) is left to the user, said in a message.

    :raises WriteRefused: when a line no longer holds what the reader read there.
    """
    want = targets.wants.get(DDTRACE)
    mine = [d for d in deps if d.name == DDTRACE and d.source.line is not None]
    if want is None or not want.arms or not mine:
        return FixPlan()
    if len({a.version for a in want.arms}) > 1:
        # One image installs one ddtrace: which arm it needs depends on its CPython, which
        # the line does not say. The other files are still edited.
        message = (
            f"{file}:{mine[0].source.line}: the ddtrace target differs by CPython; pin the "
            "version the image's CPython needs there by hand"
        )
        return FixPlan(messages=[message], by_hand=[message])
    target = want.arms[0].version
    text = TextFile.decode(data, file)
    lines = split_lines(text.text)
    messages: list[str] = []
    changed = False
    for dep in mine:
        assert dep.source.line is not None
        index = dep.source.line - 1
        if index >= len(lines):
            raise WriteRefused("the line read is gone", file=file, line=dep.source.line)
        content, eol = lines[index]
        new = _moved(content, target, dep, messages, layers)
        if new != content:
            lines[index] = (new, eol)
            changed = True
    if not changed:
        return FixPlan(messages=messages, by_hand=messages)
    after = text.encode(join_lines(lines))
    patch = Patch(Path(file), data, after, f"ddtrace {target}")
    return FixPlan(patches=[patch], messages=messages, by_hand=messages)


def _moved(
    content: str,
    target: str,
    dep: Dependency,
    messages: list[str],
    layers: LayerLookup | None,
) -> str:
    """``content`` with its ddtrace version moved to ``target``; unchanged when it already
    admits it, or (said in ``messages``) when the line's version cannot be moved there."""
    where = f"{dep.source.file}:{dep.source.line}"
    if (m := _ANNOTATION.search(content)) is not None:
        value = m.group("value")
        new = _annotation(value, target)
        if new is None:
            raise WriteRefused(
                f"cannot read the injected version {excerpt(value, 40)!r}",
                file=dep.source.file,
                line=dep.source.line,
            )
        return content[: m.start("value")] + new + content[m.end("value") :]
    if (m := _LAYER.search(content)) is not None:
        minor = m.group("minor")
        python = f"{minor[0]}.{minor[1:]}" if minor else None
        layer = layers(target, python) if layers is not None else None
        if layer is None:
            messages.append(
                f"{where}: set the Datadog Python layer to one that ships ddtrace "
                f"{target} or newer (no layer aap-advise knows of does); change it by hand"
            )
            return content
        if int(m.group("number")) >= layer:
            return content
        return content[: m.start("number")] + str(layer) + content[m.end("number") :]
    if (m := _install(content, dep)) is None:
        messages.append(
            f"{where}: no ddtrace version is written there (the tool or plugin chooses it); "
            f"make it install ddtrace {target} or newer by hand"
        )
        return content
    group = "poetry" if m.group("poetry") is not None else "spec"
    spec = (m.group(group) or "").strip()
    if "$" in spec:
        messages.append(
            f"{where}: the ddtrace version comes from {excerpt(spec, 60)}; set it to {target} "
            "where it is given (an ARG default, a --build-arg) by hand"
        )
        return content
    if not spec:
        # An unpinned install: the floor is written, quoted (``>`` is a shell redirect).
        word = f"ddtrace>={target}"
        quoted = _quoted(content, m.start())
        return content[: m.start()] + (word if quoted else f'"{word}"') + content[m.end() :]
    dialect: Dialect = "poetry" if group == "poetry" else "pep440"
    try:
        if satisfies(spec, target, dialect=dialect):
            return content
        moved = move(spec, target, dialect=dialect)
    except SpecifierError as exc:
        raise WriteRefused(str(exc), file=dep.source.file, line=dep.source.line) from None
    start, end = m.span(group)
    written = content[start:end]
    lead = written[: len(written) - len(written.lstrip())]
    word = content[m.start() : start] + lead + moved + content[end : m.end()]
    if any(c in moved for c in "<>") and not _quoted(content, m.start()):
        word = f'"{word}"'  # ``>`` and ``<`` are shell redirects outside quotes
    return content[: m.start()] + word + content[m.end() :]


def _quoted(content: str, at: int) -> bool:
    """Whether the word starting at ``at`` is quoted."""
    return at > 0 and content[at - 1] in "\"'"


def _install(content: str, dep: Dependency) -> re.Match[str] | None:
    """The ddtrace word of an install on ``content``: the one written as ``dep`` reads
    (``==2.3.0``), else one with a version, else the last (``echo "ddtrace" && pip install
    ddtrace==2.3.0`` names it twice)."""
    found = list(_PIP.finditer(content))
    if not found:
        return None
    written = dep.specifier.replace(" ", "")
    for m in found:
        spec = (m.group("spec") or m.group("poetry") or "").replace(" ", "")
        if written and spec == written:
            return m
    with_version = [m for m in found if m.group("spec") or m.group("poetry")]
    return (with_version or found)[-1]


def _annotation(value: str, target: str) -> str | None:
    """The admission annotation's value moved to ``target`` at its precision (``v2`` ->
    ``v4``, ``v2.3.0`` -> ``v4.6.0``); ``latest`` and a value that admits it already stay."""
    if value.lower() == "latest":
        return value
    prefix = "v" if value.startswith(("v", "V")) else ""
    parts = value[len(prefix) :].split(".")
    if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3:
        return None
    want = target.split(".")
    if len(parts) < 3 and parts == want[: len(parts)]:
        return value  # v4 admits 4.6.0
    return prefix + ".".join(want[: len(parts)] if len(parts) < 3 else want[:3])
