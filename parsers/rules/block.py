"""Rules for finding and reading the disclosure block: tag classes, label shapes and thresholds.

Data only; ``html/segments.py`` and ``html/block*.py`` read it. Nothing here names a site, a file or a class
attribute of one CMS: the block is found where known labels cluster, whatever the markup.
"""

from __future__ import annotations

from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.rules import words

# --- Reading the page as text segments -------------------------------------------------------------

# Elements that flow inside a line: their text joins the surrounding segment (as separate pieces).
INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "time", "tt", "u", "var", "wbr", "img",
})
# Elements whose subtree is never page text (document.drop_non_content removes most of them already).
SKIP_TAGS = frozenset({
    "head", "title", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "select",
    "textarea", "option", "button",
})
# A line break ends a segment like a block element does.
BREAK_TAGS = frozenset({"br", "hr"})

# --- Label shapes ----------------------------------------------------------------------------------

# Characters that pad a label or separate its characters (索 引 号, 索&ensp;引&ensp;号, 索　引　号).
LABEL_PADDING = frozenset(" \t\r\n\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                          "\u2009\u200a\u200b\u202f\u205f\u3000\ufeff")
# Characters that end a label, with the bracket that must open it (None: a colon, no opener); ∶ (ratio)
# and ﹕ (small colon) stand for the colon on some pages.
LABEL_TERMINATORS = {":": None, "：": None, "∶": None, "﹕": None, "】": "【", "]": "["}
# Characters that may stand right before a label on a line, besides padding (• 索引号：…  | 文号：…).
LABEL_LEFT_SEPARATORS = frozenset("|丨│┃¦/\\·•●■◆▪>》】]")
# A cell or inline piece whose label part is longer than this is not a bare (colon-less) label.
MAX_BARE_LABEL_CHARS = 16
# A known label followed by spaces only, no colon (索引号  0140…), is a label on a line at most this long
# without sentence punctuation; further such labels on the line follow a wide gap (two spaces, U+3000).
MAX_SPACED_LINE_CHARS = 80
SENTENCE_MARKS = lazy_compile("[。，；！？]")
WIDE_GAP = lazy_compile("[ \u00a0\t]{2,}|[\u3000\u2003]+")
# Folded while matching labels (full-width brackets in 主题（一）).
LABEL_FOLD = {"（": "(", "）": ")", "【": "[", "】": "]"}

# An unknown label (归档时间, 签发人 ...) inside a found block: this many characters at most,
# letters only (no digits: "2023年:" is not a label), and it ends with a colon or sits alone in a
# cell styled like the block's known labels.
UNKNOWN_LABEL_MIN_CHARS = 2
UNKNOWN_LABEL_MAX_CHARS = 8

# Beside the block's rows, a line "unknown label：value" whose value ends a sentence is article text
# (各单位：现将有关事项通知如下。), not another row.
SENTENCE_ENDS = ("。", "！", "？")

# Row and cell elements: their class (odd/even striping) does not change the shape of a block's rows.
ROW_TAGS = frozenset({"tr", "td", "th", "li", "dt", "dd"})

# Cells that hold a label by their markup, whatever their text (an unknown label in <th>/<dt>).
LABEL_CELL_TAGS = frozenset({"th", "dt"})

# A label alone in its cell takes the next cell(s) as value: at most this many lines and characters
# (more is the article, not a value).
MAX_CONTINUATION_SEGMENTS = 8
MAX_CONTINUATION_CHARS = 600

# --- How strongly a label says "this is a disclosure block" ------------------------------------------

# Labels that also head news info lines, tag lists or prose ("发布时间：… 来源：… 关键词：…",
# "名称", "主题"). They make pairs inside a block but count as weak evidence of one.
WEAK_LABELS = frozenset({
    "标题", "名称", "信息名称", "文件名称", "主题", "分类", "信息分类", "摘要", "内容摘要", "时效",
    "发布时间", "发布日期", "公开日期", "关键词", "关键字", "主题词", "信息来源",
})

# A cluster of labels is the block when it names at least this many distinct canonical fields,
# of which at least MIN_STRONG_FIELDS come from labels that are not weak.
MIN_CANONICAL_FIELDS = 3
MIN_STRONG_FIELDS = 2
# ... and at least this many of its labels have a value (a list's column headings have none).
MIN_FILLED_VALUES = 2

# A block too few of whose labels are known (a site's own words, or labels given only by --labels) is
# found from its shape: around at least SHAPE_MIN_CANONICAL_FIELDS canonical fields (one from a strong
# label), a run of at least SHAPE_MIN_PAIRS label/value pairs, known or not, on at least SHAPE_MIN_ROWS
# lines, each label once, SHAPE_MIN_FILLED values filled and none longer than SHAPE_MAX_VALUE_CHARS.
SHAPE_MIN_CANONICAL_FIELDS = 2
SHAPE_MIN_STRONG_FIELDS = 1
SHAPE_MIN_PAIRS = 4
SHAPE_MIN_ROWS = 3
SHAPE_MIN_FILLED = 3
SHAPE_MAX_VALUE_CHARS = 60
# ... looked for among the first this many runs of known labels (more runs: a list of documents, not a block).
SHAPE_MAX_RUNS = 16

# --- Clustering labels into blocks -----------------------------------------------------------------

# Text between two labels that is neither a label nor a value ("orphan" text) ends a block when
# the next label lies outside the block's element so far, unless every orphan is this short
# (a separator "|", a heading like 基本信息).
MAX_BRIDGING_ORPHAN_CHARS = 6
# Inside the block's element so far, this many orphan rows may sit between two labels
# (a heading row, an icon caption, rows of labels the vocabulary does not know).
MAX_INNER_ORPHANS = 3
# Orphans are counted by the rows they fill (a row of an unknown label and its value is one): a child of
# the block's element holding at most this many of them, or as many lines as a known row takes.
MAX_ORPHAN_ROW_SEGMENTS = 2

# Another printing of the block (desktop and mobile, 适老版) shares at least this share of its labels
# (and agrees on their values). Runs that share the labels but not the values are items of a list of
# documents; from this many of them on, the page is a list and has no block.
COPY_LABEL_OVERLAP = 0.6
LIST_MIN_OTHER_ITEMS = 2

# The block element is "tight" (safe to exclude from the article whole) when the block's own
# pairs make up at least this share of its text; otherwise only the rows holding pairs are excluded.
TIGHT_TEXT_SHARE = 0.6
# ... and no other line in it is longer than this (a heading like 基本信息 is; a sentence of the article
# under which the block is printed is not).
TIGHT_MAX_OTHER_LINE_CHARS = 24

# --- Labels heading the columns: a label row over a value row ------------------------------------------

# Table cells, and the groups rows sit in (<thead> may even sit inside <tbody>).
CELL_TAGS = frozenset({"td", "th"})
ROW_GROUP_TAGS = frozenset({"thead", "tbody", "tfoot"})
# A grid without a table: a box of these tags whose element children, all of one tag from BOX_CELL_TAGS,
# are its cells (<div class=row><div>索引号</div>…</div>, <dl><dt>索引号</dt>…</dl> over <dl><dd>…</dd>…</dl>).
BOX_ROW_TAGS = frozenset({"div", "ul", "ol", "dl"})
BOX_CELL_TAGS = frozenset({"div", "li", "dt", "dd", "p"})
# A label's text may sit this many elements below its cell (<td><div><p>索取号</p></div></td>).
GRID_CELL_DEPTH = 3
# A row of cells holding nothing but labels, at least this many known ones, heads the values of the
# next row (索取号 | 发布时间 | 发布机构 | 文件编号 | 备注 over their values), column by column.
GRID_MIN_KNOWN_LABELS = 2
# Of a label row's cells, at most this share (and at least one cell) may be labels the vocabulary does
# not know (备注): a row alternating known labels and short values (发布机构 | 市政府 | ...) is no label row.
GRID_MAX_UNKNOWN_SHARE = 0.25
# Headings of a list's columns, never of the block: a row heading them heads a list of documents.
LIST_HEADING_LABELS = frozenset({"序号", "排序", "操作", "查看", "详情", "下载"})
# A value cell that is wholly a link to another page names another document (a list row); links to
# these files (an attachment in the block) and links going nowhere do not count.
FILE_LINK_EXTENSIONS = tuple("." + ext for ext in (*words.ATTACHMENT_EXTENSIONS, *words.IMAGE_EXTENSIONS))
DEAD_LINK_PREFIXES = ("#", "javascript:", "mailto:")
