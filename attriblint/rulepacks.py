"""YAML rule packs → validated RuleSpecs and shared lexicons (DESIGN §4).

A pack holds `rules:` (a list of rules) and/or `lexicons:` (named word lists that analysis
layers read, such as verbs of saying). Packs load in order: shipped ones first, then a
newsroom's; a later rule with the same id replaces the earlier one, lexicons merge.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from string import Formatter
from typing import Any

from attriblint.errors import ConfigError
from attriblint.findings import SEVERITIES
from attriblint.kinds import KINDS
from attriblint.kinds.base import RuleSpec
from attriblint.yamlfile import Field, YamlFile, load_yaml, validate

_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _rule_id(value: str) -> str:
    if not _RULE_ID.match(value):
        raise ValueError("rule ids use lower-case letters, digits and hyphens, e.g. 'my-rule'")
    return value


COMMON_KEYS: dict[str, Field] = {
    "id": Field(str, required=True, check=_rule_id),
    "kind": Field(str, required=True, choices=tuple(sorted(KINDS))),
    "severity": Field(str, required=True, choices=SEVERITIES),
    "message": Field(str, required=True),
    "summary": Field(str, default=""),
    "description": Field(str, default=""),
    "example": Field(str, default=""),
    "instead": Field(str, default=""),
    "link": Field(str, default=""),
    "enabled": Field(bool, default=True),
    "quoted": Field(str, default="same", choices=("same", "ignore") + SEVERITIES),
    "quoted-message": Field(str, default=""),
}
PACK_KEYS = {"rules": Field(list, default=list), "lexicons": Field(dict, default=dict)}
# What config's `rule-settings:` may change for a rule, besides the kind's own options.
SETTABLE_KEYS = ("severity", "enabled", "quoted", "message", "quoted-message")


def shipped_rules_dir() -> Path:
    """`rules/` inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("the shipped rule packs are missing: reinstall attriblint")


def pack_files(location: Path) -> list[Path]:
    if location.is_dir():
        return sorted(p for p in location.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    if location.is_file():
        return [location]
    raise ConfigError("no such rule pack file or folder", str(location))


@dataclass
class RuleSet:
    rules: dict[str, RuleSpec] = field(default_factory=dict)
    lexicons: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, YamlFile] = field(default_factory=dict)


def load_packs(locations: list[Path]) -> RuleSet:
    ruleset = RuleSet()
    for location in locations:
        for path in pack_files(location):
            _load_pack(load_yaml(str(path)), ruleset)
    return ruleset


def _load_pack(source: YamlFile, ruleset: RuleSet) -> None:
    pack = validate(source, source.data if source.data is not None else {}, PACK_KEYS, (), "a rule pack")
    seen: set[str] = set()
    for index, raw in enumerate(pack["rules"]):
        where = ("rules", index)
        spec = parse_rule(source, raw, where)
        if spec.id in seen:
            raise source.error(where + ("id",), f"rule id '{spec.id}' appears twice in this pack")
        seen.add(spec.id)
        ruleset.rules[spec.id] = spec
        ruleset.sources[spec.id] = source
    for name, value in pack["lexicons"].items():
        if not isinstance(value, (list, dict)):
            raise source.error(("lexicons", name), f"lexicon '{name}' must be a list or a mapping")
        odd = [w for w in value if not isinstance(w, str)] if isinstance(value, list) else []
        if odd:  # YAML reads a bare on/off/yes/no as true/false
            raise source.error(("lexicons", name), f"lexicon '{name}' has {odd[0]!r}, not a word: quote it")
        _check_shape(source, name, ruleset.lexicons.get(name), value)
        merge_lexicon(ruleset.lexicons, name, value)


