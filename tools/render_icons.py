"""Render resources/icons/lossgui.svg to the PNG sizes desktops ask for (16…256 px).

Sizes up to 24 px are drawn from lossgui-small.svg, the same picture with bolder shapes.
Run after editing an SVG: ``.venv/bin/python tools/render_icons.py``; commit the PNGs.
tests/test_desktop.py fails when a PNG no longer matches the SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from lossgui.desktop_entry import ICON_SIZES

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "lossgui.svg"
SMALL_SVG = ICONS / "lossgui-small.svg"  # bolder shapes for the smallest sizes
SMALL = 24  # this size and below are drawn from SMALL_SVG
# The PNG sizes are lossgui.desktop_entry.ICON_SIZES: the sizes it installs and the window uses.


def png_path(size: int) -> Path:
    """Where the PNG of ``size`` pixels is kept."""
    return ICONS / f"lossgui-{size}.png"


def render(size: int) -> QImage:
    """The SVG drawn at ``size``×``size`` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SMALL_SVG if size <= SMALL else SVG)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    """Write every PNG size next to the SVG."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in ICON_SIZES:
        if not render(size).save(str(png_path(size))):
            print(f"could not write {png_path(size)}", file=sys.stderr)
            return 1
        print(png_path(size).relative_to(ICONS.parents[1]))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
