#!/bin/sh
# Creates the virtual environment and installs PackDesk with everything its tests and window need.
# On Debian/Ubuntu it first installs the system libraries Qt needs (and python3-venv), when they are missing and
# when it can: as root, or through sudo without a password prompt. Elsewhere it says what to install.
set -eu
VENV=${1:-.venv}
PYTHON=${PYTHON:-python3}

"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
    echo "PackDesk needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2; exit 1; }

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    PYV=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    # Qt's offscreen platform (tests) needs the first line; its X11 platform (the window) the xcb ones; the
    # station's sounds (QtMultimedia) need libpulse0 to load, and play silently where there is no audio device.
    want="libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libpulse0
          libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
          libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 libx11-xcb1"
    "$PYTHON" -c 'import ensurepip' 2>/dev/null || want="$want python3-venv python$PYV-venv"
    missing=""
    for pkg in $want; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    if [ -n "$missing" ]; then
        if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=none; fi
        if [ "$SUDO" = none ]; then
            echo "PackDesk needs these system packages:$missing" >&2
            echo "Install them with: sudo apt-get install$missing" >&2
        else
            echo "Installing system packages:$missing"
            $SUDO apt-get update -qq || true
            # python3.X-venv may not exist under that name on every release; install what exists.
            for pkg in $missing; do
                DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$pkg" \
                    >/dev/null 2>&1 || echo "note: could not install $pkg" >&2
            done
        fi
    fi
fi

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[gui,test,dev]"
