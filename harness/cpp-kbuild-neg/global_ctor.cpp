// SPDX-License-Identifier: GPL-2.0
//
// A global that needs a constructor at run time: nothing runs it.
// expect: requires a global constructor|needs a constructor at run time
struct Counter {
	Counter();
	int value;
};
Counter counter;
