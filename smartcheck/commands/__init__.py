"""CLI subcommands, one module each; see :mod:`smartcheck.cli`."""
