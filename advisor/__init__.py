"""aap-advise: the smallest ddtrace upgrade that unlocks Datadog App and API Protection capabilities."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
