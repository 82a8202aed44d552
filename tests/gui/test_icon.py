"""The application icon: drawn from the SVG in every size, and set on the application."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.desktop_entry import APP_ID, ICON_SIZES
from lossgui.gui import app
from lossgui.resource_files import resource_path

REPO = Path(__file__).resolve().parents[2]


def render_icons() -> ModuleType:
    script = REPO / "tools" / "render_icons.py"
    spec = importlib.util.spec_from_file_location("render_icons", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    # Copied while ``image`` lives: the buffer is the QImage's own memory, freed with it.
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).copy()


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_is_the_svg_drawn_at_its_size(qapp: QApplication, size: int) -> None:
    """An SVG edited without rerunning tools/render_icons.py cannot land."""
    committed = QImage(str(resource_path("icons", f"lossgui-{size}.png")))
    assert committed.width() == committed.height() == size
    fresh = pixels(render_icons().render(size)).astype(int)
    difference = np.abs(pixels(committed).astype(int) - fresh)
    assert difference.mean() < 2, "rerun .venv/bin/python tools/render_icons.py"
    assert pixels(committed)[size // 2, size // 2, 3] == 255  # opaque where the picture is


def test_the_application_has_the_icon_and_names_its_desktop_entry(
    qapp: QApplication, qtbot: QtBot, settings: object
) -> None:
    app.identify(qapp)
    icon = qapp.windowIcon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES)
    assert QGuiApplication.desktopFileName() == APP_ID
    assert resource_path("desktop", f"{APP_ID}.desktop").is_file()
    window, _ = app.build_window(None, settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    # The window shows the application's icon (Qt's default for every window).
    assert window.windowIcon().cacheKey() == icon.cacheKey()
