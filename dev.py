#!/usr/bin/env python3
"""Set up lossgui on this machine, then start the app or run the tests.

Usage (the two commands in the README)::

    python3 dev.py run [ARGS...]    # start the lossgui desktop app, e.g. `run data.csv`
    python3 dev.py test [ARGS...]   # run the whole test suite; ARGS go to pytest
    python3 dev.py test --lowest    # the same suite on the lowest versions pyproject declares
    python3 dev.py bench [ARGS...]  # benchmark against pandas, numpy, scikit-learn (issue 5)

The first run creates ``.venv`` in the repository, installs lossgui (editable) with
its test tools into it, and makes sure the Debian/Ubuntu libraries Qt needs are
present: as root it installs them with apt-get, otherwise it prints the exact
``sudo apt-get install`` line and stops.  Later runs reinstall only when
``pyproject.toml`` has changed.  Standard library only.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

USAGE = """usage:
    python3 dev.py run [ARGS...]    set up on first use, then start the lossgui app
    python3 dev.py test [ARGS...]   set up on first use, then run the tests (ARGS go to pytest)
    python3 dev.py test --lowest [ARGS...]
                                    the tests on the lowest declared versions (.venv-lowest)
    python3 dev.py bench [ARGS...]  set up with the bench extra, then run benchmarks/run.py"""
MIN_PYTHON = (3, 11)
REPO = Path(__file__).resolve().parent
VENV = REPO / ".venv"
VENV_BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
VENV_PYTHON = VENV_BIN / "python"
STAMP = VENV / ".lossgui-install-stamp"

# Shared library (soname) -> Debian/Ubuntu package that ships it.
LIB_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libGLdispatch.so.0": "libglvnd0",
    "libgbm.so.1": "libgbm1",
    "libdrm.so.2": "libdrm2",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1",
    "libXi.so.6": "libxi6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
CJK_FONT_PACKAGE = "fonts-noto-cjk"
APT_ENV = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
QT_IMPORT_CHECK = "from PySide6 import QtWidgets, QtGui"
MISSING_LIB_RE = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")
LDD_NOT_FOUND_RE = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


class SetupError(Exception):
    """A problem the user has to fix; the message says how."""


# --------------------------------------------------------------------------- helpers


def say(message: str) -> None:
    """Print a progress line, marked so it stands out from tool output."""
    print(f"dev.py: {message}", flush=True)


def is_root() -> bool:
    """Whether we may run apt-get ourselves."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def check_python() -> None:
    """Exit with status 2 and a one-line message on a Python older than 3.11."""
    if sys.version_info < MIN_PYTHON:
        found = ".".join(map(str, sys.version_info[:3]))
        need = ".".join(map(str, MIN_PYTHON))
        print(f"dev.py: lossgui needs Python >= {need}, but this is Python {found}.")
        sys.exit(2)


# --------------------------------------------------------------------------- apt


def package_for(lib: str) -> str:
    """Debian package that ships shared library ``lib`` (a guess from the soname if unknown)."""
    if lib in LIB_PACKAGES:
        return LIB_PACKAGES[lib]
    # Debian policy: libfoo.so.N is shipped by libfooN (libfoo-N when foo ends in a digit).
    match = re.fullmatch(r"(lib[\w.+-]+?)\.so\.(\d+)(?:\.\d+)*", lib)
    if not match:
        return lib.lower()
    name, major = match.group(1).lower().replace("_", "-"), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def apt_install(packages: Iterable[str], reason: str) -> None:
    """Install Debian packages as root, or raise SetupError with the command to run."""
    wanted = sorted(set(packages))
    command = ["apt-get", "install", "-y", "--no-install-recommends", *wanted]
    if not is_root() or shutil.which("apt-get") is None:
        hint = shlex.join(["sudo", *command]) if shutil.which("apt-get") else ", ".join(wanted)
        raise SetupError(f"{reason}. Install with:\n    {hint}\nthen run dev.py again.")
    say(f"{reason}; installing {' '.join(wanted)} with apt-get")
    apt_get_update()
    run_quietly(command, env=APT_ENV)


@functools.cache
def apt_get_update() -> None:
    """Refresh apt's package lists, once per run of dev.py."""
    run_quietly(["apt-get", "update"], env=APT_ENV)


