"""``--simplified``: off by default, OpenCC when asked, through the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govmeta.cli.main import cli
from govmeta.parsers.simplify import config_for, to_simplified
from tests.paths import FIXTURES, SHARED, needs_shared

TRADITIONAL = FIXTURES / "text" / "traditional_simplified.txt"
SEED = SHARED / "seeds" / "000_82198d2a6cde71d4.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def extract(runner: CliRunner, *args: str) -> dict:
    result = runner.invoke(cli, ["extract", "-q", *args])
    assert result.exit_code == 0, result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.strip()]
    return json.loads(line)


def test_traditional_page_stays_as_written_by_default(runner):
    record = extract(runner, str(TRADITIONAL))
    assert record["title"] == "關於印發《東湖區促進數字經濟高質量發展若干措施》的通知"
    assert record["fields"][0]["label"] == "索引號"
    assert record["metadata"]["publisher"] == "東湖區人民政府辦公室"  # labels are recognised all the same


def test_simplified_flag_converts_the_record_text(runner):
    record = extract(runner, str(TRADITIONAL), "--simplified")
    assert record["title"] == "关于印发《东湖区促进数字经济高质量发展若干措施》的通知"
    assert record["breadcrumb"] == ["首页", "政务公开", "政策文件", "区政府办文件"]
    assert record["fields"][0] == {"label": "索引号", "value": "11420102MB1A2C0039/2023-00021"}
    assert record["metadata"]["publisher"] == "东湖区人民政府办公室"
    body = "".join(record["paragraphs"])
    assert "随着数字产业" in body and "着力优化" in body and "显著提升" in body
    assert record["path"] == str(TRADITIONAL) and record["encoding"]["name"] == "utf-8"


@needs_shared
def test_seed_simplified_through_the_cli(runner):
    gold = json.loads(SEED.with_name(SEED.name + ".gold.json").read_text(encoding="utf-8"))
    record = extract(runner, str(SEED), "--simplified")
    assert record["paragraphs"] == gold["paragraphs"]  # 着力推进 included
    assert record["metadata"] == gold["metadata"]
    assert (record["kicker"], record["title"]) == (gold["kicker"], gold["title"])


def test_config_follows_the_record_script():
    simplified = {"title": "显著提升服务水平", "paragraphs": ["著名作家的著作"]}
    traditional = {"title": "顯著提升服務水準", "paragraphs": ["隨著產業發展,著力優化環境"]}
    assert config_for(simplified) == "t2s"
    assert config_for(traditional) == "tw2s"
    assert to_simplified(simplified) == simplified  # simplified text is left alone (no 显着)
    assert to_simplified(traditional)["paragraphs"] == ["随着产业发展,着力优化环境"]


def test_urls_and_non_text_keys_are_not_converted():
    record = {"url": "http://例子.gov.cn/發布", "path": "頁面.txt", "title": "發布",
              "attachments": [{"name": "附件.pdf", "url": "/檔案/附件.pdf"}]}
    out = to_simplified(record)
    assert out["url"] == record["url"] and out["path"] == record["path"]
    assert out["attachments"][0]["url"] == "/檔案/附件.pdf"
    assert out["title"] == "发布"
