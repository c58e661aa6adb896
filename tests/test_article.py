"""The article reader: its parts on small inputs.

The fixtures of layouts the corpus lacks (fixtures/articles/) are run by tests/test_fixtures.py; the corpus
figures are held by the floors in tests/test_corpus.py.
"""

from __future__ import annotations

from govmeta.parsers import extract_record
from govmeta.parsers.html.attachments import file_name
from govmeta.parsers.html.breadcrumb import read_breadcrumb
from govmeta.parsers.html.document import drop_non_content, parse_html
from govmeta.parsers.html.headline import join_lines
from govmeta.parsers.html.info import is_info_line, line_date, read_pairs, read_text_pairs, trim_value
from govmeta.parsers.html.lines import lines_between
from govmeta.parsers.html.page_index import index_page
from govmeta.parsers.html.paragraphs import (
    BR,
    _block_lines,
    credit_text,
    is_related_line,
    is_section_heading,
    is_widget_line,
)
from govmeta.parsers.html.reader import fallback_title
from govmeta.parsers.normalise import views_value
from tests.paths import FIXTURES

ARTICLES = FIXTURES / "articles"
ARTICLE_KEYS = ("url", "breadcrumb", "title", "kicker", "subtitle", "content_source", "author", "published_at",
                "views", "paragraphs", "attachments", "fields", "metadata")


# --- parts -----------------------------------------------------------------------------


def test_stray_document_end_tags_do_not_lose_the_rest():
    root = parse_html("<html><body><div>header</div></body></html>\n<div id=a><p>正文第一段。</p></div></body></html>")
    assert root.find(".//div[@id='a']/p").text == "正文第一段。"


def test_a_run_of_unclosed_tags_does_not_lose_the_body():
    # 300 unclosed <font> tags nest deeper than libxml2's default limit (256).
    page = "<html><body><h1>关于做好防汛工作的通知</h1><div>" + "<font>" * 300 + "各地要加强值守，确保安全度汛。" * 10
    record = extract_record((page + "</body></html>").encode("utf-8"), "deep.html")
    assert record["title"] == "关于做好防汛工作的通知"
    assert record["paragraphs"] == ["各地要加强值守，确保安全度汛。" * 10]


def test_info_line_pairs_stop_at_the_next_label():
    pairs = {p.kind: p.value for p in read_text_pairs("发布日期：2016-11-22 浏览次数： 信息来源：省发改委")}
    assert pairs == {"date": "2016-11-22", "views": "", "source": "省发改委"}
    pairs = {p.kind: p.value for p in read_text_pairs("来源：巴彦淖尔日报 编辑：苏亮")}
    assert pairs == {"source": "巴彦淖尔日报", "other": "苏亮"}
    pairs = {p.kind: p.value for p in read_text_pairs("本文来源：21世纪经济报道 作者：何苗 张梦洁")}
    assert pairs == {"source": "21世纪经济报道", "author": "何苗 张梦洁"}


def test_a_label_inside_a_word_is_not_a_label():
    assert [p.kind for p in read_text_pairs("成文日期：2020-02-05")] == ["other"]
    assert read_text_pairs("社会工作者：张三") == []


def test_any_label_naming_a_time_or_a_date_before_a_date_is_the_date():
    # liaoyang.gov.cn writes 时间发布：; other sites 信息发布时间：, 录入日期：.
    for label in ("时间发布", "信息发布时间", "稿件录入日期", "发文时间"):
        pairs = read_text_pairs(f"{label}：2023-06-12 09:51 阅读次数: 次 信息来源：某某日报")
        assert (pairs[0].kind, pairs[0].value) == ("date", "2023-06-12 09:51"), label
    # … unless it names another date; and never without a date after it.
    for text in ("成文日期：2020-02-05", "活动时间：2023-05-19", "报名截止时间：2023-05-19"):
        assert all(p.kind != "date" for p in read_text_pairs(text)), text
    assert read_text_pairs("会议时间：另行通知") == []
    assert line_date(_line("<span>时间发布：2023-06-12 09:51</span> <span>信息来源：某某日报</span>")) == (
        "2023-06-12T09:51"
    )


def test_with_no_displayed_headline_the_title_is_the_block_title_then_the_meta():
    assert fallback_title({"title": "关于某事的通知"}, {"ArticleTitle": "别的标题"}) == "关于某事的通知"
    assert fallback_title({}, {"ArticleTitle": " 关于某事的\n通知 "}) == "关于某事的 通知"
    # A page whose body and headline are filled by script shows neither: the meta still names it.
    page = (
        '<html><head><meta name="ArticleTitle" content="关于开展安全生产检查的通知"><title>通知公告-某某局</title>'
        '</head><body><div id="app"></div></body></html>'
    )
    assert extract_record(page.encode("utf-8"), "app.html")["title"] == "关于开展安全生产检查的通知"
    # … but a block-less page's <title> is never taken for a headline (a list page's names its column).
    page = "<html><head><title>通知公告 - 某某局</title></head><body><ul><li>x</li></ul></body></html>"
    assert extract_record(page.encode("utf-8"), "list.html")["title"] is None


