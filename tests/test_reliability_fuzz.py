"""A short run of bench/fuzz.py's mutations (the long run is `python3 bench/fuzz.py`): mutated fixture pages,
broken gzip/ZIP/WARC/MHTML containers, odd names, FIFOs and links each give exactly one record or error
record through the runner, with no `internal` error and nothing escaping."""

from __future__ import annotations

import importlib.util

from tests.paths import FIXTURES, ROOT

_spec = importlib.util.spec_from_file_location("govmeta_fuzz", ROOT / "bench" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)


def test_a_few_hundred_mutations_give_one_record_each():
    tally = fuzz.fuzz(count=200, batch=100, seed=2026, minutes=None, quiet=True, seed_dirs=(FIXTURES,), heavy=0.03)
    assert tally.failures == []
    assert tally.types["internal"] == 0
    assert tally.inputs >= 180  # a few specials (a directory, a link loop) are not inputs
    assert tally.records + tally.errors >= tally.inputs
