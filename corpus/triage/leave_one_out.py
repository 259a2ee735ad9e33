#!/usr/bin/env python3
"""Scores the builtin model on each pass of scenarios it was not trained on.

For every pass after the first, trains on all the other passes and scores on the one left
out (other scenarios, other wording), with `deskql triage-eval PASS --train OTHERS`. This is
how changes to the model and the corpus are chosen; the held-out set is only reported.

    cargo build --release
    python3 corpus/triage/leave_one_out.py [path/to/deskql]

Prints one line per pass and the sums. Deterministic: fixed seeds for both sides.
"""
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import generate
from scenarios import SCENARIOS
from scenarios_more import MORE
from scenarios_extra import EXTRA
from scenarios_field import FIELD
from scenarios_voices import VOICES
from scenarios_trades import TRADES
from scenarios_makers import MAKERS
from scenarios_relayed import RELAYED

PASSES = {"base": SCENARIOS, "more": MORE, "extra": EXTRA, "field": FIELD, "voices": VOICES,
          "trades": TRADES, "makers": MAKERS, "relayed": RELAYED}
MEASURES = {"category accuracy": "category", "priority exact": "priority",
            "priority within one level": "within one", "skills precision": "skill precision",
            "skills recall": "skill recall"}


def tickets(scenarios, seed):
    generate.rng = random.Random(seed)
    rows = []
    for scenario in scenarios:
        rows.extend(generate.example(scenario, "en") for _ in range(scenario["weight"]))
        for language in scenario.get("i18n", {}):
            rows.extend(generate.example(scenario, language) for _ in range(6))
    generate.rng.shuffle(rows)
    return rows


def write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")


def main():
    root = Path(__file__).resolve().parents[2]
    binary = sys.argv[1] if len(sys.argv) > 1 else str(root / "target/release/deskql")
    sums = [0.0] * len(MEASURES)
    with tempfile.TemporaryDirectory() as tmp:
        for left in list(PASSES)[1:]:
            train, test = Path(tmp, "train.jsonl"), Path(tmp, "test.jsonl")
            write(train, tickets([s for name, p in PASSES.items() if name != left for s in p], 1))
            write(test, tickets(PASSES[left], 2))
            report = subprocess.run([binary, "triage-eval", str(test), "--train", str(train)],
                                    check=True, capture_output=True, text=True).stdout
            values = []
            for measure in MEASURES:
                line = next(l for l in report.splitlines() if l.startswith(measure))
                values.append(float(line[len(measure):].split()[0]))
            sums = [a + b for a, b in zip(sums, values)]
            print(row(left, values))
    print(row("sum", sums))


def row(name, values):
    return f"{name:8} " + "  ".join(f"{short} {v:5.1f}" for short, v in zip(MEASURES.values(), values))


if __name__ == "__main__":
    main()
