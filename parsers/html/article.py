"""The article: breadcrumb, headline (kicker, subtitle), info line, paragraphs and attachments.

One walk indexes the page (pageindex). The body container is found by text density
(container), the headline by matching the page's own statements of its title (headline); the
body is then re-chosen as the prose that follows the headline. The info line is read around the
headline and from the credit lines under the body (infoline); the trail is read above the body
(breadcrumb); paragraphs are serialised from the container (paragraphs).
"""

from __future__ import annotations

from lxml import etree

from govmeta.parsers import rules
from govmeta.parsers.dates import find_datetime
from govmeta.parsers.hanzi import fold
from govmeta.parsers.html.attachments import is_attachment_link, read_attachments
from govmeta.parsers.html.breadcrumb import ends_in_link, read_breadcrumb
from govmeta.parsers.html.classes import names_of, tokens
from govmeta.parsers.html.container import container_scores, find_container, footer_like, in_footer_box
from govmeta.parsers.html.headline import (
    Headline,
    crumb_reference,
    first_prose,
    inside,
    key,
    matches_reference,
    not_a_side_line,
    read_headline,
    references,
    site_names,
)
from govmeta.parsers.html.info import (
    DATE_SPAN,
    LABEL,
    Pair,
    icon_values,
    is_info_line,
    line_date,
    looks_like_person,
    read_pairs,
    read_text_pairs,
    stamp_date,
    text_line_date,
    unlabelled_source,
    usable,
)
from govmeta.parsers.html.lines import lines_between
from govmeta.parsers.html.page_index import Line, PageIndex, index_page
from govmeta.parsers.html.paragraphs import clean_lines, credit_text, is_section_heading, is_widget_line, serialise
from govmeta.parsers.normalise import views_value
from govmeta.parsers.page_type import has_chinese


class Facts:
    """Info-line values found so far (first found wins; callers ask in order of trust)."""

    def __init__(self) -> None:
        self.source: str | None = None
        self.source_guess: str | None = None  # unlabelled (after the date, or a "source" element)
        self.source_shown = False  # a 来源 label is displayed (even with an empty value)
        self.author: str | None = None
        self.author_guess: str | None = None  # a person icon's name: a labelled 作者 (an end credit) wins
        self.date: str | None = None
        self.date_updated = False  # the date is a 更新日期 (a 发布日期 shown with it wins)
        self.views: int | None = None

    def bare(self) -> bool:
        """Nothing was found on an info line (no author, source, date or views)."""
        return self.author is None and self.source is None and not self.source_shown and self.date is None

    def content_source(self, metas: dict[str, str]) -> str | None:
        """A displayed 来源 wins; an unlabelled one only where no 来源 label is shown; then the meta.
        A displayed value cut short (综合自学习强国、川观新闻…) gives way to the meta it abbreviates."""
        meta = metas.get("ContentSource")
        if self.source:
            return _untruncated(self.source, meta)
        if self.source_guess and not self.source_shown:
            return _untruncated(self.source_guess, meta)
        return meta

    def take(self, pairs: list[Pair], *, dates: bool = True, person_sources: bool = True) -> None:
        for pair in pairs:
            if pair.kind == "source":
                # An info-line 来源 (even empty) rules out guessing; a credit line's does not.
                self.source_shown = self.source_shown or person_sources
                if self.source is None and usable(pair.value, rules.article.SOURCE_MAX) and (
                    person_sources or not looks_like_person(pair.value)
                ):
                    self.source = pair.value
            elif pair.kind == "author":
                if self.author is None and usable(pair.value, rules.article.AUTHOR_MAX):
                    self.author = pair.value
            elif pair.kind == "views":
                if self.views is None and pair.value:
                    self.views = views_value(pair.value)
            elif pair.kind == "date" and dates and pair.value:
                updated = any(word in pair.label for word in rules.article.UPDATE_DATE_WORDS)
                if self.date is None:
                    self.date, self.date_updated = find_datetime(pair.value), updated
                elif self.date_updated and not updated:
                    # 更新日期：… 发布日期：…: the publication date is the one the record wants.
                    found = find_datetime(pair.value)
                    if found:
                        self.date, self.date_updated = found, False


