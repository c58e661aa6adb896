"""The body's paragraphs read in one walk of the tree: marks, left-out boxes, floats, preformatted text."""

from __future__ import annotations

import pytest

from govmeta.parsers.hanzi import fold, folding_to
from govmeta.parsers.html.document import drop_non_content, parse_html
from govmeta.parsers.html.page_index import index_page
from govmeta.parsers.html.paragraphs import is_related_line, is_widget_line, serialise


def _paragraphs(body: str, skip_id: str | None = None, after: int = 0) -> list[str]:
    root = parse_html(f"<html><body>{body}</body></html>")
    drop_non_content(root)
    index = index_page(root, [])
    skip = {root.find(f".//*[@id='{skip_id}']")} if skip_id else set()
    return serialise(root.find(".//div[@id='c']"), index, skip, after)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A paragraph the parser closed at an empty floated table goes on after it.
        ('<div id="c"><p>金额为5<table align="left"><tr><td><img src="x.png"></td></tr></table>00万元。 </p>'
         "<p>下一段。</p></div>", ["金额为500万元。", "下一段。"]),
        # A widget box is left out, its tail stays as a paragraph of its own.
        ('<div id="c"><p>第一段。</p><div class="share">分享到：微信</div>尾随的文字<p>第二段。</p></div>',
         ["第一段。", "尾随的文字", "第二段。"]),
        # Preformatted lines, <br> lines, and an empty floated box that breaks no line.
        ('<div id="c"><pre>第一行\n第二行\r\n第三行</pre><p>后文<br>换行</p>'
         '<div style="float:left"><img src="a.png"></div>图后文字</div>',
         ["第一行", "第二行", "第三行", "后文", "换行图后文字"]),
        # A data table's rows are paragraphs, its cells spaced; a list of links is left out.
        ('<div id="c"><table border="1"><tr><td>名称</td><td>数量</td></tr><tr><td>甲</td><td>1</td></tr></table>'
         '<ul><li><a href="/1">相关一</a></li><li><a href="/2">相关二</a></li><li><a href="/3">相关三</a></li></ul>'
         "<p>末段。</p></div>", ["名称 数量", "甲 1", "末段。"]),
    ],
)
def test_paragraphs_of_a_body(body: str, expected: list[str]):
    assert _paragraphs(body) == expected


def test_left_out_elements_keep_their_tails_in_place():
    body = '<div id="c"><h1 id="h">标题</h1>导语<p>第一段。</p><p>第二段<span id="s">（略）</span>。</p></div>'
    assert _paragraphs(body, skip_id="h") == ["导语", "第一段。", "第二段（略）。"]
    assert _paragraphs(body, skip_id="s") == ["标题", "导语", "第一段。", "第二段。"]


def test_folding_to_gives_every_character_that_folds_into_the_set():
    targets = "【[ (关页第"
    found = folding_to(targets)
    assert {"\u3000", "\u00a0", "\t", "（", "關", "頁"} <= found
    assert all((fold(chr(code)) in targets) == (chr(code) in found) for code in range(0x30000))


def test_widget_and_related_lines_written_in_traditional_forms_and_odd_spaces():
    assert is_widget_line("【關閉窗口】\u3000【打印本頁】")
    assert is_widget_line("\u00a0第 2 頁 / 共 9 頁")
    assert is_widget_line("（更多精彩資訊請關注本網）")
    assert is_related_line("\u3000【相關鏈接】")
    assert not is_widget_line("關閉窗口後，請重新登錄系統。")
    assert not is_related_line("相關部門要加強協作。")
