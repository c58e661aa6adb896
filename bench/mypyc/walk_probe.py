"""Experiment (issue 13): what compiling buys on a bare walk of the tree — the per-element lxml work that
every govmeta walk does (element proxies, ``tag``/``text``/``tail`` strings, a dict keyed by element).

    cp bench/mypyc/walk_probe.py /tmp/p/ && cd /tmp/p && mypyc --ignore-missing-imports walk_probe.py
    cp walk_probe.py walk_probe_py.py && python3 REPO/bench/mypyc/walk_probe_time.py PAGES_DIR   (from /tmp/p)
"""

from __future__ import annotations

from typing import Any


def walk(body: Any) -> int:
    """One visit of every element: parent, tag, text, tail read; position stored by element."""
    order: dict[Any, int] = {}
    n = 0
    chars = 0
    for el in body.iter():
        parent = el.getparent()
        tag = el.tag
        text = el.text
        tail = el.tail
        order[el] = n
        n += 1
        if parent is None or tag is None:
            chars += 1
        if text:
            chars += len(text)
        if tail:
            chars += len(tail)
    return n + chars


def count_only(body: Any) -> int:
    """The loop alone: how many elements (proxies created, nothing read)."""
    n = 0
    for _el in body.iter():
        n += 1
    return n

