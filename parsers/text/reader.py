"""Plain-text dumps of disclosure pages ("save as text", crawler exports) to record parts.

The text is read as one string of lines (text/page.py finds the keys: block labels such as 索引号,
article-line keys such as 来源/日期). Then, one step each below:

- a first ``URL: ...`` line gives ``url``; a crawler's header above the page text is skipped (header.py);
- a converter's markup (bullets, headings, links, emphasis, table borders) is removed (markup.py);
- the 当前位置 line gives the breadcrumb, everything above it is site chrome (breadcrumb.py);
- the article line (来源 ... 日期 ... 浏览次数) gives content_source, author, published_at, views (info.py);
- the disclosure block is the densest cluster of labels (block.py), or a table copied as a header row of
  labels and a row of values (table.py);
- headline lines sit above the article line (kicker, title, subtitle; headline.py); the rest is the body
  (body.py).

The rules (keys, markers, limits) are data in parsers/rules/text.py.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from govmeta.parsers import rules
from govmeta.parsers.dates import find_datetime
from govmeta.parsers.hanzi import fold
from govmeta.parsers.normalise import block_views
from govmeta.parsers.text.block import (
    Cluster,
    best,
    clusters,
    filled,
    letterhead,
    list_ends,
    read_block,
    shaped,
)
from govmeta.parsers.text.body import attachments, paragraphs
from govmeta.parsers.text.breadcrumb import breadcrumb
from govmeta.parsers.text.header import page_start
from govmeta.parsers.text.headline import (
    above_stamp,
    article_line_lead,
    article_text,
    beside_menu,
    cut_run_on,
    date_line,
    dated_title,
    headline,
    headline_date,
    headline_like,
    is_widget,
    issuer,
    join_tails,
    join_wrapped_tails,
    left_column,
    leftovers,
    merge_wrapped,
    page_chrome,
    prose,
    stacked_subtitle,
    wrap_widths,
)
from govmeta.parsers.text.info import byline_after, info_runs, read_info, soft_info
from govmeta.parsers.text.label_table import above_table, whole_rows
from govmeta.parsers.text.markup import unmark
from govmeta.parsers.text.page import Key, Span, TextPage, clean_text, display_width, find_keys
from govmeta.parsers.text.paragraph import wrapped_paragraph
from govmeta.parsers.text.pinyin_repair import repair_pinyin
from govmeta.parsers.text.table import column_rows, list_headings, paired_rows, table_blocks
from govmeta.parsers.text.title_line import agree, named_heading, title_parts
from govmeta.parsers.vocabulary import Vocabulary, clean_label
from govmeta.parsers.wording import plain_trail_items


@dataclass
class _Layout:
    """Where the page's parts lie: breadcrumb end, article line, block, and the spans they cover."""

    crumb_end: int
    info: dict = field(default_factory=dict)
    info_span: Span | None = None
    block: Cluster | None = None
    spans: list[Span] = field(default_factory=list)
    wraps: frozenset[int] = frozenset()  # widths a converter wrapped the dump's lines at
    named: list[str] = field(default_factory=list)  # the parts of the dump's title line (the page's <title>)


