"""``python -m advisor`` runs the command-line front end.

It exits as Python does (``sys.exit``), unlike the console script (:func:`advisor.frontends.cli.entry`):
a test or a tool may run this module in its own process (``runpy``) and go on after it.
"""

import sys

from advisor.frontends.cli import main

sys.exit(main())
