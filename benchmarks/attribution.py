"""Accuracy of who-said-what on the shared dev data, through the public CLI: attributed
sentences and agentless attributions on PolNeAR (`sources`), unattributed-assertion precision
and volume on PolNeAR, and its volume on published BBC articles. Prints a table.

    python benchmarks/attribution.py [--limit N] [--bbc-limit N] [--shared DIR]

Targets (issue 4): attributed sentences P >= 0.95, R >= 0.90; agentless P >= 0.80, R >= 0.50;
unattributed-assertion P >= 0.90 with >= 2.5 flags per 1,000 words on PolNeAR and <= 3 per
1,000 words on BBC. Iterate with --limit 60; the full dev split takes a few minutes.
"""
from __future__ import annotations

import sys
from pathlib import Path

from language import run_table, score  # benchmarks/language.py: one way to run score.py


def rows(shared: Path, limit: int, bbc_limit: int) -> list[tuple[str, str, str, str]]:
    attribution = score(shared, "attribution", limit)
    sentences, agentless = attribution["attributed_sentences"], attribution["agentless_sentences"]
    unattributed = score(shared, "unattributed", limit)
    volume = score(shared, "volume", bbc_limit)
    data = f"PolNeAR dev ({attribution['articles']} articles)"
    return [
        ("attributed sentences", data, f"P {sentences['precision']:.3f}  R {sentences['recall']:.3f}",
         "P >= 0.95, R >= 0.90"),
        ("agentless", data, f"P {agentless['precision']:.3f}  R {agentless['recall']:.3f}", "P >= 0.80, R >= 0.50"),
        ("unattributed-assertion", data,
         f"P {unattributed['precision']:.3f} at {unattributed['flags_per_1000_words']} per 1,000 words",
         "P >= 0.90 at >= 2.5 per 1,000"),
        ("unattributed-assertion", f"BBC ({volume['files']} articles)",
         f"{volume['findings_per_1000_words'].get('unattributed-assertion', 0.0)} per 1,000 words",
         "<= 3 per 1,000 words"),
    ]


def main(argv=None) -> int:
    return run_table(rows, __doc__, "first N PolNeAR dev articles (0: all)", argv)


if __name__ == "__main__":
    sys.exit(main())
