"""``python -m advisor`` runs the command-line front end."""

from __future__ import annotations

from advisor.frontends.cli import entry

entry()
