"""Build an adversarial encoding test set from gettext catalogues (not from the corpus).

    python3 bench/make_encoding_set.py OUTDIR [--locale-dir /usr/share/locale] [--pages-per-case 2]

Text comes from the translated messages of base-system programs (coreutils, grep, sed, tar, bash, libc,
dpkg, apt ...: ``LOCALE_DIR/<lang>/LC_MESSAGES/<domain>.mo``, read with the standard ``gettext`` module) in
simplified and traditional Chinese, Japanese, Korean, Russian, German and French. Each page is HTML, encoded
in one codec and labelled right, wrong or not at all, plus the hard cases of docs/encoding.md: a UTF-8
label over GBK, cp1252 or KOI8-R bytes; labels that decode with a few errors or cleanly but into the wrong
script; GBK under a latin-1 label on mostly-ASCII pages; the first non-ASCII byte after 64 KB of script;
short unlabelled Cyrillic; a UTF-8 page with one GBK paragraph. OUTDIR gets the pages and ``truth.tsv``
(the columns of ../shared/corpus/encoding/truth.tsv, so ``tools/score.py encoding --truth`` reads it).
The output depends only on the catalogues and the arguments: no clock, no unseeded randomness.
"""

from __future__ import annotations

import argparse
import gettext
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DOMAINS = ("coreutils", "grep", "sed", "tar", "bash", "findutils", "diffutils", "libc", "dpkg", "apt")
#: language -> (gettext locale, codecs every chosen message must encode in)
LANGUAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "zh-hans": ("zh_CN", ("gb2312",)),
    "zh-hant": ("zh_TW", ("big5",)),
    "ja": ("ja", ("euc_jp", "shift_jis")),
    "ko": ("ko", ("euc_kr",)),
    "ru": ("ru", ("cp1251", "koi8-r")),
    "de": ("de", ("latin-1",)),
    "fr": ("fr", ("latin-1",)),
}
#: language -> (bytes codec, truth codec, right label, wrong labels)
CASES: dict[str, tuple[tuple[str, str, str, tuple[str, ...]], ...]] = {
    "zh-hans": (
        ("gbk", "gb18030", "gb2312", ("utf-8", "big5", "iso-8859-1", "euc-kr")),
        ("utf-8", "utf-8", "utf-8", ("gb2312", "big5")),
    ),
    "zh-hant": (
        ("big5", "big5hkscs", "big5", ("gb2312", "utf-8", "iso-8859-1")),
        ("utf-8", "utf-8", "utf-8", ("big5",)),
    ),
    "ja": (
        ("euc_jp", "euc_jp", "euc-jp", ("gb2312", "shift_jis", "utf-8")),
        ("shift_jis", "cp932", "shift_jis", ("gb2312", "euc-jp", "utf-8")),
        ("utf-8", "utf-8", "utf-8", ("shift_jis",)),
    ),
    "ko": (
        ("euc_kr", "cp949", "euc-kr", ("gb2312", "big5", "utf-8")),
        ("utf-8", "utf-8", "utf-8", ("euc-kr",)),
    ),
    "ru": (
        ("cp1251", "cp1251", "windows-1251", ("koi8-r", "utf-8", "iso-8859-1")),
        ("koi8-r", "koi8-r", "koi8-r", ("windows-1251", "utf-8")),
        ("utf-8", "utf-8", "utf-8", ("windows-1251",)),
    ),
    "de": (
        ("latin-1", "cp1252", "iso-8859-1", ("utf-8", "gb2312", "windows-1251")),
        ("utf-8", "utf-8", "utf-8", ("iso-8859-1",)),
    ),
    "fr": (
        ("latin-1", "cp1252", "iso-8859-1", ("utf-8", "gb2312")),
        ("utf-8", "utf-8", "utf-8", ("iso-8859-1",)),
    ),
}
#: (language, codec, truth) of the pages whose first non-ASCII byte comes after 64 KB.
LATE_CASES = (
    ("zh-hans", "gbk", "gb18030"),
    ("zh-hant", "big5", "big5hkscs"),
    ("ru", "cp1251", "cp1251"),
    ("ja", "shift_jis", "cp932"),
    ("ko", "euc_kr", "cp949"),
)
SEED = 11
_SPACE = re.compile(r"\s+")
_FORMAT = re.compile(r"%[-#0 +'I]*[0-9*]*(?:\.[0-9*]+)?[hlLqjzt]*[diouxXeEfgGcsp%]|[<>&]")


@dataclass(frozen=True)
class Page:
    name: str
    data: bytes
    truth: str
    language: str
    declared: str
    note: str


def messages(locale_dir: Path, language: str) -> list[str]:
    """The language's translated messages, cleaned to one line each, sorted, encodable in its codecs."""
    locale, codecs_ = LANGUAGES[language]
    out: set[str] = set()
    for domain in DOMAINS:
        path = locale_dir / locale / "LC_MESSAGES" / f"{domain}.mo"
        if not path.is_file():
            continue
        with open(path, "rb") as f:
            catalog = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
        for value in catalog.values():
            if not isinstance(value, str):
                continue
            text = _SPACE.sub(" ", _FORMAT.sub("", value)).strip(" :.-")
            if len(text) < 8 or text.isascii() or not _encodes(text, codecs_):
                continue
            out.add(text)
    return sorted(out)


