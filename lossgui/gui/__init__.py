"""The desktop window (PySide6 + pyqtgraph). Importing this package alone does not import Qt.

Here: the window and its wiring (``app``, ``main_window``, ``actions``), the Qt adapter of the
core's document model (``document``: undo stack and signals; ``commands``: the undo steps),
what the learning aids explain (``selection``), gradient steps (``learning``), the Examples menu
and the language. By job below: ``sheet/`` the spreadsheet, ``panels/`` everything beside it,
``files/`` files in and out. No module here computes a loss number: the core does.
"""
