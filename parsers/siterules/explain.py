"""What a rule file does on one page: which rules select it, and what each of their selectors matches."""

from __future__ import annotations

from govmeta.parsers.encoding.decode import decode_page
from govmeta.parsers.html.document import looks_like_html, parse_html
from govmeta.parsers.html.page_url import archive_url
from govmeta.parsers.html.site import canonical_url, read_meta_tags
from govmeta.parsers.siterules.apply import evaluate, raw_metas, text_of
from govmeta.parsers.siterules.compile import SiteRules
from govmeta.parsers.siterules.select import select_rules

# A matched text is shown up to this many characters.
SHOWN_CHARS = 60


def explain(data: bytes, path: str | None, url: str | None, rules: SiteRules) -> list[dict]:
    """Per selecting rule: ``{"rule", "matches": {key: (count, first text)}}``; [] when none selects the page."""
    text = decode_page(data).text
    if not looks_like_html(text):
        return [{"rule": rule.name, "matches": {}} for rule in select_rules(rules, path, url, {})]
    root = parse_html(text)
    if root is None:
        return []
    metas = read_meta_tags(root)
    page_url = url or canonical_url(root, metas) or archive_url(root)
    out = []
    for rule in select_rules(rules, path, page_url, {**raw_metas(root), **metas}):
        matches = {}
        for key, selectors in rule.selectors.items():
            found = [item for selector in selectors for item in evaluate(selector, root)]
            first = next((t for t in map(text_of, found) if t), "")
            matches[key] = (len(found), first[:SHOWN_CHARS] + ("…" if len(first) > SHOWN_CHARS else ""))
        out.append({"rule": rule.name, "matches": matches})
    return out
