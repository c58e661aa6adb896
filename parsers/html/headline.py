"""The displayed headline, with the 引题 (kicker) above it and the 副题 (subtitle) below it.

Candidates are short elements before (or at the top of) the body. Each is scored on how well
its text matches the page's own statements of the title (meta ArticleTitle, the ``<title>`` and
its parts once the site name is split off, the breadcrumb's last item) and on its form (h1/h2,
a class or id naming a title, bold and centred). A headline split over lines is joined.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.html.breadcrumb import plain_trail_items
from govmeta.parsers.html.classes import token_has_word, tokens, tokens_of
from govmeta.parsers.html.info import DATE_SPAN, LABEL, is_info_line
from govmeta.parsers.html.page_index import Line, PageIndex, Run
from govmeta.parsers.html.paragraphs import is_widget_line
from govmeta.parsers.html.tree import first_descendant
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.spaces import squash
from govmeta.parsers.wording import is_site_name

# Full-width ASCII (ＡＢＣ１２３，（）：) folded to ASCII: the part of NFKC that matters here, at a
# fraction of its cost.
_FULL_WIDTH = lazy_compile("[\uff01-\uff5e]")
_HALF_WIDTH = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}


def key(text: str | None) -> str:
    """Comparison form: full-width ASCII folded, all whitespace removed.

    (str.translate looks every character up in a Python table; replacing just the few distinct
    full-width characters a text holds is several times faster.)"""
    if not text:
        return ""
    for char in set(_FULL_WIDTH.findall(text)):
        text = text.replace(char, _HALF_WIDTH[char])
    return "".join(text.split())


def join_lines(lines: list[str]) -> str:
    """Lines of one headline joined as displayed: no separator between CJK, a space between words."""
    out = ""
    for line in lines:
        if out and line and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out


@dataclass
class Headline:
    title: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    element: etree._Element | None = None  # the headline unit (its highest single-text wrapper)
    end_run: int = 0  # first run after the title block (headline and subtitle)
    start_run: int = 0  # first run of the title block (kicker or headline)
    skip: set[etree._Element] = field(default_factory=set)  # elements the body must leave out


def references(root: etree._Element, metas: dict[str, str]) -> list[tuple[str, float]]:
    """The page's own statements of its title, as comparison keys with a trust weight: meta
    ArticleTitle, the <title> and its first part fully, its other parts (usually site and
    column names) less; a part that reads as a site name is not a statement of the title."""
    refs: list[tuple[str, float]] = []
    article_title = metas.get("ArticleTitle")
    if article_title:
        refs.append((key(article_title), 1.0))
    for part, weight in _title_parts(root):
        if not is_site_name(part) or part == key(article_title):
            refs.append((part, weight))
    return [(r, w) for r, w in refs if r]


def site_names(root: etree._Element, metas: dict[str, str]) -> set[str]:
    """Texts that name the site or the column, never the headline (comparison keys)."""
    names = {key(metas.get(name)) for name in ("SiteName", "ColumnName")}
    article_title = key(metas.get("ArticleTitle"))
    names.update(part for part, _ in _title_parts(root) if is_site_name(part) and part != article_title)
    names.discard("")
    return names


def _title_parts(root: etree._Element) -> tuple[tuple[str, float], ...]:
    """The <title> whole, then split on its separators (first part fully trusted, others less)."""
    title_el = first_descendant(root, "title")
    if title_el is None or not title_el.text:
        return ()
    return _parts_of(title_el.text)


@lru_cache(maxsize=64)
def _parts_of(title: str) -> tuple[tuple[str, float], ...]:
    """``_title_parts`` of a title's text (cached: the references and the site names both read it)."""
    full = squash(title)
    out = [(key(full), 1.0)]
    parts = [
        key(part) for part in rules.article.TITLE_SEPARATORS.split(full) if len(key(part)) >= rules.article.TITLE_MIN
    ]
    for i, part in enumerate(parts):
        if part != out[0][0]:
            out.append((part, 1.0 if i == 0 else rules.headline.OTHER_PART_WEIGHT))
    return tuple(out)