def read_text_dump(text: str, vocabulary: Vocabulary) -> dict:
    """Record parts from a text dump: url, breadcrumb, headline, article line, pairs, body."""
    repair = repair_pinyin(text.lstrip("\ufeff"))
    warnings: list[str] = list(repair.warnings or [])
    lines = repair.text.splitlines()
    first, url = page_start(lines)
    wraps = wrap_widths(lines[first:])
    lines, headings, items = unmark(lines[first:], lambda label: fold(clean_label(label)) in vocabulary.known)
    page = TextPage.from_lines(lines)

    keys = find_keys(page, vocabulary)
    crumbs, crumb_end = breadcrumb(page, lines, keys, items)
    keys = [k for k in keys if k.start >= crumb_end]
    layout = _layout(keys, page, lines, vocabulary, crumb_end, items)
    layout.wraps = wraps
    layout.named = named = title_parts(lines)
    block = layout.block
    pairs = block.pairs if block else []
    if block is not None and block.copies > 1:
        warnings.append(f"metadata block printed {block.copies} times; read once")

    pieces = leftovers(page.text, layout.spans)
    zone, zone_end = _headline_zone(pieces, page, layout)
    doc_no = _value_of(pairs, "doc_no", vocabulary)
    head, body = _headline_and_body(zone, zone_end, pieces, page, layout,
                                    _value_of(pairs, "title", vocabulary), doc_no, headings, named)
    if (head["title"] and crumbs and head["title"] == crumbs[-1] and not pairs
            and not any(article_text(p) for p, _ in body)):
        head["title"] = None  # the column's name over a list (the trail's last item), no article's headline
    if (head["title"] and len(head["title"]) <= rules.text.ERROR_TITLE_MAX_CHARS
            and rules.text.ERROR_TITLE.search(head["title"])):
        head["title"] = None  # an error page saved in place of the article
    marked = [clean_text(lines[n]) for n in sorted(headings) if n > next(
        (m for m, line in enumerate(lines) if line.strip()), 0)]  # the headings under the title line
    head["title"] = agree(named_heading(head["title"], named, marked), named)
    if head["title"]:  # a <br> printed as a space inside an official title (关于印发 《…》的通知)
        head["title"] = rules.text.BROKEN_AFTER_LEAD.sub(r"\1", head["title"])
    paras = paragraphs(body)
    published_at = (layout.info.get("published_at") or head["date"]
                    or find_datetime(_value_of(pairs, "published_date", vocabulary) or ""))
    return {
        "url": url,
        "breadcrumb": crumbs,
        "title": head["title"],
        "kicker": head["kicker"],
        "subtitle": head["subtitle"],
        "content_source": layout.info.get("content_source"),
        "author": layout.info.get("author"),
        "published_at": published_at,
        "views": layout.info.get("views") if layout.info.get("views") is not None else block_views(pairs),
        "fields": pairs,
        "paragraphs": paras,
        "attachments": attachments(pairs, paras),
        "warnings": warnings,
    }


def _layout(keys: list[Key], page: TextPage, lines: list[str], vocabulary: Vocabulary,
            crumb_end: int, items: frozenset[int] = frozenset()) -> _Layout:
    """The article line and the block read, and the spans they (and the chrome above the breadcrumb) cover."""
    layout = _Layout(crumb_end, spans=[Span(0, crumb_end)] if crumb_end else [])
    runs, found = _article_line_and_blocks(keys, page, lines, vocabulary, crumb_end, items)
    keyed = {k.line for k in keys}
    ends = frozenset(list_ends(page, items))
    for cluster in found:
        read_block(cluster, page, vocabulary, crumb_end, keyed, ends)
    found = [cluster for cluster in found if shaped(cluster, page)]
    # a copy of the block with its values empty (a template the page hides) does not displace a filled one;
    # alone, it gives no pairs but keeps its place (its lines are neither headline nor body)
    layout.block = block = best([cluster for cluster in found if filled(cluster, vocabulary)]) or best(found)
    if block is not None and not filled(block, vocabulary):
        block.pairs = []
    if not runs and block is not None:  # the article line under the headline that follows the block
        clustered = {id(k) for cluster in found for k in cluster.keys}
        byline = byline_after(block.end, [k for k in keys if id(k) not in clustered], page)
        runs = [byline] if byline else []
    if runs:
        layout.info, end = read_info(runs[0], page)
        layout.info_span = Span(runs[0][0].start, end)
        layout.spans.append(layout.info_span)
    elif block is None and (dated := date_line(page, crumb_end)) is not None:
        layout.info = {"published_at": find_datetime(page.line_text(dated))}
        layout.info_span = Span(page.line_start(dated), page.line_end(page.line_start(dated)))
        layout.spans.append(layout.info_span)
    if block is not None and letterhead(block):  # the document's own lines, no block: its date is the article's
        if not layout.info.get("published_at"):
            layout.info["published_at"] = find_datetime(" ".join(
                p["value"] for p in block.pairs if vocabulary.field_for(fold(clean_label(p["label"])))
                in rules.text.LETTERHEAD_DATE_FIELDS)) or None
        block.pairs = []
    layout.spans.extend(Span(cluster.start, cluster.end) for cluster in found)
    return layout


