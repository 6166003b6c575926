// SPDX-License-Identifier: GPL-2.0
//
// The control: placement new (cpp/include/new), what the messages advise.
// builds
#include <new>
struct Point {
	int x, y;
};
Point *make_point(void *mem);
Point *make_point(void *mem)
{
	return new (mem) Point{ 1, 2 };
}
