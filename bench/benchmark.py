#!/usr/bin/env python3
"""govmeta's speed and memory, as ratios to plain lxml parsing of the same pages, measured in one run.

    python3 bench/benchmark.py [PAGES_DIR] [--rounds N]

PAGES_DIR defaults to ../shared/corpus/pages, else fixtures/. Reports, per page and overall:
the floor `lxml.html.document_fromstring(bytes)`, govmeta's `extract_record(bytes)`, the ratio, the
records per second in one process and with a pool of 2, and peak traced memory of both.
Nothing here asserts: the numbers are for reading (and for the closing notes of a change).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from multiprocessing import get_context
from pathlib import Path

import lxml.html

from govmeta.parsers import extract_record

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = (ROOT.parent / "shared" / "corpus" / "pages", ROOT / "fixtures")
SUFFIXES = (".html", ".htm", ".shtml", ".txt")


def best_of(func, data: bytes, rounds: int) -> float:
    """The fastest of ``rounds`` calls, in seconds (the least disturbed by the machine)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        func(data)
        best = min(best, time.perf_counter() - start)
    return best


_RSS_CHILD = """
import sys
from pathlib import Path
if sys.argv[1] == "lxml":
    from lxml.html import document_fromstring as work
else:
    from govmeta.parsers import extract_record as work
for path in sys.argv[2:]:
    result = work(Path(path).read_bytes())
status = Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def peak_rss(which: str, pages: list[Path]) -> int:
    """Peak RSS (KB) of a fresh process that handles every page in turn (libxml2's memory included)."""
    done = subprocess.run([sys.executable, "-c", _RSS_CHILD, which, *map(str, pages)], capture_output=True,
                          text=True, check=True)
    return int(done.stdout.strip())


def _extract(data: bytes) -> dict:
    return extract_record(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    folder = args.pages or next(d for d in DEFAULT_DIRS if d.is_dir())
    pages = sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES)
    blobs = [p.read_bytes() for p in pages]
    extract_record(blobs[0])  # warm-up: imports, caches

    floor, ours, ratios = [], [], []
    print(f"{'page':60} {'KB':>6} {'lxml ms':>8} {'govmeta ms':>10} {'ratio':>6}")
    for page, data in zip(pages, blobs, strict=True):
        base = best_of(lxml.html.document_fromstring, data, args.rounds)
        mine = best_of(_extract, data, args.rounds)
        floor.append(base)
        ours.append(mine)
        ratios.append(mine / base)
        print(f"{str(page.relative_to(folder))[:60]:60} {len(data) / 1024:6.0f} {base * 1e3:8.2f} {mine * 1e3:10.2f} "
              f"{mine / base:6.2f}")

    print(f"\npages: {len(pages)} from {folder}")
    print(f"total: lxml {sum(floor) * 1e3:.1f} ms, govmeta {sum(ours) * 1e3:.1f} ms, "
          f"ratio of totals {sum(ours) / sum(floor):.2f}x, median page ratio {statistics.median(ratios):.2f}x, "
          f"worst {max(ratios):.2f}x")

    start = time.perf_counter()
    for data in blobs * 3:
        extract_record(data)
    one = len(blobs) * 3 / (time.perf_counter() - start)
    with get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_extract, blobs * 3, chunksize=8)
        two = len(blobs) * 3 / (time.perf_counter() - start)
    print(f"throughput: {one:.0f} pages/s in one process, {two:.0f} pages/s with 2 workers ({two / one:.2f}x)")

    base_rss = peak_rss("lxml", pages)
    our_rss = peak_rss("govmeta", pages)
    print(f"peak RSS of a fresh process over all pages: lxml {base_rss} KB, govmeta {our_rss} KB "
          f"({our_rss / max(base_rss, 1):.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
