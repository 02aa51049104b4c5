"""Load YAML with `safe_load` and remember where each value stands, so that every
validation error can name the file and line (`rules/x.yaml:12: severity must be …`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

import yaml

from attriblint.errors import ConfigError


@dataclass
class YamlFile:
    path: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, where: tuple) -> int | None:
        """The line of the value at path `where` (keys and list indexes), or of its nearest parent."""
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where)

    def error(self, where: tuple, message: str) -> ConfigError:
        return ConfigError(message, self.path, self.line(where))


def load_yaml(path: str, text: str | None = None) -> YamlFile:
    try:
        if text is None:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        node, data = _safe_load_with_nodes(text)
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path) from None
    except UnicodeDecodeError:
        raise ConfigError("not valid UTF-8", path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"YAML syntax error: {problem}", path, mark.line + 1 if mark else None) from None
    lines: dict[tuple, int] = {}
    _record_lines(node, (), lines, path)
    return YamlFile(path, data, lines)


def _dateless(loader_class):
    """The safe loader, reading a date as the text it is: no setting is a date, and an
    impossible one ("2024-13-45") would fail outside YAML's errors, with no line to name."""
    resolvers = {first: [(tag, pattern) for tag, pattern in pairs if tag != "tag:yaml.org,2002:timestamp"]
                 for first, pairs in loader_class.yaml_implicit_resolvers.items()}
    return type(f"Dateless{loader_class.__name__}", (loader_class,), {"yaml_implicit_resolvers": resolvers})


# yaml.safe_load's own loader, in C when libyaml is present (ten times faster on big packs).
_SAFE_LOADER = _dateless(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_PURE_SAFE_LOADER = _dateless(yaml.SafeLoader)


def _safe_load_with_nodes(text: str, loader_class=_SAFE_LOADER):
    """What yaml.safe_load does (compose, then construct with the safe constructor), keeping
    the composed node tree so errors can name lines; the text is parsed once. A syntax error
    is described by the pure-Python loader, whose messages read better than libyaml's."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.YAMLError:
        if loader_class is _PURE_SAFE_LOADER:
            raise
        return _safe_load_with_nodes(text, _PURE_SAFE_LOADER)
    finally:
        loader.dispose()


def _record_lines(node, where: tuple, lines: dict, path: str) -> None:
    """Note the line of every value; a key given twice in one mapping is an error, since YAML
    would silently keep only the last ("message:" written twice loses the first)."""
    if node is None:
        return
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = where + (key.value,)
            if child in lines:
                raise ConfigError(f"key '{key.value}' appears twice here (first on line {lines[child]})",
                                  path, key.start_mark.line + 1)
            lines[child] = key.start_mark.line + 1
            _record_lines_below(value, child, lines, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, where + (index,), lines, path)


def _record_lines_below(node, where: tuple, lines: dict, path: str) -> None:
    line = lines[where]
    _record_lines(node, where, lines, path)
    lines[where] = line  # a key's own line names it better than its value's first line


# ---------------------------------------------------------------- a small schema language
@dataclass(frozen=True)
class Field:
    """One allowed key: its type, whether it is required, its default and allowed values.

    `items` describes list items (a Field or a dict schema); `check` may raise ValueError.
    """

    type: type | tuple = object
    required: bool = False
    default: Any = None
    choices: tuple = ()
    items: Any = None
    check: Callable[[Any], Any] | None = None
    help: str = ""


_TYPE_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "true or false",
               list: "a list", dict: "a mapping"}


def _type_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds)


def validate(source: YamlFile, value: Any, schema: dict[str, Field], where: tuple, what: str) -> dict:
    """Check a mapping against `schema`; return it with defaults filled in."""
    if not isinstance(value, dict):
        raise source.error(where, f"{what} must be a mapping of keys to values")
    unknown = [k for k in value if k not in schema]
    if unknown:
        allowed = ", ".join(sorted(schema))
        raise source.error(where + (unknown[0],), f"unknown key '{unknown[0]}' in {what} (allowed: {allowed})")
    out = {}
    for key, spec in schema.items():
        if key not in value or value[key] is None and not spec.required:
            if spec.required:
                raise source.error(where, f"{what} needs '{key}'")
            out[key] = spec.default() if callable(spec.default) else spec.default
            continue
        out[key] = check_value(source, value[key], spec, where + (key,), f"'{key}'")
    return out


def check_value(source: YamlFile, value: Any, spec: Field, where: tuple, what: str) -> Any:
    expected = spec.type
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if expected is not object and (not isinstance(value, expected) or
                                   isinstance(value, bool) and expected in (int, float)):
        raise source.error(where, f"{what} must be {_type_name(expected)}, not {value!r}")
    if spec.choices and value not in spec.choices:
        raise source.error(where, f"{what} must be one of {', '.join(map(str, spec.choices))}, not {value!r}")
    if spec.items is not None and isinstance(value, list):
        if isinstance(spec.items, dict):
            value = [validate(source, item, spec.items, where + (i,), f"item {i + 1} of {what}")
                     for i, item in enumerate(value)]
        else:
            value = [check_value(source, item, spec.items, where + (i,), f"item {i + 1} of {what}")
                     for i, item in enumerate(value)]
    if spec.check is not None:
        try:
            value = spec.check(value)
        except (ValueError, re.error) as exc:
            raise source.error(where, f"{what}: {exc}") from None
    return value


def regex(value: str) -> re.Pattern:
    """A Field check that compiles a case-insensitive regular expression."""
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"bad regular expression {value!r}: {exc}") from None


def at_least_one(value: int) -> int:
    if value < 1:
        raise ValueError("must be 1 or more")
    return value


def string_list(value):
    """Accept one string or a list of strings."""
    values = [value] if isinstance(value, str) else value
    if not all(isinstance(v, str) for v in values):
        raise ValueError("must be a string or a list of strings")
    return list(values)
