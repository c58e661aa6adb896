"""Emit one JSON line per file of corpus/encoding/truth.tsv with decode_page's choice (for tools/score.py).

    python bench/score_encoding.py > /tmp/enc.jsonl
    python3 ../shared/tools/score.py encoding /tmp/enc.jsonl -v
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from govmeta.parsers.encoding.decode import decode_page

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    base = SHARED / "corpus" / "encoding"
    with open(base / "truth.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        path = base / row["path"]
        decoded = decode_page(path.read_bytes())
        rec = {"path": str(path), "encoding": decoded.info(), "warnings": list(decoded.warnings)}
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
