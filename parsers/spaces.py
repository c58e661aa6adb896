"""Whitespace as both readers see it."""


def squash(text: str | None) -> str:
    """Whitespace (including nbsp, ensp, U+3000) collapsed to single spaces, ends trimmed."""
    return " ".join(text.split()) if text else ""
