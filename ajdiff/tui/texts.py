"""Interface texts of the terminal UI, in Estonian and English."""

from __future__ import annotations

_TEXTS: dict[str, tuple[str, str]] = {
    # key: (et, en)
    "title": ("ajdiff · ametijuhendite võrdlus", "ajdiff · job description review"),
    # Footer words: short, so that most keys fit in 80 columns.
    "next": ("edasi", "next"),
    "previous": ("tagasi", "prev"),
    "editorial": ("toim", "editorial"),
    "view": ("vaade", "view"),
    "search": ("otsi", "find"),
    "approve": ("ok", "ok"),
    "question": ("küsi", "query"),
    "comment": ("märkus", "note"),
    "export": ("docx", "docx"),
    "help": ("abi", "help"),
    "next_unreviewed": ("vaatamata", "unreviewed"),
    "search_again": ("otsi uuesti", "find again"),
    "fold": ("voldi", "fold"),
    "warnings": ("hoiatused", "warnings"),
    "theme": ("teema", "theme"),
    "quit": ("välju", "quit"),
    # The same keys in the help screen: a full sentence each.
    "help_next": (
        "järgmine muudatus (üle osade ja paaride, siis uued ja kaotatud ametikohad)",
        "next change (across sections and pairs, then the created and abolished posts)",
    ),
    "help_previous": ("eelmine muudatus", "previous change"),
    "help_editorial": ("näita / peida toimetuslikud muudatused", "show / hide editorial changes"),
    "help_view": ("kõrvuti (vana | uus) või ühes reas", "side by side (old | new) or inline"),
    "help_search": ("otsi muudatustest teksti", "search the changes for a text"),
    "help_approve": (
        "kinnita ja liigu edasi (kinnitatul: võta tagasi)",
        "approve and move on (on an approved one: undo)",
    ),
    "help_question": (
        "märgi küsitavaks ja liigu edasi (küsitaval: võta tagasi)",
        "question and move on (on a questioned one: undo)",
    ),
    "help_comment": ("kommentaar (mitu rida; Ctrl+S salvestab)", "comment (several lines; Ctrl+S saves)"),
    "help_export": ("salvesta redline (.docx) koos kommentaaridega", "export the redline (.docx) with the comments"),
    "help_help": ("see abi", "this help"),
    "help_next_unreviewed": ("järgmine märkimata muudatus või ametikoht", "next change or post without a mark"),
    "help_search_again": ("otsi sama teksti uuesti (järgmine vaste)", "search the same text again (next match)"),
    "help_fold": ("näita / voldi muutmata laused", "show / fold the unchanged sentences"),
    "help_warnings": ("näita / peida hoiatuste paneel", "show / hide the warnings panel"),
    "help_theme": ("tume või hele teema", "dark or light theme"),
    "help_nav": (
        "Tab vahetab paani (paarid, osad, muudatused); nooled liiguvad; Enter avab valitud paari või osa.",
        "Tab moves between panes (pairs, sections, changes); arrows move; Enter opens the pair or section.",
    ),
    "help_legend": ("Tähised", "Legend"),
    "legend_deleted": ("kustutatud sõnad (läbi kriipsutatud)", "deleted words (struck through)"),
    "legend_inserted": ("lisatud sõnad (alla joonitud)", "inserted words (underlined)"),
    "legend_current": ("praegune muudatus", "the current change"),
    "legend_high": ("oluline muudatus; loendur punane", "high-impact change; red count"),
    "legend_normal": ("sisulised muudatused; loendur kollane", "substantive changes; yellow count"),
    "legend_marks": ("✓ kinnitatud · ? küsimus · 3/5 osas üle vaadatud", "✓ approved · ? question · 3/5 reviewed"),
    "legend_fold": ("⋯ muutmata laused volditud (z näitab)", "⋯ unchanged sentences folded (z shows)"),
    "help_quit": ("välju (märkused on juba salvestatud)", "quit (the marks are already saved)"),
    "close": ("sulge", "close"),
    "hidden": ("peidetud", "hidden"),
    "reviewed": ("üle vaadatud", "reviewed"),
    "similarity": ("sarnasus", "similarity"),
    "pairs": ("Paarid", "Pairs"),
    "created_heading": ("Uued ametikohad", "Posts created"),
    "abolished_heading": ("Kaotatud ametikohad", "Posts abolished"),
    "created_post": ("Uus ametikoht (ainult uues versioonis)", "Post created (only in the new version)"),
    "abolished_post": ("Kaotatud ametikoht (ainult vanas versioonis)", "Post abolished (only in the old version)"),
    "duties_count": ("ülesandeid", "duties"),
    "no_changes": ("Selles osas muudatusi ei ole.", "No changes in this section."),
    "no_changes_at_all": ("Muudatusi ei ole.", "No changes."),
    "old": ("Vana", "Old"),
    "new": ("Uus", "New"),
    "approved": ("kinnitatud", "approved"),
    "questioned": ("küsimus", "question"),
    "comment_label": ("Kommentaar", "Comment"),
    "editorial_tag": ("toimetuslik", "editorial"),
    "high_tag": ("oluline", "high impact"),
    "comment_prompt": ("Kommentaar muudatusele (tühi kustutab)", "Comment on the change (empty removes it)"),
    "search_prompt": ("Otsi muudatustest", "Search the changes"),
    "export_prompt": ("Salvesta redline (.docx) faili", "Save the redline (.docx) to"),
    "not_found": ("Ei leitud", "Not found"),
    "last_change": ("Viimane muudatus", "Last change"),
    "first_change": ("Esimene muudatus", "First change"),
    "no_current": ("Muudatust pole valitud", "No change selected"),
    "exported": ("Redline salvestatud", "Redline saved"),
    "export_failed": ("Eksport ebaõnnestus", "Export failed"),
    "save_failed": ("Ülevaatust ei saanud salvestada", "Could not save the review"),
    "review_file": ("Ülevaatuse fail", "Review file"),
    "editorial_on": ("Toimetuslikud muudatused nähtaval", "Editorial changes shown"),
    "editorial_off": ("Toimetuslikud muudatused peidetud", "Editorial changes hidden"),
    "help_title": ("Klahvid", "Keys"),
    "help_mouse": (
        "Hiir: klõpsa osal, paaril või muudatusel, et see valida.",
        "Mouse: click a section, a pair or a change to select it.",
    ),
    "quit_hint": ("Väljumiseks vajuta q", "Press q to quit"),
    "quit_title": ("Väljuda?", "Quit?"),
    "fold_hint": ("z näitab", "z shows"),
    "no_fold": ("Selles muudatuses pole midagi voldida", "Nothing to fold in this change"),
    "pair_no_changes": ("Selles paaris sisulisi muudatusi ei ole.", "No substantive changes in this pair."),
    "all_reviewed": ("Kõik on üle vaadatud", "Everything is reviewed"),
    "no_search": ("Pole veel midagi otsitud (/ otsib)", "Nothing searched yet (/ searches)"),
    "total": ("kokku", "in all"),
    "comment_for": ("Kommentaar muudatusele", "Comment on the change"),
    "comment_keys": (
        "Ctrl+S salvestab, Esc tühistab, Enter alustab uut rida; tühi tekst kustutab",
        "Ctrl+S saves, Esc cancels, Enter starts a new line; empty text removes it",
    ),
    "search_keys": (
        "Enter otsib, ↑/↓ varasemad otsingud, Esc tühistab",
        "Enter searches, ↑/↓ earlier searches, Esc cancels",
    ),
    "overwrite": ("Fail on juba olemas: {}. Kas kirjutada üle?", "The file already exists: {}. Overwrite it?"),
    "yes_no": ("j = jah, e / Esc = ei", "y = yes, n / Esc = no"),
    "no_folder": ("Kausta ei ole: {}", "No such folder: {}"),
    "warnings_title": ("Hoiatused", "Warnings"),
    "warnings_hint": ("w näitab kõiki / peidab", "w shows all / hides"),
    "old_title": ("vana", "old"),
    "ok_cancel": ("Enter kinnitab, Esc tühistab", "Enter accepts, Esc cancels"),
}


