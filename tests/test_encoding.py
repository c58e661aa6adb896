"""decode_page and codec_for_label: one test per edge case, bytes built in the test; plus the shared corpus."""

from __future__ import annotations

import codecs
import csv
import subprocess
import sys

import pytest

from govmeta.parsers import rules
from govmeta.parsers.encoding import charsets
from govmeta.parsers.encoding.charsets import NORMALISED_LABELS, codec_for_label
from govmeta.parsers.encoding.decode import Decoded, decode_page
from govmeta.parsers.errors import ExtractionError
from tests.paths import SHARED, needs_shared

HANS = (
    "关于印发《2024年政府信息公开工作要点》的通知。各县（市、区）人民政府，市政府各部门："
    "现将工作要点印发给你们，请结合实际认真贯彻落实。索引号：001008003/2024-00123，"
    "发布机构：市人民政府办公室，成文日期：2024年3月15日。进一步加强政策解读和回应关切，"
    "推进决策公开、执行公开、管理公开、服务公开、结果公开。"
)
HANT = (
    "關於印發《2024年政府資訊公開工作要點》的通知。各縣市人民政府，市政府各部門："
    "現將工作要點印發給你們，請結合實際認真貫徹落實。發布機構：市人民政府辦公室，"
    "成文日期：2024年3月15日。進一步加強政策解讀和回應關切，推進決策公開、執行公開、"
    "管理公開、服務公開、結果公開。"
)
GBK_ONLY = "朱镕基 陶喆 王堃"  # GBK-only characters that Python's gb2312 codec rejects


def page(body: str, head: str = "", title: str = "政府信息公开") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body><p>{body}</p></body></html>"


META = '<meta http-equiv="Content-Type" content="text/html; charset={}">'


def meta(label: str) -> str:
    return META.format(label)


def contradicted(d: Decoded) -> bool:
    return any("contradicted" in w for w in d.warnings)


# --- declared labels widened and verified ----------------------------------------------------------------


def test_gb2312_label_over_gbk_only_characters() -> None:
    data = page(HANS + GBK_ONLY, meta("gb2312")).encode("gbk")
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("gb18030", "declared", "gb2312")
    assert GBK_ONLY in d.text and HANS in d.text
    assert d.warnings == ()
    assert d.confidence >= 0.95


def test_gb18030_only_characters_under_gbk_label() -> None:
    data = page(HANS + "䶮 𠮷", meta("gbk")).encode("gb18030")
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("gb18030", "declared", "gbk")
    assert "䶮 𠮷" in d.text
    assert d.warnings == ()


def test_gb2312_middle_dot_and_dash_decode_as_gbk_does() -> None:
    data = page(HANS + "·—", meta("gb2312")).encode("gbk")  # A1A4 and A1AA
    assert "·—" in decode_page(data).text


def test_big5_bytes_under_gb2312_label() -> None:
    data = page(HANT * 4, meta("gb2312"), "政府資訊公開").encode("big5")
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("big5hkscs", "detected", "gb2312")
    assert HANT in d.text
    assert contradicted(d)


def test_utf8_under_gb2312_label() -> None:
    data = page(HANS, meta("gb2312")).encode("utf-8")
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("utf-8", "detected", "gb2312")
    assert HANS in d.text
    assert "declared charset gb2312 contradicted by the bytes: decoded as utf-8" in d.warnings


def test_gbk_under_utf8_label() -> None:
    data = page(HANS * 4, '<meta charset="utf-8">').encode("gbk")
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("gb18030", "detected", "utf-8")
    assert HANS in d.text
    assert contradicted(d)


def test_iso_8859_1_label_over_gbk() -> None:
    data = page(HANS * 4, meta("iso-8859-1")).encode("gbk")
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("gb18030", "detected", "iso-8859-1")
    assert HANS in d.text
    assert contradicted(d)


def test_iso_8859_1_label_over_latin_text_is_kept() -> None:
    data = page("Café déjà vu, naïve façade — über " * 10, meta("iso-8859-1"), "Rapport").encode("cp1252")
    d = decode_page(data)
    assert (d.name, d.source) == ("cp1252", "declared")
    assert "Café déjà vu" in d.text


# --- where declarations are found ------------------------------------------------------------------------


def test_commented_out_meta_is_skipped() -> None:
    head = '<!-- <meta charset="utf-8"> -->' + meta("gb2312")
    d = decode_page(page(HANS, head).encode("gbk"))
    assert (d.name, d.source, d.declared) == ("gb18030", "declared", "gb2312")
    assert d.warnings == ()


