"""govmeta against the lxml floor in instructions: a figure a busy machine does not move.

    python3 bench/instructions.py [PAGES_DIR] [--rounds N]

Runs this script three times under ``valgrind --tool=callgrind`` (which counts the instructions a process
retires, the same count whatever else the machine does): once doing nothing after the imports and a warm-up
extraction of every page (every pattern compiled, caches filled), once parsing every page with lxml (the floor,
as bench/benchmark.py times it), once extracting every page with the collector paused. The differences are the
floor's and govmeta's instructions; their ratio is comparable across runs and machines of one architecture,
where timed ratios swing with the load. Instructions flatter Python against C (libxml2 retires more of them per
cycle), so the timed ratio of bench/benchmark.py stays the figure the issue's targets are about.
Needs valgrind (Debian's package of that name). About 1 minute per 50 pages per round.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

MODES = ("imports", "floor", "govmeta")
_COLLECTED = re.compile(r"Collected : (\d+)")


def work(mode: str, pages: Path, rounds: int) -> None:
    """What one counted process does (run under valgrind by ``main``)."""
    import gc

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from benchmark import floor_input, govmeta_as_cli, lxml_floor, page_blobs

    blobs = page_blobs(pages)
    floors = [floor_input(data) for data in blobs]
    for data in blobs:
        govmeta_as_cli(data)
    gc.disable()
    for _ in range(rounds if mode != "imports" else 0):
        for data, utf8 in zip(blobs, floors, strict=True):
            if mode == "floor":
                lxml_floor(utf8)
            else:
                govmeta_as_cli(data)


def counted(mode: str, pages: Path, rounds: int) -> int:
    argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
            sys.executable, __file__, "--count", mode, str(pages), "--rounds", str(rounds)]
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    return int(_COLLECTED.findall(done.stderr)[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--count", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from benchmark import default_pages

    pages = args.pages or default_pages()
    if args.count:
        work(args.count, pages, args.rounds)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    imports, floor, ours = (counted(mode, pages, args.rounds) for mode in MODES)
    floor, ours = floor - imports, ours - imports
    print(f"instructions over {args.rounds} rounds of {pages}: lxml floor {floor / 1e9:.3f} G, "
          f"govmeta {ours / 1e9:.3f} G -> {ours / floor:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
