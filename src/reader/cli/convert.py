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
    from reader.core.text.decoding import DecodingError, decode_bytes

    data = read_stdin(CONVERT_LIMIT)
    if not data:
        return 0
    # The same reading as `reader import`: a Big5 or GBK file piped in is converted, not refused.
    try:
        decoded = decode_bytes(data)
    except DecodingError as exc:
        raise UserError(f"standard input: {exc}") from exc
    if decoded.replaced:
        # A filter must not change what it cannot read: an import keeps its raw bytes, a pipe does not.
        raise UserError(f"standard input: {decoded.replaced} byte sequence(s) are not valid {decoded.encoding}")
    text = decoded.text
    sys.stdout.write(make_view(text, Script(args.to), args.phrases).text)
    return 0


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("convert", parents=parents, help="convert standard input to another script")
    p.add_argument("--to", choices=SCRIPTS[1:], required=True)
    p.add_argument("--phrases", action="store_true", help="regional vocabulary (软件→軟體)")
    p.set_defaults(func=cmd_convert)