def test_only_meta_inside_a_comment_is_no_declaration() -> None:
    d = decode_page(page("plain ascii", "<!-- <meta charset=big5> -->", "Report").encode("ascii"))
    assert (d.name, d.declared) == ("ascii", None)


def test_meta_after_the_first_1024_bytes_is_used_and_marked_late() -> None:
    style = "<style>" + ".nav li { float: left; margin: 0 4px; }\n" * 60 + "</style>"
    assert len(style) > rules.encoding.PRESCAN_BYTES
    d = decode_page(page(HANS, style + meta("gbk")).encode("gbk"))
    assert (d.name, d.source, d.declared) == ("gb18030", "declared", "gbk")
    assert 0.5 < d.confidence < 0.99
    assert any("late" in w for w in d.warnings)
    assert HANS in d.text


def test_content_without_http_equiv_is_weak_evidence() -> None:
    d = decode_page(page(HANS, '<meta content="text/html; charset=gbk">').encode("gbk"))
    assert (d.name, d.source, d.declared) == ("gb18030", "declared", "gbk")
    assert d.confidence < 0.99
    assert any("without http-equiv" in w for w in d.warnings)


def test_content_without_http_equiv_loses_to_a_real_declaration() -> None:
    head = '<meta content="text/html; charset=big5">' + meta("gbk")
    d = decode_page(page(HANS, head).encode("gbk"))
    assert (d.name, d.declared) == ("gb18030", "gbk")
    assert d.warnings == ()


def test_xml_declaration() -> None:
    data = ('<?xml version="1.0" encoding="big5"?><rss><item>' + HANT + "</item></rss>").encode("big5")
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("big5hkscs", "declared", "big5")
    assert HANT in d.text


# --- byte order marks and UTF-16 -------------------------------------------------------------------------


def test_bom_beats_a_contrary_meta() -> None:
    data = codecs.BOM_UTF8 + page(HANS, meta("gbk")).encode("utf-8")
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("utf-8", "bom", "gbk")
    assert d.text.startswith("<!DOCTYPE")  # BOM removed
    assert any("overrides declared charset gbk" in w for w in d.warnings)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_with_bom(codec: str) -> None:
    text = page(HANS, meta("gb2312"))
    d = decode_page(("\ufeff" + text).encode(codec))
    assert (d.name, d.source) == (codec, "bom")
    assert d.text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_without_bom(codec: str) -> None:
    text = page(HANS)
    d = decode_page(text.encode(codec))
    assert (d.name, d.source) == (codec, "detected")
    assert d.text == text


# --- damaged bytes ---------------------------------------------------------------------------------------


def test_gbk_file_cut_inside_a_character() -> None:
    data = page(HANS, meta("gb2312")).encode("gbk") + "政".encode("gbk")[:1]
    d = decode_page(data)
    assert (d.name, d.source) == ("gb18030", "declared")
    assert d.text.endswith("\ufffd") and HANS in d.text
    assert "the file ends inside a character" in d.warnings


def test_utf8_file_cut_inside_a_character_is_still_utf8() -> None:
    data = page(HANS, meta("gb2312")).encode("utf-8") + "政".encode()[:2]
    d = decode_page(data)
    assert d.name == "utf-8"
    assert d.text.endswith("\ufffd") and HANS in d.text
    assert "the file ends inside a character" in d.warnings


def test_gbk_page_with_one_utf8_line() -> None:
    gbk = page(HANS * 3, meta("gb2312")).encode("gbk")
    footer = "<p>版权所有：某某市人民政府办公室 地址：人民路1号</p>".encode()
    data = gbk.replace(b"</body>", footer + b"</body>")
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("gb18030", "declared", "gb2312")
    assert HANS * 3 in d.text
    assert any("replacement character" in w for w in d.warnings)
    assert d.confidence < 0.99


def test_stray_0x80_in_a_gbk_page() -> None:
    gbk = page(HANS * 3, meta("gbk")).encode("gbk")
    data = gbk.replace(b"<p>", b"<p>\x80", 1)
    d = decode_page(data)
    assert (d.name, d.source) == ("gb18030", "declared")
    assert HANS * 3 in d.text
    assert "1 replacement character" in d.warnings