def _untruncated(shown: str, meta: str | None) -> str:
    """The meta value when the shown one is a prefix of it ended by an ellipsis (…, ...)."""
    if meta and shown.endswith(rules.article.ELLIPSES):
        prefix = key(shown.rstrip("".join(rules.article.ELLIPSES)))
        if prefix and key(meta).startswith(prefix) and len(key(meta)) > len(prefix):
            return meta
    return shown


def _widen(container: etree._Element, index: PageIndex, headline: Headline) -> etree._Element:
    """Take in a caption or a last line sitting just outside the densest block."""
    while True:
        parent = container.getparent()
        if parent is None or parent is index.body or parent not in index.order:
            return container
        if headline.element is not None and (
            parent is headline.element or any(a is parent for a in headline.element.iterancestors())
        ):
            return container
        extra = index.text[parent] - index.text[container]
        extra_links = index.links[parent] - index.links[container]
        if extra > max(rules.article.WIDEN_MIN, rules.article.WIDEN_SHARE * index.text[container]) or extra_links > 10:
            return container
        container = parent


def _header_facts(facts: Facts, lines: list[Line]) -> None:
    """Labelled values first, then an unlabelled date and the source printed after it (each line's
    pairs read once for both)."""
    pairs = [read_pairs(line) for line in lines]
    for found in pairs:
        facts.take(found)
    for line, found in zip(lines, pairs, strict=True):
        date = line_date(line, found)
        if date and facts.date is None:
            facts.date = date
        if date and facts.source_guess is None:
            facts.source_guess = unlabelled_source(line)


def _run_owners(index: PageIndex, start: int, end: int):
    """The elements holding the runs ``start:end``, each once, with the first of its runs there."""
    seen: set[etree._Element] = set()
    for run in index.runs[start:end]:
        el = run.element.getparent() if run.is_tail else run.element
        if el is None or el in seen:
            continue
        seen.add(el)
        yield el, run


def _named_elements(index: PageIndex, start: int, end: int):
    """The elements with attributes holding the runs ``start:end`` (each once), with their class/id tokens."""
    for el, _ in _run_owners(index, start, end):
        if el.attrib:
            yield el, tokens(el)


def _class_hinted(index: PageIndex, start: int, end: int, facts: Facts) -> None:
    """Elements named author / source in the header give unlabelled values."""
    for el, toks in _named_elements(index, start, end):
        is_author = any(word in tok for tok in toks for word in rules.article.AUTHOR_WORDS)
        is_source = bool(toks & rules.article.SOURCE_TOKENS)
        if not (is_author or is_source):
            continue
        text = index.element_string(el)
        if not text or LABEL.search(text) or DATE_SPAN.search(text) or rules.article.ANY_PAIR.search(text):
            continue  # a labelled pair (答复单位：…, 成文日期：…) is not an unlabelled source
        if fold(text).strip(" :：") in rules.article.SOURCE_LABELS:
            continue  # the label alone (来源), its value not on the page
        if is_author and facts.author is None and usable(text, rules.article.AUTHOR_MAX):
            facts.author = text
        if is_source and facts.source_guess is None and usable(text, rules.article.SOURCE_MAX):
            facts.source_guess = text


def _icon_hinted(index: PageIndex, start: int, end: int, facts: Facts) -> None:
    """Info items labelled by icons (<i class="fa fa-eye"></i>1,342): the view count, the date, the author."""
    for kind, text in icon_values(index.runs[start:end]):
        if kind == "views" and facts.views is None:
            facts.views = views_value(text)
        elif kind == "date" and facts.date is None:
            facts.date = find_datetime(text)
        elif kind == "author" and facts.author_guess is None and usable(text, rules.article.AUTHOR_MAX):
            facts.author_guess = text


