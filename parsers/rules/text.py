"""Named rules for reading plain-text dumps of disclosure pages (data only; textdump.py and the
text_*.py modules it calls apply them).

Every keyword here is written in simplified Chinese: text is matched after character folding
(parsers/hanzi.py), so 當前位置 and 瀏覽次數 match as well.
"""

from __future__ import annotations

import re

from govmeta.parsers.dates import DATE_TEXT
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.rules import words

# --- What is not the page's text -------------------------------------------------------------

# A first line recording the page's address (``URL: https://...``); the address becomes ``url``.
URL_LINE = lazy_compile(r"^\s*(?:url|URL|Url)\s*[:：]\s*(https?://\S+)\s*$")

# A crawler's header ends at a separator line (``==== 正文 ====``, ``-----``) or a body marker line.
SEPARATOR_LINE = lazy_compile(r"^\s*(?:[=\-*#~_]{4,}.{0,12}?[=\-*#~_]{0,}|(?:正文|正文内容|内容|content)\s*[:：]?)\s*$",
                            re.I)
# ... which must come within this many lines of the top, with mostly ``key: value`` lines above it.
HEADER_MAX_LINES = 40
HEADER_MIN_KEYED_SHARE = 0.6
# Keys only a crawler writes: a leading run of ``key: value`` lines holding one of them is a header
# even without a separator line.
CRAWLER_KEYS = frozenset({
    "原文链接", "原文地址", "原始链接", "本地目录", "本地路径", "链接", "网址", "页面地址", "页面链接", "来源链接",
    "来源网址", "采集时间", "抓取时间", "爬取时间", "保存时间", "下载时间", "栏目", "url", "link", "source_url",
    "crawled_at", "saved_at",
})
# A key right after one of these is a quoted word in prose (注明：“文章来源：某某网站”), never a key.
OPENING_QUOTES = ("“", "「", "『", "‘")
QUOTE_LOOKBACK = 40  # characters looked at before a key (the quote may end the line above)
# A ``key: value`` line (one pair): short key without spaces, a colon not followed by // (URLs).
KEYED_LINE = lazy_compile(r"^\s*([^\s:：]{1,12})\s*[:：](?!//)\s*(.*)$")

# Icon-font glyphs (Private Use Area): a copied page keeps them as lone characters; never text.
ICON_GLYPHS = lazy_compile("[\ue000-\uf8ff]")

# --- Breadcrumb --------------------------------------------------------------------------------

# Only this many lines of the page text are searched for the breadcrumb.
BREADCRUMB_MAX_LINE = 1000
# A marker alone on its line: the trail is read from up to this many item lines below it, each a
# short item (首页) or a line led by a separator (> 政府信息公开 > 通知公告); a separator alone on
# its line (首页⏎>⏎专题专栏) joins its neighbours and is not counted.
BREADCRUMB_MAX_LINES_BELOW = 8
CRUMB_ITEM_CHARS = 12
# A marker counts only at the start of a line, followed by a colon (or whitespace then text).
BREADCRUMB_LINE = lazy_compile(r"^\s*(?:" + "|".join(words.BREADCRUMB_LABELS)
                             + r")\s*[:：]?\s*")
# A headline in bold run on to the trail line (html2text: 当前位置：[首页](/) > [通知] **标题** 发布日期：…)
TRAIL_OPEN_END = lazy_compile(r"(?:>>|»|›|>|＞|→|/|\\|-{1,2}>|・)$")  # a trail whose next item follows
TRAIL_BOLD_RUN = lazy_compile(r"\*\*(?P<head>(?:\\\*|[^*\n])+?)\*\*")
BREADCRUMB_SPLIT = lazy_compile(r"\s*(?:>>|»|›|>|＞|→|/|\\|-{1,2}>|・)\s*")

# --- The article line (来源 / 日期 / 浏览次数 ...) ------------------------------------------

