"""Data for reading the article: tag classes, CMS class names, labels and separators.

Everything here is a convention seen across many Chinese government CMSs (TRS WCM, Hanweb
大汉, VSB/博达, Founder, DedeCMS …) and news sites, kept as data so that a new site needs a
new entry, never a new code branch. Class and id hints are matched as lower-cased tokens
(split on spaces, ``-`` and ``_``) or, for the ``*_EXACT`` sets, as whole class/id values.
"""

from __future__ import annotations

from govmeta.parsers.lazy_pattern import lazy_compile

# --- tags ------------------------------------------------------------------------------

# Elements that start a new displayed line (block boxes).
BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
    "td", "th", "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "center", "section", "article",
    "header", "footer", "main", "aside", "nav", "form", "fieldset", "figure", "figcaption", "address",
    "hr", "body", "html", "details", "summary", "legend", "text",
})
# Blocks that hold one paragraph of text (their parent is the container).
PARAGRAPH_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote", "center", "address",
    "figcaption", "caption",
})
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Never displayed as article text.
SKIP_TAGS = frozenset({"head", "title", "meta", "link", "base", "input", "button", "textarea", "option",
                       "map", "area", "audio", "video", "source", "canvas"})

# --- the article container -------------------------------------------------------------

# Class/id values of article body containers in government CMSs and news sites (exact, case-insensitive).
CONTAINER_EXACT = frozenset(s.lower() for s in (
    "TRS_Editor", "Custom_UnionStyle", "zoom", "detailContent", "vsb_content", "endText", "article_content",
    "article-content", "articleContent", "art_content", "artContent", "main-txt", "con_text", "conTxt",
    "news_content", "newsContent", "news-content", "content_text", "contentText", "textContent", "wzcon",
    "xl_content", "bt-article-02", "article-body", "articleBody",
    "pages_content", "pages-content", "UCAP-CONTENT", "ucap-content", "fontzoom", "Zoom", "zw", "zhengwen",
    "show_content", "ContentBody", "content_body", "nr", "txt", "text", "article", "content",
))
# Bonus for a candidate container carrying one of those names (multiplier on its score).
CONTAINER_BONUS = 1.5

# Class/id tokens of page furniture that is never article text (share, print, QR, pager, comments …).
NOISE_TOKENS = frozenset({
    "share", "bdshare", "bdsharebuttonbox", "bshare", "jiathis", "fenxiang", "print", "printer", "dayin",
    "close", "guanbi", "qrcode", "qr", "erweima", "ewm", "wx2dcode", "fontsize", "changesize", "zihao",
    "comment", "comments", "pinglun", "tie", "prevpage", "nextpage", "pager", "pagination", "prev", "next",
    "related", "relate", "xgwz", "xgxx", "xgwj", "xgld", "recommend", "tuijian", "hot", "footer", "foot",
    "copyright", "toolbar", "tools", "gotop", "gototop", "backtop", "statement", "disclaimer", "sidebar",
    "video", "player", "audio", "yybb", "advert", "ad", "ads", "breadcrumb", "crumbs", "position",
    "location", "keywords", "tags", "zrbj",
})

# Separators and brackets around widget words.
WIDGET_PUNCTUATION = "|｜│丨/【】[]()（）:：·•,， \u00a0\u3000"
# A line starting with one of these is a widget, never article text.
WIDGET_PREFIXES = ("扫一扫", "扫码", "【字体：", "字号：", "字体：", "分享到：", "【我要打印】", "【关闭窗口】",
                   "【打印本页】", "上一篇：", "下一篇：", "上一篇:", "下一篇:", "上一条：", "下一条：")
