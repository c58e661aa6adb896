"""The info line: 来源 / 作者 / 发布时间 / 浏览次数 printed with the headline (or under the body).

A line is read as ``label：value`` pairs; a value runs to the next label, a bar separator or the
line's end (a value that is a link is the link's text). News sites print the date and the source
without labels ("2019-09-26 10:56 证券时报网"): the token after the date is then the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.dates import DATETIME_SPAN as DATE_SPAN
from govmeta.parsers.dates import find_datetime, minguo_line_date
from govmeta.parsers.hanzi import fold
from govmeta.parsers.html.classes import tokens_of
from govmeta.parsers.html.page_index import Line, Run
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.spaces import squash
from govmeta.parsers.wording import is_widget_word

_KIND = {label: "source" for label in rules.article.SOURCE_LABELS}
_KIND.update({label: "author" for label in rules.article.AUTHOR_LABELS})
_KIND.update({label: "date" for label in rules.article.DATE_LABELS})
_KIND.update({label: "views" for label in rules.article.VIEWS_LABELS})
_KIND.update({label: "other" for label in rules.article.OTHER_INFO_LABELS})
_ALL_LABELS = sorted(_KIND, key=len, reverse=True)
# A label starts a word: it does not follow another Han character (工作者：, 成文日期： are not labels).
_LEAD = r"(?<![\u4e00-\u9fff])"


class Folded:
    """A pattern matched on the folded text (traditional characters simplified, same length): offsets
    are the original's, the matched label is its simplified form (來源 matches as 来源)."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        return self.pattern.search(fold(text), pos)

    def match(self, text: str) -> re.Match | None:
        return self.pattern.match(fold(text))

    def finditer(self, text: str, pos: int = 0):
        return self.pattern.finditer(fold(text), pos)


# A known label followed by a colon, at the start of a word.
LABEL = Folded(lazy_compile(_LEAD + r"(?P<label>" + "|".join(map(re.escape, _ALL_LABELS)) + r")\s*[:：]"))
# Any short Han word followed by a colon ends a value too (文章类型：…).
_ANY_LABEL = lazy_compile(r"(?:(?<=\s)|(?<=[|丨｜│]))[\u4e00-\u9fff]{2,6}\s*[:：]")
_BAR = lazy_compile(r"[|丨｜│]")
# Labels long enough to be read even when glued to the value before them (…办公室发布时间：): never
# inside a word the way 日期 is inside 成文日期.
GLUED = Folded(lazy_compile(
    r"(?P<label>" + "|".join(map(re.escape, [label for label in _ALL_LABELS if len(label) >= 4])) + r")\s*[:：]"
))
# A known label opening an element's own text (<span>来源：…</span><span>作者：…</span>, or a views word and
# its count with no colon: <span>阅读 2,318 次</span>): the element's edge is a word's edge, so the label
# starts a pair even glued to the value before it.
_OPENING = lazy_compile(
    r"(?P<label>(?:" + "|".join(map(re.escape, _ALL_LABELS)) + r")(?=\s*[:：])"
    r"|(?:" + "|".join(map(re.escape, sorted(rules.article.VIEWS_LABELS, key=len, reverse=True))) + r")(?=\s*\d))"
    r"\s*[:：]?"
)
# A date right after some other label (成文日期：…, 印发日期：…) is that label's value.
_OTHER_LABEL_END = lazy_compile(r"[\u4e00-\u9fff]{2,8}\s*[:：]\s*$")
# A widget in brackets after a value: 【字体：大 中 小】, [打印].
_WIDGET_OPEN = lazy_compile(r"(?<=\S)\s*[【\[]")
# Any label naming a time or a date, when a date follows it (时间发布：2023-06-12, 信息发布时间：…).
_DATED_LABEL = Folded(lazy_compile(
    _LEAD
    + r"(?P<label>[\u4e00-\u9fff]{0,4}(?:"
    + "|".join(rules.article.DATE_LABEL_WORDS)
    + r")[\u4e00-\u9fff]{0,4})\s*[:：]"
    r"(?=\s*" + DATE_SPAN.pattern + ")"
))
_URL = lazy_compile(r"(?:https?://|www\.)\S+", re.I)
_VALUE_TRIM = " \u00a0\u3000:：|丨｜│[]【】()（）·,，;；"


