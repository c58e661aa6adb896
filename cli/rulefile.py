"""Reading rule files for ``--rules`` and ``--labels`` (TOML or JSON), checked before any page is read; and a
labels file as a ``Vocabulary`` for library users."""

from __future__ import annotations

import json
from pathlib import Path

from govmeta.parsers.siterules import RuleError, SiteRules
from govmeta.parsers.vocabulary import Vocabulary

# The name of the one rule a --labels file becomes (it applies to every page).
LABELS_RULE = "labels"


def read_data_file(path: str | Path) -> dict:
    """A TOML or JSON file's data; ValueError naming the file for anything unreadable."""
    import tomllib  # lazy: ~4 ms of start-up, needed only with --rules or --labels

    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
        return json.loads(text) if str(path).lower().endswith(".json") else tomllib.loads(text)
    except OSError as exc:
        raise ValueError(f"{path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: bad {'JSON' if str(path).lower().endswith('.json') else 'TOML'}: {exc}") from exc


def load_rules(rules_file: str | None, labels_file: str | None = None) -> SiteRules | None:
    """The run's site rules: a ``--labels`` file as one rule for every page, then the ``--rules`` file's.

    Raises ValueError (a RuleError for a bad rule) naming the file, the rule and the problem."""
    entries: list[dict] = []
    if labels_file:
        labels = read_data_file(labels_file)
        SiteRules.from_mapping({"rule": [{"name": LABELS_RULE, "labels": labels}]}, str(labels_file))
        entries.append({"name": LABELS_RULE, "labels": labels})
    if rules_file:
        data = read_data_file(rules_file)
        checked = SiteRules.from_mapping(data, str(rules_file))
        if labels_file and any(rule.name == LABELS_RULE for rule in checked.rules):
            raise RuleError(str(rules_file), LABELS_RULE, "the name is taken by the --labels file's rule")
        entries.extend(data.get("rule", []))
    if not entries:
        return None
    return SiteRules.from_mapping({"rule": entries}, str(rules_file or labels_file))


def load_vocabulary(path: str | Path) -> Vocabulary:
    """The default vocabulary plus the synonyms in a TOML or JSON file (``{field = ["label", ...]}``,
    optionally under a ``[labels]`` table). Raises ValueError naming the file for any problem."""
    data = read_data_file(path)
    try:
        return Vocabulary.from_mapping(data)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{path}: {exc}") from exc
