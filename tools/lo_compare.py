"""LibreOffice's own Compare Document on Word pairs: OLD NEW OUT triples in, OUT .docx files written.

Run with the system python3 that has LibreOffice's `uno` (Debian: libreoffice-writer-nogui python3-uno),
not the project's venv; `tools/noise_table.py` calls it. As a person does it in Writer: open NEW, Edit →
Track Changes → Compare Document… with OLD, save as Word. One soffice process serves every pair.
    /usr/bin/python3 tools/lo_compare.py OLD1.docx NEW1.docx OUT1.docx [OLD2 NEW2 OUT2 …]
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(args: list[str]) -> int:
    if not args or len(args) % 3:
        print("usage: lo_compare.py OLD NEW OUT [OLD NEW OUT …]", file=sys.stderr)
        return 2
    profile = tempfile.mkdtemp(prefix="ajdiff-lo-compare-")
    pipe = f"ajdiff_compare_{os.getpid()}"
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
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
        for k in range(0, len(args), 3):
            old, new, out = (os.path.abspath(a) for a in args[k : k + 3])
            doc = None
            for _ in range(50):  # a load right after another document closes may come back empty
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(new), "_blank", 0, (_prop("Hidden", True),))
                if doc is not None:
                    break
                time.sleep(0.2)
            if doc is None:
                print(f"LibreOffice could not open {new}", file=sys.stderr)
                return 2
            frame = doc.getCurrentController().getFrame()
            dispatcher.executeDispatch(
                frame,
                ".uno:CompareDocuments",
                "",
                0,
                (_prop("URL", uno.systemPathToFileUrl(old)), _prop("NoAcceptDialog", True)),
            )
            doc.storeToURL(uno.systemPathToFileUrl(out), (_prop("FilterName", "MS Word 2007 XML"),))
            doc.close(True)
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
