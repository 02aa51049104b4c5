"""Side accuracy on PolNeAR with the 2016-election sides (benchmarks/sides-2016.yaml).

For every annotated attribution whose source text names exactly one side, is the attribution
found (a found attribution's source overlaps the annotated source, or its cue the annotated
cue) and given that side? Prints one JSON line: accuracy on those found, and the share of all
of them found with the right side. Needs ../shared/dev-eval (PolNeAR) beside the worktree.

    python benchmarks/sides.py [--split dev] [--limit N] [--show-errors 20]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV_EVAL = ROOT.parent / "shared" / "dev-eval"
SIDES = Path(__file__).resolve().parent / "sides-2016.yaml"


def _scorer():
    """PolNeAR reading from the shared scorer (one reader of the brat files, not two)."""
    spec = importlib.util.spec_from_file_location("score", DEV_EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def named_side(text: str, sides: dict[str, list[str]]) -> str | None:
    """The one side whose terms the annotated source text names, else None. A term right after
    "anti-" names the side the source is against ("an anti-Trump super PAC"), not its own."""
    named = {side for side, terms in sides.items()
             if any(re.search(rf"(?<!\w)(?<![Aa]nti-){re.escape(t)}(?!\w)", text) for t in terms)}
    return named.pop() if len(named) == 1 else None


def _overlaps(span, spans) -> bool:
    return span is not None and any(min(span[1], b) > max(span[0], a) for a, b in spans)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show-errors", type=int, default=0)
    options = parser.parse_args(argv)
    if not DEV_EVAL.is_dir():
        print(f"no PolNeAR data at {DEV_EVAL}", file=sys.stderr)
        return 2

    from attriblint import document
    from attriblint.analysis import Analysis
    from attriblint.config import load_config
    from attriblint.engine import load_ruleset
    from attriblint.nlp import Pipeline
    from attriblint.parse_cache import DEFAULT_DIR

    config = load_config(SIDES)
    sides = config.values["sides"]
    lexicons = load_ruleset(config).lexicons
    pipeline = Pipeline({"entities"}, cache_dir=str(ROOT / DEFAULT_DIR))  # reruns parse nothing
    articles = _scorer().polnear_articles(str(DEV_EVAL), options.split, options.limit)
    gold = found = right = 0
    errors = []
    started = time.perf_counter()
    for path, annotated in articles:
        text = Path(path).read_text(encoding="utf-8")
        analysis = Analysis(document.from_text(text, path), pipeline, lexicons, {"sides": sides})
        predicted, _ = analysis.sides.placed
        predicted = [a for a in predicted if a.kind != "agentless"]
        for attribution in annotated:
            if not attribution["sourced"] or not attribution["Source"]:
                continue
            source_text = " ".join(text[a:b] for a, b in attribution["Source"])
            side = named_side(source_text, sides)
            if side is None:
                continue
            gold += 1
            match = next((p for p in predicted if _overlaps(p.source, attribution["Source"])), None) or \
                next((p for p in predicted if _overlaps(p.cue, attribution["Cue"])), None)
            if match is None:
                continue
            found += 1
            right += match.side == side
            if match.side != side and len(errors) < options.show_errors:
                errors.append({"file": Path(path).name, "source": source_text, "gold": side, "given": match.side,
                               "found_source": text[slice(*match.source)] if match.source else None})
    result = {"benchmark": "sides", "split": options.split, "articles": len(articles),
              "attributions_naming_one_side": gold, "found": found, "found_right_side": right,
              "side_accuracy_on_found": round(right / found, 3) if found else 0.0,
              "right_side_of_all": round(right / gold, 3) if gold else 0.0,
              "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(result))
    for error in errors:
        print(json.dumps(error, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
