"""Every word list, label table, class-name list and threshold the readers use, as data: one module per
subject. Readers import the package (``from govmeta.parsers import rules``) and name the subject at the
point of use (``rules.article.SUBTITLE_LEAD``), so any rule can be found by grep.

A subject's module is loaded when first named (``rules.text`` compiles ~25 ms of patterns that an HTML page
never needs)."""

from __future__ import annotations

import importlib
from types import ModuleType

SUBJECTS = ("article", "block", "encoding", "hanzi", "headline", "site", "text", "words")
__all__ = list(SUBJECTS)


def __getattr__(name: str) -> ModuleType:
    if name in SUBJECTS:
        return importlib.import_module(f"{__name__}.{name}")  # (the import binds it here too)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
