"""Evaluating a page's rules on its tree, and overriding the keys they name in its record parts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from govmeta.parsers import rules as data
from govmeta.parsers.dates import find_datetime
from govmeta.parsers.html.document import remove_keeping_tail
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.siterules.compile import TEXT_SELECTOR_KEYS, Rule, Selector
from govmeta.parsers.spaces import squash

# A label at the start of a selected text (来源：, 发布时间:) is the page's wording, not the value.
_LEADING_LABEL = lazy_compile(r"^[\u4e00-\u9fff\s]{1,8}[:：]\s*")
_CRUMB_SPLIT = lazy_compile(r"\s*(?:" + "|".join(
    re.escape(s) for s in sorted(data.article.BREADCRUMB_SEPARATORS, key=len, reverse=True) if s.strip()) + r")\s*")


@dataclass
class Picked:
    """What a page's rules selected: texts by record key, the forced container and block, warnings."""

    names: list[str]
    texts: dict[str, object] = field(default_factory=dict)
    container: etree._Element | None = None
    block: etree._Element | None = None
    warnings: list[str] = field(default_factory=list)


def raw_metas(root: etree._Element) -> dict[str, str]:
    """Every <meta name|property=… content=…> of the page, names lower-cased (first one wins)."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        if name and name not in found:
            found[name] = squash(meta.get("content"))
    return found


def text_of(item: object) -> str:
    """A selector result as text: an element's displayed text, or an attribute/text() string."""
    if isinstance(item, etree._Element):
        return squash("".join(item.itertext()))
    return squash(str(item))


def pick(chosen: tuple[Rule, ...], root: etree._Element) -> Picked:
    """Apply the rules' drops to the tree, then evaluate their selectors (later rules win)."""
    picked = Picked(names=[r.name for r in chosen])
    for rule in chosen:
        for selector in rule.selectors.get("drop", ()):
            for el in selector(root):
                if isinstance(el, etree._Element) and el.getparent() is not None:
                    remove_keeping_tail(el)
    for rule in chosen:
        for key, selectors in rule.selectors.items():
            if key == "drop":
                continue
            found = [item for selector in selectors for item in evaluate(selector, root)]
            if key in ("container", "block"):
                elements = [el for el in found if isinstance(el, etree._Element)]
                if elements:
                    setattr(picked, key, elements[0])
                else:
                    picked.warnings.append(f"rule {rule.name}: {key} selector matched nothing")
                continue
            value = _value(key, found)
            if value in (None, [], ""):
                picked.warnings.append(f"rule {rule.name}: {key} selector matched nothing")
            else:
                picked.texts[key] = value
    return picked


def override(parts: dict, picked: Picked) -> dict:
    """The parts with the selected texts in place of the generic ones."""
    for key in TEXT_SELECTOR_KEYS:
        if key in picked.texts:
            parts[key] = picked.texts[key]
    parts["warnings"] = parts.get("warnings", []) + picked.warnings
    return parts


def finish(record: dict, chosen: tuple[Rule, ...]) -> dict:
    """Fixed values (``set``) and the audit key ``rules_applied``, added only when a rule applied."""
    if not chosen:
        return record
    for rule in chosen:
        for key, value in rule.fixed.items():
            if key.startswith("site."):
                record["site"] = {**(record.get("site") or {}), key[5:]: value}
            else:
                record[key] = find_datetime(value) or value if key == "published_at" else value
    record["rules_applied"] = [r.name for r in chosen]
    return record


def evaluate(selector: Selector, root: etree._Element) -> list:
    """A selector's results as a list (an XPath may give a string or a number); [] when it fails."""
    try:
        result = selector(root)
    except etree.XPathError:
        return []
    return result if isinstance(result, list) else [result]


def _value(key: str, found: list) -> object:
    texts = [t for t in map(text_of, found) if t]
    if key == "breadcrumb":
        if len(texts) == 1:
            texts = [t for t in _CRUMB_SPLIT.split(_LEADING_LABEL.sub("", texts[0])) if t]
        return texts
    if not texts:
        return None
    if key == "published_at":
        return find_datetime(texts[0])
    if key in ("content_source", "author"):
        return _LEADING_LABEL.sub("", texts[0]) or None
    return texts[0]
