#!/usr/bin/env python3
"""Generate boardpack's sample datasets, byte for byte, and check them.

    python3 samples/tools/make_samples.py            # write every file, then check and summarise
    python3 samples/tools/make_samples.py --check    # only re-read and check the files on disk

Writes
  samples/tracking-for-success/data/   settings, records, indicators, targets, actions, quotes
  samples/eyqip/data/                  settings, observations, activities, targets
  samples/peer-challenge/data/         observations, maturity matrix, targets, actions
  samples/national/                    three EES wide files (+ .meta.csv) and a README

Python 3 standard library only. Every random draw comes from a `random.Random` seeded with a
fixed string (one stream per dataset, so changing one part does not reshuffle the others);
files are UTF-8 without a BOM, LF line ends, RFC 4180 quoting (csv module, QUOTE_MINIMAL).

Sources of the constants are given beside them:
  [seed 000]   /work/shared/seeds/000_*.txt   Tracking for Success (Achievement for All)
  [seed 001]   /work/shared/seeds/001_*.txt   Early Years Quality Improvement Project (EYQIP)
  [DOMAIN x.y] /work/shared/DOMAIN.md section x.y (published national figures, EES format)
  [pub: ...]   a published figure found outside DOMAIN.md (the page is named)
  [brief]      a design figure given in the data-engineering brief for these samples
  [invented]   made up for the sample; plausible, not a fact about any real setting or child
  [estimated]  an unpublished number worked back from published ones (method given)
All setting, child, coach and SLE names are invented.
"""

import csv
import datetime as dt
import math
import os
import random
import sys
from collections import Counter, defaultdict
from statistics import NormalDist

NORMAL = NormalDist()

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
TFS_DIR = os.path.join(SAMPLES, "tracking-for-success", "data")
EYQ_DIR = os.path.join(SAMPLES, "eyqip", "data")
NAT_DIR = os.path.join(SAMPLES, "national")


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------

def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            assert len(r) == len(header), (path, r)
            w.writerow(["" if v is None else v for v in r])


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write(text)


def pct(num, den, dp=1):
    """100*num/den as text, rounded half away from zero, exact (integer arithmetic)."""
    assert den > 0 and 0 <= num <= den
    scale = 10 ** dp
    q = (2 * 100 * scale * num + den) // (2 * den)
    return f"{q // scale}.{q % scale:0{dp}d}" if dp else str(q)


def pct_value(num, den):
    return 100.0 * num / den


def weekdays_between(start, end):
    d = start
    out = []
    while d <= end:
        if d.weekday() < 5:
            out.append(d)
        d += dt.timedelta(days=1)
    return out


def d(s):
    return dt.date.fromisoformat(s)


# Term-time windows (half terms), 2017/18 and 2018/19, typical of Staffordshire and of most
# English LAs [invented: close to the published calendars, not any one LA's]. Used to place
# coaching visits, training and meetings on school days.
TERM_WINDOWS = [
    ("2017-09-05", "2017-10-20"), ("2017-10-30", "2017-12-20"),
    ("2018-01-04", "2018-02-09"), ("2018-02-19", "2018-03-29"),
    ("2018-04-16", "2018-05-25"), ("2018-06-04", "2018-07-20"),
    ("2018-09-04", "2018-10-26"), ("2018-11-05", "2018-12-20"),
    ("2019-01-07", "2019-02-15"), ("2019-02-25", "2019-04-05"),
    ("2019-04-23", "2019-05-24"), ("2019-06-03", "2019-07-19"),
]
# Autumn term 2019 (the project's last months; action-plan due dates only).
AUTUMN_2019 = [("2019-09-04", "2019-10-25"), ("2019-11-04", "2019-12-20")]
SCHOOL_DAYS = [x for a, b in TERM_WINDOWS + AUTUMN_2019 for x in weekdays_between(d(a), d(b))]


def school_days_in(first, last):
    return [x for x in SCHOOL_DAYS if first <= x <= last]


def bisect(fn, target, lo, hi, iters=60):
    """Find x with fn(x) ~ target for a non-decreasing step function fn; returns the x whose
    value is closest to target (ties: the smaller x)."""
    for _ in range(iters):
        mid = (lo + hi) / 2
        if fn(mid) < target:
            lo = mid
        else:
            hi = mid
    return lo if abs(fn(lo) - target) <= abs(fn(hi) - target) else hi


# ---------------------------------------------------------------------------------------------
# 3. National comparator files (written first: EYQIP's National rows reuse these numbers)
# ---------------------------------------------------------------------------------------------

# EYFSP good level of development (pre-2021 profile), England, by FSM status.
# Each year: (time_period, children_number total, total GLD % published, FSM GLD % unrounded,
#             FSM-minus-other gap unrounded).
# * Total GLD %: 2012/13 51.7 [pub: cypnow.co.uk "Early years assessment: more reception pupils
#   achieve good development" (2018): "since 2012 when 51.7"; the PQ in DOMAIN 2.1 rounds it to
#   52]; 2013/14 60.4 and 2014/15 66.3 [pub: cypnow.co.uk "More five-year-olds achieve good level
#   of development"; foundationyears.org.uk 2015]; 2015/16 69.3 [pub: foundationyears.org.uk,
#   "EYFSP results 2015 to 2016"]; 2016/17 70.7, 2017/18 71.5 [brief; pub: cypnow.co.uk 2018,
#   "71.5 ... a 0.8 percentage point increase on 2017"]; 2018/19 71.8 [DOMAIN 2.1].
# * FSM % and gap: 2013 FSM 36, gap 19.0; 2014 45, 18.9; 2015 51, 17.7 [DOMAIN 2.1];
#   2016 FSM 54, others 72, gap 17.3 [pub: parliamentary answer, parallelparliament.co.uk
#   question 64678, 2 March 2017 -- DOMAIN 2.1 lists 2016 as "not found"]; 2017 56 vs 73, gap
#   17.0; 2018 57 vs 74, gap 17.3 [DOMAIN 2.1]. Only rounded FSM percentages are published, so
#   the unrounded FSM value is [estimated]: chosen inside the published rounding interval so
#   that the total, the FSM share and the gap all agree (checked below).
# * children_number: 2018/19 638,946 with 89,742 FSM [DOMAIN 2.1, EES data set 99d27407];
#   earlier totals are [estimated] (smooth, 2012/13-2014/15 as in the Accelerating Achievement
#   sample); the FSM share is then implied by total = share*FSM + (1-share)*other.
EYFSP_YEARS = [
    # period   children  total%  FSM%   gap
    ("201213", 614200, 51.7, 35.8, 19.0),
    ("201314", 637500, 60.4, 44.6, 18.9),
    ("201415", 653400, 66.3, 51.4, 17.7),
    ("201516", 648900, 69.3, 54.4, 17.3),
    ("201617", 651300, 70.7, 56.0, 17.0),
    ("201718", 647700, 71.5, 56.7, 17.3),
]
# 2018/19 published counts [DOMAIN 2.1]: all 458,815 of 638,946; FSM 50,732 of 89,742.
EYFSP_2019 = ("201819", 638946, 458815, 89742, 50732)
# Rounded figures as published, for the consistency check: (total 1 dp, FSM 0 dp, other 0 dp or
# None, gap 1 dp or None).
EYFSP_PUBLISHED = {
    "201213": (51.7, 36, None, 19.0),
    "201314": (60.4, 45, None, 18.9),
    "201415": (66.3, 51, None, 17.7),
    "201516": (69.3, 54, 72, 17.3),
    "201617": (70.7, 56, 73, 17.0),
    "201718": (71.5, 57, 74, 17.3),
    "201819": (71.8, 57, None, None),
}

# KS2 expected standard in reading, writing and maths by disadvantage, England.
# (period, pupils [estimated], disadvantaged share [estimated, ~30-32%], disadvantaged %
#  unrounded [estimated inside the published rounding], other % unrounded [same]).
# Published: disadvantaged/other 2016 39/60, 2017 47/67, 2018 51/70, 2019 51/71 [DOMAIN 2.2];
# all pupils 2019 65% [DOMAIN 2.6]; all pupils 2016 53%, 2017 61%, 2018 64% [estimated: widely
# reported DfE headline figures, not in DOMAIN.md -- check before quoting].
KS2_YEARS = [
    ("201516", 566000, 0.318, 39.1, 60.1),
    ("201617", 583100, 0.312, 47.2, 66.9),
    ("201718", 601500, 0.306, 50.9, 70.1),
    ("201819", 619200, 0.302, 51.2, 71.0),
]
KS2_PUBLISHED = {  # (disadvantaged, other, all pupils, gap) rounded to whole numbers
    "201516": (39, 60, 53, 21), "201617": (47, 67, 61, 20), "201718": (51, 70, 64, 19),
    "201819": (51, 71, 65, None),
}

# EYFSP communication and language (pre-2021 profile): % of children at the expected level or
# above in every communication and language early learning goal (listening and attention,
# understanding, speaking), England, by FSM status. (period, FSM %, other % -- unrounded.)
# * 2015/16 FSM 71.2%, all other children 83.3% [pub: parliamentary answer to question 64959,
#   parallelparliament.co.uk, "Children: Communication Skills", 2017, citing the EYFSP release;
#   the same answer gives 2012/13 59.9% vs 75.0%].
# * 2016/17-2018/19 [estimated]: not found outside the DfE characteristics tables; the 2013-2016
#   rise slowed after 2016 as GLD's did (DOMAIN 2.1), so about +0.6 a year for FSM children and
#   +0.4 for others, keeping the gap near 12 points.
# Children numbers are those of the GLD file (the same cohort is assessed in every goal).
EYFSP_CL_YEARS = [
    ("201516", 71.2, 83.3),
    ("201617", 71.9, 83.7),
    ("201718", 72.4, 84.1),
    ("201819", 72.5, 84.3),
]


def eyfsp_national_numbers():
    """{period: {"Total": (children, gld), "FSM eligible": (...), "Not known to be FSM eligible": (...)}}"""
    out = {}
    for period, n, p_tot, p_f, gap in EYFSP_YEARS:
        p_o = p_f + gap
        share = (p_o - p_tot) / gap           # FSM share implied by the three percentages
        n_f = round(n * share)
        n_o = n - n_f
        g_f = round(n_f * p_f / 100)
        g_o = round(n_o * p_o / 100)
        out[period] = {"Total": (n, g_f + g_o), "FSM eligible": (n_f, g_f),
                       "Not known to be FSM eligible": (n_o, g_o)}
    period, n, g, n_f, g_f = EYFSP_2019
    out[period] = {"Total": (n, g), "FSM eligible": (n_f, g_f),
                   "Not known to be FSM eligible": (n - n_f, g - g_f)}
    return out


def ks2_national_numbers():
    out = {}
    for period, n, share, p_d, p_o in KS2_YEARS:
        n_d = round(n * share)
        n_o = n - n_d
        g_d = round(n_d * p_d / 100)
        g_o = round(n_o * p_o / 100)
        out[period] = {"Total": (n, g_d + g_o), "Disadvantaged": (n_d, g_d),
                       "Not disadvantaged": (n_o, g_o)}
    return out


def eyfsp_cl_rows(eyfsp):
    """Rows of the communication and language file: the GLD file's children, EYFSP_CL_YEARS' rates."""
    rows = []
    for period, p_f, p_o in EYFSP_CL_YEARS:
        n_f, n_o = eyfsp[period]["FSM eligible"][0], eyfsp[period]["Not known to be FSM eligible"][0]
        c_f, c_o = round(n_f * p_f / 100), round(n_o * p_o / 100)
        for topic, item, n, c in (("Total", "Total", n_f + n_o, c_f + c_o),
                                  ("FSM status", "FSM eligible", n_f, c_f),
                                  ("FSM status", "Not known to be FSM eligible", n_o, c_o)):
            rows.append([period, "Academic year", "National", "E92000001", "England",
                         topic, item, "Total", n, c, pct(c, n)])
    return rows


META_HEADER = ["col_name", "col_type", "label", "indicator_grouping", "indicator_unit",
               "indicator_dp", "filter_hint", "filter_grouping_column"]
EYFSP_HEADER = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name",
                "breakdown_topic", "breakdown", "sex", "children_number", "gld_number", "gld_percentage"]
EYFSP_CL_HEADER = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name",
                   "breakdown_topic", "breakdown", "sex", "children_number", "comm_lang_number",
                   "comm_lang_percentage"]
KS2_HEADER = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name",
              "breakdown_topic", "breakdown", "sex", "pupil_count", "rwm_expected_number",
              "rwm_expected_percentage"]


def write_meta(name, breakdown, indicators):
    """The .meta.csv of a national file: the breakdown and sex filters, then (column, label, unit)
    per indicator -- counts at 0 dp, percentages at 1 dp."""
    write_csv(os.path.join(NAT_DIR, name + ".meta.csv"), META_HEADER, [
        ["breakdown", "Filter", "Breakdown", "", "", "",
         f"Pupil characteristic (Total or {breakdown})", "breakdown_topic"],
        ["sex", "Filter", "Sex", "", "", "", "", ""],
    ] + [[col, "Indicator", label, "", unit, "1" if unit == "%" else "0", "", ""]
         for col, label, unit in indicators])


