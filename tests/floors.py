"""Score floors on the shared corpus: measure every line the scorer prints, and re-set the floors openly.

    python3 -m tests.floors            # print today's figures beside the floors
    python3 -m tests.floors --write    # write today's figures as the floors (see below)

A floor records the digest of the corpus it was measured on. On the same corpus, ``--write`` only raises
floors: a lower figure is a regression to fix, not a floor to move. When the corpus changed (new digest),
``--write`` re-sets every floor to what the new corpus measures and prints the ones that went down, so the
commit can say so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.paths import ROOT, SHARED

FLOORS_FILE = Path(__file__).with_name("corpus_floors.json")
CORPUS = SHARED / "corpus"
# The corpus sets the floors are kept for: (pages, gold, scorer arguments).
SETS = {
    "pages": (CORPUS / "pages", CORPUS / "gold", ()),
    "text": (CORPUS / "text", CORPUS / "gold-text",
             ("--gold", str(CORPUS / "gold-text"), "--root", str(CORPUS / "text"))),
}
# A scorer table line: the name (words, dots, a bracketed note) then the score.
_LINE = re.compile(r"^(?P<name>[a-z_.]+(?: \([^)]*\))?)\s+(?P<score>\d\.\d{3})\s")
# The lowest page's body figure, printed in the paragraphs line's detail.
_BODY_MIN = re.compile(r"over \d+ pages; min (\d\.\d{3})")
# Short names for the scorer's long lines.
_SHORT = {"metadata (canonical)": "metadata", "fields (label/value pairs)": "pairs",
          "attachments (names)": "attachments", "paragraphs (bigram F1 mean)": "body"}


def corpus_digest(pages: Path, gold: Path) -> str:
    """sha256 over every page and gold file (relative path and bytes), in path order."""
    digest = hashlib.sha256()
    for root in (pages, gold):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(CORPUS)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def measure(name: str) -> dict[str, float]:
    """Every figure score.py prints for one set (the summary counts included), from a real CLI run."""
    pages, _, extra = SETS[name]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "records.jsonl"
        with open(out, "wb") as handle:
            subprocess.run([sys.executable, "-m", "govmeta.cli", "extract", "-q", str(pages)], stdout=handle,
                           check=False, cwd=ROOT)
        done = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "pages", str(out), *extra],
                              capture_output=True, text=True, check=True)
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        if line.startswith("summary "):
            figures.update({f"summary.{k}": float(v) for k, v in (i.split("=") for i in line.split()[1:])})
        elif match := _LINE.match(line):
            figures[_SHORT.get(match["name"], match["name"])] = float(match["score"])
            if lowest := _BODY_MIN.search(line):
                figures["body_min"] = float(lowest[1])
    return figures


def table_lines(figures: dict[str, float]) -> dict[str, float]:
    """The scored lines (the summary's counts are checked separately)."""
    return {k: v for k, v in figures.items() if not k.startswith("summary.")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="write today's figures as the floors")
    args = parser.parse_args()
    floors = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    status = 0
    for name, (pages, gold, _) in SETS.items():
        digest = corpus_digest(pages, gold)
        figures = table_lines(measure(name))
        kept = floors.get(name, {})
        same_corpus = kept.get("digest") == digest
        print(f"{name}: corpus {digest[:16]} ({'same as' if same_corpus else 'NOT'} the floors' corpus)")
        for line, value in figures.items():
            floor = kept.get("floors", {}).get(line)
            mark = "" if floor is None or value >= floor else "  BELOW"
            print(f"  {line:22} {value:.3f}  floor {floor if floor is not None else '-'}{mark}")
            if mark and same_corpus and args.write:
                print(f"  refusing to lower {line} on the same corpus: fix the regression instead")
                status = 1
        if args.write and status == 0:
            lowered = {k: (kept.get("floors", {}).get(k), v) for k, v in figures.items()
                       if kept.get("floors", {}).get(k) is not None and v < kept["floors"][k]}
            old_floors = kept.get("floors", {}) if same_corpus else {}
            merged = {k: max(v, old_floors.get(k, 0.0)) for k, v in figures.items()}
            floors[name] = {"digest": digest, "files": sum(1 for p in pages.rglob("*") if p.is_file()),
                            "floors": merged}
            for line, (old, new) in lowered.items():
                print(f"  re-set on the new corpus: {line} {old} -> {new}")
    if args.write and status == 0:
        floors["_how"] = "written by python3 -m tests.floors --write; see tests/floors.py"
        FLOORS_FILE.write_text(json.dumps(floors, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {FLOORS_FILE.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
