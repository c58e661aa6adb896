"""Speed by construction: what a cold run imports, the collector around a page, the --jobs default."""

from __future__ import annotations

import copy
import gc
import json
import os
import pickle
import re
import subprocess
import sys

from govmeta.cli.runner import INPUTS_PER_WORKER, auto_jobs, gc_paused, idle_cpus
from govmeta.parsers.lazy_pattern import LazyPattern, lazy_compile
from govmeta.parsers.page_type import has_chinese
from tests.paths import FIXTURES, SAMPLE

# Modules a plain `govmeta extract -q page.html` must not load: each costs tens of ms at start-up.
HEAVY = ("rich", "importlib.metadata", "email.parser", "multiprocessing", "chardet", "govmeta.parsers.text.reader",
         "zipfile", "hashlib", "tomllib", "csv")
# What a page in UTF-8 does not need on top: the script tables that judge a decoding, and the codec modules
# of the charset labels it does not use (the label tables are read without loading them).
NOT_FOR_UTF8 = ("govmeta.parsers.encoding.plausible", "encodings.koi8_r", "encodings.cp1251", "_codecs_cn")
UTF8_PAGE = FIXTURES / "articles" / "body_only_link.html"

_LOADED = """
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))
from govmeta.cli.main import main
sys.argv = ["govmeta", *sys.argv[1:]]
main()
"""


def loaded_modules(*args: str, stdin: bytes | None = None) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _LOADED, *args], input=stdin, capture_output=True, timeout=120)
    return set(json.loads(done.stderr.decode().splitlines()[-1]))


def test_one_html_page_loads_no_heavy_module():
    loaded = loaded_modules("extract", "-q", str(SAMPLE), str(SAMPLE))
    assert not loaded & set(HEAVY)


def test_a_page_in_utf8_loads_no_decoding_judge_nor_other_codecs():
    assert UTF8_PAGE.read_bytes().decode("utf-8")
    loaded = loaded_modules("extract", "-q", str(UTF8_PAGE))
    assert not loaded & set(HEAVY + NOT_FOR_UTF8)


def test_a_text_dump_loads_the_text_reader_only_then():
    dumps = sorted((FIXTURES / "text").rglob("*.txt"))
    assert dumps
    loaded = loaded_modules("extract", "-q", str(dumps[0]))
    assert "govmeta.parsers.text.reader" in loaded
    assert "rich" not in loaded


def test_version_is_read_when_asked():
    done = subprocess.run([sys.executable, "-m", "govmeta.cli", "--version"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0
    assert done.stdout.startswith("govmeta, version ")
    assert done.stdout.strip() != "govmeta, version unknown"


def test_gc_paused_restores_the_collector():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


def test_auto_jobs_uses_workers_only_for_enough_inputs_and_idle_cpus():
    cpus = len(os.sched_getaffinity(0))
    quiet = lambda: float(cpus)  # noqa: E731
    assert auto_jobs(1, quiet) == 1
    assert auto_jobs(2 * INPUTS_PER_WORKER - 1, quiet) == 1
    assert auto_jobs(100_000, quiet) == cpus
    assert auto_jobs(2 * INPUTS_PER_WORKER, quiet) == min(cpus, 2)
    assert auto_jobs(100_000, lambda: 0.1) == 1  # every CPU busy with other work: one process
    assert auto_jobs(100_000, lambda: None) == cpus  # no /proc/stat: by inputs and CPUs only


def test_idle_cpus_reads_a_share_of_the_machine():
    idle = idle_cpus(0.05)
    assert idle is None or 0.0 <= idle <= (os.cpu_count() or 1) + 0.01


def _module_patterns() -> list[tuple[str, str, object]]:
    """Every module-level regular expression of govmeta's own modules, with the module's and attribute's names."""
    import importlib
    import pkgutil

    import govmeta.cli
    import govmeta.parsers

    found = []
    for package in (govmeta.parsers, govmeta.cli):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".spark" in info.name:  # the cluster front door needs pyspark
                continue
            module = importlib.import_module(info.name)
            found += [(info.name, name, value) for name, value in vars(module).items()
                      if isinstance(value, (re.Pattern, LazyPattern))]
    return found


def test_module_level_patterns_compile_on_first_use():
    """A module-level pattern is a ``lazy_compile``: import compiles none of them (start-up, docs/performance.md)."""
    patterns = _module_patterns()
    assert len(patterns) > 100
    compiled_at_import = [f"{module}.{name}" for module, name, value in patterns if isinstance(value, re.Pattern)]
    assert compiled_at_import == []


def test_a_lazy_pattern_answers_as_the_compiled_one():
    source, flags = r"(?P<label>发布日期|来源)\s*[:：]\s*(\S+)", re.I
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    text = "来源：国务院办公厅 发布日期：2024-05-06"
    assert "_compiled" not in vars(lazy)
    assert [m.groups() for m in lazy.finditer(text)] == [m.groups() for m in compiled.finditer(text)]
    assert lazy.sub("X", text) == compiled.sub("X", text)
    assert (lazy.pattern, lazy.flags, lazy.groupindex) == (compiled.pattern, compiled.flags, compiled.groupindex)
    assert pickle.loads(pickle.dumps(lazy)).search(text).group("label") == "来源"
    assert copy.deepcopy(lazy).search(text).group("label") == "来源"
    assert lazy_compile(rb"\xc3[\x80-\xbf]").search(b"caf\xc3\xa9").group() == b"\xc3\xa9"


def test_a_page_compiles_only_the_patterns_it_uses():
    """The Latin-1 repair's text patterns (a Han range among them) wait for a page that needs the repair."""
    probe = ("import sys; sys.argv = ['govmeta', 'extract', '-q', sys.argv[1]];"
             "from govmeta.cli.main import main\n"
             "try: main()\nexcept SystemExit: pass\n"
             "from govmeta.parsers.encoding import mojibake;"
             "print(sorted(n for n, v in vars(mojibake).items()"
             "            if isinstance(getattr(v, '_source', None), str) and '_compiled' in vars(v)))")
    done = subprocess.run([sys.executable, "-c", probe, str(UTF8_PAGE)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def test_has_chinese_by_utf8_bytes_answers_as_the_han_range():
    """has_chinese looks for Han characters in UTF-8 bytes (a class that compiles in microseconds): the same
    answers as ``[\\u3400-\\u9fff]`` at the range's edges, next to CJK punctuation and for lone surrogates."""
    han = re.compile(r"[\u3400-\u9fff]")
    edges = [0x33FF, 0x3400, 0x3401, 0x9FFF, 0xA000, 0x3000, 0x3002, 0x4E00, 0xD800, 0xDFFF, 0xFF0C, 0x20000, 0x41]
    texts = [chr(a) + chr(b) for a in edges for b in edges] + ["", "abc", "第一条", "（一）", "\u3400", "a\u9fff"]
    assert all(has_chinese([text]) == bool(han.search(text)) for text in texts)
    assert has_chinese(iter(["abc", "", "政务公开"])) and not has_chinese(["abc", "。，、"])
