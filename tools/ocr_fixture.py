"""OCR another body's real job description as a scanner would, and keep the text as a fixture.

The document (fixtures/external/NAME.txt, copied as published by its body) is laid out as a Word file by
tests/read/layouts.py (one paragraph a line, or the general part and duties as tables), saved as PDF by
LibreOffice, rendered by `pdftoppm` at 300 dpi in grey, made to look like a photocopy-grade scan by
ImageMagick with a fixed seed, and read by Tesseract in Estonian. The OCR text goes to
fixtures/external/ocr/NAME.ocr.txt (NAME.ocr-eng.txt when read as English: a scanner's default that
loses the diacritics, as seed 004's did); beside it NAME.ocr.json says how it was made (tool versions, the
commands, the original's SHA-256), so the fixture can be traced to its document and remade.

The scan's damage is modest on purpose, what a photocopy on an office scanner gives, not noise for its
own sake: the page turned by a fraction of a degree (as a sheet lies on the glass), a slight blur (the
scanner's optics), grain (Gaussian noise at 0.4 attenuation) and grey levels pulled toward black and
white (a copier's contrast). Tesseract and ImageMagick are tools of this script only (Debian
`tesseract-ocr`, `tesseract-ocr-est`, `imagemagick`, `poppler-utils`); the tests read the committed text.

    .venv/bin/python tools/ocr_fixture.py NAME {lines,tables,plain-tables} [--seed N] [--lang est]

'plain-tables' is 'tables' with the label | value tables drawn without rules, as many templates have
them (the duty tables keep theirs): Tesseract then may read such a table column by column.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.read import layouts  # noqa: E402  (after the path: the tests' layout generators)

EXTERNAL = ROOT / "fixtures" / "external"
OUT = EXTERNAL / "ocr"
DPI = 300  # an office scanner's default for documents


def _magick() -> str:
    # Debian's ImageMagick 6 binary by its own name: a `convert` earlier in PATH may be something else.
    for name in ("convert-im6.q16", "magick"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("ocr_fixture: ImageMagick is needed (apt-get install imagemagick)")


def _version(command: list[str]) -> str:
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    return (out.stdout or out.stderr).splitlines()[0].strip()


def degrade_command(magick: str, page: Path, out: Path, seed: int) -> list[str]:
    """The ImageMagick command that makes a rendered page look like a photocopy's scan (see above)."""
    angle = random.Random(f"{seed}/{page.name}").uniform(-0.6, 0.6)
    return [
        magick, str(page), "-seed", str(seed), "-background", "white", "-rotate", f"{angle:.2f}",
        "-blur", "0x0.7", "-attenuate", "0.4", "+noise", "Gaussian", "-level", "12%,88%",
        "-colorspace", "Gray", str(out),
    ]  # fmt: skip


def _without_label_rules(data: bytes) -> bytes:
    """The Word file with its label | value tables in Word's plain table style (no rules); a duty table
    (its header row names the results column) keeps its grid."""
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        if not any(cell.text == layouts.HEADER[1] for cell in table.rows[0].cells):
            table.style = document.styles["Normal Table"]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make(name: str, layout: str, seed: int, lang: str) -> Path:
    """Write fixtures/external/ocr/NAME.ocr.txt and .ocr.json; return the text's path."""
    source = EXTERNAL / f"{name}.txt"
    text = source.read_text(encoding="utf-8")
    data = layouts.docx_lines(text) if layout == "lines" else layouts.docx_tables(text)
    if layout == "plain-tables":
        data = _without_label_rules(data)
    exe = layouts.soffice()
    if exe is None:
        sys.exit("ocr_fixture: LibreOffice (soffice) is needed")
    magick = _magick()
    commands: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ajdiff_ocr_") as tmp:
        folder = Path(tmp)
        (folder / "doc.docx").write_bytes(data)
        layouts.convert(exe, [folder / "doc.docx"], "pdf", folder)
        built = (
            "layouts.docx_tables, label tables without rules" if layout == "plain-tables" else f"layouts.docx_{layout}"
        )
        commands.append(f"soffice --headless --convert-to pdf doc.docx  # Word built by {built}")
        render = ["pdftoppm", "-r", str(DPI), "-gray", "-png", "doc.pdf", "page"]
        subprocess.run(render, cwd=folder, check=True)
        commands.append(" ".join(render))
        pages = []
        for page in sorted(folder.glob("page-*.png")):
            scan = folder / f"scan-{page.stem}.png"
            degrade = degrade_command(magick, page, scan, seed)
            subprocess.run(degrade, cwd=folder, check=True)
            commands.append(" ".join(["convert", *degrade[1:]]).replace(str(folder) + "/", ""))
            ocr = ["tesseract", scan.name, "stdout", "-l", lang]
            result = subprocess.run(ocr, cwd=folder, check=True, capture_output=True, text=True)
            commands.append(" ".join(ocr))
            pages.append(result.stdout.replace("\f", "").rstrip("\n"))
    OUT.mkdir(exist_ok=True)
    # NAME.ocr.txt is read in Estonian; another language is named (NAME.ocr-eng.txt: a scanner set to
    # English, as seed 004 was, loses the diacritics).
    target = OUT / (f"{name}.ocr.txt" if lang == "est" else f"{name}.ocr-{lang}.txt")
    target.write_text("\n\n".join(pages) + "\n", encoding="utf-8")
    provenance = {
        "original": f"fixtures/external/{name}.txt",
        "original_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "layout": "tests/read/layouts.py docx_tables, label tables without rules (tools/ocr_fixture.py)"
        if layout == "plain-tables"
        else f"tests/read/layouts.py docx_{layout}",
        "dpi": DPI,
        "seed": seed,
        "language": lang,
        "tesseract": _version(["tesseract", "--version"]),
        "imagemagick": _version([magick, "-version"]),
        "pdftoppm": _version(["pdftoppm", "-v"]),
        "libreoffice": _version([exe, "--version"]),
        "commands": commands,
    }
    sidecar = json.dumps(provenance, ensure_ascii=False, indent=1) + "\n"
    target.with_suffix(".json").write_text(sidecar, encoding="utf-8")
    return target


def main(args: list[str]) -> None:
    """Parse the command line and make the fixture."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="a document of fixtures/external, without .txt")
    parser.add_argument(
        "layout", choices=("lines", "tables", "plain-tables"), help="Word one paragraph a line, or with tables"
    )
    parser.add_argument("--seed", type=int, default=21, help="the scan damage's seed (default 21)")
    parser.add_argument("--lang", default="est", help="Tesseract's language (default est)")
    ns = parser.parse_args(args)
    print(make(ns.name, ns.layout, ns.seed, ns.lang))


if __name__ == "__main__":
    main(sys.argv[1:])