def _headline_zone(pieces: list[tuple[int, str]], page: TextPage, layout: _Layout) -> tuple[list[str], int]:
    """The headline lines (above the article line; below the block when the block comes first) and
    where the body may start."""
    block, crumb_end, info_span = layout.block, layout.crumb_end, layout.info_span
    pieces = [beside_menu(page.text, at, p) for at, p in pieces]
    zone_start = crumb_end
    if info_span is not None:
        zone_end = info_span.start
        if block is not None and block.end <= zone_end:
            zone_start = max(zone_start, block.end)
    elif block is not None and block.start > crumb_end:
        zone_end = block.start
    else:
        zone_end = crumb_end
    if info_span is not None:  # text on the article line before its first key is the article line's (a
        # date, a paper), unless it is the headline with the line run on (标题 2023-06-02 来源：…)
        line_start = page.line_start_of(info_span.start)
        above = next((piece for piece in reversed(pieces) if piece[0] < line_start), None)
        # ... and not when a headline stands right above the article line (新华网河北频道 ( 2012-06-04 ) 稿件来源：…)
        headed = (above is not None and headline_like(above[1])
                  and page.text.count("\n", above[0], line_start) <= rules.text.MAX_VALUE_LINES)
        pieces = [(at, "" if headed else article_line_lead(p)) if line_start <= at < info_span.start
                  else (at, p) for at, p in pieces]
        pieces = [(at, p) for at, p in pieces if p]
    in_zone = [(at, p) for at, p in pieces if zone_start <= at < zone_end]
    running = next((n for n, (_, p) in enumerate(in_zone) if prose(p) or rules.text.ADDRESSEES.match(p)
                    or wrapped_paragraph(in_zone, n, page.text)), None)
    while running and _wrapped_into(in_zone[running - 1], in_zone[running], page.text):
        running -= 1  # the paragraph's first line, cut at the converter's width before its first sentence ends
    if running and any(headline_like(p) for _, p in in_zone[:running]):
        # an article line printed under the body (来源：… after the signature): the headline is above the body
        in_zone, zone_end = in_zone[:running], in_zone[running][0]
        dated = next((n for n in range(1, len(in_zone)) if _date_led(in_zone[n][1])
                      and headline_like(in_zone[n - 1][1])), None)
        if dated is not None:  # ... right above a short date-led line (2019-05-17 · 某某报道): the first such
            in_zone = in_zone[dated - 1: dated]
        if block is not None and zone_start == block.end and len(in_zone) > rules.text.MAX_HEADLINE_LINES:
            # more lines between the block and the body than a headline holds (a table of contents): the
            # headline is the first of them, right under the block
            first = next(n for n, (_, p) in enumerate(in_zone) if headline_like(p))
            head = merge_wrapped(in_zone[first: first + 2], page.text, layout.wraps)
            in_zone = in_zone[first: first + (2 if len(head) == 1 else 1)]
    zone = merge_wrapped(join_tails(in_zone, page.text), page.text, layout.wraps)
    if not zone and block is not None and zone_start == block.end and block.start > crumb_end:
        # Block, then the article line right under it: the headline stands above the block.
        zone = merge_wrapped([(at, p) for at, p in pieces if crumb_end <= at < block.start], page.text,
                             layout.wraps)
    if info_span is None and block is None and not zone:
        # no article line and no block: the headline lines stand right above the body's first prose or its
        # salutation (a notice saved from Word: issuer, number, headline, 某某乡人民政府：)
        page_pieces = [(at, p) for at, p in pieces if at >= crumb_end]
        page_pieces = whole_rows(page_pieces, left_column(page_pieces, page.text), page)
        opening = next((n for n, (_, p) in enumerate(page_pieces) if prose(p) or _salutation(page_pieces, n)
                        or rules.text.ADDRESSEES.match(p) or rules.text.LATIN_SENTENCE.match(p)
                        or rules.text.PHOTO_CAPTION.match(p)), None)
        above = page_pieces[:opening] if opening else []
        if opening:  # the body opens in a table of label rows: the headline stands above the table
            above = above_table(above, page_pieces[opening][0], page)
        if opening and rules.text.PHOTO_CAPTION.match(page_pieces[opening][1]):
            while above and page_chrome(above[-1][1]):
                above.pop()  # the photo's mark over its caption (w3m's [1] for an image without alt text)
        stamped = above_stamp(above)
        bar_end = None
        while above and (_dated(above[-1][1])  # the date under the headline (Updated: 2024-05-20 09:15)
                         or rules.text.LINK_BAR.match(above[-1][1])):  # a bar of links under it (第一章│第二章)
            if bar_end is None and rules.text.LINK_BAR.match(above[-1][1]):
                bar_end = above[-1][0] + 1  # ... no body text either
            above.pop()
        above = above[-rules.text.MAX_HEADLINE_LINES:]
        merged = merge_wrapped(above, page.text, layout.wraps) if above else []
        if above and (headline_like(above[-1][1]) or headline_like(merged[-1])):  # (…⏎的通知: the tail joined)
            zone, zone_end = merged, bar_end or above[-1][0] + 1
        elif opening is not None:  # a page with no prose at all (a list, an error page) has no headline
            first_piece = _first_piece(page_pieces, page)
            if (first_piece and first_piece is page_pieces[0] and layout.named and not headline_like(first_piece[1])
                    and len(page_pieces) > 1):
                first_piece = page_pieces[1]  # the first line is the page's <title> (markdownify), no headline
            if first_piece and headline_like(first_piece[1]):
                zone, zone_end = [first_piece[1]], first_piece[0] + 1
        if stamped is not None:  # the headline (and a kicker) over its time stamp, links and adverts under it
            head = page_pieces[max(0, stamped + 1 - rules.text.MAX_HEADLINE_LINES): stamped + 1]
            zone, zone_end = merge_wrapped(head, page.text, layout.wraps), max(zone_end, head[-1][0] + 1)
    return join_wrapped_tails(zone, {p for _, p in pieces}), zone_end


