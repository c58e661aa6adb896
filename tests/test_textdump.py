"""Plain-text input: the seed dump, the corpus text dumps, and the layouts text dumps come in."""

from __future__ import annotations

import json
import time

import pytest

from govmeta.parsers import extract_record
from govmeta.parsers.text.reader import read_text_dump
from govmeta.parsers.vocabulary import DEFAULT_VOCABULARY
from tests.paths import SHARED, needs_shared

SEED = SHARED / "seeds" / "000_82198d2a6cde71d4.txt"
TEXT_DIR = SHARED / "corpus" / "text"
TEXT_GOLD = SHARED / "corpus" / "gold-text"
RECORD_KEYS = ("url", "site", "breadcrumb", "title", "kicker", "subtitle", "content_source", "author",
               "published_at", "views", "metadata", "fields", "paragraphs", "attachments")


def read(text: str) -> dict:
    return read_text_dump(text, DEFAULT_VOCABULARY)


def pairs(parts: dict) -> list[tuple[str, str]]:
    return [(p["label"], p["value"]) for p in parts["fields"]]


# --- The seed and the corpus ---------------------------------------------------------------------


@needs_shared
def test_seed_simplified_equals_gold_record():
    gold = json.loads(SEED.with_name(SEED.name + ".gold.json").read_text(encoding="utf-8"))
    record = extract_record(SEED.read_bytes(), str(SEED), simplified=True)
    for key in RECORD_KEYS:
        if key == "content_source":
            continue
        assert record[key] == gold[key], key
    # The converter lost 报 (日?qǐng)?bào)): recovered, or kept as "?" with a warning - never a guess.
    assert record["content_source"] in (gold["content_source"], "宜兴日??")
    if "?" in record["content_source"]:
        assert any("kept as '?'" in w for w in record["warnings"])
    assert any("pinyin annotations removed" in w for w in record["warnings"])
    assert record["encoding"]["source"] == "text"


@needs_shared
def test_seed_without_simplified_keeps_traditional_text_and_maps_labels():
    record = extract_record(SEED.read_bytes(), str(SEED))
    assert record["title"] == "延長縣黨政代表團來宜考察并召開東西部協作聯席會議"
    assert record["fields"][0] == {"label": "索引號", "value": "014046317/2023-03250"}
    assert record["metadata"]["index_no"] == "014046317/2023-03250"
    assert record["metadata"]["publisher"] == "宜興市人民政府網站"
    assert "(" not in record["title"] and all("(w" not in p for p in record["paragraphs"])


def text_cases() -> list:
    if not TEXT_GOLD.is_dir():
        return []
    return sorted(TEXT_GOLD.rglob("*.json"))


@needs_shared
@pytest.mark.parametrize("gold_file", text_cases(), ids=lambda p: p.stem)
def test_corpus_text_dump_matches_gold(gold_file):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    page = TEXT_DIR / gold_file.relative_to(TEXT_GOLD).with_suffix("")
    record = extract_record(page.read_bytes(), str(page))
    for key in RECORD_KEYS:
        if key in gold:
            assert record[key] == gold[key], key
    assert record["encoding"]["source"] == gold["encoding"]["source"]


# --- Layouts ------------------------------------------------------------------------------------


def test_label_value_runs_with_empty_value_and_padded_labels():
    parts = read(
        "索 引 号 0001/2023-1 生成日期 2023-08-26 公开日期 2023-08-27\n"
        "文件编号 公开时限 长期公开\n"
        "有 效 性 有效 主题(一) 民政、扶贫、救灾 体裁 其他\n"
        "文件下载\n"
        "内容概况 一段概况\n\n正文第一段。\n"
    )
    assert pairs(parts) == [
        ("索引号", "0001/2023-1"), ("生成日期", "2023-08-26"), ("公开日期", "2023-08-27"), ("文件编号", ""),
        ("公开时限", "长期公开"), ("有效性", "有效"), ("主题(一)", "民政、扶贫、救灾"), ("体裁", "其他"),
        ("文件下载", ""), ("内容概况", "一段概况"),
    ]
    assert parts["paragraphs"] == ["正文第一段。"]


