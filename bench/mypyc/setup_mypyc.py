"""Experiment (issue 13): compile govmeta's hot parser modules with mypyc, in place.

Run by build.sh from a staging directory where ``govmeta/parsers`` links to the work tree's ``parsers/``,
so that mypy names the modules ``govmeta.parsers.*`` and the built ``.so`` files land beside the ``.py``.
"""

import os
import sys

from mypyc.build import mypycify
from setuptools import setup

here = os.path.dirname(os.path.abspath(__file__))
paths = os.environ["MYPYC_PATHS"].split()
setup(
    name="govmeta-mypyc-experiment",
    packages=[],
    ext_modules=mypycify(
        ["--config-file", os.path.join(here, "mypy.ini"), *paths],
        group_name="govmeta.parsers._mypyc",
        opt_level=os.environ.get("MYPYC_OPT_LEVEL", "3"),
        multi_file=os.environ.get("MYPYC_MULTI_FILE") == "1",
    ),
    script_args=["build_ext", "--inplace", *sys.argv[1:]],
)
