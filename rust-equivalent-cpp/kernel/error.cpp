// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-line parts of kernel/error.hpp.
 */

#include <kernel/error.hpp>
#include <kernel/print.hpp>

namespace kernel {

Error Error::invalid_errno(int errno)
{
	pr_warn("attempted to create Error with out of range errno: {}\n",
		errno);
	return code::EINVAL;
}

const char *Error::name() const
{
	// SAFETY: errname() takes any int and returns a static string or
	// NULL; the name has no minus sign for a positive errno.
	return bindings::errname(-errno_);
}

namespace detail {
void bad_result_access(bool wanted_value, int errno)
{
	if (wanted_value)
		pr_emerg("value() of a Result that holds an error ({})\n",
			 Error::from_errno(errno));
	else
		pr_emerg("error() of a Result that holds a value\n");
	// SAFETY: the caller's code is wrong: like an unwrap() of an error in
	// Rust, there is nothing to return to it.
	bindings::BUG();
}
} // namespace detail

} // namespace kernel
