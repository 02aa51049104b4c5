"""Accuracy of the word-level packs (euphemism, loaded-language, vague-attribution) on the
shared dev data, through the public CLI: runs ../shared/dev-eval/score.py and prints a table.

    python benchmarks/language.py [--limit N] [--bbc-limit N] [--shared DIR]

Targets (issue 3): euphemism P >= 0.85 and R >= 0.60; loaded-language word precision >= 0.75
over >= 150 flags; vague-attribution F1 >= 0.60 with P >= 0.70; the three together <= 2
findings per 1,000 words of published BBC articles.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ("euphemism", "loaded-language", "vague-attribution")


def score(shared: Path, task: str, limit: int) -> dict:
    command = [sys.executable, str(shared / "dev-eval" / "score.py"), task,
               "--attriblint", f"{sys.executable} -m attriblint"]
    if limit:
        command += ["--limit", str(limit)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"score.py {task} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def rows(shared: Path, limit: int, bbc_limit: int) -> list[tuple[str, str, str, str]]:
    euphemism = score(shared, "euphemism", limit)["euphemistic"]
    bias = score(shared, "bias", limit)
    weasel = score(shared, "weasel", limit)["weasel"]
    volume = score(shared, "volume", bbc_limit)
    per_k = volume["findings_per_1000_words"]
    ours = sum(per_k.get(rule, 0.0) for rule in RULES)
    return [
        ("euphemism", "figlang2022_train", f"P {euphemism['precision']:.3f}  R {euphemism['recall']:.3f}",
         "P >= 0.85, R >= 0.60"),
        ("loaded-language", "mbic_sg1", f"word P {bias['word_precision']:.3f} over {bias['word_flags']} flags",
         "P >= 0.75 over >= 150"),
        ("vague-attribution", "wikiweasel_train",
         f"P {weasel['precision']:.3f}  R {weasel['recall']:.3f}  F1 {weasel['f1']:.3f}", "F1 >= 0.60, P >= 0.70"),
        ("all three", f"BBC ({volume['files']} articles)",
         f"{ours:.2f} per 1,000 words (" + ", ".join(f"{r} {per_k.get(r, 0.0)}" for r in RULES) + ")",
         "<= 2 per 1,000 words"),
    ]


def run_table(rows_of, doc: str, limit_help: str, argv=None) -> int:
    """The command line every scorer benchmark shares: parse the limits, print the rows as a table."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help=limit_help)
    parser.add_argument("--bbc-limit", type=int, default=0,
                        help="BBC articles for the volume task (0: all of them, as score.py volume)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    options = parser.parse_args(argv)
    table = rows_of(options.shared, options.limit, options.bbc_limit)
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for row in [("measure", "data", "measured", "target"), *table]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    return 0


def main(argv=None) -> int:
    return run_table(rows, __doc__, "sample N rows of each dev file (0: all)", argv)


if __name__ == "__main__":
    sys.exit(main())