# Site promotion lines: （更多内容请继续关注 …）, 更多精彩资讯请点击 …
# Promotions: 更多…请关注…, and a portal's link back to its home page under an article (返回搜狐，查看更多).
PROMO_LINE = lazy_compile(
    r"^(?:[（(【\[]?\s*更多\S{0,12}?(?:请|敬请|欢迎)\S{0,4}?(?:关注|点击|访问|登录|下载)|返回\S{1,10}?[，,]?\s*查看更多\s*$)"
)
# Pager lines: 第1页/共3页, 共 3 页, 共4条 第1页/共1页 …
PAGER_LINE = lazy_compile(r"^\s*(?:共\s*\d+\s*[条篇项]\s*)?(?:第\s*\d+\s*页\s*/?\s*共\s*\d+\s*页|共\s*\d+\s*页)")
# A line that is only a counter (a comment or like count printed beside the headline or under the body).
COUNT_LINE = lazy_compile(r"\s*\d{1,6}\s*")
# What separates the items of a keyword list (meta keywords, a tag line under the body).
TAG_SPLIT = lazy_compile(r"[|,，、;；\s]+")
# What a (folded) line must start with for PROMO_LINE or PAGER_LINE to match it: one of these opening
# brackets, or, after any spaces, one of these characters (lines starting otherwise skip both patterns).
PAGER_PROMO_OPENERS = frozenset("(（【[")
PAGER_PROMO_FIRSTS = frozenset("更共第返")

# A heading over this many whole-line links, with no body, heads a list (not an article).
LIST_HEAD_LINES = 3

# Labels of related-link lines and lists (相关解读：… is a cross reference, not article text).
RELATED_LABELS = ("相关解读", "相关文件", "相关链接", "相关文章", "相关阅读", "相关新闻", "相关报道", "相关稿件",
                  "延伸阅读", "推荐阅读", "相关政策", "政策解读", "图片解读", "相关附件", "相关文档", "相关资料")
# Headings of a section listed under the text (附件：, 附件下载). Printed with nothing under them (the
# list is empty, or filled by script), such a heading is not article text.
SECTION_HEADINGS = ("附件", "附件下载", "文件下载", "下载附件", "相关附件", "相关文档", "附件列表")

# Editorial credit lines at the end of a body (left out of paragraphs; some feed source/author).
CREDIT_LINE = lazy_compile(
    r"^[（(\[【]?\s*(?:责任编辑|责编|编辑|审核|校对|终审|审校|值班编辑|网站编辑|本文来源|稿件来源|文章来源|信息来源|"
    r"来源|作者|撰稿|撰稿人|通讯员)\s*[:：].{0,40}?[）)\]】]?$"
)

# --- headline ---------------------------------------------------------------------------

# Class/id tokens that say the element is NOT the headline.
NOT_TITLE_TOKENS = frozenset({"sub", "subtitle", "second", "small", "list", "nav", "menu", "top", "site", "logo",
                              "head", "header", "banner",
                              "section", "column", "lanmu", "footer", "friend", "link", "links", "bar",
                              "hide", "side", "right", "left", "tab"})
# Class/id words naming a headline: found inside a token, or only as a whole token.
TITLE_SUBSTRINGS = ("title", "biaoti", "headline", "heading")
TITLE_EXACT = frozenset({"tit", "bt", "topic", "h1"})
# Endings of site and organisation names (a <title> part so ending, short, names the site).
SITE_NAME_SUFFIXES = ("人民政府", "政府", "政府网", "门户网站", "网站", "官网", "官方网站", "网", "委员会", "局", "厅",
                      "办公室", "办公厅", "频道", "政府信息公开", "信息公开", "公开网")
SITE_NAME_MAX = 16
# <title> separators between the headline and the site/column names. The spaces before one are bounded (the
# parts are stripped after the split): unbounded, every position of a long run of spaces with no separator
# after it was tried again to its end (quadratic: 100,000 spaces in a text dump's first line took a minute).
TITLE_SEPARATORS = lazy_compile(r"\s{0,16}(?:__|_|--|——|—|-|\||｜|<|>|»|::|：：|·)\s*+")
# A headline is between these lengths (characters, whitespace removed).
TITLE_MIN, TITLE_MAX = 4, 120
# Subtitle lines often start with a dash (——副题) or are bracketed notes under the title (题注).
SUBTITLE_LEAD = ("——", "――", "—", "－－", "--")

