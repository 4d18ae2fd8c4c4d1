"""Reading: lines → document tree → typed fields (the structure reader and its vocabulary)."""

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
"""The package's data files (package data: a folder beside the code). Read by path: importlib.resources
would cost every short command its import (zipfile, threading) for the same file."""
