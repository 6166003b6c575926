#!/bin/bash
# level: full
# The differential test of the Asix PHY drivers can fail: with a C twin
# that reads one register more in the AX88772A's read_status (which no
# expectation of the KUnit test looks at), boot.sh must report that the
# C++ driver differs from the C driver.
. "$(dirname "$0")/../lib.sh"
out=$(build_dir llvm)
[ -f "$out/c-twin/ax88796b.ko" ] || { echo "no C twin (did 20-build-llvm fail?)"; exit 1; }
mut=$WORK/phy-mutant
rm -rf "$mut" && mkdir -p "$mut"
sed 's/^\tret = genphy_update_link(phydev);$/\tphy_read(phydev, MII_BMSR);\n&/' \
	"$BASE_TREE/drivers/net/phy/ax88796b.c" >"$mut/ax88796b.c"
cmp -s "$mut/ax88796b.c" "$BASE_TREE/drivers/net/phy/ax88796b.c" && { echo "the mutation did not apply"; exit 1; }
echo 'obj-m := ax88796b.o' >"$mut/Kbuild"
kmake_init llvm "$BASE_TREE" "$out"
"${KMAKE[@]}" M="$mut" modules >"$mut/build.log" 2>&1 || { tail "$mut/build.log"; exit 1; }
cp "$out/c-twin/ax88796b.ko" "$mut/ax88796b.ko.orig"
trap 'cp "$mut/ax88796b.ko.orig" "$out/c-twin/ax88796b.ko"; "$TOP/harness/initramfs.sh" llvm >/dev/null' EXIT
cp "$mut/ax88796b.ko" "$out/c-twin/ax88796b.ko"
BLK_TEST=0 "$TOP/harness/initramfs.sh" llvm >/dev/null || exit 1
if res=$("$TOP/harness/boot.sh" llvm 2>&1); then
	echo "$res" | tail -5
	echo "boot.sh passed with a C twin whose register trace differs"
	exit 1
fi
grep -q 'differs from the C driver' <<<"$res" || { echo "$res" | tail -5; echo "boot.sh failed, but not on the difference"; exit 1; }
grep -A2 'differs from the C driver' <<<"$res" | head -3
echo "boot.sh fails when the C++ Asix driver's register trace differs from the C driver's"
