#!/bin/bash
# Experiment (issue 13): build mypyc extensions for the given parser modules, in place in this work tree.
# usage: bench/mypyc/build.sh parsers/html/page_index.py parsers/html/segments.py ...   (paths from the repo root)
#        bench/mypyc/build.sh --clean    (remove every built .so and the build directories)
# First: git apply bench/mypyc/compile_fixes.patch (type annotations mypy/mypyc need; records unchanged).
# Needs mypy in the venv (pip install mypy), gcc and the Python headers. Build artefacts are not committed.
set -e
repo=$(cd "$(dirname "$0")/../.." && pwd)
stage=${MYPYC_STAGE:-/tmp/govmeta-mypyc-stage}
if [ "$1" = "--clean" ]; then
    find "$repo/parsers" -name '*.so' -delete
    rm -rf "$stage"
    exit 0
fi
find "$repo/parsers" -name "*.so" -delete  # (a smaller set must not leave old builds behind)
rm -rf "$stage"; mkdir -p "$stage/govmeta"
ln -s "$repo/parsers" "$stage/govmeta/parsers"
ln -s "$repo/cli" "$stage/govmeta/cli"
if ! git -C "$repo" apply --check --reverse bench/mypyc/compile_fixes.patch 2>/dev/null; then
    echo "apply bench/mypyc/compile_fixes.patch first" >&2; exit 1
fi
paths=""
for p in "$@"; do paths="$paths govmeta/$p"; done
cd "$stage"
export MYPY_CACHE_DIR="$stage/.mypy_cache" MYPYC_PATHS="$paths" MYPYPATH="$stage"
python "$repo/bench/mypyc/setup_mypyc.py"
