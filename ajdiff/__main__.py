"""`python -m ajdiff`."""

import sys

from ajdiff.cli import main

sys.exit(main())
