"""``--simplified``: the record's text in simplified Chinese, converted with OpenCC.

Off by default: a traditional-Chinese site stays as written. Which OpenCC configuration runs
depends on the record: ``t2s`` leaves 著 as it is (著力, 随著), right for simplified text that
writes 显著 and 著作; a record that is written in traditional characters goes through ``tw2s``,
whose phrase tables give 着力, 随着, 穿着 and keep 显著, 著名, 著作. On round trips of the corpus
gold (s2t or s2tw, then back) ``tw2s`` made 180 character errors where ``t2s`` made 288; on text
that is already simplified ``tw2s`` wrongly turns 显著 into 显着, hence the choice per record.
"""

from __future__ import annotations

from functools import lru_cache

from govmeta.parsers.hanzi import traditional_share

# Record keys whose text is the page's own words (path, url and encoding stay as they are).
TEXT_KEYS = ("site", "breadcrumb", "title", "kicker", "subtitle", "content_source", "author", "metadata",
             "fields", "paragraphs", "attachments")
# Share of traditional-only characters above which a record counts as written in traditional.
TRADITIONAL_SHARE = 0.05
CONFIG_FOR_TRADITIONAL = "tw2s"
CONFIG_FOR_SIMPLIFIED = "t2s"


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc  # imported only by runs that ask for --simplified

    return opencc.OpenCC(config)


def _convert(value, convert):
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [_convert(item, convert) for item in value]
    if isinstance(value, dict):
        return {key: (item if key == "url" else _convert(item, convert)) for key, item in value.items()}
    return value


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "url":
                yield from _strings(item)


def config_for(record: dict) -> str:
    """The OpenCC configuration for this record: ``tw2s`` when it is written in traditional."""
    text = "".join(s for key in TEXT_KEYS for s in _strings(record.get(key)))
    return CONFIG_FOR_TRADITIONAL if traditional_share(text) >= TRADITIONAL_SHARE else CONFIG_FOR_SIMPLIFIED


def to_simplified(record: dict) -> dict:
    """A copy of the record with its text keys converted from traditional to simplified Chinese."""
    convert = _converter(config_for(record)).convert
    return {key: _convert(value, convert) if key in TEXT_KEYS else value for key, value in record.items()}
