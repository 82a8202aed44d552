"""Benchmarks of lossgui against the tools a user would pick instead (`dev.py bench`)."""
