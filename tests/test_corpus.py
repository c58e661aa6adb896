"""The real saved pages of ../shared/corpus against their hand-checked gold.

Per page: a record (never an error record), the right encoding, and no disclosure block on pages that
have none. Over the corpus: every figure the scorer (../shared/tools/score.py) prints must stay at or above
its floor in corpus_floors.json, measured on the corpus whose digest is recorded there (tests/floors.py).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from govmeta.parsers import extract_record
from tests.floors import SETS, corpus_digest, measure, table_lines
from tests.paths import ROOT, SHARED, needs_shared

PAGES = SHARED / "corpus" / "pages"
GOLD = SHARED / "corpus" / "gold"
FLOORS = json.loads((Path(__file__).with_name("corpus_floors.json")).read_text(encoding="utf-8"))
NEGATIVE_KINDS = ("non-gov", "gov-news", "gov-list-page", "other")


def corpus_pages() -> list[Path]:
    return sorted(p for p in PAGES.rglob("*.html")) if PAGES.is_dir() else []


def manifest() -> dict[str, dict]:
    with open(SHARED / "corpus" / "MANIFEST.tsv", encoding="utf-8") as handle:
        return {row["page"].removeprefix("pages/"): row for row in csv.DictReader(handle, delimiter="\t")}


def same_text(data: bytes, codec_a: str, codec_b: str) -> bool:
    return data.decode(codec_a, "replace").lstrip("\ufeff") == data.decode(codec_b, "replace").lstrip("\ufeff")


@needs_shared
def test_the_corpus_is_there():
    assert len(corpus_pages()) == FLOORS["pages"]["files"]


@needs_shared
@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: str(p.relative_to(PAGES)))
def test_page_record(page: Path):
    rel = str(page.relative_to(PAGES))
    gold = json.loads((GOLD / (rel + ".json")).read_text(encoding="utf-8"))
    data = page.read_bytes()
    record = extract_record(data, str(page))
    assert "error" not in record
    actual = manifest()[rel]["actual_encoding"].split()[0]
    actual = {"utf-8": "utf-8", "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030"}.get(actual, actual)
    assert same_text(data, record["encoding"]["name"], actual)
    if not gold["fields"]:
        assert record["fields"] == []
        assert record["metadata"] == {}
    assert record["site"] == gold["site"]


@needs_shared
@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_stay_above_floors(name: str):
    pages, gold, _ = SETS[name]
    kept = FLOORS[name]
    if corpus_digest(pages, gold) != kept["digest"]:
        pytest.fail(f"the {name} corpus changed since its floors were measured: run `python3 -m tests.floors` to see "
                    "today's figures, then `python3 -m tests.floors --write` and say in the commit which floors moved")
    figures = measure(name)
    assert figures["summary.missing"] == 0
    assert figures["summary.errors"] == 0
    lines = table_lines(figures)
    assert set(lines) == set(kept["floors"]), "every line the scorer prints has a floor, and no other"
    below = {k: (v, kept["floors"][k]) for k, v in lines.items() if v < kept["floors"][k]}
    assert not below, f"below the floor (figure, floor): {below}"


@needs_shared
def test_json_and_csv_of_the_corpus_hold_the_same_records():
    def extract(fmt: str) -> str:
        done = subprocess.run([sys.executable, "-m", "govmeta.cli", "extract", "-q", "--format", fmt, str(PAGES)],
                              capture_output=True, check=False, cwd=ROOT)
        return done.stdout.decode("utf-8")

    lines = [json.loads(line) for line in extract("jsonl").splitlines()]
    assert len(lines) == len(corpus_pages())
    assert json.loads(extract("json")) == lines
    rows = list(csv.DictReader(io.StringIO(extract("csv"), newline="")))
    assert [row["path"] for row in rows] == [record["path"] for record in lines]
    for row, record in zip(rows, lines, strict=True):
        assert row["title"] == (record["title"] or "")
        assert row["paragraphs"] == "\n".join(record["paragraphs"])
        assert row["metadata.index_no"] == record["metadata"].get("index_no", "")
