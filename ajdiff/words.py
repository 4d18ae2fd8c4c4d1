"""Every word ajdiff says to a user that a record names by key: field and section names, kinds, counts.

The records carry keys (a change's `path` and `kind`); the renderers, the UI and the command line turn
them into words here. `WORDS` maps a key to its English, the gettext message id, with the key as its
context (`msgctxt`), so that one English word ('Old', 'editorial') can have two Estonian ones; the
Estonian is in the catalogue (ajdiff/locale/et/LC_MESSAGES/ajdiff.po). `word(key, lang, **fields)`
translates, then fills the fields. Counted nouns (`PLURALS`) go through npgettext: Estonian agrees as
'1 muudatus', '7 muudatust' (nominative singular, partitive singular), English '1 change', '2 changes'.
Messages that are sentences of their own (refusals, hints, warnings, notes) are not keyed: they are
`_("…")` where they are said (ajdiff.i18n).
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache

from ajdiff.i18n import NNP_, NP_, translation

TYPE_CHECKING = False  # as typing's, without importing typing (2 ms a start); type checkers know the name
if TYPE_CHECKING:
    from ajdiff.changes import Change, ChangeKind
    from ajdiff.model import JobDescription


class Lang(str, Enum):
    """A language ajdiff speaks: its reports, its interface and its messages."""

    ET = "et"
    EN = "en"


WORDS: dict[str, str] = dict(
    [
        # The redline's summary page.
        NP_("redline.title", "Summary of changes"),
        NP_("redline.section", "Section and field"),
        NP_("redline.what", "Change"),
        NP_("redline.words", "Changed words (old → new)"),
        NP_("redline.high", "high impact"),
        NP_("redline.none", "No substantive changes."),
        NP_("redline.counts", "{substantive} substantive changes ({high} of high impact), {editorial} editorial."),
        NP_(
            "redline.revisions",
            "Tracked changes in the body of the document: {substantive} by “{author}”, {editorial} by "
            "“{editorial_author}”.",
        ),
        NP_("redline.stories", "Page headers and footers"),
        NP_("redline.header", "Header"),
        NP_("redline.footer", "Footer"),
        NP_("redline.not_compared", "not compared: the old file has no Word headers or footers"),
        NP_("redline.created", "Posts created (inserted whole below)"),
        NP_("redline.abolished", "Posts abolished (deleted whole below)"),
        NP_(
            "redline.intro",
            "This summary is not part of the document. The following pages are the new document, in which every "
            "difference from the old one is a Word tracked change: accepting all gives the new text, rejecting "
            "all the old. Editorial changes (numbering, punctuation, case) are by the author “{editorial}”: "
            "Review → Show Markup → Specific People hides them.",
        ),
        NP_("redline.approved", "Approved"),
        NP_("redline.editorial_author", "{author} (editorial)"),
        NP_("redline.questioned", "Questioned"),
        # ---- field and section names: 'field.' + a change's path (its top level is the section)
        NP_("field.general", "General"),
        NP_("field.general.position", "Position"),
        NP_("field.general.unit", "Unit"),
        NP_("field.general.supervisor", "Supervisor"),
        NP_("field.general.subordinates", "Subordinates"),
        NP_("field.general.substitutes_for", "Substitutes for"),
        NP_("field.general.substituted_by", "Substituted by"),
        NP_("field.general.goal", "Goal of the post"),
        NP_("field.general.group", "Post group"),
        NP_("field.general.special_conditions", "Special conditions"),
        NP_("field.duties", "Duties"),
        NP_("field.requirements", "Requirements"),
        NP_("field.requirements.education", "Education"),
        NP_("field.requirements.experience", "Experience"),
        NP_("field.requirements.experience_years", "Experience (years)"),
        NP_("field.requirements.languages", "Languages"),
        NP_("field.requirements.knowledge", "Knowledge and skills"),
        NP_("field.requirements.qualities", "Personal qualities"),
        NP_("field.rights", "Rights"),
        NP_("field.responsibilities", "Responsibilities"),
        NP_("field.competencies", "Competencies"),
        NP_("field.review", "Review of the job description"),
        NP_("field.other", "Other"),
        NP_("field.order", "Order"),
        NP_("field.order.title", "Title of the order"),
        NP_("field.order.annexes", "Job descriptions approved"),
        NP_("field.order.repeals", "Repealed"),
        NP_("field.order.effective", "Entry into force"),
        NP_("field.duty", "Duty {number}"),
        NP_("field.duty_results", "Results of duty {number}"),
        NP_("field.foreign_language", "foreign language"),
        # ---- languages, in the genitive Estonian sentences need ('inglise keele nõue')
        NP_("language.et", "Estonian"),
        NP_("language.en", "English"),
        NP_("language.ru", "Russian"),
        NP_("language.de", "German"),
        NP_("language.fi", "Finnish"),
        NP_("language.fr", "French"),
        NP_("language.sv", "Swedish"),
        NP_("language.lv", "Latvian"),
        NP_("language.lt", "Lithuanian"),
        NP_("language.es", "Spanish"),
        NP_("language.it", "Italian"),
        NP_("language.uk", "Ukrainian"),
        NP_("language.pl", "Polish"),
        NP_("language.foreign", "foreign"),
        NP_("language.or", " or "),
        # ---- kinds of change: 'kind.' + ChangeKind.value
        NP_("kind.added", "added"),
        NP_("kind.removed", "removed"),
        NP_("kind.modified", "modified"),
        NP_("kind.moved", "moved"),
        NP_("kind.renumbered", "renumbered"),
        NP_("kind.merged", "merged"),
        NP_("kind.split", "split"),
        NP_("kind.raised", "raised"),
        NP_("kind.lowered", "lowered"),
        # ---- one sentence per change (the high-impact list, the redline summary)
        # {name} is the language in the genitive ('inglise keele', 'võõrkeele': one word, 'võõr' is a prefix).
        NP_("sentence.language", "{name} requirement {kind} {old} → {new}"),
        NP_("sentence.language_added", "{name} requirement added: {text}"),
        NP_("sentence.language_removed", "{name} requirement removed: {text}"),
        NP_("sentence.language_name", "{0} language"),
        NP_("sentence.foreign_language", "foreign language"),
        NP_("sentence.experience_years", "Required experience {kind} {old} → {new} years"),
        NP_("sentence.duty_added", "Duty added {number}: {text}"),
        NP_("sentence.duty_removed", "Duty removed {number}: {text}"),
        NP_("sentence.duty_moved", "Duty moved {old} → {new}: {text}"),
        NP_("sentence.duty_merged", "Duties merged {old} → {new}"),
        NP_("sentence.duty_split", "Duty split {old} → {new}"),
        NP_("sentence.duty_renumbered", "Duty renumbered {old} → {new}"),
        NP_("sentence.duty_modified", "Duty reworded {number}: {text}"),
        NP_("sentence.added", "{label}: added „{text}”"),
        NP_("sentence.removed", "{label}: removed „{text}”"),
        NP_("sentence.modified", "{label}: „{old}” → „{new}”"),
        # ---- documents
        NP_("doc.annex", "Annex {annex}"),
        NP_("doc.unnamed", "(unnamed post)"),
        # ---- `ajdiff diff` as text (and what the Markdown report shares with it)
        NP_("diff.similarity", "Similarity"),
        NP_("diff.of_them", "{}"),
        NP_("diff.hidden", "hidden, --all shows them"),
        NP_("diff.nothing", "No substantive changes."),
        NP_("diff.important", "High-impact changes"),
        NP_("diff.created", "Posts created (new only)"),
        NP_("diff.abolished", "Posts abolished (old only)"),
        NP_("diff.pairs", "Pairs compared"),
        NP_("diff.editorial_tag", "editorial"),
        NP_("diff.uncertain", "Uncertain pair"),
        NP_("diff.uncertain_how", "score {score:.2f} · {matched} of {duties} duties match by content ({content:.0%})"),
        NP_("diff.other_unit", "different unit"),
        NP_("diff.other_position", "different position"),
        NP_("diff.uncertain_fix", "check it; fix by hand with --pair / --no-pair"),
        NP_("diff.uncertain_count", "uncertain"),
        # `diff --stat`'s last line
        NP_("stat.substantive", "substantive"),
        NP_("stat.high", "high impact"),
        NP_("stat.editorial", "editorial"),
        NP_("stat.created", "posts created"),
        NP_("stat.abolished", "posts abolished"),
        # ---- `diff --format markdown`
        NP_("md.created", "Posts created"),
        NP_("md.abolished", "Posts abolished"),
        NP_("md.change", "Change"),
        NP_("md.old", "Old"),
        NP_("md.new", "New"),
        # ---- `diff --format html` and `--format csv`: the reports for a browser and a spreadsheet
        NP_("report.title", "Comparison of job descriptions"),
        NP_("report.old", "Old"),
        NP_("report.new", "New"),
        NP_("report.order", "order nr {number}, {date}"),
        NP_("report.annexes", "annexes"),
        NP_("report.totals", "Totals"),
        NP_("report.contents", "Contents"),
        NP_("report.skip", "Skip to the changes"),
        NP_("report.unit", "Unit"),
        NP_("report.post", "Post"),
        NP_("report.pair", "Pair"),
        NP_("report.sources", "Files"),
        NP_("report.editorial", "Editorial changes"),
        NP_("report.whole_created", "The whole text of the new post"),
        NP_("report.whole_abolished", "The whole text of the abolished post"),
        NP_("report.legend", "Deleted words are struck through, inserted words underlined."),
        NP_("report.generated", "Made by ajdiff"),
        NP_("report.to_top", "Back to contents"),
        # Said by a screen reader around struck and underlined words (hidden on the screen and on paper).
        NP_("report.del_start", "deletion start"),
        NP_("report.del_end", "deletion end"),
        NP_("report.ins_start", "insertion start"),
        NP_("report.ins_end", "insertion end"),
        # `--format csv`: the header row, and the kinds of a whole post's row
        NP_("csv.old_file", "old file"),
        NP_("csv.old_annex", "old annex"),
        NP_("csv.new_file", "new file"),
        NP_("csv.new_annex", "new annex"),
        NP_("csv.post", "post"),
        NP_("csv.path", "path"),
        NP_("csv.label", "label"),
        NP_("csv.kind", "kind"),
        NP_("csv.impact", "impact"),
        NP_("csv.editorial", "editorial"),
        NP_("csv.old_text", "old text"),
        NP_("csv.new_text", "new text"),
        NP_("csv.created", "post created"),
        NP_("csv.abolished", "post abolished"),
        NP_("csv.high", "high"),
        NP_("csv.normal", "normal"),
        NP_("csv.yes", "yes"),
        NP_("csv.no", "no"),
        # ---- `ajdiff show`
        NP_("show.order", "order nr {number}, {date}"),
        NP_("show.experience_years", "Experience in years"),
        NP_("show.language_table", "language  level"),
        NP_("show.review", "Review"),
        NP_("show.warnings", "Warnings"),
        NP_("show.sentence", "(sentence)"),
        NP_("show.title", "(title)"),
        NP_("show.tree", "The document's structure (as written):"),
        NP_("show.order_head", "Order nr {number} ({date})"),
        NP_("show.approves", "approves"),
        NP_("show.repeals", "repeals"),
        NP_("show.effective", "entry into force"),
        # ---- messages on stderr
        NP_("cli.warning", "warning"),
        NP_("cli.time_left", "{time} left"),
        NP_("cli.interrupted", "interrupted"),
        NP_("cli.out_of_memory", "out of memory (input too large? see --max-size)"),
        NP_("cli.internal_error", "internal error: {error} (set AJDIFF_DEBUG=1 for details)"),
        NP_(
            "cli.swapped",
            "OLD is dated {old_date} (order nr {old_number}), later than NEW {new_source} dated {new_date} "
            "(order nr {new_number}); are OLD and NEW swapped? (give the older version first)",
        ),
        # ---- the terminal UI (footer words are short, so that most keys fit in 80 columns)
        NP_("ui.title", "ajdiff · job description review"),
        NP_("ui.next", "next"),
        NP_("ui.previous", "prev"),
        NP_("ui.editorial", "editorial"),
        NP_("ui.view", "view"),
        NP_("ui.search", "find"),
        NP_("ui.approve", "ok"),
        NP_("ui.question", "query"),
        NP_("ui.comment", "note"),
        NP_("ui.export", "docx"),
        NP_("ui.help", "help"),
        NP_("ui.next_unreviewed", "unreviewed"),
        NP_("ui.search_again", "find again"),
        NP_("ui.fold", "fold"),
        NP_("ui.warnings", "warnings"),
        NP_("ui.theme", "theme"),
        NP_("ui.quit", "quit"),
        # The same keys in the help screen: a full sentence each.
        NP_(
            "ui.help_next",
            "next change (the orders' own changes, then across sections and pairs, then the created and abolished "
            "posts)",
        ),
        NP_("ui.help_previous", "previous change"),
        NP_("ui.help_editorial", "show / hide editorial changes"),
        NP_("ui.help_view", "side by side (old | new) or inline"),
        NP_("ui.help_search", "search the changes for a text"),
        NP_("ui.help_approve", "approve and move on (on an approved one: undo)"),
        NP_("ui.help_question", "question and move on (on a questioned one: undo)"),
        NP_("ui.help_comment", "comment (several lines; Ctrl+S saves)"),
        NP_("ui.help_export", "export the redline (.docx) with the comments"),
        NP_("ui.help_help", "this help"),
        NP_("ui.help_next_unreviewed", "next change or post without a mark"),
        NP_("ui.help_search_again", "search the same text again (next match)"),
        NP_("ui.help_fold", "show / fold the unchanged sentences"),
        NP_("ui.help_warnings", "show / hide the warnings panel"),
        NP_("ui.help_theme", "dark or light theme"),
        NP_(
            "ui.help_nav",
            "Tab moves between panes (pairs, sections, changes), l goes to the pairs; arrows move; Enter opens the "
            "pair or section.",
        ),
        NP_("ui.help_legend", "Legend"),
        NP_("ui.legend_word", "word"),
        NP_("ui.legend_deleted", "deleted words (struck through)"),
        NP_("ui.legend_inserted", "inserted words (underlined)"),
        NP_("ui.legend_current", "the current change"),
        NP_("ui.legend_high", "high-impact change; red count"),
        NP_("ui.legend_normal", "substantive changes; yellow count (purple in the light theme)"),
        NP_("ui.legend_marks", "✓ approved · ? question · 3/5 reviewed"),
        NP_("ui.legend_fold", "⋯ unchanged sentences folded (z shows)"),
        NP_("ui.help_quit", "quit (the marks are already saved)"),
        NP_("ui.close", "close"),
        NP_("ui.hidden", "hidden"),
        NP_("ui.reviewed", "reviewed"),
        NP_("ui.similarity", "similarity"),
        NP_("ui.pairs", "Pairs"),
        NP_("ui.created_heading", "Posts created"),
        NP_("ui.abolished_heading", "Posts abolished"),
        NP_("ui.created_post", "Post created (only in the new version)"),
        NP_("ui.abolished_post", "Post abolished (only in the old version)"),
        NP_("ui.duties_count", "duties"),
        NP_("ui.no_changes", "No changes in this section."),
        NP_("ui.no_changes_at_all", "No changes."),
        NP_("ui.old", "Old"),
        NP_("ui.new", "New"),
        NP_("ui.approved", "approved"),
        NP_("ui.questioned", "question"),
        NP_("ui.comment_label", "Comment"),
        NP_("ui.editorial_tag", "editorial"),
        NP_("ui.high_tag", "high impact"),
        NP_("ui.comment_prompt", "Comment on the change (empty removes it)"),
        NP_("ui.search_prompt", "Search the changes"),
        NP_("ui.export_prompt", "Save the redline (.docx) to"),
        NP_("ui.not_found", "Not found"),
        NP_("ui.last_change", "Last change"),
        NP_("ui.first_change", "First change"),
        NP_("ui.no_current", "No change selected"),
        NP_("ui.exported", "Redline saved"),
        NP_("ui.export_failed", "Export failed"),
        NP_("ui.save_failed", "Could not save the review"),
        NP_("ui.review_file", "Review file"),
        NP_("ui.editorial_on", "Editorial changes shown"),
        NP_("ui.editorial_off", "Editorial changes hidden"),
        NP_("ui.help_close", "Esc, q or ? closes this help"),
        NP_("ui.help_title", "Keys"),
        NP_("ui.help_mouse", "Mouse: click a section, a pair or a change to select it."),
        NP_("ui.quit_hint", "Press q to quit"),
        NP_("ui.quit_title", "Quit?"),
        NP_("ui.fold_hint", "z shows"),
        NP_("ui.no_fold", "Nothing to fold in this change"),
        NP_("ui.pair_no_changes", "No substantive changes in this pair."),
        NP_("ui.all_reviewed", "Everything is reviewed"),
        NP_("ui.no_search", "Nothing searched yet (/ searches)"),
        NP_("ui.total", "in all"),
        NP_("ui.comment_for", "Comment on the change"),
        NP_("ui.comment_keys", "Ctrl+S saves, Esc cancels, Enter starts a new line; empty text removes it"),
        NP_("ui.search_keys", "Enter searches, ↑/↓ earlier searches, Esc cancels"),
        NP_("ui.overwrite", "The file already exists: {}. Overwrite it?"),
        NP_("ui.yes_no", "y = yes, n / Esc = no"),
        NP_("ui.no_folder", "No such folder: {}"),
        NP_("ui.warnings_title", "Warnings"),
        NP_("ui.warnings_hint", "w shows all / hides"),
        NP_("ui.old_title", "old"),
        NP_("ui.ok_cancel", "Enter accepts, Esc cancels"),
        NP_("ui.focus_pairs", "pairs"),
        NP_(
            "ui.help_focus_pairs",
            "the list of pairs (↑/↓ and Enter pick one; Tab goes on to the sections and the changes)",
        ),
        NP_("ui.no_switcher", "One pair compared: there is no list of pairs"),
        NP_("ui.created_short", "Post created"),
        NP_("ui.abolished_short", "Post abolished"),
        NP_("ui.order_no_changes", "No substantive changes in the orders' own text."),
        NP_("ui.uncertain_pair", "? uncertain pair: {matched}/{total} duties match"),
        NP_("ui.no_warnings", "No warnings or notes"),
    ]
)

# Counted nouns: 'count.' + noun, the English singular and plural; Estonian's two forms are in the
# catalogue ('1 muudatus', '7 muudatust': nominative singular, partitive singular).
PLURALS: dict[str, tuple[str, str]] = dict(
    [
        NNP_("count.substantive", "substantive", "substantive"),
        NNP_("count.high", "high impact", "high impact"),
        NNP_("count.editorial", "editorial", "editorial"),
        NNP_("count.change", "change", "changes"),
        NNP_("count.substantive_change", "substantive change", "substantive changes"),
        NNP_("count.duty", "duty", "duties"),
        NNP_("count.warning", "warning", "warnings"),
        NNP_("count.unchanged_sentence", "unchanged sentence", "unchanged sentences"),
        NNP_("count.unreviewed", "unreviewed", "unreviewed"),
        NNP_("count.pair", "pair", "pairs"),
        NNP_("count.note", "note", "notes"),
        NNP_("count.file", "file", "files"),
    ]
)

SECTION_ORDER = ("general", "duties", "requirements", "rights", "responsibilities", "competencies", "review", "other")
"""The top-level sections in the order a job description has them (and a report lists them)."""


def word(key: str, lang: str = Lang.ET, *args: object, **fields: object) -> str:
    """The catalogue's text for `key` in `lang` ('et' or 'en'), translated, then its {fields} filled."""
    text = translation(lang).pgettext(key, WORDS[key])
    return text.format(*args, **fields) if args or fields else text


