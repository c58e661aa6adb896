"""The label table of disclosure blocks: canonical fields (design/record.md) and the labels naming each.

Labels seen on further sites are added here (or at run time with ``--labels FILE``), never as code branches.
Traditional spellings need no entry: the vocabulary adds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldRule:
    """How one canonical field is read: its value kind and the labels that name it."""

    kind: str  # "text" | "date" | "list" (split) | "topics" (one entry per label)
    labels: tuple[str, ...]


CANONICAL_FIELDS: dict[str, FieldRule] = {
    "index_no": FieldRule("text", ("索引号", "信息索引号", "索取号", "信息索引")),
    "doc_no": FieldRule("text", ("文号", "发文字号", "文件编号", "发文文号", "文件字号")),
    "publisher": FieldRule("text", ("发布机构", "发文机关", "发文机构", "发文单位", "发布单位")),
    "written_date": FieldRule("date", ("成文日期", "生成日期", "产生日期", "印发日期", "发文日期")),
    "published_date": FieldRule("date", ("发布日期", "公开日期", "发布时间")),
    "effective_date": FieldRule("date", ("生效日期", "实施日期", "施行日期", "生效时间", "施行时间")),
    "expiry_date": FieldRule("date", ("废止日期", "失效日期", "废止时间", "失效时间")),
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
    "validity": FieldRule("text", ("有效性", "效力状况", "效力状态", "时效", "是否有效")),
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
    "信息类别", "规范性文件登记号", "登记编号", "成文时间", "公开时间", "发布机关",
)

# Split patterns for list-valued fields.
LIST_SPLIT = {
    "categories": re.compile(r"[,，;；\s]+"),
    "keywords": re.compile(r"[,，、;；\s]+"),
}