def test_views_are_numbers_only():
    assert views_value("1,024") == 1024
    assert views_value("356次") == 356
    assert views_value("") is None


def _page(body: str):
    root = parse_html(f"<html><head><title>t</title></head><body>{body}</body></html>")
    drop_non_content(root)
    return index_page(root, [])


def test_lines_one_at_a_time_are_the_index_lines():
    index = _page(
        "<div>当前位置：<a href='/'>首页</a></div><h1>标题</h1><p>第一段<br>  <br>第二行<span> 续 </span></p>"
        "<!-- c -->尾<table><tr><td>甲</td><td>乙</td></tr></table><p>   </p><p>末段。</p>"
    )
    runs = len(index.runs)
    for start in range(-1, runs + 2):
        for end in range(start, runs + 3):
            assert list(lines_between(index, start, end)) == index.lines(start, end)


def test_breadcrumb_in_plain_text_and_in_links():
    crumbs, _ = read_breadcrumb(_page("<div>当前位置：首页 &gt; 政务公开 &gt; 通知公告</div><p>正文。</p>"))
    assert crumbs == ["首页", "政务公开", "通知公告"]
    crumbs, _ = read_breadcrumb(
        _page('<div class="position"><a href="/">首页</a> » <a href="/a/">新闻</a> » 正文</div>')
    )
    assert crumbs == ["首页", "新闻", "正文"]


def test_a_menu_is_not_a_trail():
    menu = '<div class="nav"><a href="/">首页</a> | <a href="/a/">新闻</a> | <a href="/b/">图片</a></div>'
    crumbs, _ = read_breadcrumb(_page(menu))
    assert crumbs == []


def test_a_trail_label_may_be_followed_by_any_whitespace():
    # Hanweb (ct.zj.gov.cn): the label on its own line, the entries in table cells.
    page = _page(
        '<div class="currpos">\n    当前位置：\n    <table><tr><td><a href="/index.html">首页</a></td><td>'
        '<table><tr><td> &gt; <a href="/col/1/">政务公开</a>\n</td><td> &gt; <a href="/col/2/">通知公告</a>'
        "</td></tr></table></td></tr></table></div><p>正文。</p>"
    )
    assert read_breadcrumb(page)[0] == ["首页", "政务公开", "通知公告"]
    crumbs, _ = read_breadcrumb(_page('<div>当前位置：\t<a href="/">首页</a> &gt; <a href="/x/">要闻</a></div>'))
    assert crumbs == ["首页", "要闻"]


def test_trail_label_variants_are_not_entries():
    for label in ("您所在的位置：", "您现在的位置：", "当前所在位置：", "所在位置：", "位置："):
        links = '<a href="/">首页</a>&gt;&gt;<a href="/a/">专题</a>&gt;&gt;<a href="/a/b/">党建</a>'
        page = _page(f"<div>{label}{links}</div>")
        assert read_breadcrumb(page)[0] == ["首页", "专题", "党建"], label


def test_an_unlabelled_unnamed_run_of_links_from_home_is_a_trail():
    # lonsun CMS (jyt.ah.gov.cn): a span in div.wz_top, one separator in an <i>.
    page = _page(
        '<div class="wz_top wza-region_nav"><span><a href="/index.html">首页</a> &gt; '
        '<a href="/xwzx/">新闻中心</a> <i>&gt;</i> <a href="/xwzx/jcjy/">基础教育</a></span></div>'
        "<h1>标题</h1><p>正文第一段，内容。</p>"
    )
    assert read_breadcrumb(page)[0] == ["首页", "新闻中心", "基础教育"]
    # miit.gov.cn: links on their own lines in div.mnav, joined by bare ">".
    page = _page(
        '<div class="w980 center mnav"><span>\n<a href="/index.html">首页</a>  >  \n'
        '<a href="/xwdt/">新闻动态</a>  >  \n<a href="/xwdt/dfgz/">地方工作</a>\n</span></div><p>正文。</p>'
    )
    assert read_breadcrumb(page)[0] == ["首页", "新闻动态", "地方工作"]


