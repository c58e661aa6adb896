"""Label/value pairs of a disclosure block to the record's canonical ``metadata``."""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.dates import normalise_date
from govmeta.parsers.hanzi import fold
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.rules.labels import LIST_SPLIT
from govmeta.parsers.spaces import squash
from govmeta.parsers.vocabulary import Vocabulary, clean_label


def canonical_metadata(pairs: list[dict[str, str]], vocabulary: Vocabulary) -> tuple[dict, list[str]]:
    """Map every pair whose label is a known synonym to its canonical field.

    Empty values are left out; dates become YYYY-MM-DD (an unparseable one stays as text, with a
    warning); list fields are split; topics take one entry per label; the first value of a
    single-valued field wins and a differing repeat is warned about.
    """
    metadata: dict = {}
    warnings: list[str] = []
    for pair in pairs:
        field = vocabulary.field_for(clean_label(pair["label"]))
        value = squash(pair["value"])
        if field is None or not value:
            continue
        kind = vocabulary.rules[field].kind
        if kind == "date":
            date = normalise_date(value)
            if date is None:
                warnings.append(f"unparseable date kept as text: {pair['label']}={value!r}")
                date = value
            value = date
        elif kind == "topics":
            metadata.setdefault(field, [])
            if value not in metadata[field]:
                metadata[field].append(value)
            continue
        elif kind == "list":
            items = [item for item in LIST_SPLIT[field].split(value) if item]
            merged = metadata.setdefault(field, [])
            merged.extend(item for item in items if item not in merged)
            continue
        if field in metadata:
            if metadata[field] != value:
                warnings.append(f"duplicate label {pair['label']}: kept {metadata[field]!r}, ignored {value!r}")
            continue
        metadata[field] = value
    return metadata, warnings


def with_metadata(parts: dict, vocabulary: Vocabulary) -> dict:
    """The parts with the canonical ``metadata`` of their ``fields`` (and its warnings) added."""
    parts["metadata"], meta_warnings = canonical_metadata(parts["fields"], vocabulary)
    parts["warnings"] = parts.get("warnings", []) + meta_warnings
    return parts


_COUNT = lazy_compile(r"\d[\d,]*")


def views_value(value: str) -> int | None:
    """The count a views value starts with (1,205 次 -> 1205), or None."""
    match = _COUNT.match(value.strip())
    return int(match.group().replace(",", "")) if match else None


def block_views(fields: list[dict[str, str]]) -> int | None:
    """The count of a 浏览次数 / 點閱次數 pair the block shows (a metadata list under the body that holds the
    page's counter with its dates and unit): the views when no info line shows them."""
    for pair in fields:
        if fold(clean_label(pair["label"])) in rules.article.VIEWS_LABELS:
            found = views_value(pair["value"])
            if found is not None:
                return found
    return None
