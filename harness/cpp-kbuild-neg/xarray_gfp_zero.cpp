// SPDX-License-Identifier: GPL-2.0
//
// An XArray's node flags with __GFP_ZERO (slub warns when a new slab of
// the nodes' cache, which has a constructor, is asked for zeroed): the
// flags of a zeroed page passed on to the array.
// expect: gfp_zero_in_xarray_node_flags
#include <kernel/alloc/kbox.hpp>
#include <kernel/xarray.hpp>
using namespace kernel;
Result<void> put(XArray<KBox<int>> &xa, KBox<int> &&b);
Result<void> put(XArray<KBox<int>> &xa, KBox<int> &&b)
{
	constexpr alloc::Flags page_flags = GFP_NOIO | __GFP_ZERO;
	return xa.store(0, move(b), page_flags);
}
