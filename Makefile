# SPDX-License-Identifier: GPL-2.0
#
# C++ for Linux: the project's commands.  The kernel work happens in
# .work/ (git-ignored); see README.md.

H := harness
W := $(or $(WORK),.work)

.PHONY: help run check quick deps setup apply series build boot bench profile clean distclean

help:
	@echo 'make run      set up, apply the series, build (LLVM=1), boot in QEMU, load the C++ modules'
	@echo 'make check    every test; ends with "N passed, N failed"'
	@echo 'make quick    the fast tests (no kernel build)'
	@echo 'make series   regenerate patches/, series, the mirror and MAINTAINERS.fragment'
	@echo '              from .work/linux (and fold in edits of the mirror directories)'
	@echo 'make setup    install missing packages, create the base tree, apply the series'
	@echo 'make apply    apply the series (KERNEL_SRC=/path/to/linux: to your own git tree)'
	@echo 'make build    configure and build (TOOLCHAIN=llvm|gcc); make boot: boot it'
	@echo 'make bench    null_blk against the C++ null block driver (fio in QEMU)'
	@echo 'make profile  their memory-backed I/O, in instructions per function'
	@echo 'make clean    remove builds and logs; make distclean: all of .work/'

run:
	@$(H)/run.sh

check: setup
	@unset KERNEL_SRC; $(H)/test.sh check

quick:
	@$(H)/test.sh quick

deps:
	@$(H)/deps.sh

setup: deps
	@$(H)/base.sh
	@unset KERNEL_SRC; $(H)/apply.sh >/dev/null

apply:
	@$(H)/apply.sh >/dev/null

series:
	@$(H)/series.sh

TC = $(or $(TOOLCHAIN),llvm)

build:
	@tree=$$($(H)/apply.sh | tail -n 1) && [ -n "$$tree" ] && \
		$(H)/build.sh $(TC) "$$tree"

boot:
	@tree=$$($(H)/apply.sh | tail -n 1) && [ -n "$$tree" ] && \
		$(H)/initramfs.sh $(TC) "$$tree" && $(H)/boot.sh $(TC) "$$tree"

bench: setup
	@$(H)/bench.sh $(TC)

profile: setup
	@$(H)/profile.sh $(TC)

clean:
	rm -rf $(W)/linux/.build-* $(W)/log $(W)/accel

distclean:
	rm -rf $(W)
