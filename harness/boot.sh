#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot a built kernel with its initramfs in QEMU, load and unload every C++
# module, and check the result.
#
#   boot.sh llvm|gcc [TREE]
#
# KVM is used only if a probe boot with it works on this machine (the
# result is kept in .work/accel); otherwise TCG.  The console log goes to
# .work/log/boot-<tc>.log.  Exit 0 only if the guest reached the end of
# /init, every module loaded and unloaded, the kernel log has no warning,
# BUG, oops, OOM kill or stall and no failed KUnit test, kmemleak found no
# leak, and the log has every line of harness/boot-expect.
. "$(dirname "$0")/lib.sh"

tc=${1:-}
out=$(build_dir "$tc" "${2:-}")
kernel=$out/arch/x86/boot/bzImage
initrd=$out/initramfs.cpio
[ -f "$kernel" ] && [ -f "$initrd" ] || die "no $tc kernel or initramfs in $out; build them first"
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is missing; run: make deps"
mkdir -p "$LOG_DIR"
log=$LOG_DIR/${BOOT_LOG:-boot-$tc}.log
# The sanitizer kernel (KASAN) runs the fault-injection sweeps too, and
# runs everything slower.
TIMEOUT=${BOOT_TIMEOUT:-$(grep -q '^CONFIG_KASAN=y' "$out/.config" 2>/dev/null && echo 1500 || echo 300)}

# QEMU_EXTRA: more options for QEMU (the benchmark's -icount).
# Two CPUs in two sockets: without ACPI, the kernel finds the CPUs in
# SeaBIOS's MP table, which lists only the first CPU of each socket (its
# mptable.c), so with QEMU's default of two cores in one socket the guest
# would see one.
read -ra extra <<<"${QEMU_EXTRA:-}"
# The kernel command line.  The tests' boots (not BOOT_ONLY=1, the
# benchmark's and the profile's, which keep the setup they were measured
# with) add:
# - no5lvl: four-level page tables.  QEMU's "max" CPU has LA57, and 7.3
#   with KASAN has a window at boot in which an interrupt makes KASAN
#   report a wild-memory-access in do_raw_spin_lock() from
#   handle_edge_irq(): identify_cpu() clears the boot CPU's feature bits,
#   so pgtable_l5_enabled() is briefly false and KASAN's shadow bounds are
#   those of four levels while the direct map is that of five.
# - rcupdate.rcu_expedited=1: synchronize_rcu() without waiting for a
#   grace period of ticks; module unload and del_gendisk() wait for
#   several, and the fault-injection sweeps do both hundreds of times.
cmdline="console=ttyS0 loglevel=4 log_buf_len=4M panic=-1 oops=panic"
[ "${BOOT_ONLY:-}" = 1 ] || cmdline+=" no5lvl rcupdate.rcu_expedited=1"
qemu() {	# accel timeout
	local accel=$1 t=$2 cpu=max
	[ "$accel" = kvm ] && cpu=host
	timeout --foreground -k 5 "$t" qemu-system-x86_64 -accel "$accel" -cpu "$cpu" \
		-m 1G -smp 2,sockets=2 -nodefaults -display none -no-reboot "${extra[@]}" \
		-serial stdio -kernel "$kernel" -initrd "$initrd" \
		-append "$cmdline" </dev/null >"$log" 2>&1
}
ok() { grep -qE '^HARNESS: (result |bench: done)' "$log"; }

# BOOT_ACCEL=tcg|kvm: no probe, no record.
accel=${BOOT_ACCEL:-$(cat "$WORK/accel" 2>/dev/null)}
if [ -z "$accel" ]; then
	accel=tcg
	if [ -w /dev/kvm ]; then
		# KVM guests hang on some machines: trust KVM only after a boot.
		# A QEMU that aborts makes bash report it on stderr: the probe's
		# verdict is the line below.
		if (qemu kvm 30) 2>/dev/null && ok; then accel=kvm; fi
		echo "KVM probe: $([ $accel = kvm ] && echo works || echo 'did not boot, using TCG')"
		[ $accel = kvm ] || qemu tcg "$TIMEOUT"
	else
		qemu tcg "$TIMEOUT"
	fi
	# Remember the choice only once a boot worked with it: a kernel that
	# does not boot says nothing about KVM.
	ok && echo "$accel" >"$WORK/accel"
else
	qemu "$accel" "$TIMEOUT"
fi

