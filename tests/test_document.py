"""The fast paths of reading a page: bytes to tree, hidden markup out, the page as text segments.

Each pins a shortcut to the plain rule it stands for: the ``</body>`` pattern run over UTF-8 bytes
matches what the str rule (``\\s`` of Python) matches, UTF-8 input reaches the parser unchanged,
``drop_non_content`` removes exactly what ``is_hidden`` flags, and the one-``iter()`` segment walk
keeps pieces, owners and containers where the page's lines run.
"""

from __future__ import annotations

import random
import re

import pytest
from lxml import etree

from govmeta.parsers.encoding.decode import decode_page
from govmeta.parsers.errors import ExtractionError
from govmeta.parsers.html.depth import MAX_DEPTH, open_excess
from govmeta.parsers.html.document import (
    _DOCUMENT_END,
    _NOT_XML,
    drop_non_content,
    hidden_elements,
    is_hidden,
    may_hold_controls,
    parse_html,
)
from govmeta.parsers.html.segments import read_segments
from govmeta.parsers.validate import check_page_text

# The rule the bytes pattern implements, as written for str.
STR_DOCUMENT_END = re.compile(r"</\s*(?:html|body)\s*>", re.I)


def test_document_end_pattern_matches_str_whitespace():
    """Every character str ``\\s`` takes (and only those) may pad the end tags in the UTF-8 bytes."""
    for code in [*range(0x3001), 0x205F, 0x2028, 0x2029, 0x202F, 0xFEFF, 0x1F600]:
        char = chr(code)
        for text in (f"a</body{char}>b", f"a</{char}HTML>b", f"a</bo{char}dy>b"):
            expected = STR_DOCUMENT_END.sub("", text).encode("utf-8")
            assert _DOCUMENT_END.sub(b"", text.encode("utf-8")) == expected, hex(code)


def test_document_end_look_ahead_turns_away_no_end_tag_the_rule_takes():
    """The pattern's look-ahead (first byte of a space or of the name) removes what the str rule removes,
    on random mixes of end tags, names, spaces and near misses."""
    rng = random.Random(13)
    alphabet = ["</", "<", "/", ">", "html", "HTML", "body", "BoDy", "b", "h", "p", "x", " ", "\t", "\n", "\x0b",
                "\x1c", "\xa0", "\x85", "\u3000", "\u2003", "\u1680", "\u205f", "\u2028", "\u2010", "中"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))
        assert _DOCUMENT_END.sub(b"", text.encode("utf-8")) == STR_DOCUMENT_END.sub("", text).encode("utf-8"), text


def test_end_tags_are_counted_only_for_markup_that_could_nest_too_deep():
    assert open_excess(b"<p>" * (MAX_DEPTH - 1)) is None  # fewer "<" than the limit: cannot nest that deep
    assert open_excess(b"<font>" * MAX_DEPTH + b"</font>") == MAX_DEPTH - 1  # 1,901 "<", one of them "</"
    assert open_excess(b"<p></p>" * MAX_DEPTH) == 0


def test_markup_after_stray_end_tags_stays():
    root = parse_html("<html><body><div>head</div></body></html>\n<div id=a><p>正文</p></BODY\u3000></html>tail")
    assert root.find(".//div[@id='a']/p").text == "正文"


def test_utf8_input_reaches_the_parser_unchanged():
    page = "<html><head><meta charset=utf-8></head><body><p>索引号：2023-01</p></body></html>".encode()
    decoded = decode_page(page)
    assert decoded.utf8 == page == decoded.text.encode("utf-8")
    assert decode_page(b"\xef\xbb\xbf" + page).utf8 == page  # the BOM is not part of the text
    gb = "<html><head><meta charset=gbk></head><body><p>索引号</p></body></html>".encode("gb18030")
    assert decode_page(gb).utf8 is None  # GB text is encoded for the parser
    assert decode_page(page[:-1] + "中".encode()[:2]).utf8 is None  # cut inside a character
    for data in (page, gb):
        decoded = decode_page(data)
        assert etree.tostring(parse_html(decoded.text, decoded.utf8)) == etree.tostring(parse_html(decoded.text))