def test_undecodable_bytes_never_raise() -> None:
    d = decode_page(bytes(range(0x80, 0x100)) * 3 + b"<p>x</p>")
    assert isinstance(d.text, str) and d.name
    assert d.warnings


def test_short_gbk_that_is_also_valid_utf8_reads_as_gb() -> None:
    data = "<html><head><title>通知</title></head><body>notice</body></html>".encode("gbk")
    data.decode("utf-8")  # the trap: CD A8 D6 AA is valid UTF-8
    d = decode_page(data)
    assert (d.name, d.source) == ("gb18030", "detected")
    assert "通知" in d.text


@pytest.mark.parametrize("text", ["Café déjà vu, naïve façade über", "Привет, как дела? Всё хорошо.", "Καλημέρα κόσμε"])
def test_two_byte_utf8_in_one_script_stays_utf8(text: str) -> None:
    d = decode_page(page(text * 5, "", "Report").encode("utf-8"))
    assert (d.name, d.source) == ("utf-8", "detected")
    assert text in d.text


def test_undeclared_iso_2022_jp() -> None:
    text = "政府の情報公開制度についてのお知らせです。"
    data = page(text * 3, "", "Notice").encode("iso2022_jp")
    assert data.isascii()
    d = decode_page(data)
    assert d.name.startswith("iso2022_jp")
    assert text in d.text


# --- labels ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("gb2312", "gb18030"),
        ("GB2312", "gb18030"),
        ("gb-2312", "gb18030"),
        ("GB_2312-80", "gb18030"),
        ("euc-cn", "gb18030"),
        ("cp936", "gb18030"),
        ("x-gbk", "gb18030"),
        ("chinese", "gb18030"),
        ("big5", "big5hkscs"),
        ("Big5-HKSCS", "big5hkscs"),
        ("unicode", "utf-16-le"),
        ("hz-gb-2312", "hz"),
        ("iso-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("shift_jis", "cp932"),
        ("euc-kr", "cp949"),
        (" UTF8 ", "utf-8"),
    ],
)
def test_codec_for_label(label: str, codec: str) -> None:
    assert codec_for_label(label) == codec
    assert codecs.lookup(codec).name == codec


@pytest.mark.parametrize("label", ["iso-2022-cn", "replacement", "x-user-defined", "base64", "rot13", "bogus", ""])
def test_codec_for_label_unknown(label: str) -> None:
    assert codec_for_label(label) is None


def test_punctuation_free_spellings_are_unambiguous() -> None:
    assert NORMALISED_LABELS["gb2312"] == "gb18030"
    assert NORMALISED_LABELS["utf16be"] == "utf-16-be"


def test_label_tables_spell_each_codec_by_its_exact_name() -> None:
    # The tables are built without loading a codec module (start-up): that keeps their meaning only
    # while every spelling is its codec's own name and no two spellings name one codec.
    spellings = set(charsets.PYTHON_CODECS.values()) | set(charsets.REPLACEMENT_OVERRIDES.values())
    spellings |= set(charsets.EXTRA_LABELS.values())
    spellings.discard(None)
    exact = {spelling: codecs.lookup(spelling).name for spelling in spellings}
    assert all(spelling == name for spelling, name in exact.items())
    assert len(set(exact.values())) == len(exact)


@pytest.mark.parametrize("label", ["gb-2312", "euc-cn", "cp936"])
def test_odd_gb_labels_in_a_page(label: str) -> None:
    d = decode_page(page(HANS + GBK_ONLY, meta(label)).encode("gbk"))
    assert (d.name, d.source, d.declared) == ("gb18030", "declared", label)
    assert d.warnings == ()


def test_unicode_label_in_a_meta_means_utf8() -> None:
    d = decode_page(page(HANS, meta("unicode")).encode("utf-8"))
    assert (d.name, d.source, d.declared) == ("utf-8", "declared", "unicode")
    assert d.warnings == ()


def test_hz_gb_2312_page_decodes() -> None:
    data = page(HANS, meta("hz-gb-2312")).encode("hz")
    assert data.isascii()
    d = decode_page(data)
    assert (d.name, d.source, d.declared) == ("hz", "declared", "hz-gb-2312")
    assert HANS in d.text


def test_unknown_label_is_reported_and_ignored() -> None:
    d = decode_page(page(HANS, meta("x-klingon")).encode("utf-8"))
    assert (d.name, d.source, d.declared) == ("utf-8", "detected", "x-klingon")
    assert "unknown charset label 'x-klingon' ignored" in d.warnings


