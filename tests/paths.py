"""Paths the tests share, and the marker for tests that need ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SAMPLE = FIXTURES / "sample" / "dongyanghu_disclosure.html"
SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared (the shared corpus) is absent")


def gold_pages() -> list[tuple[Path, Path]]:
    """(page, gold record) pairs of the shared corpus; empty where ../shared is absent."""
    gold = SHARED / "corpus" / "gold"
    pages = SHARED / "corpus" / "pages"
    if not gold.is_dir():
        return []
    return sorted((pages / g.relative_to(gold).with_suffix(""), g) for g in gold.rglob("*.json"))
