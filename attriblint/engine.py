"""One check run: collect drafts, build each Document and Analysis, run the rules, and
return located Findings per file. Reporters and exit codes live elsewhere (cli, report/)."""
from __future__ import annotations

import fnmatch
import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from attriblint import document as documents
from attriblint.analysis import Analysis, block_pieces
from attriblint.config import Config, front_matter_settings
from attriblint.errors import ConfigError, InputError, guarded
from attriblint.findings import Finding, render
from attriblint.kinds import KINDS
from attriblint.kinds.base import Rule
from attriblint.nlp import MEMO_CHARS
from attriblint.parse_ahead import worth_it
from attriblint.rulepacks import RuleSet, apply_settings, load_packs, shipped_rules_dir
from attriblint.suppression import check_rule_ids, regions, suppressed


@dataclass
class FileResult:
    path: str
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    document: documents.Document | None = None
    digests: dict[str, object] = field(default_factory=dict)  # rule id → summarise() of this draft
    statistics: dict | None = None  # words, sentences, grade… with `check --statistics`
    internal: bool = False  # the error is attriblint's fault, not the draft's (exit 4)


def load_ruleset(config: Config) -> RuleSet:
    ruleset = load_packs([shipped_rules_dir(), *config.rule_pack_paths()])
    if config.values["rule-settings"]:
        apply_settings(ruleset, config.values["rule-settings"], config.source, ("rule-settings",))
    for pattern, settings in config.values["per-file"].items():
        for key in ("select", "ignore"):
            for index, rule_id in enumerate(settings[key] or []):
                if rule_id not in ruleset.rules and rule_id != "ALL":
                    raise config.source.error(("per-file", pattern, key, index),
                                              f"unknown rule '{rule_id}' in per-file '{pattern}' {key} "
                                              f"(known rules: {', '.join(sorted(ruleset.rules))})")
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


def draft_settings(config: Config, doc: documents.Document) -> dict:
    """Run settings for one draft: the config's, overridden by its front matter `attriblint:` keys."""
    settings = {"sides": config.values["sides"], "duplicates": config.duplicate_settings()}
    if "attriblint" in doc.front_matter:
        settings.update(front_matter_settings(doc.path, doc.text, doc.front_matter["attriblint"]))
    return settings


