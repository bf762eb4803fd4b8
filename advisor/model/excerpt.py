"""Short, redacted excerpts of untrusted text, for messages that quote a file.

A dependency file may be anything a pull request makes it: a symbolic link to a credentials
file, a URL carrying a token, a line of a megabyte. An error or a finding that quotes a line of
it reaches the terminal, the CI log, the pull-request comment and the SARIF upload, so it quotes
at most :data:`LIMIT` characters, with URL credentials and token-looking strings replaced by
``***``. Control characters are left to ``repr`` (every caller quotes with ``!r``).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["LIMIT", "excerpt", "mask_secrets"]

#: Characters of a quoted line kept in a message.
LIMIT = 80

# The whole userinfo of a URL: up to the LAST "@" before the path, so a password holding "@"
# goes with it (``https://u:p@ss@host/`` -> ``https://***@host/``).
_USERINFO = r"(?<=://)[^/?#\s]*@"
# Tokens with a known shape (GitHub, GitLab, Slack, AWS, PyPI, npm, OpenAI-style keys, UUIDs),
# then any run of key-like characters that looks random (see _looks_random; a hex digest is
# masked too: an excerpt never needs one).
_KNOWN_TOKEN = (
    r"\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|gl(?:pat|rt|dt|ptt)-[A-Za-z0-9_-]{16,}"
    r"|xox[abposr]-[A-Za-z0-9-]{8,}|A[KS]IA[0-9A-Z]{16}|pypi-[A-Za-z0-9_-]{16,}"
    r"|npm_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9_-]{16,}"
    r"|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
)
_LONG_RUN = r"[A-Za-z0-9+/=_-]{16,}"
_HEX = r"[0-9a-fA-F]{32,}"
_DIGIT_GROUPS = r"\d+"
# ``password=...``, ``token: ...``, ``?key=...``, ``password hunter2`` (netrc), ``Bearer x``:
# the value goes.
_ASSIGNED = (
    r"(?i)\b((?:[a-z_]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|auth|credential)[a-z_]*"
    r"|key|sig|signature))(\s*(?:=(?!=)|:)\s*)([^\s&]+)"
)
_SPACED = r"(?i)\b(password|passwd|bearer|basic|token)(\s+)([^\s&]+)"


@cache
def _re(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, on first use: an answer that quotes nothing compiles none of them."""
    return re.compile(pattern)


def _masked_run(match: re.Match[str]) -> str:
    """Each ``/``-separated part of ``match`` that looks random becomes ``***``."""
    run = match.group(0)
    parts = run.split("/")
    if not any(_looks_random(p) for p in parts):
        return run
    return "/".join("***" if _looks_random(p) else p for p in parts)


def _looks_random(part: str) -> bool:
    """Random-looking: at least 16 characters mixing upper and lower case letters with digits
    in three or more places (base64 keys, most API tokens), or 32 hex digits with letters and
    digits (a digest). Names people write mix digits in one place at most, so
    ``MyCompanyInternal-requirements-2024``, ``DataPipelineCore_v2`` and ``SQLAlchemy3`` stay."""
    if len(part) < 16:
        return False
    groups = len(_re(_DIGIT_GROUPS).findall(part))
    if len(part) >= 32 and _re(_HEX).fullmatch(part):
        return groups >= 3 and any(c.isalpha() for c in part)
    return groups >= 3 and any(c.isupper() for c in part) and any(c.islower() for c in part)


def mask_secrets(text: str) -> str:
    """``text`` with URL credentials and token-looking strings replaced by ``***``."""
    text = _re(_USERINFO).sub("***@", text)
    text = _re(_KNOWN_TOKEN).sub("***", text)
    text = _re(_SPACED).sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    text = _re(_ASSIGNED).sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    return _re(_LONG_RUN).sub(_masked_run, text)


def excerpt(text: str, limit: int = LIMIT) -> str:
    """At most ``limit`` characters of ``text``, secrets masked (see :func:`mask_secrets`).

    The cut is made before masking on a window slightly longer than ``limit``, so a megabyte
    line costs no more than a short one, and the result says it was cut (``...``).
    """
    window = text[: limit * 2]
    shown = mask_secrets(window)
    if len(shown) > limit or len(text) > len(window):
        return shown[: limit - 3].rstrip() + "..."
    return shown


# URLs shown whole (a direct reference's, ``pkg @ https://user:pass@host/pkg.zip``): the userinfo
# up to the LAST "@" before the host ends, and the value of a query parameter named like a
# credential (``?token=``, ``X-Amz-Signature=``, ``sig=``).
_URL_SECRET_PARAM = (
    r"(?i)([?&;][\w.-]*(?:token|secret|pass(?:word|wd)?|sig(?:nature)?|key|auth|credential)"
    r"[\w.-]*=)[^&#\s]+"
)


def redact_url(text: str) -> str:
    """``text`` (a URL, or a message quoting URLs) with each URL's whole userinfo replaced by
    ``***@`` and credential-named query values by ``***``; nothing else is changed, so a path,
    a host or a git ref stays as written (:func:`mask_secrets` also masks random-looking runs).

    Apply it before cutting a text short: a cut can take the ``@`` that marks the userinfo.
    """
    # Neither can match without its "@" or "=": most messages have none, and are left alone
    # without a search (a report redacts every finding it shows).
    if "@" in text:
        text = _re(_USERINFO).sub("***@", text)
    if "=" in text:
        text = _re(_URL_SECRET_PARAM).sub(r"\1***", text)
    return text
