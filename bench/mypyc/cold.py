#!/usr/bin/env python3
"""Experiment (issue 13): cold start of ``govmeta extract PAGE``, pure Python against the mypyc build, in turn.

    python3 bench/mypyc/cold.py [PAGE] [--runs N]

Runs, in turn N times: ``python -c "import lxml.html"`` (the floor), the CLI with the built ``.so`` files
moved aside (pure Python: the same start-up as without a build), and the CLI with them in place. Median wall and
CPU. (The ``.so`` files are moved to a temporary folder and back for every pure run.)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# A user's shell: bytecode caches read and written (as bench/benchmark.py's cold part).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(argv: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.DEVNULL, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
    assert status == 0, argv
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def built(repo: Path) -> list[Path]:
    return sorted(p.relative_to(repo) for p in (repo / "parsers").rglob("*.so"))


def aside(repo: Path, stash: Path, files: list[Path], back: bool) -> None:
    for rel in files:
        src, dst = (stash / rel, repo / rel) if back else (repo / rel, stash / rel)
        dst.parent.mkdir(parents=True, exist_ok=True)
        src.rename(dst)


def main() -> int:
    parser = argparse.ArgumentParser()
    default = sorted((HERE.parents[1].parent / "shared/corpus/pages").rglob("*.html"))[0]
    parser.add_argument("page", nargs="?", type=Path, default=default)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    cli = shutil.which("govmeta") or str(Path(sys.executable).with_name("govmeta"))
    sides = {
        "import lxml.html": [sys.executable, "-c", "import lxml.html"],
        "govmeta, pure": [sys.executable, cli, "extract", str(args.page)],
        "govmeta, compiled": [sys.executable, cli, "extract", str(args.page)],
    }
    repo = HERE.parents[1]
    stash = Path(tempfile.gettempdir()) / f"govmeta-{repo.name}-so-aside"
    files = built(repo)
    assert files, "no .so files: build first (bench/mypyc/build.sh)"

    def run(name: str, argv: list[str]) -> tuple[float, float]:
        if name != "govmeta, pure":
            return once(argv)
        aside(repo, stash, files, back=False)
        try:
            return once(argv)
        finally:
            aside(repo, stash, files, back=True)

    for name, argv in sides.items():
        run(name, argv)  # bytecode caches written
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for _ in range(args.runs):
        for name, argv in sides.items():
            times[name].append(run(name, argv))
    floor = statistics.median(w for w, _ in times["import lxml.html"])
    floor_cpu = statistics.median(c for _, c in times["import lxml.html"])
    for name, runs in times.items():
        wall, cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
        print(f"{name:20s} {wall * 1e3:6.0f} ms wall, {cpu * 1e3:5.0f} ms CPU -> {wall / floor:.2f}x wall, "
              f"{cpu / floor_cpu:.2f}x CPU (median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
