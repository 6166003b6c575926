// SPDX-License-Identifier: GPL-2.0
//
// A world-writable module parameter (VERIFY_OCTAL_PERMISSIONS() in C).
// expect: bad permissions for level
#include <kernel/module.hpp>
KERNEL_MODULE_PARAM(level, int, 1, 0666, "A level");
