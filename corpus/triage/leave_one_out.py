#!/usr/bin/env python3
"""Scores the builtin model on each pass of scenarios it was not trained on.

For every pass after the first, trains on all the other passes and scores on the one left
out (other scenarios, other wording), with `deskql triage-eval PASS --train OTHERS`. This is
how changes to the model and the corpus are chosen; the held-out set is only reported.

    cargo build --release
    python3 corpus/triage/leave_one_out.py [--rounds N] [--without PASS...] [path/to/deskql]

Prints one line per pass and the sums. Deterministic: fixed seeds for both sides. A round
draws the phrasings and styles of both sides with its own pair of seeds; with `--rounds N`
(default 1) each figure is the mean of N rounds. One round's category sum moves by about
ten points from one pair of seeds to another, so compare changes on three rounds or more.
"""
import argparse
import random
import subprocess
import tempfile
from pathlib import Path

import generate

MEASURES = {"category accuracy": "category", "priority exact": "priority",
            "priority within one level": "within one", "skills precision": "skill precision",
            "skills recall": "skill recall"}


def tickets(scenarios, seed):
    generate.rng = random.Random(seed)
    return generate.tickets(scenarios)


def main():
    root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description="Scores each pass left out of training.")
    parser.add_argument("--rounds", type=int, default=1,
                        help="draws of the phrasings to average each figure over")
    parser.add_argument("--without", nargs="*", default=[], metavar="PASS",
                        help="passes left out of both sides, to score the corpus as it was before them")
    parser.add_argument("binary", nargs="?", default=str(root / "target/release/deskql"))
    args = parser.parse_args()
    rounds, binary = args.rounds, args.binary
    unknown = set(args.without) - set(generate.PASSES)
    if unknown:
        parser.error(f"no such pass: {', '.join(sorted(unknown))}")
    passes = {name: p for name, p in generate.PASSES.items() if name not in args.without}
    sums = [0.0] * len(MEASURES)
    with tempfile.TemporaryDirectory() as tmp:
        for left in list(passes)[1:]:
            train, test = Path(tmp, "train.jsonl"), Path(tmp, "test.jsonl")
            others = [s for name, p in passes.items() if name != left for s in p]
            values = [0.0] * len(MEASURES)
            for round_ in range(rounds):
                generate.write(train, tickets(others, 2 * round_ + 1))
                generate.write(test, tickets(passes[left], 2 * round_ + 2))
                report = subprocess.run([binary, "triage-eval", str(test), "--train", str(train)],
                                        check=True, capture_output=True, text=True).stdout
                for i, measure in enumerate(MEASURES):
                    line = next(l for l in report.splitlines() if l.startswith(measure))
                    values[i] += float(line[len(measure):].split()[0]) / rounds
            sums = [a + b for a, b in zip(sums, values)]
            print(row(left, values))
    print(row("sum", sums))


def row(name, values):
    return f"{name:8} " + "  ".join(f"{short} {v:5.1f}" for short, v in zip(MEASURES.values(), values))


if __name__ == "__main__":
    main()