def _views_hinted(index: PageIndex, start: int, end: int, facts: Facts) -> None:
    """A views count shown without a colon: an element whose whole text is a views word and a count
    (阅读 539), or an element named views / hits whose text is a count (539)."""
    for el, run in _run_owners(index, start, end):
        if facts.views is not None:
            return
        named = bool(el.attrib) and not tokens(el).isdisjoint(rules.article.VIEWS_TOKENS)
        # (An element's text opens with its own text: a views word there, or a views name, or it is no count.)
        if not named and (run.is_tail or fold(run.text.lstrip()[:1]) not in _VIEWS_FIRSTS):
            continue
        text = fold(index.element_string(el) or "")
        count = rules.article.VIEWS_WORDED.fullmatch(text)
        if count is None and named:
            count = rules.article.VIEWS_BOX.fullmatch(text)
        if count:
            facts.views = int(count.group(1).replace(",", ""))


_VIEWS_FIRSTS = frozenset(label[0] for label in rules.article.VIEWS_LABELS)


def _body(
    container: etree._Element | None,
    index: PageIndex,
    headline: Headline,
    skip: set[etree._Element],
    facts: Facts,
    after: bool,
    metas: dict[str, str],
) -> tuple[list[str], str | None]:
    """The paragraphs, with a body-top subtitle / author line and the end credit lines taken out.
    ``after``: the headline is printed in the body's box (what precedes it there, a 红头 and a 文号
    line, stays body text); ``metas``: the page's meta tags (its keywords, its PubDate)."""
    if container is None:
        return [], None
    lines = clean_lines(serialise(container, index, skip))
    subtitle = None
    title_keys = {key(t) for t in (headline.title, headline.subtitle, headline.kicker) if t}
    # Top of the body: a repeated headline, labelled info lines, a name line, a dash-led subtitle.
    head = 0
    while head < len(lines) and head < 4:
        line = lines[head]
        repeats_title = key(line) in title_keys or rules.article.FOOTNOTE_MARK.sub("", key(line)) in title_keys
        if repeats_title or (len(line) <= rules.article.END_INFO_MAX and LABEL.search(line) and is_info_line(line)):
            if not repeats_title:
                facts.take(read_text_pairs(line))
                if facts.date is None:  # a date printed before the labels (2022-04-17 来源：…)
                    facts.date = _agreeing(text_line_date(line), metas)
            lines.pop(head)
            continue
        if (
            head == 0
            and headline.subtitle is None
            and subtitle is None
            and line.startswith(rules.article.SUBTITLE_LEAD)
            and len(line) <= 100
        ):
            subtitle = line
            lines.pop(head)
            continue
        if (
            after
            and head == 0
            and len(line) <= rules.article.END_INFO_MAX
            and DATE_SPAN.search(line)
            and is_info_line(line)
        ):
            # A date line of the title block (the headline is printed in the body's box).
            facts.date = facts.date or find_datetime(line)
            lines.pop(head)
            continue
        if head == 0 and rules.article.COUNT_LINE.fullmatch(line) and len(lines) > 1:
            lines.pop(head)  # a comment or like count printed beside the headline
            continue
        if head == 0 and fold(key(line)) in rules.article.EMPTY_VALUES and len(lines) > 1:
            lines.pop(head)  # an empty value (无) printed under the headline where a 文号 would be
            continue
        if head == 0 and facts.bare() and looks_like_person(line) and len(lines) > 2:
            # A page with no info line at all may print its author's name alone on the first line.
            facts.author = line
            lines.pop(head)
            continue
        head += 1
    if facts.author is None:
        for line in lines[:3]:
            folded = fold(line)
            match = rules.article.BYLINE.search(folded) if rules.article.BYLINE_WORD in folded else None
            if match:
                facts.author = line[match.start(1):match.end(1)]  # as displayed (記者 matched as 记者)
                break
    # End of the body: editorial credits (来源：… 责任编辑：…), a labelled info line printed under
    # the text (发布日期：… 浏览次数：…), read, then left out; and the heading of an empty section
    # (附件： with no file under it).
    while lines:
        last = lines[-1]
        credit = credit_text(last)
        if (
            is_section_heading(last)
            or rules.article.COUNT_LINE.fullmatch(last)
            or _tag_line(last, metas)
            or _site_footer_line(last)
        ):
            pass  # an empty section's heading, a bare count (a like button's), the page's keywords, the footer
        elif credit is not None:
            facts.take(read_text_pairs(credit), dates=False, person_sources=False)
        elif LABEL.search(last) and is_info_line(last) and len(last) <= rules.article.END_INFO_MAX:
            facts.take(read_text_pairs(last), dates=facts.date is None, person_sources=False)
        else:
            break
        lines.pop()
    return lines, subtitle


