#!/usr/bin/env python3
"""Pupil-level tracking records for the data benchmark (docs/performance.md).

Writes OUTDIR/records.csv in the Tracking for Success format (one row per child, term and area
of learning; docs/data.md) and OUTDIR/settings.csv. Deterministic for a given --seed.

    python3 bench/make_records.py bench/data/rec1m --rows 1000000
"""
import argparse
import csv
import os
import random

AREAS = ["communication_language", "physical_development", "psed", "literacy", "mathematics",
         "understanding_world", "expressive_arts"]
TERMS = [("201617", "Summer term"), ("201718", "Autumn term"), ("201718", "Spring term"),
         ("201718", "Summer term"), ("201819", "Autumn term"), ("201819", "Spring term"),
         ("201819", "Summer term")]
LAS = [f"Local Authority {i:02d}" for i in range(1, 11)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--settings", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    settings = [(f"B{i:05d}", f"Setting {i:05d}", LAS[i % len(LAS)]) for i in range(1, a.settings + 1)]
    with open(os.path.join(a.outdir, "settings.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["setting_id", "setting_name", "la_name"])
        w.writerows(settings)
    per_child = len(TERMS) * len(AREAS)
    children = -(-a.rows // per_child)
    written = 0
    with open(os.path.join(a.outdir, "records.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["child_id", "setting_id", "time_period", "time_identifier", "area_of_learning",
                    "judgement", "disadvantaged", "funded_two", "send", "eal", "sex"])
        for c in range(children):
            sid = settings[c % len(settings)][0]
            dis = rng.random() < 0.5
            ability = rng.gauss(0, 1) - (0.5 if dis else 0)
            flags = ["Y" if dis else "N", "Y" if dis and rng.random() < 0.8 else "N",
                     "Y" if rng.random() < 0.1 else "N", "Y" if rng.random() < 0.2 else "N",
                     rng.choice("MF")]
            for t, (period, ident) in enumerate(TERMS):
                for area in AREAS:
                    if written == a.rows:
                        return
                    s = ability + 0.25 * t + rng.gauss(0, 0.7)
                    j = "exceeding" if s > 1.6 else "expected" if s > 0.2 else "emerging"
                    w.writerow([f"C{c + 1:07d}", sid, period, ident, area, j] + flags)
                    written += 1


if __name__ == "__main__":
    main()