def test_values_on_the_next_line_with_blank_lines_between():
    parts = read("索引号：\n\nA-1\n\n发布机构：\n\n某局\n\n成文日期：\n\n2022年5月30日\n\n有效性：\n\n有效\n\n"
                 "为了做好工作，现通知如下：一是要加强领导，二是要落实责任，三是要强化督查。\n")
    assert pairs(parts) == [("索引号", "A-1"), ("发布机构", "某局"), ("成文日期", "2022年5月30日"), ("有效性", "有效")]
    assert parts["paragraphs"] == ["为了做好工作，现通知如下：一是要加强领导，二是要落实责任，三是要强化督查。"]


def test_empty_last_value_does_not_take_the_body():
    parts = read("索引号: A-1 发文字号: 某发〔2021〕1号\n发布机构: 某镇 有效性:\n\n某发〔2021〕1号\n\n正文。\n")
    assert pairs(parts)[-1] == ("有效性", "")


def test_repeated_block_is_read_once():
    block = "索引号: A-1 发文字号: 某发〔2021〕1号\n发布机构: 某镇 成文日期: 2021-03-11\n"
    mobile = "索引号: A-1\n发文字号: 某发〔2021〕1号\n发布机构: 某镇\n成文日期: 2021-03-11\n"
    parts = read(block + mobile + "\n正文。\n")
    assert pairs(parts) == [("索引号", "A-1"), ("发文字号", "某发〔2021〕1号"), ("发布机构", "某镇"),
                            ("成文日期", "2021-03-11")]


def test_crawler_header_above_separator_is_not_the_block():
    header = ("标题: 甲\n发布时间: 2020-01-02 08:00\n文号: 乙〔2020〕1号\n发布机构: 丙局\n"
              "原文链接: https://example.gov.cn/a.htm\n==================== 正文 ====================\n")
    parts = read(header + "索引号：X-1 发布机构：丁局 成文日期：2020-01-01 有效性：有效\n甲\n正文。\n")
    assert pairs(parts) == [("索引号", "X-1"), ("发布机构", "丁局"), ("成文日期", "2020-01-01"), ("有效性", "有效")]
    assert parts["url"] is None


def test_a_separator_under_block_lines_is_not_a_crawler_header():
    parts = read("索引号：X-1\n发布机构：丁局\n成文日期：2020-01-01\n----------\n正文。\n")
    assert pairs(parts) == [("索引号", "X-1"), ("发布机构", "丁局"), ("成文日期", "2020-01-01")]


def test_url_line_gives_url():
    parts = read("URL: https://www.example.gov.cn/a/t1.html\n索引号: A 发布机构: B\n成文日期: 2020-01-01\n正文。\n")
    assert parts["url"] == "https://www.example.gov.cn/a/t1.html"
    assert pairs(parts)[0] == ("索引号", "A")


def test_breadcrumb_headline_and_article_line():
    parts = read(
        "网站支持IPv6\n当前位置:某市人民政府>政府信息公开>通知公告\n\n引题一行字\n\n主标题一行字\n"
        "来源:某市日报    日期:2023-08-26 08:52:42    浏览次数:12\n"
        "索引号 A 生成日期 2023-08-26 发布机构 某局\n\n正文。\n"
    )
    assert parts["breadcrumb"] == ["某市人民政府", "政府信息公开", "通知公告"]
    assert (parts["kicker"], parts["title"], parts["subtitle"]) == ("引题一行字", "主标题一行字", None)
    assert (parts["content_source"], parts["published_at"], parts["views"]) == ("某市日报", "2023-08-26T08:52:42", 12)
    assert [p["label"] for p in parts["fields"]] == ["索引号", "生成日期", "发布机构"]
    assert parts["paragraphs"] == ["正文。"]


def test_flattened_line_ends_block_at_the_title():
    parts = read("当前位置： 首页政务公开 索 引 号： A-1 主题分类： 无 发文机关： 某局 标 题： 关于某事的批复 "
                 "有 效 性： 有效 关于某事的批复 某〔2015〕1号 来源：某局 时间：2015-10-30 14:43 微信 微博 "
                 "你局的请示收悉。经研究，同意。此复。")
    assert pairs(parts)[-1] == ("有效性", "有效")
    assert parts["title"] == "关于某事的批复"
    assert (parts["content_source"], parts["published_at"]) == ("某局", "2015-10-30T14:43")


