"""``govmeta rules check``: per page, the rules that select it and what their selectors match."""

from __future__ import annotations

import click

from govmeta.cli.containers import ContainerError
from govmeta.cli.exitcodes import ExitCode
from govmeta.cli.inputs import Input
from govmeta.cli.runner import DEFAULT_MAX_BYTES, task_page, tasks
from govmeta.cli.terminal import for_terminal
from govmeta.parsers import ExtractionError, SiteRules
from govmeta.parsers.siterules.explain import explain


def explain_pages(site_rules: SiteRules | None, inputs: list[Input]) -> int:
    """Print what the rules do on each page; the exit code (1 when a page could not be read)."""
    status = ExitCode.OK
    for task in tasks(inputs, DEFAULT_MAX_BYTES):
        if task.file is None and task.page is None:
            if task.record is not None:  # an input that gave no page
                click.echo(f"{for_terminal(task.path)}: cannot read: {task.record['error']['message']}")
                status = ExitCode.SOME_FAILED
            continue
        name = for_terminal(task.path)
        try:
            page = task_page(task, DEFAULT_MAX_BYTES)
            found = explain(page.data, task.path, page.url, site_rules) if site_rules else []
        except (OSError, ExtractionError, ContainerError, ValueError) as exc:
            click.echo(f"{name}: cannot read: {getattr(exc, 'message', None) or exc}")
            status = ExitCode.SOME_FAILED
            continue
        if not found:
            click.echo(f"{name}: no rule selects this page")
        for entry in found:
            click.echo(f"{name}: rule {entry['rule']}")
            for key, (count, first) in entry["matches"].items():
                shown = f" — {first}" if first else ""
                click.echo(f"    {key}: {count} match{'es' if count != 1 else ''}{shown}")
    return int(status)
