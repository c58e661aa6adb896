"""The one runner over fixtures/: every page against the expected record beside it (``<page>.json``).

An expected record lists the keys it checks. Keys starting with "_" are notes and switches:
``_mirrors`` (required) names the real layout the fixture copies, ``_notes`` explains, ``_options`` are
keyword arguments for ``extract_record``, ``_labels`` are label synonyms (as a ``--labels`` file holds them)
for its vocabulary, ``_warnings_contain`` is text one warning must hold.
``encoding`` is checked for the members it lists. An HTML fixture with a disclosure block also checks that
the block's longer values stay out of the paragraphs (a text dump may print its headline in both).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govmeta.parsers import Vocabulary, extract_record
from tests.paths import FIXTURES

PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".txt")
# A block value this long is article text if it shows up among the paragraphs.
BLOCK_VALUE_IN_BODY = 12


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
    assert expected.get("_mirrors"), "every fixture names the real layout it mirrors"
    options = dict(expected.get("_options", {}))
    if "_labels" in expected:
        options["vocabulary"] = Vocabulary.from_mapping(expected["_labels"])
    record = extract_record(page.read_bytes(), str(page), **options)
    for key, want in expected.items():
        if key.startswith("_"):
            continue
        if key == "encoding":
            assert {k: record["encoding"][k] for k in want} == want
        else:
            assert record[key] == want, key
    if "_warnings_contain" in expected:
        assert any(expected["_warnings_contain"] in w for w in record["warnings"]), record["warnings"]
    body = "\n".join(record["paragraphs"])
    for pair in expected.get("fields", []) if page.suffix != ".txt" else []:
        if len(pair["value"]) > BLOCK_VALUE_IN_BODY:
            assert pair["value"] not in body, pair


def test_every_kind_of_fixture_is_there():
    kinds = {page.relative_to(FIXTURES).parts[0] for page, _ in fixture_pairs()}
    assert {"articles", "blocks", "text", "sample", "seed"} <= kinds
