"""The `reader` command: the headless face of the same core the window uses.

One module per group of subcommands (`documents`, `delete`, `convert`, `annotate`, `export`, `search`,
`entities`, `gui`), each registering its parsers with `register(subparsers, parents)`; `parser` assembles
them, `run` dispatches and turns failures into one line, `common` holds what they share.

Exit codes: 0 ok, 1 a user error (one line on stderr, no traceback), 2 bad usage.
"""

from __future__ import annotations

from reader.cli.run import main

__all__ = ["main"]