def is_info_line(text: str) -> bool:
    """A line of article facts: a labelled 来源/日期/浏览 value, or a date with little else.

    The line must be mostly those facts: before its first label, or around its date, it holds at
    most a few words (a site name, a bracket), never a sentence (…作品《…》作者：林运焘 is prose)."""
    match = LABEL.search(text)
    if match:
        if _KIND[match["label"]] == "other":
            return len(text) < 40
        return _little_else(text[: match.start()])
    span = DATE_SPAN.search(text)
    if not span:
        return False
    return _little_else(text[: span.start()] + text[span.end():])


def _little_else(rest: str) -> bool:
    """Leftover text of an info line: a few words at most (dates and addresses aside), no sentence."""
    rest = _URL.sub("", DATE_SPAN.sub("", rest)) if rest else rest
    return len(key_chars(rest)) <= rules.article.INFO_REST_MAX and not rest.rstrip().endswith("。")


def key_chars(text: str) -> str:
    return "".join(text.split())


@dataclass
class Pair:
    kind: str
    value: str  # "" when the label shows no value
    label: str


def _link_value(line: Line, offset: int) -> str | None:
    """The text of the link that starts the value at ``offset`` of the line's raw text, if any."""
    position = 0
    collected: list[str] = []
    for run in line.runs:
        end = position + len(run.text)
        if collected:
            if run.linked and not run.is_tail:
                collected.append(run.text)
                position = end
                continue
            break
        if end > offset:
            rest = run.text[max(offset - position, 0):]
            # An opening bracket before the link is not the value (来源：[ <a>人民网</a> ]).
            if rest.strip().strip(_VALUE_TRIM):
                if not run.linked:
                    return None
                collected.append(rest)
            elif run.linked:
                collected.append(rest)
        position = end
    value = squash("".join(collected))
    return value or None


def _link_after_text(line: Line, start: int, stop: int) -> int:
    """Where a link begins after some plain text of the value at ``start`` (教育部　<a>下载</a>: the
    link is a widget of its own, not more of the value); ``stop`` when there is none."""
    position = 0
    seen_text = False
    for run in line.runs:
        end = position + len(run.text)
        if end > start and position < stop:
            if run.linked and not run.is_tail and seen_text and position >= start:
                return position
            if not run.linked and run.text[max(start - position, 0):].strip():
                seen_text = True
        elif position >= stop:
            break
        position = end
    return stop


def date_label_kind(label: str) -> str:
    """The kind of a label naming a time or a date: the publication date, or "other" when a word
    in it names another date (成文日期, 活动时间)."""
    if label in _KIND:
        return _KIND[label]
    return "other" if any(word in label for word in rules.article.OTHER_DATE_WORDS) else "date"


def _element_openings(runs: tuple[Run, ...]) -> list[int]:
    """Offsets in the line's raw text where an element's own text begins with a label and its colon."""
    starts, position = [], 0
    for run in runs:
        if position and not run.is_tail and _OPENING.match(fold(run.text)):
            starts.append(position)
        position += len(run.text)
    return starts


def _labels(raw: str, openings: list[int] = ()) -> list[tuple[int, int, str, str]]:
    """(start, end, label, kind) of the labels of a line, in order: the known labels, a label
    opening an element's text (``openings``), and any other label naming a time or a date that a
    date follows."""
    found = [(m.start(), m.end(), m["label"], _KIND[m["label"]]) for m in LABEL.finditer(raw)]
    if openings:
        folded = fold(raw)
        opened = [m for m in (_OPENING.match(folded, start) for start in openings) if m]
        opened = [(m.start(), m.end(), m["label"], _KIND[m["label"]]) for m in opened]
        opened = [o for o in opened if not any(s < o[1] and o[0] < e for s, e, _, _ in found)]
        if opened:
            found = sorted(found + opened)
    if found:
        # After a first label, a long label glued to the value before it starts a pair too.
        glued = [(m.start(), m.end(), m["label"], _KIND[m["label"]]) for m in GLUED.finditer(raw, found[0][1])]
        glued = [g for g in glued if not any(s < g[1] and g[0] < e for s, e, _, _ in found)]
        if glued:
            found = sorted(found + glued)
    if any(word in fold(raw) for word in rules.article.DATE_LABEL_WORDS):
        dated = [(m.start(), m.end(), m["label"], date_label_kind(m["label"])) for m in _DATED_LABEL.finditer(raw)]
        dated = [d for d in dated if not any(s < d[1] and d[0] < e for s, e, _, _ in found)]
        if dated:
            found = sorted(found + dated)
    return found


