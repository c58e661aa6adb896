"""The disclosure block: found where known labels cluster, on every layout, read once, never on prose.

Small inline pages pin single rules and the corpus pages are checked against gold; the fixture pages in
fixtures/blocks/ (one per layout the corpus lacks) are run by tests/test_fixtures.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govmeta.cli.main import cli
from govmeta.cli.rulefile import load_vocabulary
from govmeta.parsers import extract_record
from govmeta.parsers.encoding.decode import decode_page
from govmeta.parsers.html import block_grid
from govmeta.parsers.html.block import read_block
from govmeta.parsers.html.block_labels import _TERMINATOR, MAX_BARE_LABEL_CHARS, matcher_for, page_hits, segment_hits
from govmeta.parsers.html.document import drop_non_content, element_text, parse_html
from govmeta.parsers.html.segments import read_segments
from govmeta.parsers.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from tests.paths import FIXTURES, HAVE_SHARED, SHARED, gold_pages, needs_shared

BLOCKS = FIXTURES / "blocks"
USER_LABELS = BLOCKS / "user_labels"


def _block(body: str, vocabulary=DEFAULT_VOCABULARY):
    root = parse_html(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>")
    drop_non_content(root)
    return read_block(root, vocabulary)


def _pairs(body: str) -> list[tuple[str, str]]:
    return [(p["label"], p["value"]) for p in _block(body).pairs]


# --- layouts seen on real sites ---------------------------------------------------------------------

def test_one_label_cell_one_value_cell():
    body = ("<table><tr><td>索引号</td><td>A/1</td></tr><tr><td>发布机构</td><td>市政府</td></tr>"
            "<tr><td>成文日期</td><td>2023-10-16</td></tr></table><p>正文。</p>")
    assert _pairs(body) == [("索引号", "A/1"), ("发布机构", "市政府"), ("成文日期", "2023-10-16")]


def test_two_pairs_per_row_with_empty_cell():
    body = ("<table><tr><td class=k>索引号</td><td>A/1</td><td class=k>文件编号</td><td></td></tr>"
            "<tr><td class=k>发布机构</td><td>局</td><td class=k>成文日期</td><td>2023-08-26</td></tr></table>")
    assert _pairs(body) == [("索引号", "A/1"), ("文件编号", ""), ("发布机构", "局"), ("成文日期", "2023-08-26")]


def test_label_and_value_in_one_cell():
    body = ("<table><tr><td><b><span>索  引  号: </span></b>014500815/2020-01655</td>"
            "<td><b> 发文机关: </b> 省政府办公厅</td><td><b>文      号:</b> 赣府厅发〔2020〕4号</td></tr>"
            "<tr><td><b>主题分类: </b> 科技、教育</td><td><b>成文日期: </b> 2020-02-05   </td></tr></table>")
    assert _pairs(body) == [("索引号", "014500815/2020-01655"), ("发文机关", "省政府办公厅"),
                            ("文号", "赣府厅发〔2020〕4号"), ("主题分类", "科技、教育"), ("成文日期", "2020-02-05")]


def test_colon_label_cells_beside_value_cells():
    body = ("<table><tr><td><b>索 引 号：</b></td><td>000014349/2024-00010</td><td><b>主题分类：</b></td>"
            "<td>宏观经济</td></tr><tr><td><b>发文机关：</b></td><td>国务院办公厅</td><td><b>成文日期：</b></td>"
            "<td>2024年01月05日</td></tr><tr><td><b>主 题 词：</b></td><td colspan=3></td></tr></table>"
            "<div><p>各省、自治区、直辖市人民政府：</p></div>")
    assert _pairs(body)[-1] == ("主题词", "")  # the empty cell does not swallow the body's first line
    assert len(_pairs(body)) == 5


def test_labels_split_by_inner_tags_and_padded():
    body = ("<table><tr><td>索<span>引</span>号</td><td>A/1</td></tr>"
            "<tr><td>发&nbsp;布&ensp;机\u3000构</td><td>局</td></tr>"
            "<tr><td>成<font>文</font>日<font>期</font>：</td><td>2024-01-05</td></tr></table>")
    assert _pairs(body) == [("索引号", "A/1"), ("发布机构", "局"), ("成文日期", "2024-01-05")]


def test_numbered_topics_and_bracket_forms():
    body = ("<table><tr><td>索引号:</td><td>A/1</td><td>主题(一):</td><td>民政、扶贫、救灾</td>"
            "<td>主题（二）:</td><td>扶贫</td></tr><tr><td>生成日期:</td><td>2023-08-26</td>"
            "<td>体裁:</td><td>其他</td></tr></table>")
    block = _block(body)
    assert [p["label"] for p in block.pairs] == ["索引号", "主题(一)", "主题(二)", "生成日期", "体裁"]


def test_bracketed_labels_on_one_line():
    body = "<p>【索引号】A/1 【发布机构】某局 【成文日期】2024-01-05 【文号】某发〔2024〕1号</p><p>正文。</p>"
    assert _pairs(body) == [("索引号", "A/1"), ("发布机构", "某局"), ("成文日期", "2024-01-05"),
                            ("文号", "某发〔2024〕1号")]


def test_lines_split_by_br_with_unknown_label():
    body = "<p>索引号：A/1<br>发布机构：局<br>归档日期：2024-02-01<br>成文日期：2024-01-05<br>文号：无</p>"
    assert _pairs(body) == [("索引号", "A/1"), ("发布机构", "局"), ("归档日期", "2024-02-01"),
                            ("成文日期", "2024-01-05"), ("文号", "无")]


def test_labels_followed_by_spaces_only():
    body = ("<p>索&nbsp;引&nbsp;号&nbsp;0140-2024-1&nbsp;&nbsp;&nbsp;发布机构&nbsp;某局</p>"
            "<p>成文日期 2024-04-10　　文　　号 某发〔2024〕1号</p><p>各单位：现将有关事项通知如下。</p>")
    assert _pairs(body) == [("索引号", "0140-2024-1"), ("发布机构", "某局"), ("成文日期", "2024-04-10"),
                            ("文号", "某发〔2024〕1号")]


def test_prose_opening_with_a_label_word_is_no_block():
    body = ("<p>发布机构 调整后，各单位要按照新的职责分工开展工作。</p><p>文号 管理是公文处理的重要环节。</p>"
            "<p>成文日期 以负责人签发日期为准。</p>")
    assert _pairs(body) == []


def test_block_by_shape_with_unknown_labels():
    body = ("<ul><li>登记编码：MX-1</li><li>制发单位：某局</li><li>文号：某发〔2024〕9号</li>"
            "<li>成文日期：2024-04-02</li></ul><p>各乡镇人民政府：现将有关事项通知如下。</p>")
    assert [label for label, _ in _pairs(body)] == ["登记编码", "制发单位", "文号", "成文日期"]


def test_bracket_block_by_shape_keeps_unknown_bracket_labels():
    body = ("<p>【登记编码】A-1<br>【制发单位】某县人民政府<br>【文　　号】某政发〔2024〕3号<br>"
            "【成文日期】2024年2月20日</p><p>各乡镇人民政府：现将方案印发给你们，请认真贯彻执行。</p>")
    assert [label for label, _ in _pairs(body)] == ["登记编码", "制发单位", "文号", "成文日期"]


def test_rows_of_unknown_labels_between_known_ones_keep_the_block_whole():
    rows = [("索引号", "A-1"), ("登记时间", "2024-05-20"), ("办理状态", "有效"), ("发布机构", "某局"),
            ("签署人", "某县人民政府办公室"), ("联系科室", "综合科0571-1234567"),
            ("文号", "某发〔2024〕1号")]
    body = "<table>" + "".join(f"<tr><td class=k>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table><p>正文。</p>"
    assert _pairs(body) == rows


def test_ratio_and_small_colons_end_labels():
    body = "<ul><li>索引号∶A-1</li><li>发布机构∶某局</li><li>成文日期﹕2024-01-05</li></ul><p>正文。</p>"
    assert _pairs(body) == [("索引号", "A-1"), ("发布机构", "某局"), ("成文日期", "2024-01-05")]


def test_traditional_labels_spaced_and_bracketed():
    spaced = "<p>索引號&nbsp;&nbsp;A-1</p><p>發布機構　某局</p><p>成文日期 2024-01-05</p><p>正文。</p>"
    assert _pairs(spaced) == [("索引號", "A-1"), ("發布機構", "某局"), ("成文日期", "2024-01-05")]
    bracketed = "<p>【索　引　號】A-1<br>【發布機構】某局<br>【發文字號】某發〔2024〕1號</p><p>正文。</p>"
    assert _pairs(bracketed) == [("索引號", "A-1"), ("發布機構", "某局"), ("發文字號", "某發〔2024〕1號")]


def test_block_lines_sharing_a_paragraph_with_the_body_are_set_apart():
    from govmeta.parsers.html.block_lines import wrap_lines

    root = parse_html("<html><body><p>正文一<br>索引号：A<br><b>文号：</b>B<br>正文二</p></body></html>")
    p = root.find(".//p")
    box = wrap_lines(p, 1, 2, 4)
    assert box is not None and element_text(box) == "索引号：A文号：B"
    assert [c.tag for c in box] == ["br", "b"]  # the break between the two lines moved with them
    assert "正文一" in element_text(p) and "正文二" in element_text(p)
    assert wrap_lines(p, 0, 1, 4) is None  # now holds a block element: left as it is
    lines = parse_html("<html><body><p>索引号：A<br>文号：B</p></body></html>").find(".//p")
    assert wrap_lines(lines, 0, 1, 3) is None  # the lines do not add up: nothing moved
    assert lines.text == "索引号：A"


def test_labels_given_by_the_user_make_a_block_by_shape_in_one_dl():
    vocabulary = Vocabulary.from_mapping({"index_no": ["信息编码"], "publisher": ["制发机关"]})
    rows = [("信息编码", "XX-1"), ("登记时间", "2024-05-20"), ("办理状态", "现行有效"), ("制发机关", "某县审批局")]
    body = "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl><p>各单位：现将事项通知如下。</p>"
    assert [(p["label"], p["value"]) for p in _block(body, vocabulary).pairs] == rows
    assert _block(body).pairs == []  # no label known without them


def test_news_info_items_are_no_block_by_shape():
    body = ("<ul><li>发布时间：2024-01-01</li><li>来源：某局</li><li>作者：张三</li><li>浏览次数：100</li></ul>"
            "<p>会议要求，各地各部门要切实扛起安全生产责任。</p>")
    assert _pairs(body) == []


def test_th_cells_hold_unknown_labels():
    body = ("<table><tr><th>索引号</th><td>A/1</td><th>发布机构</th><td>局</td></tr>"
            "<tr><th>成文日期</th><td>2024-01-05</td><th>办理时限</th><td>长期</td></tr>"
            "<tr><th>内容概述</th><td colspan=3><p>第一段。</p><p>第二段。</p></td></tr></table>")
    assert _pairs(body)[-2:] == [("办理时限", "长期"), ("内容概述", "第一段。 第二段。")]


def test_block_element_and_exclusion():
    block = _block("<div id=info><table><tr><td>索引号</td><td>A/1</td></tr><tr><td>发布机构</td><td>局</td></tr>"
                   "<tr><td>成文日期</td><td>2024-01-05</td></tr></table></div><div id=zoom><p>正文。</p></div>")
    assert block.element is not None and block.element.tag in ("table", "tbody")
    assert "正文" not in element_text(block.element)
    assert block.exclude == [block.element]


def test_loose_container_excludes_only_rows():
    body = ("<div class=page><div class=row><span class=k>索引号</span><span>A/1</span></div>"
            "<div class=row><span class=k>发布机构</span><span>局</span></div>"
            "<div class=row><span class=k>成文日期</span><span>2024-01-05</span></div>"
            "<p>正文第一段很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。</p>"
            "<p>正文第二段也很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。</p></div>")
    block = _block(body)
    assert len(block.pairs) == 3
    assert all("正文" not in element_text(el) for el in block.exclude)


def test_block_printed_twice_is_read_once():
    row = "<li>索引号：A/1</li><li>发布机构：局</li><li>成文日期：2024-01-05</li><li>有效性：</li>"
    block = _block(f"<ul class=pc>{row}</ul><ul class=mobile>{row}</ul><p>第一段正文。</p>")
    assert [(p["label"], p["value"]) for p in block.pairs] == [
        ("索引号", "A/1"), ("发布机构", "局"), ("成文日期", "2024-01-05"), ("有效性", "")]
    assert len(block.exclude) == 2
    assert any("printed 2 times" in w for w in block.warnings)


@pytest.mark.parametrize("hidden", [
    '<table style="display:none">{}</table>',
    "<table hidden>{}</table>",
    '<div class="ng-hide"><table>{}</table></div>',
    "<!-- <table>{}</table> -->",
    "<template><table>{}</table></template>",
])
def test_hidden_copies_are_not_content(hidden: str):
    rows = ("<tr><td>索引号</td><td>A/1</td></tr><tr><td>发布机构</td><td>局</td></tr>"
            "<tr><td>成文日期</td><td>2024-01-05</td></tr>")
    assert _pairs(hidden.format(rows) + "<p>正文。</p>") == []


def test_label_row_over_value_row():
    body = ("<table><tr><th>索取号</th><th>发布时间</th><th>发布机构</th><th>文件编号</th><th>备注</th></tr>"
            "<tr><td>A/1</td><td></td><td>市卫生健康委员会</td><td>某卫〔2024〕5号</td><td></td></tr></table>"
            "<p>正文第一段。</p>")
    block = _block(body)
    assert [(p["label"], p["value"]) for p in block.pairs] == [
        ("索取号", "A/1"), ("发布时间", ""), ("发布机构", "市卫生健康委员会"), ("文件编号", "某卫〔2024〕5号"),
        ("备注", "")]
    assert block.element is not None and "正文" not in element_text(block.element)


def test_label_rows_alternate_with_value_rows_then_pair_rows():
    body = ("<table><tr><td><p>索引号</p></td><td>主题分类</td><td>发布机构：</td></tr>"
            "<tr><td>A/1</td><td>综合政务</td><td><span>局</span></td></tr>"
            "<tr><td>成文日期</td><td>发布日期</td><td>文号</td></tr>"
            "<tr><td>2024-01-05</td><td>2024-01-06</td><td></td></tr>"
            "<tr><td>标题</td><td colspan=2>关于某事的通知</td></tr></table><p>正文。</p>")
    assert _pairs(body) == [("索引号", "A/1"), ("主题分类", "综合政务"), ("发布机构", "局"), ("成文日期", "2024-01-05"),
                            ("发布日期", "2024-01-06"), ("文号", ""), ("标题", "关于某事的通知")]


def test_label_row_over_values_linking_files_only():
    body = ("<table><tr><th>索引号</th><th>发布机构</th><th>成文日期</th><th>附件</th></tr>"
            "<tr><td>A/1</td><td>局</td><td>2024-01-05</td><td><a href='/f/x.pdf'>x.pdf</a></td></tr></table>")
    assert _pairs(body)[-1] == ("附件", "x.pdf")


# --- no false positives -----------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "<p>该保健食品未取得批准文号。</p><p>文号：某发〔2024〕1号 的决定已送达。</p>",
    "<div>发布时间：2023-01-01 来源：市政府 关键词：经济,发展 信息来源：办公室</div><p>正文</p>",
    "<script>// 用得到的年、月、日生成日期对象\nvar 生成日期 = 1;</script><p>正文</p>",
    ("<table><tr><td>行政处罚决定书文号</td><td>罚〔2024〕36号</td></tr><tr><td>被处罚当事人姓名或名称</td><td>某公司</td></tr>"
     "<tr><td>作出处罚决定的机关名称</td><td>某局</td></tr><tr><td>作出处罚决定的日期</td><td>2024年7月10日</td></tr></table>"),
    ("<table><tr><th>标题</th><th>文号</th><th>发文机关</th><th>成文日期</th><th>发布日期</th></tr>"
     "<tr><td><a href=1>某办法</a></td><td>某发〔2023〕12号</td><td>某市人民政府</td><td>2023-05-04</td>"
     "<td>2023-05-10</td></tr></table>"),
    ("<table><tr><th>索引号</th><th>发布机构</th><th>成文日期</th><th>文号</th></tr>"
     + "".join(f"<tr><td>A/{i}</td><td>局{i}</td><td>2024-01-0{i}</td><td>发〔2024〕{i}号</td></tr>" for i in (1, 2))
     + "</table>"),
    ("<table><tr><th>序号</th><th>索引号</th><th>发布机构</th><th>成文日期</th></tr>"
     "<tr><td>1</td><td>A/1</td><td>局</td><td>2024-01-05</td></tr></table>"),
    ("<table><tr><td>发布机构</td><td>市政府</td><td>主题分类</td><td>综合政务</td></tr>"
     "<tr><td>甲</td><td>乙</td><td>丙</td><td>丁</td></tr></table>"),
], ids=["prose", "info-line", "script", "penalty-table", "list-heading", "list-rows-under-labels",
        "list-numbered-column", "label-value-row-over-cells"])
def test_no_block(body: str):
    block = _block(body)
    assert block.pairs == [] and block.element is None and block.exclude == []


# --- user label rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["labels.toml", "labels.json"])
def test_label_files_toml_and_json(name: str):
    vocabulary = load_vocabulary(USER_LABELS / name)
    assert vocabulary.field_for("信息编码") == "index_no"
    assert vocabulary.field_for("制发机关") == "publisher"


def test_vocabulary_from_mapping_adds_synonyms_and_rejects_unknown_fields():
    vocabulary = Vocabulary.from_mapping({"index_no": ["信息编码"]})
    assert vocabulary.field_for("信息编码") == "index_no"
    assert vocabulary.field_for("索引号") == "index_no"
    assert vocabulary.field_for("信息編碼") == "index_no"  # its traditional spelling too
    assert DEFAULT_VOCABULARY.field_for("信息编码") is None
    assert Vocabulary.from_mapping({"labels": {"publisher": "制发机关"}}).field_for("制发机关") == "publisher"
    with pytest.raises(ValueError, match="unknown canonical field"):
        Vocabulary.from_mapping({"no_such_field": ["x"]})
    with pytest.raises(TypeError, match="list of label strings"):
        Vocabulary.from_mapping({"index_no": [1, 2]})
    with pytest.raises(TypeError, match="mapping of field to labels"):
        Vocabulary.from_mapping(["index_no"])  # type: ignore[arg-type]


def _cli_record(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["extract", str(USER_LABELS / "page.html"), "-q", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[0])


def test_cli_labels_file_makes_the_block():
    expected = json.loads((USER_LABELS / "expected_with_labels.json").read_text(encoding="utf-8"))
    plain = _cli_record()  # a block by its shape; only the built-in labels map
    assert plain["fields"] == expected["fields"]
    assert plain["metadata"] == {"written_date": "2024-03-05", "validity": "有效"}
    for name in ("labels.toml", "labels.json"):
        record = _cli_record("--labels", str(USER_LABELS / name))
        assert record["fields"] == expected["fields"]
        assert record["metadata"] == expected["metadata"]


def test_cli_rejects_bad_labels_file(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text('no_such_field = ["x"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(USER_LABELS / "page.html"), "-q", "--labels", str(bad)])
    assert result.exit_code != 0
    assert "no_such_field" in result.output


# --- the corpus ----------------------------------------------------------------------------------------

@needs_shared
@pytest.mark.parametrize(("page", "gold_file"), gold_pages(), ids=lambda p: p.name)
def test_corpus_block_matches_gold(page: Path, gold_file: Path):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    record = extract_record(page.read_bytes(), str(page))
    assert record["fields"] == gold["fields"]
    assert record["metadata"] == gold["metadata"]


# --- what is not a pair of the block --------------------------------------------------------------------

def test_list_of_documents_is_not_a_block():
    items = "".join(f"<div class=item><h3>文件{i}</h3><p>索引号：A/{i} 发布机构：局{i} 成文日期：2024-01-0{i} "
                    f"文号：发〔2024〕{i}号</p></div>" for i in range(1, 5))
    assert _pairs(items) == []


def test_colon_text_opening_a_value_cell_is_value():
    body = ("<table><tr><td>索引号</td><td>A/1</td></tr><tr><td>发布机构</td><td>局</td></tr>"
            "<tr><td>成文日期</td><td>2024-01-05</td></tr><tr><td>内容概述</td><td>主要内容：为了规范管理。</td></tr></table>")
    assert _pairs(body)[-1] == ("内容概述", "主要内容：为了规范管理。")


def test_breadcrumb_beside_the_block_is_not_a_pair():
    body = ("<div class=main><div class=position>当前位置：首页 &gt; 政务公开</div>"
            "<div class=row><span>索引号：</span>A/1</div><div class=row><span>发布机构：</span>局</div>"
            "<div class=row><span>成文日期：</span>2024-01-05</div>"
            "<div class=row><span>归档时间：</span>2024-02-01</div>"
            "<p>正文很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。</p></div>")
    assert _pairs(body) == [("索引号", "A/1"), ("发布机构", "局"), ("成文日期", "2024-01-05"),
                            ("归档时间", "2024-02-01")]


def test_unknown_label_before_the_known_ones_in_the_same_rows():
    body = ("<table><tr><td><b>统一编号:</b> X-1</td><td><b>索 引 号:</b> A/1</td></tr>"
            "<tr><td><b>发文机关:</b> 局</td><td><b>成文日期:</b> 2024-01-05</td></tr></table>")
    assert _pairs(body) == [("统一编号", "X-1"), ("索引号", "A/1"), ("发文机关", "局"), ("成文日期", "2024-01-05")]


def test_traditional_labels():
    body = "<ul><li>索引號：A/1</li><li>發布機構：局</li><li>成文日期：2024-01-05</li><li>有效性：有效</li></ul>"
    assert [label for label, _ in _pairs(body)] == ["索引號", "發布機構", "成文日期", "有效性"]


@pytest.mark.parametrize("where", ["above", "below"])
def test_info_line_touching_the_block_is_not_part_of_it(where: str):
    info = "<div class=info>来源：宜兴日报 日期：2023-08-26 08:52:42 发布时间：2023-08-26 浏览次数：</div>"
    table = ("<table class=xxgk><tr><td class=lab>索引号</td><td>A/1</td>"
             "<td class=lab>生成日期</td><td>2023-08-26</td></tr>"
             "<tr><td class=lab>发布机构</td><td>宜兴市人民政府网站</td>"
             "<td class=lab>公开方式</td><td>主动公开</td></tr></table>")
    body = f"<div class=main>{info + table if where == 'above' else table + info}<p>正文。</p></div>"
    assert [label for label, _ in _pairs(body)] == ["索引号", "生成日期", "发布机构", "公开方式"]


# --- cost on long pages -----------------------------------------------------------------------------

def test_article_box_around_the_block_is_looked_at_once(monkeypatch):
    """The block's labels sit in the box holding the whole article (thousands of <p>): whether it is a grid
    row is worked out once a page, not once per label (that made a 10 MB page's block take seconds)."""
    seen: list = []
    original = block_grid._is_box_row

    def counted(el):
        seen.append(el)
        return original(el)

    monkeypatch.setattr(block_grid, "_is_box_row", counted)
    rows = "".join(f"<p>{label}</p><p>{value}</p>" for label, value in
                   (("索引号", "A/1"), ("发布机构", "市政府"), ("成文日期", "2024-01-02"), ("文号", "某发〔2024〕1号")))
    paragraphs = "".join(f"<p>第{i}段正文，内容较长的一句话。</p>" for i in range(2000))
    block = _block(f"<div class='article'>{rows}{paragraphs}<span>完</span></div>")
    assert [p["label"] for p in block.pairs] == ["索引号", "发布机构", "成文日期", "文号"]
    assert len(seen) == len(set(seen))


def _unfiltered_page_hits(segments, matcher):
    """page_hits as it read segments before the label pre-filter: the colon/length/first-character gate only."""
    found = {}
    for seg in segments:
        text = seg.text
        if not _TERMINATOR.search(text):
            if len(seg.starts) > 1:
                if not matcher.first_char.search(text):
                    continue
            elif (len(text) > MAX_BARE_LABEL_CHARS * 3 or not text.strip()
                  or text.strip()[0] not in matcher.first_chars):
                continue
        hits = segment_hits(seg, matcher)
        if hits:
            found[seg.index] = hits
    return found


def _pages_for_prefilter() -> list[Path]:
    pages = sorted(FIXTURES.rglob("*.htm*"))
    if HAVE_SHARED:
        pages += sorted((SHARED / "corpus" / "pages").rglob("*.htm*"))
    return pages


def test_label_prefilter_loses_no_label():
    """A segment is skipped only when the matcher could find no label in it: the hits are those of reading
    every segment the colon/length gate lets through (fixtures, and the corpus where present)."""
    matcher = matcher_for(DEFAULT_VOCABULARY)
    checked = 0
    for path in _pages_for_prefilter():
        root = parse_html(decode_page(path.read_bytes()).text)
        if root is None:
            continue
        drop_non_content(root)
        segments = read_segments(root.find("body") if root.find("body") is not None else root)
        assert repr(page_hits(segments, matcher)) == repr(_unfiltered_page_hits(segments, matcher)), path
        checked += 1
    assert checked >= 40