# Keys of the line under the headline, by the record key they fill.
INFO_KEYS: dict[str, str] = {
    "来源": "content_source", "文章来源": "content_source", "信息来源": "content_source",
    "稿件来源": "content_source", "来源单位": "content_source",
    "作者": "author", "撰稿": "author", "撰稿人": "author", "记者": "author", "文": "author",
    "日期": "published_at", "时间": "published_at", "发布时间": "published_at", "发布日期": "published_at",
    "发表时间": "published_at", "更新时间": "published_at", "发稿时间": "published_at",
    "浏览次数": "views", "浏览量": "views", "点击数": "views", "点击量": "views", "点击次数": "views",
    "阅读次数": "views", "阅读量": "views", "访问量": "views", "访问次数": "views", "浏览": "views",
    "阅读": "views", "点击": "views",
    "字号": "", "字体": "", "编辑": "", "责任编辑": "", "审核": "",
}
# An article line of these keys only (字号：默认 大 超大 | 打印) is a widget line, no article line.
WIDGET_INFO_KEYS = frozenset({"字号", "字体"})
# An info run needs one key from here (keys that never head a disclosure block cell).
INFO_ONLY_KEYS = frozenset({
    "文章来源", "稿件来源", "作者", "撰稿", "撰稿人", "记者", "日期", "时间", "发表时间", "发稿时间",
    "浏览次数", "浏览量", "点击数", "点击量", "点击次数", "阅读次数", "阅读量", "访问量", "访问次数",
    "浏览", "阅读", "点击", "字号", "字体", "编辑", "责任编辑", "审核",
})
# Info keys this short are only recognised when followed by a colon (文 is a common character).
INFO_KEY_NEEDS_COLON_BELOW = 2

# An article line printed after the block (…有 效 性： 有效 标题 发布时间： … 信息来源： …) stands this
# close to the block's end (non-space characters, lines: the headline and a document number between)
# and names one of these targets.
BYLINE_MAX_GAP_CHARS = 140
BYLINE_MAX_GAP_LINES = 4
BYLINE_TARGETS = frozenset({"published_at", "content_source", "author"})
# A sentence ends here: such text is body, not a headline or a block value.
SENTENCE_END = lazy_compile(r"[。；;！？!?]")

# --- Block ------------------------------------------------------------------------------------

# A block needs this many distinct canonical fields (prose mentions one or two labels).
MIN_BLOCK_FIELDS = 3
# Spaces allowed between the characters of a padded label (索 引 号, 文      号: &nbsp; runs).
LABEL_PADDING = r"[ ]{0,8}"
# Characters that may stand right before a label (besides a line start or a space).
LABEL_EDGE_CHARS = "|｜】]》>»,，;；"
# A block label this long is a key even written against its value (索引号0001/2025-00080, 发布机构某局).
BARE_LABEL_MIN_CHARS = 2
# Longest value between two labels (non-space characters) before the cluster breaks.
MAX_VALUE_CHARS = 160
# Lines a value may span between two labels (a wrapped title; a value on the line below its label).
MAX_VALUE_LINES = 2
# A value line at least this long may continue on the next line (a dump that wraps long lines).
WRAPPED_LINE_CHARS = 30
# Blank lines in a row that a block may hold (save-as-text puts one between every cell).
MAX_BLANK_LINES = 3
# A last value followed by more text than this on a flattened line is cut (see textdump).
LONG_REMAINDER = 60

# A label the vocabulary does not know, inside a block written with colons (所属主题：, 文 种：):
# a short CJK word after a space or a line start. It ends the value before it and starts a pair.
UNKNOWN_LABEL = lazy_compile(r"(?:(?<=\s)|^)([\u4e00-\u9fff](?:[ ]{0,3}[\u4e00-\u9fff]){1,7})[ ]{0,3}[:：](?!//)", re.M)
# An unknown label's value just above the block's first known label is at most this long.
EDGE_VALUE_CHARS = 60
# A header row of a table copied as text (cells separated by tabs): each cell a label like this,
# at least this share of them known to the vocabulary; the next row holds the values.
LABEL_CELL = lazy_compile(r"^[\u4e00-\u9fff](?:[ ]{0,8}[\u4e00-\u9fff()]){1,9}[ ]{0,3}[:：]?$")
HEADER_ROW_KNOWN_SHARE = 0.5
# A block laid out as rows of cells alternating label and value (信息编码 XX-2024-000318 制发机关 某局), with few
# known labels, spans at least this many rows of at most this many pairs (and the rules.block SHAPE_* rules).
PAIRED_MIN_ROWS = 2
PAIRED_MAX_ROWS = 12
# A heading row over one row of values (lynx, inscriptis columns) holds at most this many labels; the row's cells
# w3m wrapped at their columns' width span at most this many lines.
HEADING_ROW_MAX_LABELS = 16
WRAPPED_ROW_MAX_LINES = 4
PAIRED_MAX_COLUMNS = 4
# A line of labels only over this many rows of at least LIST_MIN_CELLS cells (separated by whitespace; no
# sentence) heads a list of documents laid out in columns: its labels start no block.
LIST_MIN_ROWS = 2
LIST_MIN_CELLS = 3
# A column of labels over fewer values (a converter dropped the empty cells) is placed for at most this many labels.
DROPPED_CELLS_MAX_LABELS = 16
# A block counts as written with colons when this share of its labels has one.
COLON_STYLE_SHARE = 0.5
# A date (and time) value at the start of a text: where a date value ends on a flattened line.
_DATE = (DATE_TEXT + r"(?:\s*\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2}\s*秒?)?)?")
DATE_VALUE = lazy_compile(r"\s*" + _DATE)
# The article line without a key of INFO_ONLY_KEYS is still one when it has two keys and one of
# these targets, and does not sit inside the block.
SOFT_INFO_TARGETS = frozenset({"content_source", "author", "views"})