def counted(n: int, noun: str, lang: str = Lang.ET) -> str:
    """'n noun' in agreement with the number: et '1 sisuline', '7 sisulist'; en '1 change', '2 changes'."""
    singular, plural = PLURALS[f"count.{noun}"]
    return f"{n} {translation(lang).npgettext(f'count.{noun}', singular, plural, n)}"


def _name(key: str, fallback: str, lang: str) -> str:
    return word(key, lang) if key in WORDS else fallback


def language_name(code: str, lang: str = Lang.ET) -> str:
    """'inglise' / 'English' for 'en'; alternatives 'de|ru' as 'saksa või vene'."""
    return word("language.or", lang).join(_name(f"language.{c}", c, lang) for c in code.split("|"))


def kind_name(kind: ChangeKind, lang: str = Lang.ET) -> str:
    """The kind of a change in words: 'lisandus' / 'added'."""
    return word(f"kind.{kind.value}", lang)


def section_name(section: str, lang: str = Lang.ET) -> str:
    """The name of a top-level section: 'duties' → 'Teenistusülesanded' / 'Duties'."""
    return _name(f"field.{section}", section, lang)


def path_label(path: str, lang: str = Lang.ET, *, letters: bool = True) -> str:
    """The name of the unit a change's path names: 'Ülesanne 2.7', 'Keeleoskus: inglise', 'Supervisor' …
    A slug's words get their letters back from the dictionary unless `letters` is False (a search that
    folds them anyway need not load it)."""
    parts = path.split(".")
    if parts[0] == "duties" and len(parts) >= 3:
        number = ".".join(p for p in parts[1:] if p != "results")
        return word("field.duty_results" if parts[-1] == "results" else "field.duty", lang, number=number)
    if path.startswith("requirements.languages."):
        code = path.rsplit(".", 1)[1]
        # 'võõr' is a prefix, not a word: on its own it is 'võõrkeel'.
        name = word("field.foreign_language", lang) if code == "foreign" else language_name(code, lang)
        return f"{word('field.requirements.languages', lang)}: {name}"
    if f"field.{path}" in WORDS:
        return word(f"field.{path}", lang)
    head, _, slug = path.partition(".")
    base = section_name(head, lang)
    if not slug:
        return base
    if not letters:
        return f"{base}: {slug.replace('_', ' ')}"
    from ajdiff.read.lexicon import restore_text  # slugs are folded to ASCII: give the words their letters back

    return f"{base}: {restore_text(slug.replace('_', ' '))}"


