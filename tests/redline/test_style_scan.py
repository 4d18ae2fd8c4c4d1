"""NEW's styles part is read only as far as the redline's style look-ups need (issue 22, the redline command).

Word's default styles part is 350-800 KB of XML, and the styles the summary page uses stand near its start:
parsing it whole took the `ajdiff redline` command more than anything else it read. The look-ups now read it a
chunk at a time and stop at the style asked for; they must give what a look-up in the whole parsed part gives,
and a package written after them must be the same bytes.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from ajdiff.errors import InputError
from ajdiff.redline import oxml
from ajdiff.redline.package import Package
from tests.hostile.real_world import make_zip, zip_members
from tests.redline.support import DATE, FIXTURES

SEED = FIXTURES / "001_f0f3c421c69f98c0.docx"  # the benchmark's OLD: Word's 350 KB styles part

# Present in Word's styles part (by name, by id, by UI name, in any case), and absent from it (added by ajdiff).
NAMES = (
    "Title",
    "heading 2",
    "Heading2",
    "HEADING 1",
    "Table Grid",
    "List Bullet",
    "List Paragraph",
    "Normal",
    "header",
    "Default Paragraph Font",
    "No List",
    "Balloon Text",
    *(style.name for style in oxml.BUILTIN_STYLES),
)


def _python_docx_package() -> bytes:
    """python-docx's default document: a styles part Word wrote, not this project."""
    docx = pytest.importorskip("docx")
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _packages() -> dict[str, bytes]:
    return {"word": SEED.read_bytes(), "python-docx": _python_docx_package()}


def _whole(data: bytes) -> Package:
    """A package whose styles part is parsed whole before any look-up, as every look-up did before."""
    package = Package.from_docx(data, name="uus.docx")
    assert package.part("styles") is not None
    return package


@pytest.mark.parametrize("source", ["word", "python-docx"])
def test_look_ups_read_in_part_give_what_the_whole_part_gives(source: str) -> None:
    data = _packages()[source]
    scanned, whole = Package.from_docx(data, name="uus.docx"), _whole(data)
    for name in NAMES:
        assert scanned.style_id(name) == whole.style_id(name), name
    # The styles added for the absent names, their ids and references: the same package, byte for byte.
    assert _written(scanned) == _written(whole)


def _written(package: Package) -> dict[str, bytes]:
    out = package.to_bytes(title="t", author="a", date=DATE)
    return zip_members(out)


def test_the_summary_page_styles_leave_the_part_unread_past_them_and_as_it_came() -> None:
    data = SEED.read_bytes()
    styles = zip_members(data)["word/styles.xml"]
    package = Package.from_docx(data, name="uus.docx")
    for name in ("Title", "heading 2", "Table Grid", "List Bullet"):  # what the summary page asks for
        package.style_id(name)
    scan = package._style_scan
    assert scan is not None and not scan.done  # stopped where the last of them stands, 38 KB into 350 KB
    assert "word/styles.xml" not in package._trees
    assert (
        zipfile.ZipFile(io.BytesIO(package.to_bytes(title="t", author="a", date=DATE))).read("word/styles.xml")
        == styles
    )


def test_a_style_past_the_first_chunks_is_found_in_order() -> None:
    """The first style of a name and type wins, wherever in the part it stands (here the last one)."""
    data = SEED.read_bytes()
    members = zip_members(data)
    last = b'<w:style w:type="paragraph" w:styleId="Zzz"><w:name w:val="annotation text"/></w:style>'
    members["word/styles.xml"] = members["word/styles.xml"].replace(b"</w:styles>", last + b"</w:styles>")
    package = Package.from_docx(make_zip(members), name="uus.docx")
    assert package.style_id("annotation text") == "Zzz"
    assert package._style_scan is not None  # found in the part as it came: nothing added, nothing parsed whole


def test_damage_in_what_is_read_is_refused() -> None:
    members = zip_members(SEED.read_bytes())
    styles = members["word/styles.xml"]
    cut = styles.rindex(b"<w:style ", 0, styles.index(b'<w:name w:val="Table Grid"'))
    members["word/styles.xml"] = styles[:cut] + b"<w:style><broken"
    package = Package.from_docx(make_zip(members), name="uus.docx")
    assert package.style_id("Title")  # before the damage
    with pytest.raises(InputError) as err:
        package.style_id("Table Grid")
    assert err.value.problem.startswith("damaged XML in word/styles.xml")


def _with_styles(styles: bytes) -> bytes:
    members = zip_members(SEED.read_bytes())
    members["word/styles.xml"] = styles
    return make_zip(members)


def test_the_guards_hold_for_what_is_read_even_across_a_chunks_edge() -> None:
    """No DOCTYPE and no entity declaration in the part: checked in each chunk as it is read, and in the bytes
    around each cut between chunks, where a marker cut in two would be in neither chunk alone."""
    styles = zip_members(SEED.read_bytes())["word/styles.xml"]
    at = styles.index(b">", styles.index(b"<w:styles")) + 1  # a comment in the root that stands across the cut
    for split in range(1, len(b"<!ENTITY")):
        comment = b"<!-- " + b"x" * (8192 - at - 5 - split) + b"<!ENTITY -->"
        assert at + comment.index(b"<!ENTITY") == 8192 - split  # the marker starts `split` bytes before the cut
        package = Package.from_docx(_with_styles(styles[:at] + comment + styles[at:]), name="uus.docx")
        with pytest.raises(InputError) as err:
            package.style_id("Table Grid")
        assert err.value.problem == "word/styles.xml declares a DOCTYPE (XML entities are refused)"
    bomb = b'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "aaaa">]>' + styles[styles.index(b"<w:styles") :]
    with pytest.raises(InputError) as err:
        Package.from_docx(_with_styles(bomb), name="uus.docx")
    assert err.value.problem == "word/styles.xml declares a DOCTYPE (XML entities are refused)"
