"""Metamorphic test bed: transformations of a page that must not change its record (not a test).

    python3 bench/metamorphic.py [--markdown docs/metamorphic.md] [--json out.json] [--jobs 2] [PATHS...]

Each page (by default every ``*.html`` of ../shared/corpus/pages, when present, and of fixtures/) is
transformed in ways a reader of the page would not notice (re-encoded, re-serialised, wrapped, saved by a
browser or by Word, packed as MHTML, dumped to text by a converter); the transformed page's record is
compared with the original's on the keys the transformation must keep. Per transformation the script
reports the invariance rate and, for every page whose record changed, which keys changed and how.
Random choices (class-name tokens) are seeded from a fixed seed and the page's name, so figures repeat.

Converters: html2text, markdownify, inscriptis (``pip install -e ".[metamorphic]"``) and lynx, w3m, pandoc
(system packages); those not installed are reported as skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import quopri
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from govmeta.parsers import ExtractionError, extract_record, rules
from govmeta.parsers.html.document import HIDDEN_CLASSES

REPO = Path(__file__).resolve().parents[1]
SHARED_PAGES = REPO.parent / "shared" / "corpus" / "pages"
FIXTURES = REPO / "fixtures"
SEED = 20241
SAVED_HOST = "http://www.example.gov.cn/saved"
LINE_MAX = 900  # characters of one page's changes in the report

# Keys that never count as a change: the input's name, how it was decoded, and what was odd about that.
IGNORED = ("path", "encoding", "warnings")
ALL_KEYS = (
    "url", "site", "breadcrumb", "title", "kicker", "subtitle", "content_source", "author", "published_at",
    "views", "metadata", "fields", "paragraphs", "attachments",
)
TEXT_KEYS = ("metadata", "fields", "title")  # what a converter's text dump must keep (issue 10)
WORD_KEYS = ("title", "metadata", "fields", "paragraphs", "attachments")  # what a Word document can hold

BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "head", "title", "meta", "link",
))
RAW_TAGS = frozenset({"pre", "textarea", "script", "style", "listing", "xmp", "plaintext"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# ----------------------------------------------------------------------------------------------------------
# Charset declarations


_META = re.compile(r"<meta\b[^>]*>", re.I)
_META_LABEL = re.compile(r"(\bcharset\s*=\s*[\"']?)([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(r"(<\?xml[^>]*?\bencoding\s*=\s*[\"'])([\w.:-]+)", re.I)
_HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.I)
_DOCTYPE = re.compile(r"\A\s*<!doctype[^>]*>", re.I)


def declare(text: str, label: str) -> str:
    """The page with every charset declaration saying ``label`` (one is added when there is none)."""
    found = False

    def meta(m: re.Match[str]) -> str:
        nonlocal found
        tag, n = _META_LABEL.subn(lambda g: g.group(1) + label, m.group(0))
        found = found or n > 0
        return tag

    text = _META.sub(meta, text)
    text = _XML_ENCODING.sub(lambda g: g.group(1) + label, text)
    if found:
        return text
    tag = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
    head = _HEAD_OPEN.search(text)
    if head:
        return text[: head.end()] + tag + text[head.end() :]
    doctype = _DOCTYPE.match(text)
    at = doctype.end() if doctype else 0
    return text[:at] + tag + text[at:]


def undeclare(text: str) -> str:
    """The page with every charset declaration removed (meta charset, http-equiv charset, XML encoding)."""

    def meta(m: re.Match[str]) -> str:
        tag = re.sub(r";\s*charset\s*=\s*[\w.:-]+", "", m.group(0), flags=re.I)
        tag = re.sub(r"\bcharset\s*=\s*([\"']?)[\w.:-]+\1", "", tag, flags=re.I)
        return tag

    text = _META.sub(meta, text)
    return re.sub(r"(<\?xml[^>]*?)\s+encoding\s*=\s*([\"'])[\w.:-]+\2", r"\1", text, flags=re.I)


def encode(text: str, codec: str) -> bytes:
    """Characters the codec lacks become numeric character references, as a browser's save writes them."""
    return text.encode(codec, errors="xmlcharrefreplace")


# ----------------------------------------------------------------------------------------------------------
# Tree-level rewrites (lxml)


_END_TAGS = re.compile(r"</\s*(?:html|body)\s*>", re.I)