def test_a_trail_joined_by_trail_separators_may_have_plain_inner_entries():
    # lonsun CMS xxgk page (www.hfss.gov.cn): the department is printed as plain text in an <i>.
    page = _page(
        '<div class="gk_pos wza-region_nav" aria-label="栏目路径"><span><a href="/index.html">首页</a> &gt; '
        '<i tabindex="0">某某区审计局</i> <i>&gt;</i> <a href="/public/column/1?action=list">监督保障</a> <i>&gt;</i> '
        '<a href="/public/column/2?action=list">专项工作</a></span></div><h1>标题</h1><p>正文第一段，内容。</p>'
    )
    assert read_breadcrumb(page)[0] == ["首页", "某某区审计局", "监督保障", "专项工作"]
    # Joined by bars, a plain inner entry still makes it a menu.
    menu = '<div><a href="/">首页</a> | <i>某某局</i> | <a href="/a/">新闻</a> | <a href="/b/">图片</a></div>'
    assert read_breadcrumb(_page(menu))[0] == []


def test_a_trail_joined_by_slashes_needs_three_entries():
    links = '<a href="/">首页</a> / <a href="/xw/">新闻中心</a> / <a href="/xw/tz/">通知公告</a>'
    page = _page(f'<div class="dh">{links}</div><p>正文第一段，内容。</p>')
    assert read_breadcrumb(page)[0] == ["首页", "新闻中心", "通知公告"]
    # A language bar is not a trail.
    assert read_breadcrumb(_page('<div><a href="/">首页</a> / <a href="/en/">English</a></div><p>正文。</p>'))[0] == []


def test_a_channel_path_in_the_page_header_is_not_a_trail():
    # 网易 亦观察 (corpus money.163.com/163_11, gold []): span.pathlink inside div.observe_header.
    page = _page(
        '<div class="observe_header"><div class="channel"><h2 class="sitename"><a href="/ipo/">亦观察</a></h2>'
        '<span class="pathlink"> <a href="http://www.163.com/">网易首页</a> &gt; <a href="/">网易财经</a> &gt; '
        '<a href="/special/">亦观察</a> </span></div></div><h2>标题</h2><p>正文第一段，内容。</p>'
    )
    assert read_breadcrumb(page)[0] == []
    # Menus joined by bars, and runs that do not start at the home page, are not trails either.
    menu = '<div><a href="/">首页</a> | <a href="/a/">新闻</a> | <a href="/b/">图片</a></div>'
    assert read_breadcrumb(_page(menu))[0] == []
    assert read_breadcrumb(_page('<div><a href="/a/">新闻</a> &gt; <a href="/b/">图片</a></div>'))[0] == []
    # From the site's name, joined by >> throughout, in a box named for layout only: a trail.
    site_led = '<div class="fl"><a href="/">人民网</a>&gt;&gt;<a href="/society/">社会</a></div>'
    assert read_breadcrumb(_page(site_led))[0] == ["人民网", "社会"]


def test_an_info_line_is_mostly_its_facts():
    assert is_info_line("发布日期：2016-11-22 浏览次数： 信息来源：省发改委")
    assert is_info_line("新华网河北频道 ( 2012-06-04 09:20:26 ) 稿件来源： 河北日报")
    prose = "据介绍，本届活动共收到作品500多件，其中特等奖作品为《中国书法艺术的传承》作者：林某某，书法家协会会员。"
    assert not is_info_line(prose)


def _line(html: str):
    index = _page(f"<div>{html}</div>")
    return index.lines(0, len(index.runs))[0]


def test_source_values_keep_their_brackets_and_stop_at_widget_links():
    assert trim_value("济南市文化和旅游局（原市文广新局）") == "济南市文化和旅游局（原市文广新局）"
    assert trim_value("【来源：某某日报】") == "来源：某某日报"
    assert trim_value(" 某某日报...】") == "某某日报..."
    # moe.gov.cn: 来源：教育部　<a>下载</a>　<span>收藏</span>
    line = _line('发布日期：2024-06-13\u3000来源：教育部\u3000<a href="javascript:;">下载</a>\u3000<span>收藏</span>')
    assert {p.kind: p.value for p in read_pairs(line)} == {"date": "2024-06-13", "source": "教育部"}
    # A source that is itself a link is the link's text.
    line = _line('2015-07-04 08:31:17\u3000来源: <a href="http://qjwb.example.com/">钱江晚报</a>(杭州)')
    assert {p.kind: p.value for p in read_pairs(line)} == {"source": "钱江晚报"}


def test_an_unlabelled_date_after_a_value_is_the_info_line_date():
    line = _line("来源：宣教中心&nbsp;&nbsp;&nbsp;&nbsp; 2022-11-14 14:59:48 &nbsp;【字体：<span>大</span> 中 小】")
    assert line_date(line) == "2022-11-14T14:59:48"
    assert line_date(_line("来源：某某局 成文日期：2020-02-05")) is None


