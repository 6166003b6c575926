// SPDX-License-Identifier: GPL-2.0
//
// The control: the flags of the page without __GFP_ZERO.
// builds
#include <kernel/alloc/kbox.hpp>
#include <kernel/xarray.hpp>
using namespace kernel;
Result<void> put(XArray<KBox<int>> &xa, KBox<int> &&b);
Result<void> put(XArray<KBox<int>> &xa, KBox<int> &&b)
{
	constexpr alloc::Flags page_flags = GFP_NOIO | __GFP_ZERO;
	return xa.store(0, move(b), page_flags & ~__GFP_ZERO);
}
