"""The window refuses a Qt binding known to abort it, with the command that fixes it."""

from __future__ import annotations

from reader.ui.app import LEAKING_BINDINGS, binding_problem


def test_leaking_release_is_refused_on_python_311() -> None:
    release = sorted(LEAKING_BINDINGS)[0]
    message = binding_problem(release, (3, 11))
    assert message is not None
    assert "\n" not in message
    assert f'!={release}"' in message


def test_same_release_is_fine_where_none_is_immortal() -> None:
    assert binding_problem(sorted(LEAKING_BINDINGS)[0], (3, 12)) is None


def test_other_releases_start() -> None:
    assert binding_problem("6.11.3", (3, 11)) is None
