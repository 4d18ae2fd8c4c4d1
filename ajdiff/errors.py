"""The one error type a user sees: bad input, said in one line, with a hint, in the user's language."""

from __future__ import annotations

import re

_BREAKS = re.compile(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\s*")
# What must not reach a terminal from a name: C0/C1 controls (escape sequences start with ESC or CSI),
# line separators, and invisible format characters (bidi overrides can make "txt.exe" read "exe.txt").
_NAME_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
# Exception class names that a library message may carry ("PdfStreamError: …", "BadZipFile"): they
# mean nothing to a user, so the line leaves them out and keeps the library's own words.
_CLASS_NAME = re.compile(r"\b(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|BadZipFile|LargeZipFile)\b:?\s*")


def one_line(text: str) -> str:
    """Text safe for a one-line message: each run of line breaks and control characters becomes one space.

    Nothing else changes: spaces and punctuation stay as they are, so a file name inside a
    message is the name on disk.
    """
    return _BREAKS.sub(" ", text).strip() if _BREAKS.search(text) else text


def display_name(name: str) -> str:
    """A file name as it can be printed and written anywhere, without changing what it says.

    Bytes that are not UTF-8 (kept by Python as lone surrogates) and control or invisible
    format characters are shown as backslash escapes (\\xf5, \\n, \\u202e); everything else,
    spaces included, stays as it is.
    """
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no undecodable byte made: keep its code
        raw = name.encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return _NAME_UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _without_class_names(text: str) -> str:
    cleaned = _CLASS_NAME.sub("", text)
    return re.sub(r"[:\s]+$", "", re.sub(r"\(\s*\)", "", cleaned)).strip() or text


# A hint for the refusals raised without one, so that every refusal says what to do next.
_DEFAULT_HINTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), hint)
    for pattern, hint in (
        (r"^no such file", "check the name and the folder; 'ajdiff help' shows what ajdiff reads"),
        (r"^permission denied", "check the file's permissions"),
        (r"^is a folder$", "give a file, or two folders to 'ajdiff diff'"),
        (r"^cannot read", "check that the file is readable"),
        (r"^cannot write", "check the folder's free space and permissions"),
        (r"^folder .* does not exist", "create the folder first, or choose another -o path"),
        (r"^only one side can be standard input", "give the other side as a file"),
        (r"^folder has no", "give folders of ametijuhend files"),
        (r"is missing from the zip|unreadable XML", "download or save it again"),
        (r"^unknown command", "see ajdiff --help"),
    )
)
_FALLBACK_HINT = "see ajdiff --help"

