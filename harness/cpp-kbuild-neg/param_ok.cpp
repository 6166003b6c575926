// SPDX-License-Identifier: GPL-2.0
//
// The control: the same parameter, readable by all.
// builds
#include <kernel/module.hpp>
KERNEL_MODULE_PARAM(level, int, 1, 0644, "A level");
