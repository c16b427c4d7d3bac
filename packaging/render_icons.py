"""Renders resources/icons/packdesk.svg to the PNG and ICO files the app and the installers use.

Run it after editing the SVG (the outputs are committed, so builds do not need to run it):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

Writes, next to the SVG:
    packdesk-256.png, packdesk-64.png   window icon (ui/assets.py), Linux hicolor icons
    packdesk.ico                        Windows: the .exe icons (packaging/packdesk.spec) and the installer
Each size is rendered from the vector separately (not downscaled from 256 px), so the small ICO frames stay sharp.
"""

from __future__ import annotations

import os
import sys
from io import BytesIO
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "packdesk.svg"
PNG_SIZES = (256, 64)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(size: int):
    """Returns the SVG rendered at size x size as a Pillow RGBA image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs one)
    for size in PNG_SIZES:
        out = ICONS / f"packdesk-{size}.png"
        render(size).save(out, optimize=True)
        print(f"wrote {out.relative_to(ICONS.parent.parent)}")
    frames = [render(size) for size in ICO_SIZES]
    ico = ICONS / "packdesk.ico"
    largest = frames[-1]
    largest.save(ico, format="ICO", sizes=[f.size for f in frames], append_images=frames[:-1])
    print(f"wrote {ico.relative_to(ICONS.parent.parent)} ({', '.join(str(s) for s in ICO_SIZES)} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
