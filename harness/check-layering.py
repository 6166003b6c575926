#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The layering rule of the C++ code of the series (see
Documentation/cpp/coding-guidelines.rst):

1. Driver code (samples/, drivers/) never names namespace bindings: all
   raw interaction with C is in the support library, cpp/.
2. In cpp/, every raw call into C (bindings::name(...)) and every
   reinterpret_cast or const_cast comes after a "// SAFETY:" comment in
   the same run of lines: the comment may cover the statements that
   follow it up to the next blank line or brace.

    check-layering.py CPP_DIR [DRIVER_DIR...]

CPP_DIR is the kernel's cpp/ (or its mirror, rust-equivalent-cpp/); the
DRIVER_DIRs hold driver code (samples/, drivers/).

Prints each violation as file:line: text, and a summary; exit 1 if any.
"""
import os
import re
import sys

RAW = re.compile(r"\bbindings::[A-Za-z_][A-Za-z0-9_]*\s*\(|\b(reinterpret_cast|const_cast)\s*<")
BINDINGS = re.compile(r"\bbindings::")


def strip_strings(line):
    return re.sub(r'"(\\.|[^"\\])*"', '""', line)


def cpp_files(base):
    for d, _, files in os.walk(base):
        for f in sorted(files):
            if f.endswith((".cpp", ".hpp")):
                yield os.path.join(d, f)


def main():
    root = sys.argv[1]
    bad = []
    checked = 0
    for top in sys.argv[2:]:
        for path in cpp_files(top):
            checked += 1
            for n, line in enumerate(open(path), 1):
                code = strip_strings(line.split("//")[0])
                if BINDINGS.search(code):
                    bad.append("%s:%d: driver code uses bindings:: directly: %s"
                               % (path, n, line.strip()))
    calls = 0
    for path in cpp_files(root):
        rel = os.path.relpath(path, root)
        # The layout proof and the bindings test's symbol are C data.
        if rel.startswith("bindings/") or rel.startswith("kunit_long_symbol"):
            continue
        checked += 1
        lines = open(path).read().split("\n")
        for i, line in enumerate(lines):
            code = strip_strings(line.split("//")[0])
            if line.lstrip().startswith(("*", "/*")):
                continue  # a comment
            if not RAW.search(code):
                continue
            calls += 1
            j = i - 1
            ok = "// SAFETY:" in line
            while not ok and j >= 0:
                prev = lines[j].strip()
                if "// SAFETY:" in prev:
                    ok = True
                    break
                if not prev or prev.endswith("{") or prev == "}" or prev.endswith("};"):
                    break
                j -= 1
            if not ok:
                bad.append("%s:%d: raw call or cast without a // SAFETY: comment: %s"
                           % (rel, i + 1, line.strip()))
    for b in bad:
        print(b)
    print("layering: %d C++ files, %d raw calls and casts in cpp/, %d violations"
          % (checked, calls, len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
