"""lossgui: a desktop loss-function calculator for people learning how models learn."""

__version__ = "0.1.0"
