"""The README tells the truth: every option of every command is documented, and the set-up commands name
files that exist."""

from __future__ import annotations

import re

import pytest

from govmeta.cli.exitcodes import ExitCode
from govmeta.cli.main import cli
from tests.paths import ROOT, SHARED, needs_shared

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["extract", "detect"])
def test_every_option_is_in_the_readme(command):
    for param in cli.commands[command].params:
        for option in param.opts:
            if option.startswith("--"):
                assert f"`{option}" in README or f", {option}" in README, f"{command} {option} is not documented"


def test_every_spark_option_is_in_the_readme():
    from govmeta.spark.__main__ import spark_job

    for param in spark_job.params:
        for option in param.opts:
            if option.startswith("--"):
                assert f"`{option}" in README, f"python -m govmeta.spark {option} is not documented"


def test_every_exit_code_is_in_the_readme():
    for code in ExitCode:
        assert re.search(rf"^\| {int(code)} \|", README, re.M), f"exit code {int(code)} is not documented"


def test_setup_commands_name_real_files():
    first_block = README.split("```sh", 2)[1]
    for path in re.findall(r"fixtures/\S+", first_block):
        assert (ROOT / path).is_file(), path


def _label_table(text: str, kinds: set[str]) -> dict[str, list[str]]:
    """``field -> labels`` from a markdown table whose rows read | `field` | kind | label, label ... |."""
    table = {}
    for line in text.splitlines():
        m = re.match(r"^\| `(\w+)` \| (\w+) \| ([^|]+) \|$", line)
        if m and m.group(2) in kinds:
            labels = m.group(3).split(" — ")[0]
            table[m.group(1)] = [x.strip() for x in labels.split(",")]
    return table


def test_record_doc_label_table_is_the_rules_table():
    from govmeta.parsers.rules.labels import CANONICAL_FIELDS

    kinds = {rule.kind for rule in CANONICAL_FIELDS.values()}
    documented = _label_table((ROOT / "docs" / "record.md").read_text(encoding="utf-8"), kinds)
    assert documented == {name: list(rule.labels) for name, rule in CANONICAL_FIELDS.items()}


@needs_shared
def test_rules_table_holds_every_contract_synonym():
    from govmeta.parsers.rules.labels import CANONICAL_FIELDS

    contract = _label_table((SHARED / "design" / "record.md").read_text(encoding="utf-8"), {"string", "date", "list"})
    contract = {name: labels for name, labels in contract.items() if name in CANONICAL_FIELDS}
    assert contract, "the contract's label table was not found"
    for name, labels in contract.items():
        assert set(labels) <= set(CANONICAL_FIELDS[name].labels), name
