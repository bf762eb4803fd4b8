"""aap-advise: the smallest ddtrace upgrade that unlocks Datadog App and API Protection capabilities."""

# No import at all: the console script imports this package before answering --version.
__version__ = "0.1.0"
__all__ = ["__version__"]
