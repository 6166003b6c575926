// SPDX-License-Identifier: GPL-2.0
/*
 * The module of the KUnit suites of the C++ support library
 * (CONFIG_CPP_KERNEL_KUNIT_TEST): the suites are in kernel/alloc_test.cpp,
 * kernel/error_test.cpp and kernel/fmt_test.cpp.
 */

#include <kernel/module.hpp>

MODULE_DESCRIPTION("KUnit tests of the C++ support library");
MODULE_LICENSE("GPL");
