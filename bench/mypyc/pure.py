#!/usr/bin/env python3
"""Run a script with govmeta's parser modules imported from their ``.py`` sources, even where a mypyc build
left ``.so`` files beside them (the same tree, pure Python): the "before" side of the experiment.

    python3 bench/mypyc/pure.py SCRIPT [ARGS...]
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import runpy
import sys

_SOURCE_ONLY = [(importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)]


class SourceOnly(importlib.abc.MetaPathFinder):
    """Finds ``govmeta.parsers.*`` modules by their source files only (extension modules are not looked at)."""

    def find_spec(self, fullname, path, target=None):
        if not fullname.startswith("govmeta.parsers.") or not path:
            return None
        for entry in path:
            spec = importlib.machinery.FileFinder(entry, *_SOURCE_ONLY).find_spec(fullname)
            if spec is not None and spec.loader is not None:
                return spec
        return None


def install() -> None:
    sys.meta_path.insert(0, SourceOnly())


if __name__ == "__main__":
    install()
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
