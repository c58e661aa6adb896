"""``govmeta rules check``: per page, the rules that select it and what their selectors match."""

from __future__ import annotations

import click

from govmeta.cli.exitcodes import ExitCode
from govmeta.cli.inputs import Input
from govmeta.cli.runner import DEFAULT_MAX_BYTES, load_page
from govmeta.parsers import ExtractionError, SiteRules
from govmeta.parsers.siterules.explain import explain


def explain_pages(site_rules: SiteRules | None, inputs: list[Input], stdin_data: bytes | None) -> int:
    """Print what the rules do on each page; the exit code (1 when a page could not be read)."""
    status = ExitCode.OK
    for inp in inputs:
        try:
            page = load_page(inp, stdin_data, DEFAULT_MAX_BYTES)
            found = explain(page.data, inp.name, page.url, site_rules) if site_rules else []
        except (OSError, ExtractionError, ValueError) as exc:
            click.echo(f"{inp.name}: cannot read: {getattr(exc, 'message', None) or exc}")
            status = ExitCode.SOME_FAILED
            continue
        if not found:
            click.echo(f"{inp.name}: no rule selects this page")
        for entry in found:
            click.echo(f"{inp.name}: rule {entry['rule']}")
            for key, (count, first) in entry["matches"].items():
                shown = f" — {first}" if first else ""
                click.echo(f"    {key}: {count} match{'es' if count != 1 else ''}{shown}")
    return int(status)
