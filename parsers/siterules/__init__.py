"""Site rules: a user's data that corrects the generic reader on the pages it selects (``--rules FILE``).

``compile.py`` checks and compiles a parsed rule file into a ``SiteRules``; ``select.py`` picks the rules
for one page; ``apply.py`` evaluates their selectors on the page's tree and overrides the record's keys.
"""

from govmeta.parsers.siterules.compile import Rule, RuleError, SiteRules

__all__ = ["Rule", "RuleError", "SiteRules"]
