"""The check `make run` does before starting the app, with the machine replaced by answers given here."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.system_check import (
    CJK_FONT_PACKAGE,
    System,
    check,
    chosen_platform,
    findings,
    unresolved_libraries,
)

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-icccm.so.4 => not found
\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f)
"""
LDD_COMPLETE = "\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f)\n"


class FakeMachine:
    """A machine whose libraries and fonts appear once apt-get has installed the right packages."""

    def __init__(
        self,
        plugins: Path,
        *,
        ldd: str | None = LDD_COMPLETE,
        fonts: list[str] | None = None,
        root: bool = False,
        commands: Sequence[str] = ("apt-get", "sudo"),
        apt_fails: bool = False,
    ) -> None:
        self.plugins = plugins
        self.ldd_output = ldd
        self.fonts = fonts if fonts is not None else ["Noto Sans CJK SC"]
        self.fc_list = True
        self.root = root
        self.commands = set(commands)
        self.apt_fails = apt_fails
        self.ran: list[list[str]] = []
        self.asked: list[Path] = []

    def system(self) -> System:
        return System(
            plugins_dir=lambda: self.plugins,
            ldd=self._ldd,
            cjk_fonts=lambda: list(self.fonts) if self.fc_list else None,
            which=lambda name: f"/usr/bin/{name}" if name in self.commands else None,
            is_root=lambda: self.root,
            run=self._run,
        )

    def _ldd(self, library: Path) -> str | None:
        self.asked.append(library)
        return self.ldd_output

    def _run(self, command: Sequence[str]) -> tuple[int, str]:
        self.ran.append(list(command))
        if self.apt_fails:
            return 100, "E: Could not get lock /var/lib/dpkg/lock-frontend\n"
        if "install" in command:
            self.ldd_output = LDD_COMPLETE
            self.fc_list = True
            if CJK_FONT_PACKAGE in command:
                self.fonts = ["Noto Sans CJK SC"]
        return 0, ""


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    for name in ("xcb", "wayland", "offscreen"):
        (tmp_path / f"libq{name}.so").write_bytes(b"\x7fELF")
    return tmp_path


def run_check(env: dict[str, str], machine: FakeMachine) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = check(env, machine.system(), out, platform_name="linux")
    return code, out.getvalue().splitlines()


def test_ldd_output_gives_each_missing_library_once() -> None:
    assert unresolved_libraries(LDD_MISSING) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]
    assert unresolved_libraries(LDD_COMPLETE) == []


