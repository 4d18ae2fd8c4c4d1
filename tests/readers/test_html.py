"""The HTML reader: a register page's metadata, document text and flattened tables."""

from __future__ import annotations

import pytest

from ajdiff.errors import InputError
from ajdiff.read.formats import read_bytes
from ajdiff.read.formats.html import read_html

PAGE = """<!DOCTYPE html>
<html lang="et"><head><meta charset="utf-8"><title>Käskkiri</title>
<script>document.write("never run")</script><style>p { color: red }</style></head>
<body>
<nav><a href="/">Avaleht</a> | <a href="/otsi">Otsing</a></nav>
<table class="meta">
  <tr><th>Dokumendiregister</th><td>Sotsiaalkindlustusamet</td></tr>
  <tr><th>Viit</th><td>164</td></tr>
  <tr><th>Registreeritud</th><td>15.11.2024</td></tr>
  <tr><th>Juurdepääsupiirang</th><td></td></tr>
  <tr><th>Vastutaja</th><td>Juuso Niemeläinen (SKA, Personaliosakond)</td></tr>
</table>
<div class="document">
  <p>KÄSKKIRI</p>
  <p>15.11.2024 nr <b>164</b></p>
  <!-- a comment that is not text -->
  <p>KINNITATUD Sotsiaalkindlustusameti peadirektori<br>15.11.2024 käskkirjaga nr 164 Lisa&nbsp;2</p>
  <h2>1. Üldosa</h2>
  <table>
    <tr><td>Struktuuriüksus</td><td><p>Sotsiaalhoolekande toimepidevuse osakond</p></td></tr>
    <tr><td>Teenistuja asendab</td><td>Ekspert (toimepidevus)</td></tr>
    <tr><td>Alluvad</td><td>-</td></tr>
  </table>
  <table>
    <tr><th>Peamised teenistusülesanded</th><th>Oodatavad tulemused</th></tr>
    <tr><td>2.1. Riigi <i>kriisiplaanides</i> ameti huvide kaitsmine.</td>
        <td><p>Töörühmades on osaletud.</p><p>Esindatud on ameti huvid.</p></td></tr>
    <tr><td rowspan="2">2.2. Juhiste väljatöötamine.</td><td>Juhised on olemas.</td></tr>
    <tr><td>Juhised on kommunikeeritud.</td></tr>
  </table>
  <ul><li>teha kaugtööd;</li><li>saada infot.</li></ul>
  <p hidden>peidetud</p><p style="display: none">ka peidetud</p>
</div>
<table>
  <tr><th>Nimi</th><th>K.p.</th><th>Δ</th><th>Viit</th><th>Tüüp</th><th>Org</th></tr>
  <tr><td>Käskkiri</td><td>29.09.2025</td><td>51</td><td>153</td><td>Põhitegevuse käskkiri</td><td>ska</td></tr>
</table>
</body></html>
"""


def test_register_page() -> None:
    source = read_html(PAGE.encode(), "page.html")
    assert source.wrapped is False
    assert list(source.lines) == [
        "KÄSKKIRI",  # the navigation above is dropped
        "15.11.2024 nr 164",
        "KINNITATUD Sotsiaalkindlustusameti peadirektori",
        "15.11.2024 käskkirjaga nr 164 Lisa 2",
        "1. Üldosa",
        "Struktuuriüksus Sotsiaalhoolekande toimepidevuse osakond",
        "Teenistuja asendab Ekspert (toimepidevus)",
        "Alluvad -",
        "Peamised teenistusülesanded Oodatavad tulemused",
        "2.1. Riigi kriisiplaanides ameti huvide kaitsmine.",
        "Töörühmades on osaletud.",
        "Esindatud on ameti huvid.",
        "2.2. Juhiste väljatöötamine.",
        "Juhised on olemas.",
        "Juhised on kommunikeeritud.",
        "• teha kaugtööd;",
        "• saada infot.",
    ]
    assert source.metadata == (
        ("Dokumendiregister", "Sotsiaalkindlustusamet"),
        ("Viit", "164"),
        ("Registreeritud", "15.11.2024"),
        ("Juurdepääsupiirang", ""),
        ("Vastutaja", "Juuso Niemeläinen (SKA, Personaliosakond)"),
        ("related", "Käskkiri | 29.09.2025 | 51 | 153 | Põhitegevuse käskkiri | ska"),
    )