def _site_footer_line(line: str) -> bool:
    """A short line naming the site's copyright or registration (版权所有：…, ICP备…, 网站标识码：…)."""
    if len(line) > rules.article.SITE_FOOTER_LINE_MAX:
        return False
    folded = fold(line)
    return any(marker in folded for marker in rules.article.SITE_FOOTER_MARKERS)


def _tag_line(line: str, metas: dict[str, str]) -> bool:
    """A line listing two or more of the page's meta keywords and nothing else (20190926|国贸|增长率)."""
    items = [item for item in rules.article.TAG_SPLIT.split(line) if item]
    if len(items) < 2 or not metas.get("Keywords"):
        return False
    tags = set(rules.article.TAG_SPLIT.split(metas["Keywords"]))
    return all(item in tags for item in items)


def _holds_prose(container: etree._Element, index: PageIndex) -> bool:
    """Enough text outside links, and not a list of links with dates (a column's list page); or a link
    to an attachment (looked for only when the text says no: a long body's links are not read)."""
    text, punct = index.text.get(container, 0), index.punct(container)
    # (not a label, a pager or a date line, and not a list)
    prose = not (text < rules.article.MIN_BODY_CHARS or (text < rules.article.BARE_TEXT_MAX and not punct)) and (
        index.link_density(container) <= rules.article.LIST_DENSITY or punct >= rules.article.LIST_PUNCTUATION
    )
    # A body that is only its attachment line is still the body.
    return prose or any(is_attachment_link(a) for a in container.iter("a"))


def _near_body(index: PageIndex, headline: Headline, container: etree._Element) -> etree._Element | None:
    """The prose box right after the headline's title block, in the headline's own box, when the
    densest prose is elsewhere (a short notice beside a wordier sidebar): the body follows its headline."""
    parent = headline.element.getparent()
    if parent is None or parent is index.body:
        return None
    if container is parent or inside(container, parent) or inside(parent, container):
        return None
    for sib in headline.element.itersiblings():
        if not isinstance(sib.tag, str) or sib in headline.skip or sib in index.excluded or not index.total(sib):
            continue
        lines = (line.text for line in lines_between(index, index.first_run[sib], index.end_run[sib]))
        if all(is_info_line(line) or is_widget_line(line) or not_a_side_line(line) for line in lines):
            continue  # the title block: info line, widgets, a 文号 or 无 line
        prose = (
            index.punct(sib)
            and index.link_density(sib) <= rules.article.LIST_DENSITY
            and index.text[sib] >= rules.article.MIN_BODY_CHARS
        )
        # A digest over a much longer body elsewhere (p.ep-summary) is not the body: only a rival of
        # comparable size (a sidebar's summaries) gives way.
        comparable = index.text.get(container, 0) <= rules.article.NEAR_BODY_RATIO * index.text[sib]
        return sib if prose and comparable else None
    return None