class Checker:
    """Runs a fixed set of rules over drafts, sharing one NLP pipeline across them.

    `cache_dir` is where parses are kept between runs (None: no disk cache); `statistics` adds
    each draft's reading measures.
    """

    def __init__(self, config: Config, ruleset: RuleSet, rules: list[Rule], cache_dir: str | None = None,
                 statistics: bool = False):
        self.config = config
        self.ruleset = ruleset
        self.rules = rules
        self.cache_dir = cache_dir
        self.statistics = statistics
        self.needs = set().union(*(r.needs for r in rules)) if rules else set()
        if statistics:
            self.needs.add("sentences")
        self._pipeline = None
        self._results = None
        self._prefetched: dict[str, documents.Document] = {}  # drafts read by check_batch
        self.parse_ahead = False  # the first batch's parse goes to a forked child (parse_ahead.py)

    def __getstate__(self):
        return {**self.__dict__, "_pipeline": None}  # a worker loads its own model, once

    @property
    def results(self):
        if self._results is None and self.cache_dir is not None and self.needs:
            from attriblint.result_cache import ResultCache

            self._results = ResultCache(self.cache_dir, (self.config.values, self.ruleset.lexicons),
                                        self.pipeline.namespace)
        return self._results

    @property
    def pipeline(self):
        if self._pipeline is None and self.needs:
            from attriblint.nlp import Pipeline

            self._pipeline = Pipeline(self.needs, self.config.values["model"], self.cache_dir)
        return self._pipeline

    def check_file(self, path: str, cached_only: bool = False) -> FileResult | None:
        """One draft's result; with `cached_only`, None unless it needs no parse this run."""
        try:
            doc = self._prefetched.pop(path, None) or self._load(path)
            settings = draft_settings(self.config, doc)
            check_rule_ids(doc, self.ruleset.rules)
        except InputError as exc:
            return FileResult(path, error=str(exc))
        result = FileResult(path, document=doc)
        analysis = Analysis(doc, self.pipeline, self.ruleset.lexicons, settings)
        outputs = self._outputs(self._rules_for(doc.path), analysis, cached_only)
        if outputs is None:
            return None
        for rule_id, (found, digest) in outputs.items():
            result.findings += found
            if digest is not None:
                result.digests[rule_id] = digest
        result.findings = self._keep(result.findings, doc)
        if self.statistics:
            from attriblint.statistics import draft_statistics

            result.statistics = draft_statistics(analysis)
        return result

    def _load(self, path: str) -> documents.Document:
        return documents.load(path, self.config.values["encoding"], self.config.values["max-bytes"])

    def check_batch(self, paths: list[str]) -> list[FileResult]:
        """`check_one` for each draft, their paragraphs parsed first in one batch: the model
        works faster on one batch than draft by draft (about 8% on news articles)."""
        self._prefetched.clear()
        try:
            self._prefetch(paths)
        except Exception:  # noqa: BLE001 - a fault here shows again, against its draft, in check_one
            self._prefetched.clear()
        return [self.check_one(path) for path in paths]

    def _prefetch(self, paths: list[str]) -> None:
        texts: list[str] = []
        size = 0
        ahead, self.parse_ahead = self.parse_ahead, False  # at most once, before spaCy is imported
        for path in paths if self.needs and (len(paths) > 1 or ahead) else ():
            try:
                doc = self._load(path)
            except InputError:
                continue  # reported by check_one
            parsing = [r for r in self._rules_for(path) if r.needs]
            if not (parsing or self.statistics):
                continue  # its rules read the text alone
            if self.results and parsing and not self.statistics and self.results.holds(doc, parsing):
                continue
            pieces = [doc.prose[s:e] for s, e, _ in block_pieces(doc)]
            size += sum(map(len, pieces))
            if size > MEMO_CHARS // 2:
                break  # the parses must still be in memory when their draft is checked
            texts += pieces
            self._prefetched[path] = doc
        if texts and ahead:
            self.pipeline.parse_ahead(texts)
            for rule in self.rules:
                rule.prepare()
        elif texts:
            self.pipeline.parse(texts)

    def _outputs(self, rules: list[Rule], analysis: Analysis, cached_only: bool = False):
        """Each rule's findings and digest; those of rules that parse come from the result
        cache when the draft and everything else is unchanged."""
        parsing = [r for r in rules if r.needs]
        stored = self.results.recall(analysis.document, parsing) if self.results and parsing else None
        if cached_only and parsing and stored is None:
            return None
        outputs = {}
        for rule in sorted(rules, key=lambda r: bool(r.needs)):  # text alone first, while a parse may run elsewhere
            if stored is not None and rule.needs:
                outputs[rule.id] = stored[rule.id]
            else:
                outputs[rule.id] = (list(rule.check(analysis)), rule.summarise(analysis))
        if self.results and parsing and stored is None:
            self.results.keep(analysis.document, parsing, {r.id: outputs[r.id] for r in parsing})
        return outputs

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

    def check_paths(self, paths: list[str], jobs: int = 1, progress=None) -> list[FileResult]:
        """Check drafts in order, over `jobs` processes; `progress(result)` after each draft.

        Drafts stream through: a worker keeps no parse of a finished draft beyond the
        pipeline's bounded memo, and results carry the Document text, not its parse.
        """
        results = []
        for result in self._stream(paths, jobs):
            results.append(result)
            if progress is not None:
                progress(result)
        self._check_across(results)
        self._trim_cache(pooled=len(results) > 1 and jobs > 1)
        return results

    def _stream(self, paths: list[str], jobs: int):
        """Results in the order of `paths`. With several processes, drafts whose results are
        cached are done here up to the first that is not, so that an unchanged folder starts no
        pool and loads no model; from there on the workers (which read the cache too) take over,
        rather than this process reading every draft twice before they start."""
        if not self.needs or min(jobs, len(paths) // DRAFTS_PER_WORKER) <= 1:
            self.parse_ahead = worth_it(jobs)
            yield from self._in_batches(paths)
            return
        done = 0
        while self.results and done < len(paths):
            result = self.check_one(paths[done], cached_only=True)
            if result is None:
                break
            done += 1
            yield result
        yield from self._pooled(paths[done:], jobs)

    def _pooled(self, paths: list[str], jobs: int):
        workers = min(jobs, len(paths) // DRAFTS_PER_WORKER)
        if workers <= 1:
            yield from self._in_batches(paths)
            return
        context = _start_method()
        if context.get_start_method() == "fork":
            # The first draft is checked here: the model, the rule packs' lemmas, textstat and
            # every table a rule builds on first use are then in place for the workers to share,
            # rather than built again in each of them.
            yield self.check_one(paths[0])
            paths = paths[1:]
            self.pipeline.nlp  # noqa: B018 - loaded even if that draft needed no parse
            gc.freeze()  # the collector would otherwise touch, and so copy, every shared object
        try:
            with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                     initargs=(self,)) as pool:
                for results in pool.map(_check_in_worker, batches(paths, workers)):
                    yield from results
        finally:
            gc.unfreeze()

    def _in_batches(self, paths: list[str]):
        for batch in batches(paths):
            yield from self.check_batch(batch)

    def check_one(self, path: str, cached_only: bool = False) -> FileResult | None:
        """`check_file`, except that a fault in checking one draft is reported against that
        draft (exit 4 at the end) and the other drafts are still checked."""
        result, fault = guarded(path, lambda: self.check_file(path, cached_only))
        return result if fault is None else FileResult(path, error=fault, internal=True)

    def _trim_cache(self, pooled: bool) -> None:
        """Keep the parse cache under its size bound once writing is over."""
        if self.cache_dir is None:
            return
        stores = [self._pipeline.cache if self._pipeline else None, self._results.store if self._results else None]
        wrote = any(store.written for store in stores if store is not None)
        if pooled or wrote:
            from attriblint.parse_cache import ParseCache

            ParseCache(self.cache_dir, "").evict()

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


# A pool pays a model load per worker: give each worker at least this many drafts.
DRAFTS_PER_WORKER = 2
# Drafts checked as one batch (check_batch): parsing 4 news articles' paragraphs together costs
# about 8% less than one by one; more gains little, and makes the last batch keep one worker busy.
BATCH_DRAFTS = 4


def batches(paths: list[str], workers: int = 0) -> list[list[str]]:
    """`paths` in groups of BATCH_DRAFTS, in order; for a pool of `workers`, the last few drafts
    one by one, so that at the end no worker waits long for another."""
    if not workers:
        return [paths[i:i + BATCH_DRAFTS] for i in range(0, len(paths), BATCH_DRAFTS)]
    cut = max(0, len(paths) - BATCH_DRAFTS * workers)
    cut -= cut % BATCH_DRAFTS
    return [paths[i:i + BATCH_DRAFTS] for i in range(0, cut, BATCH_DRAFTS)] + [[p] for p in paths[cut:]]


_WORKER: Checker | None = None


def _start_method():
    """fork where the platform has it safely (Linux): workers start at once and share, copy on
    write, the rule packs and the model the parent loaded just before (spaCy's own
    `nlp.pipe(n_process=…)` forks a loaded model the same way). Elsewhere spawn, which pickles
    the Checker, its pipeline left behind, and each worker loads the model once."""
    method = "fork" if os.name == "posix" and os.uname().sysname == "Linux" else "spawn"
    return multiprocessing.get_context(method)


def _start_worker(checker: Checker) -> None:
    global _WORKER
    _WORKER = checker


def _check_in_worker(paths: list[str]) -> list[FileResult]:
    return _WORKER.check_batch(paths)