def test_drop_removes_what_is_hidden_flags():
    body = "".join([
        '<div id=h1 class="hide">a</div>', '<div id=h2 class="x ng-hide">b</div>', '<p id=v1 class="none-left">c</p>',
        '<p id=h3 style="DISPLAY : NONE">d</p>', '<p id=v2 style="display:block;border:none">e</p>',
        '<p id=h4 style="visibility:hidden">f</p>', '<p id=h5 hidden>g</p>', '<div id=h6 aria-hidden="true">h</div>',
        '<span id=v3 aria-hidden="true">i</span>', '<p id=h7 class="sr-only">j</p>', '<p id=v4 class="hidden-xs">k</p>',
    ])
    root = parse_html(f"<html><body>{body}</body></html>")
    flagged = {el.get("id") for el in root.iter() if el.get("id") and is_hidden(el)}
    drop_non_content(root)
    left = {el.get("id") for el in root.iter() if el.get("id")}
    assert flagged == {"h1", "h2", "h3", "h4", "h5", "h6", "h7"}
    assert left == {"v1", "v2", "v3", "v4"}


def test_hidden_elements_is_is_hidden_in_one_walk():
    body = "".join([
        '<div class="hide"><p class="hidden">a</p></div>', '<ul aria-hidden="true"><li hidden>b</li></ul>',
        '<p class="none-left" style="Visibility: Hidden">c</p>', '<p class="d-none" style="color:red">d</p>',
        '<span aria-hidden="false" class="sr-only x">e</span>', '<p style="display:none" hidden>f</p>',
        '<p class="shide" style="border:none">g</p>', '<div aria-hidden="true">h</div>', '<i aria-hidden="true">i</i>',
    ])
    root = parse_html(f"<html><body>{body}</body></html>")
    assert hidden_elements(root) == [el for el in root.iter() if is_hidden(el)]
    assert len(hidden_elements(root)) == 9  # all but the p.shide and the <i>


def test_control_check_on_bytes_is_the_character_class_on_text():
    """The byte-level pre-check (each control byte, the three-byte forms) answers as the character class on the text."""
    rng = random.Random(11)
    alphabet = ["a", "中", " ", "\t", "\n", "\r", "\ufffd", "\ufffe", "\uffff", "\uefff", "\U0001f600",
                *map(chr, range(0x20))]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        expected = _NOT_XML.search(text) is not None
        assert may_hold_controls(text.encode("utf-8")) == expected, repr(text)
    assert may_hold_controls(b"<p>&#11;</p>") and may_hold_controls(b"<p>&#xFFFE;</p>")
    assert not may_hold_controls(b"<p>&#32; &#12288;</p>")


def test_segments_keep_pieces_owners_and_containers():
    root = parse_html("<html><body><div>索<span>引</span>号：<b>x</b>y<button>no<i>t</i>this</button>z<br>next"
                      "<p>para</p>tail</div></body></html>")
    div = root.find(".//div")
    span, bold, para = div.find("span"), div.find("b"), div.find("p")
    segments = read_segments(root.find("body"))
    assert [s.text for s in segments] == ["索引号：xyz", "next", "para", "tail"]
    first = segments[0]
    assert first.pieces == ["索", "引", "号：", "x", "y", "z"]
    assert first.starts == [0, 1, 2, 4, 5, 6]  # the button's text is skipped, its tail kept; worked out when asked
    assert first.owners == [div, span, div, bold, div, div]
    assert [s.container for s in segments] == [div, div, para, div]
    assert [s.index for s in segments] == [0, 1, 2, 3]


def test_junk_share_counts_controls_and_replacement_characters():
    check_page_text("<p>text</p>\t\n\r\f" * 50)  # layout controls are not junk
    with pytest.raises(ExtractionError):
        check_page_text("abcdefghi\x01" * 20)
    with pytest.raises(ExtractionError):
        check_page_text("abcdefghi\ufffd" * 20)
