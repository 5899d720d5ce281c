"""How `reader` reads its command line before anything runs."""

from __future__ import annotations

import pytest

from reader.cli.common import UserError, terminal_safe
from reader.cli.parser import build_parser, check_numbers, check_text_arguments, files_mean_gui


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["a.txt"], ["gui", "a.txt"]),
        (["--library", "x.sqlite", "a.txt", "b.html"], ["--library", "x.sqlite", "gui", "a.txt", "b.html"]),
        (["--library=x.sqlite", "a.txt"], ["--library=x.sqlite", "gui", "a.txt"]),
        (["list", "--json"], ["list", "--json"]),
        (["--library", "x.sqlite", "show", "1"], ["--library", "x.sqlite", "show", "1"]),
        ([], []),
        (["--version"], ["--version"]),
        (["frobnicate"], ["frobnicate"]),  # a typo is reported, not opened
    ],
)
def test_files_on_the_command_line_open_the_window(argv: list[str], expected: list[str]) -> None:
    parser = build_parser()
    assert files_mean_gui(argv, set(parser.commands)) == expected  # type: ignore[attr-defined]


def test_library_is_accepted_before_and_after_the_subcommand() -> None:
    parser = build_parser()
    assert parser.parse_args(["--library", "a.sqlite", "list"]).library == "a.sqlite"
    assert parser.parse_args(["list", "--library", "b.sqlite"]).library == "b.sqlite"
    assert not hasattr(parser.parse_args(["list"]), "library")


def test_library_chosen_in_preferences_is_the_default(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from reader import paths
    from reader.settings import Settings, save, settings_path

    assert paths.default_library().name == "library.sqlite"
    chosen = Path(str(tmp_path)) / "elsewhere.sqlite"
    save(Settings(library_path=str(chosen)), settings_path(paths.config_dir()))
    assert paths.default_library() == chosen
    monkeypatch.setenv("READER_LIBRARY", str(Path(str(tmp_path)) / "env.sqlite"))
    assert paths.default_library().name == "env.sqlite"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b]0;owned\x07title", "title"),  # retitling the terminal
        ("\x1b[2J\x1b[31mred\x1b[0m", "red"),  # clearing, colours
        ("\x9b31mC1\x9b0m", "C1"),  # the 8-bit CSI
        ("a\x08b\x7fc\x00d", "abcd"),
        ("line\none\ttab", "lineonetab"),
        ("\u202eevil", "evil"),  # right-to-left override
        ("\x1b]unterminated", "unterminated"),  # no terminator: only the escape itself goes
        ("name\udcb1\udca8.txt", "name\\xb1\\xa8.txt"),  # bytes of a non-UTF-8 file name
        ("普通的标题", "普通的标题"),
    ],
)
def test_terminal_output_carries_no_control_characters(text: str, shown: str) -> None:
    assert terminal_safe(text) == shown


def test_document_text_keeps_its_lines_and_tabs() -> None:
    assert terminal_safe("a\r\nb\tc\x1b[2Jd\n", lines=True) == "a\nb\tcd\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["annotate", "1", "--note", "bad\udcff"], "--note is not valid UTF-8"),
        (["annotate", "1", "--tag", "ok", "--tag", "\udcc3"], "--tag is not valid UTF-8"),
        (["search", "\udce5"], "the query is not valid UTF-8"),
    ],
)
def test_text_arguments_must_be_utf8(argv: list[str], message: str) -> None:
    args = build_parser().parse_args(argv)
    with pytest.raises(UserError, match=message):
        check_text_arguments(args)


def test_paths_may_hold_any_bytes() -> None:
    args = build_parser().parse_args(["--library", "lib\udcff.sqlite", "import", "\udcb1\udca8.txt"])
    check_text_arguments(args)


@pytest.mark.parametrize(
    "argv", [["show", str(2**63)], ["show", "0"], ["export", "1", str(2**64), "--format", "csv", "-o", "x"]]
)
def test_ids_past_sqlite_integers_name_no_document(argv: list[str]) -> None:
    with pytest.raises(UserError, match="no document with id"):
        check_numbers(build_parser().parse_args(argv))


def test_the_console_script_names_the_packages_main() -> None:
    """`reader = "reader.cli:main"` in pyproject must keep naming the function `python -m reader.cli` runs."""
    from importlib.metadata import entry_points

    import reader.cli
    from reader.cli.run import main

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "reader"]
    assert script.value == "reader.cli:main"
    assert script.load() is main is reader.cli.main


def test_every_command_has_a_handler() -> None:
    """Each command module registers its parsers with a function to run; a subcommand without one would
    silently open the window instead."""
    parser = build_parser()
    commands = parser.commands  # type: ignore[attr-defined]
    assert list(commands) == [
        *("import", "list", "show", "delete", "convert", "annotate", "annotations"),
        *("export", "import-annotations", "search", "entities", "collection", "tag", "gui"),
    ]
    for name, subparser in commands.items():
        assert callable(subparser.get_default("func")), name