def _parse(text: str) -> etree._Element:
    """The tree a browser builds: stray ``</body></html>`` (an included header's) do not end the page."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    return lxml.html.document_fromstring(_END_TAGS.sub("", text), parser=parser)


def _serialise(root: etree._Element, text: str) -> str:
    doctype = _DOCTYPE.match(text)
    body = lxml.html.tostring(root, encoding=str, method="html")
    # Comments before <html> (a browser's <!-- saved from url=… -->) are part of the page too.
    before = reversed(list(root.itersiblings(preceding=True)))
    prolog = "".join(etree.tostring(node, encoding=str) + "\n" for node in before if isinstance(node, etree._Comment))
    return (doctype.group(0).strip() + "\n" if doctype else "") + prolog + body


def _indent(el: etree._Element, depth: int = 0) -> None:
    """Whitespace-only text around block children becomes a line break and indentation."""
    if el.tag in RAW_TAGS or not isinstance(el.tag, str):
        return
    pad = "\n" + "  " * (depth + 1)
    children = [c for c in el if isinstance(c.tag, str)]
    if el.tag in BLOCK_TAGS and children and children[0].tag in BLOCK_TAGS and not (el.text or "").strip():
        el.text = pad
    for i, child in enumerate(children):
        _indent(child, depth + 1)
        nxt = children[i + 1] if i + 1 < len(children) else None
        if child.tag in BLOCK_TAGS and (nxt is None or nxt.tag in BLOCK_TAGS) and not (child.tail or "").strip():
            child.tail = pad if nxt is not None else "\n" + "  " * depth


def _break_text(el: etree._Element, depth: int = 0) -> None:
    """Runs of whitespace inside text become a line break and indentation; block edges get one too."""
    if not isinstance(el.tag, str) or el.tag in RAW_TAGS:
        return
    pad = "\n" + "  " * (depth + 1)
    if el.text:
        el.text = re.sub(r"[ \t\r\n]+", pad, el.text)
        if el.tag in BLOCK_TAGS and el.tag not in ("html", "head", "title"):
            el.text = pad + el.text.lstrip(" \t\r\n")
    for child in el:
        _break_text(child, depth + 1)
        if child.tail:
            child.tail = re.sub(r"[ \t\r\n]+", pad, child.tail)
    if el.tag in BLOCK_TAGS and el.tag not in ("html", "head", "title") and len(el):
        last = el[-1]
        last.tail = (last.tail or "").rstrip(" \t\r\n") + "\n" + "  " * depth
    elif el.tag in BLOCK_TAGS and el.tag not in ("html", "head", "title") and el.text:
        el.text = el.text.rstrip(" \t\r\n") + "\n" + "  " * depth


def _reverse_attributes(root: etree._Element) -> None:
    for el in root.iter():
        if isinstance(el.tag, str) and len(el.attrib) > 1:
            items = list(el.attrib.items())
            el.attrib.clear()
            for key, value in reversed(items):
                el.set(key, value)


def rewrite(text: str, *steps: Callable[[etree._Element], None]) -> str:
    root = _parse(text)
    for step in steps:
        step(root)
    return _serialise(root, text)


# ----------------------------------------------------------------------------------------------------------
# String-level rewrites

_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)
_BODY_CLOSE = re.compile(r"</body\s*>", re.I)
_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_CLASS_ID = re.compile(r"(\s)(class|id)(\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s>\"']+)", re.I)
_STYLE_BLOCK = re.compile(r"(<style\b[^>]*>)(.*?)(</style\s*>)", re.I | re.S)
_SAVED_FROM = "<!-- saved from url=({:04d}){} -->\r\n"


def wrap_body(text: str) -> str | None:
    """The body's content inside three more nested ``<div>``s; None when the page has no ``<body>`` tag."""
    start = _BODY_OPEN.search(text)
    if not start:
        return None
    ends = list(_BODY_CLOSE.finditer(text))
    end = ends[-1].start() if ends and ends[-1].start() > start.end() else len(text)
    inner = text[start.end() : end]
    return text[: start.end()] + "<div><div class=\"wrap\"><div>" + inner + "</div></div></div>" + text[end:]


def rename_classes(text: str, rng: random.Random) -> str:
    """Every class and id token renamed to a random token (consistently, in ``<style>`` rules too).

    An id that is an address (a crawl wrapper's ``<text id="http://…">``) is data and stays. So do the
    classes that hide an element (ng-hide, hidden …) and those that draw an icon-font glyph (fa fa-eye,
    iconfont icon-time …): a framework's or a font's style sheet, not the page's, gives them their effect;
    renamed, the page would show what it hid, or lose the icons that label its info items, and its record
    would rightly change.
    """
    mapping: dict[str, str] = {name: name for name in HIDDEN_CLASSES}

    def token(name: str) -> str:
        if re.split(r"[-_]", name.lower(), maxsplit=1)[0] in rules.article.ICON_MARKERS:
            return name
        if name not in mapping:
            mapping[name] = "x" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7))
        return mapping[name]

    def attr(m: re.Match[str]) -> str:
        value = m.group(4)
        quote = value[0] if value[0] in "\"'" else '"'
        inner = value[1:-1] if value[0] in "\"'" else value
        if re.match(r"\s*https?://", inner):
            return m.group(0)  # a crawl wrapper's <text id="http://…">: the page's address, not a style hook
        names = " ".join(token(n) for n in inner.split())
        return f"{m.group(1)}{m.group(2)}{m.group(3)}{quote}{names}{quote}"

    text = _TAG.sub(lambda tag: _CLASS_ID.sub(attr, tag.group(0)), text)

    def style(m: re.Match[str]) -> str:
        rules = re.sub(r"([.#])([A-Za-z_][\w-]*)", lambda g: g.group(1) + mapping.get(g.group(2), g.group(2)),
                       m.group(2))
        return m.group(1) + rules + m.group(3)

    return _STYLE_BLOCK.sub(style, text)


