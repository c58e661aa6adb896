"""Where a text dump's page text starts: a ``URL:`` line and a crawler's header above it are not the page."""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.hanzi import fold
from govmeta.parsers.lazy_pattern import lazy_compile

_ANY_KEY = lazy_compile(r"(?:^|\s)([^\s:：\d]{1,12})\s*[:：](?!//)")


def page_start(lines: list[str]) -> tuple[int, str | None]:
    """Index of the first line of page text, and the address a ``URL:`` line gave."""
    start, url = 0, None
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines) and (match := rules.text.URL_LINE.match(lines[start])):
        url, start = match[1], start + 1
    # A crawler's header: key lines (one naming a crawler's key or holding an address), a separator.
    for n in range(start, min(len(lines), start + rules.text.HEADER_MAX_LINES)):
        if lines[n].strip() and rules.text.SEPARATOR_LINE.match(lines[n]):
            above = [line for line in lines[start:n] if line.strip()]
            keyed = [m for m in (rules.text.KEYED_LINE.match(line) for line in above) if m]
            crawler = any(fold(m[1]).lower() in rules.text.CRAWLER_KEYS or m[2].startswith(("http://", "https://"))
                          for m in keyed)
            if above and crawler and len(keyed) / len(above) >= rules.text.HEADER_MIN_KEYED_SHARE:
                return n + 1, url
            break
    # ... or a run of one-key lines naming a crawler's key, ended by a blank line.
    n, crawler = start, False
    while n < len(lines) and (match := rules.text.KEYED_LINE.match(lines[n])) and len(_ANY_KEY.findall(lines[n])) <= 1:
        crawler = crawler or fold(match[1]).lower() in rules.text.CRAWLER_KEYS
        n += 1
    if crawler and 2 <= n - start <= rules.text.HEADER_MAX_LINES and (n == len(lines) or not lines[n].strip()):
        return n, url
    return start, url
