"""Pinyin-annotation repair: what is removed, what is never touched, and lost characters."""

from __future__ import annotations

import importlib.util

import pytest

from govmeta.parsers.text.pinyin_repair import count_annotations, is_annotated, repair_pinyin
from tests.paths import SHARED, needs_shared

HAS_WORD_LIST = importlib.util.find_spec("pypinyin_dict") is not None
# A converter's output: readings after many characters (網(wǎng)站 ...).
DENSE = ("網(wǎng)站支持IPv6。當(dāng)前位置:宜興市人民政府>政府信息公開>法定主動(dòng)公開內(nèi)容。"
         "延長(zhǎng)縣黨政代表團(tuán)來(lái)宜考察並召開東西部協(xié)作聯(lián)席會(huì)議。")


def test_dense_annotations_are_removed():
    repair = repair_pinyin(DENSE)
    assert repair.text == ("網站支持IPv6。當前位置:宜興市人民政府>政府信息公開>法定主動公開內容。"
                           "延長縣黨政代表團來宜考察並召開東西部協作聯席會議。")
    assert repair.removed == 10
    assert repair.warnings and "pinyin annotations removed: 10" in repair.warnings[0]


def test_real_brackets_are_never_touched():
    text = (DENSE + "主題(一) 民政 主題(二) 扶貧。大有秋項(xiàng)目(大拈花灣文化旅遊康養(yǎng)項(xiàng)目)等地。"
            "附件(PDF)、(a)、（二）。")
    repaired = repair_pinyin(text).text
    assert "主題(一) 民政 主題(二) 扶貧" in repaired
    assert "大有秋項目(大拈花灣文化旅遊康養項目)等地" in repaired
    assert "附件(PDF)、(a)、（二）" in repaired


def test_full_width_brackets_and_neutral_tone_readings_go_in_a_dense_text():
    text = DENSE + "我們(men)的(de)工作（gōng）作。"
    assert repair_pinyin(text).text.endswith("我們的工作作。")


def test_a_few_readings_in_ordinary_text_stay():
    text = "莜(yóu)麦是一种粮食作物，" + "本地农户普遍种植，产量稳定。" * 20
    assert count_annotations(text) == 1
    assert not is_annotated(text)
    repair = repair_pinyin(text)
    assert repair.text == text and repair.warnings == []


def test_latin_words_in_brackets_are_not_readings():
    text = "会议(meeting)与网站(website)及系统(IPv6)说明。" * 10
    assert count_annotations(text) == 0
    assert repair_pinyin(text).text == text


def test_lost_character_without_a_unique_word_stays_marked():
    # 日 + a lost qǐng + a lost bào: no word fits the readings and known neighbours, so both stay "?".
    repair = repair_pinyin(DENSE + "來(lái)源:宜興日?qǐng)?bào)    日期:2023-08-26")
    assert "來源:宜興日??    日期:2023-08-26" in repair.text
    assert repair.lost == 2 and repair.recovered == 0
    assert any("kept as '?': 2 (readings qǐng, bào)" in w for w in repair.warnings)


@pytest.mark.skipif(not HAS_WORD_LIST, reason="the optional word list (pypinyin-dict) is not installed")
def test_lost_character_recovered_when_one_word_fits():
    repair = repair_pinyin(DENSE + "請按要求提交申?qǐng)材料。")
    assert "提交申請材料" in repair.text  # 申 + qǐng -> 申请 only; written back in traditional
    assert repair.recovered == 1
    assert any("recovered" in w for w in repair.warnings)


@needs_shared
def test_seed_annotations():
    text = (SHARED / "seeds" / "000_82198d2a6cde71d4.txt").read_text(encoding="utf-8")
    repair = repair_pinyin(text)
    assert (repair.removed, repair.lost) == (317, 2)
    assert count_annotations(repair.text) == 0
    assert "主題(一)" in repair.text and "(大拈花灣文化旅游康養項目)" in repair.text
