"""The build steps pyproject.toml cannot declare: the message catalogues (.po) compiled to .mo with Babel, and
what a command's start would compile (regular expressions, records' __init__) compiled by this interpreter
(ajdiff/prebuilt.py).

A wheel gets ajdiff/locale/*/LC_MESSAGES/*.mo; an editable install (`pip install -e .`) gets them beside
their .po in the source tree, which is where the package reads them from. Babel is needed only here (and
by the tests that extract the messages): at run time the standard library's gettext reads the .mo. The
compiled start-up goes the same way, to ajdiff/data/prebuilt.<interpreter>.marshal.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from setuptools import Command, setup
from setuptools.command.build import build

LOCALE = Path("ajdiff") / "locale"


class _BuildStep(Command):
    """A build step that writes files into the package: beside their sources in an editable install, where the
    package is imported from; else into the wheel's build tree."""

    user_options: list[tuple[str, str | None, str]] = []  # noqa: RUF012

    def initialize_options(self) -> None:
        self.build_lib: str | None = None
        self.editable_mode = False

    def finalize_options(self) -> None:
        self.set_undefined_options("build_py", ("build_lib", "build_lib"))

    def _base(self) -> Path:
        return Path(".") if self.editable_mode else Path(self.build_lib or "build/lib")


class build_mo(_BuildStep):
    """Compile every ajdiff/locale/<lang>/LC_MESSAGES/<domain>.po to its .mo."""

    description = "compile the message catalogues (.po) to .mo"

    def _pairs(self) -> list[tuple[Path, Path]]:
        return [(po, self._base() / po.with_suffix(".mo")) for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))]

    def run(self) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po, mo in self._pairs():
            with po.open("rb") as f:
                catalog = read_po(f, abort_invalid=True)
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as f:
                write_mo(f, catalog, use_fuzzy=False)

    def get_outputs(self) -> list[str]:
        return [str(mo) for _, mo in self._pairs()]

    def get_source_files(self) -> list[str]:
        return [str(po) for po, _ in self._pairs()]

    def get_output_mapping(self) -> dict[str, str]:
        return {str(mo): str(po) for po, mo in self._pairs()}


class build_prebuilt(_BuildStep):
    """Compile what ajdiff/data/prebuilt.txt lists with this interpreter (ajdiff/prebuilt.py)."""

    description = "compile the start-up's regular expressions and records' __init__"

    def _module(self):
        # By its path: importing the package `ajdiff` would need its dependencies, which a build has not.
        spec = importlib.util.spec_from_file_location("ajdiff_prebuilt", Path("ajdiff") / "prebuilt.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return module

    def _target(self) -> Path:
        return self._base() / "ajdiff" / "data" / self._module().FILE.name

    def run(self) -> None:
        module = self._module()
        module.write(self._target(), module.read_list(Path("ajdiff") / "data" / "prebuilt.txt"), self._vocabulary())

    def _vocabulary(self):
        # The vocabulary folded as the package folds it: its modules need nothing but the standard library.
        sys.path.insert(0, str(Path.cwd()))
        try:
            from ajdiff.read import vocabulary

            return self._module().fingerprint(Path("ajdiff")), vocabulary.export()
        finally:
            sys.path.remove(str(Path.cwd()))

    def get_outputs(self) -> list[str]:
        return [str(self._target())]

    def get_source_files(self) -> list[str]:
        return [str(Path("ajdiff") / "data" / "prebuilt.txt")]

    def get_output_mapping(self) -> dict[str, str]:
        return {str(self._target()): str(Path("ajdiff") / "data" / "prebuilt.txt")}


class build_with_mo(build):
    """`build`, and the catalogues and the start-up compiled as its steps."""

    sub_commands = [*build.sub_commands, ("build_mo", None), ("build_prebuilt", None)]  # noqa: RUF012


setup(cmdclass={"build": build_with_mo, "build_mo": build_mo, "build_prebuilt": build_prebuilt})
