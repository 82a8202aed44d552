"""The one resource finder: the repository's resources/ from a checkout, with or without install.

The installed wheel is covered by tests/test_wheel.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

from lossgui.core.examples import EXAMPLES
from lossgui.resource_files import resource_path, resources_folder

REPO = Path(__file__).resolve().parents[1]

PROBE = textwrap.dedent(
    """
    import sys
    sys.path[:0] = [{checkout!r}, {site!r}]  # numpy from the venv, lossgui from the copy only
    import lossgui
    from lossgui.cli import main
    from lossgui.resource_files import resource_path
    print(lossgui.__file__)
    print(resource_path("i18n", "lossgui_ja.qm"))
    sys.exit(main(["examples"]))
    """
)


def test_this_checkout_finds_its_own_resources() -> None:
    assert resources_folder() == REPO / "resources"
    assert resource_path("i18n", "lossgui_ja.qm").is_file()
    for example in EXAMPLES.values():
        assert example.path.is_file(), example.path
        assert example.path.parent == REPO / "resources" / "examples"


def plain_checkout(tmp_path: Path, with_resources: bool = True) -> Path:
    """A copy of the package (and resources/) that no pip install knows about."""
    checkout = tmp_path / "checkout"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "lossgui", checkout / "lossgui", ignore=ignore)
    if with_resources:
        shutil.copytree(REPO / "resources", checkout / "resources", ignore=ignore)
    return checkout


def run_probe(checkout: Path) -> subprocess.CompletedProcess[str]:
    # -S: no site-packages processing, so the editable install's finder cannot step in.
    code = PROBE.format(checkout=str(checkout), site=sysconfig.get_paths()["purelib"])
    return subprocess.run([sys.executable, "-S", "-c", code], cwd=checkout.parent,
                          capture_output=True, text=True, timeout=60, check=False)


def test_a_plain_checkout_on_sys_path_finds_resources_beside_the_package(
    tmp_path: Path,
) -> None:
    checkout = plain_checkout(tmp_path)
    done = run_probe(checkout)
    assert done.returncode == 0, done.stderr
    package, qm, *listed = done.stdout.splitlines()
    assert Path(package) == checkout / "lossgui" / "__init__.py"
    assert Path(qm) == checkout / "resources" / "i18n" / "lossgui_ja.qm"
    assert [line.split("\t") for line in listed] == [
        [key, str(checkout / "resources" / "examples" / example.file)]
        for key, example in EXAMPLES.items()
    ]


def test_missing_resources_are_named_not_guessed(tmp_path: Path) -> None:
    checkout = plain_checkout(tmp_path, with_resources=False)
    done = run_probe(checkout)
    assert done.returncode != 0
    assert "lossgui's resources are missing" in done.stderr
    assert str(checkout / "resources") in done.stderr


@pytest.mark.parametrize("key", list(EXAMPLES))
def test_every_example_reads_with_t_first(key: str) -> None:
    names, columns = EXAMPLES[key].columns()
    assert names[0] == "t" and len(names) == len(columns) >= 2
    assert all(len(column) == len(columns[0]) for column in columns)
