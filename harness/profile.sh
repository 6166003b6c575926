#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Where the instructions of a memory-backed I/O go, function by function,
# in null_blk and in the C++ null block driver (cppnull): the benchmark
# kernel (harness/bench.sh) boots under QEMU with -icount and a TCG plugin
# (harness/profile/insn-count.c) that counts the instructions run at each
# address; the guest (harness/guest/profile) runs the same number of fio
# I/Os on each driver between two marks.  Prints, per row, the
# instructions per I/O of each function where the drivers differ most,
# and writes them to harness/bench/results/profile-<toolchain>.md.
#
#   profile.sh [llvm|gcc]      NR_IOS=20000 ROWS="randwrite 1,randread 1"
#                              TOP_N=30 (functions per row)
#                              REPORT_ONLY=1: the last run's counts again
#
# A count is of instructions executed (a block that an interrupt cuts
# short counts whole), not of time: what bench.sh's ratios are made of.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C

tc=${1:-llvm}
NR_IOS=${NR_IOS:-20000}
TOP_N=${TOP_N:-30}
ROWS=${ROWS:-randwrite 1,randread 1}
[ -d "$BASE_TREE/.git" ] || die "no base tree; run: make setup"
out=$(build_dir "$tc-bench")
results=$TOP/harness/bench/results/profile-$tc.md
counts=$out/profile.counts

if [ "${REPORT_ONLY:-0}" != 1 ]; then
	BUILD_OUT=$out KCONFIG_SKIP="cpp.config sanitizers.config" \
		KCONFIG_EXTRA=$TOP/harness/bench/bench.config \
		"$TOP/harness/build.sh" "$tc" ||
		die "the benchmark kernel did not build"
	grep -q '^# CONFIG_RANDOMIZE_BASE is not set' "$out/.config" ||
		! grep -q '^CONFIG_RANDOMIZE_BASE=y' "$out/.config" ||
		die "the benchmark kernel has KASLR: System.map would not give its addresses"

	plugin=$out/insn-count.so
	gcc -O2 -Wall -Wextra -Werror -shared -fPIC -o "$plugin" \
		"$TOP/harness/profile/insn-count.c" || die "the QEMU plugin did not build"

	tr ',' '\n' <<<"$ROWS" >"$out/profile-rows"
	echo "NR_IOS=$NR_IOS" >"$out/profile-env"
	BUILD_OUT=$out INIT=$TOP/harness/guest/profile \
		EXTRA_FILES="$out/profile-rows:/profile-rows $out/profile-env:/profile-env" \
		"$TOP/harness/initramfs.sh" "$tc" || die "no initramfs"

	mark=$(awk '$3 == "drop_caches_sysctl_handler" { print "0x" $1 }' "$out/System.map")
	[ -n "$mark" ] || die "no drop_caches_sysctl_handler in System.map"
	rm -f "$counts"
	BUILD_OUT=$out BOOT_ACCEL=tcg BOOT_TIMEOUT=${BOOT_TIMEOUT:-1800} \
		QEMU_EXTRA="-icount shift=0,sleep=off -plugin $plugin,mark=$mark,out=$counts" \
		BOOT_LOG=profile-$tc BOOT_ONLY=1 "$TOP/harness/boot.sh" "$tc" >/dev/null || true
fi
log=$LOG_DIR/profile-$tc.log
grep -q '^HARNESS: profile: done' "$log" || die "the profile did not finish (console log: $log)"
! grep -q '^HARNESS: profile: FAILED' "$log" || die "$(grep '^HARNESS: profile: FAILED' "$log" | head -3)"

# The text symbols of vmlinux, "ADDR16 0 NAME".
awk '$2 ~ /^[tTwW]$/ { printf "%016s 0 %s\n", $1, $3 }' "$out/System.map" >"$out/profile.vmlinux-syms"

# window MARK-A MARK-B: "ADDR16 1 INSNS" run between the two marks.
window() {
	awk -v a="$1" -v b="$2" '
		/^mark / { m = $2; next }
		m == a { before[$1] = $2 }
		m == b { d = $2 - before[$1]; if (d > 0) printf "%016s 1 %d\n", $1, d }
		m > b { exit }' "$counts"
}