def _first_text_after(index: PageIndex, headline: Headline) -> etree._Element | None:
    """The box of the first line under the headline that is not furniture (info line, widget, 文号 or
    无 line, a menu link): a page with no prose still has that short body (详见附件电子全文, one file link)."""
    for line in index.lines(headline.end_run, len(index.runs), rules.article.NEAR_LINES):
        text = line.text
        if is_info_line(text) or is_widget_line(text) or not_a_side_line(text) or is_section_heading(text):
            continue
        first = line.runs[0]
        owner = first.element.getparent() if first.is_tail else first.element
        if owner is None or owner not in index.order:
            continue
        if all(run.linked for run in line.runs) and not any(
            is_attachment_link(a) for run in line.runs for a in [run.element, *run.element.iterancestors("a")]
            if a.tag == "a"
        ):
            continue  # a menu or a related link, not text
        block = index.block_at[index.order[owner]]
        if block.tag in rules.article.PARAGRAPH_TAGS:
            parent = index.parent_block(block)
            block = parent if parent is not None else block
        if block is index.body or footer_like(block, index):
            return None
        return block
    return None


def _little_after_headline(container: etree._Element, index: PageIndex, headline: Headline) -> bool:
    """The container holds the headline and, after it, less prose than a body (its title block: a
    文号 line, the info line)."""
    if headline.element is None or not inside(headline.element, container):
        return False
    prose = 0
    for line in lines_between(index, headline.end_run, index.end_run[container]):
        if not is_info_line(line.text) and not is_widget_line(line.text):
            prose += len(key(line.text))
            if prose >= rules.article.MIN_BODY_CHARS:
                return False  # (a long body is not read to its end)
    return True


def _named_body(index: PageIndex, headline: Headline) -> etree._Element | None:
    """A box named as the article body (TRS_Editor, article_content, zoom …) after the headline that
    shows some text that is not page furniture: the body, however short (详见附件, one link)."""
    start = headline.end_run if headline.element is not None else 0
    for el in index.elements:
        if el in index.excluded or index.first_run.get(el, -1) < start or not index.total(el):
            continue
        cls, ident = el.get("class"), el.get("id")
        if not (cls or ident) or not names_of(cls or "", ident or "") & rules.article.CONTAINER_EXACT:
            continue
        lines = (line.text for line in lines_between(index, index.first_run[el], index.end_run[el]))
        shows_text = any(not is_widget_line(line) and not is_info_line(line) for line in lines)
        if shows_text and (
            index.link_density(el) <= rules.article.LIST_DENSITY or any(is_attachment_link(a) for a in el.iter("a"))
        ):
            return el
    return None


def _article_box(container: etree._Element, headline: Headline, index: PageIndex) -> etree._Element:
    """The box holding the whole article, headline to attachments: the lowest ancestor of the body
    that also holds the headline (else the body's grandparent). Attachments are looked for in it."""
    if headline.element is not None:
        body_line = set(container.iterancestors())
        for anc in headline.element.iterancestors():
            if anc in body_line or anc is container:
                if anc is not index.body and anc.tag != "html":
                    return anc
                break
    box = container
    for _ in range(2):
        parent = box.getparent()
        if parent is None or parent is index.body or parent.tag == "html":
            break
        box = parent
    return box


def _date_only(line: Line) -> bool:
    """A line that is just a date, links aside (an e-paper's issue date above the headline); not
    the date of an entry in a list (a sidebar of other articles)."""
    first = line.runs[0]
    owner = first.element.getparent() if first.is_tail else first.element
    for depth, anc in enumerate(owner.iterancestors() if owner is not None else ()):
        if depth >= rules.article.LIST_DEPTH:
            break
        if anc.tag in rules.article.LIST_TAGS:
            return False
    if owner is not None and owner.tag in rules.article.LIST_TAGS:
        return False
    text = "".join(run.text for run in line.runs if not run.linked)
    span = DATE_SPAN.search(text)
    return bool(span) and len(key(text)) - len(key(span.group())) <= 4


