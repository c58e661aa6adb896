"""The article container's helpers (container.py): memoised footer boxes, credits through data tables."""

from __future__ import annotations

from govmeta.parsers.html.container import container_scores, find_container, in_footer_box
from govmeta.parsers.html.document import parse_html
from govmeta.parsers.html.page_index import index_page

PAGE = ("<html><body><div id=main><p>正文第一段，说明。</p><p>正文第二段，说明。</p></div>"
        "<div class=footer><div><p>版权所有</p><p><span>ICP备</span></p></div></div>"
        "<footer><p>主办单位</p></footer><div id=side><p>侧栏</p></div></body></html>")


def test_footer_boxes_are_the_same_whichever_element_is_asked_first():
    root = parse_html(PAGE)
    elements = list(root.find("body").iter())
    fresh = {}
    for el in elements:  # each answer on an index of its own: nothing memoised yet
        fresh[el] = in_footer_box(el, index_page(root, []))
    for order in (elements, elements[::-1]):
        index = index_page(root, [])
        assert {el: in_footer_box(el, index) for el in order} == fresh
    named, footer = root.find(".//div[@class='footer']"), root.find(".//footer")
    assert fresh[root.find(".//span")] is named and fresh[footer.find("p")] is footer
    assert fresh[root.find(".//div[@id='main']")] is None and fresh[root.find(".//div[@id='side']/p")] is None


def test_paragraphs_of_one_box_credit_it_and_the_box_above_half():
    root = parse_html("<html><body><div id=wrap><div id=text><p>第一段文字很长，有标点。</p>"
                      "<p>第二段文字很长，有标点。</p></div></div></body></html>")
    index = index_page(root, [])
    scores = container_scores(index)
    text, wrap = root.find(".//div[@id='text']"), root.find(".//div[@id='wrap']")
    weight = 12 + 3 * 2  # 12 characters, 2 marks in each paragraph
    assert scores[text] == 2 * weight and scores[wrap] == weight
    assert find_container(index, scores) is text
