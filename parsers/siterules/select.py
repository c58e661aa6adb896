"""Which rules of a file a page falls under: by domain, by path glob, by <meta> value."""

from __future__ import annotations

from fnmatch import fnmatchcase

from govmeta.parsers.siterules.compile import Rule, SiteRules
from govmeta.parsers.urls import host_of


def page_domains(url: str | None, site_domain: str | None) -> set[str]:
    """The page's host names: its url's and those of its SiteDomain tag (lower-cased, no port)."""
    hosts = set()
    if url:
        hosts.add(host_of(url))
    for part in (site_domain or "").replace("，", ",").split(","):
        part = part.strip().lower()
        if part:
            hosts.add(host_of(part if "//" in part else "//" + part))
    hosts.discard("")
    return hosts


def _suffixes(host: str) -> list[str]:
    """www.a.gov.cn -> www.a.gov.cn, a.gov.cn, gov.cn, cn: the domains a host is under."""
    parts = host.split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


def _path_matches(rule: Rule, path: str | None) -> bool:
    if not path:
        return False
    base = path.replace("\\", "/").rsplit("/", 1)[-1]
    return any(fnmatchcase(path, glob) or fnmatchcase(base, glob) for glob in rule.paths)


def _metas_match(rule: Rule, metas: dict[str, str]) -> bool:
    lowered = {k.lower(): v for k, v in metas.items()}
    return all(lowered.get(name) == value for name, value in rule.metas)


def select_rules(rules: SiteRules, path: str | None, url: str | None, metas: dict[str, str]) -> tuple[Rule, ...]:
    """The rules whose every selection key fits the page (a rule without any fits every page), in file order."""
    candidates = set(rules.anywhere)
    if rules.by_domain:
        for host in page_domains(url, metas.get("SiteDomain")):
            for domain in _suffixes(host):
                candidates.update(rules.by_domain.get(domain, ()))
    chosen = (rules.rules[i] for i in sorted(candidates))
    return tuple(
        rule for rule in chosen
        if (not rule.paths or _path_matches(rule, path)) and (not rule.metas or _metas_match(rule, metas))
    )
