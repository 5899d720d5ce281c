"""Before `make run` opens the window: can Qt show it here, and can it show Chinese?

Qt aborts with a message about one library at a time when a system library its platform plugin links to is
missing, and draws boxes instead of Chinese when no CJK font is installed. This check runs before the app (it
imports no Qt) and asks the dynamic linker instead of trusting a list: `ldd` on the platform plugin Qt will load
names every library that cannot be found, and `fc-list :lang=zh` tells whether a CJK font is present.
Where it can fix what is missing (root, with apt-get) it installs the Debian packages; otherwise it prints one
line with the exact command to run and exits 1. Without a display it says so in one line.

Run as `python -m reader.system_check`; exit 0 means go on and start the app.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

PREFIX = "reader: "
CJK_FONT_PACKAGE = "fonts-noto-cjk"
FONTCONFIG_PACKAGE = "fontconfig"  # provides fc-list, without which the font cannot be checked

# Shared library → the Debian/Ubuntu package that ships it, for every library outside PySide6 that the xcb,
# wayland and offscreen platform plugins of PySide6 6.12 link to (found with ldd, mapped with dpkg -S on
# Debian 12). Libraries of the base system (libc, libstdc++, zlib…) are present wherever Python runs.
SONAME_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libexpat.so.1": "libexpat1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libpng16.so.16": "libpng16-16",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}

# Platforms that draw nothing on screen: the app runs, but no window appears.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})


@dataclass(frozen=True)
class System:
    """What the check asks of the machine, as functions so that tests can give their own answers."""

    plugins_dir: Callable[[], Path | None]  # PySide6's plugins/platforms folder, None when PySide6 is absent
    ldd: Callable[[Path], str | None]  # `ldd` output for a shared library, None when ldd cannot run
    cjk_fonts: Callable[[], list[str] | None]  # families from `fc-list :lang=zh`, None without fc-list
    which: Callable[[str], str | None]
    is_root: Callable[[], bool]
    run: Callable[[Sequence[str]], tuple[int, str]]  # exit code and combined output of a command


@dataclass(frozen=True)
class Findings:
    """What is missing for the chosen platform plugin."""

    platform: str
    missing_libraries: tuple[str, ...] = ()
    cjk_font: bool | None = True  # None: fc-list is not installed, so nothing is known
    packages: tuple[str, ...] = ()
    unknown_libraries: tuple[str, ...] = ()  # missing, but no package known for them

    @property
    def ok(self) -> bool:
        return not self.missing_libraries and self.cjk_font is True


def chosen_platform(env: Mapping[str, str]) -> str | None:
    """The platform plugin Qt will load, or None when there is no display to show a window on.

    QT_QPA_PLATFORM wins (its first entry, as in "wayland;xcb"). Otherwise an X display means xcb (Qt falls
    back to it even in a Wayland session), and a Wayland display alone means wayland."""
    explicit = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if explicit:
        return explicit
    if env.get("DISPLAY"):
        return "xcb"
    if env.get("WAYLAND_DISPLAY"):
        return "wayland"
    return None


def unresolved_libraries(ldd_output: str) -> list[str]:
    """The libraries that `ldd` reports as "not found", each once, in the order given."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, sep, where = line.strip().partition("=>")
        if sep and where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def findings(platform: str, system: System) -> Findings:
    """Ask the linker about the platform plugin and fontconfig about a CJK font; map gaps to packages."""
    missing: list[str] = []
    folder = system.plugins_dir()
    plugin = folder / f"libq{platform}.so" if folder is not None else None
    if plugin is not None and plugin.is_file():
        output = system.ldd(plugin)
        missing = unresolved_libraries(output) if output is not None else []
    fonts = system.cjk_fonts()
    font: bool | None = None if fonts is None else bool(fonts)
    packages: list[str] = []
    unknown: list[str] = []
    for name in missing:
        package = SONAME_PACKAGES.get(name)
        if package is None:
            unknown.append(name)
        elif package not in packages:
            packages.append(package)
    if font is None:
        packages.append(FONTCONFIG_PACKAGE)
    if font is not True:
        packages.append(CJK_FONT_PACKAGE)
    return Findings(platform, tuple(missing), font, tuple(packages), tuple(unknown))