def read_pairs(line: Line) -> list[Pair]:
    """The ``label：value`` pairs of one line, in order."""
    raw = "".join(run.text for run in line.runs)
    matches = _labels(raw, _element_openings(line.runs))
    pairs = []
    linked = any(run.linked for run in line.runs)
    for i, (_, start, label, kind) in enumerate(matches):
        stop = matches[i + 1][0] if i + 1 < len(matches) else len(raw)
        if kind in ("source", "author") and linked:
            link = _link_value(line, start)
            if link:
                pairs.append(Pair(kind, trim_value(link), label))
                continue
            stop = _link_after_text(line, start, stop)
        pairs.append(Pair(kind, _value(raw[start:stop], kind), label))
    return pairs


_PAIRS = {"）": "（", ")": "(", "】": "【", "]": "["}
_PAIRS.update({opener: closer for closer, opener in list(_PAIRS.items())})


def trim_value(value: str) -> str:
    """Separators, colons and stray brackets off both ends of a value; a bracket that closes (or
    opens) a pair inside the value stays (济南市文化和旅游局（原市文广新局）)."""
    core = value.strip(_VALUE_TRIM)
    if not core:
        return core
    head = value[: value.index(core)]
    tail = value[value.index(core) + len(core):]
    for char in tail:
        if char not in _PAIRS or core.count(_PAIRS[char]) <= core.count(char):
            break
        core += char
    for char in reversed(head):
        if char not in _PAIRS or core.count(_PAIRS[char]) <= core.count(char):
            break
        core = char + core
    return core


def _label_ends(text: str) -> bool:
    """``text`` ends with a label and its colon (a colon looked for first: most texts hold none)."""
    return (":" in text or "：" in text) and _OTHER_LABEL_END.search(text) is not None


def _value(segment: str, kind: str) -> str:
    """A label's value: up to a bar, another (unknown) label, a widget bracket or word, or — for
    anything but a date — a date."""
    labelled = ":" in segment or "：" in segment
    cuts = [m.start() for m in (_BAR.search(segment), _ANY_LABEL.search(segment) if labelled else None,
                                _WIDGET_OPEN.search(segment)) if m]
    if kind != "date":
        date = DATE_SPAN.search(segment)
        if date and date.start() > 0:
            cuts.append(date.start())
    if cuts:
        segment = segment[: min(cuts)]
    words = squash(segment).split(" ")
    for i, word in enumerate(words):
        if i and is_widget_word(word.strip(_VALUE_TRIM)):
            words = words[:i]
            break
    return trim_value(" ".join(words))


def plain_line(text: str) -> Line:
    """A plain line of text as a displayed line of one run (no link structure)."""
    return Line(text, (Run(0, text, None, False, False),), 0, 1)


def read_text_pairs(text: str) -> list[Pair]:
    """The pairs of a plain line of text."""
    return read_pairs(plain_line(text))


def looks_like_person(value: str) -> bool:
    """A bare personal name (2–3 Han characters starting with a common surname)."""
    return 2 <= len(value) <= 3 and value[0] in rules.article.SURNAMES and all("\u4e00" <= c <= "\u9fff" for c in value)


def usable(value: str | None, limit: int) -> bool:
    return (
        bool(value)
        and fold(value) not in rules.article.EMPTY_VALUES
        and len(value) <= limit
        and not is_widget_word(value)
    )


def icon_kind(el: etree._Element | None) -> str | None:
    """What an empty icon-font element labels ("views", "date", "author", or "" for an icon of something
    else: a column, comments); None when the element is not an icon."""
    if el is None or el.tag not in rules.article.ICON_TAGS or len(el) or (el.text or "").strip():
        return None
    cls = el.get("class")
    return _icon_kind(cls) if cls else None


