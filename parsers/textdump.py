"""Plain-text dumps of disclosure pages ("save as text", crawler exports) to record parts.

The text is read as one string of lines. Keys (block labels such as 索引号 and article-line keys
such as 来源/日期) are found on a folded copy (traditional characters simplified, odd spaces
made plain, see parsers/hanzi.py), so offsets found there slice the original text. Then:

- a first ``URL: ...`` line gives ``url``; a crawler's header above the page text is skipped;
- the 当前位置 line gives the breadcrumb (everything above it is site chrome);
- the article line (来源 ... 日期 ... 浏览次数) gives content_source, author, published_at, views;
- the disclosure block is the densest cluster of labels: "label value label value" runs, one or
  several pairs per line or flattened into one line, values on the next line; a repeat of the
  block (desktop table, then mobile list) is read once;
- headline lines sit above the article line (kicker, title, subtitle); the rest is the body.

The rules (keys, markers, limits) are data in parsers/text_rules.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from govmeta.parsers import text_rules as R
from govmeta.parsers.dates import find_datetime
from govmeta.parsers.hanzi import fold
from govmeta.parsers.labels import Vocabulary, clean_label
from govmeta.parsers.pinyin_repair import repair_pinyin

_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " \t|｜"
_DIGITS = re.compile(r"\s*(\d[\d,]*)")
_BLANK_RUN = re.compile(rf"\n(?:[ ]*\n){{{R.MAX_BLANK_LINES + 1}}}")
_BRACKET_RUN = re.compile(r"】\s*【")
_ANY_KEY = re.compile(r"(?:^|\s)([^\s:：\d]{1,12})\s*[:：](?!//)")


@dataclass
class _Key:
    """One key found in the text: a block label or an article-line key (or both, like 来源)."""

    start: int
    end: int  # after the key, its colon and the spaces that follow
    line: int
    label: str  # as the page wrote it, cleaned of padding and colon
    folded: str  # simplified and cleaned: the vocabulary's spelling
    colon: bool
    block: bool
    info: bool


@dataclass
class _Span:
    start: int
    end: int


@dataclass
class _Cluster:
    keys: list[_Key]
    fields: int = 0
    pairs: list[dict[str, str]] = field(default_factory=list)
    end: int = 0


@dataclass
class _Text:
    """The page text, its folded twin and where its lines start."""

    text: str
    folded: str
    line_starts: list[int]

    def line_end(self, at: int) -> int:
        end = self.text.find("\n", at)
        return len(self.text) if end < 0 else end

    def line_start(self, line: int) -> int:
        return self.line_starts[line]


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip().strip(_EDGE_PUNCT).strip()


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _join_lines(text: str) -> str:
    """Whitespace-collapsed text whose line breaks between two CJK characters leave no space."""
    out = ""
    for piece in (_squash(part) for part in text.split("\n")):
        if not piece:
            continue
        if out and not (_is_cjk(out[-1]) and _is_cjk(piece[0])):
            out += " "
        out += piece
    return out


def _strip_widgets(value: str) -> str:
    words = value.split(" ")
    while len(words) > 1 and fold(words[-1]) in R.WIDGET_WORDS:
        words.pop()
    return " ".join(words)


# --- Keys ----------------------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _key_pattern(block_labels: frozenset[str]) -> re.Pattern[str]:
    """One pattern for every key: padded spellings, longest first; one-character keys need a colon."""
    keys = set(block_labels) | set(R.INFO_KEYS)
    long_keys = sorted((k for k in keys if len(k) >= R.INFO_KEY_NEEDS_COLON_BELOW), key=len, reverse=True)
    short_keys = sorted(k for k in keys if len(k) < R.INFO_KEY_NEEDS_COLON_BELOW)

    def alt(items: list[str]) -> str:
        return "|".join(R.LABEL_PADDING.join(re.escape(ch) for ch in item) for item in items)

    left = rf"(?<![^\s{re.escape(R.LABEL_EDGE_CHARS)}])"
    pattern = rf"{left}(?:(?P<key>{alt(long_keys)})(?:(?P<colon>[ ]{{0,3}}[:：])|(?=[ \n]|$))"
    if short_keys:
        pattern += rf"|(?P<short>{alt(short_keys)})(?P<colon2>[ ]{{0,3}}[:：])"
    return re.compile(pattern + ")", re.M)


def _block_labels(vocabulary: Vocabulary) -> frozenset[str]:
    """The vocabulary's labels in simplified spelling (the folded text is matched)."""
    return frozenset(label for label in vocabulary.known if fold(label) == label)


