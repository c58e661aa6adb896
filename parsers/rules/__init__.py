"""Every word list, label table, class-name list and threshold the readers use, as data: one module per
subject. Readers import the package (``from govmeta.parsers import rules``) and name the subject at the
point of use (``rules.article.SUBTITLE_LEAD``), so any rule can be found by grep."""

from govmeta.parsers.rules import article, block, encoding, hanzi, headline, site, text, words

__all__ = ["article", "block", "encoding", "hanzi", "headline", "site", "text", "words"]