def _locate(
    index: PageIndex, root: etree._Element, metas: dict[str, str], forced: etree._Element | None = None
) -> tuple[etree._Element | None, Headline, list[str], etree._Element | None]:
    """Body container, headline and trail, each choice informing the next (``forced``: a given container)."""
    if forced is not None and forced not in index.order:
        forced = None  # hidden or excluded: the reader's own choice stands
    scores = container_scores(index)
    refs = references(root, metas)
    avoid = site_names(root, metas)
    container = forced if forced is not None else find_container(index, scores)
    headline = read_headline(index, refs, container, avoid)
    if headline.element is not None and forced is None:
        # Second look: the body is the prose that follows the headline.
        container = find_container(index, scores, after=headline.end_run)
    body_start = index.first_run.get(container) if container is not None else None
    limit = body_start
    if headline.element is not None:
        if body_start is not None and body_start <= headline.start_run < index.end_run[container]:
            limit = headline.start_run  # a box holding trail, headline and body: the trail is above the headline
        else:
            limit = min(limit or len(index.runs), headline.start_run)
    crumbs, trail = read_breadcrumb(index, before=limit, labelled_before=body_start)
    # Only a trail ending in plain text names the page; a linked last entry is the column.
    crumb_ref = crumb_reference(crumbs) if trail is None or not ends_in_link(index, trail) else None
    if crumb_ref and crumb_ref[0] not in {ref for ref, _ in refs}:
        refs.append(crumb_ref)
        headline = read_headline(index, refs, container, avoid)
    if container is not None and forced is None and not _holds_prose(container, index):
        container = None
    if container is not None and headline.element is not None and forced is None:
        near = _near_body(index, headline, container)
        container = near if near is not None else container
    fallback = None
    if forced is None and (container is None or _little_after_headline(container, index, headline)):
        # No prose after the headline: a box named as the body, else the text right after the title block.
        fallback = _named_body(index, headline)
        if fallback is None and headline.element is not None:
            fallback = _first_text_after(index, headline)
        container = fallback if fallback is not None else container
    if container is None and headline.title and (
        key(headline.title) in {key(crumb) for crumb in crumbs}
        or (not matches_reference(headline.title, refs) and _heads_link_list(index, headline))
    ):
        # No article, and the "headline" is the column named in the trail, or the heading of a list of
        # links the page names nowhere else: a list page.
        headline = Headline()
    if container is not None and fallback is None and forced is None:
        container = _widen(container, index, headline)  # (a fallback box, or a rule's, is the body as it is)
    return container, headline, crumbs, trail


def _before_page_footer(lines: list[Line], index: PageIndex) -> list[Line]:
    """The lines under the body up to the site's footer (a <footer> or a box named so, holding 版权所有,
    ICP备 …): its 更新日期 and 瀏覽人次 are the site's, not the article's."""
    for i, line in enumerate(lines):
        first = line.runs[0]
        el = first.element.getparent() if first.is_tail else first.element
        box = in_footer_box(el, index) if el is not None else None
        while box is not None:
            if footer_like(box, index):
                return lines[:i]
            parent = box.getparent()
            box = in_footer_box(parent, index) if parent is not None else None
    return lines


def _heads_link_list(index: PageIndex, headline: Headline) -> bool:
    """The lines right under the headline are links, each a whole line (a list's entries)."""
    lines = index.lines(headline.end_run, headline.end_run + 60, rules.article.LIST_HEAD_LINES)
    return len(lines) == rules.article.LIST_HEAD_LINES and all(
        all(run.linked for run in line.runs if run.text.strip()) for line in lines
    )


def _agreeing(date: str | None, metas: dict[str, str]) -> str | None:
    """A date read without a label, kept unless the page's meta PubDate names another day."""
    pubdate = find_datetime(metas["PubDate"]) if metas.get("PubDate") else None
    if date and pubdate and date[:10] != pubdate[:10]:
        return None
    return date


