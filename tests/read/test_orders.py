"""read/orders.py, the splitter: where an annex starts, and what the order's own body says."""

from __future__ import annotations

import pytest

from ajdiff.model import OrderRef
from ajdiff.read.formats import SourceText, read_source
from ajdiff.read.orders import RawDocument, parse_order_body, split
from ajdiff.tree import Origin
from tests.conftest import SEEDS


def cut(*lines: str, metadata: tuple[tuple[str, str], ...] = ()) -> list[RawDocument]:
    """split() of a text given line by line."""
    return split(SourceText("order.txt", lines, metadata))


ORDER_BODY = (
    "KÄSKKIRI",
    "15.11.2024 nr 164",
    "Ametijuhendite kinnitamine Avaliku teenistuse seaduse § 52 lõike 1 alusel",
    "1. Kinnitan talituse ametijuhendid järgmiselt: 1.1. talituse juhataja (lisa 1); 1.2. nõustaja (PSK) (lisa 2).",
    "2. Tunnistan kehtetuks peadirektori 23.12.2023 käskkirja nr 192 lisad 4 ja 5.",
    "3. Käskkiri jõustub 1. detsembril 2024. Käskkirja peale on õigus esitada vaie.",
    "(allkirjastatud digitaalselt) Mari Maasikas peadirektor",
)


# ------------------------------------------------------------------ the order's body


def test_the_order_body_gives_number_date_title_annexes_repeals_and_effect() -> None:
    ref = parse_order_body(list(ORDER_BODY), [])
    assert ref == OrderRef(
        number="164",
        date="2024-11-15",
        title="Ametijuhendite kinnitamine",
        annexes=(("1", "talituse juhataja"), ("2", "nõustaja (PSK)")),
        # Sentences, without the order's point numbers ("2.", "3.").
        repeals=("Tunnistan kehtetuks peadirektori 23.12.2023 käskkirja nr 192 lisad 4 ja 5.",),
        effective="Käskkiri jõustub 1. detsembril 2024.",
    )


def test_the_register_number_stands_in_for_a_missing_number_line() -> None:
    meta = [("Viit", "1-1/57"), ("Registreeritud", "07.01.2026")]
    ref = parse_order_body(["Ametijuhendite kinnitamine", "1. Kinnitan nõustaja (lisa 1) ametijuhendi."], meta)
    assert ref is not None
    assert (ref.number, ref.date, ref.title, ref.annexes) == ("1-1/57", "2026-01-07", None, (("1", "nõustaja"),))


def test_no_number_anywhere_is_no_order() -> None:
    assert parse_order_body(["Ametijuhendite kinnitamine", "1. Kinnitan nõustaja (lisa 1) ametijuhendi."], []) is None


def test_the_signature_ends_the_body() -> None:
    """An annex named after the digital signature (a footer, a stamp) is not one the order approves."""
    ref = parse_order_body([*ORDER_BODY, "Koopia: jurist (lisa 9)"], [])
    assert ref is not None and [a for a, _ in ref.annexes] == ["1", "2"]


# ------------------------------------------------------------------ annex markers

ANNEX_1 = ("AMETIJUHEND", "1. Üldosa", "Teenistuskoht Talituse juhataja")
ANNEX_2 = ("AMETIJUHEND", "1. Üldosa", "Teenistuskoht Nõustaja")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Lisa 1",), ("Lisa 2",)),
        (("LISA 1.",), ("LISA 2:",)),
        (("Lisa nr 1",), ("Lisa nr. 2",)),
        (
            ("KINNITATUD peadirektori", "15.11.2024 käskkirjaga nr 164", "Lisa 1"),
            ("KINNITATUD peadirektori", "15.11.2024 käskkirjaga nr 164", "Lisa 2"),
        ),
        (("Peadirektori 15.11.2024 käskkirja nr 164 lisa 1",), ("Peadirektori 15.11.2024 käskkirja nr 164 lisa 2",)),
    ],
    ids=["alone", "capitals", "nr", "approval block", "line naming the order"],
)
def test_each_annex_marker_starts_a_document(first: tuple[str, ...], second: tuple[str, ...]) -> None:
    docs = cut(*ORDER_BODY, *first, *ANNEX_1, *second, *ANNEX_2)
    titled = first[0].startswith("KINNITATUD")  # an approval block runs to the AMETIJUHEND title
    assert [(d.annex, d.lines, d.post_from_order) for d in docs] == [
        ("1", ANNEX_1[1:] if titled else ANNEX_1, "talituse juhataja"),
        ("2", ANNEX_2[1:] if titled else ANNEX_2, "nõustaja (PSK)"),
    ]
    assert all(d.order is not None and d.order.number == "164" for d in docs)
    assert docs[1].header == ((*second, "AMETIJUHEND") if titled else second)


def test_the_approval_block_names_who_approved_and_runs_to_the_title() -> None:
    docs = cut(
        "KINNITATUD Sotsiaalkindlustusameti peadirektori",
        "07.01.2026 käskkirjaga nr 1 Lisa 10",
        "",
        "AMETIJUHEND",
        "1. Üldosa",
    )
    ((doc,),) = [docs]
    assert (doc.annex, doc.lines, doc.header) == (
        "10",
        ("1. Üldosa",),
        ("KINNITATUD Sotsiaalkindlustusameti peadirektori", "07.01.2026 käskkirjaga nr 1 Lisa 10", "AMETIJUHEND"),
    )
    assert doc.order == OrderRef("1", "2026-01-07", approved_by="Sotsiaalkindlustusameti peadirektori")