def _salutation(pieces: list[tuple[int, str]], n: int) -> bool:
    """Whether piece ``n`` is a salutation opening the body (某某乡人民政府：): a label alone on its line over
    the text it addresses, not a form's field (账号： over 密码：…, 股票查询： over its [全部] box: w3m's and
    lynx's print of a login or search form, the input boxes gone)."""
    if not rules.text.SALUTATION.match(pieces[n][1]):
        return False
    below = pieces[n + 1][1] if n + 1 < len(pieces) else ""
    return not (rules.text.KEYED_LINE.match(below) or rules.text.BRACKETED_LINE.match(below))


def _first_piece(pieces: list[tuple[int, str]], page: TextPage) -> tuple[int, str] | None:
    """The page's first piece; past the dump's first line when that stands alone and reads as no headline
    (markdownify's <title> line: 显示)."""
    if (len(pieces) > 1 and page.line_of(pieces[0][0]) == 0 and not headline_like(pieces[0][1])
            and not clean_text(page.line_text(1) if len(page.line_starts) > 1 else "")):
        return pieces[1]
    return pieces[0] if pieces else None


def _date_led(piece: str) -> bool:
    """A short line led by a full date (2019-05-17 · 某某报道): an article line without keys."""
    return len(piece) <= rules.text.DATE_LINE_MAX_CHARS and bool(rules.text.DATE_LINE.match(piece))