def _find_keys(page: _Text, vocabulary: Vocabulary) -> list[_Key]:
    labels = _block_labels(vocabulary)
    keys = []
    line = 0
    text, folded, starts = page.text, page.folded, page.line_starts
    for match in _key_pattern(labels).finditer(folded):
        group = "key" if match["key"] is not None else "short"
        start, stop = match.span(group)
        end = match.end()
        while end < len(text) and folded[end] == " ":
            end += 1
        while line + 1 < len(starts) and starts[line + 1] <= start:
            line += 1
        name = clean_label(folded[start:stop])
        keys.append(_Key(start, end, line, clean_label(text[start:stop]), name,
                         match["colon"] is not None or match["colon2"] is not None,
                         name in labels, name in R.INFO_KEYS))
    return keys


def _starts_line(key: _Key, page: _Text) -> bool:
    return not page.text[page.line_start(key.line): key.start].strip()


# --- What is not the page's text -------------------------------------------------------------------


def _page_start(lines: list[str]) -> tuple[int, str | None]:
    """Index of the first line of page text, and the address a ``URL:`` line gave."""
    start, url = 0, None
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines) and (match := R.URL_LINE.match(lines[start])):
        url, start = match[1], start + 1
    # A crawler's header: key lines (one naming a crawler's key or holding an address), a separator.
    for n in range(start, min(len(lines), start + R.HEADER_MAX_LINES)):
        if lines[n].strip() and R.SEPARATOR_LINE.match(lines[n]):
            above = [line for line in lines[start:n] if line.strip()]
            keyed = [m for m in (R.KEYED_LINE.match(line) for line in above) if m]
            crawler = any(fold(m[1]).lower() in R.CRAWLER_KEYS or m[2].startswith(("http://", "https://"))
                          for m in keyed)
            if above and crawler and len(keyed) / len(above) >= R.HEADER_MIN_KEYED_SHARE:
                return n + 1, url
            break
    # ... or a run of one-key lines naming a crawler's key, ended by a blank line.
    n, crawler = start, False
    while n < len(lines) and (match := R.KEYED_LINE.match(lines[n])) and len(_ANY_KEY.findall(lines[n])) <= 1:
        crawler = crawler or fold(match[1]).lower() in R.CRAWLER_KEYS
        n += 1
    if crawler and 2 <= n - start <= R.HEADER_MAX_LINES and (n == len(lines) or not lines[n].strip()):
        return n, url
    return start, url


def _breadcrumb(page: _Text, lines: list[str], keys: list[_Key]) -> tuple[list[str], int]:
    """The trail of the first 当前位置 line and where it ends (a key on the same line ends it)."""
    for n, line in enumerate(lines[: R.BREADCRUMB_MAX_LINE]):
        match = R.BREADCRUMB_LINE.match(fold(line))
        if not match:
            continue
        start = page.line_start(n)
        end = start + len(line)
        on_line = [k for k in keys if k.line == n and k.start >= start + match.end()]
        if on_line:
            end = on_line[0].start
        trail = _squash(page.text[start + match.end(): end])
        if not trail and not on_line:  # the marker alone on its line: the trail follows on the next lines
            trail, end = _trail_below(page, lines, n, keys)
        return [item for item in (_squash(p) for p in R.BREADCRUMB_SPLIT.split(trail)) if item], end
    return [], 0