def describe(found: Findings) -> str:
    """What is missing, in a few words."""
    parts: list[str] = []
    if found.missing_libraries:
        parts.append("libraries " + ", ".join(found.missing_libraries))
    if found.cjk_font is None:
        parts.append("fc-list (to find a Chinese font)")
    elif not found.cjk_font:
        parts.append("a Chinese (CJK) font")
    return " and ".join(parts)


def install_command(packages: Sequence[str], *, root: bool, sudo: bool = True) -> str:
    """The command a person runs: as root, through sudo, or (no sudo) flagged as needing root."""
    command = "apt-get install -y " + " ".join(packages)
    if root:
        return command
    return "sudo " + command if sudo else "as root: " + command


def apt_install(packages: Sequence[str], system: System) -> tuple[bool, str]:
    """apt-get update, then install; waits for another apt to release its lock rather than failing at once."""
    options = ["-qq", "-o", "DPkg::Lock::Timeout=300"]
    code, output = system.run(["apt-get", *options, "update"])
    if code == 0:
        code, output = system.run(["apt-get", *options, "install", "-y", "--no-install-recommends", *packages])
    last = next((line.strip() for line in reversed(output.splitlines()) if line.strip()), "")
    return code == 0, last


def check(env: Mapping[str, str], system: System, out: TextIO, *, platform_name: str = sys.platform) -> int:
    """Print at most a line or two and return the exit code for make: 0 go on, 1 stop."""
    if not platform_name.startswith("linux") or env.get("READER_SKIP_SYSTEM_CHECK"):
        return 0  # macOS and Windows wheels of PySide6 carry everything the window needs
    platform = chosen_platform(env)
    found = findings(platform or "xcb", system)
    if not found.ok:
        root = system.is_root()
        has_apt = system.which("apt-get") is not None
        needs = f"{PREFIX}the window needs {describe(found)}"
        if found.unknown_libraries or not has_apt:
            known = install_command(found.packages, root=root, sudo=system.which("sudo") is not None)
            hint = "; install them with the package manager"
            if has_apt and found.packages:
                hint = f"; with apt-get: {known}"
            print(needs + hint, file=out)
            return 1
        if not root:
            sudo = system.which("sudo") is not None
            print(f"{needs}; run {install_command(found.packages, root=False, sudo=sudo)}", file=out)
            return 1
        print(f"{needs}; installing {' '.join(found.packages)} with apt-get", file=out)
        out.flush()
        done, last = apt_install(found.packages, system)
        after = findings(platform or "xcb", system) if done else found
        if not after.ok:
            reason = f" ({last})" if not done else f", still missing {describe(after)}"
            command = "apt-get update && " + install_command(found.packages, root=True)
            print(f"{PREFIX}installing failed{reason}; run {command}", file=out)
            return 1
        print(f"{PREFIX}installed {' '.join(found.packages)}", file=out)
    if platform is None:
        print(f"{PREFIX}no display found; run under a desktop session or xvfb-run make run", file=out)
        return 1
    if platform in HEADLESS_PLATFORMS:
        print(f"{PREFIX}QT_QPA_PLATFORM={platform}: the app runs but shows no window (unset it to see one)", file=out)
    return 0


def _plugins_dir() -> Path | None:
    """Where PySide6 keeps its platform plugins, found without importing Qt (an import could abort)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"
    return folder if folder.is_dir() else None


def _run(command: Sequence[str]) -> tuple[int, str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, env=env, check=False)
    except OSError as error:
        return 127, str(error)
    return done.returncode, done.stdout + done.stderr


def _ldd(library: Path) -> str | None:
    if shutil.which("ldd") is None:
        return None
    code, output = _run(["ldd", str(library)])
    return output if code == 0 else None


def _cjk_fonts() -> list[str] | None:
    if shutil.which("fc-list") is None:
        return None
    code, output = _run(["fc-list", ":lang=zh", "family"])
    return [line.strip() for line in output.splitlines() if line.strip()] if code == 0 else []


def real_system() -> System:
    return System(
        plugins_dir=_plugins_dir,
        ldd=_ldd,
        cjk_fonts=_cjk_fonts,
        which=shutil.which,
        is_root=lambda: hasattr(os, "geteuid") and os.geteuid() == 0,
        run=_run,
    )


def main() -> int:
    return check(os.environ, real_system(), sys.stdout)


if __name__ == "__main__":
    raise SystemExit(main())
