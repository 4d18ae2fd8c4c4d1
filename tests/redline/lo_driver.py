"""Open redlines in LibreOffice, count their tracked changes, accept or reject all, print the text (and
every table's shape, the images and the header and footer texts left in each view).

Run with the system python3 that has `uno` (not the project's venv):
    /usr/bin/python3 lo_driver.py A.docx B.docx …  →  JSON on stdout, one entry per file.
    /usr/bin/python3 lo_driver.py --inspect A.docx …  →  tracked changes, comments and style names only.
One soffice process serves every file, so the whole check costs one start-up.

--inspect loads each file as a document model with no window: Debian's no-GUI Writer lacks the UI
file of the comment margin, and aborts when it opens a view of a document that has comments.
Accept/Reject All need a view, so a file with comments can only be inspected.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]
from com.sun.star.lang import DisposedException  # type: ignore[import-not-found]

COMMANDS = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _redlines(doc) -> dict[str, int]:  # type: ignore[no-untyped-def]
    kinds: dict[str, int] = {}
    enum = doc.getRedlines().createEnumeration()
    while enum.hasMoreElements():
        kind = enum.nextElement().getPropertyValue("RedlineType")
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def _lines(doc, folder: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The document as plain text, one paragraph (body or table cell) a line.

    LibreOffice's own text export: one call over the bridge instead of one per table cell.
    """
    target = os.path.join(folder, "export.txt")
    doc.storeToURL(
        uno.systemPathToFileUrl(target),
        (_prop("FilterName", "Text (encoded)"), _prop("FilterOptions", "UTF8,LF")),
    )
    with open(target, encoding="utf-8-sig") as fh:
        return fh.read().split("\n")


def _tables(doc) -> list[list[list[int]]]:  # type: ignore[no-untyped-def]
    """Every text table's shape in the document's order: per row, each cell's paragraph count."""
    shapes = []
    tables = doc.getTextTables()
    for k in range(tables.getCount()):
        table = tables.getByIndex(k)
        cells: dict[int, list[tuple[str, int]]] = {}
        for name in table.getCellNames():  # 'B3': column B of row 3 ('B3.1.1' inside a split cell)
            top = name.split(".")[0]
            column = "".join(c for c in top if c.isalpha())
            row = int(top[len(column) :])
            paragraphs = table.getCellByName(name).getText().createEnumeration()
            count = 0
            while paragraphs.hasMoreElements():
                paragraphs.nextElement()
                count += 1
            cells.setdefault(row, []).append((f"{len(column):02d}{column}", count))
        shapes.append([[n for _, n in sorted(cells[r])] for r in sorted(cells)])
    return shapes


def _story_text(text) -> str:  # type: ignore[no-untyped-def]
    """A header's or footer's words, its tables' too (a table's row as its cells parted by ' | '), a line
    each paragraph or row."""
    lines = []
    blocks = text.createEnumeration()
    while blocks.hasMoreElements():
        block = blocks.nextElement()
        if block.supportsService("com.sun.star.text.TextTable"):
            rows: dict[int, list[tuple[str, str]]] = {}
            for name in block.getCellNames():
                column = "".join(c for c in name if c.isalpha())
                row = int(name[len(column) :].split(".")[0])
                cell = " ".join(block.getCellByName(name).getString().split())
                rows.setdefault(row, []).append((f"{len(column):02d}{column}", cell))
            lines += [" | ".join(cell for _, cell in sorted(rows[r])) for r in sorted(rows)]
        else:
            lines.append(block.getString())
    return "\n".join(lines).strip()


def _page_texts(doc) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """The header and footer texts of the page styles in use (every kind: default, left, first page)."""
    found: dict[str, list[str]] = {"headers": [], "footers": []}
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        style = styles.getByName(name)
        if not style.isInUse():
            continue
        for key, part in (("headers", "Header"), ("footers", "Footer")):
            if not style.getPropertyValue(f"{part}IsOn"):
                continue
            for suffix in ("Text", "TextLeft", "TextFirst"):
                with contextlib.suppress(Exception):  # TextFirst is newer than some LibreOffice versions
                    text = style.getPropertyValue(f"{part}{suffix}")
                    words = _story_text(text) if text is not None else ""
                    if words:
                        found[key].append(words)
    return {key: sorted(set(texts)) for key, texts in found.items()}