def _trail_below(page: _Text, lines: list[str], n: int, keys: list[_Key]) -> tuple[str, int]:
    """Breadcrumb items on the lines under a lone 当前位置 marker: short items and separator-led lines."""
    keyed = {k.line for k in keys}
    parts: list[str] = []
    end = page.line_start(n) + len(lines[n])
    for m in range(n + 1, min(len(lines), n + 1 + R.BREADCRUMB_MAX_LINES_BELOW)):
        line = _squash(lines[m])
        if not line:
            continue
        joined = R.BREADCRUMB_SPLIT.match(line) or (parts and R.BREADCRUMB_SPLIT.search(parts[-1] + " ")
                                                      and parts[-1].rstrip().endswith((">", "»", "›")))
        if m in keyed or len(line) > R.MAX_HEADLINE_CHARS or not (joined or len(line) <= R.CRUMB_ITEM_CHARS):
            break
        parts.append(line)
        end = page.line_start(m) + len(lines[m])
    return " > ".join(parts), end


# --- Article line ----------------------------------------------------------------------------------


def _info_runs(keys: list[_Key], page: _Text) -> list[list[_Key]]:
    """Runs of article-line keys holding a key that never heads a block cell: on one line, or on
    lines next to each other, each starting with its key (发布时间：...⏎浏览次数：...)."""
    runs: list[list[_Key]] = []
    current: list[_Key] = []
    for key in keys:
        if key.info and current and (current[-1].line == key.line or (
                key.line - current[-1].line <= 2 and _starts_line(key, page) and _starts_line(current[0], page)
                and not page.text[page.line_end(current[-1].start): key.start].strip(" \n"))):
            current.append(key)
            continue
        if current:
            runs.append(current)
        current = [key] if key.info else []
    if current:
        runs.append(current)
    return [run for run in runs if any(k.folded in R.INFO_ONLY_KEYS for k in run)]


def _soft_info(keys: list[_Key], best: _Cluster | None, page: _Text, body_line: int,
               vocabulary: Vocabulary) -> list[_Key] | None:
    """An article line made only of keys that may also head block cells (来源 ... 发布时间 ...):
    taken at an edge of the block or outside it, above the body, never from inside the block."""
    by_line: dict[int, list[_Key]] = {}
    for key in keys:
        by_line.setdefault(key.line, []).append(key)
    block_lines = sorted({k.line for k in best.keys}) if best else []
    for line, line_keys in sorted(by_line.items()):
        if line >= body_line:
            break
        if not all(k.info for k in line_keys) or not _starts_line(line_keys[0], page):
            continue
        targets = {R.INFO_KEYS[k.folded] for k in line_keys}
        if block_lines and block_lines[0] <= line <= block_lines[-1]:
            if line not in (block_lines[0], block_lines[-1]) or len(line_keys) < 2:
                continue
            if not targets & R.SOFT_INFO_TARGETS:
                continue
            rest = {vocabulary.field_for(k.folded) for k in best.keys if k.line != line} - {None}
            if len(rest) >= R.MIN_BLOCK_FIELDS:
                return line_keys
            continue
        if targets & R.SOFT_INFO_TARGETS:
            return line_keys
    return None


def _read_info(run: list[_Key], page: _Text) -> tuple[dict, int]:
    """Record parts from an article line, and where its last value ends."""
    parts: dict = {}
    text = page.text
    line_end = page.line_end(run[0].start)
    end = line_end
    for n, key in enumerate(run):
        last = n + 1 == len(run)
        raw = text[key.end: run[n + 1].start] if not last else text[key.end: line_end]
        target = R.INFO_KEYS.get(key.folded, "")
        value = _squash(raw)
        if target == "published_at":
            found = find_datetime(value)
            if found and "published_at" not in parts:
                parts["published_at"] = found
            if last:
                match = R.DATE_VALUE.match(raw)
                end = key.end + (match.end() if match else 0)
        elif target == "views":
            match = _DIGITS.match(raw)
            if match and "views" not in parts:
                parts["views"] = int(match[1].replace(",", ""))
            if last:
                end = key.end + (match.end() if match else 0)
        elif target in ("content_source", "author"):
            if last and len(value) > R.LONG_REMAINDER // 2:
                value = value.split(" ")[0]
            value = _strip_widgets(value)
            if value and target not in parts:
                parts[target] = value
            if last:
                end = key.end + len(raw) - len(raw.lstrip()) + len(value)
    return parts, end


