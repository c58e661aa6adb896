#!/usr/bin/env python3
"""Experiment (issue 13): pure Python against the mypyc build, page by page in turn.

    python3 bench/mypyc/ab.py [PAGES_DIR] [--rounds N]

Starts two worker processes on the same tree: one imports govmeta's parser modules from their ``.py``
sources (bench/mypyc/pure.py's finder), the other as Python finds them (the ``.so`` files where built). The
driver asks them in turn, page by page, each round, for one timing of the lxml floor and one of
``extract_record`` as the CLI runs it (collector paused); only one worker runs at a time, so both see the
same machine. Each side's ratio is its own extraction over its own floor; best of the rounds per page.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def worker(pure: bool, pages: list[str]) -> None:
    if pure:
        sys.path.insert(0, str(HERE))
        import pure as pure_finder

        pure_finder.install()
    import gc

    from benchmark import floor_input, govmeta_as_cli, lxml_floor, timed

    from govmeta.parsers import extract_record
    from govmeta.parsers.html import page_index

    blobs = [Path(p).read_bytes() for p in pages]
    floors = [floor_input(d) for d in blobs]
    for data in blobs:
        extract_record(data)  # warm-up: imports, caches
    gc.freeze()
    print(json.dumps({"page_index": page_index.__file__}), flush=True)
    for line in sys.stdin:
        i = int(line)
        print(json.dumps([timed(lxml_floor, floors[i]), timed(govmeta_as_cli, blobs[i])]), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="?", type=Path, default=HERE.parents[1].parent / "shared/corpus/pages")
    parser.add_argument("--rounds", type=int, default=3)
    if sys.argv[1:2] == ["--worker"]:
        worker(sys.argv[2] == "pure", sys.argv[3:])
        return 0
    args = parser.parse_args()
    folder = args.pages
    pages = sorted(str(p) for p in folder.rglob("*") if p.suffix in (".html", ".htm", ".shtml") and p.is_file())
    sides = {}
    for name in ("pure", "compiled"):
        proc = subprocess.Popen([sys.executable, __file__, "--worker", name, *pages], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        sides[name] = proc
        print(f"{name:9s} page_index from {json.loads(proc.stdout.readline())['page_index']}")
    best = {name: [[float("inf")] * 2 for _ in pages] for name in sides}
    for r in range(args.rounds):
        for i in range(len(pages)):
            order = ("pure", "compiled") if (i + r) % 2 == 0 else ("compiled", "pure")
            for name in order:
                proc = sides[name]
                proc.stdin.write(f"{i}\n")
                proc.stdin.flush()
                floor, ours = json.loads(proc.stdout.readline())
                cell = best[name][i]
                cell[0], cell[1] = min(cell[0], floor), min(cell[1], ours)
    for proc in sides.values():
        proc.stdin.close()
        proc.wait()
    print(f"{len(pages)} pages from {folder}, best of {args.rounds} per page, CPU time")
    totals = {}
    for name, cells in best.items():
        floor, ours = sum(c[0] for c in cells), sum(c[1] for c in cells)
        totals[name] = ours
        print(f"{name:9s} floor {floor * 1e3 / len(pages):8.2f} ms/page, extraction {ours * 1e3 / len(pages):8.2f} "
              f"ms/page -> {ours / floor:5.2f}x floor")
    pooled = sum(min(a[0], b[0]) for a, b in zip(best["pure"], best["compiled"], strict=True))
    print(f"compiled / pure extraction time: {totals['compiled'] / totals['pure']:.3f}; against the floor pooled "
          f"from both ({pooled * 1e3 / len(pages):.2f} ms/page): pure {totals['pure'] / pooled:.2f}x, "
          f"compiled {totals['compiled'] / pooled:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
