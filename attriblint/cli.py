"""Command line: `attriblint check PATH…` (or just `attriblint PATH…`), `sources`, `rules`,
`explain`, `init`.

Exit codes (DESIGN §6): 0 no finding at or above fail-on; 1 findings; 2 usage or
configuration error; 3 some input could not be read; 4 internal error; 5 no drafts collected.
"""
from __future__ import annotations

import os
import sys
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

import click

from attriblint import __version__
from attriblint.errors import AttriblintError, ConfigError, ModelError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE, EXIT_INTERNAL, EXIT_NO_DRAFTS = range(6)
PROGRESS_MIN_DRAFTS = 20
FORMAT_CHOICES = ("pytest", "concise", "json", "sarif", "junit", "github")


def _split_ids(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class DefaultToCheck(click.Group):
    """`attriblint story.md` means `attriblint check story.md`."""

    def resolve_command(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "check", self.commands["check"], args
        return super().resolve_command(ctx, args)


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="attriblint")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Use this config file instead of searching for .attriblint.yaml.")
@click.pass_context
def cli(ctx, config_path):
    """attriblint: who said what in a news draft, and how it is worded.

    Run `attriblint check DRAFT…` (or just `attriblint DRAFT…`). Exit codes: 0 clean,
    1 findings at or above --fail-on, 2 usage or configuration error, 3 a draft could not be
    read, 4 internal error, 5 no drafts found.
    """
    ctx.obj = {"config_path": config_path}


def _config(ctx):
    from attriblint.config import load_config

    return load_config(ctx.obj["config_path"])


def _cache_options(command):
    """--cache-dir and --no-cache, the same for every command that parses drafts."""
    command = click.option("--no-cache", is_flag=True, help="Neither read nor write the parse cache.")(command)
    return click.option("--cache-dir", type=click.Path(file_okay=False),
                        help="Keep parses here between runs (default: .attriblint_cache beside the config, "
                             "else in the current folder).")(command)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="pytest", show_default=True,
              help="Output format.")
@click.option("--select", multiple=True, help="Only these rule ids (comma-separated or repeated; ALL for every rule).")
@click.option("--ignore", multiple=True, help="Skip these rule ids (comma-separated or repeated).")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]),
              help="Lowest severity that makes the check fail (default from config, else warning).")
@click.option("--statistics", is_flag=True,
              help="Add per-draft words, sentences, mean sentence length and grade, with finding counts by rule.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Check drafts in this many processes (default: the number of cores).")
@_cache_options
@click.pass_context
def check(ctx, paths, fmt, select, ignore, fail_on, statistics, jobs, cache_dir, no_cache):
    """Check drafts (files or folders of .md, .markdown, .txt, .html, .htm)."""
    from attriblint.engine import Checker, active_rules, collect, load_ruleset
    from attriblint.report import RunInfo, failing, render

    started = time.perf_counter()
    config = _config(ctx)
    ruleset = load_ruleset(config)
    chosen = _split_ids(select) or config.values["select"]
    rules = active_rules(ruleset, chosen, _split_ids(ignore) + list(config.values["ignore"]))
    drafts = collect(list(paths), config.values["exclude"])
    if not drafts:
        click.echo(f"attriblint: no drafts found in {', '.join(paths)} "
                   "(looked for .md, .markdown, .txt, .html, .htm)", err=True)
        ctx.exit(EXIT_NO_DRAFTS)
    checker = Checker(config, ruleset, rules, None if no_cache else _cache_dir(config, cache_dir), statistics)
    with _progress(len(drafts)) as advance:
        results = checker.check_paths(drafts, jobs or _cores(), advance)
    run = RunInfo(__version__, fail_on or config.values["fail-on"], time.perf_counter() - started,
                  color=sys.stdout.isatty() and fmt == "pytest", rules=ruleset.rules)
    output = render(fmt, results, run)
    if output:
        click.echo(output)
    for result in results:
        if result.error:
            click.echo(f"attriblint: {result.error}", err=True)
    if any(r.internal for r in results):
        ctx.exit(EXIT_INTERNAL)
    if any(r.error for r in results):
        ctx.exit(EXIT_UNREADABLE)
    ctx.exit(EXIT_FINDINGS if any(failing(f, run) for r in results for f in r.findings) else EXIT_OK)


def _cache_dir(config, option: str | None) -> str:
    from attriblint.parse_cache import DEFAULT_DIR

    return option or str(config.root / (config.values["cache-dir"] or DEFAULT_DIR))


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def _progress(drafts: int):
    """A progress bar on stderr for long runs on a terminal; nothing in pipes, files and CI logs."""
    if drafts < PROGRESS_MIN_DRAFTS or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=drafts, label="checking", file=sys.stderr) as bar:
        yield lambda result: bar.update(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="Output format (json: see the README, JSON output).")
