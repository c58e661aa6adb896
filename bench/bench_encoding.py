"""Benchmark decode_page against the lxml parse floor (not a test).

    .venv/bin/python bench/bench_encoding.py [--repeat 7] [--generated DIR]

Over ../shared/corpus/pages and ../shared/corpus/encoding (and a set made by bench/make_encoding_set.py, with
``--generated``), in one process: median milliseconds per page
for ``decode_page`` on pages whose declaration is right and on undeclared pages, and the ratio to
``lxml.html.document_fromstring(bytes)`` on the same pages. chardet's one-off import and model load is
paid before timing and reported on its own line. Targets: declared-and-right <= 0.3 ms, undeclared <= 6 ms.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TARGETS_MS = {"declared-and-right": 0.3, "undeclared": 6.0}


def _same_text(data: bytes, a: str, b: str) -> bool:
    def dec(codec: str) -> str | None:
        try:
            return data.decode(codecs.lookup(codec).name, errors="replace").lstrip("\ufeff")
        except LookupError:
            return None

    ta = dec(a)
    return ta is not None and ta == dec(b)


def _pages(generated: Path | None = None) -> list[tuple[str, Path, str]]:
    """(group, path, set) for every page: group is declared-and-right, declared-but-wrong or undeclared."""
    from govmeta.parsers.encoding.charsets import codec_for_label

    out: list[tuple[str, Path, str]] = []
    corpus = SHARED / "corpus"
    with open(corpus / "MANIFEST.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            path = corpus / row["page"]
            declared = row["declared_charset"].strip()
            actual = row["actual_encoding"].split()[0]
            out.append((_group(path.read_bytes(), declared, actual, codec_for_label), path, "pages"))
    sets = [(corpus / "encoding", "encoding")] + ([(generated, "generated")] if generated else [])
    for base, name in sets:
        with open(base / "truth.tsv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                path = base / row["path"]
                declared = row["declared"].split("(")[0].strip()
                group = _group(path.read_bytes(), declared, row["true_codec"], codec_for_label)
                out.append((group, path, name))
    return out


def _group(data: bytes, declared: str, actual: str, codec_for_label: Callable[[str], str | None]) -> str:
    if not declared or declared == "none":
        return "undeclared"
    codec = codec_for_label(declared)
    return "declared-and-right" if codec and _same_text(data, codec, actual) else "declared-but-wrong"


def _time(fn: Callable[[], object], repeat: int) -> float:
    best = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best.append(time.perf_counter() - t0)
    return statistics.median(best) * 1000.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=7, help="timed runs per page (median kept)")
    ap.add_argument("--generated", type=Path, help="also time a set made by bench/make_encoding_set.py")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"bench_encoding: {SHARED} not found")

    import lxml.html
    from lxml import etree

    t0 = time.perf_counter()
    import chardet

    chardet.detect("预热一下模型".encode("gb18030") * 4)
    chardet_ms = (time.perf_counter() - t0) * 1000.0

    from govmeta.parsers.encoding.decode import decode_page

    pages = _pages(args.generated)
    rows: list[tuple[str, str, float, float, str, str]] = []  # group, set, decode ms, lxml ms, source, step
    for group, path, where in pages:
        data = path.read_bytes()
        decoded = decode_page(data)

        def parse(data: bytes = data) -> None:
            with contextlib.suppress(etree.ParserError, ValueError):
                lxml.html.document_fromstring(data)

        ms = _time(lambda data=data: decode_page(data), args.repeat)
        rows.append((group, where, ms, _time(parse, args.repeat), decoded.source, decoded.step))

    print(f"chardet import + model load (once per process, excluded below): {chardet_ms:.1f} ms")
    print(f"{'group':34} {'pages':>5} {'median ms':>10} {'lxml ms':>8} {'ratio':>6}  target")

    def report(label: str, sel: list[tuple[str, str, float, float, str, str]], target: float | None) -> None:
        if not sel:
            return
        ms = statistics.median(r[2] for r in sel)
        floor = statistics.median(r[3] for r in sel)
        verdict = "" if target is None else f"<= {target} ms: {'ok' if ms <= target else 'MISSED'}"
        print(f"{label:34} {len(sel):5d} {ms:10.3f} {floor:8.3f} {ms / floor:6.2f}  {verdict}")

    for group in ("declared-and-right", "declared-but-wrong", "undeclared"):
        report(group, [r for r in rows if r[0] == group], TARGETS_MS.get(group))
        for where in ("pages", "encoding", "generated"):
            report(f"  corpus/{where}", [r for r in rows if r[0] == group and r[1] == where], None)
    detected = [r for r in rows if r[0] == "undeclared" and r[4] == "detected"]
    report("undeclared, content-detected", detected, None)
    for step in sorted({r[5] for r in rows}):
        report(f"  step {step}", [r for r in rows if r[5] == step], None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
