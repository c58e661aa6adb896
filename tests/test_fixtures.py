"""Every page in fixtures/ against the expected record beside it (``<page>.json``).

An expected record lists the keys it checks; keys starting with "_" are notes (``_mirrors`` names the real
layout a fixture copies). ``encoding`` is checked for the members it lists.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govmeta.parsers import extract_record
from tests.paths import FIXTURES

PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".txt")


def fixture_pairs() -> list[tuple[Path, Path]]:
    pairs = []
    for page in sorted(FIXTURES.rglob("*")):
        expected = page.with_name(page.name.rsplit(".", 1)[0] + ".json")
        if page.suffix in PAGE_SUFFIXES and expected.is_file():
            pairs.append((page, expected))
    return pairs


@pytest.mark.parametrize(("page", "expected_file"), fixture_pairs(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_gives_expected_record(page: Path, expected_file: Path):
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    options = expected.get("_options", {})
    record = extract_record(page.read_bytes(), str(page), **options)
    for key, want in expected.items():
        if key.startswith("_"):
            continue
        if key == "encoding":
            assert {k: record["encoding"][k] for k in want} == want
        else:
            assert record[key] == want, key


def test_fixtures_exist():
    assert len(fixture_pairs()) >= 1