# A short line led by a full date (2025-06-05 10:20 青岭日报 记者 张某) is the article line of a page that
# writes no keys: the headline stands above it.
DATE_LINE = lazy_compile(r"^\s*[(（\[【]?\s*" + _DATE)
DATE_LINE_MAX_CHARS = 60
# ... unless the line above names a date (登记时间⏎2024-05-20): that is a label and its value.
DATE_LABEL_ENDINGS = ("时间", "日期")
# A full date anywhere in a short line (Updated: 2024-05-20 09:15): the line under a headline is an article line.
DATE_IN_LINE = lazy_compile(_DATE)
# A sentence in a Latin script (The corridor opened on Monday.): the body of an English page starts there.
LATIN_SENTENCE = lazy_compile(r"^[A-Z][^\u3000-\u9fff]{10,}[.!?]$")
# A headline run on into its article line (标题 2023-06-02 来源：某日报): an article-line key with its colon
# after a space ends the headline, and the date before it is cut.
RUN_ON_INFO = lazy_compile(r"\s(?:" + "|".join(sorted((k for k in INFO_KEYS if len(k) > 1), key=len, reverse=True))
                         + r")\s*[:：]")
# A date (and time) ending a text: cut from a headline run on into its article line.
TRAILING_DATE = lazy_compile(r"\s*[(（\[【]?\s*" + _DATE + r"\s*[)）\]】]?\s*$")

# --- Headline and body ------------------------------------------------------------------------

MAX_HEADLINE_CHARS = 100
# Widget words run together without spaces (打印关闭) are read as widgets up to this length.
MAX_WIDGET_RUN_CHARS = 24
MAX_HEADLINE_LINES = 3
# A line of running text (the body's first paragraph) is at least this long, with a sentence's punctuation.
RUNNING_TEXT_CHARS = 40
# ... or at least this many columns wide: a converter that wraps lines (w3m at 80 columns, lynx, pandoc at 72)
# cuts a paragraph of Chinese into lines of 36-39 characters.
RUNNING_TEXT_COLUMNS = 68
CLAUSE_BREAK = lazy_compile(r"[，、]")
# A shorter line is prose too when it is a sentence of clauses (…，…予以公告。): the body starts there, the
# headline is above (a headline may end with ？ or ！, not with 。).
PROSE_MIN_CHARS = 16
# A sentence: at least this long, ending so (a page showing none, nor prose nor an attachment, is a list or an
# error page: no headline is read from its first lines).
MIN_SENTENCE_CHARS = 8
SENTENCE_ENDS = ("。", "！", "？", ".", "!", "?")
# A salutation (各乡镇人民政府：) opens the body of a notice: the headline stands above it.
SALUTATION = lazy_compile(r"^[^\s:：，。]{2,40}[:：]$")
# ... written to several addressees (各单位：, 省药品监督管理局，省局机关各处（室、局）：), which no form field
# (账号：) is: among page chrome, the body starts there.
ADDRESSEES = lazy_compile(r"^(?:各[^\s:：。；]{1,58}|[^\s:：。；]{2,58}[，、][^\s:：。；]{1,58})[:：]$")
# Kinds of official documents a headline ends with (…的通知): a headline-like line before a line ending so
# (关于同意成立某某村⏎股份经济合作社的批复) is the headline's first half when it does not end so itself.
DOCUMENT_KINDS = ("通知", "通告", "公告", "决定", "意见", "批复", "办法", "规定", "方案", "报告", "请示", "函",
                  "纪要", "决议", "命令", "公报", "细则", "规划", "要点", "条例", "通报", "预算", "决算")
