"""How `reader` reads its command line before anything runs."""

from __future__ import annotations

import pytest

from reader.cli import build_parser, files_mean_gui


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