# by_function SYMS: sums "ADDR16 1 INSNS" lines by the symbol below them;
# user space (below the kernel's half) is "[user]".
by_function() {
	sort -k1,1 -k2,2n - "$1" | awk '
		$2 == 0 { name = $3; next }
		{ f = ($1 < "ffff800000000000") ? "[user]" : name
		  if (f == "") f = "[?]"
		  sum[f] += $3 }
		END { for (f in sum) print f, sum[f] }'
}

# The log's runs in order: each "ksym" block, then its "profile" line.
table=$(
	i=0
	: >"$out/profile.ksyms"
	while read -r tag a b c d e _; do
		if [ "$tag" = ksym: ]; then
			printf '%016s 0 %s\n' "$a" "$c" >>"$out/profile.ksyms"
			continue
		fi
		# profile: DRIVER RW IODEPTH READS WRITES
		drv=$a rw=$b qd=$c n=$((d + e))
		sort -u "$out/profile.vmlinux-syms" "$out/profile.ksyms" >"$out/profile.syms"
		window $((2 * i + 1)) $((2 * i + 2)) | by_function "$out/profile.syms" |
			sed "s/^/$rw $qd $drv $n /"
		: >"$out/profile.ksyms"
		i=$((i + 1))
	done < <(sed -n 's/^HARNESS: \(ksym:\|profile:\) /\1 /p' "$log" | grep -v ' done$')
)

report() {
	awk -v top="$TOP_N" '
		{ key = $1 " " $2; if (!(key in seen)) { seen[key] = 1; order[nk++] = key }
		  per = $6 / $4; v[key, $3, $5] = per; fn[key, $5] = 1
		  tot[key, $3] += per; if ($5 != "[user]") kern[key, $3] += per }
		END {
		  for (k = 0; k < nk; k++) {
			key = order[k]; split(key, r, " ")
			printf "\n## %s 4 KiB, iodepth %s\n\n", r[1], r[2]
			printf "Instructions per I/O: C %.0f, C++ %.0f (kernel: C %.0f, C++ %.0f), C++ - C %+.0f.\n\n",
				tot[key, "null_blk"], tot[key, "cppnull"],
				kern[key, "null_blk"], kern[key, "cppnull"],
				tot[key, "cppnull"] - tot[key, "null_blk"]
			print "| function | C | C++ | C++ - C |"
			print "|---|---|---|---|"
			n = 0
			for (x in fn) {
				split(x, p, SUBSEP); if (p[1] != key) continue
				c = v[key, "null_blk", p[2]]; cc = v[key, "cppnull", p[2]]
				d = cc - c; if (d < 0) d = -d
				if (d < 0.5) continue
				line[n] = sprintf("%012.1f| %s | %.1f | %.1f | %+.1f |", d, p[2], c, cc, cc - c); n++
			}
			# sort by |C++ - C|, largest first
			for (i = 1; i < n; i++) { t = line[i]; for (j = i - 1; j >= 0 && line[j] < t; j--) line[j + 1] = line[j]; line[j + 1] = t }
			for (i = 0; i < n && i < top; i++) { sub(/^[^|]*[|]/, "|", line[i]); print line[i] }
		  }
		}'
}

release=$(cat "$out/include/config/kernel.release")
{
	echo "# Instructions per memory-backed I/O, by function: null_blk and cppnull"
	echo
	echo "Kernel $release ($tc, tree $(git -C "$BASE_TREE" rev-parse --short HEAD)), $(date -u +%Y-%m-%d)," \
		"QEMU $(qemu-system-x86_64 --version | head -n 1 | sed 's/.*version \([^ ]*\).*/\1/')" \
		"(TCG, -icount shift=0), the benchmark's kernel and memory-backed"
	echo "parameters; $NR_IOS fio I/Os per driver and row (io_uring, one job)."
	echo "Counted by a QEMU plugin (harness/profile/insn-count.c): the"
	echo "instructions each function ran between two marks, over the I/Os the"
	echo "device completed; [user] is fio.  The functions where the drivers"
	echo "differ most (at most $TOP_N per row)."
	echo "Command: ROWS=\"$ROWS\" NR_IOS=$NR_IOS harness/profile.sh $tc"
	report <<<"$table"
} >"$results"
cat "$results"
echo "profile: written to ${results#"$TOP"/}"
