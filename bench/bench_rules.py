"""What site rules cost when they select no page: the corpus extracted without rules and with a file of
50 rules for other domains (each with selectors), interleaved, in one process.

    python3 bench/bench_rules.py [PAGES_DIR]      (default ../shared/corpus/pages, else fixtures/)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from govmeta.parsers import SiteRules, extract_record

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 7


def main() -> None:
    default = ROOT.parent / "shared" / "corpus" / "pages"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else (default if default.is_dir() else ROOT / "fixtures")
    pages = [(str(p), p.read_bytes()) for p in sorted(folder.rglob("*.htm*"))]
    unrelated = SiteRules.from_mapping({"rule": [
        {"name": f"site-{i}", "domain": f"www.site{i}.example.org", "title": "css:div.title h1",
         "container": "//div[@id='content']", "labels": {"index_no": [f"编号{i}"]}}
        for i in range(50)
    ]})
    plain, ruled = [], []
    for _ in range(ROUNDS):
        for rules, times in ((None, plain), (unrelated, ruled)):
            start = time.perf_counter()
            for path, data in pages:
                extract_record(data, path, rules=rules)
            times.append(time.perf_counter() - start)
    a, b = statistics.median(plain), statistics.median(ruled)
    print(f"pages: {len(pages)} from {folder}; rounds: {ROUNDS} (median)")
    print(f"no rules:                       {a * 1000:8.1f} ms")
    print(f"50 rules selecting no page:     {b * 1000:8.1f} ms")
    print(f"ratio (rules / no rules):       {b / a:8.3f}")


if __name__ == "__main__":
    main()
