"""Attachment links: the quick test on an address or text that names no file gives the full test's answer."""

from __future__ import annotations

import pytest
from lxml import etree

from govmeta.parsers.html.attachments import is_attachment_link, read_attachments


@pytest.mark.parametrize(
    ("href", "text", "expected"),
    [
        ("/files/a.pdf", "通知", True),
        ("/files/a.p\tdf", "通知", True),  # a browser drops the tab: the address names a PDF
        ("/files/a.pd\nf", "通知", True),
        ("/dl?name=%E6%96%87%E4%BB%B6.DOCX", "下载", True),
        ("/detail/123.html", "实施方案.docx", True),  # the text names the file
        ("/detail/123.html", "2024.06.13", False),
        ("/files/a.pdfx", "通知", False),
        ("java\tscript:open('a.pdf')", "a.pdf", False),
        ("mailto:office@example.gov.cn", "a.doc", False),
        ("", "a.pdf", False),
    ],
)
def test_attachment_link(href: str, text: str, expected: bool):
    a = etree.fromstring(f"<a>{text}</a>")
    a.set("href", href)
    assert is_attachment_link(a) is expected


def test_links_in_the_region_from_its_start_and_in_attachment_rows():
    root = etree.fromstring(
        '<html><body><div id="r"><a href="/a.pdf">甲.pdf</a><p><a href="/b.doc">乙</a></p></div>'
        '<a href="/c.xls">丙</a><p>附件：<a href="/d.zip">丁</a></p></body></html>'
    )
    region = root.find(".//div")
    order = {a: i for i, a in enumerate(root.iter("a"))}
    found = read_attachments(root, region, 1, order, None)
    assert [item["name"] for item in found] == ["乙", "丁"]
