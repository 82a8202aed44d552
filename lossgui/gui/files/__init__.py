"""Files in and out of the window: open, save, export, plot export, and their worker thread."""