MIN_HEADLINE_CHARS = 4
# Not a headline: navigation bars, key lines, a sentence or a clause (…之前，), a salutation (各单位：), a date
# alone, a web address, a date with its time (康斯坦丁 2015-07-02 14:41:12: an article line).
NOT_HEADLINE = lazy_compile(r"[|｜│>»›]|^\S{1,12}\s*[:：]|[。；;:：，,]$|^[\d\s\-/.:年月日]+$|www\.|https?://"
                          r"|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}")
# ... but a line led by a speaker or a topic and a colon is a headline when a headline follows the colon
# (交通运输部：着力打造…; 脂溢性脱发：爱出油快秃顶？…): this many characters, most of them Chinese.
COLON_HEADLINE = lazy_compile(r"^(?P<lead>[^\s:：|｜>»›【\[(（]{2,16})[:：]\s*(?P<rest>[^:：]{8,})$")
# A date in brackets: alone on the line under the headline, or printed after it (…的通知( 2024-05-11)).
# It is the article's date, not part of the title.
BRACKETED_DATE = lazy_compile(r"^\s*[(（\[【]\s*" + _DATE + r"\s*[)）\]】]\s*$")
TRAILING_BRACKETED_DATE = lazy_compile(r"\s*[(（\[【]\s*" + _DATE + r"\s*[)）\]】]\s*$")
# A headline broken over two adjacent lines: the first ends, or the second starts, mid-title.
HEADLINE_CONTINUES_AFTER = ("关于", "印发", "转发", "批转", "的", "和", "及", "与", "暨", "等", "《", "、", "（", "(")
HEADLINE_CONTINUES_WITH = ("《", "的", "（", "(", "》", "）", ")")
# ... but a line that ends a book title it opened (解读《…若干措施》) and a line that opens another (《…》十问十答) are
# two headlines (a title and its 副题), unless the second ends as a document does (关于印发《…》⏎《…》的通知).
CLOSED_TITLE_MARKS = ("《", "》")
# ... or the second closes a bracket the first opened (…实施方⏎案》的通知), or the first fills the dump's
# width (a converter wrapped it: lynx, w3m, pandoc): a width at least this wide that this many lines share.
# Two lines of a headline stand alike: both flush left, or both indented (centred lines of different
# lengths differ by a few columns).
CENTRED_INDENT_SLACK = 4
BRACKET_PAIRS = ("《》", "（）", "()", "“”", "「」", "〔〕", "【】")
MIN_WRAP_COLUMNS = 60
WRAP_MIN_LINES = 3
# A share widget's instruction (用微信扫一扫，点击右上角分享按钮，…; 手机扫一扫打开此页): page furniture, never
# article text nor a headline.
SHARE_INSTRUCTION = lazy_compile(r"^.{0,8}(?:扫一扫|扫描二维码|扫码).{0,40}?"
                               r"(?:分享|在手机|打开此页|打开当前页|查看当前页)")
