"""How well "the next word would have fitted" tells a wrapped PDF line from one its writer ended, measured
in the fonts' glyph widths and counted in characters, over every fixture's PDF of its lines.

Each document is laid out as Word one paragraph a line without spacing and saved as PDF by LibreOffice
(the invariance test's "pdf-lines-tight"; set AJDIFF_LAYOUT_CACHE to reuse its conversions). Each PDF
line is aligned with the document line (the Word paragraph) it comes from: a wrap when that paragraph goes
on, an end when it does not. For each line followed by one at its x, both rules say whether the next
line's first word would have fitted. A wrap judged so would be cut from its paragraph; an end judged so
is told; an end whose next word would not have fitted looks like a wrap to either rule.

    AJDIFF_LAYOUT_CACHE=/tmp/layouts .venv/bin/python tools/pdf_fit_sweep.py [LAYOUT]
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ajdiff.read.formats import pdf
from ajdiff.text import normalize_line
from tests.read import layouts
from tests.read.test_invariance import _document_xml, _word


def _converted(layout: str) -> dict[str, bytes]:
    """Each document's PDF in `layout`, converted by LibreOffice (or found in AJDIFF_LAYOUT_CACHE)."""
    folder = Path(os.environ.get("AJDIFF_LAYOUT_CACHE") or tempfile.mkdtemp(prefix="pdf_fit_"))
    folder.mkdir(parents=True, exist_ok=True)
    word = "docx-" + layout.split("-", 1)[1]
    stems = {}
    for name in layouts.DOCUMENTS:
        data = _word(name, word)
        stem = hashlib.sha256(name.encode() + word.encode() + _document_xml(data)).hexdigest()[:20]
        stems[name] = stem
        if not (folder / f"{stem}.docx").exists():
            (folder / f"{stem}.docx").write_bytes(data)
    missing = [folder / f"{s}.docx" for s in stems.values() if not (folder / f"{s}.pdf").exists()]
    exe = layouts.soffice()
    if missing:
        if exe is None:
            sys.exit("LibreOffice (soffice) is needed")
        layouts.convert(exe, missing, "pdf", folder)
    return {name: (folder / f"{stem}.pdf").read_bytes() for name, stem in stems.items()}


def _kinds(source: list[str], lines: list[pdf._Line]) -> list[str | None]:
    """Per PDF line: 'wrap' when its document line goes on below it, 'end' when not, None if not found."""
    kinds: list[str | None] = []
    i, rest = 0, ""
    for line in lines:
        text = line.text
        if rest.startswith(text):
            rest = rest[len(text) :].strip()
        else:
            found = next((j for j in range(i, len(source)) if source[j].startswith(text)), None)
            if found is None:
                kinds.append(None)
                continue
            i, rest = found + 1, source[found][len(text) :].strip()
        kinds.append("wrap" if rest else "end")
    return kinds


def main() -> int:
    layout = sys.argv[1] if len(sys.argv) > 1 else "pdf-lines-tight"
    tally: Counter[tuple[str, str, bool]] = Counter()
    for name, data in sorted(_converted(layout).items()):
        text = layouts.DOCUMENTS[name].read_text(encoding="utf-8")
        source = [normalize_line(line) for line in text.splitlines() if line.strip()]
        with pdf._quiet_pypdf():
            pages = pdf._read_pages(data, name)
        kinds = iter(_kinds(source, [line for lines in pages for line in lines]))
        for lines, columns in zip(pages, pdf._page_columns(pages)):
            for upper, lower in zip(lines, [*lines[1:], None]):
                kind = next(kinds)
                if kind is None or lower is None or lower.x is None or not upper.xs:
                    continue
                if abs(lower.x - upper.xs[-1]) > pdf._X_TOLERANCE:
                    continue  # another column: no paragraph of upper's
                word = lower.text.split(" ", 1)[0]
                chars = len(upper.tail) + 1 + len(word) < pdf._FIT * columns.chars.get(pdf._width_key(upper), 0)
                tally[(kind, "characters", chars)] += 1
                tally[(kind, "glyph widths", pdf._would_fit(upper, lower, columns))] += 1
    print(f"{layout}, {len(layouts.DOCUMENTS)} documents: a line followed by one at its x")
    for kind, meaning in (("wrap", "wrapped lines (should not fit)"), ("end", "paragraph ends (fit: told)")):
        for rule in ("characters", "glyph widths"):
            fit, not_fit = tally[(kind, rule, True)], tally[(kind, rule, False)]
            print(f"  {meaning:32s} {rule:12s}: next word fits {fit:5d}, does not {not_fit:5d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
