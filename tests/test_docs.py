"""The README tells the truth: every option of every command is documented, and the set-up commands name
files that exist."""

from __future__ import annotations

import re

import pytest

from govmeta.cli.exitcodes import ExitCode
from govmeta.cli.main import cli
from tests.paths import ROOT

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
