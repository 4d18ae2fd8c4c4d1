"""Open redlines in LibreOffice, count their tracked changes, accept or reject all, print the text.

Run with the system python3 that has `uno` (not the project's venv):
    /usr/bin/python3 lo_driver.py A.docx B.docx …  →  JSON on stdout, one entry per file.
One soffice process serves every file, so the whole check costs one start-up.
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


def main(paths: list[str]) -> int:
    profile = tempfile.mkdtemp(prefix="ajdiff-lo-")
    pipe = f"ajdiff_{os.getpid()}"
    proc = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                time.sleep(0.1)
        if ctx is None:
            print("soffice did not start", file=sys.stderr)
            return 2
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        results: dict[str, dict] = {}
        for path in paths:
            entry: dict[str, object] = {}
            for action, command in COMMANDS.items():
                url = uno.systemPathToFileUrl(os.path.abspath(path))
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
                entry["redlines"] = _redlines(doc)
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
                entry[action] = {"text": _lines(doc, profile), "remaining": sum(_redlines(doc).values())}
                doc.close(True)
            results[path] = entry
        json.dump(results, sys.stdout, ensure_ascii=False)
        with contextlib.suppress(Exception):  # the bridge closes as soffice exits
            desktop.terminate()
        proc.wait(timeout=30)
        return 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