def run_quietly(
    command: Sequence[str | os.PathLike[str]], env: dict[str, str] | None = None
) -> None:
    """Run a setup command, showing its output only if it fails."""
    proc = subprocess.run(
        command, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    if proc.returncode != 0:
        print(proc.stdout, end="", file=sys.stderr)
        shown = shlex.join(os.fspath(part) for part in command)
        raise SetupError(f"`{shown}` failed with exit code {proc.returncode} (output above).")


# --------------------------------------------------------------------------- venv


def venv_is_healthy() -> bool:
    """Whether .venv has a Python >= 3.11 that can run pip."""
    if not VENV_PYTHON.exists():
        return False
    probe = f"import sys, pip; sys.exit(sys.version_info < {MIN_PYTHON!r})"
    return subprocess.run([VENV_PYTHON, "-c", probe], capture_output=True).returncode == 0


def ensure_venv_module() -> None:
    """Make sure ``python3 -m venv`` can work (Debian splits it into python3.X-venv)."""
    import importlib.util

    if importlib.util.find_spec("venv") and importlib.util.find_spec("ensurepip"):
        return
    package = "python{}.{}-venv".format(*sys.version_info[:2])
    apt_install([package], f"Python's venv module is missing (Debian package {package})")


def ensure_venv() -> None:
    """Create .venv in the repository unless a working one is already there."""
    if venv_is_healthy():
        return
    ensure_venv_module()
    say(f"creating {VENV.relative_to(REPO)} with Python {sys.version.split()[0]}")
    run_quietly([sys.executable, "-m", "venv", "--clear", VENV])
    STAMP.unlink(missing_ok=True)
    if not venv_is_healthy():
        raise SetupError(f"{VENV} was created but its Python cannot run pip; delete it and retry.")


def install_fingerprint() -> str:
    """Hash of what the install depends on: pyproject.toml and the venv's Python."""
    digest = hashlib.sha256((REPO / "pyproject.toml").read_bytes())
    digest.update(os.fsencode(os.path.realpath(VENV_PYTHON)))
    return digest.hexdigest()


def ensure_installed(extras: str = "test") -> None:
    """pip install -e '.[EXTRAS]' into .venv unless pyproject.toml is unchanged since last time."""
    stamp = STAMP if extras == "test" else STAMP.with_name(f"{STAMP.name}-{extras}")
    fingerprint = install_fingerprint()
    if stamp.exists() and stamp.read_text().strip() == fingerprint:
        return
    say(f"installing lossgui and its {extras} tools into .venv (pip install -e '.[{extras}]')")
    run_quietly([VENV_PYTHON, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]"])
    stamp.write_text(fingerprint + "\n")


# --------------------------------------------------------------------------- Qt libraries


def pyside_dir() -> Path:
    """The PySide6 package directory inside .venv (found without importing it)."""
    found = sorted(VENV.glob("lib*/python3*/site-packages/PySide6"))
    found += sorted(VENV.glob("Lib/site-packages/PySide6"))
    if not found:
        raise SetupError("PySide6 is not installed in .venv; delete .venv and run dev.py again.")
    return found[0]


def ldd_missing(files: Iterable[Path]) -> set[str]:
    """Shared libraries that ``ldd`` reports as "not found" for any of ``files``."""
    if shutil.which("ldd") is None:
        return set()
    missing: set[str] = set()
    for path in files:
        if path.exists():
            out = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
            missing.update(LDD_NOT_FOUND_RE.findall(out))
    return missing


def qt_import_error() -> str | None:
    """Try the Qt import in the venv; return its error output, or None if it works."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [VENV_PYTHON, "-c", QT_IMPORT_CHECK], env=env, capture_output=True, text=True
    )
    return None if proc.returncode == 0 else (proc.stderr or proc.stdout or "no output")


def ensure_qt_libraries(platform_plugins: Sequence[str]) -> None:
    """Install the system libraries that PySide6 and the given Qt platform plugins need."""
    qt = pyside_dir()
    binaries = [qt / "QtGui.abi3.so", qt / "QtWidgets.abi3.so"]
    binaries += [
        qt / "Qt" / "plugins" / "platforms" / f"libq{name}.so" for name in platform_plugins
    ]
    tried: set[str] = set()
    while True:
        missing = ldd_missing(binaries)
        error = qt_import_error()
        if error:
            missing.update(MISSING_LIB_RE.findall(error))
        if not missing:
            if error:
                raise SetupError(f"PySide6 does not import in .venv:\n{error.strip()}")
            return
        packages = {package_for(lib) for lib in missing}
        libs = ", ".join(sorted(missing))
        if packages <= tried:
            raise SetupError(f"Qt still misses {libs} after installing {', '.join(sorted(tried))}.")
        tried |= packages
        apt_install(packages, f"Qt needs system libraries that are missing ({libs})")


def has_japanese_font() -> bool:
    """Whether fontconfig knows a font that covers Japanese."""
    if shutil.which("fc-list") is None:
        font_dirs = [Path("/usr/share/fonts"), Path.home() / ".local/share/fonts"]
        return any(any(d.rglob("*CJK*")) for d in font_dirs if d.is_dir())
    out = subprocess.run(["fc-list", ":lang=ja"], capture_output=True, text=True).stdout
    return bool(out.strip())


def ensure_japanese_font() -> None:
    """Install a CJK font as root, or print a hint (never fatal): lossgui shows Japanese text."""
    if has_japanese_font():
        return
    try:
        apt_install(
            [CJK_FONT_PACKAGE], "No Japanese font found (Japanese text would show as boxes)"
        )
    except SetupError:
        say(f"hint: no Japanese font found; `sudo apt-get install {CJK_FONT_PACKAGE}` fixes boxes.")


# --------------------------------------------------------------------------- commands


def setup(platform_plugins: Sequence[str]) -> None:
    """Everything both commands need before they start."""
    ensure_venv()
    ensure_installed()
    ensure_qt_libraries(platform_plugins)


def exec_in_repo(argv: Sequence[str | os.PathLike[str]], env: dict[str, str]) -> None:
    """Replace this process with ``argv`` run from the repository root."""
    os.chdir(REPO)
    sys.stdout.flush()
    args = [os.fspath(arg) for arg in argv]
    os.execve(args[0], args, env)


def cmd_run(args: Sequence[str]) -> None:
    """Set up, then start the lossgui GUI with ``args``."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        raise SetupError(
            "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). lossgui is a "
            "desktop app: run this in a desktop session, or use `xvfb-run python3 dev.py run`."
        )
    plugins = ["xcb"] + (["wayland"] if os.environ.get("WAYLAND_DISPLAY") else [])
    setup(plugins)
    ensure_japanese_font()
    exec_in_repo([VENV_BIN / "lossgui", *args], dict(os.environ))


def lowest_pins() -> list[str]:
    """Each run-time and test requirement of pyproject.toml pinned to its lowest version.

    ``numpy>=1.26`` becomes ``numpy==1.26`` (1.26.0), so each lower bound must be a released
    version; exclusions such as ``!=6.12.0`` are dropped, as the lowest version is not excluded.
    A requirement without a lower bound is kept as it is.
    """
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    pins = []
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)\s*(.*)", requirement)
        assert match, requirement
        name, spec = match.groups()
        lowest = re.search(r">=\s*([\w.]+)", spec)
        pins.append(f"{name}=={lowest.group(1)}" if lowest else requirement)
    return pins


