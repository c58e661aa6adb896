"""Hostile text dumps take linear time: a line of many ``![`` (or ``[``, or one ``[`` before a long word)
cost the markup stripping quadratic time (100,000 ``![``: over a minute); many labels and article lines, or
tab-separated rows, cost the block reader quadratic or cubic time. The work is measured as the
growth of process time from N to 4N repeats within one run (best of several): linear work grows about 4x,
quadratic 16x; the bound (10x) sits between them."""

from __future__ import annotations

import pytest

from govmeta.parsers import extract_record
from govmeta.parsers.text.markup import unmark
from tests.hostile_text import CASES, best_time, seconds

# Dumps that were super-linear before, read whole (N repeats; the growth is measured to 4N): markup stripping
# (![, [, one [ before a long word), header-row tables walked from every row (cubic), a wide line of column
# cells whose next line's pieces were each searched for among the cells (w3m columns); and one that would be
# (a wide line of label cells whose tails and values w3m wrapped onto the next line: each cell's end looked up),
# a wide heading row over a row of values w3m wrapped (a token's label span looked up), a column of many labels
# over fewer values (placed for a few labels only).
# (Labels x article lines, lines:info_block_mix and line:info_values, shows only at sizes too slow for a test:
# tests/hostile_text.py 2000.)
WHOLE_READ = {"line:image_open": 4000, "line:bracket": 4000, "line:bracket_word": 2000,
              "opened:bracket_word": 8000, "opened:bracket_words": 8000, "tab_rows": 250, "columns_wide": 1000,
              "label_tails_wide": 1000, "label_row_wrapped": 1000,
              "label_column_long": 1000,
              "first_line:spaces": 4000, "first_line:words": 2000,
              # page-chrome rules: each scans a piece's line (side columns) or the pieces above the body once
              "line:wide_gaps": 2000, "lines:side_menu": 1000, "lines:right_column": 1000, "lines:stamp": 500}
GROWTH_BOUND = 10


def _growth(measure, small: str, large: str, repeats: int = 3) -> float:
    first, second = measure(small, repeats), measure(large, repeats)
    return second / max(first, 1e-6)


def _unmark_seconds(text: str, repeats: int) -> float:
    lines = text.splitlines()
    return best_time(lambda: unmark(lines), repeats)


@pytest.mark.parametrize("name", sorted(WHOLE_READ))
def test_a_hostile_dump_is_read_in_linear_time(name):
    make, n = CASES[name], WHOLE_READ[name]
    assert _growth(seconds, make(n), make(4 * n)) < GROWTH_BOUND


def test_every_hostile_line_loses_its_markup_in_linear_time():
    slow = {}
    for name, make in CASES.items():
        if name.startswith(("line:", "opened:")):
            growth = _growth(_unmark_seconds, make(2000), make(8000))
            if growth >= GROWTH_BOUND:  # measured again before it counts: one noisy sample is no finding
                growth = min(growth, _growth(_unmark_seconds, make(2000), make(8000), repeats=5))
            if growth >= GROWTH_BOUND:
                slow[name] = round(growth, 1)
    assert not slow


def test_a_hostile_dump_gives_a_record():
    for name, make in CASES.items():
        record = extract_record(make(50).encode(), "page.txt")
        assert isinstance(record, dict), name