def saved_from(text: str, url: str) -> str:
    """A browser's save: the ``<!-- saved from url=(NNNN)… -->`` comment after the doctype."""
    comment = _SAVED_FROM.format(len(url), url)
    doctype = _DOCTYPE.match(text)
    at = doctype.end() if doctype else 0
    sep = "\r\n" if doctype else ""
    return text[:at] + sep + comment + text[at:]


def mhtml(data: bytes, url: str, charset: str, title: str) -> bytes:
    """An IE/Word-style MHTML archive: the page as quoted-printable with its charset, plus a stylesheet part."""
    boundary = "----=_NextPart_000_0000_01DA0000.5A3C2B10"
    head = (
        "From: <Saved by Windows Internet Explorer 11>\r\n"
        f"Subject: {title.encode('ascii', 'replace').decode()}\r\n"
        "Date: Mon, 1 Apr 2024 10:00:00 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n'
        "X-MimeOLE: Produced By Microsoft MimeOLE\r\n\r\n"
        "This is a multi-part message in MIME format.\r\n\r\n"
        f"--{boundary}\r\n"
        f'Content-Type: text/html;\r\n\tcharset="{charset}"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url}\r\n\r\n"
    ).encode("ascii")
    body = quopri.encodestring(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    css = (
        f"\r\n\r\n--{boundary}\r\n"
        "Content-Type: text/css;\r\n\tcharset=\"utf-8\"\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url.rsplit('/', 1)[0]}/style.css\r\n\r\n"
        "body { margin: 0 }\r\n\r\n"
        f"--{boundary}--\r\n"
    ).encode("ascii")
    return head + body + css


# ----------------------------------------------------------------------------------------------------------
# Word "Save as Web Page"

_WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>user</o:Author>
  <o:Pages>1</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-charset:134;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	mso-style-parent:"";
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	mso-pagination:none;
	font-size:10.5pt;
	font-family:等线;
	mso-bidi-font-family:"Times New Roman";
	mso-font-kerning:1.0pt;}}
