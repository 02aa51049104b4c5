"""Benchmark the duplicate-text reference archive: index build time and per-draft query time
over the 1,113 BBC articles and over a synthetic archive of 50,000 generated paragraphs.

    python benchmarks/duplicates.py [--paragraphs 50000] [--repeats 5] [--bbc DIR] [--draft FILE]

The draft is the seed draft with one paragraph lifted from each archive appended, so every
check queries both archives and must find exactly the lifted paragraph. Query time should
barely change between a small and a large archive (LSH bands looked up in an SQLite index).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attriblint import document as documents  # noqa: E402
from attriblint.analysis import Analysis  # noqa: E402
from attriblint.archive import ReferenceArchive  # noqa: E402
from attriblint.engine import active_rules, load_ruleset  # noqa: E402
from attriblint.config import Config, default_values  # noqa: E402

SHARED = ROOT.parent / "shared"


def synthetic_archive(folder: Path, paragraphs: int, seed: int = 20240514) -> Path:
    """Write `paragraphs` paragraphs of made-up words (Zipf-like frequencies), 100 per file."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
    vocabulary = sorted({"".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(8000)})
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    rng.shuffle(vocabulary)
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, paragraphs, 100):
        texts = []
        for _ in range(min(100, paragraphs - start)):
            sentences = [" ".join(rng.choices(vocabulary, weights, k=rng.randint(8, 24))).capitalize() + "."
                         for _ in range(rng.randint(1, 4))]
            texts.append(" ".join(sentences))
        (folder / f"wire-{start // 100:04d}.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    return folder


def lifted_paragraph(folder: Path) -> str:
    """A long paragraph from the middle of the archive, as a careless draft would lift it."""
    files = sorted(p for p in folder.rglob("*.txt"))
    doc = documents.load(files[len(files) // 2])
    return max((doc.text[p.start:p.end] for p in doc.paragraphs), key=len)


def measure(name: str, folder: Path, draft_text: str, cache: Path, repeats: int) -> dict:
    rule = next(r for r in active_rules(load_ruleset(Config(values=default_values())), ["duplicate-text"], []))
    settings = {"duplicates": {"reference": [folder], "cache": cache}}
    boilerplate = rule.o["boilerplate"]

    started = time.perf_counter()
    archive = ReferenceArchive.open([folder], cache, rule.o["shingle_words"], rule.o["min_words"], boilerplate)
    build = time.perf_counter() - started
    count = archive._db.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0]
    size = archive.path.stat().st_size

    started = time.perf_counter()
    ReferenceArchive.open([folder], cache, rule.o["shingle_words"], rule.o["min_words"], boilerplate)
    reopen = time.perf_counter() - started

    doc = documents.from_text(draft_text, "draft.txt")
    opened, calls = rule._archive(settings["duplicates"]), []
    query = opened.matches

    def timed_query(*args):
        started = time.perf_counter()
        hits = query(*args)
        calls.append(time.perf_counter() - started)
        return hits

    opened.matches = timed_query
    times, query_times, findings = [], [], []
    for _ in range(repeats):  # the fastest of several runs: the least disturbed by other processes
        rule._last, calls[:] = None, []  # fingerprint the draft afresh each time, as a new run would
        started = time.perf_counter()
        findings = [f for f in rule.check(Analysis(doc, None, {}, settings)) if "reference archive" in f.message]
        times.append(time.perf_counter() - started)
        query_times.append(sum(calls))
    return {"archive": name, "files": sum(1 for _ in folder.rglob("*.txt")), "paragraphs": count,
            "index_mb": size / 1e6, "build_s": build, "reopen_s": reopen, "check_s": min(times),
            "queries": len(calls), "query_ms": 1000 * min(query_times) / max(1, len(calls)), "lifted_found": len(findings)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=50_000)
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--bbc", default=str(SHARED / "corpus" / "bbc"))
    ap.add_argument("--draft", default=str(SHARED / "corpus" / "seed" / "kharkiv-draft.txt"))
    opt = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = synthetic_archive(Path(tmp) / "synthetic", opt.paragraphs)
        bbc = Path(opt.bbc)
        base = Path(opt.draft).read_text(encoding="utf-8").rstrip("\n")
        draft = "\n".join([base, lifted_paragraph(bbc), lifted_paragraph(synthetic)]) + "\n"
        rows = [measure("BBC articles", bbc, draft, Path(tmp) / "cache", opt.repeats),
                measure(f"synthetic ({opt.paragraphs:,} paragraphs)", synthetic, draft, Path(tmp) / "cache",
                        opt.repeats)]
    small, large = rows
    print("| archive | files | indexed paragraphs | index MB | build s | reopen ms | check one draft ms "
          "| archive queries | ms per query | lifted found |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['archive']} | {r['files']:,} | {r['paragraphs']:,} | {r['index_mb']:.1f} | {r['build_s']:.1f} "
              f"| {1000 * r['reopen_s']:.1f} | {1000 * r['check_s']:.1f} | {r['queries']} | {r['query_ms']:.2f} "
              f"| {r['lifted_found']} |")
    ratio = {k: large[k] / small[k] for k in ("paragraphs", "index_mb", "build_s", "reopen_s", "check_s", "query_ms")}
    print(f"| ratio synthetic/BBC | | {ratio['paragraphs']:.2f} | {ratio['index_mb']:.2f} | {ratio['build_s']:.2f} | "
          f"{ratio['reopen_s']:.2f} | {ratio['check_s']:.2f} | | {ratio['query_ms']:.2f} | |")


if __name__ == "__main__":
    main()
