"""Hostile text dumps: lines built from N repeats of a markup token the text reader knows.

``cases(n)`` gives name -> dump text; each grows linearly with n, so the reader's work on it must too.
Run as a script to time every case at N and 4N (``python3 tests/hostile_text.py 2000``): a ratio
well above 4-5 is super-linear work.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

# Tokens repeated on one line (with a leading word so the line is not all markup).
TOKENS: dict[str, str] = {
    "image_open": "![", "bracket": "[", "bracket_close": "]", "link_mid": "](", "link_open": "[a](",
    "image_alt": "![a]", "paren": "(", "star": "*", "stars": "**", "underscore": "_", "underscores": "__",
    "hash": "#", "bar": "|", "plus_dash": "+-", "box_bar": "│", "box_dash": "─", "equals": "=", "dash": "-",
    "colon": "：", "ascii_colon": ":", "lenticular": "【", "lenticular_pair": "【文号】", "tortoise": "〔",
    "backtick": "`", "angle": "<", "nbsp": "&nbsp;", "label": "索引号：", "label_spaced": "索 引 号 ：",
    "date": "2024-05-06 ", "date_cn": "2024年5月6日", "backslash": "\\", "escape": "\\*", "dot": ".",
    "dot_pdf": "a.pdf", "cjk_space": "文 ", "cjk": "文", "space_cjk_colon": " 文文：", "bullet_star": "* ",
    "slash": "/", "gt": ">", "bracket_word": "[IMAGE", "quote": '"', "url_space": "[a](b \"",
    "paren_open_close": "()", "nested_paren": "[a](b(", "underscore_word": "_a", "star_word": "*a",
    "stars_word": "**a", "fullwidth_paren": "（", "tab": "\t", "pipe_cells": "| a ",
}


def _token_line(token: str) -> Callable[[int], str]:
    return lambda n: "标题\n\nx" + token * n + "\n\n正文。\n"


def _lines(line: str) -> Callable[[int], str]:
    return lambda n: "标题\n\n" + (line + "\n") * n


# One opener, then a long run it scans for its closer (a regex that retries at every split point is quadratic).
OPENED: dict[str, tuple[str, str]] = {
    "bracket_word": ("[", "a"), "bracket_words": ("[", "a "), "bracket_cjk": ("[", "文"), "image_word": ("![", "a"),
    "link_url": ("[a](", "b"), "link_url_parens": ("[a](", "(b"), "star_word": ("*", "a "), "under_word": ("_", "a "),
    "heading_word": ("# ", "a "), "heading_hashes": ("# a", " #"), "lenticular_cjk": ("【", "文 "),
    "date_digits": ("2024-", "1"), "bracket_date": ("(2024-01-01", " "), "colon_cjk": ("文：", "文"),
    "dash_words": ("-", "- "), "rule_mix": ("-", " -"), "border_mix": ("+", "-"), "url_line": ("URL: http://", "a"),
    "salutation": ("各", "单位"), "latin": ("A", "b "), "doc_no": ("某〔2024〕", "1"), "subtitle": ("——", "文"),
}
CASES: dict[str, Callable[[int], str]] = {f"line:{name}": _token_line(token) for name, token in TOKENS.items()}
CASES.update({f"opened:{name}": (lambda n, a=a, b=b: "标题\n\n" + a + b * n + "\n")
              for name, (a, b) in OPENED.items()})
CASES.update({
    "lines:pipe_row": _lines("|a|b|"),
    "lines:grid_border": _lines("+---+---+"),
    "lines:box_border": _lines("├──┼──┤"),
    "lines:bare_rule": _lines("---|---"),
    "lines:label_pair": _lines("索引号：0001 发布机构：某局"),
    "lines:column_cells": _lines("索引号: 014501068/   发文机关: 江西省"),
    "lines:short": _lines("文"),
    "lines:blank": _lines(""),
    "lines:bullets": _lines("* 文"),
    "lines:atx": _lines("# 标题"),
    "lines:setext": _lines("===="),
    "lines:indented": _lines("   文字"),
    "lines:date": _lines("2024-05-06"),
    "lines:bracket_labels": _lines("【文号】某政发〔2024〕3号"),
    "lines:image_open": _lines("![alt"),
    "lines:link_open": _lines("[a](http://x"),
    "lines:headline_like": _lines("关于印发某某办法的通知"),
    "lines:salutation": _lines("各单位："),
    "block_value": lambda n: "标题\n\n索引号：0001\n发布机构：某局\n成文日期：2024-05-06\n附件：" + "a." * n + "\n",
    "block_line": lambda n: "标题\n\n索引号：0001 发布机构：某局 成文日期：2024-05-06 附件：" + "a. " * n + "\n",
    "lines:info": _lines("来源：某报 作者：张三 日期：2024-05-06"),
    "lines:info_block_mix": _lines("索引号：1 发布机构：某局 成文日期：2024-05-06\n"
                                   "来源：某报 作者：张三 日期：2024-05-06"),
    "lines:keyed": _lines("key: value"),
    "lines:crumbs": _lines("首页 > 新闻"),
    "lines:pinyin": _lines("網(wǎng)站(zhàn)的(de)"),
    "lines:bare_table": lambda n: "标题\n\n索引号| 0001\n---|---\n" + "发布机构| 某局\n" * n,
    "lines:rules_tables": _lines("a|b\n---|---"),
    "line:label_value": lambda n: "标题\n\n" + "索引号：1 " * n + "\n",
    "line:info_values": lambda n: "标题\n\n" + "来源：某报 " * n + "\n",
    "line:crumbs": lambda n: "当前位置：" + "首页 > " * n + "\n\n标题\n",
    # A first line standing alone is read as a printed <title> and split at its separators.
    "first_line:spaces": lambda n: "某某委员会关" + "\u3000 " * n + "文件\n\n正文第一段。\n",
    # a first line (read as the page's <title>) of thousands of words: each tail of it was built and compared
    "first_line:words": lambda n: ("首页>通知公告" + "发布机构 某某局 " * n
                                   + "\n\n关于做好防汛工作的通知\n\n各单位：现将有关事项通知如下。\n"),
    "line:pinyin": lambda n: "标题\n\n" + "網(wǎng)" * n + "\n",
    "line:lost": lambda n: "标题\n\n" + "日?(bào)" * n + "\n",
    "grid_tall": lambda n: "标题\n\n+---+---+\n" + "| a | b |\n" * n + "+---+---+\n",
    "grid_wide": lambda n: "标题\n\n+" + "---+" * n + "\n|" + " a |" * n + "\n+" + "---+" * n + "\n",
    "columns_tall": lambda n: "标题\n\n索引号: 014501068/   发文机关: 江西省\n" + "2020-03530          督管理局\n" * n,
    "header_tall": lambda n: "url: http://a.b/c\n" + "栏目: 新闻\n" * n + "=====\n标题\n",
    "tab_rows": _lines("索引号\t发布机构\n0001\t某局"),
    "label_row": lambda n: "标题\n\n" + "索引号 发布机构 备注 " * n + "\n" + "a b c " * n + "\n",
    "label_row_only": lambda n: "标题\n\n" + "索引号 " * n + "\n",
    "columns_wide": lambda n: "标题\n\n" + "文文: a   " * n + "\n" + "b         " * n + "\n",
    "columns_wide_labels": lambda n: "标题\n\n" + "索引号: a   " * n + "\n" + "b           " * n + "\n",
    # a wide line of label cells whose tails and values a converter wrapped onto the next line (w3m)
    "label_tails_wide": lambda n: "标题\n\n" + "报送单  市财政局  " * n + "\n" + "位：    b         " * n + "\n",
    # a wide heading row of labels over a row of values whose cells w3m wrapped onto the next line
    "label_row_wrapped": lambda n: ("标题\n\n" + "索取号  发布机构  文件编号  " * n + "\n"
                                    + "ab/      某某某某  某某      " * n + "\n"
                                    + "c        某        某        " * n + "\n"),
    # a column of many labels over fewer values (the ways to place the values are counted for a few labels only)
    "label_column_long": lambda n: "标题\n\n" + "索引号\n发布机构\n成文日期\n" * n + "某局\n" * n,
    "deep_indent": lambda n: "标题\n\n" + "".join(" " * k + "文\n" for k in range(0, n, max(1, n // 200))),
    "long_words": lambda n: "标题\n\n" + "文字 " * n + "\n",
    "long_word": lambda n: "标题\n\n" + "文字" * n + "\n",
    # Page chrome around the headline (side columns, stamps, navigation bars, boxed cells, wrapped tails).
    "line:wide_gaps": lambda n: "标题\n\nx" + "文文          " * n + "\n\n正文。\n",
    "lines:side_menu": _lines("学思践悟                 中华人民共和国监察法"),
    "lines:right_column": _lines("发布时间：2024-06-05                          我县二季度重点"),
    "lines:stamp": _lines("某某新闻标题在这里出现\n2005年3月11日12:12 来源：某某"),
    "lines:nav_bar": _lines("首页 - 新闻 - 体育 - 娱乐 - 财经 - 汽车"),
    "lines:boxed_cell": _lines("  ------\n  cell\n  ------"),
    "lines:wrapped_tail": _lines("  拿起跨界指挥棒她跟学生较着劲儿成\n  长"),
})


def cases(n: int) -> dict[str, str]:
    """Every hostile dump at size n."""
    return {name: make(n) for name, make in CASES.items()}


def best_time(call, repeats: int = 1) -> float:
    """Best process time of ``call()`` over ``repeats`` runs."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best


def seconds(text: str, repeats: int = 1) -> float:
    """Best process time of reading the dump as a text file."""
    from govmeta.parsers import extract_record

    data = text.encode()
    return best_time(lambda: extract_record(data, "page.txt"), repeats)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    only = sys.argv[2:]
    for name, make in CASES.items():
        if only and not any(word in name for word in only):
            continue
        small, large = seconds(make(n)), seconds(make(4 * n))
        ratio = large / small if small > 1e-4 else float("nan")
        flag = "  SUPER-LINEAR" if ratio > 6 and large > 0.05 else ""
        print(f"{name:28} {small:8.3f} {large:8.3f} {ratio:6.1f}{flag}", flush=True)


if __name__ == "__main__":
    main()