def test_unknown_label_in_a_colon_block_starts_its_own_pair():
    parts = read("索引号：A-1  所属主题：综合政务  发布机构：某局\n成文日期：2020-01-01\n正文。\n")
    assert pairs(parts) == [("索引号", "A-1"), ("所属主题", "综合政务"), ("发布机构", "某局"),
                            ("成文日期", "2020-01-01")]


def test_prose_with_a_label_word_is_not_a_block():
    parts = read("关于某事的通知\n各单位：\n根据有关规定，索引号 以及 发布机构 等信息由系统生成。\n")
    assert parts["fields"] == []
    assert parts["title"] == "关于某事的通知"


def test_traditional_labels_fill_canonical_metadata():
    record = extract_record("索引號：A-1　發佈機構：某局\n成文日期：2020年1月2日　有效性：有效\n正文。\n".encode())
    assert record["fields"][1] == {"label": "發佈機構", "value": "某局"}
    assert record["metadata"] == {"index_no": "A-1", "publisher": "某局", "written_date": "2020-01-02",
                                  "validity": "有效"}


# --- Unknown labels at the block's start -----------------------------------------------------------


def test_unknown_first_label_on_alternate_lines_keeps_its_pair():
    parts = read("报送单位：\n市某局\n主题分类：\n发文字号：\n某发〔2019〕1号\n成文日期：\n2019-01-04\n"
                 "标 题：\n某局关于做好某项工作的通知\n")
    assert pairs(parts) == [("报送单位", "市某局"), ("主题分类", ""), ("发文字号", "某发〔2019〕1号"),
                            ("成文日期", "2019-01-04"), ("标题", "某局关于做好某项工作的通知")]
    assert parts["title"] == "某局关于做好某项工作的通知"  # no other headline: the block's 标题


def test_unknown_label_before_the_first_known_label_on_its_line():
    parts = read("所属单位：某局  索引号：A-1  发布机构：某局\n成文日期：2020-01-01 有效性：有效\n正文。\n")
    assert pairs(parts)[:2] == [("所属单位", "某局"), ("索引号", "A-1")]


def test_headline_above_a_block_on_alternate_lines_is_not_a_value():
    parts = read("某局关于做好某项工作的通知\n索引号：\nA-1\n发布机构：\n某局\n成文日期：\n2020-01-01\n\n"
                 "各单位：\n为做好某项工作，现通知如下，请认真贯彻执行，确保各项措施落实到位。\n")
    assert pairs(parts)[0] == ("索引号", "A-1")
    assert parts["title"] == "某局关于做好某项工作的通知"
    assert parts["paragraphs"][0] == "各单位："


# --- A flattened block, printed twice, then the headline and the article line ----------------------


FLAT = ("索 引 号： K1-00036 信息分类： 专项工作 发布机构： 某局 生成日期： 2017-04-12 文 号： 有 效 性： 有效 "
        "名 称： 某城打造创新设计平台 关 键 词： {copy}某城打造创新设计平台 发布时间： 2017-04-12 08:12 "
        "信息来源： 某局 【字体： 大 中 小 】 最近，某城不断加快产业布局。 目前，已有百家企业入驻。")


def test_block_printed_twice_is_read_once_and_ends_before_the_article_line():
    copy = "索 引 号： K1-00036 名 称： 某城打造创新设计平台 有 效 性： 有效 信息分类： 专项工作 发布机构： 某局 " \
           "生成日期： 2017-04-12 文 号： 关 键 词： "
    parts = read(FLAT.format(copy=copy))
    assert [label for label, _ in pairs(parts)] == ["索引号", "信息分类", "发布机构", "生成日期", "文号", "有效性",
                                                    "名称", "关键词"]
    assert dict(pairs(parts))["关键词"] == ""
    assert parts["title"] == "某城打造创新设计平台"
    assert (parts["published_at"], parts["content_source"]) == ("2017-04-12T08:12", "某局")
    assert parts["warnings"] == ["metadata block printed 2 times; read once"]


def test_flattened_block_ends_at_the_headline_before_the_article_line():
    parts = read(FLAT.format(copy=""))
    assert pairs(parts)[-1] == ("关键词", "")
    assert (parts["title"], parts["published_at"], parts["content_source"]) == (
        "某城打造创新设计平台", "2017-04-12T08:12", "某局")
    assert parts["warnings"] == []


