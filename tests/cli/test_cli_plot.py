"""`lossgui compute --plot`: a report-sized PNG or SVG with no display, Qt only when asked."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ElementTree

import pytest

ARTICLE = "t,y1,y2\n0,0.01,0.34\n1,0.65,0.21\n0,0.13,0.91\n1,0.70,0.33\n0,0.15,0.22\n"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.csv"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def headless_env():
    """The environment of a server or CI job: no X11, no Wayland, no platform chosen."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def lossgui(*args):
    return subprocess.run(
        [sys.executable, "-m", "lossgui", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=headless_env(), timeout=300,
        check=False,
    )


def test_plot_png_without_a_display(article, tmp_path):
    out = tmp_path / "plot.png"
    done = lossgui("compute", article, "--loss", "sse", "--plot", out)
    assert done.returncode == 0, done.stderr
    assert "0.252" in done.stdout  # the table is still printed
    assert done.stderr == ""  # no Qt chatter about the offscreen platform
    data = out.read_bytes()
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (1600, 900)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.csv", "plot.png"]


def test_plot_svg_of_the_gradient_with_csv_output(article, tmp_path):
    out = tmp_path / "plot.svg"
    results = tmp_path / "results.csv"
    done = lossgui("compute", article, "--loss", "cee", "--param", "eps=1e-7", "--format", "csv",
                   "--output", results, "--plot", out, "--plot-gradient")
    assert done.returncode == 0, done.stderr
    root = ElementTree.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 1200 675"
    text = out.read_text(encoding="utf-8")
    assert "Cross-entropy error (cee): −∂E/∂y per element" in text
    assert results.read_text(encoding="utf-8").startswith("k,t,y1,")


def test_plot_needs_png_or_svg(article, tmp_path):
    done = lossgui("compute", article, "--loss", "sse", "--plot", tmp_path / "plot.jpg")
    assert done.returncode == 2
    assert ".png or .svg" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "plot.jpg").exists()


def test_plot_into_a_missing_folder_says_why(article, tmp_path):
    done = lossgui("compute", article, "--loss", "sse", "--plot", tmp_path / "nope" / "p.png")
    assert done.returncode == 2
    assert done.stderr.startswith(f"lossgui: error: {tmp_path / 'nope' / 'p.png'}: ")
    assert "No such file or directory" in done.stderr and "Traceback" not in done.stderr


COMPUTE_PROBE = textwrap.dedent(
    """
    import sys
    import lossgui.cli
    status = lossgui.cli.main(["compute", sys.argv[1], "--loss", "sse", "--format", "csv"])
    leaked = sorted(n for n in sys.modules if n.startswith(("PySide6", "shiboken6", "pyqtgraph")))
    print("QT:", leaked, file=sys.stderr)
    sys.exit(97 if leaked else status)
    """
)


def test_compute_without_plot_loads_no_qt(article):
    done = subprocess.run([sys.executable, "-c", COMPUTE_PROBE, str(article)],
                          capture_output=True, text=True, encoding="utf-8",
                          env=headless_env(), timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_plot_is_titled_in_the_users_language(article, tmp_path):
    """Under a Japanese locale the CLI speaks Japanese, and so does the plot it draws: the
    window's Japanese title and axes (tester8 #5: they were English)."""
    from lossgui.core.losses import get_loss

    out = tmp_path / "plot.svg"
    env = {k: v for k, v in headless_env().items()
           if k not in {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}} | {"LANG": "ja_JP.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-m", "lossgui", "compute", str(article), "--loss", "sse", "--plot",
         str(out)], capture_output=True, text=True, encoding="utf-8", env=env, timeout=300,
        check=False)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert f"{get_loss('sse').name_ja} (sse): 各要素の寄与" in text  # the window's own title
    assert "contribution of each element" not in text and "element" not in text
