"""`python -m ajdiff`."""

import sys

from ajdiff.cli import entry

sys.exit(entry())
