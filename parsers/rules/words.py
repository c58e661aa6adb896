"""Words both readers share (the HTML reader and the text-dump reader): one list per subject.

Written in simplified Chinese: labels are matched after folding traditional characters (``hanzi.fold``).
"""

from __future__ import annotations

# Labels before a breadcrumb trail (当前位置：首页 > …), longest first.
BREADCRUMB_LABELS = (
    "您现在所在的位置", "您目前所在的位置", "当前所在的位置", "您当前所在位置", "你当前的位置", "你所在的位置",
    "你现在的位置", "当前所在位置", "当前所处位置", "您当前的位置",
    "您所在的位置", "您现在的位置", "您的当前位置", "您目前的位置", "当前的位置", "您当前位置", "您所在位置",
    "您现在位置", "你的位置", "当前位置", "当前栏目", "您的位置",
    "我的位置", "所在位置", "所处位置", "现在位置", "目前位置", "位置",
)

# Words of widget lines and buttons (print, close, share, font size, back to top, pager …): a line made
# only of these is page furniture, never article text.
WIDGET_WORDS = frozenset({
    "-->", "<--", "QQ", "QQ空间", "TOP", "[中]", "[关闭]", "[大]", "[小]", "[打印]", "【中】", "【关闭】",
    "【关闭窗口】", "【大】",
    "【字体：", "【字体：大", "【字号：", "【小】", "【打印】", "【打印本页】", "上一篇", "上一页", "下一篇",
    "下一页", "中", "保护视力色", "全真版", "关闭",
    "关闭本页", "关闭窗口", "关闭页面", "分享", "分享到", "分享到：", "分享至好友和朋友圈", "分享：", "加入收藏",
    "发表评论", "发送给朋友", "回到顶部",
    "在手机打开当前页", "大", "字体", "字体：", "字号", "字号：", "小", "小】", "尾页", "微信", "微博", "我要打印",
    "我要纠错", "我要评论", "打印",
    "打印文章", "打印本文", "打印本页", "打印此页", "打印页面", "扫一扫", "扫一扫在手机上查看当前页面",
    "扫一扫在手机打开当前页", "推荐", "推荐给朋友", "收藏", "收藏本页",
    "放大", "文件下载", "文字版", "正常", "点击查看大图", "点击看大图", "用微信扫描二维码", "相关链接",
    "相关链接：", "纠错", "缩小", "视力保护色", "评论", "超大",
    "返回", "返回页首", "返回顶部", "返回首页", "附件下载", "顶部", "首页", "默认", "（点击看清晰大图）",
    "Qzone", "图集", "点赞", "+1",
    # Taiwan and Hong Kong sites (folded: 回上一頁, 友善列印, 轉寄友人, 回頁首, 字型大小).
    "回上一页", "回上页", "友善列印", "列印", "转寄友人", "转寄", "回页首", "回顶端", "字型大小", "字型大小：",
})

# Wording of a page footer (legal notice, site owner, contact): a block or line holding it is not article text.
FOOTER_MARKERS = ("版权所有", "版权声明", "Copyright", "copyright", "All Rights Reserved", "ICP备", "ICP证",
                  "公网安备", "免责声明", "网站标识码", "网站地图", "主办单位", "承办单位", "主办：", "承办：",
                  "技术支持", "联系我们",
                  # The policy links every Taiwan government site footer carries (folded: 隱私權政策, 資訊安全政策,
                  # 政府網站資料開放宣告); such footers often print no 版權所有 line.
                  "隐私权政策", "隐私权宣告", "资讯安全政策", "资料开放宣告", "资料开放宣言")

# Extensions of attachment files (附件 links and names).
ATTACHMENT_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "zip", "rar", "7z", "txt",
                         "ppt", "pptx", "csv", "dps",
                         # OpenDocument: Taiwan's government sites offer every download as odt/ods/odp too.
                         "odt", "ods", "odp")
# Image files: linked from a block cell they are an attachment of the block, not another document.
IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif")
# Labels heading a list of attachments (附件：, 相关附件, 附件下载 …).
ATTACHMENT_LABELS = ("附件", "相关附件", "附件下载", "下载附件", "文件下载", "点击下载")
# Words of a download button for the document itself (pdf下载, 下载全文): a file link so named under the
# body is an attachment.
DOWNLOAD_WORDS = ("下载", "download", "Download")
