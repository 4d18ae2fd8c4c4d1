"""ajdiff: compare versions of Estonian job descriptions (ametijuhend) section by section.

The core (readers → splitter → parser → model → alignment → changes) is pure and imports no
UI or export library; renderers consume the same typed `Change` records.
"""

from __future__ import annotations

__version__ = "0.1.0"