def make_national():
    eyfsp = eyfsp_national_numbers()
    rows = []
    for period in sorted(eyfsp):
        for topic, item in (("Total", "Total"), ("FSM status", "FSM eligible"),
                            ("FSM status", "Not known to be FSM eligible")):
            n, g = eyfsp[period][item]
            rows.append([period, "Academic year", "National", "E92000001", "England",
                         topic, item, "Total", n, g, pct(g, n)])
    write_csv(os.path.join(NAT_DIR, "eyfsp_gld_characteristics.csv"), EYFSP_HEADER, rows)
    write_meta("eyfsp_gld_characteristics", "FSM status", [
        ("children_number", "Number of children", ""),
        ("gld_number", "Number achieving a good level of development", ""),
        ("gld_percentage", "Percentage achieving a good level of development", "%")])

    ks2 = ks2_national_numbers()
    rows = []
    for period in sorted(ks2):
        for topic, item in (("Total", "Total"), ("Disadvantage status", "Disadvantaged"),
                            ("Disadvantage status", "Not disadvantaged")):
            n, g = ks2[period][item]
            rows.append([period, "Academic year", "National", "E92000001", "England",
                         topic, item, "Total", n, g, pct(g, n)])
    write_csv(os.path.join(NAT_DIR, "ks2_rwm_disadvantaged.csv"), KS2_HEADER, rows)
    write_meta("ks2_rwm_disadvantaged", "disadvantage status", [
        ("pupil_count", "Number of pupils", ""),
        ("rwm_expected_number", "Number reaching the expected standard in reading, writing and maths", ""),
        ("rwm_expected_percentage", "Percentage reaching the expected standard in reading, writing and maths",
         "%")])
    write_csv(os.path.join(NAT_DIR, "eyfsp_comm_lang_characteristics.csv"), EYFSP_CL_HEADER,
              eyfsp_cl_rows(eyfsp))
    write_meta("eyfsp_comm_lang_characteristics", "FSM status", [
        ("children_number", "Number of children", ""),
        ("comm_lang_number", "Number at the expected level in all communication and language goals", ""),
        ("comm_lang_percentage", "Percentage at the expected level in all communication and language goals",
         "%")])
    write_text(os.path.join(NAT_DIR, "README.md"), NATIONAL_README)


NATIONAL_README = """\
# National comparator files

Three England-level files in the DfE explore education statistics (EES) open-data shape: a *wide*
data file (one indicator per column, filters `breakdown_topic`/`breakdown` and `sex`) with its
`.meta.csv` (DOMAIN.md §1). Generated by `samples/tools/make_samples.py`; do not edit by hand.

| file | what | years |
|---|---|---|
| `eyfsp_gld_characteristics.csv` | EYFS profile: children, number and % reaching a good level of development (GLD), all children and by FSM status (`FSM eligible`, `Not known to be FSM eligible`) | 2012/13–2018/19 |
| `eyfsp_comm_lang_characteristics.csv` | EYFS profile: children, number and % at the expected level in every communication and language goal, all children and by FSM status | 2015/16–2018/19 |
| `ks2_rwm_disadvantaged.csv` | Key stage 2: pupils, number and % reaching the expected standard in reading, writing and maths, all pupils and by disadvantage (`Disadvantaged`, `Not disadvantaged`) | 2015/16–2018/19 |

`sex` is `Total` on every row (no sex breakdown is given).

## Sources

Published figures (DOMAIN.md §2.1, §2.2, §2.6 and the DfE releases they cite):

- EYFSP GLD, FSM pupils and gap: 2013 36% (gap 19.0), 2014 45% (18.9), 2015 51% (17.7) —
  parliamentary answers citing the DfE EYFSP statistical releases; 2016 54% vs 72% (gap 17.3) —
  parliamentary answer of 2 March 2017 (parallelparliament.co.uk, question 64678; listed as "not
  found" in DOMAIN.md); 2017 56% vs 73% (17.0), 2018 57% vs 74% (17.3) — Nursery World on the DfE
  EYFSP releases; 2019 50,732 of 89,742 FSM children and 458,815 of 638,946 children — EES data set
  "EYFSP by SEN and FSM status (2018–2019)".
- EYFSP GLD, all children: 2013 51.7%, 2014 60.4%, 2015 66.3%, 2016 69.3%, 2017 70.7%, 2018 71.5%,
  2019 71.8% (DfE EYFSP releases as reported by CYP Now, Foundation Years and nasen).
- EYFSP communication and language, FSM vs all other children: 2016 71.2% vs 83.3% (2013 59.9%
  vs 75.0%) — parliamentary answer to question 64959 (parallelparliament.co.uk, "Children:
  Communication Skills", 2017), citing the DfE EYFSP release.
- KS2 RWM, disadvantaged vs other: 2016 39/60, 2017 47/67, 2018 51/70, 2019 51/71 (DfE KS2
  releases as reported by CYP Now and Schools Week); all pupils 2019 65%.

## Estimated (not published figures — do not quote them as DfE statistics)

- Children/pupil numbers for every year except EYFSP 2018/19 (rough size of the national cohort),
  and hence every `*_number` in those years.
- The FSM share in EYFSP 2012/13–2017/18, worked back from the published total, FSM and gap
  figures; the unrounded FSM and "other" percentages are chosen inside the published rounding
  so that the percentages in the file round to the published ones.
- EYFSP communication and language 2016/17–2018/19 (FSM 71.9, 72.4, 72.5%; others 83.7, 84.1,
  84.3%): the 2015/16 figures carried forward at about the pace GLD rose after 2016. Children
  numbers are the GLD file's.
- The KS2 disadvantaged share (about 30–32%) and the all-pupil KS2 percentages for 2016–2018
  (53, 61, 64: widely reported headline figures, not checked against the release).
"""


# ---------------------------------------------------------------------------------------------
# 1. Tracking for Success
# ---------------------------------------------------------------------------------------------

# 52 settings [seed 000], six LAs [seed 000: "six local authorities"; which six is invented:
# two big-city unitaries, a metropolitan borough, a shire county, two cities of different size].
# (name, la, type) -- names invented.
TFS_SETTINGS = [
    # Bradford (9)
    ("Little Acorns Pre-school", "Bradford", "PVI nursery"),
    ("Rainbow Day Nursery", "Bradford", "PVI nursery"),
    ("Bright Beginnings Day Nursery", "Bradford", "PVI nursery"),
    ("Meadowbank Nursery", "Bradford", "PVI nursery"),
    ("St Mary's Nursery Class", "Bradford", "School nursery class"),
    ("Westfield Primary School Nursery", "Bradford", "School nursery class"),
    ("Northfield Nursery School", "Bradford", "Maintained nursery school"),
    ("Keighley Childminder Network", "Bradford", "Childminder network"),
    ("Little Explorers Nursery", "Bradford", "PVI nursery"),
    # Doncaster (9)
    ("Sunflower Day Nursery", "Doncaster", "PVI nursery"),
    ("Ladybird Pre-school", "Doncaster", "PVI nursery"),
    ("Tiny Steps Nursery", "Doncaster", "PVI nursery"),
    ("Honeypot Playgroup", "Doncaster", "PVI nursery"),
    ("Ashgrove Primary Nursery Class", "Doncaster", "School nursery class"),
    ("Holy Family Catholic Primary Nursery", "Doncaster", "School nursery class"),
    ("Rosebank Nursery School", "Doncaster", "Maintained nursery school"),
    ("Bentley Childminder Network", "Doncaster", "Childminder network"),
    ("Hedgehogs Pre-school", "Doncaster", "PVI nursery"),
    # Kent (10)
    ("Buttercups Pre-school", "Kent", "PVI nursery"),
    ("Orchard House Day Nursery", "Kent", "PVI nursery"),
    ("Windmill Community Pre-school", "Kent", "PVI nursery"),
    ("Woodland Tots Pre-school", "Kent", "PVI nursery"),
    ("Hopscotch Day Nursery", "Kent", "PVI nursery"),
    ("St Peter's CE Primary Nursery", "Kent", "School nursery class"),
    ("Oakwood Primary Nursery Class", "Kent", "School nursery class"),
    ("Millbrook Primary Nursery Class", "Kent", "School nursery class"),
    ("Thanet Childminder Network", "Kent", "Childminder network"),
    ("Kite Hill Pre-school", "Kent", "PVI nursery"),
    # Leicester (8)
    ("Caterpillars Pre-school", "Leicester", "PVI nursery"),
    ("Stepping Stones Pre-school", "Leicester", "PVI nursery"),
    ("Little Owls Nursery", "Leicester", "PVI nursery"),
    ("Greenhill Primary Nursery", "Leicester", "School nursery class"),
    ("Riverside Primary Nursery Class", "Leicester", "School nursery class"),
    ("Southmead Nursery School", "Leicester", "Maintained nursery school"),
    ("Rocking Horse Nursery", "Leicester", "PVI nursery"),
    ("Teddy Bears Playgroup", "Leicester", "PVI nursery"),
    # Nottingham (8)
    ("Holly Bush Nursery", "Nottingham", "PVI nursery"),
    ("The Ark Community Nursery", "Nottingham", "PVI nursery"),
    ("Green Lane Pre-school", "Nottingham", "PVI nursery"),
    ("Parkside Primary Nursery Class", "Nottingham", "School nursery class"),
    ("Highfield Primary Nursery", "Nottingham", "School nursery class"),
    ("Fernhill Nursery School", "Nottingham", "Maintained nursery school"),
    ("Bulwell Childminder Network", "Nottingham", "Childminder network"),
    ("Brookfield Infant School Nursery", "Nottingham", "School nursery class"),
    # Plymouth (8)
    ("Harbourside Nursery", "Plymouth", "PVI nursery"),
    ("Acorn Tree Community Nursery", "Plymouth", "PVI nursery"),
    ("Puffins Pre-school", "Plymouth", "PVI nursery"),
    ("Moorside Primary Nursery Class", "Plymouth", "School nursery class"),
    ("Elmtree Infant Nursery", "Plymouth", "School nursery class"),
    ("Hillcrest Nursery School", "Plymouth", "Maintained nursery school"),
    ("Plympton Childminder Network", "Plymouth", "Childminder network"),
    ("Seashells Day Nursery", "Plymouth", "PVI nursery"),
]

# Achievement coaches [seed 000: "Achievement coaches offered coaching"; names invented, ~8].
# la -> list of (coach, number of that LA's settings, in id order)
TFS_COACHES = {
    "Bradford": [("Sarah Whitfield", 5), ("Helen Armitage", 4)],
    "Doncaster": [("Joanne Pickering", 9)],
    "Kent": [("Claire Donovan", 5), ("Rachel Okafor", 5)],
    "Leicester": [("Priya Mistry", 8)],
    "Nottingham": [("Karen Ellison", 8)],
    "Plymouth": [("Lucy Trewin", 8)],
}

# Share of the cohort who are disadvantaged, by LA [invented; chosen so that the project
# average is about 50%, seed 000: "on average ... 50% of children were deemed to be
# disadvantaged"]. Settings vary around it (sd 0.08).
TFS_DIS_SHARE = {"Bradford": 0.58, "Doncaster": 0.55, "Kent": 0.44, "Leicester": 0.55,
                 "Nottingham": 0.58, "Plymouth": 0.50}
# Settings with only 3-4 disadvantaged children, so that small-cohort suppression shows [brief].
TFS_FEW_DISADVANTAGED = {"TFS20": 3, "TFS25": 4, "TFS52": 3}
# Share with English as an additional language, by LA [invented; the project average ~15%].
TFS_EAL_SHARE = {"Bradford": 0.30, "Doncaster": 0.06, "Kent": 0.08, "Leicester": 0.32,
                 "Nottingham": 0.16, "Plymouth": 0.04}

# The seven terms: age-2 baseline, then the pre-school year and Reception [brief; seed 000: the
# cohort due to enter KS1 in September 2019 was tracked from age 2 to the end of the EYFS].
TFS_TERMS = [
    ("201617", "Summer term"),
    ("201718", "Autumn term"), ("201718", "Spring term"), ("201718", "Summer term"),
    ("201819", "Autumn term"), ("201819", "Spring term"), ("201819", "Summer term"),
]
# How far through the project each term is (0 = baseline, 1 = end) [invented; smooth].
TFS_PROGRESS = [0.0, 0.14, 0.28, 0.43, 0.61, 0.80, 1.0]
TFS_AREAS = ["communication_language", "physical_development", "psed", "literacy",
             "mathematics", "understanding_world", "expressive_arts"]
GLD_AREAS = TFS_AREAS[:5]  # the prime areas + literacy + mathematics [DOMAIN 6.3]

