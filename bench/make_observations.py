#!/usr/bin/env python3
"""Writes a large, valid, tidy observations file for the data benchmark (docs/performance.md).

    python3 bench/make_observations.py bench/data/obs1m                 # 1,000,000 rows
    python3 bench/make_observations.py bench/data/obs250k --rows 250000 # a quarter of it

The folder gets:
  observations.csv  exactly --rows data rows in the tidy contract of docs/data.md
  settings.csv      the settings the rows name (setting_id, setting_name, la_name, setting_type)

Rows are enumerated area by area -- England, then 40 local authorities, then as many settings
as it takes -- and within an area by term (Autumn 2015/16 to Summer 2018/19, 12 terms), group
(Disadvantaged, Not disadvantaged, Total) and measure (the seven EYFS areas of learning and
GLD): 288 rows an area. The last setting may be cut short so the file has exactly --rows rows.
Values are consistent (value = 100 * numerator / cohort, rounded to 1 dp); about 1 row in 60
carries an EES missing-value symbol (c, x, z, low, u) and about 1 in 25 a cohort below 5, so
the symbol parser and disclosure control have work to do. The same --rows and --seed always
give byte-identical files. The batch files bench/observations-1m.yaml and
bench/observations-250k.yaml declare the measures and groups used here.
"""

import argparse
import os
import random
import sys

MEASURES = [
    "communication_language",
    "physical_development",
    "psed",
    "literacy",
    "mathematics",
    "understanding_world",
    "expressive_arts",
    "gld",
]
GROUPS = ["Disadvantaged", "Not disadvantaged", "Total"]
TERMS = ["Autumn term", "Spring term", "Summer term"]
YEARS = ["201516", "201617", "201718", "201819"]
PERIODS = [(y, t) for y in YEARS for t in TERMS]
N_LAS = 40
SETTING_TYPES = ["PVI nursery", "School nursery class", "Maintained nursery school", "Childminder"]
HEADER = ("time_period,time_identifier,geographic_level,country_name,la_name,setting_id,"
          "characteristic,measure,value,cohort,numerator\n")
ROWS_PER_AREA = len(PERIODS) * len(GROUPS) * len(MEASURES)


def la_name(i):
    return "Local Authority %02d" % (i + 1)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", help="folder to write (created if missing)")
    ap.add_argument("--rows", type=int, default=1_000_000, help="data rows (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args(argv)
    if args.rows < 1:
        ap.error("--rows must be at least 1")

    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    # Areas in file order: (level, country, la, setting_id, size of a group's cohort).
    areas = [("National", "England", "", "", 600000)]
    areas += [("Local authority", "", la_name(i), "", 6000) for i in range(N_LAS)]
    n_settings = max(0, -(-(args.rows - len(areas) * ROWS_PER_AREA) // ROWS_PER_AREA))
    settings = []
    for s in range(n_settings):
        sid = "S%05d" % (s + 1)
        la = la_name(s % N_LAS)
        settings.append((sid, "Setting %05d" % (s + 1), la, SETTING_TYPES[s % len(SETTING_TYPES)]))
        areas.append(("Setting", "", la, sid, 0))

    symbols = ["c", "x", "z", "low", "u"]
    written = 0
    obs_path = os.path.join(args.out_dir, "observations.csv")
    with open(obs_path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        buf = []
        for level, country, la, sid, size in areas:
            base = rng.uniform(45, 80)   # the area's level of attainment
            gap = rng.uniform(5, 25)     # and its disadvantage gap
            for tp, ti in PERIODS:
                if size:
                    dis = int(size * rng.uniform(0.2, 0.35))
                    other = size - dis
                else:  # a setting: small cohorts, sometimes below the suppression threshold
                    dis = rng.randint(1, 12) if rng.random() < 0.12 else rng.randint(5, 20)
                    other = rng.randint(10, 40)
                cohorts = {"Disadvantaged": dis, "Not disadvantaged": other, "Total": dis + other}
                for group in GROUPS:
                    cohort = cohorts[group]
                    for m in MEASURES:
                        if written == args.rows:
                            break
                        written += 1
                        r = rng.random()
                        if r < 1 / 60:
                            sym = symbols[int(r * 60 * len(symbols)) % len(symbols)]
                            value, coh, num = sym, str(cohort) if sym != "x" else "x", ""
                        else:
                            centre = base - (gap if group == "Disadvantaged" else 0)
                            p = min(100.0, max(0.0, rng.gauss(centre, 6)))
                            n = round(p * cohort / 100)
                            value = "%.1f" % (100.0 * n / cohort)
                            coh, num = str(cohort), str(n)
                        buf.append("%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n" % (
                            tp, ti, level, country, la, sid, group, m, value, coh, num))
            if len(buf) >= 50000:
                f.write("".join(buf))
                buf.clear()
            if written == args.rows:
                break
        f.write("".join(buf))

    with open(os.path.join(args.out_dir, "settings.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("setting_id,setting_name,la_name,setting_type\n")
        for s in settings:
            f.write(",".join(s) + "\n")

    size = os.path.getsize(obs_path)
    print("wrote %s: %d rows (%.1f MB), %d settings in %d local authorities"
          % (obs_path, written, size / 1e6, len(settings), N_LAS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
