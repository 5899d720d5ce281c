#!/usr/bin/env bash
# Install the built bundle (dist/reader) with its launcher, AppStream metadata and icons.
#
#   packaging/linux/install.sh                  # for you: ~/.local/{lib/reader,bin/reader,share/...}
#   sudo packaging/linux/install.sh --prefix /opt/reader-prefix
#   packaging/linux/install.sh --prefix /usr --destdir "$pkgdir"   # for distribution packages
#   packaging/linux/install.sh --uninstall      # remove what the same --prefix installed
set -euo pipefail
cd "$(dirname "$0")/../.."

ID=io.github.reader.Reader
PREFIX="$HOME/.local"
DESTDIR=
UNINSTALL=
while [ $# -gt 0 ]; do
    case $1 in
        --prefix) PREFIX=$2; shift 2 ;;
        --destdir) DESTDIR=$2; shift 2 ;;
        --uninstall) UNINSTALL=1; shift ;;
        *) echo "usage: $0 [--prefix DIR] [--destdir DIR] [--uninstall]" >&2; exit 2 ;;
    esac
done
ROOT="$DESTDIR$PREFIX"
SIZES="16 32 48 64 128 256"

if [ -n "$UNINSTALL" ]; then
    rm -rf "$ROOT/lib/reader"
    rm -f "$ROOT/bin/reader" "$ROOT/share/applications/$ID.desktop" "$ROOT/share/metainfo/$ID.metainfo.xml" \
        "$ROOT/share/icons/hicolor/scalable/apps/$ID.svg"
    for s in $SIZES; do rm -f "$ROOT/share/icons/hicolor/${s}x${s}/apps/$ID.png"; done
else
    [ -x dist/reader/reader ] || { echo "install.sh: build first (packaging/build.sh)" >&2; exit 1; }
    rm -rf "$ROOT/lib/reader"
    mkdir -p "$ROOT/lib" "$ROOT/bin"
    cp -a dist/reader "$ROOT/lib/reader"
    ln -sfn "../lib/reader/reader" "$ROOT/bin/reader"
    # An absolute Exec/TryExec, so the launcher works even when $PREFIX/bin is not on the session's PATH.
    sed -e "s|^Exec=reader |Exec=$PREFIX/bin/reader |" -e "s|^TryExec=reader$|TryExec=$PREFIX/bin/reader|" \
        "packaging/linux/$ID.desktop" | install -Dm644 /dev/stdin "$ROOT/share/applications/$ID.desktop"
    install -Dm644 "packaging/linux/$ID.metainfo.xml" "$ROOT/share/metainfo/$ID.metainfo.xml"
    install -Dm644 resources/icons/reader.svg "$ROOT/share/icons/hicolor/scalable/apps/$ID.svg"
    for s in $SIZES; do
        install -Dm644 "resources/icons/hicolor/${s}x${s}/apps/$ID.png" "$ROOT/share/icons/hicolor/${s}x${s}/apps/$ID.png"
    done
fi

# Refresh the caches (not when staging into a DESTDIR: the package manager's triggers do it).
if [ -z "$DESTDIR" ]; then
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$ROOT/share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$ROOT/share/icons/hicolor" || true
fi
echo "install.sh: ${UNINSTALL:+un}installed reader in $ROOT"
