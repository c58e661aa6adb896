"""Find the element that holds the article body: text density plus government-CMS conventions.

Every run of displayed text (an element's own text and its children's tails) credits the block
that lays it out as a paragraph's container: the parent of a ``<p>``/``<li>``/leaf ``<div>``, the
cell or div itself for text split by ``<br>``. The container gets the run's weight, the block
above it half (readability's trick, so that a wrapper of several paragraph groups can win).
Link-heavy blocks are discounted; a block named like a known body container gets a bonus.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import compress

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.html.classes import names_of, token_has_word, tokens, tokens_of
from govmeta.parsers.html.page_index import PageIndex
from govmeta.parsers.html.tree import nearest_passing

FOOTER_WORDS = tuple(fold(w) for w in rules.words.FOOTER_MARKERS + rules.article.FOOTER_CONTACT_WORDS)


def is_data_table(table: etree._Element, index: PageIndex, cache: dict) -> bool:
    """A grid of values (two or more rows with two or more filled cells) rather than page layout."""
    known = cache.get(table)
    if known is not None:
        return known
    rows = 0
    data = True
    for row in table.iter("tr"):
        filled = 0
        for cell in row:
            if cell.tag in ("td", "th"):
                n = index.total(cell)
                if n > rules.article.LAYOUT_CELL_CHARS:
                    data = False
                    break
                if n:
                    filled += 1
        if not data:
            break
        if filled >= 2:
            rows += 1
    data = data and rows >= 2
    cache[table] = data
    return data


def _table_of(el: etree._Element) -> etree._Element | None:
    while el is not None and el.tag != "table":
        el = el.getparent()
    return el


def _lift(el: etree._Element, index: PageIndex, cache: dict) -> etree._Element | None:
    """Move a credit out of data tables (a table's rows are paragraphs of the block holding it)."""
    while el is not None and el.tag in rules.article.TABLE_PARTS:
        table = el if el.tag == "table" else _table_of(el)
        if table is None or not is_data_table(table, index, cache):
            break
        el = index.parent_block(table)
    return el


def _is_paragraph(block: etree._Element, index: PageIndex) -> bool:
    """A block that lays out one paragraph (its parent is the container)."""
    tag = block.tag
    if tag in rules.article.PARAGRAPH_TAGS:
        return True
    if tag in ("div", "span", "font", "section") and block not in index.has_blocks:
        # A leaf div split by <br> into several lines is itself a container of lines.
        return sum(1 for child in block if child.tag == "br") < 2
    return False


def container_scores(index: PageIndex) -> dict[etree._Element, float]:
    """Each candidate block's raw paragraph score."""
    scores: dict[etree._Element, float] = defaultdict(float)
    cache: dict = {}
    own, own_punct, blocks = index.own_at, index.own_punct_at, index.block_at
    short_run = rules.article.SHORT_RUN
    # Where a run's weight goes depends only on its block (the container it credits, and the blocks that
    # credit lifted out of data tables), and past the container only on the container: each worked out
    # once (the paragraphs of one box share their container).
    credited: dict[etree._Element, tuple] = {}
    lifts: dict[etree._Element, tuple] = {}
    for i in compress(range(len(own)), own):  # (the elements holding text of their own, picked in C)
        n = own[i]
        weight = n + 3 * own_punct[i]
        block = blocks[i]
        known = credited.get(block)
        if known is None:
            known = credited[block] = _credit(block, index, lifts, cache)
        target, lifted, upper = known
        if lifted is None:
            continue
        if n < short_run and lifted is target:
            # A short run is a label or a menu entry more than prose (but a data cell is data).
            weight *= 0.3
        scores[lifted] += weight
        if upper is not None:
            scores[upper] += weight / 2
    return scores


def _credit(block: etree._Element, index: PageIndex, lifts: dict, cache: dict) -> tuple:
    """The container a block's text credits, the block credited (out of data tables) and the one above it
    credited with half (``lifts``: these two per container, memo)."""
    target = index.parent_block(block) if _is_paragraph(block, index) else block
    known = lifts.get(target)
    if known is not None:
        return known
    body_level = target is None or target.tag in ("body", "html")
    if body_level:
        target = block  # a paragraph straight in the body is its own container (not kept in ``lifts``)
    lifted = _lift(target, index, cache)
    upper = _lift(index.parent_block(lifted), index, cache) if lifted is not None else None
    if not body_level:
        lifts[target] = (target, lifted, upper)
    return target, lifted, upper


def footer_like(el: etree._Element, index: PageIndex) -> bool:
    """A short block that says it is the site's footer (版权所有, ICP备 …)."""
    if index.total(el) >= rules.article.FOOTER_MAX_CHARS:
        return False
    memo = index.memo.setdefault("footer_like", {})
    known = memo.get(el)
    if known is None:
        text = fold(index.raw_text(el))
        known = memo[el] = any(marker in text for marker in FOOTER_WORDS)
    return known


def only_footer_lines(el: etree._Element, index: PageIndex) -> bool:
    """Every displayed line of a footer-like block names the site's footer (版权所有 …, 主办单位 …, ICP备 …):
    nothing in it is an article's, however short."""
    lines = index.lines(index.first_run[el], index.end_run[el], limit=rules.article.FOOTER_MAX_LINES + 1)
    return 0 < len(lines) <= rules.article.FOOTER_MAX_LINES and all(
        any(marker in fold(line.text) for marker in FOOTER_WORDS) for line in lines
    )


def _base_scores(index: PageIndex, scores: dict[etree._Element, float]) -> list[tuple[float, etree._Element]]:
    """Each candidate's score before its position is weighed: link density, body and furniture
    names (memoised: the body is looked for twice per page)."""
    memo = index.memo.get("container_base")
    if memo is not None and memo[0] is scores:
        return memo[1]
    out = []
    first_run, text, links = index.first_run, index.text, index.links
    for el, raw in scores.items():
        if el.tag in ("body", "html") or el not in first_run:
            continue
        total = text.get(el, 0) + links.get(el, 0)
        density = links.get(el, 0) / total if total else 0.0
        score = raw * (1 - density) ** 2
        cls, ident = el.get("class"), el.get("id")
        if cls or ident:
            body_named, furniture = _names_say(cls or "", ident or "")
            if body_named:
                score *= rules.article.CONTAINER_BONUS
            if furniture:
                score *= 0.2
        out.append((score, el))
    index.memo["container_base"] = (scores, out)
    return out


@lru_cache(maxsize=4096)
def _names_say(cls: str, ident: str) -> tuple[bool, bool]:
    """Whether a class value and id name an article body, and whether they name page furniture."""
    names, toks = names_of(cls, ident), tokens_of(cls, ident)
    body_named = bool(names & rules.article.CONTAINER_EXACT) or token_has_word(toks, rules.article.CONTAINER_WORDS)
    return body_named, not rules.article.FURNITURE.isdisjoint(toks)


def rank_containers(
    index: PageIndex, scores: dict[etree._Element, float], after: int | None = None
) -> list[tuple[float, etree._Element]]:
    """Candidates best first. ``after`` (a run position: the headline's end) favours the prose
    that follows the headline closely and disfavours what precedes it."""
    ranked = []
    first_run, end_run = index.first_run, index.end_run
    if after is not None:
        ranks = index.line_ranks()
        after_rank = ranks[min(max(after, 0), len(ranks) - 1)]
    for score, el in _base_scores(index, scores):
        if after is not None:
            start, end = first_run[el], end_run[el]
            if end <= after:
                score *= 0.1
            elif start >= after:
                gap = ranks[start] - after_rank  # (an element's first run is at most the runs' count)
                score *= 1 / (1 + gap / 25)
        ranked.append((score, el))
    ranked.sort(key=lambda pair: -pair[0])
    # A box inside the page's <footer> (or one named footer/foot/copyright) is not the article, words or not.
    checks = rules.article.FOOTER_CHECKS
    ranked[:checks] = [
        (score * 0.1 if in_footer_box(el, index) is not None else score, el) for score, el in ranked[:checks]
    ]
    # The page footer (版权所有, ICP备 …) is never the article, however dense.
    top = []
    for score, el in ranked[:rules.article.FOOTER_CHECKS]:
        if footer_like(el, index):
            score = 0.0 if only_footer_lines(el, index) else score * 0.1
        top.append((score, el))
    top.sort(key=lambda pair: -pair[0])
    return top + ranked[rules.article.FOOTER_CHECKS:]


def in_footer_box(el: etree._Element, index: PageIndex) -> etree._Element | None:
    """The <footer>, or box named as the footer (footer, foot, copyright), that is or holds the element
    (memoised for every element passed on the way up: the body is looked for twice per page and the lines
    under it ask too, their boxes sharing ancestors)."""
    return nearest_passing(el, _footer_named, index.memo.setdefault("footer_box", {}), index.body)


def _footer_named(el: etree._Element) -> bool:
    return el.tag == "footer" or bool(el.attrib and not rules.article.PAGE_FOOTER_TOKENS.isdisjoint(tokens(el)))


def find_container(
    index: PageIndex, scores: dict[etree._Element, float] | None = None, after: int | None = None
) -> etree._Element | None:
    """The best candidate (None when the page has no prose)."""
    ranked = rank_containers(index, scores if scores is not None else container_scores(index), after)
    return ranked[0][1] if ranked and ranked[0][0] > 0 else None