def _encodes(text: str, codecs_: tuple[str, ...]) -> bool:
    try:
        for codec in codecs_:
            text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def html(title: str, paragraphs: list[str], label: str | None, script: str = "") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">' if label else ""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title>{script}</head>\n"
        f'<body><div class="article"><h1>{title}</h1>\n{body}</div></body></html>\n'
    )


class _Builder:
    """Pages and the seeded choice of messages they are made of."""

    def __init__(self, texts: dict[str, list[str]]) -> None:
        self.texts = texts
        self.rng = random.Random(SEED)
        self.pages: list[Page] = []

    def pick(self, lang: str, n: int) -> list[str]:
        return self.rng.sample(self.texts[lang], n)

    def add(self, name: str, text: str, codec: str, truth: str, lang: str, label: str | None, note: str) -> None:
        self.pages.append(Page(name, text.encode(codec), truth, lang, label or "", note))

    def labelled(self, per_case: int) -> None:
        """Every language and codec, labelled right, not at all, and with each wrong label; two sizes."""
        for lang, cases in CASES.items():
            for codec, truth, right, wrongs in cases:
                kinds = [("right", right), ("none", None)] + [(f"wrong-{w}", w) for w in wrongs]
                for i in range(per_case):
                    for size, n in (("s", 2), ("m", 12)):
                        paras = self.pick(lang, n)
                        for kind, label in kinds:
                            name = f"{lang}/{codec}_{kind}_{size}{i}.html"
                            text = html(paras[0][:30], paras, label)
                            self.add(name, text, codec, truth, lang, label, f"{codec} labelled {kind}")

    def gbk_in_ascii(self, per_case: int) -> None:
        """One GBK line in an English page, under a Western label or none."""
        english = [f"Section {k}: notice on the annual report of the information office, item {k}." for k in range(30)]
        for i in range(per_case * 2):
            line = self.pick("zh-hans", 1)[0]
            for label in ("iso-8859-1", "windows-1252", None):
                name = f"mixed/gbk-in-ascii_{label or 'none'}_{i}.html"
                text = html("Annual report", [*english, line], label)
                self.add(name, text, "gbk", "gb18030", "zh-hans", label, "one GBK line in an English page")

    def late(self, per_case: int) -> None:
        """The first non-ASCII byte after 64 KB of inline script, unlabelled."""
        script = "<script>" + "var table = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];\n" * 1700 + "</script>"
        for lang, codec, truth in LATE_CASES:
            for i in range(per_case):
                paras = self.pick(lang, 6)
                text = html(paras[0][:30], paras, None, script)
                self.add(f"late/{lang}_{codec}_{i}.html", text, codec, truth, lang, None, "non-ASCII after 64 KB")

    def short_cyrillic(self, per_case: int) -> None:
        """One Russian message, unlabelled, in windows-1251 and KOI8-R."""
        for i in range(per_case * 3):
            line = self.pick("ru", 1)[0]
            for codec in ("cp1251", "koi8-r"):
                text = f"<html><body><p>{line}</p></body></html>"
                self.add(f"short/ru_{codec}_{i}.html", text, codec, codec, "ru", None, "short unlabelled Cyrillic")

    def utf8_with_gbk(self, per_case: int) -> None:
        """An unlabelled UTF-8 page with one GBK paragraph: the majority (UTF-8) is the truth."""
        for i in range(per_case * 2):
            paras = self.pick("zh-hans", 10)
            gbk_para = f"<p>{paras[-1]}</p>".encode("gbk")
            data = html(paras[0][:30], paras[:-1], None).encode("utf-8").replace(b"</div>", gbk_para + b"</div>")
            note = "UTF-8 page, one GBK paragraph"
            self.pages.append(Page(f"mixed/utf8-with-gbk_{i}.html", data, "utf-8", "zh-hans", "", note))


def build(locale_dir: Path, per_case: int) -> list[Page]:
    texts = {lang: messages(locale_dir, lang) for lang in LANGUAGES}
    missing = [lang for lang, t in texts.items() if len(t) < 40]
    if missing:
        raise SystemExit(f"make_encoding_set: too few catalogue messages for {', '.join(missing)} in {locale_dir}")
    builder = _Builder(texts)
    builder.labelled(per_case)
    builder.gbk_in_ascii(per_case)
    builder.late(per_case)
    builder.short_cyrillic(per_case)
    builder.utf8_with_gbk(per_case)
    return builder.pages


def write(pages: list[Page], out: Path) -> None:
    rows = ["path\tset\ttrue_codec\tlanguage\tbytes\tdeclared\tnote"]
    for p in pages:
        path = out / p.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(p.data)
        rows.append(f"{p.name}\tgenerated\t{p.truth}\t{p.language}\t{len(p.data)}\t{p.declared}\t{p.note}")
    (out / "truth.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--locale-dir", type=Path, default=Path("/usr/share/locale"))
    ap.add_argument("--pages-per-case", type=int, default=2, help="pages per (language, codec, label, size)")
    args = ap.parse_args()
    pages = build(args.locale_dir, args.pages_per_case)
    write(pages, args.out)
    print(f"make_encoding_set: {len(pages)} pages in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
