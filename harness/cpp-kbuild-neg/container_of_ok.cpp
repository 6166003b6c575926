// SPDX-License-Identifier: GPL-2.0
//
// The control of container_of_wrong.cpp and wraps_layout.cpp.
// builds
#include <kernel/types.hpp>
#include <bindings/bindings.hpp>
using namespace kernel;
struct Node {
	int key;
	long value;
};
class Good : public Wraps<Good, bindings::list_head> {};
Node *node(long *p);
Node *node(long *p)
{
	// SAFETY: not run.
	return container_of_unchecked<&Node::value>(p);
}
Good &good(bindings::list_head *h);
Good &good(bindings::list_head *h)
{
	// SAFETY: not run.
	return Good::from_raw_unchecked(h);
}
