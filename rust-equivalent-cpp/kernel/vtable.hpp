/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Operations tables: how a C++ driver gives a subsystem its callbacks.
 *
 * A C subsystem calls its drivers through a table of function pointers
 * (struct file_operations, struct phy_driver, struct blk_mq_ops).  A C++
 * driver fills the subsystem's C++ table instead, with designated
 * initializers, as a C driver fills the C one:
 *
 *	static constexpr miscdevice::FileOperations<ScratchFile> OPS = {
 *		.open = open,
 *		.read = &ScratchFile::read,
 *	};
 *
 * The members of a C++ table are Callbacks, typed pointers to C++
 * callbacks, empty unless given.  So a misspelled callback is a compile
 * error that names the member (".raed" is no member of the table), a
 * callback of the wrong type an error on its line that says both types,
 * and one left out is no callback.  C++ wants the members in the order of
 * the table's type.  The subsystem builds its C table from the C++ one at
 * compile time with vtable::set(): each slot whose callback the driver
 * gave points to an adapter that converts the arguments and calls it, and
 * the others stay NULL, so that the C subsystem does what it does for a C
 * driver that leaves them out (Rust's #[vtable]).  The adapter is made for
 * each callback function, not for each driver: drivers that share a
 * callback share its adapter, as C drivers share a function, and a
 * callback that no driver gives costs nothing.
 *
 * A callback the subsystem requires is checked by the subsystem with
 * vtable::given() in a static_assert() that names it.
 */
#ifndef CPP_KERNEL_VTABLE_HPP
#define CPP_KERNEL_VTABLE_HPP

#include <kernel/type_traits.hpp>

namespace kernel::vtable {

/*
 * struct CFunction - a C function that fills a slot of the C table
 * itself, with no adapter in between: a subsystem's generic
 * implementation of a callback (phylib's genphy_suspend(), say), which
 * the subsystem's header names for C++ drivers.
 */
template <typename CFn> struct CFunction {
	CFn fn;
};

namespace detail {
/* The C function type of a Callback that may not hold one. */
struct NoCFunction {};
} // namespace detail

/*
 * struct Callback - a member of a C++ table: a C++ callback of type @Fn,
 * or, if @CFn is given, a CFunction of the C slot's type, or neither.
 *
 * @given says whether it holds one; it is what the table builder tests,
 * not the pointer: GCC does not fold a comparison of a function's address
 * with NULL in a constant expression when the function has external
 * linkage (it might be weak).
 */
template <typename Fn, typename CFn = detail::NoCFunction> struct Callback {
	Fn cpp = nullptr;
	CFn c = {};
	bool given = false;
	bool is_c = false;

	constexpr Callback() = default;

	constexpr Callback(Fn f) : cpp(f), given(true)
	{
	}

	constexpr Callback(CFunction<CFn> f)
		requires(!is_same_v<CFn, detail::NoCFunction>)
	    : c(f.fn), given(true), is_c(true)
	{
	}
};

/*
 * given() - whether the member @M of the driver's C++ table @O (a
 * constant: ``T::OPS``) holds a callback.
 */
template <const auto &O, auto M> consteval bool given()
{
	return (O.*M).given;
}

/**
 * set() - fills a slot of a C table from a driver's C++ table
 * @O: the driver's C++ table, a constant (``T::OPS``)
 * @M: the Callback member of the C++ table that fills the slot
 *     (``&Ops::read``)
 * @Adapter: ``Adapter<f>::call`` is the C function that calls the C++
 *           callback f; made only for a callback that is given
 * @slot: the C table's function pointer
 *
 * The slot is left as it is when the member holds no callback.
 */
template <const auto &O, auto M, template <auto> typename Adapter,
	  typename Slot>
constexpr void set(Slot &slot)
{
	constexpr const auto &cb = O.*M;

	if constexpr (cb.is_c)
		slot = cb.c;
	else if constexpr (cb.given)
		slot = Adapter<cb.cpp>::call;
}

} // namespace kernel::vtable

#endif /* CPP_KERNEL_VTABLE_HPP */