# --- ASCII, override, transport, empty -------------------------------------------------------------------


def test_ascii_only_with_gb2312_label() -> None:
    data = page("Annual report 2024", meta("gb2312"), "Report").encode("ascii")
    d = decode_page(data)
    assert (d.name, d.source, d.declared, d.confidence) == ("gb18030", "declared", "gb2312", 1.0)
    assert d.text == data.decode("ascii")
    assert d.warnings == ()


def test_ascii_only_without_label() -> None:
    d = decode_page(b"<html><body>plain</body></html>")
    assert (d.name, d.source, d.declared) == ("ascii", "detected", None)


def test_override() -> None:
    data = page(HANS, '<meta charset="utf-8">').encode("gbk")
    d = decode_page(data, override="GBK")
    assert (d.name, d.source, d.confidence, d.declared) == ("gb18030", "override", 1.0, None)
    assert HANS in d.text


def test_override_with_a_stray_byte_counts_replacements() -> None:
    data = page(HANS * 3).encode("utf-8").replace(b"<p>", b"<p>\xff", 1)
    d = decode_page(data, override="utf-8")
    assert (d.name, d.source, d.step) == ("utf-8", "override", "override")
    assert "1 replacement character decoding as utf-8" in d.warnings


def test_override_that_does_not_fit_says_so() -> None:
    with pytest.raises(ExtractionError, match="does not decode as big5") as exc:
        decode_page(page(HANS).encode("utf-8"), override="big5")
    assert exc.value.kind == "wrong_encoding"


def test_unknown_override_raises_naming_the_label() -> None:
    with pytest.raises(ValueError, match="klingon"):
        decode_page(b"<html></html>", override="klingon")


def test_transport_charset() -> None:
    data = page(HANS).encode("gbk")
    d = decode_page(data, transport="text/html; charset=GBK")
    assert (d.name, d.source, d.declared) == ("gb18030", "http", "GBK")
    assert HANS in d.text
    assert decode_page(data, transport="gbk").source == "http"


def test_transport_charset_beats_meta_when_both_fit() -> None:
    data = page(HANS, meta("big5")).encode("gbk")
    d = decode_page(data, transport="text/html; charset=gb2312")
    assert (d.name, d.source, d.declared) == ("gb18030", "http", "gb2312")


def test_wrong_transport_charset_is_contradicted() -> None:
    d = decode_page(page(HANS).encode("utf-8"), transport="text/html; charset=gbk")
    assert (d.name, d.source, d.declared) == ("utf-8", "detected", "gbk")
    assert contradicted(d)


def test_empty_bytes() -> None:
    d = decode_page(b"")
    assert (d.text, d.name, d.source) == ("", "ascii", "detected")


def test_info_is_the_record_object() -> None:
    info = decode_page(page(HANS, meta("gbk")).encode("gbk")).info()
    assert info == {"name": "gb18030", "source": "declared", "confidence": 0.99, "declared": "gbk"}


def test_chardet_is_imported_only_when_needed() -> None:
    code = (
        "import sys; from govmeta.parsers.encoding.decode import decode_page; "
        "decode_page('<meta charset=gbk><p>中文</p>'.encode('gbk')); "
        "decode_page('<p>中文</p>'.encode('utf-8')); "
        "print('chardet' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the shared corpus -----------------------------------------------------------------------------------


def _same_text(data: bytes, a: str, b: str) -> bool:
    """tools/score.py's comparison: both codecs give the same text (errors replaced, BOM stripped)."""

    def dec(codec: str) -> str:
        return data.decode(codecs.lookup(codec).name, errors="replace").lstrip("\ufeff")

    return dec(a) == dec(b)


@needs_shared
def test_shared_encoding_corpus() -> None:
    base = SHARED / "corpus" / "encoding"
    with open(base / "truth.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    wrong: list[str] = []
    must: list[str] = []
    for row in rows:
        data = (base / row["path"]).read_bytes()
        d = decode_page(data)
        assert codecs.lookup(d.name).name == d.name
        if not _same_text(data, d.name, row["true_codec"]):
            wrong.append(f"{row['path']}: true {row['true_codec']} got {d.name}")
            if row["language"] in ("zh-hans", "zh-hant", "unicode", "ascii") or row["set"] == "synth":
                must.append(wrong[-1])
    assert not must, must
    assert (len(rows) - len(wrong), len(rows)) == (411, 411), wrong