# Estonian for the problems and hints users meet most; anything not listed stays in English.
# Patterns are tried in order on the English text; {0}, {1} … are the pattern's groups.
_ET: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"^{pattern}$"), text)
    for pattern, text in (
        (r"no such file", "faili ei ole"),
        (r"permission denied", "puudub lugemisõigus"),
        (r"is a folder", "on kaust"),
        (r"empty file", "tühi fail"),
        (r"empty file \(only whitespace\)", "tühi fail (ainult tühikud)"),
        (r"already exists", "on juba olemas"),
        (r"is an input file; refusing to overwrite it", "on sisendfail; seda üle ei kirjutata"),
        (r"folder (.+) does not exist", "kausta {0} ei ole"),
        (r"unknown command", "tundmatu käsk"),
        (r"unknown file type '(.*)'", "tundmatu failitüüp '{0}'"),
        (r"binary data, not text", "binaarandmed, mitte tekst"),
        (r"has no annex (.+)", "lisa {0} ei ole"),
        (r"only one side can be standard input", "standardsisend saab olla ainult üks pool"),
        (r"is a folder but the other side is a file", "on kaust, aga teine pool on fail"),
        (
            r"needs a terminal \(standard input and output are not one\)",
            "vajab terminali (sisend või väljund on suunatud)",
        ),
        (r"the following arguments are required: (.+)", "puuduvad argumendid: {0}"),
        (r"file is larger than (\d+) MiB", "fail on suurem kui {0} MiB"),
        (r"not a readable PDF: (.+)", "PDF-faili ei saa lugeda: {0}"),
        (r"PDF has (\d+) pages \(limit (\d+)\)", "PDF-is on {0} lehekülge (piir {1})"),
        (r"will not write a Word document to a terminal", "Wordi dokumenti terminali ei kirjutata"),
        (r"is not a \.docx file name", "ei ole .docx-faili nimi"),
        (r"review file is corrupt \((.+)\)", "ülevaatusfail on rikutud ({0})"),
        (r"is an RTF document", "on RTF-dokument"),
        (
            r"is a Word 97-2003 document \(\.doc\) or another OLE file",
            "on Word 97-2003 dokument (.doc) või muu OLE-fail",
        ),
        (
            r"is an OpenDocument (text|spreadsheet|presentation|drawing|document) \((\.od.)\)",
            "on OpenDocumenti fail ({1})",
        ),
        (r"is an image \((.+)\), not a document", "on pilt ({0}), mitte dokument"),
        (r"is an? (.+) archive, not a document", "on arhiiv ({0}), mitte dokument"),
        (r"is an? (Excel workbook|PowerPoint presentation) \((.+)\)", "on {1}-fail, mitte ametijuhend"),
        (r"PDF has no text layer", "PDF-il ei ole tekstikihti"),
        (r"encrypted PDF", "krüpteeritud PDF"),
        (
            r"does not look like a job description .*",
            "ei paista ametijuhendina (otsiti pealkirja 'AMETIJUHEND' või kinnitusplokki, pealkirju nagu 'Üldosa' "
            "või 'Teenistusülesanded', silte nagu 'Teenistuskoht' või 'Vahetu juht', nummerdatud punkte)",
        ),
        (r"review file not found", "ülevaatusfaili ei ole"),
        # hints
        (r"use --force to overwrite it", "--force kirjutab üle"),
        (r"raise --max-size", "suurenda --max-size väärtust"),
        (r"save it again as PDF", "salvesta see uuesti PDF-ina"),
        (r"save it again as \.docx", "salvesta see uuesti .docx-ina"),
        (r"split the PDF", "jaga PDF osadeks"),
        (r"check that the file is readable", "kontrolli, et faili saab lugeda"),
        (r"check the folder's free space and permissions", "kontrolli kausta vaba ruumi ja õigusi"),
        (r"give the older version first", "anna vanem versioon esimesena"),
        (r"redirect it: > redline\.docx", "suuna see faili: > redline.docx"),
        (r"repair it, or give another --review file", "paranda see või anna teine --review fail"),
        (r"give the file the terminal UI wrote", "anna fail, mille kirjutas terminaliliides"),
        (r"save it as \.docx or PDF", "salvesta see .docx- või PDF-failina"),
        (r"give an ametijuhend or an order with annexes", "anna ametijuhend või lisadega käskkiri"),
        (
            r"check the name and the folder; 'ajdiff help' shows what ajdiff reads",
            "kontrolli nime ja kausta; 'ajdiff help' ütleb, mida ajdiff loeb",
        ),
        (r"check the file's permissions", "kontrolli faili õigusi"),
        (r"give a file, or two folders to 'ajdiff diff'", "anna fail või 'ajdiff diff' jaoks kaks kausta"),
        (r"create the folder first, or choose another -o path", "loo kaust või vali teine -o tee"),
        (r"choose another -o path", "vali teine -o tee"),
        (r"give the other side as a file", "anna teine pool failina"),
        (r"compare two files or two folders", "võrdle kaht faili või kaht kausta"),
        (r"annexes in the file: (.+)", "failis on lisad: {0}"),
        (r"see ajdiff --help", "vaata ajdiff --help"),
        (r"see ajdiff (\w+) --help", "vaata ajdiff {0} --help"),
        (r"did you mean '(\w+)'\?", "kas mõtlesid '{0}'?"),
        (r"OCR it first, e\.g\. with ocrmypdf", "tuvasta tekst enne, nt ocrmypdf-iga"),
        (r"OCR it first, e\.g\. with ocrmypdf, or give the text", "tuvasta tekst enne (ocrmypdf) või anna tekst"),
        (r"unpack it and give a document inside", "paki lahti ja anna sealt dokument"),
        (r"give a \.txt, \.docx, \.pdf, \.html or \.asice file", "anna .txt-, .docx-, .pdf-, .html- või .asice-fail"),
        (r"use 'ajdiff diff' for a report you can redirect", "suunatava aruande annab 'ajdiff diff'"),
    )
)


def translate(text: str, lang: str) -> str:
    """A problem or hint in `lang` ('et' or 'en'): English text is the key; unknown text stays as it is."""
    if lang != "et":
        return text
    for pattern, template in _ET:
        match = pattern.match(text)
        if match:
            return template.format(*match.groups())
    return text


class AjdiffError(Exception):
    """Base of every error ajdiff reports to a user instead of a traceback."""

    exit_code = 2

    def __init__(self, source: str, problem: str, hint: str | None = None) -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        super().__init__(self.line())

    def __reduce__(self) -> tuple:
        # Rebuilt from its parts, so that it crosses from a worker process intact (pickle would
        # call cls(message) and fail, and the pool would report only "BrokenProcessPool").
        return (type(self), (self.source, self.problem, self.hint))

    def full_hint(self) -> str:
        """The hint given, or the one every refusal of this kind gets."""
        if self.hint:
            return self.hint
        for pattern, hint in _DEFAULT_HINTS:
            if pattern.search(self.problem):
                return hint
        return _FALLBACK_HINT

    def line(self, lang: str = "en") -> str:
        """The one line printed on stderr: 'ajdiff: FILE: what is wrong (hint)'."""
        # Library messages (lxml, pypdf) may hold line breaks and file names anything; stderr gets one line.
        problem = translate(_without_class_names(one_line(self.problem)), lang)
        hint = translate(one_line(self.full_hint()), lang)
        return f"ajdiff: {display_name(self.source)}: {problem} ({hint})"


class InputError(AjdiffError):
    """An input file that cannot be read as a job description."""


class OutputError(AjdiffError):
    """An output path that cannot or must not be written."""


class UsageError(AjdiffError):
    """A command line that does not say what to do: one line and a pointer to the command's --help."""