def test_empty_cell_is_not_filled_from_the_text_after_the_last_copy():
    block = "索引号： A-1 发布机构： 某局 成文日期： 2020-01-01 关键词： "
    parts = read(block + block + "某局召开专题会议部署年度重点工作安排 " + "会议指出，要抓好落实。" * 10)
    assert dict(pairs(parts))["关键词"] == ""


# --- A table copied as a header row and a value row ------------------------------------------------


def test_header_row_and_value_row_pair_column_by_column():
    parts = read("关于某事的通知\n\n索取号\t发布时间\t发布机构\t文件编号\t备注\n\n"
                 "0764/2024-00112\t\t某委员会\t某发〔2024〕5号\t\n\n各单位:\n正文。\n")
    assert pairs(parts) == [("索取号", "0764/2024-00112"), ("发布时间", ""), ("发布机构", "某委员会"),
                            ("文件编号", "某发〔2024〕5号"), ("备注", "")]
    assert parts["paragraphs"] == ["各单位:", "正文。"]


def test_rows_with_other_cell_counts_are_not_paired_by_column():
    parts = read("索取号\t发布时间\t发布机构\t文件编号\n0764/2024-00112\t某委员会\n正文。\n")
    assert not {("索取号", "0764/2024-00112"), ("发布时间", "某委员会")} & set(pairs(parts))


# --- Headline ------------------------------------------------------------------------------------


def test_bracketed_date_under_the_headline_is_the_date():
    parts = read("关于开展某项主题宣传活动的通知\n( 2024-05-11)\n\n各单位：\n正文。\n")
    assert (parts["title"], parts["published_at"]) == ("关于开展某项主题宣传活动的通知", "2024-05-11")


def test_bracketed_date_after_the_headline_on_its_line_is_the_date():
    parts = read("关于开展某项主题宣传活动的通知（2024年5月11日）\n\n各单位：\n正文。\n")
    assert (parts["title"], parts["published_at"]) == ("关于开展某项主题宣传活动的通知", "2024-05-11")


def test_article_line_over_adjacent_lines_is_not_body():
    parts = read("当前位置：\n首页\n>\n专题专栏\n>\n重要会议\n>\n会议精神学习专栏\n>\n学习贯彻\n"
                 "某社召开编委扩大会研究年度重点专题计划\n日期：2021/09/06\n来源：某画报社\n字号：[\n大\n中\n小\n]\n"
                 "9月2日下午，某社召开编委扩大会。\n")
    assert parts["breadcrumb"] == ["首页", "专题专栏", "重要会议", "会议精神学习专栏", "学习贯彻"]
    assert (parts["title"], parts["kicker"]) == ("某社召开编委扩大会研究年度重点专题计划", None)
    assert (parts["content_source"], parts["published_at"]) == ("某画报社", "2021-09-06")
    assert parts["paragraphs"] == ["9月2日下午，某社召开编委扩大会。"]


def test_headline_above_the_block_when_the_article_line_follows_the_block():
    parts = read("首页 > 通知公告\n某局关于某事的通知\n索引号：A-1 发布机构：某局 成文日期：2020-01-01\n"
                 "来源：某局 发布时间：2020-01-02\n正文。\n")
    assert (parts["title"], parts["content_source"], parts["published_at"]) == (
        "某局关于某事的通知", "某局", "2020-01-02")
    assert parts["paragraphs"] == ["正文。"]


def test_running_text_known_by_columns_when_a_converter_wraps_it():
    """w3m, lynx and pandoc wrap a paragraph of Chinese at 72-80 columns: 36-39 characters a line."""
    from govmeta.parsers.text.headline import headline_like, prose, running_text

    wrapped = "会议要求，各乡镇、各部门要压实责任，科学选种，确保栽一棵活一棵，持续巩"
    assert len(wrapped) < 40 and running_text(wrapped)
    assert not running_text("青岭县召开2024年春季植树造林动员会")
    assert prose("根据有关规定，结合本县实际，现将名录予以公告。") and not prose("特此公告。")
    assert not headline_like("我们知道，还在这派理论提出之前，")