SHARE_INSTRUCTION_MAX_CHARS = 60
# Widget words of a text dump besides rules.words.WIDGET_WORDS: a converter prints the links' words
# (更多 QQ空间) where the page showed icons; the skip link Taiwan government sites print first for screen
# readers (folded: 按Enter到主內容區, 跳到主要內容區塊), which lynx and inscriptis print flush left as a heading.
WIDGET_WORDS = frozenset({"更多", "按Enter到主内容区", "跳到主要内容区块"})
# One long token of Latin letters, digits and signs (an image's base64 data, a hash), maybe bracketed as
# lynx prints an image's alt text: no headline.
TOKEN_JUNK = lazy_compile(r"\[?[A-Za-z0-9+/=_\-]{16,}\]?")
# A line naming an organisation (国家金融监督管理总局: short, ending so) over a document number and the
# headline is the document's issuer (版头), not its headline.
ISSUER_SUFFIXES = ("人民政府", "政府", "委员会", "局", "厅", "办公室", "办公厅", "部", "署", "院", "会")
ISSUER_MAX_CHARS = 16
# An official document's title is its issuer, 关于 and its subject (全国人民代表大会常务委员会⏎关于批准…的决议):
# an issuer's line over a line starting so, the two standing alike, is one headline.
SUBJECT_LEADS = ("关于",)
# The block's 标题 spelt by consecutive lines (at most this many) starting among the first lines under the
# block or the article line is the headline printed there, broken by the converter.
PRINTED_TITLE_START = 6
PRINTED_TITLE_LINES = 6
# An official title never has a space after these words (关于印发 《…》的通知: a converter printed the
# page's <br> there as a space): the space goes.
BROKEN_AFTER_LEAD = lazy_compile(r"(关于|印发|转发|批转)[ \u3000]+(?=[《\u4e00-\u9fff])")
# A document number alone on its line (某政发〔2024〕3号, 省政府令第223号) is never the headline.
DOC_NO_LINE = lazy_compile(r"^\S{0,16}(?:[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*第?\s*\d+\s*号|第\s*\d+\s*号)$")
# Two headline lines stacked above the article line read as 引题 and title; but when the body repeats the second
# word for word (punctuation and spaces aside: a fact line lifted from the lead, 成功举办…推介会) and not the
# first, the second is the 副题 under the title (a kicker is the line the body repeats: 打造…新典范). Lines this
# long at least; the body is searched this far (characters of its first pieces).
REPEATED_LINE_MIN_CHARS = 10
# ... and when the second names the document the first names (解读《关于…若干措施》⏎《关于…的若干措施》十问十答: the
# same 《…》, its words this alike by difflib's ratio) it restates the first: the 副题 under the title.
BOOK_TITLE = lazy_compile(r"《([^《》]{4,})》")
SAME_DOCUMENT_RATIO = 0.9
REPEAT_SEARCH_CHARS = 4000
# ... the first being about the article too: this share of its character pairs found in the body (a column's
# or a site's name over the headline, whose headline the lead repeats, is no title).
TITLE_PAIRS_IN_BODY = 0.5
REPEAT_IGNORED = lazy_compile(r"[\s\W_]+")
# Short items between bars (第一章│第二章│第三章), or four or more very short items between spaces (第一章 第二章
# 第三章 第四章: a converter printed the bars as cell borders): a bar of links, never a headline; on a page
# without an article line the headline stands above it.
LINK_BAR = lazy_compile(r"^(?:(?:[^|｜│]{1,12}[|｜│]){2,}[^|｜│]{1,12}|\S{1,4}(?: \S{1,4}){3,})$")
# A headline line starting like this is a subtitle (副题).
SUBTITLE_PREFIX = lazy_compile(r"^\s*(?:——|—|──|--|－－)")
# A body piece made only of punctuation (the 】 of a font-size widget) is not a paragraph.
PUNCTUATION_ONLY = lazy_compile(r"^[^\w]+$")
# A body line longer than this with this many spaces is a flattened page: spaces end paragraphs.
FLATTENED_LINE_CHARS = 300
FLATTENED_MIN_GAPS = 5
# A line starting like this ends the body: the page footer, or the links to other articles under it.
BODY_END_PREFIXES = (*words.FOOTER_MARKERS, "上一篇", "下一篇", "相关文章", "相关阅读")
# Attachment names in a text dump (there are no links, only the names the page showed).
ATTACHMENT_NAME = lazy_compile(r"\S+?\.(?:" + "|".join(words.ATTACHMENT_EXTENSIONS) + r")\b", re.I)
ATTACHMENT_LABELS = frozenset(words.ATTACHMENT_LABELS)
# A body line naming one attachment: 附件：xxx.pdf, 附件1. xxx.docx, or the file name alone.
ATTACHMENT_LINE = lazy_compile(
    r"^(?:(?:相关)?附件\s*\d*\s*[:：.、]?\s*)?(?P<name>[^\s:：]{1,80}?\.(?:"
    + "|".join(words.ATTACHMENT_EXTENSIONS)
    + r"))$",
    re.I,
)

# --- Converter markup (html2text, markdownify, pandoc, lynx, w3m, inscriptis) -----------------------
# Markup a converter adds around the page's words; it is removed before the dump is read.