def _sections(doc) -> list[str]:  # type: ignore[no-untyped-def]
    """The body's page set-ups in order, one entry per run of paragraphs on one page style: 'portrait' or
    'landscape' (a Word section break is a change of page style in LibreOffice)."""
    styles = doc.getStyleFamilies().getByName("PageStyles")
    found: list[str] = []
    last = None
    paragraphs = doc.getText().createEnumeration()
    while paragraphs.hasMoreElements():
        block = paragraphs.nextElement()
        if not block.supportsService("com.sun.star.text.Paragraph"):
            continue  # a table: its page style is its neighbours'
        name = block.getPropertyValue("PageStyleName")
        if name != last:
            style = styles.getByName(name)
            wide = style.getPropertyValue("Width") > style.getPropertyValue("Height")
            found.append("landscape" if wide else "portrait")
            last = name
    return found


def _inspect(smgr, ctx, url: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Tracked changes, comment count and style names of one file, read without opening a view."""
    doc = smgr.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
    doc.load((_prop("URL", url), _prop("FilterName", "MS Word 2007 XML")))
    comments = 0
    fields = doc.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        comments += fields.nextElement().supportsService("com.sun.star.text.textfield.Annotation")
    families = doc.getStyleFamilies()
    styles = {
        kind: sorted(families.getByName(f"{kind.title()}Styles").getElementNames())
        for kind in ("paragraph", "character")
    }
    entry = {"redlines": _redlines(doc), "comments": comments, "styles": styles}
    doc.close(True)
    return entry


class _NotStarted(Exception):
    """soffice did not answer on its pipe."""


class _Office:
    """One soffice process and its UNO objects; started again if it dies under a file."""

    def __init__(self, profile: str) -> None:
        self.profile = profile
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        self.stop()
        self.starts += 1
        pipe = f"ajdiff_{os.getpid()}_{self.starts}"
        self.proc = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                f"-env:UserInstallation={uno.systemPathToFileUrl(self.profile)}",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(600):
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                time.sleep(0.1)
        else:
            raise _NotStarted("soffice did not start")
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatcher = self.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.ctx)

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            with contextlib.suppress(Exception):  # the bridge closes as soffice exits
                self.desktop.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def _views(office: _Office, path: str) -> dict[str, object]:
    """Accept All and Reject All of one file, each in a fresh load: what each view holds."""
    entry: dict[str, object] = {}
    for action, command in COMMANDS.items():
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = office.desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
        entry["redlines"] = _redlines(doc)
        office.dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
        entry[action] = {
            "text": _lines(doc, office.profile),
            "remaining": sum(_redlines(doc).values()),
            "tables": _tables(doc),
            "images": doc.getGraphicObjects().getCount(),
            "sections": _sections(doc),
            **_page_texts(doc),
        }
        doc.close(True)
    return entry


def main(paths: list[str]) -> int:
    inspect = paths[:1] == ["--inspect"]
    paths = paths[1:] if inspect else paths
    profile = tempfile.mkdtemp(prefix="ajdiff-lo-")
    office = _Office(profile)
    try:
        office.start()
        results: dict[str, dict] = {}
        for path in paths:
            for attempt in (1, 2):
                try:
                    if inspect:
                        url = uno.systemPathToFileUrl(os.path.abspath(path))
                        results[path] = _inspect(office.smgr, office.ctx, url)
                    else:
                        results[path] = _views(office, path)
                    break
                except DisposedException:
                    # soffice died under this file. Once is LibreOffice's (it happens under load, the same
                    # file then passes); twice on the same file is the file's, and fails the run.
                    print(f"lo_driver: soffice died on {path} (attempt {attempt})", file=sys.stderr)
                    if attempt == 2:
                        raise
                    office.start()
        json.dump(results, sys.stdout, ensure_ascii=False)
        return 0
    except _NotStarted as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        office.stop()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