# Target % at expected or above, (not disadvantaged, disadvantaged), at the baseline and at the
# end (summer 2019); straight lines in TFS_PROGRESS between them. The model is calibrated to
# these project-level rates term by term.
# Baseline: roughly 65% vs 45% across areas [brief]. End: the gap closes to about 9-15 points,
# most in communication and language (Taking Time for Talk, seed 000), least in literacy and
# maths [brief: "literacy and mathematics a little lower"]. The end rates sit a few points above
# the brief's "62% vs 75% in each prime area" so that GLD, which needs all five GLD areas, comes
# out at the brief's 57% vs 73% (national 2019: FSM 57%, others 74%, DOMAIN 2.1) [invented]; as
# nationally, literacy is the area that most often stands between a child and GLD. The
# communication and language gap ends under 10 points, so that target is achieved and the
# others are not.
TFS_RATES = {
    #                          baseline (N, D)   end (N, D)
    "communication_language": ((64.5, 42.0), (81.5, 72.0)),
    "physical_development":   ((68.0, 48.5), (84.0, 72.5)),
    "psed":                   ((65.5, 45.0), (82.5, 70.5)),
    "literacy":               ((62.5, 42.0), (78.0, 63.5)),
    "mathematics":            ((64.0, 43.5), (79.5, 66.0)),
    "understanding_world":    ((66.0, 46.5), (81.0, 69.0)),
    "expressive_arts":        ((67.0, 48.0), (82.5, 71.0)),
}
# Latent-model parameters [invented]: a child's score in an area and term is
#   alpha[t,a] + child ability (sd 1) + child-area component (sd SIGMA_AREA) + term noise
#   (sd SIGMA_TERM) + setting level + setting growth*progress - disadvantaged*(G[t,a] + setting
#   gap deviation*progress) + SEND/EAL/sex effects;
# expected if score > 0, exceeding if score > EXCEEDING_MARGIN. alpha and G are calibrated.
SIGMA_AREA = 0.20
SIGMA_TERM = 0.15
EXCEEDING_MARGIN = 1.45
SEND_EFFECT = {"N": 0.0, "SEN support": -1.0, "EHCP": -2.0}
FEMALE_EFFECT = {"communication_language": 0.15, "physical_development": 0.08, "psed": 0.2,
                 "literacy": 0.22, "mathematics": 0.08, "understanding_world": 0.1,
                 "expressive_arts": 0.2}
EAL_EFFECT = {"communication_language": -0.5, "literacy": -0.4}  # shrinks to 40% by the end

TFS_AS_OF = d("2019-07-31")   # "today" for the action plan: end of the Reception year [brief]


def tfs_settings():
    out = []
    coach_of = {}
    for la, coaches in TFS_COACHES.items():
        ids = [i for i, s in enumerate(TFS_SETTINGS) if s[1] == la]
        assert len(ids) == sum(n for _, n in coaches), la
        k = 0
        for coach, n in coaches:
            for i in ids[k:k + n]:
                coach_of[i] = coach
            k += n
    for i, (name, la, kind) in enumerate(TFS_SETTINGS):
        out.append({"id": f"TFS{i + 1:02d}", "name": name, "la": la, "type": kind,
                    "coach": coach_of[i]})
    assert len(out) == 52
    return out


def tfs_children(settings, rng):
    children = []
    setting_fx = {}
    for s in settings:
        sid, la = s["id"], s["la"]
        n = rng.randint(18, 22)                          # [brief] 18-22 children per setting
        if sid in TFS_FEW_DISADVANTAGED:
            n_dis = TFS_FEW_DISADVANTAGED[sid]
        else:
            share = min(0.78, max(0.30, rng.gauss(TFS_DIS_SHARE[la], 0.08)))
            n_dis = max(5, round(n * share))
        dis_flags = ["Y"] * n_dis + ["N"] * (n - n_dis)
        rng.shuffle(dis_flags)
        # Setting effects [invented]: level, growth over the project, and how far it narrows
        # the gap: most about average, some a lot, some not at all, two widen it [brief].
        kind = rng.random()
        if kind < 0.15:
            gap_dev = -0.55 + rng.gauss(0, 0.05)        # narrows the gap a lot
        elif kind < 0.30:
            gap_dev = 0.35 + rng.gauss(0, 0.05)         # hardly narrows it
        else:
            gap_dev = rng.gauss(0, 0.10)
        setting_fx[sid] = {"level": rng.gauss(0, 0.22), "growth": rng.gauss(0, 0.12),
                           "gap": gap_dev}
        # Abilities are drawn stratified (one from each 1/n slice of the normal distribution,
        # in random order) within each group of each setting, so that a setting's gap reflects
        # its designed effect more than the luck of a draw of ten children [invented].
        ability = {}
        for g in ("Y", "N"):
            k = dis_flags.count(g)
            qs = [NORMAL.inv_cdf((j + rng.random()) / k) for j in range(k)]
            rng.shuffle(qs)
            ability[g] = qs
        for flag in dis_flags:
            dis = flag == "Y"
            r = rng.random()
            if dis:
                send = "EHCP" if r < 0.025 else "SEN support" if r < 0.155 else "N"
                funded = "Y" if rng.random() < 0.96 else "N"   # [brief] almost all
            else:
                send = "EHCP" if r < 0.015 else "SEN support" if r < 0.085 else "N"
                funded = "Y" if rng.random() < 0.03 else "N"   # [brief] very few
            eal = "Y" if rng.random() < TFS_EAL_SHARE[la] else "N"
            sex = "F" if rng.random() < 0.49 else "M"
            # Presence [brief: a few join late or leave]: 6% join after the baseline, 4% leave.
            first, last = 0, 6
            r = rng.random()
            if r < 0.06:
                first = rng.choice([1, 1, 2, 4])
            elif r < 0.10:
                last = rng.choice([2, 3, 4, 5])
            children.append({
                "setting": sid, "la": la, "dis": dis, "funded": funded, "send": send,
                "eal": eal, "sex": sex, "first": first, "last": last,
                "ability": ability[flag].pop(),
                "area": {a: rng.gauss(0, SIGMA_AREA) for a in TFS_AREAS},
                "noise": {(t, a): rng.gauss(0, SIGMA_TERM) for t in range(7) for a in TFS_AREAS},
            })
    # The two settings that widen the gap [brief: "one or two widen it"]: the two with the
    # largest gap deviation get a clearly positive one.
    for sid in sorted(setting_fx, key=lambda k: -setting_fx[k]["gap"])[:2]:
        setting_fx[sid]["gap"] = 0.8
    for i, c in enumerate(children):
        c["id"] = f"C{i + 1:04d}"
    return children, setting_fx


def tfs_judgements(children, setting_fx):
    """Calibrate alpha[t,a] and G[t,a] to TFS_RATES and return {(child index, t, a): judgement}."""
    fixed = {}  # (i, t, a) -> score without alpha and G
    for i, c in enumerate(children):
        fx = setting_fx[c["setting"]]
        for t in range(c["first"], c["last"] + 1):
            prog = TFS_PROGRESS[t]
            for a in TFS_AREAS:
                s = (c["ability"] + c["area"][a] + c["noise"][(t, a)] + fx["level"] +
                     fx["growth"] * prog + SEND_EFFECT[c["send"]])
                if c["sex"] == "F":
                    s += FEMALE_EFFECT[a]
                if c["eal"] == "Y" and a in EAL_EFFECT:
                    s += EAL_EFFECT[a] * (1 - 0.6 * prog)
                if c["dis"]:
                    s -= fx["gap"] * prog
                fixed[(i, t, a)] = s
    judgements = {}
    for t in range(7):
        prog = TFS_PROGRESS[t]
        for a in TFS_AREAS:
            (n0, d0), (n1, d1) = TFS_RATES[a]
            target_n = n0 + (n1 - n0) * prog
            target_d = d0 + (d1 - d0) * prog
            non = [fixed[(i, t, a)] for i, c in enumerate(children)
                   if not c["dis"] and c["first"] <= t <= c["last"]]
            dis = [fixed[(i, t, a)] for i, c in enumerate(children)
                   if c["dis"] and c["first"] <= t <= c["last"]]
            rate = lambda xs, shift: 100.0 * sum(1 for x in xs if x + shift > 0) / len(xs)
            alpha = bisect(lambda al: rate(non, al), target_n, -4, 4)
            g = -bisect(lambda sh: rate(dis, alpha + sh), target_d, -4, 4)
            for i, c in enumerate(children):
                if not c["first"] <= t <= c["last"]:
                    continue
                s = fixed[(i, t, a)] + alpha - (g if c["dis"] else 0.0)
                judgements[(i, t, a)] = ("exceeding" if s > EXCEEDING_MARGIN else
                                         "expected" if s > 0 else "emerging")
    return judgements


# Parental engagement [brief: e.g. 35% -> 70%, disadvantaged families starting lower and
# catching up; seed 000: Taking Time for Talk "positively impacted parental engagement"].
# % of families taking part in at least one activity in the term, autumn 2017 .. summer 2019
# [invented].
TFS_ENGAGEMENT = {"N": [40, 46, 52, 58, 64, 70], "Y": [26, 35, 45, 54, 63, 70]}
# Quality-of-provision audit: criteria met out of 48 [invented audit size], from about 45-70%
# in autumn 2017 to 70-95% by summer 2019 [brief: rising over the project].
AUDIT_CRITERIA = 48


def tfs_indicators(settings, children, rng):
    rows = []
    # Each family has a fixed propensity; it takes part once the setting's rate passes it, so
    # a setting's series is smooth and a family that joined in tends to stay [invented].
    prop = {c["id"]: rng.random() for c in children}
    jitter = {(c["id"], t): rng.gauss(0, 0.04) for c in children for t in range(1, 7)}
    by_setting = defaultdict(list)
    for c in children:
        by_setting[c["setting"]].append(c)
    totals = defaultdict(lambda: [0, 0])   # (measure, term, (la, level), group) -> [k, n]
    for s in settings:
        sid = s["id"]
        level = rng.gauss(0, 0.07)
        slope = rng.gauss(0, 0.05)
        q0 = rng.randint(22, 33)                       # criteria met in autumn 2017
        q_end = min(AUDIT_CRITERIA - 1, q0 + rng.randint(9, 17))
        dip = rng.random() < 0.06                      # a setting with a wobble (staff change)
        for t in range(1, 7):
            period, ident = TFS_TERMS[t]
            prog = (t - 1) / 5
            counts = {}
            for g in ("Y", "N"):
                fam = [c for c in by_setting[sid] if (c["dis"] == (g == "Y")) and
                       c["first"] <= t <= c["last"]]
                p = TFS_ENGAGEMENT[g][t - 1] / 100 + level + slope * prog
                p = min(0.97, max(0.05, p))
                k = sum(1 for c in fam if prop[c["id"]] + jitter[(c["id"], t)] < p)
                counts[g] = (k, len(fam))
            counts["T"] = (counts["Y"][0] + counts["N"][0], counts["Y"][1] + counts["N"][1])
            for label, g in (("Disadvantaged", "Y"), ("Not disadvantaged", "N"), ("Total", "T")):
                k, n = counts[g]
                rows.append([period, ident, "Setting", s["la"], sid, label, "parents_engaged",
                             pct(k, n), n])
                for area in ((s["la"], "Local authority"), ("", "Project")):
                    agg = totals[("parents_engaged", t, area, label)]
                    agg[0] += k
                    agg[1] += n
            # Provision quality: eased curve from q0 to q_end.
            q = round(q0 + (q_end - q0) * (1 - (1 - prog) ** 1.6))
            if dip and t == 5:
                q -= 2
            rows.append([period, ident, "Setting", s["la"], sid, "Total", "provision_quality",
                         pct(q, AUDIT_CRITERIA), ""])
            for area in ((s["la"], "Local authority"), ("", "Project")):
                agg = totals[("provision_quality", t, area, "Total")]
                agg[0] += q
                agg[1] += AUDIT_CRITERIA
    # Local authority and project rows: pooled over their settings (engaged families over all
    # families; criteria met over all criteria audited), so that LA and project reports -- which
    # the engine also builds from the records -- have these measures too. Project rows leave
    # la_name and setting_id empty; the project_name column is added when the file is written.
    for (measure, t, (la, level), label), (k, n) in sorted(
            totals.items(), key=lambda kv: (kv[0][1], kv[0][2][1] != "Local authority", kv[0][2][0],
                                            kv[0][0], ["Disadvantaged", "Not disadvantaged",
                                                       "Total"].index(kv[0][3]))):
        period, ident = TFS_TERMS[t]
        rows.append([period, ident, level, la, "", label, measure, pct(k, n),
                     n if measure == "parents_engaged" else ""])
    return rows


