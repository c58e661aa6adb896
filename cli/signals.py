"""SIGTERM handled like Ctrl-C: the run stops between records, keeps what it wrote, exits 143."""

from __future__ import annotations

import signal


class Terminated(KeyboardInterrupt):
    """The run got SIGTERM (a KeyboardInterrupt, so every Ctrl-C path also handles it)."""


def _on_term(signum, frame) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    raise Terminated()


def handle_sigterm() -> None:
    """Raise ``Terminated`` in the main thread on SIGTERM."""
    signal.signal(signal.SIGTERM, _on_term)
