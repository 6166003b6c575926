#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Configure and build the kernel of a tree (default: the harness's tree
# with the series applied) for QEMU.
#
#   build.sh llvm|gcc [TREE]
#
# llvm: LLVM=1 with LLVM 19 first in PATH; gcc: the system's gcc.  ccache
# is used as the compiler launcher when it is installed.  The output goes
# to TREE/.build-<toolchain> (lib.sh: build_dir); the log to
# .work/log/build-<toolchain>.log.
. "$(dirname "$0")/lib.sh"

tc=${1:-}
src=${2:-$BASE_TREE}
out=$(build_dir "$tc" "$src")
mkdir -p "$out" "$LOG_DIR"
log=$LOG_DIR/build-$tc.log

kmake_init "$tc" "$src" "$out"
mk=("${KMAKE[@]}")

# A failed build must not leave an old image behind for the boot test.
rm -f "$out/arch/x86/boot/bzImage"

# Configuration: tinyconfig + every fragment in harness/kconfig/ and in
# harness/kconfig/<toolchain>/ (gcc: the sanitizer kernel), and those of
# KCONFIG_EXTRA (the benchmark has its own).  Every
# option a fragment asks for must end up with that value.  PREFIX_BUILD=1
# (a prefix of the series) leaves out the options that the tree does not
# define yet, one by one, so that a prefix is built with as much of the
# C++ configuration as it has (PREFIX_BUILD_REF=commit: the options that
# commit defines); KCONFIG_SKIP="a.config ..." leaves out whole fragments.
fragments=()
for f in "$TOP"/harness/kconfig/*.config "$TOP/harness/kconfig/$tc"/*.config ${KCONFIG_EXTRA:-}; do
	[ -f "$f" ] || continue
	case " ${KCONFIG_SKIP:-} " in *" ${f##*/} "*) echo "without ${f##*/} (KCONFIG_SKIP)"; continue ;; esac
	if [ "${PREFIX_BUILD:-}" = 1 ]; then
		missing=
		part=$out/prefix-${f##*/}
		: >"$part"
		while read -r line; do
			sym=$(echo "$line" | sed -n 's/^\(# \)\{0,1\}CONFIG_\([A-Za-z0-9_]*\)[= ].*/\2/p')
			[ -n "$sym" ] || continue
			if git -C "$src" grep -qE "^(menu)?config $sym\$" ${PREFIX_BUILD_REF:-} -- '*Kconfig*'; then
				echo "$line" >>"$part"
			else
				missing+=" $sym"
			fi
		done <"$f"
		[ -z "$missing" ] || echo "prefix build: ${f##*/} without$missing (not defined yet)"
		fragments+=("$part")
		continue
	fi
	fragments+=("$f")
done
# A prefix build reuses the configuration of its directory when the
# fragments, the Kconfig files of the (committed) tree and the toolchain
# are what made it: walking a series, most patches change none of them.
key=
if [ "${PREFIX_BUILD:-}" = 1 ] && git -C "$src" diff --quiet HEAD -- 2>/dev/null; then
	key=$({ cat "${fragments[@]}"; echo "$tc"
		git -C "$src" ls-tree -r HEAD | grep -E '(^|/)Kconfig[^/]*$|/configs/'; } | sha1sum)
fi
if [ -n "$key" ] && [ -f "$out/.config" ] && [ "$(cat "$out/.harness-config-key" 2>/dev/null)" = "$key" ]; then
	echo "configuration: unchanged, kept"
	: >"$log"
else
	rm -f "$out/.harness-config-key"
	{
		"${mk[@]}" tinyconfig &&
		"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "${fragments[@]}" &&
		"${mk[@]}" olddefconfig
	} >"$log" 2>&1 || { tail -20 "$log" >&2; die "configuring the $tc kernel failed (log: $log)"; }
	bad=0
	while read -r line; do
		case $line in CONFIG_*=*) ;; "# CONFIG_"*" is not set") ;; *) continue ;; esac
		if [ "${line#\# }" != "$line" ]; then
			sym=${line#\# }; sym=${sym%% *}
			grep -q "^$sym=[ym]" "$out/.config" && { echo "$sym is set, ${fragments[*]##*/} asks for it not to be" >&2; bad=1; }
		else
			grep -qxF "$line" "$out/.config" || {
				echo "$line did not stick (have: $(grep "^${line%%=*}=" "$out/.config" || echo unset)); a dependency is missing" >&2
				bad=1
			}
		fi
	done < <(cat "${fragments[@]}")
	[ $bad -eq 0 ] || die "the $tc configuration is not what harness/kconfig/ asks for"
	[ -z "$key" ] || echo "$key" >"$out/.harness-config-key"
fi

# A prefix build (29-each-patch-builds) is not booted: vmlinux and the
# modules are what it checks, without the boot image and the install.
targets=()
[ "${PREFIX_BUILD:-}" = 1 ] && targets=(vmlinux modules)
"${mk[@]}" "${targets[@]}" >>"$log" 2>&1 || { grep -E 'error|Error' "$log" | head -20 >&2; tail -20 "$log" >&2; die "building the $tc kernel failed (log: $log)"; }
if [ "${PREFIX_BUILD:-}" != 1 ]; then
	rm -rf "$out/modinst"
	"${mk[@]}" INSTALL_MOD_PATH="$out/modinst" modules_install >>"$log" 2>&1 ||
		{ tail -20 "$log" >&2; die "modules_install failed (log: $log)"; }
	# The C driver that a C++ driver replaces in this configuration, as
	# an external module from the tree's own source: /init runs the same
	# KUnit test against both (harness/guest/init), and
	# harness/phy-size.sh compares their code.
	twin=$out/c-twin
	rm -rf "$twin"
	if grep -q '^CONFIG_AX88796B_CPP_PHY=y' "$out/.config" && grep -q '^CONFIG_AX88796B_PHY=m' "$out/.config"; then
		mkdir -p "$twin"
		ln -s "$src/drivers/net/phy/ax88796b.c" "$twin/ax88796b.c"
		echo 'obj-m := ax88796b.o' >"$twin/Kbuild"
		"${mk[@]}" M="$twin" modules >>"$log" 2>&1 || { tail -20 "$log" >&2; die "the C twin ax88796b.ko did not build (log: $log)"; }
		# The C++ driver's device table reaches modules.alias (modpost
		# finds it by its name), with the aliases of the C driver, so
		# that udev loads it for the same PHYs.
		cpp_aliases=$(awk '$3 == "ax88796b_cpp" { print $2 }' "$out"/modinst/lib/modules/*/modules.alias | sort)
		c_aliases=$(/sbin/modinfo -F alias "$twin/ax88796b.ko" | sort)
		[ -n "$cpp_aliases" ] && [ "$cpp_aliases" = "$c_aliases" ] ||
			die "modules.alias has for ax88796b_cpp '$(echo $cpp_aliases)', the C driver has '$(echo $c_aliases)' (log: $log)"
		echo "ax88796b_cpp: $(echo "$cpp_aliases" | wc -l) aliases in modules.alias, those of the C driver"
	fi
fi
# The C++ Kbuild test as an external module (lib.sh: cpp_kbuild_ext):
# C and C++ objects with per-directory and per-object C++ flags, built
# against this kernel, installed in updates/; the guest loads it
# (harness/initramfs.sh), and it fails to load if a check of its C++
# fails.
if [ "${PREFIX_BUILD:-}" != 1 ] && grep -q '^CONFIG_TEST_CPP_KBUILD=y' "$out/.config"; then
	ext=$out/cpp-kbuild-ext
	rm -rf "$ext"
	cpp_kbuild_ext "$src" "$ext" &&
		"${mk[@]}" M="$ext" modules >>"$log" 2>&1 &&
		"${mk[@]}" M="$ext" INSTALL_MOD_PATH="$out/modinst" modules_install >>"$log" 2>&1 ||
		{ tail -20 "$log" >&2; die "the external C++ module test_cpp_kbuild_ext.ko did not build (log: $log)"; }
fi
# Warning-free: compiler, modpost, Kconfig ("unmet direct dependencies").
# With ccache an object that hits the cache replays its warnings, so a
# rebuild still shows them.
warnings=$(grep -i -E '(^|[: ])warning[:(]|unmet direct dependencies' "$log")
[ -z "$warnings" ] || { echo "$warnings" | head -20 >&2; die "the $tc build has $(echo "$warnings" | wc -l) warnings (log: $log)"; }
echo "$tc kernel: $(cat "$out/include/config/kernel.release"), 0 warnings, $(wc -l <"$out/modules.order") modules"
