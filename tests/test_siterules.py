"""Site rules (--rules): a rule file corrects a misread page and changes nothing else; bad files stop the run
before any page is read, with one line naming the file, the rule and the problem."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest
from click.testing import CliRunner

from govmeta.cli.main import cli
from govmeta.parsers import SiteRules, extract_record
from tests.paths import FIXTURES, ROOT, SAMPLE

MISREAD = FIXTURES / "rules" / "misread_portal.html"
RULE_FILE = FIXTURES / "rules" / "misread_portal.toml"


def _records(*args: str) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-m", "govmeta.cli", "extract", "-q", *args], capture_output=True,
                          check=False, cwd=ROOT)
    return {json.loads(line)["path"]: line for line in done.stdout.decode("utf-8").splitlines()}


def test_the_rule_file_fixes_title_body_and_a_field_and_changes_no_other_fixture():
    plain = _records(str(FIXTURES))
    ruled = _records("--rules", str(RULE_FILE), str(FIXTURES))
    assert plain.keys() == ruled.keys() and str(MISREAD) in plain
    before, after = json.loads(plain[str(MISREAD)]), json.loads(ruled[str(MISREAD)])
    # What the generic reader gets wrong on this layout, and what the rule gives.
    assert before["title"] != "汛期水库调度运行公告" and "index_no" not in before["metadata"]
    assert after["title"] == "汛期水库调度运行公告"
    assert after["paragraphs"] == ["各水库管理单位", "一 严格执行汛限水位", "二 落实二十四小时值班",
                                   "三 及时报送雨情水情", "东阳湖市水务局", "2024年5月20日"]
    assert after["metadata"]["index_no"] == "DYH-SW-2024-0042"
    assert after["rules_applied"] == ["dongyanghu-water-title-body"]
    others = [path for path in plain if path != str(MISREAD)]
    assert len(others) >= 30
    assert all(plain[path] == ruled[path] for path in others)  # byte for byte


def _rules(text: str, name: str = "rules.toml") -> SiteRules:
    import tomllib

    return SiteRules.from_mapping(tomllib.loads(text), name)


def test_selection_by_domain_path_and_meta():
    page = SAMPLE.read_bytes()
    selections = ('domain = "dongyanghu.gov.cn"', 'path = "*/dongyanghu_*.html"', 'meta = {SiteIDCode = "3399000001"}')
    for selection in selections:
        rules = _rules(f'[[rule]]\nname = "r"\n{selection}\nset = {{"site.column" = "测试栏目"}}\n')
        record = extract_record(page, str(SAMPLE), rules=rules)
        assert record["rules_applied"] == ["r"], selection
        assert record["site"]["column"] == "测试栏目"
    unrelated = _rules('[[rule]]\nname = "r"\ndomain = "example.org"\ntitle = "//h1"\n')
    assert extract_record(page, str(SAMPLE), rules=unrelated) == extract_record(page, str(SAMPLE))


def test_a_selector_that_matches_nothing_is_a_warning():
    rules = _rules('[[rule]]\nname = "r"\ntitle = "css:div.no-such-class"\n')
    record = extract_record(SAMPLE.read_bytes(), str(SAMPLE), rules=rules)
    assert record["title"] == extract_record(SAMPLE.read_bytes(), str(SAMPLE))["title"]
    assert "rule r: title selector matched nothing" in record["warnings"]


def test_rules_pickle_and_give_the_same_records_in_workers():
    rules = SiteRules.from_mapping({"rule": [{"name": "r", "title": "css:div.t1"}]})
    again = pickle.loads(pickle.dumps(rules))
    assert [r.name for r in again.rules] == ["r"]
    one = _records("--rules", str(RULE_FILE), str(FIXTURES / "rules"), str(FIXTURES / "blocks"))
    two = _records("-j", "2", "--rules", str(RULE_FILE), str(FIXTURES / "rules"), str(FIXTURES / "blocks"))
    assert one == two


@pytest.mark.parametrize(("text", "problem"), [
    ('[[rule]]\nname = "a"\ntitel = "//h1"\n', "rule 'a': unknown key 'titel'"),
    ('[[rule]]\nname = "a"\ntitle = "//h1[["\n', "rule 'a': title: bad XPath '//h1[['"),
    ('[[rule]]\nname = "a"\ntitle = "css:div..x"\n', "rule 'a': title: bad CSS selector 'css:div..x'"),
    ('[[rule]]\ntitle = "//h1"\n', "rule '#1': every rule needs a name"),
    ('[[rule]]\nname = "a"\nlabels = {no_such = ["x"]}\n', "rule 'a': labels: unknown canonical field 'no_such'"),
    ('[[rule]\nname = "a"\n', "bad TOML"),
    ('[[rule]]\nname = "a"\n[[rule]]\nname = "a"\n', "rule 'a': the name is used twice"),
], ids=["unknown-key", "xpath", "css", "no-name", "labels", "toml", "twice"])
def test_a_bad_rule_file_stops_the_run_before_any_page(tmp_path, text: str, problem: str):
    bad = tmp_path / "site.toml"
    bad.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--rules", str(bad), str(SAMPLE)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"govmeta: {bad}: ") and problem in lines[0], lines


def test_json_rule_files_are_accepted(tmp_path):
    rule_file = tmp_path / "site.json"
    rule_file.write_text(json.dumps({"rule": [{"name": "j", "path": "*misread_portal.html", "title": "css:div.t1"}]}))
    record = json.loads(_records("--rules", str(rule_file), str(MISREAD))[str(MISREAD)])
    assert record["title"] == "汛期水库调度运行公告" and record["rules_applied"] == ["j"]


def test_rules_check_shows_what_each_selector_matches():
    result = CliRunner().invoke(cli, ["rules", "check", str(RULE_FILE), str(MISREAD), str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert f"{RULE_FILE}: 1 rules, all valid" in result.stdout
    assert f"{MISREAD}: rule dongyanghu-water-title-body" in result.stdout
    assert "    title: 1 match — 汛期水库调度运行公告" in result.stdout
    assert f"{SAMPLE}: no rule selects this page" in result.stdout


def test_library_rejects_a_plain_dict_for_rules():
    with pytest.raises(TypeError, match=r"SiteRules\.from_mapping"):
        extract_record(SAMPLE.read_bytes(), rules={"rule": []})  # type: ignore[arg-type]