def crumb_reference(crumbs: list[str]) -> tuple[str, float] | None:
    """The trail's last entry, when it names the page rather than a generic 正文."""
    if (
        len(crumbs) < 2
        or fold(crumbs[-1]) in rules.headline.GENERIC_CRUMBS
        or len(key(crumbs[-1])) < rules.article.TITLE_MIN
    ):
        return None
    return key(crumbs[-1]), 0.8


def matches_reference(title: str, refs: list[tuple[str, float]]) -> bool:
    """The page states the title elsewhere too (its <title>, a meta, the trail's end)."""
    return _match(key(title), refs) >= rules.headline.REFERENCE_MATCH


def _match(text_key: str, refs: list[tuple[str, float]]) -> float:
    best = 0.0
    for ref, weight in refs:
        if text_key == ref:
            score = 1.0
        elif len(text_key) >= rules.article.TITLE_MIN and text_key in ref:
            score = len(text_key) / len(ref)
        elif len(ref) >= rules.article.TITLE_MIN and ref in text_key:
            score = 0.9 * len(ref) / len(text_key)
        else:
            continue
        best = max(best, score * weight)
    return best


def _title_named(toks: frozenset[str]) -> bool:
    return bool(toks & rules.article.TITLE_EXACT) or token_has_word(toks, rules.article.TITLE_SUBSTRINGS)


@lru_cache(maxsize=4096)
def _named_as_title(cls: str, ident: str) -> bool:
    """A class value and id naming a headline (cached by value: pages repeat their class names)."""
    return _title_named(tokens_of(cls, ident))


_HOME_KEYS = tuple(rules.article.HOME_WORDS)
_HOME_KEY_MAX = max(map(len, _HOME_KEYS))
# The most _form can give: the h1 weight, a title name, emphasis and centring.
_FORM_MAX = max(rules.headline.HEADING_WEIGHT.values()) + 2.0 + 0.5 + 0.5
# The most a candidate can score besides its reference match: its form and an info line under it.
_BONUS_MAX = _FORM_MAX + rules.headline.INFO_BELOW


def _form(el: etree._Element, index: PageIndex) -> float:
    """How much the element looks like a headline, whatever its text."""
    score = rules.headline.HEADING_WEIGHT.get(el.tag, 0.0)
    toks = tokens(el)
    if toks:
        if toks & rules.article.NOT_TITLE_TOKENS:
            score -= 1.5
        elif _title_named(toks):
            score += 2.0
    if el.tag in rules.headline.EMPHASIS_TAGS or next(el.iterchildren("b", "strong"), None) is not None:
        score += 0.5
    if _centred(el, index):
        score += 0.5
    # Furniture around: a link, a list entry, a bar or a side column is not the headline.
    if el in index.in_link or (next(el.iterdescendants("a"), None) is not None and index.link_density(el) > 0.5):
        score -= 3.0
    for depth, anc in enumerate(el.iterancestors()):
        if depth >= rules.headline.FURNITURE_DEPTH:
            break
        if anc.tag in ("li", "ul", "ol", "a"):
            score -= 2.0
            break
        if anc.attrib and tokens(anc) & rules.article.NOT_TITLE_TOKENS:
            score -= 1.5
            break
    return score


def _centred(el: etree._Element, index: PageIndex) -> bool:
    """The element, or an ancestor up to its block box, is centred (align=center, text-align:center)."""
    block = index.block(el)
    if block is None:
        block = el
    anc: etree._Element | None = el
    for _ in range(6):
        if anc is None:
            return False
        if (anc.get("align") or "").lower() == "center" or anc.tag == "center" or "center" in (anc.get("style") or ""):
            return True
        if anc is block:
            return False
        anc = anc.getparent()
    return False