# A footnote marker ending a line (标题*, 标题①, 标题[1]): the body's first line repeating the headline with
# one is still the headline.
FOOTNOTE_MARK = lazy_compile(r"(?:\*+|[①-⑩]|[¹²³]|†|\[\d{1,2}\]|\(\d{1,2}\)|［\d{1,2}］|（\d{1,2}）)$")

# --- info line --------------------------------------------------------------------------

SOURCE_LABELS = ("信息来源", "稿件来源", "文章来源", "新闻来源", "本文来源", "内容来源", "来源于", "来源", "来自",
                 "出处", "资料来源")
AUTHOR_LABELS = ("作者", "撰稿", "撰稿人", "文稿", "撰文")
DATE_LABELS = ("发布日期", "发布时间", "发表时间", "发稿时间", "发文日期", "公开日期", "更新时间", "日期", "时间",
               "发布", "时间发布", "发文时间", "录入时间", "发表日期", "发稿日期", "更新日期", "上传时间", "添加时间",
               "创建时间", "信息时间", "刊发时间", "最新更新", "最后更新")
# The closing stamp of a press release (Hong Kong's government news: 完 / 2023年5月3日（星期三） / 香港時間16時30分,
# folded): an end marker, then a line that is only the date (a weekday in brackets after it), then the time.
STAMP_END_MARKERS = frozenset({"完", "（完）", "(完)", "-完-", "－完－", "Ends", "End"})
STAMP_DATE_REST = lazy_compile(r"^[（(]\s*(?:星期|礼拜|周)[一二三四五六日天]\s*[）)]$")
STAMP_TIME = lazy_compile(r"^(?:香港时间|澳门时间|HKT)\s*(\d{1,2})\s*[时:：]\s*(\d{1,2})\s*分?$")
# Words of the date labels of the last change (更新时间, 最新更新, 最後異動日期, 修改时间): such a date is the
# publication date when alone, never over a 发布日期 on the same lines.
UPDATE_DATE_WORDS = ("更新", "异动", "修改")
# Any other label naming a time or a date (信息发布时间：, 稿件录入日期：) is the publication date when a
# date follows it on the info line, unless it holds a word naming another date (成文日期, 活动时间 …).
DATE_LABEL_WORDS = ("时间", "日期")
OTHER_DATE_WORDS = ("成文", "生成", "产生", "印发", "生效", "实施", "施行", "废止", "失效", "截止", "出生", "报名",
                    "活动", "会议", "开始", "结束", "举办", "举行", "开放", "办理", "受理", "有效", "考试", "开标",
                    "投标", "公示", "申报", "征集", "培训", "营业", "服务", "办公", "咨询", "比赛", "演出", "展览",
                    "起止", "签发", "成立", "注册", "采购", "招标", "报送", "缴费", "面试", "笔试")
VIEWS_LABELS = ("浏览次数", "浏览量", "访问次数", "阅读次数", "阅读量", "点击数", "点击量", "点击率", "点击次数",
                "点击", "浏览", "阅读", "访问量", "人次",
                # Taiwan and Hong Kong sites (folded: 點閱次數, 瀏覽人次, 人氣).
                "点阅次数", "点阅数", "点阅", "浏览人次", "人气")
# Labels that end the value before them on an info line (and are not themselves wanted).
OTHER_INFO_LABELS = ("责任编辑", "编辑", "审核", "字号", "字体", "打印", "分享", "关闭", "摄影", "摄", "通讯员",
                     "记者", "校对", "签发", "文号", "索引号")
# Values that mean "nothing" on an info line.
EMPTY_VALUES = frozenset({"", "无", "-", "--", "—", "暂无", "null", "none", "undefined"})
# The longest plausible value of a source / author.
SOURCE_MAX, AUTHOR_MAX = 40, 30

