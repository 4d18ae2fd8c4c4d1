"""The Word redline: NEW's own document with every difference to OLD as a native tracked change.

Layers, bottom up: `oxml` builds WordprocessingML elements; `package` holds a .docx in memory (NEW's,
or a clean template) and writes it; `units` reads each side's paragraphs and cuts them by job
description; `track` writes `compare.script`'s edits into NEW's paragraphs; `summary` puts the
summary page first; `document` ties them together. lxml only: no python-docx on this path.
"""
