#!/bin/bash
# level: full
# The C++ build rules with LLVM=1 (clang++): an external module mixing C and
# C++ with per-directory and per-object C++ flags, the single targets,
# compile_commands.json, rejected C++ (exceptions, RTTI, global constructors
# and destructors, thread_local), make clean, and a boot that loads the
# module.  See harness/cpp-kbuild-test.sh.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
[ -f "$(build_dir llvm)/vmlinux" ] || { echo "no llvm kernel (did 20-build-llvm fail?)"; exit 1; }
exec "$TOP/harness/cpp-kbuild-test.sh" llvm