def _dated(piece: str) -> bool:
    """A short line holding a full date (2024-05-20 09:15, 发布日期：2024年5月20日): an article line."""
    return len(piece) <= rules.text.DATE_LINE_MAX_CHARS and bool(rules.text.DATE_IN_LINE.search(piece))


def _wrapped_into(prev: tuple[int, str], piece: tuple[int, str], text: str) -> bool:
    """Whether ``prev`` is the line right before ``piece``, as wide as running text (a converter wrapped a
    paragraph there)."""
    return (text.count("\n", prev[0], piece[0]) == 1
            and display_width(prev[1]) >= rules.text.RUNNING_TEXT_COLUMNS)


def _headline_and_body(zone: list[str], zone_end: int, pieces: list[tuple[int, str]], page: TextPage,
                       layout: _Layout, block_title: str | None, doc_no: str | None, headings: dict[int, int],
                       named: list[str]) -> tuple[dict[str, str | None], list[tuple[str, str]]]:
    """Title, kicker, subtitle and the headline's date; the body pieces (with their page lines) below.
    ``named``: the parts of the dump's title line (the page's <title>)."""
    head = headline(zone, block_title, doc_no)
    block = layout.block
    below = [(at, p) for at, p in pieces if at >= max(zone_end, layout.crumb_end)]
    lead = 0
    if head["title"] is None:  # widgets left of the article line
        while below and (is_widget(below[0][1]) or not any(ch.isalnum() for ch in below[0][1])):
            below.pop(0)  # ... and marks with no word (an empty heading's ####)
        lead = _lead_lines(below)
        if lead >= len(below):
            lead = 0
    if (head["title"] is None and layout.named and lead < len(below) - 1
            and not page.text[: below[lead][0]].strip()):
        lead += 1  # the dump's first line is the page's <title> (markdownify), not a headline the page prints
    if below and not any(headline_like(line) for line in zone):  # no headline above: the first line below
        first = merge_wrapped(below[lead: lead + 2], page.text, layout.wraps)
        if head["title"] is None and headline_like(first[0]) and (block is not None or any(
                article_text(p) for _, p in below[lead + 1:])):  # a page with no prose (a list, an error page): none
            head["title"] = first[0]
            del below[lead: lead + 3 - len(first)]
        elif head["title"] and head["title"].replace(" ", "") == below[0][1].replace(" ", ""):
            head["title"] = below.pop(0)[1]  # the headline as printed (a block value may join two lines with a space)
    if block_title and head["title"] != block_title and (printed := _printed_below(block_title, below)):
        head["title"] = block_title  # the block's 标题 printed under the block over several lines
        del below[printed[0]: printed[1]]
    body = [(p, clean_text(page.text[page.line_start_of(at): page.line_end(at)])) for at, p in below]
    head = stacked_subtitle(head, zone, doc_no, [p for p, _ in body], named)
    found = head["title"]
    head["title"] = _heading_title(found, headings, pieces, page, layout, doc_no)
    if head["kicker"] and head["kicker"] == head["title"]:  # the heading is the line read as 引题: the line
        head["kicker"], head["subtitle"] = None, head["subtitle"] or found  # read as the title is under it
    head["title"] = cut_run_on(head["title"])
    head["title"], title_date = dated_title(head["title"])
    title_date = title_date or headline_date(zone, head["title"])
    if (
        head["title"] and body and rules.text.BRACKETED_DATE.match(body[0][0])
    ):  # the date under a headline read from below
        title_date = title_date or find_datetime(body.pop(0)[0])
    head["date"] = title_date
    return head, body


def _printed_below(title: str, below: list[tuple[int, str]]) -> tuple[int, int] | None:
    """Where consecutive lines near the top of ``below`` spell ``title`` (spaces aside): a headline a
    converter broke over several lines (吉林省人民政府关于禁止在⏎吉林省嫩江干流…⏎和迁入人口的通告)."""
    bare = "".join(title.split())
    for start in range(min(len(below), rules.text.PRINTED_TITLE_START)):
        joined = ""
        for end in range(start, min(len(below), start + rules.text.PRINTED_TITLE_LINES)):
            joined += "".join(below[end][1].split())
            if joined == bare:
                return start, end + 1
            if not bare.startswith(joined):
                break
    return None