@_cache_options
@click.pass_context
def sources(ctx, paths, fmt, cache_dir, no_cache):
    """Show who is cited in each draft: sources, how often, on which lines."""
    from importlib import import_module

    from attriblint import document as documents
    from attriblint.analysis import Analysis
    from attriblint.analysis.records import who_said_what
    from attriblint.engine import collect, draft_settings, load_ruleset
    from attriblint.errors import guarded
    from attriblint.errors import InputError
    from attriblint.nlp import Pipeline

    config = _config(ctx)
    lexicons = load_ruleset(config).lexicons
    drafts = collect(list(paths), config.values["exclude"])
    if not drafts:
        click.echo(f"attriblint: no drafts found in {', '.join(paths)}", err=True)
        ctx.exit(EXIT_NO_DRAFTS)
    pipeline = Pipeline({"entities"}, config.values["model"], None if no_cache else _cache_dir(config, cache_dir))
    def analyse(path):
        try:
            doc = documents.load(path, config.values["encoding"], config.values["max-bytes"])
            return who_said_what(path, Analysis(doc, pipeline, lexicons, draft_settings(config, doc)))
        except InputError as exc:
            return path, str(exc)

    analysed, internal = [], False
    for path in drafts:
        record, fault = guarded(path, lambda: analyse(path))
        analysed.append(record if fault is None else (path, fault))
        internal = internal or fault is not None
    if pipeline.cache is not None and pipeline.cache.written:
        from attriblint.parse_cache import ParseCache

        ParseCache(pipeline.cache.root, "").evict()  # keep the cache under its size bound
    click.echo(import_module(f"attriblint.report.sources_{fmt}").render(analysed), nl=False)
    errors = [draft[1] for draft in analysed if isinstance(draft, tuple)]
    for error in errors:
        click.echo(f"attriblint: {error}", err=True)
    ctx.exit(EXIT_INTERNAL if internal else EXIT_UNREADABLE if errors else EXIT_OK)


@cli.command("rules")
@click.pass_context
def list_rules(ctx):
    """List every rule: id, kind, severity, pack file and what it flags."""
    from attriblint.engine import load_ruleset

    ruleset = load_ruleset(_config(ctx))
    rows = [(s.id, s.kind, s.severity if s.enabled else "off", _pack_name(s.pack), _summary(s))
            for s in sorted(ruleset.rules.values(), key=lambda s: s.id)]
    widths = [max(len(r[i]) for r in rows + [("RULE", "KIND", "SEVERITY", "PACK", "")]) for i in range(4)]
    for row in [("RULE", "KIND", "SEVERITY", "PACK", "SUMMARY")] + rows:
        click.echo("  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(row)).rstrip())


def _pack_name(pack: str) -> str:
    from attriblint.rulepacks import shipped_rules_dir

    path = Path(pack)
    try:
        return "rules/" + path.resolve().relative_to(shipped_rules_dir()).as_posix()
    except ValueError:
        return os.path.relpath(path) if not path.is_absolute() or Path.cwd() in path.parents else str(path)


def _summary(spec) -> str:
    from attriblint.report import rule_summary

    return rule_summary(spec)


@cli.command()
@click.argument("rule")
@click.pass_context
def explain(ctx, rule):
    """Explain a rule: what it flags, why it matters, an example, what to write instead."""
    from attriblint.engine import load_ruleset

    ruleset = load_ruleset(_config(ctx))
    spec = ruleset.rules.get(rule)
    if spec is None:
        raise ConfigError(f"unknown rule '{rule}' (run `attriblint rules` for the list)")
    click.echo(f"{spec.id}  (kind {spec.kind}, severity {spec.severity}{'' if spec.enabled else ', off by default'})")
    click.echo(f"defined in {_pack_name(spec.pack)}" + (f":{spec.line}" if spec.line else ""))
    for title, text in (("What it flags", _summary(spec)), ("Why it matters", spec.description),
                        ("Example", spec.example), ("Write instead", spec.instead), ("Reference", spec.link)):
        if text.strip():
            click.echo(f"\n{title}:\n  " + "\n  ".join(text.strip().splitlines()))


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .attriblint.yaml.")
def init(force):
    """Write a commented starter .attriblint.yaml in the current folder."""
    from attriblint.starter import STARTER_CONFIG

    target = Path(".attriblint.yaml")
    if target.exists() and not force:
        raise ConfigError("already exists; use --force to overwrite it", str(target))
    target.write_text(STARTER_CONFIG, encoding="utf-8")
    click.echo(f"wrote {target}: edit it to add your sides, packs and settings")


def main(argv=None):
    """Entry point: every failure ends as one line on stderr and a documented exit code."""
    try:
        code = cli.main(args=argv, prog_name="attriblint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("attriblint: aborted", err=True)
        sys.exit(EXIT_INTERNAL)
    except (ConfigError, ModelError) as exc:
        click.echo(f"attriblint: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except AttriblintError as exc:
        click.echo(f"attriblint: error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        if os.environ.get("ATTRIBLINT_DEBUG"):
            traceback.print_exc()
        click.echo(f"attriblint: internal error: {type(exc).__name__}: {exc} "
                   "(set ATTRIBLINT_DEBUG=1 for details and please report it)", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
