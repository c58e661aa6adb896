"""A short run of bench/fuzz.py's mutations (the long run is `python3 bench/fuzz.py`): mutated fixture pages,
broken gzip/ZIP/WARC/MHTML containers, odd names, FIFOs and links each give exactly one record or error
record through the runner, with no `internal` error and nothing escaping."""

from __future__ import annotations

import importlib.util

import pytest

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


def test_a_long_line_of_column_cells_reads_in_linear_time():
    """A dump line holding thousands of ``label:`` cells (a converter's column layout gone wrong) once cost
    quadratic time measuring each cell's column; it is read in one pass now (found by bench/fuzz.py)."""
    import time

    from govmeta.parsers import extract_record

    labels = ("索引号", "发文机关", "成文日期", "主题分类")
    line = "   ".join(f"{labels[i % 4]}: 值{i}" for i in range(6000))
    text = ("标题: 关于某事的通知\n" + line + "\n" + "续行 " * 2000 + "\n").encode("utf-8")
    started = time.process_time()
    record = extract_record(text, "long_columns.txt")
    assert time.process_time() - started < 10  # quadratic: about 40 s; linear: under 1 s
    assert record["path"] == "long_columns.txt"


def test_a_line_of_100000_spaces_is_no_table_border_check_in_quadratic_time():
    """A dump line of 100,000 spaces and U+3000 once took over 60 s in the table-border pattern (its leading
    whitespace was given back one character at a time to two look-aheads; found by bench/fuzz.py)."""
    import time

    from govmeta.parsers import extract_record

    text = ("标题: 关于某事的通知\n发布时间: 2023-04-12\n" + " \u3000" * 50000 + "\n正文一段。\n").encode("utf-8")
    started = time.process_time()
    record = extract_record(text, "wide_blank.txt")
    assert time.process_time() - started < 10  # quadratic: over 60 s; now well under 1 s
    assert record["path"] == "wide_blank.txt"


def _distinct_pairs(n: int) -> bytes:
    rows = "".join(f"<p>发布机构：某县第{i}局</p><p>关键词：词{i}</p>" for i in range(n))
    return f"<html><body><h1>文件库</h1><p>成文日期：2024-03-01</p>{rows}</body></html>".encode()


def _one_line_of_labels(n: int) -> bytes:
    spans = "".join(f"<span>来源：某{i}</span><span>阅读 {i}</span>" for i in range(n))
    return f"<html><body><h1>关于测试的通知</h1>{spans}</body></html>".encode()


def _list_of_label_pairs(n: int) -> bytes:
    rows = "".join(f"<p>发布机构：某局{i}</p><p>发布日期：2024-01-01</p>" for i in range(n))
    return f"<html><body><h1>关于测试的通知</h1><p>{rows}</p></body></html>".encode()


@pytest.mark.parametrize(
    ("page", "n"), [(_distinct_pairs, 1000), (_one_line_of_labels, 1000), (_list_of_label_pairs, 250)],
    ids=["distinct_pairs", "one_line_of_labels", "list_of_label_pairs"],
)
def test_hostile_pages_of_many_labels_read_in_linear_time(page, n):
    """Pages bench/fuzz.py found slow: one known label then thousands of pairs of another with distinct values
    (the pairs seen so far were gathered again for every pair while looking for a second copy of the block: 3 s
    at 124 KB), and one displayed line of thousands of labelled spans (each label's owner found by walking the
    line's pieces from its start), and a list of thousands of the same two labels (each run of them read again over
the whole box while looking for a block by its shape). Growth from N to 4N within one run: linear about 4x,
quadratic 16x."""
    from govmeta.parsers import extract_record
    from tests.hostile_text import best_time

    small, large = page(n), page(4 * n)
    growth = best_time(lambda: extract_record(large), 2) / max(best_time(lambda: extract_record(small), 2), 1e-6)
    assert growth < 10, growth
