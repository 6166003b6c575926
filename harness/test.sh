#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the project's tests and end with the line "N passed, N failed".
#
#   test.sh quick     the fast subset: no kernel build (< 60 s)
#   test.sh check     every test
#   test.sh NAME...   the named tests (file names in harness/tests/ without .sh)
#
# Each test is a script harness/tests/NN-name.sh whose second line says
# "# level: quick" or "# level: full".  A test exits 0 (pass), 1 (fail) or
# 77 (its prerequisites are missing: a skip in the quick run, a failure in
# the check run, which must not skip anything).  Output goes to
# .work/log/test-NAME.log; the tail is shown on failure.
. "$(dirname "$0")/lib.sh"

# The tests use the harness's own trees, whatever the environment says.
unset KERNEL_SRC

mode=${1:-quick}
mkdir -p "$LOG_DIR"
# The tests share the trees in .work/ (the test tree, the builds): two runs
# at once, or one that outlives an interrupted run, would corrupt each
# other's git am.  The lock is held until the last test process exits.
exec 9>"$WORK/test.lock"
if ! flock -n 9; then
	echo "another test run is using $WORK; waiting for it"
	flock 9
fi
tests=()
case $mode in
quick | check)
	for f in "$TOP"/harness/tests/*.sh; do
		level=$(sed -n '2s/^# level: //p' "$f")
		[ "$mode" = check ] || [ "$level" = quick ] && tests+=("$f")
	done
	;;
*)
	for n in "$@"; do
		[ -f "$TOP/harness/tests/$n.sh" ] || die "no test $n"
		tests+=("$TOP/harness/tests/$n.sh")
	done
	mode=check
	;;
esac

pass=0 fail=0 skip=0
start=$(date +%s.%N)
for f in "${tests[@]}"; do
	name=$(basename "$f" .sh)
	log=$LOG_DIR/test-$name.log
	t0=$(date +%s.%N)
	bash "$f" >"$log" 2>&1
	rc=$?
	dt=$(_elapsed "$t0")
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
		printf 'PASS  %-28s %6ss  %s\n' "$name" "$dt" "$(tail -n 1 "$log")"
	elif [ $rc -eq 77 ] && [ "$mode" = quick ]; then
		skip=$((skip + 1))
		printf 'SKIP  %-28s %6ss  %s\n' "$name" "$dt" "$(tail -n 1 "$log")"
	else
		fail=$((fail + 1))
		printf 'FAIL  %-28s %6ss  (log: %s)\n' "$name" "$dt" "$log"
		tail -n 15 "$log" | sed 's/^/      | /'
	fi
done
echo "total time: $(_elapsed "$start")s${skip:+, $skip skipped (prerequisites missing; 'make check' runs them)}" |
	sed 's/, 0 skipped.*//'
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
