"""One check run: collect drafts, build each Document and Analysis, run the rules, and
return located Findings per file. Reporters and exit codes live elsewhere (cli, report/)."""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from attriblint import document as documents
from attriblint.analysis import Analysis
from attriblint.config import Config
from attriblint.errors import ConfigError, InputError
from attriblint.findings import Finding, render
from attriblint.kinds import KINDS
from attriblint.kinds.base import Rule
from attriblint.rulepacks import RuleSet, apply_settings, load_packs, shipped_rules_dir
from attriblint.suppression import regions, suppressed


@dataclass
class FileResult:
    path: str
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    document: documents.Document | None = None
    digests: dict[str, object] = field(default_factory=dict)  # rule id → summarise() of this draft


def load_ruleset(config: Config) -> RuleSet:
    ruleset = load_packs([shipped_rules_dir(), *config.rule_pack_paths()])
    if config.values["rule-settings"]:
        apply_settings(ruleset, config.values["rule-settings"], config.source, ("rule-settings",))
    return ruleset


def _known(ruleset: RuleSet, ids: list[str], where: str) -> list[str]:
    for rule_id in ids:
        if rule_id not in ruleset.rules and rule_id != "ALL":
            known = ", ".join(sorted(ruleset.rules))
            raise ConfigError(f"unknown rule '{rule_id}' in {where} (known rules: {known})")
    return ids


def active_rules(ruleset: RuleSet, select: list[str] | None, ignore: list[str]) -> list[Rule]:
    """Rules that run: the selected ones (or every enabled one), less the ignored ones."""
    _known(ruleset, select or [], "select")
    _known(ruleset, ignore, "ignore")
    chosen = []
    for spec in ruleset.rules.values():
        on = (spec.id in select or "ALL" in select) if select else spec.enabled
        if on and spec.id not in ignore:
            chosen.append(KINDS[spec.kind](spec))
    return chosen


def collect(paths: list[str], exclude: list[str]) -> list[str]:
    """Explicit files as given; folders walked for drafts in sorted order; `exclude` globs skipped."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith(".")
                                       and not _excluded(os.path.join(folder, d), exclude))
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    if Path(name).suffix.lower() in documents.DRAFT_SUFFIXES and not _excluded(full, exclude):
                        out.append(full)
        elif not _excluded(path, exclude):
            out.append(path)
    return out


def _excluded(path: str, patterns: list[str]) -> bool:
    posix = Path(path).as_posix()
    return any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(posix, f"*/{p}") or
               fnmatch.fnmatch(Path(path).name, p) for p in patterns)


class Checker:
    """Runs a fixed set of rules over drafts, sharing one NLP pipeline across them."""

    def __init__(self, config: Config, ruleset: RuleSet, rules: list[Rule]):
        self.config = config
        self.ruleset = ruleset
        self.rules = rules
        self.needs = set().union(*(r.needs for r in rules)) if rules else set()
        self._pipeline = None

    @property
    def pipeline(self):
        if self._pipeline is None and self.needs:
            from attriblint.nlp import Pipeline

            self._pipeline = Pipeline(self.needs, self.config.values["model"])
        return self._pipeline

    def check_file(self, path: str) -> FileResult:
        try:
            doc = documents.load(path, self.config.values["encoding"], self.config.values["max-bytes"])
        except InputError as exc:
            return FileResult(path, error=str(exc))
        result = FileResult(path, document=doc)
        analysis = Analysis(doc, self.pipeline, self.ruleset.lexicons, self._settings(doc))
        for rule in self._rules_for(doc.path):
            result.findings += rule.check(analysis)
            digest = rule.summarise(analysis)
            if digest is not None:
                result.digests[rule.id] = digest
        result.findings = self._keep(result.findings, doc)
        return result

    def _keep(self, findings: list[Finding], doc: documents.Document) -> list[Finding]:
        """Apply quotation settings and suppression comments; locate what is left."""
        rules = {r.id: r for r in self.rules}
        active = regions(doc)
        kept = []
        for finding in findings:
            finding = self._quoted(rules[finding.rule], finding, doc)
            if finding is not None and not suppressed(finding, active):
                kept.append(finding.locate(doc))
        return sorted(kept, key=Finding.sort_key)

    def _settings(self, doc: documents.Document) -> dict:
        settings = {"sides": self.config.values["sides"]}
        own = doc.front_matter.get("attriblint")
        if isinstance(own, dict):
            settings.update(own)
        return settings

    def _rules_for(self, path: str) -> list[Rule]:
        rules = self.rules
        for pattern, settings in self.config.values["per-file"].items():
            if _excluded(path, [pattern]):
                if settings["select"]:
                    rules = [r for r in rules if r.id in settings["select"]]
                rules = [r for r in rules if r.id not in (settings["ignore"] or [])]
        return rules

    @staticmethod
    def _quoted(rule: Rule, finding: Finding, doc) -> Finding | None:
        """Inside a direct quotation the words are the source's: apply the rule's `quoted:` setting.
        A finding about the quotation marks themselves (a scare quote) is not inside one."""
        if finding.extra.get("scare_quote") or doc.quote_at(finding.offset, finding.end_offset) is None:
            return finding
        finding.quoted = True
        setting = rule.spec.quoted
        if setting == "ignore":
            return None
        if setting != "same":
            finding.severity = setting
        if rule.spec.quoted_message:
            match = doc.text[finding.offset:finding.end_offset]
            finding.message = render(rule.spec.quoted_message, match=match, suggest=finding.suggestions,
                                     **finding.extra)
        return finding

    def check_paths(self, paths: list[str]) -> list[FileResult]:
        results = []
        for path in paths:
            if not os.path.exists(path):
                results.append(FileResult(path, error=f"{path}: no such file or directory"))
                continue
            results.append(self.check_file(path))
        self._check_across(results)
        return results

    def _check_across(self, results: list[FileResult]) -> None:
        """Rules that compare drafts run once all digests are in; their findings join each file's."""
        by_path = {r.path: r for r in results if r.document is not None}
        for rule in self.rules:
            digests = [(r.path, r.digests[rule.id]) for r in by_path.values() if rule.id in r.digests]
            if not digests:
                continue
            for path, found in rule.check_across(digests).items():
                result = by_path[path]
                result.findings = sorted(result.findings + self._keep(found, result.document),
                                         key=Finding.sort_key)
