"""The readers' one memo of what a short text reads as: two versions of a document (a pair, a batch's namesakes)
and an agency's posts repeat most of their lines and values, so each is read once while it is remembered."""

from __future__ import annotations

from functools import lru_cache, update_wrapper

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)
if TYPE_CHECKING:
    from collections.abc import Callable, Hashable
    from functools import _CacheInfo
    from typing import Protocol, TypeVar

    _R = TypeVar("_R")

    class ShortTextMemo(Protocol[_R]):
        """A reading of a text remembered for short texts: called as the reading, with `lru_cache`'s accessors."""

        __wrapped__: Callable[..., _R]

        def __call__(self, text: str, /, *args: Hashable) -> _R: ...

        def cache_info(self) -> _CacheInfo: ...

        def cache_clear(self) -> None: ...


_VARARGS = 0x04  # inspect.CO_VARARGS, without importing inspect

MEMO_CHARS = 400
"""Texts longer than this are read afresh, never kept: a memo holds a few thousand lines or values, never a
paragraph typed on one line (up to 20,000 characters) that would keep megabytes alive in an agency's run."""


def short_text_memo(maxsize: int, max_chars: int = MEMO_CHARS) -> Callable[[Callable[..., _R]], ShortTextMemo[_R]]:
    """Remember `read(text, …)` for the last `maxsize` texts of at most `max_chars` characters (answers must be
    immutable: every caller gets the same object); a longer text is read each time it is asked. The text comes
    first; other arguments, positional, are remembered with it."""

    def decorate(read: Callable[..., _R]) -> ShortTextMemo[_R]:
        memo = lru_cache(maxsize=maxsize)(read)

        def remembered(text: str, /, *args: Hashable) -> _R:
            return memo(text, *args) if len(text) <= max_chars else read(text, *args)

        def remembered_text(text: str, /) -> _R:
            return memo(text) if len(text) <= max_chars else read(text)

        # A reading of the text alone (a line's facts: asked of every line) is called without packing arguments,
        # which cost as much again as the memo's look-up; the choice changes no answer.
        code = getattr(read, "__code__", None)
        alone = code is not None and code.co_argcount == 1 and not code.co_flags & _VARARGS
        chosen: Callable[..., _R] = remembered_text if alone else remembered
        update_wrapper(chosen, read)  # its name, its docstring, and `__wrapped__` the reading itself
        vars(chosen).update(cache_info=memo.cache_info, cache_clear=memo.cache_clear)
        return chosen  # type: ignore[return-value]  # a function with the protocol's attributes, set above

    return decorate