# Action plans: objectives [seed 000: the three outcomes]; actions drawn from Tracking for
# Success practice [seed 000: coaching, bespoke CPD, Taking Time for Talk, tracking, the Bubble
# platform; the rest invented]. (action, owner, typical length in days[, (earliest, latest) due
# date for actions tied to a point in the cohort's journey]; "{coach}" is replaced).
TFS_ACTION_BANK = {
    "Close the attainment gap": [
        ("Screen the language of every child in the cohort at the start of the year and plan "
         "support for those below the expected band", "SENCo", 90, ("2017-10-02", "2018-11-30")),
        ("Keep an individual tracking plan for each disadvantaged child and review it every term",
         "Setting manager", 300),
        ("Moderate Development Matters judgements with the achievement coach each term",
         "Deputy manager", 240),
        ("Run small-group Taking Time for Talk sessions for children below the expected band in "
         "communication and language", "Room leader", 180),
        ("Introduce daily story and rhyme times for children who started on a funded two-year-old "
         "place", "Room leader", 120, ("2017-10-16", "2018-07-13")),
        ("Use Early Years Pupil Premium to fund targeted maths-through-play groups",
         "Setting manager", 200),
        ("Agree a transition to Reception plan for each child and share tracking records with "
         "receiving schools", "Setting manager", 120, ("2018-05-01", "2018-07-20")),
        ("Share end-of-Reception outcomes and next steps with Year 1 teachers", "EYFS lead", 60,
         ("2019-07-05", "2019-10-18")),
    ],
    "Increase parental involvement": [
        ("Hold termly Taking Time for Talk sessions with parents", "Parent champion", 270),
        ("Run parent workshops on sharing books and early reading at home", "Key person lead", 150),
        ("Set up a lending library of story sacks and talk bags", "Parent champion", 90),
        ("Hold a structured conversation each term with the parents of every disadvantaged child",
         "Key person lead", 300),
        ("Invite parents to monthly stay-and-play sessions", "Room leader", 240),
        ("Send home-learning ideas through the setting's online learning journal",
         "Deputy manager", 180),
    ],
    "Improve the quality of provision": [
        ("Monthly coaching visits from the achievement coach", "{coach}", 300),
        ("Whole-team CPD on a language-rich environment and adult-child interactions",
         "Setting manager", 120),
        ("Audit provision against the quality-of-provision framework and act on the findings",
         "Deputy manager", 150),
        ("Peer observations between practitioners focused on sustained shared thinking",
         "Room leader", 180),
        ("Use Bubble online platform resources in fortnightly staff meetings", "Setting manager", 240),
        ("Review support for children with SEND with the area SENCo", "SENCo", 120),
        ("Develop the outdoor area to support physical development and talk", "Setting manager", 200),
    ],
}
PROGRESS_DONE = [
    "Completed; evidence in the setting's file", "Completed and embedded in routines",
    "Done; reviewed with the achievement coach", "Completed on time", "Completed; impact noted in tracking",
]
PROGRESS_OPEN = [
    "Under way; first sessions held", "Started; about half complete", "On track; reviewed at last coaching visit",
    "Progressing; some sessions rescheduled", "Under way; staff trained, rolling out to all rooms",
]
PROGRESS_LATE = [
    "Delayed by staff changes", "Behind schedule; sessions postponed", "Slipped; new date to be agreed with coach",
    "Delayed while the room was refurbished",
]


def tfs_actions(settings, rng):
    rows = []
    start_days = school_days_in(d("2017-09-11"), d("2019-06-28"))
    for s in settings:
        n = rng.randint(6, 12)
        # At least one action per objective, the rest at random; no action twice in a setting.
        objectives = list(TFS_ACTION_BANK)
        picks = [(o, b) for o in objectives for b in rng.sample(TFS_ACTION_BANK[o], 1)]
        pool = [(o, b) for o in objectives for b in TFS_ACTION_BANK[o] if (o, b) not in picks]
        picks += rng.sample(pool, n - 3)
        plan = []
        for obj, (action, owner, length, *window) in picks:
            owner = owner.replace("{coach}", s["coach"])
            r = rng.random()
            # Timing [brief]: ~55% due before the as-of date, a few due 1-14 August 2019 (at
            # risk), the rest due later in 2019.
            span = dt.timedelta(days=int(length * rng.uniform(0.7, 1.3)))
            if window:
                due = rng.choice(school_days_in(d(window[0][0]), d(window[0][1])) or
                                 [d(window[0][1])])
            elif r < 0.52:
                due = rng.choice(school_days_in(start_days[0] + span, d("2019-07-19")))
            elif r < 0.58:
                due = TFS_AS_OF + dt.timedelta(days=rng.randint(1, 14))
            else:
                due = rng.choice(school_days_in(d("2019-09-05"), d("2019-12-20")))
            start = min([x for x in start_days if x >= due - span] or [start_days[-1]])
            if start > due:
                start = due
            if due <= TFS_AS_OF:
                # Older actions are nearly all closed; overdue ones are mostly recent [invented].
                done = rng.random() < (0.93 if (TFS_AS_OF - due).days > 180 else 0.62)
                status = "Complete" if done else ("Not started" if rng.random() < 0.15 else "In progress")
                if done:
                    upd = due + dt.timedelta(days=rng.randint(-20, 10))
                    note = rng.choice(PROGRESS_DONE)
                else:
                    upd = TFS_AS_OF - dt.timedelta(days=rng.randint(5, 60))
                    note = rng.choice(PROGRESS_LATE)
            elif start > TFS_AS_OF or rng.random() < 0.15:
                status, upd, note = "Not started", TFS_AS_OF - dt.timedelta(days=rng.randint(7, 40)), \
                    "Planned for the autumn term"
            else:
                status = "Complete" if rng.random() < 0.08 else "In progress"
                if status == "Complete":
                    upd = TFS_AS_OF - dt.timedelta(days=rng.randint(3, 40))
                    note = "Completed early"
                else:
                    upd = TFS_AS_OF - dt.timedelta(days=rng.randint(2, 45))
                    note = rng.choice(PROGRESS_OPEN)
            upd = min(max(upd, start), TFS_AS_OF)
            plan.append((start, obj, action, owner, due, status, note, upd))
        plan.sort(key=lambda p: (p[0], p[4], p[2]))
        for k, (start, obj, action, owner, due, status, note, upd) in enumerate(plan, 1):
            rows.append([f"{s['id']}-A{k:02d}", s["id"], obj, action, owner, start.isoformat(),
                         due.isoformat(), status, note, upd.isoformat()])
    return rows


# Quotes: the three setting quotes in seed 000, verbatim, and six invented in the same voice.
# (quote, role, setting type, LA) -- the setting is the first of that type and LA.
TFS_QUOTES = [
    ("So often people come in to support but they have no idea, because early years is so "
     "different to the rest of school. It was refreshing to have support from an early years "
     "expert.", "Nursery teacher", "School nursery class", "Bradford"),                # seed 000
    ("In schools you never have any spare time. The conversations with the coach gave me time to "
     "sit back and reflect, and to celebrate our successes.", "EYFS lead", "School nursery class",
     "Doncaster"),                                                                    # seed 000
    ("The whole team changed their way of engaging with parents and they\u2019ve worked to embed "
     "this practice, so it will have a positive impact for future children.", "Setting manager",
     "PVI nursery", "Nottingham"),                                                    # seed 000
    ("Taking Time for Talk gave parents a reason to stay and chat at pick-up. Dads who never came "
     "in now join the sessions.", "Room leader", "PVI nursery", "Bradford"),          # invented
    ("Tracking every child each term showed us which two-year-olds were slipping, so we could act "
     "straight away instead of waiting for the summer.", "Setting manager", "PVI nursery",
     "Doncaster"),                                                                    # invented
    ("Our coach helped us look at the room through a child\u2019s eyes. Small changes to the book "
     "corner made a big difference to how much the children talk.", "Deputy head",
     "Maintained nursery school", "Leicester"),                                       # invented
    ("As a childminder you can feel on your own. Being part of the project meant we always had "
     "someone to ask and ideas to share.", "Childminder", "Childminder network", "Plymouth"),  # invented
    ("Parents didn\u2019t realise how much they could do just by talking at bath time or in the "
     "supermarket. Now they tell us what they\u2019ve tried.", "Key person", "PVI nursery",
     "Kent"),                                                                         # invented
    ("We audited our provision at the start and again this summer, and for the first time we could "
     "see how far we\u2019d come.", "Setting manager", "PVI nursery", "Leicester"),     # invented
]


def make_tfs():
    settings = tfs_settings()
    rng = random.Random("boardpack tracking-for-success records v1")
    children, setting_fx = tfs_children(settings, rng)
    judgements = tfs_judgements(children, setting_fx)

    write_csv(os.path.join(TFS_DIR, "settings.csv"),
              ["setting_id", "setting_name", "la_name", "setting_type", "coach"],
              [[s["id"], s["name"], s["la"], s["type"], s["coach"]] for s in settings])

    rows = []
    for i, c in enumerate(children):
        for t in range(c["first"], c["last"] + 1):
            period, ident = TFS_TERMS[t]
            for a in TFS_AREAS:
                rows.append([c["id"], c["setting"], period, ident, a, judgements[(i, t, a)],
                             "Y" if c["dis"] else "N", c["funded"], c["send"], c["eal"], c["sex"]])
    write_csv(os.path.join(TFS_DIR, "records.csv"), TFS_RECORDS_HEADER, rows)

    # Project rows name the project (project_name), as the records aggregation does.
    write_csv(os.path.join(TFS_DIR, "indicators.csv"), TFS_INDICATORS_HEADER,
              [r + [TFS_PROJECT if r[2] == "Project" else ""] for r in
               tfs_indicators(settings, children, random.Random("boardpack tfs indicators v1"))])

    targets = [
        ["TFS-GLD", "gld", "Disadvantaged", "Not disadvantaged", "201819", "Summer term",
         "gap_at_most", "12", "201617"],
        ["TFS-CL", "communication_language", "Disadvantaged", "Not disadvantaged", "201819",
         "Summer term", "gap_at_most", "10", "201617"],
        ["TFS-LIT", "literacy", "Disadvantaged", "Not disadvantaged", "201819", "Summer term",
         "gap_at_most", "10", "201617"],
        ["TFS-MATHS", "mathematics", "Disadvantaged", "Not disadvantaged", "201819", "Summer term",
         "gap_at_most", "10", "201617"],
        # No baseline: engagement is first measured in autumn 2017, and the time_identifier
        # (Summer term) would also apply to a baseline period.
        ["TFS-PARENTS", "parents_engaged", "Disadvantaged", "Not disadvantaged", "201819",
         "Summer term", "gap_at_most", "5", ""],
    ]
    write_csv(os.path.join(TFS_DIR, "targets.csv"), TFS_TARGETS_HEADER, targets)

    write_csv(os.path.join(TFS_DIR, "actions.csv"), TFS_ACTIONS_HEADER,
              tfs_actions(settings, random.Random("boardpack tfs actions v1")))

    quotes = []
    used = set()
    for text, role, kind, la in TFS_QUOTES:
        s = next(s for s in settings if s["type"] == kind and s["la"] == la and s["id"] not in used)
        used.add(s["id"])
        quotes.append([s["id"], text, f"{role}, {kind}, {la}"])
    write_csv(os.path.join(TFS_DIR, "quotes.csv"), ["setting_id", "quote", "attribution"], quotes)


TFS_RECORDS_HEADER = ["child_id", "setting_id", "time_period", "time_identifier", "area_of_learning",
                      "judgement", "disadvantaged", "funded_two", "send", "eal", "sex"]
TFS_INDICATORS_HEADER = ["time_period", "time_identifier", "geographic_level", "la_name", "setting_id",
                         "characteristic", "measure", "value", "cohort", "project_name"]
TFS_PROJECT = "Tracking for Success"
TFS_TARGETS_HEADER = ["id", "measure", "characteristic", "comparator", "time_period", "time_identifier",
                      "kind", "target", "baseline_period"]
TFS_ACTIONS_HEADER = ["action_id", "setting_id", "objective", "action", "owner", "start", "due",
                      "status", "progress", "last_updated"]


# ---------------------------------------------------------------------------------------------
# 2. EYQIP
# ---------------------------------------------------------------------------------------------

