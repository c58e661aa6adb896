"""govmeta's workshop: pure functions from a saved page's bytes to one record (a plain dict).

How a page flows (``record.extract_record`` is the one entry point):

1. ``validate`` refuses what is not a page (empty, binary); ``encoding/`` chooses the codec and decodes.
2. HTML goes to ``html/reader.py`` (tree → site tags, disclosure block, article); anything else is a text
   dump and goes to ``text/reader.py`` (lines → the same parts).
3. ``normalise`` maps the block's label/value pairs to canonical ``metadata`` through a ``Vocabulary``.
4. ``siterules/`` applies a user's site rules (``--rules``) to the pages they select.
5. ``record`` orders the keys; ``simplify`` converts to simplified Chinese when asked.

Every word list, label table, class-name list and threshold is data in ``rules/``.
"""

from govmeta.parsers.errors import ExtractionError
from govmeta.parsers.record import extract_record
from govmeta.parsers.siterules import RuleError, SiteRules
from govmeta.parsers.vocabulary import Vocabulary

__all__ = ["ExtractionError", "RuleError", "SiteRules", "Vocabulary", "extract_record"]
