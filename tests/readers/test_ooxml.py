"""The one `qn()`: each prefix the readers and the redline use, and a refusal for anything else."""

from __future__ import annotations

import pytest
from lxml import etree

from ajdiff.read.formats.ooxml import NAMESPACES, W_NS, qn


@pytest.mark.parametrize(
    ("tag", "clark"),
    [
        ("w:p", "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"),
        ("r:id", "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"),
        ("wp:anchor", "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"),
        ("a:graphic", "{http://schemas.openxmlformats.org/drawingml/2006/main}graphic"),
        ("mc:AlternateContent", "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"),
        ("pr:Relationship", "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"),
        ("xml:space", "{http://www.w3.org/XML/1998/namespace}space"),
    ],
)
def test_prefixed_names_become_clark_names(tag: str, clark: str) -> None:
    assert qn(tag) == clark


@pytest.mark.parametrize("tag", ["p", "x:p", "w:", ":p", "W:p"])
def test_an_unknown_or_missing_prefix_is_refused(tag: str) -> None:
    with pytest.raises(ValueError, match="not a prefixed OOXML name"):
        qn(tag)


def test_qn_agrees_with_what_lxml_parses() -> None:
    """An element written with the w: prefix parses to the very tag qn spells."""
    root = etree.fromstring(f'<w:document xmlns:w="{W_NS}"><w:body><w:p/></w:body></w:document>'.encode())
    assert [el.tag for el in root.iter()] == [qn("w:document"), qn("w:body"), qn("w:p")]
    assert root.find("w:body/w:p", NAMESPACES) is not None