def test_empty_section_headings():
    assert is_section_heading("附件：")
    assert is_section_heading("【相关文档】")
    assert not is_section_heading("附件：1.报名表")


def test_headline_lines_join_without_a_separator_between_han():
    assert join_lines(["关于印发", "《办法》的通知"]) == "关于印发《办法》的通知"
    assert join_lines(["Uber", "China"]) == "Uber China"


def test_hard_wrapped_text_is_rejoined_into_paragraphs():
    indent = "\u3000\u3000"
    wrapped = [indent + "甲" * 30, *["乙" * 34] * 3, "丙" * 10, indent + "丁" * 32, *["戊" * 34] * 3]
    lines = _block_lines(BR.join(wrapped))
    assert lines == ["甲" * 30 + "乙" * 102 + "丙" * 10, "丁" * 32 + "戊" * 102]


def test_short_lines_split_by_br_stay_lines():
    assert _block_lines(BR.join(["第一行。", "第二行。"])) == ["第一行。", "第二行。"]


def test_widget_related_and_credit_lines():
    assert is_widget_line("【打印本页】 【关闭窗口】")
    assert is_widget_line("第1页/共3页 << 上一页 | 下一页 >>")
    assert not is_widget_line("打印机采购项目中标公告")
    assert is_related_line("相关解读：《办法》政策解读")
    assert not is_related_line("相关部门要加强协作。")
    assert credit_text("【纠错】 【责任编辑：王某 】") == "【责任编辑：王某 】"
    assert credit_text("（责任编辑： HN666）") is not None
    assert credit_text("各地要加强组织领导，来源：本报讯。这是正文的一句话，很长很长。") is None


def test_pagers_promotions_and_related_lines_however_they_open():
    # Only a line that opens as a pager, a promotion or a related label is matched whole (a long
    # paragraph is not folded): spaces, brackets and traditional forms still open them.
    long_prose = "各地要加强组织领导，" * 40
    assert is_widget_line("\u3000第 2 页 / 共 9 页")
    assert is_widget_line("（更多精彩资讯请关注本网）" + long_prose)
    assert is_widget_line("【更多内容敬请点击")
    assert is_widget_line("共4条 第1页/共1页")
    assert not is_widget_line(long_prose + "第1页/共3页")
    assert is_related_line("【 相 关 解 讀 】")
    assert is_related_line("\u3000[延伸阅读]：" + long_prose)
    assert not is_related_line(long_prose + "相关链接：")


def test_attachment_file_names():
    assert file_name("/module/download/downfile.jsp?classid=0&filename=be5f.pdf") == "be5f.pdf"
    assert file_name("./P0202205.docx") == "P0202205.docx"
    assert file_name("/art/2023/6/12/art_1.html") is None


def test_a_plain_text_trail_from_the_home_page():
    from govmeta.parsers.html.breadcrumb import plain_trail_items

    assert plain_trail_items("首页 - 新闻动态") == ["首页", "新闻动态"]
    assert plain_trail_items("首页 > 通知公告 > 正文") == ["首页", "通知公告", "正文"]
    assert plain_trail_items("首页-新闻动态") is None  # one word, not a trail
    assert plain_trail_items("首页 新闻 动态") is None  # no separators
    assert plain_trail_items("关于 - 新闻动态") is None  # not from the home page
    assert plain_trail_items("首页 - ") is None



def test_nested_paths_need_each_folder_inside_the_one_before():
    from govmeta.parsers.html.breadcrumb import _nested_paths

    assert _nested_paths(["/index.html", "/zwgk/", "/zwgk/tzgg/"])
    assert _nested_paths(["http://a.gov.cn/", "http://a.gov.cn/xw/", "/xw/bm/index.html"])
    assert not _nested_paths(["/index.html", "/zwgk/", "/bsfw/"])  # a menu: side by side
    assert not _nested_paths(["/", "/zwgk/a.html", "/zwgk/b.html"])  # two pages of one folder
    assert not _nested_paths(["/", "http://b.gov.cn/x/", "http://c.gov.cn/x/y/"])  # other hosts
    assert not _nested_paths(["/", "javascript:void(0)", "/x/y/"])


def test_widget_boxes_inside_a_trail_are_left_out_at_any_depth():
    page = _page(
        '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xw/">新闻</a> &gt; 正文'
        '<span class="tools"><em>字号：<a href="#">大</a> <a href="#">小</a></em></span></div><p>正文第一段。</p>'
    )
    crumbs, _ = read_breadcrumb(page)
    assert crumbs == ["首页", "新闻", "正文"]
