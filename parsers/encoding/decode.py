"""Choose a saved page's encoding and decode it: the named steps of docs/encoding.md (``STEPS``).

Order: override, byte order mark, transport UTF-16/32, UTF-16/32 by NUL pattern, pure ASCII, strict
whole-file UTF-8, the declared multi-byte codecs (strict decode, Private Use Area count, script
plausibility), a declared single-byte codec when plausible, a mostly-UTF-8 page with a minority in GBK,
content detection by chardet on the non-ASCII bytes wherever they are (each answer verified and judged,
then the candidate codecs), a declared codec with a few bad bytes, the least implausible clean reading,
and a last resort that takes the candidate with the fewest replacement characters. Declarations are
read from the transport (HTTP/MIME/WARC header), the WHATWG ``<meta>`` prescan of the first 1024 bytes
(comments skipped), a later ``<meta>`` (marked late), then the XML declaration. A page never fails for
its encoding: only an unknown override label raises ``ValueError``, and an override that does not
decode the page raises ``ExtractionError`` (``wrong_encoding``). ``Decoded.step`` names the deciding step.

Choices beyond the design note:
* ``<meta content="...charset=...">`` without ``http-equiv`` (ignored by WHATWG) is used as weak
  evidence when nothing better is declared: lower confidence and a warning; it is verified like any label.
* In-document UTF-16/32 labels mean UTF-8 (WHATWG): a label readable as ASCII cannot describe UTF-16.
* Pure ASCII under an ASCII-compatible label reports that label's codec (gb2312 -> gb18030, source
  declared); undeclared pure ASCII is ``ascii``, unless escape sequences point to ISO-2022 or HZ.
* A declared multi-byte codec that leaves only a few replacement characters (a stray byte, one pasted
  UTF-8 line) is kept, with a warning and lower confidence, when UTF-8 leaves more and no other codec
  reads the page cleanly and plausibly.
* UTF-8 made only of 2-byte characters (no CJK) yields to a clean declared multi-byte decode, and,
  undeclared, to gb18030 when its characters hop between scripts as GB pairs read as UTF-8 do.
* chardet is limited to CHARDET_CANDIDATES (web encodings, twice as fast as its whole registry).
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from govmeta.parsers import rules
from govmeta.parsers.encoding.bytescan import split_utf8_minority
from govmeta.parsers.encoding.charsets import codec_for_label
from govmeta.parsers.encoding.detector import chardet_answers
from govmeta.parsers.encoding.mojibake import may_be_latin1_saved, repaired
from govmeta.parsers.errors import ExtractionError
from govmeta.parsers.lazy_pattern import lazy_compile

# --- thresholds and tables ---------------------------------------------------------------------------

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SCAN_RE = lazy_compile(rb"<!--(?:>|->|.*?-->|.*\Z)|<meta[\s/][^>]*>?", re.I | re.S)
_ATTR_RE = lazy_compile(rb"""([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_CONTENT_CHARSET_RE = lazy_compile(rb"""charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))""", re.I)
_XML_DECL_RE = lazy_compile(rb"""\A\s*<\?xml\s[^>]*?encoding\s*=\s*["']?([A-Za-z0-9._:\-]+)""", re.I)
_PUA_ASTRAL_RE = lazy_compile("[\U000f0000-\U0010ffff]")
#: High bytes of the UTF-16 code units U+E000..U+F8FF (the BMP Private Use Area), and of the high
#: surrogates of U+F0000..U+10FFFF (planes 15-16, private use too).
_PUA_HIGH_BYTES = bytes(range(0xE0, 0xF9))
_PUA_SURROGATE_HIGH = b"\xdb"
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_WIDE_LEAD_RE = lazy_compile(rb"[\xe0-\xf4]")
_UTF8_PAIR_RE = lazy_compile(rb"[\xc2-\xdf][\x80-\xbf]")
#: Codecs whose strict decode is undone byte for byte by encoding the text as UTF-8.
_UTF8_SUBSETS = frozenset({"utf-8", "ascii"})


@dataclass(frozen=True)
class Decoded:
    """A decoded page and how its encoding was chosen."""

    text: str  # the decoded text, BOM removed
    name: str  # Python codec used, as ``codecs.lookup(name).name`` spells it
    source: str  # "override" | "bom" | "http" | "declared" | "detected"
    confidence: float  # 0..1
    declared: str | None  # the raw declared label as found, else None
    warnings: tuple[str, ...] = ()
    # The input bytes when they are exactly ``text`` in UTF-8 (strict UTF-8 or ASCII): the parser reads
    # them as they are, without encoding the text again.
    utf8: bytes | None = field(default=None, repr=False, compare=False)
    step: str = field(default="", compare=False)  # the step of the procedure that decided (docs/encoding.md)

    def info(self) -> dict[str, Any]:
        """The record's ``encoding`` object."""
        return {
            "name": self.name,
            "source": self.source,
            "confidence": round(self.confidence, 3),
            "declared": self.declared,
        }


@dataclass(frozen=True)
class _Decl:
    label: str  # raw label as found
    codec: str | None  # Python codec, None when the label is unknown
    kind: str  # "http" | "meta" | "late" | "weak" | "xml"


@dataclass(frozen=True)
class _Attempt:
    codec: str
    text: str
    bad: int  # replacement characters introduced by the decode
    pua: int  # Private Use Area characters (counted for rules.encoding.PUA_PRONE_CODECS only)
    cut: bool  # the only error is a character cut at the very end
    data: bytes = field(repr=False)  # the bytes decoded
    exact_utf8: bool = False  # ``data`` is ``text`` in UTF-8 (a strict UTF-8 or ASCII decode)

    @cached_property
    def nonascii(self) -> int:
        """Non-ASCII bytes decoded (at least 1), counted only when a threshold asks."""
        return _nonascii(self.data)

    @property
    def clean(self) -> bool:
        return (self.bad == 0 or (self.cut and self.bad == 1)) and not self.pua_suspicious

    @property
    def pua_suspicious(self) -> bool:
        return self.pua > rules.encoding.PUA_MAX_COUNT and self.pua > rules.encoding.PUA_MAX_SHARE * self.nonascii

    @property
    def tolerable(self) -> bool:
        """Few replacement characters and no PUA flood: usable with a warning."""
        return not self.pua_suspicious and self.bad <= max(1, rules.encoding.BAD_MAX_SHARE * self.nonascii)


@dataclass
class _Page:
    """What the steps share: the bytes, the declarations, what was rejected and the warnings so far."""

    data: bytes
    known: list[_Decl]  # declarations with a known codec, most authoritative first
    declared: str | None  # raw label of the most authoritative declaration (known or not)
    warnings: list[str]
    step: str = ""  # the step running (reported as Decoded.step)
    rejected: set[str] = field(default_factory=set)  # codecs that do not decode the page
    failed: list[tuple[_Attempt, _Decl]] = field(default_factory=list)  # declared decodes with bad bytes
    implausible: list[tuple[_Attempt, _Decl, float]] = field(default_factory=list)  # clean, not plausible
    attempts: list[_Attempt] = field(default_factory=list)  # every failed decode, for the last resort
    weak_guess: str | None = None  # a single-byte detector answer that did not convince
    readings: list[tuple[float, float, _Attempt, float]] = field(default_factory=list)  # clean candidates:
    # (rank, plausibility, attempt, detector confidence or 0)

    @classmethod
    def read(cls, data: bytes, transport: str | None) -> _Page:
        decls = _declarations(data, transport)
        known = [d for d in decls if d.codec is not None]
        declared = known[0].label if known else decls[0].label if decls else None
        unknown = [f"unknown charset label {d.label!r} ignored" for d in decls if d.codec is None]
        return cls(data, known, declared, unknown)

    @property
    def primary(self) -> _Decl | None:
        return self.known[0] if self.known else None

    def result(self, att: _Attempt, source: str, confidence: float, used: _Decl | None = None) -> Decoded:
        """Build the answer; ``used`` is the declaration followed, if any."""
        w = list(self.warnings)
        primary = self.primary
        if primary is not None and source != "bom" and primary.codec != att.codec:
            w.append(f"declared charset {primary.label} contradicted by the bytes: decoded as {att.codec}")
        if used is not None and used.kind == "late":
            w.append(f"charset {used.label} declared late (after the first {rules.encoding.PRESCAN_BYTES} bytes)")
        elif used is not None and used.kind == "weak":
            w.append(f"charset {used.label} taken from a <meta content> without http-equiv")
        if att.cut:
            w.append("the file ends inside a character")
        elif att.bad:
            w.append(_count(att.bad, "replacement character"))
        if att.pua:
            w.append(_count(att.pua, "private-use character"))
        declared = used.label if used is not None else self.declared
        utf8 = att.data if att.exact_utf8 else None
        return Decoded(att.text, att.codec, source, confidence, declared, tuple(w), utf8, self.step)

    def declared_result(self, att: _Attempt, used: _Decl, confidence: float | None = None) -> Decoded:
        source = "http" if used.kind == "http" else "declared"
        if confidence is None:
            confidence = rules.encoding.CONFIDENCE.get(used.kind, rules.encoding.CONFIDENCE["verified"])
        return self.result(att, source, confidence, used)


# --- public entry point ------------------------------------------------------------------------------


def decode_page(data: bytes, override: str | None = None, transport: str | None = None) -> Decoded:
    """Decode a saved page, choosing its encoding by the steps of docs/encoding.md.

    ``override`` is a user-given label (``--encoding``): an unknown label raises ``ValueError``, and a page
    that does not decode with it raises ``ExtractionError`` (``wrong_encoding``).
    ``transport`` is a charset label or a Content-Type value from an HTTP/MIME/WARC header.
    Nothing else raises: a page that no encoding decodes cleanly is decoded with replacement characters.
    The step that decided is ``Decoded.step``.
    """
    if override is not None:
        return _decode_override(data, override)
    page = _Page.read(data, transport)
    for name, step in STEPS:
        page.step = name
        got = step(page)
        if got is not None:
            return got
    raise AssertionError("the last resort always answers")  # pragma: no cover


# --- steps, in order: each returns the answer or None to go on -----------------------------------------


def _decode_override(data: bytes, label: str) -> Decoded:
    codec = codec_for_label(label)
    if codec is None:
        raise ValueError(
            f"unknown encoding {label!r}: give a WHATWG label or a Python codec name "
            "(e.g. gb18030, big5, utf-8)"
        )
    att = _attempt(data, codec)
    if att.bad > max(1, rules.encoding.OVERRIDE_MAX_BAD_SHARE * att.nonascii):
        raise ExtractionError(
            "wrong_encoding",
            f"the page does not decode as {label} ({codec}): {att.bad} undecodable sequences among "
            f"{att.nonascii} non-ASCII bytes; try another --encoding or none",
        )
    warnings = []
    if att.bad:
        warnings.append(_count(att.bad, "replacement character") + f" decoding as {codec}")
    text = att.text[1:] if att.text.startswith("\ufeff") else att.text
    return Decoded(
        text, codec, "override", rules.encoding.CONFIDENCE["override"], None, tuple(warnings), step="override"
    )


def _step_bom(page: _Page) -> Decoded | None:
    """A byte order mark beats any declaration, unless the bytes after it do not decode."""
    for bom, codec in BOMS:
        if page.data.startswith(bom):
            att = _attempt(page.data[len(bom) :], codec)
            if att.bad and not att.tolerable:
                page.warnings.append(f"byte order mark of {codec} contradicted by the bytes; ignored")
                return None
            primary = page.primary
            if (
                primary
                and primary.codec != codec
                and not (primary.codec == "utf-8" and codec in rules.encoding.WIDE_CODECS)
            ):
                page.warnings.append(f"byte order mark ({codec}) overrides declared charset {primary.label}")
            return page.result(
                att, "bom", rules.encoding.CONFIDENCE["bom"] if att.clean else rules.encoding.CONFIDENCE["bom-damaged"]
            )
    return None


def _step_transport_wide(page: _Page) -> Decoded | None:
    """A transport header may name UTF-16/32 (in-document labels for them were turned into UTF-8)."""
    primary = page.primary
    if primary and primary.codec in rules.encoding.WIDE_CODECS:
        att = _attempt(page.data, primary.codec)
        if att.clean:
            return page.declared_result(att, primary)
        page.rejected.add(primary.codec)
    return None


def _step_nul_pattern(page: _Page) -> Decoded | None:
    """UTF-16/32 without BOM, from where the NUL bytes fall."""
    data = page.data
    if data.find(b"\x00", 0, rules.encoding.NUL_SNIFF_BYTES) < 0:
        return None
    wide = _sniff_wide(data)
    if wide is not None and wide not in page.rejected:
        att = _attempt(data, wide)
        if att.clean and _printable(att.text[:rules.encoding.NUL_SNIFF_BYTES]):
            return page.result(att, "detected", rules.encoding.CONFIDENCE["utf-16-nul"])
    return None


def _step_ascii(page: _Page) -> Decoded | None:
    """ASCII bytes: the declared codec when it reads ASCII as ASCII, else ascii (ISO-2022/HZ aside)."""
    data = page.data
    if not data.isascii():
        return None
    primary = page.primary
    if primary is not None and primary.codec is not None:
        if primary.codec in rules.encoding.SEVEN_BIT_CODECS:
            att = _attempt(data, primary.codec)
            if att.clean:
                return page.declared_result(att, primary)
        elif _ascii_compatible(primary.codec):
            att = _Attempt(primary.codec, data.decode("ascii"), 0, 0, False, data, exact_utf8=True)
            return page.declared_result(att, primary, rules.encoding.CONFIDENCE["ascii"])
    elif b"\x1b" in data or b"~{" in data:
        # Escape sequences in 7-bit bytes: ISO-2022 or HZ if content detection says so.
        for codec, conf in chardet_answers(data, page.rejected):
            att = _attempt(data, codec)
            if codec in rules.encoding.SEVEN_BIT_CODECS and att.clean:
                return page.result(att, "detected", min(conf, rules.encoding.CONFIDENCE["chardet-max"]))
            break
    ascii_text = _Attempt("ascii", data.decode("ascii"), 0, 0, False, data, exact_utf8=True)
    return page.result(ascii_text, "detected", rules.encoding.CONFIDENCE["ascii"])


def _step_utf8(page: _Page) -> Decoded | None:
    """Strict whole-file UTF-8 (a character cut at the very end tolerated) is decisive, with one exception:
    bytes valid only as 2-byte UTF-8 characters (no CJK at all) may be short GB text."""
    data = page.data
    primary = page.primary
    utf8 = _attempt(data, "utf-8", strict_only=True)
    if utf8 is None or not utf8.clean:
        page.rejected.add("utf-8")
        return None
    if may_be_latin1_saved(data):  # (cheap: Latin-1 letters enough and nothing wider)
        fixed = repaired(page.result(utf8, "detected", rules.encoding.CONFIDENCE["verified"]), decode_page)
        if fixed is not None:
            return fixed
    if primary and primary.codec == "utf-8":
        return page.declared_result(utf8, primary)
    if not _UTF8_WIDE_LEAD_RE.search(data):
        # A clean decode under a declared multi-byte codec wins; undeclared, gb18030 wins when the UTF-8
        # reading hops between scripts the way GB bytes read as UTF-8 do.
        if primary and not _single_byte(primary.codec):
            att = _attempt(data, primary.codec)
            if att.clean:
                return page.declared_result(att, primary)
        elif _utf8_hops_scripts(data):
            att = _attempt(data, "gb18030")
            if att.clean:
                page.warnings.append("valid UTF-8 only as scattered 2-byte characters: read as GB")
                return page.result(att, "detected", rules.encoding.CONFIDENCE["gb-not-utf-8"])
    return page.result(utf8, "detected", rules.encoding.CONFIDENCE["verified"])


def _step_declared(page: _Page) -> Decoded | None:
    """Declared multi-byte codecs: a strict decode, the PUA check and script plausibility."""
    for d in page.known:
        if d.codec is None or d.codec in page.rejected or _single_byte(d.codec):
            continue
        att = _attempt(page.data, d.codec)
        if not att.clean:
            page.failed.append((att, d))
            page.attempts.append(att)
            page.rejected.add(d.codec)
            continue
        score = _plausibility(att.text)
        if score >= rules.encoding.PLAUSIBLE_MIN:
            return page.declared_result(att, d)
        page.implausible.append((att, d, score))
    return None


def _step_declared_single_byte(page: _Page) -> Decoded | None:
    """A declared single-byte codec decodes almost anything: it is taken when its text is plausible."""
    d = next((d for d in page.known if d.codec and _single_byte(d.codec)), None)
    if d is None or d.codec is None or d.codec in page.rejected:
        return None
    att = _attempt(page.data, d.codec)
    score = _plausibility(att.text) if att.clean else 0.0
    if att.clean and score >= rules.encoding.PLAUSIBLE_MIN:
        return page.declared_result(att, d)
    page.implausible.append((att, d, score))
    return None


def _step_utf8_majority(page: _Page) -> Decoded | None:
    """Mostly UTF-8 with a minority in another encoding (a pasted GBK paragraph): the majority wins, the
    minority runs are decoded with UTF8_MINORITY_CODEC when that reads plausibly, else replaced."""
    if any(a.tolerable for a, _d in page.failed):
        return None  # a declared codec with a few bad bytes: the declaration holds the majority
    mixed = split_utf8_minority(page.data)
    if mixed is None:
        return None
    text, repaired, replaced = mixed
    att = _Attempt("utf-8", text, replaced, 0, False, page.data)
    minority = rules.encoding.UTF8_MINORITY_CODEC
    if repaired:
        page.warnings.append(f"{_count(repaired, 'byte')} not UTF-8 decoded as {minority} (a pasted passage)")
    used = page.primary if page.primary is not None and page.primary.codec == "utf-8" else None
    confidence = rules.encoding.CONFIDENCE["utf-8-majority"]
    return page.declared_result(att, used, confidence) if used else page.result(att, "detected", confidence)


def _step_content(page: _Page) -> Decoded | None:
    """Content detection, each answer verified by a strict decode and judged for plausibility; then the
    CANDIDATE_CODECS. A clean plausible reading beats a declared one that is damaged or implausible."""
    enc = rules.encoding
    judged = {a.codec for a, _d, _s in page.implausible}
    for codec, conf, detector in _candidates(page, judged):
        att = _attempt(page.data, codec)
        if not att.clean:
            page.attempts.append(att)
            page.rejected.add(codec)
            continue
        score = _plausibility(att.text)
        if detector and score >= enc.PLAUSIBLE_MIN:
            return page.result(att, "detected", min(conf, rules.encoding.CONFIDENCE["chardet-max"]))
        if detector and _single_byte(codec) and page.weak_guess is None:
            page.weak_guess = codec
        # the detector's answers are preferred at equal plausibility
        page.readings.append((score + (enc.PLAUSIBLE_MARGIN if detector else 0.0), score, att, conf))
    if not page.readings:
        return None
    ranked, score, att, conf = max(page.readings, key=lambda r: r[0])
    if score < enc.PLAUSIBLE_MIN or _declared_score(page) + enc.PLAUSIBLE_MARGIN >= ranked:
        return None
    page.warnings.append(f"{att.codec} reads as plausible text (score {score:.2f}); other readings do not")
    return page.result(
        att, "detected", min(conf or rules.encoding.CONFIDENCE["candidate"], rules.encoding.CONFIDENCE["chardet-max"])
    )


def _declared_score(page: _Page) -> float:
    return max((s for a, _d, s in page.implausible if a.clean), default=-1.0)


def _step_declared_tolerable(page: _Page) -> Decoded | None:
    """A declared codec with a few bad bytes (a stray byte, one pasted UTF-8 line) beats guessing."""
    usable = [(a, d) for a, d in page.failed if a.tolerable]
    if not usable:
        return None
    att, d = min(usable, key=lambda ad: ad[0].bad)
    if att.bad < _attempt(page.data, "utf-8").bad:
        return page.declared_result(
            att, d, rules.encoding.CONFIDENCE.get(d.kind, rules.encoding.CONFIDENCE["verified"]) * 0.9
        )
    return None


def _step_content_weak(page: _Page) -> Decoded | None:
    """No reading is plausible (tables of rare characters, odd dialects, words in capitals): the most
    plausible clean reading if it scores PLAUSIBLE_WEAK and beats the declared codec's; else a declared
    codec that decodes cleanly; else the detector's first clean multi-byte answer, as the procedure did
    before judging scripts."""
    enc = rules.encoding
    declared = _declared_score(page)
    if page.readings:
        _rank, score, att, conf = max(page.readings, key=lambda r: r[0])
        if score >= enc.PLAUSIBLE_WEAK and score > declared + enc.PLAUSIBLE_MARGIN:
            return page.result(
                att,
                "detected",
                min(conf or rules.encoding.CONFIDENCE["candidate"], rules.encoding.CONFIDENCE["chardet-max"]),
            )
    if declared >= 0:
        return _step_declared_fallback(page)
    for _rank, score, att, conf in page.readings:
        if conf and not _single_byte(att.codec):
            if score < rules.encoding.IMPLAUSIBLE_WARN:
                page.warnings.append(f"no reading is plausible; {att.codec} as content detection says")
            return page.result(att, "detected", min(conf, rules.encoding.CONFIDENCE["chardet-max"]))
    return None


def _step_declared_fallback(page: _Page) -> Decoded | None:
    """Nothing reads better: the declared codec that decodes cleanly (single-byte or implausible)."""
    page.step = "declared-fallback"
    clean = [(a, d, s) for a, d, s in page.implausible if a.clean]
    if not clean:
        return None
    att, d, score = max(clean, key=lambda ads: ads[2])
    if _single_byte(att.codec):
        return page.declared_result(att, d, rules.encoding.CONFIDENCE["single-byte-declared"])
    if score >= rules.encoding.IMPLAUSIBLE_WARN:
        return page.declared_result(att, d)
    page.warnings.append(f"declared {d.label} decodes cleanly but reads implausibly (score {score:.2f})")
    return page.declared_result(att, d, rules.encoding.CONFIDENCE["implausible-declared"])


def _step_last_resort(page: _Page) -> Decoded:
    """Among the declared codecs, the detector's answers and the last-resort codecs, the fewest bad characters.

    When the detector could only guess a single-byte encoding and every one of those is badly broken,
    rules.encoding.LAST_RESORT_SINGLE_BYTE (the browsers' usual fallback) is read instead.
    """
    seen = {a.codec: a for a in page.attempts}
    order = [d.codec for d in page.known if d.codec] + list(seen) + list(rules.encoding.LAST_RESORT_CODECS)
    best: _Attempt | None = None
    for codec in dict.fromkeys(order):
        att = seen.get(codec) or _attempt(page.data, codec)
        if best is None or att.bad + att.pua < best.bad + best.pua:
            best = att
    assert best is not None
    weak_guess = page.weak_guess
    if weak_guess is not None and best.bad + best.pua > rules.encoding.LAST_RESORT_BROKEN_SHARE * best.nonascii:
        guess = _attempt(page.data, rules.encoding.LAST_RESORT_SINGLE_BYTE)
        if guess.bad < best.bad:
            page.warnings.append(
                f"content detection unsure (maybe {weak_guess}); multi-byte readings break: "
                f"read as {rules.encoding.LAST_RESORT_SINGLE_BYTE}"
            )
            return page.result(guess, "detected", rules.encoding.CONFIDENCE["last-resort"])
    if best.clean:
        conf = rules.encoding.CONFIDENCE["last-resort-clean"]
        page.warnings.append(f"content detection inconclusive; {best.codec} decodes the page cleanly")
    else:
        share = (best.bad + best.pua) / max(1, best.nonascii)
        conf = rules.encoding.CONFIDENCE["last-resort"] * max(0.0, 1.0 - share)
        page.warnings.append(f"no encoding decodes the page cleanly; {best.codec} gives the fewest replacements")
    used = next((d for d in page.known if d.codec == best.codec), None)
    if used is not None:
        return page.declared_result(best, used, conf)
    return page.result(best, "detected", conf)


#: The procedure: (step name, step). ``override`` runs before them when ``--encoding`` is given.
STEPS: tuple[tuple[str, Callable[[_Page], Decoded | None]], ...] = (
    ("bom", _step_bom),
    ("transport-wide", _step_transport_wide),
    ("nul-pattern", _step_nul_pattern),
    ("ascii", _step_ascii),
    ("utf-8", _step_utf8),
    ("declared", _step_declared),
    ("declared-single-byte", _step_declared_single_byte),
    ("utf-8-majority", _step_utf8_majority),
    ("content", _step_content),
    ("declared-tolerable", _step_declared_tolerable),
    ("content-weak", _step_content_weak),
    ("last-resort", _step_last_resort),
)


def _candidates(page: _Page, judged: set[str]) -> Iterator[tuple[str, float, bool]]:
    """(codec, confidence, from the detector): the detector's answers, then CANDIDATE_CODECS not yet tried.

    The detector is asked again only while its answers fail to decode: a clean answer that reads
    implausibly is judged against the candidate codecs instead (each round costs as much as a page).
    """
    given: set[str] = set()
    for codec, conf in chardet_answers(page.data, page.rejected | judged):
        given.add(codec)
        yield codec, conf, True
        if any(reading[2].codec == codec for reading in page.readings):
            break
    for codec in rules.encoding.CANDIDATE_CODECS:
        if codec not in given and codec not in page.rejected and codec not in judged:
            yield codec, 0.0, False


# --- declarations --------------------------------------------------------------------------------------


def _declarations(data: bytes, transport: str | None) -> list[_Decl]:
    """Declared labels in order of authority: transport, <meta> (early, late, weak), XML declaration."""
    out: list[_Decl] = []
    if transport:
        label = _transport_label(transport)
        if label:
            out.append(_Decl(label, codec_for_label(label), "http"))
    meta = _prescan(data)
    if meta is not None:
        out.append(meta)
    m = _XML_DECL_RE.match(data, 0, rules.encoding.PRESCAN_BYTES)
    if m:
        out.append(_in_document(m.group(1), "xml"))
    return out


def _transport_label(value: str) -> str:
    m = _CONTENT_CHARSET_RE.search(value.encode("latin-1", "replace"))
    if m:
        return _label(m)
    return value.strip() if "=" not in value and "/" not in value else ""


def _prescan(data: bytes) -> _Decl | None:
    """WHATWG-style <meta> prescan: first 1024 bytes, comments skipped; later metas are marked late."""
    weak: _Decl | None = None
    for m in _SCAN_RE.finditer(data, 0, rules.encoding.LATE_META_SCAN_BYTES):
        if weak is not None and m.start() >= rules.encoding.PRESCAN_BYTES:
            return weak
        tag = m.group()
        if tag[1:2] == b"!":
            continue
        attrs: dict[bytes, bytes] = {}
        for a in _ATTR_RE.finditer(tag, 5):
            attrs.setdefault(a.group(1).lower(), a.group(2) or a.group(3) or a.group(4) or b"")
        kind = "meta" if m.start() < rules.encoding.PRESCAN_BYTES else "late"
        if b"charset" in attrs:
            raw = attrs[b"charset"].strip()
            if raw:
                return _in_document(raw, kind)
        elif b"content" in attrs:
            c = _CONTENT_CHARSET_RE.search(attrs[b"content"])
            if c is None:
                continue
            if attrs.get(b"http-equiv", b"").strip().lower() == b"content-type":
                return _in_document(_label(c).encode("latin-1"), kind)
            if weak is None:
                weak = _in_document(_label(c).encode("latin-1"), "weak")
    return weak


def _in_document(raw: bytes, kind: str) -> _Decl:
    label = raw.decode("latin-1").strip()
    codec = codec_for_label(label)
    if codec in rules.encoding.WIDE_CODECS:  # a label readable as ASCII cannot describe UTF-16/32 bytes
        codec = "utf-8"
    return _Decl(label, codec, kind)


def _label(m: re.Match[bytes]) -> str:
    return (m.group(1) or m.group(2) or m.group(3) or b"").decode("latin-1").strip()


# --- decoding helpers ----------------------------------------------------------------------------------


def _attempt(data: bytes, codec: str, strict_only: bool = False) -> Any:
    """Decode once, counting replacement and PUA characters.

    With ``strict_only``, return None unless the decode is clean or only cut at the very end.
    """
    try:
        text, pua_free = _fast_strict(data, codec)
        pua = 0 if pua_free else _pua(text, codec)
        return _Attempt(codec, text, 0, pua, False, data, exact_utf8=codec in _UTF8_SUBSETS)
    except UnicodeDecodeError as e:
        n = len(data)
        cut = e.start >= n - 4 and e.end >= n and _is_incomplete(data[e.start :], codec)
        if strict_only and not cut:
            return None
        text = data.decode(codec, "replace")
        bad = text.count("\ufffd")
        return _Attempt(codec, text, bad, _pua(text, codec), cut and bad == 1, data)


def _fast_strict(data: bytes, codec: str) -> tuple[str, bool]:
    """A strict decode, and whether its text is known to hold no Private Use Area character."""
    if codec == "gb18030":
        try:  # gbk decodes a subset of gb18030 identically and never yields PUA characters
            return data.decode("gbk"), True
        except UnicodeDecodeError:
            pass
    return data.decode(codec), False


def _is_incomplete(tail: bytes, codec: str) -> bool:
    """True when ``tail`` is only the start of a character (the file was cut inside it)."""
    dec = codecs.getincrementaldecoder(codec)()
    try:
        dec.decode(tail, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _pua(text: str, codec: str) -> int:
    if codec not in rules.encoding.PUA_PRONE_CODECS or text.isascii():
        return 0
    return _pua_count(text)


def _pua_count(text: str) -> int:
    """Private Use Area characters in ``text``, counted on the high bytes of its UTF-16 code units at C
    speed (a regular expression scans a page's text several times slower); planes 15-16 only when a
    high surrogate that could start one is there."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    bmp = len(high) - len(high.translate(None, _PUA_HIGH_BYTES))
    return bmp + (len(_PUA_ASTRAL_RE.findall(text)) if _PUA_SURROGATE_HIGH in high else 0)


def _nonascii(data: bytes) -> int:
    return max(1, len(data) - len(data.translate(None, _HIGH_BYTES)))


def _bad_count(data: bytes, codec: str) -> int:
    return data.decode(codec, "replace").count("\ufffd")


def _utf8_hops_scripts(data: bytes) -> bool:
    """2-byte UTF-8 characters that change 256-code-point block (Latin counted as one) at most steps.

    Real text stays in its script (Latin, Greek, Cyrillic, Hebrew, Arabic ...); GB2312 pairs that happen
    to be valid UTF-8 land all over U+0080..U+07FF.
    """
    blocks = []
    for m in itertools.islice(_UTF8_PAIR_RE.finditer(data), rules.encoding.UTF8_SCRIPT_HOP_SAMPLE):
        lead, trail = m.group()
        cp = (lead & 0x1F) << 6 | (trail & 0x3F)
        blocks.append(0 if cp < 0x250 else cp >> 8)
    if len(blocks) < 2:
        return False
    hops = sum(1 for a, b in itertools.pairwise(blocks) if a != b)
    return hops > rules.encoding.UTF8_SCRIPT_HOP_SHARE * (len(blocks) - 1)


def _sniff_wide(data: bytes) -> str | None:
    """UTF-16/32 without BOM, from where the NUL bytes fall."""
    s = data[:rules.encoding.NUL_SNIFF_BYTES]
    if len(s) >= 16:
        z = [s[i::4].count(0) / max(1, len(s[i::4])) for i in range(4)]
        if z[2] >= rules.encoding.UTF32_MIN_NUL_SHARE and z[3] >= rules.encoding.UTF32_MIN_NUL_SHARE and z[0] < 0.5:
            return "utf-32-le"
        if z[0] >= rules.encoding.UTF32_MIN_NUL_SHARE and z[1] >= rules.encoding.UTF32_MIN_NUL_SHARE and z[3] < 0.5:
            return "utf-32-be"
    if len(s) < 4:
        return None
    even = s[0::2].count(0) / len(s[0::2])
    odd = s[1::2].count(0) / len(s[1::2])
    if odd >= rules.encoding.UTF16_MIN_NUL_SHARE and odd >= rules.encoding.UTF16_NUL_SKEW * even:
        return "utf-16-le"
    if even >= rules.encoding.UTF16_MIN_NUL_SHARE and even >= rules.encoding.UTF16_NUL_SKEW * odd:
        return "utf-16-be"
    return None


def _printable(text: str) -> bool:
    if not text:
        return False
    ok = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r")
    return ok >= rules.encoding.MIN_PRINTABLE_SHARE * len(text)


@lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """A codec reading every byte alone (cp1252, koi8-r ...): no byte >= 0x80 waits for a next one.

    (UTF-8 is not single-byte even though decoding 256 bytes with errors='replace' gives 256 characters.)
    """
    if codec in rules.encoding.SEVEN_BIT_CODECS:
        return False
    for b in range(0x80, 0x100):
        dec = codecs.getincrementaldecoder(codec)()
        try:
            if dec.decode(bytes([b]), final=False) == "":
                return False
        except UnicodeDecodeError:
            continue
    return True


@lru_cache(maxsize=64)
def _ascii_compatible(codec: str) -> bool:
    sample = bytes(range(0x20, 0x7F)) + b"\t\n\r"
    try:
        return sample.decode(codec) == sample.decode("ascii")
    except UnicodeDecodeError:
        return False


def _count(n: int, what: str) -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def _plausibility(text: str) -> float:
    """``plausible.plausibility``, its module (script tables and patterns) loaded on first use: a page in
    UTF-8 or ASCII never needs it."""
    from govmeta.parsers.encoding.plausible import plausibility  # lazy: start-up

    return plausibility(text)
