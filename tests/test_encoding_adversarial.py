"""Encoding, second round: one test per class of lying label (bytes built here), and the generated set."""

from __future__ import annotations

import codecs
import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from govmeta.cli.main import cli
from govmeta.parsers.encoding.bytescan import detector_sample, nonascii_count
from govmeta.parsers.encoding.decode import STEPS, _single_byte, decode_page
from govmeta.parsers.encoding.mojibake import may_be_latin1_saved
from govmeta.parsers.encoding.plausible import plausibility
from govmeta.parsers.errors import ExtractionError
from govmeta.parsers.record import extract_record
from tests.paths import ROOT

HANS = (
    "关于印发二〇二四年政府信息公开工作要点的通知。各县市区人民政府，市政府各部门：现将工作要点印发给你们，"
    "请结合实际认真贯彻落实。进一步加强政策解读和回应关切，推进决策公开、执行公开、管理公开、服务公开。"
)
HANT = "政府資訊公開工作要點。各縣市政府，現將工作要點印發給你們，請結合實際認真貫徹落實。"
JA = "政府の情報公開制度についてお知らせします。申請の方法や手数料については、窓口までお問い合わせください。"
KO = "정부는 국민의 알 권리를 보장하기 위하여 정보공개 제도를 운영하고 있습니다. 자세한 내용은 안내를 참고하십시오."
RU = "Правительство области опубликовало новый порядок доступа к информации о своей деятельности. Подробности ниже."
FR = "Le conseil a publié le rapport annuel; les élèves et les employés peuvent le consulter à la mairie dès lundi."
ENGLISH = "Notice on the annual report of the information office, section {}. " * 1


def page(body: str, label: str | None = None, title: str = "Notice", head: str = "") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">' if label else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>{title}</title>{head}</head><body><p>{body}</p></body></html>"


def same_text(data: bytes, got: str, true: str) -> bool:
    """tools/score.py's comparison: both codecs give the same text."""
    return data.decode(got, "replace") == data.decode(codecs.lookup(true).name, "replace")


# --- UTF-8 is not single-byte ----------------------------------------------------------------------------


def test_utf8_is_not_a_single_byte_codec() -> None:
    assert not _single_byte("utf-8")
    assert not _single_byte("gb18030") and not _single_byte("cp932")
    assert _single_byte("cp1252") and _single_byte("koi8-r") and _single_byte("cp1251")


@pytest.mark.parametrize(
    ("text", "codec", "truth"),
    [(HANS * 3, "gbk", "gb18030"), (FR * 3, "cp1252", "cp1252"), (RU * 3, "koi8-r", "koi8-r")],
)
def test_utf8_label_that_does_not_decode_is_not_kept(text: str, codec: str, truth: str) -> None:
    data = page(text, "utf-8").encode(codec)
    d = decode_page(data)
    assert same_text(data, d.name, truth), d
    assert "\ufffd" not in d.text and text in d.text
    assert any("contradicted" in w for w in d.warnings)


# --- a declared multi-byte codec with a few bad bytes loses to a clean, plausible one ---------------------


@pytest.mark.parametrize(
    ("text", "codec", "label", "truth"),
    [(HANS * 3, "gbk", "euc-kr", "gb18030"), (KO * 3, "euc_kr", "big5", "cp949"), (FR, "latin-1", "gb2312", "cp1252")],
)
def test_damaged_declared_reading_loses_to_a_clean_plausible_one(text, codec, label, truth) -> None:
    data = page(text, label).encode(codec)
    d = decode_page(data)
    assert same_text(data, d.name, truth), d
    assert text in d.text


def test_damaged_declared_reading_is_kept_when_nothing_reads_better() -> None:
    data = page(HANS * 3, "gb2312").encode("gbk").replace(b"<p>", b"<p>\x80", 1)
    d = decode_page(data)
    assert (d.name, d.step) == ("gb18030", "declared-tolerable")


# --- clean but implausible ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "label", "truth"),
    [
        (JA * 2, "euc_jp", "gb2312", "euc_jp"),
        (KO * 2, "euc_kr", "gbk", "cp949"),
        (JA * 2, "shift_jis", "gb2312", "cp932"),
        (RU * 2, "koi8-r", "windows-1251", "koi8-r"),
        (RU * 2, "cp1251", "koi8-r", "cp1251"),
    ],
)
def test_clean_but_implausible_label_loses(text, codec, label, truth) -> None:
    data = page(text, label).encode(codec)
    wrong = codecs.lookup({"gb2312": "gb18030", "gbk": "gb18030"}.get(label, label)).name
    assert plausibility(data.decode(wrong)) < plausibility(data.decode(truth))
    d = decode_page(data)
    assert same_text(data, d.name, truth), d
    assert text in d.text


