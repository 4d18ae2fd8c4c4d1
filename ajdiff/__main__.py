"""`python -m ajdiff`."""

from ajdiff.cli import console

console()
