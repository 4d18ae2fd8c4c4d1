"""Validate .docx files with the Open XML SDK; run by validator.py as `python sdk_worker.py ROOT FILE…`.

ROOT is the unpacked runtime (validator.runtime_root()). Prints a JSON list: the errors of each file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

_ASSEMBLIES = ("System.IO.Packaging", "DocumentFormat.OpenXml.Framework", "DocumentFormat.OpenXml")


def main(root: Path, paths: list[str]) -> int:
    """Load the SDK into a .NET runtime hosted here, then validate each file against Microsoft 365's rules."""
    from clr_loader import get_coreclr  # type: ignore[import-not-found,import-untyped,unused-ignore]
    from pythonnet import set_runtime  # type: ignore[import-not-found,import-untyped,unused-ignore]

    set_runtime(
        get_coreclr(runtime_config=str(root / "validator.runtimeconfig.json"), dotnet_root=str(root / "dotnet"))
    )
    import clr  # type: ignore[import-not-found,import-untyped,unused-ignore]

    for name in _ASSEMBLIES:
        clr.AddReference(str(root / "app" / f"{name}.dll"))
    from DocumentFormat.OpenXml import FileFormatVersions  # type: ignore[import-not-found]
    from DocumentFormat.OpenXml.Packaging import WordprocessingDocument  # type: ignore[import-not-found]
    from DocumentFormat.OpenXml.Validation import OpenXmlValidator  # type: ignore[import-not-found]

    validator = OpenXmlValidator(FileFormatVersions.Microsoft365)
    results: list[list[str]] = []
    for path in paths:
        errors: list[str] = []
        try:
            document = WordprocessingDocument.Open(path, False)
        except Exception as exc:  # the package itself is broken: that is the finding
            results.append([f"package: {getattr(exc, 'Message', exc)}"])
            continue
        try:
            for error in validator.Validate(document):
                part = str(error.Part.Uri) if error.Part is not None else "package"
                where = str(error.Path.XPath) if error.Path is not None else ""
                errors.append(f"{part} {where}: {error.Description} [{error.Id}]")
        finally:
            document.Dispose()
        results.append(errors)
    json.dump(results, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2:]))