# --- Block -----------------------------------------------------------------------------------------


def _clusters(keys: list[_Key], page: _Text, vocabulary: Vocabulary, breaks: list[int]) -> list[_Cluster]:
    """Runs of labels close enough to be one block (an article line between two labels splits them)."""
    clusters: list[_Cluster] = []
    current: list[_Key] = []
    for key in keys:
        if (current and _close(page.text[current[-1].end: key.start])
                and not any(current[-1].end <= at < key.start for at in breaks)):
            current.append(key)
            continue
        if current:
            clusters.append(_Cluster(current))
        current = [key]
    if current:
        clusters.append(_Cluster(current))
    for cluster in clusters:
        cluster.fields = len({vocabulary.field_for(k.folded) for k in cluster.keys} - {None})
    return [c for c in clusters if c.fields >= R.MIN_BLOCK_FIELDS]


def _best(clusters: list[_Cluster]) -> _Cluster | None:
    best = None
    for cluster in clusters:
        if best is None or cluster.fields > best.fields:
            best = cluster
    return best


def _close(gap: str) -> bool:
    """Whether two labels this far apart belong to one block.

    A value sits on its label's line or, alone, on the line below; lines below a value on the
    label's line continue it only when that line was long (a wrapped title). A line that is only
    an unknown label (所属主题：) brings its own value line.
    """
    if _BLANK_RUN.search(gap) or len("".join(gap.split())) > R.MAX_VALUE_CHARS:
        return False
    first, _, rest = gap.partition("\n")
    below = [part for part in rest.split("\n") if part.strip()]
    extra = len(below) - 2 * sum(1 for part in below if _is_label_line(part))
    if first.strip():
        return extra <= 0 or (len(first.strip()) >= R.WRAPPED_LINE_CHARS and extra < R.MAX_VALUE_LINES)
    return extra <= 1


def _is_label_line(line: str) -> bool:
    match = R.UNKNOWN_LABEL.match(line.strip())
    return bool(match) and match.end() == len(line.strip())


def _read_block(cluster: _Cluster, page: _Text, vocabulary: Vocabulary) -> None:
    """Fill the cluster's pairs (unknown colon labels split off, repeats dropped) and its end."""
    keys, text = cluster.keys, page.text
    below = [(k, text[k.end: nxt.start]) for k, nxt in pairwise(keys)
             if not text[k.end: page.line_end(k.end)].strip() and text[k.end: nxt.start].strip()]
    next_line_style = bool(below)
    blank_between = any(re.match(r"[ ]*\n[ ]*\n", gap) for _, gap in below)
    colon_style = sum(k.colon for k in keys) >= R.COLON_STYLE_SHARE * len(keys)
    raw: list[tuple[str, str]] = [(k.label, text[k.end: nxt.start]) for k, nxt in pairwise(keys)]
    value, cluster.end, flattened = _last_value(keys[-1], page, raw, next_line_style, blank_between,
                                                vocabulary)
    raw.append((keys[-1].label, value))
    pairs: list[dict[str, str]] = []
    for n, (label, gap) in enumerate(raw):
        parts = [(label, gap)]
        if colon_style and not (flattened and n == len(raw) - 1):
            parts = _split_unknown(label, gap)
        pairs.extend({"label": lab, "value": _strip_widgets(_join_lines(val))} for lab, val in parts)
    cluster.pairs = _drop_repeats(pairs)