def _around_headline(
    index: PageIndex,
    headline: Headline,
    trail: etree._Element | None,
    header_end: int,
    facts: Facts,
    metas: dict[str, str],
) -> None:
    """The info line under the headline (labelled, unlabelled, named elements), else above it."""
    _header_facts(facts, index.lines(headline.end_run, header_end, rules.article.HEADER_LINES))
    _class_hinted(index, headline.end_run, header_end, facts)
    _views_hinted(index, headline.end_run, header_end, facts)
    _icon_hinted(index, headline.end_run, header_end, facts)
    # Some pages print the info line above the headline (after the trail).
    pre_start = index.end_run[trail] if trail is not None and index.end_run[trail] <= headline.start_run else 0
    pre = index.lines(max(pre_start, headline.start_run - 150), headline.start_run)[-rules.article.PRE_HEADLINE_LINES:]
    for line in pre:
        if LABEL.search(line.text) and is_info_line(line.text):
            facts.take(read_pairs(line))
    if facts.date is None:
        for line in reversed(pre):
            if _date_only(line):
                facts.date = _agreeing(find_datetime(line.text), metas)
                break


def read_article(
    root: etree._Element, metas: dict[str, str], exclude: list[etree._Element], *, url: str | None = None,
    container: etree._Element | None = None,
) -> dict:
    """Article parts of the record (keys breadcrumb … attachments, plus warnings).

    ``exclude`` are subtrees read elsewhere (the disclosure block); ``url`` is the page's own
    address when known (attachment links are resolved against it); ``container``, when given (a site
    rule's), is the body's element instead of the one the reader would choose."""
    index = index_page(root, exclude)
    container, headline, crumbs, trail = _locate(index, root, metas, container)
    skip = set(headline.skip)
    if trail is not None:
        skip.add(trail)

    facts = Facts()
    runs = len(index.runs)
    c_first = index.first_run.get(container, runs) if container is not None else runs
    c_end = index.end_run.get(container, runs) if container is not None else runs
    in_box = headline.element is not None and container is not None and c_first < headline.end_run < c_end
    if headline.element is not None:
        # A headline printed inside the body's box: its info line is in the few lines after it.
        header_end = first_prose(index, headline.end_run, c_end) if in_box else c_first
        _around_headline(index, headline, trail, header_end, facts, metas)
    elif container is not None:
        _header_facts(facts, index.lines(max(0, c_first - 150), c_first)[-rules.article.HEADER_LINES:])

    paragraphs, body_subtitle = _body(container, index, headline, skip, facts, in_box, metas)
    if facts.date is None:
        facts.date = stamp_date(paragraphs)  # 完 / 2023年5月3日（星期三） / 香港時間16時30分
    tail = index.lines(c_end, c_end + 80, rules.article.FOOTER_LINES) if container is not None else []
    tail = _before_page_footer(tail, index)
    for line in tail:
        facts.take(read_pairs(line), dates=facts.date is None, person_sources=False)
    if tail:
        _views_hinted(index, c_end, tail[-1].end, facts)
        _icon_hinted(index, c_end, tail[-1].end, facts)

    region = _article_box(container, headline, index) if container is not None else None
    attachments = read_attachments(root, region, c_first, index.first_run, url,
                                   range(c_end, tail[-1].end) if tail else range(0))
    chinese = has_chinese(run.text for run in index.runs)  # (read up to the first Han character)
    return {
        "breadcrumb": crumbs,
        "title": headline.title,
        "kicker": headline.kicker,
        "subtitle": headline.subtitle or body_subtitle,
        "content_source": facts.content_source(metas),
        "author": facts.author or facts.author_guess,
        "published_at": facts.date,
        "views": facts.views,
        "paragraphs": paragraphs,
        "attachments": attachments,
        "chinese": chinese,
        "warnings": [],
    }
