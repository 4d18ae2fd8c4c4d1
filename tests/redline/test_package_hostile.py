"""The redline's package layer against crafted packages (issue 24, items 12 and 13)."""

from __future__ import annotations

import io
import zipfile

import pytest

from ajdiff.errors import InputError
from ajdiff.redline.package import Package
from tests.hostile.real_world import make_zip, zip_members
from tests.redline.support import DATE, FIXTURES

SEED = (FIXTURES / "000_2e8e5e7caea51be0.docx").read_bytes()


@pytest.mark.parametrize("relation", ["settings", "styles"])
def test_a_relationship_to_the_main_part_is_refused(relation: str) -> None:
    """Issue 24 (12): `settings` and `styles` relationships naming document.xml made the redline put
    `w:trackRevisions` and `w:docDefaults` into `w:document` (schema-invalid)."""
    members = zip_members(SEED)
    rels = members["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(f'/{relation}" Target="{relation}.xml"', f'/{relation}" Target="document.xml"')
    assert "document.xml" in rels
    members["word/_rels/document.xml.rels"] = rels.encode()
    with pytest.raises(InputError) as err:
        Package.from_docx(make_zip(members), name="uus.docx")
    assert err.value.problem == f"its {relation} relationship points at word/document.xml"


def test_a_relationship_to_a_part_of_another_kind_is_refused() -> None:
    """Settings named by the styles relationship: the part's root says what it is, whatever its name."""
    members = zip_members(SEED)
    rels = members["word/_rels/document.xml.rels"].decode().replace('Target="styles.xml"', 'Target="settings.xml"')
    members["word/_rels/document.xml.rels"] = rels.encode()
    with pytest.raises(InputError) as err:
        Package.from_docx(make_zip(members), name="uus.docx")
    assert err.value.problem == "its styles relationship points at word/settings.xml"


def test_members_that_are_not_part_names_are_not_copied() -> None:
    """Issue 24 (13): zip members named `../../x` or `/x` were copied into the redline."""
    members = zip_members(SEED)
    for bad in ("../../evil.txt", "/abs.xml", "word/./dot.xml", "word//twice.xml", "word\\back.xml"):
        members[bad] = b"<x/>"
    out = Package.from_docx(make_zip(members), name="uus.docx").to_bytes(title="t", author="a", date=DATE)
    names = zipfile.ZipFile(io.BytesIO(out)).namelist()
    assert [n for n in names if ".." in n or n.startswith("/") or "//" in n or "/./" in n or "\\" in n] == []
    assert "word/document.xml" in names and "word/styles.xml" in names