def _split_unknown(label: str, gap: str) -> list[tuple[str, str]]:
    """A value holding ``word：`` is a value, then pairs the vocabulary does not know."""
    out = [(label, gap)]
    matches = list(R.UNKNOWN_LABEL.finditer(gap))
    if not matches:
        return out
    out = [(label, gap[: matches[0].start()])]
    for match, nxt in zip(matches, [*matches[1:], None], strict=True):
        out.append((clean_label(match[1]), gap[match.end(): nxt.start() if nxt else len(gap)]))
    return out


def _last_value(key: _Key, page: _Text, raw: list[tuple[str, str]], next_line_style: bool,
                blank_between: bool, vocabulary: Vocabulary) -> tuple[str, int, bool]:
    """The last label's value, where it ends, and whether it was cut from a flattened line."""
    text = page.text
    line_end = page.line_end(key.end)
    rest = text[key.end: line_end]
    value = _squash(rest)
    field_name = vocabulary.field_for(key.folded)
    if value and field_name and vocabulary.rules[field_name].kind == "date":
        match = R.DATE_VALUE.match(rest)  # a date value ends with its date (a headline may follow)
        if match and rest[match.end():].strip():
            return match[0], key.end + match.end(), True
    if value and len(value) <= R.LONG_REMAINDER:
        return rest, line_end, False
    if value:  # a flattened line: the value is followed by the headline, the article line, the body
        cut, end = _cut_flattened(key, rest, raw, vocabulary)
        return cut, end, True
    if next_line_style:  # nothing on the label's line: the value is on the line below
        at = line_end
        while at < len(text):
            nxt_end = page.line_end(at + 1)
            candidate = text[at + 1: nxt_end]
            if candidate.strip():
                folded = page.folded[at + 1: nxt_end]
                if len(_squash(candidate)) <= R.MAX_VALUE_CHARS and not R.KEYED_LINE.match(folded):
                    return candidate, nxt_end, False
                break
            if not blank_between:
                break
            at = nxt_end
    return "", line_end, False


def _cut_flattened(key: _Key, rest: str, raw: list[tuple[str, str]], vocabulary: Vocabulary) -> tuple[str, int]:
    lead = len(rest) - len(rest.lstrip())
    body = rest[lead:]
    for label, value in raw:
        title = _squash(value)
        if vocabulary.field_for(fold(clean_label(label))) == "title" and len(title) >= R.MIN_HEADLINE_CHARS:
            at = body.find(title)
            if at > 0:
                return body[:at], key.end + lead + at
    field_name = vocabulary.field_for(key.folded)
    if field_name and vocabulary.rules[field_name].kind == "date":
        match = R.DATE_VALUE.match(body)
        if match:
            return match[0], key.end + lead + match.end()
    token = body.split(" ", 1)[0]
    return token, key.end + lead + len(token)


def _drop_repeats(pairs: list[dict[str, str]]) -> list[dict[str, str]]:
    """A block shown twice (desktop table, mobile list) is read once; new labels in the repeat stay."""
    out: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    repeating = False
    for pair in pairs:
        label = pair["label"]
        if out and label == out[0]["label"]:
            repeating = True
        if label in seen:
            earlier = out[seen[label]]
            if repeating or earlier["value"] == pair["value"]:
                if not earlier["value"] and pair["value"]:
                    earlier["value"] = pair["value"]
                continue
        seen.setdefault(label, len(out))
        out.append(pair)
    return out


# --- Leftover text: headline, body ---------------------------------------------------------------


def _leftovers(text: str, spans: list[_Span]) -> list[tuple[int, str]]:
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
            if piece := _squash(line):
                out.append((at, piece))
            at += len(line) + 1
    return out


def _is_widget(piece: str) -> bool:
    words = [w for w in _BRACKET_RUN.sub("】 【", fold(piece)).replace("][", "] [").split(" ") if w]
    return bool(words) and all(w in R.WIDGET_WORDS for w in words)


