"""Write every metamorphic variant of the corpus pages and fixtures into a folder, as files.

    python3 bench/variants.py OUTDIR

Each page of ../shared/corpus/pages and fixtures/ goes through each of bench/metamorphic.py's transformations
(re-encodings, Big5, re-serialisations, saved-from, MHTML, Word HTML, renamed classes, converter text dumps
where the converter is installed) and is written as ``NNN_<transformation>.html`` / ``.mht`` / ``.txt``.
Speed work uses it to show a change left records alone beyond the corpus: extract the folder with the build
before and the build after and compare byte for byte::

    govmeta extract OUTDIR -q > after.jsonl     # and the same with the earlier build > before.jsonl
    cmp before.jsonl after.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metamorphic

_EXTENSIONS = {"converter": ".txt"}


def page_paths() -> list[Path]:
    pages = sorted(p for p in metamorphic.SHARED_PAGES.rglob("*") if p.is_file())
    fixtures = sorted(p for p in metamorphic.FIXTURES.rglob("*") if p.suffix in (".html", ".htm"))
    return pages + fixtures


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    written = failed = 0
    for i, path in enumerate(page_paths()):
        page = metamorphic.load_page(path, path.name)
        for transformation in metamorphic.TRANSFORMATIONS:
            try:
                variant = transformation.make(page)
            except Exception as error:  # a converter's own failure: reported, the others go on
                print(f"{path.name}: {transformation.name} failed: {error}", file=sys.stderr)
                failed += 1
                continue
            if variant is None:
                continue
            suffix = ".mht" if transformation.name == "mhtml" else _EXTENSIONS.get(transformation.group, ".html")
            (out / f"{i:03d}_{transformation.name}{suffix}").write_bytes(variant.data)
            written += 1
    print(f"{written} variants written to {out}" + (f", {failed} transformations failed" if failed else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