tr -d '\r' <"$log" >"$log.tmp" && mv "$log.tmp" "$log"
# BOOT_ONLY=1: another /init (the benchmark's), which its caller checks.
[ "${BOOT_ONLY:-}" = 1 ] && exit 0
# What the guest reported, without the kernel log: all of it goes to
# $report; the console shows one verdict line per check and per module.
report=${log%.log}-report.log
sed -n 's/^HARNESS: //p' "$log" | sed '/^dmesg begin$/,/^dmesg end$/d' >"$report"
grep -E '^(booted |cpus |(load|unload) [^ ]+: |[^ ]+: unload|phy (cpp|c): (ok|FAILED)$|blk: (ok|FAILED) |fault: (ok|FAILED) |kselftest [^ ]+: (not ok|# (PASSED|FAILED|Totals))|kmemleak [a-z]+: [0-9]+ unreferenced|late [^ ]+: (ok|FAILED)$|ftrace: [0-9]+ C\+\+ functions|result )' "$report"
echo "(the guest's full report: $report; the console log: $log)"
ok || die "the $tc kernel did not reach the end of /init ($accel, ${TIMEOUT}s); console log: $log"
cpus=$(sed -n 's/^HARNESS: cpus //p' "$log")
[ "${cpus:-0}" -ge 2 ] || die "the guest saw ${cpus:-no} CPU(s), QEMU gave it 2: the concurrency tests would run on one (console log: $log)"
# Between the marks of harness/guest/fault-test, the kernel may print a
# stack trace of its own for an injected failure (kmem_cache_create()
# does): only a "Call Trace:" alone passes there; and between its KUnit
# marks, the warning KUnit gives when the report of a failed assertion
# cannot be allocated (the line after its message).
oops=$(sed -n '/^HARNESS: dmesg begin$/,/^HARNESS: dmesg end$/p' "$log" |
	sed '/cpp-fault: kunit begin$/,/cpp-fault: kunit end$/{/^Could not allocate stream to print failed assertion in /{n;/^WARNING: lib\/kunit\/test\.c:[0-9]* at __kunit_do_failed_assertion+/d}}' |
	sed '/cpp-fault: begin$/,/cpp-fault: end$/{/^Call Trace:$/d}' |
	grep -E 'WARNING:|BUG:|Oops|Call Trace:|general protection|UBSAN:|KASAN:|kernel BUG|invoked oom-killer|detected stall|soft lockup' | head -5)
[ -z "$oops" ] || die "the $tc kernel logged: $oops (console log: $log)"
# The late modules (harness/guest/late-modules) report a bug on purpose:
# what they must make the kernel print is in boot-expect; anything worse is
# a failure.
oops=$(grep '^HARNESS: late ' "$log" |
	grep -E 'BUG:|Oops|general protection|UBSAN:|KASAN:|kernel BUG' | head -5)
[ -z "$oops" ] || die "a late module made the $tc kernel log: $oops (console log: $log)"
# KUnit (suites built in, or run when /init loads their module): no test
# may fail, but under failslab (harness/guest/fault-test, between its
# marks); which suites must have run is in harness/boot-expect.
notok=$(sed -n '/^HARNESS: dmesg begin$/,/^HARNESS: dmesg end$/p' "$log" |
	sed '/cpp-fault: kunit begin$/,/cpp-fault: kunit end$/d' |
	grep -E '(^|[] ])not ok [0-9]+ ' | head -5)
[ -z "$notok" ] || die "KUnit tests failed in the $tc kernel: $notok (console log: $log)"
grep -q '^HARNESS: result modules=[0-9]* failed=0$' "$log" || die "C++ modules failed to load or unload (console log: $log)"
# The Asix PHY drivers: the KUnit test ran against the C++ driver and
# against the C driver, each bound, and the register traces and results
# of the two are the same.
if grep -q '^CONFIG_AX88796B_CPP_PHY=y' "$out/.config"; then
	phy_lines() {	# LABEL: the lines of the test two drivers must share
		sed -n "s/^HARNESS: phy $1: \(\[[ 0-9.]*\] \)\{0,1\}//p" "$log" |
			grep -E 'trace: |ax88796b_phy: pass:'
	}
	for l in cpp c; do
		grep -q "^HARNESS: phy $l: ok$" "$log" || die "the Asix PHY KUnit test did not run against the $l driver (console log: $log)"
	done
	grep -qE '^HARNESS: phy cpp: .*driver of AX88772A: ax88796b_cpp$' "$log" &&
		grep -qE '^HARNESS: phy c: .*driver of AX88772A: ax88796b$' "$log" ||
		die "the Asix PHY KUnit test was not bound to the C++ and the C driver in turn (console log: $log)"
	[ "$(phy_lines cpp | grep -c 'trace: ')" -gt 0 ] || die "the Asix PHY KUnit test printed no trace (console log: $log)"
	d=$(diff <(phy_lines c) <(phy_lines cpp)) ||
		die "the C++ Asix PHY driver differs from the C driver (< C, > C++):