def _lead_lines(below: list[tuple[int, str]]) -> int:
    """How many lines at the top of ``below`` stand before a headline printed under the article line: the
    article line's last ``key：value`` lines (文章类型：原创), then a document's issuer (版头: an
    organisation's name, its document number under it) when a headline-like line follows. Widgets, marks
    and image data among them are passed over (see ``_chrome``)."""
    keyed = 0
    while keyed < len(below) and _chrome(below[keyed][1]):
        keyed += 1
    if keyed >= len(below) or not issuer(below[keyed][1]):
        return keyed
    n = keyed + 1
    while n < len(below) and rules.text.DOC_NO_LINE.match(below[n][1]):
        n += 1
    return n if n < len(below) and headline_like(below[n][1]) and not issuer(below[n][1]) else keyed


def _chrome(piece: str) -> bool:
    """A line under the article line that is no headline: a ``key：value`` line (文章类型：原创), a widget,
    marks with no word, a token of image data."""
    return ((bool(rules.text.KEYED_LINE.match(piece)) and not headline_like(piece)) or is_widget(piece)
            or not any(ch.isalnum() for ch in piece) or bool(rules.text.TOKEN_JUNK.fullmatch(piece)))


def _heading_title(title: str | None, headings: dict[int, int], pieces: list[tuple[int, str]], page: TextPage,
                   layout: _Layout, doc_no: str | None) -> str | None:
    """The headline when the converter marked headings (# 标题, an underline, lynx's flush-left lines): the
    title found is kept when it is one of them or a block value; else the headline-like heading nearest
    above the first paragraph of running text (sidebar headings such as 相关阅读 stand elsewhere), of the
    highest level there, below the breadcrumb and outside the block. A heading wrapped over two lines is
    whole."""
    block = layout.block
    body = next((n for n in range(len(page.line_starts)) if page.line_start(n) >= layout.crumb_end
                 and prose(page.line_text(n))), len(page.line_starts))
    candidates: list[tuple[int, str, int]] = []  # level, text, line
    offsets = [a for a, _ in pieces]
    for n, level in sorted(headings.items()):
        at = page.line_start(n)
        if at < layout.crumb_end or n >= body or (block is not None and block.start <= at < block.end) or (
                layout.info_span is not None and at <= layout.info_span.start < page.line_end(at)):
            continue  # the article line is no heading (lynx prints it flush left)
        following = bisect.bisect_right(offsets, at)  # the next piece after the heading (a bisection: a page of
        nxt = pieces[following] if following < len(pieces) else None  # thousands of headings stays linear)
        text = merge_wrapped([(at, clean_text(page.line_text(n))), *([nxt] if nxt else [])], page.text,
                              layout.wraps)[0]
        if (headline_like(text) and text != doc_no and not rules.text.DOC_NO_LINE.match(text)
                and not page_chrome(text) and not _printed_trail(text)):
            candidates.append((level, text, n))
    if title and title not in [text for _, text, _ in candidates] and (
            same := [text for _, text, _ in candidates if text.replace(" ", "") == title.replace(" ", "")]):
        return same[0]  # the heading as printed (a block's 标题 value may join its two lines with a space)
    if not candidates or (title and block and _value_in(title, block.pairs)):
        return title
    if title is None and block is None and not any(article_text(p) for at, p in pieces if at >= layout.crumb_end):
        return None  # a page with no article text (a column's list of links) has no headline, marked or not
    top = min(level for level, _, _ in candidates)
    found = [n for n, (_, text, _) in enumerate(candidates) if text == title]
    if found and found[-1] > 0:
        (level, _, line), (above, text, above_line) = candidates[found[-1]], candidates[found[-1] - 1]
        between = bisect.bisect_left(offsets, page.line_start(line)) - bisect.bisect_right(
            offsets, page.line_start(above_line))  # pieces between the two headings (only blank lines: none)
        if above < level and not between:
            return text  # a heading of a higher level right above the title found (## 标题 over ### 副题)
    if found:
        return title
    return [text for level, text, _ in candidates if level == top][-1]


