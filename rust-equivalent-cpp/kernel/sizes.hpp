/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SZ_1K .. SZ_2G: sizes in bytes, as C names them.
 *
 * C header: include/linux/sizes.h
 */
#ifndef CPP_KERNEL_SIZES_HPP
#define CPP_KERNEL_SIZES_HPP

#include <kernel/types.hpp>

namespace kernel {

inline constexpr size_t SZ_1K = 1UL << 10;
inline constexpr size_t SZ_2K = 1UL << 11;
inline constexpr size_t SZ_4K = 1UL << 12;
inline constexpr size_t SZ_8K = 1UL << 13;
inline constexpr size_t SZ_16K = 1UL << 14;
inline constexpr size_t SZ_32K = 1UL << 15;
inline constexpr size_t SZ_64K = 1UL << 16;
inline constexpr size_t SZ_128K = 1UL << 17;
inline constexpr size_t SZ_256K = 1UL << 18;
inline constexpr size_t SZ_512K = 1UL << 19;
inline constexpr size_t SZ_1M = 1UL << 20;
inline constexpr size_t SZ_2M = 1UL << 21;
inline constexpr size_t SZ_4M = 1UL << 22;
inline constexpr size_t SZ_8M = 1UL << 23;
inline constexpr size_t SZ_16M = 1UL << 24;
inline constexpr size_t SZ_32M = 1UL << 25;
inline constexpr size_t SZ_64M = 1UL << 26;
inline constexpr size_t SZ_128M = 1UL << 27;
inline constexpr size_t SZ_256M = 1UL << 28;
inline constexpr size_t SZ_512M = 1UL << 29;
inline constexpr size_t SZ_1G = 1UL << 30;
inline constexpr size_t SZ_2G = 1UL << 31;

} // namespace kernel

#endif /* CPP_KERNEL_SIZES_HPP */
