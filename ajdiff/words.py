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

import re
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from ajdiff.i18n import NNP_, NP_, translation

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
        # ---- refusals (problems) and hints: the English text is what the code raises; `translate` says it in Estonian
        NP_("error.no_such_file", "no such file"),
        NP_("error.permission_denied", "permission denied"),
        NP_("error.is_a_folder", "is a folder"),
        NP_("error.empty_file", "empty file"),
        NP_("error.empty_whitespace", "empty file (only whitespace)"),
        NP_("error.exists", "already exists"),
        NP_("error.input_file", "is an input file; refusing to overwrite it"),
        NP_("error.no_folder", "folder {0} does not exist"),
        NP_("error.unknown_command", "unknown command"),
        NP_("error.unknown_type", "unknown file type '{0}'"),
        NP_("error.binary", "binary data, not text"),
        NP_("error.no_annex", "has no annex {0}"),
        NP_("error.one_stdin", "only one side can be standard input"),
        NP_("error.folder_and_file", "is a folder but the other side is a file"),
        NP_("error.no_terminal", "needs a terminal (standard input and output are not one)"),
        NP_("error.arguments", "the following arguments are required: {0}"),
        NP_("error.too_large", "file is larger than {0} MiB"),
        NP_("error.bad_pdf", "not a readable PDF: {0}"),
        NP_("error.pdf_pages", "PDF has {0} pages (limit {1})"),
        NP_("error.docx_to_terminal", "will not write a Word document to a terminal"),
        NP_("error.not_docx_name", "is not a .docx file name"),
        NP_("error.review_corrupt", "review file is corrupt ({0})"),
        NP_("error.stat_text_only", "is for the text report only"),
        NP_("hint.stat_counted", "every other format counts each pair already"),
        NP_("error.rtf", "is an RTF document"),
        NP_("error.doc", "is a Word 97-2003 document (.doc) or another OLE file"),
        NP_("error.opendocument", "is an OpenDocument {0} ({1})"),
        NP_("error.image", "is an image ({0}), not a document"),
        NP_("error.archive", "is a {0} archive, not a document"),
        NP_("error.archive_an", "is an {0} archive, not a document"),
        NP_("error.excel", "is an Excel workbook ({0})"),
        NP_("error.powerpoint", "is a PowerPoint presentation ({0})"),
        NP_("error.no_text_layer", "PDF has no text layer"),
        NP_("error.encrypted", "encrypted PDF"),
        NP_("error.not_job_description", "does not look like a job description {0}"),
        NP_("error.no_review_file", "review file not found"),
        NP_("error.cannot_write", "cannot write: {0}"),
        NP_("error.no_redline", "the redline layer (ajdiff.redline) is not installed in this build"),
        NP_("error.stdin_output", "is the standard input being read; refusing to overwrite it"),
        NP_("error.not_regular", "is {0}, not a regular file; refusing to replace it"),
        NP_("error.no_doc_old", "no such document on the old side"),
        NP_("error.no_doc_new", "no such document on the new side"),
        NP_("error.many_old", "names {0} documents on the old side"),
        NP_("error.many_new", "names {0} documents on the new side"),
        NP_("error.pair_form", "--pair needs OLD=NEW"),
        NP_("error.twice_old", "pairs one old document twice"),
        NP_("error.twice_new", "pairs one new document twice"),
        NP_("error.no_pair_form", "--no-pair needs OLD, =NEW or OLD=NEW"),
        NP_("error.contradicts", "contradicts --no-pair"),
        NP_("error.no_command", "no command given"),
        NP_("error.folder_no_files", "folder has no .txt, .docx, .pdf, .html or .asice files"),
        NP_("error.folder_no_docs", "folder has no job descriptions"),
        NP_("error.worker_died", "a worker process died (out of memory?)"),
        NP_("error.empty_container", "no document inside the container"),
        NP_("error.strict_ooxml", "{0} is Strict Open XML"),
        NP_("error.not_word", "not a Word document (no word/document.xml in the zip)"),
        NP_("error.no_body", "not a readable Word document: {0} has no w:body"),
        NP_("error.doctype", "{0} declares a DOCTYPE (XML entities are refused)"),
        NP_("error.xml_limits", "{0} is beyond the XML safety limits ({1})"),
        NP_("error.not_zip", "not a {0} (not a zip archive)"),
        NP_("error.truncated", "damaged or truncated {0}"),
        NP_("error.members", "{0} has {1} members"),
        NP_("error.inflate", "{0} would inflate to {1} MiB (limit {2} MiB)"),
        NP_("error.damaged_xml", "damaged XML in {0}: {1}"),
        NP_("error.unreadable_xml", "unreadable XML in {0}: {1}"),
        NP_("error.zip_missing", "{0} is missing from the zip archive"),
        NP_("error.zip_encrypted", "{0} is encrypted inside the zip archive"),
        NP_("error.zip_member", "damaged zip member {0}: {1}"),
        NP_("error.lines", "{0} lines (limit {1})"),
        NP_("error.long_line", "line {0} has {1} characters (limit {2})"),
        NP_("error.no_text", "no text in the document"),
        NP_("error.utf16", "broken UTF-16 text"),
        NP_("error.larger", "{0} is larger than {1} MiB"),
        NP_("error.cannot_read", "cannot read: {0}"),
        NP_("error.html_no_text", "HTML page has no text"),
        NP_("error.bad_html", "not a readable HTML page: {0}"),
        NP_("error.pdf_drawing_over", "page {0} has more than {1} KiB of drawing instructions (limit {2} MiB)"),
        NP_("error.pdf_drawing_total", "PDF has more than {0} MiB of drawing instructions (page {1})"),
        NP_("error.zip_listed_twice", "{0} lists {1} more than once"),
        NP_("error.zip_shared_bytes", "{0} has two members at the same bytes ({1})"),
        NP_("error.paragraph_too_long", "a paragraph joined from wrapped lines has {0} characters (limit {1})"),
        NP_("error.xml_elements", "{0} has {1} XML elements (limit {2})"),
        NP_("error.docx_paragraphs", "{0} has more than {1} paragraphs (limit {2})"),
        NP_("error.empty_pipe", "named pipe with nothing written to it"),
        NP_("hint.write_to_pipe", "give a file, or write to the pipe"),
        NP_("error.html_tags", "HTML page has {0} tags (limit {1})"),
        NP_("error.html_depth", "HTML page is nested deeper than {0} elements"),
        NP_("error.wrong_relation", "its {0} relationship points at {1}"),
        NP_("error.pdf_drawing", "page {0} has {1} KiB of drawing instructions (limit {2} MiB)"),
        NP_("error.pdf_page_slow", "page {0} takes more than {1} s to read"),
        NP_("error.pdf_slow", "PDF takes more than {0} s to read (stopped at page {1} of {2})"),
        # argparse's own words, as the one-line usage error gives them
        NP_("error.unrecognized", "unrecognized arguments: {0}"),
        NP_("error.invalid_choice", "argument {0}: invalid choice: {1} (choose from {2})"),
        NP_("error.one_argument", "argument {0}: expected one argument"),
        NP_("error.whole_number", "argument {0}: not a whole number: {1}"),
        NP_("error.control_characters", "argument {0}: has control characters: {1}"),
        NP_("error.unknown_option", "unknown option of {0}"),
        NP_("error.extra_argument", "one argument too many"),
        NP_("hint.option_did_you_mean", "did you mean {0}? see ajdiff {1} --help"),
        NP_("error.tui_stdin", "the UI reads its keys from standard input, so no document can come from it"),
        NP_("hint.save_to_file", "save it to a file and give its name"),
        NP_("error.stderr_redirected", "draws on standard error, which is redirected"),
        NP_("hint.no_stderr_redirect", "run it without 2>"),
        NP_("error.option_before_command", "unknown option before the command"),
        NP_("hint.options_after_command", "options go after the command; see ajdiff --help"),
        NP_("error.empty_output", "the output name is empty"),
        NP_("hint.output_name", "give a file name, or '-' for standard output"),
        NP_("error.at_least_one", "argument {0}: must be 1 or more"),
        # The redline's package layer: NEW's own .docx is the redline's base.
        NP_("error.zip_member_twice", "{0} is in the zip archive twice"),
        NP_("error.word_missing_member", "not a Word document (no {0} in the zip)"),
        NP_("error.word_not", "not a Word document ({0})"),
        NP_("error.not_relationships", "{0} is not a relationships part"),
        NP_("error.not_content_types", "{0} is not a content types part"),
        NP_("error.docm", "a macro-enabled Word document (.docm)"),
        NP_("error.core_properties", "its core properties part is not one"),
        NP_("error.app_properties", "its extended properties part is not one"),
        NP_("hint.save_as_docx", "save it as .docx"),
        NP_("hint.save_as_word_document", "save it as a Word Document (.docx)"),
        NP_("hint.force", "use --force to overwrite it"),
        NP_("hint.max_size", "raise --max-size"),
        NP_("hint.save_pdf", "save it again as PDF"),
        NP_("hint.save_docx", "save it again as .docx"),
        NP_("hint.print_or_split_pdf", "not a document of text; print it to a new PDF or split it"),
        NP_("hint.not_genuine_page", "not a genuine page; save the page again as HTML"),
        NP_("hint.split_pdf", "split the PDF"),
        NP_("hint.readable", "check that the file is readable"),
        NP_("hint.free_space", "check the folder's free space and permissions"),
        NP_("hint.older_first", "give the older version first"),
        NP_("hint.redirect", "redirect it: > redline.docx"),
        NP_("hint.repair_review", "repair it, or give another --review file"),
        NP_("hint.tui_review", "give the file the terminal UI wrote"),
        NP_("hint.save_docx_pdf", "save it as .docx or PDF"),
        NP_("hint.give_ametijuhend", "give an ametijuhend or an order with annexes"),
        NP_("hint.check_name", "check the name and the folder; 'ajdiff help' shows what ajdiff reads"),
        NP_("hint.permissions", "check the file's permissions"),
        NP_("hint.give_file", "give a file, or two folders to 'ajdiff diff'"),
        NP_("hint.create_folder", "create the folder first, or choose another -o path"),
        NP_("hint.other_path", "choose another -o path"),
        NP_("hint.other_side", "give the other side as a file"),
        NP_("hint.two_of_a_kind", "compare two files or two folders"),
        NP_("hint.annexes", "annexes in the file: {0}"),
        NP_("hint.help", "see ajdiff --help"),
        NP_("hint.command_help", "see ajdiff {0} --help"),
        NP_("hint.did_you_mean", "did you mean '{0}'?"),
        NP_("hint.ocr", "OCR it first, e.g. with ocrmypdf"),
        NP_("hint.ocr_or_text", "OCR it first, e.g. with ocrmypdf, or give the text"),
        NP_("hint.unpack", "unpack it and give a document inside"),
        NP_("hint.formats", "give a .txt, .docx, .pdf, .html or .asice file"),
        NP_("hint.use_diff", "use 'ajdiff diff' for a report you can redirect"),
        NP_("hint.pipe", "write with > instead of -o"),
        NP_("hint.annexes_there", "annexes there: {0}; or give FILE or FILE#K"),
        NP_("hint.file_k", "give FILE#K, e.g. order.txt#2"),
        NP_("hint.pair_example", "e.g. --pair 2=4: old annex 2 is new annex 4"),
        NP_("hint.pairs_once", "each document pairs once"),
        NP_("hint.no_pair_example", "e.g. --no-pair 1"),
        NP_("hint.one_instruction", "give each document one instruction"),
        NP_("hint.docx_name", "name the output OUT.docx, or '-' for standard output"),
        NP_("hint.not_genuine_file", "not a genuine file"),
        NP_("hint.not_genuine_document", "not a genuine document"),
        NP_("hint.zip_formats", "give a .docx, .pdf, .html or .asice file"),
        NP_("hint.word_processor", "save it again from the word processor"),
        NP_("hint.password", "remove the password"),
        NP_("hint.split_file", "not a job description; split the file"),
        NP_("hint.not_job_description", "not a job description"),
        NP_("hint.suffixes", "use .txt, .md, .docx, .pdf, .html or .asice"),
        NP_("hint.page_text", "save the page with its document text"),
        NP_("hint.page_again", "save the page again as HTML"),
        NP_("hint.print_pdf", "not a page of text; print the document to a new PDF"),
        NP_("hint.pdf_password", "it needs a password; save an unprotected copy"),
        NP_("hint.pdf_decrypt", "cannot decrypt it here ({0}); save an unprotected copy"),
        NP_("hint.word_document", "save it again as a Word Document (.docx)"),
        NP_("hint.signature_container", "is it a signature container? name it .asice"),
        NP_("hint.utf8", "save it again as UTF-8"),
        NP_("hint.container_content", "it should hold a .docx, .pdf, .html or .txt file"),
        NP_("hint.one_job", "try --jobs 1"),
        NP_("hint.folders", "give folders of ametijuhend files"),
        NP_("hint.download_again", "download or save it again"),
        NP_("hint.file_name", "give a file name"),
        NP_("hint.other_name", "choose another name"),
        # ---- what the readers warn of and the pairing notes: raised in English like the refusals, said by `translate`
        NP_("warning.pending_accepted", "holds {0} pending tracked changes: compared and written as accepted"),
        NP_(
            "warning.package_unused",
            "its Word package cannot be the redline's base ({0}); the redline is in ajdiff's own template",
        ),
        NP_("warning.no_duties", "no duties section found"),
        NP_("warning.no_requirements", "no requirements section found"),
        NP_("warning.no_position", "no position (Teenistuskoht / Ametinimetus) found"),
        NP_("warning.unlabelled", "requirements: unlabelled text {0}"),
        NP_("warning.before_duties", "duties: ignored text before the first duty: {0}"),
        NP_("warning.nested", "{0}: nested container skipped"),
        NP_("warning.unreadable_member", "{0}: not a readable document ({1}), skipped"),
        NP_("note.skipped_special", "skipped {0}: not a regular file (a named pipe, a device or a broken link)"),
        NP_("note.skipped", "skipped {0}: does not look like a job description {1}"),
        NP_(
            "note.best_match",
            "compared with {0} of {1}, the best match of {2} (score {3}); choose another with --{4}-annex",
        ),
        NP_("note.not_paired", "not paired, too little in common: {0}; pair by hand with --pair OLD=NEW"),
        # One turned-down pair of the note above, and the count of the rest: each said in the note's language.
        NP_("note.duties_matched", "{0} ({1} of {2} duties match)"),
        NP_("note.and_more", "{0} and {1} more"),
        NP_("warning.marks_matched", "{0} of {1} marks match a change of this comparison; the rest are left out"),
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
        NP_("ui.help_next", "next change (across sections and pairs, then the created and abolished posts)"),
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
            "Tab moves between panes (pairs, sections, changes); arrows move; Enter opens the pair or section.",
        ),
        NP_("ui.help_legend", "Legend"),
        NP_("ui.legend_word", "word"),
        NP_("ui.legend_deleted", "deleted words (struck through)"),
        NP_("ui.legend_inserted", "inserted words (underlined)"),
        NP_("ui.legend_current", "the current change"),
        NP_("ui.legend_high", "high-impact change; red count"),
        NP_("ui.legend_normal", "substantive changes; yellow count"),
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
    # A field ajdiff has no name for ('Valmisolek lähetusteks') is named by the document's own words in
    # any language: there is no translation to give, and its slug would need the dictionary to be read.
    if change.own_label and (lang == Lang.ET or f"field.{change.path}" not in WORDS):
        return change.own_label
    return path_label(change.path, lang)


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