def _unit(el: etree._Element, index: PageIndex) -> etree._Element:
    """The highest ancestor that wraps only this text (td -> tr, span -> p)."""
    total = index.total(el)
    unit = el
    for anc in el.iterancestors():
        if anc is index.body or index.total(anc) != total or anc.tag in ("table", "body"):
            break
        unit = anc
    return unit


def _candidates(index: PageIndex) -> list[tuple[etree._Element, int, int, bool]]:
    """Short elements that could be the headline, with the span of runs holding their text and whether
    they are named as headings (memoised: the headline is looked for up to three times per page). Their
    text keys are worked out by ``_candidate_key`` only for the candidates a reference could match."""
    cached = index.memo.get("headline_candidates")
    if cached is not None:
        return cached
    out = []
    own, in_link, order, blocks = index.own_at, index.in_link, index.order, index.block_at
    first_run, end_run = index.first_run, index.end_run
    low, high = rules.article.TITLE_MIN, rules.article.TITLE_MAX
    limit = high * 1.5
    headings = rules.headline.HEADING_WEIGHT
    text, links = index.text, index.links
    for el in index.short:
        # (An element's text key is as long as its displayed characters: text + links.)
        if not low <= text[el] + links[el] <= high:
            continue
        if el.tag in headings:
            named = True
        else:
            cls, ident = el.get("class"), el.get("id")
            named = bool(cls or ident) and _named_as_title(cls or "", ident or "")
        # Wrappers are seen through the element holding the text; links only when named; an
        # inline element only when its block is short too (not a phrase inside a paragraph).
        if not named:
            i = order[el]
            block = blocks[i]
            if not own[i] or el in in_link or text[block] + links[block] > limit:
                continue
        out.append((el, first_run[el], end_run[el], named))
    index.memo["headline_candidates"] = out
    return out


def _candidate_key(index: PageIndex, start: int, end: int) -> str | None:
    """The text key of a candidate's runs (memoised by span: nested wrappers of one text share its runs)."""
    keys: dict[tuple[int, int], str | None] = index.memo.setdefault("headline_keys", {})
    bounds = (start, end)
    text_key = keys.get(bounds, "")
    if text_key == "":
        text_key = keys[bounds] = _span_key(index.runs, start, end)
    return text_key


def _may_match(refs: list[tuple[str, float]]) -> Callable[[str], bool]:
    """A cheap test that a one-run text's key can match a reference (False: ``_match`` gives 0): a key
    inside a reference starts and ends with characters of it, a key holding a reference holds its first
    and last characters. Full-width forms of a reference's ASCII characters count (``key`` folds them)."""
    chars = {char for ref, _ in refs for char in ref}
    ends = frozenset(chars | {_FULL_FORM[c] for c in chars if c in _FULL_FORM})
    held = [(_forms(ref[0]), _forms(ref[-1])) for ref, _ in refs if len(ref) >= rules.article.TITLE_MIN]
    firsts = tuple({c for first, _ in held for c in first})

    def may_match(text: str) -> bool:
        stripped = text.strip()
        if stripped[:1] in ends and stripped[-1:] in ends:
            return True
        for char in firsts:
            if char in text:
                break
        else:
            return False
        return any(any(c in text for c in first) and any(c in text for c in last) for first, last in held)

    return may_match


_FULL_FORM = {half: full for full, half in _HALF_WIDTH.items()}


def _forms(char: str) -> tuple[str, ...]:
    """A key's character and the page characters ``key`` turns into it."""
    return (char, _FULL_FORM[char]) if char in _FULL_FORM else (char,)


def _span_key(runs: list[Run], start: int, end: int) -> str | None:
    """The text key of ``runs[start:end]``; None when they fall on more than four lines."""
    if end - start == 1:
        return key(runs[start].text)
    span = runs[start:end]
    # (Stored runs are never whitespace only: each holds some displayed text; line numbers only grow.)
    if span[-1].line - span[0].line > 3 and len({run.line for run in span}) > 4:
        return None
    return key("".join(run.text for run in span))