def test_an_approval_block_read_again_names_what_it_named_and_another_block_its_own() -> None:
    """The annex and order of an approval block's text are remembered (`orders._block_refs`): a namesake's block, read
    again, names the same; a block that differs by its annex's number or its order's names its own."""
    from ajdiff.read.orders import _block_refs

    def block(annex: str, number: str) -> tuple[str | None, OrderRef | None]:
        (doc,) = cut("KINNITATUD Ameti peadirektori", f"07.01.2026 käskkirjaga nr {number} Lisa {annex}", "AMETIJUHEND")
        return doc.annex, doc.order

    text = "KINNITATUD Ameti peadirektori 07.01.2026 käskkirjaga nr 1 Lisa 10 AMETIJUHEND"
    assert block("10", "1") == block("10", "1") == _block_refs.__wrapped__(text)
    assert block("11", "1")[0] == "11" and block("10", "2")[1] == OrderRef(
        "2", "2026-01-07", approved_by="Ameti peadirektori"
    )


@pytest.mark.parametrize(
    "prose",
    [
        "Ametijuhendid kinnitatakse vastavalt lisale (lisa 1).",  # a reference in brackets
        "kinnitatud ametijuhendeid rakendatakse tagasiulatuvalt",  # 'kinnitatud' in an order's body
        "Aruanne esitatakse koos lisa 2",  # ends in 'lisa 2' but names no order
    ],
)
def test_an_annex_named_in_prose_is_no_marker(prose: str) -> None:
    lines = ("AMETIJUHEND", "1. Üldosa", prose, "2. Teenistusülesanded")
    assert [(d.annex, d.lines) for d in cut(*lines)] == [(None, lines)]


def test_a_lone_document_loses_its_approval_block_but_keeps_its_order() -> None:
    docs = cut(
        "KINNITATUD", "direktori 02.03.2025 käskkirjaga nr 5", "AMETIJUHEND", "1. Üldosa", "Teenistuskoht Jurist"
    )
    assert [(d.annex, d.lines) for d in docs] == [(None, ("1. Üldosa", "Teenistuskoht Jurist"))]
    assert docs[0].order == OrderRef("5", "2025-03-02", approved_by="direktori")


def test_annexes_the_order_lists_without_markers_start_at_their_titles() -> None:
    """No 'Lisa N' anywhere: each AMETIJUHEND title starts the next annex, numbered by its place (the
    order's own title, 'Ametijuhendite kinnitamine', starts none)."""
    docs = cut(*ORDER_BODY, *ANNEX_1, *ANNEX_2)
    assert [(d.annex, d.lines, d.post_from_order) for d in docs] == [
        ("1", ANNEX_1, "talituse juhataja"),
        ("2", ANNEX_2, "nõustaja (PSK)"),
    ]


def test_a_title_glued_to_the_first_heading_is_cut_in_two() -> None:
    (doc,) = cut("AMETIJUHEND 1. ÜLDOSA", "Teenistuskoht Jurist")
    assert doc.lines == ("AMETIJUHEND", "1. ÜLDOSA", "Teenistuskoht Jurist")


def test_register_tables_become_metadata_and_origins_follow_the_lines() -> None:
    docs = cut(
        "| Viit | 1-1/57 |",
        "| Registreeritud | 07.01.2026 |",
        "| Nimi | K.p. | Viit |",
        "| Eelmine käskkiri | 01.01.2025 | 1-1/1 |",
        "AMETIJUHEND",
        "1. Üldosa",
    )
    (doc,) = docs
    assert doc.metadata == (
        ("Viit", "1-1/57"),
        ("Registreeritud", "07.01.2026"),
        ("related", "Eelmine käskkiri | 01.01.2025 | 1-1/1"),
    )
    assert doc.order == OrderRef("1-1/57", "2026-01-07")
    assert doc.lines == ("AMETIJUHEND", "1. Üldosa") and doc.origins == (Origin(line=5), Origin(line=6))


def test_the_seed_order_splits_into_its_eleven_annexes() -> None:
    docs = split(read_source(SEEDS["003"]))
    assert sorted((d.annex or "" for d in docs), key=int) == [str(k) for k in range(1, 12)]
    order = docs[0].order
    assert order is not None
    assert (order.number, order.date, order.title, len(order.annexes)) == (
        "1",
        "2026-01-07",
        "Ametijuhendite kinnitamine",
        11,
    )
    assert dict(order.annexes)["8"] == "juhtivspetsialist (OA kriisitelefon)"
    assert order.repeals[0].startswith("Tunnistan kehtetuks peadirektori 23.12.2024 käskkirja nr 192 lisad 1 kuni 2")
    assert order.effective is not None and order.effective.startswith("Käskkiri jõustub allkirjastamisest")
    assert {d.post_from_order for d in docs if d.annex in ("9", "10", "11")} == {"nõustaja"}


def test_an_annex_takes_its_orders_date_and_official_as_replace_gives_them() -> None:
    # `_approved` spells out `dataclasses.replace` for speed: every field of the order kept but the two it sets.
    from dataclasses import fields, replace

    from ajdiff.model import OrderRef
    from ajdiff.read.orders import _approved

    full = OrderRef("164", None, "Kinnitamine", (("2", "Ekspert"),), ("Tunnistan kehtetuks",), "Jõustub", "x")
    assert all(getattr(full, f.name) != f.default for f in fields(OrderRef) if f.name != "date")
    for order in (full, replace(full, date="2024-11-15"), OrderRef("164", None)):
        block = OrderRef("164", "2024-11-16", approved_by="Peadirektori")
        assert _approved(order, block) == replace(order, date=order.date or block.date, approved_by=block.approved_by)
