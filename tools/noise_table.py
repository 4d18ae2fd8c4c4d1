"""The README's noise table: how many tracked changes three redlines of the same Word pair hold, per author.

The four real pairs of the seeds (GUIDE.md §1) are laid out as Word files twice, as people write them —
one paragraph a line, and with the general part and the duties as tables (tests/read/layouts.py) — and
each pair is redlined by ajdiff, by Docxodus (python-redlines, the engine of the benchmark) and by
LibreOffice's own Edit → Track Changes → Compare Document (tools/lo_compare.py, with the system python3
that has `uno`). Every revision element in each redline's main document part is counted by author:
`w:ins`, `w:del`, `w:moveFrom`/`w:moveTo`, `w:pPrChange`/`w:rPrChange` — runs, paragraph marks and table
rows alike, as the XML holds them. ajdiff's summary page holds none.

    .venv/bin/python tools/noise_table.py [--no-libreoffice] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
KINDS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange")
"""The revision elements counted, by their local name."""
GROUPS = (
    ("ins", ("ins",)),
    ("del", ("del",)),
    ("move", ("moveFrom", "moveTo")),
    ("format", ("pPrChange", "rPrChange")),
)
"""How a table cell sums them: insertions, deletions, both ends of moves, formatting changes."""
DATE = datetime(2025, 1, 31, 12, 0, tzinfo=timezone.utc)
DOCXODUS = "Docxodus"
"""The author tag Docxodus is given."""
LAYOUTS = ("lines", "tables")


def count_revisions(docx: bytes) -> dict[str, Counter[str]]:
    """Per author, how many of each revision element (`KINDS`) the main document part of a .docx holds."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    counts: dict[str, Counter[str]] = {}
    for el in root.iter(*(f"{{{W}}}{kind}" for kind in KINDS)):
        author = el.get(f"{{{W}}}author") or ""
        counts.setdefault(author, Counter())[etree.QName(el).localname] += 1
    return counts


def cell(counts: Counter[str]) -> str:
    """One author's revisions as a table cell: 'total = ins + del + move + format'."""
    parts = [sum(counts[k] for k in kinds) for _, kinds in GROUPS]
    return f"{sum(parts)} = {' + '.join(map(str, parts))}"


def _total(by_author: dict[str, Counter[str]]) -> Counter[str]:
    out: Counter[str] = Counter()
    for counts in by_author.values():
        out.update(counts)
    return out


def pairs() -> dict[str, tuple[str, str]]:
    """The real pairs as texts, OLD's and NEW's: each annex's own paragraphs, one a line."""
    from tests.redline.support import REAL_PAIRS, SEED
    from tests.redline.test_redline import _text_paragraphs

    return {
        name: tuple(  # type: ignore[misc]
            "\n".join(_text_paragraphs(SEED[seed], annex)) for seed, annex in ((a, b), (c, d))
        )
        for name, (a, b, c, d) in REAL_PAIRS.items()
    }


def write_pair(folder: Path, name: str, old: str, new: str, layout: str) -> tuple[Path, Path]:
    """OLD and NEW of a pair as Word files of a layout."""
    from tests.read.layouts import docx_lines, docx_tables

    make = docx_lines if layout == "lines" else docx_tables
    paths = folder / f"{name}-{layout}-old.docx", folder / f"{name}-{layout}-new.docx"
    for path, text in zip(paths, (old, new)):
        path.write_bytes(make(text))
    return paths


def ajdiff_redline(old: Path, new: Path) -> bytes:
    """ajdiff's redline of a Word pair, as `ajdiff redline` writes it."""
    from ajdiff.api import compare_files
    from ajdiff.redline.document import RedlineOptions, build_redline

    return build_redline(compare_files(old, new), RedlineOptions(date=DATE, warn=lambda source, message: None))


def docxodus_redline() -> Callable[[Path, Path], bytes] | None:
    """Docxodus's redline of a Word pair (python-redlines), None when it is not installed."""
    try:
        from python_redlines import DocxodusEngine  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return None
    engine = DocxodusEngine()

    def redline(old: Path, new: Path) -> bytes:
        output, _, _ = engine.run_redline(DOCXODUS, original=old.read_bytes(), modified=new.read_bytes())
        return bytes(output)

    return redline


def libreoffice_redlines(triples: Iterable[tuple[Path, Path, Path]]) -> bool:
    """LibreOffice's Compare Document of each (OLD, NEW) into OUT, one soffice for all; False without it."""
    python = Path("/usr/bin/python3")
    if shutil.which("soffice") is None or not python.exists():
        return False
    args = [str(p) for triple in triples for p in triple]
    proc = subprocess.run(
        [str(python), str(ROOT / "tools" / "lo_compare.py"), *args], capture_output=True, text=True, timeout=1800
    )
    if proc.returncode != 0:
        print(f"noise_table: LibreOffice's Compare failed: {proc.stderr.strip()[-300:]}", file=sys.stderr)
        return False
    return True


def table(rows: list[dict[str, dict[str, Counter[str]]]], names: list[tuple[str, str]]) -> str:
    """The Markdown table: per pair and layout, ajdiff's two authors, Docxodus's and LibreOffice's."""
    from ajdiff.words import word

    editorial = word("redline.editorial_author", "et", author="ajdiff")
    head = [
        "| pair | Word layout | ajdiff | ajdiff (toimetuslik) | Docxodus | LibreOffice Compare |",
        "|---|---|---|---|---|---|",
    ]
    out = []
    for (name, layout), found in zip(names, rows):
        ours = found["ajdiff"]
        cells = [
            cell(ours.get("ajdiff", Counter())),
            cell(ours.get(editorial, Counter())),
            cell(_total(found["docxodus"])) if "docxodus" in found else "—",
            cell(_total(found["libreoffice"])) if "libreoffice" in found else "—",
        ]
        out.append(f"| {name} | {layout} | " + " | ".join(cells) + " |")
    return "\n".join(head + out)


def main(argv: list[str] | None = None) -> int:
    """Build the pairs, redline each three ways, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-libreoffice", action="store_true", help="leave LibreOffice's Compare out")
    parser.add_argument("--keep", type=Path, help="write the pairs and redlines into this folder and keep them")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # the layouts and the real pairs are the tests' own
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ajdiff-noise-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        docxodus = docxodus_redline()
        names, rows, triples = [], [], []
        for name, (old_text, new_text) in pairs().items():
            for layout in LAYOUTS:
                old, new = write_pair(folder, name, old_text, new_text, layout)
                found = {"ajdiff": count_revisions(ajdiff_redline(old, new))}
                if docxodus is not None:
                    found["docxodus"] = count_revisions(docxodus(old, new))
                names.append((name, layout))
                rows.append(found)
                triples.append((old, new, folder / f"{name}-{layout}-libreoffice.docx"))
        if not args.no_libreoffice and libreoffice_redlines(triples):
            for found, (_, _, out) in zip(rows, triples):
                found["libreoffice"] = count_revisions(out.read_bytes())
        print(table(rows, names))
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