def change_title(change: Change, lang: str = Lang.ET) -> str:
    """The title of a change's unit: the document's own heading where ajdiff has no name for the section
    (generic sections, section texts, a created or abolished post), the field's label as the documents
    write it in Estonian ('Ametikoht') and in any language for a field ajdiff has no name for, else the
    field's name in `lang`."""
    if change.heading:
        return change.heading
    return field_name(change.path, change.own_label, lang)


@lru_cache(maxsize=4096)  # a report names each change: a batch's thousands, of a few hundred fields (catalogues fixed)
def field_name(path: str, own_label: str | None, lang: str = Lang.ET) -> str:
    """A field's name: the document's own label (`own_label`) in Estonian, and in any language for a
    field ajdiff has no name for, else the catalogue's name of `path` in `lang`."""
    # A field ajdiff has no name for ('Valmisolek lähetusteks') is named by the document's own words in
    # any language: there is no translation to give, and its slug would need the dictionary to be read.
    if own_label and (lang == Lang.ET or f"field.{path}" not in WORDS):
        return own_label
    return path_label(path, lang)


def _short(text: str | None, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentence(change: Change, lang: str = Lang.ET) -> str:
    """One sentence saying what changed: 'Inglise keele nõue tõstetud B1 → B2'."""
    from ajdiff.changes import ChangeKind  # here, so `ajdiff --help` does not load the change records

    kind = change.kind
    if change.path.startswith("requirements.languages."):
        code = change.path.rsplit(".", 1)[1]
        if code == "foreign":
            name = word("sentence.foreign_language", lang)
        else:
            name = word("sentence.language_name", lang, language_name(code, lang))
        name = name[:1].upper() + name[1:]
        if kind in (ChangeKind.RAISED, ChangeKind.LOWERED):
            return word(
                "sentence.language", lang, name=name, kind=kind_name(kind, lang), old=change.old, new=change.new
            )
        key = "sentence.language_added" if kind is ChangeKind.ADDED else "sentence.language_removed"
        return word(key, lang, name=name, text=change.old or change.new)
    if change.path == "requirements.experience_years":
        return word(
            "sentence.experience_years",
            lang,
            kind=kind_name(kind, lang),
            old=change.old or "—",
            new=change.new or "—",
        )
    if change.section == "duties" and not change.path.endswith(".results"):
        number = change.new_number or change.old_number
        if kind in (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MODIFIED):
            text = _short(change.old if kind is ChangeKind.REMOVED else change.new)
            return word(f"sentence.duty_{kind.value}", lang, number=number, text=text)
        old = change.old_number
        new = number if kind is ChangeKind.RENUMBERED else change.new_number
        return word(f"sentence.duty_{kind.value}", lang, old=old, new=new, text=_short(change.new))
    label = change_title(change, lang)
    if kind is ChangeKind.ADDED:
        return word("sentence.added", lang, label=label, text=_short(change.new))
    if kind is ChangeKind.REMOVED:
        return word("sentence.removed", lang, label=label, text=_short(change.old))
    return word("sentence.modified", lang, label=label, old=_short(change.old, 60), new=_short(change.new, 60))


def annex_name(annex: str, lang: str = Lang.ET) -> str:
    """'Lisa 2' / 'Annex 2'."""
    return word("doc.annex", lang, annex=annex)


def doc_label(doc: JobDescription, lang: str = Lang.ET) -> str:
    """A document's short name: 'Lisa 2 · Ekspert (kriisivalmidus)' / 'Annex 2 · Ekspert (kriisivalmidus)'."""
    parts = [annex_name(doc.annex, lang)] if doc.annex else []
    parts.append(doc.general.position or word("doc.unnamed", lang))
    return " · ".join(parts)
