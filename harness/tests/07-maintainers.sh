#!/bin/bash
# level: quick
# MAINTAINERS.fragment is the text the series adds to MAINTAINERS, the
# entry is sorted into place, and its file patterns match files of the
# patched tree.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
am_test_tree >/dev/null || { echo "git am failed"; exit 1; }
got=$(git -C "$TEST_TREE" diff "$BASE_TAG" HEAD -- MAINTAINERS | sed -n 's/^+\([^+]\|$\)/\1/p')
[ "$got" = "$(cat "$TOP/MAINTAINERS.fragment" 2>/dev/null)" ] ||
	{ echo "MAINTAINERS.fragment is not what the series adds:"; echo "$got"; exit 1; }
# Sections are sorted: the section names, in file order, are sorted.
python3 - "$TEST_TREE/MAINTAINERS" <<'EOP' || exit 1
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = lines.index("Maintainers List") if "Maintainers List" in lines else 0
names = []
for i in range(start, len(lines) - 1):
    if lines[i] and not re.match(r"^[A-Z]:\t", lines[i]) and re.match(r"^[A-Z]:\t", lines[i + 1]):
        names.append(lines[i])
mine = [n for n in names if n.startswith("C++") or n.endswith("[C++]")]
for n in mine:
    i = names.index(n)
    if not (names[i - 1].upper() <= n.upper() <= names[i + 1].upper()):
        print(f"MAINTAINERS: {n!r} is not sorted between {names[i-1]!r} and {names[i+1]!r}")
        sys.exit(1)
EOP
# Every F: pattern of the fragment matches a file of the patched tree
# (what get_maintainer.pl --self-test=patterns checks, for these lines).
bad=0
for f in $(sed -n 's/^F:\t//p' "$TOP/MAINTAINERS.fragment"); do
	[ -n "$(git -C "$TEST_TREE" ls-files -- ":(glob)$f" "$f" | head -1)" ] ||
		{ echo "MAINTAINERS: no file matches F: $f"; bad=1; }
done
[ $bad -eq 0 ] || exit 1
echo "MAINTAINERS.fragment == what the series adds ($(wc -l <"$TOP/MAINTAINERS.fragment") lines), sorted, patterns match"