def _headline_like(line: str) -> bool:
    return (R.MIN_HEADLINE_CHARS <= len(line) <= R.MAX_HEADLINE_CHARS and not _is_widget(line)
            and not R.NOT_HEADLINE.search(line))


def _headline(zone: list[str], block_title: str | None) -> dict[str, str | None]:
    """Title, kicker and subtitle from the lines above the article line."""
    out: dict[str, str | None] = {"title": None, "kicker": None, "subtitle": None}
    zone = [line for line in zone if not _is_widget(line)]
    if block_title:
        for n, line in enumerate(zone):
            if block_title in line:
                out["title"] = block_title
                if n and _headline_like(zone[n - 1]) and len(zone) <= R.MAX_HEADLINE_LINES:
                    out["kicker"] = zone[n - 1]
                if n + 1 < len(zone) and R.SUBTITLE_PREFIX.match(zone[n + 1]):
                    out["subtitle"] = _strip_dash(zone[n + 1])
                return out
    lines = list(zone)
    if len(lines) > 1 and R.SUBTITLE_PREFIX.match(lines[-1]):
        out["subtitle"] = _strip_dash(lines.pop())
    headlines = [line for line in lines if _headline_like(line)]
    if not headlines:
        out["title"] = block_title
        return out
    out["title"] = headlines[-1]
    # A kicker only where the zone is just two headline lines (no chrome above them).
    if len(lines) == 2 and len(headlines) == 2:
        out["kicker"] = headlines[0]
    return out


def _merge_wrapped(pieces: list[tuple[int, str]], text: str) -> list[str]:
    """Zone lines, a headline broken over two lines (…关于印发⏎《…》的通知, at most a blank line between) joined."""
    out: list[tuple[int, str]] = []
    for at, piece in pieces:
        if out:
            prev_at, prev = out[-1]
            between = text[prev_at: at]
            if (between.count("\n") <= 2 and _headline_like(prev) and _headline_like(piece)
                    and (prev.endswith(R.HEADLINE_CONTINUES_AFTER) or piece.startswith(R.HEADLINE_CONTINUES_WITH))):
                out[-1] = (prev_at, prev + piece)
                continue
        out.append((at, piece))
    return [piece for _, piece in out]


def _strip_dash(line: str) -> str:
    return R.SUBTITLE_PREFIX.sub("", line).strip()