@pytest.mark.parametrize(
    ("env", "platform"),
    [
        ({"DISPLAY": ":0"}, "xcb"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "xcb"),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, "wayland"),
        ({"QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
        ({}, None),
    ],
)
def test_the_plugin_qt_will_load_is_the_one_checked(env: dict[str, str], platform: str | None) -> None:
    assert chosen_platform(env) == platform


def test_everything_present_starts_the_app_silently(plugins: Path) -> None:
    machine = FakeMachine(plugins)
    assert run_check({"DISPLAY": ":0"}, machine) == (0, [])
    assert machine.asked == [plugins / "libqxcb.so"]
    assert machine.ran == []


def test_missing_libraries_as_a_user_give_one_line_with_the_sudo_command(plugins: Path) -> None:
    machine = FakeMachine(plugins, ldd=LDD_MISSING)
    code, lines = run_check({"DISPLAY": ":0"}, machine)
    assert code == 1
    assert len(lines) == 1
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in lines[0]
    assert lines[0].endswith("run sudo apt-get install -y libxcb-cursor0 libxcb-icccm4")
    assert machine.ran == []


def test_without_sudo_the_line_says_the_command_needs_root(plugins: Path) -> None:
    machine = FakeMachine(plugins, ldd=LDD_MISSING, commands=("apt-get",))
    code, lines = run_check({"DISPLAY": ":0"}, machine)
    assert (code, len(lines)) == (1, 1)
    assert lines[0].endswith("run as root: apt-get install -y libxcb-cursor0 libxcb-icccm4")


def test_no_chinese_font_asks_for_the_noto_cjk_package(plugins: Path) -> None:
    machine = FakeMachine(plugins, fonts=[])
    code, lines = run_check({"DISPLAY": ":0"}, machine)
    assert (code, len(lines)) == (1, 1)
    assert "a Chinese (CJK) font" in lines[0]
    assert lines[0].endswith(f"sudo apt-get install -y {CJK_FONT_PACKAGE}")


def test_without_fc_list_the_font_is_unknown_so_fontconfig_comes_too(plugins: Path) -> None:
    machine = FakeMachine(plugins)
    machine.fc_list = False
    found = findings("xcb", machine.system())
    assert found.cjk_font is None
    assert found.packages == ("fontconfig", CJK_FONT_PACKAGE)


def test_as_root_with_apt_it_installs_then_starts(plugins: Path) -> None:
    machine = FakeMachine(plugins, ldd=LDD_MISSING, fonts=[], root=True)
    code, lines = run_check({"DISPLAY": ":0"}, machine)
    assert code == 0
    assert machine.ran[0][0] == "apt-get" and machine.ran[0][-1] == "update"
    install = machine.ran[1]
    assert install[:1] == ["apt-get"] and "install" in install and "-y" in install
    assert install[-3:] == ["libxcb-cursor0", "libxcb-icccm4", CJK_FONT_PACKAGE]
    assert lines[-1] == f"reader: installed libxcb-cursor0 libxcb-icccm4 {CJK_FONT_PACKAGE}"


def test_a_failed_install_stops_with_the_reason_and_the_command(plugins: Path) -> None:
    machine = FakeMachine(plugins, ldd=LDD_MISSING, root=True, apt_fails=True)
    code, lines = run_check({"DISPLAY": ":0"}, machine)
    assert code == 1
    assert "Could not get lock" in lines[-1]
    assert lines[-1].endswith("run apt-get update && apt-get install -y libxcb-cursor0 libxcb-icccm4")


def test_a_library_no_package_is_known_for_is_named_without_installing(plugins: Path) -> None:
    machine = FakeMachine(plugins, ldd="\tlibfuture.so.9 => not found\n", root=True)
    code, lines = run_check({"DISPLAY": ":0"}, machine)
    assert (code, len(lines)) == (1, 1)
    assert "libfuture.so.9" in lines[0]
    assert machine.ran == []


def test_without_apt_get_the_missing_libraries_are_named(plugins: Path) -> None:
    machine = FakeMachine(plugins, ldd=LDD_MISSING, root=True, commands=())
    code, lines = run_check({"DISPLAY": ":0"}, machine)
    assert (code, len(lines)) == (1, 1)
    assert "libxcb-cursor.so.0" in lines[0] and "package manager" in lines[0]
    assert machine.ran == []


def test_no_display_says_how_to_run_and_stops(plugins: Path) -> None:
    machine = FakeMachine(plugins)
    code, lines = run_check({}, machine)
    assert code == 1
    assert lines == ["reader: no display found; run under a desktop session or xvfb-run make run"]


def test_no_display_still_installs_the_libraries_xvfb_run_will_need(plugins: Path) -> None:
    machine = FakeMachine(plugins, ldd=LDD_MISSING, root=True)
    code, lines = run_check({}, machine)
    assert code == 1
    assert set(machine.asked) == {plugins / "libqxcb.so"}  # before and after installing
    assert any("install" in command for command in machine.ran)
    assert lines[-1].startswith("reader: no display found")


@pytest.mark.parametrize("platform", ["offscreen", "minimal"])
def test_a_headless_platform_is_said_in_one_line_and_the_app_starts(plugins: Path, platform: str) -> None:
    code, lines = run_check({"QT_QPA_PLATFORM": platform}, FakeMachine(plugins))
    assert code == 0
    assert len(lines) == 1 and f"QT_QPA_PLATFORM={platform}" in lines[0] and "no window" in lines[0]


def test_wayland_alone_checks_the_wayland_plugin(plugins: Path) -> None:
    machine = FakeMachine(plugins, ldd="\tlibwayland-cursor.so.0 => not found\n")
    code, lines = run_check({"WAYLAND_DISPLAY": "wayland-0"}, machine)
    assert code == 1
    assert machine.asked == [plugins / "libqwayland.so"]
    assert lines[0].endswith("sudo apt-get install -y libwayland-cursor0")


def test_other_systems_and_an_explicit_skip_check_nothing(plugins: Path) -> None:
    machine = FakeMachine(plugins, ldd=LDD_MISSING)
    out = io.StringIO()
    assert check({}, machine.system(), out, platform_name="darwin") == 0
    assert check({"READER_SKIP_SYSTEM_CHECK": "1"}, machine.system(), out, platform_name="linux") == 0
    assert out.getvalue() == "" and machine.asked == []