def find_headline(
    index: PageIndex,
    refs: list[tuple[str, float]],
    container: etree._Element | None,
    avoid: set[str],
) -> tuple[etree._Element | None, list[Line]]:
    """The headline element and its lines (None when no candidate is convincing)."""
    c_order = index.order.get(container, len(index.elements)) if container is not None else len(index.elements)
    c_first = index.first_run.get(container, len(index.runs)) if container is not None else len(index.runs)
    best, best_score = None, rules.headline.MIN_SCORE
    forms: dict[etree._Element, float] = index.memo.setdefault("headline_forms", {})
    matches: dict[str, float] = {}  # by text key (a page repeats its short lines)
    may_match = _may_match(refs)
    runs = index.runs
    for el, start, end, named in _candidates(index):
        if not named and end - start == 1 and not may_match(runs[start].text):
            continue  # no reference match, no heading's name: never the headline
        text_key = _candidate_key(index, start, end)
        if text_key is None or text_key in avoid:
            continue
        if fold(text_key[:_HOME_KEY_MAX]).startswith(_HOME_KEYS) and plain_trail_items(index.raw_text(el)) is not None:
            continue  # a trail printed as plain text (首页 - 新闻动态), not a headline
        match = matches.get(text_key)
        if match is None:
            match = matches[text_key] = _match(text_key, refs)
        if match < rules.headline.REFERENCE_MATCH and not named:
            continue
        order = index.order[el]
        if order < c_order:
            position = 1.5
        elif container is not None and inside(el, container):
            # At the very top of the body (a headline printed as its first line) or not at all.
            position = 0.5 if _near_top(index, c_first, index.first_run[el]) else -3.0
        else:
            position = -3.0
        if rules.headline.MATCH_WEIGHT * match + _BONUS_MAX + position < best_score:
            continue  # not even the best form would reach the best so far
        form = forms.get(el)
        if form is None:
            form = forms[el] = _form(el, index)
        if match < rules.headline.REFERENCE_MATCH and form < 2.0:
            continue
        score = rules.headline.MATCH_WEIGHT * match + form + position
        if _info_below(el, index):
            score += rules.headline.INFO_BELOW
        if score > best_score or (score == best_score and best is not None and inside(best, el)):
            best, best_score = el, score
    if best is None:
        return _emphasised_before(index, container, avoid) if container is not None else (None, [])
    return best, index.element_lines(best)


def _near_top(index: PageIndex, top: int, position: int) -> bool:
    """At most TOP_LINES displayed lines start between run ``top`` and run ``position``
    (``line_rank(position) - line_rank(top)``, counted only as far as the answer needs: the ranks of a
    whole long page are built only when something else asked for them)."""
    if "line_rank" in index.memo:
        return index.line_rank(position) - index.line_rank(top) <= rules.headline.TOP_LINES
    runs = index.runs
    top, position = min(max(top, 0), len(runs)), min(max(position, 0), len(runs))
    last = next((runs[i].line for i in range(top - 1, -1, -1) if not runs[i].text.isspace()), -1)
    count = 0
    for i in range(top, position):
        run = runs[i]
        if run.line != last and not run.text.isspace():
            count += 1
            if count > rules.headline.TOP_LINES:
                return False
            last = run.line
    return True


def _info_below(el: etree._Element, index: PageIndex) -> bool:
    """The line right under the element is a labelled info line (来源：… 作者：… 时间：…)."""
    lines = index.lines(index.end_run[el], index.end_run[el] + 40, 1)
    return bool(lines) and LABEL.search(lines[0].text) is not None and is_info_line(lines[0].text)


def first_prose(index: PageIndex, start: int, end: int) -> int:
    """The run position of the first line of running prose (a sentence, not an info line)."""
    for line in index.lines(start, min(end, start + 300), rules.headline.PROSE_SEARCH_LINES):
        if len(line.text) >= rules.headline.PROSE_LINE and not is_info_line(line.text):
            return line.start
    return start


