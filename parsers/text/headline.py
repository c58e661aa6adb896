"""The headline of a text dump (kicker, title, subtitle) from the lines above the article line, and the
page's leftover text (what neither the block nor the article line took)."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise

from govmeta.parsers import rules
from govmeta.parsers.dates import find_datetime
from govmeta.parsers.hanzi import fold
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.text.page import Span, TextPage, clean_text, display_width, is_cjk
from govmeta.parsers.vocabulary import DEFAULT_VOCABULARY
from govmeta.parsers.wording import is_site_name

_BRACKET_RUN = lazy_compile(r"】\s*【")
_WIDGET_WORDS = rules.words.WIDGET_WORDS | rules.text.WIDGET_WORDS


def leftovers(text: str, spans: list[Span]) -> list[tuple[int, str]]:
    """(offset, text) of every line piece outside the spans, whitespace collapsed, empty ones dropped."""
    kept: list[tuple[int, int]] = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start > pos:
            kept.append((pos, span.start))
        pos = max(pos, span.end)
    kept.append((pos, len(text)))
    out = []
    for start, end in kept:
        at = start
        for line in text[start:end].split("\n"):
            if piece := clean_text(line):
                out.append((at, piece))
            at += len(line) + 1
    return out


def is_widget(piece: str) -> bool:
    """A line made only of widget words (打印 关闭, or run together as a converter printed them: 打印关闭)."""
    if len(piece) <= rules.text.SHARE_INSTRUCTION_MAX_CHARS and rules.text.SHARE_INSTRUCTION.match(piece):
        return True  # a share widget's instruction (用微信扫一扫，点击右上角分享按钮，…)
    words = [w for w in _BRACKET_RUN.sub("】 【", fold(piece)).replace("][", "] [").split(" ") if w]
    words = [w for w in words if any(ch.isalnum() for ch in w)] if len(words) > 1 else words  # no [####
    return bool(words) and all(w in _WIDGET_WORDS or _widget_run(w) for w in words)


@lru_cache(maxsize=1024)
def _widget_run(word: str) -> bool:
    """Whether ``word`` is widget words written without spaces (微信微博QQ空间), two or more of them."""
    if len(word) > rules.text.MAX_WIDGET_RUN_CHARS:
        return False
    ends = {0: 0}  # end offset -> words so far
    for start in range(len(word)):
        if start not in ends:
            continue
        for end in range(start + 2, len(word) + 1):
            if word[start:end] in _WIDGET_WORDS:
                ends[end] = max(ends.get(end, 0), ends[start] + 1)
    return ends.get(len(word), 0) >= 2


def beside_menu(text: str, at: int, piece: str) -> tuple[int, str]:
    """A headline printed beside a side column's menu item or heading on one line (学思践悟      中华人民共和国
    监察法; 标题      点击财富: a converter lays a table's cells side by side): the headline alone, else the
    piece as it is."""
    end = text.find("\n", at)
    line = text[at: end if end >= 0 else len(text)]
    parts = [part.strip() for part in rules.text.SIDE_COLUMN_GAP.split(line) if part.strip()]
    if len(parts) != 2 or clean_text(line) != piece:
        return at, piece
    for item, head in (parts, parts[::-1]):
        if _side_item(clean_text(item)) and headline_like(clean_text(head)) and not _side_item(clean_text(head)):
            return text.index(head, at), clean_text(head)
    return at, piece


def _side_item(item: str) -> bool:
    """A side column's menu item or link: short, one word (学思践悟, 河北：快乐备考)."""
    return len(item) <= rules.text.SIDE_ITEM_MAX_CHARS and " " not in item and any(ch.isalpha() for ch in item)


