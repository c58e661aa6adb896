"""Rules of the headline reader: data only."""

from __future__ import annotations

# --- used by html/headline.py ----------------------------------------------------------------

HEADING_WEIGHT = {"h1": 3.0, "h2": 2.5, "h3": 1.5, "h4": 1.0, "h5": 0.5, "h6": 0.5}
# Class/id names of a kicker (引题) or subtitle (副题) line: whole tokens, or words inside a token.
KICKER_TOKENS = frozenset({"yt", "yinti", "kicker", "pretitle", "overtitle", "toptitle", "shoulder"})
SUBTITLE_TOKENS = frozenset({"fbt", "futi", "subhead", "subtitle", "deck"})
SIDE_WORDS = ("title", "biaoti")
EMPHASIS_TAGS = frozenset({"b", "strong", "font"})
# The best candidate needs this score; a reference match is worth up to MATCH_WEIGHT.
MATCH_WEIGHT = 6.0
MIN_SCORE = 3.4  # a named headline box (2) right above the body (1.5) passes with no title match
# A candidate with a labelled info line (来源：… 时间：…) right under it.
INFO_BELOW = 1.0
# A match this good with a reference counts as the page stating its title (below it, a candidate needs
# a headline's form).
REFERENCE_MATCH = 0.3
# How many ancestors up a list entry or a bar/side/nav box marks a candidate as furniture.
FURNITURE_DEPTH = 4
# Trust in a <title> part other than the first (usually the site or the column).
OTHER_PART_WEIGHT = 0.6
GENERIC_CRUMBS = frozenset({"正文", "详情", "内容", "正文内容", "文章", "详细内容", "阅读文章"})
# A headline printed inside the body's box is within its first TOP_LINES lines.
TOP_LINES = 2
# How many lines above the body the fallback headline may be.
FALLBACK_LINES = 6
# A line this long that is not an info line is running prose (looked for in the first lines).
PROSE_SEARCH_LINES = 12
PROSE_LINE = 30
# Kicker / subtitle lines are at most this long; a kicker is a phrase, at least KICKER_MIN long.
KICKER_MIN = 6
BULLETS = "■□●○◆◇▲△★☆►▶•·"
SIDE_LINE_MAX = 100
# A line that is a date and at most this many other characters (brackets, 发布) is a date line.
DATE_LINE_REST = 4