def test_colon_headline_but_not_key_lines():
    from govmeta.parsers.text.headline import headline_like

    assert headline_like("县交通运输局：加快建设城乡一体公交网络")
    assert headline_like("三部门如何用好互联网+：打造城乡智慧新生态")  # a lead with a sign, a short rest
    assert not headline_like("发布机构：青岭县人民政府办公室")
    assert not headline_like("主办单位：青岭县人民政府办公室")
    assert not headline_like("【来源： 综合自学习强国、川观新闻】")
    assert not headline_like("青岭县人民政府门户网站 www.qingling.gov.cn")


@pytest.mark.parametrize("dump", [
    "## 青岭县召开工作会议\n### 会议部署全年重点任务\n" * 20000,  # thousands of marked headings
    "信息编码 QL-1 制发机关 某局\n成文日期 2024-01-01 有效性 有效\n" * 20000,  # rows of label and value cells
    "索引号 文号 发布机构 成文日期 备注 " * 5000 + "\n" + "值 " * 20000 + "\n",  # one line of labels
])
def test_hostile_dumps_read_in_linear_time(dump):
    """Shapes the converter rules look for, repeated without end: read in seconds, never quadratic."""
    started = time.perf_counter()
    record = extract_record(dump.encode(), "hostile.txt")
    assert time.perf_counter() - started < 15 and "error" not in record


def test_headline_halves_join_before_their_document_kind_only():
    from govmeta.parsers.text.headline import merge_wrapped

    text = "关于同意成立青岭村\n\n股份经济合作社的批复\n"
    assert merge_wrapped([(0, "关于同意成立青岭村"), (text.index("股"), "股份经济合作社的批复")], text) == [
        "关于同意成立青岭村股份经济合作社的批复"]
    cells = "办理状态 现行有效 制发机关 青岭县自然资源局\n\n青岭县自然资源局关于规范宅基地审批的通知\n"
    row, head = "办理状态 现行有效 制发机关 青岭县自然资源局", "青岭县自然资源局关于规范宅基地审批的通知"
    assert len(merge_wrapped([(0, row), (cells.index(head), head)], cells)) == 2  # a row of cells: no first half
    indented = "    青岭县行政审批局\n\n关于公布第三批行政许可事项的通知\n"
    assert len(merge_wrapped([(4, "青岭县行政审批局"), (indented.index("关"), "关于公布第三批行政许可事项的通知")],
                             indented)) == 2  # a value indented under its label, then the headline flush left


def test_stacked_headline_lines_the_body_repeats_the_kicker():
    # the body repeats the first line (punctuation aside): it stays the 引题 over the title
    parts = read("当前位置:某市人民政府>政府信息公开>对口援建\n\n打造东西部协调发展共同富裕新典范\n\n"
                 "某县党政代表团来我市考察并召开东西部协作联席会议\n来源:某市日报    日期:2023-08-26 08:52:42\n\n"
                 "会上，双方表示要打造东西部协调发展、共同富裕新典范。\n")
    assert (parts["kicker"], parts["title"], parts["subtitle"]) == (
        "打造东西部协调发展共同富裕新典范", "某县党政代表团来我市考察并召开东西部协作联席会议", None)


def test_stacked_headline_lines_the_body_repeats_the_subtitle():
    parts = read("当前位置:某市人民政府>要闻\n\n某某品牌丝路行正式启动\n\n"
                 "成功举办中国（某某）－巴西双向经贸投资推介会\n来源:某某日报    日期:2019-09-18 06:23\n\n"
                 "当地时间9月16日，某某品牌丝路行在圣保罗启动，并成功举办中国（某某）－巴西双向经贸投资推介会。\n")
    assert (parts["kicker"], parts["title"], parts["subtitle"]) == (
        None, "某某品牌丝路行正式启动", "成功举办中国（某某）－巴西双向经贸投资推介会")


def test_label_column_over_fewer_values_is_read_only_when_one_placement_fits():
    labels = "索取号\n\n发布时间\n\n发布机构\n\n文件编号\n\n"
    body = "\n\n各区卫生健康局：\n\n现就有关事项通知如下。\n"
    # the document number goes under 文件编号, the date label takes no other value: one way
    one = read(labels + "1131/2024-00187\n\n某市卫生健康委员会\n\n某卫基层〔2024〕9号" + body)
    assert pairs(one) == [("索取号", "1131/2024-00187"), ("发布时间", ""), ("发布机构", "某市卫生健康委员会"),
                          ("文件编号", "某卫基层〔2024〕9号")]
    # no document number: 文件编号 or 发布机构 may be the empty cell, which the text does not tell
    assert pairs(read(labels + "1131/2024-00187\n\n某市卫生健康委员会" + body)) == []