# A list bullet at a line's start (markdown *, -, +; lynx *, +, o; w3m •): the item's text follows it.
BULLET = lazy_compile(r"^(\s*)(?:[*+\-•·◦▪‣]|(?<=\s)o)[ \t]+(?=\S)")
# A markdown heading (# 标题 ##); its setext form is underlined (===== / -----, a RULE_LINE).
ATX_HEADING = lazy_compile(r"^(\s*)(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# lynx indents text lines by three spaces and prints headings flush left: in a dump where this share of
# the lines is indented so, a line flush left is a heading.
TEXT_INDENT = "   "
INDENTED_SHARE = 0.6
# A setext underline, a horizontal rule, or the dashed rules around a pandoc table (------  ------): not text.
SETEXT_UNDERLINE = lazy_compile(r"^\s*(?:={3,}|-{3,})\s*$")  # one run: a heading's underline
RULE_LINE = lazy_compile(r"^\s*(?:[-=_~*][ ]?){3,}(?:\s+[-=_~*]{3,})*\s*$")
# A definition list's value line (markdownify, pandoc: ``:   value`` under the term).
DEFINITION_VALUE = lazy_compile(r"^(\s*):[ \t]{2,}(?=\S)")
# Images drop out, links keep their text: ![alt](src), [文字](url "title"), [文字][1].
_URL = r"(?:\\.|[^()\s\\]|\([^()\n]*\))*(?:[ \t]+\"[^\"\n]*\")?"
MD_IMAGE = lazy_compile(r"!\[[^\]\n]*\]\(" + _URL + r"\)")
MD_LINK = lazy_compile(r"\[([^\]\n]*)\]\(" + _URL + r"\)|\[([^\]\n]+)\]\[\d+\]")
# ... a link whose address the converter broke onto the next line ([文字](http://…⏎)), and that line's ")".
MD_LINK_OPEN = lazy_compile(r"\[([^\]\n]*)\]\((?:\\.|[^()\s\\])*$")
MD_LINK_CLOSE = lazy_compile(r"^\s*(?:\\.|[^()\s\\\[\]])*\)")
# ... and an image whose alt text the converter broke onto the next line (![Uber刷单⏎刷出…](http://…jpg)):
# the next line's part up to the address.
MD_IMAGE_CLOSE = lazy_compile(r"^[^\]\n]*\]\(" + _URL + r"\)")
# What lynx and w3m print for an image or a form control: [logo], [IMAGE], [ ], [SUBMIT], [BUTTON Input]
# (not implemented) — Latin-only words in square brackets, never the page's text.
# (The lookahead finds the Latin letter, the possessive run takes the word whole: a long word without its ``]``
# costs one pass, not one per split point.)
PLACEHOLDER = lazy_compile(r"\[(?:\s*|(?=[ \w.\-/:]*[A-Za-z_])[ \w.\-/:]*+)\](?:\s*\(not implemented\))?")
# Emphasis around words (**主题**, 主*题*, _有效_; nested **主*题*：** removed inside out) and empty
# emphasis runs (索 __引 __号: empty <i> tags).
EMPHASIS = lazy_compile(r"(?<!\*)(\*{1,3}|(?<![A-Za-z0-9_])_{1,3})(?![*_\s])([^*_\n]*?[^\s*_\\])\1")
# ... and emphasis opened by one star more than closes it (***第一编 古代**: html2text's bold around text that
# starts with a star): the extra star is text, as markdown reads it (*第一编 古代).
UNBALANCED_EMPHASIS = lazy_compile(r"(?<!\*)(\*)(\*{1,2})(?![*\s])([^*\n]*?[^\s*\\])\2(?!\*)")
EMPTY_EMPHASIS = lazy_compile(r"\*{2,}|(?<![A-Za-z0-9])_{2,}(?![A-Za-z0-9])")
# Backslash escapes of markdown's own characters (\-, \*, \[).
MD_ESCAPE = lazy_compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
# A label in brackets before its value (【文　　号】某政发〔2024〕3号): read as ``文　　号：`` where at least
# two such labels stand on one line or on adjacent lines (one 【…】 before a headline is not a label).
BRACKET_LABEL = lazy_compile(r"(?:^|(?<=\s))【[^\S\n]*([\u4e00-\u9fff](?:[^\S\n]{0,8}[\u4e00-\u9fff]){1,7})"
                           r"[^\S\n]*】[^\S\n]*(?=[^\s【])")
# A table drawn with bars: pipe rows (| 索引号 | … |), grid and box borders (+---+, +===+ under a grid's
# heading row, ┌──┬──┐, ├──┼──┤).
TABLE_BORDER = lazy_compile(r"^\s*+(?=[^\n]*[-─━═=]{3})(?=[^\n]*[+|┌├└╔╠╚┬┼┴┐┤┘╦╬╩╗╣╝])[-=+:|┌├└╔╠╚┬┼┴┐┤┘─━═╦╬╩╗╣╝ ]+$")
GRID_CORNERS = "+┌├└╔╠╚"  # a border starting so is a grid or box table (a row may wrap over lines)
BOX_MIN_PARAGRAPHS = 3  # a table's one cell of this many paragraphs is a layout box (its lines are the page's)
BOX_PARAGRAPH_GAP = lazy_compile(r" {2,}")  # paragraphs run on in a pipe table's cell (markdownify: two spaces)
TABLE_ROW = lazy_compile(r"^\s*[|│║].*[|│║]\s*$")
TABLE_BAR = lazy_compile(r"[|│║]")
# A pipe table's heading row wrapped by a converter spans at most this many lines above its rule (more is
# text, not a heading row; the bound keeps a page of rules from walking back over the same lines).
HEADING_ROW_MAX_LINES = 12
# A borderless table laid out in columns (w3m, lynx): a cell starts with a ``label:`` of at most 7 characters ...
COLUMN_CELL = lazy_compile(r"(?:(?<=\s)|^)[\u4e00-\u9fff](?:[^\S\n]{0,8}[\u4e00-\u9fff]){1,6}[^\S\n]{0,3}[:：]")
# A label cell wrapped at its column's width (w3m): its last characters and colon (at most 3 and a colon)
# on the next line, under its head (Chinese characters); the label has this many
# characters in all.
LABEL_TAIL = lazy_compile(r"[\u4e00-\u9fff]{0,3}[:：]")
LABEL_HEAD = lazy_compile(r"[\u4e00-\u9fff]+")
MIN_LABEL_CHARS = 2
MAX_LABEL_CHARS = 10
# A label broken where a converter wrapped a long line: its first characters end the line (after a space), its
# rest and colon start the next one.
BROKEN_LABEL_HEAD = lazy_compile(r"(?<=\s)([\u4e00-\u9fff]{1,6})\s*$")
BROKEN_LABEL_REST = lazy_compile(r"^(\s*)([\u4e00-\u9fff](?:[ ]{0,8}[\u4e00-\u9fff]){0,6})(?=[ ]{0,3}[:：])")
# ... and a cell too long for its column goes on under it on the next lines, each piece starting in the
# column of its cell (pieces separated by this many spaces).
COLUMN_GAP = lazy_compile(r"\S+(?:[^\S\n]\S+)*")

# --- Page chrome beside or over the headline (issue 10) ---------------------------------------------------
# A side column's menu item printed on the headline's line (w3m, lynx and inscriptis lay a table's cells side by
# side: 学思践悟        中华人民共和国监察法): a short item, then at least this many spaces, then the headline.
SIDE_COLUMN_GAP = lazy_compile(r"[^\S\n]{8,}")
SIDE_ITEM_MAX_CHARS = 8
# A line wholly in square brackets is an image's alt text or a link's words as pandoc, w3m and lynx print them
# ([Uber刷单 刷出中国的人性劣根？] under the headline), never the headline.
BRACKETED_LINE = lazy_compile(r"^\[[^\[\]]+\]$")
# A column heading printed letter-spaced (房 产 狂 搜, 热 点 推 荐): two to five Chinese characters, each alone.
LETTER_SPACED = lazy_compile(r"^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,4}$")
# An article's time stamp: a full date with its time (2005年3月11日12:12, 2005-03-31 03:18) on a short line with
# no headline before it (BUSINESS.SOHU.COM 2005年3月11日12:12 来源：…). On a page with no article keys read, the
# headline stands right above it, whatever links and adverts stand between it and the body.
STAMP = lazy_compile(DATE_TEXT + r"\s*\d{1,2}\s*[:：时]\s*\d{2}")
# ... at most this many pieces above the body (a page's top bar showing today's date and time is no stamp, nor is a
# line naming the weekday: 2024年5月20日 10:20 星期一).
STAMP_MAX_GAP_PIECES = 8
# ... led by at most this many Chinese characters: an author's name (康斯坦丁 2015-07-02 14:41:12), not a headline
# run on to its date
STAMP_BYLINE_MAX_CHARS = 4
WEEKDAY = lazy_compile(r"星期[一二三四五六日天]|周[一二三四五六日]|礼拜")
# A rule a converter drew for an <hr> or a table's border (w3m: ━━━━), a cell's word perhaps run on after it.
DRAWN_RULE = lazy_compile(r"^[\u2500-\u257f]{8,}")
# A navigation bar printed as one line (搜狐首页 - 新闻 - 体育 - 娱乐 - 财经 - IT - …; 首页 滚动 商学院 亦观察 …):
# at least this many items of two to six characters, between spaces or separators.
NAV_ITEM = lazy_compile(r"[^\s\-|｜·/]{2,6}")
NAV_SPLIT = lazy_compile(r"(?:\s*[\-|｜·/]\s*|\s+)")
NAV_MIN_ITEMS = 5  # ... half of them Chinese (not a headline in English)
# A one-column table pandoc draws as a rule, its cell's lines, the same rule again: the second rule is a border,
# no heading's underline, when at most this many lines stand between.
BORDERED_CELL_MAX_LINES = 6
# An error page's heading (404 页面不存在, 403 Forbidden, 页面未找到): a page saved in place of the article has no
# headline (markdownify prints its <title> on the dump's first line).
# Short, and led by its status or message (a headline naming 页面不存在 is none).
ERROR_TITLE_MAX_CHARS = 24
ERROR_TITLE = lazy_compile(r"^\s*(?:错误\s*)?[45]\d\d\s*(?:$|[:：!！\-|]|错误|页面|(?i:error|not|forbidden|bad))"
                         r"|^\s*(?:对不起|抱歉)?[，,\s]*(?:您(?:要)?访问的)?(?:页面(?:不存在|未找到|找不到|已删除)"
                         r"|找不到(?:该|此|您要的)?页面)|^\s*(?i:page\s+not\s+found)")
# A headline a converter wrapped in a narrow cell leaves a few characters on the next line (…“较着劲儿”成⏎长):
# a piece shorter than MIN_HEADLINE_CHARS, Chinese only, right under a headline at least this long, aligned.
WRAPPED_TAIL_MIN_HEAD = 10
# ... a headline ending so is whole (…？, …》, …”): nothing under it is its tail.
HEADLINE_ENDS = ("。", "？", "！", "?", "!", "”", "》", "）", ")", "」", "】")
# A right-hand column a converter printed beside the article (w3m lays a page's table cells side by side): its
# text starts at one display column on at least this many lines, after a wide gap or as the line's indent, at
# least RIGHT_COLUMN_MIN_BESIDE of them after a left cell on the line.
RIGHT_COLUMN_MIN_LINES = 3
RIGHT_COLUMN_MIN_BESIDE = 2  # ... of them beside a left cell

# --- A two-column label table printed as rows (parsers/text/label_table.py) -----------------------------

# A row: the indent, a label cell (2–6 Chinese characters, no colon) and the spaces up to its value.
LABEL_ROW = lazy_compile(r"^([ \t]*)[\u4e00-\u9fff]{2,6}[ \t]+(?=\S)")
# So many rows with their values at one column make a table; looked for this many lines around a row.
LABEL_TABLE_MIN_ROWS = 3
LABEL_TABLE_MAX_LINES = 40

# A photo's caption: a sentence ended with its full stop, then the photo's credit in brackets (…測試機組。（市府提供）,
# …。（中央社記者某某攝 112年5月3日）). Under the headline it is the body's start: the headline stands above it.
PHOTO_CAPTION = lazy_compile(r"^.{8,}[。！？]\s*[（(][^（）()]{1,30}[）)]$")

# A paragraph wrapped at the converter's width is looked for over at most this many lines
# (parsers/text/paragraph.py).
WRAPPED_PARAGRAPH_LINES = 6

# The sections an official document's text opens with (folded: 主旨, 公告事項), as Taiwan's notices and letters
# are written (主旨 / 說明 / 依據 / 公告事項): label lines running on into one are the document, no block.
DOCUMENT_SECTION_LABELS = frozenset({"主旨", "公告事项"})
# The letterhead's date that is the article's publication time (發文日期), as the HTML reader reads the line.
LETTERHEAD_DATE_FIELDS = ("written_date", "published_date")
# A file's size as an attachment list prints it beside the name (212 KB, 1.5MB).
FILE_SIZE = lazy_compile(r"\d+(?:\.\d+)?\s*(?:KB|MB|GB|K|M|bytes)\b", re.I)
