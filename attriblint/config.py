"""`.attriblint.yaml` or `[tool.attriblint]` in pyproject.toml → Config (DESIGN §5).

Found by walking up from the current directory, or named with `--config FILE`.
Paths inside (rule packs, reference archives, cache) are relative to the config file.
"""
from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attriblint.document import DEFAULT_MAX_BYTES
from attriblint.errors import ConfigError, InputError
from attriblint.findings import SEVERITIES
from attriblint.yamlfile import Field, YamlFile, load_yaml, string_list, validate

CONFIG_NAMES = (".attriblint.yaml", ".attriblint.yml")


def _sides(value: dict) -> dict[str, list[str]]:
    for name, terms in value.items():
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise ValueError(f"side '{name}' must list its terms as strings, e.g. {name}: [Name, Place]")
    return value


def _encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise ValueError(f"unknown text encoding {value!r} (e.g. utf-8, latin-1, cp1252)") from None
    return value


def _duplicates(value: dict) -> dict:
    unknown = [k for k in value if k not in ("reference", "cache")]
    if unknown:
        raise ValueError(f"unknown key '{unknown[0]}' (allowed: reference, cache)")
    reference = string_list(value.get("reference") or [])
    if not isinstance(value.get("cache", ""), str):
        raise ValueError("'cache' must be a folder path")
    return {"reference": reference, "cache": value.get("cache") or ".attriblint_cache"}


PER_FILE = {"select": Field((str, list), check=string_list), "ignore": Field((str, list), check=string_list)}

CONFIG_KEYS: dict[str, Field] = {
    "rules": Field((str, list), default=list, check=string_list, help="extra rule pack files or folders"),
    "select": Field((str, list), check=string_list, help="only these rule ids"),
    "ignore": Field((str, list), default=list, check=string_list, help="never these rule ids"),
    "fail-on": Field(str, default="warning", choices=SEVERITIES, help="lowest severity that fails the check"),
    "exclude": Field((str, list), default=list, check=string_list, help="glob patterns of paths to skip"),
    "per-file": Field(dict, default=dict, help="glob: {select, ignore} for matching drafts"),
    "sides": Field(dict, default=dict, check=_sides, help="side name: [people, bodies, places, demonyms]"),
    "model": Field(str, help="spaCy model to load"),
    "rule-settings": Field(dict, default=dict, help="rule id: {severity, enabled, or the kind's options}"),
    "duplicates": Field(dict, default=dict, check=_duplicates,
                        help="reference: [folders of earlier stories or wire copy]; cache: index folder"),
    "encoding": Field(str, check=_encoding, help="text encoding of drafts (default UTF-8)"),
    "max-bytes": Field(int, default=DEFAULT_MAX_BYTES, help="largest draft to check, in bytes"),
    "cache-dir": Field(str, help="where parses are kept between runs (default .attriblint_cache)"),
}


@dataclass
class Config:
    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    values: dict[str, Any] = field(default_factory=dict)
    source: YamlFile | None = None

    def rule_pack_paths(self) -> list[Path]:
        return [(self.root / p) for p in self.values["rules"]]

    def duplicate_settings(self) -> dict:
        """`duplicates:` with its paths made absolute (they are relative to the config file)."""
        settings = self.values.get("duplicates") or {}
        if not settings.get("reference"):
            return {}
        return {"reference": [self.root / p for p in settings["reference"]], "cache": self.root / settings["cache"]}


# What a draft may set for itself in its front matter, under `attriblint:`.
FRONT_MATTER_KEYS = {"sides": CONFIG_KEYS["sides"]}


def front_matter_settings(path: str, text: str, value: Any) -> dict:
    """A draft's own `attriblint:` settings, checked like the config's; a mistake is the
    draft's (exit 3, named with its line), so the other drafts are still checked."""
    line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("attriblint:")), 2)
    source = YamlFile(path, value, {(): line})
    try:
        checked = validate(source, value, FRONT_MATTER_KEYS, (), "front matter 'attriblint:'")
    except ConfigError as exc:
        raise InputError(str(exc)) from None
    return {key: checked[key] for key in value}


def default_values() -> dict[str, Any]:
    source = YamlFile("<defaults>", {})
    return validate(source, {}, CONFIG_KEYS, (), "config")


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.attriblint" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def load_config(path: str | Path | None = None) -> Config:
    """Load the named config file, or the nearest one above the current directory."""
    found = Path(path) if path else find_config()
    if found is None:
        return Config(values=default_values())
    if not found.is_file():
        raise ConfigError("no such config file", str(found))
    source = _read_toml(found) if found.suffix == ".toml" else load_yaml(str(found))
    data = source.data if source.data is not None else {}
    values = validate(source, data, CONFIG_KEYS, (), "config")
    for pattern, settings in values["per-file"].items():
        values["per-file"][pattern] = validate(source, settings, PER_FILE, ("per-file", pattern),
                                               f"per-file settings for '{pattern}'")
    return Config(str(found), found.resolve().parent, values, source)


def _read_toml(path: Path) -> YamlFile:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+)", str(exc))  # tomllib puts the line only in the text
        line = getattr(exc, "lineno", None) or (int(where.group(1)) if where else None)
        raise ConfigError(f"TOML syntax error: {str(exc).split(' (at line')[0]}", str(path), line) from None
    section = data.get("tool", {}).get("attriblint", {})
    return YamlFile(str(path), section, _toml_lines(path))


_TABLE = re.compile(r"\[\s*tool\.attriblint((?:\.[\w\"'.-]+)*)\s*\]")
_KEY = re.compile(r"([\w-]+|\"[^\"]*\")\s*=")


def _toml_lines(path: Path) -> dict[tuple, int]:
    """The line of the [tool.attriblint] table, of its sub-tables and of each key in them, so
    that an error names the line of the key at fault (a dotted or inline key names its table)."""
    lines: dict[tuple, int] = {}
    table: tuple | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            found = _TABLE.fullmatch(stripped)
            table = tuple(p.strip('"\'') for p in found.group(1).split(".")[1:]) if found else None
            if table is not None:
                lines.setdefault(table, number)
        elif table is not None and (key := _KEY.match(stripped)):
            lines.setdefault(table + (key.group(1).strip('"'),), number)
    return lines
