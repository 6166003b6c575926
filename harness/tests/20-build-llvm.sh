#!/bin/bash
# level: full
# The patched kernel configures and builds with LLVM=1 (LLVM 19), warning-free
# (CONFIG_WERROR=y), with every option harness/kconfig/ asks for.
. "$(dirname "$0")/../lib.sh"
need_base_or_skip
tree=$("$TOP/harness/apply.sh" | tail -n 1) || exit 1
"$TOP/harness/build.sh" llvm "$tree"
