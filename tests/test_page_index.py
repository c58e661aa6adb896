"""The article reader's page index: one walk's runs, lines, counts and exclusions (page_index.py)."""

from __future__ import annotations

from govmeta.parsers.html.document import parse_html
from govmeta.parsers.html.page_index import index_page


def test_runs_lines_counts_and_an_excluded_subtree():
    root = parse_html("<html><body><div id=a>标题<span>一，</span>二<br>三 <a href=x>链接</a></div>"
                      "<table id=t><tr><td>索引号</td></tr></table>after<p>段落。</p></body></html>")
    div, table, para = root.find(".//div"), root.find(".//table"), root.find(".//p")
    index = index_page(root, [table])
    assert [line.text for line in index.lines(0, len(index.runs))] == ["标题一，二", "三 链接", "after", "段落。"]
    assert table in index.excluded and index.first_run[table] == index.end_run[table]
    assert root.find(".//td") not in index.order  # inside the excluded table: not indexed
    assert (index.text[div], index.links[div], index.punct(div)) == (6, 2, 1)
    assert index.text[index.body] == 6 + 5 + 3
    assert index.block(root.find(".//span")) is div and index.block(para) is para
    assert index.has_blocks == {index.body}  # (a <br> ends a line; it is not a block)
    assert index.raw_text(div) == "标题一，二三 链接"


def test_a_body_with_more_elements_than_the_first_columns_hold():
    count = 3000
    root = parse_html("<html><body>" + "<p>第<b>一</b>段</p>" * count + "</body></html>")
    index = index_page(root, [])
    assert len(index.elements) == 1 + 2 * count
    assert index.text[index.body] == 3 * count
    assert len(index.lines(0, len(index.runs))) == count
    assert len(index.short) == 2 * count and index.body not in index.short  # (9,000 characters: not short)


def test_punctuation_counts_as_the_one_pattern_did():
    import re

    from govmeta.parsers import rules
    from govmeta.parsers.html.page_index import _punctuation

    assert not set(".!?") & set(rules.article.PROSE_PUNCTUATION)  # (the two patterns never count one mark twice)
    one = re.compile("[" + re.escape("".join(rules.article.PROSE_PUNCTUATION)) + r"]|(?<=[a-z])[.!?](?=\s|$)")
    texts = ("一，二。三；四、五！六？", "a,b;c", "It ends. Really! Yes?", "e.g.\nx", "v1.2 A. B.",
             "中文。English end.", "no marks", "", "x!\u3000y?", "Q?", "abc.def")
    for text in texts:
        assert _punctuation(text) == len(one.findall(text)), text


def test_blocks_holding_blocks_and_subtree_counts_through_inline_boxes():
    root = parse_html("<html><body><div id=a><span>一<p>二，<a href=x>三</a></p>四</span></div>"
                      "<div id=b>五<b>六</b></div></body></html>")
    a, b, span, p = root.find(".//div[@id='a']"), root.find(".//div[@id='b']"), root.find(".//span"), root.find(".//p")
    index = index_page(root, [])
    # A block is listed when a block lies below it, however deep (through the inline <span>); leaves are not.
    assert index.has_blocks == {index.body, a}
    assert (index.text[span], index.links[span], index.punct(span)) == (4, 1, 1)  # 一 二 ， 四; 三 is link text
    assert (index.text[p], index.text[a], index.text[b], index.text[index.body]) == (2, 4, 2, 6)
    assert index.own_at[index.order[span]] == 2  # 一 and the <p>'s tail 四
    assert [el.tag for el in index.short] == ["body", "div", "span", "p", "a", "div", "b"]


def test_line_ranks_count_the_lines_begun_before_each_run():
    root = parse_html("<html><body><p>一<b>二</b></p><p>三</p>四<br>五</body></html>")
    index = index_page(root, [])
    assert [run.text for run in index.runs] == ["一", "二", "三", "四", "五"]
    assert index.line_ranks() == [0, 1, 1, 2, 3, 4]
    assert [index.line_rank(i) for i in (-1, 0, 2, 5, 9)] == [0, 0, 1, 4, 4]
