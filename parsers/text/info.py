"""The article line of a text dump (来源 ... 日期 ... 浏览次数): content_source, author, published_at, views."""

from __future__ import annotations

from govmeta.parsers import rules
from govmeta.parsers.dates import find_datetime
from govmeta.parsers.lazy_pattern import lazy_compile
from govmeta.parsers.text.headline import headline_before_info
from govmeta.parsers.text.page import Key, TextPage, clean_text, starts_line, strip_widgets
from govmeta.parsers.vocabulary import Vocabulary

_DIGITS = lazy_compile(r"\s*(\d[\d,]*)")


def _continues(run: list[Key], key: Key, page: TextPage) -> bool:
    """Whether ``key`` continues an article line: on the same line, or on a line next to it, each
    line starting with its key (发布时间：...⏎浏览次数：...)."""
    last = run[-1]
    return last.line == key.line or (
        key.line - last.line <= 2 and starts_line(key, page) and starts_line(run[0], page)
        and not page.text[page.line_end(last.start): key.start].strip(" \n"))


def info_runs(keys: list[Key], page: TextPage) -> list[list[Key]]:
    """Runs of article-line keys holding a key that never heads a block cell."""
    runs: list[list[Key]] = []
    current: list[Key] = []
    for key in keys:
        if key.info and current and _continues(current, key, page):
            current.append(key)
            continue
        if current:
            runs.append(current)
        current = [key] if key.info else []
    if current:
        runs.append(current)
    return [run for run in runs if any(k.folded in rules.text.INFO_ONLY_KEYS for k in run)]


def soft_info(keys: list[Key], block_keys: list[Key], page: TextPage, body_line: int,
              vocabulary: Vocabulary) -> list[Key] | None:
    """An article line made only of keys that may also head block cells (来源 ... 发布时间 ...):
    taken at an edge of the block or outside it, above the body, never from inside the block."""
    by_line: dict[int, list[Key]] = {}
    for key in keys:
        by_line.setdefault(key.line, []).append(key)
    block_lines = sorted({k.line for k in block_keys})
    for line, line_keys in sorted(by_line.items()):
        if line >= body_line:
            break
        if not all(k.info for k in line_keys):
            continue
        targets = {rules.text.INFO_KEYS[k.folded] for k in line_keys}
        if not starts_line(line_keys[0], page):
            # the headline run on into a date key (关于…的通知 发布时间：2024-06-05 各单位：…, a table cell
            # flattened) on a page with no block
            if (not block_lines and "published_at" in targets and rules.text.DATE_VALUE.match(
                    page.text[line_keys[0].end: page.line_end(line_keys[0].end)]) and headline_before_info(
                    clean_text(page.text[page.line_start(line): line_keys[0].start]))):
                return line_keys[:1]
            continue
        if block_lines and block_lines[0] <= line <= block_lines[-1]:
            if line not in (block_lines[0], block_lines[-1]) or len(line_keys) < 2:
                continue
            if not targets & rules.text.SOFT_INFO_TARGETS:
                continue
            rest = {vocabulary.field_for(k.folded) for k in block_keys if k.line != line} - {None}
            if len(rest) >= rules.text.MIN_BLOCK_FIELDS:
                return line_keys
            continue
        if targets & rules.text.SOFT_INFO_TARGETS:
            return line_keys
    return None


def byline_after(end: int, keys: list[Key], page: TextPage) -> list[Key] | None:
    """The article line printed right after the block and the headline under it (…有 效 性： 有效
    标题 发布时间： … 信息来源： …): its keys may head block cells too, but they follow the headline."""
    after = [k for k in keys if k.start >= end]
    if not after or not after[0].info:
        return None
    gap = page.text[end: after[0].start]
    if (len("".join(gap.split())) > rules.text.BYLINE_MAX_GAP_CHARS or gap.count("\n") > rules.text.BYLINE_MAX_GAP_LINES
            or rules.text.SENTENCE_END.search(gap)):
        return None
    run = [after[0]]
    for key in after[1:]:
        if not (key.info and _continues(run, key, page)):
            break
        run.append(key)
    targets = {rules.text.INFO_KEYS[k.folded] for k in run}
    return run if targets & rules.text.BYLINE_TARGETS else None


def read_info(run: list[Key], page: TextPage) -> tuple[dict, int]:
    """Record parts from an article line, and where its last value ends."""
    parts: dict = {}
    text = page.text
    line_end = page.line_end(run[0].start)
    end = line_end
    for n, key in enumerate(run):
        last = n + 1 == len(run)
        raw = text[key.end: run[n + 1].start] if not last else text[key.end: page.line_end(key.start)]
        target = rules.text.INFO_KEYS.get(key.folded, "")
        value = clean_text(raw)
        if target == "published_at":
            found = find_datetime(value)
            if found and "published_at" not in parts:
                parts["published_at"] = found
            if last:
                match = rules.text.DATE_VALUE.match(raw)
                end = key.end + (match.end() if match else 0)
        elif target == "views":
            match = _DIGITS.match(raw)
            if match and "views" not in parts:
                parts["views"] = int(match[1].replace(",", ""))
            if last:
                end = key.end + (match.end() if match else 0)
        elif target in ("content_source", "author"):
            if last and len(value) > rules.text.LONG_REMAINDER // 2:
                value = value.split(" ")[0]
            value = strip_widgets(value)
            if value and target not in parts:
                parts[target] = value
            if last:
                end = key.end + len(raw) - len(raw.lstrip()) + len(value)
        elif last:
            end = page.line_end(key.start)
    return parts, end
