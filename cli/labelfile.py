"""Reading a ``--labels`` file: label synonyms as TOML or JSON, for ``Vocabulary.from_mapping``."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from govmeta.parsers.vocabulary import Vocabulary


def load_vocabulary(path: str | Path) -> Vocabulary:
    """The default vocabulary plus the synonyms in a TOML or JSON file (``{field = ["label", ...]}``,
    optionally under a ``[labels]`` table). Raises ValueError naming the file for any problem."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
        data = json.loads(text) if str(path).endswith(".json") else tomllib.loads(text)
        return Vocabulary.from_mapping(data)
    except (OSError, UnicodeDecodeError, ValueError, TypeError) as exc:
        raise ValueError(f"{path}: {exc}") from exc
