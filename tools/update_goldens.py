"""Write fixtures/<seed>.show.json: the golden `ajdiff show --format json` of every seed.

Run after a deliberate parser change, then read the diff before committing it:
    python tools/update_goldens.py && git diff fixtures/*.show.json
"""

from __future__ import annotations

import json
from pathlib import Path

from ajdiff.read.parse import read_documents
from ajdiff.render.json import FORMAT, document_to_dict

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def golden(path: Path) -> dict[str, object]:
    """The show contract of one file, with the source reduced to the seed's file name."""
    docs = [document_to_dict(d) for d in read_documents(path)]
    for doc in docs:
        doc["source"] = path.with_suffix(".txt").name
    return {"format": FORMAT, "documents": docs}


def main() -> None:
    """Regenerate every golden file from the seed texts."""
    for seed in sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.txt")):
        out = seed.with_suffix(".show.json")
        out.write_text(json.dumps(golden(seed), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(out.name)


if __name__ == "__main__":
    main()