def _emphasised_before(
    index: PageIndex, container: etree._Element, avoid: set[str]
) -> tuple[etree._Element | None, list[Line]]:
    """Fallback when nothing matches the page's title statements: the nearest bold or centred
    line (or heading) above the body's first sentence."""
    c_first = index.first_run[container]
    prose = first_prose(index, c_first, index.end_run[container])
    for line in reversed(index.lines(max(0, c_first - 60), prose)[-rules.headline.FALLBACK_LINES:]):
        if is_info_line(line.text) or any(run.linked for run in line.runs) or plain_trail_items(line.text) is not None:
            continue  # an info line, a link, a trail printed as plain text (首页 - 新闻动态)
        first = line.runs[0]
        el = first.element.getparent() if first.is_tail else first.element
        text_key = key(line.text)
        if (
            el is None
            or el not in index.order
            or not rules.article.TITLE_MIN <= len(text_key) <= rules.article.TITLE_MAX
            or text_key in avoid
        ):
            continue
        if index.total(el) == len(text_key) and (
            _form(el, index) >= 1.0 or (el.tag in rules.headline.HEADING_WEIGHT and _info_below(el, index))
        ):  # emphasised, or a heading of any level with the info line right under it
            return el, index.element_lines(el)
    return None, []


def inside(el: etree._Element, ancestor: etree._Element) -> bool:
    """``el`` lies inside ``ancestor``."""
    return any(anc is ancestor for anc in el.iterancestors())


def read_headline(
    index: PageIndex,
    refs: list[tuple[str, float]],
    container: etree._Element | None,
    avoid: set[str],
) -> Headline:
    """Headline, kicker and subtitle, with the positions of the title block."""
    el, lines = find_headline(index, refs, container, avoid)
    if el is None:
        return Headline()
    unit = _unit(el, index)
    own_end = _own_text_end(el, index)
    if own_end is not None:
        lines = index.lines(index.first_run[el], own_end)
    stack = _stacked(unit, index, refs) if own_end is None else [unit]
    if len(stack) > 1:
        lines = [line for part in stack for line in index.element_lines(part)]
    result = Headline(title=join_lines([line.text for line in lines]), element=stack[0])
    result.skip.update(stack)
    result.start_run = index.first_run[stack[0]]
    # The info line printed inside the heading (its date, source, font-size control) follows the title.
    result.end_run = own_end if own_end is not None else index.end_run[stack[-1]]
    kicker_unit, subtitle_unit = stack[0], stack[-1]
    kicker = _side(kicker_unit, index, container, True, avoid)
    if kicker is not None:
        result.kicker = index.element_string(kicker)
        result.skip.add(kicker)
        result.start_run = index.first_run[kicker]
    subtitle = _side(subtitle_unit, index, container, False, avoid)
    if subtitle is not None:
        result.subtitle = index.element_string(subtitle)
        result.skip.add(subtitle)
        result.end_run = index.end_run[subtitle]
    else:
        line = _next_line(subtitle_unit, index)
        if line is not None and _is_subtitle_text(line.text):
            result.subtitle = line.text
            result.end_run = line.end
    return result


def _stacked(unit: etree._Element, index: PageIndex, refs: list[tuple[str, float]]) -> list[etree._Element]:
    """The headline with the sibling lines it was broken into (four centred <div>s of one title): the
    neighbours of the same tag that, joined with it, still read as part of a stated title (meta
    ArticleTitle, <title>)."""
    stack = [unit]
    if not refs:
        return stack

    def within(parts: list[etree._Element]) -> bool:
        joined = key("".join(index.element_string(part) for part in parts))
        return any(joined in ref for ref, _ in refs)

    if not within(stack):
        return stack
    for before in (True, False):
        for sib in unit.itersiblings(preceding=before):
            if not isinstance(sib.tag, str) or sib.tag != unit.tag or not index.total(sib):
                break
            if index.total(sib) > rules.article.TITLE_MAX:
                break
            trial = [sib, *stack] if before else [*stack, sib]
            if not within(trial):
                break
            stack = trial
    return stack


