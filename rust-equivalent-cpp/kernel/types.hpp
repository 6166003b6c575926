/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's integer types in namespace kernel: u8 .. u64, s8 .. s64,
 * size_t and ptrdiff_t, with the sizes C gives them.
 *
 * C header: include/linux/types.h, include/uapi/asm-generic/int-ll64.h
 */
#ifndef CPP_KERNEL_TYPES_HPP
#define CPP_KERNEL_TYPES_HPP

#include <cstddef>

namespace kernel {

using u8 = unsigned char;
using u16 = unsigned short;
using u32 = unsigned int;
using u64 = unsigned long long;
using s8 = signed char;
using s16 = short;
using s32 = int;
using s64 = long long;
using size_t = std::size_t;
using ptrdiff_t = std::ptrdiff_t;

static_assert(sizeof(u8) == 1 && sizeof(u16) == 2 && sizeof(u32) == 4 &&
	      sizeof(u64) == 8);
static_assert(sizeof(size_t) == sizeof(void *));

} // namespace kernel

#endif /* CPP_KERNEL_TYPES_HPP */
