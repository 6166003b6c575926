#!/bin/bash
# level: quick
# The harness's own scripts are shellcheck-clean (warnings and errors).
. "$(dirname "$0")/../lib.sh"
command -v shellcheck >/dev/null || skip "shellcheck is not installed; run 'make deps'"
cd "$TOP" || exit 1
# Two at a time (make quick must stay fast); -x follows the sourced lib.sh.
printf '%s\0' harness/*.sh harness/tests/*.sh .ci/run |
	xargs -0 -n 8 -P 2 shellcheck -x -P SCRIPTDIR -S warning -s bash || exit 1
shellcheck -S warning -s sh harness/guest/init harness/guest/blk-test harness/guest/bench harness/guest/fault-test harness/guest/profile || exit 1
echo "shellcheck: $(ls harness/*.sh harness/tests/*.sh .ci/run harness/guest/init harness/guest/blk-test harness/guest/bench harness/guest/fault-test harness/guest/profile | wc -l) scripts clean"