@lru_cache(maxsize=1024)
def _icon_kind(cls: str) -> str | None:
    toks = tokens_of(cls, "")
    if toks.isdisjoint(rules.article.ICON_MARKERS):
        return None
    return next((kind for kind, words in rules.article.ICON_KINDS.items() if not words.isdisjoint(toks)), "")


def icon_values(runs: Iterable[Run]) -> Iterator[tuple[str, str]]:
    """(kind, text) of the texts printed right after an icon (the icon's tail)."""
    for run in runs:
        if run.is_tail:
            kind = icon_kind(run.element)
            if kind is not None and run.text.strip():
                yield kind, squash(run.text)


def unlabelled_source(line: Line) -> str | None:
    """The token printed right after the date on an unlabelled info line (a link's text when linked);
    not the text an icon labels (a person icon's name)."""
    raw = "".join(run.text for run in line.runs)
    span = DATE_SPAN.search(raw)
    if not span or LABEL.search(raw):
        return None
    position = 0
    for run in line.runs:
        if position >= span.end() and run.text.strip():
            if run.is_tail and icon_kind(run.element) is not None:
                return None
            break
        position += len(run.text)
    link = _link_value(line, span.end())
    if link is None:
        rest = raw[span.end():].strip(" \u00a0\u3000·|丨｜│")
        rest = rest.split()[0] if rest.split() else ""
        rest = rest.strip(_VALUE_TRIM.replace("【", "").replace("】", ""))
    else:
        rest = link
    if not usable(rest, rules.article.SOURCE_MAX) or _URL.match(rest) or rest.isdigit() or find_datetime(rest):
        return None
    if fold(rest) in _KIND or LABEL.match(rest + "："):
        return None  # a label whose colon the trim took off, not a value
    return rest


def text_line_date(text: str) -> str | None:
    """``line_date`` of a plain line of text."""
    return line_date(plain_line(text))


def line_date(line: Line, pairs: list[Pair] | None = None) -> str | None:
    """The date shown on an info line: a labelled one, else an unlabelled date that is (nearly) all
    the line holds before its first label (新华网 ( 2012-06-04 09:20 ) 来源：…), else an unlabelled
    date printed after a value (来源：宣教中心　2022-11-14 14:59:48 【字体：…】). ``pairs``: the line's
    ``read_pairs``, when the caller has read them already."""
    if pairs is None:
        pairs = read_pairs(line)
    for pair in pairs:
        if pair.kind == "date" and pair.value:
            found = find_datetime(pair.value)
            if found:
                return found
    text = line.text
    label = LABEL.search(text)
    head = text[: label.start()] if label else text
    span = DATE_SPAN.search(head)
    if span and is_info_line(head) and not _label_ends(head[: span.start()]):
        return find_datetime(head)
    if span is None and label is None:
        return minguo_line_date(text)  # a line that is only a Republic of China date (112-05-03)
    if label is None or not is_info_line(text):
        return None
    for match in LABEL.finditer(text):
        kind = _KIND[match["label"]]
        if kind == "date":
            continue
        span = DATE_SPAN.search(text, match.end())
        if span is None:
            return None
        between = text[match.end(): span.start()]
        if between.strip(_VALUE_TRIM) and not LABEL.search(between) and not _label_ends(between):
            return find_datetime(span.group())
    return None


def stamp_date(paragraphs: list[str]) -> str | None:
    """The date (and time) of a press release's closing stamp, its last lines: an end marker (完), a line
    that is only the date (a weekday in brackets may follow), and the time (香港時間16時30分) if printed."""
    tail = [fold(line).strip() for line in paragraphs[-3:]]
    for i, line in enumerate(tail[:-1]):
        if line not in rules.article.STAMP_END_MARKERS:
            continue
        date_line = tail[i + 1]
        span = DATE_SPAN.match(date_line)
        rest = date_line[span.end():].strip() if span else ""
        if span is None or (rest and not rules.article.STAMP_DATE_REST.match(rest)):
            return None
        found = find_datetime(span.group(), with_time=False)
        time = rules.article.STAMP_TIME.match(tail[i + 2]) if i + 2 < len(tail) else None
        if found and time and int(time.group(1)) < 24 and int(time.group(2)) < 60:
            found += f"T{int(time.group(1)):02d}:{int(time.group(2)):02d}"
        return found
    return None
