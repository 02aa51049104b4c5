"""attriblint speed benchmark (issue 8): each figure is a ratio against a baseline run beside it.

    python benchmarks/speed.py [--repeats 3] [--articles 250] [--jobs 2]

Pairs run alternately (ours, baseline, ours, baseline, ...) and the table gives medians, so
that load from other processes on the machine hits both sides alike. Not a test: nothing
here is timed under pytest.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SEED = SHARED / "seed" / "kharkiv-draft.txt"
BBC = SHARED / "bbc"
MODEL = "from attriblint.nlp import resolve_model; print(resolve_model())"

# The baselines: what any spaCy tool pays at least (import, load, parse), with nothing else.
BARE_WHOLE_FILE = """import sys, spacy
nlp = spacy.load(sys.argv[1])
nlp.max_length = 10_000_000
nlp(open(sys.argv[2], encoding="utf-8").read())
"""
BARE_PIPE = """import sys, spacy
nlp = spacy.load(sys.argv[1])
texts = (open(path, encoding="utf-8").read() for path in sys.argv[2:])
for _ in nlp.pipe(texts, batch_size=64):
    pass
"""
NER_SHARE = """import sys, time, spacy
texts = [open(path, encoding="utf-8").read() for path in sys.argv[2:]]
full = spacy.load(sys.argv[1])
lean = spacy.load(sys.argv[1], exclude=["ner"])
for name, nlp in (("with ner", full), ("without ner", lean), ("with ner", full), ("without ner", lean)):
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    print(name, time.perf_counter() - started)
"""


def _tree_memory_kb(root_pid: int) -> int:
    """Resident memory of a process and all its descendants (proportional set size, kB)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, grew = {root_pid}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for pid in tree:  # Pss: pages shared by forked workers count once, split between them
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def timed(command: list[str], cwd: Path, watch_memory: bool = False) -> tuple[float, int]:
    """Wall seconds of one run, and its process tree's peak resident kB when watched."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        if watch_memory:
            peak = max(peak, _tree_memory_kb(process.pid))
        time.sleep(0.2 if watch_memory else 0.005)  # a /proc scan costs CPU: poll the plateau gently
    elapsed = time.perf_counter() - started
    if process.returncode not in (0, 1):
        sys.exit(f"failed ({process.returncode}): {' '.join(command[:6])}…\n{process.stderr.read().decode()}")
    return elapsed, peak


def attriblint(*args) -> list[str]:
    return [sys.executable, "-m", "attriblint", "check", "--format", "json", *map(str, args)]


def bbc_sample(count: int) -> list[Path]:
    """The first articles of each category in turn, so that every topic is in the sample."""
    folders = sorted(p for p in BBC.iterdir() if p.is_dir())
    per_folder = [sorted(f.glob("*.txt")) for f in folders]
    sample = [files[i] for i in range(max(map(len, per_folder))) for files in per_folder if i < len(files)]
    return sample[:count]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeats", type=int, default=3)
    options.add_argument("--articles", type=int, default=250)
    options.add_argument("--jobs", type=int, default=2)
    options.add_argument("--ner-articles", type=int, default=40, help="0 skips the NER cost measurement")
    args = options.parse_args()
    if not SEED.exists() or not BBC.exists():
        sys.exit(f"the shared corpus is not at {SHARED}")
    work = Path(tempfile.mkdtemp(prefix="attriblint-bench-"))
    (work / ".attriblint.yaml").write_text("{}\n", encoding="utf-8")
    model = subprocess.run([sys.executable, "-c", MODEL], env={**os.environ, "PYTHONPATH": str(ROOT)},
                           capture_output=True, text=True, check=True).stdout.strip()
    articles = bbc_sample(args.articles)
    warm_cache = work / "warm-cache"
    timed(attriblint("--cache-dir", warm_cache, SEED), work)  # fills the cache once

    def cold_seed():
        shutil.rmtree(work / "cold", ignore_errors=True)
        return timed(attriblint("--cache-dir", work / "cold", SEED), work)

    def parse_cache_only():  # the draft's results are gone, its parses are not
        shutil.rmtree(warm_cache / "results", ignore_errors=True)
        return timed(attriblint("--cache-dir", warm_cache, SEED), work)

    def cold_bbc(watch_memory=False):
        shutil.rmtree(work / "bbc", ignore_errors=True)
        return timed(attriblint("--jobs", args.jobs, "--cache-dir", work / "bbc", *articles), work, watch_memory)

    def bare_pipe(watch_memory=False):
        return timed([sys.executable, "-c", BARE_PIPE, model, *map(str, articles)], work, watch_memory)

    pairs = [
        ("cold check, seed draft", cold_seed,
         lambda: timed([sys.executable, "-c", BARE_WHOLE_FILE, model, str(SEED)], work), "<= 0.6"),
        ("warm re-check, seed draft", lambda: timed(attriblint("--cache-dir", warm_cache, SEED), work),
         lambda: timed(["proselint", "check", str(SEED)], work), "<= 1.5 (aim 1)"),
        ("re-check, seed, parses cached only", parse_cache_only,
         lambda: timed(["proselint", "check", str(SEED)], work), "(info)"),
        (f"{len(articles)} BBC articles, --jobs {args.jobs}, cold", cold_bbc, bare_pipe, "<= 0.75"),
    ]
    rows = []
    for name, ours, baseline, target in pairs:
        mine, theirs = [], []
        for _ in range(args.repeats):
            mine.append(ours())
            theirs.append(baseline())
        ratio = statistics.median(m[0] / t[0] for m, t in zip(mine, theirs))
        rows.append((name, statistics.median(m[0] for m in mine), statistics.median(t[0] for t in theirs),
                     ratio, target))
    # Memory in runs of their own: scanning /proc takes CPU from the run it watches, and more
    # from ours, which keeps both cores busy, than from the baseline's single process.
    peak, base_peak = cold_bbc(watch_memory=True)[1], bare_pipe(watch_memory=True)[1]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"cores: {cores}   load average: {os.getloadavg()[0]:.2f}   model: {model}   repeats: {args.repeats}")
    print(f"{'figure':44} {'ours s':>8} {'base s':>8} {'ratio':>6}  target")
    for name, mine, theirs, ratio, target in rows:
        print(f"{name:44} {mine:8.2f} {theirs:8.2f} {ratio:6.2f}  {target}")
    print(f"peak resident memory, {pairs[-1][0]}: {peak / 1024:.0f} MB (all processes, Pss; baseline "
          f"{base_peak / 1024:.0f} MB), target <= 800 MB")
    if args.ner_articles:
        done = subprocess.run([sys.executable, "-c", NER_SHARE, model, *map(str, articles[:args.ner_articles])],
                              capture_output=True, text=True, check=True)
        runs = [line.rsplit(" ", 1) for line in done.stdout.splitlines()]
        best = {name: min(float(s) for n, s in runs if n == name) for name, _ in runs}
        print(f"NER share of the full pipeline on {args.ner_articles} articles: "
              f"{1 - best['without ner'] / best['with ner']:.0%} "
              f"({best['with ner']:.2f} s with, {best['without ner']:.2f} s without)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
