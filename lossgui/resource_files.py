"""The one place that finds the files lossgui ships: translations, examples, icons, desktop entry.

They live in ``resources/`` at the top of the repository. The wheel carries them inside the
package as ``lossgui/resources/`` (pyproject.toml maps the folder there), so an installed app
finds them through ``importlib.resources``; an editable install and a plain checkout on
``sys.path`` (``PYTHONPATH=checkout``) find the folder beside the package instead. Every caller
asks here, so the three ways of running lossgui cannot drift apart.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# A file every complete copy has; it tells lossgui's folder from any other "resources".
_MARKER = Path("examples", "article.csv")


def resources_folder() -> Path:
    """The folder holding lossgui's shipped files, as a real path on disk.

    Raises FileNotFoundError, naming both places looked in, if neither holds them (a broken
    install); lossgui runs from a folder, not from a zip archive.
    """
    inside = Path(str(resources.files("lossgui") / "resources"))  # a wheel
    beside = Path(__file__).resolve().parent.parent / "resources"  # a checkout, editable or not
    for folder in (inside, beside):
        if (folder / _MARKER).is_file():
            return folder
    raise FileNotFoundError(f"lossgui's resources are missing (looked in {inside} and {beside})")


def resource_path(*parts: str) -> Path:
    """The shipped file or folder at ``parts`` under resources/, e.g. ("i18n", "lossgui_ja.qm")."""
    return resources_folder().joinpath(*parts)
