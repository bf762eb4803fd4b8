"""``python -m advisor`` runs the command-line front end."""

from __future__ import annotations

import sys

from advisor.frontends.cli import main

sys.exit(main())
