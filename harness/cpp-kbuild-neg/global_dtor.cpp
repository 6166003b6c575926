// SPDX-License-Identifier: GPL-2.0
//
// A global that needs a destructor at run time: nothing runs it.
// expect: requires an exit-time destructor|needs a destructor at run time
struct Resource {
	~Resource();
	int value;
};
Resource resource;
