#!/usr/bin/env python3
"""Writes the CLoTH-shaped replay files of benchmark cases F, G, H (Benchmarks/replay/*.csv).

Each file is a CLoTH payments.csv (id,sender_id,receiver_id,amount,start_time; msat, ms): sender and
receiver drawn uniformly (distinct) among node ids 0 .. 5999 of the ln-like graph, one payment
every 100 ms (10 per second, as cases A-C). Python's random with a fixed seed: the committed files
are the inputs; this script only documents how they were made.
Usage: Scripts/make-bench-replay.py   (run from the repository root)
"""
import random

NODES = 6000
CASES = [("F-cloth-10k-sat.csv", 2000, 10_000_000, 11),
         ("G-cloth-100k-sat.csv", 2000, 100_000_000, 12),
         ("H-cloth-100-sat.csv", 5000, 100_000, 13)]

for name, count, amount_msat, seed in CASES:
    rng = random.Random(seed)
    with open(f"Benchmarks/replay/{name}", "w") as f:
        f.write("id,sender_id,receiver_id,amount,start_time\n")
        for i in range(count):
            s = rng.randrange(NODES)
            r = rng.randrange(NODES - 1)
            if r >= s:
                r += 1
            f.write(f"{i},{s},{r},{amount_msat},{i * 100}\n")
