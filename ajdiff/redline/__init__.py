"""The Word redline: native tracked changes for approvers (python-docx + lxml, loaded on demand).

Layers, bottom up: `oxml` owns every WordprocessingML name and builds tracked-change elements;
`layout` turns a `Comparison` into a pure block model (paragraphs, tables, presence per side);
`build` writes that model with python-docx; `views` accepts or rejects all changes of a produced
file in pure Python; `command` is the CLI entry. Importing this package imports none of them.
"""