h1
	{{mso-style-priority:9;
	mso-style-qformat:yes;
	mso-style-link:"标题 1 字符";
	font-size:22.0pt;
	font-family:等线;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;
	layout-grid:15.6pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

"""
_WORD_TAIL = "\n</div>\n\n</body>\n\n</html>\n"
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "ng-hide", "d-none"})  # common framework classes with display:none
_CENTRED = re.compile(r"text-align\s*:\s*center", re.I)


@dataclass
class _Para:
    tag: str  # p or hN
    pieces: list = field(default_factory=list)  # str | ("b", text) | ("a", href, text) | ("br",)
    centred: bool = False

    def has_text(self) -> bool:
        return any((p.strip() if isinstance(p, str) else p[0] != "br" and p[-1].strip()) for p in self.pieces)


def _visible_children(el: etree._Element) -> Iterable[etree._Element]:
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("script", "style", "noscript", "iframe", "template", "head", "select", "button"):
            continue
        if child.get("hidden") is not None or _HIDDEN_STYLE.search(child.get("style") or ""):
            continue
        if _HIDDEN_CLASSES & set((child.get("class") or "").lower().split()):
            continue
        yield child


def _has_block(el: etree._Element) -> bool:
    return any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in el.iterdescendants())


def _centred(el: etree._Element) -> bool:
    return el.tag == "center" or (el.get("align") or "").lower() == "center" or bool(
        _CENTRED.search(el.get("style") or ""))


def _flatten(el: etree._Element, kind: str = "p", centred: bool = False) -> list:
    """The element's visible content as Word keeps it: paragraphs (bold runs, links, line breaks, centring)
    and tables."""
    blocks: list = []
    centred = centred or _centred(el)
    para = _Para(kind, centred=centred)

    def flush() -> None:
        nonlocal para
        if para.has_text():
            blocks.append(para)
        para = _Para(kind, centred=centred)

    def inline(node: etree._Element) -> None:
        if node.text:
            para.pieces.append(node.text)
        for child in _visible_children(node):
            if child.tag == "br":
                para.pieces.append(("br",))
            elif child.tag == "a" and child.get("href"):
                para.pieces.append(("a", child.get("href"), child.text_content()))
            elif child.tag in ("b", "strong") and not len(child):
                para.pieces.append(("b", child.text or ""))
            else:
                inline(child)
            if child.tail:
                para.pieces.append(child.tail)

    if el.text:
        para.pieces.append(el.text)
    for child in _visible_children(el):
        tag = child.tag
        if tag == "table":
            flush()
            blocks.append(_table(child))
        elif tag in BLOCK_TAGS or _has_block(child):
            flush()
            blocks.extend(_flatten(child, tag if tag in HEADINGS else kind, centred))
        elif tag == "br":
            para.pieces.append(("br",))
        elif tag == "a" and child.get("href"):
            para.pieces.append(("a", child.get("href"), child.text_content()))
        elif tag in ("b", "strong") and not len(child):
            para.pieces.append(("b", child.text or ""))
        else:
            inline(child)
        if child.tail:
            para.pieces.append(child.tail)
    flush()
    return blocks


def _table(table: etree._Element) -> list[list[list]]:
    rows = []
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        rows.append([_flatten(td) for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")])
    return rows


def _runs(text: str) -> str:
    text = re.sub(r"[ \t\r\n]+", " ", text)
    out = []
    for run in _RUNS.findall(text):
        if run.isascii():
            out.append(f"<span lang=EN-US>{html.escape(run, quote=False)}</span>")
        else:
            style = "font-family:宋体;mso-ascii-font-family:等线"
            out.append(f"<span style='{style}'>{html.escape(run, quote=False)}</span>")
    return "".join(out)


def _word_para(para: _Para) -> str:
    body = []
    for piece in para.pieces:
        if isinstance(piece, str):
            body.append(_runs(piece))
        elif piece[0] == "br":
            body.append("<br>\n")
        elif piece[0] == "b":
            body.append(f"<b>{_runs(piece[1])}</b>")
        else:
            body.append(f'<a href="{html.escape(piece[1])}">{_runs(piece[2])}</a>')
    if para.tag in HEADINGS:
        return f"<{para.tag} align=center style='text-align:center'>{''.join(body)}<o:p></o:p></{para.tag}>\n"
    align = " align=center style='text-align:center'" if para.centred else ""
    return f"<p class=MsoNormal{align}>{''.join(body)}<span lang=EN-US><o:p></o:p></span></p>\n"


def _word_blocks(blocks: list) -> str:
    out = []
    for block in blocks:
        if isinstance(block, _Para):
            out.append(_word_para(block))
            continue
        out.append("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\n style='border-collapse:"
                   "collapse;border:none;mso-border-alt:solid windowtext .5pt'>\n")
        for i, row in enumerate(block):
            out.append(f" <tr style='mso-yfti-irow:{i}'>\n")
            for cell in row:
                inner = _word_blocks(cell) or "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n"
                out.append(f"  <td valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\n"
                           f"  {inner}  </td>\n")
            out.append(" </tr>\n")
        out.append("</table>\n")
    return "".join(out)


def word_html(text: str, url: str | None = None) -> bytes:
    """The page's visible text structure as Word's "Save as Web Page" writes it (GBK, labelled gb2312).

    Links keep the address a browser's copy gives them: resolved against the page's ``url`` when known.
    """
    root = _parse(text)
    if url:
        root.make_links_absolute(url, resolve_base_href=True, handle_failures="ignore")
    title = root.findtext(".//title") or ""
    body = root.find("body")
    blocks = _flatten(body if body is not None else root)
    page = _WORD_HEAD.format(title=html.escape(title.strip(), quote=False)) + _word_blocks(blocks) + _WORD_TAIL
    return encode(page, "gbk")


# ----------------------------------------------------------------------------------------------------------
# Converters


def _python_converter(name: str) -> Callable[[str], str] | None:
    try:
        if name == "html2text":
            import html2text

            return lambda page: html2text.HTML2Text().handle(page)
        if name == "markdownify":
            import markdownify

            return lambda page: markdownify.markdownify(page)
        if name == "inscriptis":
            import inscriptis

            return inscriptis.get_text
    except ImportError:
        return None
    return None


_COMMANDS = {
    "lynx": ["lynx", "-dump", "-nolist", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
    "pandoc": ["pandoc", "-f", "html", "-t", "plain"],
}


def _command_converter(name: str) -> Callable[[str], str] | None:
    command = _COMMANDS[name]
    if shutil.which(command[0]) is None:
        return None

    def run(page: str) -> str:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "page.html"
            path.write_text(page, encoding="utf-8")
            env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", HOME=tmp)
            done = subprocess.run([*command, str(path)], capture_output=True, timeout=120, env=env, check=True)
            return done.stdout.decode("utf-8", errors="replace")

    return run


def converter(name: str) -> Callable[[str], str] | None:
    """The converter's page-to-text function, or None when it is not installed."""
    return _command_converter(name) if name in _COMMANDS else _python_converter(name)


CONVERTERS = ("html2text", "markdownify", "inscriptis", "lynx", "w3m", "pandoc")

# ----------------------------------------------------------------------------------------------------------
# Transformations


@dataclass(frozen=True)
class Variant:
    """A transformed page: its bytes, how to read it, and what its record must equal."""

    data: bytes
    kwargs: dict = field(default_factory=dict)
    expected_url: str | None = None  # when the transformation names the page's address
    container: str | None = None  # a file name to open through govmeta.cli.containers


@dataclass
class Page:
    name: str
    data: bytes
    text: str
    codec: str
    record: dict
    rng_seed: int


@dataclass(frozen=True)
class Transformation:
    name: str
    make: Callable[[Page], Variant | None]
    keys: tuple[str, ...] = ALL_KEYS
    simplified: bool = False
    group: str = "html"  # encoding, serialisation, save, naming, converter
    required: bool = True  # must be invariant (False: a figure to report)


def _saved_url(page: Page) -> str:
    """The page's own address when its record knows it (the browser saved it from there), else a made-up one."""
    if page.record.get("url"):
        return page.record["url"]
    return f"{SAVED_HOST}/{hashlib.sha1(page.name.encode()).hexdigest()[:12]}.html"


def _to_codec(page: Page, codec: str, label: str | None) -> Variant:
    text = undeclare(page.text) if label is None else declare(page.text, label)
    return Variant(encode(text, codec))


def _reencoded(codec: str, label_kind: str) -> Callable[[Page], Variant]:
    wrong = "utf-8"

    def make(page: Page) -> Variant:
        label = {"right": codec, "wrong": wrong, "none": None}[label_kind]
        return _to_codec(page, codec, label)

    return make


_S2T = None


def opencc_convert(config: str, text: str) -> str:
    import opencc

    global _S2T
    if _S2T is None:
        _S2T = {}
    if config not in _S2T:
        _S2T[config] = opencc.OpenCC(config)
    return _S2T[config].convert(text)


def _big5(page: Page) -> Variant:
    # Big5 as WHATWG (and the reader) map it: Python's plain big5 codec puts some symbols (①) elsewhere
    text = declare(opencc_convert("s2t", page.text), "big5")
    return Variant(encode(text, "big5hkscs"), {"simplified": True})


def _rewritten(*steps: Callable[[etree._Element], None]) -> Callable[[Page], Variant]:
    def make(page: Page) -> Variant:
        return Variant(encode(rewrite(page.text, *steps), page.codec))

    return make


def _wrapped(page: Page) -> Variant | None:
    text = wrap_body(page.text)
    return None if text is None else Variant(encode(text, page.codec))


def _renamed(page: Page) -> Variant:
    return Variant(encode(rename_classes(page.text, random.Random(page.rng_seed)), page.codec))


def _saved(page: Page) -> Variant:
    url = _saved_url(page)
    return Variant(encode(saved_from(page.text, url), page.codec), expected_url=url)


def _mhtml(page: Page) -> Variant:
    url = _saved_url(page)
    label = page.record["encoding"].get("declared") or page.codec
    return Variant(mhtml(page.data, url, label, page.record.get("title") or ""), expected_url=url,
                   container=Path(page.name).stem + ".mht")


def _word(page: Page) -> Variant:
    return Variant(word_html(page.text, page.record.get("url")))


def _converted(name: str) -> Callable[[Page], Variant | None]:
    def make(page: Page) -> Variant | None:
        run = converter(name)
        if run is None:
            return None
        return Variant(run(declare(page.text, "utf-8")).encode("utf-8"))

    return make


TRANSFORMATIONS: tuple[Transformation, ...] = (
    *(Transformation(f"{codec}-{kind}-charset", _reencoded(codec, kind), group="encoding")
      for codec in ("gbk", "gb18030") for kind in ("right", "wrong", "none")),
    Transformation("big5-traditional", _big5, simplified=True, group="encoding"),
    Transformation("lxml-roundtrip", _rewritten(), group="serialisation"),
    Transformation("indent", _rewritten(_indent), group="serialisation"),
    Transformation("text-line-breaks", _rewritten(_break_text), group="serialisation"),
    Transformation("attribute-order", _rewritten(_reverse_attributes), group="serialisation"),
    Transformation("wrap-divs", _wrapped, group="serialisation"),
    Transformation("browser-saved-from", _saved, group="save"),
    Transformation("mhtml", _mhtml, group="save"),
    Transformation("word-html", _word, keys=WORD_KEYS, group="save", required=False),
    Transformation("rename-class-id", _renamed, group="naming", required=False),
    *(Transformation(f"text-{name}", _converted(name), keys=TEXT_KEYS, group="converter", required=False)
      for name in CONVERTERS),
)
BY_NAME = {t.name: t for t in TRANSFORMATIONS}

# ----------------------------------------------------------------------------------------------------------
# Running and comparing


def load_page(path: Path, name: str) -> Page:
    data = path.read_bytes()
    record = extract_record(data, path=name)
    codec = record["encoding"]["name"]
    text = data.decode(codec, errors="replace").lstrip("\ufeff")
    seed = int(hashlib.sha1(f"{SEED}:{name}".encode()).hexdigest()[:8], 16)
    return Page(name, data, text, codec, record, seed)


def read_variant(page: Page, variant: Variant) -> dict:
    if variant.container:
        from govmeta.cli.containers import open_page
        from govmeta.cli.runner import DEFAULT_MAX_BYTES

        opened = open_page(variant.container, variant.data, DEFAULT_MAX_BYTES)
        return extract_record(opened.data, path=page.name, url=opened.url,
                              transport_charset=opened.transport_charset, **variant.kwargs)
    return extract_record(variant.data, path=page.name, **variant.kwargs)


def _short(value, width: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _text_change(a, b) -> str:
    """Two values side by side; two long strings are cut around the first character where they part."""
    if not (isinstance(a, str) and isinstance(b, str)) or (len(a) <= 50 and len(b) <= 50):
        return f"{_short(a)} → {_short(b)}"
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    start = max(0, at - 12)
    cut = lambda t: ("…" if start else "") + repr(t[start : at + 28])[1:-1] + ("…" if len(t) > at + 28 else "")  # noqa: E731
    return f"'{cut(a)}' → '{cut(b)}' (at char {at})"


def diff(before: dict, after: dict, keys: Iterable[str]) -> list[str]:
    """Compact differences between two records on ``keys``: one line per changed key (or metadata field)."""
    out = []
    for key in keys:
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        if key == "metadata":
            a, b = a or {}, b or {}
            for sub in sorted(set(a) | set(b)):
                if a.get(sub) != b.get(sub):
                    out.append(f"metadata.{sub}: {_short(a.get(sub))} → {_short(b.get(sub))}")
        elif key == "fields":
            pa = [f"{f['label']}:{f['value']}" for f in a or []]
            pb = [f"{f['label']}:{f['value']}" for f in b or []]
            lost = [p for p in pa if p not in pb]
            new = [p for p in pb if p not in pa]
            detail = f"-{_short(lost, 70)} +{_short(new, 70)}" if lost or new else "same pairs, other order/count"
            out.append(f"fields ({len(pa)} → {len(pb)}): {detail}")
        elif key in ("paragraphs", "breadcrumb", "attachments") and isinstance(a, list) and isinstance(b, list):
            i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            x = a[i] if i < len(a) else None
            y = b[i] if i < len(b) else None
            out.append(f"{key} ({len(a)} → {len(b)} items), first at [{i}]: {_text_change(x, y)}")
        else:
            out.append(f"{key}: {_text_change(a, b)}")
    return out


@dataclass
class Outcome:
    transformation: str
    page: str
    status: str  # same, changed, opencc, skipped, error
    keys: tuple[str, ...] = ()
    diff: list[str] = field(default_factory=list)
    note: str = ""


def _expected(page: Page, transformation: Transformation, variant: Variant, simplified_record: dict | None) -> dict:
    expected = dict(simplified_record if transformation.simplified else page.record)
    if variant.expected_url and variant.expected_url != expected.get("url"):
        # the page's address is now known: relative attachment links resolve against it
        expected["url"] = variant.expected_url
        expected["attachments"] = [dict(a, url=a["url"] and urljoin(variant.expected_url, a["url"]))
                                   for a in expected.get("attachments") or []]
    return expected


def _changed_keys(before: dict, after: dict, keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(k for k in keys if before.get(k) != after.get(k))


def run_page(page: Page, transformations: Iterable[Transformation]) -> list[Outcome]:
    """Every transformation of one page, compared with the page's own record."""
    outcomes = []
    simplified_record = None
    for t in transformations:
        try:
            variant = t.make(page)
        except Exception as exc:  # a converter that fails on this page: reported, not counted
            outcomes.append(Outcome(t.name, page.name, "skipped", note=f"transformation failed: {exc!r}"[:200]))
            continue
        if variant is None:
            outcomes.append(Outcome(t.name, page.name, "skipped", note="not applicable or not installed"))
            continue
        try:
            if t.simplified and simplified_record is None:
                simplified_record = extract_record(page.data, path=page.name, simplified=True)
            got = read_variant(page, variant)
        except ExtractionError as exc:
            outcomes.append(Outcome(t.name, page.name, "error", note=f"ExtractionError {exc.kind}: {exc.message}"))
            continue
        except Exception as exc:
            outcomes.append(Outcome(t.name, page.name, "error", note=f"crash: {exc!r}"[:300]))
            continue
        expected = _expected(page, t, variant, simplified_record)
        keys = _changed_keys(expected, got, t.keys)
        if not keys:
            outcomes.append(Outcome(t.name, page.name, "same"))
            continue
        status, note = "changed", ""
        if t.name == "big5-traditional":
            # measure against the page after OpenCC's own round trip: what remains is the reader's doing
            round_trip = opencc_round_trip_record(page, variant)
            opencc_keys = tuple(k for k in keys if round_trip.get(k) == got.get(k)
                                or char_fold(expected.get(k)) == char_fold(got.get(k)))
            if len(opencc_keys) == len(keys):
                outcomes.append(Outcome(t.name, page.name, "opencc", keys, diff(expected, got, keys)))
                continue
            expected, keys = round_trip, _changed_keys(round_trip, got, t.keys)
            if opencc_keys:
                note = "OpenCC round trip alone changes " + "+".join(opencc_keys)
        if t.group == "encoding":
            note = f"decoded as {got['encoding']['name']} ({got['encoding']['source']})" + (
                f"; {note}" if note else "")
        outcomes.append(Outcome(t.name, page.name, status, keys, diff(expected, got, keys), note))
    return outcomes


def opencc_round_trip_record(page: Page, variant: Variant) -> dict:
    """The simplified record of the page converted s2t and back, with no Big5 and no change of codec.

    The way back uses the OpenCC config that ``simplified=True`` picked for the Big5 variant, so that only
    OpenCC's own round trip differs from the original page.
    """
    from govmeta.parsers.simplify import config_for

    config = config_for(extract_record(variant.data, path=page.name))
    back = opencc_convert(config, opencc_convert("s2t", page.text))
    return extract_record(encode(back, page.codec), path=page.name, simplified=True)


def char_fold(value):
    """Strings converted t2s one character at a time: equal folds differ only in OpenCC's phrase choices."""
    if isinstance(value, str):
        return "".join(opencc_convert("t2s", ch) if ord(ch) > 0x2E7F else ch for ch in value)
    if isinstance(value, list):
        return [char_fold(v) for v in value]
    if isinstance(value, dict):
        return {k: char_fold(v) for k, v in value.items()}
    return value


def round_trip_difference(page: Page) -> int:
    """Characters of the page's text that OpenCC's s2t then t2s does not give back."""
    back = opencc_convert("t2s", opencc_convert("s2t", page.text))
    return sum(a != b for a, b in zip(page.text, back, strict=False)) + abs(len(page.text) - len(back))


# ----------------------------------------------------------------------------------------------------------
# Inputs, workers, report


def default_inputs() -> list[tuple[Path, str]]:
    inputs = []
    if SHARED_PAGES.is_dir():
        pages = sorted(SHARED_PAGES.rglob("*.html"))
        inputs += [(p, "corpus/" + p.relative_to(SHARED_PAGES).as_posix()) for p in pages]
    inputs += fixture_inputs()
    return inputs


def fixture_inputs() -> list[tuple[Path, str]]:
    return [(p, p.relative_to(REPO).as_posix()) for p in sorted(FIXTURES.rglob("*.html"))]


def _work(item: tuple[str, str, tuple[str, ...]]) -> tuple[list[Outcome], int, float]:
    path, name, names = item
    started = time.perf_counter()
    page = load_page(Path(path), name)
    outcomes = run_page(page, [BY_NAME[n] for n in names])
    return outcomes, round_trip_difference(page), time.perf_counter() - started


def run(inputs: list[tuple[Path, str]], names: tuple[str, ...], jobs: int) -> tuple[list[Outcome], dict[str, int]]:
    items = [(str(p), n, names) for p, n in inputs]
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(_work, items, chunksize=1)
    else:
        results = [_work(item) for item in items]
    outcomes = [o for result in results for o in result[0]]
    round_trips = {n: result[1] for (_, n, _), result in zip(items, results, strict=True)}
    return outcomes, round_trips


def summarise(outcomes: list[Outcome]) -> dict[str, Counter]:
    table: dict[str, Counter] = defaultdict(Counter)
    for o in outcomes:
        table[o.transformation][o.status] += 1
    return table


def rate(counts: Counter) -> float | None:
    """Invariant share of the pages the transformation applied to (OpenCC-only changes count as invariant)."""
    done = counts["same"] + counts["opencc"] + counts["changed"] + counts["error"]
    return (counts["same"] + counts["opencc"]) / done if done else None


def markdown(outcomes: list[Outcome], round_trips: dict[str, int], command: str, seconds: float) -> str:
    table = summarise(outcomes)
    pages = len({o.page for o in outcomes})
    lines = [
        "# Metamorphic invariance",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {pages} pages with `{command}` "
        f"({seconds:.0f} s; seed {SEED}).",
        "",
        "Each transformation must leave the record unchanged on the compared keys (`path`, `encoding` and",
        "`warnings` never count). *invariant* = same record; *changed* = at least one compared key differs;",
        "*error* = an error record or a crash; *skipped* = not applicable (no `<body>` tag) or converter not",
        "installed. For `big5-traditional` the record read with `simplified=True` is compared with the",
        "original's record read with `simplified=True`; changes that OpenCC's own s2t round trip gives on the",
        "same page without any Big5 are counted as *OpenCC* (invariant for the rate).",
        "",
        "| transformation | compared keys | required | pages | invariant | OpenCC | changed | error | skipped | rate |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for t in TRANSFORMATIONS:
        if t.name not in table:
            continue
        c = table[t.name]
        r = rate(c)
        keys = "all" if t.keys == ALL_KEYS else "+".join(t.keys)
        applied = c["same"] + c["opencc"] + c["changed"] + c["error"]
        lines.append(
            f"| {t.name} | {keys} | {'yes' if t.required else 'figure'} | {applied} | {c['same']} | "
            f"{c['opencc'] or ''} | {c['changed']} | {c['error']} | {c['skipped'] or ''} | "
            f"{'—' if r is None else f'{r:.3f}'} |"
        )
    lines += ["", "Which keys changed (pages per key; a page counts once per key):", "",
              "| transformation | changed keys |", "|---|---|"]
    for t in TRANSFORMATIONS:
        per_key = Counter(k for o in outcomes if o.transformation == t.name and o.status == "changed" for k in o.keys)
        if per_key:
            lines.append(f"| {t.name} | " + ", ".join(f"{k} {n}" for k, n in per_key.most_common()) + " |")
    touched = {n: k for n, k in round_trips.items() if k}
    lines += [
        "",
        f"OpenCC's own round trip (s2t then t2s of the page's text ≠ the text): {len(touched)} of "
        f"{len(round_trips)} pages, {sum(touched.values())} characters in all"
        + (": " + ", ".join(f"{n} ({k})" for n, k in sorted(touched.items(), key=lambda i: -i[1])[:12]) if touched
           else "") + ".",
        "",
        "## Pages whose record changed, by transformation and kind of change",
        "",
    ]
    by_t: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        if o.status in ("changed", "error", "opencc"):
            by_t[o.transformation].append(o)
    for t in TRANSFORMATIONS:
        found = by_t.get(t.name)
        if not found:
            continue
        lines += [f"### {t.name}", ""]
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for o in found:
            kind = "error" if o.status == "error" else ("OpenCC round trip: " if o.status == "opencc" else "") + (
                "+".join(o.keys))
            groups[kind].append(o)
        for kind, items in sorted(groups.items(), key=lambda i: (-len(i[1]), i[0])):
            lines.append(f"- **{kind}** ({len(items)})")
            for o in sorted(items, key=lambda o: o.page):
                if o.status == "error":
                    lines.append(f"  - `{o.page}`: {o.note}")
                    continue
                changes = "; ".join(o.diff)
                changes = changes if len(changes) <= LINE_MAX else changes[: LINE_MAX - 1] + "…"
                lines.append(f"  - `{o.page}`: {changes}" + (f" _({o.note})_" if o.note else ""))
        lines.append("")
    skipped = [o for o in outcomes if o.status == "skipped" and "failed" in o.note]
    if skipped:
        lines += ["## Transformations that failed on a page (not counted)", ""]
        lines += [f"- {o.transformation} `{o.page}`: {o.note}" for o in skipped]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="pages (default: corpus pages and fixtures)")
    parser.add_argument("--only", action="append", choices=sorted(BY_NAME), help="run only this transformation")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--markdown", type=Path, help="write the report to this file as well as stdout")
    parser.add_argument("--json", type=Path, help="write every outcome as JSON Lines")
    args = parser.parse_args(argv)
    inputs = [(p, p.as_posix()) for p in args.paths] if args.paths else default_inputs()
    names = tuple(args.only or [t.name for t in TRANSFORMATIONS])
    started = time.perf_counter()
    outcomes, round_trips = run(inputs, names, args.jobs)
    seconds = time.perf_counter() - started
    command = "python3 bench/metamorphic.py" + (" " + " ".join(sys.argv[1:]) if argv is None and sys.argv[1:] else "")
    report = markdown(outcomes, round_trips, command, seconds)
    print(report)
    if args.markdown:
        args.markdown.write_text(report + "\n", encoding="utf-8")
    if args.json:
        with args.json.open("w", encoding="utf-8") as out:
            for o in outcomes:
                out.write(json.dumps(o.__dict__, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
