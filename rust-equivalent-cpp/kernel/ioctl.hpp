/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ioctl command numbers at compile time: io(), ior<T>(), iow<T>() and
 * iowr<T>() are C's _IO(), _IOR(), _IOW() and _IOWR(); dir(), type(),
 * nr() and size() take a number apart.  The field widths are checked
 * against C's.
 *
 * C header: include/uapi/asm-generic/ioctl.h
 */
#ifndef CPP_KERNEL_IOCTL_HPP
#define CPP_KERNEL_IOCTL_HPP

#include <bindings/bindings.hpp>
#include <kernel/types.hpp>

namespace kernel::ioctl {

inline constexpr u32 NRBITS = 8;
inline constexpr u32 TYPEBITS = 8;
inline constexpr u32 SIZEBITS = 14;
inline constexpr u32 DIRBITS = 2;
inline constexpr u32 NRSHIFT = 0;
inline constexpr u32 TYPESHIFT = NRSHIFT + NRBITS;
inline constexpr u32 SIZESHIFT = TYPESHIFT + TYPEBITS;
inline constexpr u32 DIRSHIFT = SIZESHIFT + SIZEBITS;

/* The directions, seen from user space. */
inline constexpr u32 NONE = 0;
inline constexpr u32 WRITE = 1;
inline constexpr u32 READ = 2;

static_assert(NRBITS == bindings::_IOC_NRBITS &&
		      TYPEBITS == bindings::_IOC_TYPEBITS &&
		      SIZEBITS == bindings::_IOC_SIZEBITS &&
		      DIRBITS == bindings::_IOC_DIRBITS,
	      "the ioctl encoding of this architecture is not the generic one");
static_assert(NONE == bindings::_IOC_NONE && WRITE == bindings::_IOC_WRITE &&
	      READ == bindings::_IOC_READ);

// Not constexpr: calling it in a constant expression is the error.
void field_out_of_range();

/* ioc() - _IOC(); a field out of range is a build error. */
consteval u32 ioc(u32 dir, u32 type, u32 nr, size_t size)
{
	if (dir >= (1U << DIRBITS) || type >= (1U << TYPEBITS) ||
	    nr >= (1U << NRBITS) || size >= (1U << SIZEBITS))
		field_out_of_range();
	return (dir << DIRSHIFT) | (type << TYPESHIFT) | (nr << NRSHIFT) |
	       (static_cast<u32>(size) << SIZESHIFT);
}

/* io() - _IO(): a command without data. */
consteval u32 io(u32 type, u32 nr)
{
	return ioc(NONE, type, nr, 0);
}

/* ior() - _IOR(): the kernel writes a T to user space. */
template <typename T> consteval u32 ior(u32 type, u32 nr)
{
	return ioc(READ, type, nr, sizeof(T));
}

/* iow() - _IOW(): the kernel reads a T from user space. */
template <typename T> consteval u32 iow(u32 type, u32 nr)
{
	return ioc(WRITE, type, nr, sizeof(T));
}

/* iowr() - _IOWR(): both. */
template <typename T> consteval u32 iowr(u32 type, u32 nr)
{
	return ioc(READ | WRITE, type, nr, sizeof(T));
}

constexpr u32 dir(u32 cmd)
{
	return (cmd >> DIRSHIFT) & ((1U << DIRBITS) - 1);
}

constexpr u32 type(u32 cmd)
{
	return (cmd >> TYPESHIFT) & ((1U << TYPEBITS) - 1);
}

constexpr u32 nr(u32 cmd)
{
	return (cmd >> NRSHIFT) & ((1U << NRBITS) - 1);
}

constexpr size_t size(u32 cmd)
{
	return (cmd >> SIZESHIFT) & ((1U << SIZEBITS) - 1);
}

} // namespace kernel::ioctl

#endif /* CPP_KERNEL_IOCTL_HPP */