$d"
	echo "phy: the C and the C++ Asix drivers: $(phy_lines cpp | grep -c 'trace: ') identical register traces"
fi
# The C++ null block driver (harness/guest/blk-test): every check
# passed; which must have run is in boot-expect.
blkfail=$(grep '^HARNESS: blk: FAILED' "$log" | head -5)
[ -z "$blkfail" ] || die "the C++ null block driver failed in the $tc kernel:
$blkfail
(console log: $log)"
# Fault injection (harness/guest/fault-test, on the sanitizer kernel):
# every sweep passed; which must have run is in boot-expect.
faultfail=$(grep '^HARNESS: fault: FAILED' "$log" | head -5)
[ -z "$faultfail" ] || die "fault injection found a failure in the $tc kernel:
$faultfail
(console log: $log)"
# kmemleak: nothing leaked by the time every module was unloaded, and the
# scan after the late modules found the leaks of kmemleak_test (so the
# first scan could have found some).
leaks=$(sed -n 's/^HARNESS: kmemleak modules: \([0-9]*\) unreferenced objects$/\1/p' "$log")
[ -n "$leaks" ] || die "the $tc kernel did not scan for memory leaks (console log: $log)"
[ "$leaks" = 0 ] || die "kmemleak: $leaks unreferenced objects after the C++ modules and tests (console log: $log)"
leaks=$(sed -n 's/^HARNESS: kmemleak late: \([0-9]*\) unreferenced objects$/\1/p' "$log")
# Under KASAN kmemleak finds few or none of them (0 or 1 of 7 in the runs
# seen): the sanitizer kernel relies on the other kernel for this proof.
if [ "${leaks:-0}" -eq 0 ] && ! grep -q '^CONFIG_KASAN=y' "$out/.config"; then
	die "kmemleak did not find the leaks of kmemleak_test: the leak check cannot fail (console log: $log)"
fi
# kunit_passed SUITE N: the KUnit suite SUITE ran, with no case failed and
# at least N passed (its "# SUITE: pass:P fail:0 ..." line).
kunit_passed() {
	local p
	p=$(grep -oE "(^|[^A-Za-z0-9_])$1: pass:[0-9]+ fail:0 skip:[0-9]+ total:[0-9]+" "$log" |
		sed -n 's/.*: pass:\([0-9]*\) .*/\1/p' | tail -n 1)
	[ -n "$p" ] && [ "$p" -ge "$2" ]
}
# What every boot must print (harness/boot-expect; a line that starts with
# "[CONFIG_X] ": only a kernel with CONFIG_X=y; "[!CONFIG_X] ": only one
# without; "kunit: SUITE N": kunit_passed SUITE N), and no function listed
# twice by ftrace (a duplicate mcount record).
while read -r line; do
	case $line in ''|'#'*) continue ;; esac
	if [ "${line#[}" != "$line" ]; then
		sym=${line%%]*} line=${line#*] }
		sym=${sym#?}
		case $sym in
		'!'*) ! grep -q "^${sym#!}=y" "$out/.config" || continue ;;
		*) grep -q "^$sym=y" "$out/.config" || continue ;;
		esac
	fi
	case $line in
	'kunit: '*)
		read -r suite n <<<"${line#kunit: }"
		kunit_passed "$suite" "$n" ||
			die "KUnit suite $suite did not pass $n cases or more with none failed in the $tc kernel (console log: $log)"
		continue
		;;
	esac
	grep -qF -- "$line" "$log" || die "the $tc kernel did not print '$line' (console log: $log)"
done <"$TOP/harness/boot-expect"
dup=$(sed -n 's/^HARNESS: ftrace: //p' "$log" | sort | uniq -d | head -3)
[ -z "$dup" ] || die "ftrace lists these functions twice: $dup (console log: $log)"
echo "boot ($tc, $accel): ok"
