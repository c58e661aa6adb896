#!/usr/bin/env python3
"""Times walk_probe's functions compiled (walk_probe, the mypyc build) and pure (walk_probe_py, its copy), in
turn, on every corpus page's tree; run from the folder holding both (see walk_probe.py)."""

from __future__ import annotations

import sys


def main(folder: str) -> None:
    import gc
    import time
    from pathlib import Path

    import lxml.html
    import walk_probe
    import walk_probe_py

    from govmeta.parsers.encoding.decode import decode_page

    trees = []
    for p in sorted(Path(folder).rglob("*.htm*")):
        trees.append(lxml.html.document_fromstring(decode_page(p.read_bytes()).text.encode("utf-8", "surrogatepass"),
                                                   parser=lxml.html.HTMLParser(encoding="utf-8")))
    print("compiled module:", walk_probe.__file__)
    best: dict[str, float] = {}
    gc.disable()
    for _ in range(7):
        for name, mod in (("pure", walk_probe_py), ("compiled", walk_probe)):
            for fn in ("walk", "count_only"):
                start = time.process_time()
                for tree in trees:
                    getattr(mod, fn)(tree)
                spent = (time.process_time() - start) / len(trees)
                key = f"{fn} {name}"
                best[key] = min(best.get(key, spent), spent)
    for key, spent in best.items():
        print(f"{key:20s} {spent * 1e3:6.3f} ms/page")



if __name__ == "__main__":
    sys.path.insert(0, ".")
    main(sys.argv[1])