def test_dispatch_by_magic_and_encodings() -> None:
    assert read_bytes(PAGE.encode(), "-", "").lines == read_html(PAGE.encode(), "p.html").lines
    latin = PAGE.replace('<meta charset="utf-8">', "").replace("Δ", "D").encode("cp1257")
    utf8 = PAGE.replace("Δ", "D").encode()
    assert read_html(latin, "p.html").lines == read_html(utf8, "p.html").lines


def test_entities_are_not_resolved() -> None:
    page = (
        b'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<html><body><p>Tekst &xxe; siin</p></body></html>"
    )
    lines = read_html(page, "x.html").lines
    assert all("root:" not in line for line in lines)
    assert any(line.startswith("Tekst") for line in lines)


@pytest.mark.parametrize("data", [b"", b"<html><body><script>x()</script></body></html>"])
def test_empty_page_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="no text"):
        read_html(data, "empty.html")


def test_binary_refused() -> None:
    with pytest.raises(InputError):
        read_html(b"\x00\x01\x02<html>", "bin.html")


def test_origins_of_paragraphs_and_table_cells() -> None:
    """Each line says which paragraph, or which table, row and cell, of the page it came from."""
    from ajdiff.tree import Origin

    page = (
        "<html><body><p>KINNITATUD</p><p>AMETIJUHEND</p>"
        "<table><tr><td>Viit</td><td>164</td></tr><tr><td>Registreeritud</td><td>15.11.2024</td></tr></table>"
        "<table><tr><td>Teenistuskoht</td><td>Nõunik</td></tr>"
        "<tr><td>2.1. Ülesanne.</td><td><p>Tulemus üks.</p><p>Tulemus kaks.</p></td></tr></table>"
        "<ul><li>Õigus</li></ul></body></html>"
    )
    source = read_bytes(page.encode(), "x.html", ".html")
    assert list(zip(source.lines, source.origins)) == [
        ("KINNITATUD", Origin(paragraph=1)),
        ("AMETIJUHEND", Origin(paragraph=2)),
        # table 1 is the register's metadata: no lines, but it is counted, as it is in the page
        ("Teenistuskoht Nõunik", Origin(table=2, row=1, cell=1)),
        ("2.1. Ülesanne.", Origin(table=2, row=2, cell=1)),
        ("Tulemus üks.", Origin(table=2, row=2, cell=2)),
        ("Tulemus kaks.", Origin(table=2, row=2, cell=2)),
        ("• Õigus", Origin(paragraph=3)),
    ]
    assert ("Viit", "164") in source.metadata


def test_text_a_malformed_table_holds_outside_its_rows_is_read() -> None:
    """'<table><p>…' (found by the fuzzer): a browser shows the paragraph before the table; so does ajdiff."""
    from ajdiff.read.formats import read_bytes

    html = b"<p>qz1w</p><table><p><td></td><p>qz0w</p></p><tr><td>Teenistuskoht</td><td>Ekspert</td></tr></table>"
    assert read_bytes(html, "x.html", ".html").lines == ("qz1w", "qz0w", "Teenistuskoht Ekspert")


def test_text_standing_in_a_row_outside_its_cells_is_read() -> None:
    """'<tr><td><p><td></td><p>…' (found by the fuzzer in CI): lxml leaves a paragraph in the row itself."""
    from ajdiff.read.formats import read_bytes

    html = b"<table><tr><td><p><td></td><p>qz0w</p></p></td></tr></table>"
    assert read_bytes(html, "x.html", ".html").lines == ("qz0w",)
    # Loose text between the cells, or in the table itself, as well.
    assert read_bytes(b"<table><tr><td><p><td></td>qz1w<br><p></p></p></td></tr></table>", "x.html", ".html").lines == (
        "qz1w",
    )
    assert read_bytes(b"<table><p><td></td><br>qz0w</p></table>", "x.html", ".html").lines == ("qz0w",)
