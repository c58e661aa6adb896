"""The label vocabulary: canonical fields and every label that maps to one, compiled for lookup.

The table itself is data in ``rules/labels.py``; a ``Vocabulary`` adds traditional spellings and a
user's own synonyms (``Vocabulary.from_mapping``). Reading a synonyms file is the caller's job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from govmeta.parsers.hanzi import traditional_forms
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.rules.labels import CANONICAL_FIELDS, OTHER_BLOCK_LABELS, FieldRule

# Characters that pad or end a label: spaces of every width, colons, brackets' padding.
_LABEL_NOISE = lazy_compile(r"[\s\u00a0\u2002\u2003\u2009\u3000:：∶﹕]+")
_BRACKETS = str.maketrans({"（": "(", "）": ")"})


def clean_label(text: str) -> str:
    """A label as a key: padding, inner spaces and colons removed, full-width brackets folded."""
    return _LABEL_NOISE.sub("", text).translate(_BRACKETS)


@dataclass(frozen=True)
class Vocabulary:
    """Label -> canonical field lookup, built once from the field rules (plus user rules)."""

    rules: dict[str, FieldRule]
    field_of: dict[str, str]  # cleaned label -> canonical field name
    known: frozenset[str]  # every label that may start a pair (canonical and other)

    def field_for(self, label: str) -> str | None:
        """The canonical field a cleaned label maps to, or None."""
        return self.field_of.get(label)

    @classmethod
    def from_mapping(cls, extra: Mapping[str, object] | None = None) -> Vocabulary:
        """The default vocabulary plus ``extra`` synonyms: ``{"index_no": ["信息编码"], ...}``.

        ``extra`` is what a TOML or JSON synonyms file parses to (a ``labels`` table may hold the
        fields); a field's labels are a string or a list of strings. Raises TypeError for other shapes
        and ValueError for a field that is not canonical (``govmeta fields`` lists them).
        """
        return _compile(_synonyms(extra or {}))


def _synonyms(data: Mapping[str, object]) -> dict[str, tuple[str, ...]]:
    """Validated ``field -> labels`` from a parsed synonyms mapping."""
    if not isinstance(data, Mapping):
        raise TypeError(f"label synonyms must be a mapping of field to labels, not {type(data).__name__}")
    inner = data.get("labels", data)
    if not isinstance(inner, Mapping):
        raise TypeError("the 'labels' table must map fields to labels")
    out: dict[str, tuple[str, ...]] = {}
    for field, labels in inner.items():
        if field not in CANONICAL_FIELDS:
            raise ValueError(f"unknown canonical field {field!r} (see `govmeta fields`)")
        items = [labels] if isinstance(labels, str) else labels
        if not isinstance(items, list | tuple) or not all(isinstance(x, str) for x in items):
            raise TypeError(f"{field!r} must be a label string or a list of label strings")
        out[field] = tuple(items)
    return out


def _compile(extra: dict[str, tuple[str, ...]]) -> Vocabulary:
    """The lookup tables of the canonical table plus ``extra`` labels, traditional forms included."""
    rules = dict(CANONICAL_FIELDS)
    for field, labels in extra.items():
        rules[field] = FieldRule(rules[field].kind, rules[field].labels + labels)
    field_of = {clean_label(lab): field for field, rule in rules.items() for lab in rule.labels}
    others = {clean_label(lab) for lab in OTHER_BLOCK_LABELS}
    # Traditional spellings (索引號, 發布機構) name the same fields: pages converted to traditional.
    for label, field in list(field_of.items()):
        for form in traditional_forms(label):
            field_of.setdefault(form, field)
    others |= {form for label in others for form in traditional_forms(label)}
    known = frozenset(field_of) | frozenset(others)
    return Vocabulary(rules, field_of, known)


DEFAULT_VOCABULARY = _compile({})