def _paragraphs(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if fold(piece).startswith(R.FOOTER_PREFIXES):
            if out:
                break
            continue
        if _is_widget(piece):
            continue
        if len(piece) > R.FLATTENED_LINE_CHARS and piece.count(" ") >= R.FLATTENED_MIN_GAPS:
            out.extend(word for word in piece.split(" ") if word and fold(word) not in R.WIDGET_WORDS)
        else:
            out.append(piece)
    return out


def _attachments(pairs: list[dict[str, str]], paragraphs: list[str]) -> list[dict[str, str | None]]:
    names = []
    for pair in pairs:
        if fold(pair["label"]) in R.ATTACHMENT_LABELS:
            names.extend(m[0] for m in R.ATTACHMENT_NAME.finditer(pair["value"]))
    for line in paragraphs:
        match = R.ATTACHMENT_LINE.match(fold(line))
        if match:
            names.append(line[match.start("name"): match.end("name")])
    return [{"name": name, "url": None} for name in dict.fromkeys(names)]


# --- Entry point -----------------------------------------------------------------------------------


def read_text_dump(text: str, vocabulary: Vocabulary) -> dict:
    """Record parts from a text dump: url, breadcrumb, headline, article line, pairs, body."""
    repair = repair_pinyin(text.lstrip("\ufeff"))
    warnings: list[str] = list(repair.warnings or [])
    lines = repair.text.splitlines()
    first, url = _page_start(lines)
    lines = lines[first:]
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    joined = "\n".join(lines)
    page = _Text(joined, fold(joined), starts)

    keys = _find_keys(page, vocabulary)
    breadcrumb, crumb_end = _breadcrumb(page, lines, keys)
    spans: list[_Span] = [_Span(0, crumb_end)] if crumb_end else []  # above the breadcrumb: chrome
    keys = [k for k in keys if k.start >= crumb_end]

    # The article line, then the block (an article line never belongs to it).
    runs = _info_runs(keys, page)
    in_runs = {id(k) for run in runs for k in run}
    block_keys = [k for k in keys if k.block and id(k) not in in_runs]
    clusters = _clusters(block_keys, page, vocabulary, [run[0].start for run in runs])
    if not runs:
        soft = _soft_info(keys, _best(clusters), page, _body_line(lines, keys), vocabulary)
        if soft:
            runs = [soft]
            block_keys = [k for k in block_keys if all(k is not s for s in soft)]
            clusters = _clusters(block_keys, page, vocabulary, [soft[0].start])
    info: dict = {}
    info_span: _Span | None = None
    if runs:
        info, end = _read_info(runs[0], page)
        info_span = _Span(runs[0][0].start, end)
        spans.append(info_span)
    for cluster in clusters:
        _read_block(cluster, page, vocabulary)
        spans.append(_Span(cluster.keys[0].start, cluster.end))
    block = _best(clusters)
    pairs = block.pairs if block else []
    block_title = _value_of(pairs, "title", vocabulary)

    # Headline zone: above the article line (below the block when the block comes first).
    pieces = _leftovers(page.text, sorted(spans, key=lambda s: s.start))
    zone_start = crumb_end
    if info_span is not None:
        zone_end = info_span.start
        if block is not None and block.end <= zone_end:
            zone_start = max(zone_start, block.end)
    elif block is not None and block.keys[0].start > crumb_end:
        zone_end = block.keys[0].start
    else:
        zone_end = crumb_end
    zone = _merge_wrapped([(at, p) for at, p in pieces if zone_start <= at < zone_end], page.text)
    if info_span is None and block is None and not zone:
        first_piece = next(((at, p) for at, p in pieces if at >= crumb_end), None)
        if first_piece and _headline_like(first_piece[1]):
            zone, zone_end = [first_piece[1]], first_piece[0] + 1
    headline = _headline(zone, block_title)
    body = [p for at, p in pieces if at >= max(zone_end, crumb_end)]
    if body and not any(_headline_like(line) for line in zone):  # no headline above: the first line below
        if headline["title"] is None and _headline_like(body[0]):
            headline["title"] = body.pop(0)
        elif headline["title"] == body[0]:
            body.pop(0)
    paragraphs = _paragraphs(body)

    published_at = info.get("published_at")
    if published_at is None:
        published_at = find_datetime(_value_of(pairs, "published_date", vocabulary) or "")
    return {
        "url": url,
        "breadcrumb": breadcrumb,
        "title": headline["title"],
        "kicker": headline["kicker"],
        "subtitle": headline["subtitle"],
        "content_source": info.get("content_source"),
        "author": info.get("author"),
        "published_at": published_at,
        "views": info.get("views"),
        "fields": pairs,
        "paragraphs": paragraphs,
        "attachments": _attachments(pairs, paragraphs),
        "warnings": warnings,
    }


def _value_of(pairs: list[dict[str, str]], canonical: str, vocabulary: Vocabulary) -> str | None:
    return next((p["value"] for p in pairs
                 if p["value"] and vocabulary.field_for(fold(clean_label(p["label"]))) == canonical), None)


def _body_line(lines: list[str], keys: list[_Key]) -> int:
    """The first line that reads as running text (long, no keys): the body starts there."""
    keyed = {k.line for k in keys}
    for n, line in enumerate(lines):
        if n not in keyed and len(line.strip()) > R.MAX_HEADLINE_CHARS:
            return n
    return len(lines)
