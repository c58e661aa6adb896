"""Page chrome in text dumps (issue 10): the lines a converter prints around the headline that are never it,
and the shapes that must stay headlines."""

from __future__ import annotations

import pytest

from govmeta.parsers.text.headline import above_stamp, beside_menu, join_tails, page_chrome
from govmeta.parsers.text.reader import read_text_dump
from govmeta.parsers.vocabulary import DEFAULT_VOCABULARY


def title(text: str) -> str | None:
    return read_text_dump(text, DEFAULT_VOCABULARY)["title"]


@pytest.mark.parametrize("line", [
    "[Uber刷单 刷出中国的人性劣根？]",  # an image's alt text (pandoc)
    "房 产 狂 搜",  # a letter-spaced column heading
    "━━━━━━━━━━━━━━━━ 关键字",  # a drawn rule, a cell's word after it
    "*",
    "搜狐首页 - 新闻 - 体育 - 娱乐 - 财经 - IT - 汽车",  # a navigation bar
    "首页 滚动 商学院 商业传奇 亦观察 看商业 管理",
])
def test_chrome_lines(line):
    assert page_chrome(line)


@pytest.mark.parametrize("line", [
    "County opens new rail freight terminal",
    "How to get your new ID card",  # short English words: no navigation bar
    "Uber刷单 刷出中国人性劣根？",
    "[转载]关于做好防汛工作的通知",
    "关于印发《某市促进民间投资若干措施》的通知",
])
def test_headlines_are_not_chrome(line):
    assert not page_chrome(line)


def test_menu_item_beside_headline_is_cut_either_side():
    text = "学思践悟                 中华人民共和国监察法\n标题在左边的一行文字                  点击财富\n"
    assert beside_menu(text, 0, "学思践悟 中华人民共和国监察法")[1] == "中华人民共和国监察法"
    second = text.index("标题")
    assert beside_menu(text, second, "标题在左边的一行文字 点击财富")[1] == "标题在左边的一行文字"


def test_date_beside_headline_is_no_menu_item():
    text = "关于做好防汛工作的通知                2024-5-2\n"
    assert beside_menu(text, 0, "关于做好防汛工作的通知 2024-5-2") == (0, "关于做好防汛工作的通知 2024-5-2")


def test_stamp_line_gives_the_headline_above_it():
    pieces = list(enumerate(["某某网首页", "工商部门初定某某广告属于虚假宣传", "*",
                             "BUSINESS.EXAMPLE.COM 2005年3月11日12:12 来源：[ 某某网 ]", "理财：为什么有人富了",
                             "发送短信到8888 随时随地查行情"]))
    assert above_stamp(pieces) == 1


def test_top_bar_date_is_no_stamp():
    pieces = list(enumerate(["青岭市人民政府门户网站", "2024年5月20日 10:20 星期一", "首页 政务公开",
                             "关于做好防汛工作的通知"]))
    assert above_stamp(pieces) is None


def test_site_name_above_a_stamp_is_no_headline():
    pieces = list(enumerate(["青岭市人民政府门户网站", "2024年5月20日 10:20", "关于做好防汛工作的通知"]))
    assert above_stamp(pieces) is None


def test_wrapped_tail_joins_only_a_cut_headline():
    text = "  拿起跨界“指挥棒”她跟学生“较着劲儿”成\n  长\n"
    assert join_tails([(0, "拿起跨界“指挥棒”她跟学生“较着劲儿”成"), (text.index("长"), "长")], text) == [
        (0, "拿起跨界“指挥棒”她跟学生“较着劲儿”成长")]
    whole = "  刷单刷出中国人性劣根为何屡禁不止？\n  张三\n"
    pieces = [(0, "刷单刷出中国人性劣根为何屡禁不止？"), (whole.index("张三"), "张三")]
    assert join_tails(pieces, whole) == pieces


def test_error_page_heading_is_no_headline_but_a_headline_naming_one_is():
    assert title("404 页面不存在\n\n抱歉，您访问的页面不存在或已被删除！\n\n返回首页\n") is None
    notice = ("关于清理政府网站页面不存在和链接失效问题的通报\n\n发布时间：2024-05-20\n\n"
              "各单位：\n\n近期检查发现部分网站存在页面不存在、链接失效等问题，现通报如下，请各单位抓紧整改。\n")
    assert title(notice) == "关于清理政府网站页面不存在和链接失效问题的通报"
