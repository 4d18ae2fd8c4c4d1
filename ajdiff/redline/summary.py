"""The first page, never tracked: a table of the semantic changes, in Estonian or English."""

from __future__ import annotations

from ajdiff.changes import Change, Comparison, ComparisonSet, Impact
from ajdiff.model import JobDescription
from ajdiff.redline.layout import Block, Para, Presence, Row, Segment, Style, Table, mark_name
from ajdiff.review import Review
from ajdiff.words import doc_label, section_name, sentence, translate

# (Estonian, English) strings of the summary page.
STRINGS: dict[str, tuple[str, str]] = {
    "title": ("Muudatuste kokkuvõte", "Summary of changes"),
    "impact": ("Mõju", "Impact"),
    "section": ("Osa", "Section"),
    "what": ("Mis muutus", "What changed"),
    "old_new": ("Vana → uus", "Old → new"),
    "review": ("Ülevaatus", "Review"),
    "high": ("Oluline", "High"),
    "normal": ("Tavaline", "Normal"),
    "none": ("Sisulisi muudatusi ei ole.", "No substantive changes."),
    "counts": (
        "Sisulisi muudatusi {substantive} (neist olulisi {high}), toimetuslikke {editorial} ({shown}).",
        "{substantive} substantive changes ({high} of high impact), {editorial} editorial ({shown}).",
    ),
    "shown": ("märgitud muudatustena", "tracked"),
    "hidden": ("kirjutatud uue tekstina, jälgimata", "written as the new text, untracked"),
    "created": ("Loodud ametikohad", "Posts created"),
    "abolished": ("Kaotatud ametikohad", "Posts abolished"),
    "intro": (
        "Järgmistel lehtedel on iga muudatus Wordi jälgitava muudatusena: kõigi vastuvõtmine annab uue "
        "versiooni, kõigi tagasilükkamine vana.",
        "The following pages show every change as a Word tracked change: accepting all gives the new "
        "version, rejecting all gives the old one.",
    ),
}


def tr(key: str, lang: str) -> str:
    """One string of the summary page in the report language."""
    et, en = STRINGS[key]
    return en if lang == "en" else et


def _short(text: str | None, limit: int = 120) -> str:
    text = " ".join((text or "").split())
    if not text:
        return "—"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plain(text: str, style: Style = Style.BODY) -> Para:
    return Para(Presence.BOTH, (Segment(text, text),), style)


def _row(cells: list[str], *, header: bool = False) -> Row:
    style = Style.CELL_LABEL if header else Style.CELL
    return Row(Presence.BOTH, tuple((_plain(c, style),) for c in cells), header=header)


def _change_row(pair: Comparison, change: Change, review: Review | None, lang: str) -> Row:
    entry = review.entry(pair, change) if review else None
    mark = mark_name(entry.mark, lang) if entry and entry.mark else ""
    if entry and entry.comment:
        mark = f"{mark}: {entry.comment}" if mark else entry.comment
    impact = tr("high" if change.impact is Impact.HIGH else "normal", lang)
    return _row(
        [
            impact,
            section_name(change.section, lang),
            sentence(change, lang),
            f"{_short(change.old, 60)} → {_short(change.new, 60)}",
            mark,
        ]
    )


def _posts(docs: tuple[JobDescription, ...], lang: str) -> list[Para]:
    return [_plain(f"{doc_label(d, lang)} ({d.source})", Style.BULLET) for d in docs]


def summary_blocks(
    changes: ComparisonSet, *, lang: str = "et", review: Review | None = None, show_editorial: bool = False
) -> list[Block]:
    """The summary page: per pair, a table of impact, section, what changed, old → new, review mark."""
    blocks: list[Block] = [_plain(tr("title", lang), Style.TITLE), _plain(tr("intro", lang))]
    header = [tr(k, lang) for k in ("impact", "section", "what", "old_new", "review")]
    for pair in changes.pairs:
        blocks.append(_plain(f"{doc_label(pair.old, lang)} → {doc_label(pair.new, lang)}", Style.SUBHEADING))
        counts = tr("counts", lang).format(
            substantive=len(pair.substantive),
            high=len(pair.high_impact),
            editorial=len(pair.editorial),
            shown=tr("shown" if show_editorial else "hidden", lang),
        )
        blocks.append(_plain(counts))
        if not pair.substantive:
            blocks.append(_plain(tr("none", lang)))
            continue
        # High impact first, then in document order: what an approver must read first.
        ordered = sorted(pair.substantive, key=lambda c: c.impact is not Impact.HIGH)
        rows = [_row(header, header=True), *(_change_row(pair, c, review, lang) for c in ordered)]
        blocks.append(Table(tuple(rows), (2.1, 2.8, 5.2, 4.6, 2.3)))
    if changes.unpaired_new:
        blocks.append(_plain(tr("created", lang), Style.SUBHEADING))
        blocks += _posts(changes.unpaired_new, lang)
    if changes.unpaired_old:
        blocks.append(_plain(tr("abolished", lang), Style.SUBHEADING))
        blocks += _posts(changes.unpaired_old, lang)
    blocks += [_plain(translate(note, lang)) for note in changes.notes]
    blocks.append(Para(Presence.BOTH))
    return blocks
