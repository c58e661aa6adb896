"""The headline reader's shortcuts give the answers of the work they skip."""

from __future__ import annotations

import random

from govmeta.parsers import rules
from govmeta.parsers.html.document import drop_non_content, parse_html
from govmeta.parsers.html.headline import _match, _may_match, _near_top, key
from govmeta.parsers.html.page_index import index_page
from govmeta.parsers.html.tree import first_descendant
from tests.paths import FIXTURES

# Characters a title and a page line share: CJK, ASCII, their full-width forms, brackets and spaces.
_ALPHABET = list("关于印发通知的年度工作ABCab12（）()：: \u3000\u00a0\t\nＡＢａｂ１２。，")


def test_may_match_never_drops_a_text_a_reference_matches():
    rnd = random.Random(13)
    checked = rejected = 0
    for _ in range(30000):
        refs = [(key("".join(rnd.choices(_ALPHABET, k=rnd.randint(1, 12)))), rnd.choice((1.0, 0.6))) for _ in range(3)]
        refs = [(ref, weight) for ref, weight in refs if ref]
        text = "".join(rnd.choices(_ALPHABET, k=rnd.randint(1, 20)))
        if not refs or len(key(text)) < 4:
            continue
        checked += 1
        if not _may_match(refs)(text):
            rejected += 1
            assert _match(key(text), refs) == 0.0, (text, refs)
    assert checked > 10000 and rejected > 1000  # the test saw both answers


def test_may_match_reads_full_width_and_spaced_text():
    may = _may_match([(key("关于Ａ类项目的通知"), 1.0)])
    assert may(" 关于 A 类项目 ")  # inside the reference, spaced, half-width
    assert may("转发关于Ａ类项目的通知。")  # holding it
    assert not may("今年的工作取得了成效。")


def _index(html: str):
    root = parse_html(html)
    drop_non_content(root)
    return index_page(root, [])


def test_near_top_agrees_with_line_ranks():
    pages = sorted((FIXTURES / "articles").glob("*.html"))[:40]
    assert pages
    rnd = random.Random(7)
    for page in pages:
        index = _index(page.read_bytes().decode("utf-8", "replace"))
        size = len(index.runs)
        pairs = [(rnd.randint(-1, size + 1), rnd.randint(-1, size + 1)) for _ in range(60)]
        pairs += [(top, top + step) for top in range(0, size, 7) for step in (0, 1, 2, 3, 5)]
        counted = [_near_top(index, top, position) for top, position in pairs]
        assert "line_rank" not in index.memo  # counted without building the ranks
        most = rules.headline.TOP_LINES
        ranked = [index.line_rank(position) - index.line_rank(top) <= most for top, position in pairs]
        assert counted == ranked, page.name


def test_first_title_is_the_first_title_element_in_document_order():
    pages = [
        "<html><head><meta charset='utf-8'><title>甲</title></head><body><title>乙</title></body></html>",
        "<html><head></head><body><div><title>乙</title></div><title>丙</title></body></html>",
        "<html><body><p>无标题</p></body></html>",
        "<html><!-- c --><head><title>甲</title></head></html>",
    ]
    for page in pages:
        root = parse_html(page)
        assert first_descendant(root, "title") is root.find(".//title")
        assert first_descendant(root, "p") is root.find(".//p")
