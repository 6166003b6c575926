// SPDX-License-Identifier: GPL-2.0
//
// container_of_unchecked() of a pointer that is not the member's type.
// expect: not a pointer to the member
#include <kernel/types.hpp>
using namespace kernel;
struct Node {
	int key;
	long value;
};
Node *node(int *p);
Node *node(int *p)
{
	// SAFETY: not run; the build must fail.
	return container_of_unchecked<&Node::value>(p);
}
