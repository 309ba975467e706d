"""Prints the time of each module's unit tests (surefire) and integration tests (failsafe), from their reports."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else "."
for module in sorted(os.listdir(root)):
    for kind, folder in (("unit", "surefire-reports"), ("integration", "failsafe-reports")):
        total, count = 0.0, 0
        for report in glob.glob(os.path.join(root, module, "target", folder, "TEST-*.xml")):
            try:
                suite = ET.parse(report).getroot()
            except ET.ParseError:
                continue
            total += float(suite.get("time", "0") or 0)
            count += int(suite.get("tests", "0") or 0)
        if count:
            print("  maven {:<12} {:<14} {:>6.0f} s  ({} tests)".format(kind, module, total, count))