# An unlabelled byline at the top of a body: "记者张三/文".
BYLINE_WORD = "记者"  # what every byline holds: looked for first (cheaper than the pattern, which starts with it)
BYLINE = lazy_compile(r"记者\s*([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*)\s*/\s*文")

# --- breadcrumb -------------------------------------------------------------------------

# Class/id parts that name a trail: strong words (found inside a token) and exact tokens.
BREADCRUMB_WORDS = ("crumb", "position", "location", "weizhi", "dqwz", "curpage", "curpos", "mianbao", "currchnl")
BREADCRUMB_TOKENS = frozenset({"current", "dangqian", "wzdh", "place", "locate", "bread", "sitepath"})
# Weak names: a block so named is a trail only if it also ends the way trails do (… > 正文).
BREADCRUMB_WEAK_WORDS = ("path", "nav", "links", "channel")
# Separators that only trails use (menus use | and ·).
BREADCRUMB_STRONG_SEPARATORS = frozenset({">", ">>", "»", "›", "->", "→", "＞", "〉", ">>>"})
BREADCRUMB_SEPARATORS = frozenset({">", ">>", "»", "›", "/", "-", "->", "→", "＞", "〉", "|", "·", "\\",
                                   "::", ">>>", "—", "－", "｜", "/ ", "》"})
# Separators that may join an unlabelled, unnamed trail (首页 > 新闻 > 正文, 首页 / 新闻); never the
# bars and dots of menus.
BREADCRUMB_JOINERS = frozenset({">", ">>", "»", "›", "/", "-", "->", "→", "＞", "〉", ">>>", "—", "－", "》"})
# Class/id tokens of a page header: a trail-like run of links inside one is the header's channel
# path, not the article's trail (网易 div.observe_header span.pathlink).
HEADER_TOKENS = frozenset({"header", "head", "masthead", "banner", "topbar", "logo"})
BREADCRUMB_MAX_ITEMS = 12
# Links of an unnamed, unseparated box whose addresses nest (/, /ywdt/, /ywdt/yw/): at least this many make a trail.
NESTED_TRAIL_MIN = 3
BREADCRUMB_ITEM_MAX = 40  # a disclosure catalogue names its columns at length (…的依据、条件、程序以及办理结果)

# --- attachments ------------------------------------------------------------------------

# Resolve attachment hrefs against the page url when it is known (design/record.md; the corpus gold keeps
# hrefs as written, but the scorer compares names only).
RESOLVE_ATTACHMENT_URLS = True

# --- people -----------------------------------------------------------------------------

# Common single-character surnames (the most frequent ~100, minus characters that mostly start
# ordinary words): a bare 2–3 character value starting with one reads as a personal name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "沈姚卢姜崔钟谭陆汪范金廖贾夏韦付方邹孟熊秦邱江尹薛闫段雷侯龙陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤"
    "温康施牛樊葛邢齐乔伍庞颜倪庄聂鲁岳翟殷詹欧耿焦俞柳祝舒阮柯梅童凌毕裴霍涂苗谷盛翁冉骆蓝靳"
)

# Contact lines of a page footer: a short block holding one (with no article) is the footer. A text line
# starting so may still be a notice's own body, so the text-dump reader does not use these.
FOOTER_CONTACT_WORDS = ("联系电话", "举报电话")
# Class/id token parts that name an article body (a bonus when a candidate's name contains one).
CONTAINER_WORDS = ("content", "article", "zoom", "zhengwen", "wenzhang", "detail", "editor", "unionstyle",
                   "context", "artic", "main-txt", "newstext", "text")

# --- page type --------------------------------------------------------------------------

# A page with no article listing at least this many dated links is a column's list page.
LISTING_MIN_ENTRIES = 5
# A date in a list entry (2024-03-01, 2024/3/1, 2024年3月1日, [03-01]).
DATE_IN_ENTRY = lazy_compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\b\d{2}-\d{2}\b")
# Warned when the displayed text holds no Chinese at all (the record is probably not what was wanted).
NO_CHINESE_WARNING = "no Chinese text on the page: page_type other"