@pytest.mark.parametrize("label", ["gb2312", "gbk"])
def test_one_accented_letter_under_a_gb_label(label: str) -> None:
    text = "Fehlermeldungen unterdrücken und nicht passende Zeilen anzeigen"
    data = page(text, label, "Hilfe").encode("latin-1")
    data.decode("gb18030")  # the trap: ü and the c after it are one GBK character
    d = decode_page(data)
    assert d.name == "cp1252" and text in d.text


def test_koi8r_words_in_capitals_under_a_windows_1251_label() -> None:
    text = "(ОШИБКА ПРОГРАММЫ) Ключ должен быть распознан. " + RU
    data = page(text * 2, "windows-1251").encode("koi8-r")
    d = decode_page(data)
    assert d.name == "koi8-r" and text in d.text


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252"])
def test_gbk_line_under_a_latin1_label_on_a_mostly_ascii_page(label: str) -> None:
    body = "".join(ENGLISH.format(k) for k in range(20)) + "附件：关于政府信息公开的通知"
    data = page(body, label, "Annual report").encode("gbk")
    d = decode_page(data)
    assert d.name == "gb18030"
    assert "附件：关于政府信息公开的通知" in d.text


def test_right_labels_stay_declared() -> None:
    for text, codec, label in [(JA, "euc_jp", "euc-jp"), (KO, "euc_kr", "euc-kr"), (RU, "koi8-r", "koi8-r"),
                               (RU, "cp1251", "windows-1251"), (FR, "cp1252", "iso-8859-1"), (HANS, "gbk", "gbk")]:
        d = decode_page(page(text, label).encode(codec))
        assert (d.source, d.step) == ("declared", "declared" if codec in ("euc_jp", "euc_kr", "gbk")
                                      else "declared-single-byte"), (label, d)
        assert d.warnings == ()


# --- the detector samples non-ASCII bytes wherever they are -------------------------------------------------


def test_first_non_ascii_byte_after_64kb_of_script() -> None:
    script = "<script>" + "var t = [1, 2, 3, 4, 5, 6, 7, 8, 9];\n" * 2000 + "</script>"
    data = page(HANS * 2, None, "Notice", script).encode("gbk")
    assert data.find("关".encode("gbk")) > 64 * 1024
    sample = detector_sample(data)
    assert len(sample) <= 64 * 1024 and nonascii_count(sample) == nonascii_count(data)
    d = decode_page(data)
    assert d.name == "gb18030" and HANS in d.text


# --- short unlabelled Cyrillic ----------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
def test_short_unlabelled_cyrillic(codec: str) -> None:
    text = "Привет, как дела у нашего отдела?"
    data = f"<html><body><p>{text}</p></body></html>".encode(codec)
    d = decode_page(data)
    assert d.name == codec and text in d.text


# --- a UTF-8 page with one GBK paragraph --------------------------------------------------------------------


@pytest.mark.parametrize("label", [None, "utf-8"])
def test_utf8_page_with_one_gbk_paragraph(label: str | None) -> None:
    gbk = "<p>附件：政府信息公开申请表</p>".encode("gbk")
    data = page(HANS * 3, label).encode("utf-8").replace(b"</body>", gbk + b"</body>")
    d = decode_page(data)
    assert (d.name, d.step) == ("utf-8", "utf-8-majority")
    assert HANS * 3 in d.text and "附件：政府信息公开申请表" in d.text
    assert any("not UTF-8 decoded as gb18030" in w for w in d.warnings)


def test_utf8_page_with_undecodable_minority_replaces_it() -> None:
    data = page(HANS * 3).encode("utf-8").replace(b"</body>", b"<p>\xff\xfe\xfd\xfc</p></body>")
    d = decode_page(data)
    assert d.name == "utf-8" and HANS * 3 in d.text
    assert "\ufffd" in d.text and any("replacement character" in w for w in d.warnings)


# --- --encoding that does not fit ---------------------------------------------------------------------------


def test_encoding_big5_on_a_utf8_page_says_it_does_not_decode() -> None:
    data = page(HANS, "utf-8").encode("utf-8")
    with pytest.raises(ExtractionError, match="does not decode as big5") as exc:
        extract_record(data, encoding="big5")
    assert "looks binary" not in exc.value.message


def test_cli_encoding_big5_on_a_utf8_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(page(HANS, "utf-8").encode("utf-8"))
    result = CliRunner().invoke(cli, ["extract", str(path), "--encoding", "big5", "-q"])
    record = json.loads(result.stdout.splitlines()[0])
    assert record["error"]["type"] == "wrong_encoding"
    assert "does not decode as big5" in record["error"]["message"]


