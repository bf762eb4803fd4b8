"""Front ends: the command line, and (later) the GitHub Action and pre-commit glue."""
