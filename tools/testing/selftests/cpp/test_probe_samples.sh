#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Probe test of the C++ samples: each sample module must load, be listed
# in /proc/modules, and unload again.  KTAP output, a test per module.
# POSIX sh, so that it also runs in a busybox initramfs.

here=$(dirname "$(readlink -f "$0")")
helpers=$here/../kselftest/ktap_helpers.sh
if [ ! -e "$helpers" ]; then
	echo "$helpers not found [SKIP]"
	exit 4
fi
. "$helpers"

modules="cpp_minimal cpp_print cpp_misc_device"

ktap_print_header

# -D (show the dependencies, load nothing) is in both kmod's and
# busybox's modprobe; -n is only in kmod's.
missing=
for m in $modules; do
	modprobe -q -D "$m" >/dev/null 2>&1 || missing="$missing $m"
done
if [ -n "$missing" ]; then
	ktap_skip_all "not built for $(uname -r):$missing (see the config file)"
	exit "$KSFT_SKIP"
fi

ktap_set_plan "$(echo $modules | wc -w)"
for m in $modules; do
	if ! modprobe -q "$m"; then
		ktap_test_fail "$m (load)"
	elif ! grep -q "^$m " /proc/modules; then
		ktap_test_fail "$m (not in /proc/modules once loaded)"
	elif ! modprobe -q -r "$m"; then
		ktap_test_fail "$m (unload)"
	else
		ktap_test_pass "$m"
	fi
done
ktap_finished
