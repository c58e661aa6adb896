"""The command line through click's CliRunner: every option and error path, exact stderr and exit codes."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from click.testing import CliRunner

from govmeta.cli.main import cli
from govmeta.cli.outputs import CSV_COLUMNS
from tests.paths import SAMPLE


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def records_of(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_sample_jsonl(runner):
    result = runner.invoke(cli, ["extract", str(SAMPLE)])
    assert result.exit_code == 0, result.stderr
    (record,) = records_of(result.stdout)
    assert record["path"] == str(SAMPLE)
    assert record["title"] == "东阳湖市人民政府关于做好2024年度防汛抗旱工作的通知"
    assert record["metadata"]["doc_no"] == "东政发〔2024〕7号"
    assert record["metadata"]["written_date"] == "2024-03-29"
    assert record["encoding"]["name"] == "gb18030"
    assert "镕铸合力" in "".join(record["paragraphs"])
    assert "东阳湖市人民政府" in result.stdout  # UTF-8 characters are not escaped
    assert result.stderr.startswith("govmeta: 1 inputs, 1 records, 0 errors in ")


def test_json_format_is_one_array(runner):
    result = runner.invoke(cli, ["extract", "-q", "-f", "json", str(SAMPLE), str(SAMPLE)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [r["path"] for r in data] == [str(SAMPLE), str(SAMPLE)]
    assert result.stderr == ""


def test_json_format_with_no_records_is_an_empty_array(runner, tmp_path):
    result = runner.invoke(cli, ["extract", "-q", "-f", "json", str(tmp_path)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_csv_has_the_documented_columns_and_same_record(runner):
    jsonl = records_of(runner.invoke(cli, ["extract", "-q", str(SAMPLE)]).stdout)[0]
    result = runner.invoke(cli, ["extract", "-q", "--format", "csv", str(SAMPLE)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert rows[0]["title"] == jsonl["title"]
    assert rows[0]["metadata.index_no"] == jsonl["metadata"]["index_no"]
    assert rows[0]["paragraphs"].split("\n") == jsonl["paragraphs"]
    assert rows[0]["metadata.topics"] == "; ".join(jsonl["metadata"]["topics"])


def test_csv_excel_starts_with_bom(runner):
    result = runner.invoke(cli, ["extract", "-q", "--format", "csv", "--excel", str(SAMPLE)])
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfpath,url,")


def test_csv_neutralises_formulas(runner, tmp_path):
    page = tmp_path / "formula.html"
    page.write_text("<html><head><title>=HYPERLINK(\"x\")</title></head><body><h1>=1+1 标题</h1>"
                    "<p>+正文 第一段 足够长的文字内容</p></body></html>", encoding="utf-8")
    result = runner.invoke(cli, ["extract", "-q", "--format", "csv", str(page)])
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["title"] == "'=1+1 标题"
    assert all(not value.startswith(("=", "+", "-", "@")) for value in row.values())


def test_output_file_is_written_whole(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", "-q", "-o", str(out), str(SAMPLE)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert [r["path"] for r in records_of(out.read_text(encoding="utf-8"))] == [str(SAMPLE)]
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_missing_path_gives_error_record_and_exit_1(runner):
    result = runner.invoke(cli, ["extract", "no/such/page.html", str(SAMPLE)])
    assert result.exit_code == 1
    error, ok = records_of(result.stdout)
    assert error == {"path": "no/such/page.html",
                     "error": {"type": "not_found", "message": "no such file or directory"}}
    assert ok["title"]
    assert result.stderr.splitlines()[0] == "govmeta: no/such/page.html: no such file or directory (not_found)"
    assert result.stderr.splitlines()[1].startswith("govmeta: 2 inputs, 1 records, 1 errors in ")


def test_unmatched_glob_is_an_error_record(runner, tmp_path):
    result = runner.invoke(cli, ["extract", "-q", str(tmp_path / "*.html")])
    assert result.exit_code == 1
    assert records_of(result.stdout)[0]["error"]["message"] == "no file matches this pattern"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"12345 67890 ,,, ;;; ...", "not_a_page"),
    ],
)
def test_bad_inputs_give_error_records(runner, tmp_path, content, kind):
    page = tmp_path / "bad.html"
    page.write_bytes(content)
    result = runner.invoke(cli, ["extract", "-q", str(page)])
    assert result.exit_code == 1
    (record,) = records_of(result.stdout)
    assert record["path"] == str(page)
    assert record["error"]["type"] == kind
    assert result.stderr.startswith(f"govmeta: {page}: ")


def test_directory_of_mixed_junk_goes_on(runner, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a_empty.html").write_bytes(b"")
    (tmp_path / "b_random.htm").write_bytes(os.urandom(3000))
    (tmp_path / "sub" / "c_good.html").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "d_ignored.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "e_truncated.html.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    result = runner.invoke(cli, ["extract", "-q", str(tmp_path)])
    assert result.exit_code == 1
    records = records_of(result.stdout)
    assert [os.path.basename(r["path"]) for r in records] == [
        "a_empty.html", "b_random.htm", "e_truncated.html.gz", "c_good.html"]
    assert [("error" in r) for r in records] == [True, True, True, False]
    assert records[2]["error"]["type"] == "unreadable"


def test_unreadable_file_is_an_error_record(runner, tmp_path):
    dangling = tmp_path / "gone.html"
    dangling.symlink_to(tmp_path / "deleted-target.html")
    result = runner.invoke(cli, ["extract", "-q", str(dangling), str(SAMPLE)])
    assert result.exit_code == 1
    error, ok = records_of(result.stdout)
    assert error == {"path": str(dangling), "error": {"type": "unreadable", "message": "No such file or directory"}}
    assert "error" not in ok


def test_max_bytes(runner):
    result = runner.invoke(cli, ["extract", "-q", "--max-bytes", "100", str(SAMPLE)])
    assert result.exit_code == 1
    assert records_of(result.stdout)[0]["error"]["type"] == "too_large"


def test_gzip_input(runner, tmp_path):
    import gzip

    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    record = records_of(runner.invoke(cli, ["extract", "-q", str(page)]).stdout)[0]
    assert record["metadata"]["doc_no"] == "东政发〔2024〕7号"


def test_mhtml_input_gives_url_and_transport_charset(runner, tmp_path):
    body = SAMPLE.read_bytes().replace(b"charset=gb2312", b"charset=utf-8")  # a lying meta
    import base64

    mhtml = (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
             b"Content-Type: multipart/related; type=\"text/html\"; boundary=\"----B\"\r\n\r\n"
             b"------B\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: base64\r\n"
             b"Content-Location: http://www.example.gov.cn/a.html\r\n\r\n"
             + base64.encodebytes(body) + b"\r\n------B--\r\n")
    page = tmp_path / "page.mhtml"
    page.write_bytes(mhtml)
    record = records_of(runner.invoke(cli, ["extract", "-q", str(page)]).stdout)[0]
    assert record["url"] == "http://www.example.gov.cn/a.html"
    assert record["encoding"]["source"] == "http"
    assert record["title"] == "东阳湖市人民政府关于做好2024年度防汛抗旱工作的通知"


def test_files_from(runner, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(f"{SAMPLE}\n\n  {SAMPLE}  \n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", "-q", "--files-from", str(listing)])
    assert result.exit_code == 0
    assert len(records_of(result.stdout)) == 2


def test_files_from_stdin(runner):
    result = runner.invoke(cli, ["extract", "-q", "--files-from", "-"], input=f"{SAMPLE}\n")
    assert [r["path"] for r in records_of(result.stdout)] == [str(SAMPLE)]


def test_stdin_page(runner):
    result = runner.invoke(cli, ["extract", "-q", "-"], input=SAMPLE.read_bytes())
    assert result.exit_code == 0
    (record,) = records_of(result.stdout)
    assert record["path"] == "-"
    assert record["metadata"]["index_no"] == "113399000001234567/2024-00123"


def test_no_paths_reads_stdin(runner):
    result = runner.invoke(cli, ["extract", "-q"], input=SAMPLE.read_bytes())
    assert records_of(result.stdout)[0]["path"] == "-"


def test_encoding_override(runner):
    result = runner.invoke(cli, ["extract", "-q", "--encoding", "big5", str(SAMPLE)])
    assert result.exit_code == 0
    assert records_of(result.stdout)[0]["encoding"]["source"] == "override"


def test_unknown_encoding_is_usage_error(runner):
    result = runner.invoke(cli, ["extract", "--encoding", "klingon", str(SAMPLE)])
    assert result.exit_code == 2
    assert "unknown encoding label 'klingon'" in result.stderr
    assert result.stdout == ""


def test_bad_labels_file_is_usage_error(runner, tmp_path):
    bad = tmp_path / "labels.toml"
    bad.write_text('no_such_field = ["x"]\n', encoding="utf-8")
    result = runner.invoke(cli, ["extract", "--labels", str(bad), str(SAMPLE)])
    assert result.exit_code == 2
    assert "unknown canonical field 'no_such_field'" in result.stderr


def test_unknown_option_is_usage_error(runner):
    result = runner.invoke(cli, ["extract", "--no-such-option"])
    assert result.exit_code == 2


def test_jobs_gives_same_records_in_order(runner):
    paths = [str(SAMPLE)] * 20
    one = runner.invoke(cli, ["extract", "-q", *paths]).stdout
    two = runner.invoke(cli, ["extract", "-q", "-j", "2", *paths]).stdout
    assert one == two


def test_schema_is_json_schema(runner):
    result = runner.invoke(cli, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    page = schema["oneOf"][0]
    assert "metadata" in page["required"]


def test_records_validate_against_schema(runner):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(runner.invoke(cli, ["schema"]).stdout)
    for record in records_of(runner.invoke(cli, ["extract", "-q", str(SAMPLE), "missing.html"]).stdout):
        jsonschema.validate(record, schema)


def test_fields_lists_canonical_fields(runner):
    result = runner.invoke(cli, ["fields"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[0] == "index_no"
    assert "索引号" in result.stdout
    data = json.loads(runner.invoke(cli, ["fields", "--format", "json"]).stdout)
    assert "文号" in data["doc_no"]["labels"]


def test_detect_jsonl(runner):
    result = runner.invoke(cli, ["detect", "--format", "jsonl", str(SAMPLE)])
    assert result.exit_code == 0
    (record,) = records_of(result.stdout)
    assert record["encoding"]["name"] == "gb18030"
    assert record["encoding"]["declared"] == "gb2312"


def test_detect_table(runner):
    result = runner.invoke(cli, ["detect", "--format", "table", str(SAMPLE)])
    assert result.exit_code == 0
    assert "gb18030" in result.stdout


@pytest.mark.parametrize("command", ["extract", "detect", "schema", "fields"])
def test_every_command_has_help(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.stdout


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("govmeta, version ")


def test_detect_reads_every_file_of_a_directory(runner, tmp_path):
    (tmp_path / "notes.xml").write_bytes('<?xml version="1.0" encoding="big5"?><a>中文</a>'.encode("big5"))
    (tmp_path / "page.html").write_bytes(SAMPLE.read_bytes())
    result = runner.invoke(cli, ["detect", "-q", "--format", "jsonl", str(tmp_path)])
    names = {os.path.basename(r["path"]): r["encoding"]["name"] for r in records_of(result.stdout)}
    assert names == {"notes.xml": "big5hkscs", "page.html": "gb18030"}


def test_a_failure_inside_the_workshop_gives_an_error_record_and_the_batch_goes_on(runner, monkeypatch):
    import govmeta.cli.runner as runner_module

    calls = []

    def flaky(data, path, *args, **kwargs):
        calls.append(path)
        if len(calls) == 1:
            raise ValueError("boom")
        return {"path": path}

    monkeypatch.setattr(runner_module, "extract_record", flaky)
    result = runner.invoke(cli, ["extract", "-q", str(SAMPLE), str(SAMPLE)])
    assert result.exit_code == 1
    first, second = records_of(result.stdout)
    assert first["error"]["type"] == "internal"
    assert "ValueError: boom" in first["error"]["message"]
    assert second == {"path": str(SAMPLE)}


def test_bundled_extra_labels_file_maps_near_synonyms(runner, tmp_path):
    from tests.paths import ROOT

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta charset='utf-8'></head><body><table>"
        "<tr><td>索引编号：</td><td>360A12-07-2024-0008-1</td><td>发布机构：</td><td>教育部</td></tr>"
        "<tr><td>成文日期：</td><td>2024-06-11</td><td>实施时间：</td><td>2024年7月1日</td></tr>"
        "<tr><td>文号：</td><td>教高〔2024〕3号</td><td>信息类别：</td><td>高等教育</td></tr>"
        "</table><h1>关于做好2024年高校毕业生就业工作的通知</h1><p>各省、自治区、直辖市教育厅（教委）：正文。</p>"
        "</body></html>", encoding="utf-8")
    plain = records_of(runner.invoke(cli, ["extract", "-q", str(page)]).stdout)[0]
    assert "index_no" not in plain["metadata"]
    assert {"label": "索引编号", "value": "360A12-07-2024-0008-1"} in plain["fields"]
    extra = ROOT / "docs" / "extra-labels.toml"
    mapped = records_of(runner.invoke(cli, ["extract", "-q", "--labels", str(extra), str(page)]).stdout)[0]
    assert mapped["metadata"]["index_no"] == "360A12-07-2024-0008-1"
    assert mapped["metadata"]["effective_date"] == "2024-07-01"
    assert mapped["metadata"]["topics"] == ["高等教育"]
