"""The bar on top: which pair (or post) is shown, its changes counted by impact, and what is reviewed."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ajdiff.changes import Change, Comparison, Impact
from ajdiff.model import JobDescription
from ajdiff.words import counted, doc_label, word


def doubt(pair: Comparison, lang: str) -> tuple[str, str]:
    """'  ? ebakindel paar: 3/9 ülesannet kattub' after the names of a pair the content does not clearly make
    one post (also when it is the only pair, and no switcher shows its '?'); nothing for a sure pair."""
    proof = pair.pairing
    if not proof or not proof.uncertain:
        return ("", "")
    total = max(proof.duties_old, proof.duties_new)
    return ("  " + word("ui.uncertain_pair", lang, matched=proof.duties_matched, total=total), "bold $text-warning")


class SummaryBar(Static):
    """Counts by impact of the pair on screen, how many of its visible changes carry a mark, and the total."""

    def show(
        self,
        pair: Comparison | None,
        reviewed: tuple[int, int],
        show_editorial: bool,
        lang: str,
        *,
        total: tuple[int, int] | None = None,
        post: tuple[JobDescription, bool] | None = None,
    ) -> None:
        """Redraw for a pair, a post (doc, created), or nothing compared; total: the whole comparison."""
        all_: list[str | tuple[str, str]] = []
        if total is not None:
            all_ = [" · ", (f"{word('ui.total', lang)} {total[0]}/{total[1]}", "$text-muted")]
        if post is not None:
            doc, created = post
            what = word("ui.created_post" if created else "ui.abolished_post", lang)
            style = "bold $text-success" if created else "bold $text-error"
            self.update(Content.assemble((doc_label(doc, lang), "bold"), "\n", (what, style), *all_))
            return
        if pair is None:
            self.update(Content.assemble(word("ui.no_changes_at_all", lang), *all_))
            return
        hidden = "" if show_editorial or not pair.editorial else f" ({word('ui.hidden', lang)})"
        done, shown = reviewed
        self.update(
            Content.assemble(
                (f"{doc_label(pair.old, lang)}  →  {doc_label(pair.new, lang)}", "bold"),
                doubt(pair, lang),
                "\n",
                # A count is drawn as an alarm only when there is something to see: "0 olulist" is muted.
                (
                    counted(len(pair.high_impact), "high", lang),
                    "bold $text-error" if pair.high_impact else "$text-muted",
                ),
                " · ",
                (
                    counted(len(pair.substantive), "substantive", lang),
                    "bold $text-warning" if pair.substantive else "$text-muted",
                ),
                " · ",
                (f"{counted(len(pair.editorial), 'editorial', lang)}{hidden}", "$text-muted"),
                " · ",
                (f"{done}/{shown} {word('ui.reviewed', lang)}", "bold $text-success" if done == shown else ""),
                " · ",
                (f"{word('ui.similarity', lang)} {pair.similarity:.0%}", "$text-muted"),
                *all_,
            )
        )

    def show_order(
        self,
        title: str,
        changes: tuple[Change, ...],
        reviewed: tuple[int, int],
        show_editorial: bool,
        lang: str,
        *,
        total: tuple[int, int] | None = None,
    ) -> None:
        """Redraw for the orders' own changes: which orders, their changes counted, how many are reviewed."""
        substantive = [c for c in changes if not c.editorial]
        high = [c for c in substantive if c.impact is Impact.HIGH]
        editorial = len(changes) - len(substantive)
        hidden = "" if show_editorial or not editorial else f" ({word('ui.hidden', lang)})"
        done, shown = reviewed
        all_: list[str | tuple[str, str]] = []
        if total is not None:
            all_ = [" · ", (f"{word('ui.total', lang)} {total[0]}/{total[1]}", "$text-muted")]
        self.update(
            Content.assemble(
                (title, "bold"),
                "\n",
                (counted(len(high), "high", lang), "bold $text-error" if high else "$text-muted"),
                " · ",
                (
                    counted(len(substantive), "substantive", lang),
                    "bold $text-warning" if substantive else "$text-muted",
                ),
                " · ",
                (f"{counted(editorial, 'editorial', lang)}{hidden}", "$text-muted"),
                " · ",
                (f"{done}/{shown} {word('ui.reviewed', lang)}", "bold $text-success" if done == shown else ""),
                *all_,
            )
        )
