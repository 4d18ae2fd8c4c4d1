"""The register's metadata tables of a text export are not in the redline's body: the reader sets them
aside as metadata ('| Viit | 164 |' at the top, the related documents after the last annex)."""

from __future__ import annotations

from tests.redline.support import SEED, orders_result, redline
from tests.redline.views import Side, paragraph_lines, view


def test_the_orders_metadata_and_related_documents_are_not_in_the_body() -> None:
    source = SEED["000"].read_text(encoding="utf-8").splitlines()
    assert "| Viit | 164 |" in source and any(line.startswith("| Nimi | K.p.") for line in source)
    data = redline(orders_result())
    for side in Side:
        lines = paragraph_lines(view(data, side))
        assert not [line for line in lines if line.startswith("|")]
        assert "Viit" not in " ".join(lines[:20])
    # The last annex ends with its own last line, not the related documents' table.
    last = [line for line in source if line.strip() and not line.startswith("|")][-1]
    assert paragraph_lines(view(data, Side.REJECT))[-1] == " ".join(last.split())
