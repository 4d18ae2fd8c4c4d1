"""A structure-aware fuzzing target per reader: generated documents of each format, with an oracle.

Random bytes rarely get past a zip or PDF header; these strategies build well-formed documents
of each format (Word packages with numbering, tables, tracked changes and content controls; HTML
trees with hidden parts; PDF pages of text operators; text in several encodings; containers of
all of them) out of unique marker words, so each example also checks *what* was read: a visible
word is in the lines, a deleted or hidden one is not. Every reader must give lines or one
InputError, with an origin per line, no control or escape character, within the bounds.

The budget is fixed (max_examples below, times AJDIFF_FUZZ_SCALE for a longer run); the
examples are derived from hypothesis' database-free seed so CI runs the same ones.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajdiff.errors import InputError
from ajdiff.read.formats import MAX_LINE_CHARS, SourceText, read_bytes
from tests.hostile.real_world import W_NS, make_zip, minimal_docx, pdf_page

SCALE = int(os.environ.get("AJDIFF_FUZZ_SCALE", "1"))
BUDGET = settings(
    max_examples=60 * SCALE, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

# Marker words: ASCII letters (every PDF font encodes them), distinct enough never to occur by accident.
marker = st.integers(0, 10**6).map(lambda n: f"qz{n:x}w")
# Text around markers: words of the documents, Estonian letters, and the hostile characters.
filler = st.sampled_from(
    ["Teenistuskoht", "2.1.", "Lisa 2", "tööülesanded", "õigus", "ja", "-", "•", "\u00a0", "\u00ad", "\u202e",
     "\u200e", "\x1b[2J", "\x1b]0;t\x07", "\x07", "\t", "  "]
)  # fmt: skip


def check(source: SourceText) -> None:
    """What every reader promises of what it returns."""
    assert source.lines
    assert len(source.origins) in (0, len(source.lines))
    for line in source.lines:
        assert not _UNSAFE.search(line), repr(line)
        assert len(line) <= MAX_LINE_CHARS and line == line.strip()


def read(data: bytes, suffix: str) -> SourceText | None:
    """Read; an InputError is a documented refusal (None) and must be one line."""
    try:
        source = read_bytes(data, f"fuzz{suffix}", suffix)
    except InputError as exc:
        assert "\n" not in exc.line() and exc.line().startswith("ajdiff: fuzz")
        return None
    check(source)
    return source


def squashed(source: SourceText) -> str:
    """All text without spaces or hyphens: a marker survives joining and dehyphenation."""
    return re.sub(r"[\s\-]", "", " ".join(source.lines))


# ------------------------------------------------------------------ plain text


@dataclass(frozen=True)
class TextDoc:
    """Lines of words, an encoding, and stray bytes to insert."""

    lines: list[list[str]]
    encoding: str
    stray: list[tuple[int, int]]


text_docs = st.builds(
    TextDoc,
    st.lists(st.lists(st.one_of(marker, filler), min_size=1, max_size=8), min_size=1, max_size=30),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1257", "latin-1"]),
    st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from([0x80, 0xF5, 0xFF, 0xC3])), max_size=3),
)


@BUDGET
@given(text_docs, st.sampled_from(["\n", "\r\n", "\r"]))
def test_fuzz_plain_text(doc: TextDoc, eol: str) -> None:
    text = eol.join(" ".join(words) for words in doc.lines)
    data = bytearray(text.encode(doc.encoding, errors="replace"))
    if doc.encoding == "utf-8":
        for pos, value in doc.stray:  # stray bytes between characters, never inside a marker
            spots = [m.start() for m in re.finditer(rb" ", data)]
            if spots:
                data[spots[pos % len(spots)] : spots[pos % len(spots)]] = bytes([value])
    source = read(bytes(data), ".txt")
    if source is None:
        return
    if doc.encoding in ("utf-8", "utf-8-sig", "utf-16") or not doc.stray:
        for words in doc.lines:
            for word in words:
                if word.startswith("qz"):
                    assert word in squashed(source)
    if not doc.stray and doc.encoding != "utf-16":
        assert len(source.origins) == 0  # a text file's lines are its own line numbers


# ------------------------------------------------------------------ Word packages


@dataclass(frozen=True)
class Run:
    text: str
    kind: str  # "plain", "del", "ins", "tab", "br", "instr", "sdt"


runs = st.builds(
    Run, st.one_of(marker, filler), st.sampled_from(["plain", "plain", "del", "ins", "br", "instr", "sdt"])
)


def _escape(text: str) -> str:
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)  # XML 1.0 cannot hold these at all
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run_xml(run: Run) -> str:
    t = f'<w:r><w:t xml:space="preserve">{_escape(run.text)}</w:t></w:r>'
    return {
        "plain": t,
        "del": f'<w:del w:id="1" w:author="x"><w:r><w:delText>{_escape(run.text)}</w:delText></w:r></w:del>',
        "ins": f'<w:ins w:id="2" w:author="x">{t}</w:ins>',
        "br": f"<w:r><w:br/></w:r>{t}",
        "instr": f"<w:r><w:instrText>{_escape(run.text)}</w:instrText></w:r>",
        "sdt": f"<w:sdt><w:sdtContent>{t}</w:sdtContent></w:sdt>",
    }[run.kind]


def _visible(run: Run) -> bool:
    return run.kind not in ("del", "instr")


@dataclass(frozen=True)
class Para:
    runs: list[Run]
    num: int | None  # numId of a list, or none


paragraphs = st.builds(Para, st.lists(runs, min_size=1, max_size=5), st.none() | st.integers(1, 3))


def _para_xml(p: Para) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{p.num}"/></w:numPr></w:pPr>' if p.num else ""
    return f"<w:p>{ppr}{''.join(_run_xml(r) for r in p.runs)}</w:p>"


blocks = st.recursive(
    paragraphs,
    lambda inner: st.lists(
        st.lists(st.lists(inner, min_size=1, max_size=3), min_size=1, max_size=3), min_size=1, max_size=3
    ),
    max_leaves=12,
)  # a block is a paragraph or a table: rows of cells of blocks


def _block_xml(block: Para | list) -> str:
    if isinstance(block, Para):
        return _para_xml(block)
    rows = "".join(
        "<w:tr>" + "".join(f"<w:tc>{''.join(_block_xml(b) for b in cell)}<w:p/></w:tc>" for cell in row) + "</w:tr>"
        for row in block
    )
    return f"<w:tbl>{rows}</w:tbl>"


def _runs_of(block: Para | list) -> list[Run]:
    if isinstance(block, Para):
        return block.runs
    return [r for row in block for cell in row for b in cell for r in _runs_of(b)]


_NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="2.%1."/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
    '</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="4"/>'
    '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>'
)


@BUDGET
@given(st.lists(blocks, min_size=1, max_size=6), st.booleans(), st.sampled_from(["word/document.xml", "word/x.dat"]))
def test_fuzz_word_package(body: list, with_numbering: bool, main: str) -> None:
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
        + "".join(_block_xml(b) for b in body)
        + "<w:sectPr/></w:body></w:document>"
    ).encode()
    data = minimal_docx(xml, main=main)
    if with_numbering:
        members = {**_members(data), "word/numbering.xml": _NUMBERING.encode()}
        folder = main.rsplit("/", 1)[0]
        members[f"{folder}/_rels/{main.rsplit('/', 1)[1]}.rels"] = (
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Target="numbering.xml" '
            b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"/></Relationships>'
        )
        data = make_zip(members)
    source = read(data, ".docx")
    all_runs = [r for b in body for r in _runs_of(b)]
    shown = {r.text for r in all_runs if _visible(r)}
    if source is None:  # a well-formed package is refused only when it shows no text
        assert not any(word.startswith("qz") for word in shown)
        return
    text = squashed(source)
    for run in all_runs:
        if run.text.startswith("qz"):
            assert (run.text in text) == (run.text in shown), (run, source.lines)
    assert len(source.origins) == len(source.lines)
    tables = sum(1 for b in body if not isinstance(b, Para))
    assert all(o.table is None or 1 <= o.table <= tables for o in source.origins)


def _members(data: bytes) -> dict[str, bytes]:
    from tests.hostile.real_world import zip_members

    return zip_members(data)


# ------------------------------------------------------------------ HTML


@dataclass(frozen=True)
class Node:
    tag: str
    words: list[str]
    children: list[Node]


_VISIBLE_TAGS = ["p", "div", "span", "b", "li", "h2", "td", "section", "a", "br"]
_HIDDEN_TAGS = ["script", "style", "noscript", "template", "head"]
nodes = st.recursive(
    st.builds(
        Node,
        st.sampled_from(_VISIBLE_TAGS + _HIDDEN_TAGS),
        st.lists(st.one_of(marker, filler), max_size=4),
        st.just([]),
    ),
    lambda inner: st.builds(
        Node,
        st.sampled_from([*_VISIBLE_TAGS, "table", "ul", *_HIDDEN_TAGS]),
        st.lists(marker, max_size=3),
        st.lists(inner, min_size=1, max_size=4),
    ),
    max_leaves=20,
)


def _html(node: Node) -> str:
    words = " ".join(_escape(w) for w in node.words)
    inner = "".join(_html(c) for c in node.children)
    if node.tag == "br":
        return f"{words}<br>{inner}"
    if node.tag == "table":  # children become cells of one row
        return "<table><tr>" + "".join(f"<td>{_html(c)}</td>" for c in node.children) + f"</tr></table>{words}"
    if node.tag == "ul":
        return "<ul>" + "".join(f"<li>{_html(c)}</li>" for c in node.children) + f"</ul>{words}"
    return f"<{node.tag}>{words}{inner}</{node.tag}>"


def _words(node: Node, hidden: bool) -> list[tuple[str, bool]]:
    hidden = hidden or node.tag in _HIDDEN_TAGS
    own = [(w, hidden) for w in node.words]
    return own + [pair for c in node.children for pair in _words(c, hidden)]


@BUDGET
@given(st.lists(nodes, min_size=1, max_size=5), st.sampled_from(["utf-8", "cp1257"]))
def test_fuzz_html_page(body: list[Node], encoding: str) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>qzhiddenw</title></head><body>"
        + "".join(map(_html, body))
        + "</body></html>"
    )
    source = read(page.encode(encoding, errors="replace"), ".html")
    pairs = [pair for node in body for pair in _words(node, False)]
    if source is None:
        assert not any(w.startswith("qz") and not hidden for w, hidden in pairs)  # refused only without text
        return
    text = squashed(source)
    assert "qzhiddenw" not in text
    for word, hidden in pairs:
        if word.startswith("qz") and not hidden:
            assert word in text, (word, source.lines)
    assert len(source.origins) == len(source.lines)


# ------------------------------------------------------------------ PDF


@dataclass(frozen=True)
class Show:
    x: int
    y: int
    size: int
    words: list[str]
    array: bool  # TJ with kerning numbers instead of Tj


shows = st.builds(
    Show,
    st.integers(30, 400),
    st.integers(40, 800),
    st.integers(6, 16),
    st.lists(marker, min_size=1, max_size=4),
    st.booleans(),
)
noise_ops = st.sampled_from(
    ["q 1 0 0 1 5 5 cm Q", "0 0 m 10 10 l S", "1 0 0 RG", "10 10 100 100 re f", "2 w", "[3 1] 0 d"]
)


def _show_ops(show: Show) -> str:
    kerned = "[" + " -250 ".join(f"({w})" for w in show.words) + "] TJ"
    body = kerned if show.array else f"({' '.join(show.words)}) Tj"
    return f"BT /F1 {show.size} Tf 1 0 0 1 {show.x} {show.y} Tm {body} ET"


@settings(BUDGET, max_examples=30 * SCALE)
@given(st.lists(st.lists(st.one_of(shows, noise_ops), min_size=1, max_size=25), min_size=1, max_size=3))
def test_fuzz_pdf_pages(pages: list[list[Show | str]]) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for ops in pages:
        one = pdf_page("\n".join(op if isinstance(op, str) else _show_ops(op) for op in ops))
        writer.append(PdfReader(__import__("io").BytesIO(one)))
    out = __import__("io").BytesIO()
    writer.write(out)
    source = read(out.getvalue(), ".pdf")
    if source is None:
        return  # too little text: "no text layer" is the documented answer
    assert {o.page for o in source.origins} <= set(range(1, len(pages) + 1))
    assert len(source.origins) == len(source.lines)


# ------------------------------------------------------------------ signature containers


@BUDGET
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a.txt", "b.html", "c.docx", "d.asice", "e.png", "META-INF/signatures1.xml"]), text_docs
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda m: m[0],
    )
)
def test_fuzz_signature_container(members: list[tuple[str, TextDoc]]) -> None:
    files: dict[str, bytes] = {"mimetype": b"application/vnd.etsi.asic-e+zip"}
    expected: list[str] = []
    for name, doc in members:
        words = [w for line in doc.lines for w in line]
        text = "\n".join(" ".join(line) for line in doc.lines)
        if name.endswith(".txt"):
            files[name] = text.encode("utf-8")
            expected += [w for w in words if w.startswith("qz")]
        elif name.endswith(".html"):
            files[name] = f"<html><body><p>{_escape(text)}</p></body></html>".encode()
        elif name.endswith(".docx"):
            paras = "".join(
                f'<w:p><w:r><w:t xml:space="preserve">{_escape(" ".join(line))}</w:t></w:r></w:p>' for line in doc.lines
            )
            xml = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{paras}</w:body></w:document>'
            files[name] = minimal_docx(xml.encode())
        elif name.endswith(".asice"):
            files[name] = make_zip({"mimetype": b"application/vnd.etsi.asic-e+zip", "x.txt": text.encode()})
        elif name.endswith(".png"):
            files[name] = codecs.encode(text, "utf-8")
        else:
            files[name] = (
                f'<?xml version="1.0"?><S xmlns="urn:s"><SigningTime>{_escape(text)}</SigningTime></S>'.encode()
            )
    source = read(make_zip(files), ".asice")
    if source is None:
        return
    text = squashed(source)
    for word in expected:  # the plain-text members are always read
        assert word in text
