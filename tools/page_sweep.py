"""Every fixture document laid out as Word (one paragraph a line, and with tables; with and without paragraph
spacing) on the other page set-ups of `layouts.PAGES` (A4 and Letter, margins 1.5-3 cm, 10-12 pt, an A5 page;
on one the tables span the text, on one the document starts low on its first page), saved as PDF by
LibreOffice: which of them read otherwise than the document's own text, and how.

tests/read/test_invariance.py converts every document on the template's Letter page, and on the other pages
only the (document, layout) cases its RULES name (CI time); this sweeps them all. Pages break a table row at
another place on each set-up, and lines wrap elsewhere. A line per (document, layout) that reads otherwise,
with its first substantive changes; then the count. Exit status 1 when any did.

    AJDIFF_LAYOUT_CACHE=/tmp/l .venv/bin/python tools/page_sweep.py [--pages a4,letter] [--kinds tables] [NAME ...]

The conversions are kept in AJDIFF_LAYOUT_CACHE (keyed by each Word file's content, as the test keys them):
a second run converts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.read import layouts
from tests.read.test_invariance import _changes, _converted_word, _document_xml

KINDS = ("lines", "tables", "lines-tight", "tables-tight")
CHUNK = 40  # Word files a LibreOffice process converts


def converted(cases: list[tuple[str, str]], folder: Path) -> dict[tuple[str, str], Path]:
    """(document, layout) -> its PDF, converted by one LibreOffice call for those not in `folder` yet."""
    paths: dict[tuple[str, str], Path] = {}
    for name, layout in cases:
        word, data = _converted_word(name, layout)
        stem = hashlib.sha256(name.encode() + word.encode() + _document_xml(data)).hexdigest()[:20]
        if not (folder / f"{stem}.docx").exists():
            (folder / f"{stem}.docx").write_bytes(data)
        paths[(name, layout)] = folder / f"{stem}.pdf"
    missing = sorted({p.with_suffix(".docx") for p in paths.values() if not p.exists()})
    if missing:
        exe = layouts.soffice()
        if exe is None:
            sys.exit("LibreOffice (soffice) is needed")
        print(f"converting {len(missing)} Word files", file=sys.stderr)
        # In chunks: one LibreOffice process sometimes stops part way through a long list.
        for k in range(0, len(missing), CHUNK):
            for _attempt in range(2):
                chunk = [p for p in missing[k : k + CHUNK] if not p.with_suffix(".pdf").exists()]
                if chunk:
                    layouts.convert(exe, chunk, "pdf", folder)
    return {case: path for case, path in paths.items() if path.exists()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", default=",".join(layouts.PAGES), help="page set-ups of layouts.PAGES, or 'letter': the template's"
    )
    parser.add_argument("--kinds", default=",".join(KINDS), help="Word layouts: " + ", ".join(KINDS))
    parser.add_argument("names", nargs="*", help="documents (default: every fixture)")
    args = parser.parse_args(argv)
    names = args.names or sorted(layouts.DOCUMENTS)
    cases = [
        (name, f"pdf-{kind}" if page == "letter" else f"pdf-{page}-{kind}")
        for name in names
        for page in args.pages.split(",")
        for kind in args.kinds.split(",")
    ]
    folder = Path(os.environ.get("AJDIFF_LAYOUT_CACHE") or tempfile.mkdtemp(prefix="page_sweep_"))
    folder.mkdir(parents=True, exist_ok=True)
    failed = 0
    paths = converted(cases, folder)
    for name, layout in sorted(set(cases) - set(paths)):
        print(f"{name} {layout}: LibreOffice saved no PDF")
    for (name, layout), path in paths.items():
        changes = _changes(name, path.read_bytes(), ".pdf")
        if changes:
            failed += 1
            print(f"{name} {layout}: {len(changes)} changes")
            for change in changes[:3]:
                print(f"  {change[:200]}")
        sys.stdout.flush()
    print(f"{failed} of {len(paths)} (document, page, layout) PDFs of {len(names)} documents read otherwise")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
