// SPDX-License-Identifier: GPL-2.0
//
// A Wraps type with a member of its own is not its C object.
// expect: a Wraps type holds nothing but its C object
#include <kernel/types.hpp>
#include <bindings/bindings.hpp>
using namespace kernel;
class Bad : public Wraps<Bad, bindings::list_head> {
public:
	int extra;
};
Bad &bad(bindings::list_head *h);
Bad &bad(bindings::list_head *h)
{
	// SAFETY: not run; the build must fail.
	return Bad::from_raw_unchecked(h);
}
