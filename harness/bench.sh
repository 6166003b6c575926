#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Benchmark the C++ null block driver (cppnull) against null_blk: both
# are built into one kernel without debugging options (lockdep, kmemleak
# and the other checks of the test configuration would dominate the I/O
# path), booted once in QEMU, and measured by fio in turn with the same
# parameters (harness/guest/bench).  Prints a table of IOPS per driver and
# the C++/C ratio with its spread, and writes it to
# harness/bench/results/null_blk-<toolchain>.md with the kernel version
# and the date.
#
#   bench.sh [llvm|gcc]        REPS=3 RUNTIME=1 (guest seconds per run)
#                              JOBS=1 (fio jobs per row; "1 2" adds 2-job rows)
#
# QEMU runs the guest with -icount shift=0 (TCG): the guest's clock
# advances one nanosecond per guest instruction, whatever the host does.
# IOPS are then I/Os per 10^9 guest instructions (fio, io_uring, blk-mq
# and the driver together): a measure of the instructions each I/O costs,
# repeatable to about 0.1%, not of time on real hardware (caches, branch
# prediction and memory latency are not modelled).
. "$(dirname "$0")/lib.sh"

tc=${1:-llvm}
REPS=${REPS:-3}
RUNTIME=${RUNTIME:-1}
[ -d "$BASE_TREE/.git" ] || die "no base tree; run: make setup"
[ -f "$BASE_TREE/drivers/block/cppnull/cppnull.cpp" ] || die "the tree has no C++ null block driver"
out=$(build_dir "$tc-bench")
results=$TOP/harness/bench/results/null_blk-$tc.md

# The kernel: the QEMU fragment and the benchmark's, without the test
# configuration (cpp.config: lockdep, kmemleak, KUnit, ...) nor the
# sanitizers of the GCC test kernel.
BUILD_OUT=$out KCONFIG_SKIP="cpp.config sanitizers.config" \
	KCONFIG_EXTRA=$TOP/harness/bench/bench.config \
	"$TOP/harness/build.sh" "$tc" ||
	die "the benchmark kernel did not build"

# The matrix: randread and randwrite x 512 B and 4 KiB x iodepth 1 and
# 32 x JOBS jobs (1 by default).  Rows of 2 jobs (on the guest's 2 CPUs)
# do not repeat under -icount: most runs do twice the I/O of one job, but
# some (3 of 48 on 7.3, each fio process alone on its CPU) do the same as
# one job, so they are not in the default matrix; the check below refuses
# such a row.
jobs_list=${JOBS:-1}
rows=$out/bench-rows
: >"$rows"
for rw in randread randwrite; do
	for bs in 512 4096; do
		for qd in 1 32; do
			for jobs in $jobs_list; do
				echo "null $rw $bs $qd $jobs" >>"$rows"
			done
		done
	done
done
# Memory-backed: randread and randwrite x 4 KiB x iodepth 1 and 32.
for rw in randread randwrite; do
	for qd in 1 32; do
		for jobs in $jobs_list; do
			echo "mem $rw 4096 $qd $jobs" >>"$rows"
		done
	done
done
printf 'REPS=%s\nRUNTIME=%s\n' "$REPS" "$RUNTIME" >"$out/bench-env"
BUILD_OUT=$out INIT=$TOP/harness/guest/bench \
	EXTRA_FILES="$rows:/bench-rows $out/bench-env:/bench-env" \
	"$TOP/harness/initramfs.sh" "$tc" || die "no initramfs"

nruns=$(($(wc -l <"$rows") * REPS * 2))
# A guest second is about 5 s here (TCG runs some 200 million guest
# instructions a second).
timeout=$((nruns * (RUNTIME * 8 + 10) + 120))
echo "bench: $nruns fio runs of ${RUNTIME}s (+0.5s ramp, guest time), at most ${timeout}s"
BUILD_OUT=$out BOOT_ACCEL=tcg QEMU_EXTRA="-icount shift=0,sleep=off" \
	BOOT_TIMEOUT=$timeout BOOT_LOG=bench-$tc BOOT_ONLY=1 \
	"$TOP/harness/boot.sh" "$tc" >/dev/null || true
log=$LOG_DIR/bench-$tc.log
grep -q '^HARNESS: bench: done' "$log" || die "the benchmark did not finish (console log: $log)"
! grep -q '^HARNESS: bench: FAILED' "$log" || die "$(grep '^HARNESS: bench: FAILED' "$log" | head -3) (console log: $log)"
cpus=$(sed -n 's/^HARNESS: booted .*, \([0-9]*\) CPUs$/\1/p' "$log")
[ "${cpus:-0}" -ge 2 ] || die "the benchmark guest saw ${cpus:-no} CPU(s): the 2-job rows need 2 (console log: $log)"

