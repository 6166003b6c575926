// SPDX-License-Identifier: GPL-2.0
//
// A static local with a destructor: registered with atexit(), which the kernel lacks.
// expect: requires an exit-time destructor|needs a destructor at run time
struct Resource {
	~Resource();
	int value;
};
int use_resource();
int use_resource()
{
	static Resource resource;
	return resource.value;
}
