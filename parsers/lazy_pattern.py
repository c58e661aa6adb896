"""Regular expressions compiled on first use.

Compiling the readers' patterns at import cost about as much as a page's whole extraction (a Han range
such as ``[\\u4e00-\\u9fff]`` alone takes ~1 ms in ``re``'s compiler), and a page asks for only some of them.
A module-level pattern is written ``NAME = lazy_compile(source, flags)``: it is compiled the first time one of
its attributes is read, and the compiled pattern's methods are kept on it, so later calls cost the same as
calls of a pattern compiled at import (design/performance.md, start-up).
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast


class LazyPattern:
    """Stands for ``re.compile(source, flags)`` until an attribute (``search``, ``sub``, ``pattern`` ...) is read."""

    def __init__(self, source: str | bytes, flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends ask for protocol methods: not a use of the pattern
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(self._source, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value  # found directly from now on, without this method
        return value

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str | bytes, int]]:
        return LazyPattern, (self._source, self._flags)  # pickled as its source: workers compile their own

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


def lazy_compile(source: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """A pattern that compiles ``source`` with ``flags`` when it is first used."""
    return cast("re.Pattern[AnyStr]", LazyPattern(source, int(flags)))
