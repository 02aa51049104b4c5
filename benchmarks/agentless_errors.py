"""Where agentless attributions go wrong on PolNeAR, counted the way score.py counts them
(sentence level: one of our `agentless` cues vs an annotated `Attribution-no-source` cue).
Prints P/R, then the cue words of our hits, of false positives and of missed annotations,
most common first (a class's precision is its tp count over tp + fp), and with --show the
sentences themselves. Study the train split; measure on dev.

    python benchmarks/agentless_errors.py [--split train] [--limit 100] [--show fp,fn]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "dev-eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def sentence_errors(scorer, shared: Path, split: str, limit: int):
    """(kind, our cue words, annotated cue words, sentence) per sentence either side marks."""
    articles = scorer.polnear_articles(str(shared / "dev-eval"), split, limit)
    records = scorer.run_attriblint(f"{sys.executable} -m attriblint", ["sources", "--format", "json"],
                                    [path for path, _ in articles])
    for path, annotations in articles:
        text = Path(path).read_text(encoding="utf-8")
        ours = [tuple(a["cue_offset"]) for a in records.get(path, {}).get("attributions", [])
                if a.get("kind") == "agentless" and a.get("cue_offset")]
        gold = [cue for a in annotations if not a["sourced"] for cue in a["Cue"]]
        for start, end in scorer.sentences(text):
            found = [text[a:b] for a, b in ours if scorer.overlap(start, end, [(a, b)])]
            marked = [text[a:b] for a, b in gold if scorer.overlap(start, end, [(a, b)])]
            if found or marked:
                kind = "tp" if found and marked else "fp" if found else "fn"
                yield kind, found, marked, " ".join(text[start:end].split())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int, default=100, help="first N articles (0: all)")
    parser.add_argument("--show", default="", help="comma-separated kinds whose sentences to print: tp,fp,fn")
    parser.add_argument("--top", type=int, default=25, help="cue words listed per kind")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    options = parser.parse_args(argv)
    rows = list(sentence_errors(load_scorer(options.shared), options.shared, options.split, options.limit))
    counts = Counter(kind for kind, *_ in rows)
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    print(f"{options.split}: P {tp / max(1, tp + fp):.3f}  R {tp / max(1, tp + fn):.3f}  (tp {tp}, fp {fp}, fn {fn})")
    for kind, words, label in (("tp", 1, "tp cues (ours)"), ("fp", 1, "fp cues"), ("fn", 2, "fn cues")):
        cues = Counter(cue.lower() for row in rows if row[0] == kind for cue in set(row[words]))
        print(f"\n{label}: " + ", ".join(f"{cue!r} {n}" for cue, n in cues.most_common(options.top)))
    shown = set(filter(None, options.show.split(",")))
    for kind, found, marked, sentence in rows:
        if kind in shown:
            print(f"[{kind}] ours={found} marked={marked} :: {sentence[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
