#!/usr/bin/env python3
"""Sums the TRX reports of a test run and prints the final 'N passed, N failed' line the CI reader expects."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

results = sys.argv[1]
passed = failed = 0
files = glob.glob(os.path.join(results, "**", "*.trx"), recursive=True)
for path in files:
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        failed += 1
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
if len(files) < 2:
    failed += 2 - len(files)
    print(f"count-trx: expected 2 TRX reports, found {len(files)} (a test host crashed?)", file=sys.stderr)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