# --- lines that are never a kicker or a subtitle ----------------------------------------

# A document number (文号) printed by the headline: 岚综管规〔2026〕1号, 国办发[2023]5号, 岚农发2018.186.
DOC_NUMBER_LINE = lazy_compile(
    r"^[\u4e00-\u9fff]{1,16}\s*[〔\[［(（【]?\s*(?:19|20)\d{2}\s*[〕\]］)）】.．]?\s*第?\s*\d{1,5}\s*号?$"
)

# --- used by html/article.py -----------------------------------------------------------------

# A date in a list entry (this deep) is the entry's, never the article's.
LIST_TAGS = frozenset({"li", "dd", "dt"})
LIST_DEPTH = 3
# An info or credit line in the body (under the text, or at its top) is short.
END_INFO_MAX = 80
# How far around the headline and the body the info line is looked for (displayed lines).
HEADER_LINES = 12
FOOTER_LINES = 8
PRE_HEADLINE_LINES = 8
# A body needs this much prose (characters outside links) to count as an article.
MIN_BODY_CHARS = 20
# A short candidate without any prose punctuation is a label or a pager, not a body.
BARE_TEXT_MAX = 60
# A link-dense candidate with less prose punctuation than this is a list of links, not a body.
LIST_DENSITY = 0.5
LIST_PUNCTUATION = 3
# The box right after the headline is the body rather than denser prose elsewhere that is at most this
# many times longer (a sidebar beside a short notice, not the long body under a digest).
NEAR_BODY_RATIO = 3
# How many displayed lines under a headline the first text of a body without prose is looked for in.
NEAR_LINES = 15
# A container is widened to its parent when the parent adds at most this much text.
WIDEN_SHARE = 0.12
WIDEN_MIN = 40
# Class/id tokens that name an author or a source element (网易 span.author, 新浪 a.source).
AUTHOR_WORDS = ("author", "zuozhe")
SOURCE_TOKENS = frozenset({"source", "laiyuan", "ly", "from", "media"})
# Class/id tokens of an element showing the view count, unlabelled or with a views word and no colon
# (<li class="views">阅读 539</li>).
# Icon-font elements (<i class="fa fa-eye"></i>, <span class="iconfont icon-shijian"></span>): an empty element
# with one of these class tokens is an icon, and the text right after it is what the icon labels, by the words of
# its other tokens (the eye's number is the view count; a folder's or a comment bubble's is neither).
ICON_MARKERS = frozenset({"fa", "fas", "far", "icon", "iconfont", "glyphicon", "bi"})
ICON_TAGS = frozenset({"i", "span", "em"})
ICON_KINDS = {
    "views": frozenset({"eye", "view", "views", "liulan", "yuedu", "hits", "browse"}),
    "date": frozenset({"clock", "time", "date", "calendar", "shijian", "riqi", "rili"}),
    "author": frozenset({"user", "author", "person", "zuozhe", "people"}),
}
VIEWS_TOKENS = frozenset({"views", "view", "hits", "clicks", "click", "pv", "liulan", "djl", "readnum", "viewcount"})
# Such an element's text: an optional views word, the count, an optional 次.
VIEWS_BOX = lazy_compile(r"(?:" + "|".join(VIEWS_LABELS) + r")?\s*(\d[\d,]*)\s*(?:次|人次)?")
# Any element's whole text when it is a views word and a count (阅读 539, 浏览 1,205 次): a count shown so needs
# no name.
VIEWS_WORDED = lazy_compile(r"(?:" + "|".join(VIEWS_LABELS) + r")\s*(\d[\d,]*)\s*(?:次|人次)?")
# Marks of a value the page cut short.
ELLIPSES = ("...", "…", "。。。", "..")

# --- used by html/container.py ---------------------------------------------------------------

