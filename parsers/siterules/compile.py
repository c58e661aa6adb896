"""A parsed rule file (TOML or JSON: ``[[rule]]`` tables) checked and compiled once per run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from govmeta.parsers.vocabulary import Vocabulary

# What a rule may hold: how it selects pages, what it reads with selectors, and what it sets.
SELECTION_KEYS = ("domain", "path", "meta")
TEXT_SELECTOR_KEYS = ("title", "subtitle", "kicker", "content_source", "author", "published_at", "breadcrumb")
ELEMENT_SELECTOR_KEYS = ("container", "block", "drop")
SETTABLE_KEYS = ("title", "subtitle", "kicker", "content_source", "author", "published_at", "url",
                 "site.name", "site.domain", "site.id_code", "site.column")
RULE_KEYS = ("name", *SELECTION_KEYS, *TEXT_SELECTOR_KEYS, *ELEMENT_SELECTOR_KEYS, "labels", "set")
CSS_PREFIX = "css:"


class RuleError(ValueError):
    """A rule file that cannot be used: names the file, the rule and the problem."""

    def __init__(self, source: str, rule: str | None, problem: str) -> None:
        where = f"{source}: rule {rule!r}: " if rule else f"{source}: "
        super().__init__(where + problem)


@dataclass(frozen=True)
class Selector:
    """One selector as written (XPath, or CSS after ``css:``) and its compiled XPath."""

    text: str
    xpath: etree.XPath

    def __call__(self, root: etree._Element) -> list:
        return self.xpath(root)


@dataclass(frozen=True)
class Rule:
    """One compiled rule: how it selects pages and what it overrides."""

    name: str
    domains: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    metas: tuple[tuple[str, str], ...] = ()
    selectors: dict[str, tuple[Selector, ...]] = field(default_factory=dict)
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fixed: dict[str, str] = field(default_factory=dict)


class SiteRules:
    """The compiled rules of one file, in file order. Pickles as its source mapping (recompiled on load)."""

    def __init__(self, data: Mapping, source: str = "<rules>") -> None:
        self.data, self.source = data, source
        entries = data.get("rule", []) if isinstance(data, Mapping) else None
        if not isinstance(entries, list) or not all(isinstance(e, Mapping) for e in entries):
            raise RuleError(source, None, "expected a list of [[rule]] tables")
        self.rules = tuple(_compile(entry, i, source) for i, entry in enumerate(entries))
        names = [r.name for r in self.rules]
        for name in names:
            if names.count(name) > 1:
                raise RuleError(source, name, "the name is used twice")
        self.vocabularies: dict[tuple[str, ...], Vocabulary] = {}
        # For choosing a page's rules quickly: rules by domain, and whether any rule reads <meta> tags.
        self.by_domain: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            for domain in rule.domains:
                self.by_domain.setdefault(domain, []).append(i)
        self.anywhere = tuple(i for i, rule in enumerate(self.rules) if not rule.domains)
        self.needs_metas = any(rule.metas for rule in self.rules)

    @classmethod
    def from_mapping(cls, data: Mapping, source: str = "<rules>") -> SiteRules:
        """Check and compile a parsed rule file; raises RuleError naming the file, rule and problem."""
        return cls(data, source)

    def __reduce__(self):
        return (SiteRules, (self.data, self.source))

    def vocabulary_for(self, rules: tuple[Rule, ...]) -> Vocabulary | None:
        """The vocabulary with the labels of these rules (compiled once per combination), or None."""
        named = tuple(r.name for r in rules if r.labels)
        if not named:
            return None
        if named not in self.vocabularies:
            merged: dict[str, list[str]] = {}
            for rule in rules:
                for fld, labels in rule.labels.items():
                    merged.setdefault(fld, []).extend(labels)
            self.vocabularies[named] = Vocabulary.from_mapping(merged)
        return self.vocabularies[named]


def _compile(entry: Mapping, position: int, source: str) -> Rule:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RuleError(source, f"#{position + 1}", "every rule needs a name")
    unknown = sorted(set(entry) - set(RULE_KEYS))
    if unknown:
        raise RuleError(source, name, f"unknown key {unknown[0]!r} (known: {', '.join(RULE_KEYS)})")
    selectors = {}
    for key in (*TEXT_SELECTOR_KEYS, *ELEMENT_SELECTOR_KEYS):
        if key in entry:
            texts = _strings(entry[key], key, name, source)
            selectors[key] = tuple(_selector(text, key, name, source) for text in texts)
    labels = {}
    if "labels" in entry:
        try:
            Vocabulary.from_mapping(entry["labels"])
        except (TypeError, ValueError) as exc:
            raise RuleError(source, name, f"labels: {exc}") from exc
        inner = entry["labels"].get("labels", entry["labels"])
        labels = {fld: (v,) if isinstance(v, str) else tuple(v) for fld, v in inner.items()}
    fixed = dict(entry.get("set", {}))
    for key, value in fixed.items():
        if key not in SETTABLE_KEYS:
            raise RuleError(source, name, f"set: unknown key {key!r} (known: {', '.join(SETTABLE_KEYS)})")
        if not isinstance(value, str):
            raise RuleError(source, name, f"set: {key} must be a string")
    metas = entry.get("meta", {})
    if not isinstance(metas, Mapping) or not all(isinstance(v, str) for v in metas.values()):
        raise RuleError(source, name, "meta must be a table of <meta> names and values")
    return Rule(
        name=name,
        domains=tuple(d.lower().removeprefix("*.") for d in _strings(entry.get("domain", []), "domain", name, source)),
        paths=_strings(entry.get("path", []), "path", name, source),
        metas=tuple((k.lower(), v) for k, v in metas.items()),
        selectors=selectors, labels=labels, fixed=fixed,
    )


def _strings(value: object, key: str, name: str, source: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(x, str) and x.strip() for x in items):
        raise RuleError(source, name, f"{key} must be a string or a list of strings")
    return tuple(items)


def _selector(text: str, key: str, name: str, source: str) -> Selector:
    try:
        if text.startswith(CSS_PREFIX):
            from cssselect import GenericTranslator, SelectorError

            try:
                expression = GenericTranslator().css_to_xpath(text[len(CSS_PREFIX):])
            except SelectorError as exc:
                raise RuleError(source, name, f"{key}: bad CSS selector {text!r}: {exc}") from exc
        else:
            expression = text
        return Selector(text, etree.XPath(expression))
    except etree.XPathError as exc:
        raise RuleError(source, name, f"{key}: bad XPath {text!r}: {exc}") from exc
