#!/usr/bin/env python3
"""Where one extraction's time goes, stage by stage, as shares of the whole and ratios to the lxml floor.

    python3 bench/profile_stages.py [PAGES_DIR] [--rounds N]

Wraps the stage functions where their callers look them up (module globals) with CPU-time counters, runs
every page ``rounds`` times (collector paused per page, as the CLI runs), and prints inclusive times: a
stage's line includes the stages indented under it. cProfile would hide the time spent inside lxml's C calls
and inflate small Python calls; this measures only the named stages. The lxml floor is timed page by page beside
the extraction (a shared machine's speed drifts). Nothing is changed outside this process.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections import defaultdict
from pathlib import Path

from govmeta.cli.runner import gc_paused
from govmeta.parsers import extract_record, record
from govmeta.parsers.html import article, block, headline, reader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark import DEFAULT_DIRS, SUFFIXES, floor_input, lxml_floor

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)

# (label, depth, [(module, name), ...]): the stages, in the order a page goes through them.
STAGES = [
    ("validate (bytes, text)", 0, [(record, "check_page_bytes"), (record, "check_page_text")]),
    ("decode", 0, [(record, "decode_page")]),
    ("read_html", 0, [(record, "read_html")]),
    ("parse", 1, [(reader, "parse_page")]),
    ("meta tags, page url", 1, [(reader, "read_meta_tags"), (reader, "canonical_url"), (reader, "archive_url")]),
    ("drop_non_content (hidden check)", 1, [(reader, "drop_non_content")]),
    ("read_block", 1, [(reader, "read_block")]),
    ("read_segments", 2, [(block, "read_segments")]),
    ("read_article", 1, [(reader, "read_article")]),
    ("index_page", 2, [(article, "index_page")]),
    ("container choice", 2, [(article, "container_scores"), (article, "find_container")]),
    ("headline refs, site names", 2, [(article, "references"), (article, "site_names")]),
    ("read_headline", 2, [(article, "read_headline")]),
    ("headline _candidates", 3, [(headline, "_candidates")]),
    ("headline _match", 3, [(headline, "_match")]),
    ("breadcrumb", 2, [(article, "read_breadcrumb")]),
    ("serialise (paragraphs)", 2, [(article, "serialise")]),
    ("clean_lines", 2, [(article, "clean_lines")]),
    ("attachments", 2, [(article, "read_attachments")]),
    ("metadata, cross-check", 1, [(reader, "with_metadata"), (reader, "cross_check")]),
    ("site rules finish", 0, [(record, "finish")]),
]


def _timed(label: str, func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        CALLS[label] += 1
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - start
    return wrapper


def _interleaved(blobs: list[bytes], floors: list[bytes], rounds: int) -> tuple[float, float]:
    """CPU time of the lxml floor and of extraction, page by page in turn (a shared machine's speed drifts
    over a run: timed apart, the two would see different machines)."""
    floor = spent = 0.0
    for _ in range(rounds):
        for data, utf8 in zip(blobs, floors, strict=True):
            start = time.process_time()
            lxml_floor(utf8)
            middle = time.process_time()
            with gc_paused():
                extract_record(data)
            floor += middle - start
            spent += time.process_time() - middle
    return floor, spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = args.pages or next(d for d in DEFAULT_DIRS if d.is_dir())
    blobs = [p.read_bytes() for p in sorted(folder.rglob("*")) if p.suffix in SUFFIXES and p.is_file()]
    floors = [floor_input(d) for d in blobs]
    for data in blobs:
        extract_record(data)
    gc.freeze()

    floor, bare = _interleaved(blobs, floors, args.rounds)
    for label, _, targets in STAGES:
        for module, name in targets:
            setattr(module, name, _timed(label, getattr(module, name)))
    floor_wrapped, total = _interleaved(blobs, floors, args.rounds)

    pages = len(blobs) * args.rounds
    print(f"{len(blobs)} pages x {args.rounds} rounds from {folder}; CPU time; lines include the lines under them")
    print(f"lxml floor {floor / pages * 1e3:.2f} ms/page; extraction {bare / pages * 1e3:.2f} ms/page unwrapped "
          f"({bare / floor:.2f}x floor), {total / pages * 1e3:.2f} ms/page wrapped "
          f"({total / floor_wrapped:.2f}x its floor, {floor_wrapped / pages * 1e3:.2f} ms/page)")
    floor = floor_wrapped  # the stages' ratios: to the floor timed beside them
    print(f"{'stage':<40} {'ms/page':>8} {'share':>6} {'x floor':>8} {'calls/page':>10}")
    for label, depth, _ in STAGES:
        spent = SPENT[label]
        print(f"{'  ' * depth + label:<40} {spent / pages * 1e3:8.2f} {spent / total:6.1%} {spent / floor:8.2f} "
              f"{CALLS[label] / pages:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