# The rows of the table from a console log of harness/guest/bench.
table() {	# LOG
	sed -n 's/^HARNESS: bench: \(null_blk\|cppnull\) \(.*\)$/\1 \2/p' "$1" |
		awk '
		{ drv = $1; key = $2 " " $3 " " $4 " " $5 " " $6; rep = $7; iops = $8
		  if (!(key in seen)) { seen[key] = 1; order[n++] = key }
		  val[drv, key, rep] = iops; sum[drv, key] += iops; cnt[drv, key]++
		  if (rep > maxrep) maxrep = rep }
		END {
		  for (i = 0; i < n; i++) {
			k = order[i]; split(k, f, " ")
			c = sum["null_blk", k] / cnt["null_blk", k]
			x = sum["cppnull", k] / cnt["cppnull", k]
			lo = 1e9; hi = 0
			for (r = 1; r <= maxrep; r++) {
				q = val["cppnull", k, r] / val["null_blk", k, r]
				if (q < lo) lo = q; if (q > hi) hi = q
			}
			printf "| %s | %s | %s | %s | %s | %.0f | %.0f | %.3f | %.3f..%.3f |\n",
				f[1], f[2], f[3], f[4], f[5], c, x, x / c, lo, hi
		  }
		}'
}

# The rows of a table whose repetitions disagree by more than 5% (highest
# ratio over lowest): under -icount a row repeats to well under 1%, so such
# a row measured something other than the drivers.
unrepeatable() {	# < TABLE
	awk -F' *[|] *' '{ split($10, s, /[.][.]/); if (s[1] <= 0 || s[2] > s[1] * 1.05) print }'
}

table=$(table "$log")
bad=$(unrepeatable <<<"$table")
[ -z "$bad" ] || die "$(printf 'repetitions disagree by more than 5%%:\n%s\n(console log: %s)' "$bad" "$log")"

release=$(cat "$out/include/config/kernel.release")
mkdir -p "$(dirname "$results")"
{
	echo "# null_blk against the C++ null block driver (cppnull)"
	echo
	echo "Kernel $release ($tc, tree $(git -C "$BASE_TREE" rev-parse --short HEAD)), $(date -u +%Y-%m-%d)," \
		"QEMU $(qemu-system-x86_64 --version | head -n 1 | sed 's/.*version \([^ ]*\).*/\1/')" \
		"(TCG, -icount shift=0), $(sed -n 's/^HARNESS: booted .*, \([0-9]*\) CPUs$/\1/p' "$log") guest CPU(s)," \
		"$REPS repetitions of ${RUNTIME}s (guest time) per driver and row, interleaved."
	echo "Both drivers, device null: queue_mode=2 irqmode=0 completion_nsec=0"
	echo "hw_queue_depth=256 submit_queues=1 poll_queues=0 gb=16 bs=<fio bs>;"
	echo "device mem: queue_mode=2 irqmode=1 hw_queue_depth=64 submit_queues=1"
	echo "poll_queues=0 gb=1 memory_backed=1 bs=<fio bs>, randread over the"
	echo "first 64 MiB, written before the run, randwrite over a new device"
	echo "(most writes allocate their page).  Scheduler none; fio io_uring,"
	echo "direct, norandommap, lfsr, time based, no ETA or disk statistics; n"
	echo "jobs: n fio processes of one job, fio j on CPU j."
	echo "Command: JOBS=\"$jobs_list\" harness/bench.sh $tc"
	echo
	echo "QEMU -icount shift=0: guest time is guest instructions (1 ns each), so"
	echo "IOPS are I/Os per 10^9 instructions of the whole path (fio included)."
	echo "fio submits one I/O per system call (iodepth_batch_submit=1, its"
	echo "default) and, on the null device, irqmode=0 ends each request inside"
	echo "queue_rq(), so it holds about one request per job at a time: iodepth"
	echo "changes little there."
	echo "ratio = mean C++ IOPS / mean C IOPS; spread = the lowest and highest"
	echo "ratio of the repetitions (each C++ run over the C run next to it)."
	echo
	echo "| device | rw | bs | iodepth | jobs | C IOPS | C++ IOPS | C++/C | spread |"
	echo "|---|---|---|---|---|---|---|---|---|"
	echo "$table"
} >"$results"
cat "$results"
echo "bench: written to ${results#"$TOP"/}"
