"""The desktop window (PySide6 + pyqtgraph). Importing this package alone does not import Qt."""
