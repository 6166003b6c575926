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
3. A function with a precondition that the compiler cannot check (a
   "Safety:" paragraph in its comment) has a name that ends in
   _unchecked, and every call of such a function, in cpp/ and in driver
   code alike, comes after a "// SAFETY:" comment in the same way.

    check-layering.py CPP_DIR [DRIVER_DIR...]

CPP_DIR is the kernel's cpp/ (or its mirror, rust-equivalent-cpp/); the
DRIVER_DIRs hold driver code (samples/, drivers/).

Prints each violation as file:line: text, and a summary; exit 1 if any.
"""
import os
import re
import sys

UNCHECKED = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*_unchecked)\s*[(<]")
# The declaration of an _unchecked function (a return type, then the
# name), not a call.
UNCHECKED_DECL = re.compile(
    r"^\s*(?:\[\[[^\]]*\]\]\s*)*(?:(?:static|constexpr|inline|explicit|consteval)\s+)*"
    r"(?:[A-Za-z_][\w:<>,]*(?:\s*<[^=()]*>)?[\s*&]+)+[A-Za-z_]\w*_unchecked\s*\(")
DECL_NAME = re.compile(r"(~?[A-Za-z_][A-Za-z0-9_]*)\s*\(")
RAW = re.compile(r"\bbindings::[A-Za-z_][A-Za-z0-9_]*\s*\(|\b(reinterpret_cast|const_cast)\s*<")
BINDINGS = re.compile(r"\bbindings::")


def strip_strings(line):
    return re.sub(r'"(\\.|[^"\\])*"', '""', line)


def cpp_files(base):
    for d, _, files in os.walk(base):
        for f in sorted(files):
            if f.endswith((".cpp", ".hpp")):
                yield os.path.join(d, f)


def is_comment(line):
    s = line.lstrip()
    return s.startswith(("*", "/*", "//"))


def covered(lines, i):
    """Whether line i follows a "// SAFETY:" comment in its run of lines."""
    if "// SAFETY:" in lines[i]:
        return True
    j = i - 1
    while j >= 0:
        prev = lines[j].strip()
        if "// SAFETY:" in prev:
            return True
        if not prev or prev.endswith("{") or prev == "}" or prev.endswith("};"):
            return False
        j -= 1
    return False


def comment_before(lines, i):
    """The comment that ends right above line i (through template,
    requires and attribute lines), as one string."""
    j = i - 1
    while j >= 0 and lines[j].strip().startswith(("template", "requires", "[[")):
        j -= 1
    text = []
    while j >= 0 and is_comment(lines[j]):
        text.append(lines[j])
        if lines[j].lstrip().startswith("/*"):
            break
        j -= 1
    return "\n".join(text)


def check_unchecked(path, rel, lines, bad):
    """Rule 3: names of functions with a Safety: paragraph, and their
    calls. Returns the number of calls."""
    calls = 0
    in_block = False
    for i, line in enumerate(lines):
        code = strip_strings(line.split("//")[0])
        stripped = line.lstrip()
        if stripped.startswith("/*"):
            in_block = "*/" not in stripped
            # A Safety: paragraph: the declaration after the comment
            # must name an _unchecked function.
            if in_block or "Safety:" in line:
                pass
            continue
        if in_block:
            in_block = "*/" not in line
            continue
        if stripped.startswith("//"):
            continue
        doc = comment_before(lines, i)
        if "Safety:" in doc and not doc.lstrip().startswith("//"):
            m = DECL_NAME.search(code)
            if m and "(" in code and not code.strip().startswith(("return", "#")):
                name = m.group(1)
                if not name.endswith("_unchecked"):
                    bad.append("%s:%d: %s has a Safety: precondition, its "
                               "name must end in _unchecked" % (rel, i + 1, name))
                continue  # the declaration itself
        if UNCHECKED_DECL.match(code) and not code.lstrip().startswith("return"):
            continue
        for m in UNCHECKED.finditer(code):
            calls += 1
            if not covered(lines, i):
                bad.append("%s:%d: call of %s without a // SAFETY: comment: %s"
                           % (rel, i + 1, m.group(1), line.strip()))
    return calls


def main():
    root = sys.argv[1]
    bad = []
    checked = 0
    unchecked = 0
    for top in sys.argv[2:]:
        for path in cpp_files(top):
            checked += 1
            for n, line in enumerate(open(path), 1):
                code = strip_strings(line.split("//")[0])
                if BINDINGS.search(code):
                    bad.append("%s:%d: driver code uses bindings:: directly: %s"
                               % (path, n, line.strip()))
            unchecked += check_unchecked(path, path, open(path).read().split("\n"), bad)
    calls = 0
    for path in cpp_files(root):
        rel = os.path.relpath(path, root)
        # The layout proof and the bindings test's symbol are C data.
        if rel.startswith("bindings/") or rel.startswith("kunit_long_symbol"):
            continue
        checked += 1
        lines = open(path).read().split("\n")
        unchecked += check_unchecked(path, rel, lines, bad)
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
    print("layering: %d C++ files, %d raw calls and casts in cpp/, "
          "%d calls of _unchecked functions, %d violations"
          % (checked, calls, unchecked, len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