# 50 settings in three areas [seed 001]; five teaching school alliances [seed 001], each with two
# SLEs supporting five settings [seed 001: 10 SLEs, 50 settings]. Which alliance works where,
# the setting names and types, and the SLE names are invented (Painsley is placed in the
# Moorlands, Britannia and C2C in Stoke, Blackfriars and Hempstalls in Staffordshire).
EYQ_ALLIANCES = [
    ("Britannia", ["Emma Hulme", "Gemma Salt"], [
        ("Kingfisher Primary Academy", "Stoke-on-Trent", "School reception class", 60),
        ("Foxley Lane Primary School", "Stoke-on-Trent", "School reception class", 30),
        ("Burslem Wharf Primary Academy", "Stoke-on-Trent", "School reception class", 60),
        ("St Aidan's Catholic Primary School", "Stoke-on-Trent", "School reception class", 30),
        ("Little Stars Day Nursery", "Stoke-on-Trent", "PVI nursery", 0),
        ("Westport Lake Primary School", "Stoke-on-Trent", "School reception class", 45),
        ("Middleport Canalside Primary", "Stoke-on-Trent", "School reception class", 30),
        ("Hanley Greenway Academy", "Stoke-on-Trent", "School reception class", 60),
        ("Brindley Meadow Primary School", "Stoke-on-Trent", "School reception class", 30),
        ("Potters Wheel Pre-school", "Stoke-on-Trent", "PVI nursery", 0),
    ]),
    ("C2C", ["Nicola Bradbury", "Louise Plant"], [
        ("Longton Brook Primary Academy", "Stoke-on-Trent", "School reception class", 60),
        ("Weston Fields Primary School", "Stoke-on-Trent", "School reception class", 30),
        ("Fenton Vale Primary School", "Stoke-on-Trent", "School reception class", 45),
        ("Trentside Primary Academy", "Stoke-on-Trent", "School reception class", 30),
        ("Blurton Willows Primary School", "Stoke-on-Trent", "School reception class", 60),
        ("Sunrise Community Nursery", "Stoke-on-Trent", "PVI nursery", 0),
        ("Normacot Nursery School", "Stoke-on-Trent", "Maintained nursery", 0),
        ("Lightwood Park Primary School", "Stoke-on-Trent", "School reception class", 30),
        ("Barlaston Road Primary School", "Staffordshire", "School reception class", 30),
        ("Tittensor Fields Primary School", "Staffordshire", "School reception class", 20),
    ]),
    ("Blackfriars", ["Kirsty Mountford", "Sophie Beardmore"], [
        ("Silverdale Meadows Primary School", "Staffordshire", "School reception class", 30),
        ("Knutton Lane Primary Academy", "Staffordshire", "School reception class", 30),
        ("Wolstanton Park Primary School", "Staffordshire", "School reception class", 60),
        ("Chesterton Vale Primary School", "Staffordshire", "School reception class", 45),
        ("Clayton Rise Day Nursery", "Staffordshire", "PVI nursery", 0),
        ("Kidsgrove Canal Primary School", "Staffordshire", "School reception class", 30),
        ("Talke Hill Primary School", "Staffordshire", "School reception class", 30),
        ("Audley Brook Primary School", "Staffordshire", "School reception class", 30),
        ("Madeley Green Primary School", "Staffordshire", "School reception class", 20),
        ("Castlefields Nursery School", "Staffordshire", "Maintained nursery", 0),
    ]),
    ("Hempstalls", ["Hayley Podmore", "Dawn Birks"], [
        ("Bradwell Fields Primary School", "Staffordshire", "School reception class", 30),
        ("Porthill Grange Primary School", "Staffordshire", "School reception class", 45),
        ("May Bank Primary Academy", "Staffordshire", "School reception class", 30),
        ("Crackley Woods Primary School", "Staffordshire", "School reception class", 30),
        ("Little Pioneers Day Nursery", "Staffordshire", "PVI nursery", 0),
        ("Stone Meadows Primary School", "Staffordshire", "School reception class", 60),
        ("Eccleshall Road Primary School", "Staffordshire", "School reception class", 30),
        ("Stafford Brook Pre-school", "Staffordshire", "PVI nursery", 0),
        ("Knypersley Meadow First School", "Staffordshire Moorlands", "School reception class", 30),
        ("Brown Edge Vale First School", "Staffordshire Moorlands", "School reception class", 20),
    ]),
    ("Painsley", ["Rebecca Alcock", "Victoria Tunnicliffe"], [
        ("Cheadle Woodland Primary School", "Staffordshire Moorlands", "School reception class", 30),
        ("Tean Valley Primary School", "Staffordshire Moorlands", "School reception class", 20),
        ("Kingsley Moor Primary School", "Staffordshire Moorlands", "School reception class", 15),
        ("Churnet View First School", "Staffordshire Moorlands", "School reception class", 45),
        ("Roaches View Nursery School", "Staffordshire Moorlands", "Maintained nursery", 0),
        ("Cheddleton Heath First School", "Staffordshire Moorlands", "School reception class", 30),
        ("Ipstones Edge Primary School", "Staffordshire Moorlands", "School reception class", 15),
        ("Werrington Fields Primary School", "Staffordshire Moorlands", "School reception class", 30),
        ("Little Moorlanders Pre-school", "Staffordshire Moorlands", "PVI nursery", 0),
        ("Hollybank Day Nursery", "Staffordshire Moorlands", "PVI nursery", 0),
    ]),
]
EYQ_LAS = ["Stoke-on-Trent", "Staffordshire", "Staffordshire Moorlands"]
EYQ_YEARS = ["201617", "201718", "201819"]   # baseline year, then the two project years [brief]
EYQ_MEASURES = ["gld", "elg_cl", "elg_literacy", "elg_maths"]
EYQ_CHARS = ["Total", "FSM", "Not FSM"]

# Target GLD % of the project's Reception children by area and year [brief: start below
# national at about 61-66%, close most of the gap by 2018/19, Stoke-on-Trent still a little
# below national; invented values]: Stoke-on-Trent and Staffordshire end just short of national,
# the Moorlands just above it. The realised figures differ by a child or two (rates move in
# steps of 1/cohort). National: 70.7, 71.5, 71.8 [DOMAIN 2.1; brief].
EYQ_GLD_TARGET = {
    "Stoke-on-Trent":          (61.8, 66.1, 69.4),
    "Staffordshire":           (64.9, 68.8, 71.0),
    "Staffordshire Moorlands": (66.2, 69.9, 72.8),
}
# FSM share of the Reception cohort by area [invented; Stoke-on-Trent well above the national
# ~14% (DOMAIN 2.1: 89,742 of 638,946 in 2019), the two Staffordshire areas below it].
EYQ_FSM_SHARE = {"Stoke-on-Trent": 0.24, "Staffordshire": 0.13, "Staffordshire Moorlands": 0.10}
# Child model [invented]: score in an area = LA-year intercept (calibrated to EYQ_GLD_TARGET)
# + setting level + setting improvement*year + ability (sd 1) + area component (sd EYQ_SIGMA_AREA)
# + area ease - FSM shift (calibrated to EYQ_FSM_GAP_TARGET) if FSM; expected or above if > 0.
# Literacy is the hardest area, as nationally (2019: GLD 71.8, literacy ELGs 73, DOMAIN 2.1 and
# the national ELG figures below).
EYQ_AREAS = ["cl", "psed", "pd", "literacy", "maths"]        # the five GLD areas [DOMAIN 6.3]
EYQ_AREA_EASE = {"cl": 0.26, "psed": 0.60, "pd": 0.70, "literacy": 0.0, "maths": 0.22}
EYQ_SIGMA_AREA = 0.15
# FSM-vs-other GLD gap by area and year [invented: near the national 17-18 points (DOMAIN 2.1)
# at the start, narrowing a little over the project].
EYQ_FSM_GAP_TARGET = {
    "Stoke-on-Trent":          (19.5, 17.8, 16.2),
    "Staffordshire":           (18.2, 17.0, 15.4),
    "Staffordshire Moorlands": (18.8, 17.5, 15.0),
}

# National ELG measures [invented, brief: "around 80%/73%/77%"]: (total %, FSM-vs-other gap).
# FSM/other shares and cohorts are those of the national EYFSP file above.
NATIONAL_ELG = {
    "elg_cl":       {"201617": (79.6, 13.4), "201718": (80.2, 13.5), "201819": (80.5, 13.6)},
    "elg_literacy": {"201617": (72.1, 17.2), "201718": (72.8, 17.4), "201819": (73.0, 17.6)},
    "elg_maths":    {"201617": (76.4, 15.8), "201718": (77.0, 16.0), "201819": (77.3, 16.1)},
}


