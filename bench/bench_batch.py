"""Batch benchmarks: a rerun over unchanged pages vs the full run, and --db write cost vs JSON Lines.

    python bench/bench_batch.py [--pages 20000] [--write-pages 2000] [--source DIR]

Builds a temporary folder of PAGES pages by copying the saved pages of SOURCE (default ../shared/corpus/pages,
else fixtures/) round-robin, 500 to a sub-folder, then times with the installed ``govmeta``:

1. ``extract DIR --db`` on the fresh folder (full run) and again (rerun: every page unchanged, only hashed).
   Target: rerun <= 5% of the full run.
2. On the first WRITE_PAGES pages, ``extract -o out.jsonl`` and ``extract --db out.sqlite`` (fresh database),
   alternated twice, best of each. Target: --db <= 1.3x JSON Lines.

Both wall and CPU time (of the govmeta process) are printed; on a shared machine CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = (ROOT.parent / "shared" / "corpus" / "pages", ROOT / "fixtures")
PAGE_SUFFIXES = (".html", ".htm", ".shtml")
PER_FOLDER = 500


def source_pages(source: Path) -> list[Path]:
    return sorted(p for p in source.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


def build(pages: list[Path], count: int, into: Path) -> Path:
    """COUNT copies of PAGES under INTO/pages/NNN/, named so each keeps its suffix."""
    root = into / "pages"
    for n in range(count):
        page = pages[n % len(pages)]
        folder = root / f"{n // PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, folder / f"{n:05d}-{page.name}")
    return root


def timed(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``govmeta extract`` run; CPU time is steadier on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(["govmeta", "extract", *args, "-q"], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"govmeta failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--write-pages", type=int, default=2000)
    parser.add_argument("--source", type=Path)
    args = parser.parse_args()
    source = args.source or next(s for s in DEFAULT_SOURCES if s.is_dir())
    pages = source_pages(source)
    with tempfile.TemporaryDirectory(prefix="govmeta-bench-") as tmp:
        work = Path(tmp)
        folder = build(pages, args.pages, work)
        print(f"{args.pages} pages (copies of {len(pages)} pages from {source})")

        db = str(work / "full.sqlite")
        (full, full_cpu), (rerun, rerun_cpu) = timed([str(folder), "--db", db]), timed([str(folder), "--db", db])
        print(f"full run --db:        {full:8.2f} s wall {full_cpu:8.2f} s CPU  "
              f"({full_cpu / args.pages * 1000:.2f} ms/page)")
        print(f"rerun, all unchanged: {rerun:8.2f} s wall {rerun_cpu:8.2f} s CPU  "
              f"({rerun / full:.1%} of the full run's wall time, {rerun_cpu / full_cpu:.1%} of its CPU; target <= 5%)")

        small = work / "small"
        small.mkdir()
        for page in sorted(p for p in folder.rglob("*") if p.is_file())[:args.write_pages]:
            shutil.copyfile(page, small / page.name)
        jsonl, sqlite = [], []
        for attempt in range(2):
            jsonl.append(timed([str(small), "-o", str(work / f"out{attempt}.jsonl")]))
            sqlite.append(timed([str(small), "--db", str(work / f"out{attempt}.sqlite")]))
        n = args.write_pages
        for name, runs in (("JSON Lines", jsonl), ("--db      ", sqlite)):
            wall, cpu = min(w for w, _ in runs), min(c for _, c in runs)
            print(f"{name} ({n} pages): {wall:7.2f} s wall {cpu:7.2f} s CPU ({cpu / n * 1000:.2f} ms/page CPU)  "
                  f"runs {[(round(w, 2), round(c, 2)) for w, c in runs]}")
        wall_ratio = min(w for w, _ in sqlite) / min(w for w, _ in jsonl)
        cpu_ratio = min(c for _, c in sqlite) / min(c for _, c in jsonl)
        print(f"--db / JSON Lines: {wall_ratio:.3f}x wall, {cpu_ratio:.3f}x CPU (target <= 1.3x)")

if __name__ == "__main__":
    main()
