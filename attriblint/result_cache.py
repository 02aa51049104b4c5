"""What the NLP rules found in a draft, kept on disk so that re-checking an unchanged draft
needs no spaCy at all (importing it alone costs more than a regex linter's whole run).

An entry holds, per rule that reads the parse, its raw findings and cross-draft digest as
JSON (never pickle: a cache folder may come from anywhere). It is keyed by everything those
outputs depend on: the draft's text and format, the rules' specs and lexicons, the run's
settings, the model and pipe set, and the attriblint code itself (its files' sizes and
mtimes), so any change is a miss. Text-only rules are cheap and always run live.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from attriblint import __version__
from attriblint.findings import Finding
from attriblint.parse_cache import ParseCache

SECTION = "results"


def _code_fingerprint() -> str:
    package = Path(__file__).resolve().parent
    stamps = sorted((str(p.relative_to(package)), p.stat().st_size, p.stat().st_mtime_ns)
                    for p in package.rglob("*.py"))
    return hashlib.blake2b(repr(stamps).encode(), digest_size=16).hexdigest()


class ResultCache:
    """Per-draft outputs of the rules that need a parse, for one set of rules and settings."""

    def __init__(self, root, run_settings: object, model_namespace: str):
        fingerprint = repr((__version__, _code_fingerprint(), model_namespace, run_settings))
        self.store = ParseCache(root, "v1", section=SECTION)
        self.fingerprint = hashlib.blake2b(fingerprint.encode(), digest_size=16).hexdigest()
        self._specs: dict[tuple[str, ...], str] = {}  # rule ids → their specs, written out once

    def _key(self, document, rules) -> str:
        ids = tuple(r.id for r in rules)
        if ids not in self._specs:
            self._specs[ids] = repr([(r.spec, sorted(r.needs)) for r in rules])
        return "\0".join((self.fingerprint, self._specs[ids], document.format, document.text))

    def holds(self, document, rules) -> bool:
        """Whether `recall` may find something, without reading it."""
        return self.store.holds(self._key(document, rules))

    def recall(self, document, rules) -> dict[str, tuple[list[Finding], object]] | None:
        """rule id → (findings, digest) for every rule in `rules`, or None on a miss."""
        payload = self.store.get(self._key(document, rules))
        if payload is None:
            return None
        try:
            entry = json.loads(payload)
            outputs = {rule_id: ([Finding(**f) for f in kept["findings"]], kept["digest"])
                       for rule_id, kept in entry.items()}
        except (ValueError, TypeError, KeyError, AttributeError):
            outputs = None
        if outputs is None or set(outputs) != {r.id for r in rules}:
            self.store.reject()
            return None
        return outputs

    def keep(self, document, rules, outputs: dict[str, tuple[list[Finding], object]]) -> None:
        """Store what `rules` found, unless some of it would not come back from JSON as it was."""
        entry = {rule_id: {"findings": [dataclasses.asdict(f) for f in found], "digest": digest}
                 for rule_id, (found, digest) in outputs.items()}
        if _plain(entry):
            self.store.put(self._key(document, rules), json.dumps(entry, ensure_ascii=False).encode("utf-8"))


def _plain(value) -> bool:
    """Made only of what JSON gives back unchanged (a tuple would come back as a list)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")
    return value is None or isinstance(value, (str, int, bool))