def _check_shape(source: YamlFile, name: str, old, new) -> None:
    """A lexicon that adds to an earlier one must have its shape, or the merge would garble it."""
    if old is None:
        return
    if isinstance(old, list) != isinstance(new, list):
        shape = "a list" if isinstance(old, list) else "a mapping"
        raise source.error(("lexicons", name), f"lexicon '{name}' must be {shape}, as in the packs loaded before")
    if isinstance(old, dict) and any(isinstance(v, list) for v in old.values()):
        for key, value in new.items():
            if not isinstance(value, list):
                raise source.error(("lexicons", name, key), f"lexicon '{name}' maps each key to a list, "
                                   f"as in the packs loaded before: write {key}: [{value}]")


def merge_lexicon(lexicons: dict, name: str, value) -> None:
    old = lexicons.get(name)
    if isinstance(old, list) and isinstance(value, list):
        lexicons[name] = old + [v for v in value if v not in old]
    elif isinstance(old, dict) and isinstance(value, dict):
        lexicons[name] = {**old, **value}
    else:
        lexicons[name] = value


def parse_rule(source: YamlFile, raw, where: tuple) -> RuleSpec:
    if not isinstance(raw, dict):
        raise source.error(where, "each rule must be a mapping with id, kind, severity and message")
    kind = raw.get("kind")
    if kind is None:
        raise source.error(where, f"rule '{raw.get('id', index_name(where))}' needs 'kind'")
    if kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        raise source.error(where + ("kind",), f"unknown rule kind {kind!r} (known kinds: {known})")
    schema = {**COMMON_KEYS, **KINDS[kind].options}
    values = validate(source, raw, schema, where, f"rule '{raw.get('id', index_name(where))}'")
    check_placeholders(source, where, KINDS[kind], values)
    common = {k.replace("-", "_"): values.pop(k) for k in COMMON_KEYS}
    return RuleSpec(**common, pack=source.path, line=source.line(where), options=values)


def check_placeholders(source: YamlFile, where: tuple, kind, values: dict) -> None:
    """Every message template of a rule (its own, its options', its entries') names only the
    {placeholders} its kind fills."""
    templates = []
    for key, value in values.items():
        if key.endswith("message") and isinstance(value, str):
            templates.append((where + (key,), value))
        elif isinstance(value, list):
            templates += [(where + (key, i, "message"), item["message"]) for i, item in enumerate(value)
                          if isinstance(item, dict) and isinstance(item.get("message"), str)]
    known = kind.message_fields | {"suggest"}
    for place, template in templates:
        try:
            names = {name for _, name, _, _ in Formatter().parse(template) if name is not None}
        except ValueError:
            raise source.error(place, "unmatched brace in message: write {{ or }} for a brace itself") from None
        for name in sorted(names):
            if re.split(r"[.\[]", name)[0] not in known:
                raise source.error(place, f"unknown placeholder {{{name}}} in message "
                                   f"(this kind fills: {', '.join('{' + k + '}' for k in sorted(known))})")


def index_name(where: tuple) -> str:
    return f"#{where[-1] + 1}"


def apply_settings(ruleset: RuleSet, settings: dict, source: YamlFile, where: tuple) -> None:
    """Config's `rule-settings: {rule-id: {key: value}}`: re-level, disable or retune a rule."""
    for rule_id, changes in settings.items():
        spec = ruleset.rules.get(rule_id)
        if spec is None:
            raise source.error(where + (rule_id,), f"rule-settings names unknown rule '{rule_id}'")
        kind_options = KINDS[spec.kind].options
        schema = {k: replace(f, required=False, default=None)
                  for k, f in ({k: COMMON_KEYS[k] for k in SETTABLE_KEYS} | kind_options).items()}
        if not isinstance(changes, dict):
            raise source.error(where + (rule_id,), f"rule-settings for '{rule_id}' must be a mapping")
        checked = validate(source, changes, schema, where + (rule_id,), f"rule-settings for '{rule_id}'")
        check_placeholders(source, where + (rule_id,), KINDS[spec.kind], {k: checked[k] for k in changes})
        for key in changes:
            if key in kind_options:
                spec.options[key] = checked[key]
            else:
                setattr(spec, key.replace("-", "_"), checked[key])
