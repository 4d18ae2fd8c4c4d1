"""Textual's stylesheet with one parse of each CSS source per process and theme.

Textual's parse cache belongs to one stylesheet and is emptied when the variables (the theme) change, and
its `reparse` parses in a fresh stylesheet whose cache is dropped: every app parses all its CSS again (the
app's file and each widget class's DEFAULT_CSS, some 70 ms of the order pair's first screen on this machine),
and within one app a few sources are parsed twice around the theme change. Parsed rules depend only on the
source, where it came from, its priority, its scope and the variables, so they are kept per process under
exactly those, and every stylesheet of this class (the fresh one of `reparse` included) takes them from
there. Rules are not changed after parsing.
"""

from __future__ import annotations

from typing import ClassVar

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation


class SharedStylesheet(Stylesheet):
    """A Textual stylesheet whose parsed rules are shared by every stylesheet of this class in the process."""

    _parsed: ClassVar[dict[tuple[object, ...], list[RuleSet]]] = {}
    _keyed_variables: dict[str, str] | None = None
    _variables_key: tuple[tuple[str, str], ...] = ()

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        """Textual's parse of one source, once per source, location, priority, scope and variables."""
        if self._variables is not self._keyed_variables:
            # The variables sorted once per dict, not once per source (some 170 of them, 50 sources a screen):
            # Textual replaces the dict when the theme changes, never edits it (its own tokens of it are kept so).
            self._keyed_variables, self._variables_key = self._variables, tuple(sorted(self._variables.items()))
        key = (css, read_from, is_default_rules, tie_breaker, scope, self._variables_key)
        rules = self._parsed.get(key)
        if rules is None:  # a source with errors raises here, every time, as in Textual
            rules = self._parsed[key] = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    def reparse(self) -> None:
        """Textual's `reparse` (parse in a fresh stylesheet, so that an error leaves this one whole), the fresh
        one of this class."""
        fresh = type(self)(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(css, read_from=read_from, is_default_css=is_defaults, tie_breaker=tie_breaker, scope=scope)
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)  # as Textual: not parsed again until it changes
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False