def text(key: str, lang: str = "et") -> str:
    """An interface text in the language asked for ('et' or 'en')."""
    et, en = _TEXTS[key]
    return en if lang == "en" else et


# The file errors the UI can meet, in Estonian (the CLI's own lines stay English, for scripts and logs).
_ERRORS_ET: tuple[tuple[str, str], ...] = (
    ("is an input file", "on sisendfail, seda üle ei kirjutata (vali teine nimi)"),
    ("is a folder", "on kaust (anna failinimi)"),
    ("already exists", "on juba olemas"),
    ("folder ", "kausta ei ole"),
    ("cannot write: ", "ei saa kirjutada: "),
    ("the redline layer", "selles paigalduses pole redline'i kihti (ajdiff.redline)"),
)


def error_text(source: str, problem: str, hint: str | None, lang: str = "et") -> str:
    """A file error for the UI: 'FILE: what is wrong' in the interface's language."""
    if lang == "en":
        return f"{source}: {problem}" + (f" ({hint})" if hint else "")
    for start, et in _ERRORS_ET:
        if problem.startswith(start):
            # Keep what follows a known prefix only where it is data (the OS's reason for a failed write).
            rest = problem[len(start) :] if et.endswith(": ") else ""
            return f"{source}: {et}{rest}"
    return f"{source}: {problem}"