def _printed_trail(text: str) -> bool:
    """A heading that is a trail printed as plain text (### 首页 - 新闻动态: the trail set as a heading above
    the headline's): never the headline, as the HTML reader reads it (``plain_trail_items``)."""
    return plain_trail_items(text) is not None


def _value_in(value: str, pairs: list[dict[str, str]]) -> bool:
    return any(p["value"] == value for p in pairs)


def _article_line_and_blocks(keys: list[Key], page: TextPage, lines: list[str], vocabulary: Vocabulary,
                             crumb_end: int = 0, items: frozenset[int] = frozenset()
                             ) -> tuple[list[list[Key]], list[Cluster]]:
    """The article line's key runs, then the block candidates (an article line never belongs to one, nor
    the lines after a list the block was printed as: see ``list_ends``)."""
    runs = info_runs(keys, page)
    # a line of widget keys only (字号：默认 大 超大 | 打印) with no headline right above it is a widget, no
    # article line (the headline is printed under it)
    runs = [run for run in runs if not all(k.folded in rules.text.WIDGET_INFO_KEYS for k in run)
            or _headline_line(_line_above(page, run[0].line))]
    in_runs = {id(k) for run in runs for k in run}
    block_keys = [k for k in keys if k.block and id(k) not in in_runs]
    headings = list_headings(page, block_keys, vocabulary)
    block_keys = [k for k in block_keys if id(k) not in headings]
    tables, in_tables = table_blocks(page, block_keys, vocabulary)
    columned, in_columns = column_rows(page, [k for k in block_keys if id(k) not in in_tables], vocabulary)
    tables, in_tables = tables + columned, in_tables | in_columns
    paired, in_paired = paired_rows(page, [k for k in block_keys if id(k) not in in_tables], vocabulary)
    tables, in_tables = tables + paired, in_tables | in_paired
    loose = [k for k in block_keys if id(k) not in in_tables]
    ends = list_ends(page, items)
    found = tables + clusters(loose, page, vocabulary, [run[0].start for run in runs] + ends)
    if not runs:
        top = best(found)
        soft = soft_info(keys, top.keys if top else [], page,
                         _body_line(lines, keys, page.line_of(crumb_end) if crumb_end else 0), vocabulary)
        if soft:
            runs = [soft]
            in_soft = {id(s) for s in soft}  # a set: a line of many article keys is no quadratic scan
            loose = [k for k in loose if id(k) not in in_soft]
            found = tables + clusters(loose, page, vocabulary, [soft[0].start, *ends])
    return runs, found


def _headline_line(line: str) -> bool:
    return headline_like(line) and not rules.text.DOC_NO_LINE.match(line)


def _line_above(page: TextPage, line: int) -> str:
    """The nearest line above ``line`` holding text, cleaned ("" when there is none)."""
    for n in range(line - 1, -1, -1):
        if text := clean_text(page.line_text(n)):
            return text
    return ""


def _value_of(pairs: list[dict[str, str]], canonical: str, vocabulary: Vocabulary) -> str | None:
    return next((p["value"] for p in pairs
                 if p["value"] and vocabulary.field_for(fold(clean_label(p["label"]))) == canonical), None)


def _body_line(lines: list[str], keys: list[Key], first: int = 0) -> int:
    """The first line from ``first`` (the breadcrumb's) that reads as running text (long, no keys): the body
    starts there."""
    keyed = {k.line for k in keys}
    for n, line in enumerate(lines):
        if n >= first and n not in keyed and len(line.strip()) > rules.text.MAX_HEADLINE_CHARS:
            return n
    return len(lines)