TRANSLATED = ("error.", "hint.", "warning.", "note.")
"""The keys whose English is the text the code raises (the core speaks English; `translate` says it in Estonian)."""


@lru_cache(maxsize=1)
def _english_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The refusals, hints, warnings and notes as patterns of their English text: '{0}' matches anything,
    kept for the Estonian."""
    out = []
    for key in WORDS:
        if key.startswith(TRANSLATED):
            pieces = re.split(r"(\{\d+\})", WORDS[key])
            pattern = "".join("(.+)" if re.fullmatch(r"\{\d+\}", p) else re.escape(p) for p in pieces)
            out.append((re.compile(f"^{pattern}$"), key))
    return tuple(out)


def _translate_list(text: str, lang: str) -> str:
    """A quoted part, which may be a list ('A → B (2 of 13 duties match); C → D …'): each item said in `lang`."""
    return "; ".join(translate(part, lang) for part in text.split("; "))


def translate(text: str, lang: str) -> str:
    """A refusal, hint, warning or note raised in English, said in `lang`; text the catalogue does not know
    stays as it is."""
    if lang == Lang.EN:
        return text
    for pattern, key in _english_patterns():
        match = pattern.match(text)
        if match:
            # A problem quoted in another ('cannot be the base (… declares a DOCTYPE …)') is said in `lang` too.
            return word(key, lang, *(_translate_list(group, lang) for group in match.groups()))
    return text