def join_tails(pieces: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """Pieces with a headline's wrapped tail (``WRAPPED_TAIL_MIN_HEAD``) joined to the headline above it."""
    out: list[tuple[int, str]] = []
    for at, piece in pieces:
        if (out and len(piece) < rules.text.MIN_HEADLINE_CHARS and all(map(is_cjk, piece))
                and len(out[-1][1]) >= rules.text.WRAPPED_TAIL_MIN_HEAD and headline_like(out[-1][1])
                and not out[-1][1].endswith(rules.text.HEADLINE_ENDS)
                and text.count("\n", out[-1][0], at) == 1 and _indent(text, out[-1][0]) == _indent(text, at)):
            out[-1] = (out[-1][0], out[-1][1] + piece)
            continue
        out.append((at, piece))
    return out


def left_column(pieces: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """Pieces without a right-hand column printed beside them (``RIGHT_COLUMN_MIN_LINES``): a line's part
    after a wide gap at that column is cut, a line indented to it dropped."""
    cells: list[tuple[int, str, list[tuple[int, str]]]] = []  # piece offset, piece, (column, text) per cell
    starts: Counter[int] = Counter()
    beside: Counter[int] = Counter()  # columns where a cell starts after another on its line
    for at, piece in pieces:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start: end if end >= 0 else len(text)]
        row, col, pos = [], 0, 0
        for match in rules.text.SIDE_COLUMN_GAP.finditer(line):
            if line[pos: match.start()].strip():
                row.append((col + display_width(line[pos: match.start()]) - display_width(
                    line[pos: match.start()].lstrip()), line[pos: match.start()].strip()))
            col += display_width(line[pos: match.end()])
            pos = match.end()
        if line[pos:].strip():
            row.append((col + display_width(line[pos:]) - display_width(line[pos:].lstrip()), line[pos:].strip()))
        cells.append((at, piece, row))
        starts.update(c for c, _ in row[1:] if len(row) == 2)
        beside.update(c for c, _ in row[1:] if len(row) == 2)
        starts.update(c for c, _ in row[:1] if len(row) == 1 and c >= rules.text.MIN_WRAP_COLUMNS // 2)
    gutter = next((c for c, n in starts.most_common(1) if n >= rules.text.RIGHT_COLUMN_MIN_LINES
                   and beside[c] >= rules.text.RIGHT_COLUMN_MIN_BESIDE), None)
    if gutter is None:
        return pieces
    out = []
    for at, piece, row in cells:
        if len(row) == 1 and abs(row[0][0] - gutter) <= 1:
            continue  # a line of the right column alone
        if len(row) == 2 and abs(row[1][0] - gutter) <= 1 and clean_text(row[0][1]):
            out.append((at, clean_text(row[0][1])))
            continue
        out.append((at, piece))
    return out


def page_chrome(line: str) -> bool:
    """A zone line that is page furniture, never the headline: an image's alt text or a link's words in
    brackets, a letter-spaced column heading, a drawn rule, marks with no word, a navigation bar."""
    return (bool(rules.text.BRACKETED_LINE.match(line) or rules.text.LETTER_SPACED.match(line)
                 or rules.text.DRAWN_RULE.match(line)) or not any(ch.isalnum() for ch in line) or _nav_run(line))


def _nav_run(line: str) -> bool:
    items = rules.text.NAV_SPLIT.split(line)
    return (len(items) >= rules.text.NAV_MIN_ITEMS and all(rules.text.NAV_ITEM.fullmatch(item) for item in items)
            and sum(1 for item in items if any(map(is_cjk, item))) * 2 >= len(items))


def above_stamp(pieces: list[tuple[int, str]]) -> int | None:
    """Where the headline stands in ``pieces`` (the lines above the body of a page with no article keys
    read): right above the last time-stamp line (``STAMP``), page chrome between them passed over."""
    for n in range(len(pieces) - 1, max(0, len(pieces) - 1 - rules.text.STAMP_MAX_GAP_PIECES), -1):
        line = pieces[n][1]
        match = rules.text.STAMP.search(line) if len(line) <= rules.text.DATE_LINE_MAX_CHARS else None
        if (match is None or sum(map(is_cjk, line[: match.start()])) > rules.text.STAMP_BYLINE_MAX_CHARS
                or rules.text.WEEKDAY.search(line)):
            continue
        above = n - 1
        while above > 0 and page_chrome(pieces[above][1]):
            above -= 1
        head = pieces[above][1]
        return (above if headline_like(head) and not page_chrome(head) and not _date_line(head)
                and not is_site_name(head) else None)
    return None


def headline_like(line: str) -> bool:
    return (rules.text.MIN_HEADLINE_CHARS <= len(line) <= rules.text.MAX_HEADLINE_CHARS
            and any(ch.isalpha() for ch in line) and not rules.text.TOKEN_JUNK.fullmatch(line) and not is_widget(line)
            and (not rules.text.NOT_HEADLINE.search(line) or _colon_headline(line))
            and not rules.text.BRACKETED_DATE.match(line))


def _colon_headline(line: str) -> bool:
    """A headline led by a speaker or topic and a colon (交通运输部：着力打造…): what follows the colon reads
    as a headline (long, mostly Chinese, no key, bar or address) and the lead is no label a page prints."""
    match = rules.text.COLON_HEADLINE.match(line)
    if not match:
        return False
    rest, lead = match["rest"], fold(match["lead"])
    return (sum(1 for ch in rest if is_cjk(ch)) * 3 >= len(rest) * 2
            and not rules.text.NOT_HEADLINE.search(rest)
            and lead not in rules.text.INFO_KEYS and lead not in DEFAULT_VOCABULARY.known
            and lead not in rules.words.WIDGET_WORDS
            and not any(marker in line for marker in (*rules.words.FOOTER_MARKERS, *rules.words.BREADCRUMB_LABELS)))


def dated_title(title: str | None) -> tuple[str | None, str | None]:
    """A headline with its date printed after it in brackets (…的通知（2024-05-11）): title and date."""
    if not title:
        return title, None
    match = rules.text.TRAILING_BRACKETED_DATE.search(title)
    if not match or not match.start():
        return title, None
    return title[: match.start()].rstrip(), find_datetime(match[0])


def headline_date(zone: list[str], title: str | None) -> str | None:
    """The date printed in brackets on the line right under the headline (关于…的通知⏎( 2024-05-11))."""
    if title is None:
        return None
    for line, nxt in pairwise(zone):
        if title in line and rules.text.BRACKETED_DATE.match(nxt):
            return find_datetime(nxt)
    return None


def headline(zone: list[str], block_title: str | None, doc_no: str | None = None) -> dict[str, str | None]:
    """Title, kicker and subtitle from the lines above the article line.

    The block's 文号 printed under the headline, or any line reading as a document number, is not a
    headline line."""
    out: dict[str, str | None] = {"title": None, "kicker": None, "subtitle": None}
    zone = _zone_lines(zone, doc_no)
    if block_title:
        for n, line in enumerate(zone):
            if block_title in line:
                out["title"] = block_title
                if n and headline_like(zone[n - 1]) and len(zone) <= rules.text.MAX_HEADLINE_LINES:
                    out["kicker"] = zone[n - 1]
                if n + 1 < len(zone) and _subtitle_line(zone[n + 1]):
                    out["subtitle"] = _strip_dash(zone[n + 1])
                return out
    lines = list(zone)
    if len(lines) > 1 and _subtitle_line(lines[-1]):
        out["subtitle"] = _strip_dash(lines.pop())
    else:  # a headline and its subtitle (——…) with page chrome under them (the site's name, a date, 打印)
        paired = [n for n in range(1, len(lines)) if _subtitle_line(lines[n])
                  and headline_like(lines[n - 1])]
        if paired:
            out["subtitle"] = _strip_dash(lines[paired[-1]])
            out["title"] = lines[paired[-1] - 1]
            return out
    headlines = [line for line in lines if headline_like(line)]
    if not headlines:
        out["title"] = block_title
        return out
    dated = [n for n in range(1, len(lines)) if _date_line(lines[n]) and headline_like(lines[n - 1])
             and not _date_line(lines[n - 1])]
    if dated and lines[dated[-1] - 1] != headlines[-1]:
        # the headline right above its dated line (标题⏎BUSINESS.SOHU.COM 2005年3月11日12:12 来源：…), the
        # widgets under it aside
        out["title"] = lines[dated[-1] - 1]
        return out
    out["title"] = headlines[-1]
    # A kicker only where the zone is just two headline lines (no chrome above them).
    if len(lines) == 2 and len(headlines) == 2:
        out["kicker"] = headlines[0]
    return out


def _zone_lines(zone: list[str], doc_no: str | None) -> list[str]:
    """The zone's lines that may be headline lines: no widget, bracketed date or document number."""
    return [line for line in zone if not is_widget(line) and not rules.text.BRACKETED_DATE.match(line)
            and not rules.text.DOC_NO_LINE.match(line) and line != doc_no and not page_chrome(line)]


def _repeat_key(text: str) -> str:
    return rules.text.REPEAT_IGNORED.sub("", fold(text))


def stacked_subtitle(head: dict[str, str | None], zone: list[str], doc_no: str | None, body: list[str],
                     named: list[str]) -> dict[str, str | None]:
    """Title and 副题 of two headline lines stacked above the article line, read as 引题 and title, when the
    page's <title> (``named``: the parts of the dump's title line) names the first and not the second, or the
    body repeats the second word for word and not the first (see rules.text.REPEATED_LINE_MIN_CHARS)."""
    lines = _zone_lines(zone, doc_no)
    if len(lines) < 2 or head["title"] != lines[-1] or head["subtitle"] or head["kicker"] not in (None, lines[-2]):
        return head
    first, second = lines[-2], lines[-1]
    if not headline_like(first) or is_site_name(first) or rules.text.SUBTITLE_PREFIX.match(second):
        return head
    named_key = _repeat_key("".join(named))  # the headline with the site's and column's names
    first_key, second_key = _repeat_key(first), _repeat_key(second)
    if first_key in named_key and second_key not in named_key and first_key != named_key:  # (not the line itself)
        return {**head, "title": first, "kicker": None, "subtitle": second}
    if _same_document(first, second):
        return {**head, "title": first, "kicker": None, "subtitle": second}
    if min(len(first_key), len(second_key)) < rules.text.REPEATED_LINE_MIN_CHARS:
        return head
    text, size = [], 0
    for piece in body:
        if size >= rules.text.REPEAT_SEARCH_CHARS:
            break
        text.append(_repeat_key(piece))
        size += len(piece)
    found = "".join(text)
    # (inside a sentence of the lead: a line of its own is the headline printed again, no repeat)
    if (second_key in found and first_key not in found and second_key not in text
            and _pairs_in(first_key, found) >= rules.text.TITLE_PAIRS_IN_BODY):
        return {**head, "title": first, "kicker": None, "subtitle": second}
    return head


def _pairs_in(key: str, text: str) -> float:
    """The share of ``key``'s character pairs that ``text`` holds."""
    pairs = [key[n: n + 2] for n in range(len(key) - 1)]
    return sum(pair in text for pair in pairs) / len(pairs) if pairs else 0.0


def _same_document(first: str, second: str) -> bool:
    """Whether two headline lines name one document in book-title marks (see rules.text.SAME_DOCUMENT_RATIO)."""
    one, two = rules.text.BOOK_TITLE.findall(first), rules.text.BOOK_TITLE.findall(second)
    return any(SequenceMatcher(None, a, b).ratio() >= rules.text.SAME_DOCUMENT_RATIO for a in one for b in two)


def _date_line(line: str) -> bool:
    """A short line holding a full date with no headline before it (an article line whose keys were not
    read: BUSINESS.SOHU.COM 2005年3月11日12:12 来源：…; not 标题 2023-06-02 来源：…)."""
    match = rules.text.DATE_IN_LINE.search(line) if len(line) <= rules.text.DATE_LINE_MAX_CHARS else None
    return match is not None and sum(map(is_cjk, line[: match.start()])) < rules.text.MIN_HEADLINE_CHARS


def merge_wrapped(pieces: list[tuple[int, str]], text: str, wraps: frozenset[int] = frozenset()) -> list[str]:
    """Zone lines, a headline broken over two lines (…关于印发⏎《…》的通知, at most a blank line between) joined.

    ``wraps`` are the widths a converter wrapped the dump's lines at (see ``wrap_widths``)."""
    out: list[tuple[int, str]] = []
    for at, piece in pieces:
        if out:
            prev_at, prev = out[-1]
            between = text[prev_at: at]
            if between.count("\n") <= 2 and headline_like(prev) and _document_tail(prev, piece):
                out[-1] = (prev_at, prev + piece)  # …关于印发《…办法》⏎的通知: too short for a headline line
                continue
            if (
                between.count("\n") <= 2
                and headline_like(prev)
                and headline_like(piece)
                and (
                    prev.endswith(rules.text.HEADLINE_CONTINUES_AFTER)
                    or (piece.startswith(rules.text.HEADLINE_CONTINUES_WITH) and not _second_book_title(prev, piece))
                    or _closes_open_bracket(prev, piece)
                    or (issuer(prev) and piece.startswith(rules.text.SUBJECT_LEADS)
                        and _stand_alike(text, prev_at, at))  # 某委员会⏎关于…的决议
                    or (piece.endswith(rules.text.DOCUMENT_KINDS) and not prev.endswith(rules.text.DOCUMENT_KINDS)
                        and " " not in prev and len(prev) + len(piece) <= rules.text.MAX_HEADLINE_CHARS
                        and _stand_alike(text, prev_at, at))
                    or (between.count("\n") == 1 and _one_paragraph(text, prev_at, at, prev, piece))
                    or (between.count("\n") == 1 and _fills(text[text.rfind("\n", 0, prev_at) + 1:
                                                                   text.find("\n", prev_at)], wraps))
                )
            ):
                out[-1] = (prev_at, prev + piece)
                continue
        out.append((at, piece))
    return [piece for _, piece in out]


def _document_tail(prev: str, piece: str) -> bool:
    """Whether ``piece`` is an official title's last words, too short for a headline line (的通知, 的批复) under a
    line that does not end as a document does."""
    return (len(piece) < rules.text.MIN_HEADLINE_CHARS and piece.startswith(rules.text.HEADLINE_CONTINUES_WITH)
            and piece.endswith(rules.text.DOCUMENT_KINDS) and not prev.endswith(rules.text.DOCUMENT_KINDS))


def _one_paragraph(text: str, prev_at: int, at: int, prev: str, piece: str) -> bool:
    """Whether two adjacent headline lines are one paragraph of the dump, blank lines above and below them and
    no blank between (a heading broken by ``<br>`` or an inner block, as w3m prints ``<h1>…<div>…</div></h1>``;
    a heading and a 副题 of their own stand apart). Flush alike, no 副题 dash, no issuer over its subject, one
    headline's length together, each a phrase (no spaces between items, no date: not a bar of links, not a
    table's rows)."""
    start = text.rfind("\n", 0, prev_at) + 1
    above = text.rfind("\n", 0, max(start - 1, 0)) + 1 if start else -1
    end = text.find("\n", at)
    below_end = text.find("\n", end + 1) if end >= 0 else -1
    blank_above = start == 0 or not text[above: start - 1].strip()
    blank_below = end < 0 or not text[end + 1: below_end if below_end >= 0 else len(text)].strip()
    return (blank_above and blank_below and len(prev) + len(piece) <= rules.text.MAX_HEADLINE_CHARS
            and _aligned(_indent(text, prev_at), _indent(text, at)) and not rules.text.SUBTITLE_PREFIX.match(piece)
            and not issuer(prev) and not rules.text.DOC_NO_LINE.match(piece)
            and not any(" " in line or rules.text.DATE_IN_LINE.search(line) for line in (prev, piece)))


def join_wrapped_tails(zone: list[str], printed: set[str]) -> list[str]:
    """Zone lines, a headline's last characters that a converter wrapped onto a line of their own (…“较着劲儿”成⏎
    长: too short for a headline line) joined back when the page prints the joined line elsewhere too (the
    headline repeated in a list of the issue's articles, above the article)."""
    out: list[str] = []
    for line in zone:
        if (out and len(line) < rules.text.MIN_HEADLINE_CHARS and all(map(is_cjk, line))
                and headline_like(out[-1]) and out[-1] + line in printed):
            out[-1] += line
            continue
        out.append(line)
    return out


def issuer(piece: str) -> bool:
    """A line naming an organisation (国家金融监督管理总局, 全国人民代表大会常务委员会): short, ending as one."""
    return len(piece) <= rules.text.ISSUER_MAX_CHARS and fold(piece).endswith(rules.text.ISSUER_SUFFIXES)


def _indent(text: str, at: int) -> int:
    """How far the line holding offset ``at`` is indented."""
    start = text.rfind("\n", 0, at) + 1
    line = text[start: text.find("\n", start) if "\n" in text[start:] else len(text)]
    return len(line) - len(line.lstrip())


def _centred_alike(text: str, a: int, b: int) -> bool:
    """Whether the lines holding offsets ``a`` and ``b`` are both indented and centred on one column (a
    centred headline's lines of different lengths, as w3m and lynx print them)."""
    def centre(at: int) -> float | None:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", start)
        line = text[start: end if end >= 0 else len(text)].rstrip()
        indent = len(line) - len(line.lstrip())
        return indent + display_width(line.lstrip()) / 2 if indent else None

    one, two = centre(a), centre(b)
    return one is not None and two is not None and abs(one - two) <= rules.text.CENTRED_INDENT_SLACK


def _stand_alike(text: str, a: int, b: int) -> bool:
    """Whether the lines holding offsets ``a`` and ``b`` stand as one headline's: indented alike, or centred on
    one column (a value under its label over a centred headline stands apart: lynx's 制发机关⏎      某县某局⏎⏎
               关于…的通知)."""
    one, two = _indent(text, a), _indent(text, b)
    return one == two or _centred_alike(text, a, b)


def _aligned(a: int, b: int) -> bool:
    """Two lines' indents as one headline's (both flush left, or both indented alike: centred lines)."""
    return a == b or (a > 0 and b > 0 and abs(a - b) <= rules.text.CENTRED_INDENT_SLACK)


def wrap_widths(lines: list[str]) -> frozenset[int]:
    """Widths a converter wrapped lines at: a width of at least MIN_WRAP_COLUMNS that WRAP_MIN_LINES lines share."""
    counts = Counter(width for width in (display_width(line.rstrip()) for line in lines)
                     if width >= rules.text.MIN_WRAP_COLUMNS)  # a converter's padding (inscriptis) is no width
    return frozenset(width for width, n in counts.items() if n >= rules.text.WRAP_MIN_LINES)


def _fills(line: str, wraps: frozenset[int]) -> bool:
    width = display_width(line.rstrip())
    return any(abs(width - wrap) <= 1 for wrap in wraps)


def _second_book_title(prev: str, piece: str) -> bool:
    """Whether ``piece`` opens a book title of its own under a line that closed all of its own (解读《…》⏎
    《…》十问十答政策解读: a title and its 副题, not one headline)."""
    opening, closing = rules.text.CLOSED_TITLE_MARKS
    return (prev.endswith(closing) and prev.count(opening) == prev.count(closing) and piece.startswith(opening)
            and not piece.endswith(rules.text.DOCUMENT_KINDS))


def _closes_open_bracket(prev: str, piece: str) -> bool:
    """Whether ``piece`` closes a bracket ``prev`` left open (…《…实施方⏎案》的通知)."""
    return any(prev.count(a) > prev.count(b) and piece.count(b) > piece.count(a) for a, b in rules.text.BRACKET_PAIRS)


def _subtitle_line(line: str) -> bool:
    """A 副题: a dash, then words (a line of dashes alone is a rule a converter left, no 副题)."""
    return bool(rules.text.SUBTITLE_PREFIX.match(line)) and any(ch.isalnum() for ch in _strip_dash(line))


def _strip_dash(line: str) -> str:
    return rules.text.SUBTITLE_PREFIX.sub("", line).strip()


def prose(line: str) -> bool:
    """Running text, or a shorter sentence of clauses (根据有关规定，结合本市实际，…予以公告。)."""
    text = clean_text(line)
    return running_text(text) or (len(text) >= rules.text.PROSE_MIN_CHARS and text.endswith("。")
                                  and "，" in text)


def article_text(line: str) -> bool:
    """A line only an article shows: prose, a sentence (The corridor opened on Monday.), an attachment's
    name. A page without one (a list of links, an error page) has no headline."""
    text = clean_text(line)
    return (prose(text) or (len(text) >= rules.text.MIN_SENTENCE_CHARS and text[-1:] in rules.text.SENTENCE_ENDS)
            or bool(rules.text.ATTACHMENT_LINE.match(text)))


def running_text(line: str) -> bool:
    """A line of running text: long, with a sentence's punctuation (or two clauses: a paragraph's line cut
    by the converter's width), half of it Chinese (not a link's address)."""
    text = clean_text(line)
    if len(text) * 2 < rules.text.RUNNING_TEXT_COLUMNS:  # too short whatever its width (the common case: cheap)
        return False
    return ((len(text) >= rules.text.RUNNING_TEXT_CHARS or display_width(text) >= rules.text.RUNNING_TEXT_COLUMNS)
            and (bool(rules.text.SENTENCE_END.search(text)) or len(rules.text.CLAUSE_BREAK.findall(text)) >= 2)
            and sum(1 for ch in text if is_cjk(ch)) >= rules.text.RUNNING_TEXT_CHARS // 2)


def headline_before_info(text: str) -> str:
    """The headline printed on the article line before its keys, its trailing date cut, or ""."""
    if rules.text.DATE_LINE.match(text):
        return ""
    match = rules.text.TRAILING_DATE.search(text)
    head = text[: match.start()].rstrip() if match else text
    return head if headline_like(head) else ""


def article_line_lead(text: str) -> str:
    """The headline printed on the article line before its keys (``headline_before_info``), unless it is the
    site's or channel's name (新华网河北频道 ( 2012-06-04 09:20:26 ) 稿件来源：…): ""."""
    head = headline_before_info(text)
    return "" if head and is_site_name(head) else head


def cut_run_on(title: str | None) -> str | None:
    """A headline run on into its article line (标题 2023-06-02 来源：某日报) cut before it."""
    match = rules.text.RUN_ON_INFO.search(title or "")
    if not title or not match:
        return title
    head = headline_before_info(title[: match.start()])
    return head or title


def date_line(page: TextPage, floor: int) -> int | None:
    """The first short line led by a full date above the first paragraph of running text (a page whose
    article line has no keys: 2025-06-05 10:20 某日报), when a headline-like line stands above it."""
    above = None
    for n in range(len(page.line_starts)):
        if page.line_start(n) < floor:
            continue
        text = clean_text(page.line_text(n))
        if not text:
            continue
        if running_text(text):
            return None
        if (above is not None and rules.text.DATE_LINE.match(text)
                and len(text) <= rules.text.DATE_LINE_MAX_CHARS):
            return n
        # a line naming a date (登记时间, 成文日期) is a label: the date under it is its value
        if headline_like(text):
            above = None if text.endswith(rules.text.DATE_LABEL_ENDINGS) else n
    return None
