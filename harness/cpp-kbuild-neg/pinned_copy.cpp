// SPDX-License-Identifier: GPL-2.0
//
// A Pinned type is not copyable.
// expect: (deleted|call to deleted|use of deleted)
#include <kernel/utility.hpp>
using namespace kernel;
struct Reg : Pinned<Reg> {
	int id;
};
int copy_id(const Reg &r);
int copy_id(const Reg &r)
{
	Reg c = r;

	return c.id;
}
