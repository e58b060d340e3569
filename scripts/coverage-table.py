#!/usr/bin/env python3
"""Prints line coverage per production assembly, merged from the cobertura files of every test project.

Usage: scripts/coverage-table.py [FOLDER]   (default: TestResults/coverage)

A line is covered when any test project's run hit it: hits are merged per source line, not percentages averaged.
Test assemblies and fixtures (sources under Tests/) are left out.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))


def source_path(filename, sources):
    """The file's path relative to the repository, from coverlet's relative name and its <source> roots."""
    if not os.path.isabs(filename):
        candidates = [os.path.join(source, filename) for source in sources] or [filename]
        filename = next((c for c in candidates if os.path.exists(c)), candidates[0])
    return os.path.relpath(os.path.realpath(filename), ROOT)


def is_test_code(path):
    return path.startswith("Tests" + os.sep) or path.startswith(".." + os.sep)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "TestResults", "coverage")
    reports = sorted(glob.glob(os.path.join(folder, "*.cobertura*.xml")))
    if not reports:
        print(f"No coverage: no cobertura file in {folder}.")
        return

    hits = {}  # assembly -> {(source file, line number): covered}
    test_assemblies = set()
    for report in reports:
        try:
            coverage = ET.parse(report).getroot()
        except ET.ParseError as error:
            print(f"Skipping {os.path.basename(report)}: {error}")
            continue
        sources = [s.text or "" for s in coverage.iter("source")]
        for package in coverage.iter("package"):
            assembly = package.get("name")
            lines = hits.setdefault(assembly, {})
            for cls in package.iter("class"):
                path = source_path(cls.get("filename"), sources)
                if is_test_code(path):
                    test_assemblies.add(assembly)
                for line in cls.iter("line"):
                    key = (path, int(line.get("number")))
                    lines[key] = lines.get(key, False) or int(line.get("hits")) > 0

    rows = []
    for assembly, lines in sorted(hits.items(), key=lambda item: item[0].lower()):
        if assembly in test_assemblies or assembly.endswith(".Tests") or not lines:
            continue
        rows.append((assembly, len(lines), sum(lines.values())))

    def percent(covered, total):
        return f"{100.0 * covered / total:.1f}%" if total else "-"

    total_lines = sum(r[1] for r in rows)
    total_covered = sum(r[2] for r in rows)
    table = [("ASSEMBLY", "LINES", "COVERED", "LINE %")]
    table += [(name, str(n), str(c), percent(c, n)) for name, n, c in rows]
    table.append(("TOTAL", str(total_lines), str(total_covered), percent(total_covered, total_lines)))
    widths = [max(len(row[i]) for row in table) for i in range(4)]

    print(f"Line coverage of the code run in the test processes, merged from {len(reports)} cobertura files:")
    for row in table:
        print(f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]:>{widths[3]}}")


if __name__ == "__main__":
    main()