def test_label_tails_w3m_wrapped_go_back_after_their_heads_but_a_label_line_under_a_pair_stays():
    from govmeta.parsers.hanzi import fold
    from govmeta.parsers.text.markup import unmark
    from govmeta.parsers.vocabulary import clean_label

    def known(label: str) -> bool:
        return fold(clean_label(label)) in DEFAULT_VOCABULARY.known

    wrapped = ["报送单  市财政局          主题分  ", "位：                      类："]
    assert unmark(wrapped, known)[0] == ["报送单位：  市财政局          主题分类：  "]
    assert unmark(["发布机构 某县财政局", "："], known)[0] == ["发布机构： 某县财政局"]
    # one tail of characters naming no known label: a line of its own (附件：), not a label's end
    assert unmark(["发布机构  某县财政局", "附件："], known)[0] == ["发布机构  某县财政局", "附件："]
    # a label broken where a line was wrapped at the converter's width goes down to its rest
    line = "索 引 号： A-1  主题分类： 无  发文机关： 某县政府  成文日期： 2024年04月02日  有"
    assert unmark([line, "效 性： 有效"], known)[0] == [line[:-3], "有效 性： 有效"]


def test_a_copy_of_the_block_with_empty_values_is_no_block_and_does_not_displace_a_filled_one():
    empty = "索引号：\n主题分类：\n发文机关：\n成文日期：\n文号：\n"
    filled = "发布机构：某县财政局\n成文日期：2024-05-06\n文号：某财〔2024〕3号\n"
    body = "\n关于做好2024年财政收支管理工作的通知\n\n各乡镇人民政府：\n\n现就有关事项通知如下。\n"
    page = empty + "\n\n\n\n\n某县财政局网站\n\n\n\n\n" + filled + body
    assert pairs(read(page)) == [("发布机构", "某县财政局"), ("成文日期", "2024-05-06"), ("文号", "某财〔2024〕3号")]
    assert pairs(read(empty + body)) == []  # alone: no pairs (the HTML reader wants two filled values)


def test_dashed_rules_framing_a_cell_are_no_underline():
    from govmeta.parsers.text.markup import unmark

    # html2text's one-cell table and markdownify's setext heading: the flush-left rule underlines the line
    _, headings, _ = unmark(["---  ", "|  **青岭县召开工作会议**  ", "---  ", "", "标题二", "------"])
    assert sorted(headings) == [1, 4]
    # pandoc's one-column tables: rules indented by two around the cell, the text indented otherwise
    _, headings, _ = unmark(["  -- ------------", "     青岭县召开工作会议", "  -- ------------", "",
                             "  ------------", "  []", "      会议现场", "  ------------"])
    assert headings == {}


def test_a_heading_over_a_plain_line_is_the_title_with_the_line_under_it():
    # html2text: the <h1> marked, a line of its own under it; read first as 引题 and title, the heading wins
    parts = read("当前位置： 首页/要闻动态/今日关注\n\n# 某某省延续部分到期税费优惠政策助企纾困\n\n"
                 "预计三年为市场主体减负60亿元\n\n发布日期：2023-02-14 09:30 来源：某某日报\n\n"
                 "省财政厅传出消息：年初以来，省委、省政府决定延续年底到期的优惠政策。\n")
    assert (parts["kicker"], parts["title"], parts["subtitle"]) == (
        None, "某某省延续部分到期税费优惠政策助企纾困", "预计三年为市场主体减负60亿元")


def test_a_column_name_over_the_headline_the_lead_repeats_is_no_title():
    # the lead repeats the headline, but the line above it is a column's name the body says nothing of
    parts = read("当前位置:首页>要闻\n\n青岭县应急管理局工作动态专栏\n\n青岭县召开秋冬季安全生产工作会议\n"
                 "来源:青岭日报    日期:2023-09-18 10:00\n\n"
                 "9月17日，青岭县召开秋冬季安全生产工作会议，部署秋冬季安全生产工作。\n")
    assert (parts["title"], parts["subtitle"]) == ("青岭县召开秋冬季安全生产工作会议", None)
