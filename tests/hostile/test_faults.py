"""Faults of the third hostile round (issue 24): odd characters, signals, full disks, odd files and names.

Every case runs the real `python -m ajdiff` and holds it to one line or a result, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx as python_docx

from tests.conftest import SEEDS
from tests.test_cli_unix import ajdiff

ANNEX_001 = SEEDS["001"]


def _docx_with_symbol(path: Path, char: str) -> Path:
    """Seed 001's text as a .docx whose position line ends in a `w:sym` of code `char`."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = python_docx.Document()
    for line in ANNEX_001.with_suffix(".txt").read_text(encoding="utf-8").splitlines():
        paragraph = d.add_paragraph(line)
        if line.strip().startswith("Teenistuskoht"):
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Symbol" w:char="{char}"/></w:r>'))
    d.save(str(path))
    return path


def test_a_lone_surrogate_symbol_is_a_replacement_character(tmp_path: Path) -> None:
    """Issue 24 (9): `<w:sym w:char="D800"/>` put a lone surrogate in the text: `internal error:
    UnicodeEncodeError` on `show` and JSON, a RuntimeWarning from unidecode for `diff` and `redline`."""
    new = _docx_with_symbol(tmp_path / "new.docx", "D800")
    for args in (["show", new], ["show", "--format", "json", new], ["diff", ANNEX_001, new],
                 ["redline", ANNEX_001, new, "-o", tmp_path / "r.docx"]):  # fmt: skip
        result = ajdiff(*args)
        assert result.returncode in (0, 1), (args, result.stderr)
        assert "internal error" not in result.stderr and "Warning" not in result.stderr, (args, result.stderr)
    shown = ajdiff("show", new).stdout
    assert re.search(r"Ekspert \(kriisivalmidus\)\s*\ufffd", shown), shown[:800]
