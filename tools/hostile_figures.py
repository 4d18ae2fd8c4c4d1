"""Peak memory and time of `ajdiff show` on the worst crafted inputs of the third hostile round (issue 24).

Builds each input with the tests' own builders into a folder (kept, so a second run reuses them), runs
`python -m ajdiff show FILE` under `/usr/bin/time -f "%e %M"` and prints size, exit status, seconds,
peak MiB and ajdiff's line. A figure, not a test: the machine's load moves the seconds.
Run: .venv/bin/python tools/hostile_figures.py [/tmp/hostile-figures] [NAME-PART ...]
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile.real_world import W_NS, minimal_docx  # noqa: E402
from tests.read.test_joining_bounds import SEED, WRAPPED  # noqa: E402
from tests.readers.test_container import _asice, _repeat_directory_entry  # noqa: E402
from tests.readers.test_docx_numbering_bounds import _level, numbered_docx  # noqa: E402
from tests.readers.test_pdf_bounds import _heavy_pdf  # noqa: E402

_DUTY = "2.1. Riigi, partnerasutuste, teenuseosutajate"


def _body(inner: bytes) -> bytes:
    return f'<w:document xmlns:w="{W_NS}"><w:body>'.encode() + inner + b"</w:body></w:document>"


def _nested() -> bytes:
    data = _asice({"d.txt": b"Teenistuskoht"})
    for _ in range(400):
        data = _asice({"d.docx": data})
    return data


def _escaped(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;")


_SEED_P = "\n".join(f"<p>{_escaped(line)}</p>" for line in SEED.splitlines() if line.strip())
_SEED_W = "".join(f"<w:p><w:r><w:t>{_escaped(line)}</w:t></w:r></w:p>" for line in SEED.splitlines() if line.strip())

CASES: dict[str, Callable[[], bytes]] = {
    "pdf_array_100x15MiB.pdf": lambda: _heavy_pdf(streams=100, forms=0, each=15 << 20),
    "pdf_forms_100x15MiB.pdf": lambda: _heavy_pdf(streams=0, forms=100, each=15 << 20),
    "pdf_999_pages_shared_400KB.pdf": lambda: _heavy_pdf(streams=1, forms=0, each=400_000, pages=999),
    "docx_7.5M_empty_p.docx": lambda: minimal_docx(_body(b"<w:p/>" * 7_500_000)),
    "docx_3M_runs.docx": lambda: minimal_docx(_body(b"<w:p>" + b"<w:r/>" * 3_000_000 + b"</w:p>")),
    "docx_letter_start_1e9.docx": lambda: numbered_docx(_level("lowerLetter", "1000000000"), paragraphs=200),
    "docx_roman_start_1e11.docx": lambda: numbered_docx(_level("lowerRoman", "100000000000"), paragraphs=200),
    "docx_accepted_240k_p.docx": lambda: minimal_docx(
        _body(_SEED_W.encode() + b"<w:p><w:r><w:t>Lisainfo.</w:t></w:r></w:p>" * 240_000)
    ),
    "asice_400_nested.asice": _nested,
    "asice_dup_directory_x100.asice": lambda: _repeat_directory_entry(_asice({"a.txt": b"Teenistuskoht " * 100}), 100),
    "html_5.5M_p.html": lambda: b"<html><body><p>Teenistuskoht</p>" + b"<p>x</p>" * 5_500_000 + b"</body></html>",
    "html_10M_br.html": lambda: b"<html><body><p>Teenistuskoht</p>" + b"<br>" * 10_000_000 + b"</body></html>",
    "html_accepted_245k_p.html": lambda: ("<html><body>" + _SEED_P + "<p>x</p>" * 245_000 + "</body></html>").encode(),
    "txt_20000_wrapped_lines.txt": lambda: SEED.replace(_DUTY, _DUTY + "\n" + (WRAPPED + "\n") * 20_000, 1).encode(),
    "txt_240000_wrapped_lines_48MB.txt": lambda: SEED.replace(
        _DUTY, _DUTY + "\n" + (WRAPPED + "\n") * 240_000, 1
    ).encode(),
    "txt_accepted_240k_lines.txt": lambda: (SEED + "\n" + "Lisainfo rida.\n" * 240_000).encode(),
}


def main(argv: list[str]) -> None:
    """Build (once) and measure the cases whose names contain one of the given parts (all without any)."""
    folder = Path(argv[0]) if argv and "/" in argv[0] else Path("/tmp/hostile-figures")
    only = [a for a in argv if "/" not in a]
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in CASES.items():
        if only and not any(part in name for part in only):
            continue
        path = folder / name
        if not path.exists():
            path.write_bytes(make())
        cmd = ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "ajdiff", "show", str(path)]
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600)
        lines = result.stderr.strip().splitlines()
        seconds, kib = lines[-1].split()
        said = lines[0] if len(lines) > 1 else ""
        size = path.stat().st_size / 1e3
        figures = f"exit {result.returncode}  {float(seconds):6.2f} s  {int(kib) // 1024:4d} MiB"
        print(f"{name:36} {size:8.0f} KB  {figures}  {said}")


if __name__ == "__main__":
    main(sys.argv[1:])
