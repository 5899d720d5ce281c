"""`reader convert`: the script converter as a filter, standard input to standard output, no library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from reader.cli.common import SCRIPTS, UserError, read_stdin

CONVERT_LIMIT = 64 * 1024 * 1024


def cmd_convert(args: argparse.Namespace) -> int:
    from reader.core.script import Script, make_view

    data = read_stdin(CONVERT_LIMIT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("standard input is not UTF-8 text") from exc
    sys.stdout.write(make_view(text, Script(args.to), args.phrases).text)
    return 0


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("convert", parents=parents, help="convert standard input to another script")
    p.add_argument("--to", choices=SCRIPTS[1:], required=True)
    p.add_argument("--phrases", action="store_true", help="regional vocabulary (软件→軟體)")
    p.set_defaults(func=cmd_convert)