def ensure_lowest_venv() -> Path:
    """.venv-lowest with the lowest declared versions and lossgui (editable); its Python."""
    venv = REPO / ".venv-lowest"
    python = venv / VENV_BIN.name / "python"
    stamp = venv / ".lossgui-lowest-stamp"
    fingerprint = install_fingerprint()
    if python.exists() and stamp.exists() and stamp.read_text().strip() == fingerprint:
        return python
    pins = lowest_pins()
    say(f"creating .venv-lowest with the lowest declared versions: {' '.join(pins)}")
    run_quietly([sys.executable, "-m", "venv", "--clear", venv])
    run_quietly([python, "-m", "pip", "install", "--quiet", *pins])
    run_quietly([python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", "."])
    stamp.write_text(fingerprint + "\n")
    return python


def cmd_test(args: Sequence[str]) -> None:
    """Set up, then run pytest offscreen with ``args``; exits with pytest's code.

    ``--lowest`` first runs it in .venv-lowest, on the lowest versions pyproject.toml allows.
    """
    setup(["offscreen"])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    python = VENV_PYTHON
    if args and args[0] == "--lowest":
        python, args = ensure_lowest_venv(), args[1:]
    exec_in_repo([python, "-m", "pytest", *args], env)


def cmd_bench(args: Sequence[str]) -> None:
    """Set up with the bench extra (pandas, scikit-learn), then run the benchmarks offscreen."""
    setup(["offscreen"])
    ensure_installed("bench")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    exec_in_repo([VENV_PYTHON, "-m", "benchmarks.run", *args], env)


COMMANDS = {"run": cmd_run, "test": cmd_test, "bench": cmd_bench}


def main(argv: list[str]) -> int:
    """Dispatch ``run`` or ``test``; return an exit status on failure."""
    check_python()
    if not argv or argv[0] not in COMMANDS:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        COMMANDS[argv[0]](argv[1:])
    except SetupError as problem:
        print(f"dev.py: {problem}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
