"""The terminal UI for reviewing changes (Textual).

Nothing here is imported by `ajdiff` itself: `command.py` loads Textual only when the UI runs.
"""
