"""Every word ajdiff says to a user, in Estonian and English: one catalogue, one shape, one lookup.

`WORDS` maps a key to its (et, en) pair; `word(key, lang, **fields)` picks one and fills its `{fields}`.
The core's records carry keys (a change's `path` and `kind`); the renderers, the UI and the error
lines turn them into words here. Counted nouns keep both forms in one string, 'one|many': Estonian
'singular nominative|partitive singular' ('1 muudatus', '7 muudatust'), English 'singular|plural'.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ajdiff.changes import Change, ChangeKind
    from ajdiff.model import JobDescription


class Lang(str, Enum):
    """A language ajdiff speaks: its reports, its interface and its messages."""

    ET = "et"
    EN = "en"


WORDS: dict[str, tuple[str, str]] = {
    # The redline's summary page.
    "redline.title": ("Muudatuste kokkuvõte", "Summary of changes"),
    "redline.section": ("Osa ja väli", "Section and field"),
    "redline.what": ("Muudatus", "Change"),
    "redline.words": ("Muutunud sõnad (vana → uus)", "Changed words (old → new)"),
    "redline.high": ("oluline", "high impact"),
    "redline.none": ("Sisulisi muudatusi ei ole.", "No substantive changes."),
    "redline.counts": (
        "Sisulisi muudatusi {substantive} (neist olulisi {high}), toimetuslikke {editorial}.",
        "{substantive} substantive changes ({high} of high impact), {editorial} editorial.",
    ),
    "redline.revisions": (
        "Jälgitavaid muudatusi dokumendi põhitekstis: {substantive} autorilt „{author}“, "
        "{editorial} autorilt „{editorial_author}“.",
        "Tracked changes in the body of the document: {substantive} by “{author}”, "
        "{editorial} by “{editorial_author}”.",
    ),
    "redline.stories": ("Päised ja jalused", "Page headers and footers"),
    "redline.header": ("Päis", "Header"),
    "redline.footer": ("Jalus", "Footer"),
    "redline.not_compared": (
        "ei võrreldud: vanal failil pole Wordi päiseid ega jaluseid",
        "not compared: the old file has no Word headers or footers",
    ),
    "redline.created": ("Loodud ametikohad (dokumendis lisatud tekstina)", "Posts created (inserted whole below)"),
    "redline.abolished": (
        "Kaotatud ametikohad (dokumendis kustutatud tekstina)",
        "Posts abolished (deleted whole below)",
    ),
    "redline.intro": (
        "See kokkuvõte ei kuulu dokumendi juurde. Järgmistel lehtedel on uus dokument, milles iga erinevus vanast "
        "on Wordi jälgitav muudatus: kõigi vastuvõtmine annab uue teksti, kõigi tagasilükkamine vana. "
        "Toimetuslikud muudatused (numeratsioon, kirjavahemärgid, suurtähed) on autori „{editorial}“ nimel: "
        "Läbivaatus → Kuva märgistus → Konkreetsed inimesed peidab need.",
        "This summary is not part of the document. The following pages are the new document, in which every "
        "difference from the old one is a Word tracked change: accepting all gives the new text, rejecting all "
        "the old. Editorial changes (numbering, punctuation, case) are by the author “{editorial}”: Review → "
        "Show Markup → Specific People hides them.",
    ),
    "redline.approved": ("Kinnitatud", "Approved"),
    "redline.editorial_author": ("{author} (toimetuslik)", "{author} (editorial)"),
    "redline.questioned": ("Küsimus", "Questioned"),
    # ---- field and section names: 'field.' + a change's path (its top level is the section)
    "field.general": ("Üldosa", "General"),
    "field.general.position": ("Teenistuskoht", "Position"),
    "field.general.unit": ("Struktuuriüksus", "Unit"),
    "field.general.supervisor": ("Vahetu juht", "Supervisor"),
    "field.general.subordinates": ("Alluvad", "Subordinates"),
    "field.general.substitutes_for": ("Teenistuja asendab", "Substitutes for"),
    "field.general.substituted_by": ("Teenistuja asendaja", "Substituted by"),
    "field.general.goal": ("Teenistuskoha eesmärk", "Goal of the post"),
    "field.general.group": ("Ametikoha grupp", "Post group"),
    "field.general.special_conditions": ("Eritingimused", "Special conditions"),
    "field.duties": ("Teenistusülesanded", "Duties"),
    "field.requirements": ("Nõuded", "Requirements"),
    "field.requirements.education": ("Haridus", "Education"),
    "field.requirements.experience": ("Töökogemus", "Experience"),
    "field.requirements.experience_years": ("Töökogemus (aastat)", "Experience (years)"),
    "field.requirements.languages": ("Keeleoskus", "Languages"),
    "field.requirements.knowledge": ("Teadmised ja oskused", "Knowledge and skills"),
    "field.requirements.qualities": ("Isikuomadused", "Personal qualities"),
    "field.rights": ("Õigused", "Rights"),
    "field.responsibilities": ("Vastutus", "Responsibilities"),
    "field.competencies": ("Kompetentsid", "Competencies"),
    "field.review": ("Ametijuhendi ülevaatamine", "Review of the job description"),
    "field.other": ("Muu", "Other"),
    "field.order": ("Käskkiri", "Order"),
    "field.order.title": ("Käskkirja pealkiri", "Title of the order"),
    "field.order.annexes": ("Kinnitatavad ametijuhendid", "Job descriptions approved"),
    "field.order.repeals": ("Kehtetuks tunnistatakse", "Repealed"),
    "field.order.effective": ("Jõustumine", "Entry into force"),
    "field.duty": ("Ülesanne {number}", "Duty {number}"),
    "field.duty_results": ("Ülesande tulemused {number}", "Results of duty {number}"),
    "field.foreign_language": ("võõrkeel", "foreign language"),
    # ---- languages, in the genitive Estonian sentences need ('inglise keele nõue')
    "language.et": ("eesti", "Estonian"),
    "language.en": ("inglise", "English"),
    "language.ru": ("vene", "Russian"),
    "language.de": ("saksa", "German"),
    "language.fi": ("soome", "Finnish"),
    "language.fr": ("prantsuse", "French"),
    "language.sv": ("rootsi", "Swedish"),
    "language.lv": ("läti", "Latvian"),
    "language.lt": ("leedu", "Lithuanian"),
    "language.es": ("hispaania", "Spanish"),
    "language.it": ("itaalia", "Italian"),
    "language.uk": ("ukraina", "Ukrainian"),
    "language.pl": ("poola", "Polish"),
    "language.foreign": ("võõr", "foreign"),
    "language.or": (" või ", " or "),
    # ---- kinds of change: 'kind.' + ChangeKind.value
    "kind.added": ("lisandus", "added"),
    "kind.removed": ("eemaldati", "removed"),
    "kind.modified": ("muudeti", "modified"),
    "kind.moved": ("tõsteti ümber", "moved"),
    "kind.renumbered": ("ümber nummerdatud", "renumbered"),
    "kind.merged": ("liideti", "merged"),
    "kind.split": ("jagati", "split"),
    "kind.raised": ("tõstetud", "raised"),
    "kind.lowered": ("langetatud", "lowered"),
    # ---- one sentence per change (the high-impact list, the redline summary)
    # {name} is the language in the genitive ('inglise keele', 'võõrkeele': one word, 'võõr' is a prefix).
    "sentence.language": ("{name} nõue {kind} {old} → {new}", "{name} requirement {kind} {old} → {new}"),
    "sentence.language_added": ("{name} nõue lisandus: {text}", "{name} requirement added: {text}"),
    "sentence.language_removed": ("{name} nõue eemaldati: {text}", "{name} requirement removed: {text}"),
    "sentence.language_name": ("{0} keele", "{0} language"),
    "sentence.foreign_language": ("võõrkeele", "foreign language"),
    "sentence.experience_years": (
        "Nõutav töökogemus {kind} {old} → {new} aastat",
        "Required experience {kind} {old} → {new} years",
    ),
    "sentence.duty_added": ("Lisandus ülesanne {number}: {text}", "Duty added {number}: {text}"),
    "sentence.duty_removed": ("Eemaldati ülesanne {number}: {text}", "Duty removed {number}: {text}"),
    "sentence.duty_moved": ("Ülesanne tõsteti ümber {old} → {new}: {text}", "Duty moved {old} → {new}: {text}"),
    "sentence.duty_merged": ("Liideti ülesanded {old} → {new}", "Duties merged {old} → {new}"),
    "sentence.duty_split": ("Jagati ülesanne {old} → {new}", "Duty split {old} → {new}"),
    "sentence.duty_renumbered": ("Ülesanne ümber nummerdatud {old} → {new}", "Duty renumbered {old} → {new}"),
    "sentence.duty_modified": ("Muudeti ülesannet {number}: {text}", "Duty reworded {number}: {text}"),
    "sentence.added": ("{label}: lisandus „{text}”", "{label}: added „{text}”"),
    "sentence.removed": ("{label}: eemaldati „{text}”", "{label}: removed „{text}”"),
    "sentence.modified": ("{label}: „{old}” → „{new}”", "{label}: „{old}” → „{new}”"),
    # ---- counted nouns: 'one|many' (see the module's docstring)
    "count.substantive": ("sisuline|sisulist", "substantive|substantive"),
    "count.high": ("oluline|olulist", "high impact|high impact"),
    "count.editorial": ("toimetuslik|toimetuslikku", "editorial|editorial"),
    "count.change": ("muudatus|muudatust", "change|changes"),
    "count.substantive_change": ("sisuline muudatus|sisulist muudatust", "substantive change|substantive changes"),
    "count.duty": ("ülesanne|ülesannet", "duty|duties"),
    "count.warning": ("hoiatus|hoiatust", "warning|warnings"),
    "count.note": ("märkus|märkust", "note|notes"),
    "count.unchanged_sentence": ("muutmata lause|muutmata lauset", "unchanged sentence|unchanged sentences"),
    "count.unreviewed": ("läbi vaatamata|läbi vaatamata", "unreviewed|unreviewed"),
    "count.pair": ("paar|paari", "pair|pairs"),
    # ---- documents
    "doc.annex": ("Lisa {annex}", "Annex {annex}"),
    "doc.unnamed": ("(nimetu ametikoht)", "(unnamed post)"),
    # ---- `ajdiff diff` as text (and what the Markdown report shares with it)
    "diff.similarity": ("Sarnasus", "Similarity"),
    "diff.of_them": ("neist {}", "{}"),
    "diff.hidden": ("peidetud, --all näitab", "hidden, --all shows them"),
    "diff.nothing": ("Sisulisi muudatusi ei ole.", "No substantive changes."),
    "diff.important": ("Olulised muudatused", "High-impact changes"),
    "diff.created": ("Uued ametikohad (ainult uues)", "Posts created (new only)"),
    "diff.abolished": ("Kaotatud ametikohad (ainult vanas)", "Posts abolished (old only)"),
    "diff.pairs": ("Võrreldud paare", "Pairs compared"),
    "diff.editorial_tag": ("toimetuslik", "editorial"),
    "diff.uncertain": ("Ebakindel paar", "Uncertain pair"),
    "diff.uncertain_how": (
        "skoor {score:.2f} · sisult kattub {matched}/{duties} ülesannet ({content:.0%})",
        "score {score:.2f} · {matched} of {duties} duties match by content ({content:.0%})",
    ),
    "diff.other_unit": ("eri struktuuriüksus", "different unit"),
    "diff.other_position": ("eri ametinimetus", "different position"),
    "diff.uncertain_fix": (
        "kontrolli; paari käsitsi: --pair / --no-pair",
        "check it; fix by hand with --pair / --no-pair",
    ),
    "diff.uncertain_count": ("neist ebakindlaid", "uncertain"),
    # `diff --stat`'s last line
    "stat.substantive": ("sisulist", "substantive"),
    "stat.high": ("olulist", "high impact"),
    "stat.editorial": ("toimetuslikku", "editorial"),
    "stat.created": ("uut ametikohta", "posts created"),
    "stat.abolished": ("kaotatud ametikohta", "posts abolished"),
    # ---- `diff --format markdown`
    "md.created": ("Uued ametikohad", "Posts created"),
    "md.abolished": ("Kaotatud ametikohad", "Posts abolished"),
    "md.change": ("Muudatus", "Change"),
    "md.old": ("Vana", "Old"),
    "md.new": ("Uus", "New"),
    # ---- `diff --format html` and `--format csv`: the reports for a browser and a spreadsheet
    "report.title": ("Ametijuhendite võrdlus", "Comparison of job descriptions"),
    "report.old": ("Vana", "Old"),
    "report.new": ("Uus", "New"),
    "report.order": ("käskkiri nr {number}, {date}", "order nr {number}, {date}"),
    "report.annexes": ("lisad", "annexes"),
    "count.file": ("fail|faili", "file|files"),
    "report.totals": ("Kokku", "Totals"),
    "report.contents": ("Sisukord", "Contents"),
    "report.skip": ("Otse muudatuste juurde", "Skip to the changes"),
    "report.unit": ("Struktuuriüksus", "Unit"),
    "report.post": ("Ametikoht", "Post"),
    "report.pair": ("Paar", "Pair"),
    "report.sources": ("Failid", "Files"),
    "report.editorial": ("Toimetuslikud muudatused", "Editorial changes"),
    "report.whole_created": ("Uue ametikoha kogu tekst", "The whole text of the new post"),
    "report.whole_abolished": ("Kaotatud ametikoha kogu tekst", "The whole text of the abolished post"),
    "report.legend": (
        "Kustutatud sõnad on läbi kriipsutatud, lisatud sõnad alla joonitud.",
        "Deleted words are struck through, inserted words underlined.",
    ),
    "report.generated": ("Koostas ajdiff", "Made by ajdiff"),
    "report.to_top": ("Sisukorda", "Back to contents"),
    # Said by a screen reader around struck and underlined words (hidden on the screen and on paper).
    "report.del_start": ("kustutatud tekst algab", "deletion start"),
    "report.del_end": ("kustutatud tekst lõpeb", "deletion end"),
    "report.ins_start": ("lisatud tekst algab", "insertion start"),
    "report.ins_end": ("lisatud tekst lõpeb", "insertion end"),
    # `--format csv`: the header row, and the kinds of a whole post's row
    "csv.old_file": ("vana fail", "old file"),
    "csv.old_annex": ("vana lisa", "old annex"),
    "csv.new_file": ("uus fail", "new file"),
    "csv.new_annex": ("uus lisa", "new annex"),
    "csv.post": ("ametikoht", "post"),
    "csv.path": ("tee", "path"),
    "csv.label": ("nimetus", "label"),
    "csv.kind": ("liik", "kind"),
    "csv.impact": ("mõju", "impact"),
    "csv.editorial": ("toimetuslik", "editorial"),
    "csv.old_text": ("vana tekst", "old text"),
    "csv.new_text": ("uus tekst", "new text"),
    "csv.created": ("ametikoht loodud", "post created"),
    "csv.abolished": ("ametikoht kaotatud", "post abolished"),
    "csv.high": ("oluline", "high"),
    "csv.normal": ("tavaline", "normal"),
    "csv.yes": ("jah", "yes"),
    "csv.no": ("ei", "no"),
    # ---- `ajdiff show`
    "show.order": ("käskkiri nr {number}, {date}", "order nr {number}, {date}"),
    "show.experience_years": ("Töökogemus aastates", "Experience in years"),
    "show.language_table": ("keel      tase", "language  level"),
    "show.review": ("Ülevaatamine", "Review"),
    "show.warnings": ("Hoiatused", "Warnings"),
    "show.sentence": ("(lause)", "(sentence)"),
    "show.title": ("(pealkiri)", "(title)"),
    "show.tree": ("Dokumendi ülesehitus (nagu kirjutatud):", "The document's structure (as written):"),
    "show.order_head": ("Käskkiri nr {number} ({date})", "Order nr {number} ({date})"),
    "show.approves": ("kinnitab", "approves"),
    "show.repeals": ("tunnistab kehtetuks", "repeals"),
    "show.effective": ("jõustumine", "entry into force"),
    # ---- messages on stderr
    "cli.warning": ("hoiatus", "warning"),
    "cli.time_left": ("{time} jäänud", "{time} left"),
    "cli.interrupted": ("katkestatud", "interrupted"),
    "cli.out_of_memory": (
        "mälu sai otsa (liiga suur sisend? vaata --max-size)",
        "out of memory (input too large? see --max-size)",
    ),
    "cli.internal_error": (
        "sisemine viga: {error} (AJDIFF_DEBUG=1 näitab üksikasju)",
        "internal error: {error} (set AJDIFF_DEBUG=1 for details)",
    ),
    "cli.swapped": (
        "VANA on dateeritud {old_date} (käskkiri nr {old_number}), hiljem kui UUS {new_source}, dateeritud "
        "{new_date} (käskkiri nr {new_number}); kas VANA ja UUS on vahetuses? (anna vanem versioon esimesena)",
        "OLD is dated {old_date} (order nr {old_number}), later than NEW {new_source} dated {new_date} "
        "(order nr {new_number}); are OLD and NEW swapped? (give the older version first)",
    ),
    # ---- refusals (problems) and hints: the English text is what the code raises; `translate` says it in Estonian
    "error.no_such_file": ("faili ei ole", "no such file"),
    "error.permission_denied": ("puudub lugemisõigus", "permission denied"),
    "error.is_a_folder": ("on kaust", "is a folder"),
    "error.empty_file": ("tühi fail", "empty file"),
    "error.empty_whitespace": ("tühi fail (ainult tühikud)", "empty file (only whitespace)"),
    "error.exists": ("on juba olemas", "already exists"),
    "error.input_file": ("on sisendfail; seda üle ei kirjutata", "is an input file; refusing to overwrite it"),
    "error.no_folder": ("kausta {0} ei ole", "folder {0} does not exist"),
    "error.unknown_command": ("tundmatu käsk", "unknown command"),
    "error.unknown_type": ("tundmatu failitüüp '{0}'", "unknown file type '{0}'"),
    "error.binary": ("binaarandmed, mitte tekst", "binary data, not text"),
    "error.no_annex": ("lisa {0} ei ole", "has no annex {0}"),
    "error.one_stdin": ("standardsisend saab olla ainult üks pool", "only one side can be standard input"),
    "error.folder_and_file": ("on kaust, aga teine pool on fail", "is a folder but the other side is a file"),
    "error.no_terminal": (
        "vajab terminali (sisend või väljund on suunatud)",
        "needs a terminal (standard input and output are not one)",
    ),
    "error.arguments": ("puuduvad argumendid: {0}", "the following arguments are required: {0}"),
    "error.too_large": ("fail on suurem kui {0} MiB", "file is larger than {0} MiB"),
    "error.bad_pdf": ("PDF-faili ei saa lugeda: {0}", "not a readable PDF: {0}"),
    "error.pdf_pages": ("PDF-is on {0} lehekülge (piir {1})", "PDF has {0} pages (limit {1})"),
    "error.docx_to_terminal": (
        "Wordi dokumenti terminali ei kirjutata",
        "will not write a Word document to a terminal",
    ),
    "error.not_docx_name": ("ei ole .docx-faili nimi", "is not a .docx file name"),
    "error.review_corrupt": ("ülevaatusfail on rikutud ({0})", "review file is corrupt ({0})"),
    "error.stat_text_only": ("on ainult tekstiaruande jaoks", "is for the text report only"),
    "hint.stat_counted": ("teised vormingud loendavad iga paari niigi", "every other format counts each pair already"),
    "error.rtf": ("on RTF-dokument", "is an RTF document"),
    "error.doc": (
        "on Word 97-2003 dokument (.doc) või muu OLE-fail",
        "is a Word 97-2003 document (.doc) or another OLE file",
    ),
    "error.opendocument": ("on OpenDocumenti fail ({1})", "is an OpenDocument {0} ({1})"),
    "error.image": ("on pilt ({0}), mitte dokument", "is an image ({0}), not a document"),
    "error.archive": ("on arhiiv ({0}), mitte dokument", "is a {0} archive, not a document"),
    "error.archive_an": ("on arhiiv ({0}), mitte dokument", "is an {0} archive, not a document"),
    "error.excel": ("on {0}-fail, mitte ametijuhend", "is an Excel workbook ({0})"),
    "error.powerpoint": ("on {0}-fail, mitte ametijuhend", "is a PowerPoint presentation ({0})"),
    "error.no_text_layer": ("PDF-il ei ole tekstikihti", "PDF has no text layer"),
    "error.encrypted": ("krüpteeritud PDF", "encrypted PDF"),
    "error.not_job_description": (
        "ei paista ametijuhendina (otsiti pealkirja 'AMETIJUHEND' või kinnitusplokki, pealkirju nagu 'Üldosa' "
        "või 'Teenistusülesanded', silte nagu 'Teenistuskoht' või 'Vahetu juht', nummerdatud punkte)",
        "does not look like a job description {0}",
    ),
    "error.no_review_file": ("ülevaatusfaili ei ole", "review file not found"),
    "error.cannot_write": ("ei saa kirjutada: {0}", "cannot write: {0}"),
    "error.no_redline": (
        "selles paigalduses pole redline'i kihti (ajdiff.redline)",
        "the redline layer (ajdiff.redline) is not installed in this build",
    ),
    "error.stdin_output": (
        "on loetav standardsisend; seda üle ei kirjutata",
        "is the standard input being read; refusing to overwrite it",
    ),
    "error.not_regular": (
        "ei ole tavaline fail; seda ei asendata",
        "is {0}, not a regular file; refusing to replace it",
    ),
    "error.no_doc_old": ("vanal poolel sellist dokumenti ei ole", "no such document on the old side"),
    "error.no_doc_new": ("uuel poolel sellist dokumenti ei ole", "no such document on the new side"),
    "error.many_old": ("vanal poolel vastab sellele {0} dokumenti", "names {0} documents on the old side"),
    "error.many_new": ("uuel poolel vastab sellele {0} dokumenti", "names {0} documents on the new side"),
    "error.pair_form": ("--pair vajab kuju VANA=UUS", "--pair needs OLD=NEW"),
    "error.twice_old": ("paaritab ühe vana dokumendi kaks korda", "pairs one old document twice"),
    "error.twice_new": ("paaritab ühe uue dokumendi kaks korda", "pairs one new document twice"),
    "error.no_pair_form": ("--no-pair vajab kuju VANA, =UUS või VANA=UUS", "--no-pair needs OLD, =NEW or OLD=NEW"),
    "error.contradicts": ("on vastuolus valikuga --no-pair", "contradicts --no-pair"),
    "error.no_command": ("käsku ei antud", "no command given"),
    "error.folder_no_files": (
        "kaustas ei ole .txt-, .docx-, .pdf-, .html- ega .asice-faile",
        "folder has no .txt, .docx, .pdf, .html or .asice files",
    ),
    "error.folder_no_docs": ("kaustas ei ole ametijuhendeid", "folder has no job descriptions"),
    "error.worker_died": ("tööprotsess lõppes ootamatult (mälu otsas?)", "a worker process died (out of memory?)"),
    "error.empty_container": ("konteineris ei ole dokumenti", "no document inside the container"),
    "error.strict_ooxml": ("{0} on Strict Open XML", "{0} is Strict Open XML"),
    "error.not_word": (
        "ei ole Wordi dokument (zip-is pole word/document.xml)",
        "not a Word document (no word/document.xml in the zip)",
    ),
    "error.no_body": (
        "Wordi dokumenti ei saa lugeda: {0} ei sisalda w:body-d",
        "not a readable Word document: {0} has no w:body",
    ),
    "error.doctype": (
        "{0} kuulutab DOCTYPE-i (XML-olemid on keelatud)",
        "{0} declares a DOCTYPE (XML entities are refused)",
    ),
    "error.xml_limits": ("{0} ületab XML-i turvapiirid ({1})", "{0} is beyond the XML safety limits ({1})"),
    "error.not_zip": ("ei ole zip-arhiiv", "not a {0} (not a zip archive)"),
    "error.truncated": ("rikutud või poolik fail", "damaged or truncated {0}"),
    "error.members": ("failis on {1} liiget", "{0} has {1} members"),
    "error.inflate": (
        "{0} paisuks lahti pakituna {1} MiB-ni (piir {2} MiB)",
        "{0} would inflate to {1} MiB (limit {2} MiB)",
    ),
    "error.damaged_xml": ("rikutud XML failis {0}: {1}", "damaged XML in {0}: {1}"),
    "error.unreadable_xml": ("loetamatu XML failis {0}: {1}", "unreadable XML in {0}: {1}"),
    "error.zip_missing": ("{0} puudub zip-arhiivist", "{0} is missing from the zip archive"),
    "error.zip_encrypted": ("{0} on zip-arhiivis krüpteeritud", "{0} is encrypted inside the zip archive"),
    "error.zip_member": ("rikutud zip-i liige {0}: {1}", "damaged zip member {0}: {1}"),
    "error.lines": ("{0} rida (piir {1})", "{0} lines (limit {1})"),
    "error.long_line": ("real {0} on {1} märki (piir {2})", "line {0} has {1} characters (limit {2})"),
    "error.no_text": ("dokumendis ei ole teksti", "no text in the document"),
    "error.utf16": ("vigane UTF-16 tekst", "broken UTF-16 text"),
    "error.larger": ("sisend on suurem kui {1} MiB", "{0} is larger than {1} MiB"),
    "error.cannot_read": ("ei saa lugeda: {0}", "cannot read: {0}"),
    "error.html_no_text": ("HTML-lehel ei ole teksti", "HTML page has no text"),
    "error.bad_html": ("HTML-lehte ei saa lugeda: {0}", "not a readable HTML page: {0}"),
    "error.pdf_drawing_over": (
        "lehel {0} on üle {1} KiB joonistuskäske (piir {2} MiB)",
        "page {0} has more than {1} KiB of drawing instructions (limit {2} MiB)",
    ),
    "error.pdf_drawing_total": (
        "PDF-is on üle {0} MiB joonistuskäske (leht {1})",
        "PDF has more than {0} MiB of drawing instructions (page {1})",
    ),
    "error.zip_listed_twice": ("zip-arhiivi sisukord loetleb liiget {1} mitu korda", "{0} lists {1} more than once"),
    "error.zip_shared_bytes": (
        "zip-arhiivi kaks liiget on samades baitides ({1})",
        "{0} has two members at the same bytes ({1})",
    ),
    "error.paragraph_too_long": (
        "murtud ridadest liidetud lõigus on {0} märki (piir {1})",
        "a paragraph joined from wrapped lines has {0} characters (limit {1})",
    ),
    "error.xml_elements": ("{0} on {1} XML-elementi (piir {2})", "{0} has {1} XML elements (limit {2})"),
    "error.docx_paragraphs": (
        "{0} on üle {1} lõigu (piir {2})",
        "{0} has more than {1} paragraphs (limit {2})",
    ),
    "error.empty_pipe": ("nimega torusse pole midagi kirjutatud", "named pipe with nothing written to it"),
    "hint.write_to_pipe": ("anna fail või kirjuta torusse", "give a file, or write to the pipe"),
    "error.html_tags": ("HTML-lehel on {0} silti (piir {1})", "HTML page has {0} tags (limit {1})"),
    "error.html_depth": (
        "HTML-leht on pesastatud sügavamale kui {0} elementi",
        "HTML page is nested deeper than {0} elements",
    ),
    "error.wrong_relation": ("selle seos {0} osutab osale {1}", "its {0} relationship points at {1}"),
    "error.pdf_drawing": (
        "lehel {0} on {1} KiB joonistuskäske (piir {2} MiB)",
        "page {0} has {1} KiB of drawing instructions (limit {2} MiB)",
    ),
    "error.pdf_page_slow": ("lehe {0} lugemine võtab üle {1} s", "page {0} takes more than {1} s to read"),
    "error.pdf_slow": (
        "PDF-i lugemine võtab üle {0} s (peatus lehel {1}/{2})",
        "PDF takes more than {0} s to read (stopped at page {1} of {2})",
    ),
    # argparse's own words, as the one-line usage error gives them
    "error.unrecognized": ("tundmatud argumendid: {0}", "unrecognized arguments: {0}"),
    "error.invalid_choice": (
        "argument {0}: vigane valik {1} (valikud: {2})",
        "argument {0}: invalid choice: {1} (choose from {2})",
    ),
    "error.one_argument": ("argument {0}: vajab üht väärtust", "argument {0}: expected one argument"),
    "error.whole_number": ("argument {0}: ei ole täisarv: {1}", "argument {0}: not a whole number: {1}"),
    "error.control_characters": (
        "argument {0}: sisaldab juhtmärke: {1}",
        "argument {0}: has control characters: {1}",
    ),
    "error.unknown_option": ("tundmatu võti käsule {0}", "unknown option of {0}"),
    "error.extra_argument": ("üks argument on liiast", "one argument too many"),
    "hint.option_did_you_mean": (
        "kas mõtlesid {0}? vaata ajdiff {1} --help",
        "did you mean {0}? see ajdiff {1} --help",
    ),
    "error.tui_stdin": (
        "kasutajaliides loeb klahve standardsisendist, nii et dokument sealt tulla ei saa",
        "the UI reads its keys from standard input, so no document can come from it",
    ),
    "hint.save_to_file": ("salvesta see faili ja anna faili nimi", "save it to a file and give its name"),
    "error.stderr_redirected": (
        "joonistab standardveaväljundisse, mis on suunatud",
        "draws on standard error, which is redirected",
    ),
    "hint.no_stderr_redirect": ("käivita see ilma 2>-ta", "run it without 2>"),
    "error.option_before_command": ("tundmatu võti enne käsku", "unknown option before the command"),
    "hint.options_after_command": (
        "võtmed tulevad pärast käsku; vaata ajdiff --help",
        "options go after the command; see ajdiff --help",
    ),
    "error.empty_output": ("väljundi nimi on tühi", "the output name is empty"),
    "hint.output_name": (
        "anna faili nimi või '-' standardväljundi jaoks",
        "give a file name, or '-' for standard output",
    ),
    "error.at_least_one": ("argument {0}: peab olema 1 või rohkem", "argument {0}: must be 1 or more"),
    # The redline's package layer: NEW's own .docx is the redline's base.
    "error.zip_member_twice": ("{0} on zip-arhiivis kaks korda", "{0} is in the zip archive twice"),
    "error.word_missing_member": (
        "pole Wordi dokument (zip-arhiivis pole {0})",
        "not a Word document (no {0} in the zip)",
    ),
    "error.word_not": ("pole Wordi dokument ({0})", "not a Word document ({0})"),
    "error.not_relationships": ("{0} pole seoste osa", "{0} is not a relationships part"),
    "error.not_content_types": ("{0} pole sisutüüpide osa", "{0} is not a content types part"),
    "error.docm": ("makrodega Wordi dokument (.docm)", "a macro-enabled Word document (.docm)"),
    "error.core_properties": ("selle põhiomaduste osa on vigane", "its core properties part is not one"),
    "error.app_properties": ("selle laiendatud omaduste osa on vigane", "its extended properties part is not one"),
    "hint.save_as_docx": ("salvesta see .docx-failina", "save it as .docx"),
    "hint.save_as_word_document": ("salvesta see Wordi dokumendina (.docx)", "save it as a Word Document (.docx)"),
    "hint.force": ("--force kirjutab üle", "use --force to overwrite it"),
    "hint.max_size": ("suurenda --max-size väärtust", "raise --max-size"),
    "hint.save_pdf": ("salvesta see uuesti PDF-ina", "save it again as PDF"),
    "hint.save_docx": ("salvesta see uuesti .docx-ina", "save it again as .docx"),
    "hint.print_or_split_pdf": (
        "see ei ole tekstidokument; prindi see uude PDF-i või jaga osadeks",
        "not a document of text; print it to a new PDF or split it",
    ),
    "hint.not_genuine_page": (
        "see ei ole ehtne leht; salvesta leht uuesti HTML-ina",
        "not a genuine page; save the page again as HTML",
    ),
    "hint.split_pdf": ("jaga PDF osadeks", "split the PDF"),
    "hint.readable": ("kontrolli, et faili saab lugeda", "check that the file is readable"),
    "hint.free_space": ("kontrolli kausta vaba ruumi ja õigusi", "check the folder's free space and permissions"),
    "hint.older_first": ("anna vanem versioon esimesena", "give the older version first"),
    "hint.redirect": ("suuna see faili: > redline.docx", "redirect it: > redline.docx"),
    "hint.repair_review": ("paranda see või anna teine --review fail", "repair it, or give another --review file"),
    "hint.tui_review": ("anna fail, mille kirjutas terminaliliides", "give the file the terminal UI wrote"),
    "hint.save_docx_pdf": ("salvesta see .docx- või PDF-failina", "save it as .docx or PDF"),
    "hint.give_ametijuhend": ("anna ametijuhend või lisadega käskkiri", "give an ametijuhend or an order with annexes"),
    "hint.check_name": (
        "kontrolli nime ja kausta; 'ajdiff help' ütleb, mida ajdiff loeb",
        "check the name and the folder; 'ajdiff help' shows what ajdiff reads",
    ),
    "hint.permissions": ("kontrolli faili õigusi", "check the file's permissions"),
    "hint.give_file": ("anna fail või 'ajdiff diff' jaoks kaks kausta", "give a file, or two folders to 'ajdiff diff'"),
    "hint.create_folder": ("loo kaust või vali teine -o tee", "create the folder first, or choose another -o path"),
    "hint.other_path": ("vali teine -o tee", "choose another -o path"),
    "hint.other_side": ("anna teine pool failina", "give the other side as a file"),
    "hint.two_of_a_kind": ("võrdle kaht faili või kaht kausta", "compare two files or two folders"),
    "hint.annexes": ("failis on lisad: {0}", "annexes in the file: {0}"),
    "hint.help": ("vaata ajdiff --help", "see ajdiff --help"),
    "hint.command_help": ("vaata ajdiff {0} --help", "see ajdiff {0} --help"),
    "hint.did_you_mean": ("kas mõtlesid '{0}'?", "did you mean '{0}'?"),
    "hint.ocr": ("tuvasta tekst enne, nt ocrmypdf-iga", "OCR it first, e.g. with ocrmypdf"),
    "hint.ocr_or_text": (
        "tuvasta tekst enne (ocrmypdf) või anna tekst",
        "OCR it first, e.g. with ocrmypdf, or give the text",
    ),
    "hint.unpack": ("paki lahti ja anna sealt dokument", "unpack it and give a document inside"),
    "hint.formats": (
        "anna .txt-, .docx-, .pdf-, .html- või .asice-fail",
        "give a .txt, .docx, .pdf, .html or .asice file",
    ),
    "hint.use_diff": ("suunatava aruande annab 'ajdiff diff'", "use 'ajdiff diff' for a report you can redirect"),
    "hint.pipe": ("kirjuta > abil, mitte -o-ga", "write with > instead of -o"),
    "hint.annexes_there": (
        "seal on lisad: {0}; või anna FAIL või FAIL#K",
        "annexes there: {0}; or give FILE or FILE#K",
    ),
    "hint.file_k": ("anna FAIL#K, nt order.txt#2", "give FILE#K, e.g. order.txt#2"),
    "hint.pair_example": ("nt --pair 2=4: vana lisa 2 on uus lisa 4", "e.g. --pair 2=4: old annex 2 is new annex 4"),
    "hint.pairs_once": ("iga dokument saab paari ühe korra", "each document pairs once"),
    "hint.no_pair_example": ("nt --no-pair 1", "e.g. --no-pair 1"),
    "hint.one_instruction": ("anna igale dokumendile üks juhis", "give each document one instruction"),
    "hint.docx_name": (
        "pane väljundile nimi OUT.docx või '-' standardväljundi jaoks",
        "name the output OUT.docx, or '-' for standard output",
    ),
    "hint.not_genuine_file": ("see ei ole ehtne fail", "not a genuine file"),
    "hint.not_genuine_document": ("see ei ole ehtne dokument", "not a genuine document"),
    "hint.zip_formats": ("anna .docx-, .pdf-, .html- või .asice-fail", "give a .docx, .pdf, .html or .asice file"),
    "hint.word_processor": ("salvesta see tekstitöötlusprogrammist uuesti", "save it again from the word processor"),
    "hint.password": ("eemalda parool", "remove the password"),
    "hint.split_file": ("see ei ole ametijuhend; jaga fail osadeks", "not a job description; split the file"),
    "hint.not_job_description": ("see ei ole ametijuhend", "not a job description"),
    "hint.suffixes": (
        "kasuta .txt-, .md-, .docx-, .pdf-, .html- või .asice-faili",
        "use .txt, .md, .docx, .pdf, .html or .asice",
    ),
    "hint.page_text": ("salvesta leht koos dokumendi tekstiga", "save the page with its document text"),
    "hint.page_again": ("salvesta leht uuesti HTML-ina", "save the page again as HTML"),
    "hint.print_pdf": (
        "see ei ole tekstileht; prindi dokument uude PDF-i",
        "not a page of text; print the document to a new PDF",
    ),
    "hint.pdf_password": (
        "see vajab parooli; salvesta kaitseta koopia",
        "it needs a password; save an unprotected copy",
    ),
    "hint.pdf_decrypt": (
        "seda ei saa siin dekrüptida ({0}); salvesta kaitseta koopia",
        "cannot decrypt it here ({0}); save an unprotected copy",
    ),
    "hint.word_document": ("salvesta see uuesti Wordi dokumendina (.docx)", "save it again as a Word Document (.docx)"),
    "hint.signature_container": (
        "kas see on allkirjakonteiner? nimeta see .asice-failiks",
        "is it a signature container? name it .asice",
    ),
    "hint.utf8": ("salvesta see uuesti UTF-8-na", "save it again as UTF-8"),
    "hint.container_content": (
        "selles peaks olema .docx-, .pdf-, .html- või .txt-fail",
        "it should hold a .docx, .pdf, .html or .txt file",
    ),
    "hint.one_job": ("proovi --jobs 1", "try --jobs 1"),
    "hint.folders": ("anna ametijuhendifailide kaustad", "give folders of ametijuhend files"),
    "hint.download_again": ("laadi või salvesta see uuesti", "download or save it again"),
    "hint.file_name": ("anna failinimi", "give a file name"),
    "hint.other_name": ("vali teine nimi", "choose another name"),
    # ---- what the readers warn of and the pairing notes: raised in English like the refusals, said by `translate`
    "warning.pending_accepted": (
        "sisaldab {0} ootel jälgitavat muudatust: need võrreldi ja kirjutati vastuvõetuna",
        "holds {0} pending tracked changes: compared and written as accepted",
    ),
    "warning.package_unused": (
        "selle Wordi paketist ei saa redlaini alust ({0}); redlain on ajdiffi enda mallis",
        "its Word package cannot be the redline's base ({0}); the redline is in ajdiff's own template",
    ),
    "warning.no_duties": ("teenistusülesannete osa ei leitud", "no duties section found"),
    "warning.no_requirements": ("nõuete osa ei leitud", "no requirements section found"),
    "warning.no_position": (
        "teenistuskohta (Teenistuskoht / Ametinimetus) ei leitud",
        "no position (Teenistuskoht / Ametinimetus) found",
    ),
    "warning.unlabelled": ("nõuded: sildita tekst {0}", "requirements: unlabelled text {0}"),
    "warning.before_duties": (
        "teenistusülesanded: tekst enne esimest ülesannet jäi kõrvale: {0}",
        "duties: ignored text before the first duty: {0}",
    ),
    "warning.nested": ("{0}: konteiner konteineris jäeti vahele", "{0}: nested container skipped"),
    "warning.unreadable_member": (
        "{0}: ei ole loetav dokument ({1}), jäeti vahele",
        "{0}: not a readable document ({1}), skipped",
    ),
    "note.skipped_special": (
        "{0} jäeti vahele: pole tavaline fail (nimega toru, seade või katkine link)",
        "skipped {0}: not a regular file (a named pipe, a device or a broken link)",
    ),
    "note.skipped": (
        "{0} jäeti vahele: ei paista ametijuhendina",
        "skipped {0}: does not look like a job description {1}",
    ),
    "note.best_match": (
        "võrreldi dokumendiga {0} failist {1}, parim vaste {2} seast (skoor {3}); teise valib --{4}-annex",
        "compared with {0} of {1}, the best match of {2} (score {3}); choose another with --{4}-annex",
    ),
    "note.not_paired": (
        "paari ei moodustatud, liiga vähe ühist: {0}; paari käsitsi: --pair VANA=UUS",
        "not paired, too little in common: {0}; pair by hand with --pair OLD=NEW",
    ),
    # One turned-down pair of the note above, and the count of the rest: each said in the note's language.
    "note.duties_matched": ("{0} (kattuvaid ülesandeid {1}/{2})", "{0} ({1} of {2} duties match)"),
    "note.and_more": ("{0} ja veel {1}", "{0} and {1} more"),
    "warning.marks_matched": (
        "selle võrdluse muudatustega sobib märkeid {0}/{1}; ülejäänud jäetakse välja",
        "{0} of {1} marks match a change of this comparison; the rest are left out",
    ),
    # ---- the terminal UI (footer words are short, so that most keys fit in 80 columns)
    "ui.title": ("ajdiff · ametijuhendite võrdlus", "ajdiff · job description review"),
    "ui.next": ("edasi", "next"),
    "ui.previous": ("tagasi", "prev"),
    "ui.editorial": ("toim", "editorial"),
    "ui.view": ("vaade", "view"),
    "ui.search": ("otsi", "find"),
    "ui.approve": ("ok", "ok"),
    "ui.question": ("küsi", "query"),
    "ui.comment": ("märkus", "note"),
    "ui.export": ("docx", "docx"),
    "ui.help": ("abi", "help"),
    "ui.next_unreviewed": ("vaatamata", "unreviewed"),
    "ui.search_again": ("otsi uuesti", "find again"),
    "ui.fold": ("voldi", "fold"),
    "ui.warnings": ("hoiatused", "warnings"),
    "ui.theme": ("teema", "theme"),
    "ui.quit": ("välju", "quit"),
    # The same keys in the help screen: a full sentence each.
    "ui.help_next": (
        "järgmine muudatus (käskkirjade endi muudatused, siis üle osade ja paaride, siis uued ja kaotatud ametikohad)",
        "next change (the orders' own changes, then across sections and pairs, then the created and abolished posts)",
    ),
    "ui.help_previous": ("eelmine muudatus", "previous change"),
    "ui.help_editorial": ("näita / peida toimetuslikud muudatused", "show / hide editorial changes"),
    "ui.help_view": ("kõrvuti (vana | uus) või ühes reas", "side by side (old | new) or inline"),
    "ui.help_search": ("otsi muudatustest teksti", "search the changes for a text"),
    "ui.help_approve": (
        "kinnita ja liigu edasi (kinnitatul: võta tagasi)",
        "approve and move on (on an approved one: undo)",
    ),
    "ui.help_question": (
        "märgi küsitavaks ja liigu edasi (küsitaval: võta tagasi)",
        "question and move on (on a questioned one: undo)",
    ),
    "ui.help_comment": ("kommentaar (mitu rida; Ctrl+S salvestab)", "comment (several lines; Ctrl+S saves)"),
    "ui.help_export": (
        "salvesta redline (.docx) koos kommentaaridega",
        "export the redline (.docx) with the comments",
    ),
    "ui.help_help": ("see abi", "this help"),
    "ui.help_next_unreviewed": ("järgmine märkimata muudatus või ametikoht", "next change or post without a mark"),
    "ui.help_search_again": ("otsi sama teksti uuesti (järgmine vaste)", "search the same text again (next match)"),
    "ui.help_fold": ("näita / voldi muutmata laused", "show / fold the unchanged sentences"),
    "ui.help_warnings": ("näita / peida hoiatuste paneel", "show / hide the warnings panel"),
    "ui.focus_pairs": ("paarid", "pairs"),
    "ui.help_focus_pairs": (
        "paaride loend (↑/↓ ja Enter valivad; Tab viib edasi lõikudesse ja muudatustesse)",
        "the list of pairs (↑/↓ and Enter pick one; Tab goes on to the sections and the changes)",
    ),
    "ui.no_switcher": ("Võrreldi ühte paari: paaride loendit ei ole", "One pair compared: there is no list of pairs"),
    "ui.help_theme": ("tume või hele teema", "dark or light theme"),
    "ui.help_nav": (
        "Tab vahetab paani (paarid, osad, muudatused), l viib paaride juurde; nooled liiguvad; Enter avab"
        " valitud paari või osa.",
        "Tab moves between panes (pairs, sections, changes), l goes to the pairs; arrows move; Enter opens the"
        " pair or section.",
    ),
    "ui.help_legend": ("Tähised", "Legend"),
    "ui.legend_word": ("sõna", "word"),
    "ui.legend_deleted": ("kustutatud sõnad (läbi kriipsutatud)", "deleted words (struck through)"),
    "ui.legend_inserted": ("lisatud sõnad (alla joonitud)", "inserted words (underlined)"),
    "ui.legend_current": ("praegune muudatus", "the current change"),
    "ui.legend_high": ("oluline muudatus; loendur punane", "high-impact change; red count"),
    "ui.legend_normal": (
        "sisulised muudatused; loendur kollane (heledas teemas lilla)",
        "substantive changes; yellow count (purple in the light theme)",
    ),
    "ui.legend_marks": ("✓ kinnitatud · ? küsimus · 3/5 osas üle vaadatud", "✓ approved · ? question · 3/5 reviewed"),
    "ui.legend_fold": ("⋯ muutmata laused volditud (z näitab)", "⋯ unchanged sentences folded (z shows)"),
    "ui.help_quit": ("välju (märkused on juba salvestatud)", "quit (the marks are already saved)"),
    "ui.close": ("sulge", "close"),
    "ui.hidden": ("peidetud", "hidden"),
    "ui.reviewed": ("üle vaadatud", "reviewed"),
    "ui.similarity": ("sarnasus", "similarity"),
    "ui.pairs": ("Paarid", "Pairs"),
    "ui.created_heading": ("Uued ametikohad", "Posts created"),
    "ui.abolished_heading": ("Kaotatud ametikohad", "Posts abolished"),
    "ui.created_post": ("Uus ametikoht (ainult uues versioonis)", "Post created (only in the new version)"),
    "ui.abolished_post": ("Kaotatud ametikoht (ainult vanas versioonis)", "Post abolished (only in the old version)"),
    "ui.created_short": ("Uus ametikoht", "Post created"),
    "ui.abolished_short": ("Kaotatud ametikoht", "Post abolished"),
    "ui.duties_count": ("ülesandeid", "duties"),
    "ui.no_changes": ("Selles osas muudatusi ei ole.", "No changes in this section."),
    "ui.no_changes_at_all": ("Muudatusi ei ole.", "No changes."),
    "ui.old": ("Vana", "Old"),
    "ui.new": ("Uus", "New"),
    "ui.approved": ("kinnitatud", "approved"),
    "ui.questioned": ("küsimus", "question"),
    "ui.comment_label": ("Kommentaar", "Comment"),
    "ui.editorial_tag": ("toimetuslik", "editorial"),
    "ui.high_tag": ("oluline", "high impact"),
    "ui.comment_prompt": ("Kommentaar muudatusele (tühi kustutab)", "Comment on the change (empty removes it)"),
    "ui.search_prompt": ("Otsi muudatustest", "Search the changes"),
    "ui.export_prompt": ("Salvesta redline (.docx) faili", "Save the redline (.docx) to"),
    "ui.not_found": ("Ei leitud", "Not found"),
    "ui.last_change": ("Viimane muudatus", "Last change"),
    "ui.first_change": ("Esimene muudatus", "First change"),
    "ui.no_current": ("Muudatust pole valitud", "No change selected"),
    "ui.exported": ("Redline salvestatud", "Redline saved"),
    "ui.export_failed": ("Eksport ebaõnnestus", "Export failed"),
    "ui.save_failed": ("Ülevaatust ei saanud salvestada", "Could not save the review"),
    "ui.review_file": ("Ülevaatuse fail", "Review file"),
    "ui.editorial_on": ("Toimetuslikud muudatused nähtaval", "Editorial changes shown"),
    "ui.editorial_off": ("Toimetuslikud muudatused peidetud", "Editorial changes hidden"),
    "ui.help_close": ("Esc, q või ? sulgeb selle abi", "Esc, q or ? closes this help"),
    "ui.help_title": ("Klahvid", "Keys"),
    "ui.help_mouse": (
        "Hiir: klõpsa osal, paaril või muudatusel, et see valida.",
        "Mouse: click a section, a pair or a change to select it.",
    ),
    "ui.quit_hint": ("Väljumiseks vajuta q", "Press q to quit"),
    "ui.quit_title": ("Väljuda?", "Quit?"),
    "ui.fold_hint": ("z näitab", "z shows"),
    "ui.no_fold": ("Selles muudatuses pole midagi voldida", "Nothing to fold in this change"),
    "ui.pair_no_changes": ("Selles paaris sisulisi muudatusi ei ole.", "No substantive changes in this pair."),
    "ui.order_no_changes": (
        "Käskkirjade endi tekstis sisulisi muudatusi ei ole.",
        "No substantive changes in the orders' own text.",
    ),
    "ui.all_reviewed": ("Kõik on üle vaadatud", "Everything is reviewed"),
    "ui.no_search": ("Pole veel midagi otsitud (/ otsib)", "Nothing searched yet (/ searches)"),
    "ui.total": ("kokku", "in all"),
    "ui.comment_for": ("Kommentaar muudatusele", "Comment on the change"),
    "ui.comment_keys": (
        "Ctrl+S salvestab, Esc tühistab, Enter alustab uut rida; tühi tekst kustutab",
        "Ctrl+S saves, Esc cancels, Enter starts a new line; empty text removes it",
    ),
    "ui.search_keys": (
        "Enter otsib, ↑/↓ varasemad otsingud, Esc tühistab",
        "Enter searches, ↑/↓ earlier searches, Esc cancels",
    ),
    "ui.overwrite": ("Fail on juba olemas: {}. Kas kirjutada üle?", "The file already exists: {}. Overwrite it?"),
    "ui.yes_no": ("j = jah, e / Esc = ei", "y = yes, n / Esc = no"),
    "ui.no_folder": ("Kausta ei ole: {}", "No such folder: {}"),
    "ui.warnings_title": ("Hoiatused", "Warnings"),
    "ui.warnings_hint": ("w näitab kõiki / peidab", "w shows all / hides"),
    "ui.uncertain_pair": (
        "? ebakindel paar: {matched}/{total} ülesannet kattub",
        "? uncertain pair: {matched}/{total} duties match",
    ),
    "ui.no_warnings": ("Hoiatusi ega märkusi ei ole", "No warnings or notes"),
    "ui.old_title": ("vana", "old"),
    "ui.ok_cancel": ("Enter kinnitab, Esc tühistab", "Enter accepts, Esc cancels"),
}

SECTION_ORDER = ("general", "duties", "requirements", "rights", "responsibilities", "competencies", "review", "other")
"""The top-level sections in the order a job description has them (and a report lists them)."""


def word(key: str, lang: str = Lang.ET, *args: object, **fields: object) -> str:
    """The catalogue's text for `key` in `lang` ('et' or 'en'), its {fields} filled when given."""
    et, en = WORDS[key]
    text = en if lang == Lang.EN else et
    return text.format(*args, **fields) if args or fields else text


def counted(n: int, noun: str, lang: str = Lang.ET) -> str:
    """'n noun' in agreement with the number: et '1 sisuline', '7 sisulist'; en '1 change', '2 changes'."""
    one, many = word(f"count.{noun}", lang).split("|")
    return f"{n} {one if n == 1 else many}"


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
            pieces = re.split(r"(\{\d+\})", WORDS[key][1])
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