def _own_text_end(el: etree._Element, index: PageIndex) -> int | None:
    """Where the heading's own text ends when an info line or widgets are nested in it after the
    title (<h2>标题<small>2023-08-19<span>来源：…</span></small><div class="zihao">字号：大 中 小</div></h2>):
    the run position of the first such element; None when the heading holds only its title."""
    first = index.first_run[el]
    for child in el.iterdescendants():
        if not isinstance(child.tag, str) or child in index.in_link or child not in index.first_run:
            continue
        start = index.first_run[child]
        if start == first or start == index.end_run[child]:
            continue  # the title's own wrapper, or an empty element
        rest = index.lines(start, index.end_run[el])
        if rest and all(is_info_line(line.text) or is_widget_line(line.text) for line in rest):
            return start
        return None
    return None


def not_a_side_line(text: str) -> bool:
    """A line by the headline that is neither 引题 nor 副题: a 文号 (岚综管规〔2026〕1号), a date, or an
    empty value (无, —)."""
    folded = fold(key(text))
    if folded[:1] in "(【[" and folded[-1:] in ")】]":
        folded = folded[1:-1]
    if folded in rules.article.EMPTY_VALUES:
        return True
    end = folded.rstrip()[-1:]  # a 文号 line ends with its number, or 号
    if end and (end == "号" or end.isdigit()) and rules.article.DOC_NUMBER_LINE.match(folded):
        return True
    span = DATE_SPAN.search(folded)
    return bool(span) and len(folded) - len(span.group()) <= rules.headline.DATE_LINE_REST


def _is_subtitle_text(text: str) -> bool:
    """A dash-led line (——副题) or a bracketed note printed under a title (题注)."""
    if not text or len(text) > rules.headline.SIDE_LINE_MAX or is_info_line(text) or not_a_side_line(text):
        return False
    return text.startswith(rules.article.SUBTITLE_LEAD) or (text[0] in "（(" and text[-1] in "）)")


def _side(
    unit: etree._Element, index: PageIndex, container, before: bool, avoid: set[str]
) -> etree._Element | None:
    """The first non-empty sibling box above (kicker) or below (subtitle) the headline unit.

    Inside the body's box a plain heading next to the headline is the body's first heading, so
    there only a box named as kicker/subtitle or shaped like one (——…, （…）) counts."""
    in_body = container is not None and inside(unit, container)
    for sib in unit.itersiblings(preceding=before):
        if not isinstance(sib.tag, str) or sib in index.excluded or not index.total(sib):
            continue
        if container is not None and (sib is container or inside(container, sib)):
            return None
        if index.total(sib) > rules.headline.SIDE_LINE_MAX:
            return None  # its displayed text is longer still
        text = index.element_string(sib)
        if not text or len(text) > rules.headline.SIDE_LINE_MAX or is_info_line(text) or index.link_density(sib) > 0.3:
            return None
        if not_a_side_line(text):
            return None
        if (before and (len(key(text)) < rules.headline.KICKER_MIN or text[0] in rules.headline.BULLETS)) or key(
            text
        ) in avoid:
            return None
        if not in_body and (sib.tag in rules.article.HEADING_TAGS or (sib.tag == "tr" and unit.tag == "tr")):
            return sib
        toks = tokens(sib)
        named = toks & (rules.headline.KICKER_TOKENS if before else rules.headline.SUBTITLE_TOKENS) or token_has_word(
            toks, rules.headline.SIDE_WORDS
        )
        if toks and named and not toks & rules.article.NOT_TITLE_TOKENS - {"sub", "subtitle"}:
            return sib
        if not before and sib.tag in ("div", "p", *rules.article.HEADING_TAGS) and _is_subtitle_text(text):
            return sib
        return None
    return None


def _next_line(unit: etree._Element, index: PageIndex) -> Line | None:
    """The displayed line right after the headline when it is in the same block (a <br>-split title block)."""
    start = index.end_run[unit]
    parent = unit.getparent()
    end = index.end_run.get(parent, start)
    lines = index.lines(start, end, 1)
    return lines[0] if lines else None
