"""Paths the tests share, and the marker for tests that need ../shared.

A test marked ``needs_shared`` skips where ../shared is absent (a user's clone), and FAILS there when
GOVMETA_REQUIRE_SHARED=1 is set (CI sets it: a corpus test must never skip to green). See conftest.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SAMPLE = FIXTURES / "sample" / "dongyanghu_disclosure.html"
SHARED = ROOT.parent / "shared"
HAVE_SHARED = (SHARED / "corpus").is_dir()
REQUIRE_SHARED = os.environ.get("GOVMETA_REQUIRE_SHARED") == "1"
needs_shared = pytest.mark.needs_shared


def gold_pages() -> list[tuple[Path, Path]]:
    """(page, gold record) pairs of the shared corpus; empty where ../shared is absent."""
    gold = SHARED / "corpus" / "gold"
    pages = SHARED / "corpus" / "pages"
    if not gold.is_dir():
        return []
    return sorted((pages / g.relative_to(gold).with_suffix(""), g) for g in gold.rglob("*.json"))
