"""pip's option parser for a line of a requirements file (its ``req_file.build_parser``), on
optparse: imported by :mod:`advisor.manifests.requirements` for the first line that holds an
option its fast path does not read (a compiled file's ``--hash`` lines never need it).
"""

from __future__ import annotations

import optparse
import shlex
from typing import Any, NoReturn

__all__ = ["OPTIONS", "LineParser", "OptionError"]

# The options pip reads on a line of a requirements file (its ``req_file.py``:
# ``SUPPORTED_OPTIONS + SUPPORTED_OPTIONS_REQ``, read by one parser for every line, whether it
# holds a requirement or not), as of pip 26.2, plus the two per-requirement options that a pip
# still running on an older CPython aap-advise plans for reads: ``--global-option`` (pip 25.3
# removed it; the last pip for CPython 3.8 is 25.0) and ``--install-option`` (pip 23.1 removed
# it; the last pip for CPython 3.6 is 21.3). Anything else is "no such option", as in pip
# (options every such pip dropped long ago, ``--allow-external``, ``--always-unzip``...,
# included), and so is a value pip's own checks refuse.
#
# On a requirement line pip applies ``--hash`` and ``--config-settings`` to that requirement,
# and reads the rest without applying them to it: ``--no-binary`` / ``--only-binary`` still
# change the whole install (their callback edits the finder's format control), the others
# are ignored. aap-advise applies none of them to its planning; a requirement keeps them (as
# pip reads them: ``--no-binary=fiona``) for the writers (:attr:`Dependency.options`), which
# edit the line's text and leave them as written.
#
# (names, dest, action); ``dest`` is pip-requirements-parser's, which its ``handle_line`` reads.
OPTIONS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("-i", "--index-url", "--pypi-url"), "index_url", "store"),
    (("--extra-index-url",), "extra_index_urls", "append"),
    (("--no-index",), "no_index", "store_true"),
    (("-c", "--constraint"), "constraints", "append"),
    (("-r", "--requirement"), "requirements", "append"),
    (("-e", "--editable"), "editables", "append"),
    (("-f", "--find-links"), "find_links", "append"),
    (("--no-binary",), "no_binary", "append"),
    (("--only-binary",), "only_binary", "append"),
    (("--prefer-binary",), "prefer_binary", "store_true"),
    (("--require-hashes",), "require_hashes", "store_true"),
    (("--no-require-hashes",), "no_require_hashes", "store_true"),
    (("--pre",), "pre", "store_true"),
    (("--all-releases",), "all_releases", "append"),
    (("--only-final",), "only_final", "append"),
    (("--trusted-host",), "trusted_hosts", "append"),
    (("--use-feature",), "use_features", "append"),
    # per requirement
    (("--hash",), "hashes", "append"),
    (("-C", "--config-settings"), "config_settings", "append"),
    (("--global-option",), "global_options", "append"),
    (("--install-option",), "install_options", "append"),
)
# Options whose value pip refuses when it starts with "-" (its FormatControl and
# ReleaseControl ``handle_mutual_excludes``), with pip's message.
_NAME_LIST = {
    "--no-binary": "--no-binary / --only-binary option requires 1 argument.",
    "--only-binary": "--no-binary / --only-binary option requires 1 argument.",
    "--all-releases": "--all-releases / --only-final option requires 1 argument.",
    "--only-final": "--all-releases / --only-final option requires 1 argument.",
}
# Not kept among a requirement's options: its hashes are kept apart, and -e is the requirement.
_NOT_KEPT = frozenset({"--hash", "--editable"})


class OptionError(Exception):
    """pip's ``OptionParsingError``: what optparse or an option's check refused.

    :param own: the message is aap-advise's own words, quoting nothing from the file (pip's
        ``KEY=VAL`` would otherwise be masked as a secret by the excerpt).
    """

    def __init__(self, message: str, *, own: bool = False) -> None:
        super().__init__(message)
        self.own = own


class _Option(optparse.Option):
    """An option that also notes, in order, what it read: ``--name`` or ``--name=value``."""

    def process(
        self, opt: str, value: Any, values: optparse.Values, parser: optparse.OptionParser
    ) -> int:
        name = self.get_opt_string()
        if value is not None:
            if name in _NAME_LIST and str(value).startswith("-"):
                raise OptionError(_NAME_LIST[name], own=True)
            if name == "--config-settings" and "=" not in str(value):
                # pip's _handle_config_settings, which names the option as written
                raise OptionError(f"Arguments to {opt} must be of the form KEY=VAL", own=True)
        if isinstance(parser, LineParser) and name not in _NOT_KEPT:
            parser.taken.append(name if value is None else f"{name}={shlex.quote(str(value))}")
        return super().process(opt, value, values, parser)


class LineParser(optparse.OptionParser):
    """pip's line parser (``req_file.build_parser``): one for every line of a reading, with
    fresh list defaults per line (see :func:`_line`); errors are raised, never printed."""

    def __init__(self) -> None:
        super().__init__(add_help_option=False, prog="pip", option_class=_Option)
        self.taken: list[str] = []
        for names, dest, action in OPTIONS:
            if action == "append":
                self.add_option(*names, dest=dest, action=action, default=[])
            elif action == "store_true":
                self.add_option(*names, dest=dest, action=action, default=False)
            else:
                self.add_option(*names, dest=dest, action=action, default=None)

    def error(self, msg: str) -> NoReturn:
        raise OptionError(msg)

    def exit(self, status: int = 0, msg: str | None = None) -> NoReturn:
        raise OptionError(msg or "cannot read the options")

    def read(
        self, words: list[str], defaults: optparse.Values
    ) -> tuple[Any, list[str], tuple[str, ...]]:
        """The options of one line, its trailing arguments, and the options as noted."""
        self.taken = []
        opts, arguments = self.parse_args(words, defaults)
        return opts, arguments, tuple(self.taken)
