"""The label vocabulary of disclosure blocks: canonical fields and the labels that map to them.

This is data, in one place. ``design/record.md`` is the contract; labels seen on further
sites are added here (or at run time with ``--labels FILE``), never as code branches.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from govmeta.parsers.hanzi import traditional_forms


@dataclass(frozen=True)
class FieldRule:
    """How one canonical field is read: its value kind and the labels that name it."""

    kind: str  # "text" | "date" | "list" (split) | "topics" (one entry per label)
    labels: tuple[str, ...]


CANONICAL_FIELDS: dict[str, FieldRule] = {
    "index_no": FieldRule("text", ("索引号", "信息索引号", "索取号")),
    "doc_no": FieldRule("text", ("文号", "发文字号", "文件编号", "发文文号", "文件字号")),
    "publisher": FieldRule("text", ("发布机构", "发文机关", "发文机构", "发文单位", "发布单位")),
    "written_date": FieldRule("date", ("成文日期", "生成日期", "产生日期", "印发日期", "发文日期")),
    "published_date": FieldRule("date", ("发布日期", "公开日期", "发布时间")),
    "effective_date": FieldRule("date", ("生效日期", "实施日期", "施行日期")),
    "expiry_date": FieldRule("date", ("废止日期", "失效日期")),
    "title": FieldRule("text", ("标题", "名称", "信息名称", "文件名称")),
    "topics": FieldRule("topics", ("主题分类", "主题(一)", "主题(二)", "信息分类", "主题")),
    "genre": FieldRule("text", ("体裁", "体裁分类", "文种", "公文种类")),
    "categories": FieldRule("list", ("组配分类", "分类词", "分类")),
    "keywords": FieldRule("list", ("关键词", "主题词", "关键字")),
    "service_object": FieldRule("text", ("服务对象",)),
    "disclosure_method": FieldRule("text", ("公开方式",)),
    "disclosure_scope": FieldRule("text", ("公开范围",)),
    "disclosure_form": FieldRule("text", ("公开形式",)),
    "disclosure_term": FieldRule("text", ("公开时限",)),
    "disclosure_procedure": FieldRule("text", ("公开程序",)),
    "validity": FieldRule("text", ("有效性", "效力状况", "效力状态", "时效")),
    "summary": FieldRule("text", ("内容概况", "内容概述", "内容摘要", "摘要")),
    "info_source": FieldRule("text", ("信息来源",)),
}

# Labels that appear inside disclosure blocks without a canonical field. They still make
# pairs in ``fields`` and help recognise a block, but they are weaker evidence of one.
OTHER_BLOCK_LABELS: tuple[str, ...] = (
    "来源", "归档时间", "办文部门", "公文名称", "有效期", "发布人", "所属机构", "责任部门",
    "主办单位", "统一编号", "登记号", "文件下载", "附件", "更新时间", "签发日期", "责任单位",
    # Further labels of disclosure blocks on other sites, without a canonical field in record.md.
    "签发人", "来源单位", "公开责任部门", "信息来源单位", "所属主题", "所属分类", "内容分类", "文件类型",
    "信息类别", "规范性文件登记号", "登记编号", "成文时间", "公开时间", "生效时间", "失效时间", "发布机关",
)

# Split patterns for list-valued fields.
LIST_SPLIT = {
    "categories": re.compile(r"[,，;；\s]+"),
    "keywords": re.compile(r"[,，、;；\s]+"),
}

# Characters that pad or end a label: spaces of every width, colons, brackets' padding.
_LABEL_NOISE = re.compile(r"[\s\u00a0\u2002\u2003\u2009\u3000:：]+")
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


def build_vocabulary(extra: dict[str, list[str]] | None = None) -> Vocabulary:
    """Compile the lookup tables; ``extra`` maps canonical fields to more labels."""
    rules = dict(CANONICAL_FIELDS)
    for field, labels in (extra or {}).items():
        if field not in rules:
            raise ValueError(f"unknown canonical field {field!r} (see `govmeta fields`)")
        rules[field] = FieldRule(rules[field].kind, rules[field].labels + tuple(labels))
    field_of = {clean_label(lab): field for field, rule in rules.items() for lab in rule.labels}
    others = {clean_label(lab) for lab in OTHER_BLOCK_LABELS}
    # Traditional spellings (索引號, 發布機構) name the same fields: pages converted to traditional.
    for label, field in list(field_of.items()):
        for form in traditional_forms(label):
            field_of.setdefault(form, field)
    others |= {form for label in others for form in traditional_forms(label)}
    known = frozenset(field_of) | frozenset(others)
    return Vocabulary(rules, field_of, known)


def load_label_file(path: str | Path) -> dict[str, list[str]]:
    """Read user label synonyms from TOML or JSON: ``{field = ["label", ...]}``.

    TOML may also nest them under a ``[labels]`` table.
    """
    raw = Path(path).read_bytes()
    text = raw.decode("utf-8-sig")
    data = json.loads(text) if str(path).endswith(".json") else tomllib.loads(text)
    data = data.get("labels", data)
    out: dict[str, list[str]] = {}
    for field, labels in data.items():
        if isinstance(labels, str):
            labels = [labels]
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise ValueError(f"{path}: {field!r} must be a list of label strings")
        out[field] = labels
    return out


DEFAULT_VOCABULARY = build_vocabulary()