# --- detect says which step decided ------------------------------------------------------------------------


def test_detect_reports_the_step(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(page(HANS, "gb2312").encode("gbk"))
    (tmp_path / "b.html").write_bytes(page(JA, "gb2312").encode("euc_jp"))
    result = CliRunner().invoke(cli, ["detect", str(tmp_path), "--format", "jsonl"])
    records = {Path(r["path"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["a.html"]["step"] == "declared"
    assert records["b.html"]["step"] == "content" and records["b.html"]["encoding"]["name"] == "euc_jp"
    assert {name for name, _step in STEPS} >= {"declared", "content", "utf-8-majority", "last-resort"}


# --- the generated adversarial set --------------------------------------------------------------------------

CATALOGUE = Path("/usr/share/locale/zh_CN/LC_MESSAGES/coreutils.mo")


@pytest.mark.skipif(not CATALOGUE.is_file(), reason="gettext catalogues (coreutils translations) are absent")
def test_generated_adversarial_set(tmp_path: Path) -> None:
    script = ROOT / "bench" / "make_encoding_set.py"
    subprocess.run([sys.executable, str(script), str(tmp_path), "--pages-per-case", "1"], check=True)
    with open(tmp_path / "truth.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    right: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    wrong = []
    for row in rows:
        data = (tmp_path / row["path"]).read_bytes()
        d = decode_page(data)
        asked[row["language"]] += 1
        if same_text(data, d.name, row["true_codec"]):
            right[row["language"]] += 1
        else:
            wrong.append(f"{row['path']}: true {row['true_codec']} got {d.name} ({d.step})")
    assert len(rows) >= 100
    chinese = [lang for lang in asked if lang.startswith("zh")]
    assert all(right[lang] == asked[lang] for lang in chinese), wrong
    assert sum(right.values()) >= 0.97 * len(rows), wrong


# --- pages saved through a Latin-1 reading ---------------------------------------------------------------


def _latin1_reading(data: bytes, windows: bool = False) -> bytes:
    """What a crawler that read ``data`` as ISO-8859-1 (or windows-1252) and wrote the text as UTF-8 saves."""
    if not windows:
        return data.decode("latin-1").encode("utf-8")
    chars = []
    for byte in data:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: through as U+0081 …
            chars.append(chr(byte))
    return "".join(chars).encode("utf-8")


@pytest.mark.parametrize(("label", "codec", "windows"), [
    ("utf-8", "utf-8", False), ("utf-8", "utf-8", True), ("gb2312", "gbk", False), (None, "gbk", True),
    ("big5", "big5", False),
])
def test_page_saved_through_a_latin1_reading_is_repaired(label: str | None, codec: str, windows: bool) -> None:
    text = HANS if codec != "big5" else HANT
    original = page(text * 2, label, title="通知")
    d = decode_page(_latin1_reading(original.encode(codec), windows))
    assert d.text == original
    assert (d.name, d.step) == ("utf-8", "latin-1-repair")
    assert any("saved through a Latin-1 reading" in w for w in d.warnings)
    assert d.utf8 is None  # the parser gets the repaired text, not the file's bytes


@pytest.mark.parametrize("text", [
    FR * 4,  # real Latin-1 letters in UTF-8
    HANS + " 3×4÷2 " * 10,  # Chinese with × and ÷
    "Ã©tÃ© " * 20,  # Latin-1 letters that read back as UTF-8 but hold no CJK
])
def test_utf8_with_latin1_letters_stays_as_it_is(text: str) -> None:
    data = page(text, "utf-8").encode("utf-8")
    d = decode_page(data)
    assert (d.name, d.step, d.text) == ("utf-8", "utf-8", data.decode("utf-8"))


def test_latin1_saved_test_reads_the_head_first_then_the_whole_file() -> None:
    """A CJK lead byte in the first 4 KB answers at once; past it, the letters and wider characters of the
    whole file decide as before (a character of the windows-1252 signs is not a wider one)."""
    mojibake = _latin1_reading(page(HANS * 2, "utf-8").encode("utf-8"))
    assert may_be_latin1_saved(mojibake)
    assert not may_be_latin1_saved("通知".encode() + mojibake)  # CJK in the head
    padding = b" " * 5000
    assert not may_be_latin1_saved(mojibake + padding + "通知".encode())  # CJK only past the head
    assert may_be_latin1_saved(mojibake + padding + "“—”".encode())  # signs anywhere
    assert not may_be_latin1_saved(FR.encode() + padding + "通知".encode())  # too few letters
