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
    "quit": ("välju", "quit"),
    # The same keys in the help screen: a full sentence each.
    "help_next": ("järgmine muudatus (üle osade ja paaride)", "next change (across sections and pairs)"),
    "help_previous": ("eelmine muudatus", "previous change"),
    "help_editorial": ("näita / peida toimetuslikud muudatused", "show / hide editorial changes"),
    "help_view": ("kõrvuti (vana | uus) või ühes reas", "side by side (old | new) or inline"),
    "help_search": ("otsi muudatustest teksti", "search the changes for a text"),
    "help_approve": ("kinnita muudatus (uuesti: võta tagasi)", "approve the change (again: undo)"),
    "help_question": ("märgi muudatus küsitavaks (uuesti: võta tagasi)", "question the change (again: undo)"),
    "help_comment": ("kommenteeri muudatust", "comment on the change"),
    "help_export": ("salvesta redline (.docx) koos kommentaaridega", "export the redline (.docx) with the comments"),
    "help_help": ("see abi", "this help"),
    "help_quit": ("välju (märkused on juba salvestatud)", "quit (the marks are already saved)"),
    "close": ("sulge", "close"),
    "substantive": ("sisulisi", "substantive"),
    "high": ("olulisi", "high impact"),
    "editorial_count": ("toimetuslikke", "editorial"),
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
    "help_palette": (
        "Ctrl+P: käsupalett (nt hele või tume teema).",
        "Ctrl+P: command palette (e.g. a light or dark theme).",
    ),
    "ok_cancel": ("Enter kinnitab, Esc tühistab", "Enter accepts, Esc cancels"),
}


def text(key: str, lang: str = "et") -> str:
    """An interface text in the language asked for ('et' or 'en')."""
    et, en = _TEXTS[key]
    return en if lang == "en" else et
