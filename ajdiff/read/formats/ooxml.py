"""WordprocessingML names: the namespaces ajdiff reads and writes, and one `qn()` to spell an element.

The .docx reader and the redline writer share it, so an element is named the same way in both.
"""

from __future__ import annotations

from functools import cache

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The main WordprocessingML namespace (transitional, as Word writes it)."""
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""Relationship references inside a part (r:id)."""
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
"""Drawings anchored in a paragraph (text boxes, pictures)."""
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
"""DrawingML itself."""
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
"""Markup compatibility: AlternateContent with its Choice and Fallback."""
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
"""The package's relationship parts (_rels/*.rels)."""
XML_NS = "http://www.w3.org/XML/1998/namespace"
"""xml:space and its kin."""
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
"""The main namespace of Strict Open XML, which ajdiff does not read (no prefix: it is refused, not spelt)."""

NAMESPACES = {"w": W_NS, "r": R_NS, "wp": WP_NS, "a": A_NS, "mc": MC_NS, "pr": PR_NS, "xml": XML_NS}
"""Prefix → namespace, for `qn` and for XPath."""


@cache
def qn(tag: str) -> str:
    """The Clark name of a prefixed tag: 'w:p' → '{http://…/wordprocessingml/2006/main}p'."""
    prefix, sep, local = tag.partition(":")
    uri = NAMESPACES.get(prefix)
    if not sep or uri is None or not local:
        raise ValueError(f"not a prefixed OOXML name: {tag!r} (prefixes: {', '.join(NAMESPACES)})")
    return f"{{{uri}}}{local}"