def eyq_settings():
    out = []
    k = 0
    for alliance, sles, members in EYQ_ALLIANCES:
        assert len(members) == 10
        for j, (name, la, kind, size) in enumerate(members):
            k += 1
            out.append({"id": f"EYQ{k:02d}", "name": name, "la": la, "type": kind,
                        "alliance": alliance, "sle": sles[j // 5], "size": size})
    return out


def eyq_children(settings, rng):
    """{(setting id, year index): [(fsm, ability, {area: component})...]} for Reception settings."""
    cohorts = {}
    fx = {}
    for s in settings:
        if s["type"] != "School reception class":
            continue
        fx[s["id"]] = (rng.gauss(0, 0.25), rng.gauss(0.0, 0.08))
        share = min(0.45, max(0.03, rng.gauss(EYQ_FSM_SHARE[s["la"]], 0.06)))
        for y in range(3):
            n = max(8, s["size"] - rng.randint(0, 4) if s["size"] >= 30 else s["size"] + rng.randint(-4, 3))
            kids = []
            for _ in range(n):
                fsm = rng.random() < share
                kids.append((fsm, rng.gauss(0, 1), {a: rng.gauss(0, EYQ_SIGMA_AREA) for a in EYQ_AREAS}))
            if not any(k[0] for k in kids):        # at least one FSM child (keeps the matrix numeric)
                kids[0] = (True,) + kids[0][1:]
            cohorts[(s["id"], y)] = kids
    return cohorts, fx


def eyq_observations(settings, nat_eyfsp):
    rng = random.Random("boardpack eyqip observations v1")
    cohorts, fx = eyq_children(settings, rng)
    la_of = {s["id"]: s["la"] for s in settings}

    def scores(sid, y, kid, intercept, fsm_shift):
        fsm, ability, comp = kid
        lvl, imp = fx[sid]
        return {a: intercept + lvl + imp * y + ability + comp[a] + EYQ_AREA_EASE[a] -
                (fsm_shift if fsm else 0.0) for a in EYQ_AREAS}

    # Calibrate, per area and year, the intercept (Not FSM GLD) and the FSM shift (FSM GLD) so
    # that the area's GLD and FSM gap follow EYQ_GLD_TARGET and EYQ_FSM_GAP_TARGET.
    calib = {}
    for la in EYQ_LAS:
        for y in range(3):
            members = [(sid, k) for (sid, yy), kids in cohorts.items() if yy == y and la_of[sid] == la
                       for k in kids]
            fsm = [m for m in members if m[1][0]]
            other = [m for m in members if not m[1][0]]
            share = len(fsm) / len(members)
            total, gap = EYQ_GLD_TARGET[la][y], EYQ_FSM_GAP_TARGET[la][y]
            p_other = total + share * gap

            def rate(group, b, f):
                ok = sum(1 for sid, k in group if min(scores(sid, y, k, b, f).values()) > 0)
                return 100.0 * ok / len(group)
            b = bisect(lambda b: rate(other, b, 0.0), p_other, -3, 3)
            f = -bisect(lambda f: rate(fsm, b, -f), p_other - gap, -3, 3)
            calib[(la, y)] = (b, f)

    # counts[(level, area, year, char, measure)] = (cohort, numerator)
    counts = {}
    rows = []
    for s in settings:
        for y, period in enumerate(EYQ_YEARS):
            if s["type"] != "School reception class":
                continue
            tally = {c: {m: [0, 0] for m in EYQ_MEASURES} for c in EYQ_CHARS}
            for kid in cohorts[(s["id"], y)]:
                sc = scores(s["id"], y, kid, *calib[(s["la"], y)])
                flags = {"gld": min(sc.values()) > 0, "elg_cl": sc["cl"] > 0,
                         "elg_literacy": sc["literacy"] > 0, "elg_maths": sc["maths"] > 0}
                for c in ("Total", "FSM" if kid[0] else "Not FSM"):
                    for m in EYQ_MEASURES:
                        tally[c][m][0] += 1
                        tally[c][m][1] += 1 if flags[m] else 0
            for c in EYQ_CHARS:
                for m in EYQ_MEASURES:
                    counts[("Setting", s["id"], period, c, m)] = tuple(tally[c][m])
                    la_key = ("Local authority", s["la"], period, c, m)
                    prev = counts.get(la_key, (0, 0))
                    counts[la_key] = (prev[0] + tally[c][m][0], prev[1] + tally[c][m][1])

    def emit(level, la, sid, period, c, m, cohort, num, project=""):
        country = "England"
        value = pct(num, cohort) if isinstance(cohort, int) else cohort
        rows.append([period, "Academic year", level, country, la, sid, c, m, value, cohort, num, project])

    # National rows: GLD from the national EYFSP file; ELG measures [invented] on the same cohorts.
    nat_item = {"Total": "Total", "FSM": "FSM eligible", "Not FSM": "Not known to be FSM eligible"}
    for period in EYQ_YEARS:
        n_all, _ = nat_eyfsp[period]["Total"]
        n_f, _ = nat_eyfsp[period]["FSM eligible"]
        share = n_f / n_all
        for m in EYQ_MEASURES:
            for c in EYQ_CHARS:
                if m == "gld":
                    n, g = nat_eyfsp[period][nat_item[c]]
                else:
                    total, gap = NATIONAL_ELG[m][period]
                    p_o = total + share * gap
                    n_o = n_all - n_f
                    g_f, g_o = round(n_f * (p_o - gap) / 100), round(n_o * p_o / 100)
                    n, g = {"Total": (n_all, g_f + g_o), "FSM": (n_f, g_f), "Not FSM": (n_o, g_o)}[c]
                emit("National", "", "", period, c, m, n, g)
    for la in EYQ_LAS:
        for period in EYQ_YEARS:
            for m in EYQ_MEASURES:
                for c in EYQ_CHARS:
                    n, g = counts[("Local authority", la, period, c, m)]
                    emit("Local authority", la, "", period, c, m, n, g)
    # The project: every setting of the three areas pooled (what the GLD target is about).
    for period in EYQ_YEARS:
        for m in EYQ_MEASURES:
            for c in EYQ_CHARS:
                n = sum(counts[("Local authority", la, period, c, m)][0] for la in EYQ_LAS)
                g = sum(counts[("Local authority", la, period, c, m)][1] for la in EYQ_LAS)
                emit("Project", "", "", period, c, m, n, g, EYQ_PROJECT)
    for s in settings:
        for period in EYQ_YEARS:
            for m in EYQ_MEASURES:
                for c in EYQ_CHARS:
                    if s["type"] != "School reception class":
                        # No Reception class, so no end-of-Reception assessment: not applicable.
                        emit("Setting", s["la"], s["id"], period, c, m, "z", "z")
                    else:
                        n, g = counts[("Setting", s["id"], period, c, m)]
                        emit("Setting", s["la"], s["id"], period, c, m, n, g)
    return rows


# Delivery activity [seed 001]: 12 half days of SLE support per setting; training with 100%
# positive feedback; network meetings to "buddy up and share good practice"; a later phase of
# visits to strong two-year-old provision. Counts, dates and topics [invented].
EYQ_TRAINING_TOPICS = [
    # topic [seed 001], sessions, half days per session
    ("Communication and Language", 4, 2), ("Literacy", 4, 2), ("Mathematics", 4, 2),
    ("Phonics", 3, 1), ("Characteristics of Effective Learning", 2, 1), ("Early Language", 2, 1),
    ("New to Early Years TAs", 2, 2),
]
EYQ_COACHING_FOCUS = ["Communication and Language", "Literacy", "Mathematics", "Phonics",
                      "Learning environment", "Assessment and moderation",
                      "Characteristics of Effective Learning"]
EYQ_NETWORK_TOPICS = ["Buddying and sharing good practice", "Moderating GLD judgements",
                      "Early reading and phonics", "Maths through play", "Outdoor learning",
                      "Transition to Year 1"]
EYQ_START, EYQ_END = d("2017-09-01"), d("2019-07-19")


def eyq_activities(settings):
    rng = random.Random("boardpack eyqip activities v1")
    rows = []
    sles = sorted({s["sle"] for s in settings})
    # Coaching: 12 half days per setting, as half-day (1) or full-day (2) visits [seed 001].
    for s in settings:
        full_days = rng.randint(1, 5)
        visits = [2] * full_days + [1] * (12 - 2 * full_days)
        rng.shuffle(visits)
        days = sorted(rng.sample(school_days_in(d("2017-09-18"), EYQ_END), len(visits)))
        for day, half in zip(days, visits):
            rows.append([day.isoformat(), s["id"], "coaching", half, rng.randint(1, 4), "", "",
                         s["sle"], rng.choice(EYQ_COACHING_FOCUS)])
    # Training: one row per attending setting per session; participants are that setting's
    # staff; every evaluation form positive except one session at 95% (19 of 20) [seed 001,
    # brief].
    sessions = []
    for topic, n, half in EYQ_TRAINING_TOPICS:
        windows = TERM_WINDOWS[1:]
        picks = sorted(rng.sample(range(len(windows)), n))
        for w in picks:
            a, b = windows[w]
            day = rng.choice([x for x in weekdays_between(d(a), d(b)) if x.weekday() in (1, 2, 3)])
            sessions.append((day, topic, half, rng.choice(sles)))
    sessions.sort()
    dissatisfied_session = 5            # the one session with a single non-positive form
    for k, (day, topic, half, leader) in enumerate(sessions):
        attendees = sorted(rng.sample(settings, rng.randint(6, 11)), key=lambda s: s["id"])
        per = [rng.randint(1, 3) for _ in attendees]
        if k == dissatisfied_session:   # make it exactly 20 participants, all forms returned
            while sum(per) != 20:
                i = rng.randrange(len(per))
                per[i] = max(1, min(4, per[i] + (1 if sum(per) < 20 else -1)))
        for j, (s, p) in enumerate(zip(attendees, per)):
            if k == dissatisfied_session:
                returned = p
                positive = p - 1 if j == 0 else p
            else:
                returned = p if rng.random() < 0.85 else p - 1
                positive = returned
            rows.append([day.isoformat(), s["id"], "training", half, p, positive, returned,
                         leader, topic])
    # Network meetings: each alliance, every term, hosted in turn; one row per attending setting.
    terms = [TERM_WINDOWS[i:i + 2] for i in range(0, 12, 2)]
    for alliance, alliance_sles, _ in EYQ_ALLIANCES:
        members = [s for s in settings if s["alliance"] == alliance]
        for ti, (w1, w2) in enumerate(terms):
            day = rng.choice([x for x in weekdays_between(d(w1[0]), d(w2[1])) if x.weekday() == 3])
            topic = EYQ_NETWORK_TOPICS[ti]
            leader = alliance_sles[ti % 2]
            for s in members:
                if rng.random() < 0.82:
                    rows.append([day.isoformat(), s["id"], "network meeting", 1, rng.randint(1, 2),
                                 "", "", leader, topic])
    # Visits to strong two-year-old provision, summer 2019 [seed 001, "the next phase"].
    hosts = [s for s in settings if s["type"] in ("PVI nursery", "Maintained nursery")]
    for day_s, host in zip(["2019-05-08", "2019-05-22", "2019-06-12", "2019-06-26", "2019-07-10"],
                           rng.sample(hosts, 5)):
        visitors = rng.sample([s for s in settings if s["id"] != host["id"]], rng.randint(3, 5))
        for s in sorted(visitors, key=lambda s: s["id"]):
            rows.append([day_s, s["id"], "visit", 1, rng.randint(1, 2), "", "", host["sle"],
                         f"Two-year-old provision ({host['name']})"])
    rows.sort(key=lambda r: (r[0], r[2], r[1]))
    return rows


EYQ_OBS_HEADER = ["time_period", "time_identifier", "geographic_level", "country_name", "la_name",
                  "setting_id", "characteristic", "measure", "value", "cohort", "numerator",
                  "project_name"]
EYQ_PROJECT = "EYQIP"
EYQ_ACT_HEADER = ["date", "setting_id", "activity", "half_days", "participants", "feedback_positive",
                  "feedback_total", "leader", "topic"]
EYQ_TARGETS_HEADER = ["id", "measure", "characteristic", "comparator", "time_period", "kind", "target"]


def make_eyqip():
    settings = eyq_settings()
    write_csv(os.path.join(EYQ_DIR, "settings.csv"),
              ["setting_id", "setting_name", "la_name", "setting_type", "alliance", "sle"],
              [[s["id"], s["name"], s["la"], s["type"], s["alliance"], s["sle"]] for s in settings])
    write_csv(os.path.join(EYQ_DIR, "observations.csv"), EYQ_OBS_HEADER,
              eyq_observations(settings, eyfsp_national_numbers()))
    write_csv(os.path.join(EYQ_DIR, "activities.csv"), EYQ_ACT_HEADER, eyq_activities(settings))
    # Target [seed 001]: GLD at the end of Reception in line with or above the national average.
    write_csv(os.path.join(EYQ_DIR, "targets.csv"), EYQ_TARGETS_HEADER, [
        ["EYQ-GLD", "gld", "Total", "National", "201819", "at_or_above_comparator", "0"],
        ["EYQ-CL", "elg_cl", "Total", "National", "201819", "at_or_above_comparator", "0"],
        ["EYQ-LIT", "elg_literacy", "Total", "National", "201819", "at_or_above_comparator", "0"],
        ["EYQ-MATHS", "elg_maths", "Total", "National", "201819", "at_or_above_comparator", "0"],
    ])


# ---------------------------------------------------------------------------------------------
# Checks and summary
# ---------------------------------------------------------------------------------------------

# ---------------------------------------------------------------------------------------------
# 4. Early Years Social Mobility Peer Challenge: the 12-month follow-up (samples/peer-challenge)
# ---------------------------------------------------------------------------------------------
# Northmoor is an invented council (no real authority of that name); its figures are [invented]
# to be plausible beside England's: a cohort of about 3,350 children at the end of Reception,
# 14-15% of them known to be eligible for FSM (England 13.8-14.5%, DOMAIN 2.1), GLD a little
# above England for other children and well below it for FSM children, so that the FSM gap
# (23 points in 2016/17) is wider than England's 17 -- the reason a council asks for a peer
# challenge. The challenge [seed 003] was on site in October 2018, after the 2017/18 results;
# the 12-month follow-up mini review in October 2019, after the 2018/19 results, when the gap
# narrowed by about 3.7 points (the council's programme started in spring 2018).
PC_DIR = os.path.join(SAMPLES, "peer-challenge", "data")
PC_LA = "Northmoor"
# period: (FSM children, FSM GLD, FSM comm. & language, other children, other GLD, other C&L)
PC_EYFSP = {
    "201617": (478, 230, 318, 2871, 2047, 2354),
    "201718": (462, 228, 311, 2904, 2091, 2398),
    "201819": (489, 265, 345, 2866, 2095, 2390),
}
PC_OBS_HEADER = ["time_period", "time_identifier", "geographic_level", "country_name", "la_name",
                 "characteristic", "measure", "value", "cohort", "numerator"]
# The council's targets [invented, in the form seed 002 and DfE's Ambition 1 (seed 004) use]:
# the GLD gap at most 15 points by 2020/21, FSM children's GLD at or above FSM children's in
# England by 2020/21, and the communication and language gap halved (15.3 -> at most 7.5) by
# 2020/21, each on a straight line from 2017/18, the year the peer challenge looked at.
PC_TARGETS_HEADER = ["id", "measure", "characteristic", "comparator", "time_period", "kind",
                     "target", "baseline_period"]
PC_TARGETS = [
    ["PC-GLD-GAP", "gld", "FSM", "Not FSM", "202021", "gap_at_most", "15", "201718"],
    ["PC-GLD-ENG", "gld", "FSM", "National", "202021", "at_or_above_comparator", "0", "201718"],
    ["PC-CL-GAP", "comm_lang", "FSM", "Not FSM", "202021", "gap_at_most", "7.5", "201718"],
]
# The EIF maturity matrix [seed 003: the five areas; EIF's tool rates each on four levels,
# Beginning 1, Developing 2, Embedding 3, Mature 4], as the council's partners rated it at the
# peer challenge (Autumn term 2018/19) and at the follow-up (Autumn term 2019/20) [invented].
PC_MATRIX_HEADER = ["time_period", "time_identifier", "geographic_level", "la_name",
                    "characteristic", "measure", "value"]
PC_MATRIX = [  # (measure, at the peer challenge, 12 months later)
    ("eif_leadership", 2, 3),
    ("eif_data", 1, 2),
    ("eif_partnership", 2, 3),
    ("eif_quality", 3, 2),
    ("eif_access", 2, 2),
]
PC_MATRIX_PERIODS = ("201819", "201920")
# The review's recommendations as an action plan [invented; the kinds of action LGA peer
# challenge letters recommend], with progress as at the committee meeting (as_of 2019-12-10):
# statuses then come out Complete, On track, At risk (due within 14 days), Overdue, Not started.
PC_ACTIONS_HEADER = ["action_id", "objective", "action", "owner", "start", "due", "status",
                     "progress", "last_updated", "rag"]
PC_ACTIONS = [
    ["R1", "Leadership", "Agree one early years and school readiness strategy with health, schools and the voluntary sector, with a lead member and a named senior officer", "Director of Children's Services", "2018-11-01", "2019-05-31", "Complete", "Strategy agreed by the Health and Wellbeing Board in May 2019", "2019-05-29", ""],
    ["R2", "Leadership", "Make the FSM gap at the end of Reception a measure in the council plan, reported to this committee twice a year", "Assistant Director, Education", "2018-11-01", "2019-03-31", "Complete", "In the council plan from April 2019; this is the second report", "2019-04-02", ""],
    ["R3", "Data and performance", "Share birth, health visiting and benefit data with early years services to find every family eligible for a funded place for a two-year-old", "Head of Business Intelligence", "2019-01-07", "2020-03-31", "In progress", "Data sharing agreement signed with the NHS trust; first matched list in January", "2019-11-28", ""],
    ["R4", "Data and performance", "Publish a termly early years dashboard by ward and FSM status: the check at age two, take-up of funded places, the EYFS profile", "Head of Business Intelligence", "2019-04-01", "2019-12-20", "In progress", "Two of the three sections built; EYFS profile section awaits the final 2019 data", "2019-12-02", ""],
    ["R5", "Partnership working", "Join the health visitors' review at 2 to 2½ years with the setting's progress check at age two in every locality", "Head of Early Help", "2019-01-07", "2019-09-30", "In progress", "Running in three of the five localities", "2019-11-15", ""],
    ["R6", "Quality of early years services and provision", "Train staff in the settings with the most funded two-year-olds in early language and communication", "Early Years Quality Manager", "2019-02-04", "2020-07-31", "In progress", "41 of 64 settings trained", "2019-11-29", ""],
    ["R7", "Quality of early years services and provision", "Visit each setting judged to require improvement every term, with an agreed improvement plan", "Early Years Quality Manager", "2019-09-02", "2020-07-31", "In progress", "Two large nurseries judged to require improvement in September are now on plans", "2019-12-03", "Amber"],
    ["R8", "Access to targeted support", "Agree a speech, language and communication pathway with the NHS therapy service so that a child referred is seen within 12 weeks", "Head of Early Help", "2019-03-04", "2020-04-30", "In progress", "Pathway drafted; waiting times still 18 weeks", "2019-11-20", ""],
    ["R9", "Access to targeted support", "Raise take-up of funded places for two-year-olds from 68% to 80% through the family hubs and home visits", "Head of Early Years", "2020-01-06", "2020-08-31", "Not started", "", "2019-12-02", ""],
]


def pc_observations():
    rows = []
    for period, (nf, gf, cf, no, go, co) in sorted(PC_EYFSP.items()):
        for group, n, g, c in (("FSM", nf, gf, cf), ("Not FSM", no, go, co),
                               ("Total", nf + no, gf + go, cf + co)):
            for measure, num in (("gld", g), ("comm_lang", c)):
                rows.append([period, "Academic year", "Local authority", "England", PC_LA, group,
                             measure, pct(num, n), n, num])
    return rows


def make_peer_challenge():
    write_csv(os.path.join(PC_DIR, "observations.csv"), PC_OBS_HEADER, pc_observations())
    write_csv(os.path.join(PC_DIR, "maturity_matrix.csv"), PC_MATRIX_HEADER, [
        [period, "Autumn term", "Local authority", PC_LA, "Total", measure, rating]
        for i, period in enumerate(PC_MATRIX_PERIODS) for measure, *ratings in PC_MATRIX
        for rating in (ratings[i],)])
    write_csv(os.path.join(PC_DIR, "targets.csv"), PC_TARGETS_HEADER, PC_TARGETS)
    write_csv(os.path.join(PC_DIR, "actions.csv"), PC_ACTIONS_HEADER, PC_ACTIONS)


def check_peer_challenge(summary):
    """The peer-challenge files and the national communication and language file."""
    name = "eyfsp_comm_lang_characteristics"
    p = os.path.join(NAT_DIR, name + ".csv")
    rows = expect_header(p, EYFSP_CL_HEADER)
    meta = expect_header(os.path.join(NAT_DIR, name + ".meta.csv"), META_HEADER)
    assert set(EYFSP_CL_HEADER[5:]) == {m["col_name"] for m in meta} | {"breakdown_topic"}
    summary += [(p, len(rows)), (os.path.join(NAT_DIR, name + ".meta.csv"), len(meta))]
    gld = {(r[0], r[6]): r for r in read(os.path.join(NAT_DIR, "eyfsp_gld_characteristics.csv"))[1]}
    by = {}
    for r in rows:
        check_obs_row(p, r, "comm_lang_percentage", "children_number", "comm_lang_number")
        assert r["children_number"] == gld[(r["time_period"], r["breakdown"])][8], r
        by[(r["time_period"], r["breakdown"])] = r
    f, o = by[("201516", "FSM eligible")], by[("201516", "Not known to be FSM eligible")]
    assert (f["comm_lang_percentage"], o["comm_lang_percentage"]) == ("71.2", "83.3")
    obs = expect_header(os.path.join(PC_DIR, "observations.csv"), PC_OBS_HEADER)
    for r in obs:
        check_obs_row(os.path.join(PC_DIR, "observations.csv"), r)
    mat = expect_header(os.path.join(PC_DIR, "maturity_matrix.csv"), PC_MATRIX_HEADER)
    assert {int(r["value"]) for r in mat} <= {1, 2, 3, 4} and len(mat) == 10
    acts = expect_header(os.path.join(PC_DIR, "actions.csv"), PC_ACTIONS_HEADER)
    tgts = expect_header(os.path.join(PC_DIR, "targets.csv"), PC_TARGETS_HEADER)
    summary += [(os.path.join(PC_DIR, f), n) for f, n in (
        ("observations.csv", len(obs)), ("maturity_matrix.csv", len(mat)),
        ("actions.csv", len(acts)), ("targets.csv", len(tgts)))]
    print("\nPeer challenge (Northmoor): GLD and communication and language, FSM / Not FSM (gap)")
    for period, (nf, gf, cf, no, go, co) in sorted(PC_EYFSP.items()):
        print(f"  {period[:4]}/{period[4:]}  GLD {100 * gf / nf:5.1f} / {100 * go / no:5.1f} "
              f"({100 * go / no - 100 * gf / nf:4.1f})   C&L {100 * cf / nf:5.1f} / {100 * co / no:5.1f} "
              f"({100 * co / no - 100 * cf / nf:4.1f})")


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        raw = f.read()
    assert not raw.startswith("\ufeff"), f"{path}: BOM"
    assert "\r" not in raw, f"{path}: CR line ends"
    rows = list(csv.reader(raw.splitlines()))
    return rows[0], rows[1:]


def expect_header(path, header):
    got, rows = read(path)
    assert got == header, f"{path}: header {got} != {header}"
    return [dict(zip(header, r)) for r in rows]


def is_num(x):
    try:
        float(x)
        return True
    except ValueError:
        return False


SYMBOLS = {"c", "x", "z", "low", "k", "u"}


def check_obs_row(path, r, value_col="value", cohort_col="cohort", num_col="numerator",
                  percent=True):
    v = r[value_col]
    assert is_num(v) or v in SYMBOLS, f"{path}: bad value {r}"
    if percent and is_num(v):
        assert 0 <= float(v) <= 100, f"{path}: percentage out of range {r}"
    if cohort_col and r.get(cohort_col, ""):
        c = r[cohort_col]
        assert c in SYMBOLS or (c.isdigit()), f"{path}: cohort {r}"
    if num_col and r.get(num_col, "") and r[num_col] not in SYMBOLS:
        assert int(r[num_col]) <= int(r[cohort_col]), f"{path}: numerator > cohort {r}"
        assert pct(int(r[num_col]), int(r[cohort_col])) == v, f"{path}: % != num/cohort {r}"


def check_all():
    summary = []
    problems = 0

    # ---- Tracking for Success ----
    p = os.path.join(TFS_DIR, "settings.csv")
    settings = expect_header(p, ["setting_id", "setting_name", "la_name", "setting_type", "coach"])
    assert len(settings) == 52 and len({s["setting_id"] for s in settings}) == 52
    assert len({s["setting_name"] for s in settings}) == 52
    assert len({s["la_name"] for s in settings}) == 6
    assert {s["setting_type"] for s in settings} <= {"PVI nursery", "Maintained nursery school",
                                                      "School nursery class", "Childminder network"}
    summary.append((p, len(settings)))
    sids = {s["setting_id"] for s in settings}
    la_of = {s["setting_id"]: s["la_name"] for s in settings}

    p = os.path.join(TFS_DIR, "records.csv")
    recs = expect_header(p, TFS_RECORDS_HEADER)
    summary.append((p, len(recs)))
    keys = set()
    flags = {}
    terms = set(TFS_TERMS)
    for r in recs:
        k = (r["child_id"], r["time_period"], r["time_identifier"], r["area_of_learning"])
        assert k not in keys, f"duplicate record {k}"
        keys.add(k)
        assert r["setting_id"] in sids
        assert (r["time_period"], r["time_identifier"]) in terms
        assert r["area_of_learning"] in TFS_AREAS
        assert r["judgement"] in ("emerging", "expected", "exceeding")
        assert r["disadvantaged"] in "YN" and r["funded_two"] in "YN" and r["eal"] in "YN"
        assert r["send"] in ("N", "SEN support", "EHCP") and r["sex"] in "FM"
        f = (r["setting_id"], r["disadvantaged"], r["funded_two"], r["send"], r["eal"], r["sex"])
        assert flags.setdefault(r["child_id"], f) == f, f"flags change for {r['child_id']}"
    n_children = len(flags)
    # Every present child-term has all seven areas.
    per_ct = Counter((r["child_id"], r["time_period"], r["time_identifier"]) for r in recs)
    assert set(per_ct.values()) == {7}
    # Project figures.
    ok = defaultdict(lambda: [0, 0])          # (term, area, dis) -> [ok, n]
    gld = defaultdict(lambda: defaultdict(set))
    for r in recs:
        t = (r["time_period"], r["time_identifier"])
        good = r["judgement"] != "emerging"
        ok[(t, r["area_of_learning"], r["disadvantaged"])][0] += good
        ok[(t, r["area_of_learning"], r["disadvantaged"])][1] += 1
        if r["area_of_learning"] in GLD_AREAS:
            gld[t][r["child_id"]].add(good)
    dis_of = {c: f[1] for c, f in flags.items()}
    setting_of = {c: f[0] for c, f in flags.items()}
    print("\nTracking for Success: % at expected or above, Disadvantaged / Not disadvantaged (gap)")
    print(f"{'term':<22}" + "".join(f"{a[:19]:>20} " for a in TFS_AREAS + ["gld"]))
    tfs_fig = {}
    for t in TFS_TERMS:
        line = f"{t[0] + ' ' + t[1]:<22}"
        for a in TFS_AREAS:
            dd, nn = ok[(t, a, "Y")], ok[(t, a, "N")]
            pd_, pn = 100 * dd[0] / dd[1], 100 * nn[0] / nn[1]
            tfs_fig[(t, a)] = (pd_, pn)
            line += f"{pd_:6.1f} /{pn:5.1f} ({pn - pd_:4.1f})"
        g = {"Y": [0, 0], "N": [0, 0]}
        for c, s in gld[t].items():
            g[dis_of[c]][0] += s == {True}
            g[dis_of[c]][1] += 1
        pd_, pn = 100 * g["Y"][0] / g["Y"][1], 100 * g["N"][0] / g["N"][1]
        tfs_fig[(t, "gld")] = (pd_, pn)
        line += f"{pd_:6.1f} /{pn:5.1f} ({pn - pd_:4.1f})"
        print(line)
    end, base = TFS_TERMS[-1], TFS_TERMS[0]
    gd, gn = tfs_fig[(end, "gld")]
    assert 54 <= gd <= 60 and 70 <= gn <= 76, f"GLD summer 2019 {gd:.1f} vs {gn:.1f}"
    # Settings: disadvantaged counts, and GLD gap spread in summer 2019.
    dis_count = Counter(setting_of[c] for c, f in flags.items() if f[1] == "Y")
    all_count = Counter(setting_of[c] for c in flags)
    share = sum(dis_count.values()) / n_children
    eal = sum(1 for f in flags.values() if f[4] == "Y") / n_children
    sen = Counter(f[3] for f in flags.values())
    fund_dis = sum(1 for f in flags.values() if f[1] == "Y" and f[2] == "Y") / sum(dis_count.values())
    fund_non = sum(1 for f in flags.values() if f[1] == "N" and f[2] == "Y") / (n_children - sum(dis_count.values()))
    print(f"children {n_children}; disadvantaged {100 * share:.1f}%; EAL {100 * eal:.1f}%; "
          f"SEN support {100 * sen['SEN support'] / n_children:.1f}%, EHCP {100 * sen['EHCP'] / n_children:.1f}%; "
          f"funded two: {100 * fund_dis:.0f}% of disadvantaged, {100 * fund_non:.0f}% of others")
    print(f"settings with fewer than 5 disadvantaged children: "
          f"{sorted(s for s in sids if dis_count[s] < 5)}; children per setting "
          f"{min(all_count.values())}-{max(all_count.values())}")
    assert 0.46 <= share <= 0.54
    # Per setting: change in the gap (% expected or above, all seven areas pooled) from the
    # baseline to summer 2019. With ~10 children a group, chance moves a setting's gap by about
    # 10 points either way, on top of its designed effect.
    pooled = defaultdict(lambda: [0, 0])
    for r in recs:
        t = (r["time_period"], r["time_identifier"])
        if t in (base, end):
            k = (r["setting_id"], t, r["disadvantaged"])
            pooled[k][0] += r["judgement"] != "emerging"
            pooled[k][1] += 1
    gaps = []
    for sid in sorted(sids):
        g = [100 * pooled[(sid, t, "N")][0] / pooled[(sid, t, "N")][1] -
             100 * pooled[(sid, t, "Y")][0] / pooled[(sid, t, "Y")][1] for t in (base, end)]
        gaps.append((g[1] - g[0], sid))
    gaps.sort()
    print(f"change in a setting's gap (all areas pooled), baseline to summer 2019 (ppts): narrowest "
          f"{', '.join(f'{s} {v:+.0f}' for v, s in gaps[:3])}; widest "
          f"{', '.join(f'{s} {v:+.0f}' for v, s in gaps[-3:])}; narrowed by 10+ in "
          f"{sum(1 for v, _ in gaps if v <= -10)}, widened in {sum(1 for v, _ in gaps if v > 0)} of {len(gaps)}")

    p = os.path.join(TFS_DIR, "indicators.csv")
    ind = expect_header(p, TFS_INDICATORS_HEADER)
    summary.append((p, len(ind)))
    byk = {}
    sums = defaultdict(lambda: [0, 0])     # aggregate key -> [k, n] rebuilt from the setting rows
    for r in ind:
        lvl = r["geographic_level"]
        area = {"Setting": r["setting_id"], "Local authority": r["la_name"], "Project": "Project"}[lvl]
        k = (r["time_period"], r["time_identifier"], lvl, area, r["characteristic"], r["measure"])
        assert k not in byk, k
        byk[k] = r
        check_obs_row(p, r, num_col=None)
        if lvl == "Setting":
            assert la_of[r["setting_id"]] == r["la_name"]
            den = int(r["cohort"]) if r["measure"] == "parents_engaged" else AUDIT_CRITERIA
            num = round(float(r["value"]) * den / 100)
            assert pct(num, den) == r["value"]
            for agg in (("Local authority", r["la_name"]), ("Project", "Project")):
                sk = (r["time_period"], r["time_identifier"]) + agg + (r["characteristic"], r["measure"])
                sums[sk][0] += num
                sums[sk][1] += den
        elif lvl == "Local authority":
            assert r["la_name"] in set(la_of.values()) and not r["setting_id"]
        else:
            assert lvl == "Project" and not r["la_name"] and not r["setting_id"]
            assert r["project_name"] == TFS_PROJECT
    assert {k for k in byk if k[2] != "Setting"} == set(sums)
    for sk, (num, den) in sums.items():
        r = byk[sk]
        assert r["value"] == pct(num, den), (sk, r["value"], num, den)
        assert r["cohort"] == (str(den) if sk[-1] == "parents_engaged" else ""), sk
    for (tp, ti, lvl, area, ch, m), r in byk.items():
        if m == "parents_engaged" and ch == "Total":
            a_ = byk[(tp, ti, lvl, area, "Disadvantaged", m)]
            b_ = byk[(tp, ti, lvl, area, "Not disadvantaged", m)]
            assert int(a_["cohort"]) + int(b_["cohort"]) == int(r["cohort"])
    print("parents engaged (project, %): " + "; ".join(
        f"{ti.split()[0]} {tp[2:4]}/{tp[4:]} D {byk[(tp, ti, 'Project', 'Project', 'Disadvantaged', 'parents_engaged')]['value']}"
        f" N {byk[(tp, ti, 'Project', 'Project', 'Not disadvantaged', 'parents_engaged')]['value']}"
        for tp, ti in TFS_TERMS[1:]))
    print("provision quality (project, % of criteria met): " + ", ".join(
        byk[(tp, ti, "Project", "Project", "Total", "provision_quality")]["value"] for tp, ti in TFS_TERMS[1:]))

    p = os.path.join(TFS_DIR, "targets.csv")
    tg = expect_header(p, TFS_TARGETS_HEADER)
    assert len({r["id"] for r in tg}) == len(tg)
    summary.append((p, len(tg)))

    p = os.path.join(TFS_DIR, "actions.csv")
    acts = expect_header(p, TFS_ACTIONS_HEADER)
    summary.append((p, len(acts)))
    assert len({a["action_id"] for a in acts}) == len(acts)
    per = Counter(a["setting_id"] for a in acts)
    assert set(per) == sids and min(per.values()) >= 6 and max(per.values()) <= 12
    st = Counter()
    for a in acts:
        assert a["objective"] in TFS_ACTION_BANK and a["status"] in ("Complete", "In progress", "Not started")
        s_, du, up = d(a["start"]), d(a["due"]), d(a["last_updated"])
        assert d("2017-09-01") <= s_ <= du <= d("2019-12-31") and up <= TFS_AS_OF
        assert a["action_id"].startswith(a["setting_id"] + "-A")
        if a["status"] == "Complete":
            st["Complete"] += 1
        elif du < TFS_AS_OF:
            st["Overdue"] += 1
        elif du <= TFS_AS_OF + dt.timedelta(days=14):
            st["At risk (due 1-14 Aug 2019)"] += 1
        elif a["status"] == "Not started":
            st["Not started"] += 1
        else:
            st["On track"] += 1
    print("actions as of 31 July 2019: " + ", ".join(f"{k} {v}" for k, v in st.items()))

    p = os.path.join(TFS_DIR, "quotes.csv")
    q = expect_header(p, ["setting_id", "quote", "attribution"])
    assert 8 <= len(q) <= 10 and all(r["setting_id"] in sids for r in q)
    summary.append((p, len(q)))

    # ---- EYQIP ----
    p = os.path.join(EYQ_DIR, "settings.csv")
    es = expect_header(p, ["setting_id", "setting_name", "la_name", "setting_type", "alliance", "sle"])
    summary.append((p, len(es)))
    assert len(es) == 50 and len({s["setting_id"] for s in es}) == 50
    assert {s["la_name"] for s in es} == set(EYQ_LAS)
    assert Counter(s["sle"] for s in es).most_common()[-1][1] == 5 and len({s["sle"] for s in es}) == 10
    assert {s["alliance"] for s in es} == {"Britannia", "Blackfriars", "Hempstalls", "C2C", "Painsley"}
    esids = {s["setting_id"]: s for s in es}

    p = os.path.join(EYQ_DIR, "observations.csv")
    obs = expect_header(p, EYQ_OBS_HEADER)
    summary.append((p, len(obs)))
    seen = {}
    for r in obs:
        area = r["setting_id"] or r["la_name"] or r["project_name"] or r["country_name"]
        assert (r["geographic_level"] == "Project") == (r["project_name"] == EYQ_PROJECT)
        k = (r["time_period"], r["geographic_level"], area, r["characteristic"], r["measure"])
        assert k not in seen, k
        seen[k] = r
        check_obs_row(p, r)
        if r["geographic_level"] == "Setting":
            assert esids[r["setting_id"]]["la_name"] == r["la_name"]
    # Totals = FSM + Not FSM; LA = sum of settings; GLD <= each ELG measure.
    sums = defaultdict(lambda: [0, 0])
    for (tp, lvl, area, ch, m), r in seen.items():
        if r["cohort"] in SYMBOLS:
            continue
        if ch == "Total":
            a, b = seen[(tp, lvl, area, "FSM", m)], seen[(tp, lvl, area, "Not FSM", m)]
            assert int(a["cohort"]) + int(b["cohort"]) == int(r["cohort"])
            assert int(a["numerator"]) + int(b["numerator"]) == int(r["numerator"])
        if m != "gld":
            assert int(r["numerator"]) >= int(seen[(tp, lvl, area, ch, "gld")]["numerator"])
        if lvl == "Setting":
            sums[(tp, esids[area]["la_name"], ch, m)][0] += int(r["cohort"])
            sums[(tp, esids[area]["la_name"], ch, m)][1] += int(r["numerator"])
    for (tp, la, ch, m), (n, g) in sums.items():
        r = seen[(tp, "Local authority", la, ch, m)]
        assert (int(r["cohort"]), int(r["numerator"])) == (n, g), (tp, la, ch, m)
        pr = seen[(tp, "Project", EYQ_PROJECT, ch, m)]
        assert int(pr["cohort"]) == sum(n for (tp2, _, ch2, m2), (n, _) in sums.items()
                                        if (tp2, ch2, m2) == (tp, ch, m)), (tp, ch, m)
    small = sum(1 for (tp, lvl, area, ch, m), r in seen.items()
                if lvl == "Setting" and m == "gld" and r["cohort"] not in SYMBOLS and int(r["cohort"]) < 5)
    print(f"\nEYQIP: setting GLD cells with a cohort of 1-4 (engine suppresses): {small}")
    print(f"{'GLD % (cohort)':<26}" + "".join(f"{y[:4] + '/' + y[4:]:>16}" for y in EYQ_YEARS))
    for area, lvl in [("England", "National")] + [(la, "Local authority") for la in EYQ_LAS]:
        line = f"{area:<26}"
        for y in EYQ_YEARS:
            r = seen[(y, lvl, area, "Total", "gld")]
            line += f"{r['value']:>7} ({int(r['cohort']):>6})"
        print(line)
    print(f"{'2018/19 by measure':<26}" + "".join(f"{m:>14}" for m in EYQ_MEASURES))
    for area, lvl in [("England", "National")] + [(la, "Local authority") for la in EYQ_LAS]:
        print(f"{area:<26}" + "".join(f"{seen[('201819', lvl, area, 'Total', m)]['value']:>14}"
                                        for m in EYQ_MEASURES))
    print("FSM gap in GLD (ppts), 2016/17 -> 2018/19: " + "; ".join(
        f"{area} " + " -> ".join(
            f"{float(seen[(y, lvl, area, 'Not FSM', 'gld')]['value']) - float(seen[(y, lvl, area, 'FSM', 'gld')]['value']):.1f}"
            for y in (EYQ_YEARS[0], EYQ_YEARS[-1]))
        for area, lvl in [("England", "National")] + [(la, "Local authority") for la in EYQ_LAS]))

    p = os.path.join(EYQ_DIR, "activities.csv")
    act = expect_header(p, EYQ_ACT_HEADER)
    summary.append((p, len(act)))
    coach = Counter()
    fb = defaultdict(lambda: [0, 0])
    for r in act:
        assert r["setting_id"] in esids and r["activity"] in ("coaching", "training", "network meeting", "visit")
        day = d(r["date"])
        assert day.weekday() < 5
        if r["activity"] == "coaching":
            assert EYQ_START <= day <= EYQ_END and r["leader"] == esids[r["setting_id"]]["sle"]
            coach[r["setting_id"]] += int(r["half_days"])
        if r["feedback_total"]:
            assert int(r["feedback_positive"]) <= int(r["feedback_total"]) <= int(r["participants"])
            fb[(r["date"], r["topic"])][0] += int(r["feedback_positive"])
            fb[(r["date"], r["topic"])][1] += int(r["feedback_total"])
    assert set(coach) == set(esids) and set(coach.values()) == {12}, coach
    rates = sorted(100 * a / b for a, b in fb.values())
    kinds = Counter(r["activity"] for r in act)
    print(f"activities: {dict(kinds)}; coaching half days per setting: {sorted(set(coach.values()))}; "
          f"training sessions {len(fb)}, positive feedback {rates[0]:.0f}% (lowest session) to {rates[-1]:.0f}%")

    p = os.path.join(EYQ_DIR, "targets.csv")
    summary.append((p, len(expect_header(p, EYQ_TARGETS_HEADER))))

    # ---- National ----
    for name, header, count_col, num_col, pct_col, items, published in (
            ("eyfsp_gld_characteristics", EYFSP_HEADER, "children_number", "gld_number", "gld_percentage",
             ("FSM eligible", "Not known to be FSM eligible"), EYFSP_PUBLISHED),
            ("ks2_rwm_disadvantaged", KS2_HEADER, "pupil_count", "rwm_expected_number",
             "rwm_expected_percentage", ("Disadvantaged", "Not disadvantaged"), KS2_PUBLISHED)):
        p = os.path.join(NAT_DIR, name + ".csv")
        rows = expect_header(p, header)
        summary.append((p, len(rows)))
        meta = expect_header(os.path.join(NAT_DIR, name + ".meta.csv"), META_HEADER)
        summary.append((os.path.join(NAT_DIR, name + ".meta.csv"), len(meta)))
        described = {m["col_name"] for m in meta} | {"breakdown_topic"}
        assert set(header[5:]) == described, (set(header[5:]), described)
        by = {}
        for r in rows:
            k = (r["time_period"], r["breakdown"], r["sex"])
            assert k not in by
            by[k] = r
            assert r["country_code"] == "E92000001" and r["time_identifier"] == "Academic year"
            check_obs_row(p, r, pct_col, count_col, num_col)
        for (tp, br, sx), r in by.items():
            if br != "Total":
                continue
            a, b = by[(tp, items[0], sx)], by[(tp, items[1], sx)]
            assert int(a[count_col]) + int(b[count_col]) == int(r[count_col])
            assert int(a[num_col]) + int(b[num_col]) == int(r[num_col])
            pa, pb = 100 * int(a[num_col]) / int(a[count_col]), 100 * int(b[num_col]) / int(b[count_col])
            pub = published[tp]
            if name.startswith("eyfsp"):
                tot, f, o, gap = pub
                assert r[pct_col] == f"{tot:.1f}", (tp, r[pct_col], tot)
                assert round(pa) == f, (tp, pa, f)
                assert o is None or round(pb) == o, (tp, pb, o)
                assert gap is None or round(pb - pa, 1) == gap, (tp, pb - pa, gap)
            else:
                f, o, tot, gap = pub
                assert (round(pa), round(pb), round(float(r[pct_col]))) == (f, o, tot), (tp, pa, pb)
                assert gap is None or round(pb - pa) == gap, (tp, pb - pa, gap)
        print(f"{name}: " + "; ".join(
            f"{tp[:4]}/{tp[4:]} {by[(tp, items[0], 'Total')][pct_col]} vs {by[(tp, items[1], 'Total')][pct_col]}"
            f" (all {by[(tp, 'Total', 'Total')][pct_col]})" for tp in sorted({k[0] for k in by})))
    # EYQIP National rows = national file.
    for r in obs:
        if r["geographic_level"] == "National" and r["measure"] == "gld":
            item = {"Total": "Total", "FSM": "FSM eligible", "Not FSM": "Not known to be FSM eligible"}[r["characteristic"]]
            nr = next(x for x in read(os.path.join(NAT_DIR, "eyfsp_gld_characteristics.csv"))[1]
                      if x[0] == r["time_period"] and x[6] == item)
            assert (r["cohort"], r["numerator"], r["value"]) == (nr[8], nr[9], nr[10])
    check_peer_challenge(summary)
    p = os.path.join(NAT_DIR, "README.md")
    summary.append((p, None))

    print("\nfile                                                        rows")
    for path, n in summary:
        print(f"{os.path.relpath(path, os.path.dirname(SAMPLES)):<58}{'' if n is None else n:>8}")
    return problems


def main():
    if "--check" not in sys.argv[1:]:
        make_national()
        make_tfs()
        make_eyqip()
        make_peer_challenge()
    check_all()
    print("\nall checks passed")


if __name__ == "__main__":
    main()
