"""The page's <title> as a converter printed it on the dump's first line (markdownify does), a cue for the
headline the reader found: the headline is taken as the <title> gives it when they agree but for spaces
(a ``<br>`` printed as a space), is cut where the <title>'s part ends (two headline lines joined where the
second is a 副题), and a headline read from the title line itself loses the site's and column's names."""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.text.headline import headline_like
from govmeta.parsers.wording import is_site_name


def title_parts(lines: list[str]) -> list[str]:
    """The parts of the dump's first line (headline, column and site names) when it stands alone, a blank
    line under it; none otherwise."""
    filled = [n for n, line in enumerate(lines[:3]) if line.strip()]
    if not filled or filled[0] + 1 >= len(lines) or lines[filled[0] + 1].strip():
        return []
    return _split(lines[filled[0]].strip())


def named_heading(title: str | None, parts: list[str], headings: list[str]) -> str | None:
    """The heading the <title> names (its first part printed as a marked heading: ``Uber刷单 刷出…⏎-----``)
    when the headline found is none of the <title>'s parts (a column's heading such as 网易商业 taken). A page
    where none was found (a column's list) gets none."""
    if not title or not parts or _bare(title) in {_bare(part) for part in parts}:
        return title
    head = parts[0]
    if headline_like(head) and not is_site_name(head) and any(_bare(h) == _bare(head) for h in headings):
        return next(h for h in headings if _bare(h) == _bare(head))
    return title


def _split(text: str) -> list[str]:
    return [part.strip() for part in rules.article.TITLE_SEPARATORS.split(text) if part.strip()]


def _spaces(text: str) -> int:
    return sum(1 for ch in text if ch.isspace())


def _bare(text: str) -> str:
    return "".join(text.split())


def _prefix(title: str, bare_length: int) -> str:
    """The start of ``title`` holding ``bare_length`` characters other than spaces."""
    seen = 0
    for n, ch in enumerate(title):
        if seen == bare_length:
            return title[:n].rstrip()
        if not ch.isspace():
            seen += 1
    return title


def agree(title: str | None, parts: list[str]) -> str | None:
    """The headline found, set right by the <title>'s parts (see the module's docstring)."""
    if not title or not parts:
        return title
    bare = _bare(title)
    whole = _bare(" ".join(parts))
    for part in parts:
        if _bare(part) == bare:
            return part if _spaces(part) < _spaces(title) else title  # a <br> printed as a space
    if len(parts) > 1 and (bare == whole or _split(title) == parts) and headline_like(parts[0]):
        return parts[0]  # the title line itself read as the headline: its site and column names cut
    line = _bare(" ".join(parts))
    for part in parts:  # two lines joined, the <title> holding the first only (a 副题 under it)
        words = part.split()
        tail_length = sum(map(len, words))  # of words[start:] run together (no spaces in a word)
        for start, word in enumerate(words):
            # (a tail is built only when shorter than the title: a <title> line of thousands of words costs no square)
            if rules.text.MIN_HEADLINE_CHARS <= tail_length < len(bare):
                tail = "".join(words[start:])
                if (not is_site_name(tail) and bare.startswith(tail) and headline_like(bare[len(tail):])
                        and bare not in line):
                    return _prefix(title, len(tail))
            tail_length -= len(word)
    return title