TABLE_PARTS = frozenset({"td", "th", "tr", "tbody", "thead", "tfoot", "table", "caption"})
# A run shorter than this (characters) is a label or a menu entry more than prose.
SHORT_RUN = 10
# A table cell holding more than this much text is page layout, not a data cell.
LAYOUT_CELL_CHARS = 400
# A page footer is short; a longer block mentioning 版权所有 is not one.
FOOTER_MAX_CHARS = 600
FOOTER_CHECKS = 5
# A footer-like box of at most this many lines, each naming the footer, is never the article (no other text).
FOOTER_MAX_LINES = 6
# A one-link line of the body with this many characters of text outside links before and after it in its parent
# box is an item of the text (a digest's ▶ 典型案例丨<a>…</a>), not a related-links box.
BETWEEN_PROSE_CHARS = 80
# A short line at the body's end naming the site's copyright or registration is the page footer printed in
# the body's box (no gold body holds one); folded, so 版權所有 and 網站標識碼 count.
SITE_FOOTER_MARKERS = ("版权所有", "Copyright", "copyright", "COPYRIGHT", "All Rights Reserved", "ICP备", "ICP证",
                       "公网安备", "网站标识码")
SITE_FOOTER_LINE_MAX = 160

# Class/id tokens of the site's footer box (with <footer>): the lines under the body stop at it.
PAGE_FOOTER_TOKENS = frozenset({"footer", "foot", "copyright"})
# Class/id tokens of page furniture that never holds the article.
FURNITURE = frozenset({"footer", "foot", "copyright", "nav", "menu", "sidebar", "comment", "comments"})

# --- used by html/paragraphs.py --------------------------------------------------------------

CELL_PARTS = frozenset({"td", "th"})
TRANSPARENT = frozenset({"tbody", "thead", "tfoot"})
# A block whose text is mostly links (≥ this share) with ≥ LIST_MIN_LINKS links, or whose own
# words are only a heading over links, is a link list; LINK_ONLY: nothing but links.
LINK_LIST_DENSITY = 0.6
LIST_MIN_LINKS = 3
LINK_ONLY = 0.95
# Non-link words of a related-headline list: bullets, dates, brackets (at most this many left).
LIST_LEFTOVER = 4
LIST_TITLE_MAX = 10
LINK_BOX_TAGS = frozenset({"ul", "ol", "table", "div", "dl", "p", "td", "li", "center"})

# Hard-wrapped text: at least this many lines, most of them (HARD_WRAP_SHARE) within 85% of the
# wrapping width, which is at most HARD_WRAP_WIDTH columns.
HARD_WRAP_LINES = 8
HARD_WRAP_SHARE = 0.5
HARD_WRAP_WIDTH = 160  # display columns (a CJK character is two)

# A credit line is short.
CREDIT_LINE_MAX = 80
# A widget line is short.
WIDGET_LINE_MAX = 60

# --- used by html/info.py --------------------------------------------------------------------

# A labelled pair anywhere in a text (答复单位：…): a Han word and a colon.
ANY_PAIR = lazy_compile(r"[\u4e00-\u9fff]{2,8}\s*[:：]")

# After removing the date and addresses, an unlabelled info line has at most this much left.
INFO_REST_MAX = 25

# --- used by html/breadcrumb.py --------------------------------------------------------------

# Boxes an unnamed trail is laid out in.
TRAIL_BOXES = frozenset({"div", "td", "p", "span", "nav", "li", "ul", "ol", "h2", "h3"})
HOME_WORDS = ("首页", "主页", "Home", "HOME", "home")
# A home entry is short (网站首页, 网易首页, 企业服务首页).
HOME_MAX = 8
# Words of the breadcrumb labels (当前位置, 当前栏目, 當前欄目): a run without one holds no label.
LABEL_WORDS = ("位置", "栏目", "欄目")

# --- used by html/page_index.py --------------------------------------------------------------

# Punctuation that marks running prose (a list of links or a menu has almost none).
PROSE_PUNCTUATION = tuple("，。；、！？,;")
# Bounds of a "short" element's text (characters): room for a headline or a breadcrumb trail.
SHORT_MIN, SHORT_MAX = 1, 200
